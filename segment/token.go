package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/document"
)

// gap describes the whitespace before a token; the sentence pass reads it.
type gap uint8

const (
	gapNone      gap = iota // attached to the previous token: "U.S." + "-" + "led"
	gapSpace                // spaces, or a line break inside a wrapped paragraph
	gapShortLine            // a line break made on purpose in wrapped text: after a heading, a table row (lines.go)
	gapBreak                // a blank line, an indented line, a list item, a break in one-paragraph-per-line text
)

// wrapWidth: when every line of a region is at most this long, the text is taken to be
// wrapped at a fixed width (Reuters 1987 wraps at about 70 columns) and a single line
// break is a space unless the lines around it show it was made on purpose (lines.go).
// Longer lines mean one paragraph per line, and every break ends a sentence.
const wrapWidth = 100

// Byte classes for the ASCII fast path; bytes >= 0x80 have none.
const (
	classLetter = 1 << iota
	classDigit
	classUpper
	classLower
	classSpace
)

var asciiClass = func() (t [256]uint8) { // 256 entries: bytes of multi-byte runes have class 0
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLetter | classLower
		t[c-'a'+'A'] = classLetter | classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for _, c := range " \t\n\r\f\v" {
		t[c] = classSpace
	}
	return t
}()

// splitter holds the state of one Split call: the tokens found so far and the gap before
// each.
type splitter struct {
	text string
	end  int // end of the region being split
	// spans collects the tokens while scanning: they are small and hold no pointers, so
	// growing them is cheap; tokens is then allocated once, at its final size.
	spans   []document.Span
	tokens  []document.Token
	gaps    []gap
	pending gap // gap before the next emitted token
}

func (s *splitter) emit(start, end int) {
	if start >= end {
		return
	}
	s.spans = append(s.spans, document.Span{Start: start, End: end})
	s.gaps = append(s.gaps, s.pending)
	s.pending = gapNone
}

// buildTokens turns the collected spans into the document's tokens.
func (s *splitter) buildTokens() {
	s.tokens = make([]document.Token, len(s.spans))
	for i, sp := range s.spans {
		s.tokens[i] = document.Token{Start: sp.Start, End: sp.End, Text: s.text[sp.Start:sp.End]}
	}
}

