package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"herald/document"
	"herald/store"
)

// newStore holds two hand-built documents: one with a located event and one with an
// undated event, so that the tests do not depend on the models.
func newStore(t *testing.T) *store.SQLite {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "x.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	mk := func(id, published, text string, events ...document.Event) store.Entry {
		doc := &document.Document{ID: id, Source: id + ".txt", Published: published, Text: text,
			Sentences: []document.Sentence{{Start: 0, End: len(text), Tokens: []document.Token{}}},
			Repairs:   []document.Repair{}, Times: []document.Time{}, Entities: []document.Entity{}}
		for _, e := range events {
			e.Doc = id
			doc.Events = append(doc.Events, e)
		}
		return store.Entry{Doc: doc, Input: store.NewInput(&document.Document{Raw: []byte(text)}, "")}
	}
	ev := func(src, tgt, cameo string, quad int, date string) document.Event {
		return document.Event{Date: date, Source: document.Actor{Text: src, Code: src}, Target: document.Actor{Text: tgt, Code: tgt},
			CAMEO: cameo, Root: cameo[:2], Quad: quad, Goldstein: 1, Confidence: 0.8, Evidence: document.Evidence{Verb: "met", Rule: "r"}}
	}
	located := ev("KAZGOV", "CHNGOV", "040", 1, "2024-05-20")
	located.Location = &document.Location{Name: "Astana", Country: "KAZ", Lat: 51.18, Lon: 71.45}
	if _, err := s.Put(context.Background(), []store.Entry{
		mk("a", "2024-05-20", "Kazakhstan met China, said \"yes\".", located),
		mk("b", "", "Russia attacked Ukraine.", ev("RUS", "UKR", "190", 4, "")),
	}, 0, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWrite(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()

	var buf bytes.Buffer
	n, err := Write(ctx, s, store.EventFilter{}, "csv", Options{}, &buf)
	if err != nil || n != 2 {
		t.Fatalf("csv: %d events, %v", n, err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 3 || !slices.Equal(rows[0], Columns) {
		t.Fatalf("csv: %v %q", err, rows)
	}
	// Undated events come first; the located one has its place and coordinates.
	got := map[string]string{}
	for i, c := range Columns {
		got[c] = rows[2][i]
	}
	if rows[1][0] != "b:0" || got["id"] != "a:0" || got["location"] != "Astana" || got["lat"] != "51.18" ||
		got["date"] != "2024-05-20" || got["sentence_text"] != `Kazakhstan met China, said "yes".` {
		t.Errorf("csv rows: %q", rows[1:])
	}

	var f store.EventFilter
	if err := f.Set("actor", "kaz"); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if n, err := Write(ctx, s, f, "jsonl", Options{}, &buf); err != nil || n != 1 {
		t.Fatalf("jsonl: %d events, %v", n, err)
	}
	var rec document.Event
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil || rec.Source.Code != "KAZGOV" || strings.Count(buf.String(), "\n") != 1 {
		t.Errorf("jsonl: %v %s", err, buf.Bytes())
	}

	for _, format := range Formats {
		buf.Reset()
		if n, err := Write(ctx, s, store.EventFilter{}, format, Options{RowGroup: 1}, &buf); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %d events, %d bytes, %v", format, n, buf.Len(), err)
		}
		if ContentType(format) == "application/octet-stream" || Extension(format) == "" {
			t.Errorf("%s: no content type or extension", format)
		}
	}
	if _, err := Write(ctx, s, store.EventFilter{}, "xlsx", Options{}, &buf); err == nil || Known("xlsx") {
		t.Error("xlsx: want an unknown format")
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Write(cctx, s, store.EventFilter{}, "csv", Options{}, &buf); err == nil {
		t.Error("a cancelled context: want an error")
	}
}
