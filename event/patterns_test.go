package event_test

import (
	"regexp"
	"slices"
	"testing"

	"herald/pipeline/pipelinetest"
)

// patternGroups exercise each kind of pattern of the PETRARCH verb dictionary as Herald
// reads it (lexicon/petrarch/verbs.go, pattern.go), each with a verb of the embedded
// CAMEO.2.0.txt whose block has that kind; the line of the pattern that codes the case
// today is named after it. The kinds: a verb's own code; words, synsets (&TREATY) and
// {…} phrases after or before the verb; prepositional phrases "(OF …)" with words,
// phrases and synsets; the markers $ (source), + (target), ^ (skip a noun phrase) and %
// (a compound actor, both sides); codes for both directions ("042:043") and for the
// target's act alone (":071"); patterns that code nothing ("[---]"); multi-word verbs;
// TABARI's alternatives "A/B"; and words in order after the verb.
var patternGroups = []caseGroup{
	{construction: "the verb's own code", cases: []ruleCase{
		{name: "CONDEMN [111] in the BLAME [112] block (CAMEO.2.0.txt:7515)", date: "2024-05-20", tree: `
			Armenia    PROPN NNP  2 nsubj
			condemned  VERB  VBD  0 root
			Azerbaijan PROPN NNP  2 obj
			.          PUNCT .    2 punct`,
			want:  []string{"ARM → AZE 111"},
			today: []string{"ARM → AZE 111"}},
	}},
	{construction: "a word after the verb", cases: []ruleCase{
		{name: "ACCUSE - * AGGRESSION [1123] (:7566)", date: "2024-05-20", tree: `
			Armenia    PROPN NNP  2 nsubj
			accused    VERB  VBD  0 root
			Azerbaijan PROPN NNP  2 obj
			of         ADP   IN   5 case
			aggression NOUN  NN   2 obl
			.          PUNCT .    2 punct`,
			want:  []string{"ARM → AZE 1123"},
			today: []string{"ARM → AZE 1123"}},
	}},
	{construction: "a synset after the verb", cases: []ruleCase{
		{name: "SEND - * &WEAPON [072] (:3496): the recipient is the target (4.8)", date: "2024-05-20", tree: `
			The     DET   DT   3 det
			United  ADJ   NNP  3 amod
			States  PROPN NNPS 4 nsubj
			sent    VERB  VBD  0 root
			weapons NOUN  NNS  4 obj
			to      ADP   IN   7 case
			Ukraine PROPN NNP  4 obl
			.       PUNCT .    4 punct`,
			want:  []string{"USA → UKR 072"},
			today: []string{"USA → UKR 072"}},
	}},
	{construction: "a {phrase} with a synset", cases: []ruleCase{
		{name: "SIGN - * {PEACE &TREATY} [057:057] (:3633) with a compound subject (4.4: both directions)", date: "2024-05-20", tree: `
			Egypt  PROPN NNP  4 nsubj
			and    CCONJ CC   3 cc
			Israel PROPN NNP  1 conj
			signed VERB  VBD  0 root
			a      DET   DT   7 det
			peace  NOUN  NN   7 compound
			treaty NOUN  NN   4 obj
			.      PUNCT .    4 punct`,
			want:  []string{"EGY → ISR 057", "ISR → EGY 057"},
			today: []string{"EGY → ISR 057", "ISR → EGY 057"}},
	}},
	{construction: "a prepositional phrase", cases: []ruleCase{
		{name: "a {phrase} in it: ACCUSE - * (OF {RIGHTS ABUSES}) [1122] (:7556)", date: "2024-05-20", tree: `
			Amnesty       PROPN NNP  2 compound
			International PROPN NNP  3 nsubj
			accused       VERB  VBD  0 root
			Myanmar       PROPN NNP  3 obj
			of            ADP   IN   8 case
			human         ADJ   JJ   7 amod
			rights        NOUN  NNS  8 compound
			abuses        NOUN  NNS  3 obl
			.             PUNCT .    3 punct`,
			want:  []string{"NGOHRIAMN → MMR 1122"},
			today: []string{"NGOHRIAMN → MMR 1122"}},
		{name: "a synset in it: CONDEMN - * (FOR {&MILITARY INCURSION}) [111] (:7524)", date: "2024-05-20", tree: `
			Pakistan  PROPN NNP  2 nsubj
			condemned VERB  VBD  0 root
			India     PROPN NNP  2 obj
			for       ADP   IN   7 case
			the       DET   DT   7 det
			military  ADJ   JJ   7 amod
			incursion NOUN  NN   2 obl
			.         PUNCT .    2 punct`,
			want:  []string{"PAK → IND 111"},
			today: []string{"PAK → IND 111"}},
	}},
	{construction: "$ and +", cases: []ruleCase{
		{name: "in prepositional phrases: OVERSEE - * WITHDRAWAL (OF $) (FROM +) [0874] (:6434); the overseer is no party", date: "2024-05-20", tree: `
			The        DET   DT   3 det
			African    ADJ   JJ   3 amod
			Union      PROPN NNP  4 nsubj
			oversaw    VERB  VBD  0 root
			the        DET   DT   6 det
			withdrawal NOUN  NN   4 obj
			of         ADP   IN   9 case
			Ethiopian  ADJ   JJ   9 amod
			troops     NOUN  NNS  6 nmod
			from       ADP   IN  11 case
			Somalia    PROPN NNP  6 nmod
			.          PUNCT .    4 punct`,
			want:  []string{"ETHMIL → SOM 0874"},
			today: []string{"ETHMIL → SOM 0874"}},
		{name: "$ names a place: FIRE - &WEAPON * (FROM $) (TOWARD +) [193] (:8758); a launch site is no actor (4.9: ---, rockets 194)", date: "2024-05-20", tree: `
			Rockets NOUN  NNS  3 nsubj:pass
			were    AUX   VBD  3 aux:pass
			fired   VERB  VBN  0 root
			from    ADP   IN   7 case
			the     DET   DT   7 det
			Gaza    PROPN NNP  7 compound
			Strip   PROPN NNP  3 obl
			toward  ADP   IN   9 case
			Israel  PROPN NNP  3 obl
			.       PUNCT .    3 punct`,
			want:  []string{"--- → ISR 194"},
			today: []string{"PSEGZA → ISR 193"}},
		{name: "+ before the verb: MOVE - + INSPECTOR * (INTO $) [0862] (:2442); inspectors moving in investigate (4: 09)", date: "2024-05-20", tree: `
			United     ADJ   NNP  2 amod
			Nations    PROPN NNPS 3 compound
			inspectors NOUN  NNS  4 nsubj
			moved      VERB  VBD  0 root
			into       ADP   IN   6 case
			Iraq       PROPN NNP  4 obl
			.          PUNCT .    4 punct`,
			want:  []string{"IGOUNO → IRQ 090"},
			today: []string{"IRQ → IGOUNO 0862"}},
	}},
	{construction: "^ and words in order", cases: []ruleCase{
		{name: "^ in a prepositional phrase: OPEN - * TALKS (IN ^) (WITH) [044:044] (:3848); the venue is no party (4.8)", date: "2024-05-20", tree: `
			Iran     PROPN NNP  2 nsubj
			opened   VERB  VBD  0 root
			talks    NOUN  NNS  2 obj
			in       ADP   IN   5 case
			Geneva   PROPN NNP  2 obl
			with     ADP   IN   9 case
			the      DET   DT   9 det
			European ADJ   JJ   9 amod
			Union    PROPN NNP  2 obl
			.        PUNCT .    2 punct`,
			want:  []string{"IRN → IGOEUREEC 044", "IGOEUREEC → IRN 044"},
			today: []string{"IRN → IGOEUREEC 044", "IGOEUREEC → IRN 044"}},
		{name: "$ ^ and + in order: REPEAT - $ * ^ &OPPOSITION TO + [110] (:4764)", date: "2024-05-20", tree: `
			Iran       PROPN NNP  2 nsubj
			repeated   VERB  VBD  0 root
			its        PRON  PRP$ 4 nmod:poss
			opposition NOUN  NN   2 obj
			to         ADP   IN   6 case
			Israel     PROPN NNP  4 nmod
			.          PUNCT .    2 punct`,
			want:  []string{"IRN → ISR 110"},
			today: []string{"IRN → ISR 110"}},
		{name: "words in order through an infinitive: REPEAT - * CALL ON + TO RESIGN [0241] (:4758) loses to * CALL [020] (:4756)", date: "2024-05-20", tree: `
			Protesters NOUN  NNS  2 nsubj
			repeated   VERB  VBD  0 root
			their      PRON  PRP$ 4 nmod:poss
			call       NOUN  NN   2 obj
			on         ADP   IN   6 case
			Netanyahu  PROPN NNP  4 nmod
			to         PART  TO   8 mark
			resign     VERB  VB   4 acl
			.          PUNCT .    2 punct`,
			want:  []string{"---OPP → ISRGOV 0241"},
			today: []string{"---OPP → ISRGOV 020"}},
	}},
	{construction: "before the verb: %, a synset, a word", cases: []ruleCase{
		{name: "% a compound actor: REPEAT - % &AIRCRAFT * [062:062] (:4761) (4.4: joint patrols, both directions)", date: "2024-05-20", tree: `
			Russian   ADJ   JJ   2 amod
			warplanes NOUN  NNS  6 nsubj
			and       CCONJ CC   5 cc
			Chinese   ADJ   JJ   5 amod
			bombers   NOUN  NNS  2 conj
			repeated  VERB  VBD  0 root
			joint     ADJ   JJ   8 amod
			patrols   NOUN  NNS  6 obj
			.         PUNCT .    6 punct`,
			want:  []string{"RUSMIL → CHNMIL 062", "CHNMIL → RUSMIL 062"},
			today: []string{"RUSMIL → CHNMIL 062", "CHNMIL → RUSMIL 062"}},
		{name: "a synset subject: FIRE - &MILITARY * {TEAR GAS} [194] (:8767) beats * {TEAR GAS} [175] (:8743) (4.11: tear gas is 175)", date: "2024-05-20", tree: `
			Israeli     ADJ   JJ   2 amod
			troops      NOUN  NNS  3 nsubj
			fired       VERB  VBD  0 root
			tear        NOUN  NN   5 compound
			gas         NOUN  NN   3 obj
			at          ADP   IN   8 case
			Palestinian ADJ   JJ   8 amod
			protesters  NOUN  NNS  3 obl
			.           PUNCT .    3 punct`,
			want:  []string{"ISRMIL → PSEOPP 175"},
			today: []string{"ISRMIL → PSEOPP 194"}},
		{name: "a word before the verb: VISIT - INSPECTOR * [090] (:5585)", date: "2024-05-20", tree: `
			IAEA       PROPN NNP  2 compound
			inspectors NOUN  NNS  3 nsubj
			visited    VERB  VBD  0 root
			Iran       PROPN NNP  3 obj
			.          PUNCT .    3 punct`,
			want:  []string{"IGOUNOIAE → IRN 090"},
			today: []string{"IGOUNOIAE → IRN 090"}},
	}},
	{construction: "the direction of the code", cases: []ruleCase{
		{name: "both directions: VISIT [042:043] (:5581) (4.4: a visit is not mutual)", date: "2024-05-20", tree: `
			Indian   ADJ   JJ   3 amod
			Prime    ADJ   NNP  3 amod
			Minister PROPN NNP  4 nmod:desc
			Narendra PROPN NNP  6 nsubj
			Modi     PROPN NNP  4 flat
			visited  VERB  VBD  0 root
			Japan    PROPN NNP  6 obj
			.        PUNCT .    6 punct`,
			want:  []string{"INDGOV → JPN 042"},
			today: []string{"INDGOV → JPN 042"}},
		{name: "the target's act: RECEIVE - * LOAN [:071] (:2541)", date: "2024-05-20", tree: `
			Ukraine       PROPN NNP  2 nsubj
			received      VERB  VBD  0 root
			a             DET   DT   4 det
			loan          NOUN  NN   2 obj
			from          ADP   IN   9 case
			the           DET   DT   9 det
			International ADJ   NNP  9 amod
			Monetary      ADJ   NNP  9 amod
			Fund          PROPN NNP  2 obl
			.             PUNCT .    2 punct`,
			want:  []string{"IGOBUSIMF → UKR 071"},
			today: []string{"IGOBUSIMF → UKR 071"}},
	}},
	{construction: "patterns that code nothing", cases: []ruleCase{
		{name: "VISIT - PILGRIMS * [---] (:5582) (7.2: a private act)", date: "2024-05-20", tree: `
			Iranian  ADJ   JJ   2 amod
			pilgrims NOUN  NNS  3 nsubj
			visited  VERB  VBD  0 root
			Saudi    ADJ   NNP  5 amod
			Arabia   PROPN NNP  3 obj
			.        PUNCT .    3 punct`,
			want: nil},
		{name: "the same verb without it: officials visit, VISIT [042:043] (:5581) (4.4: 042 only)", date: "2024-05-20", tree: `
			Iranian   ADJ   JJ   2 amod
			officials NOUN  NNS  3 nsubj
			visited   VERB  VBD  0 root
			Saudi     ADJ   NNP  5 amod
			Arabia    PROPN NNP  3 obj
			.         PUNCT .    3 punct`,
			want:  []string{"IRNGOV → SAU 042"},
			today: []string{"IRNGOV → SAU 042"}},
	}},
	{construction: "multi-word verbs and alternatives", cases: []ruleCase{
		{name: "CRACK_DOWN [170] (:8106) over CRACK [180] (:8429) (3.3: the protesters are the police's country's)", date: "2024-05-20", tree: `
			Kenyan     ADJ   JJ   2 amod
			police     NOUN  NN   3 nsubj
			cracked    VERB  VBD  0 root
			down       ADP   RP   3 compound:prt
			on         ADP   IN   6 case
			protesters NOUN  NNS  3 obl
			.          PUNCT .    3 punct`,
			want:  []string{"KENCOP → KENOPP 170"},
			today: []string{"KENCOP → KENOPP 170"}},
		{name: "lashed out: the pattern * OUT [111] of LASH's block WHIP (:8493) codes it, as LASH_OUT [111] (:7489) would, not LASH [180]", date: "2024-05-20", tree: `
			Iran   PROPN NNP  2 nsubj
			lashed VERB  VBD  0 root
			out    ADP   RP   2 compound:prt
			at     ADP   IN   7 case
			the    DET   DT   7 det
			United ADJ   NNP  7 amod
			States PROPN NNPS 2 obl
			.      PUNCT .    2 punct`,
			want:  []string{"IRN → USA 111"},
			today: []string{"IRN → USA 111"}},
		{name: "TABARI's A/B: MEET - * (BY/WITH PROTESTS) [141] (:5451) (3.3: the villagers' country from the story)", date: "2024-05-20", tree: `
			Villagers NOUN  NNS  2 nsubj
			met       VERB  VBD  0 root
			Nigerian  ADJ   JJ   4 amod
			soldiers  NOUN  NNS  2 obj
			with      ADP   IN   6 case
			protests  NOUN  NNS  2 obl
			.         PUNCT .    2 punct`,
			want:  []string{"NGACVL → NGAMIL 141"},
			today: []string{"---CVL → NGAMIL 141"}},
	}},
}

