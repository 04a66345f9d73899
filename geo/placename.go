package geo

import (
	"unicode"

	"herald/entity"
)

// PlaceName tells the entity stage whether name is a place's and what kind of place its
// first place is (entity.PlaceNames), for the repairs of place names.
func (g *Places) PlaceName(name string) (entity.PlaceName, bool) {
	refs := g.Lookup(name)
	if len(refs) == 0 {
		return entity.PlaceName{}, false
	}
	p := g.Place(refs[0].Index())
	return entity.PlaceName{Region: p.Kind == Region, Country: p.Kind == Country, Prominent: prominent(p, refs[0], name),
		Alternate: refs[0].Alternate()}, true
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

// latin reports whether a name's letters are all Latin.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
