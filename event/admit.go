package event

import (
	"slices"
	"strings"

	"herald/document"
	"herald/lexicon"
)

// What the coder leaves out although a verb and two actors are there (docs/CODING.md 2,
// 3.1, 4.1, 4.7, 4.8): events with no political actor, plain statements, the press as the
// one told, venues, and a list of parties acting on itself.

// unusedCodes are CAMEO codes for statements with no codable content (4.1): "said",
// "commented", "stated an optimistic view". What a statement does (an appeal, a demand,
// a criticism) is coded on its own verb.
var unusedCodes = map[string]bool{"010": true, "012": true, "013": true}

// nonPoliticalAgents are the agents of actors that are not political by themselves:
// business, the media, civilians, schools, health workers, farmers, criminals, religion.
// Protesters (OPP), workers and strikers (LAB), refugees (REF), rights and environmental
// groups are political when they act as groups (3.1).
var nonPoliticalAgents = map[string]bool{"BUS": true, "MED": true, "CVL": true, "EDU": true, "HLH": true,
	"AGR": true, "CRM": true, "REL": true, "PPL": true}

// political reports whether an actor code is a political actor: a state or its parts, an
// international organization, a party or armed group, or a group acting politically.
// A firm (USABUS, MNC...), the media, civilians alone are not, nor is an unknown "---".
func political(code string) bool {
	p := lexicon.Principal(code)
	if p == "" || p[:3] == "MNC" {
		return false
	}
	agents := lexicon.Agents(code)
	if len(agents) == 0 {
		return lexicon.IsInternational(code) || p != "---" && !lexicon.IsAgent(p)
	}
	for _, a := range agents {
		if !nonPoliticalAgents[a] {
			return true
		}
	}
	return false
}

// media reports whether an actor code is the press: journalists, news agencies, papers.
func media(code string) bool {
	for _, a := range lexicon.Agents(code) {
		if a == "MED" {
			return true
		}
	}
	return false
}

// venue reports whether an actor found in a prepositional phrase of place is only where
// the act happened (4.8: "met in Paris", "signed in Moscow", "tear gas at protesters in
// Nairobi"): a place entity. "At" aims as often as it places ("lashed out at the U.S.",
// "fired at Seoul"), and violence across or into a place is done to it.
func venue(doc *document.Document, s *sentence, a actorRef, noun int, verb, prep, code string) bool {
	if prep == "AT" || arrivalVerbs[verb] {
		return false
	}
	if a.entity >= 0 {
		if s.entity[noun] != a.entity {
			return false // an actor inside the phrase: "in the dispute with Osgiliath"
		}
		if t := doc.Entities[a.entity].Type; t != document.TypeGPE && t != document.TypeLoc {
			return false
		}
	} else if s.toks[noun].UPOS != "PROPN" || a.start > s.toks[noun].Start || a.end < s.toks[noun].End ||
		!(len(a.code) == 3 || len(a.code) == 6 && a.code[3:] == "GOV") {
		// A name the phrase coder read as a country or its capital ("in Moscow"), when
		// the entity stage did not take it for one.
		return false
	}
	if usesForce(code) {
		switch prep {
		case "ON", "INTO", "ACROSS":
			return false
		}
	}
	return true
}

// arrivalVerbs take the place they reach as a destination: "arrived in Gondor" is a visit
// to Gondor (4.4).
var arrivalVerbs = map[string]bool{"ARRIVE": true, "LAND": true}

// mutual reports whether a code is of an act done together (4.4): meetings and talks,
// agreements and intents agreed together, material cooperation, exchanges of prisoners,
// fighting each other.
func mutual(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch {
	case code == "042", code == "043", code == "045":
		return false // a visit, hosting and mediation have sides
	case code[:2] == "03", code[:2] == "04", code[:2] == "06", code == "057", code == "0841", code == "190", code == "193":
		return true
	}
	return false
}

// narrowest drops from one side the actors that another actor of the side names more
// narrowly: "the U.S. … Secretary of State George Shultz" is USAGOV acting, not USA and
// USAGOV (1.3: the same event once).
func narrowest(side []actorRef) []actorRef {
	if len(side) < 2 {
		return side
	}
	return slices.DeleteFunc(slices.Clone(side), func(a actorRef) bool {
		for _, b := range side {
			if len(b.code) > len(a.code) && strings.HasPrefix(b.code, a.code) && lexicon.Principal(a.code) != "---" {
				return true
			}
		}
		return false
	})
}

// namedThings are nouns that a country's name or adjective modifies without making the
// country act: "the Uruguay round", "the Moscow summit", "the Taiwan Strait", "Japanese
// interest rates", "the Australian dollar" (3.1: a name inside a noun is no actor).
var namedThings = map[string]bool{"ROUND": true, "SUMMIT": true, "CONFERENCE": true, "MEETING": true,
	"STRAIT": true, "SEA": true, "GULF": true, "OCEAN": true, "RIVER": true, "BORDER": true, "REGION": true,
	"MARKET": true, "RATE": true, "DOLLAR": true, "YEN": true, "CURRENCY": true, "STOCK": true, "SHARE": true,
	"BOND": true, "PRICE": true, "ECONOMY": true, "EXPORT": true, "IMPORT": true, "GOODS": true, "PRODUCT": true,
	"CRUDE": true, "OIL": true, "WHEAT": true, "GRAIN": true, "DEBT": true, "INFLATION": true, "GROWTH": true,
	"EXCHANGE": true, "INDEX": true, "TEAM": true, "LEAGUE": true, "CUP": true, "FOOD": true, "CUISINE": true}

