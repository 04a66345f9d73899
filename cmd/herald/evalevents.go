package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"herald/document"
	"herald/gold"
	"herald/pipeline"
)

func newEvalEventsCmd() *cobra.Command {
	var (
		split, data string
		trees       []string
		failures    int
		workers     int
	)
	c := &cobra.Command{
		Use:   "events GOLD [--split dev|test] [--conllu FILE]...",
		Short: "Score coded events against the gold standard of real news (gold/)",
		Long: `events codes the documents of the gold standard's sentences as herald code does and
scores the events it finds in each sentence against the coders' (docs/CODING.md):
precision, recall and F1 at three levels (the CAMEO root with the country, IGO or group of
each side; with their agents too; the full event and actor codes), whether a sentence
holds an event, the PLOVER type with the countries, and a confusion table by root
(gold in rows, Herald in columns), then the sentences it gets wrong.

GOLD is the gold directory (gold/, whose dev.jsonl or test.jsonl --split picks) or one
gold file. The texts are read from --data (../shared/data) and, for the team's wire
stories, from the gold directory. Dev is for tuning; test is for reporting only.

With --conllu (repeatable), the documents those CoNLL-U files hold (GUM's, PUD's:
matched by "# newdoc id") are coded from the trees they give, and only the gold
sentences of those documents are scored, beside the same sentences coded from Herald's
own parse: how much of the loss is the parser's. The last line is KEY=VALUE: P, R and F1
(root + countries), P_agents …, P_full …, event_P, event_R, plover_P, plover_R and
counts; with --conllu, for the given trees, then the same keys prefixed own_ for
Herald's parse.`,
		Example: `  herald eval events gold --split dev
  herald eval events gold --split test
  herald eval events gold --split dev --conllu ../shared/data/ud/gum/en_gum-ccby-train.conllu \
      --conllu ../shared/data/ud/pud/en_pud-ud-test.conllu`,
		Args: exactArgs(1, "the gold directory or a gold file"),
		RunE: func(c *cobra.Command, args []string) error {
			if split != gold.Dev && split != gold.Test {
				return usagef("--split %q: want dev or test", split)
			}
			path, dir := args[0], args[0]
			if info, err := os.Stat(path); err != nil {
				return err
			} else if info.IsDir() {
				path = filepath.Join(dir, gold.SplitFile(split))
			} else {
				dir = filepath.Dir(path)
			}
			sents, err := gold.ReadFile(path)
			if err != nil {
				return err
			}
			kept := sents[:0]
			uncoded := 0
			for _, s := range sents {
				if s.Split == split {
					kept = append(kept, s)
					if s.Coder == "" {
						uncoded++
					}
				}
			}
			sents = kept
			if len(sents) == 0 {
				return fmt.Errorf("%s: no %s sentences", path, split)
			}
			if uncoded > 0 {
				return fmt.Errorf("%s: %d of the %d sentences are not coded yet", path, uncoded, len(sents))
			}
			var given map[string]*document.Document
			if len(trees) > 0 {
				if given, err = gold.ReadTrees(trees); err != nil {
					return err
				}
			}
			p, err := pipeline.New(pipeline.Options{EventsOnly: true, Workers: workers})
			if err != nil {
				return err
			}
			corpora := gold.NewCorpora(data, dir)
			ev, err := gold.Evaluate(corpora, sents, p, given)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			ev.Write(c.OutOrStdout(), corpora, path+" ("+split+")", failures)
			return nil
		},
	}
	c.Flags().StringVar(&split, "split", gold.Dev, "the split to score: dev (for tuning) or test (for reporting only)")
	c.Flags().StringVar(&data, "data", "../shared/data", "directory of the corpora the gold sentences point into")
	c.Flags().StringArrayVar(&trees, "conllu", nil, "code the documents of this CoNLL-U `FILE` from its trees (repeatable)")
	c.Flags().IntVar(&failures, "failures", 25, "list at most `N` of the sentences Herald gets wrong")
	c.Flags().IntVar(&workers, "workers", 0, "documents processed in parallel (0: one per CPU)")
	return c
}

func newEvalAgreementCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "agreement FIRST SECOND",
		Short: "Measure how two coders of the gold standard agree",
		Long: `agreement compares a second coder's coding of some gold sentences (SECOND, e.g.
gold/dev.second.jsonl) with the first coding of the same sentences (FIRST, e.g.
gold/dev.jsonl): whether a sentence holds an event (share of sentences and Cohen's kappa),
and F1 of one coder against the other on the roots, the actors, the countries, and the
three levels of herald eval events. The last line is KEY=VALUE.`,
		Example: `  herald eval agreement gold/dev.jsonl gold/dev.second.jsonl`,
		Args:    exactArgs(2, "two gold files"),
		RunE: func(c *cobra.Command, args []string) error {
			first, err := gold.ReadFile(args[0])
			if err != nil {
				return err
			}
			second, err := gold.ReadFile(args[1])
			if err != nil {
				return err
			}
			a, err := gold.Agree(first, second)
			if err != nil {
				return fmt.Errorf("%s against %s: %w", args[1], args[0], err)
			}
			w := c.OutOrStdout()
			a.Write(w)
			fmt.Fprintln(w, a.Summary())
			return nil
		},
	}
}
