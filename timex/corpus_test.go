package timex

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestReutersCorpus runs Find over the 1987 Reuters stories, anchored at each story's
// publication date, and checks that every expression found gets a value and that values fall
// near the anchor unless they write their year (a sanity bound on the resolution rules, not a
// gold-standard evaluation).
func TestReutersCorpus(t *testing.T) {
	f, err := os.Open("../../shared/data/news/reuters21578.jsonl.gz")
	if err != nil {
		t.Skipf("shared corpus not available (%v): the test needs ../shared/data beside the repo", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	docs, found, empty, far := 0, 0, 0, 0
	for line := 1; sc.Scan(); line++ {
		var rec struct{ Text, Published string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("reuters21578.jsonl.gz:%d: %v", line, err)
		}
		anchor, ok := parseDay(rec.Published[:min(10, len(rec.Published))])
		if !ok {
			continue
		}
		docs++
		for _, tm := range Find(strings.Join(strings.Fields(rec.Text), " "), anchor) {
			found++
			switch {
			case tm.Value == "":
				empty++
				t.Logf("no value: %q", tm.Text)
			case !writesYear(tm.Text) && !strings.HasSuffix(tm.Text, " ago") && (tm.Value[:4] < "1985" || tm.Value[:4] > "1988"):
				far++ // a relative or partial date resolved far from a 1987 anchor
				t.Logf("far: %q = %s", tm.Text, tm.Value)
			}
		}
	}
	t.Logf("reuters: %d docs, %d expressions, %d without value, %d resolved outside 1985-88", docs, found, empty, far)
	if empty > 0 || far > 0 {
		t.Errorf("%d expressions without a value, %d resolved far from their anchor", empty, far)
	}
	if found < docs {
		t.Errorf("only %d expressions in %d stories", found, docs)
	}
}

// writesYear reports whether an expression contains four digits in a row.
func writesYear(s string) bool {
	run := 0
	for k := 0; k < len(s); k++ {
		if isDigit(s[k]) {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
