package actor

import (
	"slices"
	"strings"

	"herald/document"
	"herald/entity/gazetteer"
	"herald/lexicon"
)

// This file gives an agent whose words name no country ("the police": COP) the one the
// story gives, by the rules docs/CODING.md 3.3 writes down, in their order: possessive,
// story (the same agent before), antecedent ("the government"; also the pronouns "it",
// "they", "them", which the entity stage does not link), place, dateline, and for a
// story with no dateline the one country it has named. The first rule that speaks
// decides; one that finds two countries ends the search, since a guess between them is
// no better than "---". Mentions are read in text order, so an agent coded by a rule
// gives its country to the mentions after it.

// Unknown is the principal of an actor nothing in the story says whose it is.
const Unknown = "---"

// homeAgents act where they are: the one place a sentence names is theirs.
var homeAgents = map[string]bool{"COP": true, "OPP": true, "CVL": true, "EDU": true, "LAB": true, "JUD": true,
	"LEG": true, "AGR": true, "HLH": true, "CRM": true, "UAF": true, "REB": true, "INS": true, "SEP": true,
	"BUS": true, "PTY": true, "PPL": true}

// stateAgents are the bodies of a state that "the government", "the army", "the police",
// "the court" name.
var stateAgents = map[string]bool{"GOV": true, "MIL": true, "COP": true, "LEG": true, "JUD": true, "SPY": true}

// othersWords say that an agent is not of the story's country.
var othersWords = map[string]bool{"foreign": true, "overseas": true, "international": true, "other": true,
	"western": true, "multinational": true, "world": true, "global": true, "allied": true, "outside": true}

// placeCases are the prepositions that make a place the scene of the clause.
var placeCases = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "outside": true,
	"across": true, "throughout": true, "around": true, "within": true}

// expletiveVerbs take an "it" that stands for nothing: "it seems that".
var expletiveVerbs = map[string]bool{"seem": true, "appear": true, "emerge": true, "happen": true,
	"matter": true, "remain": true, "follow": true, "take": true, "rain": true, "cost": true, "turn": true}

// agentCodes returns the agents dictionary's agent codes (lexicon.AgentParts) that are
// no country's too: a code that is also a country's (MUS: Muslim and Mauritius) is taken
// for the country.
func agentCodes(lex *lexicon.Lexicon, gaz *gazetteer.Gazetteer) map[string]bool {
	out := lex.AgentParts()
	for part := range out {
		if _, _, country := gaz.Country(part); country {
			delete(out, part)
		}
	}
	return out
}

// bare reports whether an actor code is agents alone, with no country ("COP", "GOVMED").
func (c *Coder) bare(code string) bool {
	return len(code) >= 3 && c.agents[code[:3]]
}

// Principal is the part of a code that says whose the actor is: a country or region
// ("KEN" of "KENCOP"), or an international organization up to its agents ("IGOUNO" of
// "IGOUNOMIL"); "" for agents alone or "---".
func (c *Coder) Principal(code string) string {
	if len(code) < 3 || c.agents[code[:3]] || !lexicon.IsCountryCode(code[:3]) {
		return ""
	}
	if !lexicon.IsInternational(code) {
		return code[:3]
	}
	end := 3
	for end+3 <= len(code) && !c.agents[code[end:end+3]] {
		end += 3
	}
	return code[:end]
}

// mentionFacts is what the rules need to know of an actor mention or a pronoun.
type mentionFacts struct {
	k          int // index into doc.Actors, -1 for a pronoun not yet in it
	sent, head int // sentence, and 0-based head token (-1 unknown)
	start, end int
}

// seenMention is a mention already coded, for the mentions after it.
type seenMention struct {
	end        int
	principal  string
	word       string // the head's lower-case lemma
	agentsPart string // the agents after the principal
}

// storyKey is what an earlier mention must share with an agent to give it its country.
type storyKey struct{ word, agents string }

// evidence gathers the countries one rule found; two different ones conflict.
type evidence struct {
	principal string
	conflict  bool
}

func (e *evidence) add(p string) {
	switch {
	case e.principal == "":
		e.principal = p
	case e.principal != p:
		e.conflict = true
	}
}

// whoser holds one document's state while its agents are given their countries.
type whoser struct {
	c       *Coder
	doc     *document.Document
	trees   []tree // per sentence, built on first use
	entity  func(start, end int) int
	actorOf []int // per entity, its mention in the actors layer
	// phraseAt finds the phrase mention a sentence's token heads.
	phraseAt map[[2]int]int
	// pronouns holds the codes given to the pronouns added so far, by sentence and token.
	pronouns map[[2]int]string
	// seen holds the mentions coded so far in the current sentence; byWord and byAgents
	// the countries of those of earlier sentences.
	seen      []seenMention
	seenSent  int
	byWord    map[storyKey]*evidence
	byAgents  map[string]*evidence
	dateline  string // the dateline's country
	foreignAt int    // the first sentence that names another country, len(sentences) if none
	stateAt   int    // the first that names another country's state
	// foreignFrom is, by sentence, the offset of its first mention of another country;
	// ownFrom that of the story's first mention of the dateline's.
	foreignFrom []int
	ownFrom     int
	// named are the countries a story with no dateline names, by where they end;
	// namedNext, namedOne and namedMany what onlyBefore has read of them.
	named      []namedAt
	namedNext  int
	namedOne   string
	namedMany  bool
	places     [][]scene // by sentence, once placeKnown
	placeKnown []bool
}

