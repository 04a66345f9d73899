// Package ingest turns Herald's inputs into documents that carry raw bytes and metadata.
// It is the first stage of the pipeline: it reads files, directories, standard input,
// JSON Lines archives and HTML pages, and fills Document.ID, Source, Line, URL, Title,
// Published and Raw. It does no cleaning: the clean stage turns Raw into Text.
//
// Documents only reads: an HTML page comes out whole, with Document.RawHTML set, and
// Extract, which the pipeline runs on its workers, reduces it to the article text.
//
// Inputs follow docs/INTERFACES.md:
//   - a directory is walked recursively in lexical order, skipping hidden entries;
//   - "-" is standard input, read whole;
//   - ".jsonl", ".ndjson" (optionally gzipped) hold one JSON article per line, in the
//     JSON Lines format: {"id","url","published","source","title","text","html"};
//   - ".html"/".htm" pages (and "html" records) go through go-trafilatura in Extract,
//     which keeps the article body;
//   - ".gz" of any of these is decompressed on the fly;
//   - anything else is raw bytes in whatever encoding it arrives in.
//
// A bad input or record yields an *Error and the batch goes on with the rest.
package ingest

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"herald/document"
)

// DefaultMaxDocBytes is the per-document limit when Options.MaxDocBytes is 0.
const DefaultMaxDocBytes = 16 << 20

// Options configures Documents.
type Options struct {
	// MaxDocBytes caps one document (a file, a stdin stream, or one JSONL line);
	// DefaultMaxDocBytes when 0. A larger document is an error for that document only.
	MaxDocBytes int64
	// Stdin is read for the input "-"; the CLI passes os.Stdin.
	Stdin io.Reader
}

func (o Options) maxDocBytes() int64 {
	if o.MaxDocBytes <= 0 {
		return DefaultMaxDocBytes
	}
	return o.MaxDocBytes
}

// Documents yields every document of the inputs in a stable order, or an *Error for each
// bad input or record, then goes on with the rest. It stops early if the consumer stops.
func Documents(inputs []string, opt Options) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		in := &ingester{limit: opt.maxDocBytes(), stdin: opt.Stdin, yield: yield}
		for _, path := range inputs {
			if !in.input(path) {
				return
			}
		}
	}
}

// ingester holds the state of one Documents call. Every method that yields returns false
// once the consumer has stopped, so the caller can unwind at once.
type ingester struct {
	limit int64
	stdin io.Reader
	yield func(*document.Document, error) bool
}

// fail yields an error about a whole input, at an unknown offset.
func (in *ingester) fail(source string, err error) bool {
	return in.yield(nil, &Error{Source: source, Offset: -1, Err: err})
}

// failRead yields a read error at the offset reached; an oversized input has none.
func (in *ingester) failRead(source string, partial []byte, err error) bool {
	offset := int64(len(partial))
	if _, tooLarge := errors.AsType[*TooLargeError](err); tooLarge {
		offset = -1
	}
	return in.yield(nil, &Error{Source: source, Offset: offset, Err: err})
}

// input handles one command-line input: "-", a directory or a file.
func (in *ingester) input(path string) bool {
	if path == "-" {
		return in.readStdin()
	}
	// Stat, not Lstat: a symlink the user names is followed, even to a directory.
	info, err := os.Stat(path)
	if err != nil {
		return in.fail(path, unwrapPathError(err))
	}
	if info.IsDir() {
		return in.walk(path)
	}
	return in.file(path, info)
}

func (in *ingester) readStdin() bool {
	if in.stdin == nil {
		return in.fail("-", errors.New("standard input is not available"))
	}
	raw, err := readLimited(in.stdin, in.limit, -1)
	if err != nil {
		return in.failRead("-", raw, err)
	}
	return in.raw("-", raw)
}

// walk yields the files under dir in lexical order, like filepath.WalkDir, skipping
// hidden entries (names starting with "."). Symlinks to files are followed; symlinks to
// directories are not, so a link cycle cannot trap the walk.
func (in *ingester) walk(dir string) bool {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		// ReadDir may return some entries with the error; report the directory and
		// go on with what was read.
		if !in.fail(dir, unwrapPathError(err)) {
			return false
		}
	}
	for _, entry := range entries {
		if strings.HasPrefix(entry.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, entry.Name())
		switch mode := entry.Type(); {
		case mode.IsDir():
			if !in.walk(path) {
				return false
			}
		case mode&fs.ModeSymlink != 0:
			info, err := os.Stat(path)
			if err != nil {
				if !in.fail(path, unwrapPathError(err)) {
					return false
				}
				continue
			}
			if info.Mode().IsRegular() && !in.file(path, info) {
				return false
			}
		case mode.IsRegular():
			info, err := entry.Info()
			if err != nil {
				if !in.fail(path, unwrapPathError(err)) {
					return false
				}
				continue
			}
			if !in.file(path, info) {
				return false
			}
		}
		// Devices, sockets and pipes found while walking are skipped: only a path the
		// user names explicitly is read whatever it is.
	}
	return true
}

