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
// A Model is read-only and shared by all goroutines (Embedded decodes the shipped one
// once); a Tagger holds one goroutine's scratch buffers, so tagging allocates nothing
// once the buffers have grown.
package tagger

import (
	"herald/document"
	"herald/learn"
	"herald/syntax/wordclass"
)

// Model is a trained tagger. It is immutable once loaded or trained.
type Model struct {
	upos, xpos []string // the tags of each class
	// coarse numbers the UPOS of each class, 0 .. coarseCount-1 in order of first
	// appearance among the classes.
	coarse      []int
	coarseCount int
	// weights scores both passes: the first, left to right, and the second, which sees
	// the first pass's tags to the right as well. It is what the file stores.
	weights *table
	// first and second are the perceptrons of the passes, as Train learned them; weights
	// is them laid out for speed. A model read from a file has only weights.
	first, second pass
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
	clusters *wordclass.Classes
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
	// acc holds the integer scores of the word being tagged, both passes' sections.
	acc   []int32
	words []string // TagTokens copies token texts here
	sink  uint64   // see table.add
	// cache holds, for the words met so far, the scores of what a word gives on its own
	// (see wordScores). rows points at them for each word of the sentence being tagged,
	// in the cache or, for a word it lacks, in scratch.
	cache   *learn.ScoreCache[wordKey]
	rows    [][]int32
	scratch []int32
	// everyWord turns off settling (settleMargin) and the finite-verb repair: both
	// passes score every word, as in training.
	everyWord bool
	// vbd is the class VERB VBD (-1 if the model has none), for the finite-verb repair.
	vbd int
	// trace, when set (by tests), sees each word's scores for a pass once complete.
	trace func(i, pass int, acc []int32)
}

// wordKey is what wordFeatures reads of a word: its form, and the flags of its place
// in the sentence (first word, a line in capitals).
type wordKey struct {
	form  string
	flags uint8
}

// cacheLimit bounds the words a Tagger caches the scores of: about 18 MB with the
// shipped model, for the words that make up most of the text.
const cacheLimit = 1 << 13

// cacheWidth is the width of a word's cached scores: for each pass, the pass's section
// of the scores of its own features and of its features at each of roleOffsets.
func (m *Model) cacheWidth() int { return (1 + len(roleOffsets)) * m.weights.sections() }

// block is where, in a word's cached scores, those of pass (0, 1) for its own features
// (b = 0) or its roleFeatures at roleOffsets[b-1] start. A pass's blocks are side by
// side, so that the first pass, which every word goes through, reads half the row.
func (m *Model) block(pass, b int) int {
	section := m.weights.sections() / 2
	return (pass*(1+len(roleOffsets)) + b) * section
}

// wordScores returns word i's cached scores (cacheWidth long, laid out as block says):
// from the cache when the word has been met before, else computed into dst. A
// demonym's features look at the next word too, so demonyms are not cached.
func (t *Tagger) wordScores(i int, dst []int32) []int32 {
	info := &t.s.info[i]
	key := wordKey{form: t.s.words[i], flags: info.flags & (flagFirst | flagCapsLine)}
	if !info.demonym {
		if row, ok := t.cache.Lookup(key); ok {
			return row
		}
	}
	section := t.m.weights.sections() / 2
	for b := 0; b <= len(roleOffsets); b++ {
		if b == 0 {
			t.feats = t.s.wordFeatures(t.feats[:0], i)
		} else {
			t.feats = t.s.roleFeatures(t.feats[:0], i, roleOffsets[b-1])
		}
		clear(t.acc)
		t.sink += t.m.weights.add(t.acc, t.feats, t.runs, bothPasses)
		for pass := range 2 {
			copy(dst[t.m.block(pass, b):], t.acc[pass*section:(pass+1)*section])
		}
	}
	if !info.demonym {
		t.cache.Put(key, dst)
	}
	return dst
}

// tagScores sets pass's section of t.acc to the scores of word i for that pass, given
// the first pass's classes and those the second has chosen so far: the word's own and
// its neighbours' cached scores, then the features that join words or read tags.
func (t *Tagger) tagScores(i, pass int) {
	section := t.m.weights.sections() / 2
	acc := t.acc[pass*section : (pass+1)*section]
	copy(acc, t.rows[i][t.m.block(pass, 0):])
	t.feats = t.feats[:0]
	for k, d := range roleOffsets {
		j := i + d
		if j < 0 || j >= len(t.s.words) {
			t.feats = t.s.edgeFeatures(t.feats, d)
			continue
		}
		from := t.rows[j][t.m.block(pass, 1+k):][:section]
		for c, x := range from {
			acc[c] += x
		}
	}
	t.feats = t.s.joinFeatures(t.feats, i)
	which := firstPass
	if pass == 0 {
		t.feats = t.s.leftFeatures(t.feats, i, t.first)
	} else {
		which = secondPass
		t.feats = t.s.leftFeatures(t.feats, i, t.classes)
		t.feats = t.s.rightFeatures(t.feats, i, t.classes, t.first)
	}
	t.sink += t.m.weights.add(t.acc, t.feats, t.runs, which)
	if t.trace != nil {
		t.trace(i, pass, acc)
	}
}