// insideName reports whether token k, a dependent of h, is a name inside a noun rather
// than an actor: a country or place modifying one of namedThings, or a place in a phrase
// of place ("the committee in Geneva"), which is where, not who. force is set when the
// act is force, whose target is the owner of the thing it lands on.
func insideName(doc *document.Document, s *sentence, h, k int, force bool) bool {
	if h < 0 {
		return false
	}
	switch s.rel(k) {
	case "amod", "compound", "nmod":
		if s.rel(k) != "nmod" && namedThings[s.lemma[h]] {
			return true
		}
		if s.rel(k) != "nmod" && !force && s.toks[h].UPOS == "NOUN" && !timeNouns[s.lemma[h]] && country(doc, s, k) && !against(s, k) {
			// "Brazilian debt", "a U.S.-style auction", "Japanese exports": a country
			// modifying a thing is no party to a peaceful act. Violence on a thing
			// is done to its owner: "attacked Hezbollah positions".
			return true
		}
		if p := s.caseOf(k); s.rel(k) == "nmod" && locatives[p] && p != "AT" && s.entity[k] >= 0 {
			t := doc.Entities[s.entity[k]].Type
			return t == document.TypeGPE || t == document.TypeLoc
		}
	}
	return false
}

// partOfWhole reports whether one side is a country as a whole and the other a part of
// the same country: "Germany is ready to send the soldiers" is not Germany acting on its
// army, nor "the German minister … a German brigade" on Germany (4.10).
func partOfWhole(a, b string) bool {
	pa, pb := lexicon.Principal(a), lexicon.Principal(b)
	if pa != pb || pa == "---" || lexicon.IsInternational(a) {
		return false
	}
	return len(lexicon.Agents(a)) == 0 || len(lexicon.Agents(b)) == 0
}

// armedAgents are the agents of armed groups fighting a state.
var armedAgents = map[string]bool{"REB": true, "INS": true, "UAF": true, "SEP": true}

// weakCountry are the ways a country reaches an actor from around its phrase rather than
// from its own words: a place it acts in, the story, the dateline.
var weakCountry = map[string]bool{document.ByPlace: true, document.ByStory: true, document.ByDateline: true, "": true}

// foughtState gives an armed group the country of the state it deals with, when its own
// words name none: "Turkish warplanes struck Kurdish militants in northern Syria" is TURMIL
// on TURREB, not on Syrian militants (3.3: an armed group fighting a state takes that
// state's country). other is the state's side.
func foughtState(group, other actorRef) actorRef {
	agents := lexicon.Agents(group.code)
	armed := false
	for _, a := range agents {
		armed = armed || armedAgents[a]
	}
	if !armed || !weakCountry[group.how] && lexicon.Principal(group.code) != "---" {
		return group
	}
	p := lexicon.Principal(other.code)
	if len(p) != 3 || p == "---" || lexicon.IsInternational(other.code) || p == lexicon.Principal(group.code) {
		return group
	}
	state := false
	for _, a := range lexicon.Agents(other.code) {
		state = state || stateAgents[a]
	}
	if !state {
		return group
	}
	group.code = p + strings.Join(agents, "")
	return group
}

// country reports whether token k names a country or a place, as a name (a GPE entity) or
// as an adjective ("Brazilian"), rather than an organization ("IAEA inspectors").
func country(doc *document.Document, s *sentence, k int) bool {
	if e := s.entity[k]; e >= 0 {
		t := doc.Entities[e].Type
		return t == document.TypeGPE || t == document.TypeLoc
	}
	return s.toks[k].UPOS == "ADJ"
}

// against reports whether the name at k is what its noun is against: "an anti-Gondor
// parade" is aimed at Gondor.
func against(s *sentence, k int) bool {
	w := s.upper[k]
	if k > 0 {
		w = s.upper[k-1] + w
	}
	return strings.Contains(w, "ANTI")
}

// timeNouns head a phrase of time that a place before them does not modify: in "travel
// to Vilnius next week" the parse often makes Vilnius a compound of week.
var timeNouns = map[string]bool{"DAY": true, "WEEK": true, "WEEKEND": true, "MONTH": true, "YEAR": true,
	"MORNING": true, "AFTERNOON": true, "EVENING": true, "NIGHT": true, "TIME": true}

// usesForce reports whether a code is of force: a posture, coercion, assault or fighting
// (CAMEO 15-20), whose target is where the force lands.
func usesForce(code string) bool {
	return len(code) >= 2 && code[:2] >= "15" && code[:2] <= "20"
}
