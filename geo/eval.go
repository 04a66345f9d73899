package geo

import (
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"herald/document"
)

// Evaluation scores place resolution on a test set of place mentions (ReadCases), as
// `herald eval places` reports it. The caller analyzes the story of each case with the
// whole pipeline (Documents gives them), which this package cannot import, and adds the
// result with Add, in the order of the cases.
type Evaluation struct {
	Cases, Correct int
	// Unfound counts the mentions that no entity covers as a place.
	Unfound int
	// Kinds scores each kind of case (country, adm1, city, region).
	Kinds  map[string]*KindScore
	Misses []Miss
}

// KindScore is the score of the cases of one kind.
type KindScore struct{ Cases, Correct int }

// Miss is a case resolved wrong: Got is the place its mention resolved to, nil when the
// mention was not found as a place.
type Miss struct {
	Case Case
	Got  *document.Location
}

// Documents yields the story of each case as a document to analyze; src names the test
// set, as errors cite it.
func Documents(cases []Case, src string) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		for _, k := range cases {
			if !yield(&document.Document{ID: k.ID, Source: src, Line: k.Line, Raw: []byte(k.Text)}, nil) {
				return
			}
		}
	}
}

// Add scores one case with its analyzed document, nil when the pipeline could not
// process it (the case counts as not found).
func (e *Evaluation) Add(k Case, doc *document.Document) {
	e.Cases++
	if e.Kinds == nil {
		e.Kinds = map[string]*KindScore{}
	}
	t := e.Kinds[k.Kind]
	if t == nil {
		t = &KindScore{}
		e.Kinds[k.Kind] = t
	}
	t.Cases++
	var got *document.Location
	if doc != nil {
		got = placeOf(doc, k.Mention)
	}
	switch {
	case got == nil:
		e.Unfound++
		e.Misses = append(e.Misses, Miss{Case: k})
	case placeMatches(k, got):
		e.Correct++
		t.Correct++
	default:
		e.Misses = append(e.Misses, Miss{Case: k, Got: got})
	}
}

// Accuracy is the percentage of the cases resolved right.
func (e *Evaluation) Accuracy() float64 { return 100 * float64(e.Correct) / float64(e.Cases) }

// Write writes the report: accuracy by kind, every miss, and the summary line
// accuracy=… cases=… correct=… unfound=….
func (e *Evaluation) Write(w io.Writer) {
	kinds := make([]string, 0, len(e.Kinds))
	for k := range e.Kinds {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	fmt.Fprintf(w, "%-8s %5s %5s %7s\n", "kind", "cases", "right", "acc")
	for _, k := range kinds {
		t := e.Kinds[k]
		fmt.Fprintf(w, "%-8s %5d %5d %6.1f%%\n", k, t.Cases, t.Correct, 100*float64(t.Correct)/float64(t.Cases))
	}
	fmt.Fprintf(w, "\n%d misses:\n", len(e.Misses))
	for _, m := range e.Misses {
		fmt.Fprintln(w, "  "+m.String())
	}
	fmt.Fprintf(w, "accuracy=%.2f cases=%d correct=%d unfound=%d\n", e.Accuracy(), e.Cases, e.Correct, e.Unfound)
}

// String describes the miss on one line: the case, its mention, the place wanted and the
// place found, tab-separated.
func (m Miss) String() string {
	k := m.Case
	if m.Got == nil {
		return fmt.Sprintf("%s\t%q\twant %s\tnot found as a place", k.ID, k.Mention, want(k))
	}
	g := m.Got
	return fmt.Sprintf("%s\t%q\twant %s\tgot %s %d %s (%s; %s)", k.ID, k.Mention, want(k),
		g.Name, g.GeonameID, g.Country, g.Feature, g.Reason)
}

// placeOf returns the place of the entity that covers the first occurrence of mention in
// the document's text that is covered at all (a dateline may repeat a name, "AUSTIN,
// Texas", outside any sentence), the one that overlaps it most; nil if none.
func placeOf(doc *document.Document, mention string) *document.Location {
	for from := 0; ; {
		at := strings.Index(doc.Text[from:], mention)
		if at < 0 {
			return nil
		}
		at += from
		end := at + len(mention)
		var best *document.Location
		bestOverlap := 0
		for _, e := range doc.Entities {
			if e.Place == nil {
				continue
			}
			if o := min(e.End, end) - max(e.Start, at); o > bestOverlap {
				best, bestOverlap = e.Place, o
			}
		}
		if best != nil {
			return best
		}
		from = end
	}
}

// placeMatches reports whether the place found is the one the case wants: the same
// GeoNames id, or for a region of Herald's own list, a region in the case's country.
func placeMatches(k Case, got *document.Location) bool {
	if k.Kind == "region" {
		return got.Feature == "region" && got.Country == k.Country
	}
	return got.GeonameID == k.GeonameID
}

// want describes the place a case wants.
func want(k Case) string {
	if k.Kind == "region" {
		c := k.Country
		if c == "" {
			c = "no country"
		}
		return "a region in " + c
	}
	return fmt.Sprintf("%s %d", k.Kind, k.GeonameID)
}
