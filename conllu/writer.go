package conllu

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"herald/document"
)

// Writer writes sentences in CoNLL-U. Output is buffered: call Flush when done.
type Writer struct {
	w   *bufio.Writer
	num []byte // scratch for number formatting
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64*1024)}
}

// Flush writes any buffered output to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// Write writes one sentence followed by a blank line. The comments come in the order the
// UD English treebanks use: newdoc, sent_id, the other comments, newpar, text. Multiword tokens and
// empty nodes go back to their places among the words. Empty fields are written "_";
// tabs and newlines inside a field, which the format cannot hold, become spaces.
func (w *Writer) Write(s *Sentence) error {
	if s.NewDoc {
		w.commentKV("newdoc", "id", s.DocID)
	}
	if s.ID != "" {
		w.comment("sent_id = ", s.ID)
	}
	for _, c := range s.Comments {
		w.comment("", c)
	}
	if s.NewPar {
		w.commentKV("newpar", "id", s.ParID)
	}
	if s.Text != "" {
		w.comment("text = ", s.Text)
	}
	tokens, empty := s.Tokens, s.Empty
	for i := range s.Words {
		word := &s.Words[i]
		for len(tokens) > 0 && tokens[0].First <= word.ID {
			t := tokens[0]
			tokens = tokens[1:]
			w.int(t.First)
			w.w.WriteByte('-')
			w.int(t.Last)
			w.w.WriteByte('\t')
			w.field(t.Form)
			w.w.WriteString("\t_\t_\t_\t_\t_\t_\t_\t")
			w.field(t.Misc)
			w.w.WriteByte('\n')
		}
		w.word(word)
		for len(empty) > 0 && empty[0].ID <= word.ID {
			w.word(&empty[0])
			empty = empty[1:]
		}
	}
	for len(empty) > 0 { // empty nodes with IDs beyond the words: keep rather than drop
		w.word(&empty[0])
		empty = empty[1:]
	}
	_, err := w.w.WriteString("\n")
	return err
}

func (w *Writer) word(word *Word) {
	w.int(word.ID)
	if word.EmptyIndex > 0 {
		w.w.WriteByte('.')
		w.int(word.EmptyIndex)
	}
	w.w.WriteByte('\t')
	w.field(word.Form)
	w.w.WriteByte('\t')
	w.field(word.Lemma)
	w.w.WriteByte('\t')
	w.field(word.UPOS)
	w.w.WriteByte('\t')
	w.field(word.XPOS)
	w.w.WriteByte('\t')
	w.field(word.Feats)
	w.w.WriteByte('\t')
	if word.Head < 0 {
		w.w.WriteByte('_')
	} else {
		w.int(word.Head)
	}
	w.w.WriteByte('\t')
	w.field(word.Deprel)
	w.w.WriteByte('\t')
	w.field(word.Deps)
	w.w.WriteByte('\t')
	w.field(word.Misc)
	w.w.WriteByte('\n')
}

func (w *Writer) comment(prefix, value string) {
	w.w.WriteString("# ")
	w.w.WriteString(prefix)
	w.w.WriteString(oneLine(value))
	w.w.WriteByte('\n')
}

func (w *Writer) commentKV(key, sub, value string) {
	if value == "" {
		w.comment(key, "")
		return
	}
	w.comment(key+" "+sub+" = ", value)
}

func (w *Writer) field(v string) {
	if v == "" {
		w.w.WriteByte('_')
		return
	}
	w.w.WriteString(oneField(v))
}

func (w *Writer) int(n int) {
	w.num = strconv.AppendInt(w.num[:0], int64(n), 10)
	w.w.Write(w.num)
}

// oneLine replaces line breaks, which would end a comment early, with spaces.
func oneLine(s string) string {
	if strings.IndexAny(s, "\r\n") < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// oneField replaces the separators a field cannot hold (tab, line breaks) with spaces.
func oneField(s string) string {
	if strings.IndexAny(s, "\t\r\n") < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// WriteDocument writes the sentences of doc in CoNLL-U. Sentence i (1-based) gets
// "# sent_id = <doc.ID>-<i>" and its text, with line breaks flattened to spaces. Tokens
// carry whatever syntax the document has: LEMMA, UPOS, XPOS and DEPREL when set, HEAD
// when the token has a DEPREL (a parsed token always has one, and Head 0 then means the
// root), "_" otherwise. MISC holds SpaceAfter=No when the next token, in the same sentence
// or the next one, starts right where this one ends.
func WriteDocument(w io.Writer, doc *document.Document) error {
	cw := NewWriter(w)
	var s Sentence
	for i := range doc.Sentences {
		ds := &doc.Sentences[i]
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
			if next == t.End {
				word.Misc = "SpaceAfter=No"
			}
			s.Words = append(s.Words, word)
		}
		if err := cw.Write(&s); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// sentenceText is the sentence's text for "# text", clamped to the document so that a
// damaged offset cannot panic.
func sentenceText(text string, s *document.Sentence) string {
	start, end := s.Start, s.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return ""
	}
	return strings.TrimSpace(text[start:end])
}
