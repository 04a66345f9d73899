package geo

import (
	"bytes"
	"strings"
	"testing"

	"herald/document"
)

func TestEvaluation(t *testing.T) {
	astana := &document.Location{Name: "Astana", Country: "KAZ", GeonameID: 1526273, Feature: "capital", Reason: "capital"}
	austin := &document.Location{Name: "Austin", Country: "USA", GeonameID: 4671654, Feature: "seat", Reason: "seat"}
	sahel := &document.Location{Name: "Sahel", Feature: "region", Reason: "region"}
	doc := func(text string, ents ...document.Entity) *document.Document {
		return &document.Document{Text: text, Entities: ents}
	}
	place := func(start, end int, l *document.Location) document.Entity {
		return document.Entity{Start: start, End: end, Type: "GPE", Place: l}
	}
	for _, tc := range []struct {
		name string
		k    Case
		doc  *document.Document
		miss string // "" when right
	}{
		{"right", Case{ID: "a", Mention: "Astana", Kind: "city", GeonameID: 1526273},
			doc("Talks in Astana.", place(9, 15, astana)), ""},
		// The dateline repeats the name outside any entity: the covered one counts.
		{"dateline", Case{ID: "b", Mention: "Austin", Kind: "city", GeonameID: 4671654},
			doc("Austin - Mayor of Austin spoke.", place(18, 24, austin)), ""},
		// Of two entities over the mention, the one that overlaps it most.
		{"overlap", Case{ID: "c", Mention: "Astana", Kind: "city", GeonameID: 1526273},
			doc("Astana airport", place(3, 14, austin), place(0, 6, astana)), ""},
		{"region", Case{ID: "d", Mention: "Sahel", Kind: "region"},
			doc("the Sahel", place(4, 9, sahel)), ""},
		{"wrong", Case{ID: "e", Mention: "Austin", Kind: "city", GeonameID: 1},
			doc("Austin", place(0, 6, austin)),
			"e\t\"Austin\"\twant city 1\tgot Austin 4671654 USA (seat; seat)"},
		{"wrong region", Case{ID: "f", Mention: "Sahel", Kind: "region", Country: "MLI"},
			doc("the Sahel", place(4, 9, sahel)),
			"f\t\"Sahel\"\twant a region in MLI\tgot Sahel 0  (region; region)"},
		{"unfound", Case{ID: "g", Mention: "Sahel", Kind: "region"},
			doc("the Sahel", document.Entity{Start: 4, End: 9, Type: "LOC"}),
			"g\t\"Sahel\"\twant a region in no country\tnot found as a place"},
		{"no document", Case{ID: "h", Mention: "Sahel", Kind: "adm1", GeonameID: 7},
			nil, "h\t\"Sahel\"\twant adm1 7\tnot found as a place"},
	} {
		var e Evaluation
		e.Add(tc.k, tc.doc)
		switch {
		case tc.miss == "" && (e.Correct != 1 || len(e.Misses) != 0):
			t.Errorf("%s: not counted right: %+v", tc.name, e.Misses)
		case tc.miss != "" && (e.Correct != 0 || len(e.Misses) != 1 || e.Misses[0].String() != tc.miss):
			t.Errorf("%s: misses %v, want %q", tc.name, e.Misses, tc.miss)
		}
	}
}

func TestEvaluationWrite(t *testing.T) {
	var e Evaluation
	l := &document.Location{Name: "Astana", Country: "KAZ", GeonameID: 1526273}
	d := &document.Document{Text: "Astana", Entities: []document.Entity{{Start: 0, End: 6, Place: l}}}
	e.Add(Case{ID: "a", Mention: "Astana", Kind: "city", GeonameID: 1526273}, d)
	e.Add(Case{ID: "b", Mention: "Astana", Kind: "city", GeonameID: 1526273}, nil)
	e.Add(Case{ID: "c", Mention: "Astana", Kind: "adm1", GeonameID: 1526273}, d)
	var buf bytes.Buffer
	e.Write(&buf)
	want := `kind     cases right     acc
adm1         1     1  100.0%
city         2     1   50.0%

1 misses:
  b	"Astana"	want city 1526273	not found as a place
accuracy=66.67 cases=3 correct=2 unfound=1
`
	if got := buf.String(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}

func TestDocuments(t *testing.T) {
	cases := []Case{{ID: "a", Text: "In Astana.", Line: 3}, {ID: "b", Text: "In Paris.", Line: 4}}
	var got []string
	for d, err := range Documents(cases, "set.tsv") {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d.ID+" "+d.Source+" "+string(d.Raw))
		if d.Line != cases[len(got)-1].Line {
			t.Errorf("%s: line %d", d.ID, d.Line)
		}
	}
	if strings.Join(got, "|") != "a set.tsv In Astana.|b set.tsv In Paris." {
		t.Errorf("documents %q", got)
	}
}
