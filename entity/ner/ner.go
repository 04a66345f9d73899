// Package ner is Herald's statistical named-entity recognizer. It reads a sentence's
// words with the UPOS and XPOS tags of the syntax stage and finds the names in it:
// PERSON, ORG, LOC (any place: the entity stage tells countries and cities, GPE, apart
// with its gazetteer), NORP (nationalities: "Iraqi", "Palestinians"), EVENT and OTHER.
//
// Each word gets a BILOU tag (Begin, Inside, Last, Unit, or O outside a name) from a
// first-order structured perceptron (Collins 2002) over the hashed features of package
// learn: the word, its lowercase, shape and affixes, its tags, its neighbours two words
// either way, the sentence's casing, and, when the caller has one, the gazetteer's
// matches. Decoding is Viterbi search restricted to well-formed BILOU sequences (no I-
// without a B-, no B- left open), so every result is a set of clean spans.
//
// Two tables stored in the model make up for the gap between edited news and the web
// text names also come in: a case table (how a word is usually written where case is
// free, from the training text and UD English-EWT's training words) and a name table
// (which words occur in WikiANN's person, organization and place names).
//
// The model is trained on the Groningen Meaning Bank (GMB, VOA news; every tenth sentence
// held out), with types mapped to Herald's as MapType and FromIOB document, then once more
// with EWT's training sentences added as the first model labels them, snapped to their
// gold proper nouns (self-training: Corpora.SelfLabel). `herald train ner` rebuilds it
// (TrainFromData) and `herald eval ner` scores it (EvaluateFile). Corpus files are read by
// package iob.
//
// A Model is immutable and shared by all goroutines; a Recognizer holds one goroutine's
// scratch buffers, so recognition allocates nothing once they have grown.
package ner

import (
	"math"
	"sync"

	"herald/learn"
	"herald/syntax/wordclass"
)

// Span is a name found in a sentence: words [Start, End) of Herald type Type.
type Span struct {
	Start, End int
	Type       string
}

// KnownNames is what the recognizer asks of a list of known names: the longest name that
// starts at words[i], as its length in words and a label for what it names (a Herald
// type, or a finer kind: "country", "city", "demonym"), or n == 0 when none does. The
// labels become features, so a model must be used with the gazetteer it was trained
// with. Longest must not allocate if recognition is to stay allocation-free.
type KnownNames interface {
	Longest(words []string, i int) (n int, typ string)
}

// KnownNamesFunc adapts a function to KnownNames.
type KnownNamesFunc func(words []string, i int) (n int, typ string)

// Longest calls f.
func (f KnownNamesFunc) Longest(words []string, i int) (int, string) { return f(words, i) }

// Model is a trained recognizer.
type Model struct {
	// types are the entity types; label 0 is O and type t has labels 1+4t .. 4+4t, for
	// B, I, L and U.
	types []string
	// weights are the emission weights as Train learned them; nil in a model read from a
	// file, which holds table.
	weights *learn.Model
	// trans[p*labels+c] is the score of label c after label p; row labels is the start of
	// the sentence. Forbidden transitions hold -Inf.
	trans []float32
	// lex is the case table (see casetable.go).
	lex caseTable
	// names is the name table (see casetable.go).
	names nameTable
	// clusters are the word clusters of unlabelled text the model's cluster features read
	// (nil in a model trained without them); a copy is stored in the model file.
	clusters *wordclass.Classes
	// outsideBias is added to the score of O at every word: raising it trades recall for
	// precision. Training leaves it 0; TrainFromData picks it on held-out data.
	outsideBias float32
	// gazetteer says the model was trained with gazetteer features.
	gazetteer bool
	// info describes how the model was trained, for reports.
	info string

	// table is the emission weights as recognition scores them: what the file holds, or
	// for a model just trained, weights laid out by layout.
	table *learn.Table
	// layoutOnce builds, on first use, what recognition runs on: the table of a model
	// just trained, and for each label the labels that may precede it, so that Viterbi
	// skips the forbidden three quarters of the transitions.
	layoutOnce sync.Once
	layoutErr  error
	preds      [][]int16
}

// layout builds m.table (from m.weights, unless the model was read from a file) and
// m.preds. Read and Train call it and report its error, so that a Recognizer never meets
// a model without them.
func (m *Model) layout() error {
	m.layoutOnce.Do(func() {
		if m.table == nil {
			m.table, m.layoutErr = learn.NewTable(m.weights)
		}
		m.preds = predecessors(m.labels())
	})
	return m.layoutErr
}

