package ner

import "herald/entity/gazetteer"

// FromGazetteer adapts Herald's gazetteer for the recognizer's features. A name written
// as the gazetteer stores it is labelled with its kind ("country", "capital", "city",
// "demonym", "igo", "leader"); a name that only matches when case is ignored ("malaysia",
// "us") gets its kind with a "~" after it, so the model learns how far to trust it.
func FromGazetteer(g *gazetteer.Gazetteer) KnownNames {
	return gazetteerFeatures{g}
}

type gazetteerFeatures struct{ g *gazetteer.Gazetteer }

func (f gazetteerFeatures) Longest(words []string, i int) (int, string) {
	if n, entries := f.g.Match(words, i); n > 0 && len(entries) > 0 {
		return n, entries[0].Kind.String()
	}
	if n, entries := f.g.MatchAnyCase(words, i); n > 0 && len(entries) > 0 {
		return n, anyCaseLabel(entries[0].Kind)
	}
	return 0, ""
}

// anyCaseLabel is the label of a name matched only without case; constant strings, so
// that Longest allocates nothing.
func anyCaseLabel(k gazetteer.Kind) string {
	switch k {
	case gazetteer.Country:
		return "country~"
	case gazetteer.Capital:
		return "capital~"
	case gazetteer.City:
		return "city~"
	case gazetteer.Demonym:
		return "demonym~"
	case gazetteer.IGO:
		return "igo~"
	case gazetteer.Leader, gazetteer.IGOOfficial:
		return "leader~"
	}
	return "other~"
}
