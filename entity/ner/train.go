package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"herald/entity/ner/iob"
	"herald/learn"
	"herald/syntax/wordclass"
)

// defaultTypes are the entity types Herald's recognizer is trained to find, in label order.
var defaultTypes = []string{"PERSON", "ORG", "LOC", "NORP", "EVENT", "OTHER"}

// Sentence is a training or evaluation sentence: words, their tags from Herald's own
// tagger (so that training sees what recognition will), and the gold names in Herald's
// types.
type Sentence struct {
	Words, UPOS, XPOS []string
	Spans             []Span
	// ID and Line locate the sentence in its corpus, for reports.
	ID, Line int
	// Doc is the corpus's document the sentence is from, "" when the corpus does not say.
	Doc string
}

// MapType maps a corpus's entity type to Herald's; "" drops the entity. The mapping:
//
//	GMB per → PERSON, org → ORG, geo → LOC, eve → EVENT, art → OTHER;
//	GMB gpe → NORP when the span's last word is not a proper noun in GMB's own POS
//	  column ("Iraqi" JJ, "Palestinians" NNS: 95% of gpe), LOC when it is ("Nepal",
//	  "Sudan" NNP: countries tagged gpe instead of geo);
//	GMB tim → dropped (time expressions are the timex stage's);
//	GMB nat → dropped (natural phenomena and diseases: "Katrina", "H5N1", "AIDS");
//	PER → PERSON, ORG → ORG, LOC → LOC, GPE → LOC, NORP → NORP, MISC → OTHER
//	  (UNER, WikiANN, CoNLL-2003, and Herald's own names, in any case).
//
// Places are all LOC to the recognizer: GMB's geo mixes countries, cities, rivers and
// regions, so telling GPE apart is left to the gazetteer.
func MapType(layout iob.Layout, s *iob.Sentence, span iob.Span) string {
	t := span.Type
	if layout == iob.GMB {
		switch t {
		case "per":
			return "PERSON"
		case "org":
			return "ORG"
		case "geo":
			return "LOC"
		case "eve":
			return "EVENT"
		case "art":
			return "OTHER"
		case "gpe":
			if span.End-1 < len(s.POS) && strings.HasPrefix(s.POS[span.End-1], "NNP") {
				return "LOC"
			}
			return "NORP"
		}
		return ""
	}
	switch strings.ToUpper(t) {
	case "PER", "PERSON":
		return "PERSON"
	case "ORG", "ORGANIZATION":
		return "ORG"
	case "LOC", "LOCATION", "GPE", "GEO":
		return "LOC"
	case "NORP":
		return "NORP"
	case "EVENT", "EVE":
		return "EVENT"
	case "MISC", "OTHER", "ART":
		return "OTHER"
	}
	return ""
}

// FromIOB converts a corpus sentence to a Sentence with Herald's types, without tags.
// Two of GMB's silver-label habits are undone, so that its names are Herald's:
//
//   - its person names include the titles before them ("President George Bush", "Mr.
//     Annan"); Herald's do not, as in UNER and WikiANN, because the entity stage reads the
//     title as a role. The leading words of a GMB PERSON that are titles (see isTitle) are
//     cut off, and a PERSON that is all title is dropped;
//   - it calls a country or city ORG some 1,200 times ("U.S.", "Tehran", "Turkey", "United
//     States", "West Bank"), against many thousands of geo for the same names. When gaz
//     is given, a GMB ORG whose words are exactly a country, capital or city of it is LOC;
//   - it lets names begin with a direction or article and end on a function word
//     ("southern Afghanistan", "the Gaza Strip"); those words are cut off (see edgeWords).
func FromIOB(layout iob.Layout, s *iob.Sentence, gaz KnownNames) Sentence {
	out := Sentence{Words: s.Words, ID: s.ID, Line: s.Line, Doc: s.Doc}
	for _, sp := range s.Spans() {
		t := MapType(layout, s, sp)
		if t == "PERSON" && layout == iob.GMB {
			for sp.Start < sp.End && isTitle(s.Words[sp.Start]) {
				sp.Start++
			}
		}
		if layout == iob.GMB {
			for sp.Start < sp.End && edgeWords[s.Words[sp.Start]] {
				sp.Start++
			}
			for sp.End > sp.Start && trailingWords[s.Words[sp.End-1]] {
				sp.End--
			}
		}
		if t == "ORG" && layout == iob.GMB && gaz != nil {
			if n, kind := gaz.Longest(s.Words[:sp.End], sp.Start); n == sp.End-sp.Start && isPlaceKind(kind) {
				t = "LOC"
			}
		}
		if t != "" && sp.Start < sp.End {
			out.Spans = append(out.Spans, Span{Start: sp.Start, End: sp.End, Type: t})
		}
	}
	return out
}

