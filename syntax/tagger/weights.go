package tagger

import (
	"fmt"
	"math"
	"math/bits"

	"herald/learn"
)

// table holds a model's four perceptrons (each pass's joint and UPOS ones) laid out for
// tagging speed. Scoring is the tagger's hot loop, and what it costs is cache misses:
// learn.Model spends several per feature and per perceptron (key, run bounds, classes,
// weights), and the four perceptrons share nearly all their features. Here one slot
// holds a feature's key and the bounds of one run of (class, weight) pairs that serves
// all four: the first pass's pairs, then the second's, weights quantized to 16 bits as
// the model file stores them. The features of a word that do not depend on the tags
// around it are thus looked up once and scored for both passes at once.
//
// Classes are numbered across the four perceptrons, in sections: the first pass's joint
// classes, its UPOS classes, then the same for the second pass. Each perceptron keeps
// its own quantization unit (scale), applied when the sections are added up.
type table struct {
	slots []slot
	pairs []pair
	mask  uint64
	// joint and coarse are the class counts of the joint and UPOS perceptrons; a pass's
	// section is joint+coarse classes wide.
	joint, coarse int
	// scale converts each perceptron's quantized weights back to its own unit: first
	// joint, first UPOS, second joint, second UPOS.
	scale [4]float32
	// settle is settleMargin in the unit of the first pass's scores.
	settle float32
}

type slot struct {
	key uint64 // 0: free
	lo  uint32
	// first and second count the run's pairs of each pass: pairs[lo:lo+first] belong to
	// the first pass, the next second of them to the second.
	first, second uint16
}

type pair struct {
	class  uint16
	weight int16
}

// quantLevels is learn's: the largest weight of a perceptron becomes ±quantLevels.
const quantLevels = 32767

// newTable lays out the perceptrons of both passes, for Train (model files hold the
// table itself: see encode). It fails only when one feature has more weights than a
// run can count, which four perceptrons of at most maxClasses classes cannot give.
func newTable(first, second pass) (*table, error) {
	models := [4]*learn.Model{first.joint, first.coarse, second.joint, second.coarse}
	t := &table{joint: first.joint.Classes(), coarse: first.coarse.Classes()}
	// Sizes: the features of the four perceptrons overlap almost entirely, so the largest
	// is close to their union; grow the table if the union proves larger.
	features, weights := 0, 0
	for _, m := range models {
		features = max(features, m.Features())
		weights += m.Weights()
	}
	size := 1
	for size < 2*features+1 {
		size <<= 1
	}
	for {
		t.slots = make([]slot, size)
		t.mask = uint64(size - 1)
		full, err := t.countRuns(models)
		if err != nil {
			return nil, err
		}
		if !full {
			break
		}
		size <<= 1
	}
	// Each slot's run starts where the previous slot's ends; fill then appends each
	// perceptron's pairs in the order of models, which is the order of sections.
	next := make([]uint32, len(t.slots))
	var lo uint32
	for s := range t.slots {
		t.slots[s].lo, next[s] = lo, lo
		lo += uint32(t.slots[s].first) + uint32(t.slots[s].second)
	}
	t.pairs = make([]pair, weights)
	for k, m := range models {
		var maxAbs float32
		m.Each(func(_ uint64, _ []uint16, ws []float32) {
			for _, w := range ws {
				maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
			}
		})
		scale := maxAbs / quantLevels
		if scale == 0 {
			scale = 1
		}
		t.scale[k] = scale
		if k == 0 {
			t.settle = settleMargin * maxAbs
		}
		offset := uint16(t.sectionStart(k))
		m.Each(func(key uint64, classes []uint16, ws []float32) {
			s := t.find(key)
			for j, c := range classes {
				q := math.Round(float64(ws[j] / scale))
				t.pairs[next[s]] = pair{class: offset + c, weight: int16(max(min(q, quantLevels), -quantLevels))}
				next[s]++
			}
		})
	}
	return t, nil
}

