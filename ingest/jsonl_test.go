package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"herald/document"
)

// newsJSONL exercises every kind of line; the comment after each says what it tests.
const newsJSONL = `{"id": "r1", "url": "https://example.org/1", "published": "2024-05-20T10:00:00Z", "source": "Wire", "title": "Talks open", "text": "Delegates met."}

not json at all
{"id": "r4", "title": "no body"}
{"text": "No id here.", "published": "Mon, 20 May 2024 08:00:00 +0000", "category": "ignored"}
[1, 2, 3]
{"id": 77, "text": "Numeric id.", "published": 1716200000}
{"id": "r8", "text": "Odd date.", "published": "sometime in May"}
   {"id": "r9", "text": "Spaces around, CRLF ending."}   ` + "\r" + `
{"id": "r10", "text": "Unterminated
{"id": "r11", "text": "", "html": ""}
{"id": "r12", "text": "Last line without a newline.", "published": "1987-02-26 15:01:01"}`

// newsWant is what newsJSONL yields: "where=raw|id|published|title|url|warnings" for a
// document, "!error" for an error.
var newsWant = []string{
	"%s:1=Delegates met.|r1|2024-05-20|Talks open|https://example.org/1|",
	"!%s:3: invalid JSON: invalid character 'o' in literal null (expecting 'u')",
	`!%s:4: record has neither "text" nor "html"`,
	"%s:5=No id here.|" + sha16("No id here.") + "|2024-05-20|||",
	"!%s:6: invalid record: json: cannot unmarshal array into Go value of type ingest.record",
	"%s:7=Numeric id.|77|2024-05-20|||",
	`%s:8=Odd date.|r8||||ingest: unrecognized published date "sometime in May" left empty`,
	"%s:9=Spaces around, CRLF ending.|r9||||",
	"!%s:10: invalid JSON: unexpected end of JSON input",
	`!%s:11: record has neither "text" nor "html"`,
	"%s:12=Last line without a newline.|r12|1987-02-26|||",
}

func describeRecords(items []item) []string {
	var out []string
	for _, it := range items {
		if it.err != nil {
			out = append(out, "!"+it.err.Error())
			continue
		}
		d := it.doc
		out = append(out, fmt.Sprintf("%s=%s|%s|%s|%s|%s|%s", d.Where(), d.Raw, d.ID, d.Published, d.Title, d.URL, strings.Join(d.Warnings, ";")))
	}
	return out
}

func wantFor(source string) []string {
	var want []string
	for _, w := range newsWant {
		want = append(want, fmt.Sprintf(w, source))
	}
	return want
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"news.jsonl":    []byte(newsJSONL),
		"news.ndjson":   []byte(newsJSONL),
		"news.jsonl.gz": gzipBytes(t, []byte(newsJSONL)),
		"bom.jsonl":     []byte("\xEF\xBB\xBF" + newsJSONL),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			items := collect([]string{path}, Options{})
			equalLists(t, describeRecords(items), wantFor(path))
			for _, it := range items {
				if it.err != nil {
					if e, ok := errors.AsType[*Error](it.err); !ok || e.Line < 1 {
						t.Errorf("%v: want an *Error with a line", it.err)
					}
				} else if it.doc.Source != path {
					t.Errorf("Source %q, want the path %q", it.doc.Source, path)
				}
			}
		})
	}
}

