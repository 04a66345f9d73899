package parser

import (
	"bytes"
	"encoding/gob"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"herald/conllu"
	"herald/syntax/tagger"
	"herald/syntax/wordclass"
)

var (
	trainFlag     = flag.Bool("train", false, "train the parser on EWT and write the model to -out")
	epochsFlag    = flag.Int("epochs", 0, "training epochs for -train (0: the default)")
	noiseFlag     = flag.Float64("tagnoise", -1, "tag noise rate for -train (-1: the default)")
	exploreFlag   = flag.Float64("explore", 0, "exploration probability for -train (0: the default)")
	minWeightFlag = flag.Float64("minweight", -1, "weight pruning for -train (-1: the default)")
	curveFlag     = flag.Bool("curve", true, "with -train, parse dev after every epoch")
	sweepFlag     = flag.String("sweep", "", "with -train, space-separated MinWeight values to report dev LAS and size for")
	jackknifeFlag = flag.Int("jackknife", 5, "with -train, train on tags from K taggers, each trained on the other folds (0 or 1: gold tags)")
	cacheFlag     = flag.String("jackknifecache", "", "with -train, a file that keeps the jackknifed tags between runs (for experiments only)")
	devTaggerFlag = flag.String("devtagger", "", "with -train, a tagger model whose tags replace the gold ones in the dev learning curve")
	outFlag       = flag.String("out", "", "model file written by -train (required)")
	clustersFlag  = flag.String("clusters", "", "with -train, a cluster lexicon for the parser and the jackknifed taggers")
	demonymsFlag  = flag.String("demonyms", "", "with -train, a file of demonyms, one a line, for the jackknifed taggers")
	beamFlag      = flag.Int("beam", 0, "with -train, the beam width (0: the default, greedy)")
	cliTagsFlag   = flag.String("clitags", "", "with -train, the jackknifed tags that herald train parser --jackknife-cache kept")
	withGUMFlag   = flag.Bool("gum", false, "with -train, add GUM's CC BY train file to the training set and GUM dev to dev")
)

// experimentLexicons reads -clusters and -demonyms.
func experimentLexicons(t *testing.T) (*wordclass.Classes, []string) {
	var lex *wordclass.Classes
	if *clustersFlag != "" {
		f, err := os.Open(*clustersFlag)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if lex, err = wordclass.Read(f); err != nil {
			t.Fatal(err)
		}
	}
	var demonyms []string
	if *demonymsFlag != "" {
		b, err := os.ReadFile(*demonymsFlag)
		if err != nil {
			t.Fatal(err)
		}
		demonyms = strings.Fields(string(b))
	}
	return lex, demonyms
}

// The treebanks live in the repository's sibling "shared" directory.
const ud = "../../../shared/data/ud/"

