package lexicon

import "strings"

// agentCodes are the CAMEO types that name which part of a principal acts (CAMEO.type.txt's
// domestic roles and sectors, and PETRARCH's PTY and PPL).
var agentCodes = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true,
	"REB": true, "SEP": true, "INS": true, "SPY": true, "UAF": true, "AGR": true, "BUS": true, "CRM": true, "CVL": true,
	"DEV": true, "EDU": true, "ELI": true, "ENV": true, "HLH": true, "HRI": true, "LAB": true, "MED": true, "REF": true,
	"MOD": true, "RAD": true, "PTY": true, "PPL": true}

// internationalCodes begin the codes of actors that are no country's: their principal is
// the organization's whole name ("IGOUNO", "IGOEUREEC", "NGOHLHIRC").
var internationalCodes = map[string]bool{"IGO": true, "NGO": true, "NGM": true, "IMG": true, "INT": true, "MNC": true, "UIS": true}

// IsAgent reports whether a three-letter code is an agent: a type that says which part of
// a principal acts (GOV, MIL, BUS...).
func IsAgent(code string) bool { return agentCodes[code] }

// Principal is the part of an actor code that says whose the actor is: its country or
// region ("USA" of "USAGOV"), "---" when unknown, or an international organization's
// code up to its first agent ("IGOUNO" of "IGOUNOREF"). A bare agent ("GOV", as older
// output wrote an unknown government) is its own principal. Empty for no actor.
func Principal(code string) string {
	if len(code) < 3 {
		return code
	}
	if !internationalCodes[code[:3]] {
		return code[:3]
	}
	end := 3
	for end+3 <= len(code) && !agentCodes[code[end:end+3]] {
		end += 3
	}
	return code[:end]
}

// Agents returns the agents of an actor code, the three-letter parts after its principal,
// in the order the code gives them; a bare agent ("GOV") is its own only agent.
func Agents(code string) []string {
	rest := code[len(Principal(code)):]
	if len(code) == 3 && agentCodes[code] {
		rest = code
	}
	var out []string
	for i := 0; i+3 <= len(rest); i += 3 {
		out = append(out, rest[i:i+3])
	}
	return out
}

// IsInternational reports whether an actor code is an organization that is no country's:
// an IGO, an NGO, a multinational and the like.
func IsInternational(code string) bool { return len(code) >= 3 && internationalCodes[code[:3]] }

// AgentParts are the three-letter codes that the agents dictionary appends to an actor's
// ("~GOV", "~GOVMED" give GOV and MED): the codes that, first in a code, say that it names
// agents with no country. The heads of international codes (IGO, NGO…), which the
// dictionary also appends ("USANGO"), are left out: first in a code they are a principal.
func (l *Lexicon) AgentParts() map[string]bool {
	out := map[string]bool{}
	if l == nil {
		return out
	}
	for _, a := range l.Agents {
		code, ok := strings.CutPrefix(a.Code, "~")
		if !ok {
			continue
		}
		for i := 0; i+3 <= len(code); i += 3 {
			if part := code[i : i+3]; IsCountryCode(part) && !internationalCodes[part] {
				out[part] = true
			}
		}
	}
	return out
}
