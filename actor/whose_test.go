package actor_test

import (
	"encoding/json"
	"strings"
	"testing"

	"herald/document"
	"herald/pipeline/pipelinetest"
)

// whoseCase is a story, with hand-checked trees and a dateline's place (and region) or
// none, and what the actors layer must say of some of its phrases: "PHRASE=CODE how".
type whoseCase struct {
	name             string
	dateline, region string
	trees            []string
	want             []string
}

// whoseCases hold a case, and a negative one, for each way an agent with no country of
// its own takes one (docs/CODING.md 3.3.3), or does not.
var whoseCases = []whoseCase{
	{name: "a possessive: its troops are the country it stands for", trees: []string{`
		Rwanda   PROPN NNP  2 nsubj
		said     VERB  VBD  0 root
		its      PRON  PRP$ 4 nmod:poss
		troops   NOUN  NNS  5 nsubj
		attacked VERB  VBD  2 ccomp
		rebels   NOUN  NNS  5 obj
		.        PUNCT .    2 punct`},
		want: []string{"its troops=RWAMIL possessive", "rebels=RWAREB story"}},
	{name: "the subject's possessive, not the object's", trees: []string{`
		Germany    PROPN NNP  2 nsubj
		condemned  VERB  VBD  0 root
		Iran       PROPN NNP  2 obj
		and        CCONJ CC   5 cc
		recalled   VERB  VBD  2 conj
		its        PRON  PRP$ 7 nmod:poss
		ambassador NOUN  NN   5 obj
		.          PUNCT .    2 punct`},
		want: []string{"its=DEU context", "its ambassador=DEUGOV possessive"}},
	{name: "the same agent before: Turkish police, then the police", dateline: "London", trees: []string{`
		Turkish  ADJ   JJ   2 amod
		police   NOUN  NN   3 nsubj
		detained VERB  VBD  0 root
		Greek    ADJ   JJ   5 amod
		fishermen NOUN NNS  3 obj
		.        PUNCT .    3 punct`, `
		The    DET   DT   2 det
		police NOUN  NN   3 nsubj
		said   VERB  VBD  0 root
		nothing PRON NN   3 obj
		.      PUNCT .    3 punct`},
		want: []string{"The police=TURCOP story"}},
	{name: "the same agent by another word: Iraqi troops, then the soldiers", trees: []string{`
		Iraqi    ADJ   JJ   2 amod
		troops   NOUN  NNS  3 nsubj
		shelled  VERB  VBD  0 root
		Basra    PROPN NNP  3 obj
		.        PUNCT .    3 punct`, `
		Iranian  ADJ   JJ   2 amod
		planes   NOUN  NNS  3 nsubj
		bombed   VERB  VBD  0 root
		the      DET   DT   5 det
		soldiers NOUN  NNS  3 obj
		.        PUNCT .    3 punct`},
		want: []string{"the soldiers=IRQMIL story"}},
	{name: "conflicting earlier mentions: Turkish and Greek police, then the police", dateline: "London", trees: []string{`
		Turkish  ADJ   JJ   2 amod
		police   NOUN  NN   7 nsubj
		and      CCONJ CC   5 cc
		Greek    ADJ   JJ   5 amod
		police   NOUN  NN   2 conj
		jointly  ADV   RB   7 advmod
		patrolled VERB VBD  0 root
		the      DET   DT   9 det
		border   NOUN  NN   7 obj
		.        PUNCT .    7 punct`, `
		The    DET   DT   2 det
		police NOUN  NN   3 nsubj
		arrested VERB VBD  0 root
		smugglers NOUN NNS 3 obj
		in     ADP   IN   6 case
		London PROPN NNP  3 obl
		.      PUNCT .    3 punct`},
		want: []string{"Turkish police=TURCOP role", "Greek police=GRCCOP role", "The police=---COP role"}},
	{name: "the government is the subject's country before it", trees: []string{`
		Kenya     PROPN NNP  2 nsubj
		expelled  VERB  VBD  0 root
		two       NUM   CD   5 nummod
		Ugandan   ADJ   JJ   5 amod
		diplomats NOUN  NNS  2 obj
		.         PUNCT .    2 punct`, `
		The        DET   DT   2 det
		government NOUN  NN   3 nsubj
		accused    VERB  VBD  0 root
		them       PRON  PRP  3 obj
		of         SCONJ IN   6 mark
		spying     VERB  VBG  3 advcl
		.          PUNCT .    3 punct`},
		want: []string{"The government=KENGOV antecedent", "them=UGAGOV antecedent"}},
	{name: "the same title before, with its country", dateline: "Washington", trees: []string{`
		Bush     PROPN NNP  2 nsubj
		welcomed VERB  VBD  0 root
		the      DET   DT   5 det
		crown    NOUN  NN   5 compound
		prince   NOUN  NN   2 obj
		of       ADP   IN   7 case
		Jordan   PROPN NNP  5 nmod
		.        PUNCT .    2 punct`, `
		The    DET   DT   2 det
		prince NOUN  NN   3 nsubj
		thanked VERB VBD  0 root
		him    PRON  PRP  3 obj
		.      PUNCT .    3 punct`},
		want: []string{"The prince=JORGOV story"}},
	{name: "a title is no institution: the prince is not the subject's country's", trees: []string{`
		Jordan   PROPN NNP  2 nsubj
		welcomed VERB  VBD  0 root
		Joe      PROPN NNP  2 obj
		Biden    PROPN NNP  3 flat
		.        PUNCT .    2 punct`, `
		The    DET   DT   2 det
		prince NOUN  NN   3 nsubj
		thanked VERB VBD  0 root
		him    PRON  PRP  3 obj
		.      PUNCT .    3 punct`},
		want: []string{"The prince=---GOV role"}},
	{name: "the government of a subject that is no actor", trees: []string{`
		The     DET   DT   2 det
		economy NOUN  NN   3 nsubj
		slowed  VERB  VBD  0 root
		.       PUNCT .    3 punct`, `
		The        DET  DT   2 det
		government NOUN NN   3 nsubj
		resigned   VERB VBD  0 root
		.          PUNCT .   3 punct`},
		want: []string{"The government=---GOV role"}},
	{name: "the place of the clause: police in Nairobi", dateline: "London", trees: []string{`
		Police     NOUN  NNS  2 nsubj
		fired      VERB  VBD  0 root
		tear       NOUN  NN   4 compound
		gas        NOUN  NN   2 obj
		at         ADP   IN   6 case
		protesters NOUN  NNS  2 obl
		in         ADP   IN   8 case
		Nairobi    PROPN NNP  2 obl
		.          PUNCT .    2 punct`},
		want: []string{"Police=KENCOP place", "protesters=KENOPP place"}},
	{name: "a venue is not a government's: ministers met in Paris", dateline: "London", trees: []string{`
		Ministers NOUN  NNS  2 nsubj
		met       VERB  VBD  0 root
		in        ADP   IN   4 case
		Paris     PROPN NNP  2 obl
		.         PUNCT .    2 punct`},
		want: []string{"Ministers=---GOV role"}},
	{name: "places in two countries conflict", dateline: "London", trees: []string{`
		Police   NOUN  NNS  2 nsubj
		arrested VERB  VBD  0 root
		smugglers NOUN NNS  2 obj
		in       ADP   IN   5 case
		Nairobi  PROPN NNP  2 obl
		and      CCONJ CC   7 cc
		Kampala  PROPN NNP  5 conj
		.        PUNCT .    2 punct`},
		want: []string{"Police=---COP role"}},
	{name: "a place of another clause is not the speaker's", dateline: "Munich", trees: []string{`
		Volkswagen PROPN NNP  3 nsubj
		will       AUX   MD   3 aux
		build      VERB  VB   0 root
		a          DET   DT   5 det
		plant      NOUN  NN   3 obj
		in         ADP   IN   7 case
		China      PROPN NNP  3 obl
		,          PUNCT ,    3 punct
		a          DET   DT   11 det
		company    NOUN  NN   11 compound
		spokesman  NOUN  NN   12 nsubj
		said       VERB  VBD  3 parataxis
		.          PUNCT .    3 punct`},
		want: []string{"a company spokesman=---BUS role"}},
	{name: "the dateline of a domestic story", dateline: "Lima", trees: []string{`
		The        DET   DT   2 det
		police     NOUN  NN   3 nsubj
		fired      VERB  VBD  0 root
		tear       NOUN  NN   5 compound
		gas        NOUN  NN   3 obj
		at         ADP   IN   8 case
		the        DET   DT   8 det
		protesters NOUN  NNS  3 obl
		.          PUNCT .    3 punct`},
		want: []string{"The police=PERCOP dateline", "the protesters=PEROPP dateline"}},
	{name: "a dateline's state or province: BEAVER CREEK, Colo.", dateline: "Beaver Creek", region: "Colo.", trees: []string{`
		Workers NOUN NNS  2 nsubj
		went    VERB VBD  0 root
		on      ADP  IN   4 case
		strike  NOUN NN   2 obl
		.       PUNCT .   2 punct`},
		want: []string{"Workers=USALAB dateline"}},
	{name: "no longer domestic once another country is named", dateline: "Lima", trees: []string{`
		Chile    PROPN NNP  2 nsubj
		protested VERB VBD  0 root
		.        PUNCT .    2 punct`, `
		Students NOUN  NNS  2 nsubj
		marched  VERB  VBD  0 root
		.        PUNCT .    2 punct`},
		want: []string{"Students=---EDU role"}},
	{name: "a state's institution in a story from its country that names another", dateline: "Tokyo", trees: []string{`
		Japan     PROPN NNP  3 nmod:poss
		's        PART  POS  1 case
		exports   NOUN  NNS  7 nsubj
		to        ADP   IN   6 case
		the       DET   DT   6 det
		U.S.      PROPN NNP  3 nmod
		rose      VERB  VBD  0 root
		.         PUNCT .    7 punct`, `
		The       DET   DT   3 det
		Finance   PROPN NNP  3 compound
		Ministry  PROPN NNP  4 nsubj
		said      VERB  VBD  0 root
		so        ADV   RB   4 advmod
		.         PUNCT .    4 punct`},
		want: []string{"Finance Ministry=JPNGOV dateline"}},
	{name: "not once another country's state is a party", dateline: "Tokyo", trees: []string{`
		U.S.      PROPN NNP  2 compound
		officials NOUN  NNS  3 nsubj
		criticized VERB VBD  0 root
		Japan     PROPN NNP  3 obj
		.         PUNCT .    3 punct`, `
		The      DET   DT   3 det
		Finance  PROPN NNP  3 compound
		Ministry PROPN NNP  4 nsubj
		replied  VERB  VBD  0 root
		.        PUNCT .    4 punct`},
		want: []string{"U.S. officials=USAGOV role", "Finance Ministry=---GOV role"}},
	{name: "not in a story from London about Iran", dateline: "London", trees: []string{`
		Iran    PROPN NNP  3 nmod:poss
		's      PART  POS  1 case
		economy NOUN  NN   4 nsubj
		slowed  VERB  VBD  0 root
		.       PUNCT .    4 punct`, `
		The      DET  DT   2 det
		police   NOUN NN   3 nsubj
		arrested VERB VBD  0 root
		students NOUN NNS  3 obj
		.        PUNCT .   3 punct`},
		want: []string{"The police=---COP role", "students=---EDU role"}},
	{name: "someone else's, and a news agency, take no country", dateline: "Lima", trees: []string{`
		Foreign     ADJ   JJ   2 amod
		governments NOUN  NNS  3 nsubj
		criticized  VERB  VBD  0 root
		the         DET   DT   5 det
		police      NOUN  NN   3 obj
		,           PUNCT ,    3 punct
		an          DET   DT   8 det
		official    NOUN  NN   9 nsubj
		told        VERB  VBD  3 parataxis
		Reuters     PROPN NNP  9 obj
		.           PUNCT .    3 punct`},
		want: []string{"Foreign governments=---GOV role", "the police=PERCOP dateline", "Reuters=---MED dictionary"}},
	{name: "a story with no dateline: the one country named before", trees: []string{`
		Kenyan     ADJ   JJ   2 amod
		police     NOUN  NN   3 nsubj
		cracked    VERB  VBD  0 root
		down       ADP   RP   3 compound:prt
		on         ADP   IN   6 case
		protesters NOUN  NNS  3 obl
		.          PUNCT .    3 punct`},
		want: []string{"protesters=KENOPP story"}},
	{name: "not the country named after the agent", trees: []string{`
		Students  NOUN  NNS  2 nsubj
		protested VERB  VBD  0 root
		outside   ADP   IN   6 case
		the       DET   DT   6 det
		Ethiopian ADJ   JJ   6 amod
		embassy   NOUN  NN   2 obl
		.         PUNCT .    2 punct`},
		want: []string{"Students=---EDU role"}},
	{name: "it and they stand for the subject before them", trees: []string{`
		Iraq   PROPN NNP  2 nsubj
		said   VERB  VBD  0 root
		it     PRON  PRP  5 nsubj
		would  AUX   MD   5 aux
		attack VERB  VB   2 ccomp
		Iran   PROPN NNP  5 obj
		.      PUNCT .    2 punct`, `
		Syrian  ADJ   JJ   2 amod
		rebels  NOUN  NNS  3 nsubj
		said    VERB  VBD  0 root
		they    PRON  PRP  5 nsubj
		attacked VERB VBD  3 ccomp
		Damascus PROPN NNP 5 obj
		.       PUNCT .    3 punct`},
		want: []string{"it=IRQ antecedent", "they=SYRREB antecedent"}},
	{name: "no antecedent: a person, two countries, a quotation, an empty it", trees: []string{`
		Putin PROPN NNP  2 nsubj
		said  VERB  VBD  0 root
		it    PRON  PRP  4 nsubj
		seemed VERB VBD  2 ccomp
		unlikely ADJ JJ  4 xcomp
		.     PUNCT .    2 punct`, `
		China  PROPN NNP  4 nsubj
		and    CCONJ CC   3 cc
		Russia PROPN NNP  1 conj
		said   VERB  VBD  0 root
		they   PRON  PRP  6 nsubj
		agreed VERB  VBD  4 ccomp
		.      PUNCT .    4 punct`, `
		"      PUNCT ''   3 punct
		They   PRON  PRP  3 nsubj
		lied   VERB  VBD  0 root
		,      PUNCT ,    3 punct
		"      PUNCT ''   3 punct
		Iran   PROPN NNP  7 nsubj
		said   VERB  VBD  3 parataxis
		.      PUNCT .    3 punct`},
		want: []string{"it=", "they=", "They="}},
}

