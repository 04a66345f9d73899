package pipeline

import (
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/clean"
	"herald/document"
	"herald/ingest"
	"herald/timex"
)

func items(n int, badEvery int) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		for i := 0; i < n; i++ {
			if badEvery > 0 && i%badEvery == 0 {
				if !yield(nil, fmt.Errorf("input %d: unreadable", i)) {
					return
				}
				continue
			}
			raw := fmt.Sprintf("OSLO, May %d (NTB) - Story number %d was published. It has two sentences.\n", i%28+1, i)
			if !yield(&document.Document{ID: fmt.Sprint(i), Raw: []byte(raw)}, nil) {
				return
			}
		}
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	p, err := New(Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	p.Run(items(500, 7), func(r Result) {
		if r.Doc == nil {
			if len(r.Errs) != 1 {
				t.Errorf("a failed item carries %d errors, want 1", len(r.Errs))
			}
			got = append(got, "err")
			return
		}
		got = append(got, r.Doc.ID)
	})
	if len(got) != 500 {
		t.Fatalf("emitted %d results, want 500", len(got))
	}
	for i, id := range got {
		want := fmt.Sprint(i)
		if i%7 == 0 {
			want = "err"
		}
		if id != want {
			t.Fatalf("result %d is %q, want %q: order lost", i, id, want)
		}
	}
}

func TestProcessFillsLayers(t *testing.T) {
	p, _ := New(Options{})
	r := p.Process(&document.Document{ID: "x", Source: "x.txt", Raw: []byte("OSLO, May 2 (NTB) - Norway's king on Friday opened parliament. Critics stayed away.\n")})
	if r.Doc == nil || len(r.Errs) != 0 {
		t.Fatalf("result %+v", r)
	}
	d := r.Doc
	if d.Raw != nil {
		t.Error("Raw kept after cleaning")
	}
	if d.Dateline == nil || d.Dateline.Place != "Oslo" {
		t.Errorf("dateline %+v", d.Dateline)
	}
	if len(d.Sentences) != 2 {
		t.Errorf("%d sentences, want 2", len(d.Sentences))
	}
	if d.Entities == nil || d.Events == nil {
		t.Error("empty layers must encode as [], not null")
	}
}

// TestUndatedEvents holds issue 19 through the whole pipeline: a dateline without a year
// takes its year from the publication date (--date), and without one the events stay
// undated, the clock notwithstanding, with a warning that says why.
func TestUndatedEvents(t *testing.T) {
	const story = "PARIS, March 3 - French President Francois Mitterrand met West German Chancellor Helmut Kohl on Monday.\n"
	tests := []struct {
		published   string
		wantDate    string
		wantWarning bool
	}{
		{"1987-03-04", "1987-03-02", false}, // "on Monday" before March 4, 1987
		{"", "", true},
	}
	for _, tt := range tests {
		p, err := New(Options{Published: tt.published})
		if err != nil {
			t.Fatal(err)
		}
		r := p.Process(&document.Document{ID: "paris", Source: "paris.txt", Raw: []byte(story)})
		if r.Doc == nil || len(r.Errs) != 0 {
			t.Fatalf("published %q: result %+v", tt.published, r)
		}
		d := r.Doc
		if len(d.Events) == 0 {
			t.Fatalf("published %q: no events coded; the test needs one", tt.published)
		}
		for _, ev := range d.Events {
			if ev.Date != tt.wantDate {
				t.Errorf("published %q: event %s dated %q, want %q", tt.published, ev.CAMEO, ev.Date, tt.wantDate)
			}
		}
		warned := strings.Contains(strings.Join(d.Warnings, "|"), "dateline gives no year and there is no publication date")
		if warned != tt.wantWarning || (timex.Undated(d) != "") != tt.wantWarning {
			t.Errorf("published %q: warnings %q, undated %q; want a warning: %v", tt.published, d.Warnings, timex.Undated(d), tt.wantWarning)
		}
	}
}

func TestProcessRejectsNonText(t *testing.T) {
	p, _ := New(Options{})
	r := p.Process(&document.Document{ID: "x", Source: "empty.txt"})
	if r.Doc != nil || len(r.Errs) != 1 {
		t.Fatalf("empty document: %+v", r)
	}
	if err := r.Errs[0]; !strings.HasPrefix(err.Error(), "empty.txt: ") || !errors.Is(err, clean.ErrEmpty) {
		t.Errorf("error %q: want it to name the document and wrap clean.ErrEmpty", err)
	}
}

