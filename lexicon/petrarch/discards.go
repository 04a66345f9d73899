package petrarch

import (
	"io"
	"strings"
)

// Discard is an entry of the discard list: a phrase whose presence means a sentence (or,
// with Story, the whole story: a '+' before the phrase) is not coded, typically sports and
// history. A final '_' ("whole word, not a stem") is dropped, as PETRARCH2 matches whole
// words only.
type Discard struct {
	Words []string
	Story bool
	File  string
	Line  int
}

// ReadDiscards reads a discard list (Phoenix.discards.txt, PETR.Validate.discards.txt).
func ReadDiscards(r io.Reader, file string) ([]Discard, []Warning, error) {
	l := newLines(r, file)
	var out []Discard
	for {
		s, ok := l.next()
		if !ok {
			break
		}
		d := Discard{File: file, Line: l.n}
		if s[0] == '+' {
			d.Story, s = true, s[1:]
		}
		if strings.ContainsAny(s, "[]") {
			l.warnf("discards take no [code]: %q", s)
		}
		if d.Words = words(s); len(d.Words) == 0 {
			l.warnf("empty discard phrase")
			continue
		}
		out = append(out, d)
	}
	return out, l.warnings, l.err
}
