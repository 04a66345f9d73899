// Package event is the event stage, Herald's reason to exist: from each sentence's
// dependency parse, the coded actors of the entities layer and the PETRARCH verb
// dictionary, it finds who did what to whom and codes it in CAMEO, with the evidence.
//
// For every verb of a sentence it gathers the clause (clause.go): the subjects, objects
// and prepositional phrases the parse gives it, or that it takes from the verb governing
// it ("Iran agreed to resume talks": resume's subject is Iran). It looks the verb up in
// the verb dictionary (verbs.go), matches the patterns of the verb's block against the
// clause (pattern.go) and keeps the most specific match, else the verb's own code. The
// actors are the coded entities in the subject and in the object or prepositional phrase
// the pattern names; noun phrases no entity covers are coded by the actor stage's phrase
// coder ("Turkish police"). Modality changes the code: an act stated as an intent
// ("will", "is willing to", "plans to") becomes the matching CAMEO 03 intent (or 13
// threat), and a negated one is marked. The semantics follow PETRARCH2 and
// UniversalPetrarch; the code is Herald's own.
package event

import (
	"fmt"
	"slices"
	"strings"

	"herald/actor"
	"herald/document"
	"herald/lexicon"
)

// Coder codes events. It is read-only after New and safe for concurrent use.
type Coder struct {
	verbs    *verbIndex
	discards [][]string
	story    []bool // discards[i] discards the whole story, not just the sentence
	// discardsByFirst indexes discards by their first word.
	discardsByFirst map[string][]int
	// describe fills an event's root, QuadClass, Goldstein score and PLOVER class from
	// its CAMEO code; nil leaves the root as the code's first two digits.
	describe func(*document.Event)
}

// New returns a Coder over the lexicon's verb dictionary and discard list. describe,
// which may be nil, adds the codebook's metadata.
func New(lex *lexicon.Lexicon, describe func(*document.Event)) *Coder {
	c := &Coder{verbs: newVerbIndex(nil), describe: describe}
	if lex != nil {
		c.verbs = newVerbIndex(lex.Verbs)
		c.discardsByFirst = map[string][]int{}
		for _, d := range lex.Discards {
			if len(d.Words) > 0 {
				c.discardsByFirst[d.Words[0]] = append(c.discardsByFirst[d.Words[0]], len(c.discards))
				c.discards = append(c.discards, d.Words)
				c.story = append(c.story, d.Story)
			}
		}
	}
	return c
}

// Annotate codes the events of every sentence of doc into doc.Events. A sentence that
// makes the coder fail is skipped with a warning naming it; the others are still coded.
func (c *Coder) Annotate(doc *document.Document) {
	doc.Events = doc.Events[:0]
	entityAt := doc.EntityAt()
	actorOf := doc.EntityActors()
	phrases := map[int][]int{} // by sentence, the phrase mentions of the actors layer
	for k, a := range doc.Actors {
		if a.Head > 0 {
			phrases[a.Sentence] = append(phrases[a.Sentence], k)
		}
	}
	if sportStory(doc) {
		doc.Warnings = append(doc.Warnings, "the story is about sport: no events (docs/CODING.md 2)")
		return
	}
	named := nameIndex(doc)
	dateOf := sentenceDates(doc)
	date := actor.Date(doc)
	for si := range doc.Sentences {
		if len(doc.Sentences[si].Tokens) == 0 {
			continue
		}
		s := newSentence(doc, si, entityAt, phrases[si], actorOf)
		s.named = named
		if story, hit := c.discarded(s); hit {
			if story {
				doc.Events = doc.Events[:0]
				doc.Warnings = append(doc.Warnings, fmt.Sprintf("sentence %d: the discard list discards the story", si))
				return
			}
			continue
		}
		if doc.Sentences[si].Unparsed {
			continue // MayCode turned it down
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					doc.Warnings = append(doc.Warnings, fmt.Sprintf("sentence %d: event coder skipped it after an internal error: %v", si, r))
				}
			}()
			doc.Events = c.sentence(doc, s, dateOf(si, date), doc.Events)
		}()
	}
}

