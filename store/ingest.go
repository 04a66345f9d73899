package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"sync"
	"sync/atomic"

	"herald/document"
)

// An Analyzer analyzes documents for Ingest: it calls emit once for each item of docs, in
// order and from one goroutine, with the analyzed document (nil when it could not be
// analyzed) and the errors met on the way. An item that comes as an error (an input that
// could not be read) it passes on as nil and that error. pipeline.Pipeline.Run fits it
// with a line of glue; so does a loop over pipeline.Pipeline.ProcessContext.
type Analyzer func(docs iter.Seq2[*document.Document, error], emit func(*document.Document, []error))

// IngestOptions configure Ingest.
type IngestOptions struct {
	// Published is the publication date the analysis assumes for a document that has
	// none (herald's --date): it is part of what the document is analyzed from.
	Published string
	// Force analyzes and stores every document, even one stored already from the same
	// input (herald reprocess).
	Force bool
	// Batch is the number of documents stored per transaction; 0 means 1.
	Batch int
	// Run is the run that stores the documents (BeginRun); 0 for none.
	Run int64
	// Report, when set, is told what became of each item. It is never called
	// concurrently: for an unchanged document as soon as it is found, for the others
	// (analyzed, or not) when the batch they belong to is stored.
	Report func(Outcome)
}

// Outcome is what Ingest did with one item.
type Outcome struct {
	ID     string  // the document's id; "" for an input that could not be read
	Status Status  // Created, Replaced or Unchanged; "" when nothing was stored
	Events int     // the document's events: stored, or stored already when Unchanged
	Errs   []error // what reading and analyzing it reported (a stored document may have some)
}

// IngestResult counts what Ingest did.
type IngestResult struct {
	PutResult
	Read      int // items: documents, and inputs that could not be read
	Analyzed  int // documents the analysis returned
	Unchanged int // documents stored already from the same input, not analyzed again
	Errors    int // errors reported by reading and analysis
}

// Ingest is "store it unless it is stored already" for a sequence of documents, shared by
// herald ingest, herald reprocess and the server's POST /api/documents. For each document
// it captures the input (NewInput) and, unless opt.Force, skips it when the store holds a
// document of the same id analyzed from the same input; the others go to analyze, and
// what it returns is stored opt.Batch documents per transaction (Put).
//
// Ingest stops reading docs when ctx ends (the stored-input checks use ctx too); the
// documents already handed to analyze are still stored, since their analysis is worth
// keeping. It stops at the first error of the store and returns it, with the counts of
// what it had stored.
func (s *SQLite) Ingest(ctx context.Context, docs iter.Seq2[*document.Document, error], analyze Analyzer, opt IngestOptions) (IngestResult, error) {
	w := &ingestion{s: s, opt: opt, batch: max(opt.Batch, 1), storeCtx: context.WithoutCancel(ctx)}
	analyze(w.items(ctx, docs), w.emit)
	w.flush()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.res, w.err
}

// ingestion is the state of one Ingest. The items are read on the analyzer's goroutine
// and emitted on Ingest's, so inputs and the counts the reader keeps are shared.
type ingestion struct {
	s     *SQLite
	opt   IngestOptions
	batch int
	// storeCtx is Ingest's context without its end: a batch that was analyzed is
	// stored even after an interrupt.
	storeCtx context.Context

	mu     sync.Mutex // guards queue, res, err and the calls of opt.Report
	queue  []queued   // FIFO: one per item handed to the analyzer
	res    IngestResult
	err    error       // the first error of the store
	failed atomic.Bool // err is set: read no more

	// Ingest's goroutine alone: the batch to store, and the outcomes of the items
	// emitted since the last one was stored (entry: the index in entries, or -1).
	entries  []Entry
	outcomes []pendingOutcome
}

type pendingOutcome struct {
	Outcome
	entry int
}

// queued is what the analyzer is not given of an item, or may change: the document's
// input (the analysis replaces its raw bytes with its text) and id.
type queued struct {
	in Input
	id string
}

