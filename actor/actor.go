// Package actor is the actor stage: it writes the actors layer, every place where the text
// names an actor, with its CAMEO actor code as of the article's date ("Kazakh President
// Kassym-Jomart Tokayev" on 2024-05-20 is KAZGOV) and how the code was found: the coded
// entities, and the noun phrases that name an actor no entity covers ("Turkish police").
// It reads the entities layer (names, roles, nationalities and clusters from package
// entity) and the parse, and codes with the compiled PETRARCH dictionaries (package
// lexicon) and Herald's gazetteer (countries, capitals, demonyms, IGOs, dated heads of
// state and government).
//
// A code is found, in this order of trust:
//
//   - role: a role the article states, with the country it gives ("Kazakh President",
//     "Pakistan's foreign minister", "Turkish police"): the country's code followed by
//     the agents dictionary's code for the role (KAZ + GOV, TUR + COP);
//   - leader: the head of state or government of that name in office on the date;
//   - dictionary: the longest actor-dictionary name, with its code for the date
//     (Phoenix codes people by office and date: Hu Jintao is CHNGOV from 2002-11-15 to
//     2013-03-14 and CHNELI after), or a country, capital (its government: Islamabad is
//     PAKGOV), demonym or IGO of the gazetteer;
//   - context: a mention that codes to nothing by itself ("he", "Tokayev" alone) takes
//     the code of its cluster.
//
// An agent whose words name no country ("the police") then takes the one the story
// gives, by docs/CODING.md 3.3 (whose.go), else is written "---" and its agents.
package actor

import (
	"sort"
	"strings"

	"herald/document"
	"herald/entity/gazetteer"
	"herald/lexicon"
)

// How a code was found, as the actors layer reports it (and the entities' actor_how).
const (
	ByRole       = document.ByRole
	ByLeader     = document.ByLeader
	ByDictionary = document.ByDictionary
	ByContext    = document.ByContext
	ByPossessive = document.ByPossessive
	ByStory      = document.ByStory
	ByAntecedent = document.ByAntecedent
	ByPlace      = document.ByPlace
	ByDateline   = document.ByDateline
)

// Coder codes actors. It is read-only after New and safe for concurrent use.
type Coder struct {
	lex *lexicon.Lexicon
	gaz *gazetteer.Gazetteer
	// agents are the codes that stand for agents, not countries (GOV, COP, MED …).
	agents map[string]bool
}

// New returns a Coder over a lexicon and a gazetteer (either may be nil).
func New(lex *lexicon.Lexicon, gaz *gazetteer.Gazetteer) *Coder {
	return &Coder{lex: lex, gaz: gaz, agents: agentCodes(lex, gaz)}
}

// Coding is an actor code and how it was found.
type Coding struct {
	Code, How string
	// Rule says which entry or rule gave the code: "Phoenix.Countries.actors.txt:25278",
	// "agents PRESIDENT [~GOV]", "gazetteer leader Q...".
	Rule string
	// Country is the country code a role was composed with ("TUR" for TURCOP); empty
	// for other codings, and for a role with no country ("police": COP).
	Country string
}

// Annotate writes the actors layer of doc, every place where the text names an actor:
//   - each entity with a code, in the order of the entities: a cluster's code is the most
//     trusted coding among its mentions (role, then leader, then dictionary; the first
//     mention breaks ties), and every mention of the cluster gets it, with How "context"
//     where the mention alone did not give it;
//   - then, in each parsed sentence, each noun phrase that codes to an actor ("Turkish
//     police", "Pakistan's foreign minister"), by its head token (phrases.go), and the
//     pronouns "it", "they", "them" that stand for a coded actor;
//   - an agent that its words give no country takes the one the story gives, else is
//     written "---" and its agents, as PETRARCH writes it (whose.go).
func (c *Coder) Annotate(doc *document.Document) {
	doc.Actors = doc.Actors[:0]
	date := Date(doc)
	best := map[int]Coding{}
	codings := make([]Coding, len(doc.Entities))
	goodsOnly := make([]bool, len(doc.Entities))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if codings[i], goodsOnly[i] = c.entityIn(doc, e, date); goodsOnly[i] {
			continue // "the U.S. dollar" (firm.go)
		}
		if cur, ok := best[e.Cluster]; codings[i].Code != "" && (!ok || better(codings[i], cur)) {
			best[e.Cluster] = codings[i]
		}
	}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if goodsOnly[i] {
			continue
		}
		b, ok := best[e.Cluster]
		own := codings[i]
		var code, how string
		switch {
		case own.Code != "" && (e.Type == document.TypeGPE || e.Type == document.TypeNORP || e.Type == document.TypeLoc):
			// A national referent's mentions keep their own codes: "Astana" (the
			// government) and "Kazakhstan" (the country) are one referent, not one code.
			code, how = own.Code, own.How
		case !ok:
		case own.Code == b.Code:
			code, how = b.Code, own.How
		default:
			code, how = b.Code, ByContext
		}
		if code == "" {
			continue
		}
		doc.Actors = append(doc.Actors, document.ActorMention{Start: e.Start, End: e.End, Text: e.Text, Code: code, How: how,
			Entity: i, Sentence: doc.SentenceAt(e.Start)})
	}
	c.phrases(doc, date)
	c.whose(doc)
}