type tree struct {
	head     []int
	children [][]int
	built    bool
}

func (w *whoser) tree(si int) *tree {
	t := &w.trees[si]
	if !t.built {
		t.head, t.children = document.Tree(w.doc.Sentences[si].Tokens)
		t.built = true
	}
	return t
}

// whose gives the agents of the actors layer their countries, adds the pronouns that
// stand for coded actors, and writes "---" before the agents that have none.
func (c *Coder) whose(doc *document.Document) {
	w := &whoser{c: c, doc: doc, trees: make([]tree, len(doc.Sentences)), entity: doc.EntityAt(),
		actorOf: doc.EntityActors(), phraseAt: map[[2]int]int{}, pronouns: map[[2]int]string{},
		seenSent: -2, byWord: map[storyKey]*evidence{}, byAgents: map[string]*evidence{},
		places: make([][]scene, len(doc.Sentences)), placeKnown: make([]bool, len(doc.Sentences))}
	var items []mentionFacts
	for k := range doc.Actors {
		a := &doc.Actors[k]
		f := mentionFacts{k: k, sent: a.Sentence, head: a.Head - 1, start: a.Start, end: a.End}
		if a.Head > 0 {
			w.phraseAt[[2]int{a.Sentence, a.Head - 1}] = k
		} else if f.sent >= 0 {
			f.head = w.spanHead(f.sent, a.Start, a.End)
		}
		items = append(items, f)
	}
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		if s.Unparsed {
			continue
		}
		for n, t := range s.Tokens {
			if t.UPOS == "PRON" && addedPronoun(t.Text) && w.entity(t.Start, t.End) < 0 {
				items = append(items, mentionFacts{k: -1, sent: si, head: n, start: t.Start, end: t.End})
			}
		}
	}
	slices.SortStableFunc(items, func(a, b mentionFacts) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	w.dateline, w.foreignAt, w.stateAt = w.domestic(items)
	if w.dateline == "" {
		w.named = w.namedCountries(items)
	}
	var added []document.ActorMention
	for _, f := range items {
		w.enter(f.sent)
		if f.k < 0 {
			if code := w.pronoun(f); code != "" {
				t := &doc.Sentences[f.sent].Tokens[f.head]
				added = append(added, document.ActorMention{Start: t.Start, End: t.End, Text: t.Text, Code: code,
					How: ByAntecedent, Entity: -1, Sentence: f.sent, Head: f.head + 1})
				w.pronouns[[2]int{f.sent, f.head}] = code
			}
			continue
		}
		a := &doc.Actors[f.k]
		if c.bare(a.Code) {
			if p, how := w.country(f); p != "" {
				a.Code, a.How = p+a.Code, how
				a.Composed = a.Head > 0
			}
		}
		w.note(f)
	}
	for k := range doc.Actors {
		if a := &doc.Actors[k]; c.bare(a.Code) {
			a.Code = Unknown + a.Code
		}
	}
	if len(added) > 0 {
		doc.Actors = mergePhrases(doc.Actors, added)
	}
}

// addedPronoun reports whether a pronoun is one this stage links ("its", "he" are the
// entity stage's).
func addedPronoun(w string) bool {
	switch strings.ToLower(w) {
	case "it", "they", "them":
		return true
	}
	return false
}

// mergePhrases inserts phrase mentions into the layer's phrases, which come in order of
// sentence and head after the entities' mentions.
func mergePhrases(layer, added []document.ActorMention) []document.ActorMention {
	first := len(layer)
	for first > 0 && layer[first-1].Head > 0 {
		first--
	}
	out := make([]document.ActorMention, 0, len(layer)+len(added))
	out = append(out, layer[:first]...)
	phrases := layer[first:]
	i, j := 0, 0
	for i < len(phrases) || j < len(added) {
		if j == len(added) || i < len(phrases) && (phrases[i].Sentence < added[j].Sentence ||
			phrases[i].Sentence == added[j].Sentence && phrases[i].Head <= added[j].Head) {
			out = append(out, phrases[i])
			i++
		} else {
			out = append(out, added[j])
			j++
		}
	}
	return out
}

