package learn

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Every model file Herald ships or trains (tagger, lemmatizer, parser, word clusters,
// recognizer, gazetteer, lexicon, places, codebook) follows one convention, kept here:
//
//   - a header line, "HERALD <kind> <version>\n" ("HERALD tagger 4"), which names what the
//     file holds and the version of its layout; a reader accepts its own kind and version
//     only, and says which it found;
//   - then the kind's payload, in a compact layout of unsigned varints, zigzag varints,
//     length-prefixed strings and little-endian fixed-width numbers (or, for the codebook,
//     tab-separated text), in a fixed order, so that the same model always gives the same
//     bytes and a documented command rebuilds a shipped file byte for byte;
//   - no compression: the files are laid out small instead, and a reader decodes them
//     straight into the tables that use them, or uses the bytes where they lie (strings
//     of an embedded file are substrings of it, and cost no heap);
//   - every error wraps ErrFormat and says where: the kind and the byte offset.
//
// Each model package offers Read(r io.Reader), which decodes a file, and Embedded(), the
// file embedded in the binary, decoded once on first use and shared.

// ErrFormat reports a model file that is not one, is of another kind or version, or is
// damaged.
var ErrFormat = errors.New("not a valid Herald model file")

const headerMagic = "HERALD "

// Header is the first line of a model file of kind at version, newline included.
func Header(kind string, version int) string {
	return headerMagic + kind + " " + strconv.Itoa(version) + "\n"
}

// ReadAll reads a whole model file from r. The decoders work on strings, so that an
// embedded file (a string in the binary) is decoded without a copy; a file read from r
// is copied once, here, and a model read from it keeps those bytes, as its strings are
// substrings of them (the embedded models, which most runs use, cost nothing for it).
func ReadAll(r io.Reader) (string, error) {
	var b strings.Builder
	if _, err := io.Copy(&b, r); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Encoder builds a model file in memory: the header, then what the kind's writer
// appends. The zero value is not usable; call NewEncoder.
type Encoder struct {
	b []byte
}

// NewEncoder starts a file of kind at version.
func NewEncoder(kind string, version int) *Encoder {
	return &Encoder{b: []byte(Header(kind, version))}
}

// Uvarint appends x as an unsigned varint.
func (e *Encoder) Uvarint(x uint64) {
	for x >= 0x80 {
		e.b = append(e.b, byte(x)|0x80)
		x >>= 7
	}
	e.b = append(e.b, byte(x))
}

// Varint appends x zigzag-encoded, so that small negative numbers stay short.
func (e *Encoder) Varint(x int64) { e.Uvarint(uint64(x<<1) ^ uint64(x>>63)) }

// String appends s with its length before it.
func (e *Encoder) String(s string) {
	e.Uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// Raw appends s as it is: fixed-width data whose length the reader knows.
func (e *Encoder) Raw(s string) { e.b = append(e.b, s...) }

// Byte appends c.
func (e *Encoder) Byte(c byte) { e.b = append(e.b, c) }

// Uint16 appends x in two bytes, little-endian.
func (e *Encoder) Uint16(x uint16) { e.b = append(e.b, byte(x), byte(x>>8)) }

// Uint32 appends x in four bytes, little-endian.
func (e *Encoder) Uint32(x uint32) {
	e.b = append(e.b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
}

// Float32 appends the bits of x, little-endian: the exact value, NaN and infinities
// included.
func (e *Encoder) Float32(x float32) { e.Uint32(math.Float32bits(x)) }

// Len is the size of the file so far.
func (e *Encoder) Len() int { return len(e.b) }

// Bytes is the file so far; it belongs to the Encoder.
func (e *Encoder) Bytes() []byte { return e.b }

// WriteTo writes the file to w.
func (e *Encoder) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(e.b)
	return int64(n), err
}

// Decoder reads a model file that Open has checked the header of. It keeps the first
// error: once one has occurred, reads return zero values, and Err or Finish report it,
// so that a reader can decode a whole structure and check once.
type Decoder struct {
	data string
	off  int
	last int // where the value read last starts, for errors
	kind string
	err  error
}

// Open checks that data is a model file of kind at version and returns a Decoder at the
// start of its payload.
func Open(data, kind string, version int) (*Decoder, error) {
	line, _, ok := strings.Cut(data[:min(len(data), 64)], "\n")
	rest, isModel := strings.CutPrefix(line, headerMagic)
	if !ok || !isModel {
		return nil, fmt.Errorf("%w: want a %s file (%q), the file starts %.20q", ErrFormat, kind, Header(kind, version), data)
	}
	gotKind, v, _ := strings.Cut(rest, " ")
	if gotKind != kind {
		return nil, fmt.Errorf("%w: want a %s file, this is %q", ErrFormat, kind, line)
	}
	if got, err := strconv.Atoi(v); err != nil || got != version {
		return nil, fmt.Errorf("%w: %s file of version %s, want %d (rebuild it with its herald command)", ErrFormat, kind, v, version)
	}
	return &Decoder{data: data, off: len(line) + 1, kind: kind}, nil
}

// Failf records a format error at the start of the value read last, unless one is
// recorded already: for what the reader finds wrong with a value it decoded.
func (d *Decoder) Failf(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s, byte %d: %s", ErrFormat, d.kind, d.last, fmt.Sprintf(format, args...))
	}
}

// Err is the first error, nil if none.
func (d *Decoder) Err() error { return d.err }

// Finish returns the first error, or one if bytes are left after the payload.
func (d *Decoder) Finish() error {
	if d.err == nil && d.off != len(d.data) {
		d.last = d.off
		d.Failf("%d bytes after the end", len(d.data)-d.off)
	}
	return d.err
}

// Left is the number of bytes not read yet.
func (d *Decoder) Left() int { return len(d.data) - d.off }

// Uvarint reads an unsigned varint; what names it in errors.
func (d *Decoder) Uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	d.last = d.off
	var x uint64
	for shift, i := uint(0), d.off; i < len(d.data); shift, i = shift+7, i+1 {
		c := d.data[i]
		if shift == 63 && c > 1 {
			break
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			d.off = i + 1
			return x
		}
	}
	d.Failf("%s: truncated or overlong varint", what)
	return 0
}

// Uvarints fills dst with unsigned varints, in one tight loop: for the runs of numbers
// that tables are read from. It returns false, with the error recorded, when the data
// ends first or a varint is overlong.
func (d *Decoder) Uvarints(dst []uint64, what string) bool {
	if d.err != nil {
		return false
	}
	data, start, off := d.data, d.off, d.off
	for i := range dst {
		if off < len(data) && data[off] < 0x80 {
			dst[i] = uint64(data[off])
			off++
			continue
		}
		d.off = off
		dst[i] = d.Uvarint(what)
		if d.err != nil {
			return false
		}
		off = d.off
	}
	d.last, d.off = start, off
	return true
}

// Unzigzag is the signed number of a zigzag-encoded one (see Encoder.Varint).
func Unzigzag(z uint64) int64 { return int64(z>>1) ^ -int64(z&1) }

// Varint reads a zigzag-encoded signed varint.
func (d *Decoder) Varint(what string) int64 {
	return Unzigzag(d.Uvarint(what))
}

// Count reads a number of elements to come and checks it against limit and against the
// bytes left (every element takes at least one), so that a damaged count cannot make a
// reader allocate more than the file could hold.
func (d *Decoder) Count(what string, limit int) int {
	n := d.Uvarint(what)
	if d.err == nil && (limit < 0 || n > uint64(limit) || n > uint64(d.Left())) {
		d.Failf("%d %s, more than %d", n, what, min(limit, d.Left()))
		return 0
	}
	return int(n)
}

// Int reads an unsigned varint that must not exceed limit (any does when limit < 0).
func (d *Decoder) Int(what string, limit int) int {
	n := d.Uvarint(what)
	if d.err == nil && (limit < 0 || n > uint64(limit)) {
		d.Failf("%s %d out of range (at most %d)", what, n, limit)
		return 0
	}
	return int(n)
}

// String reads a length-prefixed string. It is a substring of the file's data: no copy.
func (d *Decoder) String(what string) string {
	start := d.off
	n := d.Uvarint(what)
	d.last = start
	if d.err == nil && n > uint64(d.Left()) {
		d.Failf("%s of %d bytes, only %d left", what, n, d.Left())
	}
	if d.err != nil {
		return ""
	}
	s := d.data[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

// Raw reads the next n bytes, as a substring of the file's data.
func (d *Decoder) Raw(n int, what string) string {
	d.last = d.off
	if d.err == nil && (n < 0 || n > d.Left()) {
		d.Failf("%s of %d bytes, only %d left", what, n, d.Left())
	}
	if d.err != nil {
		return ""
	}
	s := d.data[d.off : d.off+n]
	d.off += n
	return s
}

// Byte reads one byte.
func (d *Decoder) Byte(what string) byte {
	s := d.Raw(1, what)
	if len(s) < 1 {
		return 0
	}
	return s[0]
}

// Uint16 reads two bytes, little-endian.
func (d *Decoder) Uint16(what string) uint16 {
	s := d.Raw(2, what)
	if len(s) < 2 {
		return 0
	}
	return uint16(s[0]) | uint16(s[1])<<8
}

// Uint32 reads four bytes, little-endian.
func (d *Decoder) Uint32(what string) uint32 {
	s := d.Raw(4, what)
	if len(s) < 4 {
		return 0
	}
	return LittleEndian32(s, 0)
}

// Float32 reads the bits of a float32.
func (d *Decoder) Float32(what string) float32 { return math.Float32frombits(d.Uint32(what)) }

// LittleEndian32 is the little-endian uint32 at s[i:i+4], for fixed-width tables that
// readers use where they lie.
func LittleEndian32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}
