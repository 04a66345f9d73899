package event

import (
	"fmt"
	"slices"
	"strings"

	"herald/document"
	"herald/lexicon/petrarch"
)

// match is the outcome of matching a verb's patterns against its clause.
type match struct {
	code, rule string
	// score is the number of pattern elements matched; 0 for the verb's own code.
	score int
	// source and target are the tokens the pattern names as the actors ($ and +), -1
	// when it names none.
	source, target int
	// negative is set when the pattern itself spells a negation ("&NEGATVAUXVRB *
	// OVER EFFORTS"): its code is that of the negated act, not to be marked again.
	negative bool
	// compound is set when the pattern's '%' matched a compound actor.
	compound bool
}

// hasConjunct reports whether nominal n is coordinated with another.
func hasConjunct(s *sentence, n int) bool {
	for _, k := range s.children[n] {
		if s.rel(k) == "conj" {
			return true
		}
	}
	return false
}

// bestMatch matches every pattern of the verb's block against the clause and returns the
// most specific match (the most elements matched; the first in the file among equals),
// else the verb's own code.
func (c *Coder) bestMatch(cl *clause, e verbEntry) match {
	best := match{code: e.verb.Code, source: -1, target: -1,
		rule: fmt.Sprintf("%s [%s] (%s:%d)", e.block.Name, e.verb.Code, e.block.File, e.verb.Line)}
	if best.code == "" {
		best.code = e.block.Code
	}
	for pi := range e.block.Patterns {
		p := &e.block.Patterns[pi]
		m, ok := c.matchPattern(cl, p)
		if ok && m.score > best.score {
			m.code = p.Code
			m.negative = negativePattern(p.Text)
			m.rule = fmt.Sprintf("%s %s (%s:%d)", e.block.Name, p.Text, e.block.File, p.Line)
			best = m
		}
	}
	return best
}

// matchPattern matches one pattern. Noun phrases after the verb ('*') are looked for in
// its objects; prepositional phrases among its prepositional dependents (and its objects'
// ones), by preposition; those before it in its subject and the words before it. '$' and
// '+' name the source and the target; a noun phrase's words must all be in the phrase it
// matches, the last (its head) included.
func (c *Coder) matchPattern(cl *clause, p *petrarch.Pattern) (match, bool) {
	s := cl.s
	m := match{source: -1, target: -1}
	objectWords, before := cl.pools()
	n, ok := c.matchPost(cl, p.Post.Nouns, objectWords, &m)
	if !ok {
		return m, false
	}
	m.score += n
	for _, pp := range p.Post.Preps {
		n, ok := c.matchPrep(cl, pp, cl.verb, true, &m)
		if !ok {
			return m, false
		}
		m.score += n
	}
	for _, np := range p.Pre.Nouns {
		n, ok := c.matchNoun(s, np, cl.subjects, before, &m)
		if !ok {
			return m, false
		}
		m.score += n
	}
	for _, pp := range p.Pre.Preps {
		n, ok := c.matchPrep(cl, pp, cl.verb, false, &m)
		if !ok {
			return m, false
		}
		m.score += n
	}
	return m, true
}

// matchNoun matches a noun phrase of a pattern against the words of the nominals heads
// (their subtrees in words). It returns the number of words matched.
func (c *Coder) matchNoun(s *sentence, np petrarch.NounPhrase, heads, words []int, m *match) (int, bool) {
	n := 0
	for _, t := range np {
		switch t.Kind {
		case petrarch.Source, petrarch.Target:
			if len(heads) == 0 {
				return 0, false
			}
			if t.Kind == petrarch.Source {
				m.source = heads[0]
			} else {
				m.target = heads[0]
			}
			n++
		case petrarch.Compound:
			// '%': a compound actor, "Arnor and Gondor", each member acting on the others.
			found := false
			for _, h := range heads {
				found = found || hasConjunct(s, h)
			}
			if !found && len(heads) < 2 {
				return 0, false
			}
			m.compound = true
			n++
		case petrarch.Skip:
		default:
			if !c.verbs.inPool(s, t, words) {
				return 0, false
			}
			n++
		}
	}
	return n, true
}

