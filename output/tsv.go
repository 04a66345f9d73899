package output

import (
	"strconv"
	"strings"

	"herald/document"
)

// The tsv format is a table to read, not an interchange format: a header row, then one
// row per event with the fields of the jsonl record that matter when reading, in the
// order one reads an event (who, did what, to whom, where, on what evidence).
var tsvColumns = []string{
	"doc", "sentence", "date",
	"source", "source_code", "cameo", "target", "target_code",
	"root", "quad", "goldstein", "plover_event", "plover_mode", "plover_context",
	"location", "verb", "rule", "negated", "confidence",
}

// TSVColumns lists the names of the tsv format's columns, as its header row gives them.
func TSVColumns() []string { return append([]string(nil), tsvColumns...) }

func (w *Writer) writeTSVHeader() {
	w.w.WriteString(strings.Join(tsvColumns, "\t"))
	w.w.WriteByte('\n')
}

func (w *Writer) writeTSV(doc *document.Document) error {
	for i := range doc.Events {
		if !doc.Events[i].Asserted() {
			continue // negated and hypothetical acts are no event data
		}
		if err := w.writeTSVEvent(doc, i); err != nil {
			return err
		}
	}
	return nil
}

// writeTSVEvent writes the row of doc's i-th event.
func (w *Writer) writeTSVEvent(doc *document.Document, i int) error {
	ev := &doc.Events[i]
	loc := ""
	if l := ev.Location; l != nil {
		loc = l.Name
		if l.Country != "" {
			loc += " (" + l.Country + ")"
		}
	}
	row := []string{
		ev.Doc, strconv.Itoa(ev.Sentence), ev.Date,
		ev.Source.Text, ev.Source.Code, ev.CAMEO, ev.Target.Text, ev.Target.Code,
		ev.Root, strconv.Itoa(ev.Quad), strconv.FormatFloat(ev.Goldstein, 'f', -1, 64),
		ev.PLOVER.Event, ev.PLOVER.Mode, ev.PLOVER.Context,
		loc, ev.Evidence.Verb, ev.Evidence.Rule, strconv.FormatBool(ev.Negated),
		strconv.FormatFloat(ev.Confidence, 'f', -1, 64),
	}
	for k, v := range row {
		if k > 0 {
			w.w.WriteByte('\t')
		}
		w.w.WriteString(field(v))
	}
	return w.w.WriteByte('\n')
}