// spanHead is the token of an entity's span whose head lies outside it, -1 if none.
func (w *whoser) spanHead(si, start, end int) int {
	toks := w.doc.Sentences[si].Tokens
	t := w.tree(si)
	first := -1
	for n, tok := range toks {
		if tok.Start < start || tok.End > end {
			continue
		}
		if first < 0 {
			first = n
		}
		if h := t.head[n]; h < 0 || toks[h].Start < start || toks[h].End > end {
			return n
		}
	}
	return first
}

// enter moves the story on to sentence si: the mentions of the sentences before it now
// count as earlier mentions by their head word and agents.
func (w *whoser) enter(si int) {
	if si == w.seenSent {
		return
	}
	for _, m := range w.seen {
		w.commit(m)
	}
	w.seen, w.seenSent = w.seen[:0], si
}

func (w *whoser) commit(m seenMention) {
	if m.principal == "" || m.agentsPart == "" {
		return
	}
	key := storyKey{m.word, m.agentsPart}
	if w.byWord[key] == nil {
		w.byWord[key] = &evidence{}
	}
	w.byWord[key].add(m.principal)
	if !strings.HasPrefix(m.agentsPart, "GOV") {
		if w.byAgents[m.agentsPart] == nil {
			w.byAgents[m.agentsPart] = &evidence{}
		}
		w.byAgents[m.agentsPart].add(m.principal)
	}
}

// note records a coded mention for those after it.
func (w *whoser) note(f mentionFacts) {
	if f.sent >= 0 && w.doc.Sentences[f.sent].Gated {
		return // a gated sentence is no context for the mentions after it
	}
	a := &w.doc.Actors[f.k]
	m := seenMention{end: f.end, principal: w.c.Principal(a.Code), word: w.word(f)}
	if m.principal != "" {
		m.agentsPart = a.Code[len(m.principal):]
	}
	w.seen = append(w.seen, m)
}

// word is the lower-case lemma of a mention's head.
func (w *whoser) word(f mentionFacts) string {
	if f.sent < 0 || f.head < 0 {
		return ""
	}
	t := &w.doc.Sentences[f.sent].Tokens[f.head]
	if t.Lemma != "" {
		return strings.ToLower(t.Lemma)
	}
	return strings.ToLower(t.Text)
}

// country finds the country of a bare agent's mention, by the rules in order, and how.
func (w *whoser) country(f mentionFacts) (string, string) {
	a := &w.doc.Actors[f.k]
	if f.sent < 0 || f.head < 0 || w.othersOrAgency(f) {
		return "", ""
	}
	if p, found := w.possessive(f); found {
		return p, ByPossessive
	}
	key := storyKey{w.word(f), a.Code}
	var same, agents evidence
	if e := w.byWord[key]; e != nil {
		same = *e
	}
	for _, m := range w.seen {
		if m.end <= f.start && m.principal != "" && m.word == key.word && m.agentsPart == a.Code {
			same.add(m.principal)
		}
	}
	if same.conflict {
		return "", ""
	}
	if same.principal != "" {
		return same.principal, ByStory
	}
	if !strings.HasPrefix(a.Code, "GOV") && w.doc.Sentences[f.sent].Tokens[f.head].UPOS != "PROPN" {
		// By its agents alone, a common noun: "Iraqi troops … the soldiers". A name the
		// dictionaries code as an agent is its own ("Congress"), whoever was named before.
		if e := w.byAgents[a.Code]; e != nil {
			agents = *e
		}
		for _, m := range w.seen {
			if m.end <= f.start && m.principal != "" && m.agentsPart == a.Code {
				agents.add(m.principal)
			}
		}
		if agents.conflict {
			return "", ""
		}
		if agents.principal != "" {
			return agents.principal, ByStory
		}
	}
	if stateAgents[a.Code[:3]] && w.definite(f) && institutions[w.word(f)] {
		if p := w.subjectCountry(f); p != "" && !lexicon.IsInternational(p) {
			return p, ByAntecedent
		}
	}
	if homeAgents[a.Code[:3]] {
		e := w.place(f)
		if e.conflict {
			return "", ""
		}
		if e.principal != "" {
			return e.principal, ByPlace
		}
	}
	if w.dateline != "" && (f.sent < w.foreignAt || f.sent < w.stateAt && w.ownFrom < f.start && w.stateBody(f) && w.foreignFrom[f.sent] >= f.end) {
		return w.dateline, ByDateline
	}
	if w.dateline == "" {
		if p := w.onlyBefore(f.start); p != "" {
			return p, ByStory
		}
	}
	return "", ""
}

// stateBody reports whether a mention names one institution of a state: the government,
// a ministry, the army, the police, a court, a legislature, by that word or a name
// ("Finance Ministry", "Congress"); not its people ("officials", "the minister"), who
// may come from anywhere.
func (w *whoser) stateBody(f mentionFacts) bool {
	code := w.doc.Actors[f.k].Code
	if !stateAgents[code[:3]] || w.person(f) {
		return false
	}
	t := &w.doc.Sentences[f.sent].Tokens[f.head]
	return institutions[w.word(f)] || t.XPOS == "NNP" // "the government"; "Finance Ministry", "Congress"
}

