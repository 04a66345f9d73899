package pipelinetest

import (
	"strings"
	"testing"
)

func TestStoryCoNLLU(t *testing.T) {
	s := Story{Date: "2024-05-20", Sentences: []string{`
		Kenya     PROPN NNP 2 nsubj
		said      VERB  VBD 0 root
		(         PUNCT -LRB- 4 punct
		today     NOUN  NN  2 obl:tmod
		)         PUNCT -RRB- 4 punct
		it        PRON  PRP 7 nsubj
		won       VERB  VBD 2 ccomp win
		.         PUNCT .   2 punct`}}
	got, err := s.CoNLLU()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# newdoc id = story\n", "# date = 2024-05-20\n", "# text = Kenya said (today) it won.\n",
		"3\t(\t_\tPUNCT\t-LRB-\t_\t4\tpunct\t_\tSpaceAfter=No\n", "7\twon\twin\tVERB\tVBD\t_\t2\tccomp\t_\tSpaceAfter=No\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("CoNLL-U lacks %q:\n%s", want, got)
		}
	}
	if _, err := (Story{Sentences: []string{"Kenya PROPN 2 nsubj"}}).CoNLLU(); err == nil || !strings.Contains(err.Error(), "sentence 1") {
		t.Errorf("a short line should be an error naming the sentence: %v", err)
	}
}

// TestAnalyzeKeepsTheTree: the stages after the syntax run on the given tree, which stays
// as written; the lemma the tree leaves out is the lemmatizer's.
func TestAnalyzeKeepsTheTree(t *testing.T) {
	doc := Analyze(t, Story{Sentences: []string{`
		Germany   PROPN NNP 2 nsubj
		condemned VERB  VBD 0 root
		Iran      PROPN NNP 2 obj
		.         PUNCT .   2 punct`}})
	toks := doc.Sentences[0].Tokens
	if toks[1].Lemma != "condemn" || toks[0].Head != 2 || toks[0].Deprel != "nsubj" || toks[2].Deprel != "obj" {
		t.Errorf("tokens %+v", toks)
	}
	if got := Events(t, Story{Sentences: []string{`
		Germany   PROPN NNP 2 nsubj
		condemned VERB  VBD 0 root
		Iran      PROPN NNP 2 obj
		.         PUNCT .   2 punct`}}); len(got) != 1 || got[0] != "DEU → IRN 111" {
		t.Errorf("events %q", got)
	}
}
