// Package timex finds the time expressions of a news story ("on Monday", "May 20, 2024",
// "last week", "two days ago", "at 10:30 a.m.") and resolves them to calendar values against
// the story's reference date.
//
// It reads Document.Text, Document.Published and the Document.Dateline that package dateline
// wrote, and adds Document.Times. It also settles the reference date itself: the publication
// date when one is given, else the dateline's month and day, with the year taken from a
// weekday the story names ("ASTANA, May 20 … on Monday" is 2024-05-20 when that is the
// latest May 20 on a Monday not after today).
//
// Values follow ISO 8601 as TIMEX3 (TimeML) writes them: 2024-05-20, 2024-05, 2024, 2024-W20,
// 2024-W20-WE, 2024-05-20T10:30. Spans include the word that makes the expression a date
// ("on Monday", "in 2023", "last week", "earlier this month", "at 10 a.m."), as the analyze
// contract's example does. Expressions are found by a hand-written word scanner, without
// regular expressions, so the scan runs at tens of MB/s.
package timex

import (
	"time"

	"herald/document"
)

// Options carry what the document itself may not say.
type Options struct {
	// Published is the publication date, YYYY-MM-DD, from --date or the source; may be empty.
	Published string
	// Today bounds inferred years: a dateline's year is the latest that is not after Today.
	// The CLI passes time.Now(), tests a fixed date. Zero disables year inference.
	Today time.Time
}

// weekdayWindow is how far past the dateline Annotate looks for the weekday that fixes the
// dateline's year: the first sentence or two of a wire story.
const weekdayWindow = 400

// maxYearsBack bounds the search for a year in which the dateline's day fell on the weekday:
// the calendar repeats within 28 years.
const maxYearsBack = 28

// Annotate resolves the document's reference date and fills doc.Times.
//
// The anchor is Options.Published if valid, else doc.Published, else the dateline's date:
// written in full, or month and day with the year inferred (see inferYear). A dateline with a
// month and day gets its Date; when doc.Published is empty it is set to the anchor. Every time
// expression outside the dateline and outside non-prose marks (a copyright year is not an
// event's date) becomes a document.Time.
func Annotate(doc *document.Document, opt Options) {
	anchor, ok := parseDay(opt.Published)
	if !ok {
		anchor, ok = parseDay(doc.Published)
	}
	if dl := doc.Dateline; dl != nil && dl.Month > 0 && dl.Day > 0 {
		if dl.Date == "" {
			if day, dok := datelineDay(doc, anchor, ok, opt.Today); dok {
				dl.Date = dayValue(day).String()
			}
		}
		if !ok {
			anchor, ok = parseDay(dl.Date)
		}
	}
	if ok && doc.Published == "" {
		doc.Published = dayValue(anchor).String()
	}
	if !ok {
		anchor = time.Time{}
	}

	times := Find(doc.Text, anchor)
	kept := times[:0]
	for _, t := range times {
		if !insideHeaderOrMark(doc, t) {
			kept = append(kept, t)
		}
	}
	if kept == nil {
		kept = []document.Time{}
	}
	doc.Times = kept
}

// datelineDay resolves a dateline's month and day to a calendar day: with its written year;
// else the nearest such day to the publication date when there is one; else by inferYear.
func datelineDay(doc *document.Document, anchor time.Time, hasAnchor bool, today time.Time) (time.Time, bool) {
	dl := doc.Dateline
	switch {
	case dl.Year != 0:
		return civil(dl.Year, dl.Month, dl.Day), exists(dl.Year, dl.Month, dl.Day)
	case hasAnchor:
		return nearestDate(anchor, dl.Month, dl.Day)
	case today.IsZero():
		return time.Time{}, false
	}
	wd, hasWeekday := storyWeekday(doc.Text, dl.End)
	return inferYear(dl.Month, dl.Day, wd, hasWeekday, dayOf(today))
}

// inferYear picks the year of a month and day written without one: the latest such date, not
// after today, that falls on the story's weekday; without a weekday (or when none of the last
// 28 years fits), the latest such date not after today.
func inferYear(month, day int, wd time.Weekday, hasWeekday bool, today time.Time) (time.Time, bool) {
	if hasWeekday {
		for y := today.Year(); y > today.Year()-maxYearsBack; y-- {
			if t := civil(y, month, day); exists(y, month, day) && !t.After(today) && t.Weekday() == wd {
				return t, true
			}
		}
	}
	for y := today.Year(); y > today.Year()-maxYearsBack/4-1; y-- {
		if t := civil(y, month, day); exists(y, month, day) && !t.After(today) {
			return t, true
		}
	}
	return time.Time{}, false
}

// storyWeekday returns the first weekday the story names in its opening (weekdayWindow bytes
// after the dateline) that points at the dateline's own day: a bare or "on" weekday in the
// past tense, not "last Friday", "next Tuesday" or "will meet on Thursday".
func storyWeekday(text string, from int) (time.Weekday, bool) {
	window := text[from:min(len(text), from+weekdayWindow)]
	scan := finder{s: window}
	for _, t := range Find(window, time.Time{}) {
		w := classify(lastWord(t.Text))
		if w.class != wWeekday || len(t.Text) > len("on Wednesday") || scan.bareDirection(t.Start) != onOrBefore {
			continue // "Monday night" is fine to skip; "will meet on Thursday" is another day
		}
		if first := classify(firstWord(t.Text)); first.class == wWeekday || first.class == wOn {
			return time.Weekday(w.val), true
		}
	}
	return 0, false
}

func firstWord(s string) string {
	for k := 0; k < len(s); k++ {
		if s[k] == ' ' {
			return s[:k]
		}
	}
	return s
}

func lastWord(s string) string {
	for k := len(s) - 1; k >= 0; k-- {
		if s[k] == ' ' {
			return s[k+1:]
		}
	}
	return s
}

// insideHeaderOrMark reports an expression within the dateline or a non-prose mark.
func insideHeaderOrMark(doc *document.Document, t document.Time) bool {
	if dl := doc.Dateline; dl != nil && t.Start < dl.End && dl.Start < t.End {
		return true
	}
	for _, m := range doc.Marks {
		if t.Start < m.End && m.Start < t.End {
			return true
		}
	}
	return false
}

// parseDay reads a YYYY-MM-DD date.
func parseDay(s string) (time.Time, bool) {
	if len(s) != len("2006-01-02") {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
