package document

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestTokenJSONShowsHeadOnlyWhenParsed(t *testing.T) {
	for _, tc := range []struct {
		tok  Token
		want string
	}{
		{Token{Start: 0, End: 5, Text: "Tokay"}, `{"start":0,"end":5,"text":"Tokay"}`},
		{Token{Start: 6, End: 9, Text: "met", Lemma: "meet", UPOS: "VERB", XPOS: "VBD", Head: 0, Deprel: "root"},
			`{"start":6,"end":9,"text":"met","lemma":"meet","upos":"VERB","xpos":"VBD","head":0,"deprel":"root"}`},
		{Token{Start: 0, End: 5, Text: "Tokay", Head: 2, Deprel: "nsubj"}, `{"start":0,"end":5,"text":"Tokay","head":2,"deprel":"nsubj"}`},
	} {
		got, err := json.Marshal(tc.tok)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
		var back Token
		if err := json.Unmarshal(got, &back); err != nil || back != tc.tok {
			t.Errorf("round trip of %s gave %+v (%v)", got, back, err)
		}
	}
}

func TestWhere(t *testing.T) {
	if got := (&Document{Source: "news.jsonl", Line: 12}).Where(); got != "news.jsonl:12" {
		t.Errorf("Where = %q", got)
	}
	if got := (&Document{Source: "story.txt"}).Where(); got != "story.txt" {
		t.Errorf("Where = %q", got)
	}
}

func TestTree(t *testing.T) {
	toks := func(heads ...int) []Token {
		out := make([]Token, len(heads))
		for i, h := range heads {
			out[i].Head = h
		}
		return out
	}
	for _, tt := range []struct {
		name  string
		heads []int
		want  []int
	}{
		{"a tree", []int{2, 0, 2}, []int{1, -1, 1}},
		{"out of range and own head", []int{9, 0, 3}, []int{-1, -1, -1}},
		{"a cycle is cut where it closes", []int{2, 3, 1, 0}, []int{-1, 2, 0, -1}},
		{"a token leading into a cycle is cut, then the cycle", []int{3, 0, 4, 3}, []int{-1, -1, -1, 2}},
	} {
		head, children := Tree(toks(tt.heads...))
		if !slices.Equal(head, tt.want) {
			t.Errorf("%s: heads %v, want %v", tt.name, head, tt.want)
		}
		for i, h := range head {
			if h >= 0 && !slices.Contains(children[h], i) {
				t.Errorf("%s: %d is not among the children of its head %d", tt.name, i, h)
			}
		}
	}
}
