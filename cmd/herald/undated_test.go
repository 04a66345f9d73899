package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// undatedStory is a story of our own whose dateline gives a month and day but no year.
const undatedStory = "PARIS, March 3 - French President Francois Mitterrand met West German Chancellor Helmut Kohl on Monday."

// writeUndated writes n records of undatedStory without a publication date (ids
// undated-0…) and one with it (id dated), as JSON Lines.
func writeUndated(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("undated-%d", i), "text": undatedStory})
		b.Write(rec)
		b.WriteByte('\n')
	}
	rec, _ := json.Marshal(map[string]string{"id": "dated", "published": "1987-03-04", "text": undatedStory})
	b.Write(rec)
	b.WriteByte('\n')
	path := filepath.Join(t.TempDir(), "stories.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// warnings returns the slog warning lines of stderr.
func warnings(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "level=WARN ") {
			out = append(out, l)
		}
	}
	return out
}

// TestCodeWarnsUndated: `herald code` and `herald analyze` warn once per document left
// without a date, naming it, and its events carry no date; the document with a
// publication date is dated and not warned about, and the exit status stays 0.
func TestCodeWarnsUndated(t *testing.T) {
	path := writeUndated(t, 1)
	const want = `level=WARN msg="doc undated-0: dateline gives no year and there is no publication date; events undated" where=`
	for _, cmd := range []string{"code", "analyze"} {
		code, out, errOut := herald(t, "", cmd, "--today", today, path)
		if code != 0 {
			t.Fatalf("%s: exit %d, stderr:\n%s", cmd, code, errOut)
		}
		w := warnings(errOut)
		if len(w) != 1 || !strings.HasPrefix(w[0], want) || !strings.HasSuffix(w[0], "stories.jsonl:1") {
			t.Errorf("%s: warnings %q, want one: %s…stories.jsonl:1", cmd, w, want)
		}
		dates := map[string][]string{} // by document
		switch cmd {
		case "code":
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var ev struct {
					Doc  string  `json:"doc"`
					Date *string `json:"date"`
				}
				if err := json.Unmarshal([]byte(line), &ev); err != nil {
					t.Fatalf("code: %v: %q", err, line)
				}
				date := "<absent>"
				if ev.Date != nil {
					date = *ev.Date
				}
				dates[ev.Doc] = append(dates[ev.Doc], date)
			}
		case "analyze":
			for _, d := range decodeDocs(t, out) {
				for _, ev := range d.Events {
					dates[d.ID] = append(dates[d.ID], ev.Date)
				}
				if d.ID == "undated-0" && (d.Published != "" || d.Dateline == nil || d.Dateline.Date != "" ||
					!strings.Contains(strings.Join(d.Warnings, "|"), "events undated")) {
					t.Errorf("analyze: undated document: published %q, dateline %+v, warnings %q", d.Published, d.Dateline, d.Warnings)
				}
			}
		}
		if len(dates["undated-0"]) == 0 || len(dates["dated"]) == 0 {
			t.Fatalf("%s: events by document %v; the test needs events in both", cmd, dates)
		}
		for _, d := range dates["undated-0"] {
			if d != "<absent>" && d != "" {
				t.Errorf("%s: an event of the undated document is dated %q", cmd, d)
			}
		}
		for _, d := range dates["dated"] {
			if d != "1987-03-02" { // "on Monday" before 1987-03-04
				t.Errorf("%s: an event of the dated document is dated %q, want 1987-03-02", cmd, d)
			}
		}
	}

	// --date dates them all, and nothing is warned about.
	code, out, errOut := herald(t, "", "code", "--date", "1987-03-04", path)
	if code != 0 || len(warnings(errOut)) != 0 || strings.Count(out, `"date":"1987-03-02"`) != strings.Count(out, "\n") {
		t.Errorf("--date: exit %d, warnings %q, events:\n%s", code, warnings(errOut), out)
	}
}

// TestIngestWarnsUndatedOnce: `herald ingest` does not warn per document but once, at the
// end, with the count.
func TestIngestWarnsUndatedOnce(t *testing.T) {
	path := writeUndated(t, 3)
	db := filepath.Join(t.TempDir(), "h.db")
	code, out, errOut := herald(t, "", "ingest", "--db", db, path)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if s := summary(t, out); s["documents"] != "4" {
		t.Fatalf("summary %v, want 4 documents", s)
	}
	w := warnings(errOut)
	if len(w) != 1 || !strings.Contains(w[0], "3 of the 4 documents analyzed have no date") || !strings.HasSuffix(w[0], " undated=3") {
		t.Errorf("warnings %q, want one that counts 3 of 4 documents undated", w)
	}
	// A second run analyzes nothing, so it has nothing to warn about.
	if _, _, errOut := herald(t, "", "ingest", "--db", db, path); len(warnings(errOut)) != 0 {
		t.Errorf("second run: warnings %q, want none", warnings(errOut))
	}
}