// matchPrep matches a prepositional phrase of a pattern against the clause's
// prepositional dependents after (or before) the verb.
func (c *Coder) matchPrep(cl *clause, pp petrarch.PrepPhrase, verb int, after bool, m *match) (int, bool) {
	s := cl.s
	for _, a := range cl.preps {
		if (a.noun > verb) != after {
			continue
		}
		if !c.verbs.termMatches(pp.Prep, a.prep, a.prep) {
			continue
		}
		saved := *m
		words := cl.words(a.noun)
		n := 1
		ok := true
		for _, np := range pp.Objects {
			k, matched := c.matchNoun(s, np, []int{a.noun}, words, m)
			if !matched {
				ok = false
				break
			}
			n += k
		}
		if ok {
			return n, true
		}
		*m = saved
	}
	return 0, false
}

// confidence estimates how likely an event is right, from 0 to 1: what the coding rests
// on. A pattern match beats a verb's bare code; actors named and coded in the sentence
// beat ones coded from a pronoun or from context; a negated or merely intended act is
// less certain. The weights are set by hand, not fitted; `herald eval petrarch` reports
// how precision falls with them.
func confidence(m match, src, tgt actorRef, cl *clause) float64 {
	x := 0.55
	if m.score > 0 {
		x += 0.15
	}
	for _, a := range [2]actorRef{src, tgt} {
		switch a.how {
		case document.ByRole, document.ByLeader, document.ByDictionary:
			x += 0.1
		case document.ByContext:
			x -= 0.05
		}
		if a.entity < 0 {
			x -= 0.05 // coded from a common-noun phrase
		}
	}
	if cl.negated {
		x -= 0.3
	}
	if cl.intent != "" {
		x -= 0.05
	}
	if len(cl.subjects) > 0 && cl.s.head[cl.subjects[0]] != cl.verb {
		x -= 0.05 // a subject lent by another verb
	}
	return min(0.99, max(0.05, float64(int(x*100+0.5))/100))
}

// negativePattern reports whether a pattern's words before the verb spell a negation.
func negativePattern(text string) bool {
	pre, _, _ := strings.Cut(text, "*")
	pre = strings.ToUpper(pre)
	for _, w := range []string{"NOT", "N'T", "NEVER", "NEG"} {
		if strings.Contains(pre, w) {
			return true
		}
	}
	return false
}

// pools returns the clause's words after the verb, as PETRARCH reads a verb phrase (its
// objects and prepositional phrases, in order: "clashed over the efforts" matches "*
// OVER EFFORTS"), and before it (its subject and what precedes the verb), computed once
// for all the patterns a clause is matched against.
func (cl *clause) pools() (after, before []int) {
	if cl.pooled {
		return cl.after, cl.before
	}
	s := cl.s
	for _, o := range cl.objects {
		cl.after = s.subtree(o, cl.after)
	}
	for _, k := range s.children[cl.verb] {
		if k > cl.verb {
			switch s.rel(k) {
			case "obl", "compound", "xcomp", "advmod", "nmod":
				cl.after = s.subtree(k, cl.after)
			case "ccomp":
				// "allowed that Mordor isn't a pleasant place": the complement clause,
				// its own clauses included.
				cl.after = append(cl.after, k)
				cl.after = s.subtree(k, cl.after)
				for _, g := range s.children[k] {
					if s.rel(g) == "ccomp" || s.rel(g) == "advcl" || s.rel(g) == "acl" {
						cl.after = s.subtree(g, cl.after)
					}
				}
			}
		}
	}
	slices.Sort(cl.after)
	cl.after = slices.Compact(cl.after)
	// Before the verb PETRARCH reads the sentence's words up to it: "Ethiopia indicated
	// it would act" matches "INDICATED WOULD *" on act. A subject lent from further on
	// is read too.
	for k := 0; k < cl.verb; k++ {
		cl.before = append(cl.before, k)
	}
	for _, subj := range cl.subjects {
		cl.before = s.subtree(subj, cl.before)
	}
	slices.Sort(cl.before)
	cl.before = slices.Compact(cl.before)
	cl.pooled = true
	return cl.after, cl.before
}