// sentenceDates returns the function that gives the date of the events of sentence si:
// the first time expression in it that resolves to a day, else the document's date.
// Package timex gives the times in text order, so each sentence looks at its own times
// alone (a binary search away), not at every time of the document; times in another order
// are read in full.
func sentenceDates(doc *document.Document) func(si int, date string) string {
	sorted := slices.IsSortedFunc(doc.Times, func(a, b document.Time) int { return a.Start - b.Start })
	return func(si int, date string) string {
		sent := doc.Sentences[si]
		times := doc.Times
		if sorted {
			from, _ := slices.BinarySearchFunc(times, sent.Start, func(t document.Time, start int) int { return t.Start - start })
			to, _ := slices.BinarySearchFunc(times, sent.End+1, func(t document.Time, end int) int { return t.Start - end })
			times = times[from:to]
		}
		for _, t := range times {
			if t.Start >= sent.Start && t.End <= sent.End && len(t.Value) == 10 && t.Value[4] == '-' {
				return t.Value
			}
		}
		return date
	}
}

// nameIndex returns the function that reports whether one name entity spans all of the
// bytes [lo, hi), with a binary search over the names sorted by start and the furthest end
// among those starting at or before lo.
func nameIndex(doc *document.Document) func(lo, hi int) bool {
	var starts, ends []int // ends[k]: the furthest end of the names up to starts[k]
	order := make([]int, 0, len(doc.Entities))
	for i := range doc.Entities {
		if doc.Entities[i].Mention == document.MentionName {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return doc.Entities[a].Start - doc.Entities[b].Start })
	for _, i := range order {
		end := doc.Entities[i].End
		if len(ends) > 0 {
			end = max(end, ends[len(ends)-1])
		}
		starts, ends = append(starts, doc.Entities[i].Start), append(ends, end)
	}
	return func(lo, hi int) bool {
		k, _ := slices.BinarySearch(starts, lo+1) // starts[:k] start at or before lo
		return k > 0 && ends[k-1] >= hi
	}
}

// discarded reports whether a discard phrase occurs in the sentence, and whether it
// discards the whole story.
func (c *Coder) discarded(s *sentence) (story, hit bool) {
	for i := range s.upper {
		for _, key := range [2]string{s.upper[i], s.lemma[i]} {
			for _, di := range c.discardsByFirst[key] {
				words := c.discards[di]
				if i+len(words) > len(s.upper) {
					continue
				}
				ok := true
				for k, w := range words {
					if s.upper[i+k] != w && s.lemma[i+k] != w {
						ok = false
						break
					}
				}
				if ok {
					return c.story[di], true
				}
			}
			if s.lemma[i] == s.upper[i] {
				break
			}
		}
	}
	return false, false
}

// sentence codes the events of one sentence and appends them to dst.
func (c *Coder) sentence(doc *document.Document, s *sentence, date string, dst []document.Event) []document.Event {
	start := len(dst)
	for v := range s.toks {
		if s.toks[v].UPOS != "VERB" || !clausal[s.rel(v)] || !c.verbs.knows(s.upper[v], s.lemma[v]) {
			continue // only a dictionary verb is worth its clause
		}
		cl := s.clauseOf(v)
		entries := c.verbs.lookup(cl)
		if len(entries) == 0 {
			continue
		}
		// A verb may be listed in several blocks: the best pattern match among them wins,
		// else the first listing's own code.
		m := c.bestMatch(cl, entries[0])
		for _, e := range entries[1:] {
			if o := c.bestMatch(cl, e); o.score > m.score {
				m = o
			}
		}
		if m.score == 0 && c.carriedByComplement(s, v) {
			continue
		}
		if consequence(s, v, m.code, dst[start:]) {
			continue
		}
		m = fixedOwnCode(cl.lemma, m)
		if m.score == 0 && contradicted(s, cl, m.code) {
			m.code, m.rule = "050", cooperationRule+m.rule
		}
		if c := verbalAttack(s, cl, m.code); c != m.code {
			m.code, m.rule = c, "an idea attacked is criticized (docs/CODING.md 4.13) over "+m.rule
		}
		dst = c.emit(doc, s, cl, m, date, dst)
	}
	return dedupe(dst, start)
}

