package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"herald/document"
	"herald/ingest"
	"herald/pipeline"
	"herald/store"
	"herald/timex"
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
every few seconds. At the end it prints a summary, whose last line is KEY=VALUE pairs, and
one warning that counts the documents left without a date (no publication date or --date,
and no year in the dateline), whose events are undated.`,
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
			return r.run(ctx, p, ingest.Documents(args, opt), store.IngestOptions{Published: in.date}, c.OutOrStdout())
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

// storeRun is a run of ingest or reprocess: store.SQLite.Ingest with the pipeline, a
// record in the store's runs, progress on stderr and the summary.
type storeRun struct {
	s        *store.SQLite
	id       int64
	kind     string
	flags    *storeFlags
	progress *progress
	log      *slog.Logger

	// The counts are read by the progress log lines as they change.
	unchanged, created, replaced, events, errors atomic.Int64
	// undated counts the documents analyzed that have no date: one warning at the end
	// says how many, where one line each would bury the progress.
	undated atomic.Int64
}

func newStoreRun(ctx context.Context, s *store.SQLite, kind string, args []string, f *storeFlags, stderr io.Writer) (*storeRun, error) {
	id, err := s.BeginRun(ctx, kind, heraldVersion(), args)
	if err != nil {
		return nil, fmt.Errorf("%s: recording the run: %w", s.Path(), err)
	}
	r := &storeRun{s: s, id: id, kind: kind, flags: f, log: newLogger(stderr)}
	r.progress = newProgress(stderr, kind, f.logEvery, r.status)
	return r, nil
}

// status describes the counts so far, for the progress log lines.
func (r *storeRun) status() string {
	return fmt.Sprintf("%d new, %d replaced, %d unchanged, %d events, %d errors",
		r.created.Load(), r.replaced.Load(), r.unchanged.Load(), r.events.Load(), r.errors.Load())
}

// report counts what became of one item, for the progress lines, and prints its errors.
func (r *storeRun) report(o store.Outcome) {
	for _, e := range o.Errs {
		r.progress.Println("herald:", e)
		r.errors.Add(1)
	}
	switch o.Status {
	case store.Created:
		r.created.Add(1)
	case store.Replaced:
		r.replaced.Add(1)
	case store.Unchanged:
		r.unchanged.Add(1)
	}
	if o.Status != store.Unchanged {
		r.events.Add(int64(o.Events))
	}
	r.progress.Add(1)
}

// analyzer runs p over documents for store.SQLite.Ingest, counting those left undated.
func (r *storeRun) analyzer(p *pipeline.Pipeline) store.Analyzer {
	return func(docs iter.Seq2[*document.Document, error], emit func(*document.Document, []error)) {
		p.Run(docs, func(res pipeline.Result) {
			if res.Doc != nil && timex.Undated(res.Doc) != "" {
				r.undated.Add(1)
			}
			emit(res.Doc, res.Errs)
		})
	}
}

// run analyzes and stores docs (store.SQLite.Ingest with opt, the run's batch size and
// id), then records the run and prints the summary.
func (r *storeRun) run(ctx context.Context, p *pipeline.Pipeline, docs iter.Seq2[*document.Document, error], opt store.IngestOptions, stdout io.Writer) error {
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
	opt.Batch, opt.Run, opt.Report = r.flags.batch, r.id, r.report
	res, fatal := r.s.Ingest(ctx, docs, r.analyzer(p), opt)
	elapsed := time.Since(start)
	r.progress.Stop()
	if n := r.undated.Load(); n > 0 {
		r.log.Warn(fmt.Sprintf("%d of the %d documents analyzed have no date (no publication date, and no dateline with a year): their events are undated; --date gives them one",
			n, res.Analyzed), "undated", n)
	}

	stats := store.RunStats{Documents: int64(res.Read), Created: int64(res.Created), Replaced: int64(res.Replaced),
		Unchanged: int64(res.Unchanged), Events: int64(res.Events), Errors: int64(res.Errors)}
	status := store.RunDone
	if fatal != nil {
		status = store.RunFailed
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
	rate := float64(res.Analyzed) / max(elapsed.Seconds(), 1e-9)
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