// countRuns inserts every feature of models and counts its pairs per pass. It reports
// full when the table fills up, for the caller to try a larger one.
func (t *table) countRuns(models [4]*learn.Model) (full bool, err error) {
	used := 0
	for k, m := range models {
		m.Each(func(key uint64, classes []uint16, _ []float32) {
			if full || err != nil {
				return
			}
			s := key & t.mask
			for t.slots[s].key != 0 && t.slots[s].key != key {
				s = (s + 1) & t.mask
			}
			sl := &t.slots[s]
			if sl.key == 0 {
				if 2*(used+1) > len(t.slots) {
					full = true
					return
				}
				sl.key = key
				used++
			}
			count := &sl.first
			if k >= 2 {
				count = &sl.second
			}
			if int(*count)+len(classes) > math.MaxUint16 {
				err = fmt.Errorf("tagger: feature %#x has more than %d weights", key, math.MaxUint16)
				return
			}
			*count += uint16(len(classes))
		})
	}
	return full, err
}

// sectionStart is the first class number of perceptron k (in the order of newTable).
func (t *table) sectionStart(k int) int {
	return (k/2)*(t.joint+t.coarse) + (k%2)*t.joint
}

// sections is the number of scores a word's accumulator holds: both passes.
func (t *table) sections() int { return 2 * (t.joint + t.coarse) }

// find returns the slot of a key that is in the table.
func (t *table) find(key uint64) uint64 {
	s := key & t.mask
	for t.slots[s].key != key {
		s = (s + 1) & t.mask
	}
	return s
}

// Which pairs of a run to add.
const (
	bothPasses = iota
	firstPass
	secondPass
)