// locatives are the prepositions of place and time.
var locatives = map[string]bool{"AT": true, "IN": true, "NEAR": true, "INSIDE": true, "OUTSIDE": true,
	"AROUND": true, "ACROSS": true, "DURING": true, "NEXT": true, "OUTSIDE_OF": true, "WITHIN": true}

// cooperationRule begins the rule of a conflict verb engaged in cooperation.
const cooperationRule = "cooperation noun over "

// cooperationNouns name joint, peaceful undertakings.
var cooperationNouns = map[string]bool{"COOPERATION": true, "COLLABORATION": true, "PARTNERSHIP": true,
	"DIALOGUE": true, "EXCHANGE": true, "TALKS": true, "TALK": true, "RELATIONS": true, "TIES": true,
	"CONSULTATION": true, "NEGOTIATION": true, "COORDINATION": true, "FRIENDSHIP": true, "TRADE": true}

// contradicted reports whether a verb's own code, which no pattern confirmed, says
// conflict (10-20) while the verb is engaged "in" cooperation: ENGAGE
// codes 190, fighting, unless a pattern says otherwise, and "engage in closer
// collaboration" is no fight. Such a verb codes 050, diplomatic cooperation, rather than
// the opposite of what the sentence says; the rule says so.
func contradicted(s *sentence, cl *clause, code string) bool {
	if len(code) < 2 || code[0] != '1' && code[:2] != "20" {
		return false
	}
	// Only as what the verb is engaged in: "break relations" is conflict all right.
	// The word after the verb, whatever the parse made of it: "engage in closer …".
	engagedIn := cl.verb+1 < len(s.upper) && (s.upper[cl.verb+1] == "IN" || s.upper[cl.verb+1] == "INTO")
	if engagedIn {
		for _, n := range cl.objects {
			if cooperationNouns[s.lemma[n]] || cooperationNouns[s.upper[n]] {
				return true
			}
		}
	}
	for _, p := range cl.preps {
		if (p.prep == "IN" || p.prep == "INTO") && (cooperationNouns[s.lemma[p.noun]] || cooperationNouns[s.upper[p.noun]]) {
			return true
		}
	}
	return false
}

// actorRef is an event participant found in the sentence.
type actorRef struct {
	code       string
	start, end int // byte offsets
	entity     int // index into doc.Entities, -1 when the phrase coder coded it
	how        string
}

// actorsOf returns the actors a nominal names: itself and its conjuncts ("Brazil and
// Argentina"), each coded as a whole phrase when the phrase composes a country with a role
// ("Gondor's government", "Osgiliath soldiers", "activists in Arnor"), else by the entity
// it is. A nominal that names no actor itself stands for the first one inside it ("the
// resumption of ties between Gondor and Osgiliath" is Gondor and Osgiliath;
// "Kazakhstan's firm adherence" is Kazakhstan). force tells that the act is force
// (usesForce), whose target may be the owner of a thing named ("attacked Hezbollah
// positions"; see insideName).
func (c *Coder) actorsOf(doc *document.Document, s *sentence, n int, date string, force bool) []actorRef {
	return c.actorsWithin(doc, s, n, date, force, 0)
}

func (c *Coder) actorsWithin(doc *document.Document, s *sentence, n int, date string, force bool, depth int) []actorRef {
	if a, ok := c.nominal(doc, s, n, date, false); ok {
		out := []actorRef{a}
		for _, k := range s.children[n] {
			if s.rel(k) == "conj" {
				if b, ok := c.nominal(doc, s, k, date, false); ok {
					out = append(out, b)
				}
			}
		}
		return out
	}
	if depth < 3 {
		if k := c.nearestActor(doc, s, n, date, force, false); k >= 0 {
			return c.actorsWithin(doc, s, k, date, force, depth+1)
		}
	}
	if a, ok := c.nominal(doc, s, n, date, true); ok {
		return []actorRef{a} // a role alone: "police", "any external forces"
	}
	if depth < 3 {
		// Last, an actor in a participle that describes the nominal: "the parade
		// supporting Gondor".
		if k := c.nearestActor(doc, s, n, date, force, true); k >= 0 {
			return c.actorsWithin(doc, s, k, date, force, depth+1)
		}
	}
	return nil
}

