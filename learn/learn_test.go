package learn

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// toy is a small problem a perceptron must solve: the class is decided by which of three
// cue words a sample contains, plus noise features shared by every class.
func toy() (feats [][]uint64, labels []int) {
	cues := []string{"alpha", "beta", "gamma"}
	for i := 0; i < 300; i++ {
		c := i % 3
		f := []uint64{
			Feature(1).Str(cues[c]).Sum(),
			Feature(2).Int(i % 7).Sum(), // noise
			Feature(3).Str("bias").Sum(),
		}
		feats = append(feats, f)
		labels = append(labels, c)
	}
	return feats, labels
}

func train(t testing.TB) *Model {
	feats, labels := toy()
	tr := NewTrainer(3)
	scores := make([]float32, 3)
	for epoch := 0; epoch < 5; epoch++ {
		for _, i := range Shuffled(len(feats), 42, uint64(epoch)) {
			tr.Learn(feats[i], labels[i], tr.Predict(feats[i], scores))
		}
	}
	return tr.Freeze(FreezeOptions{})
}

func TestLearnsSeparableProblem(t *testing.T) {
	m := train(t)
	feats, labels := toy()
	scores := make([]float32, 3)
	right := 0
	for i := range feats {
		if m.Predict(feats[i], scores) == labels[i] {
			right++
		}
	}
	// The averaged weights carry the early, wrong states too, so a perfect score on the
	// training set is not guaranteed; nearly perfect is.
	if right < len(feats)*95/100 {
		t.Errorf("%d of %d training samples right, want at least 95%%", right, len(feats))
	}
	// A sample with only its cue is classified by the cue.
	for c, cue := range []string{"alpha", "beta", "gamma"} {
		if got := m.Predict([]uint64{Feature(1).Str(cue).Sum()}, scores); got != c {
			t.Errorf("cue %q alone: class %d, want %d", cue, got, c)
		}
	}
	if m.Features() == 0 || m.Weights() < m.Features() {
		t.Errorf("model has %d features, %d weights", m.Features(), m.Weights())
	}
}

func TestUnknownFeaturesScoreZero(t *testing.T) {
	m := train(t)
	scores := []float32{9, 9, 9}
	m.Scores([]uint64{Feature(99).Str("never seen").Sum()}, scores)
	for c, s := range scores {
		if s != 0 {
			t.Errorf("class %d scored %v on an unknown feature", c, s)
		}
	}
}

func TestTableFileRoundTripIsExactAndDeterministic(t *testing.T) {
	encode := func() []byte {
		tab, err := FileTable(train(t))
		if err != nil {
			t.Fatal(err)
		}
		e := NewEncoder("test", 1)
		tab.Encode(e)
		return e.Bytes()
	}
	a, b := encode(), encode()
	if !bytes.Equal(a, b) {
		t.Fatal("training twice with the same seed gave different table bytes")
	}
	d, err := Open(string(a), "test", 1)
	if err != nil {
		t.Fatal(err)
	}
	back := DecodeTable(d, 3)
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
	e := NewEncoder("test", 1)
	back.Encode(e)
	if !bytes.Equal(e.Bytes(), a) {
		t.Fatal("a decoded table encodes to other bytes")
	}
	m := train(t)
	feats, _ := toy()
	s1, s2 := make([]float32, 3), make([]int32, 3)
	runs := make([]uint64, 0, 8)
	for i := range feats {
		m.Scores(feats[i], s1)
		back.Scores(feats[i], s2, runs)
		for c := range s1 {
			// Rounding moves each weight by at most a step of maxWeight/32767, twice;
			// three features, weights below 2: well under 1e-3.
			if d := abs32(s1[c] - float32(s2[c])/back.Scale()); d > 1e-3 {
				t.Fatalf("sample %d class %d: %v before writing, %v after", i, c, s1[c], float32(s2[c])/back.Scale())
			}
		}
	}
}

func TestRoundedKeepsTheFirstFilesSteps(t *testing.T) {
	m := train(t)
	r := m.Rounded()
	var maxAbs float32
	for _, w := range m.weight {
		maxAbs = max(maxAbs, abs32(w))
	}
	step := maxAbs / quantLevels
	for k, w := range r.weight {
		if q := w / step; math.Abs(float64(q)-math.Round(float64(q))) > 1e-3 || abs32(w-m.weight[k]) > step/2*1.001 {
			t.Fatalf("weight %d: %v rounded to %v, step %v", k, m.weight[k], w, step)
		}
	}
}

