package clean

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Mojibake repair: UTF-8 bytes that some program decoded as Windows-1252 or Latin-1.
//
// Every UTF-8 lead byte 0xC2-0xF4 decodes in Windows-1252 to one of "Â" ... "ô"
// (U+00C2-U+00F4), and every continuation byte 0x80-0xBF to a Latin-1 symbol, a C1 code, or
// one of the 27 characters Windows-1252 puts at 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ”
// • – — ˜ ™ š › œ ž Ÿ). A candidate is such a lead followed by the right number of
// continuation characters whose bytes ("sloppy" Windows-1252: the five undefined bytes map to
// the C1 code points of the same number, so every byte round-trips) form one valid UTF-8
// character. Candidates are found by scanning for the byte 0xC3 that starts every lead, so
// text without it costs one IndexByte.
//
// Whether a candidate is repaired depends on how unlikely the original is as real text and
// how plausible the decoded character is in its context. Decisions come in two tiers:
//
//   - strong evidence is repaired on its own: a C1 code among the continuations (real text
//     never has them); any 3- or 4-byte sequence ("â€™", "ðŸ˜€") that decodes to a plausible
//     character; "Ã" or "Â" followed by a symbol that never follows them in real words
//     ("Ã©", "Â°"), or by anything when a lowercase letter precedes ("cafÃ©"); other leads
//     ("Ä±", "Î³", "Ð±") when the decoded letter fits the case of the word it sits in.
//   - weak evidence is repaired only when the same document already has strong evidence:
//     isolated or ambiguous sequences, sequences where a program replaced a lost byte with
//     "?" or U+FFFD, and sequences whose NBSP byte became a plain space ("voilÃ le").
//
// A decoded character is implausible (never repaired) when it is a C1 code, an IPA letter,
// a Latin Extended-B letter other than the Romanian comma letters, a Hebrew point, a
// phonetic-extension letter, private use or unassigned: those are what legitimate text like
// "ZZAJÉ’s" (ɒ), "MARQUÉ…" (Ʌ), "4288×…" (a Hebrew point) or "lá´´" (ᴴ) would produce.
// A letter of a non-Latin script next to a Latin letter is implausible too ("Brontë…”"
// would become a Hangul syllable). Repairs repeat, pass after pass, for double and triple
// mojibake; a pass can leave a C1 code that only the next pass completes.

// cp1252High maps bytes 0x80-0x9F to Windows-1252 characters; the five bytes that
// Windows-1252 leaves undefined map to the C1 code point of the same number.
var cp1252High = [32]rune{
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
}

// sloppyByte returns the byte that r came from under sloppy Windows-1252, accepting the
// Latin-1 reading of 0x80-0x9F as well, since mojibake mixes both.
func sloppyByte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	switch r {
	case 0x20ac:
		return 0x80, true
	case 0x201a:
		return 0x82, true
	case 0x0192:
		return 0x83, true
	case 0x201e:
		return 0x84, true
	case 0x2026:
		return 0x85, true
	case 0x2020:
		return 0x86, true
	case 0x2021:
		return 0x87, true
	case 0x02c6:
		return 0x88, true
	case 0x2030:
		return 0x89, true
	case 0x0160:
		return 0x8a, true
	case 0x2039:
		return 0x8b, true
	case 0x0152:
		return 0x8c, true
	case 0x017d:
		return 0x8e, true
	case 0x2018:
		return 0x91, true
	case 0x2019:
		return 0x92, true
	case 0x201c:
		return 0x93, true
	case 0x201d:
		return 0x94, true
	case 0x2022:
		return 0x95, true
	case 0x2013:
		return 0x96, true
	case 0x2014:
		return 0x97, true
	case 0x02dc:
		return 0x98, true
	case 0x2122:
		return 0x99, true
	case 0x0161:
		return 0x9a, true
	case 0x203a:
		return 0x9b, true
	case 0x0153:
		return 0x9c, true
	case 0x017e:
		return 0x9e, true
	case 0x0178:
		return 0x9f, true
	}
	return 0, false
}

