package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/document"
)

// eventSummary is what the events golden file holds: offsets, codes and the verb.
type eventSummary struct {
	Sentence    int
	Date        string
	Source      string
	SourceStart int
	Target      string
	TargetStart int
	CAMEO, Root string
	Verb        string
	Negated     bool `json:",omitempty"`
	Confidence  float64
}

// TestAstanaEvents checks the reference article's events against the event coder's
// acceptance criteria, then against the reviewed golden file.
func TestAstanaEvents(t *testing.T) {
	d := analyzeAstana(t)
	has := func(src, tgt string, roots ...string) *document.Event {
		for i := range d.Events {
			e := &d.Events[i]
			if e.Source.Code != src || e.Target.Code != tgt || e.Negated {
				continue
			}
			for _, r := range roots {
				if strings.HasPrefix(e.CAMEO, r) {
					return e
				}
			}
		}
		return nil
	}
	if e := has("KAZGOV", "CHNGOV", "04"); e == nil {
		t.Error("no KAZGOV → CHNGOV meeting (root 04)")
	} else if e.Date != "2024-05-20" || e.Evidence.Verb != "met" || e.Sentence != 0 {
		t.Errorf("the meeting: %+v, want dated 2024-05-20 with evidence on \"met\" in the first sentence", e)
	}
	if has("CHNGOV", "KAZGOV", "04") == nil {
		t.Error("no CHNGOV → KAZGOV talks (root 04)")
	}
	if has("KAZ", "CHN", "03", "05") == nil {
		t.Error("no Kazakhstan → China intent or support (root 03 or 05)")
	}
	if has("CHN", "KAZ", "03", "05") == nil {
		t.Error("no China → Kazakhstan intent or support (root 03 or 05)")
	}
	if e := has("CHN", "KAZ", "051"); e == nil || e.Evidence.Verb != "appreciates" {
		t.Errorf("no China → Kazakhstan praise (051) on \"appreciates\": %+v", e)
	}
	for _, e := range d.Events {
		if e.Source.Code == e.Target.Code || e.Source.Start == e.Target.Start {
			t.Errorf("event with the same actor as source and target: %+v", e)
		}
	}

	var sum []eventSummary
	for _, e := range d.Events {
		sum = append(sum, eventSummary{Sentence: e.Sentence, Date: e.Date, Source: e.Source.Code, SourceStart: e.Source.Start,
			Target: e.Target.Code, TargetStart: e.Target.Start, CAMEO: e.CAMEO, Root: e.Root, Verb: e.Evidence.Verb,
			Negated: e.Negated, Confidence: e.Confidence})
	}
	compareGolden(t, "astana.events.golden.json", sum)
}

// TestMalformedDictionaries checks that a dictionary that cannot be read stops `herald
// code` before any output, naming the file and line.
func TestMalformedDictionaries(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Bad.actors.txt"), []byte("ARNOR [ARN]\nGON\x00DOR [GON]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := herald(t, "", "code", "--dictionaries", dir, "../../examples/geneva-talks.txt")
	if code == 0 || out != "" {
		t.Errorf("exit %d with output %q, want a failure and no output", code, out)
	}
	if !strings.Contains(errOut, "Bad.actors.txt:2:") {
		t.Errorf("stderr %q does not name Bad.actors.txt:2", errOut)
	}
}
