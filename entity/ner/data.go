package ner

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"herald/conllu"
	"herald/entity/ner/iob"
	"herald/learn"
)

// The corpora under the shared data directory that training reads.
const (
	GMBPath     = "ner/gmb/ner_dataset.csv.zip"
	WikiANNPath = "ner/wikiann-en/train"
	DevPath     = "ner/uner-ewt/en_ewt-ud-dev.iob2"
	TestPath    = "ner/uner-ewt/en_ewt-ud-test.iob2"
	// EWTTrainPath is UD English-EWT's training part: its words (not its annotation)
	// feed the case table. UNER's dev and test sentences are EWT's dev and test parts,
	// so they stay unseen.
	EWTTrainPath = "ud/ewt/en_ewt-ud-train.conllu"
)

// Corpora are the sentences training and its reports use, with Herald's types.
type Corpora struct {
	// GMB is GMB without its held-out slice.
	GMB []Sentence
	// WikiANN is WikiANN's English training part.
	WikiANN []Sentence
	// GMBHeldOut is every tenth GMB sentence (iob.HeldOut), never trained on.
	GMBHeldOut []Sentence
	// Dev is UNER English-EWT dev (gold web text): what it is used for is
	// TrainOptions.DevUse. UNER test is never read by training.
	Dev []Sentence
	// CaseText is the words of EWT's training sentences, for the case table.
	CaseText [][]string
	// EWT is EWT's training sentences, unlabelled, and EWTPropn their gold UPOS
	// PROPN marks, for self-training (see SelfLabel).
	EWT      []Sentence
	EWTPropn [][]bool
}

// ReadCorpora reads the training corpora from the shared data directory dir.
// gaz, if not nil, is used to undo GMB's ORG for places (see FromIOB).
func ReadCorpora(dir string, gaz KnownNames) (*Corpora, error) {
	var c Corpora
	gmb, _, err := iob.ReadFile(filepath.Join(dir, GMBPath))
	if err != nil {
		return nil, err
	}
	for i := range gmb {
		s := SplitHyphens(FromIOB(iob.GMB, &gmb[i], gaz))
		if iob.HeldOut(gmb[i].ID) {
			c.GMBHeldOut = append(c.GMBHeldOut, s)
		} else {
			c.GMB = append(c.GMB, s)
		}
	}
	for _, p := range []struct {
		path string
		dst  *[]Sentence
	}{{WikiANNPath, &c.WikiANN}, {DevPath, &c.Dev}} {
		sents, layout, err := iob.ReadFile(filepath.Join(dir, p.path))
		if err != nil {
			return nil, err
		}
		for i := range sents {
			*p.dst = append(*p.dst, FromIOB(layout, &sents[i], gaz))
		}
	}
	ewt, err := conllu.ReadFile(filepath.Join(dir, EWTTrainPath))
	if err != nil {
		return nil, err
	}
	for _, s := range ewt {
		words := make([]string, len(s.Words))
		for i := range s.Words {
			words[i] = s.Words[i].Form
		}
		c.CaseText = append(c.CaseText, words)
		propn := make([]bool, len(s.Words))
		for i := range s.Words {
			propn[i] = s.Words[i].UPOS == "PROPN"
		}
		c.EWT = append(c.EWT, Sentence{Words: words, ID: len(c.EWT) + 1})
		c.EWTPropn = append(c.EWTPropn, propn)
	}
	return &c, nil
}

