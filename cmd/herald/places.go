package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"herald/document"
	"herald/geo"
	"herald/pipeline"
)

func newEvalPlacesCmd() *cobra.Command {
	var workers int
	c := &cobra.Command{
		Use:   "places FILE.tsv",
		Short: "Score place resolution on a test set of place mentions with their GeoNames ids",
		Long: `places runs the whole pipeline on the story of each case of FILE (tab-separated: id,
text, mention, geonameid, kind, note; see geo/testdata/places.tsv) and checks the place the
mention resolves to: the same GeoNames id, or for a region of Herald's own list, a region
in the country the note gives (country=PSE, country=none). A mention the entity stage does
not find as a place counts as a miss. The report lists accuracy by kind and every miss;
the last line is:
accuracy=… cases=… correct=… unfound=…`,
		Example: `  herald eval places geo/testdata/places.tsv`,
		Args:    exactArgs(1, "one test-set file"),
		RunE: func(c *cobra.Command, args []string) error {
			path := args[0]
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			cases, err := geo.ReadCases(f, path)
			f.Close()
			if err != nil {
				return err
			}
			if len(cases) == 0 {
				return fmt.Errorf("%s: no cases", path)
			}
			p, err := pipeline.New(pipeline.Options{Workers: workers, Published: "2024-05-20"})
			if err != nil {
				return err
			}
			docs := func(yield func(*document.Document, error) bool) {
				for _, k := range cases {
					if !yield(&document.Document{ID: k.ID, Source: path, Line: k.Line, Raw: []byte(k.Text)}, nil) {
						return
					}
				}
			}
			type tally struct{ n, ok int }
			byKind := map[string]*tally{}
			var misses []string
			correct, unfound, i := 0, 0, 0
			p.Run(docs, func(r pipeline.Result) {
				k := cases[i]
				i++
				t := byKind[k.Kind]
				if t == nil {
					t = &tally{}
					byKind[k.Kind] = t
				}
				t.n++
				var got *document.Location
				if r.Doc != nil {
					got = placeOf(r.Doc, k.Mention)
				}
				switch {
				case got == nil:
					unfound++
					misses = append(misses, fmt.Sprintf("%s\t%q\twant %s\tnot found as a place", k.ID, k.Mention, want(k)))
				case placeMatches(k, got):
					correct++
					t.ok++
				default:
					misses = append(misses, fmt.Sprintf("%s\t%q\twant %s\tgot %s %d %s (%s; %s)", k.ID, k.Mention, want(k),
						got.Name, got.GeonameID, got.Country, got.Feature, got.Reason))
				}
			})
			w := bufio.NewWriter(c.OutOrStdout())
			defer w.Flush()
			kinds := make([]string, 0, len(byKind))
			for k := range byKind {
				kinds = append(kinds, k)
			}
			sort.Strings(kinds)
			fmt.Fprintf(w, "%-8s %5s %5s %7s\n", "kind", "cases", "right", "acc")
			for _, k := range kinds {
				t := byKind[k]
				fmt.Fprintf(w, "%-8s %5d %5d %6.1f%%\n", k, t.n, t.ok, 100*float64(t.ok)/float64(t.n))
			}
			fmt.Fprintf(w, "\n%d misses:\n", len(misses))
			for _, m := range misses {
				fmt.Fprintln(w, "  "+m)
			}
			fmt.Fprintf(w, "accuracy=%.2f cases=%d correct=%d unfound=%d\n", 100*float64(correct)/float64(len(cases)), len(cases), correct, unfound)
			return nil
		},
	}
	c.Flags().IntVar(&workers, "workers", 0, "documents processed in parallel (0: one per CPU)")
	return c
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

func placeMatches(k geo.Case, got *document.Location) bool {
	if k.Kind == "region" {
		return got.Feature == "region" && got.Country == k.Country
	}
	return got.GeonameID == k.GeonameID
}

func want(k geo.Case) string {
	if k.Kind == "region" {
		c := k.Country
		if c == "" {
			c = "no country"
		}
		return "a region in " + c
	}
	return fmt.Sprintf("%s %d", k.Kind, k.GeonameID)
}
