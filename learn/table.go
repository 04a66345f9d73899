package learn

import (
	"fmt"
	"math"
)

// Table is a Model laid out for scoring speed, for the hot loops of the stages that score
// many features per word. What scoring costs is cache misses: a Model spends up to five per
// feature (key, run start, run end, classes, weights). A Table spends one for most
// features: a slot holds a fingerprint of the key and the feature's first inlinePairs
// (class, weight) pairs, the weights quantized to 16 bits as model files already store
// them. Most features have no more (a parser's median feature has two), and the rest
// continue in one run of pairs elsewhere, whose misses Scores overlaps.
type Table struct {
	slots []tableSlot
	pairs []tablePair
	mask  uint64
	scale float32
}

// inlinePairs is how many of a feature's pairs its slot holds: as many as fill the slot
// to 16 bytes, four slots to a cache line.
const inlinePairs = 2

type tableSlot struct {
	// fp is the key's upper half (the lower half picks the slot), 0 for a free slot.
	// A feature absent from the model matches a slot only if 32 more bits agree, about
	// once in four billion probes, and then always the same way.
	fp uint32
	// run packs the feature's pair count (low 8 bits) and where the pairs beyond the
	// inline ones start in pairs (the upper 24).
	run    uint32
	inline [inlinePairs]tablePair
}

type tablePair struct {
	class  uint16
	weight int16
}

// The slot packs a run of up to longRun-1 pairs; a longer one (only a model with more
// classes than that has them) is marked longRun, and its first pair out of the slot is a
// header whose class field holds the count of the pairs after it. The pairs out of slots
// are addressed with 24 bits.
const (
	longRun      = 1<<8 - 1
	maxOutOfSlot = 1<<24 - 1
)

func fingerprint(key uint64) uint32 {
	if fp := uint32(key >> 32); fp != 0 {
		return fp
	}
	return 1
}

// NewTable lays out m's weights. It fails only on a model too large to address: more
// than 16M weights outside the slots (a parser's model has under a million in all).
func NewTable(m *Model) (*Table, error) {
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
	t := &Table{slots: make([]tableSlot, size), mask: uint64(size - 1), scale: scale}
	var err error
	m.Each(func(key uint64, classes []uint16, ws []float32) {
		if err != nil {
			return
		}
		s := key & t.mask
		for t.slots[s].fp != 0 {
			s = (s + 1) & t.mask
		}
		sl := &t.slots[s]
		sl.fp = fingerprint(key)
		sl.run = uint32(len(t.pairs))<<8 | uint32(len(classes))
		if len(classes) >= longRun {
			sl.run = uint32(len(t.pairs))<<8 | longRun
			t.pairs = append(t.pairs, tablePair{class: uint16(len(classes) - inlinePairs)})
		}
		for k, c := range classes {
			q := math.Round(float64(ws[k] * scale))
			p := tablePair{class: c, weight: int16(max(min(q, math.MaxInt16), -math.MaxInt16))}
			if k < inlinePairs {
				sl.inline[k] = p
			} else {
				t.pairs = append(t.pairs, p)
			}
		}
		if len(t.pairs) > maxOutOfSlot {
			err = fmt.Errorf("learn: model of %d weights, more than a table holds", m.Weights())
		}
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Scale is the factor from a Model's weights to the Table's quantized ones: a score of
// Scores divided by Scale is (up to rounding) the Model's.
func (t *Table) Scale() float32 { return t.scale }

// Scores adds the weights of the features into scores (cleared first), in the quantized
// unit, which orders the classes as the Model's weights would. runs is scratch with room
// for every feature.
//
// It works in three passes so that the cache misses of different features overlap rather
// than queue: touch every feature's slot, then probe the (now cached) slots, adding the
// inline pairs and touching each longer run, then add those runs up. The result is a
// checksum of the warming loads, for the caller to keep so that the compiler cannot drop
// them; the table itself is never written, as goroutines share it. Scores allocates
// nothing.
func (t *Table) Scores(feats []uint64, scores []int32, runs []uint64) (sink uint64) {
	clear(scores)
	return t.AddScores(feats, scores, runs)
}

// AddScores is Scores without clearing scores first: it adds the features' weights to
// what scores holds.
func (t *Table) AddScores(feats []uint64, scores []int32, runs []uint64) (sink uint64) {
	slots, mask := t.slots, t.mask
	for _, f := range feats {
		sink += uint64(slots[FeatureKey(f)&mask].fp)
	}
	runs = runs[:0]
	pairs := t.pairs
	for _, f := range feats {
		f = FeatureKey(f)
		fp := fingerprint(f)
		for s := f & mask; ; s = (s + 1) & mask {
			sl := &slots[s]
			if sl.fp == fp {
				n := sl.run & longRun
				if n > 0 {
					scores[sl.inline[0].class] += int32(sl.inline[0].weight)
				}
				if n > 1 {
					scores[sl.inline[1].class] += int32(sl.inline[1].weight)
				}
				if n > inlinePairs {
					lo, rest := sl.run>>8, n-inlinePairs
					if n == longRun {
						rest = uint32(pairs[lo].class)
						lo++
					}
					runs = append(runs, uint64(lo)<<32|uint64(rest))
					sink += uint64(pairs[lo].class)
				}
				break
			}
			if sl.fp == 0 {
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
