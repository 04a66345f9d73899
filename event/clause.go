package event

import (
	"strings"

	"herald/document"
)

// sentence is a parsed sentence as the coder walks it: tokens with their heads as
// 0-based indices (-1 for the root) and their children.
type sentence struct {
	index    int
	toks     []document.Token
	head     []int
	children [][]int
	upper    []string // forms, upper-cased
	lemma    []string // lemmas, upper-cased
	entity   []int    // the entity (index into doc.Entities) covering each token, or -1
	// phrase is, for each token, the actor mention (index into doc.Actors) of the noun
	// phrase it heads, -1 if the actor stage coded none.
	phrase []int
	// actorOf is, for each entity, its actor mention (document.EntityActors).
	actorOf []int
	// named reports whether one name entity of the document spans all of the bytes
	// [lo, hi): nameIndex, which Annotate builds once per document.
	named func(lo, hi int) bool
}

// newSentence prepares sentence si of doc. phrases are the phrase mentions of the actors
// layer in the sentence, actorOf the entities' mentions.
func newSentence(doc *document.Document, si int, entityAt func(start, end int) int, phrases []int, actorOf []int) *sentence {
	toks := doc.Sentences[si].Tokens
	n := len(toks)
	s := &sentence{index: si, toks: toks, upper: make([]string, n), lemma: make([]string, n), entity: make([]int, n),
		phrase: make([]int, n), actorOf: actorOf}
	for i := range s.phrase {
		s.phrase[i] = -1
	}
	for _, k := range phrases {
		if h := doc.Actors[k].Head - 1; h >= 0 && h < n {
			s.phrase[h] = k
		}
	}
	s.head, s.children = document.Tree(toks)
	for i, t := range toks {
		s.upper[i] = strings.ToUpper(t.Text)
		lemma := t.Lemma
		if lemma == "" {
			lemma = t.Text
		}
		s.lemma[i] = strings.ToUpper(lemma)
		s.entity[i] = entityAt(t.Start, t.End)
	}
	return s
}

// rel is a token's relation without its subtype: "obl" for "obl:tmod".
func (s *sentence) rel(i int) string {
	d := s.toks[i].Deprel
	if k := strings.IndexByte(d, ':'); k >= 0 {
		return d[:k]
	}
	return d
}

// child returns the first child of i with relation deprel (exact, subtype included), or -1.
func (s *sentence) child(i int, deprel string) int {
	for _, c := range s.children[i] {
		if s.toks[c].Deprel == deprel {
			return c
		}
	}
	return -1
}

// caseOf returns the preposition marking a nominal (its case child), upper-cased, or "".
func (s *sentence) caseOf(i int) string {
	for _, c := range s.children[i] {
		if s.rel(c) == "case" && s.toks[c].UPOS != "PART" {
			return s.upper[c]
		}
	}
	return ""
}

// negated reports whether i has a negation among its children ("not", "n't", "never").
func (s *sentence) negated(i int) bool {
	for _, c := range s.children[i] {
		if s.rel(c) == "advmod" || s.rel(c) == "neg" {
			switch s.lemma[c] {
			case "NOT", "N'T", "NEVER":
				return true
			}
		}
	}
	return false
}

// subtree appends the tokens of i's subtree to dst, in sentence order, leaving out
// clauses that modify it (relative clauses, adverbial clauses) and parentheticals.
func (s *sentence) subtree(i int, dst []int) []int {
	var walk func(k int)
	walk = func(k int) {
		dst = append(dst, k)
		for _, c := range s.children[k] {
			switch s.rel(c) {
			case "acl", "advcl", "parataxis", "punct", "ccomp":
				continue
			}
			walk(c)
		}
	}
	walk(i)
	// insertion sort: subtrees are small
	for a := 1; a < len(dst); a++ {
		for b := a; b > 0 && dst[b] < dst[b-1]; b-- {
			dst[b], dst[b-1] = dst[b-1], dst[b]
		}
	}
	return dst
}

