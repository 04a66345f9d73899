package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"herald/document"
	"herald/segment"
)

// longWords are the words of longText: news words, names, places, dates and pronouns, so
// that every stage has work (names to link, verbs to code, places to resolve, times).
var longWords = strings.Fields(`the the the of of and and in in to to a a said said officials
government minister talks border security agreement trade sanctions troops police protesters
election economy met accused signed criticized urged visited rejected called praised warned
President Tokayev Xi Jinping Kazakhstan China Russia Moscow Beijing the United Nations NATO
Ukraine Kyiv Germany Berlin France Paris Astana he she it they his their with on for at after
before would will new talks leaders foreign ministry spokesman Reuters week Monday Tuesday May
20 2024`)

// longText is size bytes of text with no sentence end: a paragraph of words and commas
// (commas set) or one line of words, as web pages with long lists give.
func longText(size int, commas bool) string {
	var b strings.Builder
	x := uint32(12345)
	for k := 1; b.Len() < size; k++ {
		x = x*1664525 + 1013904223 // a fixed linear congruential sequence: the same text every time
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(longWords[int(x>>8)%len(longWords)])
		if commas && k%9 == 0 {
			b.WriteByte(',')
		}
	}
	return strings.TrimRight(b.String()[:size], " ,") + "\n"
}

// TestLongInput runs 200 KB with no sentence end through every stage, as herald code
// does: before sentences were capped at segment.MaxTokens it took minutes (issue 17). It
// checks the outcome, not the time: the text is cut into pieces of at most MaxTokens
// tokens that follow each other, all marked, and the stages after the syntax code them.
func TestLongInput(t *testing.T) {
	p, err := New(Options{Workers: 1, EventsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		commas    bool
		sentences int
	}{
		// 35,883 tokens: each piece ends at the last comma within its allowance, every
		// 10 tokens, so most pieces have 191 to 200 tokens.
		{"paragraph", true, 188},
		// 32,883 tokens, no punctuation: pieces end before "and" or at the limit.
		{"line", false, 192},
	} {
		text := longText(200<<10, tc.commas)
		res := p.Process(&document.Document{ID: tc.name, Raw: []byte(text)})
		if res.Doc == nil || len(res.Errs) > 0 {
			t.Fatalf("%s: %v", tc.name, res.Errs)
		}
		doc := res.Doc
		if len(doc.Sentences) != tc.sentences {
			t.Errorf("%s: %d sentences, want %d", tc.name, len(doc.Sentences), tc.sentences)
		}
		end := 0
		for i, s := range doc.Sentences {
			switch {
			case !s.Split:
				t.Errorf("%s: sentence %d not marked split", tc.name, i)
			case len(s.Tokens) > segment.MaxTokens:
				t.Errorf("%s: sentence %d has %d tokens", tc.name, i, len(s.Tokens))
			case strings.TrimSpace(text[end:s.Start]) != "":
				t.Errorf("%s: sentence %d starts at %d, leaving out %q", tc.name, i, s.Start, text[end:s.Start])
			case tc.commas && i+1 < len(doc.Sentences) && s.Tokens[len(s.Tokens)-1].Text != ",":
				t.Errorf("%s: sentence %d ends at %q, not at a comma", tc.name, i, s.Tokens[len(s.Tokens)-1].Text)
			}
			end = s.End
		}
		if strings.TrimSpace(text[end:]) != "" {
			t.Errorf("%s: the text after byte %d is in no sentence", tc.name, end)
		}
		if len(doc.Entities) == 0 || len(doc.Events) == 0 {
			t.Errorf("%s: %d entities and %d events: the later stages did not run", tc.name, len(doc.Entities), len(doc.Events))
		}
	}
}

// BenchmarkLongInput runs herald code's stages on one core over text with no sentence
// end, from 25 KB to 1 MB: the time per byte (MB/s) stays the same as the text grows.
func BenchmarkLongInput(b *testing.B) {
	p, err := New(Options{Workers: 1, EventsOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range []struct {
		name   string
		commas bool
	}{{"paragraph", true}, {"line", false}} {
		for _, kb := range []int{25, 50, 100, 200, 1024} {
			raw := []byte(longText(kb<<10, kind.commas))
			b.Run(fmt.Sprintf("%s/%dKB", kind.name, kb), func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					if res := p.Process(&document.Document{ID: "long", Raw: raw}); res.Doc == nil {
						b.Fatal(res.Errs)
					}
				}
			})
		}
	}
}
