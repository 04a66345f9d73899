package dateline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/document"
)

// Limits that keep a header a header: a real place name is a few words long, and a longer run
// of capitalised words is a headline or a sentence.
const (
	maxPlaceWords  = 6
	maxPlaceBytes  = 48
	maxRegionWords = 3
	maxRegions     = 2
	maxAgencyBytes = 48
)

// Parse recognises a dateline at the start of s; ok=false when there is none. Leading spaces
// are skipped, and Start is where the place begins. End covers the header up to and
// including its closing dash or colon (or the agency when no dash follows), without the
// space after it.
//
// The header is: PLACE [, REGION]… [, DATE] [(AGENCY) or /AGENCY/] [-|--|—|–|:]
// and it must end with an agency or a separator. An all-caps place needs nothing more; a
// mixed-case place ("Tokyo") also needs a date or an agency, because "Officials said -" must
// not pass. Place is returned in title case, Region (a state or country after the place,
// "Ukraine" in "KYIV, Ukraine (AP) —") as written.
func Parse(s string) (d document.Dateline, ok bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	start := i
	placeEnd, allCaps, ok := scanPlace(s, i)
	if !ok {
		return document.Dateline{}, false
	}
	place := s[start:placeEnd]
	i = placeEnd

	var region string
	hasDate := false
	for n := 0; n <= maxRegions; n++ {
		// The comma may come with a stray space before it ("OAKLAND , N.J.") or be missing
		// after an abbreviation ("RICHMOND, Va. Feb 26"), as in hand-typed wire copy.
		next, ok := afterComma(s, i)
		if !ok {
			break
		}
		if month, day, year, end, ok := scanDate(s, next); ok {
			d.Month, d.Day, d.Year = month, day, year
			hasDate = true
			i = end
			if i+1 < len(s) && s[i] == ',' && s[i+1] == ' ' {
				i++ // "CHICAGO, March 4, - …"
			}
			break
		}
		if n == maxRegions || s[next-1] != ' ' || (next > 1 && s[next-2] != ',') {
			break
		}
		end, ok := scanRegion(s, next, allCaps)
		if !ok {
			break
		}
		if region == "" {
			region = s[next:end]
		}
		i = end
	}

	agency, agencyEnd, known := scanAgency(s, skipSpaces(s, i))
	if agencyEnd > 0 {
		i = agencyEnd
	}
	sepEnd := scanSeparator(s, skipSpaces(s, i))

	switch {
	case agencyEnd > 0 && !known && sepEnd < 0:
		return document.Dateline{}, false // "(something)" proves nothing without a dash after it
	case agencyEnd < 0 && sepEnd < 0:
		return document.Dateline{}, false
	case !allCaps && !hasDate && agencyEnd < 0:
		return document.Dateline{}, false
	}
	if sepEnd >= 0 {
		i = sepEnd
	}

	d.Start, d.End = start, i
	d.Agency = agency
	d.Region = region
	if allCaps {
		d.Place = titleCase(place)
	} else {
		d.Place = place
	}
	if d.Year != 0 {
		d.Date = isoDate(d.Year, d.Month, d.Day)
	}
	return d, true
}

// wordKind classifies a place word by its letter case.
type wordKind int

const (
	notWord   wordKind = iota
	capsWord           // ASTANA, N'DJAMENA, ST.
	titleWord          // Tokyo, St., McAllen
	lowerWord          // de, es, al-
)

// scanWord reads one place word at s[i:]: letters (any script), with dots, apostrophes and
// inner hyphens. It returns the end of the word and its case.
func scanWord(s string, i int) (end int, kind wordKind) {
	j := i
	upper, lower := 0, 0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(r):
			if j == i && !unicode.IsUpper(r) && !unicode.IsLower(r) {
				return i, notWord
			}
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		case j == i:
			return i, notWord // a word starts with a letter
		case r == '.' || r == '\'' || r == '’':
		case r == '/' && j+1 < len(s) && isLetterAt(s, j+1): // DALLAS/FORT WORTH
		case r == '-' && j+1 < len(s) && isLetterAt(s, j+1):
		default:
			goto done
		}
		j += size
	}