// clause is a predicate with its arguments.
type clause struct {
	s     *sentence
	verb  int
	lemma string // upper-cased lemma of the verb
	form  string // upper-cased form
	// subjects are the source candidates, objects the direct and indirect objects, and
	// preps the prepositional dependents (of the verb and of its objects) with their
	// prepositions.
	subjects []int
	objects  []int
	preps    []prepArg
	passive  bool
	// negated, intent and said record the verb's modality: negation, a statement of
	// intent ("will", "plans to", "is willing to"), and the governing verb, if any.
	negated bool
	intent  string // the word that makes it an intent, "" when none
	// hypothetical marks an act stated as possible, conditional or asked (modality.go);
	// refused one governed by a verb of refusal ("refused to meet").
	hypothetical, refused bool
	// after, before and subtrees cache what pattern matching reads (see pools).
	pooled        bool
	after, before []int
	subtrees      map[int][]int
}

type prepArg struct {
	prep string // upper-cased
	noun int
}

// intentWords govern an infinitive that is intended rather than done ("plans to visit",
// "is willing to maintain", "vowed to retaliate").
var intentWords = map[string]bool{
	"PLAN": true, "INTEND": true, "WANT": true, "HOPE": true, "SEEK": true, "VOW": true,
	"PLEDGE": true, "PROMISE": true, "DECIDE": true, "AIM": true, "WISH": true, "EXPECT": true,
	"PREPARE": true, "THREATEN": true, "OFFER": true, "PROPOSE": true, "AGREE": true,
	"WILLING": true, "READY": true, "PREPARED": true, "EAGER": true, "DETERMINED": true,
	"RESOLVED": true, "COMMITTED": true, "KEEN": true, "CONTINUE": true,
}

// futureAux are the auxiliaries of a future or intended act.
var futureAux = map[string]bool{"WILL": true, "WOULD": true, "SHALL": true, "'LL": true}

// clausal are the relations of a verb that heads a clause; a verb in any other (an
// adjectival "growing force", a prepositional "given the situation") codes nothing.
var clausal = map[string]bool{"root": true, "conj": true, "xcomp": true, "ccomp": true, "advcl": true,
	"acl": true, "parataxis": true, "csubj": true}

// clauseOf builds the clause of predicate v.
func (s *sentence) clauseOf(v int) *clause {
	c := &clause{s: s, verb: v, lemma: s.lemma[v], form: s.upper[v]}
	for _, k := range s.children[v] {
		switch s.toks[k].Deprel {
		case "nsubj":
			c.subjects = append(c.subjects, k)
		case "nsubj:pass":
			c.passive = true
			c.objects = append(c.objects, k)
		case "obj", "iobj":
			c.objects = append(c.objects, k)
		case "obl:agent":
			c.subjects = append(c.subjects, k)
		case "aux", "aux:pass":
			if futureAux[s.upper[k]] && c.intent == "" {
				c.intent = s.toks[k].Text
			}
		default:
			if s.rel(k) == "obl" {
				p := s.caseOf(k)
				if p == "BY" && c.passive {
					c.subjects = append(c.subjects, k)
					continue
				}
				if p != "" {
					c.preps = append(c.preps, prepArg{p, k})
				}
			}
		}
	}
	for _, o := range c.objects {
		if p := s.caseOf(o); p != "" {
			c.preps = append(c.preps, prepArg{p, o}) // a mislabelled oblique: "engage in talks"
		}
		for _, k := range s.children[o] {
			if s.rel(k) == "nmod" {
				if p := s.caseOf(k); p != "" {
					c.preps = append(c.preps, prepArg{p, k})
				}
			}
		}
	}
	c.negated = s.negated(v)
	c.hypothetical = s.hypothetical(v)
	c.inherit()
	c.resolvePronounSubject()
	return c
}