func TestDecodeTableRejectsDamage(t *testing.T) {
	tab, err := FileTable(train(t))
	if err != nil {
		t.Fatal(err)
	}
	e := NewEncoder("test", 1)
	tab.Encode(e)
	good := string(e.Bytes())
	for _, bad := range []string{"", "not a model", good[:len(good)/2], good[:len(good)-1], good + "x",
		strings.Replace(good, "test 1", "test 2", 1), strings.Replace(good, "test 1", "tset 1", 1)} {
		d, err := Open(bad, "test", 1)
		if err == nil {
			DecodeTable(d, 3)
			err = d.Finish()
		}
		if !errors.Is(err, ErrFormat) {
			t.Errorf("%d damaged bytes: error %v, want ErrFormat", len(bad), err)
		}
	}
	// Too few classes for the table's pairs.
	d, _ := Open(good, "test", 1)
	DecodeTable(d, 2)
	if err := d.Finish(); !errors.Is(err, ErrFormat) {
		t.Errorf("a table of 3 classes read as one of 2: error %v", err)
	}
}

func TestScoresAllocatesNothing(t *testing.T) {
	m := train(t)
	feats, _ := toy()
	scores := make([]float32, 3)
	if n := testing.AllocsPerRun(100, func() { m.Scores(feats[0], scores) }); n != 0 {
		t.Errorf("Scores allocates %v times per call", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Feature(7).Str("word").Int(3).Sum() }); n != 0 {
		t.Errorf("hashing a feature allocates %v times", n)
	}
}

func TestHashSeparatesParts(t *testing.T) {
	if Feature(1).Str("ab").Str("c").Sum() == Feature(1).Str("a").Str("bc").Sum() {
		t.Error(`("ab","c") and ("a","bc") hash alike`)
	}
	if Feature(1).Str("x").Sum() == Feature(2).Str("x").Sum() {
		t.Error("templates do not separate features")
	}
}

func FuzzDecodeTable(f *testing.F) {
	tab, err := FileTable(train(f))
	if err != nil {
		f.Fatal(err)
	}
	e := NewEncoder("test", 1)
	tab.Encode(e)
	f.Add(e.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Open(string(data), "test", 1)
		if err != nil {
			return
		}
		tab := DecodeTable(d, 3)
		if d.Finish() != nil {
			return
		}
		scores := make([]int32, 3)
		tab.Scores([]uint64{1, 2, 3}, scores, make([]uint64, 0, 3))
	})
}

func BenchmarkScores(b *testing.B) {
	m := train(b)
	feats, _ := toy()
	scores := make([]float32, 3)
	b.ReportAllocs()
	for b.Loop() {
		m.Scores(feats[0], scores)
	}
}

func TestBytesHashesLikeStr(t *testing.T) {
	for _, s := range []string{"", "a", "Tokayev", "naïve"} {
		if Feature(4).Bytes([]byte(s)).Int(1).Sum() != Feature(4).Str(s).Int(1).Sum() {
			t.Errorf("Bytes(%q) and Str(%q) hash differently", s, s)
		}
	}
	buf := []byte("word")
	if n := testing.AllocsPerRun(100, func() { _ = Feature(7).Bytes(buf).Sum() }); n != 0 {
		t.Errorf("hashing bytes allocates %v times", n)
	}
}

func TestEachVisitsEveryWeight(t *testing.T) {
	m := train(t)
	feats, weights := 0, 0
	scores := make([]float32, m.Classes())
	m.Each(func(f uint64, classes []uint16, ws []float32) {
		feats++
		weights += len(ws)
		if len(classes) != len(ws) {
			t.Fatalf("feature %x: %d classes, %d weights", f, len(classes), len(ws))
		}
		// Scoring the feature alone gives back its weights.
		m.Scores([]uint64{f}, scores)
		for k, c := range classes {
			if scores[c] != ws[k] {
				t.Errorf("feature %x class %d: Each says %v, Scores %v", f, c, ws[k], scores[c])
			}
		}
	})
	if feats != m.Features() || weights != m.Weights() {
		t.Errorf("Each visited %d features, %d weights; the model has %d, %d", feats, weights, m.Features(), m.Weights())
	}
	if FeatureKey(0) == 0 || FeatureKey(42) != 42 {
		t.Error("FeatureKey must move 0 and keep other features")
	}
}

