package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"

	"herald/document"
)

// Input is what a document was analyzed from, captured before the pipeline runs (which
// replaces the raw bytes by the cleaned text). It lets an unchanged input be recognized
// and skipped, and `herald reprocess` analyze a stored document again from exactly what
// a fresh ingest would see.
type Input struct {
	Raw  []byte
	HTML bool
	// Published is the publication date the pipeline was given: the input's own, else
	// the --date default.
	Published string
	URL       string
	Title     string
	// Hash identifies the input's content; two inputs with the same id and hash give the
	// same analysis (with the same herald).
	Hash string
}

// NewInput captures doc's input before the pipeline processes it; defaultPublished is
// the date the pipeline assumes for a document that has none (its --date).
func NewInput(doc *document.Document, defaultPublished string) Input {
	in := Input{Raw: doc.Raw, HTML: doc.RawHTML, Published: doc.Published, URL: doc.URL, Title: doc.Title}
	if in.Published == "" {
		in.Published = defaultPublished
	}
	h := sha256.New()
	kind := "text"
	if in.HTML {
		kind = "html"
	}
	// Lengths before each field make the encoding unambiguous.
	for _, f := range []string{kind, in.Published, in.URL, in.Title} {
		io.WriteString(h, strconv.Itoa(len(f))+":"+f)
	}
	io.WriteString(h, strconv.Itoa(len(in.Raw))+":")
	h.Write(in.Raw)
	in.Hash = hex.EncodeToString(h.Sum(nil)[:16])
	return in
}

// Entry is one analyzed document to store, with the input it was analyzed from.
type Entry struct {
	Doc   *document.Document
	Input Input
}

// PutResult counts what Put did.
type PutResult struct {
	Created  int // documents stored for the first time
	Replaced int // documents whose earlier analysis was replaced
	Events   int // events stored
}

// Status says what Put did with one document.
type Status string

// Statuses of a stored document.
const (
	Created   Status = "created"
	Replaced  Status = "replaced"
	Unchanged Status = "unchanged"
)