// nearestActor returns the token nearest to n in its subtree (breadth first: "an attack
// by Osgiliath soldiers" is the soldiers, OSGMIL, not the Osgiliath inside them) that is
// a coded entity or heads a role phrase, or -1. Participles (acl) are searched only when
// withParticiples is set; relative and other clauses never.
func (c *Coder) nearestActor(doc *document.Document, s *sentence, n int, date string, force, withParticiples bool) int {
	queue := append([]int(nil), s.children[n]...)
	for len(queue) > 0 {
		k := queue[0]
		queue = queue[1:]
		switch s.rel(k) {
		case "conj", "cc", "punct", "advcl", "parataxis", "ccomp":
			continue
		case "acl":
			if !withParticiples || s.toks[k].Deprel == "acl:relcl" {
				continue
			}
		}
		if s.toks[k].UPOS == "PRON" {
			continue // "his first visit" is not an act on him
		}
		if insideName(doc, s, s.head[k], k, force) {
			continue
		}
		if c.names(doc, s, k) || c.rolePhrase(doc, s, k, date) {
			return k
		}
		queue = append(queue, s.children[k]...)
	}
	return -1
}

// rolePhrase reports whether the phrase headed by k composes a country and a role.
func (c *Coder) rolePhrase(doc *document.Document, s *sentence, k int, date string) bool {
	a, ok := c.nominal(doc, s, k, date, false)
	return ok && (a.how == actor.ByRole || countryFromStory[a.how]) && s.entity[k] < 0
}

// countryFromStory are the ways the actor stage gives a role the country the story
// gives it ("the police" in a story from Lima), a role phrase as much as "Peruvian police".
var countryFromStory = map[string]bool{document.ByPossessive: true, document.ByStory: true,
	document.ByAntecedent: true, document.ByPlace: true, document.ByDateline: true}

// names reports whether token k is an entity with an actor code.
func (c *Coder) names(doc *document.Document, s *sentence, k int) bool {
	e := s.entity[k]
	return e >= 0 && s.actorOf[e] >= 0
}

// entityRef is the participant entity e is, by its mention in the actors layer.
func entityRef(doc *document.Document, s *sentence, e int) actorRef {
	a := &doc.Actors[s.actorOf[e]]
	return actorRef{a.Code, a.Start, a.End, e, a.How}
}

// nominal codes the phrase headed by n, conjuncts left out. A phrase that composes a
// country and a role wins; then the entity n is part of; then, only when bare is set, a
// role with no country ("police": COP) or a dictionary name the phrase holds.
func (c *Coder) nominal(doc *document.Document, s *sentence, n int, date string, bare bool) (actorRef, bool) {
	if c.names(doc, s, n) && doc.Entities[s.entity[n]].Type == document.TypePerson && doc.Entities[s.entity[n]].Nationality != "" {
		// The entity stage has read this person's titles and nationality already,
		// and better than the words around the head can: "Armenian Foreign Minister
		// Ararat Mirzoyan" is not Turkish for the Ararat in his name. Without a
		// nationality the phrase may know more: "Ithilen's awful minister Calimehtar".
		return entityRef(doc, s, s.entity[n]), true
	}
	// The phrase n heads, as the actor stage coded it. Only a phrase whose head is a
	// name or a role is an actor phrase ("Gondor's government", not "talks with
	// Kazakhstan's minister"), unless bare asks for any.
	var phrase *document.ActorMention
	if k := s.phrase[n]; k >= 0 && (bare || s.entity[n] >= 0 || doc.Actors[k].RoleHead) {
		phrase = &doc.Actors[k]
	}
	if phrase != nil && phrase.Composed {
		ent := -1
		if e := s.entity[n]; e >= 0 {
			ent = e
			if c.names(doc, s, n) && doc.Actors[s.actorOf[e]].Code == phrase.Code {
				// The entity says as much, and its span is the name and its title only.
				return entityRef(doc, s, e), true
			}
		}
		return actorRef{phrase.Code, phrase.Start, phrase.End, ent, phrase.How}, true
	}
	if c.names(doc, s, n) {
		return entityRef(doc, s, s.entity[n]), true
	}
	if bare && phrase != nil && (phrase.RoleHead || s.toks[n].UPOS == "PROPN") {
		// A common noun whose phrase codes only by a name inside it is no actor: "a
		// trade agreement in Moscow", "the Uruguay round" (3.1).
		return actorRef{phrase.Code, phrase.Start, phrase.End, -1, phrase.How}, true
	}
	return actorRef{}, false
}

