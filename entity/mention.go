package entity

import (
	"slices"
	"strings"

	"herald/document"
	"herald/entity/gazetteer"
)

// mentionKind is how a referent is mentioned.
type mentionKind uint8

const (
	nameMention    mentionKind = iota // "Kassym-Jomart Tokayev", "China", "Chinese"
	pronounMention                    // "he", "his", "its"
	nominalMention                    // "the president", "the country"
)

func (k mentionKind) String() string {
	switch k {
	case pronounMention:
		return document.MentionPronoun
	case nominalMention:
		return document.MentionNominal
	}
	return document.MentionName
}

// mention is one mention in a sentence, in token indices of that sentence.
type mention struct {
	sent int
	// start and end bound the whole mention, a title before the name included ("Kazakh
	// President Kassym-Jomart Tokayev"); nameStart and nameEnd the name itself.
	start, end         int
	nameStart, nameEnd int
	typ                string
	kind               mentionKind
	// name is the name as written, until linking replaces it with its referent's;
	// parts are its words, lower-cased (see nameParts).
	name  string
	parts []string
	roles []string
	// nationality is the ISO 3166 alpha-3 code of the country the text gives a person.
	nationality string
	// country is the country a national referent stands for: a country, its capital or
	// its demonym ("China", "Beijing", "Chinese" all CHN).
	country string
	// gazKind is the gazetteer list the name was found in, 0 if none; code the
	// gazetteer's code for it (IGOUNO for the United Nations).
	gazKind gazetteer.Kind
	code    string
	// subject is set when the mention is the subject of its clause, which pronouns
	// prefer as antecedents.
	subject bool
	// clauseSubject is, for "its", the token of the subject of its clause (or of the
	// verb its clause is conjoined to), -1 when the clause has none before it.
	clauseSubject int
	// word is the lower-cased pronoun of a pronoun mention, or the head word of a
	// nominal one ("minister" in "the foreign minister").
	word    string
	cluster int
	dropped bool // absorbed into another mention (a demonym before a title)
}

// personPronouns refer to people; itsPronouns to organizations and countries. "it" itself
// is left out: too often it refers to nothing ("it is important that …").
var (
	personPronouns = newWordSet("he him his himself she her hers herself")
	itsPronouns    = newWordSet("its itself")
)

// findMentions appends the mentions of sentence si (tokens toks, whose words, tags and
// recognized spans are in the Annotator's buffers) to ms.
func (a *Annotator) findMentions(ms []mention, text string, si int, toks []document.Token) []mention {
	words := a.words
	gaz := a.models.Gazetteer
	first := len(ms)
	for _, sp := range a.spans {
		m := mention{sent: si, start: sp.Start, end: sp.End, nameStart: sp.Start, nameEnd: sp.End, typ: sp.Type}
		refine(&m, words, gaz)
		ms = append(ms, m)
	}
	ms = a.addGazetteerNames(ms, first, si)
	ms = a.addKnownNames(ms, first, si)
	slices.SortFunc(ms[first:], func(x, y mention) int { return x.start - y.start })

	for i := first; i < len(ms); i++ {
		if ms[i].typ == document.TypePerson {
			readTitles(ms, first, i, words, gaz)
		}
	}
	ms = appendPronounsAndNominals(ms, first, si, words, a.upos)
	for i := first; i < len(ms); i++ {
		m := &ms[i]
		m.subject = isSubject(toks, m.nameStart, m.nameEnd)
		m.clauseSubject = -1
		if m.kind == pronounMention && itsPronouns.has(words[m.start]) {
			m.clauseSubject = clauseSubject(toks, m.start)
		}
		if m.kind == nameMention {
			m.name = text[toks[m.nameStart].Start:toks[m.nameEnd-1].End]
		}
		if m.typ == document.TypePerson && m.kind == nameMention && !m.dropped && m.nameEnd-m.nameStart >= 2 {
			for k := m.nameStart; k < m.nameEnd; k++ {
				if w := words[k]; len(w) >= 2 && startsUpper(w) && !isTitleWord(w) {
					a.personParts[w] = true
				}
			}
		}
	}
	return ms
}

