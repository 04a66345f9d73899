// Package dateline reads the parts of a wire story that are not prose: the dateline at the top
// ("ASTANA, May 20 (Xinhua) --"), a headline line and bylines before it, and the end-of-story
// marks and credit lines at the bottom ("■", "(end)", "-30-", "(Reporting by …; Editing by …)",
// the 1987 Reuters "Reuter").
//
// It reads Document.Text, as clean left it (NFC, single spaces, LF newlines), and adds
// Document.Dateline (place in title case, agency by its canonical name, the date as written)
// and Document.Marks (end-of-story, credit, byline and headline regions), so that segmentation
// keeps them out of sentences. Resolving the dateline's year is left to package timex, unless
// the year is written.
//
// The header forms are those of the agencies' style guides: AP and Reuters ("WASHINGTON
// (Reuters) -", "LONDON, Jan. 5, 2024 (AP) —", "KYIV, Ukraine (AP) —"), Xinhua ("BEIJING, May
// 20 /Xinhua/ --"), the Indian agencies ("NEW DELHI, Oct 14 (IANS)") and 1987 Reuters
// ("SAN JOSE, Calif., March 2 - "). A place with a state or country after it keeps the place in
// Place ("Kyiv") and the qualifier in Region ("Ukraine").
//
// Annotate looks only at the first few lines and the last few, so its cost does not grow with
// the length of the story.
package dateline

import (
	"slices"
	"strings"

	"herald/document"
)

// maxHeaderLines is how many headline and byline lines may stand before the dateline.
const maxHeaderLines = 4

// Annotate finds the dateline at the start of the story (after an optional headline line and
// bylines) and the non-prose regions around it and at the end, and records them in
// doc.Dateline and doc.Marks. Marks of the kinds this package writes are replaced, others are
// kept; doc.Marks ends up sorted by Start and without overlaps. doc.Dateline is nil when the
// story has no dateline.
func Annotate(doc *document.Document) {
	text := doc.Text
	marks := slices.DeleteFunc(doc.Marks, func(m document.Mark) bool { return isOwnKind(m.Kind) })

	h := scanHeader(text)
	doc.Dateline = h.dateline
	marks = append(marks, h.marks...)
	for _, m := range scanTail(text, h.end) {
		if !overlapsAny(marks, m) {
			marks = append(marks, m)
		}
	}
	slices.SortStableFunc(marks, func(a, b document.Mark) int { return a.Start - b.Start })
	if len(marks) == 0 {
		marks = nil
	}
	doc.Marks = marks
}

func isOwnKind(kind string) bool {
	switch kind {
	case document.MarkEndOfStory, document.MarkCredit, document.MarkByline, document.MarkHeadline:
		return true
	}
	return false
}

func overlapsAny(marks []document.Mark, m document.Mark) bool {
	for _, o := range marks {
		if m.Start < o.End && o.Start < m.End {
			return true
		}
	}
	return false
}

// header is what the top of a story holds.
type header struct {
	dateline *document.Dateline
	marks    []document.Mark // headline and bylines, in text order
	end      int             // where the header ends: nothing before it is prose
}

// scanHeader reads the top of the story: an optional headline line, bylines, the dateline, and
// a byline on the line after a dateline that ends its line.
func scanHeader(text string) header {
	var h header
	var headline *document.Mark
	pos := skipBlank(text, 0)
	for step := 0; step < maxHeaderLines && pos < len(text); step++ {
		if d, ok := Parse(text[pos:]); ok {
			d.Start += pos
			d.End += pos
			h.dateline = &d
			h.end = d.End
			break
		}
		lineEnd := lineEndAt(text, pos)
		line := strings.TrimRight(text[pos:lineEnd], " \t\r")
		switch {
		case isByline(line):
			h.marks = append(h.marks, document.Mark{Kind: document.MarkByline, Start: pos, End: pos + len(line)})
			h.end = pos + len(line)
		case headline == nil && len(h.marks) == 0 && isHeadline(line):
			headline = &document.Mark{Kind: document.MarkHeadline, Start: pos, End: pos + len(line)}
		default:
			step = maxHeaderLines // prose: the header, if any, is over
			continue
		}
		pos = skipBlank(text, lineEnd)
	}
	if h.dateline != nil {
		// A byline may also stand on the line after a dateline that ends its line.
		lineEnd := lineEndAt(text, h.dateline.End)
		if strings.TrimSpace(text[h.dateline.End:lineEnd]) == "" {
			next := skipBlank(text, lineEnd)
			nextEnd := lineEndAt(text, next)
			if line := strings.TrimRight(text[next:nextEnd], " \t\r"); isByline(line) {
				h.marks = append(h.marks, document.Mark{Kind: document.MarkByline, Start: next, End: next + len(line)})
				h.end = next + len(line)
			}
		}
	}
	// A headline is only known to be one by what follows it.
	if headline != nil && (h.dateline != nil || len(h.marks) > 0) {
		h.marks = append([]document.Mark{*headline}, h.marks...)
		h.end = max(h.end, headline.End)
	}
	return h
}

// skipBlank skips spaces and newlines.
func skipBlank(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	return i
}

// lineEndAt returns the index of the newline ending the line that holds i, or len(text).
func lineEndAt(text string, i int) int {
	if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(text)
}