// file reads one file and dispatches on its extension.
func (in *ingester) file(path string, info fs.FileInfo) bool {
	kind, gzipped := classify(path)
	// A plain file's size is known before reading, so an oversized one is refused
	// without loading it. A gzipped one is checked as it inflates, and a JSONL one
	// line by line: its limit is per record.
	if kind != kindJSONL && !gzipped && info.Mode().IsRegular() && info.Size() > in.limit {
		return in.fail(path, &TooLargeError{Size: info.Size(), Limit: in.limit})
	}
	f, err := os.Open(path)
	if err != nil {
		return in.fail(path, unwrapPathError(err))
	}
	defer f.Close()

	var r io.Reader = f
	if gzipped {
		zr, err := gzip.NewReader(bufio.NewReaderSize(f, 64<<10))
		if err != nil {
			return in.fail(path, fmt.Errorf("reading gzip header: %w", err))
		}
		defer zr.Close()
		r = zr
	}
	if kind == kindJSONL {
		return readJSONL(r, path, in.limit, in.yield)
	}

	sizeHint := int64(-1)
	if !gzipped && info.Mode().IsRegular() {
		sizeHint = info.Size()
	}
	raw, err := readLimited(r, in.limit, sizeHint)
	if err != nil {
		return in.failRead(path, raw, err)
	}
	if kind == kindHTML {
		return in.htmlFile(path, raw)
	}
	return in.raw(path, raw)
}

// raw yields a document whose bytes the clean stage will decode.
func (in *ingester) raw(source string, raw []byte) bool {
	if len(raw) == 0 {
		return in.fail(source, errEmpty)
	}
	return in.yield(&document.Document{ID: contentID(raw), Source: source, Raw: raw}, nil)
}

// htmlFile yields an HTML page for Extract to reduce to its article on a worker; ID
// hashes the page as it arrived.
func (in *ingester) htmlFile(source string, page []byte) bool {
	if len(page) == 0 {
		return in.fail(source, errEmpty)
	}
	return in.yield(&document.Document{ID: contentID(page), Source: source, Raw: page, RawHTML: true}, nil)
}

var errEmpty = errors.New("empty document")

// inputKind is how a file's content is read, chosen by its extension.
type inputKind int

const (
	kindRaw inputKind = iota
	kindJSONL
	kindHTML
)

// classify picks the reader for a path from its extension, looking through a ".gz".
func classify(path string) (kind inputKind, gzipped bool) {
	name := strings.ToLower(filepath.Base(path))
	if trimmed, ok := strings.CutSuffix(name, ".gz"); ok {
		name, gzipped = trimmed, true
	}
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return kindJSONL, gzipped
	case ".html", ".htm":
		return kindHTML, gzipped
	}
	return kindRaw, gzipped
}

// contentID is the stable id of content without a given one: the first 16 hex digits
// (64 bits) of its SHA-256, so re-ingesting the same bytes gives the same id.
func contentID[T string | []byte](content T) string {
	sum := sha256.Sum256([]byte(content))
	return hex.EncodeToString(sum[:8])
}

// readLimited reads r to the end, or fails with a *TooLargeError as soon as it has seen
// more than limit bytes, so an endless stream costs at most limit+1 bytes of memory.
// sizeHint, when known (>= 0), sizes the buffer in one allocation. On a read error it
// returns what it read so far, whose length is the offset of the failure.
func readLimited(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	capacity := int64(4096)
	if sizeHint >= 0 {
		capacity = min(sizeHint, limit) + 1 // +1 so the read that sees EOF needs no growth
	}
	buf := make([]byte, 0, capacity)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // let append pick the growth
		}
		end := int(min(int64(cap(buf)), limit+1))
		n, err := r.Read(buf[len(buf):end])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &TooLargeError{Size: -1, Limit: limit}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// unwrapPathError drops the *fs.PathError wrapper: Error already names the path, and
// "a.txt: open a.txt: no such file" would say it twice.
func unwrapPathError(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
