package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"herald/document"
)

// sentences of the test documents: each event below points at one of them.
var testSentences = []string{
	"Kazakhstan met China in Astana.",
	"Russia attacked Ukraine near Kharkiv.",
	"The European Union criticized Russia.",
}

// testDoc builds an analyzed document by hand: the text is testSentences joined, and
// each event is given as (sentence, source, target, cameo, date).
func testDoc(id, published string, events ...document.Event) *document.Document {
	doc := &document.Document{ID: id, Source: "test/" + id + ".txt", Published: published, Title: "Title of " + id,
		Repairs: []document.Repair{}, Times: []document.Time{}}
	for i, s := range testSentences {
		if i > 0 {
			doc.Text += " "
		}
		start := len(doc.Text)
		doc.Text += s
		doc.Sentences = append(doc.Sentences, document.Sentence{Start: start, End: len(doc.Text),
			Tokens: []document.Token{{Start: start, End: start + strings.IndexByte(s, ' '), Text: s[:strings.IndexByte(s, ' ')]}}})
	}
	doc.Entities = []document.Entity{
		{Start: 0, End: 10, Text: "Kazakhstan", Type: "GPE", Actor: "KAZ", ActorHow: "dictionary", Mention: "name"},
		{Start: 15, End: 20, Text: "China", Type: "GPE", Actor: "CHN", ActorHow: "dictionary", Mention: "name", Cluster: 1},
	}
	for _, e := range events {
		e.Doc = id
		doc.Events = append(doc.Events, e)
	}
	if doc.Events == nil {
		doc.Events = []document.Event{}
	}
	return doc
}

func ev(sentence int, src, tgt, cameo, root string, quad int, goldstein float64, date string) document.Event {
	return document.Event{Sentence: sentence, Date: date,
		Source: document.Actor{Text: src, Code: src}, Target: document.Actor{Text: tgt, Code: tgt},
		CAMEO: cameo, Root: root, Quad: quad, Goldstein: goldstein, Confidence: 0.5 + 0.1*float64(quad),
		PLOVER:   document.PLOVER{Event: map[int]string{1: "CONSULT", 2: "AID", 3: "ACCUSE", 4: "ASSAULT"}[quad]},
		Evidence: document.Evidence{Verb: "v", Rule: "r"}}
}

// corpus is three documents with five events between them.
func corpus() []*document.Document {
	return []*document.Document{
		testDoc("a", "2024-05-20",
			ev(0, "KAZGOV", "CHNGOV", "040", "04", 1, 1.0, "2024-05-20"),
			ev(1, "RUSMIL", "UKR", "190", "19", 4, -10, "2024-05-20")),
		testDoc("b", "2024-05-27",
			ev(2, "IGOEUREEC", "RUS", "111", "11", 3, -2, "2024-05-27"),
			ev(1, "RUSMIL", "UKR", "190", "19", 4, -10, "2024-06-02")),
		testDoc("c", "", ev(0, "KAZ", "CHN", "040", "04", 1, 1.0, "")),
		testDoc("d", "2024-06-01"), // no events
	}
}

func entries(docs []*document.Document) []Entry {
	var out []Entry
	for _, d := range docs {
		out = append(out, Entry{Doc: d, Input: NewInput(&document.Document{Raw: []byte(d.Text), Published: d.Published}, "")})
	}
	return out
}

func openTest(t *testing.T) *SQLite {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "herald.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustPut(t *testing.T, s *SQLite, docs []*document.Document) PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), entries(docs), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestOpenMigratesFromEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var version int
	var mode string
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if version != SchemaVersion || mode != "wal" {
		t.Errorf("user_version %d journal_mode %s, want %d wal", version, mode, SchemaVersion)
	}
	for _, table := range []string{"documents", "events", "entities", "runs", "documents_fts", "events_fts"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = ?", table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: %d, %v", table, n, err)
		}
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
	s.Close()
	// Reopening an up-to-date database migrates nothing.
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A database from a newer herald is refused.
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
}

func TestOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "missing.db"), Options{ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing file succeeded")
	}
	path := filepath.Join(dir, "h.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, corpus())
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Put(context.Background(), entries(corpus()[:1]), 0, nil); err == nil {
		t.Error("a read-only store accepted a write")
	}
	c, err := ro.Counts(context.Background())
	if err != nil || c.Documents != 4 || c.Events != 5 {
		t.Errorf("counts %+v, %v", c, err)
	}
	if err := ro.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestPutIdempotent(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	res := mustPut(t, s, corpus())
	if res != (PutResult{Created: 4, Events: 5}) {
		t.Errorf("first put %+v", res)
	}
	before := dump(t, s)
	res = mustPut(t, s, corpus())
	if res != (PutResult{Replaced: 4, Events: 5}) {
		t.Errorf("second put %+v", res)
	}
	if after := dump(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("a second put changed the database")
	}
	c, _ := s.Counts(ctx)
	if c != (Counts{Documents: 4, Events: 5, Entities: 8}) {
		t.Errorf("counts %+v", c)
	}
	h, ok, err := s.Hash(ctx, "a")
	if !ok || err != nil || h != entries(corpus())[0].Input.Hash {
		t.Errorf("hash %q %v %v", h, ok, err)
	}
	if _, ok, _ := s.Hash(ctx, "zzz"); ok {
		t.Error("hash of a missing document")
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// dump reads every stored row but the run ids, as text, for comparisons.
func dump(t *testing.T, s *SQLite) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		"SELECT id, source, line, url, title, published, published_in, text, hex(raw), raw_html, hash, hex(analysis), events FROM documents ORDER BY id",
		"SELECT id, doc_id, idx, sentence, sentence_start, sentence_end, date, source_code, source_text, target_code, target_text, cameo, root, quad, goldstein, plover, country, negated, confidence, evidence, record FROM events ORDER BY id",
		"SELECT * FROM entities ORDER BY doc_id, idx",
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			var b strings.Builder
			for _, v := range vals {
				b.WriteString(fmtAny(v))
				b.WriteByte('|')
			}
			out = append(out, b.String())
		}
		rows.Close()
	}
	return out
}

func fmtAny(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case nil:
		return "NULL"
	}
	return fmt.Sprint(v)
}