// words returns the subtree of a nominal of the clause, computed once.
func (cl *clause) words(n int) []int {
	if w, ok := cl.subtrees[n]; ok {
		return w
	}
	if cl.subtrees == nil {
		cl.subtrees = map[int][]int{}
	}
	w := cl.s.subtree(n, nil)
	cl.subtrees[n] = w
	return w
}

// compoundOnly reports whether a pattern noun phrase is the lone '%' of a compound actor.
func compoundOnly(np petrarch.NounPhrase) bool {
	return len(np) == 1 && np[0].Kind == petrarch.Compound
}

// prepNouns are the nominals of the clause's prepositional phrases.
func (cl *clause) prepNouns() []int {
	out := make([]int, len(cl.preps))
	for i, p := range cl.preps {
		out[i] = p.noun
	}
	return out
}

// matchPost matches the noun phrases after the verb: in order when they place an actor
// among words ("- * EID AT ^ WITH + [043]": the target is the actor after WITH, not the
// first one after the verb), else each anywhere in the verb phrase.
func (c *Coder) matchPost(cl *clause, nps []petrarch.NounPhrase, pool []int, m *match) (int, bool) {
	s := cl.s
	if positional(nps) {
		return c.matchSequence(s, nps, pool, m)
	}
	total := 0
	for _, np := range nps {
		heads := cl.objects
		if compoundOnly(np) {
			heads = append(append([]int(nil), cl.objects...), cl.prepNouns()...) // "agree with % [031]"
		}
		n, ok := c.matchNoun(s, np, heads, pool, m)
		if !ok {
			return 0, false
		}
		total += n
	}
	return total, true
}

// positional reports whether a pattern's noun phrases after the verb place an actor
// among words ("EID AT ^ WITH +"), which only an ordered reading can honour.
func positional(nps []petrarch.NounPhrase) bool {
	words, actors := 0, 0
	for _, np := range nps {
		for _, t := range np {
			switch t.Kind {
			case petrarch.Source, petrarch.Target, petrarch.Skip:
				actors++
			case petrarch.Word, petrarch.SynsetOf:
				words++
			}
		}
	}
	return words > 0 && actors > 0
}

// matchSequence matches noun phrases term by term, in order, over pool (tokens after the
// verb, in sentence order): a word or synset at or after the cursor, '$' and '+' the next
// nominal, '^' skipping one.
func (c *Coder) matchSequence(s *sentence, nps []petrarch.NounPhrase, pool []int, m *match) (int, bool) {
	cur, n := 0, 0
	nextNominal := func() int {
		for cur < len(pool) {
			k := pool[cur]
			cur++
			switch s.toks[k].UPOS {
			case "PROPN", "NOUN", "PRON":
				// the nominal's head: climb while the head is in the same phrase
				for h := s.head[k]; h > k && (s.rel(k) == "compound" || s.rel(k) == "flat" || s.rel(k) == "amod"); h = s.head[k] {
					k = h
				}
				for cur < len(pool) && pool[cur] <= k {
					cur++
				}
				return k
			}
		}
		return -1
	}
	for _, np := range nps {
		for _, t := range np {
			switch t.Kind {
			case petrarch.Source, petrarch.Target:
				k := nextNominal()
				if k < 0 {
					return 0, false
				}
				if t.Kind == petrarch.Source {
					m.source = k
				} else {
					m.target = k
				}
				n++
			case petrarch.Skip:
				if nextNominal() < 0 {
					return 0, false
				}
			case petrarch.Compound:
			default:
				found := false
				for cur < len(pool) {
					k := pool[cur]
					cur++
					if c.verbs.inPool(s, t, []int{k}) {
						found = true
						break
					}
				}
				if !found {
					return 0, false
				}
				n++
			}
		}
	}
	return n, true
}