// emit appends the events of a matched clause.
func (c *Coder) emit(doc *document.Document, s *sentence, cl *clause, m match, date string, dst []document.Event) []document.Event {
	forward, backward := splitCode(m.code)
	if !isCode(forward) {
		forward = ""
	}
	if !isCode(backward) || unusedCodes[backward] {
		backward = ""
	}
	if unusedCodes[forward] {
		forward = ""
	}
	if backward == "043" && forward == "042" {
		// A visit is the visitor's; the host receives only when the sentence says
		// so ("hosted", "was received by"), which its own verb codes (4.4).
		backward = ""
	}
	if !senseFits(cl, m, forward) {
		forward = ""
	}
	if !senseFits(cl, m, backward) {
		backward = ""
	}
	if forward == "" && backward == "" {
		return dst
	}
	var sources, targets []actorRef
	violent := usesForce(forward) || usesForce(backward)
	subj := cl.subjects
	if m.source >= 0 {
		subj = []int{m.source}
	}
	for _, n := range subj {
		sources = append(sources, c.actorsOf(doc, s, n, date, violent)...)
	}
	switch {
	case m.target >= 0:
		targets = c.actorsOf(doc, s, m.target, date, violent)
	default:
		for _, n := range cl.objects {
			if idiomObjects[cl.lemma] == s.lemma[n] {
				continue // "joined forces with Germany": the forces are no one
			}
			targets = append(targets, c.actorsOf(doc, s, n, date, violent)...)
		}
		if len(targets) == 0 && m.score == 0 && personVerbs[cl.lemma] {
			return dst // "called a truce", "called an election": no one was phoned
		}
		if len(targets) == 0 && len(sources) == 2 && mutual(forward) && lexicon.Principal(sources[0].code) != lexicon.Principal(sources[1].code) {
			// "Russia and Ukraine exchanged prisoners in a swap mediated by the UAE":
			// two parties of a mutual act are each other's partner (4.4).
			targets = sources
		}
		if len(targets) == 0 {
			// Places rarely receive acts: "celebrated Eid at Osgiliath with Gondor" is
			// done with Gondor. Locative phrases come last.
			// A named actor beats a bare role ("his first official" is no one).
			for _, pass := range [3]struct{ locative, bare bool }{{false, false}, {true, false}, {false, true}} {
				for _, p := range cl.preps {
					if locatives[p.prep] != pass.locative && !pass.bare {
						continue
					}
					found := c.actorsOf(doc, s, p.noun, date, violent)
					if locatives[p.prep] {
						// Only the place the phrase names: "in the dispute with Osgiliath" is with
						// Osgiliath.
						found = slices.DeleteFunc(found, func(a actorRef) bool {
							return venue(doc, s, a, p.noun, cl.lemma, p.prep, forward+backward)
						})
					}
					if !pass.bare {
						found = slices.DeleteFunc(found, func(a actorRef) bool { return a.entity < 0 && !strings.HasPrefix(a.how, document.ByRole) })
						found = slices.DeleteFunc(found, func(a actorRef) bool {
							return a.entity < 0 && (len(a.code) <= 3 || lexicon.Principal(a.code) == "---")
						})
					}
					if targets = found; len(targets) > 0 {
						break
					}
				}
				if len(targets) > 0 {
					break
				}
			}
		}
	}
	if len(targets) == 0 && m.score > 0 {
		// A pattern that reads into a complement clause names its subject: "allowed
		// that Mordor isn't a pleasant place".
		for _, k := range s.children[cl.verb] {
			if s.rel(k) == "ccomp" {
				for _, subj := range subjectsOf(s, k) {
					for _, t := range c.actorsOf(doc, s, subj, date, violent) {
						// Not the speaker's own side: "Tokayev said that Kazakhstan …"
						// is Kazakhstan's act, coded on its own verb.
						if !sameSide(sources, t) {
							targets = append(targets, t)
						}
					}
				}
			}
		}
	}
	for i := range targets {
		// A capital names its government when it acts or is spoken to ("accused
		// Tokyo"); as the target of force it is the place, the country: "shells fired
		// at Seoul" hit South Korea.
		if e := targets[i].entity; e >= 0 && violent && doc.Entities[e].Type == document.TypeGPE && len(targets[i].code) == 6 && strings.HasSuffix(targets[i].code, "GOV") {
			targets[i].code = targets[i].code[:3]
		}
	}
	if speechVerbs[cl.lemma] || len(forward) >= 2 && forward[:2] == "01" {
		// Statements to the press are not events with the press (4.1).
		targets = slices.DeleteFunc(targets, func(a actorRef) bool { return media(a.code) })
	}
	// "Gondor and Osgiliath renewed ties": two parties with no one else to act on act on
	// each other, when the verb says so (a mutual act, 4.4) or has no object at all.
	// Three or more parties among themselves give no pairwise events (4.7).
	if m.compound && len(sources) == 2 {
		targets = sources
	}
	if len(targets) == 0 && len(sources) == 2 && (len(cl.objects) == 0 && len(cl.preps) == 0 || mutual(forward)) &&
		lexicon.Principal(sources[0].code) != lexicon.Principal(sources[1].code) {
		// Two of one side ("Bush and Baker agreed") do not act on each other.
		targets = sources
	}
	sources, targets = narrowest(sources), narrowest(targets)
	if len(sources) == 0 || len(targets) == 0 {
		return dst
	}
	verb := s.toks[cl.verb]
	for _, src := range sources {
		for _, tgt := range targets {
			if sameActor(doc, s, src, tgt) || !political(src.code) && !political(tgt.code) || partOfWhole(src.code, tgt.code) {
				continue
			}
			if !protestFits(cl.lemma, forward, src.code) {
				continue
			}
			src, tgt := foughtState(src, tgt), foughtState(tgt, src)
			for dir, code := range [2]string{forward, backward} {
				if code == "" {
					continue
				}
				a, b := src, tgt
				if dir == 1 {
					a, b = tgt, src
				}
				negated := cl.negated && !m.negative
				if dir == 1 && (cl.intent != "" || cl.refused) {
					continue // an intent or a refusal is its subject's alone (4.3)
				}
				code = hostCode(doc, cl.lemma, code, b)
				if cl.refused || negated && cl.intent != "" {
					// "refused to meet", "would not resume talks": the refusal is the act.
					if r := refusalCode(code); r != "" {
						code, negated = r, false
					} else {
						negated = true // refusing to attack is no attack
					}
				} else if cl.intent != "" {
					code = intentCode(code, futureAux[strings.ToUpper(cl.intent)])
				}
				ev := document.Event{
					Doc: doc.ID, Sentence: s.index, Date: date,
					Source:       actorOf(doc, a),
					Target:       actorOf(doc, b),
					CAMEO:        code,
					Evidence:     document.Evidence{Start: verb.Start, End: verb.End, Verb: verb.Text, Rule: m.rule},
					Negated:      negated,
					Hypothetical: cl.hypothetical && !stillSaid(code),
				}
				ev.Confidence = confidence(m, a, b, cl)
				if c.describe != nil {
					c.describe(&ev)
				} else if len(code) >= 2 {
					ev.Root = code[:2]
				}
				dst = append(dst, ev)
			}
		}
	}
	return dst
}