func TestNewRejectsBadDate(t *testing.T) {
	if _, err := New(Options{Published: "May 20"}); err == nil {
		t.Error("a malformed --date was accepted")
	}
}

// BenchmarkProcess measures clean + dateline + timex + segment on one core over the
// project's own example story, reported in MB/s of input.
func BenchmarkProcess(b *testing.B) {
	raw, err := os.ReadFile("../examples/geneva-talks.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, _ := New(Options{Workers: 1})
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		r := p.Process(&document.Document{ID: "bench", Raw: raw})
		if r.Doc == nil {
			b.Fatal(r.Errs)
		}
	}
}

// newsPage is a small news page with the boilerplate a real one carries around its story.
const newsPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry strike ends in Valmora | The Harbour Post</title>
<meta property="og:title" content="Ferry strike ends in Valmora">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<link rel="canonical" href="https://harbour-post.example/news/ferry-strike-ends">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/subscribe">Subscribe now for one euro</a></nav></header>
<main><article>
<h1>Ferry strike ends in Valmora</h1>
<p>VALMORA, March 4 (HPN) - Ferry workers in Valmora ended a nine-day strike on Tuesday after the port authority agreed to raise wages by six percent.</p>
<p>The union said the first crossings to the islands would resume on Wednesday morning. Travellers stranded on the mainland were promised free tickets until the weekend.</p>
<p>The mayor welcomed the agreement and thanked both sides for their patience during the talks.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Ten recipes for lazy Sundays</a></li><li><a href="/b">Weather turns cold again</a></li></ul></aside>
<footer><p>Copyright 2025 The Harbour Post. All rights reserved.</p><p>Contact the newsroom at desk@harbour-post.example</p></footer>
</body></html>
`

// TestRunHTMLPage runs an HTML page from a file through ingest and the whole pipeline:
// the extract stage, on the workers, keeps the story and drops the page's navigation,
// sidebar and footer; the later stages work on the story. A page without an article is
// an error naming its file.
func TestRunHTMLPage(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "ferry.html")
	blank := filepath.Join(dir, "menu.html")
	if err := os.WriteFile(page, []byte(newsPage), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(blank, []byte(`<html><body><nav><a href="/">Home</a></nav></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := New(Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var results []Result
	p.Run(ingest.Documents([]string{page, blank}, ingest.Options{}), func(r Result) { results = append(results, r) })
	if len(results) != 2 {
		t.Fatalf("%d results, want 2", len(results))
	}

	r := results[0]
	if r.Doc == nil || len(r.Errs) != 0 {
		t.Fatalf("%s: %v", page, r.Errs)
	}
	d := r.Doc
	if d.RawHTML || d.Raw != nil || d.Source != page {
		t.Errorf("RawHTML %v, Raw kept %v, source %q", d.RawHTML, d.Raw != nil, d.Source)
	}
	var sentences []string
	for _, s := range d.Sentences {
		sentences = append(sentences, d.Text[s.Start:s.End])
	}
	for _, want := range []string{
		"Ferry workers in Valmora ended a nine-day strike on Tuesday after the port authority agreed to raise wages by six percent.",
		"The union said the first crossings to the islands would resume on Wednesday morning.",
		"Travellers stranded on the mainland were promised free tickets until the weekend.",
		"The mayor welcomed the agreement and thanked both sides for their patience during the talks.",
	} {
		found := false
		for _, s := range sentences {
			found = found || strings.HasSuffix(s, want)
		}
		if !found {
			t.Errorf("no sentence ends with %q; sentences:\n%s", want, strings.Join(sentences, "\n"))
		}
	}
	for _, out := range []string{"Subscribe", "Sport", "Most read", "recipes", "Weather", "Copyright", "rights reserved", "desk@"} {
		if strings.Contains(d.Text, out) {
			t.Errorf("text has boilerplate %q:\n%s", out, d.Text)
		}
	}
	if d.Title != "Ferry strike ends in Valmora" || d.Published != "2025-03-04" {
		t.Errorf("metadata from the page: title %q published %q", d.Title, d.Published)
	}
	if d.Dateline == nil || d.Dateline.Place != "Valmora" {
		t.Errorf("dateline %+v, want Valmora", d.Dateline)
	}
	if r.Times[StageExtract] <= 0 {
		t.Error("the extract stage was not timed")
	}

	r = results[1]
	if r.Doc != nil || len(r.Errs) != 1 || r.Errs[0].Error() != blank+": no article text found in HTML" {
		t.Errorf("page without an article: doc %v, errors %v", r.Doc != nil, r.Errs)
	}
}
