package parser

import "slices"

// Beam search keeps the best few transition sequences instead of committing to the best
// next move, so an early mistake can be outscored later. A sequence scores the sum of its
// moves' scores, and the model is trained for that sum (a structured perceptron with
// max-violation updates, Huang, Fayong and Guo 2012), not move by move. In arc-hybrid
// every sequence for n words has exactly 2n moves, so the sequences in the beam always
// have the same length and end together.

// candidate is one move out of one beam item.
type candidate struct {
	score  float64
	parent int32 // index in the current beam
	class  int32
}

// better orders candidates by score, then by parent and class, so that ties break the
// same way on every run.
func (c candidate) better(d candidate) bool {
	if c.score != d.score {
		return c.score > d.score
	}
	if c.parent != d.parent {
		return c.parent < d.parent
	}
	return c.class < d.class
}

// beam holds the items of a search and their scratch, reused from sentence to sentence.
type beam struct {
	width      int
	margin     float64 // parsing only: drop candidates scoring this far below the best (0: none)
	first      state   // the initial configuration, which owns the words' attributes
	cur, next  []*state
	score      []float64 // of cur
	nextScore  []float64
	gold       []bool // cur[k] is the gold sequence so far (training only)
	nextGold   []bool
	cands      []candidate
	items      int // items in cur
	feats      []uint64
	classScore []float32
}

func newBeam(width, classes int) *beam {
	b := &beam{width: width, feats: make([]uint64, 0, maxFeatures), classScore: make([]float32, classes)}
	for range width {
		b.cur = append(b.cur, new(state))
		b.next = append(b.next, new(state))
	}
	b.score = make([]float64, width)
	b.nextScore = make([]float64, width)
	b.gold = make([]bool, width)
	b.nextGold = make([]bool, width)
	b.cands = make([]candidate, 0, width)
	return b
}

// start puts the initial configuration of the sentence in the beam.
func (b *beam) start(n int, words, upos, xpos []string, m *Model) {
	b.first.reset(n)
	b.first.setWords(words, upos, xpos, m.vocab, m.clusters)
	b.cur[0].copyFrom(&b.first)
	b.items = 1
	b.score[0] = 0
	b.gold[0] = true
}

// legal calls fn for every legal class of the state.
func (m *Model) legal(s *state, fn func(class int32)) {
	L := int32(len(m.labels))
	if s.canShift() {
		fn(0)
	}
	if s.canLeft() {
		if s.rootOnly() {
			fn(1 + m.root)
		} else {
			for l := int32(0); l < L; l++ {
				if l != m.root {
					fn(1 + l)
				}
			}
		}
	}
	if s.canRight() {
		for l := int32(0); l < L; l++ {
			if l != m.root {
				fn(1 + L + l)
			}
		}
	}
}

// forced reports that the state has a single legal move, which then scores nothing: a
// shift onto an empty stack, and the last word's attachment to the root.
func forced(s *state) bool {
	return len(s.stack) == 0 || (s.rootOnly() && len(s.stack) == 1)
}

// offer adds a candidate if it is among the best width seen so far.
func (b *beam) offer(c candidate) {
	n := len(b.cands)
	if n == b.width {
		if !c.better(b.cands[n-1]) {
			return
		}
		n--
		b.cands = b.cands[:n]
	}
	b.cands = append(b.cands, c)
	for i := n; i > 0 && b.cands[i].better(b.cands[i-1]); i-- {
		b.cands[i], b.cands[i-1] = b.cands[i-1], b.cands[i]
	}
}

// expand scores every move of every item with score (which fills classScore for a
// state's features) and moves the best width of them into the beam. goldClass, when not
// negative, is the gold move at this step, and the gold flags follow it.
func (b *beam) expand(m *Model, score func(feats []uint64, out []float32), goldClass int32) {
	b.cands = b.cands[:0]
	for k := 0; k < b.items; k++ {
		s := b.cur[k]
		base := b.score[k]
		if forced(s) {
			m.legal(s, func(c int32) { b.offer(candidate{base, int32(k), c}) })
			continue
		}
		b.feats = s.features(b.feats)
		score(b.feats, b.classScore)
		m.legal(s, func(c int32) {
			b.offer(candidate{base + float64(b.classScore[c]), int32(k), c})
		})
	}
	if b.margin > 0 {
		// Candidates far below the best are dropped: where the model is sure, the beam
		// narrows, and the next step scores fewer items.
		keep := 1
		for keep < len(b.cands) && b.cands[keep].score >= b.cands[0].score-b.margin {
			keep++
		}
		b.cands = b.cands[:keep]
	}
	for i, c := range b.cands {
		t := b.next[i]
		t.copyFrom(b.cur[c.parent])
		move, lab := m.decode(int(c.class))
		t.apply(move, lab)
		b.nextScore[i] = c.score
		b.nextGold[i] = goldClass >= 0 && b.gold[c.parent] && c.class == goldClass
	}
	b.items = len(b.cands)
	b.cur, b.next = b.next, b.cur
	b.score, b.nextScore = b.nextScore, b.score
	b.gold, b.nextGold = b.nextGold, b.gold
}

