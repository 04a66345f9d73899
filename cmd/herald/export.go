package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/spf13/cobra"

	"herald/document"
	"herald/output"
	"herald/store"
)

// exportFormats are what herald export writes: the event formats of herald code, and two
// tables for analysis tools.
var exportFormats = []string{"jsonl", "gdelt", "plover", "tsv", "csv", "parquet"}

func newExportCmd() *cobra.Command {
	var db, format, out string
	var rowGroup int
	filters := make(map[string]*string, len(store.EventParams))
	c := &cobra.Command{
		Use:   "export --db FILE --format jsonl|gdelt|plover|tsv|csv|parquet [filters]",
		Short: "Write the stored events in an interchange format",
		Long: `export streams the events stored in --db, in date order, to standard output (or --out),
in one of these formats:

  jsonl    the records of herald code (one JSON object a line)
  gdelt    the GDELT 2.0 event table, as herald code --format gdelt
  plover   PLOVER JSON records, as herald code --format plover
  tsv      the readable table of herald code --format tsv
  csv      one row per event with a header row (RFC 4180), the columns of docs/API.md
  parquet  the same columns as csv in an Apache Parquet file (zstd, row groups of
           --row-group events)

An event exported keeps the ids that herald code gave it. The filters are those of the
API's /api/events. Memory stays bounded whatever the number of events: they are read
with one cursor and written as they come.`,
		Example: `  herald export --db events.db --format gdelt > events.gdelt.tsv
  herald export --db events.db --format parquet --out events.parquet --from 1987-03-01 --to 1987-03-31
  herald export --db events.db --format csv --actor USA --quad 4`,
		Args: exactArgs(0, "no arguments (the events come from --db)"),
		RunE: func(c *cobra.Command, _ []string) error {
			if db == "" {
				return usagef("--db: give the database file")
			}
			known := false
			for _, f := range exportFormats {
				known = known || f == format
			}
			if !known {
				return usagef("--format %q: want one of %s", format, strings.Join(exportFormats, ", "))
			}
			if rowGroup < 1 {
				return usagef("--row-group must be at least 1")
			}
			var f store.EventFilter
			for _, p := range store.EventParams {
				name := strings.ReplaceAll(p, "_", "-")
				if c.Flags().Changed(name) {
					if err := f.Set(p, *filters[p]); err != nil {
						return usagef("--%s: %s", name, strings.TrimPrefix(err.Error(), p+": "))
					}
				}
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			s, err := store.Open(db, store.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer s.Close()

			w := c.OutOrStdout()
			var file *os.File
			if out != "" && out != "-" {
				// Written beside the target and renamed at the end, so that an export cut
				// short leaves no truncated file under the name asked for.
				file, err = os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
				if err != nil {
					return err
				}
				defer func() {
					if file != nil {
						file.Close()
						os.Remove(file.Name())
					}
				}()
				w = file
			}
			start := time.Now()
			n, err := exportEvents(ctx, s, f, format, rowGroup, w)
			if err != nil {
				return err
			}
			if file != nil {
				// CreateTemp makes the file private; an export is as readable as any output.
				if err := file.Chmod(0o644); err != nil {
					return err
				}
				if err := file.Close(); err != nil {
					return err
				}
				if err := os.Rename(file.Name(), out); err != nil {
					return err
				}
				file = nil
			}
			fmt.Fprintf(c.ErrOrStderr(), "herald: exported %d events as %s in %.1f s\n", n, format, time.Since(start).Seconds())
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "the SQLite database `FILE` (required)")
	_ = c.MarkFlagRequired("db")
	c.Flags().StringVar(&format, "format", "jsonl", "output format: "+strings.Join(exportFormats, ", "))
	c.Flags().StringVarP(&out, "out", "o", "", "write to this `FILE` instead of standard output")
	c.Flags().IntVar(&rowGroup, "row-group", 16384, "events per Parquet row group (bounds the memory of a parquet export)")
	help := map[string]string{
		"from": "events on or after this `YYYY-MM-DD`", "to": "events on or before this `YYYY-MM-DD`",
		"actor": "events whose source or target code starts with this `CODE`", "source": "events whose source code starts with this `CODE`",
		"target": "events whose target code starts with this `CODE`", "country": "events located in, or with an actor of, this three-letter `CODE`",
		"root": "events of this CAMEO `ROOT` (01-20)", "cameo": "events of this CAMEO `CODE`", "quad": "events of this `QUADCLASS` (1-4)",
		"plover": "events of this PLOVER `CLASS`", "q": "events whose sentence contains all these `WORDS`",
		"min_confidence": "events of at least this `CONFIDENCE` (0-1)",
	}
	for _, p := range store.EventParams {
		filters[p] = c.Flags().String(strings.ReplaceAll(p, "_", "-"), "", help[p])
	}
	return c
}

// exportEvents writes the events f selects in format and returns how many it wrote.
func exportEvents(ctx context.Context, s *store.SQLite, f store.EventFilter, format string, rowGroup int, w io.Writer) (int64, error) {
	var n int64
	var write func(*store.StreamedEvent) error
	var finish func() error
	switch format {
	case "csv":
		bw := bufio.NewWriterSize(w, 1<<16)
		cw := csv.NewWriter(bw)
		if err := cw.Write(exportColumns); err != nil {
			return 0, err
		}
		var rec []string
		write = func(ev *store.StreamedEvent) error {
			rec = newExportRow(ev).strings(rec[:0])
			return cw.Write(rec)
		}
		finish = func() error {
			cw.Flush()
			if err := cw.Error(); err != nil {
				return err
			}
			return bw.Flush()
		}
	case "parquet":
		pw := parquet.NewGenericWriter[exportRow](w,
			parquet.MaxRowsPerRowGroup(int64(rowGroup)),
			parquet.Compression(&parquet.Zstd),
			parquet.CreatedBy("herald", heraldVersion(), ""))
		rows := make([]exportRow, 0, 1024)
		flush := func() error {
			if len(rows) == 0 {
				return nil
			}
			_, err := pw.Write(rows)
			clear(rows)
			rows = rows[:0]
			return err
		}
		write = func(ev *store.StreamedEvent) error {
			rows = append(rows, newExportRow(ev))
			if len(rows) == cap(rows) {
				return flush()
			}
			return nil
		}
		finish = func() error {
			if err := flush(); err != nil {
				return err
			}
			return pw.Close()
		}
	default:
		ow, err := output.NewWriter(w, output.Format(format), false, true)
		if err != nil {
			return 0, usageError{err}
		}
		// The event formats read an event from its document, by its index there: the
		// document is rebuilt with what they need and the event at its own index.
		doc := &document.Document{}
		write = func(ev *store.StreamedEvent) error {
			*doc = document.Document{ID: ev.Doc.ID, Source: ev.Doc.Source, URL: ev.Doc.URL, Title: ev.Doc.Title,
				Published: ev.Doc.Published, Text: ev.Text, Events: grow(doc.Events, ev.Index+1),
				Sentences: grow(doc.Sentences, ev.Event.Sentence+1)}
			doc.Events[ev.Index] = ev.Event
			if ev.Event.Sentence >= 0 {
				doc.Sentences[ev.Event.Sentence] = document.Sentence{Start: ev.SentenceStart, End: ev.SentenceEnd}
			}
			return ow.WriteEvent(doc, ev.Index)
		}
		finish = ow.Flush
	}
	err := s.EachEvent(ctx, f, format == "plover", func(ev *store.StreamedEvent) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted after %d events", n)
		}
		n++
		return write(ev)
	})
	if err != nil {
		return n, err
	}
	return n, finish()
}

// grow returns s with length n, reusing its array.
func grow[T any](s []T, n int) []T {
	if n <= 0 {
		return s[:0]
	}
	if cap(s) < n {
		return make([]T, n, 2*n)
	}
	return s[:n]
}

// exportColumns name the columns of the csv and parquet exports, in order.
var exportColumns = []string{"id", "doc", "sentence", "date", "source", "source_code", "target", "target_code",
	"cameo", "root", "quad", "goldstein", "plover_event", "plover_mode", "plover_context",
	"location", "country", "lat", "lon", "verb", "rule", "negated", "confidence", "url", "sentence_text"}

// exportRow is one event of the csv and parquet exports; the parquet tags give the
// column names (the same as exportColumns) and types.
type exportRow struct {
	ID            string   `parquet:"id"`
	Doc           string   `parquet:"doc,dict"`
	Sentence      int32    `parquet:"sentence"`
	Date          *int32   `parquet:"date,date"` // days since 1970-01-01; null when unknown
	Source        string   `parquet:"source"`
	SourceCode    string   `parquet:"source_code,dict"`
	Target        string   `parquet:"target"`
	TargetCode    string   `parquet:"target_code,dict"`
	CAMEO         string   `parquet:"cameo,dict"`
	Root          string   `parquet:"root,dict"`
	Quad          int32    `parquet:"quad"`
	Goldstein     float64  `parquet:"goldstein"`
	PLOVEREvent   string   `parquet:"plover_event,dict"`
	PLOVERMode    string   `parquet:"plover_mode,dict"`
	PLOVERContext string   `parquet:"plover_context,dict"`
	Location      string   `parquet:"location"`
	Country       string   `parquet:"country,dict"`
	Lat           *float64 `parquet:"lat"`
	Lon           *float64 `parquet:"lon"`
	Verb          string   `parquet:"verb"`
	Rule          string   `parquet:"rule,dict"`
	Negated       bool     `parquet:"negated"`
	Confidence    float64  `parquet:"confidence"`
	URL           string   `parquet:"url"`
	SentenceText  string   `parquet:"sentence_text"`

	date string `parquet:"-"` // as written in csv
}

func newExportRow(ev *store.StreamedEvent) exportRow {
	e := &ev.Event
	r := exportRow{ID: ev.ID, Doc: e.Doc, Sentence: int32(e.Sentence), Source: e.Source.Text, SourceCode: e.Source.Code,
		Target: e.Target.Text, TargetCode: e.Target.Code, CAMEO: e.CAMEO, Root: e.Root, Quad: int32(e.Quad),
		Goldstein: e.Goldstein, PLOVEREvent: e.PLOVER.Event, PLOVERMode: e.PLOVER.Mode, PLOVERContext: e.PLOVER.Context,
		Verb: e.Evidence.Verb, Rule: e.Evidence.Rule, Negated: e.Negated, Confidence: e.Confidence, URL: ev.Doc.URL,
		date: e.Date}
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		days := int32(t.Unix() / 86400)
		r.Date = &days
	}
	if l := e.Location; l != nil {
		r.Location, r.Country = l.Name, l.Country
		lat, lon := l.Lat, l.Lon
		r.Lat, r.Lon = &lat, &lon
	}
	r.SentenceText = ev.Sentence
	return r
}

// strings appends the row's csv fields to rec.
func (r exportRow) strings(rec []string) []string {
	float := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	return append(rec, r.ID, r.Doc, strconv.Itoa(int(r.Sentence)), r.date, r.Source, r.SourceCode, r.Target, r.TargetCode,
		r.CAMEO, r.Root, strconv.Itoa(int(r.Quad)), strconv.FormatFloat(r.Goldstein, 'f', -1, 64),
		r.PLOVEREvent, r.PLOVERMode, r.PLOVERContext, r.Location, r.Country, float(r.Lat), float(r.Lon),
		r.Verb, r.Rule, strconv.FormatBool(r.Negated), strconv.FormatFloat(r.Confidence, 'f', -1, 64), r.URL, r.SentenceText)
}
