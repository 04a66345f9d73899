// Package output writes documents and events in the formats of docs/INTERFACES.md:
// JSON lines (the default), indented JSON, and CoNLL-U for the analysis; for the events,
// JSON lines, a readable table (tsv.go), the GDELT 2.0 event table (gdelt.go) and PLOVER
// JSON records (plover.go). The GDELT and PLOVER writers read the CAMEO codebook (package
// cameo) to split actor codes and to fill what the coder left unset.
//
// Every format is deterministic: the same documents give the same bytes, so no field
// holds the clock.
package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"herald/cameo"
	"herald/conllu"
	"herald/document"
)

// Format names an output format of `herald analyze` or `herald code`.
type Format string

// Formats known to the writers.
const (
	JSONL  Format = "jsonl"
	CoNLLU Format = "conllu"
	// TSV is a readable table of events with a header row.
	TSV Format = "tsv"
	// GDELT is the GDELT 2.0 event table: 61 tab-separated columns, no header.
	GDELT Format = "gdelt"
	// PLOVER is PLOVER JSON records, one a line.
	PLOVER Format = "plover"
)

// AnalyzeFormats and CodeFormats list what each command accepts, for flag validation.
var (
	AnalyzeFormats = []Format{JSONL, CoNLLU}
	CodeFormats    = []Format{JSONL, TSV, GDELT, PLOVER}
)

// Writer encodes documents one after another onto a buffered stream.
type Writer struct {
	w      *bufio.Writer
	format Format
	pretty bool
	events bool
	enc    *json.Encoder
	// codebook is loaded for the formats that need it (gdelt, plover).
	codebook *cameo.Codebook
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
	wr := &Writer{w: bw, format: format, pretty: pretty, events: events, enc: enc}
	if events && (format == GDELT || format == PLOVER) {
		cb, err := cameo.Embedded()
		if err != nil {
			return nil, err
		}
		wr.codebook = cb
	}
	if events && format == TSV {
		// The header goes out even when no document has an event, so the output is
		// always a table.
		wr.writeTSVHeader()
	}
	return wr, nil
}

// Write encodes one document.
func (w *Writer) Write(doc *document.Document) error {
	if w.events {
		switch w.format {
		case TSV:
			return w.writeTSV(doc)
		case GDELT:
			return w.writeGDELT(doc)
		case PLOVER:
			return w.writePLOVER(doc)
		}
		for i := range doc.Events {
			if !doc.Events[i].Asserted() {
				continue
			}
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
