package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// In text wrapped at a fixed width (Reuters 1987 wraps at about 65 columns) a single line
// break is a space, unless the writer broke the line on purpose: after a heading, a table
// row or the last line of a paragraph, or before a list item. The tokenizer tells these
// apart by the shape of the lines around the break; the sentence pass then ends a
// sentence there only if the line does not end in a word that needs the next one.

// lineBegin returns the start of the line that holds offset start. It looks back at most
// wrapWidth+1 bytes, which keeps Split linear however many regions share a line: a line
// that long is not wrapped text, and the offset it returns then still makes it longer
// than wrapWidth.
func lineBegin(text string, start int) int {
	from := max(start-wrapWidth-1, 0)
	if k := strings.LastIndexByte(text[from:start], '\n'); k >= 0 {
		return from + k + 1
	}
	return from
}

// lineWidths returns the length in bytes of the longest line of text, and the width it
// seems wrapped at: the longest line once the longest tenth of the lines are set aside,
// as one line set apart from the rest (a table row, a line of other copy pasted in)
// would make every line of running text look broken early. Lines longer than wrapWidth
// count as wrapWidth+1 bytes: such text is not wrapped, and its width does not matter.
func lineWidths(text string) (longest, width int) {
	var count [wrapWidth + 2]int // lines by length; the last counts all longer lines
	lines := 0
	for text != "" {
		n := strings.IndexByte(text, '\n')
		if n < 0 {
			n = len(text)
		}
		longest = max(longest, n)
		count[min(n, wrapWidth+1)]++
		lines++
		if n == len(text) {
			break
		}
		text = text[n+1:]
	}
	skip := lines / 10
	for width = len(count) - 1; width > 0 && count[width] <= skip; width-- {
		skip -= count[width]
	}
	return longest, min(width, longest)
}

// fitMargin is how many bytes the first word of the next line must have had to spare on
// the line before, for the break to count as deliberate. A wrapper moves a word to the
// next line only when it does not fit; the margin allows for the width varying a little
// within a story. (In Reuters-21578, of the 162,579 line breaks before a lower-case word,
// that is inside running text, the word would have fit with no byte to spare at 18%, with
// 4 or more at 0.25% and with 10 or more at 0.16%.)
const fitMargin = 10

// lineShape is what the tokenizer keeps about a line to judge the break after it.
type lineShape struct {
	opens bool // the line starts the region or a paragraph: a heading may stand there
	title bool // every word is capitalised, or a small word ("of", "the"): title case or all caps
	words int
}

// add records the chunk of non-space text w, the line's next word.
func (l *lineShape) add(w string) {
	l.words++
	if !l.title {
		return
	}
	for k, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsLower(r) && !titleSmallWords[letters(w[k:])] {
			l.title = false
		}
		return
	}
}

// letters returns the letters that w starts with.
func letters(w string) string {
	for k, r := range w {
		if !unicode.IsLetter(r) {
			return w[:k]
		}
	}
	return w
}

// titleSmallWords stay in lower case in a title-case heading.
var titleSmallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true,
	"nor": true, "but": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"by": true, "with": true, "from": true, "as": true, "into": true, "vs": true, "via": true, "per": true}

// brokenEarly reports whether a line of lineLen bytes was broken on purpose: the next
// line's first word, of wordLen bytes, would have fitted on it in text wrapped at width,
// with fitMargin to spare; with no margin after a heading (a title-case line that opens
// a paragraph).
func brokenEarly(lineLen, wordLen, width int, heading bool) bool {
	fit := lineLen + 1 + wordLen
	return fit+fitMargin <= width || heading && fit <= width
}

// isBullet reports whether the chunk text[i:j], the first on its line, is a list item's
// bullet ("-", "*", "•") or label ("1)", "(a)") followed by a space and a word that is
// not in lower case: a dash that wrapping put at the start of a line goes on in lower case
// ("- mainly government funds -").
func isBullet(text string, i, j, end int) bool {
	switch w := text[i:j]; {
	case w == "-" || w == "*" || w == "•" || w == "·" || w == "–":
	case len(w) >= 2 && w[len(w)-1] == ')' && isLabel(w[:len(w)-1]):
	default:
		return false
	}
	k := j
	for k < end && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k == j || k == end || text[k] == '\n' || text[k] == '\r' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:end])
	return !unicode.IsLower(r)
}

// isLabel reports whether w, a list label without its closing bracket, is a number of
// one or two digits or a single letter, with an optional opening bracket: "1", "(2", "a".
func isLabel(w string) bool {
	if w[0] == '(' {
		w = w[1:]
	}
	switch {
	case len(w) == 1 && asciiClass[w[0]]&(classDigit|classLower) != 0:
		return true
	case len(w) == 2 && asciiClass[w[0]]&classDigit != 0 && asciiClass[w[1]]&classDigit != 0:
		return true
	}
	return false
}

// endsNoLine reports whether a line that ends in the token t must go on in the next: no
// heading, table row or paragraph ends in an article, a preposition, a conjunction or an
// auxiliary ("a unit of\nLloyds Bank"). It ignores case, for text in capitals. ("said" is
// not one: a short line ending in it is a paragraph whose full stop is missing.)
func endsNoLine(t string) bool {
	if len(t) > 6 || t == "A" { // "Class A", "Series A"
		return false
	}
	var buf [6]byte
	return lineJoiners[string(lowerASCII(buf[:0], t))]
}

var lineJoiners = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true,
	"nor": true, "but": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"by": true, "with": true, "from": true, "into": true, "than": true, "that": true, "which": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "is": true, "are": true,
	"was": true, "were": true, "has": true, "have": true, "had": true, "will": true, "would": true}
