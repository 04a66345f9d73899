package ingest

import (
	"fmt"
	"strconv"
)

// Error is a problem with one input or one record; the batch goes on without it.
type Error struct {
	Source string // the input path, or "-" for standard input
	Line   int    // 1-based line of a JSONL record, else 0
	Offset int64  // byte offset in the input, -1 when unknown or not meaningful
	Err    error
}

// Error reads "path: what", "path:12: what" for a JSONL record, or "path@1234: what"
// when a byte offset is known.
func (e *Error) Error() string {
	where := e.Source
	switch {
	case e.Line > 0:
		where += ":" + strconv.Itoa(e.Line)
	case e.Offset >= 0:
		where += "@" + strconv.FormatInt(e.Offset, 10)
	}
	return where + ": " + e.Err.Error()
}

// Unwrap returns the underlying error, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// TooLargeError reports a document over Options.MaxDocBytes.
type TooLargeError struct {
	Size  int64 // the document's size, -1 when reading stopped at the limit
	Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return "document exceeds the " + formatBytes(e.Limit) + " per-document limit (--max-doc-bytes)"
	}
	return fmt.Sprintf("%d bytes exceeds the %s per-document limit (--max-doc-bytes)", e.Size, formatBytes(e.Limit))
}

// formatBytes writes n in the unit a user would have typed: "16 MiB", "512 KiB", "1000 bytes".
func formatBytes(n int64) string {
	switch {
	case n > 0 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n > 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n > 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
