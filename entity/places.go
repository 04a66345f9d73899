package entity

import (
	"slices"
	"strings"
	"unicode"

	"herald/document"
)

// PlaceNames are the names of places a gazetteer knows (geo's), for the repairs of place
// names. The entity stage reads them through this interface, which keeps the places
// stage above it.
type PlaceNames interface {
	// PlaceName tells whether name is the name of a place, and what the repairs need to
	// know of the first place it names.
	PlaceName(name string) (PlaceName, bool)
}

// PlaceName is what the repairs of place names need to know of a place.
type PlaceName struct {
	// Region: a region or body of water (an entity of type LOC); otherwise a country,
	// division or settlement (GPE).
	Region bool
	// Country: the place is a country.
	Country bool
	// Prominent: known well enough to be taken as a place wherever its name stands (a
	// country, a region, a capital, a large division or city, by its own name).
	Prominent bool
	// Alternate: the name is one of the place's other names, not its own.
	Alternate bool
}

// repairPlaces repairs what the recognizer did to place names, before the actors and
// events are coded from the entities:
//   - a place name cut in pieces is made whole ("Strait" + "Hormuz" is the Strait of
//     Hormuz, "Santiago" of Santiago de Compostela);
//   - a one-word name taken for a person or an organization that is a country, a
//     division, a region, a capital or a city of a million is a place ("Bavaria's
//     conservatives", "Москва");
//   - a prominent place no entity covers becomes one ("fled Nagorno-Karabakh").
//
// The entities layer is changed in place; new entities get clusters of their own.
func repairPlaces(doc *document.Document, places PlaceNames) {
	nextCluster := 0
	for _, e := range doc.Entities {
		nextCluster = max(nextCluster, e.Cluster+1)
	}
	added := false
	bySentence := map[int][]int{}
	for i, e := range doc.Entities {
		if si := doc.SentenceAt(e.Start); si >= 0 {
			bySentence[si] = append(bySentence[si], i)
		}
	}
	var covered []int
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		covered = append(covered[:0], make([]int, len(toks))...) // entity index+1 covering each token
		for _, i := range bySentence[si] {
			e := doc.Entities[i]
			for k, t := range toks {
				if t.Start >= e.Start && t.End <= e.End {
					covered[k] = i + 1
				}
			}
		}
		for k := 0; k < len(toks); {
			n, p := longestPlaceName(places, doc.Text, toks, k)
			if n == 0 {
				k++
				continue
			}
			span := doc.Text[toks[k].Start:toks[k+n-1].End]
			ents := entitiesIn(covered[k : k+n])
			switch {
			case len(ents) == 0:
				if p.Prominent && !(k == 0 && !p.Country && !p.Region) {
					doc.Entities = append(doc.Entities, document.Entity{Start: toks[k].Start, End: toks[k+n-1].End,
						Text: span, Type: placeType(p), Name: span, Mention: document.MentionName, Cluster: nextCluster})
					nextCluster++
					added = true
				}
			default:
				first := ents[0]
				for _, o := range ents {
					if t := doc.Entities[o].Type; t == document.TypeLoc || t == document.TypeGPE {
						first = o
						break
					}
				}
				e := &doc.Entities[first]
				inside := true
				for _, o := range ents {
					inside = inside && doc.Entities[o].Start >= toks[k].Start && doc.Entities[o].End <= toks[k+n-1].End
				}
				switch {
				case (e.Type == document.TypeLoc || e.Type == document.TypeGPE) && inside && (e.Start != toks[k].Start || e.End != toks[k+n-1].End):
					// a piece of a longer place name: the entity takes the whole name, and
					// the other pieces go
					e.Start, e.End, e.Text, e.Name = toks[k].Start, toks[k+n-1].End, span, span
					for _, o := range ents {
						if o != first {
							doc.Entities[o].Type = "" // dropped below
						}
					}
				case (e.Type == document.TypePerson || e.Type == document.TypeOrg) && len(ents) == 1 && e.Role == "" &&
					e.Start == toks[k].Start && e.End == toks[k+n-1].End && p.Prominent &&
					(e.Type == document.TypeOrg || !strings.Contains(span, " ")):
					e.Type = placeType(p)
				case e.Type == document.TypeOrg && len(ents) == 1 && n >= 3 && !p.Alternate &&
					e.Start == toks[k].Start && e.End == toks[k+n-1].End:
					// a place's whole name of three words or more, which no organization
					// the dictionaries know bears: "Santiago de Compostela"
					e.Type = placeType(p)
				}
			}
			k += n
		}
	}
	// Drop the pieces merged into a longer name, and keep the entities in text order.
	kept := doc.Entities[:0]
	for _, e := range doc.Entities {
		if e.Type != "" {
			kept = append(kept, e)
		}
	}
	doc.Entities = kept
	if added {
		slices.SortStableFunc(doc.Entities, func(a, b document.Entity) int { return a.Start - b.Start })
	}
}

// longestPlaceName returns the longest run of up to five tokens from k whose text is a
// place's name, and what the place is; 0 if none starts at k.
func longestPlaceName(places PlaceNames, text string, toks []document.Token, k int) (int, PlaceName) {
	if !startsName(toks[k].Text) || strings.EqualFold(toks[k].Text, "the") {
		// The lookup drops a leading "the" ("the West Bank"), but the article is no
		// part of the name's span: "The United States said" names "United States".
		return 0, PlaceName{}
	}
	for n := min(5, len(toks)-k); n >= 1; n-- {
		if !startsName(toks[k+n-1].Text) {
			continue // a name ends on a name word: "Strait of Hormuz", not "Strait of"
		}
		if p, ok := places.PlaceName(text[toks[k].Start:toks[k+n-1].End]); ok {
			return n, p
		}
	}
	return 0, PlaceName{}
}

// startsName reports whether a token may begin or end a place name: capitalized, or in
// a script without case.
func startsName(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
	}
	return false
}

func placeType(p PlaceName) string {
	if p.Region {
		return document.TypeLoc
	}
	return document.TypeGPE
}

// entitiesIn lists the distinct entities (index+1 values) of covered, in order.
func entitiesIn(covered []int) []int {
	var out []int
	for _, c := range covered {
		if c > 0 && !slices.Contains(out, c-1) {
			out = append(out, c-1)
		}
	}
	return out
}
