package main

import (
	"io"

	"github.com/spf13/cobra"

	"herald/output"
)

func newCodeCmd(stdin io.Reader) *cobra.Command {
	in := inputFlags{eventsOnly: true}
	var format string
	var parseAll bool
	c := &cobra.Command{
		Use:   "code [flags] FILE|DIR|- ... | --conllu FILE",
		Short: "Code the political events in articles (CAMEO, PLOVER)",
		Long: `code runs the whole pipeline and prints the coded events, one JSON object per line
(or in the --format chosen). It reads the same inputs as analyze, and reports bad inputs
while the rest of the batch goes on. A sentence that cannot hold an event (no verb of the
dictionary, or fewer than two places an actor may be named) is tagged but not parsed,
which changes no event and saves most of the parsing.`,
		Example: `  herald code examples/geneva-talks.txt
  herald code --date 2024-05-20 articles/ > events.jsonl
  herald code --format gdelt articles/ > events.gdelt.tsv`,
		Args: in.inputsRequired,
		RunE: func(c *cobra.Command, args []string) error {
			in.eventsOnly = !parseAll
			w, err := output.NewWriter(c.OutOrStdout(), output.Format(format), false, true)
			if err != nil {
				return usageError{err}
			}
			return processInputs(c, stdin, args, &in, w)
		},
	}
	in.register(c)
	c.Flags().BoolVar(&parseAll, "parse-all", false, "parse every sentence, as analyze does (the events are the same; it is slower)")
	c.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl, tsv (a table with a header row), gdelt (GDELT 2.0 event table, 61 columns) or plover (PLOVER JSON records)")
	return c
}