// continuation returns the continuation byte r stands for, if any.
func continuation(r rune) (byte, bool) {
	b, ok := sloppyByte(r)
	return b, ok && b >= 0x80 && b <= 0xbf
}

// evidence grades a candidate.
type evidence uint8

const (
	none   evidence = iota // leave alone
	weak                   // repair only if the document has strong evidence elsewhere
	strong                 // repair
)

// candidate is one possible mojibake sequence in the text.
type candidate struct {
	start, end int  // byte span in the text
	lead       rune // "Â" ... "ô"
	conts      [3]rune
	nconts     int  // continuation characters actually present
	width      int  // bytes of the UTF-8 sequence the lead announces: 2, 3 or 4
	r          rune // the decoded character
	lossy      bool // a continuation was lost ("?" or U+FFFD): decodes to U+FFFD
	lostNBSP   bool // the last continuation, an NBSP, became a plain space
	keepSpace  bool // lostNBSP, but the space also separated words: replace the lead only
	grade      evidence
}

// mojibakeFixer finds repairable mojibake. It remembers across passes and rounds whether the
// document has shown strong evidence, which licenses the weak repairs.
type mojibakeFixer struct {
	seenStrong bool
	cands      []candidate // scratch, reused across passes
}

// find returns the repairs for one pass over s, sorted and non-overlapping.
func (m *mojibakeFixer) find(s string) []edit {
	if strings.IndexByte(s, 0xc3) < 0 {
		return nil
	}
	m.cands = m.cands[:0]
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], 0xc3)
		if k < 0 {
			break
		}
		i += k
		if i+1 < len(s) && s[i+1] >= 0x82 && s[i+1] <= 0xb4 {
			if c, ok := parseCandidate(s, i); ok {
				m.cands = append(m.cands, c)
				i = c.end
				continue
			}
		}
		i++
	}
	if len(m.cands) == 0 {
		return nil
	}
	for k := range m.cands {
		m.cands[k].grade = m.grade(s, k)
		if m.cands[k].grade == strong {
			m.seenStrong = true
		}
	}
	var edits []edit
	for k := range m.cands {
		c := &m.cands[k]
		if c.grade == strong || (c.grade == weak && m.seenStrong) {
			end := c.end
			if c.keepSpace {
				end = c.start + 2
			}
			edits = append(edits, edit{c.start, end, string(c.r), "mojibake"})
		}
	}
	return edits
}