done:
	first, _ := utf8.DecodeRuneInString(s[i:])
	switch {
	case j == i:
		return i, notWord
	case lower == 0:
		return j, capsWord
	case unicode.IsUpper(first):
		return j, titleWord
	default:
		return j, lowerWord
	}
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// scanPlace reads the place: up to maxPlaceWords words, all in capitals ("RIO DE JANEIRO") or
// all in title case with lowercase particles between them ("Rio de Janeiro").
func scanPlace(s string, i int) (end int, allCaps bool, ok bool) {
	end = i
	words, letters := 0, 0
	endBeforeParticle := -1 // in mixed case a trailing particle is not part of the place
	for j := i; j < len(s); {
		wEnd, kind := scanWord(s, j)
		if kind == notWord {
			break
		}
		w := s[j:wEnd]
		if words == 0 {
			switch kind {
			case capsWord:
				allCaps = true
			case titleWord:
			default:
				return i, false, false
			}
			if isStopWord(w) {
				return i, false, false
			}
		} else {
			switch {
			case allCaps && kind == capsWord:
			case !allCaps && kind == titleWord:
			case !allCaps && kind == lowerWord && isParticle(w):
			case !allCaps && kind == lowerWord && hasParticlePrefix(w):
				kind = titleWord // "al-Khaimah" ends a place as well as any title word
			default:
				goto done
			}
		}
		if wEnd-i > maxPlaceBytes {
			return i, false, false
		}
		if !allCaps && kind == lowerWord {
			if endBeforeParticle < 0 {
				endBeforeParticle = end
			}
		} else {
			endBeforeParticle = -1
		}
		words++
		letters += utf8.RuneCountInString(w)
		end = wEnd
		if words == maxPlaceWords || end >= len(s) || s[end] != ' ' {
			break
		}
		j = end + 1
	}
done:
	if endBeforeParticle >= 0 {
		end = endBeforeParticle
	}
	if words == 0 || (words == 1 && letters < 3) {
		return i, false, false // "UN -" or "A:" is not a dateline
	}
	return end, allCaps, true
}

// afterComma returns where the next header element starts after the place or a region: after
// ", " (or " , "), or after the space that follows an abbreviation's dot.
func afterComma(s string, i int) (next int, ok bool) {
	j := i
	if j < len(s) && s[j] == ' ' && j+1 < len(s) && s[j+1] == ',' {
		j++
	}
	if j+1 < len(s) && s[j] == ',' && s[j+1] == ' ' {
		return j + 2, true
	}
	if i > 0 && s[i-1] == '.' && i+1 < len(s) && s[i] == ' ' {
		return i + 1, true
	}
	return i, false
}

// scanRegion reads a state, province or country after the place: title-case words
// ("West Germany", "Ukraine") or dotted abbreviations ("Calif.", "N.Y.", "IND."). After an
// all-caps place it also takes an all-caps region ("EL PASO, TEXAS, March 2"), but only when a
// comma and a date follow, so that "US, UK AGREE -" stays a headline.
func scanRegion(s string, i int, capsPlace bool) (end int, ok bool) {
	end = i
	words, capsOnly := 0, true
	for j := i; j < len(s) && words < maxRegionWords; {
		if _, _, _, _, ok := scanDate(s, j); ok {
			break // "LAKE SUCCESS, N.Y. March 3": the region is over
		}
		wEnd, kind := scanWord(s, j)
		w := s[j:wEnd]
		switch {
		case kind == titleWord:
			capsOnly = false
		case kind == capsWord && strings.IndexByte(w, '.') > 0:
			capsOnly = false
		case kind == capsWord && capsPlace:
		default:
			goto done
		}
		words++
		end = wEnd
		if end >= len(s) || s[end] != ' ' {
			break
		}
		j = end + 1
	}
done:
	if words == 0 || end-i > maxPlaceBytes {
		return i, false
	}
	if capsOnly {
		next, ok := afterComma(s, end)
		if !ok || s[next-2] != ',' {
			return i, false
		}
		if _, _, _, _, ok := scanDate(s, next); !ok {
			return i, false
		}
	}
	return end, true
}

