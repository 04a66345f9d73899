package timex

import (
	"time"
	"unicode"
	"unicode/utf8"

	"herald/document"
)

// Year ranges: a year written beside a month may be anything plausible, but a bare number
// after "in" or "since" must look like a modern year to be read as one.
const (
	minYear     = 1000
	maxYear     = 2999
	minBareYear = 1900
	maxBareYear = 2100
)

// maxLookback is how many words before a bare weekday are searched for a future cue ("will").
const maxLookback = 6

// Find returns the time expressions in s, offsets relative to s, in text order and without
// overlaps, with values resolved against anchor. With a zero anchor, expressions that need one
// ("on Monday", "May 20", "last week") are still found but their Value stays empty.
//
// Find scans words by hand: a word is looked up only when it starts at a word boundary and is
// short enough to be a trigger, so the cost per byte is a few comparisons.
func Find(s string, anchor time.Time) []document.Time {
	f := finder{s: s}
	if !anchor.IsZero() {
		f.anchor, f.has = dayOf(anchor), true
	}
	var out []document.Time
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) {
			i++
			continue
		}
		e := alnumEnd(s, i)
		if boundaryBefore(s, i) {
			if m, ok := f.at(i, e); ok {
				out = append(out, document.Time{Start: m.start, End: m.end, Text: s[m.start:m.end], Value: m.v.String()})
				i = m.end
				continue
			}
		}
		i = e
	}
	return out
}

// finder holds one scan: the text and the anchor day.
type finder struct {
	s      string
	anchor time.Time // midnight UTC of the anchor day
	has    bool      // whether there is an anchor
}

// match is one expression found: its span and value. hasDay tells a month-day date ("May 20")
// from a month ("May 2024") even when the value could not be anchored.
type match struct {
	start, end int
	v          value
	hasDay     bool
}

// at tries to read an expression that starts with the word s[i:e].
func (f *finder) at(i, e int) (match, bool) {
	s := f.s
	if isDigit(s[i]) {
		return f.number(i)
	}
	if e-i > maxWordLen || !boundaryAt(s, e) {
		return match{}, false
	}
	w := classify(s[i:e])
	switch w.class {
	case wOn:
		j, je, w2, ok := f.next(e)
		if !ok {
			return match{}, false
		}
		switch {
		case w2.class == wWeekday && isUpper(s[j]):
			return f.weekday(i, je, w2.val, f.bareDirection(i))
		case w2.class == wMonth && isUpper(s[j]):
			if m, ok := f.month(i, j, je, w2, false); ok && m.hasDay {
				return m, true
			}
		case isDigit(s[j]):
			if m, ok := f.number(j); ok && m.hasDay {
				m.start = i
				return m, true
			}
		}
	case wIn:
		j, je, w2, ok := f.next(e)
		if !ok {
			return match{}, false
		}
		switch {
		case w2.class == wMonth && isUpper(s[j]) && !w2.abbrev:
			return f.month(i, j, je, w2, true)
		case isDigit(s[j]):
			return f.bareYear(i, j)
		}
	case wYearPrep:
		if j, _, _, ok := f.next(e); ok && isDigit(s[j]) {
			return f.bareYear(j, j)
		}
	case wAt:
		if j, _, _, ok := f.next(e); ok && isDigit(s[j]) {
			return f.clock(i, j, true, nil)
		}
	case wMonth:
		if isUpper(s[i]) {
			return f.month(i, i, e, w, fullUnambiguous(w))
		}
	case wWeekday:
		if isUpper(s[i]) {
			return f.weekday(i, e, w.val, f.bareDirection(i))
		}
	case wDayRel:
		var v value
		if f.has {
			v = dayValue(f.anchor.AddDate(0, 0, w.val))
		}
		return f.withTime(f.withPart(match{start: i, end: e, v: v, hasDay: true})), true
	case wLast, wNext, wThis:
		return f.relative(i, e, w.class)
	case wEdge:
		return f.edge(i, e)
	case wNumber:
		return f.ago(i, e, w.val)
	}
	return match{}, false
}

