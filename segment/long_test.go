package segment

import (
	"fmt"
	"strings"
	"testing"
)

// words writes n words "w0 w1 …" with after[k] written right after word k ("," → "w7,"),
// and returns the text.
func words(n int, after map[int]string) string {
	var b strings.Builder
	for k := range n {
		if k > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "w%d%s", k, after[k])
	}
	return b.String()
}

// TestLongSentences: a run of more than MaxTokens tokens with no sentence end is cut into
// pieces of at most MaxTokens, at the best break among the last MaxTokens/2 tokens a piece
// may take, the latest of the best kind.
func TestLongSentences(t *testing.T) {
	commaEvery10 := map[int]string{}
	for k := 9; k < 450; k += 10 {
		commaEvery10[k] = ","
	}
	tests := []struct {
		name string
		text string
		want []string // each sentence: its number of tokens, its last token, "whole" when not split
	}{
		{"no break: at the limit", words(250, nil), []string{"200 w199", "50 w249"}},
		{"short enough: whole", words(200, nil), []string{"200 w199 whole"}},
		{"a semicolon over a later comma", words(250, map[int]string{110: ";", 150: ","}), []string{"112 ;", "140 w249"}},
		{"a comma before a conjunction over a later comma", words(250, map[int]string{120: ", and", 180: ","}),
			[]string{"122 ,", "131 w249"}},
		{"a comma over a conjunction", words(250, map[int]string{120: " and", 180: ","}), []string{"183 ,", "69 w249"}},
		{"before a conjunction over any space", words(250, map[int]string{120: " and"}), []string{"121 w120", "130 w249"}},
		{"a colon or a spaced dash over a comma", words(250, map[int]string{130: " -", 160: ","}), []string{"132 -", "120 w249"}},
		{"a full stop the sentence went on after, over all", words(250, map[int]string{110: ". -", 120: ";"}),
			[]string{"112 .", "141 w249"}},
		{"no break before half the limit", words(250, map[int]string{50: ";", 150: ","}), []string{"153 ,", "99 w249"}},
		{"never inside a word", words(250, map[int]string{198: "-x"}), []string{"198 w197", "54 w249"}},
		{"pieces one after the other", words(450, commaEvery10), []string{"198 ,", "198 ,", "99 ,"}},
		{"only the long run is split", "A short one. " + words(250, nil) + ". Another one.",
			[]string{"4 . whole", "200 w199", "51 .", "3 . whole"}},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range Split(tc.text, 0, len(tc.text), nil) {
			if len(s.Tokens) > MaxTokens {
				t.Errorf("%s: a sentence of %d tokens", tc.name, len(s.Tokens))
			}
			piece := fmt.Sprintf("%d %s", len(s.Tokens), s.Tokens[len(s.Tokens)-1].Text)
			if !s.Split {
				piece += " whole"
			}
			got = append(got, piece)
		}
		if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
			t.Errorf("%s:\n got  %s\n want %s", tc.name, strings.Join(got, " | "), strings.Join(tc.want, " | "))
		}
	}
}