// TestAverage checks that averaging models gives the mean weight of every feature, a
// feature missing from a model counting as 0, and prunes after averaging.
func TestAverage(t *testing.T) {
	train := func(sign float32) *Model {
		tr := NewTrainer(2)
		tr.Learn([]uint64{1, 2}, 0, 1) // one update: class 0 +1, class 1 -1 on features 1, 2
		if sign < 0 {
			tr.Learn([]uint64{3}, 1, 0)
		}
		return tr.Freeze(FreezeOptions{})
	}
	a, b := train(1), train(-1)
	avg := Average([]*Model{a, b}, 0)
	scores := make([]float32, 2)
	for _, f := range []uint64{1, 2, 3} {
		var sa, sb [2]float32
		a.Scores([]uint64{f}, sa[:])
		b.Scores([]uint64{f}, sb[:])
		avg.Scores([]uint64{f}, scores)
		for c := range scores {
			if want := (sa[c] + sb[c]) / 2; scores[c] != want {
				t.Errorf("feature %d class %d: %v, want the mean %v", f, c, scores[c], want)
			}
		}
	}
	if again := Average([]*Model{a, b}, 0); again.Weights() != avg.Weights() || again.Features() != avg.Features() {
		t.Error("averaging twice gives different models")
	}
	if pruned := Average([]*Model{a, b}, 100); pruned.Weights() != 0 {
		t.Errorf("%d weights survive pruning at 100", pruned.Weights())
	}
}

func TestScoreCacheStopsAtItsLimit(t *testing.T) {
	c := NewScoreCache[string](3, 2)
	c.Put("a", []int32{1, 2, 3, 99})
	c.Put("b", []int32{4, 5, 6})
	c.Put("c", []int32{7, 8, 9})
	if got, ok := c.Lookup("a"); !ok || !slices.Equal(got, []int32{1, 2, 3}) {
		t.Errorf("Lookup(a) = %v, want [1 2 3]: width elements kept", got)
	}
	if got, ok := c.Lookup("b"); !ok || !slices.Equal(got, []int32{4, 5, 6}) {
		t.Errorf("Lookup(b) = %v", got)
	}
	if _, ok := c.Lookup("c"); ok || c.Len() != 2 {
		t.Errorf("a cache of limit 2 holds %d vectors and found c", c.Len())
	}
}

// TestScoreCacheKeepsVectorsInPlace fills several chunks: every vector must come back
// as it was put, also one looked up before the cache grew past it, and the caller's
// slice must be copied, not kept.
func TestScoreCacheKeepsVectorsInPlace(t *testing.T) {
	const n = 3*chunkVectors + 7
	c := NewScoreCache[int](2, n)
	scratch := make([]int32, 2)
	var first []int32
	for k := range n {
		scratch[0], scratch[1] = int32(k), int32(-k)
		c.Put(k, scratch)
		if k == 0 {
			first, _ = c.Lookup(0)
		}
	}
	for k := range n {
		if got, ok := c.Lookup(k); !ok || got[0] != int32(k) || got[1] != int32(-k) {
			t.Fatalf("Lookup(%d) = %v, %v", k, got, ok)
		}
	}
	if first[0] != 0 || first[1] != 0 {
		t.Errorf("the first vector moved or changed: %v", first)
	}
}

