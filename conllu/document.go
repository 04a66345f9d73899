package conllu

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"herald/dateline"
	"herald/document"
)

// The comments that carry a document's own data, on its first sentence after
// "# newdoc id = …". Other tools ignore comments they do not know.
const (
	// commentDate holds the publication date, YYYY-MM-DD.
	commentDate = "date"
	// commentDateline holds the wire header as written ("ASTANA, May 20 (Xinhua) --"), and
	// commentDatelineRange its byte range in the text ("0:26").
	commentDateline      = "dateline"
	commentDatelineRange = "dateline_range"
	commentURL           = "url"
	commentTitle         = "title"
	commentGUMTitle      = "meta::title"
	// commentGUMDate is the creation date GUM gives its documents, taken when no
	// "# date" is given.
	commentGUMDate = "meta::dateCreated"
	// commentSplit = true marks, on the sentence itself, a piece of a run that
	// segmentation cut for its length (document.Sentence.Split).
	commentSplit = "split_too_long"
)

// ParagraphSeparator joins paragraphs when the text of a document is rebuilt from the
// "# text" of its sentences; sentences within a paragraph are joined by one space. A blank
// line is what a reader sees between paragraphs, and what package clean leaves there.
const ParagraphSeparator = "\n\n"

// WriteDocument writes the sentences of doc in CoNLL-U, with what DocumentReader needs to
// rebuild the document byte for byte:
//   - the first sentence carries "# newdoc id", "# date" (the publication date), the
//     dateline as "# dateline" and "# dateline_range", "# url" and "# title";
//   - sentence i (1-based) gets "# sent_id = <doc.ID>-<i>" and "# text", with line breaks
//     flattened to spaces, and "# split_too_long = true" when it is a piece of a longer run;
//   - MISC holds each token's byte range in the text (TokenRange=start:end, as UDPipe
//     writes it), SpaceAfter=No when the next token follows without a gap, and
//     SpacesAfter=… (UDPipe's escapes: \s \t \n \r) when the whitespace after it is
//     other than one space.
//
// Tokens carry whatever syntax the document has: LEMMA, UPOS, XPOS and DEPREL when set,
// HEAD when the token has a DEPREL (a parsed token always has one, and Head 0 then means
// the root), "_" otherwise. Text outside sentences, other than the dateline (a headline,
// an end-of-story mark), is not written.
func WriteDocument(w io.Writer, doc *document.Document) error {
	cw := NewWriter(w)
	var s Sentence
	var misc strings.Builder
	for i := range doc.Sentences {
		ds := &doc.Sentences[i]
		s.NewDoc, s.DocID = i == 0, doc.ID
		s.Comments = s.Comments[:0]
		if i == 0 {
			s.Comments = documentComments(s.Comments, doc)
		}
		if ds.Split {
			s.Comments = append(s.Comments, commentSplit+" = true")
		}
		s.ID = doc.ID + "-" + strconv.Itoa(i+1)
		s.Text = sentenceText(doc.Text, ds)
		s.Words = s.Words[:0]
		for j := range ds.Tokens {
			t := &ds.Tokens[j]
			word := Word{ID: j + 1, Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Head: -1, Deprel: t.Deprel}
			if t.Deprel != "" {
				word.Head = t.Head
			}
			next := -1
			if j+1 < len(ds.Tokens) {
				next = ds.Tokens[j+1].Start
			} else if i+1 < len(doc.Sentences) && len(doc.Sentences[i+1].Tokens) > 0 {
				next = doc.Sentences[i+1].Tokens[0].Start
			}
			misc.Reset()
			if next >= 0 && t.End <= next && next <= len(doc.Text) {
				switch gap := doc.Text[t.End:next]; {
				case gap == "":
					misc.WriteString("SpaceAfter=No|")
				case gap != " " && isSpaces(gap):
					misc.WriteString("SpacesAfter=")
					escapeSpaces(&misc, gap)
					misc.WriteByte('|')
				}
			}
			fmt.Fprintf(&misc, "TokenRange=%d:%d", t.Start, t.End)
			word.Misc = misc.String()
			s.Words = append(s.Words, word)
		}
		if err := cw.Write(&s); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// documentComments appends the comments of a document's first sentence.
func documentComments(dst []string, doc *document.Document) []string {
	if doc.Published != "" {
		dst = append(dst, commentDate+" = "+doc.Published)
	}
	if dl := doc.Dateline; dl != nil && 0 <= dl.Start && dl.Start < dl.End && dl.End <= len(doc.Text) {
		header := doc.Text[dl.Start:dl.End]
		if !strings.ContainsAny(header, "\r\n") {
			dst = append(dst, commentDateline+" = "+header,
				commentDatelineRange+" = "+strconv.Itoa(dl.Start)+":"+strconv.Itoa(dl.End))
		}
	}
	if doc.URL != "" {
		dst = append(dst, commentURL+" = "+doc.URL)
	}
	if doc.Title != "" {
		dst = append(dst, commentTitle+" = "+doc.Title)
	}
	return dst
}

// sentenceText is the sentence's text for "# text", clamped to the document so that a
// damaged offset cannot panic.
func sentenceText(text string, s *document.Sentence) string {
	start, end := max(s.Start, 0), min(s.End, len(text))
	if start >= end {
		return ""
	}
	return strings.TrimSpace(text[start:end])
}

func isSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}

// escapeSpaces writes whitespace as UDPipe's SpacesAfter writes it.
func escapeSpaces(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			b.WriteString(`\s`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		}
	}
}