// copyFrom makes s a copy of o, reusing s's buffers for the parts that change.
func (s *state) copyFrom(o *state) {
	s.n, s.b, s.clusters = o.n, o.b, o.clusters
	s.stack = append(s.stack[:0], o.stack...)
	s.head = append(s.head[:0], o.head...)
	s.label = append(s.label[:0], o.label...)
	s.lc1 = append(s.lc1[:0], o.lc1...)
	s.lc2 = append(s.lc2[:0], o.lc2...)
	s.rc1 = append(s.rc1[:0], o.rc1...)
	s.rc2 = append(s.rc2[:0], o.rc2...)
	s.nl = append(s.nl[:0], o.nl...)
	s.nr = append(s.nr[:0], o.nr...)
	s.lset = append(s.lset[:0], o.lset...)
	s.rset = append(s.rset[:0], o.rset...)
	// The words' attributes never change during a parse: every item shares those of
	// the first.
	s.word, s.xtag, s.utag, s.fine, s.coarse = o.word, o.xtag, o.utag, o.fine, o.coarse
}

// parseBeam parses with the model's beam width, leaving the best sequence's tree in
// p.beam.cur[0].
func (p *Parser) parseBeam(n int, words, upos, xpos []string) *state {
	b := p.beam
	b.start(n, words, upos, xpos, p.m)
	score := func(feats []uint64, out []float32) {
		p.sink += p.m.weights.Scores(feats, p.scores, p.runs)
		for i, v := range p.scores {
			out[i] = float32(v) // exact: a sum of 136 int16 weights
		}
	}
	for !b.cur[0].terminal() {
		b.expand(p.m, score, -1)
	}
	return b.cur[0]
}

// goldSequence is the gold tree's transition sequence: at each step the first move of
// LEFT, RIGHT and SHIFT that loses no gold arc, with the gold label. For the projective
// trees that training uses (see projectivize) one of them always costs nothing.
func (t *trainer) goldSequence(ex *example, out []int32) []int32 {
	out = out[:0]
	s := &t.gold
	s.reset(len(ex.words))
	L := int32(len(t.m.labels))
	for !s.terminal() {
		s0 := s.s(0)
		var class int32
		switch {
		case s.canLeft() && s.leftCost(ex.gold) == 0 && ex.gold[s0] == s.b:
			class = 1 + ex.goldLab[s0]
			if s.rootOnly() {
				class = 1 + t.m.root
			}
		case s.canRight() && s.rightCost(ex.gold) == 0 && ex.gold[s0] == s.s(1):
			class = 1 + L + ex.goldLab[s0]
		default:
			class = 0
		}
		out = append(out, class)
		move, lab := t.m.decode(int(class))
		s.apply(move, lab)
	}
	return out
}

// beamSentence trains on one sentence with beam search: it follows the gold sequence and
// the beam side by side and, where the best item outscores the gold prefix by the most
// (the maximum violation), moves the weights toward the gold prefix's moves and away from
// the best item's.
func (t *trainer) beamSentence(ex *example) {
	t.tr.Tick()
	upos, xpos := ex.upos, ex.xpos
	n := len(ex.words)
	t.goldSeq = t.goldSequence(ex, t.goldSeq)
	b := t.beam
	b.start(n, ex.words, upos, xpos, t.m)
	// trail[step][k] is how beam item k of that step was reached.
	if cap(t.trail) < len(t.goldSeq) {
		t.trail = make([][]candidate, len(t.goldSeq))
	}
	t.trail = t.trail[:len(t.goldSeq)]
	goldScore := 0.0
	worst, worstStep := 0.0, -1
	g := &t.gold
	g.reset(n)
	g.setWords(ex.words, upos, xpos, t.m.vocab, t.m.clusters)
	score := func(feats []uint64, out []float32) { t.tr.Scores(feats, out) }
	for step, gc := range t.goldSeq {
		if !forced(g) {
			t.feats = g.features(t.feats)
			t.tr.Scores(t.feats, t.scores)
			goldScore += float64(t.scores[gc])
		}
		move, lab := t.m.decode(int(gc))
		g.apply(move, lab)
		b.expand(t.m, score, gc)
		t.trail[step] = append(t.trail[step][:0], b.cands...)
		t.total++
		if b.gold[0] {
			t.right++
		}
		if v := b.score[0] - goldScore; !b.gold[0] && v >= worst {
			worst, worstStep = v, step
		}
	}
	if worstStep < 0 {
		return
	}
	// The best item's moves up to the violation, read back through the trail.
	pred := t.pred[:0]
	for step, k := worstStep, int32(0); step >= 0; step-- {
		c := t.trail[step][k]
		pred = append(pred, c.class)
		k = c.parent
	}
	slices.Reverse(pred)
	t.pred = pred
	t.update(ex, t.goldSeq[:worstStep+1], +1)
	t.update(ex, pred, -1)
}

// update replays a move sequence from the start of the sentence and adds delta to the
// weight of each move for the features of the state it was made in.
func (t *trainer) update(ex *example, seq []int32, delta float32) {
	s := &t.st
	s.reset(len(ex.words))
	s.setWords(ex.words, ex.upos, ex.xpos, t.m.vocab, t.m.clusters)
	for _, c := range seq {
		if !forced(s) {
			t.feats = s.features(t.feats)
			t.tr.Add(t.feats, int(c), delta)
		}
		move, lab := t.m.decode(int(c))
		s.apply(move, lab)
	}
}