// fullUnambiguous reports the month names that are a month even with no day or year beside them:
// "January" is, "May" and "March" are also a verb and a noun, and "Jan" is also a name.
func fullUnambiguous(w word) bool { return !w.abbrev && w.val != 3 && w.val != 5 }

// next returns the word after a short run of whitespace at s[e:]: its span and class. ok is
// false when punctuation or a line break between paragraphs comes first.
func (f *finder) next(e int) (j, je int, w word, ok bool) {
	s := f.s
	j = e
	for j < len(s) && j-e < 3 && (s[j] == ' ' || s[j] == '\n') {
		j++
	}
	if j == e || j >= len(s) || !isAlnum(s[j]) || (j-e > 1 && s[j-1] == '\n' && s[j-2] == '\n') {
		return 0, 0, word{}, false
	}
	je = alnumEnd(s, j)
	if isDigit(s[j]) {
		return j, je, word{}, true
	}
	if je-j > maxWordLen || !boundaryAt(s, je) {
		return 0, 0, word{}, false
	}
	return j, je, classify(s[j:je]), true
}

// month reads what follows a month name at s[j:je]: "May 20", "May 20th", "May 20, 2024",
// "May 2024", or, when bare is allowed, the month alone. The match starts at start.
func (f *finder) month(start, j, je int, w word, bare bool) (match, bool) {
	s := f.s
	end := je
	if w.abbrev && end < len(s) && s[end] == '.' {
		end++ // "Jan. 5"
	}
	if end+1 < len(s) && s[end] == ' ' && isDigit(s[end+1]) {
		p := end + 1
		n, q := digits(s, p, 4)
		switch {
		case q-p <= 2 && exists(2000, w.val, n) && !thousands(s, q): // 2000 has a Feb 29
			q = skipOrdinal(s, q)
			if isAlnumAt(s, q) {
				break
			}
			m := match{start: start, end: q, hasDay: true}
			if y, yEnd, ok := yearAfter(s, q); ok {
				if exists(y, w.val, n) {
					m.end, m.v = yEnd, dayValue(civil(y, w.val, n))
					return f.withTime(m), true
				}
				break
			}
			if y, yEnd, ok := f.relativeYear(q); ok {
				m.end = yEnd
				if f.has && exists(y, w.val, n) {
					m.v = dayValue(civil(y, w.val, n))
				}
				return m, true
			}
			if f.has {
				if t, ok := nearestDate(f.anchor, w.val, n); ok {
					m.v = dayValue(t)
				}
			}
			return f.withTime(m), true
		}
	}
	if y, yEnd, ok := yearAfter(s, end); ok && !(s[end] == ',' && countsSomething(s, yEnd)) {
		// "May 2024", "November, 1986"; but "in May, 2000 people marched" is a count.
		return match{start: start, end: yEnd, v: monthValue(civil(y, w.val, 1))}, true
	}
	if !bare {
		return match{}, false
	}
	m := match{start: start, end: je}
	if y, yEnd, ok := f.relativeYear(je); ok { // "in March last year"
		m.end = yEnd
		if f.has {
			m.v = monthValue(civil(y, w.val, 1))
		}
		return m, true
	}
	if f.has {
		m.v = monthValue(nearestMonth(f.anchor, w.val))
	}
	return m, true
}

// relativeYear reads "last year", "this year" or "next year" after a month or a day ("in
// March last year", "May 20 next year") and returns that year. Without an anchor the year is 0
// and ok is still true, so the caller takes in the words and leaves the value empty.
func (f *finder) relativeYear(q int) (year, end int, ok bool) {
	_, je, w, ok := f.next(q)
	if !ok || (w.class != wLast && w.class != wThis && w.class != wNext) {
		return 0, q, false
	}
	ys, ye, w2, ok := f.next(je)
	if !ok || w2.class != wUnit || w2.val != unitYear || plural(f.s[ys:ye]) {
		return 0, q, false
	}
	if !f.has {
		return 0, ye, true
	}
	year = f.anchor.Year()
	switch w.class {
	case wLast:
		year--
	case wNext:
		year++
	}
	return year, ye, true
}

