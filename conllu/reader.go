package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"herald/document"
)

// MaxLineBytes is the longest line the Reader accepts. Real treebanks stay far below it; a
// longer line is reported as an error rather than exhausting memory.
const MaxLineBytes = 1 << 24

// Reader reads sentences from CoNLL-U input. Errors name the 1-based line where they
// occurred ("line 12: …"); the caller prefixes the file name.
type Reader struct {
	scanner *bufio.Scanner
	line    int
	err     error  // an error reading the input, returned on every later call
	block   []byte // the lines of the sentence being read, each ending in '\n'
	// sentenceLine is the first line of the sentence last read.
	sentenceLine int
	// wordLines are the lines of that sentence's words, for errors found after all are read.
	wordLines []int
	// failed says the last call returned a sentence that did not parse.
	failed bool
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 0, 64*1024), MaxLineBytes)
	return &Reader{scanner: scanner}
}

// Line is the number of the last line read.
func (r *Reader) Line() int { return r.line }

// Next returns the next sentence, or io.EOF when the input is exhausted. A sentence that
// does not parse is returned as an error naming its line, and the next call reads on
// from the sentence after it (Recoverable reports that case). After an error reading the
// input itself the Reader is not usable: the same error is returned again.
func (r *Reader) Next() (*Sentence, error) {
	if r.err != nil {
		return nil, r.err
	}
	s, err := r.next()
	r.failed = false
	if err != nil && r.scanner.Err() == nil && !errors.Is(err, io.EOF) && r.sentenceLine > 0 {
		r.failed = true
		return nil, err
	}
	if err != nil {
		r.err = err
	}
	return s, err
}

// lines returns the lines of the sentence last read: its first, then those of its words.
func (r *Reader) lines() []int {
	return append([]int{r.sentenceLine}, r.wordLines...)
}

// Recoverable reports whether the last error of Next was a sentence that did not parse,
// after which reading may go on.
func (r *Reader) Recoverable() bool { return r.failed }

// next gathers the lines of one sentence, then parses them from a single string, so that a
// sentence costs one string allocation and every field is a substring of it.
func (r *Reader) next() (*Sentence, error) {
	r.block = r.block[:0]
	r.sentenceLine = 0
	first := 0 // line number of the sentence's first line
	for r.scanner.Scan() {
		r.line++
		line := r.scanner.Bytes()
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		if len(line) == 0 {
			if len(r.block) > 0 {
				return r.parse(first)
			}
			continue // extra blank lines between sentences are tolerated
		}
		if len(r.block) == 0 {
			first = r.line
			r.sentenceLine = first
		}
		r.block = append(r.block, line...)
		r.block = append(r.block, '\n')
	}
	if err := r.scanner.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: longer than %d bytes: %w", r.line+1, MaxLineBytes, err)
		}
		return nil, fmt.Errorf("line %d: %w", r.line+1, err)
	}
	if len(r.block) > 0 { // the last sentence may lack its closing blank line
		return r.parse(first)
	}
	return nil, io.EOF
}

// parse reads the sentence gathered in r.block, whose first line is line number first.
func (r *Reader) parse(first int) (*Sentence, error) {
	block := string(r.block)
	s := &Sentence{Words: make([]Word, 0, strings.Count(block, "\n"))}
	r.wordLines = r.wordLines[:0]
	inWords := false
	for n := first; block != ""; n++ {
		end := strings.IndexByte(block, '\n')
		line := block[:end]
		block = block[end+1:]
		if line[0] == '#' {
			if inWords {
				return nil, lineError(n, "comment line inside a sentence (missing blank line?)")
			}
			r.comment(s, line)
			continue
		}
		inWords = true
		words := len(s.Words)
		if err := r.wordLine(s, line, n); err != nil {
			return nil, err
		}
		if len(s.Words) > words {
			r.wordLines = append(r.wordLines, n)
		}
	}
	return s, r.finish(s)
}