func TestReplaceIsAtomic(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustPut(t, s, corpus())
	// Re-analysis: document a now has one event, of another kind.
	a := testDoc("a", "2024-05-20", ev(2, "IGOEUREEC", "RUS", "112", "11", 3, -2, "2024-05-21"))
	res := mustPut(t, s, []*document.Document{a})
	if res != (PutResult{Replaced: 1, Events: 1}) {
		t.Errorf("replace %+v", res)
	}
	evs, _, err := s.Events(ctx, EventFilter{}, Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID+"="+e.CAMEO)
	}
	if got := strings.Join(ids, " "); got != "c:0=040 a:0=112 b:0=111 b:1=190" {
		// c has no date, so it sorts first; then by date.
		t.Errorf("events after the replace: %s", got)
	}
	if _, err := s.Event(ctx, "a:1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old event a:1 is still there: %v", err)
	}
	// The text index forgot the old evidence of a.
	var f EventFilter
	f.Set("q", "Kharkiv")
	evs, _, _ = s.Events(ctx, f, Page{Limit: 100})
	if len(evs) != 1 || evs[0].ID != "b:1" {
		t.Errorf("q=Kharkiv after the replace: %+v", evs)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}

	// A batch that fails part-way stores nothing of itself.
	if _, err := s.db.Exec(`CREATE TRIGGER fail BEFORE INSERT ON documents WHEN new.id = 'bad'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	batch := []*document.Document{testDoc("a", "2024-05-20"), testDoc("e", "2024-07-01"), testDoc("bad", "")}
	if _, err := s.Put(ctx, entries(batch), 0, nil); err == nil {
		t.Fatal("the failing batch was stored")
	}
	if after := dump(t, s); !reflect.DeepEqual(before, after) {
		t.Error("a failed batch changed the database")
	}
}

func TestAnalysisIsStoredUnchanged(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	docs := corpus()
	mustPut(t, s, docs)
	want, _ := MarshalJSON(docs[0])
	got, err := s.AnalysisJSON(ctx, "a")
	if err != nil || string(got) != string(want) {
		t.Errorf("analysis:\n%s\nwant\n%s (%v)", got, want, err)
	}
	if _, err := s.AnalysisJSON(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing analysis: %v", err)
	}
	e, err := s.Event(ctx, "b:0")
	if err != nil || e.Source.Code != "IGOEUREEC" || e.SentenceText != testSentences[2] || e.Doc != "b" {
		t.Errorf("event b:0: %+v %v", e, err)
	}
}

func TestOriginals(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	doc := testDoc("x", "")
	raw := []byte("Kazakhstan  met\r\nChina.") // differs from the text: stored
	in := NewInput(&document.Document{Raw: raw, Published: "", URL: "http://x", Title: doc.Title}, "2024-01-02")
	doc.URL = "http://x"
	if _, err := s.Put(ctx, []Entry{{Doc: doc, Input: in}, entries([]*document.Document{testDoc("y", "2024-01-01")})[0]}, 0, nil); err != nil {
		t.Fatal(err)
	}
	var rawNull []bool
	rows, _ := s.db.Query("SELECT raw IS NULL FROM documents ORDER BY id")
	for rows.Next() {
		var b bool
		rows.Scan(&b)
		rawNull = append(rawNull, b)
	}
	rows.Close()
	if !reflect.DeepEqual(rawNull, []bool{false, true}) {
		t.Errorf("raw IS NULL: %v, want the raw bytes kept only when they differ from the text", rawNull)
	}
	docs, inputs, err := s.Originals(ctx, "", 10, nil)
	if err != nil || len(docs) != 2 {
		t.Fatal(docs, err)
	}
	if string(docs[0].Raw) != string(raw) || docs[0].Published != "2024-01-02" || docs[0].URL != "http://x" {
		t.Errorf("original x: %+v", docs[0])
	}
	if inputs[0].Hash != in.Hash {
		t.Error("the original's input hash differs from the stored one")
	}
	if string(docs[1].Raw) != docs[1].Text && string(docs[1].Raw) != strings.Join(testSentences, " ") {
		t.Errorf("original y: %q", docs[1].Raw)
	}
	docs, _, _ = s.Originals(ctx, "x", 10, nil)
	if len(docs) != 1 || docs[0].ID != "y" {
		t.Errorf("after x: %v", docs)
	}
	docs, _, _ = s.Originals(ctx, "", 10, []string{"y", "zz"})
	if len(docs) != 1 || docs[0].ID != "y" {
		t.Errorf("ids y, zz: %v", docs)
	}
}

func TestRuns(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id, err := s.BeginRun(ctx, "ingest", "dev", []string{"a.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, entries(corpus()), id, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRun(ctx, id, RunDone, RunStats{Documents: 4, Created: 4, Events: 5}); err != nil {
		t.Fatal(err)
	}
	var status, args string
	var created int
	s.db.QueryRow("SELECT status, args, created FROM runs WHERE id = ?", id).Scan(&status, &args, &created)
	if status != "done" || args != `["a.jsonl"]` || created != 4 {
		t.Errorf("run: %s %s %d", status, args, created)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM documents WHERE run = ?", id).Scan(&n)
	if n != 4 {
		t.Errorf("%d documents name the run", n)
	}
}

func TestDigest(t *testing.T) {
	a, b := openTest(t), openTest(t)
	ctx := context.Background()
	mustPut(t, a, corpus())
	docs := corpus()
	// The same documents in another order, in two batches, give the same digest.
	mustPut(t, b, []*document.Document{docs[3], docs[1]})
	mustPut(t, b, []*document.Document{docs[2], docs[0]})
	da, err := a.Digest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db, _ := b.Digest(ctx)
	if da != db {
		t.Error("the same documents stored in another order give another digest")
	}
	mustPut(t, b, []*document.Document{testDoc("a", "2024-05-20")})
	if db, _ := b.Digest(ctx); da == db {
		t.Error("a replaced document leaves the digest unchanged")
	}
}
