package timex

import "time"

// precision is how much of the calendar a value pins down; it decides the value's format.
type precision uint8

const (
	precNone    precision = iota // needs an anchor that is missing: the value stays empty
	precYear                     // 2024
	precMonth                    // 2024-05
	precWeek                     // 2024-W20
	precWeekend                  // 2024-W20-WE
	precDay                      // 2024-05-20
	precMinute                   // 2024-05-20T10:30
)

// value is a resolved time: a day (the first of the month or year for coarser values) and, for
// precMinute, the minutes since midnight.
type value struct {
	prec    precision
	day     time.Time // midnight UTC
	minutes int
}

func dayValue(t time.Time) value   { return value{prec: precDay, day: t} }
func monthValue(t time.Time) value { return value{prec: precMonth, day: t} }
func yearValue(y int) value        { return value{prec: precYear, day: civil(y, 1, 1)} }

// String formats the value the TIMEX3 way: 2024, 2024-05, 2024-W20, 2024-W20-WE, 2024-05-20,
// 2024-05-20T10:30; "" for precNone.
func (v value) String() string {
	var buf [len("2024-05-20T10:30")]byte
	b := buf[:0]
	y, m, d := v.day.Date()
	switch v.prec {
	case precNone:
		return ""
	case precYear:
		b = pad(b, y, 4)
	case precMonth:
		b = pad(b, y, 4)
		b = append(b, '-')
		b = pad(b, int(m), 2)
	case precWeek, precWeekend:
		wy, wn := v.day.ISOWeek()
		b = pad(b, wy, 4)
		b = append(b, "-W"...)
		b = pad(b, wn, 2)
		if v.prec == precWeekend {
			b = append(b, "-WE"...)
		}
	case precDay, precMinute:
		b = pad(b, y, 4)
		b = append(b, '-')
		b = pad(b, int(m), 2)
		b = append(b, '-')
		b = pad(b, d, 2)
		if v.prec == precMinute {
			b = append(b, 'T')
			b = pad(b, v.minutes/60, 2)
			b = append(b, ':')
			b = pad(b, v.minutes%60, 2)
		}
	}
	return string(b)
}

// pad appends n (0 <= n < 10000, as calendar fields are) in decimal, zero-padded to width.
func pad(b []byte, n, width int) []byte {
	if n < 0 || n > 9999 {
		n = 0 // outside what any resolved value holds; keep the format's shape
	}
	var digits [4]byte
	for k := 3; k >= 0; k-- {
		digits[k] = byte('0' + n%10)
		n /= 10
	}
	return append(b, digits[4-width:]...)
}

// civil returns midnight UTC of a calendar day; time.Date normalises overflow.
func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// dayOf truncates t to its calendar day, read in t's own location.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return civil(y, int(m), d)
}

// exists reports whether the day is on the calendar of year y (Feb 29 only in leap years).
func exists(y, m, d int) bool {
	t := civil(y, m, d)
	return m >= 1 && m <= 12 && d >= 1 && t.Day() == d && int(t.Month()) == m
}

// nearestDate resolves a month and day without a year to the such date nearest the anchor:
// normally the anchor's year, but "Dec 30" in a story of Jan 2 is the year before.
func nearestDate(anchor time.Time, m, d int) (time.Time, bool) {
	var best time.Time
	found := false
	for y := anchor.Year() - 1; y <= anchor.Year()+1; y++ {
		if !exists(y, m, d) {
			continue
		}
		t := civil(y, m, d)
		if !found || absDays(t.Sub(anchor)) < absDays(best.Sub(anchor)) {
			best, found = t, true
		}
	}
	return best, found
}

// nearestMonth resolves a month without a year the same way: "in June" in a story of May 2024
// is June 2024, in a story of January 2024 it is June 2024 too, but "in December" in a story
// of January is the December before (ties go to the past).
func nearestMonth(anchor time.Time, m int) time.Time {
	a := anchor.Year()*12 + int(anchor.Month()) - 1
	best := 0
	for y := anchor.Year() - 1; y <= anchor.Year()+1; y++ {
		c := y*12 + m - 1
		if best == 0 || abs(c-a) < abs(best-a) {
			best = c
		}
	}
	return civil(best/12, best%12+1, 1)
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// weekdayDirection says which occurrence of a weekday is meant.
type weekdayDirection uint8

const (
	onOrBefore weekdayDirection = iota // bare "Monday" in past-tense news; the anchor day itself counts
	onOrAfter                          // "this Friday", or a bare weekday after "will"
	before                             // "last Friday"
	after                              // "next Tuesday"
)

// resolveWeekday finds the weekday wd relative to the anchor.
func resolveWeekday(anchor time.Time, wd time.Weekday, dir weekdayDirection) time.Time {
	back := (int(anchor.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(anchor.Weekday()) + 7) % 7
	switch dir {
	case before:
		if back == 0 {
			back = 7
		}
		return anchor.AddDate(0, 0, -back)
	case after:
		if fwd == 0 {
			fwd = 7
		}
		return anchor.AddDate(0, 0, fwd)
	case onOrAfter:
		return anchor.AddDate(0, 0, fwd)
	}
	return anchor.AddDate(0, 0, -back)
}

// shiftUnit moves the anchor by n units and returns the value at that unit's precision:
// "last week" is shiftUnit(anchor, unitWeek, -1).
func shiftUnit(anchor time.Time, unit, n int) value {
	switch unit {
	case unitDay:
		return dayValue(anchor.AddDate(0, 0, n))
	case unitWeek:
		return value{prec: precWeek, day: anchor.AddDate(0, 0, 7*n)}
	case unitWeekend:
		return value{prec: precWeekend, day: anchor.AddDate(0, 0, 7*n)}
	case unitMonth:
		first := civil(anchor.Year(), int(anchor.Month()), 1)
		return monthValue(first.AddDate(0, n, 0))
	default:
		return yearValue(anchor.Year() + n)
	}
}

// relativeMonth resolves "last May" (the latest May before the anchor's month), "next May"
// (the first after it) and "this May" (the anchor's year).
func relativeMonth(anchor time.Time, m int, dir wordClass) time.Time {
	y := anchor.Year()
	am := int(anchor.Month())
	switch {
	case dir == wLast && m >= am:
		y--
	case dir == wNext && m <= am:
		y++
	}
	return civil(y, m, 1)
}
