// Package lemma gives each word its dictionary form as UD English-EWT writes it: "went" →
// "go", "children" → "child", "better" → "good", "n't" → "not", "'s" → "be" when it is a
// verb and "'s" when it is the possessive, proper nouns as they are written. It reads a
// word with the UPOS and XPOS the tagger gave it and adds Token.Lemma.
//
// Everything is learned from the training treebank (CoNLL-U, UD English-EWT):
//   - a lexicon of the forms seen there, with the lemma each had most often under each tag;
//     irregular forms (was → be, mice → mouse) are simply entries of it;
//   - for unseen forms, edit scripts in the manner of Chrupała's "Simple data-driven
//     context-sensitive lemmatization" (2006): strip k characters from the end and append a
//     suffix ("studies" → strip 3, add "y"), chosen by the XPOS and the longest ending of
//     the word seen with at least two training words, by frequency;
//   - per XPOS, whether an unseen capitalised form keeps its case ("Kazakh" JJ stays
//     "Kazakh", "Reports" NNS becomes "report").
//
// A Model is read-only and safe for concurrent use. Lemma allocates nothing for a word in
// the lexicon or one the rules only shorten; it allocates the new string when a rule adds
// letters to an unseen word.
package lemma

import (
	"unicode"
	"unicode/utf8"

	"herald/learn"
)

// Model is a trained lemmatizer.
type Model struct {
	// forms maps a form, case kept, to its lemmas, the most frequent tag pair first.
	forms map[string][]entry
	// rules maps an XPOS to its ending → edit script table; the ending "" holds the
	// script for the tag as a whole.
	rules map[string]map[string]script
	// keepCase holds the XPOS whose unseen capitalised forms keep their case.
	keepCase map[string]bool
	meta     string
}

// entry is the lemma of a form under one tag pair.
type entry struct {
	upos, xpos, lemma string
}

// script turns a word into its lemma: drop strip bytes from the end, append add.
type script struct {
	strip int
	add   string
}

// maxEnding is the longest word ending the rules look at.
const maxEnding = 5

// Info describes how the model was trained.
func (m *Model) Info() string { return m.meta }

// Lemma returns the lemma of word tagged upos and xpos.
func (m *Model) Lemma(word, upos, xpos string) string {
	if word == "" {
		return ""
	}
	if l, ok := pick(m.forms[word], upos, xpos, false); ok {
		return l
	}
	// Unseen as written: try the lowercase ("Reports" at the start of a sentence,
	// "PRESIDENT" in a headline) and the title case ("KAZAKH" → "Kazakh").
	var stack [64]byte
	lower := learn.AppendLower(stack[:0], word)
	// A map index with string(bytes) does not allocate. The recased form must have been
	// seen with the same XPOS: "Greater" as NNP is a name, not the "greater" of JJR.
	if l, ok := pick(m.forms[string(lower)], upos, xpos, true); ok && string(lower) != word {
		return l
	}
	var stack2 [64]byte
	title := learn.AppendTitle(stack2[:0], lower)
	if string(title) != word {
		if l, ok := pick(m.forms[string(title)], upos, xpos, true); ok {
			return l
		}
	}
	if upos == "PROPN" || m.keepCase[xpos] && !allUpper(word) {
		return m.apply(word, nil, xpos)
	}
	if string(lower) == word {
		return m.apply(word, nil, xpos)
	}
	return m.apply(word, lower, xpos)
}

// pick chooses among a form's lexicon entries: the one with both tags, else with the
// XPOS, else (unless sameXPOS) with the UPOS.
func pick(entries []entry, upos, xpos string, sameXPOS bool) (string, bool) {
	for _, e := range entries {
		if e.xpos == xpos && e.upos == upos {
			return e.lemma, true
		}
	}
	for _, e := range entries {
		if e.xpos == xpos {
			return e.lemma, true
		}
	}
	if sameXPOS {
		return "", false
	}
	for _, e := range entries {
		if e.upos == upos {
			return e.lemma, true
		}
	}
	return "", false
}

// apply runs the edit script for word. When lower is non-nil the lemma is built from it
// (the word lowercased into a scratch buffer), which then has to become a new string.
func (m *Model) apply(word string, lower []byte, xpos string) string {
	src := word
	if lower != nil {
		src = string(lower)
	}
	sc := m.scriptFor(src, xpos)
	if sc.strip > len(src) || sc.strip > 0 && !utf8.RuneStart(src[len(src)-sc.strip]) {
		sc = script{} // never cut a character in two
	}
	if lower == nil && sc.add == "" {
		return word[:len(word)-sc.strip] // a substring: no allocation
	}
	return src[:len(src)-sc.strip] + sc.add
}

// scriptFor picks the script of the longest ending of w with a rule under xpos; with none,
// the word is its own lemma.
func (m *Model) scriptFor(w, xpos string) script {
	table := m.rules[xpos]
	if table == nil {
		return script{}
	}
	for k := min(maxEnding, len(w)); k >= 0; k-- {
		if sc, ok := table[w[len(w)-k:]]; ok {
			return sc
		}
	}
	return script{}
}

func allUpper(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}