// TestJSONLCorruptGzip checks that a broken stream yields the records before the break,
// then one error naming the line reached.
func TestJSONLCorruptGzip(t *testing.T) {
	var stream strings.Builder
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&stream, "{\"id\": \"n%d\", \"text\": \"Record number %d of the stream.\"}\n", i, i)
	}
	whole := gzipBytes(t, []byte(stream.String()))
	dir := t.TempDir()

	truncated := filepath.Join(dir, "truncated.jsonl.gz")
	if err := os.WriteFile(truncated, whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	items := collect([]string{truncated}, Options{})
	last := items[len(items)-1]
	e, ok := errors.AsType[*Error](last.err)
	if !ok {
		t.Fatalf("last item %v, want an *Error", describeRecords(items[len(items)-1:]))
	}
	docs := len(items) - 1
	if docs < 100 || docs >= 2000 || e.Line != docs+1 || !errors.Is(e, io.ErrUnexpectedEOF) {
		t.Errorf("%d records then %v; want some records, then unexpected EOF at line %d", docs, e, docs+1)
	}
	for i, it := range items[:docs] {
		if it.err != nil || it.doc.ID != fmt.Sprintf("n%d", i+1) {
			t.Fatalf("item %d: %v, want record n%d", i, describeRecords(items[i:i+1]), i+1)
		}
	}

	notGzip := filepath.Join(dir, "plain.jsonl.gz")
	if err := os.WriteFile(notGzip, []byte(stream.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	equalLists(t, describeRecords(collect([]string{notGzip}, Options{})),
		[]string{"!" + notGzip + ": reading gzip header: gzip: invalid header"})
}

// TestJSONLHugeLine feeds a 50 MB line between two good ones: it is reported with its
// size and line number, and reading goes on with the next line.
func TestJSONLHugeLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	const hugeText = 50 << 20
	fmt.Fprintln(f, `{"id": "before", "text": "Small."}`)
	fmt.Fprint(f, `{"id": "huge", "text": "`)
	chunk := bytes.Repeat([]byte("word "), 1<<16)
	for written := 0; written < hugeText; written += len(chunk) {
		f.Write(chunk)
	}
	fmt.Fprintln(f, `"}`)
	fmt.Fprintln(f, `{"id": "after", "text": "Small too."}`)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	lineSize := int64(len(`{"id": "huge", "text": "`) + hugeText + len(`"}`))

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	items := collect([]string{path}, Options{})
	runtime.ReadMemStats(&after)
	equalLists(t, describeRecords(items), []string{
		path + ":1=Small.|before||||",
		fmt.Sprintf("!%s:2: %d bytes exceeds the 16 MiB per-document limit (--max-doc-bytes)", path, lineSize),
		path + ":3=Small too.|after||||",
	})
	// The rest of the line past the limit is skipped, not buffered: reading it must not
	// allocate as much as the line itself.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc >= hugeText {
		t.Errorf("allocated %d MB while skipping a %d MB line", alloc>>20, hugeText>>20)
	} else {
		t.Logf("allocated %d MB while skipping a %d MB line", alloc>>20, hugeText>>20)
	}
}

func TestJSONLHTMLRecord(t *testing.T) {
	page := `<html><head><title>Dam vote</title><meta property="article:published_time" content="2022-03-14T08:00:00Z"></head><body>` +
		`<nav><a href="/">Home</a> <a href="/local">Local news</a></nav><article><h1>Dam vote</h1>` +
		`<p>The regional council voted on Monday to approve funding for a new dam on the river, ending two years of debate.</p>` +
		`<p>Opponents said they would appeal the decision to the provincial environment court within a month.</p></article>` +
		`<footer>Copyright notice of the example paper.</footer></body></html>`
	line, _ := jsonString(page)
	stream := `{"id": "h1", "html": ` + line + "}\n" +
		`{"id": "h2", "html": "<html><body><nav>menu</nav></body></html>"}` + "\n" +
		`{"html": ` + line + `, "title": "Given title", "published": "2022-03-15"}` + "\n"

	var items []item
	readJSONL(strings.NewReader(stream), "pages.jsonl", DefaultMaxDocBytes, func(d *document.Document, err error) bool {
		items = append(items, item{d, err})
		return true
	})
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3: %v", len(items), describeRecords(items))
	}
	// readJSONL leaves the pages whole, with the records' own metadata; Extract, run
	// here as the pipeline runs it, takes out the articles.
	extractErrs := make([]error, len(items))
	for i, it := range items {
		if it.err != nil || !it.doc.RawHTML {
			t.Fatalf("record %d: got %v, want a page left for Extract", i+1, describeRecords(items[i:i+1]))
		}
		extractErrs[i] = Extract(it.doc)
	}
	if extractErrs[0] != nil {
		t.Errorf("record 1: %v", extractErrs[0])
	}
	doc := items[0].doc
	if doc == nil || !strings.Contains(string(doc.Raw), "debate.\n\nOpponents said") ||
		strings.Contains(string(doc.Raw), "Local news") || strings.Contains(string(doc.Raw), "Copyright") {
		t.Errorf("record 1: got %v, want the two paragraphs without nav or footer", describeRecords(items[:1]))
	} else if doc.Title != "Dam vote" || doc.Published != "2022-03-14" || doc.ID != "h1" {
		t.Errorf("record 1 metadata: title %q published %q id %q", doc.Title, doc.Published, doc.ID)
	}
	if err := extractErrs[1]; !errors.Is(err, errNoArticle) || err.Error() != errNoArticle.Error() || items[1].doc.Where() != "pages.jsonl:2" {
		t.Errorf("record 2: Extract gave %v for %s, want %q for pages.jsonl:2", err, items[1].doc.Where(), errNoArticle)
	}
	if extractErrs[2] != nil {
		t.Errorf("record 3: %v", extractErrs[2])
	}
	if doc := items[2].doc; doc == nil || doc.Title != "Given title" || doc.Published != "2022-03-15" || doc.ID != sha16(page) {
		t.Errorf("record 3: the record's own title/date must win and the id hash the HTML: %v", describeRecords(items[2:]))
	}
}