// titles are the words GMB puts before person names in its PERSON spans, lower-cased:
// the most frequent first words of its multi-word person spans that are not names.
var titles = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"president": true, "prime": true, "minister": true, "secretary": true, "general": true,
	"gen.": true, "senator": true, "sen.": true, "king": true, "queen": true, "prince": true,
	"princess": true, "vice": true, "pope": true, "chancellor": true, "premier": true,
	"foreign": true, "defense": true, "deputy": true, "chief": true, "lieutenant": true,
	"lt.": true, "colonel": true, "col.": true, "major": true, "maj.": true, "governor": true,
	"gov.": true, "rep.": true, "representative": true, "judge": true, "justice": true,
	"ambassador": true, "speaker": true, "sheikh": true, "ayatollah": true, "cardinal": true,
	"archbishop": true, "bishop": true, "rev.": true, "reverend": true, "commander": true,
	"admiral": true, "captain": true, "capt.": true, "sergeant": true, "sgt.": true,
	"former": true, "mayor": true, "senior": true, "of": true, "state": true, "interior": true,
	"finance": true, "opposition": true, "leader": true, "cleric": true, "sir": true,
	"emperor": true, "crown": true, "presidential": true, "candidate": true, "envoy": true,
	"spokesman": true, "spokeswoman": true, "coach": true,
	"attorney": true, "officer": true, "director": true, "chairman": true,
}

func isTitle(w string) bool { return titles[strings.ToLower(w)] }

// TrainOptions control training.
type TrainOptions struct {
	// Epochs is the number of passes over the training data; the epoch that scores best
	// on the development set is kept.
	Epochs int
	// Seed fixes the shuffles: the same data, options and seed give the same model bytes.
	Seed uint64
	// MinWeight prunes averaged weights of smaller magnitude from the model.
	MinWeight float32
	// LowercaseRate is the share of training sentences lower-cased, so that the model
	// does not depend on capitals alone (web text and chat often lack them).
	LowercaseRate float64
	// WikiANNShare is the share of WikiANN's training sentences added to GMB's
	// (TrainFromData; Train itself takes the sentences it is given).
	WikiANNShare float64
	// SelfTraining is the number of rounds of self-training on EWT's training text
	// (TrainFromData; see Corpora.SelfLabel), and SelfCopies how many times the
	// self-labelled sentences are repeated in the training set.
	SelfTraining, SelfCopies int
	// Clusters, when set, adds word-cluster features, and the model keeps a copy.
	Clusters *wordclass.Classes `json:"-"`
	// Gazetteer, when set, adds gazetteer features; the model then records that it wants
	// one at recognition time.
	Gazetteer KnownNames
	// CaseText is unlabelled text (sentences of words) whose writing of case the case
	// table counts, besides the training sentences'.
	CaseText [][]string `json:"-"`
	// NameText are labelled sentences that are not trained on but whose names fill the
	// name table (see casetable.go).
	NameText []Sentence `json:"-"`
	// DevUse says what UNER EWT dev is for (TrainFromData): DevSelect, DevSplit or
	// DevTrain. DevCopies is how many times dev sentences are repeated where they are
	// trained on.
	DevUse    DevUse
	DevCopies int
	// OutsideBias is the model's bias for O (see Model.outsideBias); with
	// ChooseOutsideBias, TrainFromData picks it on dev instead. The shipped model keeps
	// 0: the bias dev picks (25) scores 1.7 more on UNER test, web text, but 0.6 less on
	// GMB held-out, news, and drops names such as "Global Security Initiative".
	OutsideBias       float32
	ChooseOutsideBias bool
	// Info is stored in the model, describing the data it was trained on.
	Info string
}

