package event

import (
	"strings"
	"testing"

	"herald/document"
)

func storyOf(text string) *document.Document {
	doc := &document.Document{Text: text}
	var toks []document.Token
	for _, w := range strings.Fields(text) {
		toks = append(toks, document.Token{Text: w})
	}
	doc.Sentences = []document.Sentence{{Tokens: toks}}
	return doc
}

func TestSportStory(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Scotland snatched a late try against Italy . The Rugby coach praised his squad after the match", true},
		{"The striker scored a goal as Brazil beat Morocco in the tournament", true},
		{"The United States will boycott the Olympic Games in Moscow , the president said", false},
		{"Gunmen attacked the stadium where the national team trained", false},
		{"Kenya and Ethiopia held talks in Nairobi on the border", false},
	} {
		if got := sportStory(storyOf(tt.text)); got != tt.want {
			t.Errorf("sportStory(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