// scanDate reads "May 20", "Jan. 5, 2024", "Sept. 3", "20 May" or "20 May 2024".
func scanDate(s string, i int) (month, day, year, end int, ok bool) {
	if i < len(s) && isDigit(s[i]) {
		day, j := scanNumber(s, i, 2)
		if j < len(s) && s[j] == ' ' {
			if m, k := scanMonth(s, j+1); m > 0 {
				month, end = m, k
				year, end = scanYear(s, end)
				return month, day, year, end, validDay(month, day) && dateEnds(s, end)
			}
		}
		return 0, 0, 0, i, false
	}
	m, j := scanMonth(s, i)
	if m == 0 || j >= len(s) || s[j] != ' ' {
		return 0, 0, 0, i, false
	}
	day, k := scanNumber(s, j+1, 2)
	if k == j+1 || !validDay(m, day) {
		return 0, 0, 0, i, false
	}
	year, end = scanYear(s, k)
	return m, day, year, end, dateEnds(s, end)
}

// dateEnds reports whether the date is followed by something a header allows.
func dateEnds(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	switch s[i] {
	case ' ', ',', '(', '/', ':', '-', '\n':
		return true
	}
	return strings.HasPrefix(s[i:], "—") || strings.HasPrefix(s[i:], "–")
}

// scanYear reads an optional ", 2024" or " 2024" after a day.
func scanYear(s string, i int) (year, end int) {
	j := i
	if j < len(s) && s[j] == ',' {
		j++
	}
	if j >= len(s) || s[j] != ' ' {
		return 0, i
	}
	y, k := scanNumber(s, j+1, 4)
	if k-(j+1) != 4 || y < 1800 || y > 2199 || (k < len(s) && isDigit(s[k])) {
		return 0, i
	}
	return y, k
}

