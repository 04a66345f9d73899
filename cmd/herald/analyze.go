package main

import (
	"io"

	"github.com/spf13/cobra"

	"herald/output"
)

func newAnalyzeCmd(stdin io.Reader) *cobra.Command {
	var in inputFlags
	var format string
	var pretty bool
	c := &cobra.Command{
		Use:   "analyze [flags] FILE|DIR|- ... | --conllu FILE",
		Short: "Analyze articles and print every layer as JSON: text, sentences, syntax, entities, actors, events, places",
		Long: `analyze runs the pipeline over each input document and prints one JSON object per
document: the cleaned text and its repairs, the dateline, time expressions, sentences with
their tokens and syntax, entities, the actors layer (every actor mention, named or not),
events (negated ones kept, marked) and places. All offsets are byte offsets into "text".
With --conllu the sentences and trees are read from a CoNLL-U file instead.

Inputs are files, directories (walked recursively), or - for standard input. Files ending
.jsonl or .jsonl.gz hold one article per line; .html/.htm pages are reduced to their article
text; anything else is read as text in whatever encoding it arrives in.`,
		Example: `  herald analyze examples/geneva-talks.txt --pretty
  herald analyze --date 2024-05-20 articles/ > analysis.jsonl
  cat story.txt | herald analyze -
  herald analyze --format conllu examples/geneva-talks.txt`,
		Args: in.inputsRequired,
		RunE: func(c *cobra.Command, args []string) error {
			w, err := output.NewWriter(c.OutOrStdout(), output.Format(format), pretty, false)
			if err != nil {
				return usageError{err}
			}
			return processInputs(c, stdin, args, &in, w)
		},
	}
	in.register(c)
	c.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or conllu")
	c.Flags().BoolVar(&pretty, "pretty", false, "indent the JSON")
	return c
}