// unescapeSpaces reads a SpacesAfter value; ok is false for anything but UDPipe's escapes
// of whitespace.
func unescapeSpaces(v string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 == len(v) {
			return "", false
		}
		i++
		switch v[i] {
		case 's':
			b.WriteByte(' ')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			return "", false
		}
	}
	return b.String(), true
}

// miscValue returns the value of key=value in a MISC field.
func miscValue(misc, key string) (string, bool) {
	for misc != "" {
		item := misc
		if i := strings.IndexByte(misc, '|'); i >= 0 {
			item, misc = misc[:i], misc[i+1:]
		} else {
			misc = ""
		}
		if k, v, ok := strings.Cut(item, "="); ok && k == key {
			return v, true
		}
	}
	return "", false
}

// parseRange reads "start:end".
func parseRange(v string) (start, end int, ok bool) {
	a, b, found := strings.Cut(v, ":")
	if !found {
		return 0, 0, false
	}
	start, err1 := parseNumber(a)
	end, err2 := parseNumber(b)
	if err1 != nil || err2 != nil || end < start {
		return 0, 0, false
	}
	return start, end, true
}

// DocumentReader reads CoNLL-U as Herald documents: the sentences of each "# newdoc" with
// their words as tokens, and the syntax the file gives (lemma, UPOS, XPOS, head and
// relation; a word whose HEAD is "_" is left unparsed). It is `--conllu` input, for
// trees made by another parser, and the reader of gold treebanks.
//
// The document's text is rebuilt so that every token has its offsets in it:
//   - when the words carry TokenRange (as WriteDocument and UDPipe write them), each
//     token goes back to its range, with the whitespace of SpacesAfter between tokens
//     and the dateline at its own range; what the file does not hold (a headline) is
//     left as spaces, so the offsets are those of the text the file was made from.
//     Ranges counted in characters, as UDPipe counts them, are told from byte ranges by
//     the words' lengths;
//   - otherwise from "# text": the sentences of a paragraph joined by a space,
//     paragraphs by ParagraphSeparator, and each word found in its sentence's text (or
//     the words joined by their SpaceAfter when the text is absent or does not hold them).
//
// The document's id is "# newdoc id", else a hash of the text; "# date" gives the
// publication date (GUM's "# meta::dateCreated" too), "# dateline" with
// "# dateline_range" the dateline, "# url" and "# title" (or "# meta::title") the rest.
type DocumentReader struct {
	r      *Reader
	source string
	ahead  *Sentence // the first sentence of the next document, read ahead
	// aheadLines are the lines of ahead: its first, then those of its words.
	aheadLines []int
	fatal      error
}

// NewDocumentReader returns a DocumentReader of r; source names it in errors and in
// Document.Source.
func NewDocumentReader(r io.Reader, source string) *DocumentReader {
	return &DocumentReader{r: NewReader(r), source: source}
}

