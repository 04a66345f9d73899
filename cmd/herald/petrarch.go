package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"herald/event/petrarchtest"
	"herald/lexicon"
	"herald/pipeline"
)

func newEvalPetrarchCmd() *cobra.Command {
	var dicts string
	var workers, minExact, maxFailures int
	c := &cobra.Command{
		Use:   "petrarch FILE.xml",
		Short: "Score the event coder on PETRARCH's unit-test records",
		Long: `petrarch codes the <Text> of each <Sentence> of a PETRARCH unit-test file with Herald's own
pipeline (the <Parse> is ignored: Herald parses the text itself), using the dictionaries
that the file's <Environment> names, read from --dictionaries. It compares the coded events
(source code, target code, CAMEO code) with the <EventCoding> elements: a sentence is exact
when the two sets are equal, and one marked noevents="True" (or error="…") is exact when
Herald codes nothing. The report gives exact/total per category and the sentences that are
not exact; the last line is:
exact=… total=… precision=… recall=…
with event-level precision and recall as percentages.`,
		Example: `  herald eval petrarch ../shared/data/tests/petrarch2/PETR.UnitTest.records.xml \
      --dictionaries ../shared/data/dictionaries/petrarch2
  herald eval petrarch --min-exact 180 records.xml   # exit 1 below 180 exact, for CI`,
		Args: exactArgs(1, "one PETRARCH unit-test XML file"),
		RunE: func(c *cobra.Command, args []string) error {
			if minExact < 0 || maxFailures < 0 {
				return usagef("--min-exact and --failures take a number of sentences, 0 or more")
			}
			recs, err := petrarchtest.ReadFile(args[0])
			if err != nil {
				return err
			}
			files, err := recs.Files()
			if err != nil {
				return err
			}
			stderr := c.ErrOrStderr()
			start := time.Now()
			lex, warnings, err := lexicon.CompileFiles(dicts, files)
			if err != nil {
				return fmt.Errorf("--dictionaries %s: %w", dicts, err)
			}
			for _, w := range warnings {
				fmt.Fprintln(stderr, "herald: warning:", w)
			}
			p, err := pipeline.New(pipeline.Options{Lexicon: lex, Workers: workers})
			if err != nil {
				return err
			}
			loaded := time.Since(start)
			ev := petrarchtest.Evaluate(p, recs)
			ev.Dictionaries, ev.Load = dicts, loaded
			for _, e := range ev.Errs {
				fmt.Fprintln(stderr, "herald:", e)
			}
			ev.Write(c.OutOrStdout(), maxFailures)
			if ev.Score.Exact < minExact {
				return fmt.Errorf("eval petrarch: %d exact, below --min-exact %d", ev.Score.Exact, minExact)
			}
			if len(ev.Errs) > 0 {
				return errReported
			}
			return nil
		},
	}
	c.Flags().StringVar(&dicts, "dictionaries", "../shared/data/dictionaries/petrarch2", "directory holding the dictionaries the file's <Environment> names")
	c.Flags().IntVar(&workers, "workers", 0, "sentences processed in parallel (0: one per CPU)")
	c.Flags().IntVar(&minExact, "min-exact", 0, "exit with status 1 when fewer than `N` sentences are exact")
	c.Flags().IntVar(&maxFailures, "failures", 50, "list at most `N` of the sentences that are not exact")
	return c
}
