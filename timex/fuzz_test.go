package timex

import (
	"testing"
	"time"

	"herald/document"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"ASTANA, May 20 (Xinhua) -- Kazakh President Kassym-Jomart Tokayev on Monday met here.",
		"on May 20, 2024 and 20 May 2024 and 2024-05-20, in May 2024, in 2023, Jan. 5",
		"last Friday, next Tuesday, Monday night, will resume on Thursday",
		"today, yesterday, last week, earlier this month, two days ago, 3 weeks ago",
		"at 10:30 a.m. on Monday, 3 p.m. yesterday, 14:30 GMT, 10am",
		"May I? 2023 people. May 20,000. Mayé",
		"",
	} {
		f.Add(s, int64(1716163200)) // 2024-05-20
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var anchor time.Time
		if unix%7 != 3 { // some runs without an anchor
			anchor = time.Unix(unix%(400*365*86400), 0).UTC()
		}
		prevEnd := 0
		for _, tm := range Find(s, anchor) {
			if tm.Start < prevEnd || tm.Start >= tm.End || tm.End > len(s) {
				t.Fatalf("span [%d,%d) unsorted, overlapping, empty or out of bounds (len %d)", tm.Start, tm.End, len(s))
			}
			if s[tm.Start:tm.End] != tm.Text {
				t.Fatalf("text %q is not s[%d:%d]", tm.Text, tm.Start, tm.End)
			}
			prevEnd = tm.End
		}
		doc := &document.Document{Text: s, Dateline: &document.Dateline{Month: 5, Day: 20, End: min(len(s), 26)}}
		published := ""
		if !anchor.IsZero() {
			published = anchor.Format("2006-01-02")
		}
		Annotate(doc, Options{Published: published})
	})
}
