package gazetteer

import (
	"slices"
	"strings"
	"unicode"
)

// Demonyms lists one-word demonyms of the gazetteer ("Kazakh", "Chileans"), each written
// with a capital and the rest in lower case, sorted, with no repeats. They are the tagger's
// demonym list (tagger.TrainOptions.Demonyms), which the trained model keeps.
//
// The gazetteer holds more spellings than are in common use: CountryInfo's variants and
// other languages' names ("Argjentina", "Arxentina"). Demonyms lists a demonym when it is
// one of the forms that a country's canonical name or demonym gives (its beginnings of
// four letters or more, with or without a plural "s": "Kazakh" of "Kazakhstani") or one
// of the given words, in any case (the words of the training text: "Spaniard", "Briton",
// "Kiwi"). The shipped tagger was trained on that list: changing what Demonyms returns
// changes the tagger that `herald train tagger` builds.
func (g *Gazetteer) Demonyms(words []string) []string {
	if g == nil {
		return nil
	}
	candidates := map[string]bool{}
	add := func(w string) {
		if w != "" {
			candidates[capitalized(w)] = true
		}
	}
	for _, w := range words {
		add(w)
	}
	// Every country is here under its ISO 3166 alpha-3 code and, when it differs, its
	// CAMEO code: a country seen twice adds nothing, since candidates is a set.
	for _, c := range g.countries {
		for _, w := range []string{c.name, c.demonym} {
			r := []rune(w)
			for k := 4; k <= len(r); k++ {
				add(string(r[:k]))
				add(string(r[:k]) + "s")
			}
		}
	}
	var out []string
	one := make([]string, 1)
	for w := range candidates {
		one[0] = w
		n, entries := g.Match(one, 0)
		if n == 1 && slices.ContainsFunc(entries, func(e Entry) bool { return e.Kind == Demonym }) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// capitalized writes w in lower case but for its first letter: "KAZAKH" → "Kazakh".
func capitalized(w string) string {
	r := []rune(strings.ToLower(w))
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
