package dateline

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		header string // the text the dateline must cover
		want   document.Dateline
	}{
		{"ASTANA, May 20 (Xinhua) -- Kazakh President met", "ASTANA, May 20 (Xinhua) --",
			document.Dateline{Place: "Astana", Agency: "Xinhua", Month: 5, Day: 20}},
		{"WASHINGTON (Reuters) - The deal", "WASHINGTON (Reuters) -",
			document.Dateline{Place: "Washington", Agency: "Reuters"}},
		{"LONDON, Jan. 5, 2024 (AP) — The", "LONDON, Jan. 5, 2024 (AP) —",
			document.Dateline{Place: "London", Agency: "AP", Month: 1, Day: 5, Year: 2024, Date: "2024-01-05"}},
		{"BEIJING, May 20 /Xinhua/ -- The", "BEIJING, May 20 /Xinhua/ --",
			document.Dateline{Place: "Beijing", Agency: "Xinhua", Month: 5, Day: 20}},
		{"NEW DELHI, Oct 14 (IANS) The minister", "NEW DELHI, Oct 14 (IANS)",
			document.Dateline{Place: "New Delhi", Agency: "IANS", Month: 10, Day: 14}},
		{"UNITED NATIONS, Sept. 3 (Xinhua) -- The", "UNITED NATIONS, Sept. 3 (Xinhua) --",
			document.Dateline{Place: "United Nations", Agency: "Xinhua", Month: 9, Day: 3}},
		{"RIO DE JANEIRO (AFP) - Police", "RIO DE JANEIRO (AFP) -",
			document.Dateline{Place: "Rio de Janeiro", Agency: "AFP"}},
		{"KYIV, Ukraine (AP) — Drones", "KYIV, Ukraine (AP) —",
			document.Dateline{Place: "Kyiv", Region: "Ukraine", Agency: "AP"}},
		{"WASHINGTON, March 3 - The", "WASHINGTON, March 3 -",
			document.Dateline{Place: "Washington", Month: 3, Day: 3}},
		{"GAZA CITY — Strikes", "GAZA CITY —", document.Dateline{Place: "Gaza City"}},
		{"SEOUL, May 20 (Yonhap) -- x", "SEOUL, May 20 (Yonhap) --",
			document.Dateline{Place: "Seoul", Agency: "Yonhap", Month: 5, Day: 20}},
		{"MOSCOW, May 20 (TASS) - x", "MOSCOW, May 20 (TASS) -",
			document.Dateline{Place: "Moscow", Agency: "TASS", Month: 5, Day: 20}},
		{"ANKARA (AA) - x", "ANKARA (AA) -", document.Dateline{Place: "Ankara", Agency: "Anadolu"}},
		{"BERLIN (dpa) - x", "BERLIN (dpa) -", document.Dateline{Place: "Berlin", Agency: "dpa"}},
		{"Tokyo, May 20 (Kyodo) -- x", "Tokyo, May 20 (Kyodo) --",
			document.Dateline{Place: "Tokyo", Agency: "Kyodo", Month: 5, Day: 20}},
		{"NEW YORK, March 2 - Shares", "NEW YORK, March 2 -",
			document.Dateline{Place: "New York", Month: 3, Day: 2}},
		{"MONTREAL, Feb 26- Shr 1.11", "MONTREAL, Feb 26-",
			document.Dateline{Place: "Montreal", Month: 2, Day: 26}},
		{"SAN JOSE, Calif., March 2 - x", "SAN JOSE, Calif., March 2 -",
			document.Dateline{Place: "San Jose", Region: "Calif.", Month: 3, Day: 2}},
		{"RICHMOND, Va. Feb 26 - x", "RICHMOND, Va. Feb 26 -",
			document.Dateline{Place: "Richmond", Region: "Va.", Month: 2, Day: 26}},
		{"EL PASO, TEXAS, March 2 - x", "EL PASO, TEXAS, March 2 -",
			document.Dateline{Place: "El Paso", Region: "TEXAS", Month: 3, Day: 2}},
		{"OAKLAND , N.J., March 2 - x", "OAKLAND , N.J., March 2 -",
			document.Dateline{Place: "Oakland", Region: "N.J.", Month: 3, Day: 2}},
		{"CHICAGO, March 4, - x", "CHICAGO, March 4, -",
			document.Dateline{Place: "Chicago", Month: 3, Day: 4}},
		{"Calgary, Alberta, April 7 - x", "Calgary, Alberta, April 7 -",
			document.Dateline{Place: "Calgary", Region: "Alberta", Month: 4, Day: 7}},
		{"DALLAS/FORT WORTH (Reuters) - x", "DALLAS/FORT WORTH (Reuters) -",
			document.Dateline{Place: "Dallas/Fort Worth", Agency: "Reuters"}},
		{"Ras al-Khaimah, May 3 (WAM) -- x", "Ras al-Khaimah, May 3 (WAM) --",
			document.Dateline{Place: "Ras al-Khaimah", Agency: "WAM", Month: 5, Day: 3}},
		{"NEW DELHI: The", "NEW DELHI:", document.Dateline{Place: "New Delhi"}},
		{"THE HAGUE, 20 May 2024 (ANP) - x", "THE HAGUE, 20 May 2024 (ANP) -",
			document.Dateline{Place: "The Hague", Agency: "ANP", Month: 5, Day: 20, Year: 2024, Date: "2024-05-20"}},
		{"OSLO, May 2 (NTB) - Norway's king", "OSLO, May 2 (NTB) -",
			document.Dateline{Place: "Oslo", Agency: "NTB", Month: 5, Day: 2}},
		{"RIGA (LETA) - x", "RIGA (LETA) -", document.Dateline{Place: "Riga", Agency: "LETA"}},
		{"  PARIS (AFP) -\nThe", "PARIS (AFP) -", document.Dateline{Place: "Paris", Agency: "AFP", Start: 2}},
		{"SÃO PAULO (Reuters) - x", "SÃO PAULO (Reuters) -", document.Dateline{Place: "São Paulo", Agency: "Reuters"}},
		{"LONDON, Feb. 29, 2023 (AP) — x", "LONDON, Feb. 29, 2023 (AP) —",
			document.Dateline{Place: "London", Agency: "AP", Month: 2, Day: 29, Year: 2023}}, // no such day: no Date
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if !ok {
			t.Errorf("Parse(%q): no dateline", tt.in)
			continue
		}
		want := tt.want
		want.End = want.Start + len(tt.header)
		if got != want {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, got, want)
		}
		if h := tt.in[got.Start:got.End]; h != tt.header {
			t.Errorf("Parse(%q) covers %q, want %q", tt.in, h, tt.header)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{
		"",
		"US, UK agree to cut tariffs - sources",
		"US, UK AGREE -",
		"Officials said on Monday - the talks",
		"WASHINGTON officials said on Monday that",
		"Washington — The president said",
		"UPDATE 2-Oil rises",
		"EXCLUSIVE: Talks stall",
		"EDITOR'S NOTE — This story",
		"UN - The council",
		"Kazakh President Kassym-Jomart Tokayev on Monday met here",
		"ASTANA-based analysts said",
		"LONDON (some words in brackets that say nothing) and more",
		"PARIS (the capital) - x",
		"by the river - x",
		"ASTANA, May 20",
		"ASTANA, May 40 (Xinhua) --",
	} {
		if d, ok := Parse(in); ok {
			t.Errorf("Parse(%q) = %+v, want no dateline", in, d)
		}
	}
}

