package main

import (
	"fmt"
	"io"
	"iter"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"herald/conllu"
	"herald/document"
	"herald/ingest"
	"herald/output"
	"herald/pipeline"
	"herald/timex"
)

// inputFlags are shared by every command that reads documents.
type inputFlags struct {
	dictionaries string
	date         string
	workers      int
	maxDocBytes  int64
	today        string
	// conllu is a CoNLL-U file ("-": stdin) whose sentences and trees are read instead of
	// the inputs.
	conllu string
	// eventsOnly: the command prints events, so sentences that can hold none need no
	// parse (pipeline.Options.EventsOnly).
	eventsOnly bool
}

func (f *inputFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.date, "date", "", "publication date `YYYY-MM-DD` for documents that carry none; anchors relative dates and gives a dateline without a year its year (without it such a document is undated)")
	c.Flags().IntVar(&f.workers, "workers", 0, "documents processed in parallel (0: one per CPU)")
	c.Flags().Int64Var(&f.maxDocBytes, "max-doc-bytes", 16<<20, "largest document accepted, in bytes")
	// --today once bounded the years Herald inferred for datelines without one. It infers
	// none now (an undated story stays undated), and the flag is kept only so that old
	// command lines still run.
	c.Flags().StringVar(&f.today, "today", "", "ignored: kept for old command lines")
	_ = c.Flags().MarkHidden("today")
	c.Flags().StringVar(&f.dictionaries, "dictionaries", "", "code actors with the PETRARCH-format dictionaries of this `DIR` instead of the embedded ones")
	c.Flags().StringVar(&f.conllu, "conllu", "", "read sentences and trees from this CoNLL-U `FILE` (- for standard input) instead of segmenting, tagging and parsing the inputs")
}

// inputsRequired rejects a command line without inputs as a usage error, and one with
// inputs besides --conllu.
func (f *inputFlags) inputsRequired(c *cobra.Command, args []string) error {
	if f.conllu != "" {
		if len(args) > 0 {
			return usagef("%s: --conllu %s is the input: give no other (see %s --help)", c.CommandPath(), f.conllu, c.CommandPath())
		}
		return nil
	}
	return argsRequired("files, directories, - or --conllu FILE")(c, args)
}

// documents are the documents the command reads: the inputs, or the --conllu file.
func (f *inputFlags) documents(stdin io.Reader, inputs []string) iter.Seq2[*document.Document, error] {
	if f.conllu != "" {
		return conllu.Documents(f.conllu, stdin)
	}
	return ingest.Documents(inputs, ingest.Options{MaxDocBytes: f.maxDocBytes, Stdin: stdin})
}

func (f *inputFlags) pipeline(stderr io.Writer) (*pipeline.Pipeline, error) {
	opt := pipeline.Options{Published: f.date, Workers: f.workers, EventsOnly: f.eventsOnly}
	if f.dictionaries != "" {
		l, warnings, err := compileLexicon(f.dictionaries)
		if err != nil {
			return nil, fmt.Errorf("--dictionaries: %w", err)
		}
		for _, w := range warnings {
			fmt.Fprintln(stderr, "herald: warning:", w)
		}
		opt.Lexicon = l
	}
	if f.date != "" {
		if _, err := time.Parse("2006-01-02", f.date); err != nil {
			return nil, usagef("--date %q: want YYYY-MM-DD", f.date)
		}
	}
	return pipeline.New(opt)
}

// processInputs runs the pipeline over the inputs, writes each document with out, and
// prints every diagnostic on stderr as it comes, and a warning for each document left
// without a date. It returns errReported when any input was bad, after the whole batch
// has been processed; an undated document is not bad.
func processInputs(c *cobra.Command, stdin io.Reader, inputs []string, f *inputFlags, out *output.Writer) error {
	p, err := f.pipeline(c.ErrOrStderr())
	if err != nil {
		return err
	}
	stderr := c.ErrOrStderr()
	log := newLogger(stderr)
	bad := false
	var writeErr error
	p.Run(f.documents(stdin, inputs), func(r pipeline.Result) {
		for _, e := range r.Errs {
			fmt.Fprintln(stderr, "herald:", e)
			bad = true
		}
		if r.Doc != nil {
			if why := timex.Undated(r.Doc); why != "" {
				log.Warn(fmt.Sprintf("doc %s: %s; events undated", r.Doc.ID, why), "where", r.Doc.Where())
			}
		}
		if r.Doc != nil && writeErr == nil {
			writeErr = out.Write(r.Doc)
		}
	})
	if err := out.Flush(); writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return fmt.Errorf("writing output: %w", writeErr)
	}
	if bad {
		return errReported
	}
	return nil
}

// newLogger writes warnings to w as slog text lines without the time, so that the same
// input gives the same stderr.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
}
