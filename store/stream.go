package store

import (
	"context"
	"encoding/json"
	"fmt"

	"herald/document"
)

// StreamedEvent is one event as EachEvent hands it over: the event, its position in its
// document, and what the event formats need of the document.
type StreamedEvent struct {
	ID    string
	Index int // the event's index among its document's events
	Event document.Event
	// SentenceStart and SentenceEnd are the byte span of the event's sentence, and
	// Sentence its text.
	SentenceStart, SentenceEnd int
	Sentence                   string
	Doc                        DocumentMeta
	// Text is the document's text, read only when EachEvent is asked for it.
	Text string
}

// DocumentMeta is a stored document's metadata.
type DocumentMeta struct {
	ID, Source, URL, Title, Published string
}

// EachEvent calls fn for every event f selects, in the order of Events, reading them with
// one cursor so that memory stays bounded whatever their number. withText reads each
// event's document text too (the PLOVER format counts its sentence offsets in runes). The
// StreamedEvent is reused from call to call. An error from fn stops the walk and is
// returned.
func (s *SQLite) EachEvent(ctx context.Context, f EventFilter, withText bool, fn func(*StreamedEvent) error) error {
	where, args := f.where()
	text := "''"
	if withText {
		text = "d.text"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.idx, e.record, e.sentence_start, e.sentence_end, e.evidence,
		d.id, d.source, d.url, d.title, d.published, `+text+`
		FROM events e JOIN documents d ON d.id = e.doc_id
		WHERE `+where+` ORDER BY e.date, e.doc_id, e.idx`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var ev StreamedEvent
	var record []byte
	for rows.Next() {
		if err := rows.Scan(&ev.ID, &ev.Index, &record, &ev.SentenceStart, &ev.SentenceEnd, &ev.Sentence,
			&ev.Doc.ID, &ev.Doc.Source, &ev.Doc.URL, &ev.Doc.Title, &ev.Doc.Published, &ev.Text); err != nil {
			return err
		}
		ev.Event = document.Event{}
		if err := json.Unmarshal(record, &ev.Event); err != nil {
			return fmt.Errorf("event %s: %w", ev.ID, err)
		}
		if err := fn(&ev); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Originals returns up to limit stored documents with ids after after (in id order),
// rebuilt as ingest made them: the input bytes, metadata and publication date that their
// analysis started from. `herald reprocess` runs the pipeline on them again. ids, when not
// empty, restricts them to those ids.
func (s *SQLite) Originals(ctx context.Context, after string, limit int, ids []string) ([]*document.Document, []Input, error) {
	query := `SELECT id, source, line, url, title, published_in, text, raw, raw_html FROM documents WHERE id > ?`
	args := []any{after}
	if len(ids) > 0 {
		query += " AND id IN (SELECT value FROM json_each(?))"
		js, _ := json.Marshal(ids)
		args = append(args, string(js))
	}
	query += " ORDER BY id LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var docs []*document.Document
	var inputs []Input
	for rows.Next() {
		d := &document.Document{}
		var published, text string
		var raw []byte
		if err := rows.Scan(&d.ID, &d.Source, &d.Line, &d.URL, &d.Title, &published, &text, &raw, &d.RawHTML); err != nil {
			return nil, nil, err
		}
		if raw != nil {
			if d.Raw, err = decompress(raw); err != nil {
				return nil, nil, fmt.Errorf("document %s: stored input: %w", d.ID, err)
			}
		} else {
			d.Raw = []byte(text)
		}
		d.Published = published
		inputs = append(inputs, NewInput(d, ""))
		docs = append(docs, d)
	}
	return docs, inputs, rows.Err()
}
