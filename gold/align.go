package gold

import "strings"

// aligner maps byte offsets between a document's own text and the text package clean made
// of it. Clean repairs encodings, removes control characters and normalizes whitespace,
// and records only some of it; but it never adds, drops or changes an ASCII letter or
// digit. The n-th ASCII letter or digit of one text is the n-th of the other, and a span
// maps to the span from its first such character to its last, widened by what follows
// or precedes them unchanged in both texts (a full stop, a quote).
type aligner struct {
	from, to       string
	fromAt, toAt   []int // offsets of the ASCII letters and digits
	sameSkeleton   bool
	fromSkel, skel string // the letters and digits themselves
}

func newAligner(from, to string) *aligner {
	a := &aligner{from: from, to: to}
	var fs, ts strings.Builder
	a.fromAt = alnumOffsets(from, &fs)
	a.toAt = alnumOffsets(to, &ts)
	a.fromSkel, a.skel = fs.String(), ts.String()
	a.sameSkeleton = a.fromSkel == a.skel
	return a
}

func alnumOffsets(s string, skel *strings.Builder) []int {
	var at []int
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			at = append(at, i)
			skel.WriteByte(c)
		}
	}
	return at
}

// span maps [start, end) of the first text to the second; ok is false when the span
// holds no letter or digit, or its letters and digits are not found in the other text.
func (a *aligner) span(start, end int) (int, int, bool) {
	first := lowerBound(a.fromAt, start)
	last := lowerBound(a.fromAt, end) - 1
	if first > last {
		return 0, 0, false
	}
	k := first
	if !a.sameSkeleton {
		// The texts differ in letters or digits (not clean's doing): find the span's own
		// letters and digits, the occurrence nearest to where it stands.
		want := a.fromSkel[first : last+1]
		k = -1
		for from := 0; ; {
			i := strings.Index(a.skel[from:], want)
			if i < 0 {
				break
			}
			if k < 0 || abs(from+i-first) < abs(k-first) {
				k = from + i
			}
			from += i + 1
		}
		if k < 0 {
			return 0, 0, false
		}
	}
	n := last - first
	s, e := a.toAt[k], a.toAt[k+n]+1
	// Widen by the bytes before and after that both texts share (punctuation, quotes).
	fs, fe := a.fromAt[first], a.fromAt[last]+1
	for fs > start && s > 0 && a.from[fs-1] == a.to[s-1] && !isSpace(a.to[s-1]) {
		fs, s = fs-1, s-1
	}
	for fe < end && e < len(a.to) && a.from[fe] == a.to[e] && !isSpace(a.to[e]) {
		fe, e = fe+1, e+1
	}
	return s, e, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func lowerBound(xs []int, v int) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := (lo + hi) / 2
		if xs[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