// LineError is a problem with one line of the input.
type LineError struct {
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func lineError(n int, format string, args ...any) error {
	return &LineError{Line: n, Msg: fmt.Sprintf(format, args...)}
}

func (r *Reader) errorf(format string, args ...any) error {
	return lineError(r.line, format, args...)
}

// comment files one "#" line: sent_id, text, newdoc and newpar are parsed out, the rest
// kept in order.
func (r *Reader) comment(s *Sentence, line string) {
	body := strings.TrimPrefix(line[1:], " ")
	key, value, hasValue := strings.Cut(body, "=")
	key = strings.TrimSpace(key)
	if hasValue {
		value = strings.TrimSpace(value)
	}
	switch {
	case key == "sent_id" && hasValue:
		s.ID = value
	case key == "text" && hasValue:
		s.Text = value
	case key == "newdoc" || key == "newdoc id":
		s.NewDoc = true
		if key == "newdoc id" {
			s.DocID = value
		}
	case key == "newpar" || key == "newpar id":
		s.NewPar = true
		if key == "newpar id" {
			s.ParID = value
		}
	default:
		s.Comments = append(s.Comments, body)
	}
}

// wordLine parses one ten-column line into a word, empty node or multiword token.
func (r *Reader) wordLine(s *Sentence, line string, lineNo int) error {
	errorf := func(format string, args ...any) error { return lineError(lineNo, format, args...) }
	var f [10]string
	rest := line
	for i := 0; i < 9; i++ {
		tab := strings.IndexByte(rest, '\t')
		if tab < 0 {
			return errorf("%d fields, want 10", i+1)
		}
		f[i], rest = rest[:tab], rest[tab+1:]
	}
	if strings.IndexByte(rest, '\t') >= 0 {
		return errorf("more than 10 fields")
	}
	f[9] = rest
	for i, v := range f {
		if v == "" {
			return errorf("field %d (%s) is empty", i+1, columnNames[i])
		}
	}
	id := f[0]
	if dash := strings.IndexByte(id, '-'); dash >= 0 {
		first, err1 := parseID(id[:dash])
		last, err2 := parseID(id[dash+1:])
		if err1 != nil || err2 != nil || first > last {
			return errorf("bad multiword token range %q", id)
		}
		if first != len(s.Words)+1 {
			return errorf("multiword token %q does not start at the next word %d", id, len(s.Words)+1)
		}
		s.Tokens = append(s.Tokens, MultiwordToken{First: first, Last: last, Form: f[1], Misc: blank(f[9])})
		return nil
	}
	w := Word{
		Form: f[1], Lemma: f[2],
		UPOS: blank(f[3]), XPOS: blank(f[4]), Feats: blank(f[5]),
		Head: -1, Deprel: blank(f[7]), Deps: blank(f[8]), Misc: blank(f[9]),
	}
	// A LEMMA of "_" means "unspecified", unless the word is the underscore character
	// itself (FORM "_"), whose lemma is "_" too.
	if w.Lemma == "_" && w.Form != "_" {
		w.Lemma = ""
	}
	if f[6] != "_" {
		head, err := parseNumber(f[6])
		if err != nil {
			return errorf("bad HEAD %q", f[6])
		}
		w.Head = head
	}
	if dot := strings.IndexByte(id, '.'); dot >= 0 {
		major, err1 := parseNumber(id[:dot])
		minor, err2 := parseID(id[dot+1:])
		if err1 != nil || err2 != nil {
			return errorf("bad empty node ID %q", id)
		}
		if major != len(s.Words) {
			return errorf("empty node %q does not follow word %d", id, major)
		}
		w.ID, w.EmptyIndex = major, minor
		s.Empty = append(s.Empty, w)
		return nil
	}
	n, err := parseID(id)
	if err != nil {
		return errorf("bad ID %q", id)
	}
	if n != len(s.Words)+1 {
		return errorf("word ID %d, want %d", n, len(s.Words)+1)
	}
	w.ID = n
	s.Words = append(s.Words, w)
	return nil
}

// finish checks what can only be checked once the whole sentence is known.
func (r *Reader) finish(s *Sentence) error {
	if len(s.Words) == 0 {
		return r.errorf("sentence without words")
	}
	for _, t := range s.Tokens {
		if t.Last > len(s.Words) {
			return r.errorf("multiword token %d-%d reaches past the last word %d", t.First, t.Last, len(s.Words))
		}
	}
	for i, w := range s.Words {
		if w.Head > len(s.Words) {
			return lineError(r.wordLines[i], "word %d has HEAD %d beyond the last word %d", w.ID, w.Head, len(s.Words))
		}
		if w.Head == w.ID {
			return lineError(r.wordLines[i], "word %d is its own HEAD", w.ID)
		}
	}
	if w, ok := cycle(s.Words); ok {
		return lineError(r.wordLines[w], "word %d is in a cycle of HEADs that never reaches the root", w+1)
	}
	return nil
}

// cycle finds a word whose chain of heads never reaches the root (0), among words whose
// HEAD is given; a chain through a word without HEAD ("_") ends there.
func cycle(words []Word) (int, bool) {
	head := make([]int, len(words))
	for i, w := range words {
		head[i] = w.Head - 1 // -1: the root; -2: no head given
	}
	return document.Cycle(head)
}

var columnNames = [10]string{"ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"}

func blank(v string) string {
	if v == "_" {
		return ""
	}
	return v
}

// parseID parses a positive decimal integer without sign or leading zeros.
func parseID(s string) (int, error) {
	n, err := parseNumber(s)
	if err == nil && n == 0 {
		return 0, errors.New("zero id")
	}
	return n, err
}

// parseNumber parses a non-negative decimal integer of at most 9 digits.
func parseNumber(s string) (int, error) {
	if s == "" || len(s) > 9 || (len(s) > 1 && s[0] == '0') {
		return 0, strconv.ErrSyntax
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, strconv.ErrSyntax
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// ReadFile reads every sentence of a CoNLL-U file. Errors name the file and line.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := NewReader(f)
	var out []*Sentence
	for {
		s, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, s)
	}
}
