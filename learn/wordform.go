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

// Forms holds the lowercase form and the shape of each word of a sentence, packed into
// two byte arenas that are reused from sentence to sentence, so that a feature extractor
// builds them once per word and allocates nothing once they have grown.
type Forms struct {
	lower, shape       []byte
	lowerEnd, shapeEnd []int
}

// Reset empties the forms for a new sentence.
func (f *Forms) Reset() {
	f.lower, f.shape = f.lower[:0], f.shape[:0]
	f.lowerEnd, f.shapeEnd = f.lowerEnd[:0], f.shapeEnd[:0]
}

// Add appends the next word's forms: its lowercase as appendLower writes it (AppendLower,
// or a variant such as one that also folds digits) and its shape.
func (f *Forms) Add(w string, appendLower func(dst []byte, w string) []byte) {
	f.lower = appendLower(f.lower, w)
	f.lowerEnd = append(f.lowerEnd, len(f.lower))
	f.shape = AppendShape(f.shape, w)
	f.shapeEnd = append(f.shapeEnd, len(f.shape))
}

// Lower is word i's lowercase form; the slice is valid until the next Reset.
func (f *Forms) Lower(i int) []byte { return f.lower[f.start(f.lowerEnd, i):f.lowerEnd[i]] }

// Shape is word i's shape; the slice is valid until the next Reset.
func (f *Forms) Shape(i int) []byte { return f.shape[f.start(f.shapeEnd, i):f.shapeEnd[i]] }

func (f *Forms) start(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

// Flags are what WordFlags tells of a word's characters.
type Flags uint8

// The flags. The tagger's features hash the low five as they are; the recognizer's hash
// them in a layout of their own (see its wordFlags). Either way the numbers are part of
// the trained weights, so a stage's layout changes only with a retrain.
const (
	FlagDigit     Flags = 1 << iota // a digit 0-9
	FlagHyphen                      // a '-'
	FlagUpper                       // some letter is upper case
	FlagAllUpper                    // every letter is, and there are at least two
	FlagInitUpper                   // the first character is an upper-case letter
	FlagPeriod                      // a '.'
	FlagNonASCII                    // a character beyond ASCII (or a byte that is none)
)

// WordFlags reads the flags of w in one pass.
func WordFlags(w string) Flags {
	var f Flags
	letters, uppers := 0, 0
	for i, r := range w {
		switch {
		case r >= '0' && r <= '9':
			f |= FlagDigit
		case r == '-':
			f |= FlagHyphen
		case r == '.':
			f |= FlagPeriod
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				uppers++
				f |= FlagUpper
				if i == 0 {
					f |= FlagInitUpper
				}
			}
		}
		if r >= utf8.RuneSelf {
			f |= FlagNonASCII
		}
	}
	if letters >= 2 && uppers == letters {
		f |= FlagAllUpper
	}
	return f
}
