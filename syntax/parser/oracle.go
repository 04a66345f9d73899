package parser

// The dynamic oracle of Goldberg and Nivre 2013 for arc-hybrid: the cost of a transition is
// the number of gold arcs it makes unreachable. gold holds the gold head of every word in
// the state's numbering (ROOT = n+1), goldLab its label index.
//
//	SHIFT     b0 can no longer take a head from the stack below s0, nor a dependent from
//	          the stack.
//	LEFT      s0 can no longer take a head from s1 or the buffer after b0, nor dependents
//	          from the buffer.
//	RIGHT     s0 can no longer take a head from the buffer, nor dependents from it.
//
// The costs are exact for projective gold trees, which is why training trees are lifted
// to projective ones first.

func (s *state) shiftCost(gold []int32) int {
	b := s.b
	cost := 0
	for k, w := range s.stack {
		if gold[w] == b {
			cost++
		}
		if gold[b] == w && k < len(s.stack)-1 {
			cost++
		}
	}
	return cost
}

// bufferDependents counts the gold dependents of w still in the buffer.
func (s *state) bufferDependents(w int32, gold []int32) int {
	cost := 0
	for d := s.b; d <= s.n; d++ {
		if gold[d] == w {
			cost++
		}
	}
	return cost
}

func (s *state) leftCost(gold []int32) int {
	s0, s1 := s.s(0), s.s(1)
	cost := s.bufferDependents(s0, gold)
	h := gold[s0]
	if h != s.b && ((s1 != 0 && h == s1) || h > s.b) {
		cost++
	}
	return cost
}

func (s *state) rightCost(gold []int32) int {
	s0 := s.s(0)
	cost := s.bufferDependents(s0, gold)
	if gold[s0] >= s.b {
		cost++
	}
	return cost
}

// projectivize lifts non-projective arcs until the tree is projective: the shortest
// non-projective arc h → d becomes head(h) → d, as in Nivre and Nilsson 2005 (without their
// label encoding, so the lifts cannot be undone at parse time). heads are 1-based with
// 0 for the root and are changed in place; it returns the number of lifts.
func projectivize(heads []int32) int {
	lifts := 0
	for lifts <= len(heads)*len(heads) { // each lift shortens a path, so this bound is never reached
		d := shortestNonProjective(heads)
		if d < 0 {
			break
		}
		heads[d] = heads[heads[d]-1]
		lifts++
	}
	return lifts
}

// shortestNonProjective is the 0-based index of the dependent of the shortest
// non-projective arc, or -1 when the tree is projective. An arc h → d is projective when
// h dominates every word between them.
func shortestNonProjective(heads []int32) int {
	best, bestLen := -1, 0
	for d := range heads {
		h := int(heads[d]) - 1 // 0-based head, -1 for the root
		if h < 0 {
			continue
		}
		lo, hi := min(h, d), max(h, d)
		if best >= 0 && hi-lo >= bestLen {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !dominates(heads, h, k) {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

// dominates reports whether word h (0-based) is an ancestor of word k.
func dominates(heads []int32, h, k int) bool {
	for steps := 0; steps <= len(heads); steps++ {
		p := int(heads[k]) - 1
		if p < 0 {
			return false
		}
		if p == h {
			return true
		}
		k = p
	}
	return false // a cycle: not a tree, never dominated
}