// Next returns the next document, or io.EOF after the last. A sentence that does not
// parse is left out of its document: Next then returns the document together with an
// error naming the file and line of each bad sentence, and reading goes on. An error
// reading the input ends it: Next returns that error, and again on every later call.
func (d *DocumentReader) Next() (*document.Document, error) {
	if d.fatal != nil {
		return nil, d.fatal
	}
	var (
		sents []*Sentence
		lines [][]int
		errs  []error
	)
	if d.ahead != nil {
		sents, lines = append(sents, d.ahead), append(lines, d.aheadLines)
		d.ahead = nil
	}
	for {
		s, err := d.r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var le *LineError
			if errors.As(err, &le) {
				err = fmt.Errorf("%s:%d: %s", d.source, le.Line, le.Msg)
			} else {
				err = fmt.Errorf("%s: %w", d.source, err)
			}
			if !d.r.Recoverable() {
				d.fatal = err
				return nil, err
			}
			errs = append(errs, err)
			continue
		}
		if s.NewDoc && len(sents) > 0 {
			d.ahead, d.aheadLines = s, d.r.lines()
			break
		}
		sents, lines = append(sents, s), append(lines, d.r.lines())
	}
	if len(sents) == 0 {
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		return nil, io.EOF
	}
	b := docBuilder{source: d.source, sents: sents, lines: lines}
	doc := b.build()
	errs = append(errs, b.errs...)
	return doc, errors.Join(errs...)
}

// docBuilder rebuilds one document from its sentences.
type docBuilder struct {
	source string
	sents  []*Sentence
	lines  [][]int // of each sentence, its first line, then the lines of its words
	errs   []error
	text   strings.Builder
	doc    *document.Document
	header [2]int // where the dateline went in the text
}

// errorf reports a problem with word w (0-based) of sentence sent.
func (b *docBuilder) errorf(sent, w int, format string, args ...any) {
	line := b.lines[sent][0]
	if w+1 < len(b.lines[sent]) {
		line = b.lines[sent][w+1]
	}
	b.errs = append(b.errs, fmt.Errorf("%s:%d: %s", b.source, line, fmt.Sprintf(format, args...)))
}

