package ingest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/document"
)

// item is one value of the Documents sequence.
type item struct {
	doc *document.Document
	err error
}

func collect(inputs []string, opt Options) []item {
	var items []item
	for doc, err := range Documents(inputs, opt) {
		items = append(items, item{doc, err})
	}
	return items
}

// describe renders a sequence compactly, for comparing with a want list: "src" for a
// document, "!src:line" for an error.
func describe(items []item) []string {
	var out []string
	for _, it := range items {
		if it.err != nil {
			var e *Error
			if !errors.As(it.err, &e) {
				out = append(out, "!not-an-*Error: "+it.err.Error())
				continue
			}
			out = append(out, "!"+e.Error())
			continue
		}
		out = append(out, it.doc.Where()+"="+string(it.doc.Raw))
	}
	return out
}

// writeTree creates files under dir; a name ending in "/" is an empty directory.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sha16(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:16]
}

func equalLists(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d items, want %d\ngot:  %q\nwant: %q", len(got), len(want), got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("item %d:\ngot:  %q\nwant: %q", i, got[i], want[i])
		}
	}
}

func TestDocumentsWalk(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"b.txt":             "bee",
		"a.txt":             "ay",
		"a/z.txt":           "nested before a.txt: 'a' sorts before 'a.txt'",
		"sub/deeper/c.txt":  "see",
		"sub/d.txt":         "dee",
		".hidden.txt":       "hidden file",
		".git/config":       "hidden dir",
		"sub/.cache/e.txt":  "hidden nested dir",
		"empty/":            "",
		"sub/deeper/0.text": "zero",
	})
	// A symlink back to the root must not loop; a symlink to a file is read.
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub", "link.txt")); err != nil {
		t.Fatal(err)
	}
	got := describe(collect([]string{dir}, Options{}))
	rel := func(s string) string { return filepath.Join(dir, filepath.FromSlash(s)) }
	equalLists(t, got, []string{
		rel("a/z.txt") + "=nested before a.txt: 'a' sorts before 'a.txt'",
		rel("a.txt") + "=ay",
		rel("b.txt") + "=bee",
		rel("sub/d.txt") + "=dee",
		rel("sub/deeper/0.text") + "=zero",
		rel("sub/deeper/c.txt") + "=see",
		rel("sub/link.txt") + "=bee",
	})
	// The order is stable from run to run.
	equalLists(t, describe(collect([]string{dir}, Options{})), got)
}

func TestDocumentsInputs(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"one.txt": "first", "two.txt": "second", "same.txt": "first", "empty.txt": ""})
	p := func(name string) string { return filepath.Join(dir, name) }
	missing := p("missing.txt")

	items := collect([]string{p("two.txt"), missing, "-", p("one.txt"), p("empty.txt"), p("same.txt")},
		Options{Stdin: strings.NewReader("from stdin")})
	equalLists(t, describe(items), []string{
		p("two.txt") + "=second",
		"!" + missing + ": stat: no such file or directory",
		"-=from stdin",
		p("one.txt") + "=first",
		"!" + p("empty.txt") + ": empty document",
		p("same.txt") + "=first",
	})
	if !errors.Is(items[1].err, fs.ErrNotExist) {
		t.Errorf("missing file: %v does not wrap fs.ErrNotExist", items[1].err)
	}
	if id := items[3].doc.ID; id != sha16("first") || items[5].doc.ID != id {
		t.Errorf("ids %q and %q, want both %q (sha256 prefix of the content)", id, items[5].doc.ID, sha16("first"))
	}
	if items[0].doc.Line != 0 || items[0].doc.Title != "" || items[0].doc.Published != "" {
		t.Errorf("plain file got metadata: %+v", items[0].doc)
	}

	// Without a configured stdin, "-" is an error, not a hang.
	equalLists(t, describe(collect([]string{"-"}, Options{})), []string{"!-: standard input is not available"})
}

func TestDocumentsUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: a chmod 000 file is still readable")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"locked.txt": "secret", "ok.txt": "fine", "closed/x.txt": "x"})
	locked := filepath.Join(dir, "locked.txt")
	closed := filepath.Join(dir, "closed")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(closed, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(closed, 0o755) })
	equalLists(t, describe(collect([]string{dir}, Options{})), []string{
		"!" + closed + ": open: permission denied",
		"!" + locked + ": open: permission denied",
		filepath.Join(dir, "ok.txt") + "=fine",
	})
}

func TestDocumentsSizeLimit(t *testing.T) {
	dir := t.TempDir()
	// A sparse 50 MB file costs no disk; the limit must refuse it from its size alone.
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	writeTree(t, dir, map[string]string{"small.txt": "0123456789"})
	if err := os.WriteFile(filepath.Join(dir, "zipped.txt.gz"), gzipBytes(t, bytes.Repeat([]byte("x"), 100)), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		input string
		opt   Options
		want  []string
	}{
		{"file over the default limit", big, Options{},
			[]string{"!" + big + ": 52428800 bytes exceeds the 16 MiB per-document limit (--max-doc-bytes)"}},
		{"file at the limit", filepath.Join(dir, "small.txt"), Options{MaxDocBytes: 10},
			[]string{filepath.Join(dir, "small.txt") + "=0123456789"}},
		{"file one byte over", filepath.Join(dir, "small.txt"), Options{MaxDocBytes: 9},
			[]string{"!" + filepath.Join(dir, "small.txt") + ": 10 bytes exceeds the 9 bytes per-document limit (--max-doc-bytes)"}},
		{"gzip inflating over the limit", filepath.Join(dir, "zipped.txt.gz"), Options{MaxDocBytes: 50},
			[]string{"!" + filepath.Join(dir, "zipped.txt.gz") + ": document exceeds the 50 bytes per-document limit (--max-doc-bytes)"}},
		{"gzip within the limit", filepath.Join(dir, "zipped.txt.gz"), Options{},
			[]string{filepath.Join(dir, "zipped.txt.gz") + "=" + strings.Repeat("x", 100)}},
		{"stdin over the limit", "-", Options{MaxDocBytes: 1 << 10, Stdin: bytes.NewReader(make([]byte, 5000))},
			[]string{"!-: document exceeds the 1 KiB per-document limit (--max-doc-bytes)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect([]string{tt.input}, tt.opt)
			equalLists(t, describe(items), tt.want)
			for _, it := range items {
				if it.err != nil {
					if _, ok := errors.AsType[*TooLargeError](it.err); !ok {
						t.Errorf("%v does not wrap *TooLargeError", it.err)
					}
				}
			}
		})
	}
}