// scanNumber reads up to max digits at s[i:]; end == i when there are none, and a longer run of
// digits is refused.
func scanNumber(s string, i, max int) (n, end int) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		if j-i == max {
			return 0, i
		}
		n = n*10 + int(s[j]-'0')
		j++
	}
	return n, j
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanMonth reads an English month name or abbreviation, with an optional dot, in any case.
func scanMonth(s string, i int) (month, end int) {
	j := i
	for j < len(s) && j-i < 10 && isASCIILetter(s[j]) {
		j++
	}
	if j == i || (j < len(s) && isASCIILetter(s[j])) {
		return 0, i
	}
	month = monthNumber(s[i:j])
	if month == 0 {
		return 0, i
	}
	if j < len(s) && s[j] == '.' {
		j++
	}
	return month, j
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// monthNumber maps "May", "SEPT", "jan" to 1-12, else 0.
func monthNumber(w string) int {
	var buf [10]byte
	if len(w) > len(buf) {
		return 0
	}
	for k := 0; k < len(w); k++ {
		buf[k] = w[k] | 0x20
	}
	switch string(buf[:len(w)]) {
	case "jan", "january":
		return 1
	case "feb", "february":
		return 2
	case "mar", "march":
		return 3
	case "apr", "april":
		return 4
	case "may":
		return 5
	case "jun", "june":
		return 6
	case "jul", "july":
		return 7
	case "aug", "august":
		return 8
	case "sep", "sept", "september":
		return 9
	case "oct", "october":
		return 10
	case "nov", "november":
		return 11
	case "dec", "december":
		return 12
	}
	return 0
}

// validDay accepts any day that month can have in some year (so Feb 29 passes).
func validDay(month, day int) bool {
	maxDay := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return month >= 1 && month <= 12 && day >= 1 && day <= maxDay[month]
}

// isoDate formats a date as YYYY-MM-DD, or "" when the day does not exist in that year.
func isoDate(year, month, day int) string {
	if !validDay(month, day) || (month == 2 && day == 29 && !isLeap(year)) {
		return ""
	}
	b := []byte("0000-00-00")
	put := func(at, n, width int) {
		for k := at + width - 1; k >= at; k-- {
			b[k] = byte('0' + n%10)
			n /= 10
		}
	}
	put(0, year, 4)
	put(5, month, 2)
	put(8, day, 2)
	return string(b)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// scanAgency reads "(Xinhua)" or "/Xinhua/" at s[i:]. It returns the canonical name, the end of
// the closing bracket (-1 when there is no agency) and whether the name is a known agency; an
// unknown one is returned as written.
func scanAgency(s string, i int) (name string, end int, known bool) {
	if i >= len(s) || (s[i] != '(' && s[i] != '/') {
		return "", -1, false
	}
	closer := byte(')')
	if s[i] == '/' {
		closer = '/'
	}
	limit := min(len(s), i+1+maxAgencyBytes)
	k := strings.IndexByte(s[i+1:limit], closer)
	if k <= 0 || strings.ContainsAny(s[i+1:i+1+k], "\n\r") {
		return "", -1, false // a header stays on its line
	}
	content := strings.TrimSpace(s[i+1 : i+1+k])
	end = i + 1 + k + 1
	if canonical, ok := lookupAgency(content); ok {
		return canonical, end, true
	}
	if !plausibleAgency(content) {
		return "", -1, false
	}
	return content, end, false
}

// plausibleAgency accepts a short name that looks like an agency ("NTB", "Trend News"): a
// capital first, then letters, spaces and the odd hyphen, ampersand or dot.
func plausibleAgency(content string) bool {
	if content == "" || !isUpperASCII(content[0]) || strings.Count(content, " ") > 3 {
		return false
	}
	for k := 0; k < len(content); k++ {
		c := content[k]
		if !isASCIILetter(c) && c != ' ' && c != '-' && c != '&' && c != '.' {
			return false
		}
	}
	return true
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// scanSeparator reads the dash or colon that closes a header: -, --, ---, —, –, ― or :. It
// must be followed by whitespace or the end of s, so "ASTANA-based" is not a header. It returns
// the end of the separator, or -1.
func scanSeparator(s string, i int) int {
	j := i
	switch {
	case i >= len(s):
		return -1
	case s[i] == '-':
		for j < len(s) && j-i < 3 && s[j] == '-' {
			j++
		}
	case s[i] == ':':
		j++
	case strings.HasPrefix(s[i:], "—"), strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "―"):
		j += 3
	default:
		return -1
	}
	if j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' {
		return -1
	}
	return j
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// hasParticlePrefix reports a hyphenated word led by a particle: "al-Khaimah", "el-Sheikh".
func hasParticlePrefix(w string) bool {
	k := strings.IndexByte(w, '-')
	return k > 0 && k+1 < len(w) && isParticle(w[:k])
}

// isStopWord refuses headline kickers that look like an all-caps place: "UPDATE 2-",
// "EXCLUSIVE-", "EDITOR'S NOTE —".
func isStopWord(w string) bool {
	switch strings.ToUpper(w) {
	case "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "REFILE",
		"CORRECTED", "CORRECTION", "INSIGHT", "COLUMN", "FEATURE", "OPINION", "EDITORIAL",
		"INTERVIEW", "PREVIEW", "WRAPUP", "URGENT", "FLASH", "ALERT", "SPECIAL", "PHOTO",
		"VIDEO", "WATCH", "LIVE", "TIMELINE", "NOTE", "EDITOR'S", "EDITORS", "EDITOR’S",
		"ADVISORY", "WARNING", "BULLETIN", "REVIEW", "COMMENT", "BRIEF", "BRIEFS", "TEXT",
		"FULL", "RPT", "SNAP", "HIGHLIGHTS", "QUOTEBOX", "POLL", "FOCUS":
		return true
	}
	return false
}
