package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"herald/document"
	"herald/ingest"
	"herald/pipeline"
	"herald/store"
)

func newIngestCmd(stdin io.Reader) *cobra.Command {
	var in inputFlags
	var sf storeFlags
	c := &cobra.Command{
		Use:   "ingest --db FILE [flags] FILE|DIR|- ...",
		Short: "Analyze articles and store documents and events in a SQLite database",
		Long: `ingest reads the same inputs as analyze, runs the pipeline over them in parallel and
stores each document (its metadata, text, input and full analysis), its events and its
entities in the SQLite database --db, created if it does not exist.

It is safe to interrupt and to run again: documents are committed in batches, each batch
whole or not at all, and a document already stored with the same id and content is not
analyzed again, so a second run over the same inputs adds nothing. A document whose
content changed is analyzed again and its events are replaced. To analyze stored
documents again after an upgrade of herald, use herald reprocess.

On a terminal it shows a progress bar (documents/s, time left); otherwise it logs a line
every few seconds. At the end it prints a summary, whose last line is KEY=VALUE pairs.`,
		Example: `  herald ingest --db events.db ../shared/data/news/reuters21578.jsonl.gz examples/
  herald ingest --db events.db --date 2024-05-20 articles/`,
		Args: argsRequired("files, directories or -"),
		RunE: func(c *cobra.Command, args []string) error {
			if err := sf.check(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			s, err := store.Open(sf.db, store.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			p, err := in.pipeline(c.ErrOrStderr())
			if err != nil {
				return err
			}
			r, err := newStoreRun(ctx, s, "ingest", args, &sf, c.ErrOrStderr())
			if err != nil {
				return err
			}
			opt := ingest.Options{MaxDocBytes: in.maxDocBytes, Stdin: stdin}
			if r.progress.bar != nil && !slices.Contains(args, "-") {
				// The bar's ETA needs a total: count the inputs while the work starts.
				// Standard input can be read only once, so it is never counted.
				go func() {
					var n int64
					for range ingest.Documents(args, opt) {
						if ctx.Err() != nil {
							return
						}
						n++
					}
					r.progress.SetTotal(n)
				}()
			}
			items := func(yield func(*document.Document, error) bool) {
				for doc, err := range ingest.Documents(args, opt) {
					if ctx.Err() != nil || r.failed() {
						return
					}
					if err != nil {
						r.read.Add(1)
						if !r.yield(yield, nil, store.Input{}, err) {
							return
						}
						continue
					}
					r.read.Add(1)
					input := store.NewInput(doc, in.date)
					if h, ok, err := s.Hash(ctx, doc.ID); err == nil && ok && h == input.Hash {
						r.unchanged.Add(1)
						r.progress.Add(1)
						continue
					}
					if !r.yield(yield, doc, input, nil) {
						return
					}
				}
			}
			return r.run(ctx, p, items, c.OutOrStdout())
		},
	}
	in.register(c)
	sf.register(c)
	return c
}

// storeFlags are the flags of the commands that write to the store.
type storeFlags struct {
	db       string
	batch    int
	logEvery time.Duration
	cpuProf  string
}

func (f *storeFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.db, "db", "", "the SQLite database `FILE` (required)")
	_ = c.MarkFlagRequired("db")
	c.Flags().IntVar(&f.batch, "batch", 64, "documents committed per transaction")
	c.Flags().DurationVar(&f.logEvery, "log-every", 5*time.Second, "how often to log progress when stderr is not a terminal")
	_ = c.Flags().MarkHidden("log-every")
	c.Flags().StringVar(&f.cpuProf, "cpuprofile", "", "write a CPU profile to this `FILE` (go tool pprof)")
	_ = c.Flags().MarkHidden("cpuprofile")
}

func (f *storeFlags) check() error {
	if f.db == "" {
		return usagef("--db: give the database file")
	}
	if f.batch < 1 {
		return usagef("--batch must be at least 1")
	}
	return nil
}

// storeRun runs the pipeline over documents and stores the results in batches, for
// ingest and reprocess. The items it is given carry their store.Input through a queue in
// input order, since the pipeline replaces a document's raw bytes with its text.
type storeRun struct {
	s        *store.SQLite
	id       int64
	kind     string
	flags    *storeFlags
	progress *progress

	mu     sync.Mutex
	inputs []store.Input // FIFO: one per item handed to the pipeline

	// The counts are read by the progress log lines as they change.
	read, unchanged, created, replaced, events, errors atomic.Int64
	docsAnalyzed                                       int64
	fatal                                              atomic.Pointer[error]
	batch                                              []store.Entry
}

func newStoreRun(ctx context.Context, s *store.SQLite, kind string, args []string, f *storeFlags, stderr io.Writer) (*storeRun, error) {
	id, err := s.BeginRun(ctx, kind, heraldVersion(), args)
	if err != nil {
		return nil, fmt.Errorf("%s: recording the run: %w", s.Path(), err)
	}
	r := &storeRun{s: s, id: id, kind: kind, flags: f}
	r.progress = newProgress(stderr, kind, f.logEvery, r.status)
	return r, nil
}

// status describes the counts so far, for the progress log lines.
func (r *storeRun) status() string {
	return fmt.Sprintf("%d new, %d replaced, %d unchanged, %d events, %d errors",
		r.created.Load(), r.replaced.Load(), r.unchanged.Load(), r.events.Load(), r.errors.Load())
}

func (r *storeRun) failed() bool { return r.fatal.Load() != nil }

// yield hands one item to the pipeline, queueing its input.
func (r *storeRun) yield(yield func(*document.Document, error) bool, doc *document.Document, in store.Input, err error) bool {
	r.mu.Lock()
	r.inputs = append(r.inputs, in)
	r.mu.Unlock()
	return yield(doc, err)
}

func (r *storeRun) pop() store.Input {
	r.mu.Lock()
	defer r.mu.Unlock()
	in := r.inputs[0]
	r.inputs[0] = store.Input{}
	r.inputs = r.inputs[1:]
	return in
}

// flush commits the batch. It runs to the end even after an interrupt: a batch whose
// documents were analyzed is worth keeping.
func (r *storeRun) flush() {
	if len(r.batch) == 0 || r.failed() {
		return
	}
	res, err := r.s.Put(context.Background(), r.batch, r.id, nil)
	if err != nil {
		err = fmt.Errorf("%s: storing a batch of %d documents: %w", r.s.Path(), len(r.batch), err)
		r.fatal.Store(&err)
		return
	}
	r.created.Add(int64(res.Created))
	r.replaced.Add(int64(res.Replaced))
	r.events.Add(int64(res.Events))
	clear(r.batch)
	r.batch = r.batch[:0]
}

// run processes items and stores them, then records the run and prints the summary.
func (r *storeRun) run(ctx context.Context, p *pipeline.Pipeline, items iter.Seq2[*document.Document, error], stdout io.Writer) error {
	if r.flags.cpuProf != "" {
		f, err := os.Create(r.flags.cpuProf)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	p.Run(items, func(res pipeline.Result) {
		in := r.pop()
		for _, e := range res.Errs {
			r.progress.Println("herald:", e)
			r.errors.Add(1)
		}
		r.progress.Add(1)
		if res.Doc == nil {
			return
		}
		r.docsAnalyzed++
		r.batch = append(r.batch, store.Entry{Doc: res.Doc, Input: in})
		if len(r.batch) >= r.flags.batch {
			r.flush()
		}
	})
	r.flush()
	elapsed := time.Since(start)
	r.progress.Stop()

	stats := store.RunStats{Documents: r.read.Load(), Created: r.created.Load(), Replaced: r.replaced.Load(),
		Unchanged: r.unchanged.Load(), Events: r.events.Load(), Errors: r.errors.Load()}
	status := store.RunDone
	var fatal error
	if e := r.fatal.Load(); e != nil {
		fatal, status = *e, store.RunFailed
	} else if ctx.Err() != nil {
		status = store.RunInterrupted
	}
	if err := r.s.FinishRun(context.Background(), r.id, status, stats); err != nil && fatal == nil {
		fatal = fmt.Errorf("%s: recording the run: %w", r.s.Path(), err)
	}
	if fatal == nil {
		if err := r.s.Optimize(context.Background()); err != nil {
			fatal = fmt.Errorf("%s: %w", r.s.Path(), err)
		}
	}
	counts, cerr := r.s.Counts(context.Background())
	if fatal == nil && cerr != nil {
		fatal = cerr
	}
	if fatal != nil {
		return fatal
	}
	if err := r.s.Close(); err != nil { // checkpoints the log, so the file size is final
		return err
	}
	size := fileSize(r.s.Path()) + fileSize(r.s.Path()+"-wal")
	rate := float64(r.docsAnalyzed) / max(elapsed.Seconds(), 1e-9)
	fmt.Fprintf(stdout, "documents  %d read: %d new, %d replaced, %d unchanged\n", stats.Documents, stats.Created, stats.Replaced, stats.Unchanged)
	fmt.Fprintf(stdout, "events     %d stored\n", stats.Events)
	fmt.Fprintf(stdout, "errors     %d\n", stats.Errors)
	fmt.Fprintf(stdout, "time       %.1f s, %.1f documents/s analyzed\n", elapsed.Seconds(), rate)
	fmt.Fprintf(stdout, "database   %s: %.1f MB, %d documents, %d events\n", r.s.Path(), float64(size)/1e6, counts.Documents, counts.Events)
	fmt.Fprintf(stdout, "documents=%d new=%d replaced=%d unchanged=%d events=%d errors=%d docs_per_s=%.1f db_documents=%d db_events=%d db_mb=%.1f\n",
		stats.Documents, stats.Created, stats.Replaced, stats.Unchanged, stats.Events, stats.Errors, rate, counts.Documents, counts.Events, float64(size)/1e6)
	if status == store.RunInterrupted {
		return fmt.Errorf("interrupted: what was analyzed is stored; run the same command again to go on")
	}
	if stats.Errors > 0 {
		return errReported
	}
	return nil
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}