// weekday reads a weekday ending at e, in direction dir, with what may follow it: a date
// ("Monday, May 20, 2024"), a part of the day ("Monday night"), a time ("Monday at 10 a.m.").
func (f *finder) weekday(start, e, wd int, dir weekdayDirection) (match, bool) {
	s := f.s
	if e+2 < len(s) && s[e] == ',' && s[e+1] == ' ' && isUpper(s[e+2]) {
		je := alnumEnd(s, e+2)
		if w := classify(s[e+2 : je]); w.class == wMonth && boundaryAt(s, je) {
			if m, ok := f.month(start, e+2, je, w, false); ok && m.hasDay {
				return m, true
			}
		}
	}
	m := match{start: start, end: e, hasDay: true}
	if f.has {
		m.v = dayValue(resolveWeekday(f.anchor, time.Weekday(wd), dir))
	}
	return f.withTime(f.withPart(m)), true
}

// bareDirection decides which way a weekday without "last" or "next" points. News is told in
// the past, so it is the latest such day on or before the anchor, unless a future cue stands a
// few words before it in the same sentence ("talks will resume on Thursday").
func (f *finder) bareDirection(i int) weekdayDirection {
	s := f.s
	k := i
	for n := 0; n < maxLookback; n++ {
		for k > 0 && !isAlnum(s[k-1]) {
			switch s[k-1] {
			case '.', '!', '?', ';', ':', ',':
				return onOrBefore // the cue must be in the same clause
			}
			k--
		}
		if k == 0 {
			break
		}
		ws := k
		for ws > 0 && isAlnum(s[ws-1]) {
			ws--
		}
		if w := s[ws:k]; isFutureCue(w) {
			return onOrAfter
		} else if w == "said" {
			return onOrBefore // "said on Monday" reports the past, whatever came before
		}
		k = ws
	}
	return onOrBefore
}

// relative reads "last/next/this" and what they modify: a weekday, a week, month, year or
// weekend, a month name, or a part of the day ("this morning", "last night"). "The last week"
// and "the next day" are durations or narrative time, not dates, and are skipped.
func (f *finder) relative(i, e int, cls wordClass) (match, bool) {
	s := f.s
	j, je, w, ok := f.next(e)
	if !ok || prevWordIs(s, i, "the") {
		return match{}, false
	}
	m := match{start: i, end: je}
	switch {
	case w.class == wWeekday && isUpper(s[j]):
		dir := onOrAfter
		switch cls {
		case wLast:
			dir = before
		case wNext:
			dir = after
		}
		return f.weekday(i, je, w.val, dir)
	case w.class == wUnit && w.val != unitDay && !plural(s[j:je]):
		if f.has {
			step := 0
			switch cls {
			case wLast:
				step = -1
			case wNext:
				step = 1
			}
			m.v = shiftUnit(f.anchor, w.val, step)
		}
		return m, true
	case w.class == wMonth && isUpper(s[j]) && !w.abbrev:
		if f.has {
			m.v = monthValue(relativeMonth(f.anchor, w.val, cls))
		}
		return m, true
	case w.class == wPart && cls == wThis:
		m.hasDay = true
		if f.has {
			m.v = dayValue(f.anchor)
		}
		return f.withTime(m), true
	case w.class == wPart && cls == wLast && s[j] == 'n': // last night
		m.hasDay = true
		if f.has {
			m.v = dayValue(f.anchor.AddDate(0, 0, -1))
		}
		return m, true
	}
	return match{}, false
}

// edge reads "earlier/later/early/late" before a relative expression ("earlier this month",
// "early next week", "later today"), a month ("early May") or a year ("late 2023"). The value is
// that of the expression; the edge only widens the span.
func (f *finder) edge(i, e int) (match, bool) {
	s := f.s
	j, je, w, ok := f.next(e)
	if !ok {
		return match{}, false
	}
	var m match
	switch {
	case w.class == wDayRel && w.val == 0 && s[j]|0x20 == 't':
		m = match{end: je, hasDay: true}
		if f.has {
			m.v = dayValue(f.anchor)
		}
	case w.class == wLast || w.class == wNext || w.class == wThis:
		m, ok = f.relative(j, je, w.class)
	case w.class == wMonth && isUpper(s[j]) && !w.abbrev:
		m, ok = f.month(j, j, je, w, true)
	case isDigit(s[j]):
		m, ok = f.bareYear(j, j)
	default:
		ok = false
	}
	if !ok {
		return match{}, false
	}
	m.start = i
	return m, true
}

