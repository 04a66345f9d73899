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

// FileTable is the table a model file stores for m: its weights rounded as the first
// model files stored them (see Model.Rounded), then laid out by NewTable.
func FileTable(m *Model) (*Table, error) { return NewTable(m.Rounded()) }

// Encode appends the table to a model file: the number of slots, the scale, the number
// of pairs out of slots, then every used slot in slot order as the number of free slots
// before it, its fingerprint (four bytes), its pair count and its pairs, each a class
// (varint, the first as it is, the others as the step from the one before, since a run
// is sorted by class) and a weight (zigzag varint). It is the table as a reader lays it
// out again, slot by slot, without hashing a key or probing: the free half of the slots
// costs a byte or so, and the pairs two or three bytes each.
func (t *Table) Encode(e *Encoder) {
	e.Uvarint(uint64(len(t.slots)))
	e.Float32(t.scale)
	e.Uvarint(uint64(len(t.pairs)))
	gap := 0
	for s := range t.slots {
		sl := &t.slots[s]
		if sl.fp == 0 {
			gap++
			continue
		}
		e.Uvarint(uint64(gap))
		gap = 0
		e.Uint32(sl.fp)
		n, lo := int(sl.run&longRun), int(sl.run>>8)
		if n == longRun {
			n = inlinePairs + int(t.pairs[lo].class)
			lo++
		}
		e.Uvarint(uint64(n))
		prev := uint16(0)
		for k := range n {
			p := sl.inline[min(k, inlinePairs-1)]
			if k >= inlinePairs {
				p = t.pairs[lo+k-inlinePairs]
			}
			e.Uvarint(uint64(p.class - prev))
			e.Varint(int64(p.weight))
			prev = p.class
		}
	}
	e.Uvarint(uint64(gap))
}

// DecodeTable reads a table that Encode wrote, for a model of the given number of classes.
func DecodeTable(d *Decoder, classes int) *Table {
	size := d.Int("table size", 1<<30)
	if d.Err() == nil && (size == 0 || size&(size-1) != 0) {
		d.Failf("table size %d is not a power of two", size)
	}
	scale := d.Float32("table scale")
	out := d.Int("pairs out of slots", maxOutOfSlot)
	if d.Err() == nil && (math.IsNaN(float64(scale)) || scale <= 0) {
		d.Failf("table scale %v", scale)
	}
	if d.Err() == nil && out > d.Left() {
		d.Failf("%d pairs out of slots, more than the bytes left", out)
	}
	if d.Err() != nil {
		return nil
	}
	t := &Table{slots: make([]tableSlot, size), pairs: make([]tablePair, 0, out), mask: uint64(size - 1), scale: scale}
	run := make([]uint64, 2*classes)
	s := 0
	for d.Err() == nil {
		s += d.Int("free slots", size)
		if s >= size {
			if s > size {
				d.Failf("slots past the end of the table")
			}
			break
		}
		sl := &t.slots[s]
		sl.fp = d.Uint32("fingerprint")
		n := d.Int("pair count", classes)
		if d.Err() == nil && (sl.fp == 0 || n == 0) {
			d.Failf("slot %d: fingerprint %#x with %d pairs", s, sl.fp, n)
		}
		lo := len(t.pairs)
		sl.run = uint32(lo)<<8 | uint32(min(n, longRun))
		if n >= longRun {
			t.pairs = append(t.pairs, tablePair{class: uint16(n - inlinePairs)})
		}
		if !d.Uvarints(run[:2*n], "pairs") {
			break
		}
		class := -1
		for k := range n {
			step, w := run[2*k], Unzigzag(run[2*k+1])
			if k == 0 {
				step++ // the first class is as it is
			}
			if step == 0 || step >= uint64(classes-class) || w < -math.MaxInt16 || w > math.MaxInt16 {
				d.Failf("slot %d: pair %d steps %d classes from %d, of %d, weight %d", s, k, step, class, classes, w)
				break
			}
			class += int(step)
			p := tablePair{class: uint16(class), weight: int16(w)}
			if k < inlinePairs {
				sl.inline[k] = p
			} else {
				t.pairs = append(t.pairs, p)
			}
		}
		if len(t.pairs) > out {
			d.Failf("more than the %d pairs out of slots the table holds", out)
		}
		s++
	}
	if d.Err() != nil {
		return nil
	}
	if len(t.pairs) != out {
		d.Failf("%d pairs out of slots, the table said %d", len(t.pairs), out)
		return nil
	}
	return t
}
