// Package iob reads named-entity corpora in the IOB layouts Herald trains and evaluates
// on, into sentences of words and IOB2 tags:
//
//   - Universal NER (UNER) files: tab-separated "index token tag - -", "# " comments;
//   - CoNLL-2003: space-separated "token POS chunk tag", the tag last, -DOCSTART- lines;
//   - WikiANN: "en:token<TAB>tag";
//   - the Groningen Meaning Bank (GMB) CSV of ner_dataset.csv: Windows-1252, header
//     "Sentence #,Word,POS,Tag", the first token of a sentence carrying "Sentence: N".
//
// Sentences are separated by blank lines (GMB: by the "Sentence: N" marks). The layout of a
// text file is recognised from its first data line, as `herald eval ner` promises in
// docs/INTERFACES.md. Tags may be IOB1 or IOB2 (BIOES/BILOU are accepted too) and are
// returned as IOB2, with the entity type as the file spells it ("PER", "geo"): mapping
// types to Herald's is the recognizer's business, not the reader's.
package iob

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Layout is a file layout this package reads.
type Layout int

const (
	// Unknown is a file with no data line.
	Unknown Layout = iota
	// UNER is "index<TAB>token<TAB>tag<TAB>-<TAB>-".
	UNER
	// CoNLL is "token POS chunk tag", space separated.
	CoNLL
	// WikiANN is "en:token<TAB>tag".
	WikiANN
	// GMB is the Groningen Meaning Bank CSV.
	GMB
)

func (l Layout) String() string {
	switch l {
	case UNER:
		return "UNER"
	case CoNLL:
		return "CoNLL-2003"
	case WikiANN:
		return "WikiANN"
	case GMB:
		return "GMB"
	}
	return "unknown"
}

// Sentence is one sentence of a corpus.
type Sentence struct {
	// ID is the sentence's number: GMB's "Sentence: N", else its 1-based position in the
	// file. The GMB held-out slice is chosen by it (see HeldOut).
	ID int
	// Line is the 1-based line of the sentence's first token, for diagnostics.
	Line int
	// Doc is the document the sentence belongs to, from the last "# newdoc id = …"
	// comment before it (UNER and CoNLL-U style files); "" when the file has none.
	Doc   string
	Words []string
	// POS is the file's own part-of-speech column (GMB, CoNLL-2003), nil when it has none.
	POS []string
	// Tags are IOB2 tags: "O", "B-type", "I-type", one per word.
	Tags []string
}

// Span is an entity of a sentence: words [Start, End) of type Type, as the file spells it.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the sentence's entities. Tags are IOB2, so every span starts at a B-.
func (s *Sentence) Spans() []Span {
	var spans []Span
	for i := 0; i < len(s.Tags); i++ {
		t := s.Tags[i]
		if !strings.HasPrefix(t, "B-") {
			continue
		}
		j := i + 1
		for j < len(s.Tags) && s.Tags[j] == "I-"+t[2:] {
			j++
		}
		spans = append(spans, Span{Start: i, End: j, Type: t[2:]})
	}
	return spans
}

// HeldOut reports whether a GMB sentence belongs to Herald's fixed held-out slice: every
// tenth sentence by GMB sentence number (N divisible by 10). It is never trained on.
func HeldOut(id int) bool { return id%10 == 0 }

// ErrSyntax is wrapped by every error about a malformed line.
var ErrSyntax = errors.New("malformed IOB data")

// Detect recognises the layout of a text file from its first data line: the first line
// that is neither blank nor a "#" comment.
func Detect(line string) Layout {
	line = strings.TrimRight(line, "\r\n")
	switch {
	case strings.HasPrefix(line, "Sentence #,"):
		return GMB
	case strings.Contains(line, "\t"):
		fields := strings.Split(line, "\t")
		if len(fields) >= 3 {
			if _, err := strconv.Atoi(fields[0]); err == nil {
				return UNER
			}
		}
		if len(fields) == 2 && languagePrefix(fields[0]) > 0 {
			return WikiANN
		}
		if len(fields) >= 2 {
			// A tab-separated "token tag" file without a language prefix reads like
			// CoNLL with the tag last.
			return CoNLL
		}
	case strings.Contains(line, " "):
		return CoNLL
	}
	return Unknown
}

// languagePrefix is the length of a WikiANN language prefix ("en:") at the start of s,
// 0 if there is none.
func languagePrefix(s string) int {
	i := strings.IndexByte(s, ':')
	if i < 2 || i > 3 {
		return 0
	}
	for _, c := range []byte(s[:i]) {
		if c < 'a' || c > 'z' {
			return 0
		}
	}
	return i + 1
}

