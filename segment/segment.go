// Package segment splits the cleaned text of a document into sentences and tokens, with
// byte offsets into Document.Text.
//
// It reads Document.Text, Document.Dateline and Document.Marks, and fills
// Document.Sentences: the dateline and every mark (headline, byline, credit line,
// end-of-story mark) are left out, and no sentence crosses one.
//
// Tokens follow the tokenization of UD English-EWT, which the syntax stage is trained on:
// clitics split off ("China's" → China 's, "can't" → ca n't), hyphens between words are
// tokens ("search-engine" → search - engine) except after prefixes EWT keeps ("e-mail",
// "non-violent"), abbreviations keep their period ("U.S.", "Gen."), while numbers, times,
// dates, URLs and e-mail addresses stay whole.
//
// Sentences end at . ! ? and ellipses (with the closing quotes and brackets after them)
// unless the next word shows the sentence goes on, at abbreviations only when the next
// word typically starts a sentence, at blank lines, and at line breaks when the text has
// one paragraph per line. In text wrapped at a fixed width a single line break ends a
// sentence only after a heading, a table row or a paragraph with no full stop, or before
// a list item (lines.go). A run longer than MaxTokens tokens with none of these (a long
// list, a paragraph with no full stop) is cut at its best breaks into sentences marked
// Split (long.go). The scanner is hand-written: a byte loop with an ASCII fast path.
package segment

import (
	"slices"

	"herald/document"
)

// Annotate fills doc.Sentences from doc.Text. It skips the dateline span
// (doc.Dateline.Start..End when doc.Dateline != nil) and every doc.Marks span: they never
// appear in a sentence, and a sentence never crosses them.
func Annotate(doc *document.Document) {
	text := doc.Text
	var skip []document.Span
	if d := doc.Dateline; d != nil {
		skip = append(skip, document.Span{Start: d.Start, End: d.End})
	}
	for _, m := range doc.Marks {
		skip = append(skip, document.Span{Start: m.Start, End: m.End})
	}
	slices.SortFunc(skip, func(a, b document.Span) int { return a.Start - b.Start })
	sentences := doc.Sentences[:0]
	pos := 0
	for _, span := range skip {
		start, end := clamp(span.Start, len(text)), clamp(span.End, len(text))
		if start > pos {
			sentences = Split(text, pos, start, sentences)
		}
		pos = max(pos, end)
	}
	if pos < len(text) {
		sentences = Split(text, pos, len(text), sentences)
	}
	doc.Sentences = sentences
}

func clamp(v, n int) int { return min(max(v, 0), n) }

// Split segments text[start:end] (offsets are absolute into text) and appends sentences
// with tokens to dst. The tokens of all the sentences share one backing array.
func Split(text string, start, end int, dst []document.Sentence) []document.Sentence {
	start, end = clamp(start, len(text)), clamp(end, len(text))
	if start >= end {
		return dst
	}
	s := splitter{text: text}
	s.spans = make([]document.Span, 0, (end-start)/4+1)
	s.gaps = make([]gap, 0, cap(s.spans))
	s.tokenize(start, end)
	s.buildTokens()
	return s.sentences(dst)
}
