package geo

import (
	"strings"

	"herald/document"
)

// locatives are the prepositions that place an act: "met in Astana", "clashed near
// Rafah", "a shoal off Luzon".
var locatives = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"within": true, "around": true, "across": true, "off": true, "throughout": true}

// place is a resolved place name of a sentence, by tokens.
type place struct {
	entity     int
	start, end int // tokens
	head       int // the token the name hangs from the rest of the sentence by
}

// locateEvents gives each event the place it happened: a place in a locative phrase of
// the event's own clause ("met in Astana"), else a place the sentence names that is not
// one of the event's actors, else the dateline's place ("met here" in a story from
// Astana), else none. Actors get the place they are or their phrase names, and an actor
// with no country takes the country of the place its phrase names ("protesters in
// Nairobi" are KEN). The event's own place gives none: "the international community"
// and "external forces" in a story from Astana are not Kazakh.
func (r *Resolver) locateEvents(doc *document.Document) {
	var dateline *document.Location
	for _, e := range doc.Entities {
		if e.Place != nil && doc.Dateline != nil && e.Start >= doc.Dateline.Start && e.End <= doc.Dateline.End {
			dateline = e.Place
			break
		}
	}
	bySentence := map[int][]place{}
	for i, e := range doc.Entities {
		if e.Place == nil {
			continue
		}
		si := doc.SentenceAt(e.Start)
		if si < 0 {
			continue
		}
		toks := doc.Sentences[si].Tokens
		p := place{entity: i, start: -1}
		for k, t := range toks {
			if t.Start >= e.Start && t.End <= e.End {
				if p.start < 0 {
					p.start = k
				}
				p.end = k + 1
			}
		}
		if p.start < 0 {
			continue
		}
		p.head = p.end - 1
		for k := p.start; k < p.end; k++ {
			if h := toks[k].Head - 1; h < p.start || h >= p.end {
				p.head = k
				break
			}
		}
		bySentence[si] = append(bySentence[si], p)
	}
	for i := range doc.Events {
		ev := &doc.Events[i]
		if ev.Sentence < 0 || ev.Sentence >= len(doc.Sentences) {
			continue
		}
		s := &doc.Sentences[ev.Sentence]
		places := bySentence[ev.Sentence]
		r.locateActor(doc, s, places, &ev.Source)
		r.locateActor(doc, s, places, &ev.Target)
		ev.Location = r.eventPlace(doc, s, places, ev, dateline)
	}
}

// eventPlace picks an event's place, as locateEvents says.
func (r *Resolver) eventPlace(doc *document.Document, s *document.Sentence, places []place, ev *document.Event, dateline *document.Location) *document.Location {
	verb := tokenAt(s, ev.Evidence.Start)
	isActor := func(p place) bool {
		e := doc.Entities[p.entity]
		return overlaps(e.Start, e.End, ev.Source.Start, ev.Source.End) || overlaps(e.Start, e.End, ev.Target.Start, ev.Target.End)
	}
	if verb >= 0 && !s.Unparsed {
		for _, p := range places {
			if !isActor(p) && locativeOf(s, p.head, verb) {
				return copyLocation(doc.Entities[p.entity].Place, "a locative phrase of the event's clause")
			}
		}
		for _, t := range s.Tokens {
			if h := t.Head - 1; h == verb && strings.EqualFold(t.Text, "here") && dateline != nil {
				return copyLocation(dateline, `"here": the dateline's place`)
			}
		}
	}
	var best *document.Location
	for _, p := range places {
		if isActor(p) || !s.Unparsed && s.Tokens[p.head].Deprel == "nmod:poss" {
			continue // an actor, or a place as the owner of something ("China's voice")
		}
		loc := doc.Entities[p.entity].Place
		if best == nil || specificity(loc.Feature) > specificity(best.Feature) {
			best = loc
		}
	}
	if best != nil {
		return copyLocation(best, "a place the sentence names")
	}
	if dateline != nil {
		return copyLocation(dateline, "the dateline's place")
	}
	return nil
}

