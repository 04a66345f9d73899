package parser

import "herald/syntax/wordclass"

// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the
// artificial root at the end of the buffer (Ballesteros and Nivre 2013, "Going to the
// roots of dependency parsing"). Words are numbered 1..n, ROOT is n+1, and 0 stands for
// "no such word" in every array, so feature lookups need no bounds checks.
//
//	SHIFT      push b0 onto the stack
//	LEFT(l)    s0 ← b0 with label l, pop s0
//	RIGHT(l)   s1 → s0 with label l, pop s0
//
// LEFT onto ROOT is allowed only when s0 is the last word on the stack and always carries
// the label "root"; ROOT is never shifted. Every transition sequence therefore ends in a
// tree with exactly one word under ROOT, whatever the classifier says.

const (
	shift = iota
	left
	right
)

// state is one parser configuration plus the partial tree built so far. Slices are
// indexed by word number (0 = none, n+1 = ROOT) and reused from sentence to sentence.
type state struct {
	n     int32
	stack []int32
	b     int32 // the first word of the buffer; the buffer is b..n+1

	head  []int32 // 0 while unattached
	label []int32 // label index + 1; 0 while unattached
	// The two leftmost and two rightmost dependents found so far, and how many there are.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []int32
	// Bit sets of the labels of the left and right dependents (the labels number < 64).
	lset, rset []uint64

	// Hashed attributes of each word: lowercased form, XPOS, UPOS; its fine and coarse
	// clusters (0 when unknown).
	word, xtag, utag []uint32
	fine, coarse     []uint32
	clusters         bool // the model has clusters: add their features
}

// reset prepares the state for a sentence of n words, keeping the buffers.
func (s *state) reset(n int) {
	size := n + 2
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b = 1 // for n == 0 the buffer is ROOT alone and the parse is already over
	s.head = grow(s.head, size)
	s.label = grow(s.label, size)
	s.lc1 = grow(s.lc1, size)
	s.lc2 = grow(s.lc2, size)
	s.rc1 = grow(s.rc1, size)
	s.rc2 = grow(s.rc2, size)
	s.nl = grow(s.nl, size)
	s.nr = grow(s.nr, size)
	s.lset = grow(s.lset, size)
	s.rset = grow(s.rset, size)
	s.word = grow(s.word, size)
	s.xtag = grow(s.xtag, size)
	s.utag = grow(s.utag, size)
	s.fine = grow(s.fine, size)
	s.coarse = grow(s.coarse, size)
	if cap(s.stack) < size {
		s.stack = make([]int32, 0, size)
	}
}

// grow returns buf with length n and every element zero, reusing its array when it can.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// Sentinel attribute values for "no word" and for ROOT: fixed, so that they hash the same
// in training and at parse time.
const (
	noneAttr uint32 = 0x4e4f4e45 // "NONE"
	rootAttr uint32 = 0x524f4f54 // "ROOT"
)

// setWords hashes the words and tags of the sentence into the state.
func (s *state) setWords(words, upos, xpos []string, vocab vocabulary, clusters *wordclass.Classes) {
	n := int(s.n)
	s.clusters = clusters != nil
	s.word[0], s.xtag[0], s.utag[0] = noneAttr, noneAttr, noneAttr
	s.word[n+1], s.xtag[n+1], s.utag[n+1] = rootAttr, rootAttr, rootAttr
	s.fine[0], s.coarse[0] = noneAttr, noneAttr
	s.fine[n+1], s.coarse[n+1] = rootAttr, rootAttr
	for i := 0; i < n; i++ {
		s.word[i+1] = vocab.id(words[i])
		s.xtag[i+1] = hashString(at(xpos, i))
		s.utag[i+1] = hashString(at(upos, i))
		f, c := clusters.Lookup(words[i])
		s.fine[i+1], s.coarse[i+1] = uint32(f), uint32(c)
	}
}

// at is tags[i], or "" when the caller gave fewer tags than words.
func at(tags []string, i int) string {
	if i < len(tags) {
		return tags[i]
	}
	return ""
}

// hashLower is FNV-1a of the form with ASCII letters lowercased, folded to 32 bits:
// "The" and "the" share their word features without building a lowercased string.
func hashLower(w string) uint32 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return uint32(h ^ h>>32)
}

func hashString(w string) uint32 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return uint32(h ^ h>>32)
}

func (s *state) terminal() bool { return len(s.stack) == 0 && s.b == s.n+1 }

// s returns the i-th word from the top of the stack, 0 when the stack is shorter.
func (s *state) s(i int) int32 {
	if k := len(s.stack) - 1 - i; k >= 0 {
		return s.stack[k]
	}
	return 0
}

// canShift, canLeft and canRight say which moves are legal. rootOnly reports that a LEFT
// would attach s0 to ROOT, so its label must be "root" (and only then).
func (s *state) canShift() bool { return s.b <= s.n }
func (s *state) canLeft() bool {
	return len(s.stack) > 0 && (s.b <= s.n || len(s.stack) == 1)
}
func (s *state) canRight() bool { return len(s.stack) >= 2 }
func (s *state) rootOnly() bool { return s.b == s.n+1 }

// apply performs move with label index lab (ignored for SHIFT).
func (s *state) apply(move int, lab int32) {
	switch move {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.b, d, lab)
	case right:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.stack[len(s.stack)-1], d, lab)
	}
}

func (s *state) attach(h, d, lab int32) {
	s.head[d] = h
	s.label[d] = lab + 1
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		switch {
		case s.lc1[h] == 0 || d < s.lc1[h]:
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		case s.lc2[h] == 0 || d < s.lc2[h]:
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= bit
		switch {
		case s.rc1[h] == 0 || d > s.rc1[h]:
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		case s.rc2[h] == 0 || d > s.rc2[h]:
			s.rc2[h] = d
		}
	}
}
