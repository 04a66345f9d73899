package entity

import (
	"strings"

	"herald/document"
	"herald/entity/gazetteer"
)

// referent is what a cluster of mentions refers to, as far as its mentions tell.
type referent struct {
	typ string
	// name is the fullest name seen: "Kassym-Jomart Tokayev" once "Tokayev" has been
	// linked to it. parts are its words, lower-cased, for surname and first-name matches.
	name        string
	parts       []string
	roles       []string
	nationality string
	// key identifies referents that are the same whatever their names: a country and its
	// demonym and capital ("country:CHN"), an organization and its code.
	key string
	// last is the index of its most recent mention.
	last int
}

// linkMentions gives every mention a cluster id, in text order, by these rules:
//
//   - a person's name joins the most recent person whose name contains all its words, or
//     whose words it contains ("Tokayev" and "Kassym-Jomart Tokayev"; "Wang" and "Wang Yi",
//     Chinese names putting the surname first);
//   - a country, its demonym and its capital are one national referent ("China",
//     "Chinese", "Beijing"), an organization is one referent under all names the gazetteer
//     codes alike, and an acronym joins the organization whose initials it spells;
//   - he, him, his, she, her join a person: the nearest sentence (this one up to the
//     pronoun, then the two before) that mentions one decides, and within it its subject
//     if it has one, else its latest person;
//   - its and itself join the subject of their own clause when that is an organization or
//     place ("Germany condemned Iran and recalled its ambassador": Germany's, the
//     conjoined verb sharing the first one's subject), else the latest organization or
//     place in this or the sentence before ("supports Kazakhstan in safeguarding its
//     independence");
//   - "the minister", "the foreign minister" join the latest person with that role, and
//     "the country" the latest country.
//
// Mentions of a person then take the referent's full name, and its roles and nationality
// when they give none; pronouns and nominals take the referent's type too. A person with
// no nationality from the text gets the one of the head of state or government of that
// name at date, when the gazetteer knows exactly one.
func linkMentions(ms []mention, gaz *gazetteer.Gazetteer, date string) {
	var refs []referent
	idx := newReferentIndex()
	join := func(i, r int) {
		ms[i].cluster = r
		refs[r].last = i
	}
	create := func(i int, ref referent) {
		ref.last = i
		refs = append(refs, ref)
		ms[i].cluster = len(refs) - 1
		idx.add(refs, len(refs)-1)
	}
	for i := range ms {
		m := &ms[i]
		m.cluster = -1
		if m.dropped {
			continue
		}
		switch m.kind {
		case nameMention:
			m.parts = nameParts(m.name)
			retypeAsPerson(refs, idx, m)
			if r := findNamed(refs, idx, m); r >= 0 {
				join(i, r)
				parts, roles := refs[r].parts, refs[r].roles
				mergeInto(&refs[r], m)
				idx.grow(refs, r, parts, roles)
			} else {
				create(i, newReferent(m))
			}
		case pronounMention:
			if k := pronounAntecedent(ms, refs, i); k >= 0 {
				join(i, ms[k].cluster)
			}
		case nominalMention:
			if r := nominalAntecedent(refs, idx, m); r >= 0 {
				join(i, r)
			} else if m.typ == document.TypePerson {
				create(i, newReferent(m))
			}
		}
		if r := m.cluster; r >= 0 && m.gazKind == gazetteer.Country && strings.HasPrefix(refs[r].key, "country:") {
			idx.lastCountry = r
		}
	}
	resolveCounterparts(ms, refs)
	for r := range refs {
		ref := &refs[r]
		if code, ok := strings.CutPrefix(ref.key, "country:"); ok {
			// The country names the national referent, whichever of its capital, demonym or
			// own names came first: "its" after "ASTANA … Kazakhstan" is Kazakhstan's.
			if name, _, ok := gaz.Country(code); ok {
				ref.name = name
			}
		}
		if ref.typ == document.TypePerson && ref.nationality == "" {
			ref.nationality = leaderNationality(gaz, ref, date)
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.cluster < 0 {
			continue
		}
		ref := &refs[m.cluster]
		if m.kind != nameMention {
			m.typ = ref.typ
		}
		if ref.typ != document.TypePerson {
			if m.kind != nameMention {
				m.name = ref.name
			}
			continue
		}
		m.name = ref.name
		if len(m.roles) == 0 || m.kind == nominalMention {
			m.roles = ref.roles
		}
		if m.nationality == "" {
			m.nationality = ref.nationality
		}
	}
}

func newReferent(m *mention) referent {
	ref := referent{typ: m.typ, name: m.name, roles: m.roles, nationality: m.nationality}
	if m.kind == nominalMention {
		ref.name = ""
	}
	if ref.name != "" {
		ref.parts = m.parts
	}
	ref.key = referentKey(m)
	if m.country != "" {
		ref.typ = document.TypeGPE // "Chinese" first, then "China": one country
	}
	return ref
}

// referentKey is the key of the referent a name that is not a person's names.
func referentKey(m *mention) string {
	switch {
	case m.country != "":
		return "country:" + m.country
	case m.code != "":
		return "code:" + m.code
	case m.typ != document.TypePerson:
		return m.typ + ":" + strings.ToLower(m.name)
	}
	return ""
}

// mergeInto adds what a newly linked name mention tells about its referent.
func mergeInto(ref *referent, m *mention) {
	if ref.typ == document.TypePerson {
		if len(m.parts) > len(ref.parts) {
			ref.name, ref.parts = m.name, m.parts
		}
		for _, role := range m.roles {
			if !containsFold(ref.roles, role) {
				ref.roles = append(ref.roles[:len(ref.roles):len(ref.roles)], role)
			}
		}
		if ref.nationality == "" {
			ref.nationality = m.nationality
		}
	}
}

// resolveCounterparts gives a person introduced as someone's counterpart ("met his
// Azerbaijani counterpart Jeyhun Bayramov") the roles of the last person with roles
// mentioned before in the same sentence: a counterpart holds the same office elsewhere.
func resolveCounterparts(ms []mention, refs []referent) {
	for i := range ms {
		m := &ms[i]
		if m.cluster < 0 || m.kind != nameMention || len(m.roles) != 1 || m.roles[0] != "Counterpart" {
			continue
		}
		for k := i - 1; k >= 0 && ms[k].sent == m.sent; k-- {
			if c := &ms[k]; c.cluster >= 0 && c.cluster != m.cluster && refs[c.cluster].typ == document.TypePerson && len(refs[c.cluster].roles) > 0 {
				m.roles = refs[c.cluster].roles
				ref := &refs[m.cluster]
				if len(ref.roles) == 1 && ref.roles[0] == "Counterpart" {
					ref.roles = m.roles
				}
				break
			}
		}
	}
}

// retypeAsPerson makes a person of a name the recognizer typed otherwise but that is part
// of the name of a person already met: "Tokayev" at the start of a sentence looks like an
// organization to the recognizer, not to a reader who has just read "Kassym-Jomart Tokayev".
func retypeAsPerson(refs []referent, idx *referentIndex, m *mention) {
	if m.typ == document.TypePerson || m.typ == document.TypeNORP || m.gazKind != 0 {
		return
	}
	if len(m.parts) == 0 {
		return
	}
	for _, r := range newest(idx.byWord[m.parts[0]]) { // a person whose name holds all of m's
		if refs[r].typ == document.TypePerson && subset(m.parts, refs[r].parts) {
			m.typ = document.TypePerson
			return
		}
	}
}

// nameParts splits a person's name into lower-cased words, honorifics left out.
func nameParts(name string) []string {
	var parts []string
	for _, p := range strings.Fields(strings.ToLower(name)) {
		if !honorifics.has(p) {
			parts = append(parts, p)
		}
	}
	return parts
}

// findNamed returns the referent a name mention joins, or -1 for a new one: of those
// that match, the one mentioned last.
func findNamed(refs []referent, idx *referentIndex, m *mention) int {
	best := -1
	if m.typ == document.TypePerson {
		parts := m.parts
		if len(parts) == 0 {
			return -1
		}
		// A person whose name holds all of m's words, or whose words m's name holds,
		// shares a word with it.
		for _, w := range parts {
			for _, r := range newest(idx.byWord[w]) {
				ref := &refs[r]
				if ref.typ != document.TypePerson || len(ref.parts) == 0 {
					continue
				}
				if subset(parts, ref.parts) || subset(ref.parts, parts) {
					if best < 0 || ref.last > refs[best].last {
						best = r
					}
				}
			}
		}
		return best
	}
	key := referentKey(m)
	acronym := m.typ == document.TypeOrg && isAllCaps(m.name) && !strings.ContainsAny(m.name, " ")
	candidates := newest(idx.byKey[key])
	if acronym {
		candidates = append(candidates[:len(candidates):len(candidates)], newest(idx.byInitials[strings.ReplaceAll(m.name, ".", "")])...)
	}
	for _, r := range candidates {
		ref := &refs[r]
		if ref.typ == document.TypePerson {
			continue
		}
		if ref.key == key || acronym && ref.typ == document.TypeOrg && initials(ref.name) == strings.ReplaceAll(m.name, ".", "") {
			if best < 0 || ref.last > refs[best].last {
				best = r
			}
		}
	}
	return best
}

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	for _, w := range a {
		found := false
		for _, v := range b {
			if w == v {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// initials spells an organization's name by its capitalized words: "Shanghai Cooperation
// Organization" is SCO, "Communist Party of China" CPC.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// pronounAntecedent returns the index of the mention pronoun ms[i] refers back to, or -1.
func pronounAntecedent(ms []mention, refs []referent, i int) int {
	m := &ms[i]
	person := m.typ == document.TypePerson
	if !person && m.clauseSubject >= 0 {
		for k := i - 1; k >= 0 && ms[k].sent == m.sent; k-- {
			c := &ms[k]
			if c.cluster >= 0 && c.start <= m.clauseSubject && m.clauseSubject < c.end {
				if t := refs[c.cluster].typ; t == document.TypeOrg || t == document.TypeGPE {
					return k
				}
				break
			}
		}
	}
	for s := m.sent; s >= 0 && s >= m.sent-2; s-- {
		latest, earliest, subject := -1, -1, -1
		for k := i - 1; k >= 0 && ms[k].sent >= s; k-- {
			c := &ms[k]
			if c.sent != s || c.cluster < 0 {
				continue
			}
			ref := &refs[c.cluster]
			if person && ref.typ != document.TypePerson || !person && ref.typ != document.TypeOrg && ref.typ != document.TypeGPE {
				continue
			}
			if latest < 0 {
				latest = k
			}
			earliest = k
			if c.subject && subject < 0 {
				subject = k
			}
		}
		switch {
		case person && subject >= 0:
			return subject
		case person && s < m.sent && earliest >= 0:
			// No subject found (or none parsed): a sentence's first person is its
			// topic more often than its last.
			return earliest
		case latest >= 0:
			return latest
		}
		if !person && s < m.sent {
			break // "its" looks back one sentence at most
		}
	}
	return -1
}

// nominalAntecedent returns the referent a definite description m refers back to, or -1:
// the latest mentioned person with the same role (or a role on the same head word) for
// "the minister", the country last mentioned by its name for "the country".
func nominalAntecedent(refs []referent, idx *referentIndex, m *mention) int {
	if m.typ == document.TypeGPE {
		return idx.lastCountry
	}
	if len(m.roles) == 0 {
		return -1
	}
	// A matching role ends in m's head word, or is m's role.
	candidates := newest(idx.byRoleWord[m.word])
	if w := lastWord(strings.ToLower(m.roles[0])); w != m.word {
		candidates = append(candidates[:len(candidates):len(candidates)], newest(idx.byRoleWord[w])...)
	}
	best := -1
	for _, r := range candidates {
		ref := &refs[r]
		if ref.typ != document.TypePerson || ref.name == "" || best >= 0 && ref.last <= refs[best].last {
			continue
		}
		for _, role := range ref.roles {
			lr := strings.ToLower(role)
			if lr == strings.ToLower(m.roles[0]) || strings.HasSuffix(lr, " "+m.word) || lr == m.word {
				best = r
				break
			}
		}
	}
	return best
}

// leaderNationality is the country of the one head of state or government the gazetteer
// knows under the referent's name at date, or "".
func leaderNationality(gaz *gazetteer.Gazetteer, ref *referent, date string) string {
	if len(ref.parts) < 2 {
		return "" // a surname alone names too many people
	}
	if l := gazetteer.CurrentLeader(gaz.Leaders(ref.name, date), date); l != nil {
		return l.Country
	}
	return ""
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