func jsonString(s string) (string, error) {
	b, err := json.Marshal(s)
	return string(b), err
}

func bufioReader(s string) *bufio.Reader {
	return bufio.NewReaderSize(strings.NewReader(s), 16) // the smallest buffer: long lines span reads
}

func TestLineReader(t *testing.T) {
	tests := []struct {
		in    string
		limit int64
		want  []string // "line/size", or "+size" for an overlong line
	}{
		{"", 10, nil},
		{"\n", 10, []string{"/0"}},
		{"a\nbb\n", 10, []string{"a/1", "bb/2"}},
		{"a\nbb", 10, []string{"a/1", "bb/2"}},
		{"0123456789\n", 10, []string{"0123456789/10"}},
		{"0123456789X\nok\n", 10, []string{"+11", "ok/2"}},
		{"0123456789X", 10, []string{"+11"}},
	}
	for _, tt := range tests {
		lr := lineReader{br: bufioReader(tt.in), limit: tt.limit}
		var got []string
		for {
			line, size, err := lr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if size > tt.limit {
				got = append(got, fmt.Sprintf("+%d", size))
			} else {
				got = append(got, fmt.Sprintf("%s/%d", line, size))
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q limit %d: got %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

// FuzzJSONL feeds arbitrary bytes as a JSONL stream: nothing may panic, and every item is
// a document with bytes to clean or an *Error that names a line.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(newsJSONL))
	f.Add([]byte(`{"text":"a"}` + "\n" + `{"html":"<p>short</p>"}`))
	f.Add([]byte(`{"id":1e400,"text":"x"}`))
	f.Add([]byte(`{"id":null,"published":null,"text":"\u00e9\ud83d\ude00"}`))
	f.Add([]byte("\xEF\xBB\xBF{\"text\":\"bom\"}\r\n\n\n"))
	f.Add([]byte(`{"text":"` + strings.Repeat("long ", 100) + `"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		readJSONL(bytes.NewReader(data), "fuzz.jsonl", 256, func(d *document.Document, err error) bool {
			if err != nil {
				if e, ok := errors.AsType[*Error](err); !ok || e.Line < 1 {
					t.Fatalf("error without a line: %v", err)
				}
				return true
			}
			if d == nil || len(d.Raw) == 0 || d.ID == "" || d.Line < 1 {
				t.Fatalf("bad document: %+v", d)
			}
			return true
		})
	})
}

func BenchmarkJSONL(b *testing.B) {
	var stream bytes.Buffer
	body := strings.Repeat("The delegation met officials on Tuesday to discuss trade and security. ", 30)
	for i := 0; stream.Len() < 8<<20; i++ {
		fmt.Fprintf(&stream, `{"id":"doc-%d","url":"https://example.org/%d","published":"2024-05-%02dT10:00:00Z","source":"Wire","title":"Item %d","text":"%s"}`+"\n", i, i, i%28+1, i, body)
	}
	data := stream.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		readJSONL(bytes.NewReader(data), "bench.jsonl", DefaultMaxDocBytes, func(d *document.Document, err error) bool {
			if err != nil {
				b.Fatal(err)
			}
			n++
			return true
		})
		if n == 0 {
			b.Fatal("no documents")
		}
	}
}
