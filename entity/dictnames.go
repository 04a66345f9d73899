package entity

import (
	"slices"
	"strings"

	"herald/document"
	"herald/lexicon"
)

// addDictionaryNames adds to the entities layer the names of the actor dictionaries that
// the recognizer and the gazetteer did not find: a run of words the dictionary knows as an actor, not
// overlapping any entity, that starts with a capital and holds a proper noun. The
// recognizer is statistical and the dictionaries are what the user gave Herald to code
// with: a name they list is an actor however the recognizer reads its sentence ("Old
// foes Gondor and Osgiliath …"). A dictionary name whose code is a country's is GPE,
// any other ORG. Mentions of the same words share a cluster, and clusters are numbered
// again in order of first mention, as the entity stage numbers them.
func addDictionaryNames(doc *document.Document, lex *lexicon.Lexicon, date string) {
	var added []document.Entity
	var words []string
	e := 0 // the first entity not ending before the sentence
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		if len(toks) == 0 {
			continue
		}
		for e < len(doc.Entities) && doc.Entities[e].End <= toks[0].Start {
			e++
		}
		words = words[:0]
		for i := range toks {
			words = append(words, toks[i].Text)
		}
		for i := 0; i < len(words); {
			if !isCapitalized(words[i]) || overlapsEntity(doc.Entities[e:], toks[i].Start, toks[i].End) {
				i++ // the cheap tests first: the lookup costs more
				continue
			}
			n, a := lex.Actor(words, i)
			if n == 0 || a == nil || !hasProperNoun(toks[i:i+n]) ||
				overlapsEntity(doc.Entities[e:], toks[i].Start, toks[i+n-1].End) {
				i++
				continue
			}
			start, end := toks[i].Start, toks[i+n-1].End
			typ := document.TypeOrg
			if lexicon.IsCountryCode(a.At(date)) {
				typ = document.TypeGPE
			}
			added = append(added, document.Entity{Start: start, End: end, Text: doc.Text[start:end],
				Type: typ, Name: doc.Text[start:end], Mention: document.MentionName, Cluster: -1})
			i += n
		}
	}
	if len(added) == 0 {
		return
	}
	next := 0
	for i := range doc.Entities {
		next = max(next, doc.Entities[i].Cluster+1)
	}
	byName := map[string]int{}
	for i := range added {
		key := strings.ToLower(added[i].Name)
		id, ok := byName[key]
		if !ok {
			id = next
			next++
			byName[key] = id
		}
		added[i].Cluster = id
	}
	doc.Entities = append(doc.Entities, added...)
	slices.SortStableFunc(doc.Entities, func(a, b document.Entity) int { return a.Start - b.Start })
	renumberClusters(doc.Entities)
}

func hasProperNoun(toks []document.Token) bool {
	for i := range toks {
		if toks[i].UPOS == "PROPN" {
			return true
		}
	}
	return false
}

// overlapsEntity reports whether any of ents, which are in text order, overlaps the
// bytes [start, end).
func overlapsEntity(ents []document.Entity, start, end int) bool {
	for i := range ents {
		if ents[i].Start >= end {
			return false
		}
		if ents[i].End > start {
			return true
		}
	}
	return false
}

// isCapitalized reports whether w starts with a capital letter.
func isCapitalized(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}