// add adds the weights of feats into acc (sections() scores, not cleared), for the
// passes which says. runs is scratch with room for every feature. It returns a value
// the caller must keep (anywhere), so that the loads that only warm the cache are not
// optimized away.
//
// It works in two loops so that the cache misses of different features overlap rather
// than queue: touch every feature's slot, then probe the (now cached) slots and touch the
// start of each run, then add the runs up.
func (t *table) add(acc []int32, feats []uint64, runs []uint64, which int) (sink uint64) {
	for _, f := range feats {
		sink += t.slots[learn.FeatureKey(f)&t.mask].key
	}
	runs = runs[:0]
	pairs := t.pairs
	for _, f := range feats {
		f = learn.FeatureKey(f)
		for s := f & t.mask; ; s = (s + 1) & t.mask {
			sl := &t.slots[s]
			if sl.key == f {
				lo, n := sl.lo, uint32(sl.first)+uint32(sl.second)
				switch which {
				case firstPass:
					n = uint32(sl.first)
				case secondPass:
					lo, n = lo+uint32(sl.first), uint32(sl.second)
				}
				if n > 0 {
					runs = append(runs, uint64(lo)<<32|uint64(n))
					sink += uint64(pairs[lo].class)
				}
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
	acc = acc[:t.sections()]
	for _, r := range runs {
		lo := uint32(r >> 32)
		for _, p := range pairs[lo : lo+uint32(r)] {
			acc[p.class] += int32(p.weight)
		}
	}
	return sink
}

// best combines the scores of one pass (0 or 1) from acc, each class's own plus that of
// its UPOS, each in its perceptron's unit, and returns the best class and by how much it
// beats the runner-up. scores is scratch with one element per joint class.
func (t *table) best(acc []int32, pass int, coarseOf []int, scores []float32) (class int, margin float32) {
	base := pass * (t.joint + t.coarse)
	joint := acc[base : base+t.joint]
	coarse := acc[base+t.joint : base+t.joint+t.coarse]
	sj, sc := t.scale[2*pass], t.scale[2*pass+1]
	scores = scores[:len(joint)]
	for c, x := range joint {
		scores[c] = float32(x)*sj + float32(coarse[coarseOf[c]])*sc
	}
	class = learn.Argmax(scores)
	second := secondBest(scores, class)
	if second < 0 {
		return class, float32(math.Inf(1))
	}
	return class, scores[class] - scores[second]
}

// secondBest is the class with the highest score but best's (the lowest on a tie), or -1
// when there is no other class.
func secondBest(scores []float32, best int) int {
	second := -1
	for c, x := range scores {
		if c != best && (second < 0 || x > scores[second]) {
			second = c
		}
	}
	return second
}

// encode appends the table to a model file: the number of slots, the four scales and
// the settling margin (float32 bits), the number of pairs, then every used slot in slot
// order as the number of free slots before it, how far the key sits from its home slot,
// the key's bits above the slot number, the pair counts of each pass, and the pairs, a
// class (the first of the slot as it is, the others as the step from the one before:
// a run is sorted by class) and a weight (zigzag). A reader lays the table out again
// slot by slot, without hashing or probing.
func (t *table) encode(e *learn.Encoder) {
	e.Uvarint(uint64(len(t.slots)))
	for _, s := range t.scale {
		e.Float32(s)
	}
	e.Float32(t.settle)
	e.Uvarint(uint64(len(t.pairs)))
	shift := bits.TrailingZeros64(uint64(len(t.slots)))
	gap := 0
	for s := range t.slots {
		sl := &t.slots[s]
		if sl.key == 0 {
			gap++
			continue
		}
		e.Uvarint(uint64(gap))
		gap = 0
		e.Uvarint((uint64(s) - sl.key) & t.mask)
		e.Uvarint(sl.key >> shift)
		e.Uvarint(uint64(sl.first))
		e.Uvarint(uint64(sl.second))
		prev := uint16(0)
		for _, p := range t.pairs[sl.lo : sl.lo+uint32(sl.first)+uint32(sl.second)] {
			e.Uvarint(uint64(p.class - prev))
			e.Varint(int64(p.weight))
			prev = p.class
		}
	}
	e.Uvarint(uint64(gap))
}

// decodeTable reads a table that encode wrote, for a model of joint classes and coarse
// UPOS classes.
func decodeTable(d *learn.Decoder, joint, coarse int) *table {
	size := d.Int("table size", 1<<30)
	if d.Err() == nil && (size == 0 || size&(size-1) != 0) {
		d.Failf("table size %d is not a power of two", size)
	}
	t := &table{joint: joint, coarse: coarse, mask: uint64(size - 1)}
	for k := range t.scale {
		t.scale[k] = d.Float32("scale")
	}
	t.settle = d.Float32("settling margin")
	npairs := d.Count("pairs", math.MaxUint32)
	if d.Err() != nil {
		return nil
	}
	t.slots, t.pairs = make([]slot, size), make([]pair, npairs)
	shift := bits.TrailingZeros64(uint64(size))
	section := joint + coarse
	run := make([]uint64, 4*section)
	lo := 0
	for s := 0; d.Err() == nil; s++ {
		s += d.Int("free slots", size)
		if s >= size {
			if s > size {
				d.Failf("slots past the end of the table")
			}
			break
		}
		sl := &t.slots[s]
		home := (uint64(s) - d.Uvarint("displacement")) & t.mask
		sl.key = d.Uvarint("key")<<shift | home
		sl.first = uint16(d.Int("first-pass pairs", section))
		sl.second = uint16(d.Int("second-pass pairs", section))
		n := int(sl.first) + int(sl.second)
		if d.Err() == nil && (sl.key == 0 || n == 0 || n > npairs-lo) {
			d.Failf("slot %d: key %#x with %d pairs, %d left", s, sl.key, n, npairs-lo)
		}
		sl.lo = uint32(lo)
		if d.Err() != nil || !d.Uvarints(run[:2*n], "pairs") {
			break
		}
		class := -1
		for k := range n {
			step, w := run[2*k], learn.Unzigzag(run[2*k+1])
			if k == 0 {
				step++ // the first class is as it is
			}
			// The first pass's pairs are of its own section's classes, the second's of
			// the second section's.
			if step == 0 || step >= uint64(2*section-class) || (k < int(sl.first)) != (class+int(step) < section) ||
				w < -quantLevels || w > quantLevels {
				d.Failf("slot %d: pair %d steps %d classes from %d, weight %d", s, k, step, class, w)
				break
			}
			class += int(step)
			t.pairs[lo] = pair{class: uint16(class), weight: int16(w)}
			lo++
		}
	}
	if d.Err() == nil && lo != npairs {
		d.Failf("%d pairs, the table said %d", lo, npairs)
	}
	if d.Err() != nil {
		return nil
	}
	return t
}
