package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"herald/document"
)

// Event is a stored event as the API returns it: its id, every field of herald code's
// record, and the sentence it was coded from.
type Event struct {
	ID string `json:"id"`
	document.Event
	SentenceText string `json:"sentence_text"`
}

// Events returns a page of the events that f selects, ordered by date, document and
// position in the document, and the cursor of the next page ("" after the last).
func (s *SQLite) Events(ctx context.Context, f EventFilter, page Page) ([]Event, string, error) {
	if err := checkLimit(page.Limit); err != nil {
		return nil, "", err
	}
	c, err := decodeCursor(page.Cursor, "events")
	if err != nil {
		return nil, "", err
	}
	where, args := f.where()
	if page.Cursor != "" {
		where += " AND (e.date, e.doc_id, e.idx) > (?, ?, ?)"
		args = append(args, c.Date, c.ID, c.N)
	}
	args = append(args, page.Limit+1)
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.record, e.evidence, e.date, e.doc_id, e.idx FROM events e
		WHERE `+where+` ORDER BY e.date, e.doc_id, e.idx LIMIT ?`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []Event{}
	var last cursor
	for rows.Next() {
		var ev Event
		var record string
		var date, doc string
		var idx int64
		if err := rows.Scan(&ev.ID, &record, &ev.SentenceText, &date, &doc, &idx); err != nil {
			return nil, "", err
		}
		if len(out) == page.Limit {
			return out, last.encode(), rows.Err()
		}
		if err := json.Unmarshal([]byte(record), &ev.Event); err != nil {
			return nil, "", fmt.Errorf("event %s: %w", ev.ID, err)
		}
		out = append(out, ev)
		last = cursor{Kind: "events", Date: date, ID: doc, N: idx}
	}
	return out, "", rows.Err()
}

// Event returns one event by its id.
func (s *SQLite) Event(ctx context.Context, id string) (Event, error) {
	var ev Event
	var record string
	err := s.db.QueryRowContext(ctx, "SELECT id, record, evidence FROM events WHERE id = ?", id).Scan(&ev.ID, &record, &ev.SentenceText)
	if errors.Is(err, sql.ErrNoRows) {
		return ev, ErrNotFound
	}
	if err != nil {
		return ev, err
	}
	if err := json.Unmarshal([]byte(record), &ev.Event); err != nil {
		return ev, fmt.Errorf("event %s: %w", id, err)
	}
	return ev, nil
}

// Analysis returns a document's analysis, the JSON of herald analyze, gzip-compressed as
// it is stored: the API can send it as it is to a client that accepts gzip.
func (s *SQLite) Analysis(ctx context.Context, id string) ([]byte, error) {
	var gz []byte
	err := s.db.QueryRowContext(ctx, "SELECT analysis FROM documents WHERE id = ?", id).Scan(&gz)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return gz, err
}

// AnalysisJSON returns a document's analysis as plain JSON.
func (s *SQLite) AnalysisJSON(ctx context.Context, id string) ([]byte, error) {
	gz, err := s.Analysis(ctx, id)
	if err != nil {
		return nil, err
	}
	js, err := decompress(gz)
	if err != nil {
		return nil, fmt.Errorf("document %s: stored analysis: %w", id, err)
	}
	return js, nil
}

// DocumentSummary is a document in a list: its metadata, not its analysis.
type DocumentSummary struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Events    int    `json:"events"`
}

// Documents returns a page of the documents f selects, ordered by publication date and id.
func (s *SQLite) Documents(ctx context.Context, f DocumentFilter, page Page) ([]DocumentSummary, string, error) {
	if err := checkLimit(page.Limit); err != nil {
		return nil, "", err
	}
	c, err := decodeCursor(page.Cursor, "documents")
	if err != nil {
		return nil, "", err
	}
	where, args := f.where()
	if page.Cursor != "" {
		where += " AND (d.published, d.id) > (?, ?)"
		args = append(args, c.Date, c.ID)
	}
	args = append(args, page.Limit+1)
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.source, d.url, d.title, d.published, d.events FROM documents d
		WHERE `+where+` ORDER BY d.published, d.id LIMIT ?`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []DocumentSummary{}
	for rows.Next() {
		var d DocumentSummary
		if err := rows.Scan(&d.ID, &d.Source, &d.URL, &d.Title, &d.Published, &d.Events); err != nil {
			return nil, "", err
		}
		if len(out) == page.Limit {
			last := out[len(out)-1]
			return out, cursor{Kind: "documents", Date: last.Published, ID: last.ID}.encode(), rows.Err()
		}
		out = append(out, d)
	}
	return out, "", rows.Err()
}

// Actor is an actor code with the number of selected events it takes part in.
type Actor struct {
	Code      string  `json:"code"`
	Events    int64   `json:"events"`
	AsSource  int64   `json:"as_source"`
	AsTarget  int64   `json:"as_target"`
	Goldstein float64 `json:"goldstein"` // mean Goldstein score of those events
}

