package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"herald/learn"
	"herald/syntax/cluster"
)

// The model file is a magic line, a gzip member holding the classes, the tag dictionary
// and the demonyms, then the cluster lexicon in its own format (package cluster; length 0
// when the model has none), then the perceptrons (each pass's joint classes, then its
// UPOS) in learn's own format, each preceded by its length (learn.Read would otherwise
// read on into the next one). Everything is written in a fixed order, so the same model
// gives the same bytes.
const (
	fileMagic   = "HERALD-TAGGER\n"
	fileVersion = 3
	maxString   = 1 << 10
	maxWords    = 1 << 24
	// maxClasses keeps the class numbers of all four perceptrons, side by side in the
	// tagging table, within 16 bits.
	maxClasses = 1<<14 - 1
)

// ErrFormat reports a file that is not a tagger model, or a damaged one.
var ErrFormat = errors.New("not a Herald tagger model")

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(fileMagic)
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { zw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	putString := func(s string) { put(uint64(len(s))); io.WriteString(zw, s) }
	put(fileVersion)
	putString(m.meta)
	put(uint64(len(m.upos)))
	for c := range m.upos {
		putString(m.upos[c])
		putString(m.xpos[c])
	}
	forms := make([]string, 0, len(m.words))
	for f := range m.words {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	put(uint64(len(forms)))
	for _, f := range forms {
		e := m.words[f]
		putString(f)
		put(uint64(e.ambiguity))
		put(uint64(e.fast + 1))
	}
	demonyms := make([]string, 0, len(m.lex.demonyms))
	for d := range m.lex.demonyms {
		demonyms = append(demonyms, d)
	}
	slices.Sort(demonyms)
	put(uint64(len(demonyms)))
	for _, d := range demonyms {
		putString(d)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	var cbuf bytes.Buffer
	if m.lex.clusters != nil {
		if err := m.lex.clusters.Write(&cbuf); err != nil {
			return err
		}
	}
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(cbuf.Len()))])
	bw.Write(cbuf.Bytes())
	for _, weights := range []*learn.Model{m.first.joint, m.first.coarse, m.second.joint, m.second.coarse} {
		var wbuf bytes.Buffer
		if err := weights.Write(&wbuf); err != nil {
			return err
		}
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(wbuf.Len()))])
		bw.Write(wbuf.Bytes())
	}
	return bw.Flush()
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != fileMagic {
		return nil, ErrFormat
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	zr.Multistream(false) // the perceptron's own gzip member follows
	hr := bufio.NewReader(zr)
	get := func(what string) (uint64, error) {
		x, err := binary.ReadUvarint(hr)
		if err != nil {
			return 0, fmt.Errorf("%w: reading %s: %v", ErrFormat, what, err)
		}
		return x, nil
	}
	getString := func(what string) (string, error) {
		n, err := get(what)
		if err != nil {
			return "", err
		}
		if n > maxString {
			return "", fmt.Errorf("%w: %s of %d bytes", ErrFormat, what, n)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(hr, b); err != nil {
			return "", fmt.Errorf("%w: reading %s: %v", ErrFormat, what, err)
		}
		return string(b), nil
	}
	version, err := get("version")
	if err != nil {
		return nil, err
	}
	if version != fileVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrFormat, version, fileVersion)
	}
	m := &Model{}
	if m.meta, err = getString("description"); err != nil {
		return nil, err
	}
	nclasses, err := get("class count")
	if err != nil {
		return nil, err
	}
	if nclasses == 0 || nclasses > maxClasses {
		return nil, fmt.Errorf("%w: %d classes", ErrFormat, nclasses)
	}
	for range nclasses {
		u, err := getString("UPOS")
		if err != nil {
			return nil, err
		}
		x, err := getString("XPOS")
		if err != nil {
			return nil, err
		}
		m.upos, m.xpos = append(m.upos, u), append(m.xpos, x)
	}
	nwords, err := get("dictionary size")
	if err != nil {
		return nil, err
	}
	if nwords > maxWords {
		return nil, fmt.Errorf("%w: %d dictionary words", ErrFormat, nwords)
	}
	m.words = make(map[string]wordEntry, nwords)
	for range nwords {
		f, err := getString("form")
		if err != nil {
			return nil, err
		}
		amb, err := get("ambiguity")
		if err != nil {
			return nil, err
		}
		fast, err := get("fast class")
		if err != nil {
			return nil, err
		}
		if amb > math.MaxUint16 || fast > nclasses {
			return nil, fmt.Errorf("%w: form %q has ambiguity %d, fast class %d", ErrFormat, f, amb, fast)
		}
		m.words[f] = wordEntry{ambiguity: uint16(amb), fast: int16(fast) - 1}
	}
	ndemonyms, err := get("demonym count")
	if err != nil {
		return nil, err
	}
	if ndemonyms > maxWords {
		return nil, fmt.Errorf("%w: %d demonyms", ErrFormat, ndemonyms)
	}
	if ndemonyms > 0 {
		m.lex.demonyms = make(map[string]struct{}, ndemonyms)
	}
	for range ndemonyms {
		d, err := getString("demonym")
		if err != nil {
			return nil, err
		}
		m.lex.demonyms[d] = struct{}{}
	}
	// Read to the end of the member, so that br stands at the perceptron.
	if _, err := io.Copy(io.Discard, hr); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	m.indexCoarse()
	clusterBytes, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("%w: reading the length of the clusters: %v", ErrFormat, err)
	}
	if clusterBytes > 0 {
		lr := &io.LimitedReader{R: br, N: int64(min(clusterBytes, math.MaxInt64))}
		if m.lex.clusters, err = cluster.Read(bufio.NewReader(lr)); err != nil {
			return nil, fmt.Errorf("tagger: %w", err)
		}
		if _, err := io.Copy(io.Discard, lr); err != nil || lr.N != 0 {
			return nil, fmt.Errorf("%w: clusters cut short", ErrFormat)
		}
	}
	for _, w := range []struct {
		model   **learn.Model
		name    string
		classes int
	}{
		{&m.first.joint, "first-pass", len(m.upos)},
		{&m.first.coarse, "first-pass UPOS", m.coarseCount},
		{&m.second.joint, "second-pass", len(m.upos)},
		{&m.second.coarse, "second-pass UPOS", m.coarseCount},
	} {
		if *w.model, err = readWeights(br, w.name); err != nil {
			return nil, err
		}
		if got := (*w.model).Classes(); got != w.classes {
			return nil, fmt.Errorf("%w: %s weights for %d classes, want %d", ErrFormat, w.name, got, w.classes)
		}
	}
	if m.weights, err = newTable(m.first, m.second); err != nil {
		return nil, err
	}
	return m, nil
}

// readWeights reads one length-prefixed perceptron.
func readWeights(br *bufio.Reader, which string) (*learn.Model, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("%w: reading the length of the %s weights: %v", ErrFormat, which, err)
	}
	lr := &io.LimitedReader{R: br, N: int64(min(n, math.MaxInt64))}
	w, err := learn.Read(lr)
	if err != nil {
		return nil, fmt.Errorf("tagger: %s weights: %w", which, err)
	}
	if _, err := io.Copy(io.Discard, lr); err != nil || lr.N != 0 {
		return nil, fmt.Errorf("%w: %s weights cut short", ErrFormat, which)
	}
	return w, nil
}
