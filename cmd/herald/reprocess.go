package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"herald/document"
	"herald/store"
)

func newReprocessCmd() *cobra.Command {
	var in inputFlags
	var sf storeFlags
	var ids []string
	c := &cobra.Command{
		Use:   "reprocess --db FILE [flags]",
		Short: "Analyze stored documents again and replace their events",
		Long: `reprocess runs the pipeline again over the documents stored in --db, from the input
each was first analyzed from (its bytes, metadata and publication date), and replaces each
document's analysis, events and entities in one transaction per batch. Use it after an
upgrade of herald's models, lexicon or dictionaries (--dictionaries).

Like ingest, it commits in batches and can be interrupted and run again. It prints the
same summary as ingest; every stored document counts as replaced.`,
		Example: `  herald reprocess --db events.db
  herald reprocess --db events.db --id reuters21578-17 --id reuters21578-18
  herald reprocess --db events.db --dictionaries my-dicts/`,
		Args: exactArgs(0, "no arguments (the documents come from --db)"),
		RunE: func(c *cobra.Command, _ []string) error {
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
			counts, err := s.Counts(ctx)
			if err != nil {
				return err
			}
			p, err := in.pipeline(c.ErrOrStderr())
			if err != nil {
				return err
			}
			r, err := newStoreRun(ctx, s, "reprocess", ids, &sf, c.ErrOrStderr())
			if err != nil {
				return err
			}
			total := counts.Documents
			if len(ids) > 0 {
				total = int64(len(ids))
			}
			r.progress.SetTotal(total)
			// The documents come with their publication date as they were first
			// analyzed: no default applies to them.
			docs := func(yield func(*document.Document, error) bool) {
				after := ""
				for {
					docs, _, err := s.Originals(ctx, after, 256, ids)
					if err != nil {
						if ctx.Err() == nil {
							yield(nil, err)
						}
						return
					}
					if len(docs) == 0 {
						return
					}
					for _, doc := range docs {
						if !yield(doc, nil) {
							return
						}
					}
					after = docs[len(docs)-1].ID
				}
			}
			return r.run(ctx, p, docs, store.IngestOptions{Force: true}, c.OutOrStdout())
		},
	}
	in.register(c)
	_ = c.Flags().MarkHidden("max-doc-bytes") // no documents are read from files
	sf.register(c)
	c.Flags().StringArrayVar(&ids, "id", nil, "reprocess only the document with this `ID` (repeatable)")
	return c
}
