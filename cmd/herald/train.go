package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"herald/conllu"
	"herald/entity/gazetteer"
	"herald/entity/ner/iob"
	"herald/ingest"
	"herald/pipeline"
	"herald/syntax"
	"herald/syntax/lemma"
	"herald/syntax/parser"
	"herald/syntax/tagger"
	"herald/syntax/wordclass"
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
	c.AddCommand(newTrainClustersCmd(), newTrainTaggerCmd(), newTrainParserCmd(), newTrainNERCmd())
	return c
}

// treebankFlags are the data, output and seed flags every training command takes.
type treebankFlags struct {
	train, dev []string
	out        string
	clusters   string
	seed       uint64
	epochs     int
}

func (f *treebankFlags) register(c *cobra.Command) {
	c.Flags().StringArrayVar(&f.train, "train", nil, "training treebank (CoNLL-U); repeat it to train on several, read in the order given")
	c.Flags().StringArrayVar(&f.dev, "dev", nil, "development treebank (CoNLL-U): picks the epoch, never trained on; repeat it to tune on several")
	c.Flags().StringVar(&f.out, "out", "", "directory to write the model files to")
	c.Flags().Uint64Var(&f.seed, "seed", 1, "seed of the shuffles: the same seed gives the same model bytes")
	c.Flags().IntVar(&f.epochs, "epochs", 0, "passes over the training data (0: the model's default)")
	c.Flags().StringVar(&f.clusters, "clusters", "", "word clusters made by herald train clusters (default: "+syntax.ClusterFile+" in --out; \"none\" for none)")
	_ = c.MarkFlagRequired("train")
	_ = c.MarkFlagRequired("dev")
	_ = c.MarkFlagRequired("out")
}

