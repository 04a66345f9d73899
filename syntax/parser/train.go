package parser

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"herald/conllu"
	"herald/learn"
	"herald/syntax/wordclass"
)

// TrainOptions control training. The zero value of a field means its default.
type TrainOptions struct {
	// Epochs is the number of passes over the training set (default 8).
	Epochs int
	// Seed fixes the order of the sentences and the exploration: the same seed and data
	// give the same model bytes.
	Seed uint64
	// ExploreFrom is the first epoch (1-based) in which the parser follows its own
	// predictions, mistakes included, so that it learns to recover from them (default 2).
	ExploreFrom int
	// ExploreProb is the probability of following the prediction rather than the best
	// gold transition once exploring (default 0.9; negative means never).
	ExploreProb float64
	// MinWeight prunes averaged weights smaller than it, to keep the model file small.
	MinWeight float32
	// TagNoise is the rate at which training tags are replaced by a typical tagger
	// confusion, so that the parser learns not to trust predicted tags blindly (0: off).
	TagNoise float64
	// Clusters, when set, adds word cluster features; the model keeps a copy. They pay
	// only with enough text behind them: clusters of 4M words of news gained 0.7 UAS on
	// EWT dev, those of the 1.25M words of GMB and EWT train lost 0.2, so the shipped
	// model goes without.
	Clusters *wordclass.Classes
	// Seeds is the number of parsers trained, with seeds Seed, Seed+1, …, whose weights
	// are averaged into the model (default 1).
	Seeds int
	// Beam is the beam width (default 1: a greedy parser trained with the dynamic
	// oracle). Wider beams train a structured perceptron that parses with that width.
	Beam int
	// Tags, when set, replaces the gold tags of the training sentences (for instance
	// with jackknifed tagger output); it is called once per sentence before training.
	Tags func(i int, words, upos, xpos []string)
}

// DefaultTrainOptions are the settings of the shipped model, chosen by LAS on EWT dev
// with predicted tags: 8 epochs (the curve is flat from 7 to 12), exploration with
// probability 0.9 from the second epoch (0.5 and 1.0 were worse), and weights below 1.5
// pruned (a 5 MB file instead of 20 MB, for 0.06 LAS). The shipped model also trains on
// jackknifed tags (Tags), which the caller supplies, and averages three seeds (`herald
// train parser --seeds 3`): on EWT dev UAS 84.81 to 84.83 and LAS 81.50 to 81.59, with a
// smaller file (4.4 MB) that parses faster.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 8, Seed: 1, ExploreFrom: 2, ExploreProb: 0.9, MinWeight: 1.5}
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 8
	}
	if o.ExploreFrom <= 0 {
		o.ExploreFrom = 2
	}
	if o.ExploreProb == 0 {
		o.ExploreProb = 0.9
	}
}

// example is a training sentence in the state's numbering.
type example struct {
	words, upos, xpos []string
	gold              []int32 // gold head of word i at gold[i], ROOT = n+1; gold[0] unused
	goldLab           []int32 // label index of word i
}

// Train learns a parser from the training sentences. Dev sentences, if any, are parsed
// after every epoch to log the learning curve; they are never learned from. Progress goes
// to log (may be nil).
func Train(train, dev []*conllu.Sentence, opt TrainOptions, log io.Writer) (*Model, error) {
	seeds := max(opt.Seeds, 1)
	trainers := make([]*trainer, seeds)
	for k := range trainers {
		o := opt
		o.Seed = opt.Seed + uint64(k)
		t, err := newTrainer(train, o, log)
		if err != nil {
			return nil, err
		}
		trainers[k] = t
	}
	if seeds == 1 {
		t := trainers[0]
		for epoch := 1; epoch <= t.options.Epochs; epoch++ {
			t.epoch(epoch, dev)
		}
		return t.freeze(t.options.MinWeight)
	}
	// Several seeds train side by side, each on its own goroutine (they share nothing
	// but the read-only sentences); their unpruned perceptrons are then averaged in seed
	// order, so the result does not depend on scheduling.
	var wg sync.WaitGroup
	for _, t := range trainers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for epoch := 1; epoch <= t.options.Epochs; epoch++ {
				t.epoch(epoch, nil)
			}
		}()
	}
	wg.Wait()
	perceptrons := make([]*learn.Model, seeds)
	for k, t := range trainers {
		perceptrons[k] = t.tr.Freeze(learn.FreezeOptions{})
	}
	m := *trainers[0].m
	if err := m.setPerceptron(learn.Average(perceptrons, trainers[0].options.MinWeight)); err != nil {
		return nil, err
	}
	return &m, nil
}

