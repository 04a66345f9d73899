package learn

import (
	"math"
	"math/rand/v2"
	"slices"
)

// entry is one (class, weight) pair of a feature, with the running sum that averaging needs.
type entry struct {
	class uint16
	w     float32
	total float64 // sum of w over every step so far, brought up to date at stamp
	stamp int64
}

// Trainer learns an averaged perceptron. Call Learn once per training decision; Freeze
// returns the averaged model. A Trainer is not safe for concurrent use, and it is
// deterministic: the same calls in the same order give the same model.
type Trainer struct {
	classes int
	index   map[uint64]int32
	rows    [][]entry
	step    int64
}

// NewTrainer returns a trainer for a classifier over n classes.
func NewTrainer(n int) *Trainer {
	if n < 1 || n > math.MaxUint16 {
		panic("learn: class count out of range")
	}
	return &Trainer{classes: n, index: make(map[uint64]int32)}
}

// Scores writes the current (not averaged) score of every class into scores, which must
// have one element a class.
func (t *Trainer) Scores(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		if i, ok := t.index[f]; ok {
			for _, e := range t.rows[i] {
				scores[e.class] += e.w
			}
		}
	}
}

// Predict is the highest-scoring class under the current weights.
func (t *Trainer) Predict(feats []uint64, scores []float32) int {
	t.Scores(feats, scores)
	return Argmax(scores)
}

// Learn records one decision: the features, the class that was right and the class the
// model chose. When they differ the weights move toward truth and away from guess.
func (t *Trainer) Learn(feats []uint64, truth, guess int) {
	t.step++
	if truth == guess {
		return
	}
	for _, f := range feats {
		i := t.row(f)
		t.bump(i, truth, 1)
		t.bump(i, guess, -1)
	}
}

// row is the index of the feature's weights, made on first use.
func (t *Trainer) row(f uint64) int32 {
	i, ok := t.index[f]
	if !ok {
		i = int32(len(t.rows))
		t.index[f] = i
		t.rows = append(t.rows, nil)
	}
	return i
}

// Tick counts one training example for the averaging, for learners that update with Add
// (a structured perceptron updates once per sentence, not once per decision).
func (t *Trainer) Tick() { t.step++ }

// Add moves the weight of class by delta for every feature.
func (t *Trainer) Add(feats []uint64, class int, delta float32) {
	for _, f := range feats {
		t.bump(t.row(f), class, delta)
	}
}

func (t *Trainer) bump(i int32, class int, delta float32) {
	row := t.rows[i]
	for k := range row {
		if int(row[k].class) == class {
			e := &row[k]
			e.total += float64(t.step-e.stamp) * float64(e.w)
			e.stamp = t.step
			e.w += delta
			return
		}
	}
	t.rows[i] = append(row, entry{class: uint16(class), w: delta, stamp: t.step})
}

// FreezeOptions control how the averaged weights are pruned.
type FreezeOptions struct {
	// MinWeight drops averaged weights whose magnitude is below it; 0 keeps all non-zero
	// weights.
	MinWeight float32
}

// Freeze averages the weights over every step and returns the inference model.
func (t *Trainer) Freeze(opt FreezeOptions) *Model {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := newBuilder(t.classes, len(keys))
	steps := float64(max(t.step, 1))
	var kept []entry
	for _, k := range keys {
		kept = kept[:0]
		for _, e := range t.rows[t.index[k]] {
			total := e.total + float64(t.step-e.stamp)*float64(e.w)
			avg := float32(total / steps)
			if avg != 0 && abs32(avg) >= opt.MinWeight {
				kept = append(kept, entry{class: e.class, w: avg})
			}
		}
		if len(kept) == 0 {
			continue
		}
		slices.SortFunc(kept, func(a, b entry) int { return int(a.class) - int(b.class) })
		b.add(k, kept)
	}
	return b.model()
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// Argmax is the index of the largest score; ties go to the lowest index, so decisions
// are deterministic.
func Argmax(scores []float32) int {
	best := 0
	for i := 1; i < len(scores); i++ {
		if scores[i] > scores[best] {
			best = i
		}
	}
	return best
}

// Shuffled returns a permutation of 0..n-1 that depends only on seed and epoch, so that
// training is reproducible on any machine.
func Shuffled(n int, seed, epoch uint64) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(seed, epoch))
	r.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	return order
}

// Average returns the mean of models trained on the same classes (with different seeds,
// say), their weights below minWeight pruned after averaging. A feature a model lacks
// counts as weight 0 there. Averaging perceptrons is a cheap ensemble: the result scores
// as fast as any one of them.
func Average(models []*Model, minWeight float32) *Model {
	if len(models) == 1 && minWeight == 0 {
		return models[0]
	}
	classes := models[0].classes
	sums := make(map[uint64][]float32)
	var keys []uint64
	for _, m := range models {
		m.Each(func(key uint64, cls []uint16, ws []float32) {
			row, ok := sums[key]
			if !ok {
				row = make([]float32, classes)
				sums[key] = row
				keys = append(keys, key)
			}
			for i, c := range cls {
				row[c] += ws[i]
			}
		})
	}
	slices.Sort(keys)
	b := newBuilder(classes, len(keys))
	var kept []entry
	n := float32(len(models))
	for _, k := range keys {
		kept = kept[:0]
		for c, w := range sums[k] {
			if avg := w / n; avg != 0 && abs32(avg) >= minWeight {
				kept = append(kept, entry{class: uint16(c), w: avg})
			}
		}
		if len(kept) > 0 {
			b.add(k, kept)
		}
	}
	return b.model()
}
