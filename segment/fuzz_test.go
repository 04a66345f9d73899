package segment

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzSplit checks the invariants of Split on arbitrary input: sentences sorted, disjoint,
// within bounds and of at most MaxTokens tokens; tokens inside their sentence, sorted, disjoint, non-empty, never
// whitespace only, and equal to the text they point at.
func FuzzSplit(f *testing.F) {
	for _, seed := range []string{
		"", " ", "\n\n", "The U.S. Army left. Gen. Lee said \"We won't go.\" Then (AP) -- ...",
		"ASTANA, May 20 (Xinhua) -- China's FM met Kazakh President Kassym-Jomart Tokayev.",
		"a.b@c.com http://x.org/a. @handle 1,000.50 3.5% $5 10:30 a.m. 2024-05-20",
		"RATES RISE\nThe bank raised rates\n    Indented paragraph.", "it's its not can't cannot 10am 5th",
		"’s ’’ “” … —— :) ;-) 1. 2.", "\xff\xfe broken utf8 \xe2\x80", "x-y-z--w---", "U.S.-led e-mail",
		strings.Repeat("talks, and a-b ", 120) + strings.Repeat("x ", 300),
	} {
		f.Add(seed, 0, len(seed))
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		sentences := Split(text, start, end, nil)
		lo, hi := clamp(start, len(text)), clamp(end, len(text))
		prevEnd := lo
		for _, s := range sentences {
			if s.Start < prevEnd || s.End > hi || s.Start >= s.End {
				t.Fatalf("sentence [%d,%d) out of order or bounds (previous end %d, region [%d,%d))", s.Start, s.End, prevEnd, lo, hi)
			}
			prevEnd = s.End
			if len(s.Tokens) == 0 || s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
				t.Fatalf("sentence [%d,%d) does not span its tokens", s.Start, s.End)
			}
			if len(s.Tokens) > MaxTokens {
				t.Fatalf("sentence [%d,%d) has %d tokens, more than %d", s.Start, s.End, len(s.Tokens), MaxTokens)
			}
			tokEnd := s.Start
			for _, tok := range s.Tokens {
				if tok.Start < tokEnd || tok.End <= tok.Start || tok.End > s.End {
					t.Fatalf("token [%d,%d) out of order or outside its sentence", tok.Start, tok.End)
				}
				tokEnd = tok.End
				if tok.Text != text[tok.Start:tok.End] {
					t.Fatalf("token text %q != text[%d:%d] %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
				}
				if strings.TrimFunc(tok.Text, unicode.IsSpace) == "" {
					t.Fatalf("whitespace token %q", tok.Text)
				}
			}
		}
	})
}