// better reports whether coding a should be its cluster's rather than b: the more
// trusted way of finding it, and for equally trusted ones a bare country (so that "its"
// after "ASTANA … Kazakhstan" is KAZ, not the capital's KAZGOV).
func better(a, b Coding) bool {
	if ra, rb := rank(a.How), rank(b.How); ra != rb {
		return ra < rb
	}
	return lexicon.IsCountryCode(a.Code) && !lexicon.IsCountryCode(b.Code)
}

func rank(how string) int {
	switch how {
	case ByRole:
		return 0
	case ByLeader:
		return 1
	case ByDictionary:
		return 2
	}
	return 3
}

// Date is the date a document's actors are coded at: the dateline's, else the
// publication date, else "" (dictionary defaults).
func Date(doc *document.Document) string {
	if doc.Dateline != nil && doc.Dateline.Date != "" {
		return doc.Dateline.Date
	}
	return doc.Published
}

// Entity codes one entity mention by itself: its words as a phrase, and, for people, its
// role and nationality as the entity stage read them (a role given in an apposition is
// not among the mention's words). Pronouns and nominals code to nothing by themselves.
func (c *Coder) Entity(doc *document.Document, e *document.Entity, date string) Coding {
	if e.Mention != "" && e.Mention != document.MentionName {
		return Coding{}
	}
	words := tokensIn(doc, e.Start, e.End)
	if e.Start == 0 && len(words) == 0 && doc.Dateline != nil {
		words = strings.Fields(e.Text) // the dateline's place is in no sentence
	}
	p := c.read(words, date)
	if (e.Type == document.TypeLoc || e.Type == document.TypeGPE) && p.unknown > 0 {
		return Coding{} // a place with a country in its name is no actor: "Taiwan Strait"
	}
	if e.Type == document.TypePerson {
		if p.country != "" && p.firstUnknown >= 0 && p.countryAt > p.firstUnknown {
			// A place inside the name is no nationality: "Crown Prince Sheikh Meshal
			// al-Ahmad al-Sabah" is not Malaysian for Sabah, nor Roger Douglas Manx.
			p.country, p.countryRule, p.capital = "", "", false
		}
		if p.country == "" && e.Nationality != "" {
			p.country = c.countryCode(e.Nationality)
		}
		if len(p.agents) == 0 && e.Role != "" {
			role := strings.Fields(e.Role)
			p.agents = c.agentsIn(role)
		}
		if p.country == "" && len(p.agents) > 0 {
			// "President Bush": the role the article states, in the country the leader
			// list or the dictionary gives the person.
			for _, known := range [2]string{p.leader.Code, p.dict.Code} {
				if len(known) >= 3 && lexicon.IsCountryCode(known[:3]) && known[:3] != "IGO" && known[:3] != "NGO" && known[:3] != "MNC" {
					p.country, p.countryRule = known[:3], "the country of "+known
					break
				}
			}
		}
		coding := c.code(&p)
		if coding.How == ByRole && coding.Country == "" {
			// A role alone says nothing of whose: "Ken Mayland, president" of a firm is no
			// government. People are coded with a country or not at all.
			return Coding{}
		}
		return coding
	}
	return c.code(&p)
}

// Phrase codes a noun phrase given as tokens ("Turkish police", "the European Union",
// "Mali 's military government") as of date.
func (c *Coder) Phrase(words []string, date string) Coding {
	r := c.read(words, date)
	return c.code(&r)
}

// tokensIn returns the words of the tokens of doc within [start, end). Sentences come in
// text order, so the first that may hold one is a binary search away: a look at every
// sentence for every entity would make the stage quadratic in the document's length.
func tokensIn(doc *document.Document, start, end int) []string {
	var words []string
	first := sort.Search(len(doc.Sentences), func(si int) bool { return doc.Sentences[si].End > start })
	for si := first; si < len(doc.Sentences); si++ {
		s := &doc.Sentences[si]
		if s.Start >= end {
			break
		}
		for _, t := range s.Tokens {
			if t.Start >= start && t.End <= end {
				words = append(words, t.Text)
			}
		}
	}
	return words
}
