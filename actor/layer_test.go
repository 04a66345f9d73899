package actor_test

import (
	"fmt"
	"slices"
	"testing"

	"herald/pipeline/pipelinetest"
)

// TestActorsLayer: the actor stage lists every actor mention, the coded entities first,
// then the noun phrases that code to an actor, each by its head; a clause is no actor.
func TestActorsLayer(t *testing.T) {
	doc := pipelinetest.Analyze(t, pipelinetest.Story{Date: "2024-05-20", Sentences: []string{`
		Turkish    ADJ   JJ   2 amod
		police     NOUN  NN   3 nsubj
		detained   VERB  VBD  0 root
		dozens     NOUN  NNS  3 obj
		of         ADP   IN   7 case
		opposition NOUN  NN   7 compound
		supporters NOUN  NNS  4 nmod
		in         ADP   IN   9 case
		Istanbul   PROPN NNP  3 obl
		.          PUNCT .    3 punct`}})
	var got []string
	for _, a := range doc.Actors {
		m := fmt.Sprintf("%s=%s/%s e%d h%d", a.Text, a.Code, a.How, a.Entity, a.Head)
		if a.Composed {
			m += " composed"
		}
		if a.RoleHead {
			m += " role-head"
		}
		got = append(got, m)
	}
	want := []string{
		"Turkish=TUR/dictionary e0 h0",
		"Istanbul=TUR/dictionary e1 h0",
		"Turkish=TUR/dictionary e0 h1 role-head",
		"Turkish police=TURCOP/role e-1 h2 composed role-head",
		"dozens of opposition supporters=TUROPP/place e-1 h4 composed",
		"opposition supporters=TUROPP/place e-1 h7 composed role-head",
		"Istanbul=TUR/dictionary e1 h9 role-head",
	}
	if !slices.Equal(got, want) {
		t.Errorf("actors layer\n got %q\nwant %q", got, want)
	}
	// The entities keep their codes in the output, read from the layer.
	if doc.EntityActors()[0] != 0 || doc.Entities[0].Actor != "" {
		t.Errorf("entity 0: mention %d, own field %q (the layer holds the code)", doc.EntityActors()[0], doc.Entities[0].Actor)
	}
}
