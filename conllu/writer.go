package conllu

import (
	"bufio"
	"io"
	"strconv"
	"strings"
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
	if !strings.ContainsAny(s, "\r\n") {
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
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