// taggerOptions are the tagger's default options with the word clusters (--clusters)
// and the gazetteer's demonyms, which its features use: for the tagger itself, and for
// the taggers that jackknife the parser's training tags. It also returns the clusters,
// for the parser.
func (f *treebankFlags) taggerOptions(train []*conllu.Sentence) (tagger.TrainOptions, *wordclass.Classes, error) {
	opt := tagger.DefaultTrainOptions()
	opt.Seed = f.seed
	var lex *wordclass.Classes
	path := f.clusters
	if path == "" {
		path = filepath.Join(f.out, syntax.ClusterFile)
	}
	if path != "none" {
		r, err := os.Open(path)
		if err != nil {
			return opt, nil, fmt.Errorf("%w (build it with herald train clusters, or pass --clusters none)", err)
		}
		defer r.Close()
		if lex, err = wordclass.Read(r); err != nil {
			return opt, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	g, err := gazetteer.Embedded()
	if err != nil {
		return opt, nil, err
	}
	var forms []string
	for _, s := range train {
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
	}
	opt.Clusters = lex
	opt.Demonyms = g.Demonyms(append(forms, lex.Words()...))
	return opt, lex, nil
}

func (f *treebankFlags) read() (train, dev []*conllu.Sentence, err error) {
	if train, err = readTreebanks(f.train); err != nil {
		return nil, nil, err
	}
	if dev, err = readTreebanks(f.dev); err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return nil, nil, err
	}
	return train, dev, nil
}

// readTreebanks reads the sentences of the files one after another.
func readTreebanks(paths []string) ([]*conllu.Sentence, error) {
	var all []*conllu.Sentence
	for _, p := range paths {
		sents, err := conllu.ReadFile(p)
		if err != nil {
			return nil, err
		}
		all = append(all, sents...)
	}
	return all, nil
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
	var seeds int
	c := &cobra.Command{
		Use:   "tagger --train FILE --dev FILE --out DIR",
		Short: "Train the part-of-speech tagger and the lemmatizer on a UD treebank",
		Long: `tagger trains the UPOS/XPOS tagger (averaged perceptron) and the lemmatizer on the
training treebank, keeping the epoch that scores best on the development treebank, and
writes ` + syntax.TaggerFile + ` and ` + syntax.LemmaFile + ` into --out. The tagger also
learns from the word clusters of herald train clusters (--clusters) and the demonyms of
the embedded gazetteer, and keeps a copy of both.`,
		Example: `  herald train tagger --train ../shared/data/ud/ewt/en_ewt-ud-train.conllu --dev ../shared/data/ud/ewt/en_ewt-ud-dev.conllu --out syntax/models`,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			train, dev, err := f.read()
			if err != nil {
				return err
			}
			log := c.ErrOrStderr()
			start := time.Now()
			opt, _, err := f.taggerOptions(train)
			if err != nil {
				return err
			}
			fmt.Fprintf(log, "%d demonyms, %d clustered words\n", len(opt.Demonyms), opt.Clusters.Len())
			if f.epochs > 0 {
				opt.Epochs = f.epochs
			}
			opt.Seeds = seeds
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
	c.Flags().IntVar(&seeds, "seeds", 1, "train this many taggers with consecutive seeds and average their weights (1: no averaging)")
	return c
}

func newTrainParserCmd() *cobra.Command {
	var f treebankFlags
	var folds, seeds, beam int
	var tagsCache string
	var minWeight float64
	var clusterFeatures bool
	c := &cobra.Command{
		Use:   "parser --train FILE --dev FILE --out DIR",
		Short: "Train the dependency parser on a UD treebank",
		Long: `parser trains the transition-based dependency parser (arc-hybrid, averaged perceptron,
dynamic oracle) on the training treebank and writes ` + syntax.ParserFile + ` into --out.
The parser learns from jackknifed tags: each fold of the training set is tagged by a tagger
trained on the other folds (with the tagger's default options, but neither clusters nor
demonyms), so that training tags are as imperfect as the tags it will see. With
--cluster-features it also uses the word clusters (--clusters) and keeps a copy of them.`,
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
			if clusterFeatures {
				_, lex, err := f.taggerOptions(train)
				if err != nil {
					return err
				}
				opt.Clusters = lex
			}
			// The jackknifed taggers are plain ones, without the clusters and demonyms of
			// the shipped tagger: trained on their tags the parser scored 84.81 UAS on EWT
			// dev (with the shipped tagger's tags), on those of the full taggers 84.57.
			topt := tagger.DefaultTrainOptions()
			topt.Seed = f.seed
			if f.epochs > 0 {
				opt.Epochs = f.epochs
			}
			if folds > 1 {
				tags, err := syntax.CachedJackknife(tagsCache, train, dev, folds, topt, log)
				if err != nil {
					return err
				}
				opt.Tags = func(i int, _, upos, xpos []string) {
					copy(upos, tags[i].UPOS)
					copy(xpos, tags[i].XPOS)
				}
			}
			opt.Seeds = seeds
			opt.Beam = beam
			if minWeight >= 0 {
				opt.MinWeight = float32(minWeight)
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
	c.Flags().StringVar(&tagsCache, "jackknife-cache", "", "keep the jackknifed tags in this file and reuse them while the training data, folds and seed are the same (for experiments: the tags take most of the training time)")
	c.Flags().IntVar(&beam, "beam", 1, "beam width: above 1, a structured perceptron that parses with that many transition sequences kept")
	c.Flags().IntVar(&seeds, "seeds", 3, "train this many parsers with consecutive seeds and average their weights (1: no averaging)")
	c.Flags().Float64Var(&minWeight, "min-weight", -1, "prune averaged weights smaller than this (-1: the default, 1.5)")
	// Off in the shipped model: clusters of the 1.25M words of GMB and EWT train cost the
	// parser 0.2 UAS on EWT dev, where clusters of 4M words of news gained it 0.7.
	c.Flags().BoolVar(&clusterFeatures, "cluster-features", false, "give the parser the word clusters (--clusters) as features")
	return c
}

func newTrainClustersCmd() *cobra.Command {
	var text []string
	var out string
	opt := wordclass.DefaultOptions()
	c := &cobra.Command{
		Use:   "clusters --text FILE... --out DIR",
		Short: "Cluster words by their contexts in unlabelled text, for the tagger and the parser",
		Long: `clusters reads unlabelled text, clusters the word types by their neighbours, and writes
` + syntax.ClusterFile + ` into --out. It takes the words of CoNLL-U files (.conllu) and of
the GMB NER corpus (.csv, or the .zip that holds it) as they are, and articles in any other
format herald analyze reads, cleaned and segmented as the pipeline does. The tagger and the
parser are trained with it (--clusters) and keep a copy in their model files, so retrain
both after rebuilding it. The same text gives the same bytes. The clusters ship inside the
models: give it only text whose licence allows training shipped models.`,
		Example: `  herald train clusters --text ../shared/data/ner/gmb/ner_dataset.csv.zip --text ../shared/data/ud/ewt/en_ewt-ud-train.conllu --out syntax/models`,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			start := time.Now()
			corpus := wordclass.NewCorpus()
			var words []string
			for _, path := range text {
				switch strings.ToLower(filepath.Ext(path)) {
				case ".conllu":
					sents, err := conllu.ReadFile(path)
					if err != nil {
						return err
					}
					for _, s := range sents {
						words = words[:0]
						for _, w := range s.Words {
							words = append(words, w.Form)
						}
						corpus.Add(words)
					}
					continue
				case ".zip", ".csv":
					sents, _, err := iob.ReadFile(path)
					if err != nil {
						return err
					}
					for _, s := range sents {
						corpus.Add(s.Words)
					}
					continue
				}
				for doc, err := range ingest.Documents([]string{path}, ingest.Options{}) {
					if err == nil {
						err = pipeline.Segment(doc)
					}
					if err != nil { // one bad article does not spoil the text
						fmt.Fprintf(c.ErrOrStderr(), "skipped: %v\n", err)
						continue
					}
					for _, s := range doc.Sentences {
						words = words[:0]
						for _, t := range s.Tokens {
							words = append(words, t.Text)
						}
						corpus.Add(words)
					}
				}
			}
			log := c.ErrOrStderr()
			fmt.Fprintf(log, "clusters: %d words of text read in %.0f s\n", corpus.Tokens(), time.Since(start).Seconds())
			lex, err := wordclass.Build(corpus, opt)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			if err := writeModel(out, syntax.ClusterFile, func(w *os.File) error { return lex.Write(w) }); err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "%d words clustered in %.0f s\n", lex.Len(), time.Since(start).Seconds())
			return nil
		},
	}
	c.Flags().StringArrayVar(&text, "text", nil, "unlabelled text: a CoNLL-U file, the GMB corpus (.csv, .zip), or articles (.jsonl[.gz], .txt, .html, …); repeat for more")
	c.Flags().StringVar(&out, "out", "", "directory to write "+syntax.ClusterFile+" to")
	c.Flags().IntVar(&opt.MinCount, "min-count", opt.MinCount, "cluster the words seen at least this often")
	c.Flags().IntVar(&opt.FineClusters, "fine", opt.FineClusters, "number of fine clusters")
	c.Flags().IntVar(&opt.CoarseClusters, "coarse", opt.CoarseClusters, "number of coarse clusters")
	c.Flags().IntVar(&opt.Contexts, "contexts", opt.Contexts, "number of frequent words whose neighbourhood describes a word")
	_ = c.MarkFlagRequired("text")
	_ = c.MarkFlagRequired("out")
	return c
}
