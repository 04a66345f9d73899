package pipeline

import (
	"strings"

	"herald/document"
	"herald/entity/gazetteer"
	"herald/lexicon"
)

// gate decides which sentences of a document need the parse when only its events are
// wanted (Options.EventsOnly). It reads the sentences' tags and the compiled dictionaries
// and gazetteer directly, before any later stage has run.
type gate struct {
	lex *lexicon.Lexicon
	gaz *gazetteer.Gazetteer
	// verbs are the head words of the verb dictionary's verbs, as written and in every
	// form the dictionary gives.
	verbs map[string]bool
}

func newGate(lex *lexicon.Lexicon, gaz *gazetteer.Gazetteer) *gate {
	g := &gate{lex: lex, gaz: gaz, verbs: map[string]bool{}}
	if lex == nil || lex.Verbs == nil {
		return g
	}
	for _, b := range lex.Verbs.Blocks {
		for _, v := range b.Verbs {
			if len(v.Words) == 0 || v.Head < 0 || v.Head >= len(v.Words) {
				continue
			}
			g.verbs[v.Words[v.Head]] = true
			for _, f := range v.Forms {
				if v.Head < len(f) && f[v.Head] != "" {
					g.verbs[f[v.Head]] = true
				}
			}
		}
	}
	return g
}

// codable tells, for a document whose sentences are tagged but not yet parsed, which
// sentences need the parse: those that may hold an event (a verb of the dictionary and
// two places an actor may be named, a source and a target) and those that give a name the
// title its later mentions inherit. It errs on the side of parsing: a sentence it turns
// down is an event lost.
func (g *gate) codable(doc *document.Document) []bool {
	codable := make([]bool, len(doc.Sentences))
	extra := make([]bool, len(doc.Sentences)) // parsed for the sentence after it alone
	counts, titled := g.candidates(doc, 2)
	for si := range doc.Sentences {
		if titled[si] {
			codable[si] = true
			continue
		}
		if counts[si] < 2 {
			continue
		}
		for _, t := range doc.Sentences[si].Tokens {
			if t.UPOS == "VERB" && (g.verbs[strings.ToUpper(t.Text)] || g.verbs[strings.ToUpper(t.Lemma)]) {
				codable[si] = true
				break
			}
		}
	}
	// The actor stage gives an agent its country from the story before it (actor/whose.go):
	// the subject of the sentence before. That sentence is parsed too, so that the events
	// are those of a full parse.
	for si := len(codable) - 2; si >= 0; si-- {
		if codable[si+1] && !extra[si+1] && !codable[si] && counts[si] > 0 {
			codable[si], extra[si] = true, true
		}
	}
	return codable
}

