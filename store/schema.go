package store

import (
	"context"
	"fmt"
)

// migrations are the schema's versions, in order: migrations[i] takes a database from
// version i to version i+1 (PRAGMA user_version). A released step is never edited; a
// change to the schema is a new step at the end.
//
// Tables keep an explicit INTEGER PRIMARY KEY (rid) because the FTS5 indexes point at it:
// an implicit rowid may be renumbered by VACUUM, which would orphan the index.
var migrations = []string{
	// 1: documents, events, entities, runs, and the text indexes.
	`
CREATE TABLE runs (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL,              -- ingest, reprocess
	started   TEXT NOT NULL,              -- RFC 3339, UTC
	finished  TEXT,                       -- NULL while running (or if the run was killed)
	status    TEXT NOT NULL,              -- running, done, interrupted, failed
	version   TEXT NOT NULL,              -- herald's version
	args      TEXT NOT NULL,              -- the inputs, as a JSON array
	documents INTEGER NOT NULL DEFAULT 0, -- read from the inputs
	created   INTEGER NOT NULL DEFAULT 0, -- stored for the first time
	replaced  INTEGER NOT NULL DEFAULT 0, -- stored again with a new analysis
	unchanged INTEGER NOT NULL DEFAULT 0, -- already stored with the same content: skipped
	events    INTEGER NOT NULL DEFAULT 0, -- events stored
	errors    INTEGER NOT NULL DEFAULT 0  -- diagnostics reported
);

CREATE TABLE documents (
	rid          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	source       TEXT NOT NULL,           -- path, URL or -
	line         INTEGER NOT NULL,        -- JSONL line, 0 for whole files
	url          TEXT NOT NULL,
	title        TEXT NOT NULL,
	published    TEXT NOT NULL,           -- YYYY-MM-DD as analyzed (given or inferred), '' unknown
	published_in TEXT NOT NULL,           -- as the input (or --date) gave it: what reprocess starts from
	text         TEXT NOT NULL,           -- the cleaned text every offset refers to
	raw          BLOB,                    -- gzip of the input bytes; NULL when they equal text
	raw_html     INTEGER NOT NULL,        -- raw is an HTML page
	hash         TEXT NOT NULL,           -- of the input: an unchanged input is not analyzed again
	analysis     BLOB NOT NULL,           -- gzip of the JSON that herald analyze prints
	events       INTEGER NOT NULL,
	run          INTEGER REFERENCES runs(id)
);
CREATE INDEX documents_published ON documents(published, id);

CREATE TABLE events (
	rid            INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,  -- document id ":" index in the document
	doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	sentence       INTEGER NOT NULL,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	date           TEXT NOT NULL,         -- YYYY-MM-DD, '' unknown
	source_code    TEXT NOT NULL,
	source_text    TEXT NOT NULL,
	target_code    TEXT NOT NULL,
	target_text    TEXT NOT NULL,
	cameo          TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad           INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover         TEXT NOT NULL,
	country        TEXT NOT NULL,         -- the location's country, '' unknown
	negated        INTEGER NOT NULL,
	confidence     REAL NOT NULL,
	evidence       TEXT NOT NULL,         -- the sentence the event was coded from
	record         TEXT NOT NULL          -- the event as herald code prints it (JSON)
);
CREATE INDEX events_date ON events(date, doc_id, idx);
CREATE INDEX events_doc ON events(doc_id, idx);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_quad ON events(quad);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_cameo ON events(cameo);

CREATE TABLE entities (
	doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	text        TEXT NOT NULL,
	type        TEXT NOT NULL,
	name        TEXT NOT NULL,
	role        TEXT NOT NULL,
	nationality TEXT NOT NULL,
	actor       TEXT NOT NULL,
	actor_how   TEXT NOT NULL,
	mention     TEXT NOT NULL,
	cluster     INTEGER NOT NULL,
	PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor, doc_id) WHERE actor != '';

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
	INSERT INTO documents_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', content_rowid='rid');
CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
	INSERT INTO events_fts(rowid, evidence) VALUES (new.rid, new.evidence);
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
	INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.rid, old.evidence);
END;
`,
}

// SchemaVersion is the schema version this code writes and reads.
var SchemaVersion = len(migrations)

// migrate brings the database to SchemaVersion, one transaction per step, so a migration
// cut short leaves the database at the version before it. A read-only store migrates
// nothing and refuses a database of another version.
func (s *SQLite) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	switch {
	case version > SchemaVersion:
		return fmt.Errorf("database schema version %d is newer than this herald's (%d): upgrade herald", version, SchemaVersion)
	case version == SchemaVersion:
		return nil
	case s.readOnly && version == 0:
		return fmt.Errorf("not a herald database (schema version 0): create it with herald ingest")
	case s.readOnly:
		return fmt.Errorf("database schema version %d is older than this herald's (%d): run herald ingest or reprocess on it once to migrate it", version, SchemaVersion)
	}
	for v := version; v < SchemaVersion; v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		// Another process may have migrated while this one waited for the lock.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return err
		}
		if now > v {
			tx.Rollback()
			v = now - 1
			continue
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrating the schema to version %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrating the schema to version %d: %w", v+1, err)
		}
	}
	return nil
}
