package actor

import (
	"strings"

	"herald/document"
)

// maxPhraseWords is the longest noun phrase coded as one actor: longer ones are clauses
// in all but name.
const maxPhraseWords = 12

// outsidePhrase are the relations whose dependents are not part of an actor's phrase:
// conjuncts (actors of their own), clauses, appositions, prepositions and obliques.
var outsidePhrase = map[string]bool{"conj": true, "cc": true, "punct": true, "acl": true, "advcl": true,
	"parataxis": true, "appos": true, "case": true, "mark": true, "obl": true}

// nominalHead are the parts of speech that head a noun phrase, and so an actor's.
var nominalHead = map[string]bool{"NOUN": true, "PROPN": true, "PRON": true, "NUM": true, "ADJ": true, "X": true, "SYM": true}

// phrases adds to the actors layer, for each noun, name, pronoun, number or adjective of
// each parsed sentence, the noun phrase it heads (its dependents but conjuncts, clauses, appositions and prepositional
// phrases) when the phrase codes to an actor: "Turkish police" (TURCOP), "Gondor's
// government", "police" alone (COP). The event stage picks among them by what it needs:
// a phrase that composes a country and a role, or one whose head is a name or a role.
func (c *Coder) phrases(doc *document.Document, date string) {
	entityAt := doc.EntityAt()
	var words []string
	for si := range doc.Sentences {
		sent := &doc.Sentences[si]
		if sent.Unparsed || len(sent.Tokens) == 0 {
			continue
		}
		toks := sent.Tokens
		_, children := document.Tree(toks)
		for n := range toks {
			if !nominalHead[toks[n].UPOS] {
				continue // a clause is no actor: "halt the rise of the Taiwan dollar"
			}
			var lo, hi, headPos int
			var ok bool
			words, lo, hi, headPos, ok = phraseOf(toks, children, n, words[:0])
			if !ok {
				continue
			}
			coding, ok := c.phraseIn(toks, n, lo, hi, words, date)
			if !ok {
				continue
			}
			start, end := toks[lo].Start, toks[hi].End
			doc.Actors = append(doc.Actors, document.ActorMention{Start: start, End: end, Text: doc.Text[start:end],
				Code: coding.Code, How: coding.How, Entity: entityAt(toks[n].Start, toks[n].End), Sentence: si, Head: n + 1,
				Composed: coding.How == ByRole && coding.Country != "", RoleHead: c.headIsRole(words, headPos)})
		}
	}
}

// phraseOf collects the words of the phrase headed by token n, in text order, with its
// first and last token and the head's place among the words; ok is false for a phrase of
// more than maxPhraseWords words, which the walk gives up on as soon as it sees it.
func phraseOf(toks []document.Token, children [][]int, n int, words []string) (_ []string, lo, hi, headPos int, ok bool) {
	lo, hi = -1, -1
	var walk func(k int) bool
	walk = func(k int) bool {
		for _, ch := range children[k] {
			if ch < k && !outsidePhrase[baseRel(toks[ch].Deprel)] && !walk(ch) {
				return false
			}
		}
		if k == n {
			headPos = len(words)
		}
		if len(words) == maxPhraseWords {
			return false
		}
		words = append(words, toks[k].Text)
		if lo < 0 || k < lo {
			lo = k
		}
		hi = max(hi, k)
		for _, ch := range children[k] {
			if ch > k && !outsidePhrase[baseRel(toks[ch].Deprel)] && !walk(ch) {
				return false
			}
		}
		return true
	}
	ok = walk(n)
	return words, lo, hi, headPos, ok
}

// baseRel is a relation without its subtype: "obl" for "obl:tmod".
func baseRel(d string) string {
	if i := strings.IndexByte(d, ':'); i >= 0 {
		return d[:i]
	}
	return d
}

// headIsRole reports whether the phrase's head word ends a role or group the
// dictionaries know, alone or with up to two words before it ("police", "golden geese",
// "main opposition groups").
func (c *Coder) headIsRole(words []string, head int) bool {
	for k := 1; k <= 3 && head-k+1 >= 0; k++ {
		if c.Names(words[head-k+1 : head+1]) {
			return true
		}
	}
	return false
}