// candidates looks at a document whose sentences are tagged but not parsed, and tells for
// each sentence how many places in it may name a coded actor (counting up to limit), and
// whether it gives a person a title or role that a later sentence relies on: "Treasury
// Secretary James Baker …" followed by "Baker said" or "he said".
//
// A place is a name the gazetteer or the dictionaries know ("police", "Chinese",
// "Kazakhstan"), a pronoun the entity stage links ("he", "its"), "country", or a run of
// proper nouns that can get a code: one holding or next to a known name, an acronym, or
// one sharing a word with such a run elsewhere in the document ("Tokayev" after
// "President Tokayev"). Other runs of proper nouns get no code from any source the actor
// stage has, so they are not counted. The count errs on the side of counting: the event
// stage parses only sentences with two places, and a place missed here is an event lost.
func (g *gate) candidates(doc *document.Document, limit int) (counts []int, titled []bool) {
	n := len(doc.Sentences)
	counts = make([]int, n)
	titled = make([]bool, n)
	places := make([]int, n)
	refersBack := make([]bool, n) // a pronoun or "the <role>" that may name an earlier person
	coded := make([]bool, n)      // a name that may be coded: known, or next to a known one
	lastSeen := map[string]int{}  // the last sentence with a proper noun
	anchored := map[string]bool{}
	initials := map[string]bool{} // of the names that may be coded: "NYSE" of "New York Stock Exchange"
	type run struct{ sent, start, end int }
	var free, titles, acronyms []run
	var pronouns []int // sentences, one entry a pronoun
	var words, upos []string
	for si := range doc.Sentences {
		words, upos = wordsOf(doc.Sentences[si].Tokens, words[:0], upos[:0])
		known, role := g.knownSpans(words)
		codable := make([]bool, len(words)) // tokens of names that may be coded
		for i, k := range known {
			for j := i; j < i+max(k, -k); j++ {
				codable[j] = true
			}
		}
		for i := 0; i < len(words); {
			if upos[i] != "PROPN" && isCapitalized(words[i]) && !referringPronoun(words[i]) {
				// A name the tagger took for something else ("Gulf said", "Younger
				// told", "The ADB said") is still a name to the entity stage.
				if isAcronym(words[i]) {
					acronyms = append(acronyms, run{si, i, i + 1})
				} else {
					free = append(free, run{si, i, i + 1})
				}
				i++
				continue
			}
			if upos[i] != "PROPN" {
				switch {
				case referringPronoun(words[i]):
					pronouns = append(pronouns, si)
					refersBack[si] = true
				case strings.EqualFold(words[i], "country"):
					places[si]++
				case strings.EqualFold(words[i], "the") && i+1 < len(words) && role[i+1]:
					refersBack[si] = true
				}
				i++
				continue
			}
			start := i
			for i < len(words) && upos[i] == "PROPN" {
				lastSeen[words[i]] = si
				i++
			}
			inside, beside, titledBy := knownAround(known, role, start, i)
			switch {
			case inside && !beside:
				// the run is a known name, already counted; its parts may come back
				// alone ("Saouma" after "Edouard Saouma")
				for _, w := range words[start:i] {
					anchored[w] = true
				}
			case i-start == 1 && isAcronym(words[start]):
				// it may spell the initials of a coded organization ("NYSE")
				acronyms = append(acronyms, run{si, start, i})
			case inside || beside:
				places[si]++
				coded[si] = true
				absorbTitle(known, words, start, i)
				for k, w := range words[start:i] {
					anchored[w] = true
					codable[start+k] = true
				}
				if titledBy {
					titles = append(titles, run{si, start, i})
				}
			default:
				free = append(free, run{si, start, i})
			}
		}
		for i := range known {
			if known[i] != 0 {
				coded[si] = true
			}
			if known[i] > 0 { // absorbed ones are negative
				places[si]++
			}
		}
		addInitials(initials, words, codable)
	}
	for _, r := range free {
		toks := doc.Sentences[r.sent].Tokens
		for k := r.start; k < r.end; k++ {
			if anchored[toks[k].Text] {
				places[r.sent]++
				coded[r.sent] = true
				break
			}
		}
	}
	for _, r := range acronyms {
		if initials[strings.ReplaceAll(doc.Sentences[r.sent].Tokens[r.start].Text, ".", "")] {
			places[r.sent]++
			coded[r.sent] = true
		}
	}
	// A pronoun counts when a name that may be coded stands in its sentence or the two
	// before, where the entity stage looks for its antecedent: "its" after "Pittston
	// said", a company no dictionary knows, codes nothing.
	for _, si := range pronouns {
		if coded[si] || si >= 1 && coded[si-1] || si >= 2 && coded[si-2] {
			places[si]++
		}
	}
	for _, r := range titles {
		toks := doc.Sentences[r.sent].Tokens
		later := r.sent+1 < n && refersBack[r.sent+1] || r.sent+2 < n && refersBack[r.sent+2]
		for k := r.start; k < r.end && !later; k++ {
			later = lastSeen[toks[k].Text] > r.sent
		}
		titled[r.sent] = titled[r.sent] || later
	}
	for si := range counts {
		counts[si] = min(places[si], limit)
	}
	return counts, titled
}

// initialsJoiners may stand inside a name whose initials an acronym spells ("Bank of
// England", "Communist Party of China").
var initialsJoiners = map[string]bool{"of": true, "and": true, "for": true, "the": true, "de": true, "&": true}

// addInitials adds the initials of every run of capitalized words (joiners allowed
// inside) that holds a word of a name that may be coded, and every stretch of them:
// "The Asian Development Bank" gives TADB, ADB, AD, … Only stretches an acronym can spell
// (maxAcronym letters at most) are kept: all of them would be quadratic in the run's
// length, and a list of names with no punctuation makes runs of hundreds of words.
func addInitials(initials map[string]bool, words []string, codable []bool) {
	for i := 0; i < len(words); {
		if !isCapitalized(words[i]) {
			i++
			continue
		}
		j, any := i, false
		var b strings.Builder
		for j < len(words) && (isCapitalized(words[j]) || initialsJoiners[words[j]] && j+1 < len(words) && isCapitalized(words[j+1])) {
			if isCapitalized(words[j]) {
				b.WriteByte(words[j][0])
			}
			any = any || codable[j]
			j++
		}
		if any && b.Len() >= 2 {
			// every stretch of the initials: "Mitsubishi Heavy Industries Ltd" is MHI
			ini := b.String()
			for from := 0; from < len(ini)-1; from++ {
				for to := from + 2; to <= min(len(ini), from+maxAcronym); to++ {
					initials[ini[from:to]] = true
				}
			}
		}
		i = j
	}
}