// institutions are the bodies of a state, as the head of a phrase: not its officers
// ("the president", "the crown prince"), who may be visitors from anywhere.
var institutions = map[string]bool{"government": true, "administration": true, "authority": true,
	"regime": true, "cabinet": true, "ministry": true, "department": true, "army": true, "military": true,
	"navy": true, "police": true, "court": true, "parliament": true, "legislature": true, "congress": true,
	"senate": true, "assembly": true, "junta": true, "treasury": true, "bank": true, "agency": true,
	"commission": true, "council": true, "judiciary": true, "state": true}

// othersOrAgency reports whether a mention's own words say its agent is not the story's
// country's ("foreign governments"), or it is a news agency by name ("Reuters").
func (w *whoser) othersOrAgency(f mentionFacts) bool {
	a := &w.doc.Actors[f.k]
	toks := w.doc.Sentences[f.sent].Tokens
	if strings.HasPrefix(a.Code, "MED") && toks[f.head].UPOS == "PROPN" {
		return true
	}
	var words []string
	for _, t := range toks {
		if t.Start >= a.Start && t.End <= a.End {
			words = append(words, t.Text)
		}
	}
	for i := 0; i < len(words); {
		if w.c.gaz != nil {
			if n, entries := w.c.gaz.Match(words, i); n > 0 {
				switch entries[0].Kind {
				case gazetteer.Country, gazetteer.Demonym, gazetteer.Capital, gazetteer.IGO:
					return true // a name of its owner the dictionaries coded wrong
				}
			}
		}
		if w.c.lex != nil {
			if n, _ := w.c.lex.Agent(words, i); n > 0 {
				i += n // "foreign minister" is a role, not someone else's
				continue
			}
		}
		if lw := strings.ToLower(words[i]); othersWords[lw] && !(lw == "foreign" && i+1 < len(words) && stateNouns[strings.ToLower(words[i+1])]) {
			return true
		}
		i++
	}
	return false
}

// stateNouns follow "foreign" in the name of a state's own body: "the foreign ministry".
var stateNouns = map[string]bool{"minister": true, "ministry": true, "secretary": true, "office": true,
	"affairs": true, "service": true, "department": true}

// possessive finds the country of the pronoun that possesses a phrase's head ("its
// troops"); found is false when there is none.
func (w *whoser) possessive(f mentionFacts) (string, bool) {
	if w.doc.Actors[f.k].Head == 0 {
		return "", false
	}
	toks := w.doc.Sentences[f.sent].Tokens
	for _, ch := range w.tree(f.sent).children[f.head] {
		if toks[ch].UPOS != "PRON" || toks[ch].Deprel != "nmod:poss" {
			continue
		}
		if e := w.entity(toks[ch].Start, toks[ch].End); e >= 0 {
			if k := w.actorOf[e]; k >= 0 {
				p := w.c.Principal(w.doc.Actors[k].Code)
				return p, p != ""
			}
			return "", false
		}
		if strings.EqualFold(toks[ch].Text, "their") {
			p := w.c.Principal(w.antecedent(f.sent, ch, true, false))
			return p, p != ""
		}
	}
	return "", false
}

// definite reports whether a mention is "the" and its head, with nothing after the head:
// "the government", "the Socialist government"; not "the president of the Commission".
func (w *whoser) definite(f mentionFacts) bool {
	toks := w.doc.Sentences[f.sent].Tokens
	if toks[f.head].End != w.doc.Actors[f.k].End {
		return false
	}
	for _, t := range toks {
		if t.Start >= w.doc.Actors[f.k].Start {
			return strings.EqualFold(t.Text, "the")
		}
	}
	return false
}

// person reports whether a mention's head is a person's name or a reference to one
// ("the minister"): a person's country is the person's, not the story's.
func (w *whoser) person(f mentionFacts) bool {
	t := &w.doc.Sentences[f.sent].Tokens[f.head]
	e := w.entity(t.Start, t.End)
	return e >= 0 && w.doc.Entities[e].Type == document.TypePerson
}

// subjectCountry is the country of the subject before a mention in its sentence, else of
// the first subject of the sentence before; "" when that subject has none.
func (w *whoser) subjectCountry(f mentionFacts) string {
	for si, before := f.sent, f.head; si >= 0 && si >= f.sent-1; si-- {
		s := &w.doc.Sentences[si]
		if s.Unparsed || s.Gated && si != f.sent {
			return "" // a gated sentence is no context for another (document.Sentence.Gated)
		}
		n := -1
		for k := range s.Tokens {
			if k >= before {
				break
			}
			if strings.HasPrefix(s.Tokens[k].Deprel, "nsubj") && nominal(s.Tokens[k].UPOS) {
				n = k
				if si < f.sent {
					break // the first subject of the sentence before
				}
			}
		}
		if n >= 0 {
			return w.c.Principal(w.codeAt(si, n))
		}
		before = len(w.doc.Sentences[max(si-1, 0)].Tokens)
	}
	return ""
}

func nominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" || upos == "PRON" }

// codeAt is the code of the actor token n of sentence si heads (a phrase whose head is
// a name or a role, an entity, a pronoun coded here), "" if none: "Iran's economy" is no
// actor, though its words name one.
func (w *whoser) codeAt(si, n int) string {
	if code, ok := w.pronouns[[2]int{si, n}]; ok {
		return code
	}
	if k, ok := w.phraseAt[[2]int{si, n}]; ok && (w.doc.Actors[k].RoleHead || w.doc.Actors[k].Entity >= 0) {
		return w.doc.Actors[k].Code
	}
	t := &w.doc.Sentences[si].Tokens[n]
	if e := w.entity(t.Start, t.End); e >= 0 && w.actorOf[e] >= 0 {
		return w.doc.Actors[w.actorOf[e]].Code
	}
	return ""
}

// pronoun codes "it", "they" or "them" as the actor it stands for, "" if none.
func (w *whoser) pronoun(f mentionFacts) string {
	s := &w.doc.Sentences[f.sent]
	t := &s.Tokens[f.head]
	quotes := 0
	for _, q := range s.Tokens[:f.head] {
		if q.Text == `"` || q.Text == "“" || q.Text == "”" {
			quotes++
		}
	}
	if quotes%2 == 1 {
		return "" // in a quotation, "they" is the speaker's, who may be anyone
	}
	subject := strings.HasPrefix(t.Deprel, "nsubj")
	switch strings.ToLower(t.Text) {
	case "it":
		h := w.tree(f.sent).head[f.head]
		if !subject || h < 0 || s.Tokens[h].UPOS != "VERB" || expletiveVerbs[s.Tokens[h].Lemma] {
			return "" // "it is likely", "it seems", "signed it"
		}
		return w.fullCode(w.antecedent(f.sent, f.head, false, false))
	case "they":
		return w.fullCode(w.antecedent(f.sent, f.head, true, false))
	case "them":
		return w.fullCode(w.antecedent(f.sent, f.head, true, true))
	}
	return ""
}

// fullCode keeps a code that says whose the actor is: a pronoun gains nothing from an
// agent whose country is unknown.
func (w *whoser) fullCode(code string) string {
	if w.c.Principal(code) == "" {
		return ""
	}
	return code
}

// antecedent is the code of the actor a pronoun at token n of sentence si stands for:
// the nearest subject of its number before it in the sentence (for an object pronoun,
// failing a subject, the nearest noun of its number), else the first such in the sentence
// before. A nearer candidate that is no actor, or a person for "it", means none.
func (w *whoser) antecedent(si, n int, plural, object bool) string {
	for s, before := si, n; s >= 0 && s >= si-1; s-- {
		sent := &w.doc.Sentences[s]
		if sent.Unparsed || sent.Gated && s != si {
			return ""
		}
		t := w.tree(s)
		pick := -1
		for _, subjectsOnly := range [2]bool{true, false} {
			if !subjectsOnly && !object {
				break
			}
			for k := 0; k < before; k++ {
				tok := &sent.Tokens[k]
				if !nominal(tok.UPOS) || subjectsOnly && !strings.HasPrefix(tok.Deprel, "nsubj") {
					continue
				}
				if isPlural(tok) != plural {
					continue
				}
				if coordinated(sent.Tokens, t.children[k]) {
					return "" // "China and Russia said they": two of them
				}
				pick = k
				if s < si {
					break // the first in the sentence before
				}
			}
			if pick >= 0 {
				break
			}
		}
		if pick >= 0 {
			tok := &sent.Tokens[pick]
			if tok.UPOS == "PRON" && !addedPronoun(tok.Text) {
				return "" // "he said it would": not a pronoun this stage links
			}
			if e := w.entity(tok.Start, tok.End); !plural && e >= 0 && w.doc.Entities[e].Type == document.TypePerson {
				return ""
			}
			return w.codeAt(s, pick)
		}
		if s > 0 {
			before = len(w.doc.Sentences[s-1].Tokens)
		}
	}
	return ""
}

// isPlural reports whether a nominal token names many: a plural noun, "they", "them".
func isPlural(t *document.Token) bool {
	switch t.XPOS {
	case "NNS", "NNPS":
		return true
	}
	switch strings.ToLower(t.Text) {
	case "they", "them", "we", "us":
		return true
	}
	return false
}

