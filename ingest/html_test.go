package ingest

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"herald/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// collectExtracted is collect with Extract run on every document, as the pipeline does;
// a failed extraction becomes an *Error naming the document.
func collectExtracted(inputs []string, opt Options) []item {
	items := collect(inputs, opt)
	for i, it := range items {
		if it.doc == nil {
			continue
		}
		if err := Extract(it.doc); err != nil {
			items[i] = item{nil, &Error{Source: it.doc.Source, Line: it.doc.Line, Offset: -1, Err: err}}
		}
	}
	return items
}

// TestHTMLFile runs the hand-written news page testdata/article.html through Documents,
// which yields the page whole, and Extract: the body paragraphs must be in, separated by
// blank lines, and the navigation, ads, sidebar and footer out. The text is also compared
// with testdata/article.golden.txt.
func TestHTMLFile(t *testing.T) {
	path := filepath.Join("testdata", "article.html")
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	items := collect([]string{path}, Options{})
	if len(items) != 1 || items[0].err != nil {
		t.Fatalf("got %v, want one document", describe(items))
	}
	doc := items[0].doc
	if !doc.RawHTML || !bytes.Equal(doc.Raw, page) || doc.Title != "" || doc.URL != "" || doc.Published != "" {
		t.Fatalf("Documents must yield the page unextracted: RawHTML %v, %d of %d bytes, title %q url %q published %q",
			doc.RawHTML, len(doc.Raw), len(page), doc.Title, doc.URL, doc.Published)
	}
	if err := Extract(doc); err != nil {
		t.Fatal(err)
	}
	if doc.RawHTML {
		t.Error("RawHTML still set after Extract")
	}
	text := string(doc.Raw)
	for _, in := range []string{
		"PORT VELDEN, Nov. 7 -- Negotiators from the two coastal provinces",
		"officials said.\n\nThe provincial governor, Arno Brandt,",
		"\"We are closer than we have been in years,\" Brandt said",
		"demanded compensation for lost catches.",
	} {
		if !strings.Contains(text, in) {
			t.Errorf("text lacks %q", in)
		}
	}
	for _, out := range []string{"World Desk", "Subscribe Today", "umbrellas", "Most read", "Celebrity chef", "Copyright", "desk@lantern"} {
		if strings.Contains(text, out) {
			t.Errorf("text has boilerplate %q", out)
		}
	}
	want := struct{ id, title, published, url string }{sha16(string(page)), "Harbor talks resume in Port Velden", "2023-11-07", "https://lantern.example/world/harbor-talks"}
	if doc.ID != want.id || doc.Title != want.title || doc.Published != want.published || doc.URL != want.url || doc.Source != path {
		t.Errorf("metadata: id %q title %q published %q url %q source %q; want %+v", doc.ID, doc.Title, doc.Published, doc.URL, doc.Source, want)
	}

	golden := filepath.Join("testdata", "article.golden.txt")
	if *update {
		if err := os.WriteFile(golden, doc.Raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantText, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(doc.Raw, wantText) {
		t.Errorf("text differs from %s (run with -update after review):\n%s", golden, doc.Raw)
	}
}

func TestHTMLCharset(t *testing.T) {
	body := "<p>The minister\x92s visit to the caf\xe9 district was cut short on Friday after protesters gathered outside the hall where the speech was planned.</p>" +
		"<p>Police said the crowd dispersed peacefully within an hour and that nobody was detained during the evening.</p>"
	tests := []struct {
		name, page, want string
	}{
		{"declared windows-1252", `<html><head><meta charset="windows-1252"></head><body><article>` + body + `</article></body></html>`, "minister’s visit to the café district"},
		{"undeclared, not UTF-8", `<html><body><article>` + body + `</article></body></html>`, "minister’s visit to the café district"},
		{"valid UTF-8 wins over a stale declaration", `<html><head><meta charset="iso-8859-1"></head><body><article><p>The minister’s visit to the café district was cut short on Friday after protesters gathered outside the hall.</p></article></body></html>`, "minister’s visit to the café district"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "page.htm")
			if err := os.WriteFile(path, []byte(tt.page), 0o644); err != nil {
				t.Fatal(err)
			}
			items := collectExtracted([]string{path}, Options{})
			if len(items) != 1 || items[0].err != nil || !strings.Contains(string(items[0].doc.Raw), tt.want) {
				t.Errorf("got %q, want text containing %q", describe(items), tt.want)
			}
		})
	}
}