// DevUse is what the gold UNER EWT dev sentences are used for in training.
type DevUse int

const (
	// DevSelect: dev only picks the best epoch; nothing of it is trained on.
	DevSelect DevUse = iota
	// DevSplit: the dev documents in odd places (1st, 3rd, …) are trained on, and the
	// others pick the epoch and are scored. This is how the options of DevTrain were
	// chosen without a score on sentences the model has seen.
	DevSplit
	// DevTrain: all of dev is trained on, for a fixed number of epochs.
	DevTrain
)

// DefaultTrainOptions are the options the shipped model was trained with (with
// Gazetteer set to FromGazetteer of Herald's gazetteer). Chosen on UNER dev: WikiANN's
// sentences as training data cost 1-2 points of F1 there (Wikipedia fragments are
// neither news nor web text), so WikiANN only fills the name table; lower-casing
// training sentences did not help; the first epochs score best (5 epochs: 64.86 against
// 64.98 for 3). Two rounds of self-training with the self-labelled EWT sentences counted
// twice score 64.98 on dev, one round counted once 64.42.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 3, Seed: 1, SelfTraining: 2, SelfCopies: 2}
}

// TagFunc fills upos and xpos (as long as words) with part-of-speech tags.
type TagFunc func(words, upos, xpos []string)

// Tag fills the UPOS and XPOS of each sentence with tag.
func Tag(sents []Sentence, tag TagFunc) {
	for i := range sents {
		s := &sents[i]
		s.UPOS = make([]string, len(s.Words))
		s.XPOS = make([]string, len(s.Words))
		tag(s.Words, s.UPOS, s.XPOS)
	}
}