// Actors ranks the actor codes of the events f selects by how many events they take part
// in; prefix, when not empty, keeps only the codes that start with it.
func (s *SQLite) Actors(ctx context.Context, f EventFilter, prefix string, page Page) ([]Actor, string, error) {
	off, err := offsetPage(page, "actors")
	if err != nil {
		return nil, "", err
	}
	where, args := f.where()
	codeCond := ""
	if prefix != "" {
		codeCond = "WHERE code GLOB ?"
		args = append(args, prefix+"*")
	}
	args = append(args, page.Limit+1, off)
	rows, err := s.db.QueryContext(ctx, `WITH f AS (SELECT e.source_code, e.target_code, e.goldstein FROM events e WHERE `+where+`)
		SELECT code, count(*), sum(s), sum(t), avg(g) FROM (
			SELECT source_code AS code, 1 AS s, 0 AS t, goldstein AS g FROM f WHERE source_code != ''
			UNION ALL
			SELECT target_code, 0, 1, goldstein FROM f WHERE target_code != '')
		`+codeCond+`
		GROUP BY code ORDER BY count(*) DESC, code LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []Actor{}
	for rows.Next() {
		var a Actor
		if err := rows.Scan(&a.Code, &a.Events, &a.AsSource, &a.AsTarget, &a.Goldstein); err != nil {
			return nil, "", err
		}
		out = append(out, a)
	}
	out, next := trimPage(out, page.Limit, off, "actors")
	return out, next, rows.Err()
}

// Dyad is a source-target pair with the number of selected events between them.
type Dyad struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Events    int64   `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean Goldstein score
}

// Dyads ranks the (source, target) code pairs of the events f selects, both coded, by
// their number of events.
func (s *SQLite) Dyads(ctx context.Context, f EventFilter, page Page) ([]Dyad, string, error) {
	off, err := offsetPage(page, "dyads")
	if err != nil {
		return nil, "", err
	}
	where, args := f.where()
	args = append(args, page.Limit+1, off)
	rows, err := s.db.QueryContext(ctx, `SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) FROM events e
		WHERE `+where+` AND e.source_code != '' AND e.target_code != ''
		GROUP BY e.source_code, e.target_code ORDER BY count(*) DESC, e.source_code, e.target_code LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []Dyad{}
	for rows.Next() {
		var d Dyad
		if err := rows.Scan(&d.Source, &d.Target, &d.Events, &d.Goldstein); err != nil {
			return nil, "", err
		}
		out = append(out, d)
	}
	out, next := trimPage(out, page.Limit, off, "dyads")
	return out, next, rows.Err()
}

// Bucket is one period (and group) of a timeline.
type Bucket struct {
	Period    string  `json:"period"` // the day, the Monday of the week, or YYYY-MM
	Group     string  `json:"group,omitempty"`
	Events    int64   `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean Goldstein score
}

// Timeline intervals and groupings.
var (
	Intervals = []string{"day", "week", "month"}
	Groups    = []string{"quad", "root"}
)

// Timeline counts the dated events f selects per interval ("day", "week" starting on
// Monday, "month") and, when group is "quad" or "root", per QuadClass or CAMEO root.
func (s *SQLite) Timeline(ctx context.Context, f EventFilter, interval, group string, page Page) ([]Bucket, string, error) {
	var period, grp string
	switch interval {
	case "day":
		period = "e.date"
	case "week":
		period = "date(e.date, '-6 days', 'weekday 1')"
	case "month":
		period = "substr(e.date, 1, 7)"
	default:
		return nil, "", paramErr("interval", "want day, week or month, got %q", clip(interval))
	}
	switch group {
	case "":
		grp = "''"
	case "quad":
		grp = "CAST(e.quad AS TEXT)"
	case "root":
		grp = "e.root"
	default:
		return nil, "", paramErr("group", "want quad or root, got %q", clip(group))
	}
	off, err := offsetPage(page, "timeline")
	if err != nil {
		return nil, "", err
	}
	where, args := f.where()
	args = append(args, page.Limit+1, off)
	rows, err := s.db.QueryContext(ctx, `SELECT `+period+` AS p, `+grp+` AS g, count(*), avg(e.goldstein) FROM events e
		WHERE `+where+` AND e.date != '' GROUP BY p, g ORDER BY p, g LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []Bucket{}
	for rows.Next() {
		var b Bucket
		if err := rows.Scan(&b.Period, &b.Group, &b.Events, &b.Goldstein); err != nil {
			return nil, "", err
		}
		out = append(out, b)
	}
	out, next := trimPage(out, page.Limit, off, "timeline")
	return out, next, rows.Err()
}

func offsetPage(page Page, kind string) (int64, error) {
	if err := checkLimit(page.Limit); err != nil {
		return 0, err
	}
	c, err := decodeCursor(page.Cursor, kind)
	if err != nil {
		return 0, err
	}
	return c.Offset, nil
}

// trimPage cuts the extra row fetched to tell whether a next page exists.
func trimPage[T any](rows []T, limit int, off int64, kind string) ([]T, string) {
	if len(rows) <= limit {
		return rows, ""
	}
	return rows[:limit], cursor{Kind: kind, Offset: off + int64(limit)}.encode()
}

// Summary returns one document's summary.
func (s *SQLite) Summary(ctx context.Context, id string) (DocumentSummary, error) {
	var d DocumentSummary
	err := s.db.QueryRowContext(ctx, "SELECT id, source, url, title, published, events FROM documents WHERE id = ?", id).
		Scan(&d.ID, &d.Source, &d.URL, &d.Title, &d.Published, &d.Events)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	return d, err
}