func actorOf(doc *document.Document, a actorRef) document.Actor {
	return document.Actor{Text: doc.Text[a.start:a.end], Code: a.code, Start: a.start, End: a.end}
}

// sameSide reports whether t belongs to the country of any of the sources.
func sameSide(sources []actorRef, t actorRef) bool {
	for _, src := range sources {
		if len(src.code) >= 3 && len(t.code) >= 3 && src.code[:3] == t.code[:3] && src.code[:3] != "---" {
			return true
		}
	}
	return false
}

// sameActor reports whether two participants are one: the same entity cluster, the same
// span, or the same code ("China … China" does not make China meet itself).
func sameActor(doc *document.Document, s *sentence, a, b actorRef) bool {
	if a.start == b.start && a.end == b.end {
		return true
	}
	if a.entity >= 0 && b.entity >= 0 && doc.Entities[a.entity].Cluster == doc.Entities[b.entity].Cluster {
		return true
	}
	// Two phrases inside one entity's span are pieces of one name the parse split:
	// "Deputy" and "Prime Minister John Prescott" are one man.
	if s.named != nil && s.named(min(a.start, b.start), max(a.end, b.end)) {
		return true
	}
	// The same code on both sides is one actor as event data counts them: two Chinese
	// officials exchanging greetings are CHNGOV talking to itself.
	return a.code == b.code
}

