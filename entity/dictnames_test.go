package entity

import (
	"strings"
	"testing"

	"herald/document"
	"herald/lexicon"
	"herald/lexicon/petrarch"
)

// TestDictionaryNamesBecomeEntities checks that a capitalized proper noun the actor
// dictionary knows becomes an entity when the entity stage missed it, that one it found
// is left alone, that a lower-case word is not taken, and that clusters are numbered
// again in order of first mention.
func TestDictionaryNamesBecomeEntities(t *testing.T) {
	lex := testLexicon(t, "GONDOR [GON]\nOSGILIATH [OSG]\nELROND_COUNCIL [IGOELR]\n")
	text := "Gondor and Osgiliath met the Elrond Council . gondor agreed ."
	doc := &document.Document{Text: text}
	var s document.Sentence
	pos := 0
	for _, w := range strings.Fields(text) {
		upos := "PROPN"
		if w == "and" || w == "met" || w == "the" || w == "." || w == "agreed" || w == "gondor" {
			upos = "X"
		}
		s.Tokens = append(s.Tokens, document.Token{Start: pos, End: pos + len(w), Text: w, UPOS: upos})
		pos += len(w) + 1
	}
	s.End = len(text)
	doc.Sentences = []document.Sentence{s}
	// The entity stage found Osgiliath only.
	doc.Entities = []document.Entity{{Start: 11, End: 20, Text: "Osgiliath", Type: "GPE", Name: "Osgiliath", Mention: "name", Cluster: 0}}
	addDictionaryNames(doc, lex, "")
	var got []string
	for _, e := range doc.Entities {
		got = append(got, e.Text+"/"+e.Type+"/"+string(rune('0'+e.Cluster)))
	}
	want := "Gondor/GPE/0 Osgiliath/GPE/1 Elrond Council/ORG/2"
	if strings.Join(got, " ") != want {
		t.Errorf("entities %q, want %q", strings.Join(got, " "), want)
	}
}

func testLexicon(t *testing.T, actors string) *lexicon.Lexicon {
	t.Helper()
	entries, _, err := petrarch.ReadActors(strings.NewReader(actors), "test.actors")
	if err != nil {
		t.Fatal(err)
	}
	return lexicon.Compile(entries, nil, "test")
}
