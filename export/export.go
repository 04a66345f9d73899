// Package export writes the events of the store (package store) in an interchange
// format: the event formats of herald code (jsonl, gdelt, plover, tsv; package output,
// with the same ids), and two tables for analysis tools, csv (RFC 4180, with a header
// row) and parquet (Apache Parquet, zstd). `herald export` and the API's /api/export
// both write through Write.
//
// The events are read with one cursor (store.EachEvent) and written as they come, so
// memory stays bounded whatever their number; only parquet holds a row group.
package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/parquet-go/parquet-go"

	"herald/document"
	"herald/output"
	"herald/store"
)

// Formats are the formats Write knows.
var Formats = []string{"jsonl", "gdelt", "plover", "tsv", "csv", "parquet"}

// Known reports whether format is one of Formats.
func Known(format string) bool { return slices.Contains(Formats, format) }

// ContentType is the media type of a format, for HTTP.
func ContentType(format string) string {
	switch format {
	case "jsonl", "plover":
		return "application/x-ndjson; charset=utf-8"
	case "gdelt", "tsv":
		return "text/tab-separated-values; charset=utf-8"
	case "csv":
		return "text/csv; charset=utf-8; header=present"
	case "parquet":
		return "application/vnd.apache.parquet"
	}
	return "application/octet-stream"
}

// Extension is the file name extension of a format ("csv", "gdelt.tsv").
func Extension(format string) string {
	switch format {
	case "gdelt":
		return "gdelt.tsv"
	case "plover":
		return "plover.jsonl"
	}
	return format
}

// Options tune Write.
type Options struct {
	// RowGroup is the number of events per Parquet row group (DefaultRowGroup when 0);
	// it bounds the memory of a parquet export.
	RowGroup int
	// CreatedBy names the writing program and its version in a Parquet file's metadata.
	CreatedBy, Version string
}

// DefaultRowGroup is the Parquet row group size when Options.RowGroup is 0.
const DefaultRowGroup = 16384

// Write writes the events f selects in format to w and returns how many it wrote. An
// error may come after some of them were written.
func Write(ctx context.Context, s *store.SQLite, f store.EventFilter, format string, opt Options, w io.Writer) (int64, error) {
	if !Known(format) {
		return 0, fmt.Errorf("unknown export format %q", format)
	}
	if opt.RowGroup <= 0 {
		opt.RowGroup = DefaultRowGroup
	}
	var n int64
	var write func(*store.StreamedEvent) error
	var finish func() error
	switch format {
	case "csv":
		bw := bufio.NewWriterSize(w, 1<<16)
		cw := csv.NewWriter(bw)
		if err := cw.Write(Columns); err != nil {
			return 0, err
		}
		var rec []string
		write = func(ev *store.StreamedEvent) error {
			rec = NewRow(ev).Strings(rec[:0])
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
		pw := parquet.NewGenericWriter[Row](w,
			parquet.MaxRowsPerRowGroup(int64(opt.RowGroup)),
			parquet.Compression(&parquet.Zstd),
			parquet.CreatedBy(opt.CreatedBy, opt.Version, ""))
		rows := make([]Row, 0, 1024)
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
			rows = append(rows, NewRow(ev))
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
			return 0, err
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
			return fmt.Errorf("interrupted after %d events: %w", n, err)
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

// Columns name the columns of the csv and parquet exports, in order.
var Columns = []string{"id", "doc", "sentence", "date", "source", "source_code", "target", "target_code",
	"cameo", "root", "quad", "goldstein", "plover_event", "plover_mode", "plover_context",
	"location", "country", "lat", "lon", "verb", "rule", "negated", "confidence", "url", "sentence_text"}

// Row is one event of the csv and parquet exports; the parquet tags give the column
// names (the same as Columns) and types.
type Row struct {
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

// NewRow makes the row of one streamed event.
func NewRow(ev *store.StreamedEvent) Row {
	e := &ev.Event
	r := Row{ID: ev.ID, Doc: e.Doc, Sentence: int32(e.Sentence), Source: e.Source.Text, SourceCode: e.Source.Code,
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

// Strings appends the row's csv fields to rec.
func (r Row) Strings(rec []string) []string {
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
