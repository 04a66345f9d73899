package learn

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a frozen averaged perceptron: read-only, so one Model serves every goroutine.
// Features live in an open-addressing table; each points at a run of (class, weight)
// pairs in two flat slices.
type Model struct {
	classes int
	keys    []uint64 // the table; emptyKey marks a free slot
	runs    []uint32 // for slot s, the feature's pairs are pairs[runs[s]:runs[s+1]] …
	ends    []uint32 // … ending at ends[s]
	class   []uint16
	weight  []float32
	feats   int
}

// emptyKey marks a free slot; a feature that hashes to it is stored as altKey.
const (
	emptyKey = 0
	altKey   = 0x9e3779b97f4a7c15
)

// Classes is the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features is the number of features with at least one weight.
func (m *Model) Features() int { return m.feats }

// Weights is the number of stored (feature, class) weights.
func (m *Model) Weights() int { return len(m.weight) }

func (m *Model) lookup(f uint64) (lo, hi uint32, ok bool) {
	if f == emptyKey {
		f = altKey
	}
	mask := uint64(len(m.keys) - 1)
	for s := f & mask; ; s = (s + 1) & mask {
		switch m.keys[s] {
		case f:
			return m.runs[s], m.ends[s], true
		case emptyKey:
			return 0, 0, false
		}
	}
}

// Scores writes the score of every class into scores, which must have Classes()
// elements. It allocates nothing.
func (m *Model) Scores(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		lo, hi, ok := m.lookup(f)
		if !ok {
			continue
		}
		cls, w := m.class[lo:hi], m.weight[lo:hi]
		for k := range cls {
			scores[cls[k]] += w[k]
		}
	}
}

// Predict is the highest-scoring class.
func (m *Model) Predict(feats []uint64, scores []float32) int {
	m.Scores(feats, scores)
	return Argmax(scores)
}

// Each calls fn for every feature of the model with its classes and weights, in table
// order. The slices belong to the model and must not be changed; fn must not keep them.
// It lets a stage with a fixed class set lay the weights out for its own hot loop.
// A feature whose hash is 0 is reported under FeatureKey(0).
func (m *Model) Each(fn func(feature uint64, classes []uint16, weights []float32)) {
	for s, k := range m.keys {
		if k != emptyKey {
			lo, hi := m.runs[s], m.ends[s]
			fn(k, m.class[lo:hi:hi], m.weight[lo:hi:hi])
		}
	}
}

// FeatureKey is the key under which feature f is stored: f itself, except that 0 (the
// table's free-slot mark) is stored as another fixed value.
func FeatureKey(f uint64) uint64 {
	if f == emptyKey {
		return altKey
	}
	return f
}

// builder assembles a Model from features added in ascending key order.
type builder struct {
	m       *Model
	order   []uint64
	offsets []uint32
}

func newBuilder(classes, features int) *builder {
	return &builder{m: &Model{classes: classes}, order: make([]uint64, 0, features)}
}

func (b *builder) add(key uint64, pairs []entry) {
	if key == emptyKey {
		key = altKey
	}
	b.order = append(b.order, key)
	b.offsets = append(b.offsets, uint32(len(b.m.class)))
	for _, e := range pairs {
		b.m.class = append(b.m.class, e.class)
		b.m.weight = append(b.m.weight, e.w)
	}
}

func (b *builder) model() *Model {
	m := b.m
	m.feats = len(b.order)
	size := 1
	for size < 2*m.feats+1 {
		size <<= 1
	}
	m.keys = make([]uint64, size)
	m.runs = make([]uint32, size)
	m.ends = make([]uint32, size)
	mask := uint64(size - 1)
	for i, k := range b.order {
		end := uint32(len(m.class))
		if i+1 < len(b.offsets) {
			end = b.offsets[i+1]
		}
		s := k & mask
		for m.keys[s] != emptyKey {
			s = (s + 1) & mask
		}
		m.keys[s], m.runs[s], m.ends[s] = k, b.offsets[i], end
	}
	return m
}

