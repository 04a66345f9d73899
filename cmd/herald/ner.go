package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"herald/entity/gazetteer"
	"herald/entity/ner"
)

// nerTools loads what the recognizer needs besides its own model: the tagger, whose
// tags are features, and the gazetteer, whose names are features too.
func nerTools(models string) (ner.TagFunc, ner.Gazetteer, error) {
	sm, err := loadSyntax(models)
	if err != nil {
		return nil, nil, err
	}
	g, err := gazetteer.Load()
	if err != nil {
		return nil, nil, err
	}
	return sm.Tagger.NewTagger().Tag, ner.FromGazetteer(g), nil
}

func newTrainNERCmd() *cobra.Command {
	var data, out string
	var seed uint64
	c := &cobra.Command{
		Use:   "ner --data DIR --out DIR",
		Short: "Train the named-entity recognizer on GMB, with WikiANN names and UNER dev for the epoch",
		Long: `ner trains the BILOU named-entity recognizer on the Groningen Meaning Bank (every 10th
sentence held out), with a name lexicon from WikiANN, self-training on UD EWT's training text,
Herald's tagger for part-of-speech features and Herald's gazetteer for name features. UNER
EWT dev picks the epoch. It writes ` + ner.File + ` into --out. Retrain it after the tagger or
the gazetteer changes.`,
		Example: `  herald train ner --data ../shared/data --out entity/ner/models`,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			tag, gaz, err := nerTools("")
			if err != nil {
				return err
			}
			opt := ner.DefaultTrainOptions()
			opt.Seed = seed
			opt.Gazetteer = gaz
			m, err := ner.TrainFromData(data, tag, opt, c.ErrOrStderr())
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			return writeModel(out, ner.File, func(f *os.File) error { return m.Write(f) })
		},
	}
	c.Flags().StringVar(&data, "data", "../shared/data", "directory of the third-party data")
	c.Flags().StringVar(&out, "out", "", "directory to write "+ner.File+" to")
	c.Flags().Uint64Var(&seed, "seed", 1, "seed of the shuffles: the same seed gives the same model bytes")
	_ = c.MarkFlagRequired("out")
	return c
}

func newEvalNERCmd() *cobra.Command {
	var models, nerModel string
	c := &cobra.Command{
		Use:   "ner FILE",
		Short: "Score the named-entity recognizer on an IOB file (UNER, CoNLL-2003, WikiANN, GMB)",
		Long: `ner tags the gold tokens of FILE, joined as they are, with Herald's recognizer and scores
exact spans and types, micro-averaged, comparing PER, ORG and LOC (GPE and geo count as LOC;
other types are ignored). The layout is recognised from the first data line; for the GMB
corpus only its held-out slice (every 10th sentence) is scored. The last line is:
P=… R=… F1=… PER_F1=… ORG_F1=… LOC_F1=… sentences=…`,
		Example: `  herald eval ner ../shared/data/ner/uner-ewt/en_ewt-ud-test.iob2
  herald eval ner ../shared/data/ner/gmb/ner_dataset.csv.zip`,
		Args: exactArgs(1, "one IOB file"),
		RunE: func(c *cobra.Command, args []string) error {
			tag, gaz, err := nerTools(models)
			if err != nil {
				return err
			}
			m, err := loadNER(nerModel)
			if err != nil {
				return err
			}
			sc, err := ner.EvaluateFile(m, args[0], tag, gaz)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "file  %s\n", args[0])
			return sc.Report(c.OutOrStdout())
		},
	}
	c.Flags().StringVar(&models, "models", "", "read the syntax models from this directory instead of the embedded ones")
	c.Flags().StringVar(&nerModel, "ner-model", "", "read the recognizer from this file (as `herald train ner` writes it) instead of the embedded one")
	return c
}

// loadNER reads the recognizer from path, or the embedded one when path is empty.
func loadNER(path string) (*ner.Model, error) {
	if path == "" {
		return ner.LoadEmbedded()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Load(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
