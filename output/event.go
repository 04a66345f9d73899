package output

import (
	"errors"
	"fmt"

	"herald/document"
)

// WriteEvent writes doc's i-th event alone, exactly as Write writes it among the others
// of its document: the GDELT and PLOVER ids are computed from the event's index in the
// document, so an event read back from the store (herald export) keeps the id that
// herald code gave it. doc needs the fields the format reads: ID, Source, URL, Title and
// Published, and for PLOVER the Text and the span of the event's sentence. A negated or
// hypothetical event writes nothing.
func (w *Writer) WriteEvent(doc *document.Document, i int) error {
	if !w.events {
		return errors.New("output: WriteEvent on a writer of documents")
	}
	if i < 0 || i >= len(doc.Events) {
		return fmt.Errorf("output: document %s has no event %d", doc.ID, i)
	}
	if !doc.Events[i].Asserted() {
		return nil // negated and hypothetical acts are no event data, as in Write
	}
	switch w.format {
	case TSV:
		return w.writeTSVEvent(doc, i)
	case GDELT:
		return w.writeGDELTEvent(doc, i)
	case PLOVER:
		return w.writePLOVEREvent(doc, i)
	}
	return w.enc.Encode(&doc.Events[i])
}
