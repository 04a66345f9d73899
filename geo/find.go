package geo

import (
	"slices"
	"strings"
	"unicode"

	"herald/document"
)

// findMissed repairs what the recognizer did to place names, before they are resolved:
//   - a place name cut in pieces is made whole ("Strait" + "Hormuz" is the Strait of
//     Hormuz, "Santiago" of Santiago de Compostela);
//   - a one-word name taken for a person or an organization that is a country, a
//     division, a region, a capital or a city of a million is a place ("Bavaria's
//     conservatives", "Москва");
//   - a prominent place no entity covers becomes one ("fled Nagorno-Karabakh").
//
// The entities layer is changed in place; new entities get clusters of their own.
func (r *Resolver) findMissed(doc *document.Document) {
	nextCluster := 0
	for _, e := range doc.Entities {
		nextCluster = max(nextCluster, e.Cluster+1)
	}
	added := false
	bySentence := map[int][]int{}
	for i, e := range doc.Entities {
		if si := sentenceOf(doc, e.Start); si >= 0 {
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
			n, refs := r.longestName(doc.Text, toks, k)
			if n == 0 {
				k++
				continue
			}
			span := doc.Text[toks[k].Start:toks[k+n-1].End]
			p := r.gaz.Place(refs[0].Index())
			ents := entitiesIn(covered[k : k+n])
			switch {
			case len(ents) == 0:
				if prominent(p, refs[0], span) && !(k == 0 && p.Kind != Country && p.Kind != Region) {
					doc.Entities = append(doc.Entities, document.Entity{Start: toks[k].Start, End: toks[k+n-1].End,
						Text: span, Type: placeType(p), Name: span, Mention: "name", Cluster: nextCluster})
					nextCluster++
					added = true
				}
			default:
				first := ents[0]
				for _, o := range ents {
					if t := doc.Entities[o].Type; t == "LOC" || t == "GPE" {
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
				case (e.Type == "LOC" || e.Type == "GPE") && inside && (e.Start != toks[k].Start || e.End != toks[k+n-1].End):
					// a piece of a longer place name: the entity takes the whole name, and
					// the other pieces go
					e.Start, e.End, e.Text, e.Name = toks[k].Start, toks[k+n-1].End, span, span
					for _, o := range ents {
						if o != first {
							doc.Entities[o].Type = "" // dropped below
						}
					}
				case (e.Type == "PERSON" || e.Type == "ORG") && len(ents) == 1 && e.Role == "" &&
					e.Start == toks[k].Start && e.End == toks[k+n-1].End && prominent(p, refs[0], span) &&
					(e.Type == "ORG" || !strings.Contains(span, " ")):
					e.Type = placeType(p)
				case e.Type == "ORG" && len(ents) == 1 && n >= 3 && !refs[0].Alternate() &&
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

// longestName returns the longest run of up to five tokens from k whose text is a place
// name of the gazetteer, and its places; 0 if none starts at k.
func (r *Resolver) longestName(text string, toks []document.Token, k int) (int, []Ref) {
	if !startsName(toks[k].Text) {
		return 0, nil
	}
	for n := min(5, len(toks)-k); n >= 1; n-- {
		if !startsName(toks[k+n-1].Text) {
			continue // a name ends on a name word: "Strait of Hormuz", not "Strait of"
		}
		if refs := r.gaz.Lookup(text[toks[k].Start:toks[k+n-1].End]); len(refs) > 0 {
			return n, refs
		}
	}
	return 0, nil
}

// startsName reports whether a token may begin or end a place name: capitalized, or in
// a script without case.
func startsName(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
	}
	return false
}

// prominent reports whether a place is known well enough to be taken as a place wherever
// its name stands: a country, a region, a large division or city, a capital, by its own
// name.
func prominent(p *Place, ref Ref, name string) bool {
	if ref.Alternate() && p.Kind != Country && (latin(name) || p.Kind != Capital && p.Population < 1000000) {
		// an alternate in another script ("Москва") names only a capital or a large city
		return false
	}
	switch p.Kind {
	case Country, Region, Capital:
		return true
	case Admin1:
		return p.Population >= 500000
	case City, Seat:
		return p.Population >= 1000000
	}
	return false
}

func placeType(p *Place) string {
	if p.Kind == Region {
		return "LOC"
	}
	return "GPE"
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

// latin reports whether a name's letters are all Latin.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