// parseCandidate reads the sequence whose lead ("Â" ... "ô", two bytes 0xC3 xx) is at s[i].
func parseCandidate(s string, i int) (candidate, bool) {
	leadByte := s[i+1] + 0x40
	c := candidate{start: i, lead: rune(leadByte), width: 2}
	switch {
	case leadByte >= 0xf0:
		c.width = 4
	case leadByte >= 0xe0:
		c.width = 3
	}
	var buf [4]byte
	buf[0] = leadByte
	j := i + 2
	known := c.width // bytes known before the first lost one
	for k := 0; k < c.width-1; k++ {
		if j >= len(s) {
			if c.lossy {
				break
			}
			return c, false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if b, ok := continuation(r); ok {
			buf[k+1] = b
			c.conts[k] = r
			c.nconts++
			j += size
			continue
		}
		last := k == c.width-2
		switch {
		case r == utf8.RuneError && size == 3:
			if !c.lossy {
				known = k + 1
			}
			c.lossy = true
			j += size
		case r == '?' && last && k == 1 && c.lead == 'â' && c.conts[0] == '€':
			c.lossy, known = true, k+1
			j += size
		case r == ' ' && last && !c.lossy && (k > 0 || c.width == 2):
			c.lostNBSP = true
			buf[k+1] = 0xa0
			j += size
		case c.lossy:
			k = c.width // a truncated lossy sequence ends here
		default:
			return c, false
		}
	}
	if c.lossy {
		if !validPrefix(buf[:known], c.width) {
			return c, false
		}
		c.r, c.end = utf8.RuneError, j
		return c, true
	}
	if leadByte == 0xed && buf[1] >= 0xa0 {
		return parseCESU8(s, c, buf, j)
	}
	r, size := utf8.DecodeRune(buf[:c.width])
	if size != c.width { // a literal U+FFFD ("ï¿½") decodes with size 3
		return c, false
	}
	c.r, c.end = r, j
	return c, true
}

// parseCESU8 completes a candidate that encodes a UTF-16 surrogate in three bytes (CESU-8,
// as Java and some databases write characters beyond U+FFFF): a high surrogate must be
// followed by the mojibake of a low one, and the pair decodes to one character ("😍").
func parseCESU8(s string, c candidate, buf [4]byte, j int) (candidate, bool) {
	if c.lostNBSP || buf[1] > 0xaf || j+2 > len(s) || s[j] != 0xc3 || s[j+1] != 0xad { // "í"
		return c, false
	}
	high := rune(buf[1]&0x0f)<<6 | rune(buf[2]&0x3f) | 0xd800
	var low rune = 0xdc00
	j += 2
	for k, shift := 0, 6; k < 2; k, shift = k+1, shift-6 {
		if j >= len(s) {
			return c, false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		b, ok := continuation(r)
		if !ok || (k == 0 && (b < 0xb0 || b > 0xbf)) {
			return c, false
		}
		if k == 0 {
			low |= rune(b&0x0f) << shift
		} else {
			low |= rune(b & 0x3f)
		}
		if r >= 0x80 && r < 0xa0 {
			c.conts[0] = r // remember a C1 code: it is evidence like any other
		}
		j += size
	}
	c.r = utf16.DecodeRune(high, low)
	if c.r == utf8.RuneError {
		return c, false
	}
	c.end, c.width = j, 4
	return c, true
}

// validPrefix reports whether p can begin a valid UTF-8 sequence of the given width.
func validPrefix(p []byte, width int) bool {
	var buf [4]byte
	for _, fill := range [...]byte{0x80, 0x90, 0xa0} {
		n := copy(buf[:], p)
		for k := n; k < width; k++ {
			buf[k] = fill
		}
		if _, size := utf8.DecodeRune(buf[:width]); size == width {
			return true
		}
	}
	return false
}

// neighbours returns the characters before and after candidate k as they will read once
// adjacent candidates are decoded, and whether they are candidates themselves.
func (m *mojibakeFixer) neighbours(s string, k int) (prev, next rune, prevCand, nextCand bool) {
	c := &m.cands[k]
	if k > 0 && m.cands[k-1].end == c.start {
		prev, prevCand = m.cands[k-1].r, true
	} else if c.start > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:c.start])
	}
	end := c.end
	if c.keepSpace {
		end = c.start + 2
	}
	if k+1 < len(m.cands) && m.cands[k+1].start == end {
		next, nextCand = m.cands[k+1].r, true
	} else if end < len(s) {
		next, _ = utf8.DecodeRuneInString(s[end:])
	}
	return prev, next, prevCand, nextCand
}

// candidateAt reports whether a candidate starts at byte offset off.
func (m *mojibakeFixer) candidateAt(off int) bool {
	k := sort.Search(len(m.cands), func(k int) bool { return m.cands[k].start >= off })
	return k < len(m.cands) && m.cands[k].start == off
}