// TestPatternCases codes a case of each kind of pattern and logs how many are right.
func TestPatternCases(t *testing.T) {
	checkGroups(t, patternGroups)
}

// citedLine finds the dictionary lines a case's name cites, "(:7566)" or
// "(CAMEO.2.0.txt:7515)"; ruleLine the line an event's rule names.
var (
	citedLine = regexp.MustCompile(`\((?:CAMEO\.2\.0\.txt)?:(\d+)\)`)
	ruleLine  = regexp.MustCompile(`\(CAMEO\.2\.0\.txt:(\d+)\)$`)
)

// TestPatternCaseRules: every event a pattern case codes today comes from a verb or
// pattern its name cites, so that the case fails when another entry of the dictionary
// takes over, even with the same code.
func TestPatternCaseRules(t *testing.T) {
	for _, g := range patternGroups {
		for _, c := range g.cases {
			var cited []string
			for _, m := range citedLine.FindAllStringSubmatch(c.name, -1) {
				cited = append(cited, m[1])
			}
			if len(cited) == 0 {
				t.Errorf("%s: the name cites no line of the dictionary", c.name)
			}
			doc := pipelinetest.Analyze(t, pipelinetest.Story{Date: c.date, Sentences: []string{c.tree}})
			for _, e := range doc.Events {
				m := ruleLine.FindStringSubmatch(e.Evidence.Rule)
				if m == nil || !slices.Contains(cited, m[1]) {
					t.Errorf("%s: %s → %s %s comes from %q, not a line the case cites %v", c.name, e.Source.Code, e.Target.Code, e.CAMEO, e.Evidence.Rule, cited)
				}
			}
		}
	}
}
