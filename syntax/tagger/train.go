package tagger

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"herald/conllu"
	"herald/learn"
	"herald/syntax/wordclass"
)

// TrainOptions control training. DefaultTrainOptions gives the settings the shipped
// model was trained with.
type TrainOptions struct {
	// Epochs is the number of passes over the training data. After each, the model is
	// scored on dev and the best epoch is kept.
	Epochs int
	// Seed fixes the order of the sentences and which ones are recased: the same data
	// and seed give the same model bytes.
	Seed uint64
	// CapsFraction of the training sentences are upper-cased in each epoch, and
	// TitleFraction title-cased, so that headlines do not look like strings of proper
	// nouns.
	CapsFraction, TitleFraction float64
	// DictMinCount is how often a form must have been seen to enter the tag dictionary.
	DictMinCount int
	// FastMinCount and FastMinShare pick the forms tagged without scoring: seen at least
	// FastMinCount times, with one class at least FastMinShare of the time.
	FastMinCount int
	FastMinShare float64
	// RetrainWithDev, once the epoch has been chosen on dev, trains again from scratch on
	// train and dev together for that many epochs and returns that model. Every setting,
	// the epoch count included, is thus fixed on dev by the train-only model, whose dev
	// accuracy the model's Info reports; the final model has seen 12% more data. It is
	// off by default: the shipped model is trained on train only, so that its dev score
	// stays an honest held-out figure.
	RetrainWithDev bool
	// MinWeight prunes averaged weights smaller than it, to keep the model file small.
	MinWeight float32
	// CoarseMinWeight prunes the UPOS perceptrons' weights likewise. Their weights are
	// pooled over the XPOS of a UPOS, so they grow larger and bear harder pruning.
	CoarseMinWeight float32
	// Clusters, when set, adds the word clusters of the word and its neighbours to the
	// features; the model keeps a copy.
	Clusters *wordclass.Classes
	// Demonyms are nationality words ("Kazakh", "Chileans"), in any case; the model keeps
	// them and marks them with a feature. They come from the gazetteer, which the
	// caller reads, so that this package does not depend on entity recognition.
	Demonyms []string
	// Seeds is the number of taggers trained, with seeds Seed, Seed+1, …, each keeping
	// its best epoch on dev, whose unpruned weights are averaged into the model before
	// pruning (default 1). The average tags as fast as one tagger.
	Seeds int
	// DemonymSwap is the share of the demonyms of the training text replaced, in each
	// epoch, by another from Demonyms (singular for singular, plural for plural). EWT
	// has a few dozen demonyms, all frequent enough that the tagger learns them word by
	// word; swapping in the ones it never saw teaches it what the demonym feature says
	// of an unknown word.
	DemonymSwap float64
}

// DefaultTrainOptions are the settings of the shipped model.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{
		Epochs:          12,
		Seed:            1,
		CapsFraction:    0.03,
		TitleFraction:   0.01,
		DictMinCount:    3,
		FastMinCount:    20,
		FastMinShare:    0.995,
		MinWeight:       0.75,
		CoarseMinWeight: 1.5,
		DemonymSwap:     0.5,
	}
}

// Accuracy is the share of words tagged right.
type Accuracy struct {
	Words            int
	UPOS, XPOS, Both float64
}

func (a Accuracy) String() string {
	return fmt.Sprintf("UPOS %.2f%%  XPOS %.2f%%  both %.2f%%  (%d words)", 100*a.UPOS, 100*a.XPOS, 100*a.Both, a.Words)
}

// Evaluate tags every sentence with m, as tagging does, and compares with the gold tags.
func Evaluate(m *Model, gold []*conllu.Sentence) Accuracy {
	return evaluate(m.NewTagger(), gold)
}

