package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"herald/conllu"
	"herald/syntax"
	"herald/syntax/lemma"
	"herald/syntax/parser"
	"herald/syntax/tagger"
)

func newTrainCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "train",
		Short: "Rebuild a trained model from its data",
		Long: `train rebuilds one of the models Herald embeds. The same data and seed give the same
model bytes. Copy the files it writes into syntax/models/ to ship them.`,
		Example: `  herald train tagger --train ../shared/data/ud/ewt/en_ewt-ud-train.conllu --dev ../shared/data/ud/ewt/en_ewt-ud-dev.conllu --out syntax/models
  herald train parser --train ../shared/data/ud/ewt/en_ewt-ud-train.conllu --dev ../shared/data/ud/ewt/en_ewt-ud-dev.conllu --out syntax/models`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("%s: unknown model %q (see %s --help)", c.CommandPath(), args[0], c.CommandPath())
			}
			return usagef("%s: name a model to train (see %s --help)", c.CommandPath(), c.CommandPath())
		},
		RunE: func(*cobra.Command, []string) error { return nil },
	}
	c.AddCommand(newTrainTaggerCmd(), newTrainParserCmd(), newTrainNERCmd())
	return c
}

// treebankFlags are the data, output and seed flags every training command takes.
type treebankFlags struct {
	train, dev, out string
	seed            uint64
	epochs          int
}

func (f *treebankFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.train, "train", "", "training treebank (CoNLL-U)")
	c.Flags().StringVar(&f.dev, "dev", "", "development treebank (CoNLL-U): picks the epoch, never trained on")
	c.Flags().StringVar(&f.out, "out", "", "directory to write the model files to")
	c.Flags().Uint64Var(&f.seed, "seed", 1, "seed of the shuffles: the same seed gives the same model bytes")
	c.Flags().IntVar(&f.epochs, "epochs", 0, "passes over the training data (0: the model's default)")
	_ = c.MarkFlagRequired("train")
	_ = c.MarkFlagRequired("dev")
	_ = c.MarkFlagRequired("out")
}

func (f *treebankFlags) read() (train, dev []*conllu.Sentence, err error) {
	if train, err = conllu.ReadFile(f.train); err != nil {
		return nil, nil, err
	}
	if dev, err = conllu.ReadFile(f.dev); err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return nil, nil, err
	}
	return train, dev, nil
}

// writeModel writes one model file atomically, so an interrupted run never leaves a
// damaged model where a good one was.
func writeModel(dir, name string, write func(*os.File) error) error {
	path := filepath.Join(dir, name)
	f, err := os.CreateTemp(dir, name+".tmp*")
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil { // CreateTemp makes it private
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}

func newTrainTaggerCmd() *cobra.Command {
	var f treebankFlags
	c := &cobra.Command{
		Use:   "tagger --train FILE --dev FILE --out DIR",
		Short: "Train the part-of-speech tagger and the lemmatizer on a UD treebank",
		Long: `tagger trains the UPOS/XPOS tagger (averaged perceptron) and the lemmatizer on the
training treebank, keeping the epoch that scores best on the development treebank, and
writes ` + syntax.TaggerFile + ` and ` + syntax.LemmaFile + ` into --out.`,
		Example: `  herald train tagger --train ../shared/data/ud/ewt/en_ewt-ud-train.conllu --dev ../shared/data/ud/ewt/en_ewt-ud-dev.conllu --out syntax/models`,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			train, dev, err := f.read()
			if err != nil {
				return err
			}
			log := c.ErrOrStderr()
			start := time.Now()
			opt := tagger.DefaultTrainOptions()
			opt.Seed = f.seed
			if f.epochs > 0 {
				opt.Epochs = f.epochs
			}
			tm, err := tagger.Train(train, dev, opt, log)
			if err != nil {
				return err
			}
			lm := lemma.Train(train)
			if err := writeModel(f.out, syntax.TaggerFile, func(w *os.File) error { return tm.Write(w) }); err != nil {
				return err
			}
			if err := writeModel(f.out, syntax.LemmaFile, func(w *os.File) error { return lm.Write(w) }); err != nil {
				return err
			}
			acc := tagger.Evaluate(tm, dev)
			fmt.Fprintf(c.OutOrStdout(), "dev %s  lemma %.2f%% (gold tags)  trained in %.0f s\n",
				acc, 100*lemma.Accuracy(lm, dev), time.Since(start).Seconds())
			return nil
		},
	}
	f.register(c)
	return c
}

func newTrainParserCmd() *cobra.Command {
	var f treebankFlags
	var folds int
	c := &cobra.Command{
		Use:   "parser --train FILE --dev FILE --out DIR",
		Short: "Train the dependency parser on a UD treebank",
		Long: `parser trains the transition-based dependency parser (arc-hybrid, averaged perceptron,
dynamic oracle) on the training treebank and writes ` + syntax.ParserFile + ` into --out.
The parser learns from jackknifed tags: each fold of the training set is tagged by a tagger
trained on the other folds, so that training tags are as imperfect as the tags it will see.`,
		Example: `  herald train parser --train ../shared/data/ud/ewt/en_ewt-ud-train.conllu --dev ../shared/data/ud/ewt/en_ewt-ud-dev.conllu --out syntax/models`,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			train, dev, err := f.read()
			if err != nil {
				return err
			}
			start := time.Now()
			log := c.ErrOrStderr()
			opt := parser.DefaultTrainOptions()
			opt.Seed = f.seed
			if f.epochs > 0 {
				opt.Epochs = f.epochs
			}
			if folds > 1 {
				tags, err := syntax.Jackknife(train, dev, folds, tagger.DefaultTrainOptions(), log)
				if err != nil {
					return err
				}
				opt.Tags = func(i int, _, upos, xpos []string) {
					copy(upos, tags[i].UPOS)
					copy(xpos, tags[i].XPOS)
				}
			}
			pm, err := parser.Train(train, dev, opt, log)
			if err != nil {
				return err
			}
			if err := writeModel(f.out, syntax.ParserFile, func(w *os.File) error { return pm.Write(w) }); err != nil {
				return err
			}
			s := parser.Evaluate(pm, dev, nil)
			fmt.Fprintf(c.OutOrStdout(), "dev UAS %.2f LAS %.2f (gold tags)  trained in %.0f s\n", s.UAS, s.LAS, time.Since(start).Seconds())
			return nil
		},
	}
	f.register(c)
	c.Flags().IntVar(&folds, "jackknife", 5, "train on tags from this many jackknifed taggers (0 or 1: gold tags)")
	return c
}
