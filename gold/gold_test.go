package gold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/lexicon"
)

const shared = "../../shared/data"

// readGold reads the committed gold files of both splits.
func readGold(t *testing.T) []Sentence {
	t.Helper()
	var all []Sentence
	for _, split := range []string{Dev, Test} {
		sents, err := ReadFile(SplitFile(split))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, sents...)
	}
	return all
}

// TestGoldIsTheDraw: the gold files hold exactly the sentences that the committed
// population and the seed draw, each coded, 420 a split, at most a quarter of dev the
// team's own wire text, and each split's second coding a subset of it.
func TestGoldIsTheDraw(t *testing.T) {
	pop, err := ReadPopulation(PopulationFile)
	if err != nil {
		t.Fatal(err)
	}
	all := readGold(t)
	if err := SameSentences(all, Draw(pop)); err != nil {
		t.Fatalf("the gold files are not the draw: %v", err)
	}
	count := map[string]int{}
	for _, s := range all {
		count[s.Split]++
		if s.Split == Dev && s.Corpus == Wire {
			count["wire"]++
		}
		if s.Coder == "" {
			t.Errorf("%s is not coded", s.ID)
		}
		if (s.Split == Dev) != (s.Corpus == GUMTrain || s.Corpus == PUD || s.Corpus == Wire) {
			t.Errorf("%s: corpus %s in split %s", s.ID, s.Corpus, s.Split)
		}
	}
	if count[Dev] < 400 || count[Test] < 400 {
		t.Errorf("dev %d, test %d sentences: want at least 400 each", count[Dev], count[Test])
	}
	if 4*count["wire"] > count[Dev] {
		t.Errorf("%d of %d dev sentences are the team's own text: at most a quarter", count["wire"], count[Dev])
	}
	byID := map[string]Sentence{}
	for _, s := range all {
		byID[s.ID] = s
	}
	for _, split := range []string{Dev, Test} {
		second, err := ReadFile(SecondFile(split))
		if err != nil {
			t.Fatal(err)
		}
		if len(second) != 100 {
			t.Errorf("%s: %d sentences coded twice, want 100", split, len(second))
		}
		for _, s := range second {
			f, ok := byID[s.ID]
			if !ok || f.Split != split || f.Start != s.Start || f.Doc != s.Doc || f.Coder == s.Coder {
				t.Errorf("%s: second coding of %s does not match a first coding by another coder", split, s.ID)
			}
		}
	}
}

