package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"herald/document"
)

// decoded is the outcome of charset detection: valid UTF-8 text plus what it cost.
type decoded struct {
	text     string
	charset  string
	repairs  []document.Repair
	problems []Problem
}

// maxProblems caps the per-document problem list; the last entry then summarizes the rest.
const maxProblems = 20

// signature is a file-format magic number that marks input as binary.
type signature struct {
	offset int
	magic  string
	kind   string
}

var signatures = []signature{
	{0, "\x89PNG\r\n\x1a\n", "PNG image"},
	{0, "\xff\xd8\xff", "JPEG image"},
	{0, "GIF87a", "GIF image"},
	{0, "GIF89a", "GIF image"},
	{0, "%PDF-", "PDF document"},
	{0, "PK\x03\x04", "ZIP archive"},
	{0, "PK\x05\x06", "ZIP archive"},
	{0, "\x1f\x8b", "gzip data"},
	{0, "BZh91AY&SY", "bzip2 data"},
	{0, "\xfd7zXZ\x00", "xz data"},
	{0, "\x28\xb5\x2f\xfd", "zstd data"},
	{0, "7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{0, "Rar!\x1a\x07", "RAR archive"},
	{0, "\x7fELF", "ELF executable"},
	{0, "SQLite format 3\x00", "SQLite database"},
	{0, "OggS\x00", "Ogg media"},
	{0, "II*\x00", "TIFF image"},
	{0, "MM\x00*", "TIFF image"},
	{0, "\x00asm", "WebAssembly module"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old MS Office)"},
	{8, "WEBP", "WebP image"},
	{4, "ftyp", "MP4/QuickTime media"},
}

// decode detects the charset of raw and returns its text as valid UTF-8.
func decode(raw []byte) (decoded, error) {
	if len(raw) == 0 {
		return decoded{}, &inputError{ErrEmpty, "empty document (0 bytes)"}
	}
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return decodeUTF8(raw[3:], 3), nil
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return decodeUTF16(raw[2:], 2, false), nil
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return decodeUTF16(raw[2:], 2, true), nil
	}
	for _, s := range signatures {
		if len(raw) >= s.offset+len(s.magic) && string(raw[s.offset:s.offset+len(s.magic)]) == s.magic {
			if s.kind == "MP4/QuickTime media" && !(len(raw) > 8 && raw[0] == 0) {
				continue // "ftyp" at 4 only counts after a box size with a zero high byte
			}
			return decoded{}, &inputError{ErrBinary,
				fmt.Sprintf("binary data at byte %d (%s), not text", s.offset, s.kind)}
		}
	}
	if bigEndian, ok := sniffUTF16(raw); ok {
		return decodeUTF16(raw, 0, bigEndian), nil
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return decoded{}, &inputError{ErrBinary, fmt.Sprintf("binary data at byte %d (NUL byte), not text", i)}
	}
	if first, n := countControls(raw); n >= 4 && n*10 > len(raw) {
		return decoded{}, &inputError{ErrBinary, fmt.Sprintf(
			"binary data at byte %d (%d of %d bytes are control codes), not text", first, n, len(raw))}
	}
	if utf8.Valid(raw) {
		return decoded{text: string(raw), charset: "utf-8"}, nil
	}
	valid, invalid := countUTF8(raw)
	if valid > 0 && valid >= invalid {
		return decodeUTF8(raw, 0), nil
	}
	return decodeSingleByte(raw), nil
}

// sniffUTF16 recognises BOM-less UTF-16 by its NUL bytes: mostly-ASCII UTF-16LE has a zero
// in nearly every odd byte and almost none in even ones; big-endian the other way round.
func sniffUTF16(raw []byte) (bigEndian, ok bool) {
	n := min(len(raw), 4096) &^ 1
	if n < 4 {
		return false, false
	}
	zeroEven, zeroOdd := 0, 0
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			zeroEven++
		}
		if raw[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*3 && zeroEven*20 <= pairs:
		return false, true
	case zeroEven*10 >= pairs*3 && zeroOdd*20 <= pairs:
		return true, true
	}
	return false, false
}

