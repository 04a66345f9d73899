// Package tagger assigns each word of a sentence its part of speech: the Universal
// Dependencies tag (UPOS) and the Penn Treebank tag (XPOS) that UD English-EWT carries
// next to it. It reads words as the segment stage tokenizes them (UD English tokenization,
// "China's" as "China" "'s") and adds Token.UPOS and Token.XPOS.
//
// The model is an averaged perceptron (Collins 2002) over hashed features, in the style
// of Honnibal's "A good part-of-speech tagger in about 200 lines of Python" (2013):
// the word, its affixes and shape, its neighbours, the two tags just predicted, and a tag
// dictionary from the training data that both supplies features (the set of tags a word
// was seen with, for this word and its neighbours; built by jackknifing during training)
// and tags frequent unambiguous words without scoring. Tagging makes two greedy passes
// from left to right; the second also sees the first pass's tags for the next two words,
// a cheap form of the bidirectional taggers of Shen, Satta and Joshi (2007) that gained
// 0.35 points of UPOS on EWT dev. One class is one "UPOS XPOS" pair, so the two tags
// always agree with each other; each pass adds to a class's score that of its UPOS from a
// second, 17-class perceptron over the same features, trained on the same mistakes
// (+0.14 UPOS on dev), which lets the XPOS of one UPOS share what they have in common.
// Beyond Honnibal's set the features follow Toutanova et al. (2003): word bigrams with
// both neighbours, the surrounding words together, a five-letter suffix, prefix with
// suffix, suffix with shape, and the last part of a hyphenated word.
//
// News headlines arrive in capitals ("KAZAKH PRESIDENT MEETS CHINESE FM"), where case
// says nothing. The tagger notices such sentences, looks words up in lowercase and title
// case when the form itself is unknown, and was trained with a few sentences upper-cased
// on purpose so that it does not call every capitalised word a proper noun.
//
// A Model is read-only and shared by all goroutines; a Tagger holds one goroutine's
// scratch buffers, so tagging allocates nothing once the buffers have grown.
package tagger

import (
	"herald/document"
	"herald/learn"
)

// Model is a trained tagger. It is immutable once loaded or trained.
type Model struct {
	upos, xpos []string // the tags of each class
	// coarse numbers the UPOS of each class, 0 .. coarseCount-1 in order of first
	// appearance among the classes.
	coarse      []int
	coarseCount int
	// first scores the first, left-to-right pass; second the pass that sees the first
	// pass's tags to the right as well.
	first, second pass
	// words is the tag dictionary: forms seen often enough in training.
	words map[string]wordEntry
	// meta records how the model was trained, for reports; it does not affect tagging.
	meta string
	// epoch is the epoch Train kept; it is not written to the file.
	epoch int
}

// wordEntry is what the tag dictionary knows about one form.
type wordEntry struct {
	// ambiguity numbers the set of classes the form was seen with (1-based; 0 is unknown):
	// "NOUN NN|VERB VB" for "report", say. It is a feature, so the weights learn how far
	// each set can be trusted.
	ambiguity uint16
	// fast is the class of a frequent form that almost always has one class, tagged
	// without scoring; -1 otherwise.
	fast int16
}

// pass is the scorer of one tagging pass. A class's score is its own plus that of its
// UPOS from a second perceptron over the same features: the UPOS weights pool what the
// XPOS classes of one UPOS share ("NN", "NNS" are both nouns), which the joint classes
// alone learn separately.
type pass struct {
	joint, coarse *learn.Model
}

// predict scores every class into scores (one per class) and returns the best.
// coarseScores is scratch for one score per UPOS.
func (p pass) predict(m *Model, feats []uint64, scores, coarseScores []float32) int {
	p.joint.Scores(feats, scores)
	p.coarse.Scores(feats, coarseScores)
	for c := range scores {
		scores[c] += coarseScores[m.coarse[c]]
	}
	return learn.Argmax(scores)
}

// indexCoarse fills m.coarse and m.coarseCount from m.upos.
func (m *Model) indexCoarse() {
	seen := map[string]int{}
	m.coarse = make([]int, len(m.upos))
	for c, u := range m.upos {
		k, ok := seen[u]
		if !ok {
			k = len(seen)
			seen[u] = k
		}
		m.coarse[c] = k
	}
	m.coarseCount = len(seen)
}

// Classes is the number of "UPOS XPOS" classes the model chooses from.
func (m *Model) Classes() int { return len(m.upos) }

// Class returns the UPOS and XPOS of class c.
func (m *Model) Class(c int) (upos, xpos string) { return m.upos[c], m.xpos[c] }

// Info describes how the model was trained: data, epochs, dev accuracy.
func (m *Model) Info() string { return m.meta }

// Tagger tags sentences with one Model. It holds scratch buffers, so a Tagger must not be
// used by two goroutines at once; give each worker its own.
type Tagger struct {
	m *Model
	s sentence
	// first holds the first pass's classes, classes the second's.
	first, classes []int
	feats          []uint64
	scores         []float32
	coarseScores   []float32
	words          []string // TagTokens copies token texts here
}

// NewTagger returns a Tagger for m.
func (m *Model) NewTagger() *Tagger {
	return &Tagger{
		m:            m,
		feats:        make([]uint64, 0, maxFeatures),
		scores:       make([]float32, len(m.upos)),
		coarseScores: make([]float32, m.coarseCount),
	}
}

// Tag writes the UPOS and XPOS of each word into upos and xpos. It tags the first
// min(len(words), len(upos), len(xpos)) words, so callers pass slices of one length. The
// tags are strings owned by the model; nothing is allocated once the Tagger's buffers are
// as long as the longest sentence seen.
func (t *Tagger) Tag(words []string, upos, xpos []string) {
	n := min(len(words), len(upos), len(xpos))
	t.tag(words[:n])
	for i := 0; i < n; i++ {
		c := t.classes[i]
		upos[i], xpos[i] = t.m.upos[c], t.m.xpos[c]
	}
}

// TagTokens sets UPOS and XPOS on each token of a sentence from the segment stage.
func (t *Tagger) TagTokens(tokens []document.Token) {
	t.words = t.words[:0]
	for i := range tokens {
		t.words = append(t.words, tokens[i].Text)
	}
	t.tag(t.words)
	for i := range tokens {
		c := t.classes[i]
		tokens[i].UPOS, tokens[i].XPOS = t.m.upos[c], t.m.xpos[c]
	}
}

// tag fills t.classes with one class per word: two greedy passes from left to right, the
// second seeing the first's guesses to the right of each word.
func (t *Tagger) tag(words []string) {
	t.s.prepare(t.m.words, words)
	t.first = t.first[:0]
	for i := range words {
		if f := t.s.info[i].fast; f >= 0 {
			t.first = append(t.first, int(f))
			continue
		}
		t.feats = t.s.features(t.feats[:0], i, t.first)
		t.first = append(t.first, t.m.first.predict(t.m, t.feats, t.scores, t.coarseScores))
	}
	t.classes = t.classes[:0]
	for i := range words {
		if f := t.s.info[i].fast; f >= 0 {
			t.classes = append(t.classes, int(f))
			continue
		}
		t.feats = t.s.features(t.feats[:0], i, t.classes)
		t.feats = t.s.rightFeatures(t.feats, i, t.classes, t.first)
		t.classes = append(t.classes, t.m.second.predict(t.m, t.feats, t.scores, t.coarseScores))
	}
}
