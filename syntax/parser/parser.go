// Package parser is Herald's dependency parser: it reads the words of a sentence with their
// UPOS and XPOS tags and adds a head and a Universal Dependencies relation (deprel, with
// subtypes such as nmod:poss or obl:tmod) to every word, as in the HEAD and DEPREL columns
// of CoNLL-U.
//
// It is a transition-based parser: the arc-hybrid system (Kuhlmann, Gómez-Rodríguez and
// Satta 2011) with the root at the end of the buffer (Ballesteros and Nivre 2013),
// labelled transitions scored by an averaged perceptron (package learn) over the rich
// non-local features of Zhang and Nivre 2011 (optionally with word clusters, package
// wordclass: see TrainOptions.Clusters). A model is either greedy, trained with the
// dynamic oracle and error exploration of Goldberg and Nivre 2013, or keeps a beam of
// transition sequences, trained as a structured perceptron with max-violation updates
// (Huang, Fayong and Guo 2012; see beam.go). Non-projective training trees are made
// projective by lifting arcs (Nivre and Nilsson 2005, without label encoding), so the
// parser only ever outputs projective trees.
//
// A Model is read-only and shared; each goroutine parses with its own Parser, whose
// buffers are reused so that parsing allocates nothing once warmed up. Every output is a
// tree: one word headed by 0 with the relation "root", no cycles, every word headed.
package parser

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"herald/learn"
	"herald/syntax/models"
	"herald/syntax/wordclass"
)

// RootLabel is the relation of the word attached to the artificial root.
const RootLabel = "root"

// Model is a trained parser: the relation labels and the perceptron that scores the
// labelled transitions. It is read-only, so goroutines share one Model.
type Model struct {
	labels     []string
	root       int32        // index of RootLabel in labels
	weights    *learn.Table // the perceptron, laid out for parsing: what the file holds
	perceptron *learn.Model // as Train learned it; nil in a model read from a file
	vocab      vocabulary
	clusters   *wordclass.Classes // nil: no cluster features
	// beam is the number of transition sequences kept while parsing (1: greedy), the
	// width the model was trained with.
	beam int
	// margin narrows the beam while parsing (see BeamMargin); negative means
	// DefaultBeamMargin.
	margin float32
}

// DefaultBeamMargin is how far below the best candidate of a step another may score and
// stay in the beam, in units of the model's largest weight: where the model is sure the
// beam narrows, and the next step scores fewer items. It trades accuracy for speed and
// was chosen so that tagging and parsing keep the speed floor (see README, Models).
const DefaultBeamMargin = 0.6

// BeamMargin is the margin the model parses with (0: the full beam).
func (m *Model) BeamMargin() float32 {
	if m.margin < 0 {
		return DefaultBeamMargin
	}
	return m.margin
}

// WithBeamMargin is the model parsing with another margin, in units of its largest
// weight (0: the full beam).
func (m *Model) WithBeamMargin(margin float32) *Model {
	c := *m
	c.margin = max(margin, 0)
	return &c
}

// Beam is the model's beam width (1 for a greedy parser).
func (m *Model) Beam() int { return max(m.beam, 1) }

// Labels are the relations the model can assign, in class order.
func (m *Model) Labels() []string { return m.labels }

// class numbers: SHIFT is 0, LEFT(l) is 1+l, RIGHT(l) is 1+L+l.
func (m *Model) classes() int { return 1 + 2*len(m.labels) }

func newModel(labels []string) (*Model, error) {
	m := &Model{labels: labels, root: -1, margin: -1}
	// One label besides "root" is needed for arcs between words; more than 64 do not fit
	// the label-set features.
	if len(labels) < 2 || len(labels) > 64 {
		return nil, fmt.Errorf("parser: %d labels, want 2 to 64", len(labels))
	}
	seen := make(map[string]bool, len(labels))
	for i, l := range labels {
		if seen[l] {
			return nil, fmt.Errorf("parser: label %q listed twice", l)
		}
		seen[l] = true
		if l == RootLabel {
			m.root = int32(i)
		}
	}
	if m.root < 0 {
		return nil, fmt.Errorf("parser: no %q label", RootLabel)
	}
	return m, nil
}

