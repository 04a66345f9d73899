package actor

import (
	"strconv"
	"strings"

	"herald/entity/gazetteer"
	"herald/lexicon"
)

// reading is what the words of a phrase say about the actor it names.
type reading struct {
	// country is the CAMEO country code the phrase gives (a demonym, a country, a
	// possessive country), countryRule where it came from; capital is set when it came
	// from a capital alone ("Islamabad"), which stands for the government.
	country, countryRule string
	capital              bool
	// countryAt is the word where country was read, firstUnknown the first word no
	// dictionary knows (-1: none), where a person's own name begins.
	countryAt, firstUnknown int
	// place is the country of a city the phrase names, placeRule the entry: it gives a
	// role its country ("Chicago police") but is no actor of its own.
	place, placeRule string
	// agents are the agents-dictionary codes of the roles and groups named ("~GOV"),
	// with the entry of the first.
	agents    []string
	agentRule string
	// leader is the coding of a head of state or government named, dict that of the
	// longest actor-dictionary name that is not a country.
	leader, dict Coding
	// unknown counts the words no dictionary knew (function words aside); firm is the
	// first of them that names a firm ("Air" of "Air India", firm.go).
	unknown int
	firm    string
}

// skipped are the words that join a phrase's parts without meaning anything to its code.
var skipped = map[string]bool{"the": true, "The": true, "THE": true, "a": true, "an": true, "'s": true, "'": true,
	"of": true, "and": true, ",": true, "-": true}

// notNames are words that the dictionaries, which match without case, would read as
// names: the pronoun "us" is not the US.
var notNames = map[string]bool{"us": true}

// read scans the words left to right, taking at each position the longest name that the
// gazetteer, the actor dictionaries or the agents dictionary know, in that order of
// preference when they are equally long.
func (c *Coder) read(words []string, date string) reading {
	r := reading{firstUnknown: -1}
	for i := 0; i < len(words); {
		if skipped[words[i]] && !c.namesFrom(words, i) {
			i++
			continue
		}
		if notNames[words[i]] {
			if r.unknown == 0 {
				r.firstUnknown = i
			}
			r.unknown++
			i++
			continue
		}
		ng, entries := 0, []gazetteer.Entry(nil)
		if c.gaz != nil {
			ng, entries = c.gaz.Match(words, i)
		}
		na, act := 0, (*lexicon.Actor)(nil)
		nt, agent := 0, (*lexicon.Agent)(nil)
		if c.lex != nil {
			na, act = c.lex.Actor(words, i)
			nt, agent = c.lex.Agent(words, i)
		}
		n := max(ng, na, nt)
		if n == 0 {
			if r.unknown == 0 {
				r.firstUnknown = i
			}
			r.unknown++
			if r.firm == "" && isFirmWord(words[i]) {
				r.firm = words[i]
			}
			i++
			continue
		}
		// The dictionaries decide over the gazetteer, so that a user's own dictionaries
		// code as they say, except for the heads of state and government in office, whom
		// the gazetteer dates better than dictionaries frozen years ago.
		leader := ng == n && len(entries) > 0 && entries[0].Kind == gazetteer.Leader
		if na == n && !leader && act.At(date) == lexicon.NoActor {
			i += n // a name that is no actor keeps its words from coding: "the Indian Ocean"
			continue
		}
		hadCountry := r.country != ""
		switch {
		case na == n && act.At(date) != "" && !leader:
			code := act.At(date)
			if lexicon.IsCountryCode(code) {
				if r.country == "" {
					r.country, r.countryRule = code, act.Where+" "+act.Name
					// Phoenix lists capitals among a country's names; a capital that acts
					// stands for the government ("Islamabad was ready to …").
					if ng == n && len(entries) > 0 && entries[0].Kind == gazetteer.Capital && c.gaz.CAMEO(entries[0].Country) == code {
						r.capital = true
					}
				}
			} else if r.dict.Code == "" {
				r.dict = Coding{Code: code, How: ByDictionary, Rule: act.Where + " " + act.Name}
			}
		case ng == n && c.takeGazetteer(&r, entries, date):
		case nt == n:
			r.agents = append(r.agents, agent.Code)
			if r.agentRule == "" {
				r.agentRule = agent.Where + " " + agent.Name + " [" + agent.Code + "]"
			}
		}
		if !hadCountry && r.country != "" {
			r.countryAt = i
		}
		i += n
	}
	return r
}

// Names reports whether words are, all of them, one agent or actor name of the
// dictionaries ("police", "golden geese", "Hermit Kingdom"): what the head of an actor
// phrase must be.
func (c *Coder) Names(words []string) bool {
	if c.lex == nil || len(words) == 0 {
		return false
	}
	if n, _ := c.lex.Agent(words, 0); n == len(words) {
		return true
	}
	n, _ := c.lex.Actor(words, 0)
	return n == len(words)
}

// namesFrom reports whether an actor or agent name of the dictionaries starts at the
// joining word words[i]: "THE HERMIT KINGDOM" is a name, "the" alone is not.
func (c *Coder) namesFrom(words []string, i int) bool {
	if c.lex == nil {
		return false
	}
	if n, _ := c.lex.Actor(words, i); n > 1 {
		return true
	}
	n, _ := c.lex.Agent(words, i)
	return n > 1
}