// ago reads "two days ago", "a week ago", "3 months ago": the day, week, month or year that far
// before the anchor. n is the number already read at s[i:e].
func (f *finder) ago(i, e, n int) (match, bool) {
	j, je, w, ok := f.next(e)
	if !ok || w.class != wUnit || w.val == unitWeekend || (n == 1) == plural(f.s[j:je]) {
		return match{}, false
	}
	_, ae, w2, ok := f.next(je)
	if !ok || w2.class != wAgo {
		return match{}, false
	}
	m := match{start: i, end: ae, hasDay: w.val == unitDay}
	if f.has {
		m.v = shiftUnit(f.anchor, w.val, -n)
	}
	return m, true
}

// number reads an expression that opens with digits: an ISO date (2024-05-20), a day before
// its month ("20 May 2024"), a clock time ("10:30 a.m.") or a count before "ago".
func (f *finder) number(i int) (match, bool) {
	s := f.s
	if i > 0 {
		switch s[i-1] {
		case '.', ',', ':', '/', '$', '-', '+', '#':
			return match{}, false // part of a larger number, an amount or a range
		}
	}
	n, q := digits(s, i, 4)
	if q == i || isDigit(byteAt(s, q)) {
		return match{}, false
	}
	if q-i == 4 {
		return f.iso(i, n, q)
	}
	if q-i > 2 {
		return match{}, false
	}
	if byteAt(s, q) == ':' || isMeridiem(s, q) {
		return f.clock(i, i, false, nil)
	}
	if isAlnumAt(s, q) {
		return match{}, false
	}
	j, je, w, ok := f.next(q)
	if !ok {
		return match{}, false
	}
	switch {
	case w.class == wMonth && isUpper(s[j]) && n >= 1 && n <= 31:
		end := je
		if w.abbrev && byteAt(s, end) == '.' {
			end++
		}
		m := match{start: i, end: end, hasDay: true}
		if y, yEnd, ok := yearAfter(s, end); ok {
			if !exists(y, w.val, n) {
				return match{}, false
			}
			m.end, m.v = yEnd, dayValue(civil(y, w.val, n))
			return f.withTime(m), true
		}
		if !exists(2000, w.val, n) { // 2000 is a leap year: any real day passes
			return match{}, false
		}
		if f.has {
			if t, ok := nearestDate(f.anchor, w.val, n); ok {
				m.v = dayValue(t)
			}
		}
		return f.withTime(m), true
	case w.class == wUnit:
		return f.ago(i, q, n)
	}
	return match{}, false
}

// iso reads a date written 2024-05-20 whose year n ends at q.
func (f *finder) iso(i, n, q int) (match, bool) {
	s := f.s
	if q+6 > len(s) || s[q] != '-' || s[q+3] != '-' {
		return match{}, false
	}
	mo, q1 := digits(s, q+1, 2)
	d, q2 := digits(s, q+4, 2)
	if q1 != q+3 || q2 != q+6 || isAlnumAt(s, q2) || byteAt(s, q2) == '-' || !exists(n, mo, d) || n < minYear {
		return match{}, false
	}
	return f.withTime(match{start: i, end: q2, v: dayValue(civil(n, mo, d)), hasDay: true}), true
}

