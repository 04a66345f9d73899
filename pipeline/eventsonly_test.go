package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"herald/document"
	"herald/ingest"
)

// gateStory mixes sentences that can hold an event with ones that cannot: a market
// report with no actors, a titled person who is named again later, and a clause with two
// coded actors. It is the project's own text.
const gateStory = `MANILA, Feb 3 (Wire) - Philippine Foreign Secretary Teodoro Reyes met Japanese Defence Minister Kenji Sato in Manila on Monday.
Share prices rose 1.2 percent in early trading, and the peso firmed to 55.8 per dollar.
Reyes said the Philippines would buy patrol boats from Japan.
Analysts expect the central bank to keep rates unchanged next week.
The two ministers also discussed a visiting forces agreement.`

// TestEventsOnlyKeepsEvents checks the promise of Options.EventsOnly: the events are the
// ones a full parse gives, byte for byte, while the sentences that can hold none stay
// unparsed. The project's example articles always run; the first Reuters stories of
// ../shared run too when it is there.
func TestEventsOnlyKeepsEvents(t *testing.T) {
	full, err := New(Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	lean, err := New(Options{Workers: 2, EventsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{"../examples"}
	if _, err := os.Stat("../../shared/data/news/reuters21578.jsonl.gz"); err == nil {
		inputs = append(inputs, "../../shared/data/news/reuters21578.jsonl.gz")
	} else {
		t.Log("../shared is absent: checking the project's own examples only")
	}
	gate := filepath.Join(t.TempDir(), "gate.txt")
	if err := os.WriteFile(gate, []byte(gateStory), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, gate)

	events := func(p *Pipeline, limit int) (out []string, sentences, parsed int) {
		n := 0
		p.Run(func(yield func(*document.Document, error) bool) {
			for d, err := range ingest.Documents(inputs, ingest.Options{MaxDocBytes: 1 << 24}) {
				if n++; n > limit && d != nil && d.Source != gate {
					continue
				}
				if !yield(d, err) {
					return
				}
			}
		}, func(r Result) {
			if r.Doc == nil {
				return
			}
			for _, s := range r.Doc.Sentences {
				sentences++
				if !s.Unparsed {
					parsed++
				}
			}
			for _, e := range r.Doc.Events {
				b, _ := json.Marshal(e)
				out = append(out, string(b))
			}
		})
		return out, sentences, parsed
	}
	const limit = 500
	want, sentences, parsedAll := events(full, limit)
	got, _, parsed := events(lean, limit)
	if parsedAll != sentences {
		t.Fatalf("full pipeline parsed %d of %d sentences", parsedAll, sentences)
	}
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || got[i] != want[i] {
				t.Fatalf("events differ first at %d of %d/%d:\nevents only: %s\nfull parse:  %s", i, len(got), len(want), at(got, i), at(want, i))
			}
		}
	}
	if len(want) == 0 || parsed >= sentences {
		t.Fatalf("%d events; %d of %d sentences parsed: the test shows nothing", len(want), parsed, sentences)
	}
	t.Logf("%d events alike; %d of %d sentences parsed (%.0f%%)", len(want), parsed, sentences, 100*float64(parsed)/float64(sentences))
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(none)"
}

// TestEventsOnlyParsesWhatCounts checks which sentences of gateStory are parsed: the
// meeting, the titled names that come back ("Reyes said"), the statement and the
// ministers' talks are, and the analysts' forecast before the talks, whose subject may
// give the talks' actors their country (actor/whose.go); the market report is not.
func TestEventsOnlyParsesWhatCounts(t *testing.T) {
	p, err := New(Options{Workers: 1, EventsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Process(&document.Document{ID: "gate", Raw: []byte(gateStory)})
	if r.Doc == nil {
		t.Fatal(r.Errs)
	}
	var parsed []bool
	for _, s := range r.Doc.Sentences {
		parsed = append(parsed, !s.Unparsed)
	}
	if want := []bool{true, false, true, true, true}; !slices.Equal(parsed, want) {
		t.Errorf("parsed sentences %v, want %v", parsed, want)
	}
	if len(r.Doc.Events) == 0 {
		t.Error("no events")
	}
}