// coordinated reports whether a nominal has a conjunct among its children.
func coordinated(toks []document.Token, children []int) bool {
	for _, ch := range children {
		if toks[ch].Deprel == "conj" && nominal(toks[ch].UPOS) {
			return true
		}
	}
	return false
}

// place is the country of the places that the clause of a mention names as where it
// happens ("police fired tear gas in Nairobi", "in Taiwan, businessmen are"), with a
// conflict when they lie in different countries. A place of another clause is not where
// the agent acts: "a plant in China, a company spokesman said".
func (w *whoser) place(f mentionFacts) evidence {
	var e evidence
	s := &w.doc.Sentences[f.sent]
	if s.Unparsed {
		return e
	}
	if !w.placeKnown[f.sent] {
		w.placeKnown[f.sent] = true
		t := w.tree(f.sent)
		for n, tok := range s.Tokens {
			// "in Nairobi and Kampala": the conjunct shares the first's preposition.
			if tok.UPOS != "PROPN" || !hasCase(s.Tokens, t.children[n], placeCases) &&
				!(tok.Deprel == "conj" && t.head[n] >= 0 && hasCase(s.Tokens, t.children[t.head[n]], placeCases)) {
				continue
			}
			ent := w.entity(tok.Start, tok.End)
			if ent < 0 {
				continue
			}
			typ := w.doc.Entities[ent].Type
			if typ != document.TypeGPE && typ != document.TypeLoc {
				continue
			}
			if p := w.entityCountry(ent); p != "" {
				w.places[f.sent] = append(w.places[f.sent], scene{clause: w.clause(f.sent, n), country: p})
			}
		}
	}
	clause := w.clause(f.sent, f.head)
	for _, p := range w.places[f.sent] {
		if p.clause == clause {
			e.add(p.country)
		}
	}
	return e
}

// scene is a place a sentence names, and the clause it is the scene of.
type scene struct {
	clause  int
	country string
}

// clause is the verb (or root) whose clause token n belongs to: up the heads from n to
// the first that is no nominal.
func (w *whoser) clause(si, n int) int {
	toks := w.doc.Sentences[si].Tokens
	head := w.tree(si).head
	for steps := 0; steps < len(toks); steps++ {
		h := head[n]
		if h < 0 {
			return n
		}
		switch toks[n].UPOS {
		case "NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "ADP", "X", "SYM":
			n = h
			continue
		}
		return n
	}
	return n
}

func hasCase(toks []document.Token, children []int, cases map[string]bool) bool {
	for _, ch := range children {
		if toks[ch].Deprel == "case" && cases[strings.ToLower(toks[ch].Text)] {
			return true
		}
	}
	return false
}

// entityCountry is the country of a place or nationality entity: its code's, else the
// gazetteer's for its name when every place of that name lies in one country.
func (w *whoser) entityCountry(ent int) string {
	if k := w.actorOf[ent]; k >= 0 {
		if p := w.c.Principal(w.doc.Actors[k].Code); p != "" {
			return p
		}
	}
	if w.c.gaz == nil {
		return ""
	}
	words := strings.Fields(w.doc.Entities[ent].Text)
	n, entries := w.c.gaz.Match(words, 0)
	if n != len(words) || len(entries) == 0 {
		return ""
	}
	country := ""
	for _, e := range entries {
		switch e.Kind {
		case gazetteer.Country, gazetteer.Capital, gazetteer.City, gazetteer.Demonym:
		default:
			continue
		}
		if country != "" && e.Country != country {
			return ""
		}
		country = e.Country
	}
	return w.c.gaz.CAMEO(country)
}