// The model file: gzip of a header, then every feature in ascending key order as a
// key delta, a pair count, and its (class, quantized weight) pairs, all varints. Weights
// are quantized to 16 bits against the largest magnitude, which costs no measurable
// accuracy and halves the file. The gzip header carries no time stamp, so the same model
// always gives the same bytes.
const (
	fileMagic   = "HERALD-PERCEPTRON"
	fileVersion = 1
	quantLevels = 32767
)

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var maxAbs float32
	for _, x := range m.weight {
		maxAbs = max(maxAbs, abs32(x))
	}
	scale := maxAbs / quantLevels
	if scale == 0 {
		scale = 1
	}
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	bw.WriteString(fileMagic)
	put(fileVersion)
	put(uint64(m.classes))
	put(uint64(math.Float32bits(scale)))
	put(uint64(m.feats))

	type feat struct {
		key    uint64
		lo, hi uint32
	}
	feats := make([]feat, 0, m.feats)
	for s, k := range m.keys {
		if k != emptyKey {
			feats = append(feats, feat{k, m.runs[s], m.ends[s]})
		}
	}
	slices.SortFunc(feats, func(a, b feat) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	var prev uint64
	for _, f := range feats {
		put(f.key - prev)
		prev = f.key
		put(uint64(f.hi - f.lo))
		for k := f.lo; k < f.hi; k++ {
			put(uint64(m.class[k]))
			q := int64(math.Round(float64(m.weight[k] / scale)))
			put(uint64((q << 1) ^ (q >> 63))) // zigzag
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read decodes a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	// Decoding from memory is several times faster than varint by varint through a
	// reader, and reading to the end checks the gzip trailer too: models load at start-up.
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if !bytes.HasPrefix(data, []byte(fileMagic)) {
		return nil, ErrFormat
	}
	data = data[len(fileMagic):]
	get := func(what string) (uint64, error) {
		x, n := binary.Uvarint(data)
		if n <= 0 {
			return 0, fmt.Errorf("%w: reading %s: truncated or overlong varint", ErrFormat, what)
		}
		data = data[n:]
		return x, nil
	}
	version, err := get("version")
	if err != nil {
		return nil, err
	}
	if version != fileVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrFormat, version, fileVersion)
	}
	classes, err := get("class count")
	if err != nil {
		return nil, err
	}
	scaleBits, err := get("scale")
	if err != nil {
		return nil, err
	}
	nfeats, err := get("feature count")
	if err != nil {
		return nil, err
	}
	if classes == 0 || classes > math.MaxUint16 || nfeats > 1<<28 {
		return nil, fmt.Errorf("%w: %d classes, %d features", ErrFormat, classes, nfeats)
	}
	scale := math.Float32frombits(uint32(scaleBits))
	b := newBuilder(int(classes), int(nfeats))
	var key uint64
	var pairs []entry
	for i := uint64(0); i < nfeats; i++ {
		d, err := get("feature key")
		if err != nil {
			return nil, err
		}
		key += d
		n, err := get("pair count")
		if err != nil {
			return nil, err
		}
		if n > classes {
			return nil, fmt.Errorf("%w: feature %d has %d weights for %d classes", ErrFormat, i, n, classes)
		}
		pairs = pairs[:0]
		for j := uint64(0); j < n; j++ {
			c, err := get("class")
			if err != nil {
				return nil, err
			}
			z, err := get("weight")
			if err != nil {
				return nil, err
			}
			if c >= classes {
				return nil, fmt.Errorf("%w: class %d out of range", ErrFormat, c)
			}
			q := int64(z>>1) ^ -int64(z&1)
			pairs = append(pairs, entry{class: uint16(c), w: float32(q) * scale})
		}
		b.add(key, pairs)
	}
	return b.model(), nil
}

// Rounded returns m with every weight rounded to the nearest of quantLevels steps of its
// largest magnitude, as the first model files stored it: what FileTable lays out, and
// what a stage whose file holds its own layout of the weights (the tagger's) starts from.
func (m *Model) Rounded() *Model {
	var maxAbs float32
	for _, x := range m.weight {
		maxAbs = max(maxAbs, abs32(x))
	}
	scale := maxAbs / quantLevels
	if scale == 0 {
		scale = 1
	}
	r := *m
	r.weight = make([]float32, len(m.weight))
	for k, x := range m.weight {
		r.weight[k] = float32(math.Round(float64(x/scale))) * scale
	}
	return &r
}