// evaluate is Evaluate with a given Tagger: training picks its epoch with one that
// scores every word in both passes (NewTrainingTagger).
func evaluate(t *Tagger, gold []*conllu.Sentence) Accuracy {
	var words, upos, xpos []string
	var a Accuracy
	var rightU, rightX, rightBoth int
	for _, s := range gold {
		words, upos, xpos = words[:0], upos[:0], xpos[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			upos = append(upos, "")
			xpos = append(xpos, "")
		}
		t.Tag(words, upos, xpos)
		for i, w := range s.Words {
			u, x := upos[i] == w.UPOS, xpos[i] == w.XPOS
			if u {
				rightU++
			}
			if x {
				rightX++
			}
			if u && x {
				rightBoth++
			}
		}
		a.Words += len(s.Words)
	}
	if a.Words > 0 {
		n := float64(a.Words)
		a.UPOS, a.XPOS, a.Both = float64(rightU)/n, float64(rightX)/n, float64(rightBoth)/n
	}
	return a
}

// Train learns a tagger from train, choosing the epoch by its accuracy on dev (both tags
// right), and with opt.RetrainWithDev retrains on train and dev for that many epochs.
// Progress goes to log, one line per epoch.
func Train(train, dev []*conllu.Sentence, opt TrainOptions, log io.Writer) (*Model, error) {
	if log == nil {
		log = io.Discard
	}
	m, err := trainSeeds(train, dev, opt, log, false)
	if err != nil || !opt.RetrainWithDev || len(dev) == 0 {
		return m, err
	}
	fmt.Fprintf(log, "retraining on train and dev for %d epochs\n", m.epoch)
	chosen := opt
	chosen.Epochs = m.epoch
	all := append(slices.Clip(train), dev...)
	final, err := trainSeeds(all, nil, chosen, log, true)
	if err != nil {
		return nil, err
	}
	final.meta = fmt.Sprintf("UD English-EWT train+dev, %d sentences; %d epochs, seed %d, as chosen on dev by the model trained on train alone: %s",
		len(all), m.epoch, opt.Seed, m.meta)
	return final, nil
}