// TestWhose codes each story and checks the code and how of each phrase it names.
func TestWhose(t *testing.T) {
	c := loadCoder(t)
	for _, tc := range whoseCases {
		doc := pipelinetest.Analyze(t, pipelinetest.Story{Date: "2024-05-20", Sentences: tc.trees})
		if tc.dateline != "" {
			// The trees have no dateline; the actor stage reads the place the dateline
			// stage would have found.
			doc.Dateline = &document.Dateline{Place: tc.dateline, Region: tc.region}
			c.Annotate(doc)
		}
		for _, w := range tc.want {
			phrase, want, _ := strings.Cut(w, "=")
			got := ""
			for _, a := range doc.Actors {
				if a.Text == phrase {
					got = a.Code + " " + a.How
					break
				}
			}
			if strings.TrimSpace(got) != want {
				t.Errorf("%s: %q is %q, want %q", tc.name, phrase, got, want)
			}
		}
	}
}

// TestUnknownCountry: an agent nothing gives a country is written as PETRARCH writes it,
// in the layer; the phrase coder itself gives the agents alone.
func TestUnknownCountry(t *testing.T) {
	c := loadCoder(t)
	if got := c.Phrase(words("police"), "2024-05-20").Code; got != "COP" {
		t.Errorf("Phrase(police) = %q, want COP", got)
	}
	doc := pipelinetest.Analyze(t, pipelinetest.Story{Date: "2024-05-20", Sentences: []string{`
		Police   NOUN  NNS  2 nsubj
		arrested VERB  VBD  0 root
		him      PRON  PRP  2 obj
		.        PUNCT .    2 punct`}})
	if len(doc.Actors) == 0 || doc.Actors[0].Code != "---COP" {
		t.Errorf("actors %+v, want Police=---COP", doc.Actors)
	}
	for code, want := range map[string]string{"KENCOP": "KEN", "---COP": "", "COP": "", "IGOUNOMIL": "IGOUNO", "IGOEUREEC": "IGOEUREEC", "KEN": "KEN", "": ""} {
		if got := c.Principal(code); got != want {
			t.Errorf("Principal(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestWhoseInEntities: an entity's actor_how in the output reports the rule that gave
// its mention a country.
func TestWhoseInEntities(t *testing.T) {
	c := loadCoder(t)
	doc := pipelinetest.Analyze(t, pipelinetest.Story{Date: "2024-05-20", Sentences: []string{`
		The       DET   DT   3 det
		Finance   PROPN NNP  3 compound
		Ministry  PROPN NNP  4 nsubj
		resigned  VERB  VBD  0 root
		.         PUNCT .    4 punct`}})
	doc.Dateline = &document.Dateline{Place: "Tokyo"}
	c.Annotate(doc)
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Entities []struct {
			Text     string `json:"text"`
			Actor    string `json:"actor"`
			ActorHow string `json:"actor_how"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range out.Entities {
		if e.Text == "Finance Ministry" {
			found = true
			if e.Actor != "JPNGOV" || e.ActorHow != "dateline" {
				t.Errorf("Finance Ministry: actor %q, actor_how %q; want JPNGOV, dateline", e.Actor, e.ActorHow)
			}
		}
	}
	if !found {
		t.Fatalf("no entity Finance Ministry among %+v", out.Entities)
	}
}
