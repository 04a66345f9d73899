// Package parser is Herald's dependency parser: it reads the words of a sentence with their
// UPOS and XPOS tags and adds a head and a Universal Dependencies relation (deprel, with
// subtypes such as nmod:poss or obl:tmod) to every word, as in the HEAD and DEPREL columns
// of CoNLL-U.
//
// It is a greedy transition-based parser: the arc-hybrid system (Kuhlmann, Gómez-Rodríguez
// and Satta 2011) with the root at the end of the buffer (Ballesteros and Nivre 2013),
// labelled transitions scored by one averaged perceptron (package learn) over the rich
// non-local features of Zhang and Nivre 2011 (optionally with word clusters, package
// cluster: see TrainOptions.Clusters), trained on UD English-EWT with the dynamic
// oracle and error exploration of Goldberg and Nivre 2013 ("Training deterministic parsers
// with non-deterministic oracles"). Non-projective training trees are made projective by
// lifting arcs (Nivre and Nilsson 2005, without label encoding), so the parser only ever
// outputs projective trees.
//
// A Model is read-only and shared; each goroutine parses with its own Parser, whose
// buffers are reused so that parsing allocates nothing once warmed up. Every output is a
// tree: one word headed by 0 with the relation "root", no cycles, every word headed.
package parser

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"herald/learn"
	"herald/syntax/cluster"
)

// RootLabel is the relation of the word attached to the artificial root.
const RootLabel = "root"

// Model is a trained parser: the relation labels and the perceptron that scores the
// labelled transitions. It is read-only, so goroutines share one Model.
type Model struct {
	labels     []string
	root       int32 // index of RootLabel in labels
	perceptron *learn.Model
	weights    *learn.Table // perceptron, laid out for parsing
	vocab      vocabulary
	clusters   *cluster.Lexicon // nil: no cluster features
}

// Labels are the relations the model can assign, in class order.
func (m *Model) Labels() []string { return m.labels }

// class numbers: SHIFT is 0, LEFT(l) is 1+l, RIGHT(l) is 1+L+l.
func (m *Model) classes() int { return 1 + 2*len(m.labels) }

func newModel(labels []string) (*Model, error) {
	m := &Model{labels: labels, root: -1}
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

// The model file: a text header ("HERALD-PARSER 3", then the labels separated by spaces on
// one line, then the vocabulary's word hashes in ascending order as 8 hex digits each on
// one line, then the length in bytes of the cluster lexicon that follows, 0 for none, on
// one line), the cluster lexicon in its own format (package cluster), and the perceptron
// in learn's gzip format.
const fileMagic = "HERALD-PARSER"
const fileVersion = 3

// ErrFormat reports a model file that is not a parser model or is damaged.
var ErrFormat = errors.New("not a Herald parser model")

// Write encodes the model. The same model always gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	header := fileMagic + " " + strconv.Itoa(fileVersion) + "\n" + strings.Join(m.labels, " ") + "\n"
	words := make([]uint32, 0, len(m.vocab))
	for h := range m.vocab {
		words = append(words, h)
	}
	slices.Sort(words)
	buf := []byte(header)
	for _, h := range words {
		buf = fmt.Appendf(buf, "%08x", h)
	}
	buf = append(buf, '\n')
	var clusters bytes.Buffer
	if m.clusters != nil {
		if err := m.clusters.Write(&clusters); err != nil {
			return fmt.Errorf("parser: writing model: %w", err)
		}
	}
	buf = fmt.Appendf(buf, "%d\n", clusters.Len())
	buf = append(buf, clusters.Bytes()...)
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("parser: writing model: %w", err)
	}
	if err := m.perceptron.Write(w); err != nil {
		return fmt.Errorf("parser: writing model: %w", err)
	}
	return nil
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	line := func(what string) (string, error) {
		s, err := br.ReadString('\n')
		if err != nil {
			return "", fmt.Errorf("%w: reading the %s line: %v", ErrFormat, what, err)
		}
		return strings.TrimSuffix(s, "\n"), nil
	}
	magic, err := line("first")
	if err != nil {
		return nil, err
	}
	if magic != fileMagic+" "+strconv.Itoa(fileVersion) {
		return nil, fmt.Errorf("%w: header %.40q, want %q", ErrFormat, magic, fileMagic+" "+strconv.Itoa(fileVersion))
	}
	labelLine, err := line("label")
	if err != nil {
		return nil, err
	}
	m, err := newModel(strings.Fields(labelLine))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	vocabLine, err := line("vocabulary")
	if err != nil {
		return nil, err
	}
	if len(vocabLine)%8 != 0 {
		return nil, fmt.Errorf("%w: vocabulary line of %d characters", ErrFormat, len(vocabLine))
	}
	m.vocab = make(vocabulary, len(vocabLine)/8)
	for i := 0; i < len(vocabLine); i += 8 {
		h, err := strconv.ParseUint(vocabLine[i:i+8], 16, 32)
		if err != nil {
			return nil, fmt.Errorf("%w: vocabulary: %v", ErrFormat, err)
		}
		m.vocab[uint32(h)] = struct{}{}
	}
	clusterLine, err := line("cluster length")
	if err != nil {
		return nil, err
	}
	clusterBytes, err := strconv.ParseInt(clusterLine, 10, 64)
	if err != nil || clusterBytes < 0 {
		return nil, fmt.Errorf("%w: cluster length %.20q", ErrFormat, clusterLine)
	}
	if clusterBytes > 0 {
		lr := &io.LimitedReader{R: br, N: clusterBytes}
		if m.clusters, err = cluster.Read(bufio.NewReader(lr)); err != nil {
			return nil, fmt.Errorf("parser: %w", err)
		}
		if _, err := io.Copy(io.Discard, lr); err != nil || lr.N != 0 {
			return nil, fmt.Errorf("%w: clusters cut short", ErrFormat)
		}
	}
	p, err := learn.Read(br)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	if p.Classes() != m.classes() {
		return nil, fmt.Errorf("%w: %d classes for %d labels, want %d", ErrFormat, p.Classes(), len(m.labels), m.classes())
	}
	if err := m.setPerceptron(p); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return m, nil
}

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