// goldLabels writes the BILOU labels of s's spans into labels; overlapping spans keep the
// first.
func goldLabels(s *Sentence, types []string, labels []int) {
	clear(labels)
	for _, sp := range s.Spans {
		t := indexOf(types, sp.Type)
		if t < 0 || sp.Start < 0 || sp.End > len(labels) || sp.Start >= sp.End {
			continue
		}
		free := true
		for i := sp.Start; i < sp.End; i++ {
			free = free && labels[i] == 0
		}
		if !free {
			continue
		}
		if sp.End-sp.Start == 1 {
			labels[sp.Start] = labelOf(t, partU)
			continue
		}
		labels[sp.Start] = labelOf(t, partB)
		for i := sp.Start + 1; i < sp.End-1; i++ {
			labels[i] = labelOf(t, partI)
		}
		labels[sp.End-1] = labelOf(t, partL)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// transTrainer learns the transition scores with the same averaging as learn.Trainer.
type transTrainer struct {
	w, total []float64
	stamp    []int64
}

func newTransTrainer(n int) *transTrainer {
	return &transTrainer{w: make([]float64, n), total: make([]float64, n), stamp: make([]int64, n)}
}

func (t *transTrainer) bump(k int, step int64, delta float64) {
	t.total[k] += float64(step-t.stamp[k]) * t.w[k]
	t.stamp[k] = step
	t.w[k] += delta
}

func (t *transTrainer) current(K int, dst []float32) {
	for k := range t.w {
		dst[k] = float32(t.w[k])
	}
	maskTransitions(dst, K)
}

func (t *transTrainer) averaged(K int, step int64) []float32 {
	out := make([]float32, len(t.w))
	steps := float64(max(step, 1))
	for k := range t.w {
		out[k] = float32((t.total[k] + float64(step-t.stamp[k])*t.w[k]) / steps)
	}
	maskTransitions(out, K)
	return out
}

// Train learns a model from train, keeping the epoch that scores best (F1 over PER, ORG
// and LOC) on dev. Sentences must carry their tags (see Tag). Progress goes to log.
func Train(train, dev []Sentence, opt TrainOptions, log io.Writer) (*Model, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("ner: no training sentences")
	}
	if opt.Epochs < 1 {
		opt.Epochs = 1
	}
	types := defaultTypes
	K := 1 + 4*len(types)
	tr := learn.NewTrainer(K)
	trans := newTransTrainer((K + 1) * K)
	cur := make([]float32, (K+1)*K)
	var (
		s      sentence
		v      viterbi
		feats  []uint64
		offs   []int
		gold   []int
		step   int64
		best   *Model
		bestF1 = -1.0
		lowerW []string
	)
	counter := newCaseCounter()
	for i := range train {
		counter.add(train[i].Words)
	}
	for _, words := range opt.CaseText {
		counter.add(words)
	}
	lex := counter.table()
	names := buildNameTable(opt.NameText)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	lowered := make([]bool, len(train))
	for i := range lowered {
		lowered[i] = rng.Float64() < opt.LowercaseRate
	}
	preds := predecessors(K)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		start := time.Now()
		errs, tokens := 0, 0
		trans.current(K, cur)
		for _, idx := range learn.Shuffled(len(train), opt.Seed, uint64(epoch)) {
			sent := &train[idx]
			n := len(sent.Words)
			if n == 0 {
				continue
			}
			words := sent.Words
			if lowered[idx] {
				lowerW = lowerW[:0]
				for _, w := range words {
					lowerW = append(lowerW, strings.ToLower(w))
				}
				words = lowerW
			}
			s.prepare(words, sent.UPOS, sent.XPOS, opt.Gazetteer, lex, names, opt.Clusters)
			feats, offs = feats[:0], offs[:0]
			emit := v.emissions(n, K)
			for i := 0; i < n; i++ {
				offs = append(offs, len(feats))
				feats = s.features(feats, i)
				tr.Scores(feats[offs[i]:], emit[i*K:(i+1)*K])
			}
			offs = append(offs, len(feats))
			guess := v.decode(n, K, cur, preds)
			gold = grow(gold, n)
			goldLabels(sent, types, gold)
			changed := false
			for i := 0; i < n; i++ {
				step++
				tr.Learn(feats[offs[i]:offs[i+1]], gold[i], guess[i])
				gp, pp := K, K // the start row
				if i > 0 {
					gp, pp = gold[i-1], guess[i-1]
				}
				if gp != pp || gold[i] != guess[i] {
					trans.bump(gp*K+gold[i], step, 1)
					trans.bump(pp*K+guess[i], step, -1)
					changed = true
				}
				if gold[i] != guess[i] {
					errs++
				}
			}
			tokens += n
			if changed {
				trans.current(K, cur)
			}
		}
		m := &Model{
			types:     types,
			weights:   tr.Freeze(learn.FreezeOptions{MinWeight: opt.MinWeight}),
			trans:     trans.averaged(K, step),
			lex:       lex,
			names:     names,
			clusters:  opt.Clusters,
			gazetteer: opt.Gazetteer != nil,
		}
		if err := m.layout(); err != nil {
			return nil, err
		}
		line := fmt.Sprintf("epoch %d: train label errors %.2f%%, %d features", epoch, 100*float64(errs)/float64(max(tokens, 1)), m.weights.Features())
		f1 := math.NaN()
		if len(dev) > 0 {
			sc := Evaluate(m, dev, opt.Gazetteer)
			f1 = sc.F1
			line += fmt.Sprintf(", dev P=%.2f R=%.2f F1=%.2f (PER %.2f ORG %.2f LOC %.2f)", sc.P, sc.R, sc.F1,
				sc.PerType["PER"].F1, sc.PerType["ORG"].F1, sc.PerType["LOC"].F1)
		}
		if log != nil {
			fmt.Fprintf(log, "%s, %.1fs\n", line, time.Since(start).Seconds())
		}
		if len(dev) == 0 || f1 > bestF1 {
			bestF1, best = f1, m
			best.info = fmt.Sprintf("%s; epoch %d of %d, seed %d, lowercase %.2f, min weight %g", opt.Info, epoch, opt.Epochs, opt.Seed, opt.LowercaseRate, opt.MinWeight)
			if len(dev) > 0 {
				best.info += fmt.Sprintf(", dev F1 %.2f", f1)
			}
		}
	}
	return best, nil
}

