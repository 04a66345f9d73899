package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"herald/audit"
	"herald/lexicon"
)

func newEvalCodedCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "coded FILE|-",
		Short: "Count the symptoms of wrong event coding in herald code output",
		Long: `coded reads the output of herald code (JSON lines, one event a line; - for standard
input) and counts what issue 19 tracks: events with a side that has an agent and no
country ("GOV", "---GOV"), events from a speech verb (CAMEO 01, or say, tell …) whose
target is the media (agent MED, or reporters, a newspaper, Reuters named), sentences
giving 4 or more events, and negated events written out. The last line is KEY=VALUE:
countryless_pct media_speech_pct countryless media_speech media_reuters
crowded_sentences crowded_events max_per_sentence negated events documents sentences.`,
		Example: `  herald code ../shared/data/news/reuters21578.jsonl.gz | herald eval coded -
  herald eval coded events.jsonl`,
		Args: exactArgs(1, "one file of herald code output, or -"),
		RunE: func(c *cobra.Command, args []string) error {
			name := args[0]
			var r io.Reader = c.InOrStdin()
			if name != "-" {
				f, err := os.Open(name)
				if err != nil {
					return err
				}
				defer f.Close()
				r = f
			}
			lex, err := lexicon.Embedded()
			if err != nil {
				return err
			}
			counts, err := audit.New(lex).Read(r)
			if err != nil {
				return fmt.Errorf("%s:%w", name, err)
			}
			w := c.OutOrStdout()
			counts.Write(w, name)
			fmt.Fprintln(w, counts.Summary())
			return nil
		},
	}
}
