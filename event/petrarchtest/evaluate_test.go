package petrarchtest

import (
	"bytes"
	"strings"
	"testing"

	"herald/pipeline"
)

// TestEvaluate runs the harness on records that Herald codes with its embedded
// dictionaries, so that it needs no ../shared: the records come back in order, scored,
// and the report names the file and the dictionaries.
func TestEvaluate(t *testing.T) {
	const records = `<Validation>
<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<Sentence date="20240520" id="R-1" category="RIGHT">
<EventCoding sourcecode="KAZ" targetcode="CHN" eventcode="111"></EventCoding>
<Text>Kazakhstan condemned China on Monday.</Text>
</Sentence>
<Sentence date="20240520" id="R-2" category="RIGHT">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happens here.</Text>
</Sentence>
<Sentence date="20240520" id="W-1" category="WRONG">
<EventCoding sourcecode="KAZ" targetcode="CHN" eventcode="112"></EventCoding>
<Text>Kazakhstan condemned China on Monday.</Text>
</Sentence>
</Sentences>
</Validation>`
	recs, err := Read(strings.NewReader(records), "records.xml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	ev := Evaluate(p, recs)
	if len(ev.Errs) > 0 {
		t.Errorf("errors: %v", ev.Errs)
	}
	s := ev.Score
	if s.Exact != 2 || s.Total != 3 || s.Want != 2 || s.Got != 2 || s.Matched != 1 {
		t.Errorf("score %+v", s)
	}
	if len(s.Failures) != 1 || s.Failures[0].ID != "W-1" || codingList(s.Failures[0].Got) != "KAZ>CHN:111" {
		t.Errorf("failures %+v", s.Failures)
	}
	ev.Dictionaries = "dicts"
	var buf bytes.Buffer
	ev.Write(&buf, 10)
	out := buf.String()
	for _, want := range []string{
		"file           records.xml (3 sentences)\n",
		"dictionaries   dicts: v.txt, a.txt\n",
		"  RIGHT            2 / 2      100.0%\n",
		"  W-1            WRONG     want KAZ>CHN:112  got KAZ>CHN:111\n",
		"exact=2 total=3 precision=50.00 recall=50.00\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
