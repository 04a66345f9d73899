package audit

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"herald/document"
	"herald/lexicon"
)

func auditor(t testing.TB) *Auditor {
	t.Helper()
	lex, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return New(lex)
}

// ev writes one line of herald code output with the fields the counts read.
func ev(doc string, sentence int, source, target, targetText, cameo, verb string, negated bool) string {
	neg := "false"
	if negated {
		neg = "true"
	}
	root := ""
	if len(cameo) >= 2 {
		root = cameo[:2]
	}
	return `{"doc":"` + doc + `","sentence":` + itoa(sentence) +
		`,"source":{"text":"x","code":"` + source + `","start":0,"end":1}` +
		`,"target":{"text":"` + targetText + `","code":"` + target + `","start":2,"end":3}` +
		`,"cameo":"` + cameo + `","root":"` + root + `","quad":1,"goldstein":0,"plover":{"event":"","mode":"","context":""}` +
		`,"evidence":{"start":0,"end":1,"verb":"` + verb + `","rule":"R"},"negated":` + neg + `,"confidence":0.5}` + "\n"
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestCountryless(t *testing.T) {
	a := auditor(t)
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"GOV", true},
		{"MED", true},
		{"CVL", true},
		{"BUS", true},
		{"GOVMED", true},
		{"---GOV", true}, // PETRARCH's form
		{"---MIL", true},
		{"---", false}, // no agent at all
		{"", false},
		{"GHA", false}, // a country: three capital letters, like an agent
		{"USAGOV", false},
		{"USA", false},
		{"IGOUNO", false},
		{"NGOHLHIRC", false}, // NGO heads a code, though the agents dictionary appends it too
		{"MNCUSABUS", false},
		{"IMGMUS", false},
		{"EUR", false}, // a region
		{"GO", false},
	} {
		if got := a.Countryless(tc.code); got != tc.want {
			t.Errorf("Countryless(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
}

func TestIsMedia(t *testing.T) {
	for _, tc := range []struct {
		text, code string
		want       bool
	}{
		{"Reuters", "MED", true},
		{"Reuters", "", true}, // uncoded, named
		{"reporters", "BUS", true},
		{"Japanese\njournalists", "", true},
		{"the official Xinhua news agency", "CHN", true},
		{"a newspaper interview", "", true},
		{"a spokesman", "MED", true}, // the code says media, whatever the text
		{"Kenya", "KENMED", true},
		{"Tehran Radio", "IRNGOV", true},
		{"the Environmental Protection Agency", "USAGOV", false}, // an agency, not a news agency
		{"the government", "GOV", false},
		{"Medina", "SAU", false},
		{"the news", "", false},
		{"", "MEDGOV", true},
		{"", "USAGOVMEX", false}, // MED only as a whole three-letter part
	} {
		if got := IsMedia(document.Actor{Text: tc.text, Code: tc.code}); got != tc.want {
			t.Errorf("IsMedia(%q, %q) = %v, want %v", tc.text, tc.code, got, tc.want)
		}
	}
}

func TestIsSpeech(t *testing.T) {
	for _, tc := range []struct {
		cameo, root, verb string
		want              bool
	}{
		{"010", "01", "expressed", true}, // root 01, whatever the verb
		{"016", "", "denied", true},      // root taken from the code when absent
		{"040", "04", "told", true},
		{"040", "04", "Said", true},
		{"020", "02", "speaking", true},
		{"040", "04", "met", false},
		{"111", "11", "criticized", false},
		{"060", "06", "provided", false},
		{"", "", "", false},
	} {
		e := &document.Event{CAMEO: tc.cameo, Root: tc.root, Evidence: document.Evidence{Verb: tc.verb}}
		if got := IsSpeech(e); got != tc.want {
			t.Errorf("IsSpeech(%s %q %q) = %v, want %v", tc.cameo, tc.root, tc.verb, got, tc.want)
		}
	}
}

func TestRead(t *testing.T) {
	var in strings.Builder
	// d1 sentence 0: four events, two of them with a side that has no country
	// (bare and ---), one negated.
	in.WriteString(ev("d1", 0, "GOV", "USA", "Washington", "040", "met", false))
	in.WriteString(ev("d1", 0, "USA", "---MIL", "troops", "190", "attacked", true))
	in.WriteString(ev("d1", 0, "USAGOV", "JPNGOV", "Tokyo", "040", "met", false))
	in.WriteString(ev("d1", 0, "JPNGOV", "USAGOV", "Washington", "040", "met", false))
	in.WriteString("\n") // blank lines are skipped
	// d1 sentence 3: statements to the press: by code, by text, by root 01, and one
	// media target that is no speech. A bare MED is a side without a country too.
	in.WriteString(ev("d1", 3, "KENGOV", "MED", "Reuters", "040", "told", false))
	in.WriteString(ev("d1", 3, "KENGOV", "", "reporters", "010", "expressed", false))
	in.WriteString(ev("d1", 3, "KENGOV", "KENMED", "the media", "100", "ordered", false))
	// d2: a sentence giving five events, from another document.
	for i := 0; i < 5; i++ {
		in.WriteString(ev("d2", 1, "FRA", "DEU", "Germany", "057", "signed", false))
	}
	// d3: one event, both sides countryless: the event counts once, each side once.
	in.WriteString(ev("d3", 0, "BUS", "CVL", "residents", "043", "hosted", false))

	c, err := auditor(t).Read(strings.NewReader(in.String()))
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{
		Events: 13, Documents: 3, Sentences: 4,
		Countryless:  4, // d1/0 GOV, d1/0 ---MIL, d1/3 MED, d3
		MediaSpeech:  2, // "told" Reuters, root 01 reporters; not "ordered"
		MediaReuters: 1,
		// d1/0 (4) and d2/1 (5); d1/3 gives 3
		CrowdedSentences: 2, CrowdedEvents: 9, MaxPerSentence: 5, MaxAt: "d2 sentence 1",
		Negated: 1,
	}
	got := *c
	got.Agents = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("counts\n got %+v\nwant %+v", got, want)
	}
	for agent, n := range map[string]int{"GOV": 1, "MIL": 1, "MED": 1, "BUS": 1, "CVL": 1} {
		if c.Agents[agent] != n {
			t.Errorf("Agents[%s] = %d, want %d (%v)", agent, c.Agents[agent], n, c.Agents)
		}
	}
	if len(c.Agents) != 5 {
		t.Errorf("Agents = %v, want 5 agents", c.Agents)
	}
	sum := c.Summary()
	for _, kv := range []string{"countryless_pct=30.77 ", "media_speech=2 ", "media_reuters=1 ", "crowded_sentences=2 ",
		"crowded_events=9 ", "max_per_sentence=5 ", "negated=1 ", "events=13 ", "documents=3 ", "sentences=4"} {
		if !strings.Contains(sum+" ", kv) {
			t.Errorf("summary %q lacks %q", sum, kv)
		}
	}
}

// Split reads of one input give the same counts: lines are not assumed to arrive whole.
func TestReadOneByteAtATime(t *testing.T) {
	in := ev("d1", 0, "GOV", "USA", "x", "040", "met", false) + ev("d1", 1, "USA", "MED", "Reuters", "040", "told", true)
	in = strings.TrimSuffix(in, "\n") // the last line needs no newline
	c, err := auditor(t).Read(iotest.OneByteReader(strings.NewReader(in)))
	if err != nil {
		t.Fatal(err)
	}
	if c.Events != 2 || c.Countryless != 2 || c.MediaReuters != 1 || c.Negated != 1 || c.Sentences != 2 {
		t.Errorf("got %+v", *c)
	}
}

func TestReadErrors(t *testing.T) {
	good := ev("d1", 0, "GOV", "USA", "x", "040", "met", false)
	for _, tc := range []struct {
		name, in, want string
	}{
		{"not JSON", good + "hello\n", "line 2: invalid character"},
		{"truncated", good + good[:40] + "\n", "line 2: unexpected end of JSON input"},
		{"two objects on a line", strings.TrimSuffix(good, "\n") + " {}\n", "line 1: invalid character '{' after top-level value"},
		{"an analyze document", good + "\n" + `{"id":"d1","text":"Hello."}` + "\n", `line 3: no "doc"`},
		{"null", "null\n", `line 1: no "doc"`},
		{"an array", "[]\n", "line 1: json: cannot unmarshal array"},
		{"negative sentence", `{"doc":"d","sentence":-1}` + "\n", "line 1: sentence -1"},
		{"wrong type", `{"doc":"d","sentence":"3"}` + "\n", "line 1: json: cannot unmarshal string"},
	} {
		_, err := auditor(t).Read(strings.NewReader(tc.in))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to start %q", tc.name, err, tc.want)
		}
	}
	_, err := auditor(t).Read(iotest.ErrReader(errors.New("disk on fire")))
	if err == nil || err.Error() != "line 1: disk on fire" {
		t.Errorf("read error: %v", err)
	}
}

func TestEmpty(t *testing.T) {
	c, err := auditor(t).Read(strings.NewReader("\n  \n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Events != 0 || c.Summary() == "" || Share(0, 0) != 0 {
		t.Errorf("empty input: %+v", *c)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(ev("d1", 0, "GOV", "USA", "Reuters", "040", "told", true))
	f.Add(ev("d1", 12, "---GOV", "MED", "reporters", "010", "said", false) + "\n" + ev("d2", 0, "", "", "", "", "", false))
	f.Add(`{"doc":"d","sentence":-1}`)
	f.Add("null\n[]\n{}")
	a := auditor(f)
	f.Fuzz(func(t *testing.T, in string) {
		c, err := a.Read(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if c.Countryless > c.Events || c.MediaSpeech > c.Events || c.MediaReuters > c.MediaSpeech ||
			c.Negated > c.Events || c.CrowdedEvents > c.Events || c.Sentences > c.Events || c.Documents > c.Sentences {
			t.Fatalf("inconsistent counts %+v", *c)
		}
		var w strings.Builder
		c.Write(&w, "fuzz")
	})
}