func (b *docBuilder) build() *document.Document {
	first := b.sents[0]
	doc := &document.Document{ID: first.DocID, Source: b.source, Line: b.lines[0][0]}
	b.doc = doc
	var header string
	headerStart, headerEnd := -1, -1
	for _, c := range first.Comments {
		key, value, ok := strings.Cut(c, "=")
		if !ok {
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		switch key {
		case commentDate:
			doc.Published = value
		case commentGUMDate:
			if doc.Published == "" {
				doc.Published = value
			}
		case commentDateline:
			header = value
		case commentDatelineRange:
			if s, e, ok := parseRange(value); ok {
				headerStart, headerEnd = s, e
			}
		case commentURL:
			doc.URL = value
		case commentTitle:
			doc.Title = value
		case commentGUMTitle:
			if doc.Title == "" {
				doc.Title = value
			}
		}
	}
	if _, ok := tokenRange(first, 0); ok {
		b.ranged(header, headerStart, headerEnd)
	} else {
		b.joined()
	}
	doc.Text = b.text.String()
	if hs := b.header; hs[1] > 0 && hs[1] <= len(doc.Text) && doc.Text[hs[0]:hs[1]] == header {
		if dl, ok := dateline.Parse(header); ok {
			dl.Start, dl.End = hs[0], hs[1]
			doc.Dateline = &dl
		}
	}
	if doc.ID == "" {
		sum := sha256.Sum256([]byte(doc.Text))
		doc.ID = hex.EncodeToString(sum[:8])
	}
	return doc
}

// tokenRange returns the TokenRange of word w (0-based) of s, or of the multiword token
// that holds it.
func tokenRange(s *Sentence, w int) (r [2]int, ok bool) {
	misc := s.Words[w].Misc
	for _, t := range s.Tokens {
		if t.First <= w+1 && w+1 <= t.Last {
			misc = t.Misc
		}
	}
	v, ok := miscValue(misc, "TokenRange")
	if !ok {
		return r, false
	}
	r[0], r[1], ok = parseRange(v)
	return r, ok
}

// piece is one surface token of the ranged text: a word, a multiword token, or the
// dateline.
type piece struct {
	start, end int // as the file gives them
	form       string
	after      string // SpacesAfter, decoded
	sent       int    // -1 for the dateline
	first      int    // 0-based index of the piece's first word
	last       int    // and of its last
}

// ranged rebuilds the text from TokenRange offsets.
func (b *docBuilder) ranged(header string, headerStart, headerEnd int) {
	var pieces []piece
	for si, s := range b.sents {
		start := len(pieces)
		tokens := s.Tokens
		for w := 0; w < len(s.Words); w++ {
			p := piece{sent: si, first: w, last: w, form: s.Words[w].Form}
			misc := s.Words[w].Misc
			if len(tokens) > 0 && tokens[0].First == w+1 {
				p.form, p.last, misc = tokens[0].Form, tokens[0].Last-1, tokens[0].Misc
				tokens = tokens[1:]
			}
			v, has := miscValue(misc, "TokenRange")
			if has {
				p.start, p.end, has = parseRange(v)
			}
			if !has {
				b.errorf(si, w, "word %d has no TokenRange, as the document's first word has: sentence left out", w+1)
				pieces = pieces[:start]
				break
			}
			if v, has := miscValue(misc, "SpacesAfter"); has {
				p.after, _ = unescapeSpaces(v)
			}
			pieces = append(pieces, p)
			w = p.last
		}
	}
	if header != "" && headerStart >= 0 {
		// The dateline goes where its range says, among the words.
		at := 0
		for at < len(pieces) && pieces[at].start < headerStart {
			at++
		}
		pieces = append(pieces[:at], append([]piece{{start: headerStart, end: headerEnd, form: header, sent: -1}}, pieces[at:]...)...)
	}
	// Ranges count characters when a word's range fits its length in characters but not
	// in bytes; the text is then rebuilt with byte offsets of its own.
	chars := false
	for _, p := range pieces {
		if n := p.end - p.start; n != len(p.form) && n == utf8.RuneCountInString(p.form) {
			chars = true
			break
		}
	}
	length := func(s string) int {
		if chars {
			return utf8.RuneCountInString(s)
		}
		return len(s)
	}
	spans := make([][2]int, len(pieces))
	dropped := make([]bool, len(b.sents))
	pos := 0 // in the file's units
	prevAfter := ""
	for i, p := range pieces {
		spans[i] = [2]int{-1, -1}
		if p.sent >= 0 && dropped[p.sent] {
			continue
		}
		if p.start < pos || length(p.form) != p.end-p.start {
			switch {
			case p.sent < 0:
				// a dateline that does not fit is no dateline
			case p.start < pos:
				b.errorf(p.sent, p.first, "word %d: TokenRange %d:%d starts before the end of the text before it (%d): sentence left out", p.first+1, p.start, p.end, pos)
				dropped[p.sent] = true
			default:
				b.errorf(p.sent, p.first, "word %d: FORM %q does not fit its TokenRange %d:%d: sentence left out", p.first+1, p.form, p.start, p.end)
				dropped[p.sent] = true
			}
			continue
		}
		if gap := p.start - pos; gap > 0 {
			fill := prevAfter
			if length(fill) > gap {
				fill = ""
			}
			b.text.WriteString(fill)
			b.text.WriteString(strings.Repeat(" ", gap-length(fill)))
		}
		spans[i] = [2]int{b.text.Len(), b.text.Len() + len(p.form)}
		b.text.WriteString(p.form)
		pos, prevAfter = p.end, p.after
		if p.sent < 0 {
			b.header = spans[i]
		}
	}
	// A sentence dropped after some of its words were written leaves them in the text,
	// which keeps the offsets of the others right.
	var toks []document.Token
	for i := 0; i < len(pieces); {
		si := pieces[i].sent
		j := i + 1
		for j < len(pieces) && pieces[j].sent == si {
			j++
		}
		if si >= 0 && !dropped[si] {
			s := b.sents[si]
			toks = make([]document.Token, len(s.Words))
			for k := i; k < j; k++ {
				b.words(s, pieces[k].first, pieces[k].last, spans[k][0], spans[k][1], toks)
			}
			b.addSentence(s, toks)
		}
		i = j
	}
}

// joined rebuilds the text from the sentences' "# text" (or their words).
func (b *docBuilder) joined() {
	for si, s := range b.sents {
		if si > 0 {
			if s.NewPar {
				b.text.WriteString(ParagraphSeparator)
			} else {
				b.text.WriteByte(' ')
			}
		}
		base := b.text.Len()
		toks := make([]document.Token, len(s.Words))
		if !locate(s, s.Text, base, toks) {
			// No text, or one that does not hold the words (a parser that rewrote
			// quotes): the words joined by their SpaceAfter.
			b.text.WriteString(wordsText(s, base, toks))
		} else {
			b.text.WriteString(s.Text)
		}
		for i := range toks {
			b.word(s, i, &toks[i])
		}
		b.addSentence(s, toks)
	}
}

// locate finds the surface tokens of s, in order, in text (which will start at base) and
// sets the offsets of toks; it reports whether every one was found.
func locate(s *Sentence, text string, base int, toks []document.Token) bool {
	if text == "" {
		return false
	}
	pos := 0
	tokens := s.Tokens
	for w := 0; w < len(s.Words); w++ {
		form, last := s.Words[w].Form, w
		if len(tokens) > 0 && tokens[0].First == w+1 {
			form, last = tokens[0].Form, tokens[0].Last-1
			tokens = tokens[1:]
		}
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t') {
			pos++
		}
		at := pos
		if !strings.HasPrefix(text[pos:], form) {
			k := strings.Index(text[pos:], form)
			if k < 0 {
				return false
			}
			at = pos + k
		}
		splitSpan(s, w, last, base+at, base+at+len(form), toks)
		pos = at + len(form)
		w = last
	}
	return true
}