func TestDocumentsBinaryPassesThrough(t *testing.T) {
	dir := t.TempDir()
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\xff\xfe")
	path := filepath.Join(dir, "pixel.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	items := collect([]string{path}, Options{})
	if len(items) != 1 || items[0].err != nil || !bytes.Equal(items[0].doc.Raw, png) {
		t.Fatalf("got %v, want the PNG's bytes unchanged", describe(items))
	}
}

func TestDocumentsStopEarly(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt":     "a",
		"b.jsonl":   "{\"text\":\"1\"}\nnot json\n{\"text\":\"3\"}\n",
		"c/d.txt":   "d",
		"c/e.html":  "<html><body><p>e</p></body></html>",
		"f.missing": "",
	})
	all := collect([]string{dir, filepath.Join(dir, "nope")}, Options{})
	// Stopping after every possible item must neither panic (a yield after false does)
	// nor deliver anything past the stop.
	for stop := 1; stop <= len(all); stop++ {
		n := 0
		for range Documents([]string{dir, filepath.Join(dir, "nope")}, Options{}) {
			n++
			if n == stop {
				break
			}
		}
		if n != stop {
			t.Errorf("stop after %d: saw %d items", stop, n)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	base := errors.New("what")
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Source: "a.txt", Offset: -1, Err: base}, "a.txt: what"},
		{&Error{Source: "news.jsonl", Line: 12, Offset: -1, Err: base}, "news.jsonl:12: what"},
		{&Error{Source: "a.gz", Offset: 1234, Err: base}, "a.gz@1234: what"},
		{&Error{Source: "b.jsonl", Line: 3, Offset: 99, Err: base}, "b.jsonl:3: what"},
		{&Error{Source: "-", Offset: 0, Err: base}, "-@0: what"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, base) {
			t.Errorf("%q does not unwrap to its cause", tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		path    string
		kind    inputKind
		gzipped bool
	}{
		{"news.jsonl", kindJSONL, false},
		{"dir/NEWS.JSONL.GZ", kindJSONL, true},
		{"x.ndjson", kindJSONL, false},
		{"page.htm", kindHTML, false},
		{"page.html.gz", kindHTML, true},
		{"story.txt", kindRaw, false},
		{"story.txt.gz", kindRaw, true},
		{"archive.gz", kindRaw, true},
		{"jsonl", kindRaw, false},
		{".jsonl.d/story", kindRaw, false},
	}
	for _, tt := range tests {
		kind, gz := classify(tt.path)
		if kind != tt.kind || gz != tt.gzipped {
			t.Errorf("classify(%q) = %v, %v; want %v, %v", tt.path, kind, gz, tt.kind, tt.gzipped)
		}
	}
}

func TestReadLimited(t *testing.T) {
	tests := []struct {
		n, limit, hint int64
		tooLarge       bool
	}{
		{0, 10, -1, false},
		{10, 10, -1, false},
		{11, 10, -1, true},
		{10, 10, 10, false},
		{10, 10, 3, false}, // a wrong hint only costs growth
		{100000, 100000, -1, false},
		{100001, 100000, -1, true},
	}
	for _, tt := range tests {
		data := bytes.Repeat([]byte("z"), int(tt.n))
		got, err := readLimited(bytes.NewReader(data), tt.limit, tt.hint)
		_, tooLarge := errors.AsType[*TooLargeError](err)
		if tooLarge != tt.tooLarge || (!tt.tooLarge && (err != nil || !bytes.Equal(got, data))) {
			t.Errorf("n=%d limit=%d hint=%d: got %d bytes, err %v", tt.n, tt.limit, tt.hint, len(got), err)
		}
	}
}

// TestCorruptGzipText checks that a broken .gz of plain text is an error at the
// decompressed offset reached, and that the next input is still read.
func TestCorruptGzipText(t *testing.T) {
	dir := t.TempDir()
	whole := gzipBytes(t, bytes.Repeat([]byte("Plain wire copy. "), 5000))
	broken := filepath.Join(dir, "story.txt.gz")
	if err := os.WriteFile(broken, whole[:len(whole)-20], 0o644); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"z.txt": "next"})
	items := collect([]string{broken, filepath.Join(dir, "z.txt")}, Options{})
	if len(items) != 2 || items[1].err != nil {
		t.Fatalf("got %q, want an error then z.txt", describe(items))
	}
	e, ok := errors.AsType[*Error](items[0].err)
	if !ok || e.Offset <= 0 || e.Line != 0 || !strings.HasPrefix(e.Error(), broken+"@") {
		t.Errorf("got %v, want an *Error at a byte offset", items[0].err)
	}
}