// predecessors lists, for each of K labels, the labels that may precede it.
func predecessors(K int) [][]int16 {
	preds := make([][]int16, K)
	for c := 0; c < K; c++ {
		for p := 0; p < K; p++ {
			if allowed(K, p, c) {
				preds[c] = append(preds[c], int16(p))
			}
		}
	}
	return preds
}

// BILOU parts of a label.
const (
	partB = iota
	partI
	partL
	partU
)

func (m *Model) labels() int { return 1 + 4*len(m.types) }

// Types are the entity types the model finds.
func (m *Model) Types() []string { return m.types }

// Info describes how the model was trained.
func (m *Model) Info() string { return m.info }

// UsesGazetteer reports whether the model was trained with gazetteer features and so
// recognizes best when given one.
func (m *Model) UsesGazetteer() bool { return m.gazetteer }

// labelOf is the label of part p of type t.
func labelOf(t, p int) int { return 1 + 4*t + p }

// splitLabel returns the type and part of a label other than O.
func splitLabel(l int) (t, p int) { return (l - 1) / 4, (l - 1) % 4 }

// allowed reports whether label c may follow label p (p == labels: the sentence start).
func allowed(labels, p, c int) bool {
	open := false // p leaves an entity open: B or I
	pt := -1
	if p > 0 && p < labels {
		var pp int
		pt, pp = splitLabel(p)
		open = pp == partB || pp == partI
	}
	if c == 0 {
		return !open
	}
	ct, cp := splitLabel(c)
	if cp == partI || cp == partL {
		return open && pt == ct
	}
	return !open
}

// allowedEnd reports whether a sentence may end on label l.
func allowedEnd(l int) bool {
	if l == 0 {
		return true
	}
	_, p := splitLabel(l)
	return p == partL || p == partU
}

// maskTransitions sets every forbidden transition of trans to -Inf.
func maskTransitions(trans []float32, labels int) {
	negInf := float32(math.Inf(-1))
	for p := 0; p <= labels; p++ {
		for c := 0; c < labels; c++ {
			if !allowed(labels, p, c) {
				trans[p*labels+c] = negInf
			}
		}
	}
}

// Recognizer finds names with one Model. It holds scratch buffers, so it must not be used
// by two goroutines at once; give each worker its own.
type Recognizer struct {
	m      *Model
	gaz    KnownNames
	s      sentence
	v      viterbi
	feats  []uint64
	scores []int32
	runs   []uint64
	sink   uint64
	// cache holds, for the words met so far, the scores of what a word gives on its own:
	// its wordFeatures, then its neighbourFeatures at each of neighbourOffsets, side by
	// side (see wordScores).
	cache *learn.ScoreCache[wordKey]
	// rows points at those scores for each word of the sentence being recognized, in the
	// cache or, for a word it lacks, in scratch.
	rows    [][]int32
	scratch []int32
}

// cacheLimit bounds the words a Recognizer caches the scores of (about 8 MB with six
// types).
const cacheLimit = 1 << 14

// cacheWidth is the width of a word's cached scores: its own, and one block per
// neighbour offset.
func (m *Model) cacheWidth() int { return (1 + len(neighbourOffsets)) * m.labels() }

// NewRecognizer returns a Recognizer for m. gaz may be nil; a model trained with a
// gazetteer (UsesGazetteer) works without one, less well.
func (m *Model) NewRecognizer(gaz KnownNames) *Recognizer {
	m.layout()
	return &Recognizer{
		m:      m,
		gaz:    gaz,
		feats:  make([]uint64, 0, maxFeatures),
		scores: make([]int32, m.labels()),
		runs:   make([]uint64, 0, maxFeatures),
		cache:  learn.NewScoreCache[wordKey](m.cacheWidth(), cacheLimit),
	}
}

