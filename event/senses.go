package event

import (
	"strings"

	"herald/document"
	"herald/lexicon"
)

// Verb senses (docs/CODING.md 4.12): a dictionary verb codes only in the sense its code
// names. PETRARCH's verb blocks list broad verbs beside the one the block is about —
// TAKE in APPREHEND (171), GIVE in GRANT (060), EXPECT in PREDICT (030), BUY in PURCHASE
// (061) — and a block's own code then reads "took place", "gave a speech", "expects
// growth" and "bought shares" as events. These verbs code only through a pattern of
// their block that names the sense ("TAKE * HOSTAGE", "GIVE * AID"), never by the
// block's code alone.
var needsPattern = map[string]bool{
	// light and broad verbs
	"TAKE": true, "GIVE": true, "MAKE": true, "HAVE": true, "GET": true, "GO": true, "COME": true,
	"PUT": true, "SET": true, "KEEP": true, "BRING": true, "CARRY": true, "LEAD": true, "RUN": true,
	"SEE": true, "DRIVE": true, "TURN": true, "MOVE": true, "PLAY": true, "LOOK": true,
	"SHOW": true, "RAISE": true, "INCREASE": true, "BOOST": true, "EXPAND": true,
	"REDUCE": true,
	// expectations and wishes, which PREDICT and SEARCH code as intents (030)
	"EXPECT": true, "PREDICT": true, "FORECAST": true, "SEEK": true, "SEARCH": true, "ANTICIPATE": true,
	"CONSIDER": true, "STUDY": true, "REVIEW": true, "EXAMINE": true,
	// trade and money, which code cooperation (06) between whoever buys and sells
	"BUY": true, "PURCHASE": true, "SELL": true, "PAY": true, "ISSUE": true, "ACQUIRE": true,
	"INVEST": true, "FINANCE": true, "OWN": true, "SUBMIT": true,
	"RECEIVE": true, "DIE": true, "OPEN": true, "CLOSE": true, "END": true, "START": true, "BEGIN": true,
	"CONTINUE": true, "REMAIN": true, "STAY": true, "APPROVE": true, "ALLOW": true, "PERMIT": true,
	// ENGAGE's block codes fighting (190): "engage with voters", "engaged in talks"
	"ENGAGE": true, "FACE": true,
}

// speechActRoots are the families a verb of saying can code itself (4.1, 4.2): what the
// statement does — an appeal, an intent, a demand, a criticism or accusation, a rejection,
// a threat. An act it reports ("said Russian forces shelled Kharkiv") is coded on the
// reported verb, with its own actors, not as the speaker's.
var speechActRoots = map[string]bool{"01": true, "02": true, "03": true, "10": true, "11": true, "12": true, "13": true}

// reportingVerbs only report: unlike "warn" or "claim", which PETRARCH's patterns read as
// threats and accusations, they do nothing but say.
var reportingVerbs = map[string]bool{"SAY": true, "TELL": true, "ADD": true, "ANNOUNCE": true, "STATE": true,
	"DECLARE": true, "REPORT": true, "WRITE": true, "CONFIRM": true, "EXPLAIN": true, "NOTE": true,
	"REITERATE": true, "STRESS": true, "ASSERT": true}

// senseFits reports whether the clause's verb may code code: a broad verb needs a pattern
// (score > 0), and a verb of saying codes only speech acts.
func senseFits(cl *clause, m match, code string) bool {
	if m.score == 0 && needsPattern[cl.lemma] && !strings.HasPrefix(m.rule, cooperationRule) {
		return false
	}
	if reportingVerbs[cl.lemma] && len(code) >= 2 && !speechActRoots[code[:2]] {
		return false
	}
	return true
}

// protestVerbs name a public protest (14) when people do it, and something else when a
// state does: "the government will demonstrate its commitment", "the launch demonstrated
// the deterrent".
var protestVerbs = map[string]bool{"DEMONSTRATE": true, "MARCH": true, "RALLY": true}

// stateAgents are the agents of a state's own institutions.
var stateAgents = map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true}

// protestFits reports whether the source may protest in the sense of code: a protest verb
// codes 14 only with a source that is not a state or an IGO.
func protestFits(lemma, code, source string) bool {
	if !protestVerbs[lemma] || len(code) < 2 || code[:2] != "14" && code != "130" {
		return true
	}
	if lexicon.IsInternational(source) {
		return false
	}
	agents := lexicon.Agents(source)
	if len(agents) == 0 {
		return false // a country as a whole
	}
	for _, a := range agents {
		if stateAgents[a] {
			return false
		}
	}
	return true
}