// domestic returns the dateline's country and the first sentence that names an actor,
// place or nationality of another country or an international organization (the
// number of sentences when none does, 0 when the dateline gives no country). Money is no
// mention of its country ("the U.S. dollar"), nor is a firm's multinational code one of
// another country unless it names it (MNCUSA is American).
//
// It also returns the first sentence that names another country's state: its government,
// officials, forces, courts, legislature, capital or leader. Until then a single body
// of a state ("the government", "the Finance Ministry", "Congress") is the dateline
// country's once the story has named that country, whatever else it names: a story from
// Tokyo about Japan's exports to the U.S. still has Japan's ministry; one from London
// about Iran's economy does not have British police.
func (w *whoser) domestic(items []mentionFacts) (country string, first, state int) {
	doc := w.doc
	country = w.datelineCountry()
	if country == "" {
		w.foreignFrom = make([]int, len(doc.Sentences))
		return "", 0, 0
	}
	first, state = len(doc.Sentences), len(doc.Sentences)
	w.ownFrom = len(doc.Text)
	w.foreignFrom = make([]int, len(doc.Sentences))
	for i := range w.foreignFrom {
		w.foreignFrom[i] = len(doc.Text)
	}
	for _, f := range items {
		if f.k < 0 || f.sent < 0 || f.sent >= state || w.money(f.sent, f.head) {
			continue
		}
		a := &doc.Actors[f.k]
		principal := w.c.Principal(a.Code)
		home := homeOf(principal)
		if home == country {
			w.ownFrom = min(w.ownFrom, f.start)
		}
		if home == "" || home == country {
			continue
		}
		first = min(first, f.sent)
		w.foreignFrom[f.sent] = min(w.foreignFrom[f.sent], f.start)
		if w.names(f, principal) {
			state = f.sent
		}
	}
	for ent := range doc.Entities {
		e := &doc.Entities[ent]
		if e.Type != document.TypeGPE && e.Type != document.TypeLoc && e.Type != document.TypeNORP {
			continue
		}
		si := doc.SentenceAt(e.Start)
		if si < 0 || si >= state || w.actorOf[ent] >= 0 || w.money(si, w.spanHead(si, e.Start, e.End)) {
			continue
		}
		p := w.entityCountry(ent)
		if p == country {
			w.ownFrom = min(w.ownFrom, e.Start)
		}
		if p != "" && p != country {
			first = min(first, si)
			w.foreignFrom[si] = min(w.foreignFrom[si], e.Start)
		}
	}
	return country, first, state
}

