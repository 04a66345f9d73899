package learn

import (
	"unicode"
	"unicode/utf8"
)

// The word forms that the trained stages build features from. They append into a
// caller's scratch buffer, to be hashed with Hasher.Bytes, so that extracting them
// allocates nothing.

// AppendLower appends the lowercase of w.
func AppendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// AppendTitle appends lower with its first letter in upper case.
func AppendTitle(dst []byte, lower []byte) []byte {
	r, size := utf8.DecodeRune(lower)
	if size == 0 {
		return dst
	}
	dst = utf8.AppendRune(dst, unicode.ToUpper(r))
	return append(dst, lower[size:]...)
}

// maxShape bounds the shape of a long word; its beginning says enough.
const maxShape = 8

// AppendShape appends the shape of w: upper-case letters as X, lower-case as x, digits as
// d, anything else as itself, with runs of one kind cut to two ("Tokayev" → "Xxx",
// "2024" → "dd", "U.S." → "X.X."), at most 8 bytes.
func AppendShape(dst []byte, w string) []byte {
	start := len(dst)
	for _, r := range w {
		var c byte
		switch {
		case r >= '0' && r <= '9':
			c = 'd'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		n := len(dst)
		if n-start >= 2 && dst[n-1] == c && dst[n-2] == c {
			continue
		}
		dst = append(dst, c)
		if len(dst)-start >= maxShape {
			break
		}
	}
	return dst
}
