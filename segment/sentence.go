package segment

import (
	"unicode"
	"unicode/utf8"

	"herald/document"
)

// stopKind classifies a token that may end a sentence.
type stopKind uint8

const (
	stopNone   stopKind = iota
	stopPunct           // . ! ? ... … and runs of them
	stopAbbrev          // an abbreviation with its period; see abbrevClass
)

// sentences groups the tokens into sentences and appends them to dst.
func (s *splitter) sentences(dst []document.Sentence) []document.Sentence {
	tokens, gaps := s.tokens, s.gaps
	n := len(tokens)
	begin := 0
	for i := 0; i < n; i++ {
		last, ends := i, false
		switch {
		case i+1 == n || gaps[i+1] == gapBreak:
			ends = true
		case tokens[i].Text == ":" && s.listItemAt(i+1):
			// "my comments: 1. In Section 2 …": the list item starts a sentence.
			ends = true
		case tokens[i].Text == "," && i+1 < n && startsUpper(tokens[i+1].Text) && s.isSalutation(begin, i):
			// Letters and e-mail: "Thanks, Paula" and "Dear Mr. Horton, I have …" are
			// sentences of their own in EWT.
			ends = true
		case s.stop(i) != stopNone && !(tokens[i].Text == "." && s.listItemAt(i-1) && (i-1 == begin || (i-2 == begin && tokens[begin].Text == "*"))):
			// (A list item's "1." opens its sentence rather than being one.)
			j := i
			for j+1 < n && ((gaps[j+1] == gapNone && isCloser(tokens[j+1].Text)) ||
				(gaps[j+1] != gapBreak && isEmoticon(tokens[j+1].Text))) {
				j++
			}
			if j+1 == n || gaps[j+1] == gapBreak || s.endsBefore(i, j+1, j > i) {
				last, ends = j, true
			}
		case isMeridiem(tokens[i].Text) && i > 0 && isClockTime(tokens[i-1].Text) && starters[tokens[i+1].Text]:
			// E-mail headers: "Kay Mann 04/26/2001 07:17 AM Will you …"
			ends = true
		case gaps[i+1] == gapShortLine:
			ends = !isContinuer(tokens[i].Text) && !endsNoLine(tokens[i].Text) && startsUpperOrDigit(tokens[i+1].Text)
		}
		if ends {
			if last-begin+1 > MaxTokens {
				dst = s.appendLong(dst, begin, last)
			} else {
				dst = s.appendSentence(dst, begin, last, false)
			}
			begin, i = last+1, last
		}
	}
	return dst
}

// stop says whether token i may end a sentence.
func (s *splitter) stop(i int) stopKind {
	t := s.tokens[i].Text
	switch t[0] {
	case '.', '!', '?':
		for k := 1; k < len(t); k++ {
			if c := t[k]; c != '.' && c != '!' && c != '?' {
				return stopNone
			}
		}
		return stopPunct
	}
	if t == "…" || t == "……" {
		return stopPunct
	}
	if len(t) > 1 && t[len(t)-1] == '.' {
		return stopAbbrev
	}
	return stopNone
}

// endsBefore decides whether the sentence that token i may end does end before token k,
// from what token k (and the word after an opening bracket or quote) looks like.
func (s *splitter) endsBefore(i, k int, closed bool) bool {
	next := s.tokens[k].Text
	word := next
	if isOpener(next) && k+1 < len(s.tokens) {
		word = s.tokens[k+1].Text
	}
	if s.stop(i) == stopPunct {
		switch next {
		case ",", ";", ":", "-", "--", "%":
			return false
		}
		if s.stop(k) == stopPunct { // spaced dots ". . ." or "? ? ?" end once, at the last
			return false
		}
		if startsLower(word) {
			// Web text often starts sentences in lower case ("india? where did you grow
			// up?"), while wire copy rarely has a lower-case word after a full stop that
			// isn't an abbreviation. An ellipsis, or a stop inside quotes ("Why?" he
			// asked), usually leaves the sentence open.
			t := s.tokens[i].Text
			return !closed && !isDots(t) && t != "…"
		}
		return true
	}
	t := s.tokens[i].Text
	switch abbreviationClass(t[:len(t)-1]) {
	case abbrevFinal:
		return startsUpper(next)
	case abbrevMeridiem:
		return startsUpper(next) && !calendarWords[next] && !isAllCaps(next)
	case abbrevNone: // a token like "U.S.-made." is not listed; treat it as a full stop
		return !startsLower(word)
	default:
		return starters[next]
	}
}