// File is the name `herald train parser` gives the model file.
const File = "parser.model"

// The model file follows learn's convention ("HERALD parser 5"); its payload is the
// labels, the vocabulary's word hashes in ascending order (each as the step from the one
// before), the word clusters (a presence byte, then package cluster's payload), the beam
// width, and the
// weights as the learn.Table that parsing scores with. The same model always gives the
// same bytes.
const (
	fileKind    = "parser"
	fileVersion = 5
)

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	weights := m.weights
	if m.perceptron != nil {
		// A model just trained: the weights its file holds (see learn.FileTable).
		var err error
		if weights, err = learn.FileTable(m.perceptron); err != nil {
			return fmt.Errorf("parser: writing model: %w", err)
		}
	}
	e := learn.NewEncoder(fileKind, fileVersion)
	e.Uvarint(uint64(len(m.labels)))
	for _, l := range m.labels {
		e.String(l)
	}
	words := make([]uint32, 0, len(m.vocab))
	for h := range m.vocab {
		words = append(words, h)
	}
	slices.Sort(words)
	e.Uvarint(uint64(len(words)))
	prev := uint32(0)
	for _, h := range words {
		e.Uvarint(uint64(h - prev))
		prev = h
	}
	wordclass.EncodeOptional(e, m.clusters)
	e.Uvarint(uint64(m.Beam()))
	weights.Encode(e)
	if _, err := e.WriteTo(w); err != nil {
		return fmt.Errorf("parser: writing model: %w", err)
	}
	return nil
}

// Read decodes a model file.
func Read(r io.Reader) (*Model, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	return decode(data)
}

// Embedded returns the model embedded in the binary (syntax/models/parser.model),
// decoded on the first call; every call returns the same Model. It is safe for
// concurrent use.
func Embedded() (*Model, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Model, error) {
	m, err := decode(models.Parser())
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	return m, nil
})

