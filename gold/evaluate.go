package gold

import (
	"fmt"
	"io"

	"herald/conllu"
	"herald/document"
	"herald/pipeline"
)

// Evaluation is what `herald eval events` reports: the events Herald codes in gold
// sentences, scored; with given trees, the same sentences coded from Herald's own parse
// beside them.
type Evaluation struct {
	// Sentences are the gold sentences scored, of Total the split holds.
	Sentences []Sentence
	Total     int
	// Report scores Herald's events: from the given trees when there are trees, else
	// from Herald's own parse.
	Report *Report
	// Own scores the same sentences coded from Herald's own parse, when trees were
	// given; nil otherwise.
	Own *Report
}

// Evaluate codes the documents of the gold sentences with the pipeline and scores the
// events. With trees (documents read from CoNLL-U, by id; see Code), only the sentences of
// those documents are scored, from the trees and from Herald's own parse.
func Evaluate(c *Corpora, sents []Sentence, p *pipeline.Pipeline, trees map[string]*document.Document) (*Evaluation, error) {
	own, err := Code(c, sents, p, nil)
	if err != nil {
		return nil, err
	}
	if trees == nil {
		return &Evaluation{Sentences: sents, Total: len(sents), Report: Score(sents, own.Events)}, nil
	}
	given, err := Code(c, sents, p, trees)
	if err != nil {
		return nil, err
	}
	skipped := map[string]bool{}
	for _, id := range given.Skipped {
		skipped[id] = true
	}
	var covered []Sentence
	for _, s := range sents {
		if !skipped[s.ID] {
			covered = append(covered, s)
		}
	}
	if len(covered) == 0 {
		return nil, fmt.Errorf("no gold sentence is in a document of the given trees")
	}
	return &Evaluation{Sentences: covered, Total: len(sents), Report: Score(covered, given.Events), Own: Score(covered, own.Events)}, nil
}

// Write writes the report: the measures, the confusion table, at most failures of the
// sentences Herald gets wrong (their text read from the corpora), and the KEY=VALUE line.
func (e *Evaluation) Write(w io.Writer, c *Corpora, name string, failures int) {
	r := e.Report
	if e.Own == nil {
		fmt.Fprintf(w, "gold        %s: %d sentences, %d events in %d of them\n", name, len(e.Sentences), r.Levels[Full].Gold, r.HasEvent.Gold)
		fmt.Fprintf(w, "herald      %d events in %d sentences (Herald's own parse)\n\n", r.Levels[Full].Pred, r.HasEvent.Pred)
		r.WriteTable(w)
	} else {
		fmt.Fprintf(w, "gold        %s: %d of the %d sentences are in documents of the given trees; %d events in %d of them\n",
			name, len(e.Sentences), e.Total, r.Levels[Full].Gold, r.HasEvent.Gold)
		fmt.Fprintf(w, "herald      from the given trees: %d events in %d sentences; from its own parse: %d in %d\n\n",
			r.Levels[Full].Pred, r.HasEvent.Pred, e.Own.Levels[Full].Pred, e.Own.HasEvent.Pred)
		fmt.Fprintln(w, "from the given trees:")
		r.WriteTable(w)
		fmt.Fprintln(w, "\nfrom Herald's own parse, the same sentences:")
		e.Own.WriteTable(w)
	}
	fmt.Fprintln(w, "\nconfusion by root (gold in rows, Herald in columns, - none):")
	r.WriteConfusion(w)
	fmt.Fprintln(w)
	r.WriteWrong(w, c, failures)
	fmt.Fprintln(w)
	summary := r.Summary("")
	if e.Own != nil {
		summary += " " + e.Own.Summary("own_")
	}
	fmt.Fprintln(w, summary)
}

// ReadTrees reads the documents of CoNLL-U files, by id.
func ReadTrees(files []string) (map[string]*document.Document, error) {
	trees := map[string]*document.Document{}
	for _, f := range files {
		for doc, err := range conllu.Documents(f, nil) {
			if err != nil {
				return nil, err
			}
			trees[doc.ID] = doc
		}
	}
	return trees, nil
}
