package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"herald/export"
	"herald/store"
)

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
			if !export.Known(format) {
				return usagef("--format %q: want one of %s", format, strings.Join(export.Formats, ", "))
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
			n, err := export.Write(ctx, s, f, format, export.Options{RowGroup: rowGroup, CreatedBy: "herald", Version: heraldVersion()}, w)
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
	c.Flags().StringVar(&format, "format", "jsonl", "output format: "+strings.Join(export.Formats, ", "))
	c.Flags().StringVarP(&out, "out", "o", "", "write to this `FILE` instead of standard output")
	c.Flags().IntVar(&rowGroup, "row-group", export.DefaultRowGroup, "events per Parquet row group (bounds the memory of a parquet export)")
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