// wordsText joins the surface tokens of s, with a space after each unless its MISC says
// SpaceAfter=No, and sets the offsets of toks in it (which will start at base).
func wordsText(s *Sentence, base int, toks []document.Token) string {
	var b strings.Builder
	tokens := s.Tokens
	for w := 0; w < len(s.Words); w++ {
		form, misc, last := s.Words[w].Form, s.Words[w].Misc, w
		if len(tokens) > 0 && tokens[0].First == w+1 {
			form, misc, last = tokens[0].Form, tokens[0].Misc, tokens[0].Last-1
			tokens = tokens[1:]
		}
		splitSpan(s, w, last, base+b.Len(), base+b.Len()+len(form), toks)
		b.WriteString(form)
		if last+1 < len(s.Words) && SpaceAfter(misc) {
			b.WriteByte(' ')
		}
		w = last
	}
	return b.String()
}

// splitSpan gives words first..last (0-based), one surface token at [start, end), their
// offsets: each its own part when their forms spell the token ("don't" = "do" + "n't"),
// else the whole span each.
func splitSpan(s *Sentence, first, last, start, end int, toks []document.Token) {
	if first == last {
		toks[first].Start, toks[first].End = start, end
		return
	}
	n := 0
	for w := first; w <= last; w++ {
		n += len(s.Words[w].Form)
	}
	p := start
	for w := first; w <= last; w++ {
		if n == end-start {
			toks[w].Start, toks[w].End = p, p+len(s.Words[w].Form)
			p += len(s.Words[w].Form)
		} else {
			toks[w].Start, toks[w].End = start, end
		}
	}
}

// words sets the offsets and syntax of words first..last, one surface token placed at
// [start, end) of the text.
func (b *docBuilder) words(s *Sentence, first, last, start, end int, toks []document.Token) {
	splitSpan(s, first, last, start, end, toks)
	for w := first; w <= last; w++ {
		b.word(s, w, &toks[w])
	}
}

// word copies word w of s into tok, whose offsets are set.
func (b *docBuilder) word(s *Sentence, w int, tok *document.Token) {
	word := &s.Words[w]
	tok.Text = word.Form
	tok.Lemma, tok.UPOS, tok.XPOS = word.Lemma, word.UPOS, word.XPOS
	if word.Head >= 0 && word.Deprel != "" {
		tok.Head, tok.Deprel = word.Head, word.Deprel
	}
}

func (b *docBuilder) addSentence(s *Sentence, toks []document.Token) {
	if len(toks) == 0 {
		return
	}
	split := false
	for _, c := range s.Comments {
		if key, value, ok := strings.Cut(c, "="); ok && strings.TrimSpace(key) == commentSplit {
			split = strings.TrimSpace(value) == "true"
		}
	}
	b.doc.Sentences = append(b.doc.Sentences, document.Sentence{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks, Split: split})
}

// Documents reads the documents of the CoNLL-U file at path ("-": stdin) for the
// pipeline: each document, or an error naming the file and line of what could not be
// read (a bad sentence is reported and left out, and the rest of its document goes on).
func Documents(path string, stdin io.Reader) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		r := stdin
		if path != "-" {
			f, err := os.Open(path)
			if err != nil {
				yield(nil, err)
				return
			}
			defer f.Close()
			r = f
		}
		dr := NewDocumentReader(r, path)
		for {
			doc, err := dr.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil && !yield(nil, err) {
				return
			}
			if doc == nil {
				if dr.fatal != nil {
					return
				}
				continue
			}
			if !yield(doc, nil) {
				return
			}
		}
	}
}
