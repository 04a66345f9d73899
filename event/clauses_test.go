package event_test

import "testing"

// clauseGroups are the clause shapes the coder reads (clause.go): who acts on whom in a
// transitive clause, a passive, a controlled or raised infinitive, a relative clause, an
// apposition and coordinations. The trees are UD English (EWT) as its current release
// annotates news: titles are nmod:desc of the name ("Kenyan President William Ruto"),
// "United" and "Saudi" are ADJ amod, the by-phrase of a passive is obl:agent.
var clauseGroups = []caseGroup{
	{construction: "transitive", cases: []ruleCase{
		{name: "a verb and its object: shelling a city (4: 194; the city's country is the target)", date: "2024-05-20", tree: `
			Russian  ADJ   JJ   2 amod
			forces   NOUN  NNS  3 nsubj
			shelled  VERB  VBD  0 root
			Kharkiv  PROPN NNP  3 obj
			.        PUNCT .    3 punct`,
			want:  []string{"RUSMIL → UKR 194"},
			today: []string{"RUSMIL → UKR 190"}},
		{name: "the partner in a prepositional phrase: talks with (4.4: both directions; 7.12: talks are 040)", date: "2024-05-20", tree: `
			Kenya    PROPN NNP  2 nsubj
			held     VERB  VBD  0 root
			talks    NOUN  NNS  2 obj
			with     ADP   IN   5 case
			Ethiopia PROPN NNP  3 nmod
			.        PUNCT .    2 punct`,
			want:  []string{"KEN → ETH 040", "ETH → KEN 040"},
			today: []string{"KEN → ETH 046", "ETH → KEN 046"}},
	}},
	{construction: "passive", cases: []ruleCase{
		{name: "a passive with its agent (4.9: the by-phrase is the source)", date: "2024-05-20", tree: `
			Ukrainian ADJ   JJ   2 amod
			soldiers  NOUN  NNS  4 nsubj:pass
			were      AUX   VBD  4 aux:pass
			attacked  VERB  VBN  0 root
			by        ADP   IN   7 case
			Russian   ADJ   JJ   7 amod
			troops    NOUN  NNS  4 obl:agent
			.         PUNCT .    4 punct`,
			want:  []string{"RUSMIL → UKRMIL 190"},
			today: []string{"RUSMIL → UKRMIL 190"}},
		{name: "an arrest without an agent (4.9: arrests are the country's police)", date: "2024-05-20", tree: `
			Two        NUM   CD   4 nummod
			Kenyan     ADJ   JJ   4 amod
			opposition NOUN  NN   4 compound
			leaders    NOUN  NNS  6 nsubj:pass
			were       AUX   VBD  6 aux:pass
			arrested   VERB  VBN  0 root
			.          PUNCT .    6 punct`,
			want: []string{"KENCOP → KENOPP 173"}},
		{name: "a shelling without an agent (4.9: the source is unknown, ---)", date: "2024-05-20", tree: `
			A        DET   DT   3 det
			mortar   NOUN  NN   3 compound
			bomb     NOUN  NN   5 nsubj:pass
			was      AUX   VBD  5 aux:pass
			fired    VERB  VBN  0 root
			at       ADP   IN   7 case
			Israel   PROPN NNP  5 obl
			from     ADP   IN  11 case
			the      DET   DT  11 det
			Gaza     PROPN NNP 11 compound
			Strip    PROPN NNP  5 obl
			.        PUNCT .    5 punct`,
			want: []string{"--- → ISR 194"}},
	}},
	{construction: "control", cases: []ruleCase{
		{name: "subject control: agreed to resume talks (4.3: 036, Iran's intent alone)", date: "2024-05-20", tree: `
			Iran     PROPN NNP  2 nsubj
			agreed   VERB  VBD  0 root
			to       PART  TO   4 mark
			resume   VERB  VB   2 xcomp
			talks    NOUN  NNS  4 obj
			with     ADP   IN   9 case
			the      DET   DT   9 det
			European ADJ   JJ   9 amod
			Union    PROPN NNP  5 nmod
			.        PUNCT .    2 punct`,
			want:  []string{"IRN → IGOEUREEC 036"},
			today: []string{"IRN → IGOEUREEC 036"}},
		{name: "object control: urged Israel to release prisoners (4: an appeal for release, 0253)", date: "2024-05-20", tree: `
			The       DET   DT   3 det
			United    ADJ   NNP  3 amod
			Nations   PROPN NNPS 4 nsubj
			urged     VERB  VBD  0 root
			Israel    PROPN NNP  4 obj
			to        PART  TO   7 mark
			release   VERB  VB   4 xcomp
			the       DET   DT   9 det
			prisoners NOUN  NNS  7 obj
			.         PUNCT .    4 punct`,
			want: []string{"IGOUNO → ISR 0253"}},
	}},
	{construction: "raising", cases: []ruleCase{
		{name: "continued to shell: the act goes on, no intent (4: 194)", date: "2024-05-20", tree: `
			Russia    PROPN NNP  2 nsubj
			continued VERB  VBD  0 root
			to        PART  TO   4 mark
			shell     VERB  VB   2 xcomp
			Kharkiv   PROPN NNP  4 obj
			.         PUNCT .    2 punct`,
			want:  []string{"RUS → UKR 194"},
			today: []string{"RUS → UKR 138"}},
		{name: "a passive subject raised to an infinitive: is scheduled to visit (4.3: 036)", date: "2024-05-20", tree: `
			Narendra  PROPN NNP  4 nsubj:pass
			Modi      PROPN NNP  1 flat
			is        AUX   VBZ  4 aux:pass
			scheduled VERB  VBN  0 root
			to        PART  TO   6 mark
			visit     VERB  VB   4 xcomp
			Japan     PROPN NNP  6 obj
			.         PUNCT .    4 punct`,
			want: []string{"INDGOV → JPN 036"}},
	}},
	{construction: "relative clause", cases: []ruleCase{
		{name: "the object acts in a relative clause (1.3: a sentence can hold several events)", date: "2024-05-20", tree: `
			The         DET   DT   3 det
			United      ADJ   NNP  3 amod
			States      PROPN NNPS 4 nsubj
			condemned   VERB  VBD  0 root
			Iran        PROPN NNP  4 obj
			,           PUNCT ,    8 punct
			which       PRON  WDT  8 nsubj
			detained    VERB  VBD  5 acl:relcl
			two         NUM   CD  11 nummod
			British     ADJ   JJ  11 amod
			journalists NOUN  NNS  8 obj
			.           PUNCT .    4 punct`,
			want:  []string{"USA → IRN 111", "IRN → GBRMED 173"},
			today: []string{"USA → IRN 111"}},
	}},
	{construction: "apposition", cases: []ruleCase{
		{name: "the subject's role in an apposition (3.2: the role the article states)", date: "2024-05-20", tree: `
			William    PROPN NNP  8 nsubj
			Ruto       PROPN NNP  1 flat
			,          PUNCT ,    6 punct
			Kenya      PROPN NNP  6 nmod:poss
			's         PART  POS  4 case
			president  NOUN  NN   1 appos
			,          PUNCT ,    6 punct
			criticized VERB  VBD  0 root
			Uganda     PROPN NNP  8 obj
			.          PUNCT .    8 punct`,
			want:  []string{"KENGOV → UGA 111"},
			today: []string{"KENGOV → UGA 111"}},
		{name: "the object's role in an apposition", date: "2024-05-20", tree: `
			William    PROPN NNP  3 nsubj
			Ruto       PROPN NNP  1 flat
			criticized VERB  VBD  0 root
			Abiy       PROPN NNP  3 obj
			Ahmed      PROPN NNP  4 flat
			,          PUNCT ,   10 punct
			Ethiopia   PROPN NNP 10 nmod:poss
			's         PART  POS  7 case
			prime      ADJ   JJ  10 amod
			minister   NOUN  NN   4 appos
			.          PUNCT .    3 punct`,
			want:  []string{"KENGOV → ETHGOV 111"},
			today: []string{"KENGOV → ETHGOV 111"}},
	}},
	{construction: "coordination", cases: []ruleCase{
		{name: "coordinated subjects of a directed act (4.7: one event each)", date: "2024-05-20", tree: `
			France    PROPN NNP  6 nsubj
			,         PUNCT ,    3 punct
			Germany   PROPN NNP  1 conj
			and       CCONJ CC   5 cc
			Britain   PROPN NNP  1 conj
			condemned VERB  VBD  0 root
			Iran      PROPN NNP  6 obj
			.         PUNCT .    6 punct`,
			want:  []string{"FRA → IRN 111", "DEU → IRN 111", "GBR → IRN 111"},
			today: []string{"FRA → IRN 111", "DEU → IRN 111", "GBR → IRN 111"}},
		{name: "coordinated objects (4.7: two events)", date: "2024-05-20", tree: `
			Iran      PROPN NNP  2 nsubj
			condemned VERB  VBD  0 root
			the       DET   DT   5 det
			United    ADJ   NNP  5 amod
			States    PROPN NNPS 2 obj
			and       CCONJ CC   7 cc
			Israel    PROPN NNP  5 conj
			.         PUNCT .    2 punct`,
			want:  []string{"IRN → USA 111", "IRN → ISR 111"},
			today: []string{"IRN → USA 111", "IRN → ISR 111"}},
		{name: "coordinated verbs: the second recalls its own ambassador (4.8: the partner is the target, 161)", date: "2024-05-20", tree: `
			Germany    PROPN NNP  2 nsubj
			condemned  VERB  VBD  0 root
			Iran       PROPN NNP  2 obj
			and        CCONJ CC   5 cc
			recalled   VERB  VBD  2 conj
			its        PRON  PRP$ 7 nmod:poss
			ambassador NOUN  NN   5 obj
			from       ADP   IN   9 case
			Tehran     PROPN NNP  5 obl
			.          PUNCT .    2 punct`,
			want:  []string{"DEU → IRN 111", "DEU → IRN 161"},
			today: []string{"DEU → IRN 111"}},
		{name: "coordinated verbs sharing the object of the first (4.11: beating protesters is 175)", date: "2024-05-20", tree: `
			Turkish    ADJ   JJ   2 amod
			police     NOUN  NN   3 nsubj
			beat       VERB  VBD  0 root
			and        CCONJ CC   5 cc
			arrested   VERB  VBD  3 conj
			protesters NOUN  NNS  3 obj
			in         ADP   IN   8 case
			Istanbul   PROPN NNP  3 obl
			.          PUNCT .    3 punct`,
			want:  []string{"TURCOP → TUROPP 175", "TURCOP → TUROPP 173"},
			today: []string{"TURCOP → TUROPP 190"}},
	}},
}

// TestClauseCases codes the clause shapes and logs how many of each are right.
func TestClauseCases(t *testing.T) {
	checkGroups(t, clauseGroups)
}