// Read reads a text corpus in any layout but GMB (use ReadGMB) and says which layout it
// found. name is used in error messages: "name:line: what".
func Read(r io.Reader, name string) ([]Sentence, Layout, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var (
		layout Layout
		width  int // fields of the first CoNLL data line
		out    []Sentence
		cur    Sentence
		tags   tagger
		lineNo int
		doc    string
	)
	flush := func() {
		if len(cur.Words) > 0 {
			cur.ID = len(out) + 1
			out = append(out, cur)
		}
		cur = Sentence{}
		tags.reset()
	}
	for {
		line, err := br.ReadString('\n')
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				break
			}
			return nil, layout, fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
		}
		lineNo++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if id, ok := strings.CutPrefix(line, "# newdoc id ="); ok {
			doc = strings.TrimSpace(id)
		}
		if layout == Unknown {
			if strings.HasPrefix(line, "#") {
				continue
			}
			if layout = Detect(line); layout == Unknown {
				return nil, layout, fmt.Errorf("%s:%d: %w: cannot tell the layout from %q", name, lineNo, ErrSyntax, clip(line))
			}
			if layout == GMB {
				return nil, layout, fmt.Errorf("%s:%d: %w: a GMB CSV file; read it with ReadGMB", name, lineNo, ErrSyntax)
			}
		}
		var word, pos, tag string
		switch layout {
		case UNER:
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 3 {
				return nil, layout, fmt.Errorf("%s:%d: %w: want index, token and tag separated by tabs", name, lineNo, ErrSyntax)
			}
			if strings.ContainsAny(f[0], "-.") {
				continue // a multiword range or empty node, as in CoNLL-U
			}
			word, tag = f[1], f[2]
		case WikiANN:
			f := strings.Split(line, "\t")
			if len(f) < 2 {
				return nil, layout, fmt.Errorf("%s:%d: %w: want token and tag separated by a tab", name, lineNo, ErrSyntax)
			}
			word, tag = f[0][languagePrefix(f[0]):], f[len(f)-1]
		case CoNLL:
			f := strings.Fields(line)
			if width == 0 {
				width = len(f)
			}
			// "#" starts a comment, unless the line is a data line for the token "#".
			if strings.HasPrefix(line, "#") && (len(f) != width || !validTag(f[len(f)-1])) {
				continue
			}
			if len(f) < 2 {
				return nil, layout, fmt.Errorf("%s:%d: %w: want a token and a tag", name, lineNo, ErrSyntax)
			}
			if f[0] == "-DOCSTART-" {
				flush()
				continue
			}
			word, tag = f[0], f[len(f)-1]
			if len(f) >= 3 {
				pos = f[1]
			}
		}
		t, err := tags.next(tag)
		if err != nil {
			return nil, layout, fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		if len(cur.Words) == 0 {
			cur.Line, cur.Doc = lineNo, doc
		}
		cur.Words = append(cur.Words, word)
		cur.Tags = append(cur.Tags, t)
		if layout == CoNLL {
			cur.POS = append(cur.POS, pos)
		}
	}
	flush()
	return out, layout, nil
}

// tagger turns a file's tags, IOB1, IOB2, BIOES or BILOU, into IOB2, one at a time. It
// interns the tag strings, so a corpus of a million tokens holds a handful of them.
type tagger struct {
	prevType string // type of the entity the previous tag was inside, "" after O
	prevOpen bool   // whether that entity may go on (false after E-/L-/S-/U-)
	strs     map[string]string
}

func (t *tagger) reset() { t.prevType, t.prevOpen = "", false }

func (t *tagger) intern(s string) string {
	if t.strs == nil {
		t.strs = make(map[string]string)
	}
	if v, ok := t.strs[s]; ok {
		return v
	}
	t.strs[s] = s
	return s
}

// next converts one tag. An I- continues the previous entity when its type matches and
// starts a new one otherwise, which reads IOB1 and lenient IOB2 alike (conlleval's rule).
func (t *tagger) next(tag string) (string, error) {
	if tag == "O" || tag == "_" || tag == "-" {
		t.reset()
		return "O", nil
	}
	if len(tag) < 3 || tag[1] != '-' {
		return "", fmt.Errorf("%w: bad tag %q", ErrSyntax, clip(tag))
	}
	typ := tag[2:]
	var begin, end bool
	switch tag[0] {
	case 'B':
		begin = true
	case 'I':
		begin = !(t.prevOpen && t.prevType == typ)
	case 'E', 'L':
		begin, end = !(t.prevOpen && t.prevType == typ), true
	case 'S', 'U':
		begin, end = true, true
	default:
		return "", fmt.Errorf("%w: bad tag %q", ErrSyntax, clip(tag))
	}
	t.prevType, t.prevOpen = typ, !end
	if begin {
		return t.intern("B-" + typ), nil
	}
	return t.intern("I-" + typ), nil
}

// validTag reports whether s reads as a tag.
func validTag(s string) bool {
	var t tagger
	_, err := t.next(s)
	return err == nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