// addKnownNames adds, as persons, the capitalized words of the sentence that are part of
// the full name of a person met earlier in the document and that no mention covers yet:
// once "Wang Yi" has been read, a sentence-initial "Wang" is him even when the tagger and
// the recognizer take it for a common noun.
func (a *Annotator) addKnownNames(ms []mention, first, si int) []mention {
	if len(a.personParts) == 0 {
		return ms
	}
	end := len(ms)
	for i, w := range a.words {
		if !a.personParts[w] {
			continue
		}
		covered := false
		for k := first; k < end; k++ {
			if !ms[k].dropped && ms[k].start <= i && i < ms[k].end {
				covered = true
				break
			}
		}
		if !covered {
			ms = append(ms, mention{sent: si, start: i, end: i + 1, nameStart: i, nameEnd: i + 1, typ: document.TypePerson})
		}
	}
	return ms
}

func startsUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// refine settles the type of a recognized name with the gazetteer: a place that is a
// country, capital or city is GPE, a nationality gets its country, an organization the
// gazetteer knows gets its code, and a person's span loses the titles the recognizer may
// have left in it.
func refine(m *mention, words []string, gaz *gazetteer.Gazetteer) {
	n, entries := gaz.Match(words, m.start)
	exact := n == m.end-m.start && len(entries) > 0
	if m.typ == document.TypePerson {
		// A country or an international organization is never a person, whatever the
		// recognizer made of "During Kazakhstan's …".
		if exact && (entries[0].Kind == gazetteer.Country || entries[0].Kind == gazetteer.IGO) {
			m.typ = entries[0].Type
		} else {
			for m.nameStart < m.nameEnd-1 && isTitleWord(words[m.nameStart]) {
				m.nameStart++
			}
			return
		}
	}
	if !exact {
		return
	}
	e := &entries[0]
	switch e.Kind {
	case gazetteer.Country:
		m.typ, m.country = document.TypeGPE, e.Country
	case gazetteer.Capital, gazetteer.City:
		if m.typ == document.TypeLoc || m.typ == document.TypeGPE {
			m.typ = document.TypeGPE
			if e.Kind == gazetteer.Capital {
				m.country = e.Country
			}
		}
	case gazetteer.Demonym:
		if m.typ == document.TypeNORP {
			m.country = e.Country
		}
	case gazetteer.IGO:
		if m.typ == document.TypeOrg {
			m.code = e.Code
		}
	}
	if m.typ == document.TypeGPE || m.typ == document.TypeNORP || m.code != "" {
		m.gazKind = e.Kind
	}
}

// isTitleWord reports whether w is an honorific or role word, which a recognized person
// span should not begin with.
func isTitleWord(w string) bool {
	return honorifics.has(w) || roleHeads.has(w) || roleModifiers.has(w) || w == "-"
}

// addGazetteerNames adds the gazetteer's names that the recognizer missed in the sentence
// whose recognized mentions are ms[first:]. A gazetteer name that contains recognized
// ones replaces them ("Shanghai Cooperation Organization" over "Shanghai"); one that
// overlaps a recognized name only in part, or lies inside one, is left out.
func (a *Annotator) addGazetteerNames(ms []mention, first, si int) []mention {
	words, gaz := a.words, a.models.Gazetteer
	recognized := len(ms)
	for i := 0; i < len(words); {
		n, entries := gaz.Match(words, i)
		if n == 0 || len(entries) == 0 {
			i++
			continue
		}
		m, ok := gazetteerMention(&entries[0], si, i, i+n, a.upos)
		if !ok {
			i += n
			continue
		}
		conflict, inside := false, 0
		for k := first; k < recognized; k++ {
			r := &ms[k]
			if r.dropped || r.end <= m.start || m.end <= r.start {
				continue
			}
			if m.start <= r.start && r.end <= m.end && (m.start < r.start || r.end < m.end) {
				inside++
				continue
			}
			conflict = true
		}
		if !conflict {
			if inside > 0 {
				for k := first; k < recognized; k++ {
					if r := &ms[k]; m.start <= r.start && r.end <= m.end {
						r.dropped = true
					}
				}
			}
			ms = append(ms, m)
		}
		i += n
	}
	// Dropped mentions go now, before titles are read; later drops stay marked.
	kept := slices.DeleteFunc(ms[first:], func(m mention) bool { return m.dropped })
	return ms[:first+len(kept)]
}

