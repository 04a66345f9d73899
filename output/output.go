// Package output writes documents and events in the formats of docs/INTERFACES.md:
// JSON lines (the default), indented JSON, and CoNLL-U for the analysis; JSON lines for
// events. Later formats (GDELT 2.0 TSV, PLOVER JSON, the readable table) are added here.
package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"herald/conllu"
	"herald/document"
)

// Format names an output format of `herald analyze` or `herald code`.
type Format string

// Formats known to the writers.
const (
	JSONL  Format = "jsonl"
	CoNLLU Format = "conllu"
)

// AnalyzeFormats and CodeFormats list what each command accepts, for flag validation.
var (
	AnalyzeFormats = []Format{JSONL, CoNLLU}
	CodeFormats    = []Format{JSONL}
)

// Writer encodes documents one after another onto a buffered stream.
type Writer struct {
	w      *bufio.Writer
	format Format
	pretty bool
	events bool
	enc    *json.Encoder
}

// NewWriter returns a Writer of documents (analyze) or, with events set, of the events
// they hold (code).
func NewWriter(w io.Writer, format Format, pretty, events bool) (*Writer, error) {
	allowed := AnalyzeFormats
	if events {
		allowed = CodeFormats
	}
	if !contains(allowed, format) {
		return nil, fmt.Errorf("unknown format %q (want one of %v)", format, allowed)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	return &Writer{w: bw, format: format, pretty: pretty, events: events, enc: enc}, nil
}

// Write encodes one document.
func (w *Writer) Write(doc *document.Document) error {
	if w.events {
		for i := range doc.Events {
			if err := w.enc.Encode(&doc.Events[i]); err != nil {
				return err
			}
		}
		return nil
	}
	switch w.format {
	case CoNLLU:
		return conllu.WriteDocument(w.w, doc)
	default:
		return w.enc.Encode(doc)
	}
}

// Flush writes out what is buffered.
func (w *Writer) Flush() error { return w.w.Flush() }

func contains(list []Format, f Format) bool {
	for _, x := range list {
		if x == f {
			return true
		}
	}
	return false
}