// Recognize appends to dst the names in a sentence given as words and their UPOS and XPOS
// tags (from the syntax stage; slices as long as words), in order, and returns it.
// Nothing is allocated once the Recognizer's buffers and dst are large enough.
func (r *Recognizer) Recognize(words, upos, xpos []string, dst []Span) []Span {
	n := len(words)
	if n == 0 {
		return dst
	}
	K := r.m.labels()
	r.s.prepare(words, upos, xpos, r.gaz, r.m.lex, r.m.names, r.m.clusters)
	width := r.m.cacheWidth()
	r.scratch = grow(r.scratch, n*width)
	r.rows = r.rows[:0]
	for i := 0; i < n; i++ {
		r.rows = append(r.rows, r.wordScores(i, r.scratch[i*width:(i+1)*width]))
	}
	emit := r.v.emissions(n, K)
	unit := 1 / r.m.table.Scale()
	for i := 0; i < n; i++ {
		// What features.features(i) would score: the word's own, each neighbour's
		// (or the sentence edge's), and the features that join words.
		copy(r.scores, r.rows[i][:K])
		r.feats = r.feats[:0]
		for k, d := range neighbourOffsets {
			j := i + d
			if j < 0 || j >= n {
				r.feats = edgeFeatures(r.feats, d)
				continue
			}
			from := r.rows[j][(1+k)*K : (2+k)*K]
			for c, x := range from {
				r.scores[c] += x
			}
		}
		r.feats = r.s.joinFeatures(r.feats, i)
		r.sink += r.m.table.AddScores(r.feats, r.scores, r.runs)
		for k, x := range r.scores {
			emit[i*K+k] = float32(x) * unit
		}
		emit[i*K] += r.m.outsideBias
	}
	labels := r.v.decode(n, K, r.m.trans, r.m.preds)
	return appendSpans(dst, labels, r.m.types)
}

// wordScores returns the scores of what word i gives on its own (cacheWidth long): its
// wordFeatures, then its neighbourFeatures for each of neighbourOffsets. They come from
// the cache when the word has been met with the same tags and context before, else are
// computed into dst.
func (r *Recognizer) wordScores(i int, dst []int32) []int32 {
	key := r.s.key(i)
	if row, ok := r.cache.Lookup(key); ok {
		return row
	}
	K := r.m.labels()
	r.feats = r.s.wordFeatures(r.feats[:0], i)
	r.sink += r.m.table.Scores(r.feats, dst[:K], r.runs)
	for k, d := range neighbourOffsets {
		r.feats = r.s.neighbourFeatures(r.feats[:0], i, d)
		r.sink += r.m.table.Scores(r.feats, dst[(1+k)*K:(2+k)*K], r.runs)
	}
	r.cache.Put(key, dst)
	return dst
}

// appendSpans turns a well-formed label sequence into spans.
func appendSpans(dst []Span, labels []int, types []string) []Span {
	start := -1
	for i, l := range labels {
		if l == 0 {
			start = -1
			continue
		}
		t, p := splitLabel(l)
		switch p {
		case partB:
			start = i
		case partU:
			dst = append(dst, Span{Start: i, End: i + 1, Type: types[t]})
		case partL:
			if start >= 0 {
				dst = append(dst, Span{Start: start, End: i + 1, Type: types[t]})
			}
			start = -1
		}
	}
	return dst
}

// viterbi holds the scratch of a decode.
type viterbi struct {
	emit   []float32
	score  []float32
	back   []int16
	labels []int
}

// emissions returns an n×K scratch matrix for the per-word label scores.
func (v *viterbi) emissions(n, K int) []float32 {
	v.emit = grow(v.emit, n*K)
	return v.emit
}

// decode finds the best well-formed label sequence for the emissions and transitions.
// preds[c] lists the labels that may precede label c.
func (v *viterbi) decode(n, K int, trans []float32, preds [][]int16) []int {
	v.score = grow(v.score, n*K)
	v.back = grow(v.back, n*K)
	v.labels = grow(v.labels, n)
	negInf := float32(math.Inf(-1))
	start := trans[K*K:]
	for c := 0; c < K; c++ {
		v.score[c] = start[c] + v.emit[c]
		v.back[c] = -1
	}
	for i := 1; i < n; i++ {
		prev, cur := v.score[(i-1)*K:i*K], v.score[i*K:(i+1)*K]
		emit, back := v.emit[i*K:(i+1)*K], v.back[i*K:(i+1)*K]
		for c := 0; c < K; c++ {
			best, arg := negInf, -1
			for _, p16 := range preds[c] {
				p := int(p16)
				if prev[p] == negInf {
					continue
				}
				if s := prev[p] + trans[p*K+c]; arg < 0 || s > best {
					best, arg = s, p
				}
			}
			if arg < 0 {
				cur[c], back[c] = negInf, -1
				continue
			}
			cur[c], back[c] = best+emit[c], int16(arg)
		}
	}
	last := v.score[(n-1)*K : n*K]
	best := 0 // O is always a legal end, and reachable from any legal state
	for c := 1; c < K; c++ {
		if allowedEnd(c) && last[c] > last[best] {
			best = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		v.labels[i] = best
		if i > 0 {
			best = int(v.back[i*K+best])
			if best < 0 {
				best = 0 // unreachable with finite scores; keeps a corrupt model from panicking
			}
		}
	}
	return v.labels
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, 2*n)
	}
	return s[:n]
}
