package event

// Acts a sentence does not state as done (docs/CODING.md 4.5, 4.6): negated ones, which
// clause.negated marks, and hypothetical ones, marked here. Both stay in the events layer,
// marked, for analyze to show, and are no event data (document.Event.Asserted). Refusing
// is an act of its own: "refused to meet", "would not resume talks" are coded as the
// rejection CAMEO gives it (12x).

// conditionalAux are the auxiliaries of an act that may or might happen: "Ottawa might
// impose tariffs". Forms, not lemmas: the lemma of "could" is "can".
var conditionalAux = map[string]bool{"COULD": true, "MIGHT": true, "MAY": true, "SHOULD": true,
	"MUST": true, "CAN": true, "CA": true}

// wishWords govern a clause that is wished or expected, not done: "hoped that", "the
// hope that", "expects that". (An infinitive of the same subject, "hopes to meet", is an
// intent: clause.go's intentWords.)
var wishWords = map[string]bool{"HOPE": true, "WISH": true, "EXPECT": true, "EXPECTATION": true,
	"DESIRE": true, "WANT": true, "PREFER": true, "DREAM": true}

// conditionMarks introduce a condition or an open question: "if talks fail", "whether
// Iran will attend".
var conditionMarks = map[string]bool{"IF": true, "UNLESS": true, "WHETHER": true, "LEST": true}

// failVerbs govern an act that did not happen: "failed to reach an agreement".
var failVerbs = map[string]bool{"FAIL": true, "UNABLE": true}

// possibleWords govern an act that may happen: "is likely to outline", "a possible
// settlement is unlikely to be signed".
var possibleWords = map[string]bool{"LIKELY": true, "UNLIKELY": true, "POSSIBLE": true, "PROBABLE": true}

// carriedByComplement reports whether verb v only frames the act its infinitive codes:
// "agreed to hold talks" is the intent to meet (036), "failed to reach a deal" no deal,
// "wants to undermine" a threat; the framing verb's own block code (AGREE's 050, FAIL's
// 120) would code the same act twice, or one that did not happen (4.3, 4.5).
func (c *Coder) carriedByComplement(s *sentence, v int) bool {
	if !intentWords[s.lemma[v]] && !failVerbs[s.lemma[v]] && !refusalVerbs[s.lemma[v]] {
		return false
	}
	for _, k := range s.children[v] {
		if s.rel(k) == "xcomp" && s.toks[k].UPOS == "VERB" && c.verbs.knows(s.upper[k], s.lemma[k]) {
			return true
		}
	}
	return false
}

// refusalVerbs govern an act that is refused: "refused to meet", "declined to comment".
var refusalVerbs = map[string]bool{"REFUSE": true, "DECLINE": true, "UNWILLING": true, "RELUCTANT": true}

// speechVerbs report what someone said; a clause they govern is reported, not supposed.
var speechVerbs = map[string]bool{"SAY": true, "TELL": true, "ADD": true, "ANNOUNCE": true, "STATE": true,
	"DECLARE": true, "WARN": true, "INSIST": true, "CLAIM": true, "REPORT": true, "WRITE": true,
	"CONFIRM": true, "EXPLAIN": true, "NOTE": true, "REITERATE": true, "STRESS": true, "ASSERT": true}

// hypothetical reports whether clause v is stated as possible, conditional, wished or
// asked rather than done: a complement of hope or wish, a modal ("could", "might", "may", "should", "must"), a condition or
// question marker ("if", "unless", "whether"), "would" outside reported speech ("the
// dollar would continue to decline", but not "said it would send a team", which is a
// stated intent), or a question.
func (s *sentence) hypothetical(v int) bool {
	if n := len(s.upper); n > 0 && s.upper[n-1] == "?" {
		return true
	}
	if h := s.head[v]; h >= 0 && (s.rel(v) == "ccomp" || s.rel(v) == "acl") && wishWords[s.lemma[h]] {
		return true // "expressed the hope that Pakistan will take measures"
	}
	for _, c := range s.children[v] {
		switch s.rel(c) {
		case "aux":
			if conditionalAux[s.upper[c]] || s.upper[c] == "WOULD" && !s.reported(v) {
				return true
			}
		case "mark":
			if conditionMarks[s.upper[c]] {
				return true
			}
		}
	}
	return false
}

// reported reports whether clause v is what someone said: a complement of a verb (up its
// chain of conjuncts and infinitives), or a main clause with "…, he said" beside it.
func (s *sentence) reported(v int) bool {
	for depth := 0; depth < 8 && v >= 0; depth++ {
		switch s.rel(v) {
		case "ccomp", "parataxis":
			return true
		case "xcomp", "conj":
			v = s.head[v]
			continue
		}
		break
	}
	if v < 0 {
		return false
	}
	for _, c := range s.children[v] {
		if s.rel(c) == "parataxis" && speechVerbs[s.lemma[c]] {
			return true
		}
	}
	return false
}

// stillSaid reports whether an act of this code is done in the saying, so that a
// condition does not make it hypothetical: "warned that it would act if …" is a threat
// made, "demanded … or else" a demand made (4.6).
func stillSaid(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "02", "10", "13":
		return true
	}
	return false
}

// refusals map an act, or the intent of it, to its refusal (CAMEO 12), by the longest
// prefix of its code: to meet or negotiate 125, to mediate 126, to settle 127, to
// cooperate materially 121 (economically 1211, militarily 1212), to yield 124 (to release
// 1243, to ease sanctions 1244...), other cooperation 120.
var refusals = []struct{ prefix, code string }{
	{"045", "126"}, {"039", "126"}, {"04", "125"}, {"036", "125"},
	{"057", "127"},
	{"061", "1211"}, {"0311", "1211"}, {"062", "1212"}, {"0312", "1212"}, {"06", "121"}, {"031", "121"},
	{"081", "1241"}, {"0351", "1241"}, {"082", "1242"}, {"0352", "1242"}, {"084", "1243"}, {"0353", "1243"},
	{"085", "1244"}, {"0354", "1244"}, {"086", "1245"}, {"0355", "1245"}, {"087", "1246"}, {"0356", "1246"},
	{"08", "124"}, {"035", "124"},
	{"03", "120"}, {"05", "120"}, {"07", "120"},
}

// refusalCode is the CAMEO rejection of the act code codes, refused; "" for an act whose
// refusal CAMEO does not code (refusing to attack is no event).
func refusalCode(code string) string {
	best, bestLen := "", 0
	for _, r := range refusals {
		if len(r.prefix) > bestLen && len(code) >= len(r.prefix) && code[:len(r.prefix)] == r.prefix {
			best, bestLen = r.code, len(r.prefix)
		}
	}
	return best
}
