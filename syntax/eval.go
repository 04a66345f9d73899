package syntax

import (
	"time"

	"herald/conllu"
)

// Scores measure the whole stage on a treebank's gold tokenization, in percent of all
// words, punctuation included (as the CoNLL 2018 shared task counts): tags and lemmas
// against the gold, and the parse built on the predicted tags.
type Scores struct {
	UPOS, XPOS, Lemma, UAS, LAS float64
	Sentences, Tokens           int
	TokensPerSecond             float64 // tagging, lemmatizing and parsing, one goroutine
}

// Evaluate tags, lemmatizes and parses the words of every gold sentence and scores the
// result.
func (m *Models) Evaluate(gold []*conllu.Sentence) Scores {
	a := m.NewAnnotator()
	var upos, xpos, lem, uas, las, total int
	var words []string
	var glued []bool
	var elapsed time.Duration
	for _, s := range gold {
		words, glued = words[:0], glued[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			glued = append(glued, !conllu.SpaceAfter(w.Misc))
		}
		start := time.Now()
		a.annotate(words, glued)
		lemmas := 0
		for i, w := range s.Words {
			if m.Lemma.Lemma(w.Form, a.upos[i], a.xpos[i]) == w.Lemma {
				lemmas++
			}
		}
		elapsed += time.Since(start)
		lem += lemmas
		for i, w := range s.Words {
			total++
			if a.upos[i] == w.UPOS {
				upos++
			}
			if a.xpos[i] == w.XPOS {
				xpos++
			}
			if a.heads[i] == w.Head {
				uas++
				if a.deprels[i] == w.Deprel {
					las++
				}
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(total, 1)) }
	return Scores{
		UPOS: pct(upos), XPOS: pct(xpos), Lemma: pct(lem), UAS: pct(uas), LAS: pct(las),
		Sentences: len(gold), Tokens: total,
		TokensPerSecond: float64(total) / max(elapsed.Seconds(), 1e-9),
	}
}