func isCloser(t string) bool {
	switch t {
	case ")", "]", "}", "\"", "'", "”", "’", "»", "''", "’’":
		return true
	}
	return false
}

func isOpener(t string) bool {
	switch t {
	case "(", "[", "{", "\"", "'", "“", "‘", "«", "``":
		return true
	}
	return false
}

// isContinuer reports whether a line ending in token t must go on: a comma, a dash or an
// opening bracket ends no heading.
func isContinuer(t string) bool {
	switch t {
	case ",", ";", ":", "-", "--", "(", "[", "&", "/":
		return true
	}
	return false
}

func firstRune(t string) rune {
	if t == "" {
		return utf8.RuneError
	}
	if t[0] < utf8.RuneSelf {
		return rune(t[0])
	}
	r, _ := utf8.DecodeRuneInString(t)
	return r
}

func startsLower(t string) bool { return unicode.IsLower(firstRune(t)) }
func startsUpper(t string) bool { return unicode.IsUpper(firstRune(t)) }

func startsUpperOrDigit(t string) bool {
	r := firstRune(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(t)
}

// isEmoticon reports whether t is one of the emoticons the tokenizer keeps whole; after a
// full stop it belongs to the sentence before ("I love her. :)").
func isEmoticon(t string) bool {
	switch t {
	case ":)", ":(", ";)", ":-)", ":-(", ":D", ":P", ";-)":
		return true
	}
	return false
}

func isMeridiem(t string) bool { return t == "AM" || t == "PM" }

// isClockTime reports whether t looks like 10:30 or 03:14:14.
func isClockTime(t string) bool {
	colon := false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == ':':
			colon = true
		case c < '0' || c > '9':
			return false
		}
	}
	return colon && t[0] != ':'
}

// listItemAt reports whether tokens k and k+1 are a list label like "1.": a short number
// and an attached period, followed by a space.
func (s *splitter) listItemAt(k int) bool {
	return k >= 0 && k+2 < len(s.tokens) && isListNumber(s.tokens[k].Text) &&
		s.tokens[k+1].Text == "." && s.gaps[k+1] == gapNone && s.gaps[k+2] != gapNone
}

// isDots reports whether t is a run of two or more periods: an ellipsis.
func isDots(t string) bool {
	if len(t) < 2 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != '.' {
			return false
		}
	}
	return true
}

// isListNumber reports whether t is a number that can label a list item: 1 to 3 digits.
func isListNumber(t string) bool {
	if len(t) == 0 || len(t) > 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// isSalutation reports whether tokens[begin:end] are a letter's opening or closing
// formula: "Thanks", "Best regards", "Dear Mr. Horton".
func (s *splitter) isSalutation(begin, end int) bool {
	n := end - begin
	if n < 1 || n > 4 {
		return false
	}
	first := s.tokens[begin].Text
	if first == "Dear" || first == "Hi" || first == "Hello" {
		return n >= 2
	}
	if n == 1 {
		return signOffs[first]
	}
	last := s.tokens[end-1].Text
	return n == 2 && (signOffs[last] || last == "you" && first == "Thank" || last == "care" && first == "Take")
}

var signOffs = map[string]bool{
	"Thanks": true, "Regards": true, "regards": true, "Best": true, "Sincerely": true,
	"Cheers": true, "Respectfully": true, "Cordially": true, "Yours": true, "wishes": true,
}

// isAllCaps reports whether t has no lower-case ASCII letter: "EST", "GMT".
func isAllCaps(t string) bool {
	for i := 0; i < len(t); i++ {
		if asciiClass[t[i]]&classLower != 0 {
			return false
		}
	}
	return true
}