// gazetteerMention makes a mention of a gazetteer entry at tokens [start, end). Cities
// are only trusted away from the sentence's first word and when tagged as proper nouns:
// "Mobile", "Split" and "Reading" are cities too.
func gazetteerMention(e *gazetteer.Entry, si, start, end int, upos []string) (mention, bool) {
	m := mention{sent: si, start: start, end: end, nameStart: start, nameEnd: end, gazKind: e.Kind}
	switch e.Kind {
	case gazetteer.Country, gazetteer.Capital:
		m.typ, m.country = document.TypeGPE, e.Country
	case gazetteer.City:
		if start == 0 || upos[start] != "PROPN" {
			return m, false
		}
		m.typ = document.TypeGPE
	case gazetteer.Demonym:
		m.typ, m.country = document.TypeNORP, e.Country
	case gazetteer.IGO:
		m.typ, m.code = document.TypeOrg, e.Code
	case gazetteer.Leader:
		m.typ = document.TypePerson
	default:
		return m, false
	}
	return m, true
}

// readTitles reads the roles and nationality of the person ms[i] from the words around
// its name: titles before it ("Kazakh President", "Kazakhstan's Deputy Prime Minister and
// Foreign Minister", "Mr."), which the mention then spans, and an apposition after it
// ("Murat Nurtleu, Kazakhstan's foreign minister"), which it does not. Mentions the
// title swallows (the demonym "Kazakh") are dropped.
func readTitles(ms []mention, first, i int, words []string, gaz *gazetteer.Gazetteer) {
	m := &ms[i]
	floor := 0 // titles may not reach into the previous mention
	for k := first; k < i; k++ {
		if ms[k].end <= m.nameStart && ms[k].typ != document.TypeNORP && ms[k].typ != document.TypeGPE {
			floor = max(floor, ms[k].end)
		}
	}
	pos := m.nameStart
	for pos > floor && honorifics.has(words[pos-1]) {
		pos--
	}
	var roles []string
	for {
		r := max(roleBefore(words[:pos], pos), floor)
		if r == pos || !isRoleHead(words[pos-1]) {
			break
		}
		roles = append([]string{roleText(words[r:pos])}, roles...)
		pos = r
		if pos-1 > floor && (words[pos-1] == "and" || words[pos-1] == ",") && roleBefore(words, pos-1) < pos-1 {
			pos--
			continue
		}
		break
	}
	for pos > floor && honorifics.has(words[pos-1]) {
		pos--
	}
	if len(roles) > 0 {
		if at, country := nationalityBefore(words, pos, floor, gaz); at < pos {
			m.nationality, pos = country, at
		}
	}
	m.start = pos
	m.roles = roles
	for k := first; k < len(ms); k++ {
		if k != i && ms[k].start >= m.start && ms[k].end <= m.nameStart {
			ms[k].dropped = true
		}
	}

	// An apposition: ", [the|a] [Kazakhstan's|Kazakh] foreign minister [of Kazakhstan]".
	k := m.nameEnd
	if k >= len(words) || words[k] != "," {
		return
	}
	k++
	for k < len(words) && articles.has(words[k]) {
		k++
	}
	// Modifiers may come before the nationality: "a retired U.S. Army officer".
	lead := k
	for k < len(words) && isRoleModifier(words[k]) && !isRoleHead(words[k]) {
		k++
	}
	nationality, natStart := "", k
	if n, entries := gaz.Match(words, k); n > 0 && len(entries) > 0 {
		e := &entries[0]
		switch {
		case e.Kind == gazetteer.Country && k+n < len(words) && words[k+n] == "'s":
			nationality, k = e.Country, k+n+1
		case e.Kind == gazetteer.Country || e.Kind == gazetteer.Demonym:
			nationality, k = e.Country, k+n
		}
	}
	r := roleAfter(words, k)
	if r == k && k > lead {
		k, natStart = lead, lead // no nationality between modifiers and role: "a retired army officer"
		r = roleAfter(words, k)
	}
	if r == k {
		return
	}
	role := roleText(words[k:r])
	if natStart > lead {
		role = roleText(words[lead:natStart]) + " " + role
	}
	if !slices.Contains(m.roles, role) {
		m.roles = append(m.roles, role)
	}
	if nationality == "" && r+1 < len(words) && words[r] == "of" {
		at := r + 1
		if at < len(words) && strings.EqualFold(words[at], "the") {
			at++
		}
		if n, entries := gaz.Match(words, at); n > 0 && len(entries) > 0 && entries[0].Kind == gazetteer.Country {
			nationality = entries[0].Country
		}
	}
	if m.nationality == "" {
		m.nationality = nationality
	}
}

// articles may open an apposition before its role.
var articles = newWordSet("the a an also now then currently")

