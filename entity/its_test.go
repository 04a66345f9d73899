package entity_test

import (
	"testing"

	"herald/pipeline/pipelinetest"
)

// TestItsClauseSubject: "its" stands for the subject of its own clause, or of the verb
// its clause is conjoined to, when that is an organization or a place; else for the
// latest one, as in a clause whose subject the object controls.
func TestItsClauseSubject(t *testing.T) {
	cases := []struct {
		name, tree, want string
	}{
		{"a conjoined verb shares the first one's subject", `
			Germany    PROPN NNP  2 nsubj
			condemned  VERB  VBD  0 root
			Iran       PROPN NNP  2 obj
			and        CCONJ CC   5 cc
			recalled   VERB  VBD  2 conj
			its        PRON  PRP$ 7 nmod:poss
			ambassador NOUN  NN   5 obj
			.          PUNCT .    2 punct`, "Germany"},
		{"a clause with its own subject", `
			Kenya    PROPN NNP  2 nsubj
			said     VERB  VBD  0 root
			Uganda   PROPN NNP  4 nsubj
			closed   VERB  VBD  2 ccomp
			its      PRON  PRP$ 6 nmod:poss
			border   NOUN  NN   4 obj
			.        PUNCT .    2 punct`, "Uganda"},
		{"no subject of its own: the latest", `
			China        PROPN NNP  2 nsubj
			supports     VERB  VBZ  0 root
			Kazakhstan   PROPN NNP  2 obj
			in           SCONJ IN   5 mark
			safeguarding VERB  VBG  2 advcl
			its          PRON  PRP$ 7 nmod:poss
			independence NOUN  NN   5 obj
			.            PUNCT .    2 punct`, "Kazakhstan"},
	}
	for _, tc := range cases {
		doc := pipelinetest.Analyze(t, pipelinetest.Story{Date: "2024-05-20", Sentences: []string{tc.tree}})
		got := "(none)"
		for _, e := range doc.Entities {
			if e.Text == "its" {
				got = e.Name
			}
		}
		if got != tc.want {
			t.Errorf("%s: its is %s, want %s", tc.name, got, tc.want)
		}
	}
}