func newTrainer(train []*conllu.Sentence, opt TrainOptions, log io.Writer) (*trainer, error) {
	opt.defaults()
	if log == nil {
		log = io.Discard
	}
	labels := collectLabels(train)
	m, err := newModel(labels)
	if err != nil {
		return nil, err
	}
	m.vocab = collectVocabulary(train)
	m.clusters = opt.Clusters
	m.beam = max(opt.Beam, 1)
	index := make(map[string]int32, len(labels))
	for i, l := range labels {
		index[l] = int32(i)
	}
	t := &trainer{
		m:        m,
		tr:       learn.NewTrainer(m.classes()),
		scores:   make([]float32, m.classes()),
		feats:    make([]uint64, 0, maxFeatures),
		options:  opt,
		log:      log,
		examples: make([]example, 0, len(train)),
	}
	if m.beam > 1 {
		t.beam = newBeam(m.beam, m.classes())
	}
	nonProjective, lifts := 0, 0
	for i, s := range train {
		ex, lifted, err := newExample(s, index)
		if err != nil {
			return nil, fmt.Errorf("parser: training sentence %d (%s): %w", i+1, s.ID, err)
		}
		if lifted > 0 {
			nonProjective++
			lifts += lifted
		}
		if opt.Tags != nil {
			opt.Tags(i, ex.words, ex.upos, ex.xpos)
		}
		t.examples = append(t.examples, ex)
	}
	fmt.Fprintf(log, "parser: %d training sentences, %d non-projective (%d arcs lifted), %d labels, %d words in the vocabulary\n",
		len(t.examples), nonProjective, lifts, len(labels), len(m.vocab))
	return t, nil
}

// epoch makes one pass over the training sentences in a seeded order.
func (t *trainer) epoch(epoch int, dev []*conllu.Sentence) {
	start := time.Now()
	opt := t.options
	t.rng = rand.New(rand.NewPCG(opt.Seed, uint64(epoch)))
	t.explore = epoch >= opt.ExploreFrom && opt.ExploreProb > 0
	t.right, t.total = 0, 0
	for _, i := range learn.Shuffled(len(t.examples), opt.Seed, uint64(epoch)) {
		if t.beam != nil {
			t.beamSentence(&t.examples[i])
		} else {
			t.sentence(&t.examples[i])
		}
	}
	line := fmt.Sprintf("parser: epoch %d: %.2f%% of training transitions right, %s",
		epoch, 100*float64(t.right)/float64(max(t.total, 1)), time.Since(start).Round(time.Second))
	if len(dev) > 0 {
		if m, err := t.freeze(opt.MinWeight); err != nil {
			line += "; " + err.Error()
		} else {
			score := Evaluate(m, dev, nil)
			line += fmt.Sprintf("; %d features, %d weights, dev UAS %.2f LAS %.2f",
				m.perceptron.Features(), m.perceptron.Weights(), score.UAS, score.LAS)
		}
	}
	fmt.Fprintln(t.log, line)
}

// freeze returns the model averaged so far, weights below minWeight pruned.
func (t *trainer) freeze(minWeight float32) (*Model, error) {
	m := *t.m
	if err := m.setPerceptron(t.tr.Freeze(learn.FreezeOptions{MinWeight: minWeight})); err != nil {
		return nil, err
	}
	return &m, nil
}

// collectVocabulary is the set of words seen at least vocabMinCount times.
func collectVocabulary(train []*conllu.Sentence) vocabulary {
	counts := make(map[uint32]int)
	for _, s := range train {
		for _, w := range s.Words {
			counts[hashLower(w.Form)]++
		}
	}
	v := make(vocabulary)
	for h, c := range counts {
		if c >= vocabMinCount {
			v[h] = struct{}{}
		}
	}
	return v
}