// NewTrainingTagger returns a Tagger for m that scores every word in both passes, as the
// tagger did before settleMargin: what training uses to pick its epoch and to jackknife
// the parser's tags, so that the shipped models stay what their commands rebuild.
func (m *Model) NewTrainingTagger() *Tagger {
	t := m.NewTagger()
	t.everyWord = true
	return t
}

// NewTagger returns a Tagger for m.
func (m *Model) NewTagger() *Tagger {
	vbd := -1
	for c := range m.upos {
		if m.upos[c] == "VERB" && m.xpos[c] == "VBD" {
			vbd = c
		}
	}
	return &Tagger{
		m:      m,
		vbd:    vbd,
		feats:  make([]uint64, 0, maxFeatures),
		runs:   make([]uint64, 0, maxFeatures),
		scores: make([]float32, len(m.upos)),
		acc:    make([]int32, m.weights.sections()),
		cache:  learn.NewScoreCache[wordKey](m.cacheWidth(), cacheLimit),
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

// settleMargin is how far ahead the first pass's best class must be, in units of the
// first pass's largest weight, for the second pass to leave the word alone. Chosen on EWT
// dev: at 1.05 the second pass skips 76% of the words and the tags are as good (both
// tags right 94.43% against 94.45% scoring every word; EWT test 94.61% either way).
// The unit makes it follow a retrained model's scale.
const settleMargin = 1.05

// tag fills t.classes with one class per word: two greedy passes from left to right, the
// second seeing the first's guesses to the right of each word, for the words the first
// pass did not settle by a wide margin (see settleMargin). The features that do not
// depend on tags, most of them, are scored once per word and cached, for both passes.
func (t *Tagger) tag(words []string) {
	w := t.m.weights
	t.s.prepare(t.m.words, &t.m.lex, words)
	width := t.m.cacheWidth()
	if need := len(words) * width; cap(t.scratch) < need {
		t.scratch = make([]int32, need)
	}
	t.rows = t.rows[:0]
	for i := range words {
		t.rows = append(t.rows, t.wordScores(i, t.scratch[i*width:(i+1)*width]))
	}
	t.first = t.first[:0]
	t.settled = t.settled[:0]
	for i := range words {
		if f := t.s.info[i].fast; f >= 0 {
			t.first = append(t.first, int(f))
			t.settled = append(t.settled, true)
			continue
		}
		t.tagScores(i, 0)
		c, margin := w.best(t.acc, 0, t.m.coarse, t.scores)
		t.first = append(t.first, c)
		t.settled = append(t.settled, margin > w.settle && !t.everyWord)
	}
	t.classes = t.classes[:0]
	for i := range words {
		if t.settled[i] {
			t.classes = append(t.classes, t.first[i])
			continue
		}
		t.tagScores(i, 1)
		c, _ := w.best(t.acc, 1, t.m.coarse, t.scores)
		t.classes = append(t.classes, c)
	}
	if !t.everyWord {
		t.repairFinite(words)
	}
}

// repairFinite makes a sentence's verb finite where the tagger left it without one: in
// a sentence that ends with a full stop, question or exclamation mark and has no finite
// verb (VBD, VBZ, VBP, MD), the first VBN right after a noun or pronoun becomes VBD when
// VBD is the tagger's second choice for it. "Police fired tear gas at the protesters."
// and "Students protested outside the embassy." are the commonest shape of a news
// sentence, and a past participle there makes the parser read a noun phrase ("police
// fired …" as police who were fired) with no clause at all. A headline's reduced passive
// ("Three soldiers killed in attack") has no full stop and keeps its VBN.
func (t *Tagger) repairFinite(words []string) {
	n := len(words)
	if t.vbd < 0 || n < 3 {
		return
	}
	switch words[n-1] {
	case ".", "!", "?":
	default:
		return
	}
	at := -1
	for i, c := range t.classes {
		switch t.m.xpos[c] {
		case "VBD", "VBZ", "VBP", "MD":
			return
		case "VBN":
			if at < 0 && i > 0 && nominalXPOS(t.m.xpos[t.classes[i-1]]) {
				at = i
			}
		}
	}
	if at < 0 {
		return
	}
	t.tagScores(at, 1)
	best, _ := t.m.weights.best(t.acc, 1, t.m.coarse, t.scores)
	if best == t.classes[at] && secondBest(t.scores, best) == t.vbd {
		t.classes[at] = t.vbd
	}
}

func nominalXPOS(x string) bool {
	switch x {
	case "NN", "NNS", "NNP", "NNPS", "PRP":
		return true
	}
	return false
}
