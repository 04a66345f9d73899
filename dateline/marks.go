package dateline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/document"
)

// maxTailMarks bounds the walk back from the end of the story: a story ends with a handful of
// marks and credits at most, and the bound keeps Annotate's cost independent of the text size.
const maxTailMarks = 8

// Line-length limits for header lines: a headline or byline longer than this is prose.
const (
	maxHeadlineBytes = 200
	maxHeadlineWords = 25
	maxBylineBytes   = 120
	maxBylineWords   = 14
)

// endMarker is the end-of-story sign Xinhua and others put after the last sentence.
const endMarker = "■"

// scanTail walks back from the end of text, one mark at a time, and returns the end-of-story
// marks and credit lines it finds, last first. It never reaches below floor (the end of the
// header), so tail marks cannot overlap header marks or the dateline.
func scanTail(text string, floor int) []document.Mark {
	var marks []document.Mark
	end := len(text)
	for n := 0; n < maxTailMarks; n++ {
		e := trimRightSpace(text, end)
		if e <= floor {
			break
		}
		ls := strings.LastIndexByte(text[floor:e], '\n') + 1 + floor
		ls = skipLeadingSpace(text, ls, e)
		m, ok := tailMark(text, ls, e, n == 0)
		if !ok || m.Start < floor {
			break
		}
		marks = append(marks, m)
		end = m.Start
	}
	return marks
}

// tailMark recognises the mark that ends at e on the line text[ls:e]. last is true when e is
// the end of the whole text, where a bare "Reuter" is the 1987 Reuters end mark.
func tailMark(text string, ls, e int, last bool) (document.Mark, bool) {
	line := text[ls:e]
	mark := func(kind string, start int) (document.Mark, bool) {
		return document.Mark{Kind: kind, Start: start, End: e}, true
	}
	if strings.HasSuffix(line, endMarker) {
		return mark(document.MarkEndOfStory, e-len(endMarker))
	}
	if strings.HasSuffix(line, ")") {
		if open := strings.LastIndexByte(line, '('); open >= 0 {
			content := line[open+1 : len(line)-1]
			switch {
			case isEndWord(content):
				return mark(document.MarkEndOfStory, ls+open)
			case hasCreditPrefix(content):
				return mark(document.MarkCredit, ls+open)
			}
		}
	}
	tokStart := strings.LastIndexByte(line, ' ') + 1
	tok := line[tokStart:]
	ownLine := tokStart == 0
	switch {
	case line == "# # #" || line == "- 30 -":
		return mark(document.MarkEndOfStory, ls)
	case tok == "-30-" || tok == "###" || tok == "-0-" || tok == "XXX":
		if ownLine || tok != "XXX" {
			return mark(document.MarkEndOfStory, ls+tokStart)
		}
	case tok == "ENDS" || tok == "END":
		if ownLine || endsSentence(line[:tokStart]) {
			return mark(document.MarkEndOfStory, ls+tokStart)
		}
	case isReuterSign(tok):
		// 1987 Reuters stories end with "Reuter" on its own line, in any case and sometimes
		// with trailing dots; "REUTERS" only counts on a line of its own.
		if ownLine || (last && (tok == "Reuter" || tok == "REUTER")) {
			return mark(document.MarkEndOfStory, ls+tokStart)
		}
	case ownLine && last && (tok == "More" || tok == "MORE" || tok == "more"):
		return mark(document.MarkEndOfStory, ls) // "more follows": the wire continues the story
	}
	if hasCreditPrefix(line) && len(line) <= 400 {
		return mark(document.MarkCredit, ls)
	}
	return document.Mark{}, false
}

// isReuterSign reports "Reuter", "REUTER", "reuter", "REUTERS", "REUTER...".
func isReuterSign(tok string) bool {
	tok = strings.TrimRight(tok, ".")
	return strings.EqualFold(tok, "reuter") || strings.EqualFold(tok, "reuters")
}

// endsSentence reports whether prefix ends with sentence punctuation and a space: "said. ENDS".
func endsSentence(prefix string) bool {
	p := strings.TrimRight(prefix, " ")
	if p == "" {
		return true
	}
	switch p[len(p)-1] {
	case '.', '!', '?', '"', ')':
		return true
	}
	return strings.HasSuffix(p, "”")
}

// isEndWord reports the bracketed end marks: "(end)", "(END)", "(Ends)".
func isEndWord(content string) bool {
	switch strings.TrimSpace(content) {
	case "end", "End", "END", "ends", "Ends", "ENDS":
		return true
	}
	return false
}

// creditPrefixes open a credit line; matched without regard to case.
var creditPrefixes = [...]string{
	"reporting by ", "additional reporting by ", "additional reporting ", "writing by ",
	"written by ", "editing by ", "edited by ", "compiled by ", "reporting and writing by ",
	"translated by ", "translation by ", "production by ", "graphics by ", "photos by ",
	"copyright ", "(c) ", "© ", "editor: ", "editors: ", "contributing: ", "contributing reporting",
	"source: ", "sources: ",
}

// hasCreditPrefix reports whether s opens like a credit line: "Reporting by …", "(c) 2024
// Reuters", "Copyright …", "Editor: …".
func hasCreditPrefix(s string) bool {
	for _, p := range creditPrefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return strings.HasPrefix(s, "©")
}

func trimRightSpace(text string, end int) int {
	for end > 0 {
		switch text[end-1] {
		case ' ', '\n', '\t', '\r':
			end--
			continue
		}
		break
	}
	return end
}

func skipLeadingSpace(text string, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// isByline reports a line that names the writers: "By Jane Doe", "By JANE DOE, Reuters",
// "By Jane Doe and John Roe, Associated Press". Every word must be capitalised or one of the
// few small words a byline holds, so "By Monday, officials had left" is not one.
func isByline(line string) bool {
	if len(line) > maxBylineBytes || !(strings.HasPrefix(line, "By ") || strings.HasPrefix(line, "BY ")) {
		return false
	}
	rest := line[3:]
	if rest == "" || strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, "Jr.") {
		return false
	}
	words, capitalised := 0, 0
	for _, w := range strings.Fields(rest) {
		w = strings.TrimRight(w, ",;")
		if w == "" {
			continue
		}
		words++
		if words > maxBylineWords {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capitalised++
		case words == 1:
			return false
		case isBylineSmallWord(w) || isParticle(w):
		default:
			return false
		}
	}
	return capitalised > 0
}

// isBylineSmallWord lists the lowercase words a byline may hold besides name particles.
func isBylineSmallWord(w string) bool {
	switch w {
	case "and", "&", "in", "for", "with", "staff", "writer", "writers", "correspondent",
		"correspondents", "reporter", "reporters", "editor", "news", "agency", "special", "to":
		return true
	}
	return false
}

// isHeadline reports a line that can be a title: short, with a letter, and not ending like a
// sentence or a clause. Whether it is one depends on what follows (a dateline or byline).
func isHeadline(line string) bool {
	if line == "" || len(line) > maxHeadlineBytes {
		return false
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':':
		return false
	}
	hasLetter := false
	words := 0
	inWord := false
	for _, r := range line {
		if r == ' ' {
			inWord = false
			continue
		}
		if !inWord {
			words++
			inWord = true
		}
		if unicode.IsLetter(r) {
			hasLetter = true
		}
	}
	return hasLetter && words <= maxHeadlineWords
}