// tokenize splits text[start:end] into tokens, recording the gap before each.
func (s *splitter) tokenize(start, end int) {
	text := s.text
	s.end = end
	// A region that starts inside a line (after a dateline: "BONN, April 3 - West German
	// Finance Minister Gerhard\nStoltenberg said …") is measured from the line's real
	// start: the rest of the line alone would look like a short heading line.
	first := lineBegin(text, start)
	longest, width := lineWidths(text[first:end])
	wrapped := longest <= wrapWidth
	// In wrapped text, a line well short of the wrap width that ends without punctuation
	// is a heading or the end of a paragraph.
	shortLine := longest * 2 / 3

	s.pending = gapBreak
	newlines, lineStart, prevLineLen := 0, first, 0
	indent := 0 // spaces after the last line break
	sawSpace := false
	// cur describes the line being read, prev the one before the last line break. The
	// region's first line opens a paragraph only if the region starts at a line start.
	cur := lineShape{opens: strings.TrimSpace(text[first:start]) == "", title: true}
	var prev lineShape
	i := start
	for i < end {
		c := text[i]
		size := 1
		isSpace := false
		if c < utf8.RuneSelf {
			isSpace = asciiClass[c]&classSpace != 0
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:end])
			isSpace = unicode.IsSpace(r)
			if r == '\u2029' { // paragraph separator
				newlines += 2
			} else if r == '\u2028' {
				c = '\n'
			}
		}
		if isSpace {
			sawSpace = true
			if c == '\n' {
				newlines++
				prevLineLen = len(strings.TrimRight(text[lineStart:i], " \t\r"))
				lineStart = i + size
				if cur.words > 0 {
					prev = cur
				}
				cur = lineShape{title: true}
				indent = 0
			} else if newlines > 0 {
				indent++
			}
			i += size
			continue
		}
		j := i + 1
		for j < end {
			b := text[j]
			if b < utf8.RuneSelf {
				if asciiClass[b]&classSpace != 0 {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if sawSpace && s.pending != gapBreak {
			switch {
			case newlines >= 2 || (newlines == 1 && (!wrapped || indent >= 2 || isBullet(text, i, j, end))):
				s.pending = gapBreak
			case newlines == 1 && (prevLineLen < shortLine ||
				brokenEarly(prevLineLen, j-i, width, prev.opens && prev.title)):
				s.pending = gapShortLine
			default:
				s.pending = gapSpace
			}
		}
		if newlines > 0 && s.pending == gapBreak {
			cur.opens = true
		}
		cur.add(text[i:j])
		newlines, indent, sawSpace = 0, 0, false
		s.chunk(i, j)
		i = j
	}
}

// chunk splits a run of non-space text into tokens.
func (s *splitter) chunk(i, j int) {
	text := s.text
	if j-i > 3 && s.special(i, j) {
		return
	}
	for p := i; p < j; {
		if isWordStart(text, p, j) {
			p = s.word(p, j)
		} else {
			p = s.punct(p, j)
		}
	}
}

// special handles chunks whose core is a URL, an e-mail address or an @handle, which stay
// whole: leading brackets and quotes and trailing punctuation are split off.
func (s *splitter) special(i, j int) bool {
	text := s.text
	chunk := text[i:j]
	at := strings.IndexByte(chunk, '@')
	colon := strings.Index(chunk, "://")
	www := strings.Index(chunk, "www.")
	if at < 0 && colon < 0 && www < 0 {
		return false
	}
	a, b := i, j
	for a < b && strings.IndexByte("([<\"'{", text[a]) >= 0 {
		a++
	}
	for b > a && strings.IndexByte(".,;:!?)]>\"'}", text[b-1]) >= 0 {
		if text[b-1] == ')' && strings.IndexByte(text[a:b], '(') >= 0 {
			break // "(disambiguation)" in a wiki URL belongs to it
		}
		b--
	}
	core := text[a:b]
	ok := false
	switch {
	case strings.Contains(core, "://"):
		scheme := core[:strings.Index(core, "://")]
		ok = scheme != "" && isAlphaString(scheme)
	case strings.HasPrefix(core, "www.") && len(core) > 6:
		ok = true
	case len(core) > 1 && core[0] == '@':
		ok = isHandle(core[1:])
	default:
		if k := strings.IndexByte(core, '@'); k > 0 {
			domain := core[k+1:]
			dot := strings.IndexByte(domain, '.')
			ok = dot > 0 && dot < len(domain)-1 && isAlnumByte(core[k-1])
		}
	}
	if !ok {
		return false
	}
	for p := i; p < a; {
		p = s.punct(p, a)
	}
	s.emit(a, b)
	for p := b; p < j; {
		p = s.punct(p, j)
	}
	return true
}

func isAlphaString(v string) bool {
	for i := 0; i < len(v); i++ {
		if asciiClass[v[i]]&classLetter == 0 && v[i] < utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isHandle(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isAlnumByte(v[i]) && v[i] != '_' {
			return false
		}
	}
	return v != ""
}

func isAlnumByte(c byte) bool {
	return c < utf8.RuneSelf && asciiClass[c]&(classLetter|classDigit) != 0
}

// isWordStart reports whether a letter, digit or combining mark starts at text[p].
func isWordStart(text string, p, j int) bool {
	c := text[p]
	if c < utf8.RuneSelf {
		return asciiClass[c]&(classLetter|classDigit) != 0
	}
	r, _ := utf8.DecodeRuneInString(text[p:j])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordAt reports whether a word character starts at text[p], p < j.
func wordAt(text string, p, j int) bool {
	return p < j && isWordStart(text, p, j)
}

func digitAt(text string, p, j int) bool {
	return p >= 0 && p < j && text[p] >= '0' && text[p] <= '9'
}

// word scans a word from text[p] and emits it, split as EWT splits: clitics ('s n't 're
// …), hyphens between words, fused forms (cannot, gonna). A period stays on the word when
// the word is an abbreviation. It returns the end of what it consumed.
func (s *splitter) word(p, j int) int {
	text := s.text
	segStart, partStart := p, p
	numeric := asciiClass[text[p]]&classDigit != 0 // the segment so far is a number
	q := p
scan:
	for q < j {
		c := text[q]
		if c < utf8.RuneSelf {
			if asciiClass[c]&classDigit != 0 {
				q++
				continue
			}
			if asciiClass[c]&classLetter != 0 {
				if numeric {
					numeric = false
					if q > segStart && s.splitUnit(segStart, q, j) { // 10am → 10 am, 1.4bn → 1.4 bn; 5th stays
						segStart, partStart = q, q
					}
				}
				q++
				continue
			}
			switch c {
			case '.':
				if wordAt(text, q+1, j) { // U.S, 1.5, e.g, example.com
					q++
					continue
				}
			case ',':
				if digitAt(text, q-1, j) && digitAt(text, q+1, j) { // 1,000
					q++
					continue
				}
			case ':', '/':
				if digitAt(text, q-1, j) && digitAt(text, q+1, j) { // 10:30, 9/11
					q++
					continue
				}
				if c == '/' && q-segStart == 1 && q+2 <= j && asciiClass[text[q+1]]&classLetter != 0 && !wordAt(text, q+2, j) { // b/c, w/o
					q += 2
					continue
				}
			case '&':
				if q+1 < j && asciiClass[text[q-1]]&classUpper != 0 && asciiClass[text[q+1]]&classUpper != 0 { // AT&T
					q++
					continue
				}
			case '\'':
				if next, done := s.apostrophe(segStart, q, 1, j); done {
					return next
				} else if next > q {
					q = next
					continue
				}
			case '-':
				if !wordAt(text, q+1, j) {
					break scan
				}
				if partStart == segStart && s.keepHyphen(segStart, q, j) {
					q++
					partStart = q
					continue
				}
				if partStart == segStart && digitAt(text, q-1, j) {
					if end := numberGroupsEnd(text, segStart, j); end > q {
						q = end
						continue
					}
				}
				s.emit(segStart, q)
				s.emit(q, q+1)
				q++
				segStart, partStart = q, q
				numeric = digitAt(text, q, j)
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[q:j])
		if isWordRune(r) {
			numeric = false
			q += n
			continue
		}
		if r == '’' {
			if next, done := s.apostrophe(segStart, q, n, j); done {
				return next
			} else if next > q {
				q = next
				continue
			}
		}
		break
	}
	return s.finishWord(segStart, q, j)
}

// splitUnit handles a number at text[start:q] followed by letters. EWT splits a unit or
// suffix off the number ("10am", "5km", "1.4bn") but keeps ordinals and decades ("5th",
// "1970s"), and keeps codes where digits follow the letters ("3G4"). When it splits, it
// emits the number and reports true.
func (s *splitter) splitUnit(start, q, j int) bool {
	text := s.text
	m := q
	for m < j && asciiClass[text[m]]&classLetter != 0 {
		m++
	}
	if wordAt(text, m, j) {
		return false
	}
	switch unit := text[q:m]; {
	case len(unit) <= 2 && (strings.EqualFold(unit, "th") || strings.EqualFold(unit, "st") ||
		strings.EqualFold(unit, "nd") || strings.EqualFold(unit, "rd") || strings.EqualFold(unit, "s")):
		return false
	}
	s.emit(start, q)
	return true
}

// apostrophe decides what an apostrophe of width w at text[q] inside a word means. A
// clitic ('s 're 've 'll 'd 'm, n't) is split off and emitted with the word before it
// (done = true); an apostrophe inside a name (O'Brien) continues the word (next > q); any
// other ends the word (next == q).
func (s *splitter) apostrophe(segStart, q, w, j int) (next int, done bool) {
	text := s.text
	k := q + w
	m := k
	for m < j && asciiClass[text[m]]&classLetter != 0 {
		m++
	}
	if m == k {
		return q, false // trailing: a possessive (students') or a closing quote
	}
	if wordAt(text, m, j) {
		return k, false // letters continue beyond ASCII: part of a name
	}
	switch rest := text[k:m]; {
	case len(rest) <= 2 && (strings.EqualFold(rest, "s") || strings.EqualFold(rest, "re") || strings.EqualFold(rest, "ve") ||
		strings.EqualFold(rest, "ll") || strings.EqualFold(rest, "d") || strings.EqualFold(rest, "m")):
		s.finishWord(segStart, q, q)
		s.emit(q, m)
		return m, true
	case len(rest) == 1 && (rest[0] == 't' || rest[0] == 'T'):
		if q-segStart >= 2 && (text[q-1] == 'n' || text[q-1] == 'N') {
			s.emit(segStart, q-1)
			s.emit(q-1, m)
			return m, true
		}
	}
	return k, false
}

// fusedSplit returns where EWT splits a fused form like "cannot" or "dont" (the length of
// its first part), or 0. The lookup lowercases into a stack buffer, so it never allocates.
func fusedSplit(word string) int {
	if len(word) < 2 || len(word) > 8 {
		return 0
	}
	switch word[len(word)-1] | 0x20 { // every fused form ends in one of these letters
	case 't', 'a', 's', 'm', 'e':
	default:
		return 0
	}
	var buf [8]byte
	return fusedWords[string(lowerASCII(buf[:0], word))]
}

// lowerASCII appends s to dst with its ASCII capitals made small, for map lookups that
// must not allocate (a map index by string(bytes) does not copy).
func lowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiClass[c]&classUpper != 0 {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// keepHyphen reports whether the hyphen at text[q] joins a prefix EWT keeps attached
// ("e-mail", "non-violent", "mid-July").
func (s *splitter) keepHyphen(start, q, j int) bool {
	if q-start > 7 {
		return false
	}
	var buf [8]byte
	for i := start; i < q; i++ {
		c := s.text[i]
		if asciiClass[c]&classUpper != 0 {
			c += 'a' - 'A'
		}
		buf[i-start] = c
	}
	return hyphenPrefixes[string(buf[:q-start])]
}

// numberGroupsEnd returns the end of a hyphenated run of digit groups starting at start
// that EWT keeps whole: three or more groups (2024-05-20, 713-853-3989) or a phone or ZIP
// shape (345-9945, 77042-2016). Otherwise it returns start: ranges like 3-4 split.
func numberGroupsEnd(text string, start, j int) int {
	var lens [4]int
	groups := 0
	p := start
	for {
		g := p
		for p < j && text[p] >= '0' && text[p] <= '9' {
			p++
		}
		if p == g {
			return start
		}
		if groups < len(lens) {
			lens[groups] = p - g
		}
		groups++
		if p+1 < j && text[p] == '-' && digitAt(text, p+1, j) {
			p++
			continue
		}
		break
	}
	if wordAt(text, p, j) {
		return start // 3-4pm, 10-year: not a number shape
	}
	if groups >= 3 || (groups == 2 && (lens[0] == 3 || lens[0] == 5) && lens[1] == 4) {
		return p
	}
	return start
}

// finishWord emits text[start:q], splitting fused forms and keeping the period of an
// abbreviation. It returns where scanning continues.
func (s *splitter) finishWord(start, q, j int) int {
	text := s.text
	if q-start == 3 && (text[start:q] == "its" || text[start:q] == "Its") && itsContraction[s.nextWord(q, j)] {
		s.emit(start, start+2)
		s.emit(start+2, q)
		return q
	}
	if k := fusedSplit(text[start:q]); k > 0 {
		s.emit(start, start+k)
		s.emit(start+k, q)
		return q
	}
	if q < j && text[q] == '.' && !(q+1 < j && text[q+1] == '.') && abbreviationClass(text[start:q]) != abbrevNone {
		s.emit(start, q+1)
		return q + 1
	}
	s.emit(start, q)
	return q
}

// nextWord returns the lower-case ASCII word after the spaces that follow the chunk
// ending at j, when the word at q ends its chunk; "" otherwise.
func (s *splitter) nextWord(q, j int) string {
	text := s.text
	if q != j {
		return ""
	}
	a := q
	for a < s.end && (text[a] == ' ' || text[a] == '\t') {
		a++
	}
	b := a
	for b < s.end && b-a < 10 && asciiClass[text[b]]&classLower != 0 {
		b++
	}
	if b < s.end && asciiClass[text[b]]&classLetter != 0 {
		return ""
	}
	return text[a:b]
}

// abbreviationClass says whether word (without its period) is an abbreviation: a listed
// one, a dotted initialism (U.S, e.g, Ph.D) or a single letter (an initial).
func abbreviationClass(word string) abbrevClass {
	if c, ok := abbreviations[word]; ok {
		return c
	}
	switch word {
	case "a.m", "p.m", "A.M", "P.M":
		return abbrevMeridiem
	}
	if len(word) == 1 && asciiClass[word[0]]&classLetter != 0 {
		return abbrevInitialism
	}
	if strings.IndexByte(word, '.') < 0 || len(word) > 12 {
		return abbrevNone
	}
	seg := 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c == '.':
			if seg == 0 {
				return abbrevNone
			}
			seg = 0
		case asciiClass[c]&classLetter != 0:
			seg++
			if seg > 3 {
				return abbrevNone
			}
		default:
			return abbrevNone
		}
	}
	return abbrevInitialism
}

// punct emits the punctuation token at text[p] and returns its end. Runs of sentence
// punctuation (..., ?!, !!), of one dash or of one repeated symbol (*** or a doubled apostrophe), are one token,
// as in EWT; so are the common emoticons.
func (s *splitter) punct(p, j int) int {
	text := s.text
	c := text[p]
	q := p + 1
	if c >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(text[p:j])
		q = p + n
		if r == '—' || r == '–' || r == '…' {
			for strings.HasPrefix(text[q:j], text[p:p+n]) {
				q += n
			}
		}
		s.emit(p, q)
		return q
	}
	switch c {
	case '.', '!', '?':
		for q < j && (text[q] == '.' || text[q] == '!' || text[q] == '?') {
			q++
		}
	case ':', ';':
		if q < j && (text[q] == ')' || text[q] == '(' || text[q] == 'D' || text[q] == 'P') && (q+1 == j || !wordAt(text, q+1, j)) {
			q++
		} else if q+1 < j && text[q] == '-' && (text[q+1] == ')' || text[q+1] == '(') {
			q += 2
		}
	case '(', ')', '[', ']', '{', '}', '"':
		// brackets and straight double quotes are always single
	default:
		for q < j && text[q] == c {
			q++
		}
	}
	s.emit(p, q)
	return q
}
