package geo_test

import (
	"os"
	"testing"

	"herald/geo"
	"herald/pipeline"
)

// TestTestSets runs the whole pipeline over the project's own test sets of place
// mentions, the one the resolver was developed on and the held-out one written apart
// from the code, as `herald eval places` does, and holds resolution at 90% or better on
// each.
func TestTestSets(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{Published: "2024-05-20"})
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []string{"testdata/places.tsv", "testdata/places-heldout.tsv"} {
		t.Run(set, func(t *testing.T) {
			f, err := os.Open(set)
			if err != nil {
				t.Fatal(err)
			}
			cases, err := geo.ReadCases(f, set)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			var ev geo.Evaluation
			i := 0
			p.Run(geo.Documents(cases, set), func(r pipeline.Result) {
				ev.Add(cases[i], r.Doc)
				i++
			})
			if ev.Cases != len(cases) || ev.Accuracy() < 90 {
				t.Errorf("%d of %d cases right (%.2f%%), want 90%% or more; misses:", ev.Correct, ev.Cases, ev.Accuracy())
				for _, m := range ev.Misses {
					t.Log(m)
				}
			}
		})
	}
}