// splitCode splits a dictionary code: "042" codes the source's act on the target,
// "036:036" also the target's on the source (a reciprocal act), ":173" only that; "---"
// and "" code nothing.
func splitCode(code string) (forward, backward string) {
	forward, backward, _ = strings.Cut(code, ":")
	if forward == "---" {
		forward = ""
	}
	if backward == "---" {
		backward = ""
	}
	return strings.TrimSpace(forward), strings.TrimSpace(backward)
}

// isCode reports whether a dictionary code is an event code: digits, as CAMEO writes
// them, perhaps with a letter suffix of the older dictionaries. Placeholders ("+++",
// "025?") code nothing.
func isCode(code string) bool {
	if len(code) < 2 || code[0] < '0' || code[0] > '9' {
		return false
	}
	return !strings.ContainsAny(code, "?+*")
}

// intentCode is the CAMEO code of the intent to do what code codes: to meet (04) is 036,
// to cooperate diplomatically (05) 032, materially (06) 031, to aid (07) 033, to yield (08)
// 035; to use force (18-20) is a threat of force, 138, and other material conflict (14-17)
// a threat, 130. Verbal acts (01-03, 09-13) are done in the saying, and stay as they are:
// "will oppose" is opposition already.
//
// A bare future ("will", "would") only makes intents of cooperation: "Ethiopia will break
// relations" is coded as the break itself, as PETRARCH codes it.
func intentCode(code string, future bool) string {
	if len(code) < 2 {
		return code
	}
	if future && code[:2] > "08" {
		return code
	}
	switch code[:2] {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	case "18", "19", "20":
		return "138"
	case "14", "15", "16", "17":
		return "130"
	}
	return code // statements, appeals, intents, demands, disapproval, rejection, threats
}

// dedupe drops repeated events among dst[start:], the events of one sentence: the same
// source, target and code is coded once per sentence (docs/CODING.md 1.3), from its
// first verb. A negated or hypothetical mention does not hide an asserted one.
func dedupe(dst []document.Event, start int) []document.Event {
	out := dst[:start]
	for i := start; i < len(dst); i++ {
		e := dst[i]
		dup := false
		for _, o := range out[start:] {
			if o.Source.Code == e.Source.Code && o.Target.Code == e.Target.Code && o.CAMEO == e.CAMEO && o.Asserted() == e.Asserted() {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}
