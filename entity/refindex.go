package entity

import (
	"strings"

	"herald/document"
)

// maxCandidates bounds how many referents one lookup of a referentIndex looks at in one of
// its lists: the newest ones. In news no word of a name is shared by more than a few dozen
// people, no role word by more than a few dozen office holders, so the bound changes
// nothing there; it keeps a page that lists thousands of people sharing a first name
// linear in its length.
const maxCandidates = 256

// referentIndex finds, for a mention, the referents it may join without looking at every
// referent of the document, which on a long document (a page-long list of names) would
// make linking quadratic in its length. Every candidate is still checked by the rules of
// linkMentions and the most recently mentioned wins, so the index changes no link: it only
// leaves out referents that cannot match.
type referentIndex struct {
	byWord     map[string][]int // persons, by every word of their name (parts)
	byKey      map[string][]int // other referents, by key
	byInitials map[string][]int // organizations, by the initials of their name
	byRoleWord map[string][]int // persons, by the last word of each of their roles, lower-cased
	// lastCountry is the cluster of the latest mention of a country by its name
	// (gazetteer kind Country), -1 before the first: what "the country" refers to.
	lastCountry int
}

func newReferentIndex() *referentIndex {
	return &referentIndex{byWord: map[string][]int{}, byKey: map[string][]int{},
		byInitials: map[string][]int{}, byRoleWord: map[string][]int{}, lastCountry: -1}
}

// add indexes referent r, just created. A referent's type and key never change, nor
// the name of one that is not a person's.
func (x *referentIndex) add(refs []referent, r int) {
	ref := &refs[r]
	if ref.typ == document.TypePerson {
		x.grow(refs, r, nil, nil)
		return
	}
	x.byKey[ref.key] = append(x.byKey[ref.key], r)
	if ref.typ == document.TypeOrg {
		ini := initials(ref.name)
		x.byInitials[ini] = append(x.byInitials[ini], r)
	}
}

// grow indexes what person r has gained since it had the parts oldParts and the roles
// oldRoles: mergeInto only ever replaces the parts with more of them, and adds roles.
func (x *referentIndex) grow(refs []referent, r int, oldParts, oldRoles []string) {
	ref := &refs[r]
	if ref.typ != document.TypePerson {
		return
	}
	for j, w := range ref.parts {
		if !containsWord(oldParts, w) && !containsWord(ref.parts[:j], w) {
			x.byWord[w] = append(x.byWord[w], r)
		}
	}
	for _, role := range ref.roles[min(len(oldRoles), len(ref.roles)):] {
		w := lastWord(strings.ToLower(role))
		if list := x.byRoleWord[w]; len(list) == 0 || list[len(list)-1] != r {
			x.byRoleWord[w] = append(list, r)
		}
	}
}

// newest returns the last maxCandidates referents of a list.
func newest(list []int) []int {
	return list[max(0, len(list)-maxCandidates):]
}

// lastWord is what follows the last space of s: "minister" of "foreign minister".
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

func containsWord(list []string, w string) bool {
	for _, v := range list {
		if v == w {
			return true
		}
	}
	return false
}