func TestHTMLNoArticle(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"blank.html": "<html><head><title>Nothing</title></head><body></body></html>"})
	path := filepath.Join(dir, "blank.html")
	items := collect([]string{path}, Options{})
	if len(items) != 1 || items[0].err != nil || !items[0].doc.RawHTML {
		t.Fatalf("got %v, want the page, left for Extract", describe(items))
	}
	doc := items[0].doc
	raw := doc.Raw
	err := Extract(doc)
	if !errors.Is(err, errNoArticle) || err.Error() != "no article text found in HTML" {
		t.Errorf("Extract: got %v, want %q without a location", err, errNoArticle)
	}
	if !doc.RawHTML || !bytes.Equal(doc.Raw, raw) || doc.Title != "" {
		t.Errorf("a failed Extract changed the document: RawHTML %v title %q", doc.RawHTML, doc.Title)
	}
}

// TestHTMLEmptyFile checks that an empty page fails in Documents, as any empty file does.
func TestHTMLEmptyFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"empty.html": ""})
	path := filepath.Join(dir, "empty.html")
	items := collect([]string{path}, Options{})
	if len(items) != 1 || !errors.Is(items[0].err, errEmpty) || items[0].err.Error() != path+": empty document" {
		t.Errorf("got %v, want %q", describe(items), errEmpty)
	}
}

// TestExtractLeavesTextAlone checks that Extract does nothing to a document that is not
// HTML, even one whose text looks like markup.
func TestExtractLeavesTextAlone(t *testing.T) {
	doc := &document.Document{Raw: []byte("<p>Plain text about <b>markup</b>.</p>")}
	if err := Extract(doc); err != nil || string(doc.Raw) != "<p>Plain text about <b>markup</b>.</p>" {
		t.Errorf("Extract changed a text document: %v, %q", err, doc.Raw)
	}
}

// TestExtractConcurrent runs Extract on many goroutines at once (with -race, this checks
// that the pooled scratch is not shared) and expects the same text from each.
func TestExtractConcurrent(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "article.golden.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 4 {
				doc := &document.Document{Raw: page, RawHTML: true}
				if err := Extract(doc); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(doc.Raw, want) {
					t.Error("concurrent Extract gave different text")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestRender(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"inline elements join", "<p>A <b>bold</b> and <i>italic</i><a href=x>link</a>.</p>", "A bold and italiclink."},
		{"whitespace collapses", "<p>  spread \n\t out  </p>", "spread out"},
		{"single br is a line", "<p>line one<br>line two</p>", "line one\nline two"},
		{"double br is a paragraph", "<div>first<br> <br>second</div>", "first\n\nsecond"},
		{"headings and lists", "<h2>Head</h2><ul><li>one</li><li>two</li></ul>", "Head\n\none\n\ntwo"},
		{"pre keeps lines", "<pre>a\nb</pre>", "a\nb"},
		{"scripts dropped", "<p>x<script>var y</script><style>p{}</style></p>", "x"},
		{"nbsp is text", "<p>10\u00a0km</p>", "10\u00a0km"},
		{"empty", "<div> <p> </p> </div>", ""},
		{"nested blocks do not stack", "<div><div><p>a</p></div></div><div><p>b</p></div>", "a\n\nb"},
	}
	var x htmlExtractor
	for _, tt := range tests {
		root, err := html.Parse(strings.NewReader(tt.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(x.render(root)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzHTML runs arbitrary markup through Extract: it must not panic, and it yields
// either text or an error.
func FuzzHTML(f *testing.F) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(page)
	f.Add([]byte("<p>short</p>"))
	f.Add([]byte("<html><body><article><p>\x92 windows bytes \xe9</p></article></body></html>"))
	f.Add([]byte("<table><tr><td><pre>x</pre></td></tr></table><br><br>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc := &document.Document{Raw: data, RawHTML: true}
		err := Extract(doc)
		if err == nil && (len(doc.Raw) == 0 || doc.RawHTML) {
			t.Fatal("no error and no text")
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if err := Extract(&document.Document{Raw: page, RawHTML: true}); err != nil {
			b.Fatal(err)
		}
	}
}
