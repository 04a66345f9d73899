package learn

import "math"

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

// The weights of the first model files were stored quantized to 16 bits against the
// largest magnitude (quantLevels steps), and tables were laid out from the weights read
// back. FileTable keeps that rounding, so that the shipped models, trained before files
// held tables, keep their numbers and a retrain rebuilds them byte for byte.
const quantLevels = 32767

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