// decode reads a model file held in data.
func decode(data string) (*Model, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	labels := make([]string, d.Count("labels", 64))
	for i := range labels {
		labels[i] = d.String("label")
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	m, err := newModel(labels)
	if err != nil {
		d.Failf("%v", err)
		return nil, d.Err()
	}
	n := d.Count("vocabulary words", 1<<24)
	m.vocab = make(vocabulary, n)
	h := uint64(0)
	for i := 0; i < n && d.Err() == nil; i++ {
		step := d.Uvarint("word hash")
		if h += step; d.Err() == nil && (i > 0 && step == 0 || h > math.MaxUint32) {
			d.Failf("word hash %#x out of order", h)
		}
		m.vocab[uint32(h)] = struct{}{}
	}
	m.clusters = wordclass.DecodeOptional(d)
	m.beam = d.Int("beam width", 256)
	if d.Err() == nil && m.beam < 1 {
		d.Failf("beam width %d", m.beam)
	}
	m.weights = learn.DecodeTable(d, m.classes())
	if err := d.Finish(); err != nil {
		return nil, err
	}
	return m, nil
}

// setPerceptron makes p the model's weights, for training.
func (m *Model) setPerceptron(p *learn.Model) error {
	t, err := learn.NewTable(p)
	if err != nil {
		return fmt.Errorf("parser: %w", err)
	}
	m.perceptron, m.weights = p, t
	return nil
}

// Parser parses sentences with one Model. It holds the scratch buffers of one goroutine:
// use one Parser per goroutine.
type Parser struct {
	m      *Model
	st     state
	feats  []uint64
	scores []int32
	runs   []uint64
	beam   *beam // nil for a greedy model
	// sink keeps the cache-warming loads of learn.Table.Scores alive.
	sink uint64
}

// NewParser returns a Parser for the model.
func (m *Model) NewParser() *Parser {
	return &Parser{
		m:      m,
		feats:  make([]uint64, 0, maxFeatures),
		scores: make([]int32, m.classes()),
		runs:   make([]uint64, 0, maxFeatures),
	}
}

// Parse fills heads (1-based word numbers, 0 for the root) and deprels for the words,
// given their UPOS and XPOS tags (missing tags count as empty). Only as many words are
// parsed as heads and deprels have room for. It allocates nothing once the Parser has seen
// a sentence as long.
func (p *Parser) Parse(words, upos, xpos []string, heads []int, deprels []string) {
	n := min(len(words), len(heads), len(deprels))
	if p.m.Beam() > 1 {
		if p.beam == nil {
			p.beam = newBeam(p.m.Beam(), p.m.classes())
			// The table's integer weights put the largest at math.MaxInt16.
			p.beam.margin = float64(p.m.BeamMargin()) * math.MaxInt16
		}
		p.m.finish(p.parseBeam(n, words[:n], upos, xpos), upos, heads, deprels)
		return
	}
	s := &p.st
	s.reset(n)
	s.setWords(words[:n], upos, xpos, p.m.vocab, p.m.clusters)
	for !s.terminal() {
		// A move that is the only legal one needs no scores: a shift onto an empty
		// stack, and the last word's attachment to the root.
		if len(s.stack) == 0 {
			s.apply(shift, 0)
			continue
		}
		if s.rootOnly() && len(s.stack) == 1 {
			s.apply(left, p.m.root)
			continue
		}
		p.feats = s.features(p.feats)
		p.sink += p.m.weights.Scores(p.feats, p.scores, p.runs)
		move, lab := p.m.best(s, p.scores)
		s.apply(move, lab)
	}
	p.m.finish(s, upos, heads, deprels)
}

// best is the highest-scoring legal transition.
func (m *Model) best(s *state, scores []int32) (move int, lab int32) {
	L := int32(len(m.labels))
	bestScore := int32(0)
	found := false
	consider := func(mv int, l int32, sc int32) {
		if !found || sc > bestScore {
			move, lab, bestScore, found = mv, l, sc, true
		}
	}
	if s.canShift() {
		consider(shift, 0, scores[0])
	}
	if s.canLeft() {
		if s.rootOnly() {
			consider(left, m.root, scores[1+m.root])
		} else {
			for l := int32(0); l < L; l++ {
				if l != m.root {
					consider(left, l, scores[1+l])
				}
			}
		}
	}
	if s.canRight() {
		for l := int32(0); l < L; l++ {
			if l != m.root {
				consider(right, l, scores[1+L+l])
			}
		}
	}
	return move, lab
}

// finish copies the tree out of the state. The transition system already guarantees a
// tree; the repair below only guards against a future change breaking that: any word left
// unattached goes under the root word, as "punct" if it is punctuation and "dep" otherwise.
func (m *Model) finish(s *state, upos []string, heads []int, deprels []string) {
	n := int(s.n)
	rootWord := 0
	for i := 1; i <= n; i++ {
		if s.head[i] == s.n+1 {
			if rootWord == 0 {
				rootWord = i
			} else {
				s.head[i] = 0 // a second root: reattach below
			}
		}
	}
	for i := 1; i <= n; i++ {
		h := int(s.head[i])
		switch {
		case h == n+1:
			heads[i-1], deprels[i-1] = 0, RootLabel
		case h >= 1 && h <= n:
			heads[i-1], deprels[i-1] = h, m.labels[s.label[i]-1]
		default:
			if rootWord == 0 {
				rootWord = i
				heads[i-1], deprels[i-1] = 0, RootLabel
				continue
			}
			heads[i-1], deprels[i-1] = rootWord, "dep"
			if at(upos, i-1) == "PUNCT" {
				deprels[i-1] = "punct"
			}
		}
	}
}
