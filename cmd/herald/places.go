package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/spf13/cobra"

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
			var ev geo.Evaluation
			i := 0
			p.Run(geo.Documents(cases, path), func(r pipeline.Result) {
				ev.Add(cases[i], r.Doc)
				i++
			})
			w := bufio.NewWriter(c.OutOrStdout())
			defer w.Flush()
			ev.Write(w)
			return nil
		},
	}
	c.Flags().IntVar(&workers, "workers", 0, "documents processed in parallel (0: one per CPU)")
	return c
}
