package main

import (
	"io"

	"github.com/spf13/cobra"

	"herald/output"
)

func newCodeCmd(stdin io.Reader) *cobra.Command {
	var in inputFlags
	var format string
	c := &cobra.Command{
		Use:   "code [flags] FILE|DIR|- ...",
		Short: "Code the political events in articles (CAMEO, PLOVER)",
		Long: `code runs the whole pipeline and prints the coded events, one JSON object per line.
It reads the same inputs as analyze. Until the event coder lands it prints no events, but it
still reads, cleans and checks every document and reports bad inputs.`,
		Example: `  herald code examples/geneva-talks.txt
  herald code --date 2024-05-20 articles/ > events.jsonl
  herald code --format gdelt articles/ > events.gdelt.tsv`,
		Args: argsRequired("files, directories or -"),
		RunE: func(c *cobra.Command, args []string) error {
			w, err := output.NewWriter(c.OutOrStdout(), output.Format(format), false, true)
			if err != nil {
				return usageError{err}
			}
			return processInputs(c, stdin, args, &in, w)
		},
	}
	in.register(c)
	c.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl, tsv (a table with a header row), gdelt (GDELT 2.0 event table, 61 columns) or plover (PLOVER JSON records)")
	return c
}