func TestTitleCase(t *testing.T) {
	tests := map[string]string{
		"ASTANA":            "Astana",
		"NEW DELHI":         "New Delhi",
		"RIO DE JANEIRO":    "Rio de Janeiro",
		"UNITED NATIONS":    "United Nations",
		"ST. PETERSBURG":    "St. Petersburg",
		"DAR ES SALAAM":     "Dar es Salaam",
		"MCALLEN":           "McAllen",
		"N'DJAMENA":         "N'Djamena",
		"PORT-AU-PRINCE":    "Port-au-Prince",
		"RAS AL-KHAIMAH":    "Ras al-Khaimah",
		"AL-ARISH":          "Al-Arish",
		"EL PASO":           "El Paso",
		"THE HAGUE":         "The Hague",
		"ST. JOHN'S":        "St. John's",
		"BOGOTÁ":            "Bogotá",
		"FRANKFURT AM MAIN": "Frankfurt am Main",
		"MACAU":             "Macau",
	}
	for in, want := range tests {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// markText renders marks as "kind:text" for compact comparison.
func markText(text string, marks []document.Mark) []string {
	var out []string
	for _, m := range marks {
		out = append(out, m.Kind+":"+text[m.Start:m.End])
	}
	return out
}

func TestAnnotate(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		dateline string // header text, "" for none
		place    string
		marks    []string
	}{
		{"xinhua end mark", "ASTANA, May 20 (Xinhua) -- The minister met the envoy on Monday. They met the press. ■",
			"ASTANA, May 20 (Xinhua) --", "Astana", []string{"end-of-story:■"}},
		{"headline and byline", "Ministers agree on grain deal\nBy Jane Doe and John Roe, Associated Press\nGENEVA (AP) — Ministers agreed.\n(Reporting by Ann Lee; Editing by Bo Chan)",
			"GENEVA (AP) —", "Geneva",
			[]string{"headline:Ministers agree on grain deal", "byline:By Jane Doe and John Roe, Associated Press", "credit:(Reporting by Ann Lee; Editing by Bo Chan)"}},
		{"byline after dateline line", "WASHINGTON (Reuters) -\nBy JANE DOE, Reuters\nThe Senate voted.",
			"WASHINGTON (Reuters) -", "Washington", []string{"byline:By JANE DOE, Reuters"}},
		{"reuter 1987", "NEW YORK, March 2 - Shares rose.\n Reuter", "NEW YORK, March 2 -", "New York",
			[]string{"end-of-story:Reuter"}},
		{"reuter at the end of a line", "LONDON, March 3 - Prices fell. Reuter", "LONDON, March 3 -", "London",
			[]string{"end-of-story:Reuter"}},
		{"credits and copyright", "PARIS (AFP) - The talks ended.\nReporting by Ann Lee in Paris; editing by Bo Chan\n(c) 2024 Reuters\n-30-",
			"PARIS (AFP) -", "Paris",
			[]string{"credit:Reporting by Ann Lee in Paris; editing by Bo Chan", "credit:(c) 2024 Reuters", "end-of-story:-30-"}},
		{"end words", "SEOUL, May 20 (Yonhap) -- Talks ended. (END)", "SEOUL, May 20 (Yonhap) --", "Seoul",
			[]string{"end-of-story:(END)"}},
		{"ends and hashes", "GAZA CITY — Strikes went on.\nENDS\n###", "GAZA CITY —", "Gaza City",
			[]string{"end-of-story:ENDS", "end-of-story:###"}},
		{"no dateline, headline not marked", "Ministers agree on grain deal\nThe ministers agreed on Monday.\n(end)", "", "",
			[]string{"end-of-story:(end)"}},
		{"byline alone", "By Jane Doe\nThe ministers agreed on Monday.", "", "",
			[]string{"byline:By Jane Doe"}},
		{"prose is no byline", "By Monday, officials had left the city.", "", "", nil},
		{"a word ending prose is not a mark", "WASHINGTON — The talks are at an end", "WASHINGTON —", "Washington", nil},
		{"parenthesis that is not a credit", "WASHINGTON — The vote passed (narrowly)", "WASHINGTON —", "Washington", nil},
		{"copyright line", "ROME (ANSA) - Rain fell.\nCopyright 2024 ANSA. All rights reserved.", "ROME (ANSA) -", "Rome",
			[]string{"credit:Copyright 2024 ANSA. All rights reserved."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &document.Document{Text: tt.text}
			Annotate(doc)
			switch d := doc.Dateline; {
			case tt.dateline == "" && d != nil:
				t.Errorf("dateline %+v, want none", *d)
			case tt.dateline != "" && d == nil:
				t.Errorf("no dateline, want %q", tt.dateline)
			case d != nil:
				if got := tt.text[d.Start:d.End]; got != tt.dateline || d.Place != tt.place {
					t.Errorf("dateline %q place %q, want %q place %q", got, d.Place, tt.dateline, tt.place)
				}
			}
			if got := markText(tt.text, doc.Marks); strings.Join(got, "|") != strings.Join(tt.marks, "|") {
				t.Errorf("marks\n got %q\nwant %q", got, tt.marks)
			}
		})
	}
}

func TestAnnotateKeepsOtherMarks(t *testing.T) {
	doc := &document.Document{
		Text:  "PARIS (AFP) - Talks ended. ■",
		Marks: []document.Mark{{Kind: "table", Start: 14, End: 19}, {Kind: document.MarkEndOfStory, Start: 0, End: 1}},
	}
	Annotate(doc)
	Annotate(doc) // idempotent
	want := []string{"table:Talks", "end-of-story:■"}
	if got := markText(doc.Text, doc.Marks); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("marks %q, want %q", got, want)
	}
}