func readTreebank(tb testing.TB, rel string) []*conllu.Sentence {
	tb.Helper()
	path := filepath.Join(ud, rel)
	sents, err := conllu.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("treebank %s not found (the shared data is not checked out next to the repository)", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// TestTrainModel trains a parser for experiments, with the knobs of TrainOptions as flags:
//
//	go test ./syntax/parser -run TestTrainModel -train -out /tmp/parser.model \
//	    -clusters syntax/models/clusters.model -demonyms /tmp/demonyms.txt \
//	    -jackknifecache /tmp/tags.gob -devtagger /tmp/tagger.model -timeout 60m -v
//
// It first tags the training set by 5-fold jackknifing with the tagger package (about
// 5 minutes; -jackknifecache keeps the tags for the next run), then trains the parser
// (about 2 minutes on one core). The shipped model is built by `herald train parser`
// (README.md, Models), which reads the clusters and the gazetteer's demonyms itself.
func TestTrainModel(t *testing.T) {
	if !*trainFlag {
		t.Skip("run with -train to train a parser")
	}
	if *outFlag == "" {
		t.Fatal("-train needs -out")
	}
	train := readTreebank(t, "ewt/en_ewt-ud-train.conllu")
	dev := readTreebank(t, "ewt/en_ewt-ud-dev.conllu")
	if *withGUMFlag {
		train = append(train, readTreebank(t, "gum/en_gum-ccby-train.conllu")...)
		dev = append(dev, readTreebank(t, "gum/en_gum-ud-dev.conllu")...)
	}
	opt := DefaultTrainOptions()
	opt.Beam = *beamFlag
	opt.Clusters, _ = experimentLexicons(t)
	if *epochsFlag > 0 {
		opt.Epochs = *epochsFlag
	}
	if *noiseFlag >= 0 {
		opt.TagNoise = *noiseFlag
	}
	if *exploreFlag != 0 {
		opt.ExploreProb = *exploreFlag
	}
	if *minWeightFlag >= 0 {
		opt.MinWeight = float32(*minWeightFlag)
	}
	start := time.Now()
	if *jackknifeFlag > 1 {
		var tags []tagged
		if *cliTagsFlag != "" {
			tags = cliJackknife(t, *cliTagsFlag, len(train))
		} else {
			tags = cachedJackknife(t, train, dev, *jackknifeFlag)
		}
		opt.Tags = func(i int, words, upos, xpos []string) {
			copy(upos, tags[i].UPOS)
			copy(xpos, tags[i].XPOS)
		}
		t.Logf("jackknifed tags in %s", time.Since(start).Round(time.Second))
	}
	tr, err := newTrainer(train, opt, testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	devScored := dev // the dev sentences of the learning curve and the sweep
	if *devTaggerFlag != "" {
		devScored = retag(t, dev, *devTaggerFlag)
	}
	for epoch := 1; epoch <= tr.options.Epochs; epoch++ {
		devEach := devScored
		if !*curveFlag {
			devEach = nil
		}
		tr.epoch(epoch, devEach)
	}
	m, err := tr.freeze(opt.MinWeight)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %s with %+v", time.Since(start).Round(time.Second), opt)
	for _, field := range strings.Fields(*sweepFlag) {
		w, err := strconv.ParseFloat(field, 32)
		if err != nil {
			t.Fatal(err)
		}
		pruned, err := tr.freeze(float32(w))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := pruned.Write(&buf); err != nil {
			t.Fatal(err)
		}
		s := Evaluate(pruned, devScored, nil)
		t.Logf("MinWeight %s: %d bytes, %d features, %d weights, dev UAS %.2f LAS %.2f", field, buf.Len(), pruned.perceptron.Features(), pruned.perceptron.Weights(), s.UAS, s.LAS)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*outFlag, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d bytes, %d features, %d weights", *outFlag, buf.Len(), m.perceptron.Features(), m.perceptron.Weights())
	for _, name := range []string{"ewt/en_ewt-ud-dev.conllu", "ewt/en_ewt-ud-test.conllu", "pud/en_pud-ud-test.conllu"} {
		s := Evaluate(m, readTreebank(t, name), nil)
		t.Logf("%s gold tags: UAS %.2f LAS %.2f (universal LAS %.2f) over %d words", name, s.UAS, s.LAS, s.UniversalLAS, s.Words)
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(string(bytes.TrimRight(p, "\n")))
	return len(p), nil
}

type tagged struct{ UPOS, XPOS []string }

// cachedJackknife is jackknife, kept in -jackknifecache when that is set.
func cachedJackknife(t *testing.T, train, dev []*conllu.Sentence, k int) []tagged {
	if *cacheFlag != "" {
		if f, err := os.Open(*cacheFlag); err == nil {
			defer f.Close()
			var tags []tagged
			if err := gob.NewDecoder(f).Decode(&tags); err == nil && len(tags) == len(train) {
				t.Logf("jackknifed tags from %s", *cacheFlag)
				return tags
			}
		}
	}
	tags := jackknife(t, train, dev, k)
	if *cacheFlag != "" {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(tags); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*cacheFlag, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tags
}

// cliJackknife reads the tags that herald train parser --jackknife-cache kept.
func cliJackknife(t *testing.T, path string, n int) []tagged {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var c struct {
		Key  uint64
		Tags []tagged
	}
	if err := gob.NewDecoder(f).Decode(&c); err != nil {
		t.Fatal(err)
	}
	if len(c.Tags) != n {
		t.Fatalf("%s: tags of %d sentences, want %d", path, len(c.Tags), n)
	}
	return c.Tags
}

// jackknife tags every training sentence with a tagger trained on the other k-1 folds
// (sentence i is in fold i%k), so that the parser trains on tags as wrong as it will see
// them at parse time. The taggers use the tagger package's default options; dev picks
// their epoch, as it does for the shipped tagger.
func jackknife(t *testing.T, train, dev []*conllu.Sentence, k int) []tagged {
	out := make([]tagged, len(train))
	wrong, total := 0, 0
	for fold := 0; fold < k; fold++ {
		var rest []*conllu.Sentence
		for i, s := range train {
			if i%k != fold {
				rest = append(rest, s)
			}
		}
		start := time.Now()
		topt := tagger.DefaultTrainOptions()
		topt.Clusters, topt.Demonyms = experimentLexicons(t)
		m, err := tagger.Train(rest, dev, topt, nil)
		if err != nil {
			t.Fatal(err)
		}
		tg := m.NewTagger()
		for i := fold; i < len(train); i += k {
			s := train[i]
			words := make([]string, len(s.Words))
			for j, w := range s.Words {
				words[j] = w.Form
			}
			tt := tagged{make([]string, len(words)), make([]string, len(words))}
			tg.Tag(words, tt.UPOS, tt.XPOS)
			for j, w := range s.Words {
				total++
				if tt.UPOS[j] != w.UPOS {
					wrong++
				}
			}
			out[i] = tt
		}
		t.Logf("jackknife fold %d of %d: tagger trained in %s", fold+1, k, time.Since(start).Round(time.Second))
	}
	t.Logf("jackknifed UPOS accuracy on train: %.2f%%", 100-100*float64(wrong)/float64(total))
	return out
}

// retag copies the sentences with UPOS and XPOS from the tagger model at path.
func retag(t *testing.T, gold []*conllu.Sentence, path string) []*conllu.Sentence {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := tagger.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	tg := m.NewTagger()
	out := make([]*conllu.Sentence, len(gold))
	for i, s := range gold {
		c := *s
		c.Words = append([]conllu.Word(nil), s.Words...)
		words, upos, xpos := make([]string, len(c.Words)), make([]string, len(c.Words)), make([]string, len(c.Words))
		for j, w := range c.Words {
			words[j] = w.Form
		}
		tg.Tag(words, upos, xpos)
		for j := range c.Words {
			c.Words[j].UPOS, c.Words[j].XPOS = upos[j], xpos[j]
		}
		out[i] = &c
	}
	return out
}
