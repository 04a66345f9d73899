package lemma

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"herald/conllu"
)

// Train learns a lemmatizer from the words and lemmas of train. Words without a lemma
// are skipped.
func Train(train []*conllu.Sentence) *Model {
	m := &Model{forms: map[string][]entry{}, rules: map[string]map[string]script{}, keepCase: map[string]bool{}}
	type lexKey struct{ form, upos, xpos string }
	lexicon := map[lexKey]map[string]int{} // lemma counts of each (form, tags)
	type caseCount struct{ kept, lowered int }
	cases := map[string]*caseCount{}
	words := 0
	for _, s := range train {
		for i, w := range s.Words {
			if w.Lemma == "" {
				continue
			}
			words++
			k := lexKey{w.Form, w.UPOS, w.XPOS}
			if lexicon[k] == nil {
				lexicon[k] = map[string]int{}
			}
			lexicon[k][w.Lemma]++
			// Case is learned from capitalised words that are not first in the sentence
			// nor all in capitals, where capitals mean nothing.
			if i > 0 && hasUpper(w.Form) && !allUpper(w.Form) {
				c := cases[w.XPOS]
				if c == nil {
					c = &caseCount{}
					cases[w.XPOS] = c
				}
				if strings.HasPrefix(w.Lemma, w.Form[:1]) {
					c.kept++
				} else {
					c.lowered++
				}
			}
		}
	}

	// The lexicon: each (form, tags)'s most frequent lemma.
	type tagged struct {
		entry
		n int
	}
	perForm := map[string][]tagged{}
	for k, lemmas := range lexicon {
		best, bestN, total := "", 0, 0
		for l, n := range lemmas {
			total += n
			if n > bestN || n == bestN && l < best {
				best, bestN = l, n
			}
		}
		perForm[k.form] = append(perForm[k.form], tagged{entry{k.upos, k.xpos, best}, total})
	}
	for f, es := range perForm {
		slices.SortFunc(es, func(a, b tagged) int {
			return cmp.Or(b.n-a.n, strings.Compare(a.xpos, b.xpos), strings.Compare(a.upos, b.upos))
		})
		for _, e := range es {
			m.forms[f] = append(m.forms[f], e.entry)
		}
	}
	for xpos, c := range cases {
		if c.kept > c.lowered {
			m.keepCase[xpos] = true
		}
	}

	// The rules, learned from word types rather than tokens: an unseen word is more like
	// the rare words of the treebank than like its frequent ones.
	type ruleKey struct{ xpos, ending string }
	counts := map[ruleKey]map[script]int{}
	types := map[ruleKey]int{}
	for k, lemmas := range lexicon {
		lemma := ""
		for l := range lemmas {
			if lemma == "" || lemmas[l] > lemmas[lemma] || lemmas[l] == lemmas[lemma] && l < lemma {
				lemma = l
			}
		}
		form := k.form
		if k.upos != "PROPN" && !(m.keepCase[k.xpos] && !allUpper(form)) {
			form, lemma = strings.ToLower(form), strings.ToLower(lemma)
		}
		sc := scriptBetween(form, lemma)
		for e := 0; e <= min(maxEnding, len(form)); e++ {
			rk := ruleKey{k.xpos, form[len(form)-e:]}
			if counts[rk] == nil {
				counts[rk] = map[script]int{}
			}
			counts[rk][sc]++
			types[rk]++
		}
	}
	best := func(k ruleKey) script {
		var b script
		bn := -1
		for sc, n := range counts[k] {
			if n > bn || n == bn && (sc.strip < b.strip || sc.strip == b.strip && sc.add < b.add) {
				b, bn = sc, n
			}
		}
		return b
	}
	keys := make([]ruleKey, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	for _, k := range keys {
		// An ending seen in one word only is that word, not a rule; an ending that says
		// what its shorter ending says is redundant.
		if k.ending != "" && types[k] < minRuleTypes {
			continue
		}
		sc := best(k)
		if k.ending != "" && sc == best(ruleKey{k.xpos, k.ending[1:]}) {
			continue
		}
		if m.rules[k.xpos] == nil {
			m.rules[k.xpos] = map[string]script{}
		}
		m.rules[k.xpos][k.ending] = sc
	}
	m.meta = fmt.Sprintf("%d sentences, %d words; %d forms, %d rules", len(train), words, len(m.forms), countRules(m))
	return m
}

// minRuleTypes is how many training words must share an ending before it makes a rule.
const minRuleTypes = 2

func countRules(m *Model) int {
	n := 0
	for _, t := range m.rules {
		n += len(t)
	}
	return n
}

// scriptBetween is the script that turns form into lemma: strip what follows their
// common prefix, append the rest of the lemma.
func scriptBetween(form, lemma string) script {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	return script{strip: len(form) - p, add: lemma[p:]}
}

func hasUpper(w string) bool {
	return strings.ToLower(w) != w
}

// Accuracy is the share of the words of gold, lemmatized with their gold tags, whose
// lemma is right. Words without a gold lemma are not counted.
func Accuracy(m *Model, gold []*conllu.Sentence) float64 {
	right, total := 0, 0
	for _, s := range gold {
		for _, w := range s.Words {
			if w.Lemma == "" {
				continue
			}
			total++
			if m.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				right++
			}
		}
	}
	return float64(right) / float64(max(total, 1))
}
