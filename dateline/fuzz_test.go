package dateline

import (
	"strings"
	"testing"
	"unicode/utf8"

	"herald/document"
)

var fuzzSeeds = []string{
	"ASTANA, May 20 (Xinhua) -- Kazakh President met here. ■",
	"LONDON, Jan. 5, 2024 (AP) — The",
	"BEIJING, May 20 /Xinhua/ -- The",
	"KYIV, Ukraine (AP) — Drones",
	"SAN JOSE, Calif., March 2 - Shares\n Reuter",
	"Headline here\nBy Jane Doe, Reuters\nGAZA CITY — Strikes.\n(Reporting by A; Editing by B)\n-30-",
	"RICHMOND, Va. Feb 26 - x",
	"EL PASO, TEXAS, March 2 - x",
	"OAKLAND , N.J., March 2 - x",
	"N'DJAMENA (AFP) - x",
	"(end)",
	"By ",
	"■",
	"",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Parse(s)
		if !ok {
			if d != (document.Dateline{}) {
				t.Fatalf("no dateline but %+v", d)
			}
			return
		}
		if d.Start < 0 || d.Start >= d.End || d.End > len(s) {
			t.Fatalf("span [%d,%d) out of bounds of %d bytes", d.Start, d.End, len(s))
		}
		if d.Place == "" {
			t.Fatal("dateline without a place")
		}
		if utf8.ValidString(s) && !utf8.ValidString(d.Place) {
			t.Fatalf("place %q is not UTF-8", d.Place)
		}
		if strings.ContainsAny(s[d.Start:d.End], "\n") {
			t.Fatalf("header %q spans lines", s[d.Start:d.End])
		}
	})
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := &document.Document{Text: s}
		Annotate(doc)
		if d := doc.Dateline; d != nil && (d.Start < 0 || d.Start >= d.End || d.End > len(s)) {
			t.Fatalf("dateline [%d,%d) out of bounds of %d bytes", d.Start, d.End, len(s))
		}
		prevEnd := 0
		for _, m := range doc.Marks {
			if m.Start < prevEnd || m.Start >= m.End || m.End > len(s) {
				t.Fatalf("marks unsorted, overlapping, empty or out of bounds: %+v", doc.Marks)
			}
			if d := doc.Dateline; d != nil && m.Start < d.End && d.Start < m.End {
				t.Fatalf("mark %+v overlaps the dateline %+v", m, *d)
			}
			prevEnd = m.End
		}
	})
}
