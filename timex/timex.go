// Package timex finds the time expressions of a news story ("on Monday", "May 20, 2024",
// "last week", "two days ago", "at 10:30 a.m.") and resolves them to calendar values against
// the story's reference date.
//
// It reads Document.Text, Document.Published and the Document.Dateline that package dateline
// wrote, and adds Document.Times. It also settles the reference date itself: the publication
// date when one is given, else the dateline's date. A dateline's month and day take their
// year from the publication date; with no publication date and no year written, the story
// is undated (see Undated), because any year chosen for it would be a guess.
//
// Values follow ISO 8601 as TIMEX3 (TimeML) writes them: 2024-05-20, 2024-05, 2024, 2024-W20,
// 2024-W20-WE, 2024-05-20T10:30. Spans include the word that makes the expression a date
// ("on Monday", "in 2023", "last week", "earlier this month", "at 10 a.m."), as the analyze
// contract's example does. Expressions are found by a hand-written word scanner, without
// regular expressions, so the scan runs at tens of MB/s.
package timex

import (
	"fmt"
	"slices"
	"time"

	"herald/document"
)

// Options carry what the document itself may not say.
type Options struct {
	// Published is the publication date, YYYY-MM-DD, from --date or the source; may be empty.
	Published string
}

// Annotate resolves the document's reference date and fills doc.Times.
//
// The anchor is Options.Published if valid, else doc.Published, else the dateline's date
// when its year is written. A dateline with a month and day gets its Date: the written
// year, else the nearest such day to the publication date; with neither it stays empty.
// When doc.Published is empty it is set to the anchor. A document left without an anchor
// gets a warning that says why (Undated), and its relative expressions no value. Every
// time expression outside the dateline and outside non-prose marks (a copyright year is
// not an event's date) becomes a document.Time.
func Annotate(doc *document.Document, opt Options) {
	anchor, ok := parseDay(opt.Published)
	if !ok {
		anchor, ok = parseDay(doc.Published)
	}
	if dl := doc.Dateline; dl != nil && dl.Month > 0 && dl.Day > 0 {
		if dl.Date == "" {
			if day, dok := datelineDay(dl, anchor, ok); dok {
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
		if why := Undated(doc); why != "" {
			if w := why + "; events undated"; !slices.Contains(doc.Warnings, w) {
				doc.Warnings = append(doc.Warnings, w)
			}
		}
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

// Undated says why an annotated document has no date, "" when it has one. Its events then
// carry no date, unless their own sentence writes one in full ("on May 20, 2024"). The
// reason names what is missing, so that a user knows what to give (--date, a "published"
// field).
func Undated(doc *document.Document) string {
	if _, ok := parseDay(doc.Published); ok {
		return ""
	}
	dl := doc.Dateline
	switch {
	case dl != nil && dl.Date != "":
		return ""
	case doc.Published != "":
		return fmt.Sprintf("the publication date %q is not YYYY-MM-DD", doc.Published)
	case dl != nil && dl.Month > 0 && dl.Year == 0:
		return "dateline gives no year and there is no publication date"
	case dl != nil && dl.Month > 0:
		return fmt.Sprintf("the dateline's date (%d-%02d-%02d) is not on the calendar and there is no publication date", dl.Year, dl.Month, dl.Day)
	}
	return "there is no publication date and no dateline with a date"
}

// datelineDay resolves a dateline's month and day to a calendar day: with its written year;
// else the nearest such day to the publication date when there is one. Without either
// there is no day: no year is guessed.
func datelineDay(dl *document.Dateline, anchor time.Time, hasAnchor bool) (time.Time, bool) {
	switch {
	case dl.Year != 0:
		return civil(dl.Year, dl.Month, dl.Day), exists(dl.Year, dl.Month, dl.Day)
	case hasAnchor:
		return nearestDate(anchor, dl.Month, dl.Day)
	}
	return time.Time{}, false
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
