package learn

import "testing"

// Add and Tick make a structured update: the weights move for one class at a time, and
// the average counts examples, not decisions.
func TestAddAndTick(t *testing.T) {
	tr := NewTrainer(3)
	f := []uint64{Feature(1).Sum(), Feature(2).Sum()}
	tr.Tick()
	tr.Add(f, 2, 1)  // after example 1: class 2 at +1
	tr.Add(f, 0, -1) // and class 0 at -1
	tr.Tick()        // example 2 changes nothing
	m := tr.Freeze(FreezeOptions{})
	scores := make([]float32, 3)
	m.Scores(f, scores)
	// Each weight held its value for one of the two examples: averaged, half of it, for
	// each of the two features.
	if want := []float32{-1, 0, 1}; scores[0] != want[0] || scores[1] != want[1] || scores[2] != want[2] {
		t.Errorf("scores %v, want %v", scores, want)
	}
}
