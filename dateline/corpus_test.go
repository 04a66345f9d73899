package dateline

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"herald/document"
)

const sharedNews = "../../shared/data/news/"

// roughClean stands in for package clean on the corpus: it collapses runs of spaces and tabs
// to one space, which is what the datelines and end marks depend on.
func roughClean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// readCorpus calls fn with each article's text of a JSONL.gz corpus under shared/data/news,
// skipping the test when the shared data is absent.
func readCorpus(t *testing.T, name string, fn func(text string)) {
	t.Helper()
	f, err := os.Open(sharedNews + name)
	if err != nil {
		t.Skipf("shared corpus not available (%v): the test needs ../shared/data beside the repo", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		fn(roughClean(rec.Text))
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s:%d: %v", name, line, err)
	}
}

// TestReutersCorpus checks recall on the 1987 Reuters stories, which all open with a
// dateline and nearly all close with "Reuter".
func TestReutersCorpus(t *testing.T) {
	var docs, datelines, dated, reuter int
	var misses []string
	readCorpus(t, "reuters21578.jsonl.gz", func(text string) {
		docs++
		doc := &document.Document{Text: text}
		Annotate(doc)
		if d := doc.Dateline; d != nil {
			datelines++
			if d.Month > 0 {
				dated++
			}
		} else if len(misses) < 20 {
			misses = append(misses, text[:min(len(text), 70)])
		}
		if n := len(doc.Marks); n > 0 && doc.Marks[n-1].Kind == document.MarkEndOfStory {
			reuter++
		}
	})
	t.Logf("reuters: %d docs, dateline %d (%.2f%%), with month/day %d, end mark %d (%.2f%%)",
		docs, datelines, pct(datelines, docs), dated, reuter, pct(reuter, docs))
	for _, m := range misses {
		t.Logf("miss: %q", m)
	}
	if pct(datelines, docs) < 97 || pct(reuter, docs) < 97 {
		t.Errorf("recall fell below 97%%")
	}
}

// TestBBCCorpus checks precision on BBC stories, which have no datelines at all.
func TestBBCCorpus(t *testing.T) {
	var docs, datelines int
	readCorpus(t, "bbc.jsonl.gz", func(text string) {
		docs++
		doc := &document.Document{Text: text}
		Annotate(doc)
		if d := doc.Dateline; d != nil {
			datelines++
			t.Logf("false dateline: %q", text[d.Start:d.End])
		}
	})
	t.Logf("bbc: %d docs, %d false datelines", docs, datelines)
	if datelines > docs/200 {
		t.Errorf("%d false datelines in %d BBC stories", datelines, docs)
	}
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