// grade decides how strong the evidence for candidate k is.
func (m *mojibakeFixer) grade(s string, k int) evidence {
	c := &m.cands[k]
	if c.lostNBSP {
		return m.gradeLostNBSP(s, k)
	}
	prev, next, prevCand, nextCand := m.neighbours(s, k)
	if c.lossy {
		if c.width == 2 && unicode.IsLower(prev) && unicode.IsLower(next) {
			return strong // "SlovenÄ�ina": the lead cannot stand inside a lowercase word
		}
		return weak
	}
	r := c.r
	if r >= 0x80 && r < 0xa0 {
		// A C1 code is never the answer, but it can be the middle layer of double
		// mojibake ("ÃŒÂ\x81" -> "Ì\x81" -> U+0301) that the next pass completes.
		if prevCand || (prev >= 0xc2 && prev <= 0xf4) {
			return weak
		}
		return none
	}
	if implausible(r) {
		return none
	}
	if r >= 0x2c6 && r <= 0x2ff { // spacing accents: only as part of evident mojibake
		return weak
	}
	anyC1 := false
	for _, cr := range c.conts[:c.nconts] {
		if cr >= 0x80 && cr < 0xa0 {
			anyC1 = true
		}
	}
	if c.width > 2 {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			if isLatinLetter(prev) || isLatinLetter(next) {
				return none // "Brontë…”" is not "Bront녔"
			}
			if !prevCand && !nextCand && !anyC1 {
				return weak // a lone CJK or Hangul character needs corroboration
			}
		}
		return strong
	}
	if anyC1 {
		return strong
	}
	cont := c.conts[0]
	if c.lead == 'Â' || c.lead == 'Ã' {
		switch {
		case coreAfterA(cont):
			return strong
		case cont == '¥':
			return weak // "Dråber" or a price: too ambiguous alone
		case unicode.IsLower(prev):
			return strong
		case isUpperLetter(prev) && !closingPunct(cont):
			return strong // "OÃ™" but not the Portuguese "IRMÃ”"
		case cont != '’' && wordPunct(cont) && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			return strong // "AÃ‘OS"
		}
		return weak
	}
	if unicode.Is(unicode.Mn, r) { // "$Ì¶6Ì¶3Ì¶": combining marks from Ì and Í
		if wordPunct(cont) || closingPunct(cont) || cont == 0xa0 || cont == 0xad || cont == '¡' || cont == '¿' ||
			prev == 0 || unicode.IsSpace(prev) {
			return none
		}
		return strong
	}
	if !unicode.IsLetter(r) {
		return none
	}
	if cont == 0xa0 { // "SELKÄ\u00a0EDELLÄ" is Finnish, not "SELKĠEDELLÄ"
		if prevCand || nextCand {
			return weak
		}
		return none
	}
	switch {
	case unicode.IsLower(r):
		if unicode.IsLower(prev) || unicode.IsLower(next) {
			return strong // "HÄ±rsÄ±z", "IL2RÎ³cKO"
		}
	case isUpperLetter(r):
		if unicode.IsLower(next) || (isUpperLetter(prev) && isUpperLetter(next)) {
			return strong // "ÄŒeÅ¡tina", "Ä°stanbul"
		}
	default: // caseless scripts (Hebrew, Arabic): only inside a run of such mojibake
		if (prevCand && sameScript(r, prev)) || (nextCand && sameScript(r, next)) {
			return strong
		}
		return none
	}
	if prevCand || nextCand {
		return weak
	}
	return none
}