// bareYear reads a year after "in", "since" or "by" ("in 2023"). The match starts at start,
// the year at j. A number that goes on ("in 2023-24", "in 2,023", "in 2023%") is not a year.
func (f *finder) bareYear(start, j int) (match, bool) {
	s := f.s
	y, q := digits(s, j, 4)
	if q-j != 4 || y < minBareYear || y > maxBareYear || isAlnumAt(s, q) || thousands(s, q) {
		return match{}, false
	}
	switch byteAt(s, q) {
	case '-', '/', '%':
		return match{}, false
	case '.':
		if isDigit(byteAt(s, q+1)) {
			return match{}, false
		}
	}
	return match{start: start, end: q, v: yearValue(y)}, true
}

// clock reads a time of day at s[j:]: "10:30 a.m.", "3 p.m.", "10am", and, after "at" or
// before GMT/UTC, "14:30". Its day is the given day when the caller already read one ("on
// Monday at 10 a.m."), else a day named right after it ("at 10 a.m. on Monday", "3 p.m.
// yesterday"), else the anchor day.
func (f *finder) clock(start, j int, afterAt bool, day *time.Time) (match, bool) {
	s := f.s
	h, q := digits(s, j, 2)
	if q == j {
		return match{}, false
	}
	minute, colon := 0, false
	if byteAt(s, q) == ':' {
		mm, q2 := digits(s, q+1, 2)
		if q2 != q+3 || isDigit(byteAt(s, q2)) || mm > 59 {
			return match{}, false
		}
		minute, colon, q = mm, true, q2
	}
	end := q
	meridiem := byte(0)
	p := q
	if byteAt(s, p) == ' ' {
		p++
	}
	if mEnd, ok := meridiemEnd(s, p); ok {
		meridiem, end = s[p]|0x20, mEnd
	}
	switch {
	case meridiem != 0:
		if h < 1 || h > 12 {
			return match{}, false
		}
		h %= 12
		if meridiem == 'p' {
			h += 12
		}
	case !colon || h > 23:
		return match{}, false
	case afterAt:
	default:
		if zEnd, ok := zoneEnd(s, q); ok {
			end = zEnd
		} else {
			return match{}, false
		}
	}
	if isAlnumAt(s, end) {
		return match{}, false
	}
	m := match{start: start, end: end, hasDay: true}
	minutes := h*60 + minute
	if day != nil {
		m.v = value{prec: precMinute, day: *day, minutes: minutes}
		return m, true
	}
	if named, namedEnd, ok := f.dayAfter(end); ok {
		m.end = namedEnd
		if named.prec == precDay {
			m.v = value{prec: precMinute, day: named.day, minutes: minutes}
		}
		return m, true
	}
	if f.has {
		m.v = value{prec: precMinute, day: f.anchor, minutes: minutes}
	}
	return m, true
}

// dayAfter reads a day named right after a clock time: "on Monday", "on May 20", "today",
// "yesterday", "Monday".
func (f *finder) dayAfter(end int) (value, int, bool) {
	s := f.s
	j, je, w, ok := f.next(end)
	if !ok || isDigit(s[j]) {
		return value{}, 0, false
	}
	switch w.class {
	case wOn, wDayRel, wWeekday:
		if w.class == wWeekday && !isUpper(s[j]) {
			return value{}, 0, false
		}
		if m, ok := f.at(j, je); ok && m.hasDay {
			return m.v, m.end, true
		}
	}
	return value{}, 0, false
}

// withPart widens a day to a part of it named next: "Monday night", "yesterday morning".
func (f *finder) withPart(m match) match {
	if _, je, w, ok := f.next(m.end); ok && w.class == wPart {
		m.end = je
	}
	return m
}

// withTime turns a day into a moment when a time follows: "on Monday at 10:30 a.m.".
func (f *finder) withTime(m match) match {
	if m.v.prec != precDay {
		return m
	}
	j, je, w, ok := f.next(m.end)
	if !ok || w.class != wAt {
		return m
	}
	k, _, _, ok := f.next(je)
	if !ok || !isDigit(f.s[k]) {
		return m
	}
	t, ok := f.clock(j, k, true, &m.v.day)
	if !ok {
		return m
	}
	m.end, m.v = t.end, t.v
	return m
}

