package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"herald/conllu"
	"herald/segment"
	"herald/syntax"
)

func newEvalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "eval",
		Short:   "Measure a stage against gold data; the last line is a KEY=VALUE summary",
		Example: `  herald eval segment ../shared/data/ud/ewt/en_ewt-ud-test.conllu`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("%s: unknown evaluation %q (see %s --help)", c.CommandPath(), args[0], c.CommandPath())
			}
			return usagef("%s: name an evaluation (see %s --help)", c.CommandPath(), c.CommandPath())
		},
		RunE: func(*cobra.Command, []string) error { return nil },
	}
	c.AddCommand(newEvalSegmentCmd(), newEvalSyntaxCmd(), newEvalNERCmd(), newEvalPetrarchCmd(), newEvalPlacesCmd(),
		newEvalEventsCmd(), newEvalAgreementCmd(), newEvalCodedCmd())
	return c
}

func newEvalSegmentCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "segment FILE.conllu",
		Short: "Score sentence and token segmentation against a UD treebank",
		Long: `segment rebuilds running text from the treebank's "# text" lines (the sentences of a
paragraph joined by spaces, paragraphs and documents separated by a blank line), segments
it with Herald, and scores token and sentence spans (exact match, micro-averaged) against
the gold. The last line is: token_F1=… sentence_F1=… followed by precision, recall and counts.`,
		Example: `  herald eval segment ../shared/data/ud/ewt/en_ewt-ud-test.conllu`,
		Args:    exactArgs(1, "one CoNLL-U file"),
		RunE: func(c *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			s, err := segment.Evaluate(f)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			w := c.OutOrStdout()
			fmt.Fprintf(w, "file        %s\n", args[0])
			fmt.Fprintf(w, "sentences   gold %d   P %.2f  R %.2f  F1 %.2f\n", s.Sentences, s.SentP, s.SentR, s.SentF1)
			fmt.Fprintf(w, "tokens      gold %d   P %.2f  R %.2f  F1 %.2f\n", s.Tokens, s.TokenP, s.TokenR, s.TokenF1)
			if len(s.TopErrors) > 0 {
				fmt.Fprintln(w, "most frequent disagreements:")
				for _, e := range s.TopErrors {
					fmt.Fprintln(w, "  "+e)
				}
			}
			fmt.Fprintf(w, "token_F1=%.2f sentence_F1=%.2f token_P=%.2f token_R=%.2f sentence_P=%.2f sentence_R=%.2f sentences=%d tokens=%d\n",
				s.TokenF1, s.SentF1, s.TokenP, s.TokenR, s.SentP, s.SentR, s.Sentences, s.Tokens)
			return nil
		},
	}
}

func newEvalSyntaxCmd() *cobra.Command {
	var models string
	var margin float64
	c := &cobra.Command{
		Use:   "syntax FILE.conllu",
		Short: "Score the tagger, lemmatizer and parser on a UD treebank's gold tokens",
		Long: `syntax tags, lemmatizes and parses the gold tokens of each sentence (the parser sees the
predicted tags) and scores UPOS, XPOS, lemmas and attachments against the gold, counting
every word, punctuation included. The last line is:
UPOS=… XPOS=… LEMMA=… UAS=… LAS=… sentences=… tokens=… tokens_per_s=…`,
		Example: `  herald eval syntax ../shared/data/ud/ewt/en_ewt-ud-test.conllu
  herald eval syntax --models /tmp/models ../shared/data/ud/ewt/en_ewt-ud-dev.conllu`,
		Args: exactArgs(1, "one CoNLL-U file"),
		RunE: func(c *cobra.Command, args []string) error {
			start := time.Now()
			m, err := loadSyntax(models)
			if err != nil {
				return err
			}
			loaded := time.Since(start)
			if margin >= 0 {
				m.Parser = m.Parser.WithBeamMargin(float32(margin))
			}
			gold, err := conllu.ReadFile(args[0])
			if err != nil {
				return err
			}
			s := m.Evaluate(gold)
			w := c.OutOrStdout()
			fmt.Fprintf(w, "file        %s\n", args[0])
			fmt.Fprintf(w, "models      loaded in %.0f ms\n", loaded.Seconds()*1000)
			if m.Parser.Beam() > 1 {
				fmt.Fprintf(w, "parser      beam of %d, margin %g\n", m.Parser.Beam(), m.Parser.BeamMargin())
			}
			fmt.Fprintf(w, "tags        UPOS %.2f  XPOS %.2f  lemma %.2f\n", s.UPOS, s.XPOS, s.Lemma)
			fmt.Fprintf(w, "parse       UAS %.2f  LAS %.2f (on predicted tags)\n", s.UAS, s.LAS)
			fmt.Fprintf(w, "speed       %.0f tokens/s (tag + lemma + parse, one core)\n", s.TokensPerSecond)
			fmt.Fprintf(w, "UPOS=%.2f XPOS=%.2f LEMMA=%.2f UAS=%.2f LAS=%.2f sentences=%d tokens=%d tokens_per_s=%.0f\n",
				s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.Sentences, s.Tokens, s.TokensPerSecond)
			return nil
		},
	}
	c.Flags().StringVar(&models, "models", "", "read the models from this directory instead of the embedded ones")
	c.Flags().Float64Var(&margin, "beam-margin", -1, "parse with this beam margin, in units of the largest weight, instead of the default (0: the full beam), to weigh speed against accuracy")
	return c
}

// loadSyntax loads the embedded syntax models, or those in dir when it is given.
func loadSyntax(dir string) (*syntax.Models, error) {
	if dir != "" {
		return syntax.ReadDir(dir)
	}
	return syntax.Embedded()
}