// gradeLostNBSP grades a candidate whose final continuation byte, an NBSP, was turned into
// a plain space (by an HTML pipeline or a whitespace collapse). Only a few such sequences
// are likely enough to be worth it, and mostly only where other mojibake corroborates.
func (m *mojibakeFixer) gradeLostNBSP(s string, k int) evidence {
	c := &m.cands[k]
	spaceAt := c.end - 1
	var prev rune
	if k > 0 && m.cands[k-1].end == c.start {
		prev = m.cands[k-1].r
	} else if c.start > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:c.start])
	}
	// The first non-space character after the lost NBSP, and whether it starts mojibake.
	w := spaceAt + 1
	for w < len(s) && s[w] == ' ' {
		w++
	}
	var word rune
	if w < len(s) {
		word, _ = utf8.DecodeRuneInString(s[w:])
	}
	wordCand := m.candidateAt(w)
	if wordCand {
		word = m.cands[sort.Search(len(m.cands), func(k int) bool { return m.cands[k].start >= w })].r
	}
	if c.width == 3 {
		if implausible(c.r) || c.conts[0] == '€' { // "â€ " may be a lost "”" as well as "†"
			return none
		}
		if unicode.IsLetter(c.r) && !unicode.Is(unicode.Latin, c.r) && (isLatinLetter(prev) || isLatinLetter(word)) {
			return none
		}
		if c.r >= 0x25a0 && c.r <= 0x25ff { // geometric shapes: "â– " is "■"
			return weak
		}
		if (k > 0 && m.cands[k-1].end == c.start) || wordCand {
			return weak // "à¸ à¸²" is Thai "ภา"
		}
		return none
	}
	switch c.lead {
	case 'Ã': // "à", the French and Portuguese preposition
		if isUpperLetter(prev) || !(unicode.IsLower(word) || wordCand) {
			return none // "C O N C L U S Ã O"
		}
		// "Ã s crianças" is Portuguese "às"; otherwise the space also ended the word.
		sEnd := w + 1
		isAs := w == spaceAt+1 && word == 's' && (sEnd == len(s) || strings.IndexByte(" .,;:!?)", s[sEnd]) >= 0)
		// "Ã quele" is Portuguese "àquele", "àquela", "àquilo".
		isAquele := w == spaceAt+1 && (strings.HasPrefix(s[w:], "quel") || strings.HasPrefix(s[w:], "quil"))
		c.keepSpace = !isAs && !isAquele
		c.r = 'à'
		if unicode.IsLower(prev) {
			return strong // "voilÃ le travail"
		}
		return weak
	case 'Â': // a lost NBSP after a word: "namedÂ „"
		if prev == 0 || unicode.IsSpace(prev) {
			return none
		}
		return weak
	case 'Ð', 'Å', 'Î': // "Р", "Š", "Π" at the start of a word: "Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹"
		if w != spaceAt+1 || unicode.IsLetter(prev) || !(unicode.IsLower(word) || wordCand) {
			return none
		}
		return weak
	}
	return none
}

// implausible reports decoded characters that real mojibake repair should never produce.
func implausible(r rune) bool {
	switch {
	case r < 0xa0:
		return true
	case r >= 0x180 && r <= 0x24f: // Latin Extended-B, except Romanian Ș ș Ț ț
		return r < 0x218 || r > 0x21b
	case r >= 0x250 && r <= 0x2c5: // IPA, modifier letters
		return true
	case r >= 0x591 && r <= 0x5c7: // Hebrew points and accents
		return true
	case r >= 0x1d00 && r <= 0x1dbf: // phonetic extensions
		return true
	case r >= 0xe000 && r <= 0xf8ff: // private use
		return true
	case r == 0xad, r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e, r >= 0x2060 && r <= 0x2064, r == 0xfeff:
		return false // format characters that mojibake does encode ("â€‹" is U+200B)
	}
	return !unicode.IsGraphic(r)
}

// coreAfterA lists what follows "Ã" or "Â" only in mojibake: Latin-1 symbols and the
// rarer Windows-1252 punctuation. Quotes, dashes, "…", "™", "´" and "¥" are left out:
// they do follow a word-final "Ã" or "Â" in real text.
func coreAfterA(r rune) bool {
	switch r {
	case '€', '‚', 'ƒ', '„', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 'Ž', '•', '˜', 'š', 'œ', 'ž', 'Ÿ',
		0xa0, '¡', '¢', '£', '¤', '¦', '§', '¨', '©', 'ª', '«', '¬', 0xad, '®', '¯', '°', '±', '²', '³',
		'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿':
		return true
	}
	return false
}

// wordPunct lists punctuation that can follow a word in real text.
func wordPunct(r rune) bool {
	switch r {
	case '‘', '’', '“', '”', '…', '–', '—', '™', '›', '´', '¥':
		return true
	}
	return false
}

// closingPunct lists what typically closes a word or quotation.
func closingPunct(r rune) bool {
	switch r {
	case '’', '”', '…', '»', '›':
		return true
	}
	return false
}

func isUpperLetter(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }

func isLatinLetter(r rune) bool { return unicode.IsLetter(r) && unicode.Is(unicode.Latin, r) }

// sameScript reports whether a and b are letters of the same script, for the caseless
// scripts whose mojibake runs together (Hebrew, Arabic, Syriac, Thaana, NKo).
func sameScript(a, b rune) bool {
	for _, t := range []*unicode.RangeTable{unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko} {
		if unicode.Is(t, a) {
			return unicode.Is(t, b)
		}
	}
	return false
}