// hostVerbs receive a visitor when their object is a person or a government: "Tokayev
// welcomed the two ministers", "the ministers were welcomed by Tokayev" (4.4: the host →
// the visitor, 043). Of a decision or a deal they are support (051).
var hostVerbs = map[string]bool{"WELCOME": true, "RECEIVE": true, "GREET": true}

// hostCode is 043 for a host verb's support code toward a person or a government.
func hostCode(doc *document.Document, lemma, code string, target actorRef) string {
	if !hostVerbs[lemma] || len(code) < 2 || code[:2] != "05" {
		return code
	}
	person := target.entity >= 0 && doc.Entities[target.entity].Type == document.TypePerson
	for _, a := range lexicon.Agents(target.code) {
		if a == "GOV" {
			person = true
		}
	}
	if person {
		return "043"
	}
	return code
}

// consequence reports whether verb v is a participle that states the result of an act
// already coded in its sentence: "shelled the city, killing three civilians" is one
// shelling (docs/CODING.md 1.4).
func consequence(s *sentence, v int, code string, coded []document.Event) bool {
	if s.toks[v].XPOS != "VBG" || (s.rel(v) != "advcl" && s.rel(v) != "xcomp") || s.head[v] < 0 {
		return false
	}
	for _, k := range s.children[v] {
		if s.rel(k) == "nsubj" || s.rel(k) == "mark" {
			return false // a clause of its own: "after killing", "as police were firing"
		}
	}
	h := s.toks[s.head[v]]
	for _, e := range coded {
		if e.Evidence.Start == h.Start && len(e.CAMEO) >= 2 && e.CAMEO[:2] >= "14" {
			return true
		}
	}
	return false
}

// ownCodes are the verbs whose block code the guide gives otherwise (docs/CODING.md 4,
// table of families): CAMEO.2.0.txt codes SUE 173, an arrest, where suing is 115, a
// lawsuit. They apply where no pattern of the verb matched.
var ownCodes = map[string]string{"SUE": "115"}

// fixedOwnCode gives a clause whose verb matched no pattern the guide's code, where
// ownCodes has one, and says so in its rule.
func fixedOwnCode(lemma string, m match) match {
	if c, ok := ownCodes[lemma]; ok && m.score == 0 && m.code != c {
		m.rule = lemma + " [" + c + "] (docs/CODING.md 4, over " + m.rule + ")"
		m.code = c
	}
	return m
}

// idiomObjects are the objects that make an idiom with their verb, and name no actor:
// "join forces" is to act together, with no army in sight.
var idiomObjects = map[string]string{"JOIN": "FORCE"}

// ideaNouns are what a verb of force attacks when it is a criticism: "Japan attacked the
// OECD's forecasts", "slammed the government's policy" (111, not 190).
var ideaNouns = map[string]bool{"FORECAST": true, "POLICY": true, "PLAN": true, "REMARK": true,
	"DECISION": true, "REPORT": true, "STATEMENT": true, "PROPOSAL": true, "COMMENT": true,
	"BUDGET": true, "BILL": true, "LAW": true, "RULING": true, "VIEW": true, "IDEA": true,
	"CLAIM": true, "POSITION_PAPER": true, "STANCE": true, "APPROACH": true, "STRATEGY": true,
	"MEASURE": true, "PROGRAM": true, "PROGRAMME": true, "REFORM": true, "ESTIMATE": true}

// verbalAttack is 111 for an act of force whose object is an idea: an attack on a
// forecast or a policy is a criticism of whoever made it.
func verbalAttack(s *sentence, cl *clause, code string) string {
	if len(code) < 2 || code[:2] < "18" || code[:2] > "20" {
		return code
	}
	for _, n := range cl.objects {
		if ideaNouns[s.lemma[n]] {
			return "111"
		}
	}
	return code
}

// personVerbs code by their block only an act on the one named as their object: CALL's
// code is a telephone call (041), made to someone; "called a truce" or "called an
// election" phones no one.
var personVerbs = map[string]bool{"CALL": true, "PHONE": true, "TELEPHONE": true}
