// Package store keeps analyzed documents and their coded events in an embedded SQLite
// database: one file, in WAL mode, through the pure-Go driver modernc.org/sqlite. It is the
// persistence stage after the pipeline: it reads a processed document.Document and writes
// the document (metadata, cleaned text, the input it was analyzed from, and the full
// analysis as `herald analyze` prints it), its events (every field of `herald code`,
// indexed for the API's filters) and its entities, in one transaction per batch.
//
// Re-storing a document replaces its events and entities in the same transaction, so a
// reader sees either the old analysis or the new one, never a mix; a batch cut short (a
// crash, SIGKILL) leaves no trace. Documents are keyed by their id, so storing the same
// document twice leaves one row. Ingest, which herald ingest, herald reprocess and the
// server's POST /api/documents share, skips a document stored already from the same
// input, and analyzes and stores the others.
//
// The schema is versioned (PRAGMA user_version) and migrated forward on Open. Text search
// uses SQLite's FTS5 (compiled into modernc.org/sqlite): documents_fts over title and text,
// events_fts over each event's evidence sentence.
//
// The query types (EventFilter, Page, the result rows) carry no SQL, so that a PostgreSQL
// store can later implement the same methods; *SQLite is the one implementation today.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Options configure Open.
type Options struct {
	// ReadOnly opens an existing database for queries only: nothing is created or
	// migrated, and every connection refuses writes (PRAGMA query_only).
	ReadOnly bool
}

// SQLite is a store in one SQLite file. It is safe for concurrent use; SQLite serializes
// the writers (of this process and of others) and lets readers run beside them.
type SQLite struct {
	closeOnce sync.Once
	closeErr  error
	db        *sql.DB
	path      string
	readOnly  bool
}

// ErrNotFound is returned for a document or event id that is not stored.
var ErrNotFound = errors.New("not found")

// Open opens (creating it unless opt.ReadOnly) the database at path and migrates its
// schema to the current version.
func Open(path string, opt Options) (*SQLite, error) {
	if path == "" {
		return nil, errors.New("no database path")
	}
	if opt.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
		}
	}
	db, err := sql.Open("sqlite", dsn(path, opt.ReadOnly))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	db.SetMaxOpenConns(max(4, 2*runtime.GOMAXPROCS(0)))
	db.SetMaxIdleConns(max(4, 2*runtime.GOMAXPROCS(0)))
	s := &SQLite{db: db, path: path, readOnly: opt.ReadOnly}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// dsn builds the driver's connection string. Every connection of the pool gets the same
// pragmas: a busy timeout (so that a writer waits for another instead of failing),
// foreign keys, and synchronous=NORMAL, which in WAL mode loses no committed transaction
// on a process crash (only, possibly, the last ones on a power failure). Write
// transactions begin IMMEDIATE, taking the write lock up front, so two writers never
// deadlock on a lock upgrade.
func dsn(path string, readOnly bool) string {
	// The path is a URI path: escape what would end it or start an escape.
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	q := []string{
		"_pragma=busy_timeout(10000)",
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(NORMAL)",
		"_txlock=immediate",
	}
	if readOnly {
		q = append(q, "mode=ro", "_pragma=query_only(1)")
	} else {
		q = append(q, "_pragma=journal_mode(WAL)")
	}
	return "file:" + escaped + "?" + strings.Join(q, "&")
}

// Close closes the database. In WAL mode the last connection to close checkpoints the
// log into the main file.
// Closing twice is harmless.
func (s *SQLite) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.db.Close() })
	return s.closeErr
}

// Path is the database file.
func (s *SQLite) Path() string { return s.path }

// Ping checks that the database answers.
func (s *SQLite) Ping(ctx context.Context) error {
	var one int
	return s.db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Check runs SQLite's integrity check, the foreign-key check and the FTS5 indexes'
// integrity checks, and returns an error describing the first problems found.
func (s *SQLite) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return err
	}
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return err
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	for rows.Next() {
		problems = append(problems, "a row breaks a foreign key")
		break
	}
	rows.Close()
	if !s.readOnly {
		for _, fts := range []string{"documents_fts", "events_fts"} {
			if _, err := s.db.ExecContext(ctx, "INSERT INTO "+fts+"("+fts+") VALUES('integrity-check')"); err != nil {
				problems = append(problems, fts+": "+err.Error())
			}
		}
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], "…")
		}
		return fmt.Errorf("integrity check failed: %s", strings.Join(problems, "; "))
	}
	return nil
}

// Counts are the numbers of stored rows.
type Counts struct {
	Documents int64 `json:"documents"`
	Events    int64 `json:"events"`
	Entities  int64 `json:"entities"`
}

// Counts counts the stored documents, events and entities.
func (s *SQLite) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx,
		"SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM entities)").
		Scan(&c.Documents, &c.Events, &c.Entities)
	return c, err
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Digest is a SHA-256 over the stored documents, events and entities, every column but
// the row ids and the run that stored them, in id order: two stores with the same digest
// hold the same data. Tests use it to hold ingest deterministic and crash-safe.
func (s *SQLite) Digest(ctx context.Context) (string, error) {
	h := sha256.New()
	for _, q := range []string{
		`SELECT id, source, line, url, title, published, published_in, text, raw, raw_html, hash, analysis, events
			FROM documents ORDER BY id`,
		`SELECT id, doc_id, idx, sentence, sentence_start, sentence_end, date, source_code, source_text, target_code,
			target_text, cameo, root, quad, goldstein, plover, country, negated, confidence, evidence, record
			FROM events ORDER BY id`,
		`SELECT * FROM entities ORDER BY doc_id, idx`,
	} {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return "", err
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return "", err
			}
			for _, v := range vals {
				b := fmt.Appendf(nil, "%T:%v", v, v)
				if raw, ok := v.([]byte); ok {
					b = append([]byte("bytes:"), raw...)
				}
				fmt.Fprintf(h, "%d:", len(b))
				h.Write(b)
			}
			h.Write([]byte{'\n'})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Optimize refreshes the statistics that SQLite's query planner uses to choose among
// the events' indexes (PRAGMA optimize, with an analysis limit so that it stays quick
// on a large store). Writers call it after a run.
func (s *SQLite) Optimize(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "PRAGMA analysis_limit = 0"); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, "PRAGMA optimize = 0x10002")
	return err
}
