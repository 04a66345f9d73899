package parser

import (
	"math"

	"herald/learn"
)

// weights is the perceptron laid out for parsing speed. Scoring is the parser's hot loop
// (about 200 feature lookups per word), and what it costs is cache misses: learn.Model
// spends up to five per feature (key, run start, run end, classes, weights). Here a slot
// holds the key and its run together, and a run holds (class, weight) pairs side by side
// with weights quantized to 16 bits, as the model file already stores them: two misses.
type weights struct {
	slots []slot
	pairs []pair
	mask  uint64
}

type slot struct {
	key uint64 // 0: free
	lo  uint32
	n   uint32
}

type pair struct {
	class  uint16
	weight int16
}

func newWeights(m *learn.Model) *weights {
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
	w := &weights{slots: make([]slot, size), pairs: make([]pair, 0, m.Weights()), mask: uint64(size - 1)}
	m.Each(func(key uint64, classes []uint16, ws []float32) {
		s := key & w.mask
		for w.slots[s].key != 0 {
			s = (s + 1) & w.mask
		}
		w.slots[s] = slot{key: key, lo: uint32(len(w.pairs)), n: uint32(len(classes))}
		for k, c := range classes {
			q := math.Round(float64(ws[k] * scale))
			w.pairs = append(w.pairs, pair{class: c, weight: int16(max(min(q, math.MaxInt16), -math.MaxInt16))})
		}
	})
	return w
}

// scores adds the weights of the features into scores (cleared first). The scores are in
// the quantized unit, which orders the classes as the float weights would.
//
// It works in three passes so that the cache misses of different features overlap rather
// than queue: touch every feature's slot, then probe the (now cached) slots and touch
// each run of pairs, then add the runs up. runs is scratch with room for every feature.
// The result is a checksum of the warming loads, for the caller to keep so that the
// compiler cannot drop them; the model itself is never written, as goroutines share it.
func (w *weights) scores(feats []uint64, scores []int32, runs []uint64) (sink uint64) {
	for _, f := range feats {
		sink += w.slots[learn.FeatureKey(f)&w.mask].key
	}
	runs = runs[:0]
	pairs := w.pairs
	for _, f := range feats {
		f = learn.FeatureKey(f)
		for s := f & w.mask; ; s = (s + 1) & w.mask {
			sl := &w.slots[s]
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
	clear(scores)
	for _, r := range runs {
		lo := uint32(r >> 32)
		for _, p := range pairs[lo : lo+uint32(r)] {
			scores[p.class] += int32(p.weight)
		}
	}
	return sink
}
