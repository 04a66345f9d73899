package tagger

import (
	"math"
	"strings"
	"testing"
)

// TestTableScoresAsPerceptrons checks the tagging table against learn.Model: the same
// scores for every class of both passes, up to the 16-bit quantization of the weights.
func TestTableScoresAsPerceptrons(t *testing.T) {
	m := tinyModel(t)
	w := m.weights
	var s sentence
	words := strings.Fields("Leaders met in ASTANA and signed 12 agreements , officials said .")
	s.prepare(m.words, &m.lex, words)
	classes := make([]int, len(words)) // any tags will do: the features are what matters
	for i := range classes {
		classes[i] = i % m.Classes()
	}
	acc := make([]int32, w.sections())
	got := make([]float32, m.Classes())
	joint, coarse := make([]float32, m.Classes()), make([]float32, m.coarseCount)
	nonzero := 0
	for i := range words {
		feats := s.features(nil, i, classes)
		feats = s.rightFeatures(feats, i, classes, classes)
		clear(acc)
		w.add(acc, feats, make([]uint64, 0, len(feats)), bothPasses)
		for k, p := range []pass{m.first, m.second} {
			w.best(acc, k, m.coarse, got)
			p.joint.Scores(feats, joint)
			p.coarse.Scores(feats, coarse)
			// Each weight is off by at most half a unit.
			tolerance := float64(len(feats)) * float64(w.scale[2*k]+w.scale[2*k+1])
			for c := range got {
				want := joint[c] + coarse[m.coarse[c]]
				if want != 0 {
					nonzero++
				}
				if math.Abs(float64(got[c]-want)) > tolerance {
					t.Fatalf("word %d, pass %d, class %d: table scores %g, perceptrons %g", i, k+1, c, got[c], want)
				}
			}
		}
	}
	if nonzero == 0 {
		t.Fatal("every score is 0: the test compares nothing")
	}
}
