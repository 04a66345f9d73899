package petrarchtest

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"herald/document"
)

// sample has what the real file has: an XML comment header, comments between and inside
// records, attributes in both quotes and with spaces around '=', text wrapped over lines,
// a noevents record, an error record and parses to skip.
const sample = `<Validation>
<!--
#   PETRARCH UNIT TEST RECORDS  <Stop> &amp; such inside a comment
-->
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile> PETR.Validate.actors.txt, more.actors.txt </Actorfile>
    <Agentfile>PETR.Validate.agents.txt</Agentfile>
    <Discardfile>PETR.Validate.discards.txt</Discardfile>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- Simple coding -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor almost
five years after crowds trashed its embassy.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor)) (VP (VBZ is)) (CC &amp;)))
</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20080801" id ="ERROR-01"  category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- Cordova Mayor Adelino Sitoy filed suit.</Text>
</Sentence>
<Sentence date="19950102" id="NOEV-01" category="ACTOR">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing	happens here.</Text>
</Sentence>
<Sentence date="19950103" id="NEW-01" category="ACTOR">
<EventCoding sourcecode='"GRYFFINDOR HEAD"' targetcode="GON" eventcode="032"></EventCoding>
<EventCoding sourcecode="GON" targetcode='"GRYFFINDOR HEAD"' eventcode="033"></EventCoding>
<Text>Gryffindor head met Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestRead(t *testing.T) {
	recs, err := Read(strings.NewReader(sample), "sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	if recs.Verbs != "PETR.Validate.verbs.txt" || recs.Agents != "PETR.Validate.agents.txt" ||
		recs.Discards != "PETR.Validate.discards.txt" || strings.Join(recs.Actors, "|") != "PETR.Validate.actors.txt|more.actors.txt" {
		t.Errorf("environment: %+v", recs)
	}
	if recs.Source != "sample.xml" {
		t.Errorf("source %q, want sample.xml", recs.Source)
	}
	if files, err := recs.Files(); err != nil || files.Verbs != recs.Verbs || strings.Join(files.Actors, "|") != strings.Join(recs.Actors, "|") ||
		files.Agents != recs.Agents || files.Discards != recs.Discards || files.Issues != "" {
		t.Errorf("files %+v, %v", files, err)
	}
	if got := strings.Join(recs.names(), ", "); got != "PETR.Validate.verbs.txt, PETR.Validate.actors.txt, more.actors.txt, PETR.Validate.agents.txt, PETR.Validate.discards.txt" {
		t.Errorf("names %q", got)
	}
	if len(recs.Sentences) != 4 {
		t.Fatalf("%d sentences, want 4", len(recs.Sentences))
	}
	for i, want := range []Sentence{
		{ID: "DEMO-00", Category: "DEMO", Date: "1995-01-01", Line: 13,
			Text: "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy.",
			Want: []Coding{{"ARN", "GON", "064"}}},
		{ID: "ERROR-01", Category: "ERROR", Date: "2008-08-01", Line: 25,
			Text: "CEBU CITY: -- Cordova Mayor Adelino Sitoy filed suit.", NoEvents: true, Error: "dateline"},
		{ID: "NOEV-01", Category: "ACTOR", Date: "1995-01-02", Line: 29, Text: "Nothing happens here.", NoEvents: true},
		{ID: "NEW-01", Category: "ACTOR", Date: "1995-01-03", Line: 33, Text: "Gryffindor head met Gondor.",
			Want: []Coding{{`"GRYFFINDOR HEAD"`, "GON", "032"}, {"GON", `"GRYFFINDOR HEAD"`, "033"}}},
	} {
		got := recs.Sentences[i]
		if got.ID != want.ID || got.Category != want.Category || got.Date != want.Date || got.Line != want.Line ||
			got.Text != want.Text || got.NoEvents != want.NoEvents || got.Error != want.Error ||
			codingList(got.Want) != codingList(want.Want) {
			t.Errorf("sentence %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<Sentences><Sentence id="A"><Text>x &TIETYPE y</Text></Sentence></Sentences>`, "bad.xml:1:"},
		{"<Sentences>\n<Sentence date=\"19950101\"><Text>x</Text></Sentence></Sentences>", "bad.xml:2: <Sentence> without an id"},
		{`<Sentences><Sentence id="A" date="1995-01-01"></Sentence></Sentences>`, "not YYYYMMDD"},
		{`<Sentences><EventCoding eventcode="010"></EventCoding></Sentences>`, "outside a <Sentence>"},
		{`<Sentences><Sentence id="A"><EventCoding sourcecode="X"></EventCoding></Sentence></Sentences>`, "without an eventcode"},
		{`<Sentences><Sentence id="A"><Sentence id="B"></Sentence></Sentence></Sentences>`, "inside sentence A"},
		{`<Sentences><Sentence id="A"><EventCoding noevents="True"/><EventCoding sourcecode="X" targetcode="Y" eventcode="010"/></Sentence></Sentences>`, "expects no events and 1 events"},
		{`<Sentences><Sentence id="A">`, "bad.xml:1:"},
		{`<Sentences><Sentence id="A"><Parse>(ROOT</Sentence>`, "bad.xml:1:"},
	} {
		_, err := Read(strings.NewReader(tc.in), "bad.xml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want one with %q", tc.in, err, tc.want)
		}
	}
}

