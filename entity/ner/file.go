package ner

import (
	_ "embed"
	"fmt"
	"io"
	"math"
	"sync"

	"herald/learn"
	"herald/syntax/wordclass"
)

// File is the name `herald train ner` gives the model file.
const File = "ner.model"

// The model file follows learn's convention ("HERALD ner 3"); its payload is the types,
// whether the model was trained with gazetteer features (0 or 1), the bias added to the
// score of O (outside any name) at every word (float32 bits), how it was trained, the
// (K+1)×K transition scores (float32 bits, forbidden ones -Inf), the case table and
// the name table (each a count, then key steps each followed by a class byte), the
// word clusters (a presence byte, then package cluster's payload), and the emission
// weights as the learn.Table that recognition scores with. Nothing in it depends on the
// time or machine, so the same training gives the same bytes.
const (
	fileKind    = "ner"
	fileVersion = 3
)

//go:embed models/ner.model
var embeddedFile string

// Embedded returns the model embedded in the binary (entity/ner/models/ner.model),
// decoded on the first call; every call returns the same Model. It is safe for
// concurrent use.
func Embedded() (*Model, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Model, error) {
	m, err := decode(embeddedFile)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	return m, nil
})

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	weights := m.table
	if m.weights != nil {
		// A model just trained: the weights its file holds (see learn.FileTable).
		var err error
		if weights, err = learn.FileTable(m.weights); err != nil {
			return err
		}
	}
	e := learn.NewEncoder(fileKind, fileVersion)
	e.Uvarint(uint64(len(m.types)))
	for _, t := range m.types {
		e.String(t)
	}
	e.Uvarint(uint64(b2i(m.gazetteer)))
	e.Float32(m.outsideBias)
	e.String(m.info)
	e.Uvarint(uint64(len(m.trans)))
	for _, x := range m.trans {
		e.Float32(x)
	}
	m.lex.encode(e)
	m.names.encode(e)
	wordclass.EncodeOptional(e, m.clusters)
	weights.Encode(e)
	_, err := e.WriteTo(w)
	return err
}

// Read decodes a model file.
func Read(r io.Reader) (*Model, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return decode(data)
}

// decode reads a model file held in data.
func decode(data string) (*Model, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	m := &Model{types: make([]string, d.Count("types", 64))}
	if d.Err() == nil && len(m.types) == 0 {
		d.Failf("no types")
	}
	for i := range m.types {
		m.types[i] = d.String("type")
	}
	m.gazetteer = d.Int("gazetteer features", 1) == 1
	m.outsideBias = d.Float32("outside bias")
	if d.Err() == nil && (math.IsNaN(float64(m.outsideBias)) || math.IsInf(float64(m.outsideBias), 0)) {
		d.Failf("outside bias %v", m.outsideBias)
	}
	m.info = d.String("description")
	K := m.labels()
	if n := d.Count("transitions", d.Left()/4); d.Err() == nil && n != (K+1)*K {
		d.Failf("%d transitions for %d labels", n, K)
	}
	if d.Err() != nil {
		return nil, d.Err()
	}
	m.trans = make([]float32, (K+1)*K)
	for k := range m.trans {
		if m.trans[k] = d.Float32("transition"); math.IsNaN(float64(m.trans[k])) {
			d.Failf("transition %d is not a number", k)
		}
	}
	maskTransitions(m.trans, K) // a damaged file cannot lift the BILOU constraints
	m.lex = decodeCaseTable(d)
	m.names = decodeCaseTable(d)
	m.clusters = wordclass.DecodeOptional(d)
	m.table = learn.DecodeTable(d, K)
	if err := d.Finish(); err != nil {
		return nil, err
	}
	if err := m.layout(); err != nil {
		return nil, err
	}
	return m, nil
}
