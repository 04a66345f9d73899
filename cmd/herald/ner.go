package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"herald/entity/gazetteer"
	"herald/entity/ner"
	"herald/syntax"
	"herald/syntax/wordclass"
)

// nerTools loads what the recognizer needs besides its own model: the tagger, whose
// tags are features, and the gazetteer, whose names are features too. Training tags with
// the tagger that scores every word in both passes (tagger.NewTrainingTagger), which the
// shipped model was trained with; evaluation tags as the pipeline does.
func nerTools(models string, training bool) (ner.TagFunc, ner.KnownNames, error) {
	sm, err := loadSyntax(models)
	if err != nil {
		return nil, nil, err
	}
	g, err := gazetteer.Embedded()
	if err != nil {
		return nil, nil, err
	}
	tg := sm.Tagger.NewTagger()
	if training {
		tg = sm.Tagger.NewTrainingTagger()
	}
	return tg.Tag, ner.FromGazetteer(g), nil
}

func newTrainNERCmd() *cobra.Command {
	var data, out, clusters, dev, outside string
	var seed uint64
	var devCopies int
	c := &cobra.Command{
		Use:   "ner --data DIR --out DIR",
		Short: "Train the named-entity recognizer on GMB, with WikiANN names and UNER dev for the epoch",
		Long: `ner trains the BILOU named-entity recognizer on the Groningen Meaning Bank (every 10th
sentence held out), with a name lexicon from WikiANN, self-training on UD EWT's training text,
Herald's tagger for part-of-speech features, Herald's gazetteer for name features and the
word clusters of --clusters (a copy goes into the model). UNER EWT dev picks the epoch
(--dev select); --dev split trains on half of its documents and scores the other half, to
try what --dev train, which trains on all of it, would do without a score on seen text.
UNER EWT test is never read. It writes ` + ner.File + ` into --out. Retrain it after the
tagger, the gazetteer or the clusters change.`,
		Example: `  herald train ner --data ../shared/data --out entity/ner/models`,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			tag, gaz, err := nerTools("", true)
			if err != nil {
				return err
			}
			opt := ner.DefaultTrainOptions()
			opt.Seed = seed
			opt.Gazetteer = gaz
			switch dev {
			case "select":
				opt.DevUse = ner.DevSelect
			case "split":
				opt.DevUse = ner.DevSplit
			case "train":
				opt.DevUse = ner.DevTrain
			default:
				return fmt.Errorf("--dev %q: want select, split or train", dev)
			}
			if outside == "dev" {
				opt.ChooseOutsideBias = true
			} else if b, err := strconv.ParseFloat(outside, 32); err == nil && !math.IsNaN(b) && !math.IsInf(b, 0) {
				opt.OutsideBias = float32(b)
			} else {
				return fmt.Errorf("--outside-bias %q: want a number or dev", outside)
			}
			if c.Flags().Changed("dev-copies") {
				opt.DevCopies = devCopies
			}
			if clusters != "" {
				f, err := os.Open(clusters)
				if err != nil {
					return err
				}
				opt.Clusters, err = wordclass.Read(bufio.NewReader(f))
				f.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", clusters, err)
				}
			}
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
	c.Flags().StringVar(&clusters, "clusters", "syntax/models/"+syntax.ClusterFile, "word clusters for the cluster features, as `herald train clusters` writes them (\"\" for none); the model keeps a copy")
	c.Flags().StringVar(&dev, "dev", "select", "what UNER EWT dev is for: select (it picks the epoch), split (half its documents are trained on, the other half picks the epoch and is scored) or train (all of it is trained on)")
	c.Flags().StringVar(&outside, "outside-bias", "0", "bias for O (no name) at every word, trading recall for precision, or dev to choose it on UNER EWT dev")
	c.Flags().IntVar(&devCopies, "dev-copies", 1, "how many times the dev sentences trained on are repeated")
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
			tag, gaz, err := nerTools(models, false)
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
		return ner.Embedded()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Read(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
