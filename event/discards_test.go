package event_test

import "testing"

// discardGroups are sentences with and without a phrase of the embedded discard list
// (Phoenix.discards.txt): a phrase drops its sentence, a phrase marked '+' the whole
// story. The list is for sport, entertainment and history, which the guide does not code
// (2: sport), but the guide codes background like news (1.5), and the list's phrases
// also stand in political stories. Each discarded case has its twin without the phrase,
// which codes, so that the cases fail if the list stopped discarding.
var discardGroups = []caseGroup{
	{construction: "sentence discards", cases: []ruleCase{
		{name: "FOOTBALL (Phoenix.discards.txt:245) drops a match (2: sport)", date: "2024-05-20", tree: `
			Brazil   PROPN NNP  2 nsubj
			beat     VERB  VBD  0 root
			Morocco  PROPN NNP  2 obj
			in       ADP   IN   7 case
			a        DET   DT   7 det
			football NOUN  NN   7 compound
			match    NOUN  NN   2 obl
			.        PUNCT .    2 punct`,
			want: nil},
		{name: "a year, 1990 (:79), drops background (1.5: coded like news)", date: "2024-05-20", tree: `
			Iraq    PROPN NNP  2 nsubj
			invaded VERB  VBD  0 root
			Kuwait  PROPN NNP  2 obj
			in      ADP   IN   5 case
			1990    NUM   CD   2 obl
			.       PUNCT .    2 punct`,
			want: []string{"IRQ → KWT 192"}},
		{name: "YEARS AGO (:108) drops background (1.5: coded like news)", date: "2024-05-20", tree: `
			Two     NUM   CD   2 nummod
			years   NOUN  NNS  3 obl:unmarked
			ago     ADV   RB   6 advmod
			,       PUNCT ,    3 punct
			Russia  PROPN NNP  6 nsubj
			invaded VERB  VBD  0 root
			Ukraine PROPN NNP  6 obj
			.       PUNCT .    6 punct`,
			want: []string{"RUS → UKR 192"}},
		{name: "EBOLA (:228) drops the aid sent to fight it (4: 073)", date: "2024-05-20", tree: `
			The          DET   DT   4 det
			World        PROPN NNP  4 compound
			Health       PROPN NNP  4 compound
			Organization PROPN NNP  5 nsubj
			sent         VERB  VBD  0 root
			a            DET   DT   8 det
			medical      ADJ   JJ   8 amod
			team         NOUN  NN   5 obj
			to           ADP   IN  10 case
			Guinea       PROPN NNP  5 obl
			to           PART  TO  12 mark
			fight        VERB  VB   5 advcl
			Ebola        PROPN NNP 12 obj
			.            PUNCT .    5 punct`,
			want: []string{"IGOUNOHLHWHO → GIN 073"}},
		{name: "CHAMPION (:120) drops praise of a champion of democracy (4: 051)", date: "2024-05-20", tree: `
			Germany   PROPN NNP  2 nsubj
			praised   VERB  VBD  0 root
			Ukraine   PROPN NNP  2 obj
			as        ADP   IN   6 case
			a         DET   DT   6 det
			champion  NOUN  NN   2 obl
			of        ADP   IN   8 case
			democracy NOUN  NN   6 nmod
			.         PUNCT .    2 punct`,
			want: []string{"DEU → UKR 051"}},
	}},
	{construction: "story discards", stories: []storyCase{
		{before: []string{`
			France    PROPN NNP  2 nsubj
			beat      VERB  VBD  0 root
			Morocco   PROPN NNP  2 obj
			in        ADP   IN   8 case
			the       DET   DT   8 det
			World     PROPN NNP  7 compound
			Cup       PROPN NNP  8 compound
			semifinal NOUN  NN   2 obl
			.         PUNCT .    2 punct`},
			ruleCase: ruleCase{name: "+WORLD CUP (:483) drops a sports story (2: sport; fans are private people, 7.2)", date: "2024-05-20", tree: `
			Moroccan   ADJ   JJ   2 amod
			fans       NOUN  NNS  3 nsubj
			attacked   VERB  VBD  0 root
			French     ADJ   JJ   5 amod
			supporters NOUN  NNS  3 obj
			in         ADP   IN   7 case
			Paris      PROPN NNP  3 obl
			.          PUNCT .    3 punct`,
				want: nil}},
		{before: []string{`
			Kenya     PROPN NNP  2 nsubj
			condemned VERB  VBD  0 root
			Uganda    PROPN NNP  2 obj
			.         PUNCT .    2 punct`},
			ruleCase: ruleCase{name: "+WORLD CUP (:483) drops a political story that names it (4: 111)", date: "2024-05-20", tree: `
			The      DET   DT   2 det
			minister NOUN  NN   3 nsubj
			spoke    VERB  VBD  0 root
			at       ADP   IN   8 case
			the      DET   DT   8 det
			World    PROPN NNP  7 compound
			Cup      PROPN NNP  8 compound
			draw     NOUN  NN   3 obl
			.        PUNCT .    3 punct`,
				want: []string{"KEN → UGA 111"}}},
	}},
	{construction: "the twins without a discard phrase", cases: []ruleCase{
		{name: "a match the list does not name (2: sport is not coded)", date: "2024-05-20", tree: `
			Brazil  PROPN NNP  2 nsubj
			beat    VERB  VBD  0 root
			Morocco PROPN NNP  2 obj
			in      ADP   IN   6 case
			the     DET   DT   6 det
			final   NOUN  NN   2 obl
			.       PUNCT .    2 punct`,
			want:  nil,
			today: []string{"BRA → MAR 190"}},
		{name: "a year the list does not name, 2022 (1.5)", date: "2024-05-20", tree: `
			Russia  PROPN NNP  2 nsubj
			invaded VERB  VBD  0 root
			Ukraine PROPN NNP  2 obj
			in      ADP   IN   5 case
			2022    NUM   CD   2 obl
			.       PUNCT .    2 punct`,
			want:  []string{"RUS → UKR 192"},
			today: []string{"RUS → UKR 192"}},
		{name: "the aid without the disease's name (4: 073)", date: "2024-05-20", tree: `
			The          DET   DT   4 det
			World        PROPN NNP  4 compound
			Health       PROPN NNP  4 compound
			Organization PROPN NNP  5 nsubj
			sent         VERB  VBD  0 root
			a            DET   DT   8 det
			medical      ADJ   JJ   8 amod
			team         NOUN  NN   5 obj
			to           ADP   IN  10 case
			Guinea       PROPN NNP  5 obl
			.            PUNCT .    5 punct`,
			want:  []string{"IGOUNOHLHWHO → GIN 073"},
			today: []string{"IGOUNOHLHWHO → GIN 073"}},
		{name: "praise without the word champion (4: 051)", date: "2024-05-20", tree: `
			Germany PROPN NNP  2 nsubj
			praised VERB  VBD  0 root
			Ukraine PROPN NNP  2 obj
			.       PUNCT .    2 punct`,
			want:  []string{"DEU → UKR 051"},
			today: []string{"DEU → UKR 051"}},
		{name: "the political story's first sentence alone (4: 111)", date: "2024-05-20", tree: `
			Kenya     PROPN NNP  2 nsubj
			condemned VERB  VBD  0 root
			Uganda    PROPN NNP  2 obj
			.         PUNCT .    2 punct`,
			want:  []string{"KEN → UGA 111"},
			today: []string{"KEN → UGA 111"}},
	}},
}

// TestDiscardCases codes the sentences and stories the discard list drops, and their
// twins, and logs how many are right.
func TestDiscardCases(t *testing.T) {
	checkGroups(t, discardGroups)
}