// collectLabels lists the relations of the training set in sorted order, with "root".
func collectLabels(train []*conllu.Sentence) []string {
	seen := map[string]bool{RootLabel: true}
	for _, s := range train {
		for _, w := range s.Words {
			if w.Deprel != "" {
				seen[w.Deprel] = true
			}
		}
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	return labels
}

func newExample(s *conllu.Sentence, index map[string]int32) (example, int, error) {
	n := len(s.Words)
	ex := example{
		words:   make([]string, n),
		upos:    make([]string, n),
		xpos:    make([]string, n),
		gold:    make([]int32, n+2),
		goldLab: make([]int32, n+2),
	}
	heads := make([]int32, n)
	for i, w := range s.Words {
		ex.words[i], ex.upos[i], ex.xpos[i] = w.Form, w.UPOS, w.XPOS
		if w.Head < 0 || w.Head > n {
			return ex, 0, fmt.Errorf("word %d has no head", i+1)
		}
		heads[i] = int32(w.Head)
		lab, ok := index[w.Deprel]
		if !ok {
			return ex, 0, fmt.Errorf("word %d: unknown relation %q", i+1, w.Deprel)
		}
		ex.goldLab[i+1] = lab
	}
	lifted := projectivize(heads)
	for i, h := range heads {
		if h == 0 {
			h = int32(n + 1)
		}
		ex.gold[i+1] = h
	}
	return ex, lifted, nil
}

// trainer runs the dynamic-oracle training of one epoch.
type trainer struct {
	m        *Model
	tr       *learn.Trainer
	st       state
	scores   []float32
	feats    []uint64
	options  TrainOptions
	log      io.Writer
	examples []example
	rng      *rand.Rand
	explore  bool
	// tags with noise, reused per sentence
	upos, xpos []string
	// beam training: the search, the gold configuration and sequence, the trail of
	// every step's items and the best item's moves
	beam          *beam
	gold          state
	goldSeq, pred []int32
	trail         [][]candidate
	right, total  int
}

// sentence parses one training sentence, learning at every step from the gap between the
// best-scoring legal transition and the best-scoring one of least cost.
func (t *trainer) sentence(ex *example) {
	s := &t.st
	n := len(ex.words)
	s.reset(n)
	upos, xpos := ex.upos, ex.xpos
	if t.options.TagNoise > 0 {
		upos, xpos = t.noisyTags(ex)
	}
	s.setWords(ex.words, upos, xpos, t.m.vocab, t.m.clusters)
	L := int32(len(t.m.labels))
	root := t.m.root
	for !s.terminal() {
		t.feats = s.features(t.feats)
		t.tr.Scores(t.feats, t.scores)

		const illegal = 1 << 30
		costShift, costLeft, costRight := illegal, illegal, illegal
		if s.canShift() {
			costShift = s.shiftCost(ex.gold)
		}
		if s.canLeft() {
			costLeft = s.leftCost(ex.gold)
		}
		if s.canRight() {
			costRight = s.rightCost(ex.gold)
		}
		s0, s1 := s.s(0), s.s(1)
		// the labelled cost: attaching to the right head with the wrong label costs one
		leftLabelCost := func(l int32) int {
			if ex.gold[s0] == s.b && ex.goldLab[s0] != l {
				return 1
			}
			return 0
		}
		rightLabelCost := func(l int32) int {
			if ex.gold[s0] == s1 && ex.goldLab[s0] != l {
				return 1
			}
			return 0
		}

		guess, gold := -1, -1
		minCost := illegal
		consider := func(class, cost int) {
			sc := t.scores[class]
			if guess < 0 || sc > t.scores[guess] {
				guess = class
			}
			if cost < minCost || (cost == minCost && sc > t.scores[gold]) {
				gold, minCost = class, cost
			}
		}
		if costShift < illegal {
			consider(0, costShift)
		}
		if costLeft < illegal {
			if s.rootOnly() {
				consider(int(1+root), costLeft+leftLabelCost(root))
			} else {
				for l := int32(0); l < L; l++ {
					if l != root {
						consider(int(1+l), costLeft+leftLabelCost(l))
					}
				}
			}
		}
		if costRight < illegal {
			for l := int32(0); l < L; l++ {
				if l != root {
					consider(int(1+L+l), costRight+rightLabelCost(l))
				}
			}
		}

		guessCost := t.classCost(guess, costShift, costLeft, costRight, leftLabelCost, rightLabelCost)
		truth := gold
		if guessCost == minCost {
			truth = guess // the model's choice is as good as any: no update
			t.right++
		}
		t.total++
		t.tr.Learn(t.feats, truth, guess)

		next := truth
		if t.explore && t.rng.Float64() < t.options.ExploreProb {
			next = guess
		}
		move, lab := t.m.decode(next)
		s.apply(move, lab)
	}
}

func (t *trainer) classCost(class, costShift, costLeft, costRight int, leftLabel, rightLabel func(int32) int) int {
	move, lab := t.m.decode(class)
	switch move {
	case shift:
		return costShift
	case left:
		return costLeft + leftLabel(lab)
	default:
		return costRight + rightLabel(lab)
	}
}

// decode splits a class number into a move and a label index.
func (m *Model) decode(class int) (move int, lab int32) {
	L := len(m.labels)
	switch {
	case class == 0:
		return shift, 0
	case class <= L:
		return left, int32(class - 1)
	default:
		return right, int32(class - 1 - L)
	}
}