// namedCountries lists, for a story with no dateline, where each mention of a country
// ends and the country (an international organization counts as one more): the story
// has named one country before an agent when all that end before it agree ("Kenyan
// police cracked down on protesters": Kenyan protesters).
func (w *whoser) namedCountries(items []mentionFacts) []namedAt {
	doc := w.doc
	var out []namedAt
	for _, f := range items {
		if f.k >= 0 && f.sent >= 0 && !w.money(f.sent, f.head) {
			p := w.c.Principal(doc.Actors[f.k].Code)
			if strings.HasPrefix(p, "MNC") {
				p = homeOf(p)
			}
			if p != "" {
				out = append(out, namedAt{f.end, p})
			}
		}
	}
	for ent := range doc.Entities {
		e := &doc.Entities[ent]
		if e.Type != document.TypeGPE && e.Type != document.TypeLoc && e.Type != document.TypeNORP || w.actorOf[ent] >= 0 {
			continue
		}
		if si := doc.SentenceAt(e.Start); si >= 0 && !w.money(si, w.spanHead(si, e.Start, e.End)) {
			if p := w.entityCountry(ent); p != "" {
				out = append(out, namedAt{e.End, p})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b namedAt) int { return a.end - b.end })
	return out
}

// namedAt is a country the story names, and where its mention ends.
type namedAt struct {
	end     int
	country string
}

// onlyBefore is the one country the story named before offset start, "" if none or
// several. Calls come in order of start.
func (w *whoser) onlyBefore(start int) string {
	for ; w.namedNext < len(w.named) && w.named[w.namedNext].end <= start; w.namedNext++ {
		switch p := w.named[w.namedNext].country; {
		case w.namedOne == "":
			w.namedOne = p
		case w.namedOne != p:
			w.namedMany = true
		}
	}
	if w.namedMany || lexicon.IsInternational(w.namedOne) {
		return ""
	}
	return w.namedOne
}

// names reports whether a mention of another country names its state: its leader, a
// body of its state ("U.S. officials"), or the country or its capital as a party to the
// clause (its subject or object: "Washington urged", not "talks in Washington").
func (w *whoser) names(f mentionFacts, principal string) bool {
	a := &w.doc.Actors[f.k]
	if a.How == ByLeader {
		return true
	}
	if lexicon.IsInternational(principal) {
		return false
	}
	rest := a.Code[len(principal):]
	if rest == "" || rest == "GOV" && a.Entity >= 0 && w.doc.Entities[a.Entity].Type == document.TypeGPE {
		if f.head < 0 || a.Entity < 0 {
			return false // "exports to the U.S." is no party
		}
		switch baseRel(w.doc.Sentences[f.sent].Tokens[f.head].Deprel) {
		case "nsubj", "obj", "iobj":
			return true
		}
		return false
	}
	return len(rest) >= 3 && stateAgents[rest[:3]]
}

// homeOf is the country a principal stands for in telling whether a story is domestic:
// a firm's country (USA of MNCUSA, none of MNC), else the principal itself.
func homeOf(principal string) string {
	if rest, ok := strings.CutPrefix(principal, "MNC"); ok {
		if len(rest) >= 3 {
			return rest[:3]
		}
		return ""
	}
	return principal
}

// currencies name money, whose country is no actor of the story.
var currencies = map[string]bool{"dollar": true, "dlr": true, "dlrs": true, "yen": true, "mark": true,
	"pound": true, "sterling": true, "franc": true, "lira": true, "peso": true, "currency": true,
	"guilder": true, "cent": true, "rupee": true, "yuan": true, "rouble": true, "ruble": true, "krona": true}

// money reports whether token n of sentence si is a currency or modifies one.
func (w *whoser) money(si, n int) bool {
	if si < 0 || n < 0 {
		return false
	}
	toks := w.doc.Sentences[si].Tokens
	head := w.tree(si).head
	for step := 0; step < 2 && n >= 0; step++ {
		lemma := strings.ToLower(toks[n].Lemma)
		if lemma == "" {
			lemma = strings.ToLower(toks[n].Text)
		}
		if currencies[lemma] || currencies[strings.TrimSuffix(lemma, "s")] {
			return true
		}
		n = head[n]
	}
	return false
}

// datelineCountry is the country of the dateline's place: its entity's code, else the
// gazetteer's, else that of the state, province or country written after it ("BEAVER
// CREEK, Colo.").
func (w *whoser) datelineCountry() string {
	doc := w.doc
	d := doc.Dateline
	if d == nil || d.Place == "" {
		return ""
	}
	for ent := range doc.Entities {
		if e := &doc.Entities[ent]; e.Start >= d.Start && e.End <= d.End && doc.SentenceAt(e.Start) < 0 {
			if p := homeOf(w.entityCountry(ent)); p != "" {
				return p
			}
			break
		}
	}
	if p := w.placeCountry(d.Place, true); p != "" {
		return p
	}
	if d.Region == "" {
		return ""
	}
	if code, ok := regionCountries[strings.ToUpper(strings.TrimSuffix(d.Region, "."))]; ok {
		return code
	}
	return w.placeCountry(d.Region, false)
}

// placeCountry is the country a place name names by the gazetteer: a country, a capital,
// or cities of one country (when cities is set).
func (w *whoser) placeCountry(name string, cities bool) string {
	if w.c.gaz == nil {
		return ""
	}
	words := placeWords(name)
	n, entries := w.c.gaz.Match(words, 0)
	if n != len(words) || len(entries) == 0 {
		return ""
	}
	switch entries[0].Kind {
	case gazetteer.Country, gazetteer.Capital:
		return w.c.gaz.CAMEO(entries[0].Country)
	case gazetteer.City:
		if cities {
			return w.c.cityCountry(entries)
		}
	}
	return ""
}

// placeWords splits a place name as the segmenter does its hyphens: "Port-au-Prince" is
// Port - au - Prince.
func placeWords(name string) []string {
	var out []string
	for _, f := range strings.Fields(name) {
		for {
			i := strings.IndexByte(f, '-')
			if i <= 0 || i == len(f)-1 {
				break
			}
			out = append(out, f[:i], "-")
			f = f[i+1:]
		}
		out = append(out, f)
	}
	return out
}

// regionCountries are the states and provinces that American and Canadian datelines
// name after the place, as the wires write them (AP style, and in full), upper-cased
// without the final dot.
var regionCountries = func() map[string]string {
	m := map[string]string{}
	for _, r := range strings.Fields("ALA ALABAMA ALASKA ARIZ ARIZONA ARK ARKANSAS CALIF CALIFORNIA COLO COLORADO " +
		"CONN CONNECTICUT DEL DELAWARE D.C FLA FLORIDA GA GEORGIA HAWAII IDAHO ILL ILLINOIS IND INDIANA IOWA KAN " +
		"KANS KANSAS KY KENTUCKY LA LOUISIANA MAINE MD MARYLAND MASS MASSACHUSETTS MICH MICHIGAN MINN MINNESOTA " +
		"MISS MISSISSIPPI MO MISSOURI MONT MONTANA NEB NEBRASKA NEV NEVADA N.H N.J N.M N.Y N.C N.D OHIO OKLA " +
		"OKLAHOMA ORE OREGON PA PENNSYLVANIA R.I S.C S.D TENN TENNESSEE TEXAS UTAH VT VERMONT VA VIRGINIA WASH " +
		"W.VA WIS WISCONSIN WYO WYOMING") {
		m[r] = "USA"
	}
	for _, r := range []string{"NEW HAMPSHIRE", "NEW JERSEY", "NEW MEXICO", "NEW YORK", "NORTH CAROLINA",
		"NORTH DAKOTA", "RHODE ISLAND", "SOUTH CAROLINA", "SOUTH DAKOTA", "WEST VIRGINIA", "WASHINGTON"} {
		m[r] = "USA"
	}
	for _, r := range []string{"ONT", "ONTARIO", "QUE", "QUEBEC", "B.C", "BRITISH COLUMBIA", "ALTA", "ALBERTA",
		"MAN", "MANITOBA", "SASK", "SASKATCHEWAN", "N.S", "NOVA SCOTIA", "N.B", "NEW BRUNSWICK", "NFLD",
		"NEWFOUNDLAND"} {
		m[r] = "CAN"
	}
	return m
}()