// TrainFromData is `herald train ner --data DIR`: it reads the corpora of DIR (the shared
// data directory), tags them with tag (Herald's own tagger), trains with opt, reports the
// epochs and the held-out scores to log, and returns the model to write to File.
func TrainFromData(dir string, tag TagFunc, opt TrainOptions, log io.Writer) (*Model, error) {
	t0 := time.Now()
	c, err := ReadCorpora(dir, opt.Gazetteer)
	if err != nil {
		return nil, err
	}
	c.Tag(tag)
	fmt.Fprintf(log, "read and tagged %d GMB, %d WikiANN, %d GMB held-out and %d dev sentences in %.1fs\n",
		len(c.GMB), len(c.WikiANN), len(c.GMBHeldOut), len(c.Dev), time.Since(t0).Seconds())
	m, err := c.Train(opt, log)
	if err != nil {
		return nil, err
	}
	_, devTune := c.splitDev(opt.DevUse)
	devName := "UNER EWT dev"
	switch opt.DevUse {
	case DevSplit:
		devName = "UNER EWT dev, the documents not trained on"
	case DevTrain:
		fmt.Fprintf(log, "UNER EWT dev was trained on and is not scored; score UNER test with herald eval ner\n")
	}
	for _, set := range []struct {
		name  string
		sents []Sentence
	}{{devName, devTune}, {"GMB held-out", c.GMBHeldOut}} {
		if len(set.sents) == 0 {
			continue
		}
		fmt.Fprintf(log, "%s:\n", set.name)
		if err := Evaluate(m, set.sents, opt.Gazetteer).Report(log); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(log, "trained in %.1fs: %s\n", time.Since(t0).Seconds(), m.Info())
	return m, nil
}

// Tag tags every sentence of the corpora.
func (c *Corpora) Tag(tag TagFunc) {
	for _, set := range [][]Sentence{c.GMB, c.WikiANN, c.GMBHeldOut, c.Dev, c.EWT} {
		Tag(set, tag)
	}
}

// TrainingSet is GMB's training part and a share of WikiANN (opt.WikiANNShare), chosen
// by opt.Seed.
func (c *Corpora) TrainingSet(opt TrainOptions) []Sentence {
	train := append([]Sentence(nil), c.GMB...)
	n := int(opt.WikiANNShare*float64(len(c.WikiANN)) + 0.5)
	for _, i := range learn.Shuffled(len(c.WikiANN), opt.Seed, 0)[:min(n, len(c.WikiANN))] {
		train = append(train, c.WikiANN[i])
	}
	return train
}

// SelfLabel labels EWT's training sentences with m for self-training: GMB is news, UNER
// is web text, and EWT's training part is web text of the same kind with gold parts of
// speech. The names m finds are snapped to EWT's runs of proper nouns (PROPN): a name
// that overlaps a run becomes the run, with m's type; a name with no proper noun in it is
// dropped. Everything else is O, which teaches the model that the capitalized common
// words of web text ("Great Service", "Delivery") are not names.
func (c *Corpora) SelfLabel(m *Model, gaz KnownNames) []Sentence {
	r := m.NewRecognizer(gaz)
	out := make([]Sentence, 0, len(c.EWT))
	var found []Span
	for k := range c.EWT {
		s := c.EWT[k]
		propn := c.EWTPropn[k]
		found = r.Recognize(s.Words, s.UPOS, s.XPOS, found[:0])
		s.Spans = nil
		next := 0 // first word not yet covered by a span, so spans never overlap
		for _, sp := range found {
			start, end := -1, -1
			for i := sp.Start; i < sp.End; i++ {
				if propn[i] {
					start = i
					break
				}
			}
			if start < 0 {
				continue
			}
			for start > 0 && propn[start-1] {
				start--
			}
			end = start
			for end < len(propn) && propn[end] {
				end++
			}
			if start < next {
				continue
			}
			s.Spans = append(s.Spans, Span{Start: start, End: end, Type: sp.Type})
			next = end
		}
		if gaz != nil {
			s.Spans = addGazetteerPlaces(s.Spans, s.Words, propn, gaz)
		}
		out = append(out, s)
	}
	return out
}

// Train trains on the corpora: GMB's training part and opt.WikiANNShare of WikiANN, then
// opt.SelfTraining rounds of the same plus EWT's training text as the previous model
// labels it (SelfLabel). WikiANN's names fill the name table and EWT's words the case
// table. UNER dev picks each round's epoch.
func (c *Corpora) Train(opt TrainOptions, log io.Writer) (*Model, error) {
	train := c.TrainingSet(opt)
	opt.CaseText = c.CaseText
	opt.NameText = c.WikiANN
	info := opt.Info
	if info == "" {
		info = fmt.Sprintf("GMB (all but every 10th sentence, %d sentences) + %.0f%% of WikiANN en train", len(c.GMB), 100*opt.WikiANNShare)
	}
	opt.Info = info
	devTrain, devTune := c.splitDev(opt.DevUse)
	for range max(opt.DevCopies, 1) {
		train = append(train, devTrain...)
	}
	if len(devTrain) > 0 {
		info += fmt.Sprintf(" + %d×%d UNER EWT dev sentences", max(opt.DevCopies, 1), len(devTrain))
		opt.Info = info
	}
	m, err := Train(train, devTune, opt, log)
	for round := 1; round <= opt.SelfTraining && err == nil; round++ {
		self := c.SelfLabel(m, opt.Gazetteer)
		all := append([]Sentence(nil), train...)
		for range max(opt.SelfCopies, 1) {
			all = append(all, self...)
		}
		opt.Info = fmt.Sprintf("%s + %d×%d EWT train sentences self-labelled (round %d)", info, max(opt.SelfCopies, 1), len(self), round)
		fmt.Fprintf(log, "self-training round %d: %d sentences\n", round, len(all))
		m, err = Train(all, devTune, opt, log)
	}
	if err == nil {
		m.outsideBias = opt.OutsideBias
		if opt.ChooseOutsideBias && len(devTune) > 0 {
			chooseOutsideBias(m, devTune, opt.Gazetteer, log)
		}
	}
	return m, err
}

// outsideBiases are the biases chooseOutsideBias tries, in the unit of the weights.
var outsideBiases = []float32{0, 5, 10, 15, 20, 25, 30, 35, 40, 50}

// chooseOutsideBias sets m's bias for O to the one of outsideBiases that scores best on
// dev (the smallest, on a tie). A perceptron trained on news finds names in web text
// more readily than that text's annotators mark them; the bias is a prior against that.
func chooseOutsideBias(m *Model, dev []Sentence, gaz KnownNames, log io.Writer) {
	best, bestF1 := float32(0), -1.0
	for _, b := range outsideBiases {
		m.outsideBias = b
		f1 := Evaluate(m, dev, gaz).F1
		fmt.Fprintf(log, "outside bias %g: dev F1 %.2f\n", b, f1)
		if f1 > bestF1 {
			best, bestF1 = b, f1
		}
	}
	m.outsideBias = best
	m.info += fmt.Sprintf(", outside bias %g (dev F1 %.2f)", best, bestF1)
}

// splitDev divides dev as use says into the sentences trained on and those that pick the
// epoch.
func (c *Corpora) splitDev(use DevUse) (train, tune []Sentence) {
	switch use {
	case DevTrain:
		return c.Dev, nil
	case DevSplit:
		docs := map[string]int{}
		for _, s := range c.Dev {
			k, ok := docs[s.Doc]
			if !ok {
				k = len(docs)
				docs[s.Doc] = k
			}
			if k%2 == 0 {
				train = append(train, s)
			} else {
				tune = append(tune, s)
			}
		}
		return train, tune
	}
	return nil, c.Dev
}

// addGazetteerPlaces adds to spans, as LOC, each run of proper nouns that no span covers
// and that is exactly a country, capital or city of the gazetteer, in any case. Web text
// writes "india" and "san francisco"; left O, self-training would teach the model that
// the gazetteer's case-blind matches are not names, the opposite of the truth.
func addGazetteerPlaces(spans []Span, words []string, propn []bool, gaz KnownNames) []Span {
	covered := make([]bool, len(words))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			covered[i] = true
		}
	}
	added := false
	for i := 0; i < len(words); {
		if !propn[i] || (i > 0 && propn[i-1]) {
			i++
			continue
		}
		end := i
		for end < len(words) && propn[end] {
			end++
		}
		free := true
		for k := i; k < end; k++ {
			free = free && !covered[k]
		}
		if n, label := gaz.Longest(words, i); free && n == end-i && isPlaceLabel(label) {
			spans = append(spans, Span{Start: i, End: end, Type: "LOC"})
			added = true
		}
		i = end
	}
	if added {
		slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	}
	return spans
}

// isPlaceLabel reports whether a gazetteer feature label names a place.
func isPlaceLabel(label string) bool {
	switch strings.TrimSuffix(label, "~") {
	case "country", "capital", "city":
		return true
	}
	return false
}
