package event

import (
	"strings"

	"herald/lexicon/petrarch"
)

// verbEntry is one verb of the dictionary: its block (whose patterns apply to it) and
// the verb itself.
type verbEntry struct {
	block *petrarch.VerbBlock
	verb  *petrarch.Verb
	// rest are the words of a multi-word verb other than its head, in order, with the
	// position of the head among them ("ASK FOR": head ASK, rest [FOR] after it).
	before, after []string
}

// verbIndex finds the dictionary verbs of a predicate by its head word: the lemma the
// syntax stage gives it, or the form written in the dictionary.
type verbIndex struct {
	byHead  map[string][]verbEntry
	synsets map[string]map[string]bool // synset name → its phrases' words, joined by spaces
	heads   map[string]map[string]bool // synset name → the last words of its phrases
	// phrases maps a synset's name to its phrases by their first word, so that matching
	// one looks up each word of the sentence rather than comparing every phrase
	// (&CURRENCY has hundreds).
	phrases map[string]map[string][][]string
}

func newVerbIndex(v *petrarch.Verbs) *verbIndex {
	ix := &verbIndex{byHead: map[string][]verbEntry{}, synsets: map[string]map[string]bool{}, heads: map[string]map[string]bool{},
		phrases: map[string]map[string][][]string{}}
	if v == nil {
		return ix
	}
	for bi := range v.Blocks {
		b := &v.Blocks[bi]
		for vi := range b.Verbs {
			vb := &b.Verbs[vi]
			if len(vb.Words) == 0 || vb.Head < 0 || vb.Head >= len(vb.Words) {
				continue
			}
			e := verbEntry{block: b, verb: vb, before: vb.Words[:vb.Head], after: vb.Words[vb.Head+1:]}
			seen := map[string]bool{}
			add := func(head string) {
				if head != "" && !seen[head] {
					seen[head] = true
					ix.byHead[head] = append(ix.byHead[head], e)
				}
			}
			add(vb.Words[vb.Head])
			for _, f := range vb.Forms {
				if vb.Head < len(f) {
					add(f[vb.Head])
				}
			}
		}
	}
	for si := range v.Synsets {
		s := &v.Synsets[si]
		all, heads, byFirst := map[string]bool{}, map[string]bool{}, map[string][][]string{}
		for _, p := range s.Phrases {
			if len(p) == 0 {
				continue
			}
			all[strings.Join(p, " ")] = true
			heads[p[len(p)-1]] = true
			byFirst[p[0]] = append(byFirst[p[0]], p)
		}
		ix.synsets[s.Name], ix.heads[s.Name], ix.phrases[s.Name] = all, heads, byFirst
	}
	return ix
}

// knows reports whether a dictionary verb has this form or lemma as its head.
func (ix *verbIndex) knows(form, lemma string) bool {
	return len(ix.byHead[form]) > 0 || len(ix.byHead[lemma]) > 0
}

// lookup returns the dictionary verbs whose head is the predicate's lemma or form,
// multi-word verbs first when their other words are around the predicate, then
// single-word verbs.
func (ix *verbIndex) lookup(c *clause) []verbEntry {
	var multi, single []verbEntry
	seen := map[*petrarch.Verb]bool{}
	for _, key := range [2]string{c.form, c.lemma} { // the form as written first: LEFT is its own verb
		for _, e := range ix.byHead[key] {
			if seen[e.verb] {
				continue
			}
			seen[e.verb] = true
			switch {
			case len(e.before) == 0 && len(e.after) == 0:
				single = append(single, e)
			case c.hasWordsAround(e.before, e.after):
				multi = append(multi, e)
			}
		}
	}
	return append(multi, single...)
}

// termMatches reports whether a pattern term matches a word (upper-cased lemma or form).
func (ix *verbIndex) termMatches(t petrarch.Term, lemma, form string) bool {
	switch t.Kind {
	case petrarch.Word:
		if t.Text == lemma || t.Text == form {
			return true
		}
		if strings.IndexByte(t.Text, '/') < 0 {
			return false
		}
		for _, alt := range strings.Split(t.Text, "/") {
			if alt == lemma || alt == form {
				return true
			}
		}
	case petrarch.SynsetOf:
		h := ix.heads[t.Text]
		return h[lemma] || h[form]
	}
	return false
}

// inPool reports whether a pattern term matches in pool, tokens of the sentence in
// order: a word anywhere in it, a synset when one of its phrases is there word for word
// ("DID N'T" for &NEGATVAUXVRB).
func (ix *verbIndex) inPool(s *sentence, t petrarch.Term, pool []int) bool {
	if t.Kind != petrarch.SynsetOf {
		for _, k := range pool {
			if ix.termMatches(t, s.lemma[k], s.upper[k]) {
				return true
			}
		}
		return false
	}
	byFirst := ix.phrases[t.Text]
	if len(byFirst) == 0 {
		return false
	}
	for i, k := range pool {
		if phrasesAt(s, pool, i, byFirst[s.upper[k]]) {
			return true
		}
		if s.lemma[k] != s.upper[k] && phrasesAt(s, pool, i, byFirst[s.lemma[k]]) {
			return true
		}
	}
	return false
}

// phrasesAt reports whether one of phrases, whose first word is already known to match
// pool[i], goes on word for word at the tokens after it.
func phrasesAt(s *sentence, pool []int, i int, phrases [][]string) bool {
	for _, p := range phrases {
		if i+len(p) > len(pool) {
			continue
		}
		ok := true
		for j := 1; j < len(p) && ok; j++ {
			k := pool[i+j]
			ok = k == pool[i+j-1]+1 && (s.upper[k] == p[j] || s.lemma[k] == p[j])
		}
		if ok {
			return true
		}
	}
	return false
}
