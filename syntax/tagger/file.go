package tagger

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

// File is the name `herald train tagger` gives the model file.
const File = "tagger.model"

// The model file follows learn's convention ("HERALD tagger 4"); its payload is the
// description, the classes (UPOS and XPOS of each), the tag dictionary (forms in order,
// each with its ambiguity class and fast class+1), the demonyms in order, the word
// clusters (a presence byte, then package cluster's payload), and the tagging table
// (weights.go) as its encode method writes it. Everything is written in a fixed order,
// so the same model gives the same bytes.
const (
	fileKind    = "tagger"
	fileVersion = 4
	maxWords    = 1 << 24
	// maxClasses keeps the class numbers of all four perceptrons, side by side in the
	// tagging table, within 16 bits.
	maxClasses = 1<<14 - 1
)

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	weights, err := m.fileTable()
	if err != nil {
		return err
	}
	e := learn.NewEncoder(fileKind, fileVersion)
	e.String(m.meta)
	e.Uvarint(uint64(len(m.upos)))
	for c := range m.upos {
		e.String(m.upos[c])
		e.String(m.xpos[c])
	}
	forms := make([]string, 0, len(m.words))
	for f := range m.words {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	e.Uvarint(uint64(len(forms)))
	for _, f := range forms {
		we := m.words[f]
		e.String(f)
		e.Uvarint(uint64(we.ambiguity))
		e.Uvarint(uint64(we.fast + 1))
	}
	demonyms := make([]string, 0, len(m.lex.demonyms))
	for d := range m.lex.demonyms {
		demonyms = append(demonyms, d)
	}
	slices.Sort(demonyms)
	e.Uvarint(uint64(len(demonyms)))
	for _, d := range demonyms {
		e.String(d)
	}
	wordclass.EncodeOptional(e, m.lex.clusters)
	weights.encode(e)
	_, err = e.WriteTo(w)
	return err
}

// fileTable is the tagging table the model's file holds: the one a model read from a
// file tags with, or, for a model just trained, its perceptrons rounded as files store
// weights (learn.Model.Rounded). A trained model keeps tagging with its unrounded
// weights, as training and the parser's jackknife always have.
func (m *Model) fileTable() (*table, error) {
	if m.first.joint == nil {
		return m.weights, nil
	}
	round := func(p pass) pass { return pass{p.joint.Rounded(), p.coarse.Rounded()} }
	return newTable(round(m.first), round(m.second))
}

// Read decodes a model file.
func Read(r io.Reader) (*Model, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return decode(data)
}

// Embedded returns the model embedded in the binary (syntax/models/tagger.model),
// decoded on the first call; every call returns the same Model. It is safe for
// concurrent use.
func Embedded() (*Model, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Model, error) {
	m, err := decode(models.Tagger())
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	return m, nil
})

// decode reads a model file held in data. The model's strings are substrings of data.
func decode(data string) (*Model, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	m := &Model{meta: d.String("description")}
	nclasses := d.Count("classes", maxClasses)
	if d.Err() == nil && nclasses == 0 {
		d.Failf("no classes")
	}
	m.upos, m.xpos = make([]string, nclasses), make([]string, nclasses)
	for c := range nclasses {
		m.upos[c], m.xpos[c] = d.String("UPOS"), d.String("XPOS")
	}
	nwords := d.Count("dictionary words", maxWords)
	m.words = make(map[string]wordEntry, nwords)
	for range nwords {
		f := d.String("form")
		amb := d.Int("ambiguity", math.MaxUint16)
		fast := d.Int("fast class", nclasses)
		m.words[f] = wordEntry{ambiguity: uint16(amb), fast: int16(fast) - 1}
	}
	if ndemonyms := d.Count("demonyms", maxWords); ndemonyms > 0 {
		m.lex.demonyms = make(map[string]struct{}, ndemonyms)
		for range ndemonyms {
			m.lex.demonyms[d.String("demonym")] = struct{}{}
		}
	}
	m.lex.clusters = wordclass.DecodeOptional(d)
	if d.Err() != nil {
		return nil, d.Err()
	}
	m.indexCoarse()
	m.weights = decodeTable(d, len(m.upos), m.coarseCount)
	if err := d.Finish(); err != nil {
		return nil, err
	}
	return m, nil
}
