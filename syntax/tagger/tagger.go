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
// suffix, suffix with shape, and the last part of a hyphenated word. Word clusters learned
// from unlabelled text (package cluster) stand in for the word and its neighbours where the
// treebank is silent, and a list of demonyms from the gazetteer tells "Kazakh President …"
// (an adjective) from a name; together they gained 0.04 UPOS and 0.10 XPOS on EWT dev.
//
// News headlines arrive in capitals ("KAZAKH PRESIDENT MEETS CHINESE FM"), where case
// says nothing. The tagger notices such sentences, looks words up in lowercase and title
// case when the form itself is unknown, and was trained with a few sentences upper-cased
// on purpose so that it does not call every capitalised word a proper noun.
//
// Most features of a word do not depend on the tags around it; they are hashed, looked
// up and scored once, for both passes together, from one table that holds the four
// perceptrons side by side (weights.go). Only the dozen features of neighbouring tags
// are scored per pass, and the second pass keeps without scoring the tags the first
// was sure of.
//
// A Model is read-only and shared by all goroutines; a Tagger holds one goroutine's
// scratch buffers, so tagging allocates nothing once the buffers have grown.
package tagger

import (
	"herald/document"
	"herald/learn"
	"herald/syntax/cluster"
)

// Model is a trained tagger. It is immutable once loaded or trained.
type Model struct {
	upos, xpos []string // the tags of each class
	// coarse numbers the UPOS of each class, 0 .. coarseCount-1 in order of first
	// appearance among the classes.
	coarse      []int
	coarseCount int
	// first scores the first, left-to-right pass; second the pass that sees the first
	// pass's tags to the right as well. They are what the file stores; tagging reads
	// weights, the same perceptrons laid out for speed.
	first, second pass
	weights       *table
	// words is the tag dictionary: forms seen often enough in training.
	words map[string]wordEntry
	// lex holds the word lists from outside the treebank that features draw on.
	lex lexicons
	// meta records how the model was trained, for reports; it does not affect tagging.
	meta string
	// epoch is the epoch Train kept; it is not written to the file.
	epoch int
}

// lexicons are what the tagger knows of words beyond its treebank: clusters learned from
// unlabelled text (package cluster), and demonyms, which EWT has too few of for the
// tagger to learn that "Kazakh President" starts with an adjective. The model file keeps
// a copy of both, so tagging needs nothing else.
type lexicons struct {
	clusters *cluster.Lexicon
	demonyms map[string]struct{} // lowercase
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
	// first holds the first pass's classes, classes the second's; settled marks the
	// words whose first-pass class the second pass keeps: those of the dictionary's fast
	// path.
	first, classes []int
	settled        []bool
	feats          []uint64
	runs           []uint64 // scratch for table.add
	scores         []float32
	// acc holds the integer scores of the word being tagged, both passes' sections;
	// later holds, for each word, the second pass's section of the scores of the features
	// that do not depend on tags, computed in the first pass.
	acc, later []int32
	words      []string // TagTokens copies token texts here
	sink       uint64   // see table.add
	// cache holds the scores of wordFeatures, for both passes, of the words met so far.
	cache *learn.ScoreCache[wordKey]
}

// wordKey is what wordFeatures reads of a word: its form, and the flags of its place
// in the sentence (first word, a line in capitals).
type wordKey struct {
	form  string
	flags uint8
}

// cacheLimit bounds the words a Tagger caches the scores of: about 9 MB with the
// shipped model, for the words that make up most of the text.
const cacheLimit = 1 << 14

// wordScores sets t.acc to the scores of word i's wordFeatures for both passes, from
// the cache when the word has been met before. A demonym's features look at the next
// word too, so demonyms are not cached.
func (t *Tagger) wordScores(i int) {
	info := &t.s.info[i]
	key := wordKey{form: t.s.words[i], flags: info.flags & (flagFirst | flagCapsLine)}
	if !info.demonym && t.cache.Get(key, t.acc) {
		return
	}
	clear(t.acc)
	t.feats = t.s.wordFeatures(t.feats[:0], i)
	t.sink += t.m.weights.add(t.acc, t.feats, t.runs, bothPasses)
	if !info.demonym {
		t.cache.Put(key, t.acc)
	}
}

// NewTagger returns a Tagger for m.
func (m *Model) NewTagger() *Tagger {
	return &Tagger{
		m:      m,
		feats:  make([]uint64, 0, maxFeatures),
		runs:   make([]uint64, 0, maxFeatures),
		scores: make([]float32, len(m.upos)),
		acc:    make([]int32, m.weights.sections()),
		cache:  learn.NewScoreCache[wordKey](m.weights.sections(), cacheLimit),
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

// The second pass scores every word the first pass scored. Keeping the first pass's class
// where it won by a wide margin would spare half of that work, but it changes tags, and
// so the jackknifed tags the parser is trained on: the saving (about 15% of tagging) was
// not worth a parser model that no longer matches the committed one.

// tag fills t.classes with one class per word: two greedy passes from left to right, the
// second seeing the first's guesses to the right of each word. The features that do not
// depend on tags, most of them, are scored for both passes at once in the first; the
// second pass only adds those of the tags around the word.
func (t *Tagger) tag(words []string) {
	w := t.m.weights
	t.s.prepare(t.m.words, &t.m.lex, words)
	section := w.sections() / 2
	if need := len(words) * section; cap(t.later) < need {
		t.later = make([]int32, need)
	}
	t.later = t.later[:len(words)*section]
	t.first = t.first[:0]
	t.settled = t.settled[:0]
	for i := range words {
		if f := t.s.info[i].fast; f >= 0 {
			t.first = append(t.first, int(f))
			t.settled = append(t.settled, true)
			continue
		}
		t.wordScores(i)
		t.feats = t.s.neighbourFeatures(t.feats[:0], i)
		t.sink += w.add(t.acc, t.feats, t.runs, bothPasses)
		copy(t.later[i*section:(i+1)*section], t.acc[section:])
		t.feats = t.s.leftFeatures(t.feats[:0], i, t.first)
		t.sink += w.add(t.acc, t.feats, t.runs, firstPass)
		c, _ := w.best(t.acc, 0, t.m.coarse, t.scores)
		t.first = append(t.first, c)
		t.settled = append(t.settled, false)
	}
	t.classes = t.classes[:0]
	for i := range words {
		if t.settled[i] {
			t.classes = append(t.classes, t.first[i])
			continue
		}
		copy(t.acc[section:], t.later[i*section:(i+1)*section])
		t.feats = t.s.leftFeatures(t.feats[:0], i, t.classes)
		t.feats = t.s.rightFeatures(t.feats, i, t.classes, t.first)
		t.sink += w.add(t.acc, t.feats, t.runs, secondPass)
		c, _ := w.best(t.acc, 1, t.m.coarse, t.scores)
		t.classes = append(t.classes, c)
	}
}
