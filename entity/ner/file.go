package ner

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"herald/learn"
	"herald/syntax/cluster"
)

// The model file: a short text header,
//
//	HERALD-NER 1
//	types PERSON ORG LOC NORP EVENT OTHER
//	gazetteer 0
//	clusters 0
//	outside 0
//	info <how it was trained>
//	transitions <(K+1)*K>
//
// then the transition scores as little-endian float32 (forbidden ones as -Inf), the case
// lexicon (a varint count, then varint key deltas each followed by a class byte), the name
// lexicon in the same form, when "clusters 1" the word clusters as package cluster writes
// them, and the emission weights as a learn model file. "outside" is the bias added to the
// score of O (outside any name) at every word, in decimal. Version 1 files have no
// clusters and outside lines, and neither. Nothing in it depends on the time or machine,
// so the same training gives the same bytes.
const (
	fileMagic   = "HERALD-NER"
	fileVersion = 2
)

// File is the name `herald train ner` gives the model file.
const File = "ner.model"

//go:embed models/ner.model
var embedded []byte

// LoadEmbedded reads the model shipped in the binary.
func LoadEmbedded() (*Model, error) {
	m, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	return m, nil
}

// ErrFormat reports a file that is not a recognizer model, or a damaged one.
var ErrFormat = errors.New("not a Herald NER model")

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	gaz := 0
	if m.gazetteer {
		gaz = 1
	}
	fmt.Fprintf(bw, "%s %d\ntypes %s\ngazetteer %d\nclusters %d\noutside %s\ninfo %s\ntransitions %d\n",
		fileMagic, fileVersion, strings.Join(m.types, " "), gaz, b2i(m.clusters != nil),
		strconv.FormatFloat(float64(m.outsideBias), 'g', -1, 32),
		strings.ReplaceAll(m.info, "\n", " "), len(m.trans))
	var buf [4]byte
	for _, x := range m.trans {
		binary.LittleEndian.PutUint32(buf[:], math.Float32bits(x))
		bw.Write(buf[:])
	}
	m.lex.write(bw)
	m.names.write(bw)
	if m.clusters != nil {
		if err := bw.Flush(); err != nil {
			return err
		}
		if err := m.clusters.Write(bw); err != nil {
			return err
		}
	}
	if err := m.weights.Write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	line := 0
	next := func(key string) (string, error) {
		line++
		s, err := br.ReadString('\n')
		if err != nil {
			return "", fmt.Errorf("%w: line %d: %v", ErrFormat, line, err)
		}
		v, ok := strings.CutPrefix(strings.TrimSuffix(s, "\n"), key+" ")
		if !ok {
			return "", fmt.Errorf("%w: line %d: want %q", ErrFormat, line, key)
		}
		return v, nil
	}
	v, err := next(fileMagic)
	if err != nil {
		return nil, err
	}
	version, err := strconv.Atoi(v)
	if err != nil || version < 1 || version > fileVersion {
		return nil, fmt.Errorf("%w: version %s, want 1 to %d", ErrFormat, v, fileVersion)
	}
	m := &Model{}
	if v, err = next("types"); err != nil {
		return nil, err
	}
	m.types = strings.Fields(v)
	if len(m.types) == 0 || len(m.types) > 64 {
		return nil, fmt.Errorf("%w: %d types", ErrFormat, len(m.types))
	}
	if v, err = next("gazetteer"); err != nil {
		return nil, err
	}
	m.gazetteer = v == "1"
	hasClusters := false
	if version >= 2 {
		if v, err = next("clusters"); err != nil {
			return nil, err
		}
		hasClusters = v == "1"
		if v, err = next("outside"); err != nil {
			return nil, err
		}
		bias, err := strconv.ParseFloat(v, 32)
		if err != nil || math.IsNaN(bias) || math.IsInf(bias, 0) {
			return nil, fmt.Errorf("%w: outside bias %q", ErrFormat, v)
		}
		m.outsideBias = float32(bias)
	}
	if m.info, err = next("info"); err != nil {
		return nil, err
	}
	if v, err = next("transitions"); err != nil {
		return nil, err
	}
	K := m.labels()
	if n, err := strconv.Atoi(v); err != nil || n != (K+1)*K {
		return nil, fmt.Errorf("%w: %s transitions for %d labels", ErrFormat, v, K)
	}
	raw := make([]byte, 4*(K+1)*K)
	if _, err := io.ReadFull(br, raw); err != nil {
		return nil, fmt.Errorf("%w: transitions: %v", ErrFormat, err)
	}
	m.trans = make([]float32, (K+1)*K)
	for k := range m.trans {
		x := math.Float32frombits(binary.LittleEndian.Uint32(raw[4*k:]))
		if math.IsNaN(float64(x)) {
			return nil, fmt.Errorf("%w: transition %d is not a number", ErrFormat, k)
		}
		m.trans[k] = x
	}
	maskTransitions(m.trans, K) // a damaged file cannot lift the BILOU constraints
	if m.lex, err = readCaseLexicon(br); err != nil {
		return nil, err
	}
	if m.names, err = readCaseLexicon(br); err != nil {
		return nil, err
	}
	if hasClusters {
		if m.clusters, err = cluster.Read(br); err != nil {
			return nil, fmt.Errorf("clusters: %w", err)
		}
	}
	if m.weights, err = learn.Read(br); err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	if m.weights.Classes() != K {
		return nil, fmt.Errorf("%w: weights for %d labels, want %d", ErrFormat, m.weights.Classes(), K)
	}
	if err := m.layout(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return m, nil
}