// resolvePronounSubject replaces a pronoun subject of a complement clause by the subject
// of the clause it complements: "Ethiopia indicated it would act" (it is Ethiopia). The
// entity stage links he and she; "it" and "they", which it leaves alone, are read here,
// where the clause says whom they stand for.
func (c *clause) resolvePronounSubject() {
	s := c.s
	if len(c.subjects) != 1 || s.rel(c.verb) != "ccomp" || s.head[c.verb] < 0 {
		return
	}
	k := c.subjects[0]
	switch s.lemma[k] {
	case "IT", "THEY", "HE", "SHE":
	default:
		return
	}
	if s.entity[k] >= 0 {
		return // the entity stage linked it
	}
	if outer := subjectsOf(s, s.head[c.verb]); len(outer) > 0 {
		c.subjects = outer
	}
}

// inherit fills in the subject of a verb that has none of its own, and the modality it
// takes from the verb that governs it: "Iran agreed to resume talks" (resume's subject is
// Iran's, and it is an intent), "Tokayev asked Wang to convey …" (convey's subject is
// asked's object), "… and engaged in" (a conjunct shares its first conjunct's subject),
// "China is a partner, supporting …" (a participle's subject is its clause's), "the
// initiative proposed by Xi" (a participle modifies its object).
func (c *clause) inherit() {
	s := c.s
	v := c.verb
	for depth := 0; depth < 6; depth++ {
		p := s.head[v]
		if p < 0 {
			return
		}
		needSubject := len(c.subjects) == 0
		switch rel := s.rel(v); {
		case rel == "xcomp":
			if needSubject {
				o := s.child(p, "obj")
				if o < 0 {
					o = s.child(p, "iobj")
				}
				if o >= 0 && !intentWords[s.lemma[p]] && !(s.toks[o].UPOS == "PRON" && s.entity[o] < 0) {
					c.subjects = append(c.subjects, o) // object control: "asked Wang to convey"
				} else {
					c.subjects = append(c.subjects, subjectsOf(s, p)...)
				}
			}
			if intentWords[s.lemma[p]] && c.intent == "" {
				c.intent = s.toks[p].Text
			}
			c.negated = c.negated || s.negated(p) || failVerbs[s.lemma[p]]
			c.hypothetical = c.hypothetical || s.hypothetical(p) || possibleWords[s.lemma[p]]
			c.refused = c.refused || refusalVerbs[s.lemma[p]]
		case rel == "ccomp" && subjectless(s, v) && earlierClause(s, p, v) >= 0:
			// "said that Kazakhstan is willing to maintain …, enhance …": a subjectless
			// complement after another complement of the same verb is a slip for its
			// conjunct, and shares its subject and modality.
			k := earlierClause(s, p, v)
			sib := s.clauseOf(k)
			if needSubject {
				c.subjects = append(c.subjects, sib.subjects...)
			}
			if c.intent == "" {
				c.intent = sib.intent
			}
			if c.intent == "" && intentWords[s.lemma[k]] {
				c.intent = s.toks[k].Text // "is willing to maintain …, enhance …"
			}
			return
		case rel == "conj" && s.toks[v].XPOS == "VB" && s.toks[p].XPOS != "VB" && s.toks[p].XPOS != "VBP" && bareInfinitiveBefore(s, p, v) >= 0:
			// "said that Kazakhstan is willing to maintain …, enhance … and engage …": a
			// bare infinitive coordinated with a finite verb is a slip for the conjunct
			// of the infinitive before it, whose subject and modality it shares.
			sib := s.clauseOf(bareInfinitiveBefore(s, p, v))
			if needSubject {
				c.subjects = append(c.subjects, sib.subjects...)
			}
			if c.intent == "" {
				c.intent = sib.intent
			}
			return
		case rel == "conj" && (s.toks[p].UPOS == "VERB" || s.toks[p].UPOS == "AUX"):
			// A conjunct shares its first conjunct's subject and modality, as that one
			// has them, lent or its own.
			first := s.clauseOf(p)
			if needSubject {
				c.subjects = append(c.subjects, first.subjects...)
			}
			if c.intent == "" {
				c.intent = first.intent
			}
			c.hypothetical = c.hypothetical || first.hypothetical
			c.refused = c.refused || first.refused
			return
		case rel == "conj" || (rel == "ccomp" || rel == "advcl" || rel == "parataxis") && subjectless(s, v):
			// A complement clause with neither subject nor marker is a parse slip for a
			// conjunct; an unmarked participle takes its clause's subject.
			if needSubject {
				c.subjects = append(c.subjects, subjectsOf(s, p)...)
			}
		case rel == "acl":
			if needSubject {
				if s.toks[v].Deprel == "acl:relcl" {
					if s.child(v, "obj") >= 0 || s.child(v, "nsubj:pass") < 0 {
						c.subjects = append(c.subjects, p)
					} else {
						c.objects = append(c.objects, p)
					}
				} else if len(c.objects) == 0 {
					c.objects = append(c.objects, p) // "the initiative proposed by Xi"
				}
			}
			return
		default:
			return
		}
		if c.intent == "" {
			for _, k := range s.children[p] {
				if futureAux[s.upper[k]] {
					c.intent = s.toks[k].Text
				}
			}
		}
		v = p
	}
}

