package store

import (
	"context"
	"encoding/json"
	"time"
)

// RunStats are the counts of one ingest or reprocess run.
type RunStats struct {
	Documents int64 // read from the inputs
	Created   int64
	Replaced  int64
	Unchanged int64
	Events    int64
	Errors    int64
}

// Run statuses.
const (
	RunRunning     = "running"
	RunDone        = "done"
	RunInterrupted = "interrupted"
	RunFailed      = "failed"
)

// BeginRun records the start of a run of kind ("ingest", "reprocess") over args and
// returns its id. A run that is killed stays "running" with no finish time.
func (s *SQLite) BeginRun(ctx context.Context, kind, version string, args []string) (int64, error) {
	if args == nil {
		args = []string{}
	}
	a, err := json.Marshal(args)
	if err != nil {
		return 0, err
	}
	res, err := s.db.ExecContext(ctx, "INSERT INTO runs (kind, started, status, version, args) VALUES (?, ?, ?, ?, ?)",
		kind, time.Now().UTC().Format(time.RFC3339), RunRunning, version, string(a))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// FinishRun records a run's end, its status and its counts.
func (s *SQLite) FinishRun(ctx context.Context, id int64, status string, st RunStats) error {
	_, err := s.db.ExecContext(ctx, `UPDATE runs SET finished = ?, status = ?, documents = ?, created = ?, replaced = ?,
		unchanged = ?, events = ?, errors = ? WHERE id = ?`,
		time.Now().UTC().Format(time.RFC3339), status, st.Documents, st.Created, st.Replaced, st.Unchanged, st.Events, st.Errors, id)
	return err
}
