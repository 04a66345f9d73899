package clean

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// charClass sorts the runes the tidy pass cares about.
type charClass uint8

const (
	keep      charClass = iota
	space               // becomes ' ' (tab, NBSP, Unicode spaces)
	newline             // one line break (LF, CR, VT, FF, U+2028)
	paragraph           // a paragraph break (U+2029)
	deletable           // control or invisible format character: removed and recorded
	c1mapped            // C1 code that Windows-1252 defines: becomes that character
)

// classify returns what the tidy pass does with the rune r.
func classify(r rune) charClass {
	switch {
	case r == ' ' || r == '\t':
		return space
	case r == '\n' || r == '\r' || r == '\v' || r == '\f':
		return newline
	case r < 0x20 || r == 0x7f:
		return deletable
	case r < 0x80:
		return keep
	case r < 0xa0:
		if cp1252High[r-0x80] != r {
			return c1mapped
		}
		return deletable
	case r == 0xa0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x202f || r == 0x205f || r == 0x3000:
		return space
	case r == 0x2028:
		return newline
	case r == 0x2029:
		return paragraph
	case r == 0xad || r == 0x200b || r == 0x2060 || r == 0xfeff || (r >= 0x206a && r <= 0x206f) ||
		(r >= 0xfff9 && r <= 0xfffb):
		return deletable
	}
	return keep
}

// mayNeedTidy marks the bytes that can start a rune classify does not keep. Other bytes
// (printable ASCII, most lead and continuation bytes) are skipped without decoding.
var mayNeedTidy = func() (t [256]bool) {
	for b := 0; b < 0x20; b++ {
		t[b] = true
	}
	for _, b := range []byte{' ', 0x7f, 0xc2, 0xe1, 0xe2, 0xe3, 0xef} {
		t[b] = true
	}
	return t
}()

// tidy returns the edits that normalize whitespace and remove control characters in s.
// Runs of whitespace (with any control characters inside them) collapse to "", " ", "\n" or
// "\n\n"; other control characters are deleted. Only edits that delete or map a control
// character are recorded (kind "control" or "mojibake"); whitespace edits are not.
func tidy(s string) []edit {
	var edits []edit
	for i := 0; i < len(s); {
		b := s[i]
		if !mayNeedTidy[b] {
			i++
			continue
		}
		// Fast path: a single space or newline inside the text, followed by a plain byte.
		if (b == ' ' || b == '\n') && i > 0 && i+1 < len(s) && !mayNeedTidy[s[i+1]] {
			i += 2
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		class := classify(r)
		switch class {
		case keep:
			i += size
			continue
		case c1mapped:
			edits = append(edits, edit{i, i + size, string(cp1252High[r-0x80]), "mojibake"})
			i += size
			continue
		}
		// A run of whitespace and deletable characters.
		start, breaks, hasSpace, hasControl := i, 0, false, false
		for i < len(s) {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			switch classify(r) {
			case space:
				hasSpace = true
			case newline:
				hasSpace = true
				if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
					size = 2
				}
				breaks++
			case paragraph:
				hasSpace = true
				breaks += 2
			case deletable:
				hasControl = true
			default:
				goto done
			}
			i += size
		}
	done:
		repl := ""
		switch {
		case !hasSpace || start == 0 || i == len(s):
		case breaks == 0:
			repl = " "
		case breaks == 1:
			repl = "\n"
		default:
			repl = "\n\n"
		}
		if s[start:i] == repl {
			continue
		}
		kind := ""
		if hasControl {
			kind = "control"
		}
		edits = append(edits, edit{start, i, repl, kind})
	}
	return edits
}

// nfcEdits returns the edits that bring s to Unicode NFC, one per changed segment between
// normalization boundaries, so that repairs elsewhere keep their exact offsets.
func nfcEdits(s string) []edit {
	n := norm.NFC.QuickSpanString(s)
	if n == len(s) {
		return nil
	}
	var edits []edit
	for pos := 0; pos < len(s); {
		n := norm.NFC.QuickSpanString(s[pos:])
		if pos+n >= len(s) {
			break
		}
		// QuickSpan stops at a boundary; the segment to fix runs to the next one.
		start := pos + n
		end := len(s)
		if k := norm.NFC.NextBoundaryInString(s[start:], true); k > 0 {
			end = start + k
		}
		if seg := norm.NFC.String(s[start:end]); seg != s[start:end] {
			edits = append(edits, edit{start, end, seg, ""})
		}
		pos = end
	}
	if applyEdits(s, edits) == norm.NFC.String(s) {
		return edits
	}
	// Fallback: one edit spanning everything between the common prefix and suffix.
	want := norm.NFC.String(s)
	p := 0
	for p < len(s) && p < len(want) && s[p] == want[p] {
		p++
	}
	for p > 0 && !utf8.RuneStart(s[p]) {
		p--
	}
	q := 0
	for q < len(s)-p && q < len(want)-p && s[len(s)-1-q] == want[len(want)-1-q] {
		q++
	}
	for q > 0 && !utf8.RuneStart(s[len(s)-q]) {
		q--
	}
	return []edit{{p, len(s) - q, want[p : len(want)-q], ""}}
}