// items reads docs for the analyzer, leaving out the documents stored already.
func (w *ingestion) items(ctx context.Context, docs iter.Seq2[*document.Document, error]) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		for doc, err := range docs {
			if ctx.Err() != nil || w.failed.Load() {
				return
			}
			w.mu.Lock()
			w.res.Read++
			w.mu.Unlock()
			if err != nil {
				if !w.hand(yield, nil, queued{}, err) {
					return
				}
				continue
			}
			in := NewInput(doc, w.opt.Published)
			if !w.opt.Force {
				hash, events, ok, err := w.s.stored(ctx, doc.ID)
				if err != nil {
					// A store that cannot be read will not be written either; an
					// error that comes of ctx's end is no failure.
					if ctx.Err() == nil {
						w.fail(fmt.Errorf("%s: document %s: %w", w.s.Path(), doc.ID, err))
					}
					return
				}
				if ok && hash == in.Hash {
					w.mu.Lock()
					w.res.Unchanged++
					w.report(Outcome{ID: doc.ID, Status: Unchanged, Events: events})
					w.mu.Unlock()
					continue
				}
			}
			if !w.hand(yield, doc, queued{in, doc.ID}, nil) {
				return
			}
		}
	}
}

// hand gives the analyzer one item, queueing what it needs back.
func (w *ingestion) hand(yield func(*document.Document, error) bool, doc *document.Document, q queued, err error) bool {
	w.mu.Lock()
	w.queue = append(w.queue, q)
	w.mu.Unlock()
	return yield(doc, err)
}

// emit takes what the analyzer made of the oldest item handed to it.
func (w *ingestion) emit(doc *document.Document, errs []error) {
	w.mu.Lock()
	q := w.queue[0]
	w.queue[0] = queued{}
	w.queue = w.queue[1:]
	w.mu.Unlock()
	if w.failed.Load() {
		return
	}
	o := pendingOutcome{Outcome: Outcome{ID: q.id, Errs: errs}, entry: -1}
	if doc != nil {
		o.Events, o.entry = doc.AssertedEvents(), len(w.entries)
		w.entries = append(w.entries, Entry{Doc: doc, Input: q.in})
	}
	w.outcomes = append(w.outcomes, o)
	if len(w.entries) >= w.batch {
		w.flush()
	}
}

// flush stores the batch in one transaction and reports its items.
func (w *ingestion) flush() {
	if w.failed.Load() || len(w.outcomes) == 0 {
		return
	}
	statuses := make([]Status, len(w.entries))
	put, err := w.s.Put(w.storeCtx, w.entries, w.opt.Run, statuses)
	if err != nil {
		w.fail(fmt.Errorf("%s: storing a batch of %d documents: %w", w.s.Path(), len(w.entries), err))
		return
	}
	w.mu.Lock()
	w.res.Created += put.Created
	w.res.Replaced += put.Replaced
	w.res.Events += put.Events
	for _, o := range w.outcomes {
		if o.entry >= 0 {
			o.Status = statuses[o.entry]
			w.res.Analyzed++
		}
		w.res.Errors += len(o.Errs)
		w.report(o.Outcome)
	}
	w.mu.Unlock()
	clear(w.entries)
	w.entries = w.entries[:0]
	clear(w.outcomes)
	w.outcomes = w.outcomes[:0]
}

// fail records the first error of the store.
func (w *ingestion) fail(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
	w.failed.Store(true)
}

// report passes o on; w.mu is held.
func (w *ingestion) report(o Outcome) {
	if w.opt.Report != nil {
		w.opt.Report(o)
	}
}

// stored returns the input hash and the number of events of a stored document, and
// whether it is stored.
func (s *SQLite) stored(ctx context.Context, id string) (hash string, events int, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT hash, events FROM documents WHERE id = ?", id).Scan(&hash, &events)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, false, nil
	}
	return hash, events, err == nil, err
}
