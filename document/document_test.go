package document

import (
	"encoding/json"
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
