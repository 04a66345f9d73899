package timex

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"herald/document"
)

// monday is the anchor of most cases: Monday 2024-05-20 (ISO week 21).
var monday = time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)

// found renders expressions as "text=value" for compact comparison.
func found(times []document.Time) string {
	var parts []string
	for _, t := range times {
		parts = append(parts, t.Text+"="+t.Value)
	}
	return strings.Join(parts, "|")
}

func TestFind(t *testing.T) {
	jan2 := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	friday := time.Date(2024, 5, 24, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		in     string
		anchor time.Time
		want   string
	}{
		// absolute
		{"month day year", "The vote on May 20, 2024 passed.", monday, "on May 20, 2024=2024-05-20"},
		{"day month year", "It opened 20 May 2024 in Rome.", monday, "20 May 2024=2024-05-20"},
		{"iso", "Filed 2024-05-20.", monday, "2024-05-20=2024-05-20"},
		{"month year", "Prices rose in May 2024.", monday, "in May 2024=2024-05"},
		{"bare year after in", "Talks began in 2023 and ended.", monday, "in 2023=2023"},
		{"year after since: span is the year", "Rates have been flat since 2020.", monday, "2020=2020"},
		{"abbreviated month", "On Jan. 5 the court ruled.", monday, "On Jan. 5=2024-01-05"},
		{"sept and ordinal", "It ends Sept. 3 or May 21st.", monday, "Sept. 3=2024-09-03|May 21st=2024-05-21"},
		{"full date without anchor", "On May 20, 2024 they met.", time.Time{}, "On May 20, 2024=2024-05-20"},
		{"weekday and date", "Monday, May 20, 2024 was warm.", monday, "Monday, May 20, 2024=2024-05-20"},

		// partial dates resolve to the nearest such day
		{"partial date same year", "Polls close Nov. 5.", monday, "Nov. 5=2024-11-05"},
		{"partial date previous year", "Dec 30 was quiet.", jan2, "Dec 30=2023-12-30"},
		{"partial date next year", "Talks resume Jan 3.", time.Date(2024, 12, 28, 0, 0, 0, 0, time.UTC), "Jan 3=2025-01-03"},
		{"partial date without anchor", "Talks resume May 20.", time.Time{}, "May 20="},
		{"bare month nearest", "They meet in June and met in December.", jan2, "in June=2024-06|in December=2023-12"},

		// weekdays
		{"on weekday is the anchor day", "They met on Monday.", monday, "on Monday=2024-05-20"},
		{"bare weekday is past", "Tokayev said Sunday that", monday, "Sunday=2024-05-19"},
		{"weekday after anchor goes back a week", "Rockets hit on Tuesday.", monday, "on Tuesday=2024-05-14"},
		{"last friday", "He left last Friday.", monday, "last Friday=2024-05-17"},
		{"last weekday same as anchor", "He left last Monday.", monday, "last Monday=2024-05-13"},
		{"next tuesday", "He returns next Tuesday.", monday, "next Tuesday=2024-05-21"},
		{"next weekday same as anchor", "He returns next Monday.", monday, "next Monday=2024-05-27"},
		{"future cue", "Talks will resume on Thursday, he said.", monday, "on Thursday=2024-05-23"},
		{"future cue stops at the sentence", "Talks will resume. He spoke on Thursday.", friday, "on Thursday=2024-05-23"},
		{"weekday with part of day", "Shelling began Monday night.", monday, "Monday night=2024-05-20"},
		{"weekday without anchor", "They met on Monday.", time.Time{}, "on Monday="},

		// relative
		{"day words", "today, yesterday, tomorrow, tonight", monday,
			"today=2024-05-20|yesterday=2024-05-19|tomorrow=2024-05-21|tonight=2024-05-20"},
		{"yesterday morning", "Fighting stopped yesterday morning.", monday, "yesterday morning=2024-05-19"},
		{"weeks", "last week, this week, next week", monday, "last week=2024-W20|this week=2024-W21|next week=2024-W22"},
		{"months and years", "next month, last month, last year, this year", monday,
			"next month=2024-06|last month=2024-04|last year=2023|this year=2024"},
		{"month arithmetic crosses a year", "last month", jan2, "last month=2023-12"},
		{"edges", "earlier this month, later this year, early next week, late 2023, early May, later today", monday,
			"earlier this month=2024-05|later this year=2024|early next week=2024-W22|late 2023=2023|early May=2024-05|later today=2024-05-20"},
		{"ago", "two days ago, three weeks ago, a year ago, 5 months ago", monday,
			"two days ago=2024-05-18|three weeks ago=2024-W18|a year ago=2023|5 months ago=2023-12"},
		{"part of day", "overnight, this morning, last night", monday,
			"overnight=2024-05-20|this morning=2024-05-20|last night=2024-05-19"},
		{"weekend", "Storms hit last weekend.", monday, "last weekend=2024-W20-WE"},
		{"month with relative year", "in March last year, on May 3 next year, November, 1986", monday,
			"in March last year=2023-03|on May 3 next year=2025-05-03|November, 1986=1986-11"},
		{"a count after a month and comma", "In May, 2000 people marched.", monday, "In May=2024-05"},
		{"relative year without anchor", "in March last year", time.Time{}, "in March last year="},
		{"relative month", "last May, next March, this July", monday, "last May=2023-05|next March=2025-03|this July=2024-07"},

		// times of day
		{"time with at", "They met at 10:30 a.m.", monday, "at 10:30 a.m.=2024-05-20T10:30"},
		{"pm", "The blast came at 3 p.m. yesterday.", monday, "at 3 p.m. yesterday=2024-05-19T15:00"},
		{"day then time", "on Monday at 10 a.m.", friday, "on Monday at 10 a.m.=2024-05-20T10:00"},
		{"time then day", "at 9:15 pm on Friday", monday, "at 9:15 pm on Friday=2024-05-17T21:15"},
		{"24-hour with zone", "Trading halted at 14:30 and resumed 16:00 GMT.", monday,
			"at 14:30=2024-05-20T14:30|16:00 GMT=2024-05-20T16:00"},
		{"compact am", "Doors open 10am.", monday, "10am=2024-05-20T10:00"},
		{"12 am and pm", "at 12 a.m. and at 12 p.m.", monday, "at 12 a.m.=2024-05-20T00:00|at 12 p.m.=2024-05-20T12:00"},

		// things that are not dates
		{"may the modal", "May I ask? They may go. In may.", monday, ""},
		{"march the noun", "A march on Monday drew crowds. March on!", monday, "on Monday=2024-05-20"},
		{"march the verb at sentence start", "March to the square, they said.", monday, ""},
		{"numbers are not years", "2023 people came. A total of 2024 votes. In 2,023 cases. Up 2023%.", monday, ""},
		{"sun and wed", "The Sun said. Wed. Sat down.", monday, ""},
		{"second is an ordinal", "The second round.", monday, ""},
		{"thousands after a month", "May 20,000 people come?", monday, ""},
		{"durations are not dates", "over the last week, the next day, the past year", monday, ""},
		{"scores and ratios", "won 3:2, ratio 10:30", monday, ""},
		{"bare clock without cue", "Chapter 10:30 says", monday, ""},
		{"lowercase weekday", "a monday thing", monday, ""},
		{"mondays", "Mondays are slow.", monday, ""},
		{"word goes on", "Mayé and Junes and Todayx", monday, ""},
		{"invalid day", "May 32 and Feb 30, 2023 and 2023-02-30", monday, ""},
		{"year out of range", "in 1200 cases and in 3000 units", monday, ""},
		{"ago needs a unit", "two ago, a few days ago", monday, ""},
		{"curly apostrophe", "Monday’s vote", monday, "Monday=2024-05-20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(Find(tt.in, tt.anchor))
			if got != tt.want {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	s := "ASTANA, May 20 (Xinhua) -- Kazakh President Kassym-Jomart Tokayev on Monday met here."
	for _, tm := range Find(s, monday) {
		if s[tm.Start:tm.End] != tm.Text {
			t.Errorf("%+v: text does not match its span %q", tm, s[tm.Start:tm.End])
		}
	}
}

// TestYearRule holds the rule of issue 19: a dateline's month and day take their year from
// the publication date (--date or the source's), or from the dateline itself; with neither,
// no year is guessed, not from the clock nor from a weekday the story names, and the
// document is undated with a warning that says why.
func TestYearRule(t *testing.T) {
	paris := func() *document.Dateline {
		return &document.Dateline{Place: "Paris", Start: 0, End: len("PARIS, March 3 -"), Month: 3, Day: 3}
	}
	const parisStory = "PARIS, March 3 - Ministers met on Monday and will meet again next week."
	const noYear = "dateline gives no year and there is no publication date"
	tests := []struct {
		name          string
		doc           *document.Document
		opt           Options
		wantDate      string // the dateline's
		wantPublished string
		wantUndated   string
		wantTimes     string
	}{
		{"publication date gives the year", &document.Document{Text: parisStory, Dateline: paris(), Published: "1987-03-04"},
			Options{}, "1987-03-03", "1987-03-04", "", "on Monday=1987-03-02|next week=1987-W11"},
		{"--date gives the year", &document.Document{Text: parisStory, Dateline: paris()},
			Options{Published: "1987-03-04"}, "1987-03-03", "1987-03-04", "", "on Monday=1987-03-02|next week=1987-W11"},
		{"no publication date: undated, the weekday fixes nothing", &document.Document{Text: parisStory, Dateline: paris()},
			Options{}, "", "", noYear, "on Monday=|next week="},
		{"a year-end dateline in a January story", &document.Document{Text: "PARIS, Dec 30 - Talks ended.",
			Dateline: &document.Dateline{Place: "Paris", End: len("PARIS, Dec 30 -"), Month: 12, Day: 30}},
			Options{Published: "1988-01-02"}, "1987-12-30", "1988-01-02", "", ""},
		{"written year", &document.Document{Text: "LONDON, Jan. 5, 2024 (AP) — Talks ended yesterday.",
			Dateline: &document.Dateline{Place: "London", End: len("LONDON, Jan. 5, 2024 (AP) —"), Month: 1, Day: 5, Year: 2024}},
			Options{}, "2024-01-05", "2024-01-05", "", "yesterday=2024-01-04"},
		{"written year not on the calendar", &document.Document{Text: "LONDON, Feb. 29, 1987 - Talks ended.",
			Dateline: &document.Dateline{Place: "London", End: len("LONDON, Feb. 29, 1987 -"), Month: 2, Day: 29, Year: 1987}},
			Options{}, "", "", "the dateline's date (1987-02-29) is not on the calendar and there is no publication date", ""},
		{"dateline without a date", &document.Document{Text: "WASHINGTON (Reuters) - Talks ended on Friday.",
			Dateline: &document.Dateline{Place: "Washington", End: len("WASHINGTON (Reuters) -")}},
			Options{}, "", "", "there is no publication date and no dateline with a date", "on Friday="},
		{"no dateline, no date", &document.Document{Text: "Officials met on Monday."},
			Options{}, "", "", "there is no publication date and no dateline with a date", "on Monday="},
		{"no dateline, a publication date", &document.Document{Text: "Officials met on Monday."},
			Options{Published: "2024-05-22"}, "", "2024-05-22", "", "on Monday=2024-05-20"},
		{"a date written in full still counts", &document.Document{Text: parisStory + " The accord of May 20, 1986 stands.", Dateline: paris()},
			Options{}, "", "", noYear, "on Monday=|next week=|May 20, 1986=1986-05-20"},
		{"a publication date that is no date", &document.Document{Text: parisStory, Dateline: paris(), Published: "yesterday"},
			Options{}, "", "yesterday", `the publication date "yesterday" is not YYYY-MM-DD`, "on Monday=|next week="},
		{"a publication date that is no date, a dateline with its year", &document.Document{Text: "LONDON, Jan. 5, 2024 - Talks ended.", Published: "yesterday",
			Dateline: &document.Dateline{Place: "London", End: len("LONDON, Jan. 5, 2024 -"), Month: 1, Day: 5, Year: 2024}},
			Options{}, "2024-01-05", "yesterday", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Annotate(tt.doc, tt.opt)
			Annotate(tt.doc, tt.opt) // a second pass must not repeat the warning
			date := ""
			if tt.doc.Dateline != nil {
				date = tt.doc.Dateline.Date
			}
			if date != tt.wantDate || tt.doc.Published != tt.wantPublished {
				t.Errorf("dateline date %q published %q, want %q %q", date, tt.doc.Published, tt.wantDate, tt.wantPublished)
			}
			if got := Undated(tt.doc); got != tt.wantUndated {
				t.Errorf("Undated = %q, want %q", got, tt.wantUndated)
			}
			var wantWarnings []string
			if tt.wantUndated != "" {
				wantWarnings = []string{tt.wantUndated + "; events undated"}
			}
			if !slices.Equal(tt.doc.Warnings, wantWarnings) {
				t.Errorf("warnings %q, want %q", tt.doc.Warnings, wantWarnings)
			}
			if got := found(tt.doc.Times); got != tt.wantTimes {
				t.Errorf("times\n got %q\nwant %q", got, tt.wantTimes)
			}
		})
	}
}

func TestAnnotate(t *testing.T) {
	const story = "ASTANA, May 20 (Xinhua) -- The president on Monday met the envoy. Talks will go on next week. (c) 2023 Xinhua"
	dl := func() *document.Dateline {
		return &document.Dateline{Place: "Astana", Agency: "Xinhua", Start: 0, End: 26, Month: 5, Day: 20}
	}
	credit := []document.Mark{{Kind: document.MarkCredit, Start: 97, End: len(story)}}
	tests := []struct {
		name          string
		doc           *document.Document
		opt           Options
		wantDate      string
		wantPublished string
		wantTimes     string
	}{
		{"option anchors, the credit's year is no time", &document.Document{Text: story, Dateline: dl(), Marks: credit},
			Options{Published: "2024-05-20"}, "2024-05-20", "2024-05-20", "on Monday=2024-05-20|next week=2024-W22"},
		{"option over the source's date", &document.Document{Text: story, Dateline: dl(), Marks: credit, Published: "2019-05-21"},
			Options{Published: "2024-05-20"}, "2024-05-20", "2019-05-21", "on Monday=2024-05-20|next week=2024-W22"},
		{"source date when no option", &document.Document{Text: story, Dateline: dl(), Published: "2019-05-21"},
			Options{}, "2019-05-20", "2019-05-21", "on Monday=2019-05-20|next week=2019-W22"},
		{"no anchor", &document.Document{Text: story, Dateline: dl(), Marks: credit},
			Options{}, "", "", "on Monday=|next week="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Annotate(tt.doc, tt.opt)
			date := ""
			if tt.doc.Dateline != nil {
				date = tt.doc.Dateline.Date
			}
			if date != tt.wantDate || tt.doc.Published != tt.wantPublished {
				t.Errorf("dateline date %q published %q, want %q %q", date, tt.doc.Published, tt.wantDate, tt.wantPublished)
			}
			if got := found(tt.doc.Times); got != tt.wantTimes {
				t.Errorf("times\n got %q\nwant %q", got, tt.wantTimes)
			}
			if tt.doc.Times == nil {
				t.Error("Times is nil; want an empty slice so it encodes as []")
			}
		})
	}
}

// TestReferenceArticle checks the contract's example on the reference Xinhua story: with
// the publication date 2024-05-20, "May 20" and "on Monday" give 2024-05-20, and "on Monday"
// is at 66-75; without it the story is undated.
func TestReferenceArticle(t *testing.T) {
	raw, err := os.ReadFile("../../shared/examples/astana.txt")
	if err != nil {
		t.Skipf("reference article not available (%v): it lives in ../shared/examples", err)
	}
	newDoc := func() *document.Document {
		return &document.Document{
			Text:     string(raw),
			Dateline: &document.Dateline{Place: "Astana", Agency: "Xinhua", Start: 0, End: 26, Month: 5, Day: 20},
		}
	}
	doc := newDoc()
	Annotate(doc, Options{Published: "2024-05-20"})
	if doc.Dateline.Date != "2024-05-20" || doc.Published != "2024-05-20" {
		t.Errorf("dateline date %q, published %q; want 2024-05-20", doc.Dateline.Date, doc.Published)
	}
	want := document.Time{Start: 66, End: 75, Text: "on Monday", Value: "2024-05-20"}
	if len(doc.Times) == 0 || doc.Times[0] != want {
		t.Errorf("times %+v; want first %+v", doc.Times, want)
	}
	doc = newDoc()
	Annotate(doc, Options{})
	if doc.Dateline.Date != "" || doc.Published != "" || Undated(doc) == "" {
		t.Errorf("without a publication date: dateline date %q, published %q, undated %q; want undated",
			doc.Dateline.Date, doc.Published, Undated(doc))
	}
}

func ExampleFind() {
	anchor := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	for _, t := range Find("Talks that began last week will resume on Thursday at 9 a.m.", anchor) {
		fmt.Println(t.Start, t.End, t.Text, t.Value)
	}
	// Output:
	// 17 26 last week 2024-W20
	// 39 60 on Thursday at 9 a.m. 2024-05-23T09:00
}
