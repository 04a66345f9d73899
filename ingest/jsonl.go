package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"herald/document"
)

// record is one JSONL article. Unknown fields are ignored; "source" (the publisher) is
// read but has no place in Document yet.
type record struct {
	ID        looseString `json:"id"`
	URL       string      `json:"url"`
	Published looseString `json:"published"`
	Source    string      `json:"source"`
	Title     string      `json:"title"`
	Text      string      `json:"text"`
	HTML      string      `json:"html"`
}

// looseString accepts a JSON string, number or null: exports often write ids and
// timestamps as numbers ({"id": 17, "published": 1716200000}).
type looseString string

func (s *looseString) UnmarshalJSON(data []byte) error {
	switch {
	case len(data) == 0 || bytes.Equal(data, []byte("null")):
		*s = ""
	case data[0] == '"':
		var v string
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		*s = looseString(v)
	case data[0] == '-' || ('0' <= data[0] && data[0] <= '9'):
		*s = looseString(data) // json has validated the number already
	default:
		return fmt.Errorf("want a string or a number, got %q", truncate(data, 20))
	}
	return nil
}

// utf8BOM starts some files exported on Windows; JSON forbids it, so it is dropped.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readJSONL yields one document per non-blank line of r, or an *Error naming the line for
// each bad record, and goes on. A read error (a corrupt gzip stream) ends the input.
// It returns false once the consumer has stopped.
func readJSONL(r io.Reader, source string, limit int64, yield func(*document.Document, error) bool) bool {
	lines := lineReader{br: bufio.NewReaderSize(r, 64<<10), limit: limit}
	for {
		line, size, err := lines.next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			// The stream is broken: the partial line is dropped, not guessed at.
			return yield(nil, &Error{Source: source, Line: lines.number, Offset: -1, Err: fmt.Errorf("reading: %w", err)})
		}
		if size > limit {
			if !yield(nil, &Error{Source: source, Line: lines.number, Offset: -1, Err: &TooLargeError{Size: size, Limit: limit}}) {
				return false
			}
			continue
		}
		if lines.number == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		doc, err := decodeRecord(line)
		if err != nil {
			err = &Error{Source: source, Line: lines.number, Offset: -1, Err: err}
		} else {
			doc.Source, doc.Line = source, lines.number
		}
		if !yield(doc, err) {
			return false
		}
	}
}

// decodeRecord turns one JSON line into a document. Text wins over HTML when a record
// has both: it is what the publisher already extracted. HTML is left in Raw, with
// RawHTML set, for Extract.
func decodeRecord(line []byte) (*document.Document, error) {
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		if _, syntax := errors.AsType[*json.SyntaxError](err); syntax {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
		return nil, fmt.Errorf("invalid record: %w", err)
	}
	doc := &document.Document{ID: string(rec.ID), URL: rec.URL, Title: rec.Title}
	switch {
	case rec.Text != "":
		doc.Raw = []byte(rec.Text)
		if doc.ID == "" {
			doc.ID = contentID(rec.Text)
		}
	case rec.HTML != "":
		doc.Raw, doc.RawHTML = []byte(rec.HTML), true
		if doc.ID == "" {
			doc.ID = contentID(rec.HTML)
		}
	default:
		return nil, errors.New(`record has neither "text" nor "html"`)
	}
	if rec.Published != "" {
		date, ok := normalizeDate(string(rec.Published))
		if ok {
			doc.Published = date
		} else {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("ingest: unrecognized published date %q left empty", truncate([]byte(rec.Published), 40)))
		}
	}
	return doc, nil
}

// lineReader splits a stream into lines without ever holding more than limit+1 bytes of
// one: the rest of an overlong line is skipped, only counted, so a 50 MB line costs no
// more memory than a 16 MB one. The line buffer is reused from line to line.
type lineReader struct {
	br     *bufio.Reader
	limit  int64
	buf    []byte
	number int // 1-based number of the line last returned
}

// next returns the next line without its "\n", and its full size in bytes. When size
// exceeds the limit, line holds only a prefix. At the end of the stream it returns io.EOF.
func (lr *lineReader) next() (line []byte, size int64, err error) {
	lr.buf = lr.buf[:0]
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= lr.limit+1 { // +1: the newline does not count against the document
			lr.grow(len(chunk))
			lr.buf = append(lr.buf, chunk...)
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			lr.number++
			return bytes.TrimSuffix(lr.buf, []byte("\n")), size - 1, nil
		case io.EOF:
			if size == 0 {
				return nil, 0, io.EOF
			}
			lr.number++ // a last line without "\n"
			return lr.buf, size, nil
		default:
			lr.number++ // the line the failure interrupted
			return nil, size, err
		}
	}
}

// grow makes room for n more bytes by doubling, never past the limit: append's own
// growth slows to 1.25x for large slices, which would allocate five times the line.
func (lr *lineReader) grow(n int) {
	need := len(lr.buf) + n
	if need <= cap(lr.buf) {
		return
	}
	c := min(max(2*cap(lr.buf), need, 4096), int(min(lr.limit+1, int64(^uint(0)>>1))))
	c = max(c, need)
	buf := make([]byte, len(lr.buf), c)
	copy(buf, lr.buf)
	lr.buf = buf
}

// truncate shortens b to about n bytes for an error message, cutting between runes.
func truncate(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n]) + "…"
}