// bareInfinitiveBefore returns the last infinitive (an xcomp in base form) under p and
// before v, or -1.
func bareInfinitiveBefore(s *sentence, p, v int) int {
	found := -1
	for k := p + 1; k < v; k++ {
		if s.toks[k].XPOS == "VB" && s.rel(k) == "xcomp" {
			for h := s.head[k]; h >= 0; h = s.head[h] {
				if h == p {
					found = k
					break
				}
			}
		}
	}
	return found
}

// earlierClause returns the last clausal complement of p before v that has a subject of
// its own, or -1.
func earlierClause(s *sentence, p, v int) int {
	found := -1
	for _, k := range s.children[p] {
		if k < v && (s.rel(k) == "ccomp" || s.rel(k) == "xcomp") && !subjectless(s, k) {
			found = k
		}
	}
	return found
}

// subjectless reports whether clause v has no subject and no subordinating marker of its
// own ("that", "because", "if").
func subjectless(s *sentence, v int) bool {
	for _, k := range s.children[v] {
		switch s.rel(k) {
		case "nsubj", "csubj", "expl":
			return false
		case "mark":
			if s.upper[k] != "TO" {
				return false
			}
		}
	}
	return true
}

// subjectsOf returns the nsubj children of v, or those its governors lend it.
func subjectsOf(s *sentence, v int) []int {
	for depth := 0; depth < 8; depth++ {
		var out []int
		for _, k := range s.children[v] {
			if s.toks[k].Deprel == "nsubj" {
				out = append(out, k)
			}
		}
		if len(out) > 0 || (s.rel(v) != "xcomp" && s.rel(v) != "conj") || s.head[v] < 0 {
			return out
		}
		v = s.head[v]
	}
	return nil
}

// hasWordsAround reports whether the words of a multi-word verb other than its head are
// in the sentence around the verb: before it (up to three words back) and after it, in
// order, as particles, prepositions or the next words.
func (c *clause) hasWordsAround(before, after []string) bool {
	s := c.s
	k := c.verb - 1
	for i := len(before) - 1; i >= 0; i-- {
		for k >= 0 && k >= c.verb-3 && s.upper[k] != before[i] && s.lemma[k] != before[i] {
			k--
		}
		if k < 0 || k < c.verb-3 {
			return false
		}
		k--
	}
	k = c.verb + 1
	for _, w := range after {
		for k < len(s.toks) && k <= c.verb+4 && s.upper[k] != w && s.lemma[k] != w {
			k++
		}
		if k >= len(s.toks) || k > c.verb+4 {
			return false
		}
		k++
	}
	return true
}
