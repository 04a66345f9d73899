package pipeline

import (
	"slices"
	"strings"
	"testing"

	"herald/document"
	"herald/entity/gazetteer"
	"herald/lexicon"
)

// tagged builds a sentence from "word/UPOS" pairs.
func tagged(s string) document.Sentence {
	var sent document.Sentence
	for _, wt := range strings.Fields(s) {
		i := strings.LastIndexByte(wt, '/')
		sent.Tokens = append(sent.Tokens, document.Token{Text: wt[:i], UPOS: wt[i+1:]})
	}
	return sent
}

// TestGateCandidates counts the places where an actor may be named, sentence by sentence of
// a story of our own, and which sentences give a title that a later one relies on.
func TestGateCandidates(t *testing.T) {
	g := testGate(t)
	doc := &document.Document{Sentences: []document.Sentence{
		// a titled name, named again below: two places (Treasury Secretary Hal Brandt, Senate)
		tagged("Treasury/PROPN Secretary/PROPN Hal/PROPN Brandt/PROPN addressed/VERB the/DET Senate/PROPN ./PUNCT"),
		// no known name, no pronoun, an unknown company: none
		tagged("Shares/NOUN of/ADP Orvex/PROPN Corp/PROPN rose/VERB 2/NUM pct/NOUN ./PUNCT"),
		// the surname alone, tagged as an adjective, and a pronoun: two
		tagged("Brandt/ADJ said/VERB his/PRON plan/NOUN would/AUX pass/VERB ./PUNCT"),
		// an acronym no name of the story spells, and a country: one
		tagged("The/DET OECD/NOUN praised/VERB Chile/PROPN ./PUNCT"),
		// a known bank, then its acronym and a country: one, then two
		tagged("The/DET Asian/PROPN Development/PROPN Bank/PROPN met/VERB ./PUNCT"),
		tagged("Later/ADV the/DET ADB/PROPN praised/VERB Chile/PROPN ./PUNCT"),
		// a pronoun with no name that may be coded within two sentences: none
		tagged("Orvex/PROPN said/VERB its/PRON profit/NOUN rose/VERB ./PUNCT"),
		tagged("Analysts/NOUN were/AUX surprised/ADJ ./PUNCT"),
		tagged("Orvex/PROPN said/VERB its/PRON costs/NOUN fell/VERB ./PUNCT"),
	}}
	counts, titled := g.candidates(doc, 5)
	if want := []int{2, 0, 2, 1, 1, 2, 1, 0, 0}; !slices.Equal(counts, want) {
		t.Errorf("counts %v, want %v", counts, want)
	}
	if want := []bool{true, false, false, false, false, false, false, false, false}; !slices.Equal(titled, want) {
		t.Errorf("titled %v, want %v", titled, want)
	}
	// Without the later "Brandt said", the title matters to no other sentence.
	doc.Sentences = doc.Sentences[:2]
	if _, titled := g.candidates(doc, 5); titled[0] {
		t.Error("a title no later sentence relies on still asks for the parse")
	}
}

// testGate is a gate over the embedded dictionaries and gazetteer.
func testGate(t testing.TB) *gate {
	t.Helper()
	lex, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := gazetteer.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return newGate(lex, gaz)
}

// TestGateCodable: a sentence is parsed when it has a verb of the dictionary and two
// places for actors, or gives a title a later sentence relies on.
func TestGateCodable(t *testing.T) {
	g := testGate(t)
	doc := &document.Document{Sentences: []document.Sentence{
		tagged("Kenya/PROPN met/VERB Uganda/PROPN ./PUNCT"),
		tagged("Kenya/PROPN grew/VERB fast/ADV ./PUNCT"),
		tagged("Kenya/PROPN blorfed/VERB Uganda/PROPN ./PUNCT"),
		tagged("Shares/NOUN of/ADP Orvex/PROPN met/VERB expectations/NOUN ./PUNCT"),
	}}
	doc.Sentences[0].Tokens[1].Lemma = "meet"
	doc.Sentences[3].Tokens[3].Lemma = "meet"
	if got, want := g.codable(doc), []bool{true, false, false, false}; !slices.Equal(got, want) {
		t.Errorf("codable %v, want %v", got, want)
	}
}
