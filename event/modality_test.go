package event_test

import "testing"

// modalityGroups are the acts a sentence does not simply state as done: negated ones
// (4.5), intended, planned and hypothetical ones (4.3, 4.6), and reported speech,
// claims and accusations (4.1, 4.2).
var modalityGroups = []caseGroup{
	{construction: "negation", cases: []ruleCase{
		{name: "did not condemn (4.5: not coded)", date: "2024-05-20", tree: `
			Egypt   PROPN NNP  4 nsubj
			did     AUX   VBD  4 aux
			not     PART  RB   4 advmod
			condemn VERB  VB   0 root
			Israel  PROPN NNP  4 obj
			.       PUNCT .    4 punct`,
			want:  nil,
			today: []string{"EGY → ISR 111 (negated)"}},
		{name: "has never recognized (4.5: not coded)", date: "2024-05-20", tree: `
			Israel     PROPN NNP  4 nsubj
			has        AUX   VBZ  4 aux
			never      ADV   RB   4 advmod
			recognized VERB  VBN  0 root
			Hamas      PROPN NNP  4 obj
			.          PUNCT .    4 punct`,
			want:  nil,
			today: []string{"ISR → PSEREBHMS 051 (negated)"}},
		{name: "refused to meet (4.5: a rejection, 125)", date: "2024-05-20", tree: `
			Iran      PROPN NNP  2 nsubj
			refused   VERB  VBD  0 root
			to        PART  TO   4 mark
			meet      VERB  VB   2 xcomp
			U.S.      PROPN NNP  6 compound
			officials NOUN  NNS  4 obj
			.         PUNCT .    2 punct`,
			want:  []string{"IRN → USAGOV 125"},
			today: []string{"IRN → USAGOV 125"}},
		{name: "rejected a proposal (4.5: 120, toward whoever proposed)", date: "2024-05-20", tree: `
			Israel   PROPN NNP  2 nsubj
			rejected VERB  VBD  0 root
			Egypt    PROPN NNP  5 nmod:poss
			's       PART  POS  3 case
			proposal NOUN  NN   2 obj
			.        PUNCT .    2 punct`,
			want:  []string{"ISR → EGY 120"},
			today: []string{"ISR → EGY 120"}},
	}},
	{construction: "failure", cases: []ruleCase{
		{name: "likely to attack (4.6: a possibility, not coded)", date: "2024-05-20", tree: `
			Russia  PROPN NNP  3 nsubj
			is      AUX   VBZ  3 cop
			likely  ADJ   JJ   0 root
			to      PART  TO   5 mark
			attack  VERB  VB   3 xcomp
			Ukraine PROPN NNP  5 obj
			.       PUNCT .    3 punct`,
			want:  nil,
			today: []string{"RUS → UKR 190 (hypothetical)"}},
		{name: "unwilling to provide aid (4.5: a refusal, 120)", date: "2024-05-20", tree: `
			Japan     PROPN NNP  3 nsubj
			is        AUX   VBZ  3 cop
			unwilling ADJ   JJ   0 root
			to        PART  TO   5 mark
			provide   VERB  VB   3 xcomp
			aid       NOUN  NN   5 obj
			to        ADP   IN   8 case
			Nigeria   PROPN NNP  5 obl
			.         PUNCT .    3 punct`,
			want:  []string{"JPN → NGA 120"},
			today: []string{"JPN → NGA 120"}},
		{name: "failed to reach an agreement (4.5: it did not happen, nor is failing a rejection)", date: "2024-05-20", tree: `
			Canada  PROPN NNP  2 nsubj
			failed  VERB  VBD  0 root
			to      PART  TO   4 mark
			reach   VERB  VB   2 xcomp
			an      DET   DT   6 det
			agreement NOUN NN  4 obj
			with    ADP   IN   8 case
			Japan   PROPN NNP  4 obl
			.       PUNCT .    2 punct`,
			want:  nil,
			today: []string{"CAN → JPN 032 (negated)"}},
		{name: "agreed to send aid (4.3: the intent alone, not AGREE's own 050 besides)", date: "2024-05-20", tree: `
			Japan   PROPN NNP  2 nsubj
			agreed  VERB  VBD  0 root
			to      PART  TO   4 mark
			send    VERB  VB   2 xcomp
			aid     NOUN  NN   4 obj
			to      ADP   IN   7 case
			Ukraine PROPN NNP  4 obl
			.       PUNCT .    2 punct`,
			want:  []string{"JPN → UKR 033"},
			today: []string{"JPN → UKR 033"}},
	}},
	{construction: "modality", cases: []ruleCase{
		{name: "will provide aid (4.3: the intent, 033)", date: "2024-05-20", tree: `
			Japan   PROPN NNP  3 nsubj
			will    AUX   MD   3 aux
			provide VERB  VB   0 root
			aid     NOUN  NN   3 obj
			to      ADP   IN   6 case
			Ukraine PROPN NNP  3 obl
			.       PUNCT .    3 punct`,
			want:  []string{"JPN → UKR 033"},
			today: []string{"JPN → UKR 033"}},
		{name: "will impose sanctions (4.3: a hostile intent is a threat, 1312)", date: "2024-05-20", tree: `
			The       DET   DT   3 det
			United    ADJ   NNP  3 amod
			States    PROPN NNPS 5 nsubj
			will      AUX   MD   5 aux
			impose    VERB  VB   0 root
			sanctions NOUN  NNS  5 obj
			on        ADP   IN   8 case
			Iran      PROPN NNP  5 obl
			.         PUNCT .    5 punct`,
			want:  []string{"USA → IRN 1312"},
			today: []string{"USA → IRN 163"}},
		{name: "plans to visit (4.3: 036, the visitor's intent alone)", date: "2024-05-20", tree: `
			Narendra PROPN NNP  3 nsubj
			Modi     PROPN NNP  1 flat
			plans    VERB  VBZ  0 root
			to       PART  TO   5 mark
			visit    VERB  VB   3 xcomp
			Russia   PROPN NNP  5 obj
			.        PUNCT .    3 punct`,
			want:  []string{"INDGOV → RUS 036"},
			today: []string{"INDGOV → RUS 036"}},
		{name: "is willing to resume talks (4.3: 036, Iran's intent alone)", date: "2024-05-20", tree: `
			Iran    PROPN NNP  3 nsubj
			is      AUX   VBZ  3 cop
			willing ADJ   JJ   0 root
			to      PART  TO   5 mark
			resume  VERB  VB   3 xcomp
			talks   NOUN  NNS  5 obj
			with    ADP   IN  10 case
			the     DET   DT  10 det
			United  ADJ   NNP 10 amod
			States  PROPN NNPS 6 nmod
			.       PUNCT .    3 punct`,
			want:  []string{"IRN → USA 036"},
			today: []string{"IRN → USA 036"}},
		{name: "could attack (4.6: a hypothetical is not coded)", date: "2024-05-20", tree: `
			Russia  PROPN NNP  3 nsubj
			could   AUX   MD   3 aux
			attack  VERB  VB   0 root
			Moldova PROPN NNP  3 obj
			.       PUNCT .    3 punct`,
			want:  nil,
			today: []string{"RUS → MDA 190 (hypothetical)"}},
		{name: "vowed to retaliate (4.3: a threat of force, 138)", date: "2024-05-20", tree: `
			Iran      PROPN NNP  2 nsubj
			vowed     VERB  VBD  0 root
			to        PART  TO   4 mark
			retaliate VERB  VB   2 xcomp
			against   ADP   IN   6 case
			Israel    PROPN NNP  4 obl
			.         PUNCT .    2 punct`,
			want:  []string{"IRN → ISR 138"},
			today: []string{"IRN → ISR 138"}},
		{name: "a threat with a condition (4.6: still said, 138)", date: "2024-05-20", tree: `
			Maduro    PROPN NNP  2 nsubj
			warned    VERB  VBD  0 root
			that      SCONJ IN   6 mark
			Venezuela PROPN NNP  6 nsubj
			would     AUX   MD   6 aux
			act       VERB  VB   2 ccomp
			if        SCONJ IN   9 mark
			Guyana    PROPN NNP  9 nsubj
			drilled   VERB  VBD  6 advcl
			in        ADP   IN  12 case
			the       DET   DT  12 det
			area      NOUN  NN   9 obl
			.         PUNCT .    2 punct`,
			want: []string{"VENGOV → GUY 138"}},
		{name: "would in a main clause (4.6: a supposition, not coded)", date: "2024-05-20", tree: `
			Japan   PROPN NNP  3 nsubj
			would   AUX   MD   3 aux
			condemn VERB  VB   0 root
			Russia  PROPN NNP  3 obj
			.       PUNCT .    3 punct`,
			want:  nil,
			today: []string{"JPN → RUS 111 (hypothetical)"}},
		{name: "would in reported speech (4.3: a stated intent, 033)", date: "2024-05-20", tree: `
			Japan   PROPN NNP  2 nsubj
			said    VERB  VBD  0 root
			it      PRON  PRP  5 nsubj
			would   AUX   MD   5 aux
			provide VERB  VB   2 ccomp
			aid     NOUN  NN   5 obj
			to      ADP   IN   8 case
			Ukraine PROPN NNP  5 obl
			.       PUNCT .    2 punct`,
			want:  []string{"JPN → UKR 033"},
			today: []string{"JPN → UKR 033"}},
		{name: "an act under if (4.6: not coded)", date: "2024-05-20", tree: `
			If      SCONJ IN   3 mark
			Russia  PROPN NNP  3 nsubj
			attacks VERB  VBZ  7 advcl
			Moldova PROPN NNP  3 obj
			,       PUNCT ,    7 punct
			NATO    PROPN NNP  7 nsubj
			reacts  VERB  VBZ  0 root
			.       PUNCT .    7 punct`,
			want:  nil,
			today: []string{"RUS → MDA 190 (hypothetical)"}},
		{name: "a question (4.6: not coded)", date: "2024-05-20", tree: `
			Will    AUX   MD   3 aux
			Iran    PROPN NNP  3 nsubj
			attack  VERB  VB   0 root
			Israel  PROPN NNP  3 obj
			?       PUNCT .    3 punct`,
			want:  nil,
			today: []string{"IRN → ISR 190 (hypothetical)"}},
	}},
	{construction: "reported speech", cases: []ruleCase{
		{name: "officials said Russian forces shelled (4.2: the reported act, nothing for the officials)", date: "2024-05-20", tree: `
			Officials NOUN  NNS  2 nsubj
			said      VERB  VBD  0 root
			Russian   ADJ   JJ   4 amod
			forces    NOUN  NNS  5 nsubj
			shelled   VERB  VBD  2 ccomp
			Kharkiv   PROPN NNP  5 obj
			.         PUNCT .    2 punct`,
			want:  []string{"RUSMIL → UKR 194"},
			today: []string{"RUSMIL → UKR 190"}},
		{name: "X said Y attacked Z (4.1, 4.2: saying is no attack)", date: "2024-05-20", tree: `
			Ukraine  PROPN NNP  2 nsubj
			said     VERB  VBD  0 root
			Russia   PROPN NNP  4 nsubj
			attacked VERB  VBD  2 ccomp
			Odesa    PROPN NNP  4 obj
			.        PUNCT .    2 punct`,
			want:  []string{"RUS → UKR 190"},
			today: []string{"RUS → UKR 190"}},
		{name: "X claimed that Y attacked Z (4.2: an accusation, and the act is not coded)", date: "2024-05-20", tree: `
			Ukraine  PROPN NNP  2 nsubj
			claimed  VERB  VBD  0 root
			that     SCONJ IN   5 mark
			Russia   PROPN NNP  5 nsubj
			attacked VERB  VBD  2 ccomp
			Odesa    PROPN NNP  5 obj
			.        PUNCT .    2 punct`,
			want:  []string{"UKR → RUS 112"},
			today: []string{"UKR → RUS 015", "RUS → UKR 190"}},
		{name: "X accused Y of attacking (4.2: 112, the act is not coded)", date: "2024-05-20", tree: `
			Kenya     PROPN NNP  2 nsubj
			accused   VERB  VBD  0 root
			Uganda    PROPN NNP  2 obj
			of        SCONJ IN   5 mark
			attacking VERB  VBG  2 advcl
			its       PRON  PRP$ 7 nmod:poss
			soldiers  NOUN  NNS  5 obj
			.         PUNCT .    2 punct`,
			want:  []string{"KEN → UGA 112"},
			today: []string{"KEN → UGA 112"}},
		{name: "X blamed Y for the attack (4.2: 112)", date: "2024-05-20", tree: `
			Pakistan PROPN NNP  2 nsubj
			blamed   VERB  VBD  0 root
			India    PROPN NNP  2 obj
			for      ADP   IN   6 case
			the      DET   DT   6 det
			attack   NOUN  NN   2 obl
			.        PUNCT .    2 punct`,
			want:  []string{"PAK → IND 112"},
			today: []string{"PAK → IND 1124"}},
		{name: "a party claims its own act (4.2: the act, no 015)", date: "2024-05-20", tree: `
			The      DET   DT   2 det
			Houthis  PROPN NNPS 3 nsubj
			said     VERB  VBD  0 root
			they     PRON  PRP  6 nsubj
			had      AUX   VBD  6 aux
			attacked VERB  VBN  3 ccomp
			a        DET   DT   9 det
			British  ADJ   JJ   9 amod
			ship     NOUN  NN   6 obj
			.        PUNCT .    3 punct`,
			want: []string{"YEMREB → GBR 190"}},
		{name: "told reporters a demand (4.1: the demand, the press is no target)", date: "2024-05-20", tree: `
			Kenyan    ADJ   JJ   2 amod
			President PROPN NNP  3 nmod:desc
			William   PROPN NNP  5 nsubj
			Ruto      PROPN NNP  3 flat
			told      VERB  VBD  0 root
			reporters NOUN  NNS  5 obj
			Tanzania  PROPN NNP  9 nsubj
			must      AUX   MD   9 aux
			reopen    VERB  VB   5 ccomp
			the       DET   DT  11 det
			border    NOUN  NN   9 obj
			.         PUNCT .    5 punct`,
			want:  []string{"KENGOV → TZA 100"},
			today: nil},
	}, stories: []storyCase{
		{before: []string{`
			Congo   PROPN NNP  2 nsubj
			accused VERB  VBD  0 root
			Rwanda  PROPN NNP  2 obj
			of      SCONJ IN   5 mark
			sending VERB  VBG  2 advcl
			troops  NOUN  NNS  5 obj
			across  ADP   IN   9 case
			the     DET   DT   9 det
			border  NOUN  NN   5 obl
			.       PUNCT .    2 punct`},
			ruleCase: ruleCase{name: "a denial of the accusation before it (4.2: 016 toward the accuser; Congo is the DRC the story is about)", date: "2024-05-20", tree: `
			Rwanda   PROPN NNP  2 nsubj
			denied   VERB  VBD  0 root
			that     SCONJ IN   7 mark
			its      PRON  PRP$ 5 nmod:poss
			troops   NOUN  NNS  7 nsubj
			were     AUX   VBD  7 aux
			fighting VERB  VBG  2 ccomp
			in       ADP   IN   9 case
			Congo    PROPN NNP  7 obl
			.        PUNCT .    2 punct`,
				want:  []string{"COD → RWA 112", "RWA → COD 016"},
				today: []string{"COD → RWA 112"}}},
	}},
}

// TestModalityCases codes negated, intended, hypothetical and reported acts and logs how
// many are right.
func TestModalityCases(t *testing.T) {
	checkGroups(t, modalityGroups)
}