// knownSpans marks where the names the gazetteer or dictionaries know start: known[i] is
// the length of the longest one starting at words[i], 0 inside one or where none starts;
// role[i] tells that it is a role of the agents dictionary ("President", "spokesman").
func (g *gate) knownSpans(words []string) (known []int, role []bool) {
	known = make([]int, len(words))
	role = make([]bool, len(words))
	for i := 0; i < len(words); {
		k, agent := g.known(words, i)
		if k == 0 {
			i++
			continue
		}
		known[i], role[i] = k, agent
		i += k
	}
	return known, role
}

// knownAround reports whether a known name lies within the proper-noun run
// words[start:end], and whether one stands beside it: covering only part of the run
// ("Treasury Secretary James Baker"), ending at most four words before it ("President
// Tokayev", "the Director-General of the FAO, Edouard Saouma") or starting at most four words after it ("Nurtleu,
// Kazakhstan's foreign minister"). titled tells that a role is among those beside it.
func knownAround(known []int, role []bool, start, end int) (inside, beside, titled bool) {
	for i, k := range known {
		if k == 0 {
			continue
		}
		k = max(k, -k)
		near := false
		switch {
		case i < end && i+k > start:
			inside = true
			near = i != start || i+k != end
		case i+k <= start && i+k >= start-4:
			near = true
		case i >= end && i <= end+4:
			near = true
		}
		beside = beside || near
		titled = titled || near && role[i]
	}
	return inside, beside, titled
}

// absorbTitle marks as part of the proper-noun run words[start:end] the known names in
// it and the ones that end right before it, directly or across a possessive ("Kazakh
// President Tokayev", "China's Foreign Minister Wang Yi"): they name the same actor as
// the run, which is counted once. A negative known[i] is an absorbed name.
func absorbTitle(known []int, words []string, start, end int) {
	edge := start
	for i := start - 1; i >= 0; i-- {
		switch {
		case known[i] > 0 && i+known[i] == edge:
			known[i], edge = -known[i], i
		case known[i] == 0 && i+1 == edge && words[i] == "'s":
			edge = i
		}
		if i < edge-1 {
			break
		}
	}
	for i := start; i < end; i++ {
		if known[i] > 0 {
			known[i] = -known[i]
		}
	}
	for i := start - 1; i >= 0 && i > start-8; i-- {
		if known[i] > 0 && i+known[i] > start {
			known[i] = -known[i] // overlapping the run from before it
		}
	}
}

// known returns the length of the longest name starting at words[i] that the gazetteer
// or the dictionaries know, 0 if none, and whether it is a role of the agents
// dictionary.
func (g *gate) known(words []string, i int) (int, bool) {
	k, nt := 0, 0
	if g.gaz != nil {
		k, _ = g.gaz.Match(words, i)
	}
	if g.lex != nil {
		na, _ := g.lex.Actor(words, i)
		nt, _ = g.lex.Agent(words, i)
		k = max(k, na, nt)
	}
	return k, nt > 0 && nt == k
}

var referringPronouns = [...]string{"he", "him", "his", "himself", "she", "her", "hers", "herself", "its", "itself",
	"it", "they", "them"} // the last three: the actor stage links them (actor/whose.go)

// referringPronoun reports whether w is a pronoun that the entity stage links to a
// person, an organization or a country.
func referringPronoun(w string) bool {
	for _, p := range referringPronouns {
		if strings.EqualFold(w, p) {
			return true
		}
	}
	return false
}

// wordsOf appends the words and tags of toks to words and upos.
func wordsOf(toks []document.Token, words, upos []string) ([]string, []string) {
	for i := range toks {
		words = append(words, toks[i].Text)
		upos = append(upos, toks[i].UPOS)
	}
	return words, upos
}

// maxAcronym is the most capital letters an acronym has.
const maxAcronym = 6

// isAcronym reports whether w is written in two to maxAcronym capital letters, dots aside.
func isAcronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			n++
		case c != '.':
			return false
		}
	}
	return n >= 2 && n <= maxAcronym
}

// isCapitalized reports whether w starts with a capital letter.
func isCapitalized(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}
