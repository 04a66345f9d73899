package learn

import "math"

// Table is a Model laid out for scoring speed, for the hot loops of the stages that score
// many features per word. What scoring costs is cache misses: a Model spends up to five per
// feature (key, run start, run end, classes, weights). In a Table a slot holds the key with
// its run, and a run holds (class, weight) pairs side by side, the weights quantized to 16
// bits as model files already store them: two misses, which Scores overlaps.
type Table struct {
	slots []tableSlot
	pairs []tablePair
	mask  uint64
	scale float32
}

type tableSlot struct {
	key uint64 // 0: free
	lo  uint32
	n   uint32
}

type tablePair struct {
	class  uint16
	weight int16
}

// NewTable lays out m's weights.
func NewTable(m *Model) *Table {
	var maxAbs float32
	m.Each(func(_ uint64, _ []uint16, ws []float32) {
		for _, x := range ws {
			maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
		}
	})
	scale := float32(1)
	if maxAbs > 0 {
		scale = math.MaxInt16 / maxAbs
	}
	size := 1
	for size < 2*m.Features()+1 {
		size <<= 1
	}
	t := &Table{slots: make([]tableSlot, size), pairs: make([]tablePair, 0, m.Weights()), mask: uint64(size - 1), scale: scale}
	m.Each(func(key uint64, classes []uint16, ws []float32) {
		s := key & t.mask
		for t.slots[s].key != 0 {
			s = (s + 1) & t.mask
		}
		t.slots[s] = tableSlot{key: key, lo: uint32(len(t.pairs)), n: uint32(len(classes))}
		for k, c := range classes {
			q := math.Round(float64(ws[k] * scale))
			t.pairs = append(t.pairs, tablePair{class: c, weight: int16(max(min(q, math.MaxInt16), -math.MaxInt16))})
		}
	})
	return t
}

// Scale is the factor from a Model's weights to the Table's quantized ones: a score of
// Scores divided by Scale is (up to rounding) the Model's.
func (t *Table) Scale() float32 { return t.scale }

// Scores adds the weights of the features into scores (cleared first), in the quantized
// unit, which orders the classes as the Model's weights would. runs is scratch with room
// for every feature.
//
// It works in three passes so that the cache misses of different features overlap rather
// than queue: touch every feature's slot, then probe the (now cached) slots and touch each
// run of pairs, then add the runs up. The result is a checksum of the warming loads, for
// the caller to keep so that the compiler cannot drop them; the table itself is never
// written, as goroutines share it. Scores allocates nothing.
func (t *Table) Scores(feats []uint64, scores []int32, runs []uint64) (sink uint64) {
	clear(scores)
	return t.AddScores(feats, scores, runs)
}

// AddScores is Scores without clearing scores first: it adds the features' weights to
// what scores holds.
func (t *Table) AddScores(feats []uint64, scores []int32, runs []uint64) (sink uint64) {
	for _, f := range feats {
		sink += t.slots[FeatureKey(f)&t.mask].key
	}
	runs = runs[:0]
	pairs := t.pairs
	for _, f := range feats {
		f = FeatureKey(f)
		for s := f & t.mask; ; s = (s + 1) & t.mask {
			sl := &t.slots[s]
			if sl.key == f {
				runs = append(runs, uint64(sl.lo)<<32|uint64(sl.n))
				sink += uint64(pairs[sl.lo].class)
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
	for _, r := range runs {
		lo := uint32(r >> 32)
		for _, p := range pairs[lo : lo+uint32(r)] {
			scores[p.class] += int32(p.weight)
		}
	}
	return sink
}