// yearAfter reads ", 2024" or " 2024" after a day.
func yearAfter(s string, q int) (y, end int, ok bool) {
	p := q
	if byteAt(s, p) == ',' {
		p++
	}
	if byteAt(s, p) != ' ' {
		return 0, q, false
	}
	y, end = digits(s, p+1, 4)
	if end-(p+1) != 4 || y < minYear || y > maxYear || isAlnumAt(s, end) || thousands(s, end) {
		return 0, q, false
	}
	return y, end, true
}

// countsSomething reports a number followed by a lowercase word, as in "2000 people".
func countsSomething(s string, q int) bool {
	c := byteAt(s, q+1)
	return byteAt(s, q) == ' ' && c >= 'a' && c <= 'z'
}

// meridiemEnd reads "a.m.", "p.m.", "am", "PM", "a.m" at s[p:].
func meridiemEnd(s string, p int) (int, bool) {
	c := byteAt(s, p) | 0x20
	if c != 'a' && c != 'p' {
		return 0, false
	}
	q := p + 1
	dotted := byteAt(s, q) == '.'
	if dotted {
		q++
	}
	if byteAt(s, q)|0x20 != 'm' {
		return 0, false
	}
	q++
	if dotted && byteAt(s, q) == '.' {
		q++
	}
	if isAlnumAt(s, q) {
		return 0, false
	}
	return q, true
}

func isMeridiem(s string, q int) bool {
	if byteAt(s, q) == ' ' {
		q++
	}
	_, ok := meridiemEnd(s, q)
	return ok
}

// zoneEnd reads " GMT" or " UTC" after a 24-hour time.
func zoneEnd(s string, q int) (int, bool) {
	if q+4 <= len(s) && s[q] == ' ' && (s[q+1:q+4] == "GMT" || s[q+1:q+4] == "UTC") && !isAlnumAt(s, q+4) {
		return q + 4, true
	}
	return 0, false
}

// skipOrdinal skips "st", "nd", "rd" or "th" after a day number.
func skipOrdinal(s string, q int) int {
	if q+2 <= len(s) {
		switch s[q : q+2] {
		case "st", "nd", "rd", "th":
			return q + 2
		}
	}
	return q
}

// thousands reports a digit group separator after a number: "May 20,000", "in 2,023".
func thousands(s string, q int) bool {
	return (byteAt(s, q) == ',' || byteAt(s, q) == '.') && isDigit(byteAt(s, q+1))
}

// plural reports a word ending in "s": "weeks", "days".
func plural(w string) bool { return len(w) > 0 && w[len(w)-1]|0x20 == 's' }

// prevWordIs reports whether the word before s[i:] is w (ASCII, any case).
func prevWordIs(s string, i int, w string) bool {
	k := i
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	ws := k
	for ws > 0 && isAlnum(s[ws-1]) {
		ws--
	}
	if k-ws != len(w) {
		return false
	}
	for n := 0; n < len(w); n++ {
		if s[ws+n]|0x20 != w[n] {
			return false
		}
	}
	return true
}

// digits reads up to max decimal digits at s[i:]; end is where they stop.
func digits(s string, i, max int) (n, end int) {
	end = i
	for end < len(s) && end-i < max && isDigit(s[end]) {
		n = n*10 + int(s[end]-'0')
		end++
	}
	return n, end
}

func byteAt(s string, i int) byte {
	if i >= 0 && i < len(s) {
		return s[i]
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9'
}

// isAlnumAt reports whether a word goes on at s[i]: an ASCII letter or digit, or a letter
// outside ASCII ("Mayé" is not "May").
func isAlnumAt(s string, i int) bool { return i < len(s) && !boundaryAt(s, i) }

func alnumEnd(s string, i int) int {
	for i < len(s) && isAlnum(s[i]) {
		i++
	}
	return i
}

// boundaryAt reports whether a word ends before s[i]: the end of s, an ASCII byte that is not
// a letter or digit, or a non-ASCII character that is not a letter (a curly quote, a dash).
func boundaryAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return !isAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// boundaryBefore reports whether a word can start at s[i].
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	c := s[i-1]
	if c < utf8.RuneSelf {
		return !isAlnum(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