// isPlaceKind reports whether a gazetteer label names a country or city.
func isPlaceKind(kind string) bool {
	switch kind {
	case "country", "capital", "city", "GPE", "LOC":
		return true
	}
	return false
}

// edgeWords are the lower-case words GMB starts names with that are not part of them.
var edgeWords = map[string]bool{
	"the": true, "of": true, "and": true, "for": true,
	"southern": true, "northern": true, "eastern": true, "western": true, "central": true,
	"northwest": true, "northeast": true, "southwest": true, "southeast": true,
	"northwestern": true, "northeastern": true, "southwestern": true, "southeastern": true,
	"south": true, "north": true, "east": true, "west": true,
}

// trailingWords are the lower-case words GMB ends names with that are not part of them.
var trailingWords = map[string]bool{"the": true, "of": true, "and": true, "for": true}

// SplitHyphens re-tokenizes a sentence's hyphenated words as Herald's segment stage and UD
// English do ("Kassym-Jomart" is Kassym - Jomart, "al-Qaida" al - Qaida), keeping the
// spans on the same words. GMB writes them as one token, and a model trained on that
// would never see a name with a hyphen token in it. A lower-case prefix that segment keeps
// whole ("anti-war", "co-operate") stays whole here too.
func SplitHyphens(s Sentence) Sentence {
	split := false
	for _, w := range s.Words {
		split = split || splitsAtHyphen(w)
	}
	if !split {
		return s
	}
	out := Sentence{ID: s.ID, Line: s.Line}
	starts := make([]int, len(s.Words)+1) // the new index of each old word
	for i, w := range s.Words {
		starts[i] = len(out.Words)
		if !splitsAtHyphen(w) {
			out.Words = append(out.Words, w)
			continue
		}
		for k, part := range strings.Split(w, "-") {
			if k > 0 {
				out.Words = append(out.Words, "-")
			}
			if part != "" {
				out.Words = append(out.Words, part)
			}
		}
	}
	starts[len(s.Words)] = len(out.Words)
	for _, sp := range s.Spans {
		out.Spans = append(out.Spans, Span{Start: starts[sp.Start], End: starts[sp.End], Type: sp.Type})
	}
	return out
}

// splitsAtHyphen reports whether segment would split w at its hyphens: letters or digits
// on both sides of every hyphen, and no lower-case prefix that stays whole.
func splitsAtHyphen(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i == len(w)-1 || strings.Contains(w, "--") || w[len(w)-1] == '-' {
		return false
	}
	return !keptPrefixes[w[:i]]
}

// keptPrefixes are the prefixes segment leaves attached ("anti-war").
var keptPrefixes = map[string]bool{
	"anti": true, "pro": true, "non": true, "pre": true, "post": true, "co": true, "re": true,
	"ex": true, "self": true, "multi": true, "semi": true, "sub": true, "inter": true,
	"mid": true, "counter": true, "cross": true, "e": true, "neo": true, "over": true, "under": true,
}