// trainSeeds is train1, or with opt.Seeds > 1 the average of that many taggers trained
// side by side with consecutive seeds. The taggers share their classes and dictionaries,
// which depend on the training data alone, so their weights can be averaged; they are
// averaged in seed order, so the result does not depend on scheduling.
func trainSeeds(train, dev []*conllu.Sentence, opt TrainOptions, log io.Writer, keepLast bool) (*Model, error) {
	if opt.Seeds <= 1 {
		return train1(train, dev, opt, log, keepLast)
	}
	models := make([]*Model, opt.Seeds)
	errs := make([]error, opt.Seeds)
	var wg sync.WaitGroup
	for k := range models {
		o := opt
		o.Seed = opt.Seed + uint64(k)
		o.MinWeight, o.CoarseMinWeight = 0, 0 // pruned after averaging
		wg.Add(1)
		go func() {
			defer wg.Done()
			models[k], errs[k] = train1(train, dev, o, io.Discard, keepLast)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	average := func(get func(*Model) *learn.Model, minWeight float32) *learn.Model {
		ms := make([]*learn.Model, len(models))
		for k, m := range models {
			ms[k] = get(m)
		}
		return learn.Average(ms, minWeight)
	}
	m := models[0]
	m.first = pass{
		joint:  average(func(m *Model) *learn.Model { return m.first.joint }, opt.MinWeight),
		coarse: average(func(m *Model) *learn.Model { return m.first.coarse }, opt.CoarseMinWeight),
	}
	m.second = pass{
		joint:  average(func(m *Model) *learn.Model { return m.second.joint }, opt.MinWeight),
		coarse: average(func(m *Model) *learn.Model { return m.second.coarse }, opt.CoarseMinWeight),
	}
	var err error
	if m.weights, err = newTable(m.first, m.second); err != nil {
		return nil, err
	}
	epochs := make([]string, len(models))
	for k, mk := range models {
		epochs[k] = fmt.Sprint(mk.epoch)
	}
	var acc Accuracy
	if len(dev) > 0 {
		acc = evaluate(m.NewTrainingTagger(), dev)
	}
	m.meta = fmt.Sprintf("UD treebanks, %d sentences; %d taggers averaged (seeds %d to %d, epochs %s); dev %v",
		len(train), len(models), opt.Seed, opt.Seed+uint64(len(models)-1), strings.Join(epochs, ", "), acc)
	fmt.Fprintf(log, "averaged %d taggers (kept epochs %s): dev %v\n", len(models), strings.Join(epochs, ", "), acc)
	return m, nil
}

// train1 trains on train for opt.Epochs epochs and keeps the epoch best on dev, or with
// keepLast (and no dev) the last.
func train1(train, dev []*conllu.Sentence, opt TrainOptions, log io.Writer, keepLast bool) (*Model, error) {
	if opt.Epochs < 1 {
		return nil, errors.New("tagger: Epochs must be at least 1")
	}
	if len(train) == 0 {
		return nil, errors.New("tagger: no training sentences")
	}
	m, classOf := newModelShell(train)
	m.indexCoarse()
	m.lex = newLexicons(opt.Clusters, opt.Demonyms)
	swaps := newSwaps(opt)
	var folds []map[string]wordEntry
	m.words, folds = dictionaries(train, classOf, opt)
	first, second := newPassTrainer(m), newPassTrainer(m)

	gold := make([][]int, len(train))
	for i, s := range train {
		gold[i] = make([]int, len(s.Words))
		for j, w := range s.Words {
			gold[i][j] = classOf[w.UPOS+" "+w.XPOS]
		}
	}

	var s sentence
	var firstClasses, classes []int
	feats := make([]uint64, 0, maxFeatures)
	scores := make([]float32, len(m.upos))
	coarseScores := make([]float32, m.coarseCount)
	var best, bestSecond pass
	var err error
	bestEpoch, bestScore := 0, -1.0
	var bestAcc Accuracy
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		start := time.Now()
		recase := rand.New(rand.NewPCG(opt.Seed, uint64(epoch)+1<<32))
		right, total := 0, 0
		for _, k := range learn.Shuffled(len(train), opt.Seed, uint64(epoch)) {
			words := forms(train[k], recase, opt, swaps)
			s.prepare(folds[k%dictionaryFolds], &m.lex, words)
			firstClasses = firstClasses[:0]
			for i := range words {
				if f := s.info[i].fast; f >= 0 {
					firstClasses = append(firstClasses, int(f))
					continue
				}
				feats = s.features(feats[:0], i, firstClasses)
				guess := first.predict(m, feats, scores, coarseScores)
				first.learn(m, feats, gold[k][i], guess)
				firstClasses = append(firstClasses, guess)
			}
			classes = classes[:0]
			for i := range words {
				if f := s.info[i].fast; f >= 0 {
					classes = append(classes, int(f))
					continue
				}
				feats = s.features(feats[:0], i, classes)
				feats = s.rightFeatures(feats, i, classes, firstClasses)
				guess := second.predict(m, feats, scores, coarseScores)
				second.learn(m, feats, gold[k][i], guess)
				if guess == gold[k][i] {
					right++
				}
				total++
				classes = append(classes, guess)
			}
		}
		m.first = first.freeze(opt)
		m.second = second.freeze(opt)
		if m.weights, err = newTable(m.first, m.second); err != nil {
			return nil, err
		}
		var acc Accuracy
		if len(dev) > 0 {
			acc = evaluate(m.NewTrainingTagger(), dev)
		}
		fmt.Fprintf(log, "epoch %2d  train %.2f%% (scored words)  dev %v  %.1fs\n",
			epoch+1, 100*float64(right)/float64(max(total, 1)), acc, time.Since(start).Seconds())
		if len(dev) == 0 || keepLast || acc.Both > bestScore {
			best, bestSecond, bestEpoch, bestScore, bestAcc = m.first, m.second, epoch+1, acc.Both, acc
		}
	}
	m.first, m.second, m.epoch = best, bestSecond, bestEpoch
	if m.weights, err = newTable(m.first, m.second); err != nil {
		return nil, err
	}
	m.meta = fmt.Sprintf("UD English-EWT train, %d sentences; epoch %d of %d, seed %d; dev %v",
		len(train), bestEpoch, opt.Epochs, opt.Seed, bestAcc)
	features, weights := 0, 0
	for _, w := range []*learn.Model{best.joint, best.coarse, bestSecond.joint, bestSecond.coarse} {
		features, weights = features+w.Features(), weights+w.Weights()
	}
	fmt.Fprintf(log, "kept epoch %d: %d features, %d weights\n", bestEpoch, features, weights)
	return m, nil
}

// passTrainer trains the perceptrons of one pass.
type passTrainer struct {
	joint, coarse *learn.Trainer
}

func newPassTrainer(m *Model) passTrainer {
	return passTrainer{learn.NewTrainer(len(m.upos)), learn.NewTrainer(m.coarseCount)}
}

// predict is pass.predict under the current weights.
func (p passTrainer) predict(m *Model, feats []uint64, scores, coarseScores []float32) int {
	p.joint.Scores(feats, scores)
	p.coarse.Scores(feats, coarseScores)
	for c := range scores {
		scores[c] += coarseScores[m.coarse[c]]
	}
	return learn.Argmax(scores)
}

// learn updates both perceptrons toward truth: the sum of their scores is what was
// wrong, so both move (the UPOS one only when the UPOS was wrong).
func (p passTrainer) learn(m *Model, feats []uint64, truth, guess int) {
	p.joint.Learn(feats, truth, guess)
	p.coarse.Learn(feats, m.coarse[truth], m.coarse[guess])
}

func (p passTrainer) freeze(opt TrainOptions) pass {
	return pass{
		joint:  p.joint.Freeze(learn.FreezeOptions{MinWeight: opt.MinWeight}),
		coarse: p.coarse.Freeze(learn.FreezeOptions{MinWeight: opt.CoarseMinWeight}),
	}
}

// forms returns the words of s, some sentences upper- or title-cased, some demonyms
// swapped.
func forms(s *conllu.Sentence, r *rand.Rand, opt TrainOptions, sw *swaps) []string {
	words := make([]string, len(s.Words))
	x := r.Float64()
	for i, w := range s.Words {
		form := w.Form
		if sw != nil {
			form = sw.swap(form, w.XPOS, r)
		}
		switch {
		case x < opt.CapsFraction:
			words[i] = strings.ToUpper(form)
		case x < opt.CapsFraction+opt.TitleFraction:
			words[i] = titleCase(form)
		default:
			words[i] = form
		}
	}
	return words
}

// swaps replaces demonyms in training sentences (TrainOptions.DemonymSwap).
type swaps struct {
	rate             float64
	known            map[string]bool // lowercase
	singular, plural []string
}

// newSwaps sorts the demonyms into plurals (those whose form without the final "s" is a
// demonym too: "Kazakhs") and the rest; nil when there is nothing to swap.
func newSwaps(opt TrainOptions) *swaps {
	if opt.DemonymSwap <= 0 || len(opt.Demonyms) == 0 {
		return nil
	}
	sw := &swaps{rate: opt.DemonymSwap, known: map[string]bool{}}
	for _, d := range opt.Demonyms {
		sw.known[strings.ToLower(d)] = true
	}
	list := slices.Clone(opt.Demonyms)
	slices.Sort(list)
	for _, d := range slices.Compact(list) {
		if strings.HasSuffix(d, "s") && sw.known[strings.ToLower(strings.TrimSuffix(d, "s"))] {
			sw.plural = append(sw.plural, d)
		} else {
			sw.singular = append(sw.singular, d)
		}
	}
	return sw
}

// swap returns another demonym for a capitalized demonym form, with the tag's number, or
// the form itself.
func (sw *swaps) swap(form, xpos string, r *rand.Rand) string {
	if form == "" || form[0] < 'A' || form[0] > 'Z' || !sw.known[strings.ToLower(form)] || r.Float64() >= sw.rate {
		return form
	}
	list := sw.singular
	if xpos == "NNPS" || xpos == "NNS" {
		list = sw.plural
	}
	if len(list) == 0 {
		return form
	}
	return list[r.IntN(len(list))]
}

func titleCase(w string) string {
	return string(learn.AppendTitle(nil, []byte(w)))
}

// newModelShell collects the classes of train in a fixed order (by frequency, then
// name), so that the same data always numbers them alike.
func newModelShell(train []*conllu.Sentence) (*Model, map[string]int) {
	counts := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			counts[w.UPOS+" "+w.XPOS]++
		}
	}
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	m := &Model{}
	classOf := make(map[string]int, len(names))
	for i, name := range names {
		u, x, _ := strings.Cut(name, " ")
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
		classOf[name] = i
	}
	return m, classOf
}