// takeGazetteer records a gazetteer match, reporting false when the entries say nothing
// the coder uses (a city; a leader out of office at the date).
func (c *Coder) takeGazetteer(r *reading, entries []gazetteer.Entry, date string) bool {
	if len(entries) == 0 {
		return false
	}
	e := &entries[0]
	switch e.Kind {
	case gazetteer.Country, gazetteer.Demonym:
		if r.country == "" {
			r.country, r.countryRule = c.gaz.CAMEO(e.Country), "gazetteer "+e.Kind.String()+" "+e.Name
		}
		return true
	case gazetteer.Capital:
		if r.country == "" {
			r.country, r.countryRule, r.capital = c.gaz.CAMEO(e.Country), "gazetteer capital "+e.Name, true
		}
		return true
	case gazetteer.City:
		if r.place != "" {
			return true
		}
		if country := c.cityCountry(entries); country != "" {
			r.place, r.placeRule = country, "gazetteer city "+e.Name
			return true
		}
	case gazetteer.IGO:
		if r.dict.Code == "" && e.Code != "" {
			r.dict = Coding{Code: e.Code, How: ByDictionary, Rule: "gazetteer igo " + e.Name}
		}
		return true
	case gazetteer.Leader:
		if r.leader.Code != "" {
			return true
		}
		if l := gazetteer.CurrentLeader(entries, date); l != nil && l.Code != "" {
			r.leader = Coding{Code: l.Code, How: ByLeader, Rule: "gazetteer leader " + l.ID + " " + l.Name + " (" + l.Role + ")"}
			return true
		}
		// Out of office: an elite of the country, whatever a dictionary frozen during the
		// tenure still says (Phoenix codes Angela Merkel DEUGOV from 2005 with no end).
		// Long out of office, a name is more often someone else's: a student called
		// Ahmed Mohamed in 2015 is not the Comorian head of state of 1978. Leaders that
		// the news still names decades on are in the actor dictionaries.
		if l := gazetteer.FormerLeader(entries, date); l != nil && !longGone(l.End, date) {
			if country := c.gaz.CAMEO(l.Country); country != "" {
				r.leader = Coding{Code: country + "ELI", How: ByLeader, Rule: "gazetteer former leader " + l.ID + " " + l.Name + " (" + l.Role + " until " + l.End + ")"}
				return true
			}
		}
	}
	return false
}

// coding combines what the phrase said, most trusted first: a country with a role, a
// leader, a dictionary entry, a city's country with a role, a country (its government
// for a capital), a role alone.
func (r *reading) coding() Coding {
	switch {
	case r.country != "" && len(r.agents) > 0:
		return Coding{Code: composeAll(r.country, r.agents), How: ByRole, Rule: r.countryRule + " + " + r.agentRule, Country: r.country}
	case r.leader.Code != "":
		return r.leader
	case r.dict.Code != "":
		return r.dict
	case r.place != "" && len(r.agents) > 0:
		return Coding{Code: composeAll(r.place, r.agents), How: ByRole, Rule: r.placeRule + " + " + r.agentRule, Country: r.place}
	case r.country != "" && r.capital:
		return Coding{Code: r.country + "GOV", How: ByDictionary, Rule: r.countryRule}
	case r.country != "":
		return Coding{Code: r.country, How: ByDictionary, Rule: r.countryRule}
	case len(r.agents) > 0:
		return Coding{Code: composeAll("", r.agents[:1]), How: ByRole, Rule: r.agentRule}
	}
	return Coding{}
}

// composeAll attaches every agent of a phrase to the actor, as the agents dictionary
// writes them, each role once: a leading ~ appends ("~GOV": KAZ → KAZGOV), a trailing ~
// puts before ("NGO~"). Without an actor the agents stand alone, as GDELT writes "COP"
// for police of no known country. "MSF Arnor diplomat" is
// NGO + ARN + GOV; "Deputy Prime Minister and Foreign Minister" of Kazakhstan KAZ + GOV.
func composeAll(actor string, agents []string) string {
	var pre, post string
	for _, a := range agents {
		switch {
		case strings.HasPrefix(a, "~"):
			if !strings.Contains(post, a[1:]) {
				post += a[1:]
			}
		case strings.HasSuffix(a, "~"):
			if !strings.Contains(pre, a[:len(a)-1]) {
				pre += a[:len(a)-1]
			}
		default:
			post += a
		}
	}
	return pre + actor + post
}

// cityCountry is the CAMEO code of the country of the cities a name names, "" when they
// lie in different countries ("San Jose": Costa Rica's capital and a Californian city).
func (c *Coder) cityCountry(entries []gazetteer.Entry) string {
	country := ""
	for i := range entries {
		e := &entries[i]
		if e.Kind != gazetteer.City && e.Kind != gazetteer.Capital {
			continue
		}
		if country != "" && e.Country != country {
			return ""
		}
		country = e.Country
	}
	if country == "" {
		return ""
	}
	return c.gaz.CAMEO(country)
}

// countryCode is the CAMEO code of a country given by its ISO3 code.
func (c *Coder) countryCode(iso3 string) string {
	return c.gaz.CAMEO(iso3)
}

// agentsIn returns the agents-dictionary codes of the roles in words.
func (c *Coder) agentsIn(words []string) []string {
	var out []string
	if c.lex == nil {
		return nil
	}
	for i := 0; i < len(words); {
		if n, a := c.lex.Agent(words, i); n > 0 {
			out = append(out, a.Code)
			i += n
			continue
		}
		i++
	}
	return out
}

// formerLeaderYears is how long after a tenure's end a leader's name alone still names
// them.
const formerLeaderYears = 20

// longGone reports whether a tenure that ended on end (YYYY-MM-DD) ended more than
// formerLeaderYears before date.
func longGone(end, date string) bool {
	if len(end) < 4 || len(date) < 4 {
		return false
	}
	e, err1 := strconv.Atoi(end[:4])
	d, err2 := strconv.Atoi(date[:4])
	return err1 == nil && err2 == nil && d-e > formerLeaderYears
}