// TestGoldSentencesAreFound: every gold sentence is still found in its corpus by its
// offsets and hash. The team's wire stories are in the repository; the other corpora
// need ../shared/data.
func TestGoldSentencesAreFound(t *testing.T) {
	c := NewCorpora(shared, ".")
	missing := 0
	for _, s := range readGold(t) {
		if s.Corpus != Wire {
			if path, _ := c.Path(s.Corpus); !exists(path) {
				missing++
				continue
			}
		}
		if _, err := c.SentenceText(&s); err != nil {
			t.Error(err)
		}
	}
	if missing > 0 {
		t.Skipf("%d gold sentences not checked: their corpora are in ../shared/data, which is absent", missing)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

func TestReadRejects(t *testing.T) {
	line := `{"id":"dev-001","split":"dev","stratum":"any","corpus":"wire","doc":"w","start":0,"end":5,"sha256":"x","coder":"a","events":[%s]}`
	event := `{"source":"USAGOV","target":"RUS","cameo":"040","plover":"CONSULT","words":"met"}`
	for _, tt := range []struct{ name, input, want string }{
		{"unknown field", `{"id":"dev-001","split":"dev","colour":1}`, `line 1: json: unknown field "colour"`},
		{"bad split", strings.Replace(strings.Replace(line, "%s", "", 1), `"dev","stratum`, `"train","stratum`, 1), `split "train"`},
		{"bad offsets", strings.Replace(strings.Replace(line, "%s", "", 1), `"end":5`, `"end":0`, 1), "offsets 0-0"},
		{"bad code", strings.Replace(line, "%s", strings.Replace(event, `"040"`, `"40"`, 1), 1), `event code "40"`},
		{"root beyond 20", strings.Replace(line, "%s", strings.Replace(event, `"040"`, `"210"`, 1), 1), `event code "210"`},
		{"bad actor", strings.Replace(line, "%s", strings.Replace(event, `"USAGOV"`, `"usa"`, 1), 1), `actor code "usa"`},
		{"dash inside", strings.Replace(line, "%s", strings.Replace(event, `"USAGOV"`, `"USA---"`, 1), 1), `actor code "USA---"`},
		{"duplicate", strings.Replace(line, "%s", "", 1) + "\n" + strings.Replace(line, "%s", "", 1), "line 2: dev-001: the id of line 1 again"},
	} {
		_, err := Read(strings.NewReader(tt.input))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	ok := strings.Replace(line, "%s", event+","+strings.Replace(event, `"USAGOV"`, `"---GOV"`, 1), 1)
	if s, err := Read(strings.NewReader(ok)); err != nil || len(s) != 1 || len(s[0].Events) != 2 {
		t.Errorf("a good line: %v, %+v", err, s)
	}
}

func TestPrincipalAndAgents(t *testing.T) {
	for _, tt := range []struct{ code, principal, agents string }{
		{"USAGOV", "USA", "GOV"},
		{"USA", "USA", ""},
		{"---MIL", "---", "MIL"},
		{"---", "---", ""},
		{"IGOUNO", "IGOUNO", ""},
		{"IGOUNOREFHCR", "IGOUNO", "HCRREF"},
		{"IGOEUREEC", "IGOEUREEC", ""},
		{"NGOHLHIRC", "NGO", "HLHIRC"},
		{"USAMILGOV", "USA", "GOVMIL"},
		{"GOV", "GOV", ""},
		{"", "", ""},
	} {
		if p := lexicon.Principal(tt.code); p != tt.principal {
			t.Errorf("Principal(%q) = %q, want %q", tt.code, p, tt.principal)
		}
		if a := agentsOf(tt.code); a != tt.agents {
			t.Errorf("agentsOf(%q) = %q, want %q", tt.code, a, tt.agents)
		}
	}
}

func ev(src, tgt, code string) Event { return Event{Source: src, Target: tgt, CAMEO: code} }

// TestScoreLevels: each level counts an event right only when what it compares agrees.
func TestScoreLevels(t *testing.T) {
	sents := []Sentence{
		{ID: "a", Events: []Event{ev("KENGOV", "ETHGOV", "040"), ev("ETHGOV", "KENGOV", "040")}},
		{ID: "b", Events: []Event{ev("TURCOP", "TUROPP", "173")}},
		{ID: "c"},
		{ID: "d", Events: []Event{ev("RUSMIL", "UKR", "194")}},
	}
	predicted := map[string][]Event{
		// one right at every level; one with the wrong agent and subcode
		"a": {ev("KENGOV", "ETHGOV", "040"), ev("ETHMIL", "KENGOV", "043")},
		// right root and countries, wrong agent
		"b": {ev("TURGOV", "TUROPP", "173")},
		// a false alarm
		"c": {ev("USA", "AUS", "051")},
		// "d" missed
	}
	r := Score(sents, predicted)
	want := [numLevels]PRF{{TP: 3, Pred: 4, Gold: 4}, {TP: 1, Pred: 4, Gold: 4}, {TP: 1, Pred: 4, Gold: 4}}
	if r.Levels != want {
		t.Errorf("levels %+v, want %+v", r.Levels, want)
	}
	if r.HasEvent != (PRF{TP: 2, Pred: 3, Gold: 3}) {
		t.Errorf("has an event %+v", r.HasEvent)
	}
	if r.Levels[Countries].P() != 75 || r.Levels[Countries].R() != 75 || r.Levels[Countries].F1() != 75 {
		t.Errorf("P/R/F1 %.2f %.2f %.2f", r.Levels[0].P(), r.Levels[0].R(), r.Levels[0].F1())
	}
	wantConfusion := map[[2]string]int{{"04", "04"}: 2, {"17", "17"}: 1, {"-", "05"}: 1, {"19", "-"}: 1}
	if len(r.Confusion) != len(wantConfusion) {
		t.Errorf("confusion %v, want %v", r.Confusion, wantConfusion)
	}
	for k, n := range wantConfusion {
		if r.Confusion[k] != n {
			t.Errorf("confusion %v = %d, want %d", k, r.Confusion[k], n)
		}
	}
	if wrong := r.Wrong(Countries); len(wrong) != 2 || wrong[0].Sentence.ID != "c" && wrong[0].Sentence.ID != "d" {
		t.Errorf("wrong at root + countries: %d", len(wrong))
	}
	if !strings.HasPrefix(r.Summary(""), "P=75.00 R=75.00 F1=75.00 P_agents=25.00") {
		t.Errorf("summary %q", r.Summary(""))
	}
}

// TestConfusionPairsByDyad: events are paired by dyad, the same root first.
func TestConfusionPairsByDyad(t *testing.T) {
	got := confusion([]Event{ev("A", "B", "190"), ev("A", "B", "040")}, []Event{ev("A", "B", "042"), ev("A", "C", "190")})
	want := map[[2]string]int{{"04", "04"}: 1, {"19", "-"}: 1, {"-", "19"}: 1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%v = %d, want %d", k, got[k], n)
		}
	}
}

func TestAgree(t *testing.T) {
	first := []Sentence{
		{ID: "1", Events: []Event{ev("A", "B", "040")}}, {ID: "2"}, {ID: "3", Events: []Event{ev("A", "B", "111")}}, {ID: "4"},
	}
	second := []Sentence{
		{ID: "1", Events: []Event{ev("A", "B", "040")}}, {ID: "2"}, {ID: "3"}, {ID: "4", Events: []Event{ev("C", "D", "190")}},
	}
	a, err := Agree(first, second)
	if err != nil {
		t.Fatal(err)
	}
	// observed 2/4; each coder says "event" in half the sentences: expected 1/2; kappa 0
	if a.EventAgree != 50 || a.EventKappa != 0 {
		t.Errorf("agreement %.1f kappa %.3f, want 50 and 0", a.EventAgree, a.EventKappa)
	}
	if a.Root != (PRF{TP: 1, Pred: 2, Gold: 2}) {
		t.Errorf("root %+v", a.Root)
	}
	if _, err := Agree(first, []Sentence{{ID: "9"}}); err == nil {
		t.Error("a sentence only the second coding has should be an error")
	}
}

func TestAlignerMapsThroughClean(t *testing.T) {
	raw := "WASHINGTON,\r\nFeb 26 -  Japan\x03 has  pledged\nto try.  It said “no”."
	cleaned := "WASHINGTON,\nFeb 26 - Japan has pledged\nto try. It said “no”."
	a := newAligner(raw, cleaned)
	for _, tt := range []struct{ sentence, want string }{
		{"Japan\x03 has  pledged\nto try.", "Japan has pledged\nto try."},
		{"It said “no”.", "It said “no”."},
	} {
		start := strings.Index(raw, tt.sentence)
		s, e, ok := a.span(start, start+len(tt.sentence))
		if !ok || cleaned[s:e] != tt.want {
			t.Errorf("%q maps to %q (%v), want %q", tt.sentence, cleaned[s:e], ok, tt.want)
		}
	}
	if _, _, ok := a.span(0, 0); ok {
		t.Error("an empty span should not map")
	}
	// Texts whose letters differ: the sentence's own letters are found.
	b := newAligner("xx Talks resumed.", "Talks resumed.")
	if s, e, ok := b.span(3, 17); !ok || s != 0 || e != 14 {
		t.Errorf("search fallback: %d-%d %v", s, e, ok)
	}
}

func TestActorMentions(t *testing.T) {
	a := &ActorWords{names: map[string]bool{"kenya": true, "kenyan": true, "united states": true, "u.s.": true}, titles: map[string]bool{}, orgs: map[string]bool{}}
	for _, w := range titleWords {
		a.titles[w] = true
	}
	for _, w := range orgWords {
		a.orgs[w] = true
	}
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"Kenyan police detained protesters.", 3},
		{"The United States and NATO agreed.", 2},
		{"Shares of Acme Corp rose 3 pct.", 0},
		{"The Democratic Party of Kenya met.", 2},
		{"U.S. GDP grew.", 1},
	} {
		if got := a.Mentions(tt.s); got != tt.want {
			t.Errorf("Mentions(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestSecondSampleIsStable(t *testing.T) {
	var sents []Sentence
	for i := range 420 {
		sents = append(sents, Sentence{ID: filepath.Join("x", string(rune('a'+i%26)), string(rune('a'+i/26)))})
	}
	a, b := SecondSample(sents, 100), SecondSample(sents, 100)
	if len(a) != 100 || a[0].ID != b[0].ID || a[99].ID != b[99].ID {
		t.Error("the second sample should be the same every time, 100 sentences")
	}
}