// Put stores a batch of analyzed documents in one transaction: each document's row is
// inserted or updated, and its events and entities are replaced by the new ones. Either
// the whole batch is stored or none of it. run is the ingest run that stores them, 0 for
// none. statuses, when not nil, receives each entry's status in order.
func (s *SQLite) Put(ctx context.Context, entries []Entry, run int64, statuses []Status) (PutResult, error) {
	var res PutResult
	if len(entries) == 0 {
		return res, nil
	}
	// Encoding comes before the transaction, so that the write lock is held only for
	// the writes themselves.
	rows := make([]docRow, len(entries))
	for i, e := range entries {
		r, err := encodeDoc(e)
		if err != nil {
			return res, fmt.Errorf("%s: %w", e.Doc.ID, err)
		}
		rows[i] = r
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	st, err := prepareWriters(ctx, tx)
	if err != nil {
		return res, err
	}
	defer st.close()
	var runID any
	if run > 0 {
		runID = run
	}
	for i, e := range entries {
		doc, r := e.Doc, &rows[i]
		var rid int64
		err := st.find.QueryRowContext(ctx, doc.ID).Scan(&rid)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = st.insertDoc.ExecContext(ctx, doc.ID, doc.Source, doc.Line, doc.URL, doc.Title, doc.Published,
				e.Input.Published, doc.Text, r.raw, e.Input.HTML, e.Input.Hash, r.analysis, doc.AssertedEvents(), runID)
			res.Created++
			if statuses != nil {
				statuses[i] = Created
			}
		case err == nil:
			if _, err = st.deleteEvents.ExecContext(ctx, doc.ID); err != nil {
				return res, err
			}
			if _, err = st.deleteEntities.ExecContext(ctx, doc.ID); err != nil {
				return res, err
			}
			_, err = st.updateDoc.ExecContext(ctx, doc.Source, doc.Line, doc.URL, doc.Title, doc.Published,
				e.Input.Published, doc.Text, r.raw, e.Input.HTML, e.Input.Hash, r.analysis, doc.AssertedEvents(), runID, rid)
			res.Replaced++
			if statuses != nil {
				statuses[i] = Replaced
			}
		}
		if err != nil {
			return res, fmt.Errorf("%s: %w", doc.ID, err)
		}
		for k := range doc.Events {
			ev := &doc.Events[k]
			if !ev.Asserted() {
				continue // negated and hypothetical acts are no event data; the analysis keeps them
			}
			var sStart, sEnd int
			if ev.Sentence >= 0 && ev.Sentence < len(doc.Sentences) {
				sStart, sEnd = doc.Sentences[ev.Sentence].Start, doc.Sentences[ev.Sentence].End
			}
			country := ""
			if ev.Location != nil {
				country = ev.Location.Country
			}
			evidence := ""
			if 0 <= sStart && sStart <= sEnd && sEnd <= len(doc.Text) {
				evidence = doc.Text[sStart:sEnd]
			}
			if _, err := st.insertEvent.ExecContext(ctx, EventID(doc.ID, k), doc.ID, k, ev.Sentence, sStart, sEnd, ev.Date,
				ev.Source.Code, ev.Source.Text, ev.Target.Code, ev.Target.Text, ev.CAMEO, ev.Root, ev.Quad, ev.Goldstein,
				ev.PLOVER.Event, country, ev.Negated, ev.Confidence, evidence, r.events[k]); err != nil {
				return res, fmt.Errorf("%s: event %d: %w", doc.ID, k, err)
			}
		}
		res.Events += doc.AssertedEvents()
		actorOf := doc.EntityActors()
		for k := range doc.Entities {
			en := &doc.Entities[k]
			// The actors layer has the entity's code; a document made before that layer
			// existed (or by hand) has it on the entity.
			code, how := en.Actor, en.ActorHow
			if a := actorOf[k]; a >= 0 {
				code, how = doc.Actors[a].Code, doc.Actors[a].How
			}
			if _, err := st.insertEntity.ExecContext(ctx, doc.ID, k, en.Start, en.End, en.Text, en.Type, en.Name, en.Role,
				en.Nationality, code, how, en.Mention, en.Cluster); err != nil {
				return res, fmt.Errorf("%s: entity %d: %w", doc.ID, k, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return PutResult{}, err
	}
	return res, nil
}

// EventID is the stable id of a document's k-th event.
func EventID(docID string, k int) string { return docID + ":" + strconv.Itoa(k) }

// Hash returns the input hash stored for a document, and whether it is stored.
func (s *SQLite) Hash(ctx context.Context, id string) (string, bool, error) {
	var h string
	err := s.db.QueryRowContext(ctx, "SELECT hash FROM documents WHERE id = ?", id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return h, err == nil, err
}

type writers struct {
	find, insertDoc, updateDoc, deleteEvents, deleteEntities, insertEvent, insertEntity *sql.Stmt
}

func prepareWriters(ctx context.Context, tx *sql.Tx) (*writers, error) {
	w := &writers{}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&w.find, "SELECT rid FROM documents WHERE id = ?"},
		{&w.insertDoc, `INSERT INTO documents (id, source, line, url, title, published, published_in, text, raw, raw_html,
			hash, analysis, events, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.updateDoc, `UPDATE documents SET source = ?, line = ?, url = ?, title = ?, published = ?, published_in = ?,
			text = ?, raw = ?, raw_html = ?, hash = ?, analysis = ?, events = ?, run = ? WHERE rid = ?`},
		{&w.deleteEvents, "DELETE FROM events WHERE doc_id = ?"},
		{&w.deleteEntities, "DELETE FROM entities WHERE doc_id = ?"},
		{&w.insertEvent, `INSERT INTO events (id, doc_id, idx, sentence, sentence_start, sentence_end, date,
			source_code, source_text, target_code, target_text, cameo, root, quad, goldstein, plover, country,
			negated, confidence, evidence, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.insertEntity, `INSERT INTO entities (doc_id, idx, start, end, text, type, name, role, nationality, actor,
			actor_how, mention, cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.stmt = st
	}
	return w, nil
}

func (w *writers) close() {
	for _, st := range []*sql.Stmt{w.find, w.insertDoc, w.updateDoc, w.deleteEvents, w.deleteEntities, w.insertEvent, w.insertEntity} {
		if st != nil {
			st.Close()
		}
	}
}

// docRow is a document's encoded columns.
type docRow struct {
	raw      []byte // nil when the input is the text
	analysis []byte
	events   []string
}

func encodeDoc(e Entry) (docRow, error) {
	var r docRow
	doc := e.Doc
	if e.Input.Raw != nil && !(!e.Input.HTML && string(e.Input.Raw) == doc.Text) {
		raw, err := compress(e.Input.Raw)
		if err != nil {
			return r, err
		}
		r.raw = raw
	}
	js, err := MarshalJSON(doc)
	if err != nil {
		return r, err
	}
	if r.analysis, err = compress(js); err != nil {
		return r, err
	}
	r.events = make([]string, len(doc.Events))
	for k := range doc.Events {
		b, err := MarshalJSON(&doc.Events[k])
		if err != nil {
			return r, err
		}
		r.events[k] = string(b)
	}
	return r, nil
}

// MarshalJSON encodes v as Herald's outputs do (package output): no HTML escaping, no
// trailing newline. A stored analysis is byte for byte what herald analyze prints.
func MarshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// gzip writers are pooled: each holds about a megabyte of compression state.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

func compress(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decompress(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}
