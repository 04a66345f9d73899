package gazetteer

import (
	"slices"
	"strings"
	"testing"
)

// TestDemonyms checks the list the tagger is trained with: sorted byte-wise with no
// repeats, capitalized, the forms the countries' names give ("Kazakh" of "Kazakhstani")
// and, only when the words hold them, other demonyms of the gazetteer ("Spaniard").
func TestDemonyms(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	own := g.Demonyms(nil)
	if len(own) == 0 {
		t.Fatal("no demonyms")
	}
	for i, d := range own {
		if i > 0 && own[i-1] >= d {
			t.Errorf("not sorted, or a repeat: %q before %q", own[i-1], d)
		}
		if d != capitalized(d) {
			t.Errorf("%q is not written capitalized", d)
		}
	}
	for _, d := range []string{"Kazakh", "Kazakhs", "Kazakhstani", "Chilean", "Chileans", "Americans"} {
		if !slices.Contains(own, d) {
			t.Errorf("%q is not listed", d)
		}
	}
	// Not demonyms, or not from the countries' names: "Spaniard" is Spain's in the
	// gazetteer, but its demonym is "Spanish"; "Argjentina" is a variant spelling.
	for _, d := range []string{"Kazakhstan", "Astana", "Spaniard", "Argjentina"} {
		if slices.Contains(own, d) {
			t.Errorf("%q is listed", d)
		}
	}

	// The words add the demonyms among them, in any case, and nothing else.
	more := g.Demonyms([]string{"SPANIARD", "spaniards", "Astana", "kazakh", "the", ""})
	added := slices.DeleteFunc(slices.Clone(more), func(d string) bool { return slices.Contains(own, d) })
	if strings.Join(added, " ") != "Spaniard Spaniards" {
		t.Errorf("the words add %q, want Spaniard Spaniards", added)
	}
	if len(more) != len(own)+2 || !slices.IsSorted(more) {
		t.Errorf("with the words: %d demonyms, want %d, sorted", len(more), len(own)+2)
	}

	var none *Gazetteer
	if d := none.Demonyms([]string{"Kazakh"}); d != nil {
		t.Errorf("a nil gazetteer lists %q", d)
	}
}
