package event

import (
	"math/rand/v2"
	"slices"
	"testing"

	"herald/document"
)

// TestDocumentIndexes checks the lookups that keep the stage linear in the document's
// length against a scan of the whole layer: nameIndex against every entity, sentenceDates
// against every time, times in text order or not.
func TestDocumentIndexes(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 6))
	for trial := range 500 {
		doc := &document.Document{}
		for range rng.IntN(30) {
			start := rng.IntN(200)
			e := document.Entity{Start: start, End: start + 1 + rng.IntN(20), Mention: "name"}
			if rng.IntN(4) == 0 {
				e.Mention = []string{"pronoun", "nominal", ""}[rng.IntN(3)]
			}
			doc.Entities = append(doc.Entities, e)
		}
		for start := 0; start < 220; {
			end := start + 1 + rng.IntN(40)
			doc.Sentences = append(doc.Sentences, document.Sentence{Start: start, End: end})
			start = end + rng.IntN(3)
		}
		for range rng.IntN(20) {
			start := rng.IntN(220)
			value := []string{"2024-05-20", "2024-05", "1987-04-06", ""}[rng.IntN(4)]
			doc.Times = append(doc.Times, document.Time{Start: start, End: start + 1 + rng.IntN(15), Value: value})
		}
		if trial%2 == 0 {
			slices.SortFunc(doc.Times, func(a, b document.Time) int { return a.Start - b.Start })
		}

		named := nameIndex(doc)
		for range 50 {
			lo := rng.IntN(220)
			hi := lo + 1 + rng.IntN(25)
			want := false
			for _, e := range doc.Entities {
				want = want || e.Mention == "name" && lo >= e.Start && hi <= e.End
			}
			if got := named(lo, hi); got != want {
				t.Fatalf("trial %d: a name spans [%d,%d): %v, a scan says %v (%+v)", trial, lo, hi, got, want, doc.Entities)
			}
		}

		dateOf := sentenceDates(doc)
		for si, s := range doc.Sentences {
			want := "doc"
			for _, tm := range doc.Times {
				if tm.Start >= s.Start && tm.End <= s.End && len(tm.Value) == 10 && tm.Value[4] == '-' {
					want = tm.Value
					break
				}
			}
			if got := dateOf(si, "doc"); got != want {
				t.Fatalf("trial %d: sentence %d [%d,%d) dated %s, a scan says %s (%+v)", trial, si, s.Start, s.End, got, want, doc.Times)
			}
		}
	}
}
