package entity

import (
	"math/rand/v2"
	"strings"
	"testing"

	"herald/entity/gazetteer"
)

// TestReferentIndex links random mentions as linkMentions does and checks, at every step,
// that the indexed lookups (findNamed, retypeAsPerson, nominalAntecedent) answer what a
// scan of every referent, or every earlier mention, answers.
func TestReferentIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 6))
	words := []string{"Wang", "Yi", "Kassym-Jomart", "Tokayev", "Xi", "Jinping", "John", "Smith", "Ali", "Khan"}
	roles := []string{"Foreign Minister", "President", "minister", "Prime Minister", "spokesman", "Deputy Foreign Minister"}
	orgs := []string{"Shanghai Cooperation Organization", "SCO", "United Nations", "UN", "U.N.", "Communist Party of China", "CPC", "Acme"}
	countries := []string{"KAZ", "CHN", "RUS"}
	for trial := range 300 {
		var refs []referent
		var ms []mention
		idx := newReferentIndex()
		for i := range 80 {
			m := mention{sent: i / 4, cluster: -1}
			switch rng.IntN(6) {
			case 0, 1: // a person, by one to three words of a name, perhaps with roles
				n := 1 + rng.IntN(3)
				var name []string
				for range n {
					name = append(name, words[rng.IntN(len(words))])
				}
				m.typ, m.name = "PERSON", strings.Join(name, " ")
				for range rng.IntN(3) {
					m.roles = append(m.roles, roles[rng.IntN(len(roles))])
				}
			case 2: // an organization, an acronym or a word the recognizer typed wrong
				m.typ, m.name = []string{"ORG", "ORG", "LOC"}[rng.IntN(3)], orgs[rng.IntN(len(orgs))]
				if rng.IntN(3) == 0 {
					m.name = words[rng.IntN(len(words))]
				}
			case 3: // a country, by its name or not
				m.typ, m.name, m.country = "GPE", "Country", countries[rng.IntN(len(countries))]
				if rng.IntN(2) == 0 {
					m.gazKind = gazetteer.Country
				}
			case 4: // "the minister", "the foreign minister"
				role := roles[rng.IntN(len(roles))]
				m.kind, m.typ, m.roles = nominalMention, "PERSON", []string{strings.ToLower(role)}
				m.word = lastWord(strings.ToLower(role))
			case 5: // "the country"
				m.kind, m.typ, m.word = nominalMention, "GPE", "country"
			}
			ms = append(ms, m)
			m0 := &ms[i]
			switch m0.kind {
			case nameMention:
				m0.parts = nameParts(m0.name)
				scanned := *m0
				retypeAsPerson(refs, idx, m0)
				scanRetypeAsPerson(refs, &scanned)
				if m0.typ != scanned.typ {
					t.Fatalf("trial %d, mention %d %q: retyped as %s, a scan says %s", trial, i, m0.name, m0.typ, scanned.typ)
				}
				r, want := findNamed(refs, idx, m0), scanFindNamed(refs, m0)
				if r != want {
					t.Fatalf("trial %d, mention %d %s %q: joins %d, a scan says %d", trial, i, m0.typ, m0.name, r, want)
				}
				if r >= 0 {
					m0.cluster, refs[r].last = r, i
					parts, roles := refs[r].parts, refs[r].roles
					mergeInto(&refs[r], m0)
					idx.grow(refs, r, parts, roles)
				} else {
					ref := newReferent(m0)
					ref.last = i
					refs = append(refs, ref)
					m0.cluster = len(refs) - 1
					idx.add(refs, m0.cluster)
				}
			case nominalMention:
				r, want := nominalAntecedent(refs, idx, m0), scanNominalAntecedent(ms, refs, i)
				if r != want {
					t.Fatalf("trial %d, mention %d %v: refers to %d, a scan says %d", trial, i, m0.roles, r, want)
				}
				if r >= 0 {
					m0.cluster, refs[r].last = r, i
				}
			}
			if r := m0.cluster; r >= 0 && m0.gazKind == gazetteer.Country && strings.HasPrefix(refs[r].key, "country:") {
				idx.lastCountry = r
			}
		}
	}
}

// scanFindNamed is findNamed by a look at every referent.
func scanFindNamed(refs []referent, m *mention) int {
	best := -1
	key := referentKey(m)
	acronym := m.typ == "ORG" && isAllCaps(m.name) && !strings.ContainsAny(m.name, " ")
	for r := range refs {
		ref := &refs[r]
		var match bool
		if m.typ == "PERSON" {
			match = len(m.parts) > 0 && ref.typ == "PERSON" && len(ref.parts) > 0 &&
				(subset(m.parts, ref.parts) || subset(ref.parts, m.parts))
		} else {
			match = ref.typ != "PERSON" && (ref.key == key ||
				acronym && ref.typ == "ORG" && initials(ref.name) == strings.ReplaceAll(m.name, ".", ""))
		}
		if match && (best < 0 || ref.last > refs[best].last) {
			best = r
		}
	}
	return best
}

// scanRetypeAsPerson is retypeAsPerson by a look at every referent.
func scanRetypeAsPerson(refs []referent, m *mention) {
	if m.typ == "PERSON" || m.typ == "NORP" || m.gazKind != 0 || len(m.parts) == 0 {
		return
	}
	for r := range refs {
		if refs[r].typ == "PERSON" && subset(m.parts, refs[r].parts) {
			m.typ = "PERSON"
			return
		}
	}
}

// scanNominalAntecedent is nominalAntecedent by a look back at every earlier mention.
func scanNominalAntecedent(ms []mention, refs []referent, i int) int {
	m := &ms[i]
	for k := i - 1; k >= 0; k-- {
		c := &ms[k]
		if c.cluster < 0 {
			continue
		}
		ref := &refs[c.cluster]
		if m.typ == "GPE" {
			if strings.HasPrefix(ref.key, "country:") && c.gazKind == gazetteer.Country {
				return c.cluster
			}
			continue
		}
		if ref.typ != "PERSON" || ref.name == "" {
			continue
		}
		for _, role := range ref.roles {
			lr := strings.ToLower(role)
			if lr == strings.ToLower(m.roles[0]) || strings.HasSuffix(lr, " "+m.word) || lr == m.word {
				return c.cluster
			}
		}
	}
	return -1
}