// nationalityBefore finds a country or demonym that ends at pos ("Kazakh", "U.S.") or a
// country in the possessive ("Kazakhstan 's"), and returns where it starts with the
// country's code; at == pos when there is none.
func nationalityBefore(words []string, pos, floor int, gaz *gazetteer.Gazetteer) (at int, country string) {
	end := pos
	possessive := pos-1 > floor && words[pos-1] == "'s"
	if possessive {
		end = pos - 1
	}
	for k := end - 1; k >= floor && k >= end-4; k-- {
		n, entries := gaz.Match(words, k)
		if n != end-k || len(entries) == 0 {
			continue
		}
		e := &entries[0]
		if e.Kind == gazetteer.Country || (!possessive && e.Kind == gazetteer.Demonym) {
			return k, e.Country
		}
	}
	return pos, ""
}

// appendPronounsAndNominals adds the pronouns of the sentence and its definite role
// references ("the president", "the foreign minister", "the country") that are not part
// of a name, for linking to resolve.
func appendPronounsAndNominals(ms []mention, first, si int, words, upos []string) []mention {
	taken := func(i int) bool {
		for k := first; k < len(ms); k++ {
			if !ms[k].dropped && ms[k].start <= i && i < ms[k].end {
				return true
			}
		}
		return false
	}
	end := len(ms)
	for i, w := range words {
		switch {
		case personPronouns.has(w) && !taken(i):
			ms = append(ms, mention{sent: si, start: i, end: i + 1, nameStart: i, nameEnd: i + 1,
				typ: document.TypePerson, kind: pronounMention, word: lowerASCII(w)})
		case itsPronouns.has(w) && !taken(i):
			ms = append(ms, mention{sent: si, start: i, end: i + 1, nameStart: i, nameEnd: i + 1,
				kind: pronounMention, word: lowerASCII(w)})
		case strings.EqualFold(w, "the") && i+1 < len(words) && !taken(i+1):
			if words[i+1] == "country" && (i+2 == len(words) || upos[i+2] != "NOUN") {
				ms = append(ms, mention{sent: si, start: i, end: i + 2, nameStart: i + 1, nameEnd: i + 2,
					typ: document.TypeGPE, kind: nominalMention, word: "country"})
				continue
			}
			r := roleAfter(words, i+1)
			if r == i+1 || !lowerRun(words[i+1:r]) || (r < len(words) && upos[r] == "PROPN") {
				continue // no role, a title before a name, or a role of something else
			}
			head := lowerASCII(words[r-1])
			if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
				continue // plural: "the ministers" is no one person
			}
			ms = append(ms, mention{sent: si, start: i, end: r, nameStart: i + 1, nameEnd: r,
				typ: document.TypePerson, kind: nominalMention, word: head, roles: []string{roleText(words[i+1 : r])}})
		}
	}
	if len(ms) > end {
		slices.SortStableFunc(ms[first:], func(x, y mention) int { return x.start - y.start })
	}
	return ms
}

// lowerRun reports whether every word begins in lower case: "the foreign minister" refers
// back, "the Foreign Minister Wang Yi" titles a name.
func lowerRun(words []string) bool {
	for _, w := range words {
		if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			return false
		}
	}
	return true
}

// clauseSubject returns the subject of the clause token n is in, when it comes before n:
// the nsubj of the first verb above n, or of the verb that one is conjoined to; -1 if
// none. The walk up is bounded, as a tree read from input may hold a cycle.
func clauseSubject(toks []document.Token, n int) int {
	v := n
	for steps := 0; steps < len(toks); steps++ {
		h := toks[v].Head - 1
		if h < 0 || h >= len(toks) {
			return -1
		}
		v = h
		if toks[v].UPOS == "VERB" {
			break
		}
	}
	if toks[v].UPOS != "VERB" {
		return -1
	}
	for range 2 {
		for k := 0; k < n; k++ {
			if toks[k].Head-1 == v && strings.HasPrefix(toks[k].Deprel, "nsubj") {
				return k
			}
		}
		if toks[v].Deprel != "conj" {
			return -1
		}
		v = toks[v].Head - 1
		if v < 0 || v >= len(toks) {
			return -1
		}
	}
	return -1
}

// isSubject reports whether tokens [start, end) are the subject of their clause: the
// token of the span whose head lies outside it is an nsubj (or nsubj:pass).
func isSubject(toks []document.Token, start, end int) bool {
	for i := start; i < end; i++ {
		h := toks[i].Head - 1 // 0-based; -1 for the root
		if h < start || h >= end {
			return strings.HasPrefix(toks[i].Deprel, "nsubj")
		}
	}
	return false
}