// dictionaryFolds is how many parts the training data is cut into for the tag
// dictionary. A sentence is tagged in training with a dictionary built from the other
// parts ("jackknifing"), so that its rare words are as often missing from the dictionary
// as new text's are; with the full dictionary the weights learn to trust it too much
// (0.8 points of dev accuracy lost with a minimum count of 1).
const dictionaryFolds = 10

// dictionaries builds the model's tag dictionary from all of train, and one per fold from
// the sentences outside it. Sentence k belongs to fold k % dictionaryFolds.
func dictionaries(train []*conllu.Sentence, classOf map[string]int, opt TrainOptions) (full map[string]wordEntry, folds []map[string]wordEntry) {
	ids := map[string]uint16{}
	full = buildDictionary(train, -1, classOf, ids, opt)
	for k := 0; k < dictionaryFolds; k++ {
		folds = append(folds, buildDictionary(train, k, classOf, ids, opt))
	}
	// The fast path tags a frequent word the same way whatever the fold.
	for _, fold := range folds {
		for f, e := range fold {
			e.fast = -1
			if fe, ok := full[f]; ok {
				e.fast = fe.fast
			}
			fold[f] = e
		}
	}
	return full, folds
}

// buildDictionary records, for each form seen at least DictMinCount times in the
// sentences outside fold skip (-1 for none), the set of classes it was seen with, and
// whether it qualifies for the fast path. ids numbers the sets, shared by all folds.
func buildDictionary(train []*conllu.Sentence, skip int, classOf map[string]int, ids map[string]uint16, opt TrainOptions) map[string]wordEntry {
	perForm := map[string]map[int]int{}
	for k, s := range train {
		if k%dictionaryFolds == skip {
			continue
		}
		for _, w := range s.Words {
			c := perForm[w.Form]
			if c == nil {
				c = map[int]int{}
				perForm[w.Form] = c
			}
			c[classOf[w.UPOS+" "+w.XPOS]]++
		}
	}
	forms := make([]string, 0, len(perForm))
	for f := range perForm {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	words := map[string]wordEntry{}
	for _, f := range forms {
		counts := perForm[f]
		total, top, topClass := 0, 0, 0
		set := make([]int, 0, len(counts))
		for c, n := range counts {
			total += n
			set = append(set, c)
			if n > top || (n == top && c < topClass) {
				top, topClass = n, c
			}
		}
		if total < opt.DictMinCount {
			continue
		}
		slices.Sort(set)
		key := fmt.Sprint(set)
		id, ok := ids[key]
		if !ok {
			id = uint16(min(len(ids)+1, math.MaxUint16))
			ids[key] = id
		}
		e := wordEntry{ambiguity: id, fast: -1}
		if total >= opt.FastMinCount && float64(top) >= opt.FastMinShare*float64(total) {
			e.fast = int16(topClass)
		}
		words[f] = e
	}
	return words
}

func newLexicons(clusters *wordclass.Classes, demonyms []string) lexicons {
	lex := lexicons{clusters: clusters}
	if len(demonyms) > 0 {
		lex.demonyms = make(map[string]struct{}, len(demonyms))
		for _, d := range demonyms {
			lex.demonyms[string(learn.AppendLower(nil, d))] = struct{}{}
		}
	}
	return lex
}