// countControls counts (a few stray controls are cleaned, not fatal; see tidy) C0 control bytes other than the whitespace ones (tab, LF, VT, FF,
// CR) and ESC, and reports where the first is.
func countControls(raw []byte) (first, n int) {
	first = -1
	for i, b := range raw {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' && b != 0x1b {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return first, n
}

// countUTF8 counts valid multi-byte sequences and invalid bytes.
func countUTF8(raw []byte) (valid, invalid int) {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid, invalid
}

// decodeUTF8 replaces each run of invalid bytes with one U+FFFD, recording a repair and a
// problem per run. base is the offset of raw within the original input (after a BOM).
func decodeUTF8(raw []byte, base int) decoded {
	d := decoded{charset: "utf-8"}
	if utf8.Valid(raw) {
		d.text = string(raw)
		return d
	}
	var b strings.Builder
	b.Grow(len(raw) + 16)
	runs := 0
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r != utf8.RuneError || size != 1 {
			b.Write(raw[i : i+size])
			i += size
			continue
		}
		j := i + 1
		for j < len(raw) {
			r, size := utf8.DecodeRune(raw[j:])
			if r != utf8.RuneError || size != 1 {
				break
			}
			j++
		}
		start := b.Len()
		b.WriteRune(utf8.RuneError)
		d.repairs = append(d.repairs, document.Repair{Kind: "invalid-utf8", Start: start, End: b.Len(),
			Before: string(raw[i:j]), After: "\uFFFD"})
		runs++
		if runs <= maxProblems {
			d.problems = append(d.problems, Problem{Offset: base + i, Msg: invalidBytesMsg(raw[i:j], base+i)})
		}
		i = j
	}
	if runs > maxProblems {
		d.problems = append(d.problems, Problem{Offset: d.problems[len(d.problems)-1].Offset,
			Msg: fmt.Sprintf("%d more runs of invalid UTF-8 not listed", runs-maxProblems)})
	}
	d.text = b.String()
	return d
}

func invalidBytesMsg(bad []byte, at int) string {
	if len(bad) == 1 {
		return fmt.Sprintf("invalid UTF-8 byte 0x%02X at byte %d", bad[0], at)
	}
	var hex strings.Builder
	for k, c := range bad {
		if k == 4 {
			hex.WriteString(" ...")
			break
		}
		if k > 0 {
			hex.WriteByte(' ')
		}
		fmt.Fprintf(&hex, "0x%02X", c)
	}
	return fmt.Sprintf("invalid UTF-8 bytes %s (%d bytes) at byte %d", hex.String(), len(bad), at)
}

// decodeSingleByte decodes text that has no UTF-8 structure. Windows-1252 is the usual
// suspect; when the bytes hold any of the five codes it leaves undefined (0x81, 0x8D, 0x8F,
// 0x90, 0x9D) the text is read as ISO-8859-1, whose C1 codes the control pass then handles.
func decodeSingleByte(raw []byte) decoded {
	cm, name := charmap.Windows1252, "windows-1252"
	for _, b := range raw {
		if b == 0x81 || b == 0x8d || b == 0x8f || b == 0x90 || b == 0x9d {
			cm, name = charmap.ISO8859_1, "iso-8859-1"
			break
		}
	}
	out, err := cm.NewDecoder().Bytes(raw)
	if err != nil || !utf8.Valid(out) { // cannot happen for these total charmaps
		return decoded{text: strings.ToValidUTF8(string(raw), "\uFFFD"), charset: name}
	}
	return decoded{text: string(out), charset: name}
}

// decodeUTF16 decodes UTF-16 by hand rather than through x/text so that an unpaired
// surrogate or an odd trailing byte can be reported with its byte offset.
func decodeUTF16(raw []byte, base int, bigEndian bool) decoded {
	d := decoded{charset: "utf-16le"}
	if bigEndian {
		d.charset = "utf-16be"
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(raw[i])<<8 | rune(raw[i+1])
		}
		return rune(raw[i+1])<<8 | rune(raw[i])
	}
	var b strings.Builder
	b.Grow(len(raw) / 2)
	bad := 0
	problem := func(at int, msg string) {
		bad++
		if bad <= maxProblems {
			d.problems = append(d.problems, Problem{Offset: at, Msg: msg})
		}
	}
	n := len(raw) &^ 1
	for i := 0; i < n; i += 2 {
		u := unit(i)
		if utf16.IsSurrogate(u) {
			if u < 0xdc00 && i+3 < n {
				if r := utf16.DecodeRune(u, unit(i+2)); r != utf8.RuneError {
					b.WriteRune(r)
					i += 2
					continue
				}
			}
			start := b.Len()
			b.WriteRune(utf8.RuneError)
			d.repairs = append(d.repairs, document.Repair{Kind: "invalid-utf16", Start: start, End: b.Len(),
				Before: string(raw[i : i+2]), After: "\uFFFD"})
			problem(base+i, fmt.Sprintf("unpaired UTF-16 surrogate 0x%04X at byte %d", u, base+i))
			continue
		}
		b.WriteRune(u)
	}
	if n < len(raw) {
		problem(base+n, fmt.Sprintf("odd trailing byte 0x%02X at byte %d of UTF-16 text, dropped", raw[n], base+n))
	}
	if bad > maxProblems {
		d.problems = append(d.problems, Problem{Offset: d.problems[len(d.problems)-1].Offset,
			Msg: fmt.Sprintf("%d more UTF-16 problems not listed", bad-maxProblems)})
	}
	d.text = b.String()
	return d
}
