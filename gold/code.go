package gold

import (
	"errors"
	"fmt"

	"herald/document"
	"herald/pipeline"
)

// Coded are the events Herald coded in gold sentences, by sentence id, and the gold
// sentences it could not code (their document missing from the trees it was given).
type Coded struct {
	Events  map[string][]Event
	Skipped []string
}

// Code runs the pipeline over the documents of the gold sentences, each document once,
// and collects the events whose evidence lies in each gold sentence: every event the
// pipeline writes, as `herald code` writes them.
//
// With trees nil each document is read from its corpus as raw text, as `herald code`
// reads it (Herald segments, tags and parses it). Otherwise trees holds documents read
// from CoNLL-U (conllu.DocumentReader), by id: the pipeline takes their sentences and
// trees as given, and a gold sentence whose document is not among them is skipped. The
// offsets of the gold sentences are mapped onto the text the pipeline worked on, which
// clean may have changed.
func Code(c *Corpora, sents []Sentence, p *pipeline.Pipeline, trees map[string]*document.Document) (*Coded, error) {
	type job struct {
		rec   *Record
		doc   *document.Document
		sents []*Sentence
	}
	var jobs []*job
	byDoc := map[string]*job{}
	out := &Coded{Events: map[string][]Event{}}
	for i := range sents {
		s := &sents[i]
		k := s.Corpus + "\x00" + s.Doc
		j, ok := byDoc[k]
		if !ok {
			rec, err := c.Document(s.Corpus, s.Doc)
			if err != nil {
				return nil, err
			}
			j = &job{rec: rec}
			if trees == nil {
				j.doc = rec.Raw()
			} else if t, ok := trees[s.Doc]; ok {
				j.doc = t
			}
			byDoc[k] = j
			if j.doc != nil {
				jobs = append(jobs, j)
			}
		}
		if j.doc == nil {
			out.Skipped = append(out.Skipped, s.ID)
			continue
		}
		j.sents = append(j.sents, s)
	}
	var errs []error
	n := 0
	p.Run(func(yield func(*document.Document, error) bool) {
		for _, j := range jobs {
			if !yield(j.doc, nil) {
				return
			}
		}
	}, func(r pipeline.Result) {
		j := jobs[n]
		n++
		if r.Doc == nil {
			errs = append(errs, fmt.Errorf("%s %s: %w", j.rec.Corpus, j.rec.Doc, errors.Join(r.Errs...)))
			return
		}
		a := newAligner(j.rec.Text, r.Doc.Text)
		for _, s := range j.sents {
			start, end, ok := a.span(s.Start, s.End)
			if !ok {
				errs = append(errs, fmt.Errorf("%s: %s %s %d-%d: the sentence is not in the text the pipeline made", s.ID, s.Corpus, s.Doc, s.Start, s.End))
				continue
			}
			var events []Event
			for _, e := range r.Doc.Events {
				if e.Asserted() && e.Evidence.Start >= start && e.Evidence.Start < end {
					events = append(events, Event{Source: e.Source.Code, Target: e.Target.Code, CAMEO: e.CAMEO, PLOVER: e.PLOVER.Event, Words: e.Evidence.Verb})
				}
			}
			out.Events[s.ID] = events
		}
	})
	return out, errors.Join(errs...)
}
