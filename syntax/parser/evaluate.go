package parser

import (
	"strings"

	"herald/conllu"
)

// Score is the attachment accuracy of a parser on a treebank, in percent of all words,
// punctuation included, as in the CoNLL 2018 shared task.
type Score struct {
	Words int
	// UAS counts words with the right head; LAS words with the right head and relation,
	// subtype included (nmod:poss is not nmod).
	UAS, LAS float64
	// UniversalLAS ignores relation subtypes, as the CoNLL 2018 shared task's LAS does.
	UniversalLAS float64
}

// Evaluate parses the gold sentences and scores the result. tag, when not nil, replaces
// the gold UPOS and XPOS with predicted ones (it receives the words and fills the two tag
// slices); with nil, the gold tags are used.
func Evaluate(m *Model, gold []*conllu.Sentence, tag func(words, upos, xpos []string)) Score {
	p := m.NewParser()
	var words, upos, xpos, deprels []string
	var heads []int
	var uas, las, ulas int
	total := 0
	for _, s := range gold {
		n := len(s.Words)
		words, upos, xpos = words[:0], upos[:0], xpos[:0]
		for _, w := range s.Words {
			words, upos, xpos = append(words, w.Form), append(upos, w.UPOS), append(xpos, w.XPOS)
		}
		if tag != nil {
			tag(words, upos, xpos)
		}
		heads = grow(heads, n)
		deprels = grow(deprels, n)
		p.Parse(words, upos, xpos, heads, deprels)
		for i, w := range s.Words {
			total++
			if heads[i] != w.Head {
				continue
			}
			uas++
			if deprels[i] == w.Deprel {
				las++
			}
			if universal(deprels[i]) == universal(w.Deprel) {
				ulas++
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(total, 1)) }
	return Score{Words: total, UAS: pct(uas), LAS: pct(las), UniversalLAS: pct(ulas)}
}

// universal is the relation without its subtype: "nmod:poss" → "nmod".
func universal(deprel string) string {
	if i := strings.IndexByte(deprel, ':'); i >= 0 {
		return deprel[:i]
	}
	return deprel
}