// TestReferenceArticle runs the reference Xinhua story, with its mojibake end mark repaired as
// clean would, and checks the figures the contract names.
func TestReferenceArticle(t *testing.T) {
	raw, err := os.ReadFile("../../shared/examples/astana.txt")
	if err != nil {
		t.Skipf("reference article not available (%v): it lives in ../shared/examples", err)
	}
	if len(raw) < 7 {
		t.Fatalf("astana.txt: %d bytes", len(raw))
	}
	text := string(raw[:len(raw)-7]) + "■"
	doc := &document.Document{Text: text}
	Annotate(doc)
	want := document.Dateline{Place: "Astana", Agency: "Xinhua", Month: 5, Day: 20, Start: 0, End: 26}
	if doc.Dateline == nil || *doc.Dateline != want {
		t.Fatalf("dateline %+v, want %+v", doc.Dateline, want)
	}
	n := len(doc.Marks)
	if n == 0 || doc.Marks[n-1] != (document.Mark{Kind: document.MarkEndOfStory, Start: len(text) - 3, End: len(text)}) {
		t.Errorf("marks %+v: want the final ■ as an end-of-story mark", doc.Marks)
	}
}

// TestGolden runs the stories in testdata/stories.txt (written for these tests; stories are
// separated by lines of "===") and compares the layers with testdata/stories.golden.json.
func TestGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "stories.txt"))
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		Text     string             `json:"text"`
		Dateline *document.Dateline `json:"dateline"`
		Header   string             `json:"header,omitempty"`
		Marks    []string           `json:"marks"`
	}
	var results []result
	for _, story := range strings.Split(string(in), "\n===\n") {
		doc := &document.Document{Text: strings.TrimSpace(story)}
		Annotate(doc)
		r := result{Text: doc.Text, Dateline: doc.Dateline, Marks: markText(doc.Text, doc.Marks)}
		if d := doc.Dateline; d != nil {
			r.Header = fmt.Sprintf("%s|month=%d day=%d year=%d", doc.Text[d.Start:d.End], d.Month, d.Day, d.Year)
		}
		results = append(results, r)
	}
	got, err := json.MarshalIndent(results, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "stories.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s; run go test -update and review the diff", golden)
	}
}

func ExampleParse() {
	d, ok := Parse("KYIV, Ukraine (AP) — Drones struck the city overnight.")
	fmt.Println(ok, d.Place, d.Region, d.Agency, d.End)
	// Output: true Kyiv Ukraine AP 22
}