func TestTableAddScoresAddsToScores(t *testing.T) {
	tr := NewTrainer(3)
	for range 5 {
		tr.Learn([]uint64{Feature(1).Sum(), Feature(2).Sum()}, 1, 0)
	}
	tab, err := NewTable(tr.Freeze(FreezeOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	runs := make([]uint64, 0, 4)
	both := make([]int32, 3)
	tab.Scores([]uint64{Feature(1).Sum(), Feature(2).Sum()}, both, runs)
	split := make([]int32, 3)
	tab.Scores([]uint64{Feature(1).Sum()}, split, runs)
	tab.AddScores([]uint64{Feature(2).Sum()}, split, runs)
	if both[0] != split[0] || both[1] != split[1] || both[1] == 0 {
		t.Errorf("scores of both features %v, of one then the other added %v", both, split)
	}
}

// TestTableMatchesModel checks every layout of a feature's pairs in a Table: none, within
// the slot, spilling out of it, and runs longer than the slot's count can say, against
// the Model's own scores.
func TestTableMatchesModel(t *testing.T) {
	const classes = 300
	tr := NewTrainer(classes)
	runLengths := []int{1, 2, 3, 4, 254, 255, 256, 299}
	feats := make([]uint64, len(runLengths))
	for i, n := range runLengths {
		feats[i] = Feature(7).Int(i).Sum()
		// Each mistake against class c adds a weight for c (and the wrong guess);
		// n distinct classes give the feature a run of about n pairs.
		for c := 0; c < n; c++ {
			tr.Learn([]uint64{feats[i]}, (c+i)%classes, (c+i+1)%classes)
		}
	}
	m := tr.Freeze(FreezeOptions{})
	tab, err := NewTable(m)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]float32, classes)
	got := make([]int32, classes)
	runs := make([]uint64, 0, len(feats)+1)
	check := func(name string, fs []uint64) {
		t.Helper()
		m.Scores(fs, want)
		tab.Scores(fs, got, runs)
		nonzero := 0
		for c := range want {
			g := float64(got[c]) / float64(tab.Scale())
			if math.Abs(g-float64(want[c])) > 1e-3*float64(len(fs))+1e-3 {
				t.Fatalf("%s: class %d: table %g, model %g", name, c, g, want[c])
			}
			if got[c] != 0 {
				nonzero++
			}
		}
		if nonzero == 0 && len(fs) > 0 && fs[0] != absent {
			t.Fatalf("%s: every score is 0", name)
		}
	}
	for i, f := range feats {
		check(fmt.Sprintf("run of %d", runLengths[i]), []uint64{f})
	}
	check("all at once", feats)
	check("absent", []uint64{absent})
	check("absent among others", append([]uint64{absent}, feats...))
}

// absent is a feature no test model holds.
var absent = Feature(99).Str("never seen").Sum()

// TestIntFoldsZeroBytes checks Int's shortcuts against mixing all four bytes one by one,
// as model files were hashed, at the edges of each shortcut and beyond.
func TestIntFoldsZeroBytes(t *testing.T) {
	byteWise := func(h Hasher, n int) Hasher {
		x, u := uint64(h), uint64(n)
		for i := 0; i < 4; i++ {
			x ^= u & 0xff
			x *= fnvPrime
			u >>= 8
		}
		return Hasher(x)
	}
	parts := []int{0, 1, 7, 255, 256, 257, 4095, 65535, 65536, 65537, 1 << 20, 1<<31 - 1, -1, -2, -256, 1 << 40}
	for n := 0; n < 70000; n += 97 {
		parts = append(parts, n)
	}
	for _, start := range []Hasher{Feature(0), Feature(3), Feature(3).Str("w"), Hasher(0)} {
		for _, n := range parts {
			if got, want := start.Int(n), byteWise(start, n); got != want {
				t.Fatalf("Int(%d) from %#x = %#x, want %#x", n, uint64(start), uint64(got), uint64(want))
			}
		}
	}
}

func TestWordFlags(t *testing.T) {
	for w, want := range map[string]Flags{
		"":          0,
		"astana":    0,
		"Astana":    FlagUpper | FlagInitUpper,
		"ASTANA":    FlagUpper | FlagInitUpper | FlagAllUpper,
		"A":         FlagUpper | FlagInitUpper,
		"U.S.":      FlagUpper | FlagInitUpper | FlagAllUpper | FlagPeriod,
		"x-1":       FlagHyphen | FlagDigit,
		"Éire":      FlagUpper | FlagInitUpper | FlagNonASCII,
		"\xff":      FlagNonASCII,
		"mid-Wave2": FlagHyphen | FlagUpper | FlagDigit,
	} {
		if got := WordFlags(w); got != want {
			t.Errorf("WordFlags(%q) = %07b, want %07b", w, got, want)
		}
	}
}