func TestFilesMissing(t *testing.T) {
	recs, err := Read(strings.NewReader(`<Environment><Actorfile>a.txt</Actorfile></Environment>`), "env.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := recs.Files(); err == nil || err.Error() != "env.xml: the <Environment> names no Verbfile or no Actorfile" {
		t.Errorf("err = %v", err)
	}
}

func TestScore(t *testing.T) {
	ev := func(src, tgt, code string) document.Event {
		return document.Event{Source: document.Actor{Code: src}, Target: document.Actor{Code: tgt}, CAMEO: code}
	}
	sents := []Sentence{
		{ID: "A-1", Category: "A", Want: []Coding{{"ARN", "GON", "064"}}},
		{ID: "A-2", Category: "A", Want: []Coding{{"ARN", "GON", "032"}, {"GON", "ARN", "033"}}},
		{ID: "B-1", Category: "B", NoEvents: true},
		{ID: "B-2", Category: "B", NoEvents: true},
		{ID: "A-3", Category: "A", Want: []Coding{{"ARN", "GON", "064"}}},
	}
	got := [][]document.Event{
		{ev("ARN", "GON", "064"), ev("ARN", "GON", "064")}, // a repeat is one coding
		{ev("ARN", "GON", "032")},                          // one of two: not exact
		nil,                                                // none coded, none expected: exact
		{ev("ARN", "GON", "010")},                          // coded where none was expected
		{ev("GON", "ARN", "064")},                          // the wrong direction
	}
	var s Score
	for i := range sents {
		s.Add(&sents[i], got[i])
	}
	if s.Exact != 2 || s.Total != 5 || s.Want != 4 || s.Got != 4 || s.Matched != 2 {
		t.Errorf("score %+v", s)
	}
	if len(s.Categories) != 2 || s.Categories[0] != (Category{"A", 1, 3}) || s.Categories[1] != (Category{"B", 1, 2}) {
		t.Errorf("categories %+v", s.Categories)
	}
	var buf bytes.Buffer
	s.Write(&buf, 2)
	out := buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if last := lines[len(lines)-1]; last != "exact=2 total=5 precision=50.00 recall=50.00" {
		t.Errorf("last line %q", last)
	}
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Join(strings.Fields(l), " ") == "A 1 / 3 33.3%" }) {
		t.Errorf("no line for category A with 1 / 3:\n%s", out)
	}
	for _, want := range []string{"A-2", "ARN>GON:032 GON>ARN:033", "B-2", "(none)", "the first 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "A-3") {
		t.Errorf("report lists more failures than asked:\n%s", out)
	}
}

// FuzzRead feeds the reader arbitrary bytes: it must fail cleanly or return
// records that hold together.
func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add(`<Sentences><Sentence id="A" date="19950101"><EventCoding noevents = "True"></EventCoding><Text>x</Text></Sentence></Sentences>`)
	f.Add(`<Sentence id='A'><EventCoding sourcecode='"X Y"' targetcode="Z" eventcode="010"/><Parse>(ROOT</Parse></Sentence>`)
	f.Add("<!-- <Sentence id=\"A\"> --><Environment><Actorfile>a, b</Actorfile></Environment>")
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := Read(strings.NewReader(in), "fuzz.xml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.xml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, s := range recs.Sentences {
			if s.ID == "" {
				t.Fatal("a sentence without an id")
			}
			if s.NoEvents && len(s.Want) > 0 {
				t.Fatalf("%s: noevents with codings", s.ID)
			}
			for _, c := range s.Want {
				if c.Event == "" {
					t.Fatalf("%s: a coding without an event code", s.ID)
				}
			}
			if s.Text != strings.Join(strings.Fields(s.Text), " ") {
				t.Fatalf("%s: text not normalized: %q", s.ID, s.Text)
			}
		}
	})
}