// locativeOf reports whether the place whose name hangs from token head sits in a
// locative phrase of the verb: its own ("met in Astana") or one step down a noun ("near
// a disputed shoal off Luzon" hangs from "shoal").
func locativeOf(s *document.Sentence, head, verb int) bool {
	toks := s.Tokens
	for step, k := 0, head; step < 3 && k >= 0 && k < len(toks); step++ {
		if !hasLocativeCase(s, k) && step == 0 {
			// "visited Astana": a place the verb takes as its object is a target, not where
			if h := toks[k].Head - 1; h == verb {
				return false
			}
		}
		h := toks[k].Head - 1
		if h == verb {
			return hasLocativeCase(s, k) || step > 0 && hasLocativeCase(s, head)
		}
		rel := toks[k].Deprel
		if !strings.HasPrefix(rel, "nmod") && !strings.HasPrefix(rel, "obl") && rel != "compound" && rel != "appos" {
			return false
		}
		k = h
	}
	return false
}

// hasLocativeCase reports whether token k has a locative preposition as its case marker.
func hasLocativeCase(s *document.Sentence, k int) bool {
	for _, t := range s.Tokens {
		if t.Head-1 == k && t.Deprel == "case" && locatives[strings.ToLower(t.Text)] {
			return true
		}
	}
	return false
}

// locateActor gives an actor the place it is, or the place its phrase names; an actor
// coded with a role but no country takes that place's country.
func (r *Resolver) locateActor(doc *document.Document, s *document.Sentence, places []place, a *document.Actor) {
	for _, p := range places {
		e := doc.Entities[p.entity]
		if e.Start >= a.Start && e.End <= a.End && e.Start == a.Start {
			a.Location = copyLocation(e.Place, "the actor is this place")
			return
		}
	}
	lo, hi := -1, -1
	for k, t := range s.Tokens {
		if t.Start >= a.Start && t.End <= a.End {
			if lo < 0 {
				lo = k
			}
			hi = k + 1
		}
	}
	for _, p := range places {
		e := doc.Entities[p.entity]
		inside := e.Start >= a.Start && e.End <= a.End
		if !inside && (lo < 0 || s.Unparsed || !attached(s, p.head, lo, hi)) {
			continue
		}
		// a place the actor's phrase names: "protesters in Nairobi"
		a.Location = copyLocation(e.Place, "the actor's phrase names this place")
		if r.needsCountry(a.Code) && e.Place.Country != "" {
			if c := r.cameo(e.Place.Country); c != "" {
				a.Code = c + strings.TrimPrefix(a.Code, "---")
			}
		}
		return
	}
}

// needsCountry reports whether an actor code names roles only ("OPP", "COPMIL", or as
// the actor stage writes them, "---OPP"): no country, no international root, no group
// of its own.
func (r *Resolver) needsCountry(code string) bool {
	code = strings.TrimPrefix(code, "---")
	if r.cameo == nil || r.isRole == nil || len(code) < 3 || len(code)%3 != 0 {
		return false
	}
	return r.isRole(code[:3])
}

func copyLocation(l *document.Location, why string) *document.Location {
	c := *l
	c.Reason = why + "; " + l.Reason
	return &c
}

// specificity orders features from the most precise place to the vaguest.
func specificity(feature string) int {
	switch feature {
	case "capital", "seat", "city", "town":
		return 3
	case "adm1":
		return 2
	case "region":
		return 1
	}
	return 0
}

// tokenAt returns the index of the token of s starting at byte off, -1 if none.
func tokenAt(s *document.Sentence, off int) int {
	for k, t := range s.Tokens {
		if t.Start == off {
			return k
		}
	}
	return -1
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// attached reports whether the name whose head is token k modifies a word of tokens
// [lo, hi), directly or through one noun: "protesters in Nairobi", "students from
// universities in Dhaka".
func attached(s *document.Sentence, k, lo, hi int) bool {
	for step := 0; step < 2 && k >= 0 && k < len(s.Tokens); step++ {
		rel := s.Tokens[k].Deprel
		if !strings.HasPrefix(rel, "nmod") {
			return false
		}
		k = s.Tokens[k].Head - 1
		if k >= lo && k < hi {
			return true
		}
	}
	return false
}
