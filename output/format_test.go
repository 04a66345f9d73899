package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"herald/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// eventsDoc is a hand-built document with events, so that the formats are tested without
// the event coder: a meeting with a place, its reciprocal, a statement (a CAMEO 01 code,
// which PLOVER dropped), an event whose actor text breaks lines and tabs and whose code
// has a trailing letter, and a doc with a URL and a multi-byte character before the
// sentences so that PLOVER's character offsets differ from byte offsets.
func eventsDoc() *document.Document {
	text := "Astana — Kazakh President Tokayev met Wang Yi. China hosted him. The UN said so. Rebels\tfled."
	d := &document.Document{ID: "doc-1", Source: "astana.txt", URL: "https://example.org/a", Title: "Talks",
		Text: text, Published: "2024-05-20"}
	// Sentence spans, by byte offset ("—" is three bytes).
	ends := []string{"Wang Yi.", "him.", "so.", "fled."}
	start := len("Astana — ")
	for _, e := range ends {
		end := strings.Index(text, e) + len(e)
		d.Sentences = append(d.Sentences, document.Sentence{Start: start, End: end})
		start = end + 1
	}
	d.Events = []document.Event{
		{Doc: "doc-1", Sentence: 0, Date: "2024-05-20",
			Source: document.Actor{Text: "Kazakh President Tokayev", Code: "KAZGOV", Start: 11, End: 35},
			Target: document.Actor{Text: "Wang Yi", Code: "CHNGOV", Start: 40, End: 47},
			CAMEO:  "040", Root: "04", Quad: 1, Goldstein: 1, PLOVER: document.PLOVER{Event: "CONSULT"},
			Location: &document.Location{Name: "Astana", Country: "KAZ", ADM1: "KZ05", Lat: 51.18, Lon: 71.45, GeonameID: 1526273},
			Evidence: document.Evidence{Start: 36, End: 39, Verb: "met", Rule: "MEET_WITH [040]"}, Confidence: 0.87},
		{Doc: "doc-1", Sentence: 1, Date: "2024-05-20",
			Source: document.Actor{Text: "China", Code: "CHN"}, Target: document.Actor{Text: "reporters", Code: "MED"},
			CAMEO: "043", Root: "04", Quad: 1, Goldstein: 2.8, PLOVER: document.PLOVER{Event: "CONSULT", Mode: "visit"},
			Location: &document.Location{Name: "Kazakhstan", Country: "KAZ", Lat: 48, Lon: 68},
			Evidence: document.Evidence{Verb: "hosted"}, Confidence: 0.5},
		{Doc: "doc-1", Sentence: 2,
			Source: document.Actor{Text: "The UN", Code: "IGOUNO"}, Target: document.Actor{},
			CAMEO: "010", Root: "01", Quad: 1, Evidence: document.Evidence{Verb: "said"}, Confidence: 0.3},
		{Doc: "doc-1", Sentence: 3, Date: "2024-05",
			Source: document.Actor{Text: "Rebels\tof the\nnorth", Code: "---REB"},
			Target: document.Actor{Text: "Texas", Code: "USA", Location: &document.Location{Name: "Texas", Country: "USA",
				ADM1: "USTX", Lat: 31.2, Lon: -98.7, GeonameID: 4736286, Feature: "adm1"}},
			CAMEO:    "1823X",
			Location: &document.Location{Name: "Austin", Country: "USA", ADM1: "US.TX", Lat: 30.26715, Lon: -97.74306, GeonameID: 4671654}},
	}
	return d
}

func writeEvents(t *testing.T, format Format, docs ...*document.Document) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, format, false, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestGDELTColumns holds the gdelt format's columns against the GDELT 2.0 event
// codebook's list, checked in as testdata/gdelt-2.0-event-columns.txt.
func TestGDELTColumns(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "gdelt-2.0-event-columns.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			want = append(want, line)
		}
	}
	if len(want) != 61 {
		t.Fatalf("the checked-in list has %d columns, want 61", len(want))
	}
	got := GDELTColumns()
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("column %d: got %q, want %q", i+1, g, w)
			}
		}
	}
}

func TestGDELTFormat(t *testing.T) {
	out := writeEvents(t, GDELT, eventsDoc())
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d rows, want one per event (4):\n%s", len(lines), out)
	}
	names := GDELTColumns()
	rows := make([]map[string]string, len(lines))
	ids := map[string]bool{}
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 61 {
			t.Fatalf("row %d has %d columns, want 61:\n%s", i+1, len(f), line)
		}
		rows[i] = map[string]string{}
		for k, v := range f {
			rows[i][names[k]] = v
		}
		ids[rows[i]["GLOBALEVENTID"]] = true
	}
	if len(ids) != 4 {
		t.Errorf("GLOBALEVENTIDs are not unique: %v", ids)
	}
	for _, tc := range []struct {
		row          int
		column, want string
	}{
		{0, "SQLDATE", "20240520"}, {0, "MonthYear", "202405"}, {0, "Year", "2024"}, {0, "FractionDate", "2024.4658"},
		{0, "Actor1Code", "KAZGOV"}, {0, "Actor1Name", "Kazakh President Tokayev"}, {0, "Actor1CountryCode", "KAZ"},
		{0, "Actor1Type1Code", "GOV"}, {0, "Actor2CountryCode", "CHN"}, {0, "IsRootEvent", "1"},
		{0, "EventCode", "040"}, {0, "EventBaseCode", "040"}, {0, "EventRootCode", "04"}, {0, "QuadClass", "1"},
		{0, "GoldsteinScale", "1"}, {0, "NumMentions", "1"}, {0, "AvgTone", ""},
		{0, "Actor1Geo_Type", ""}, {0, "Actor2Geo_FullName", ""},
		{0, "ActionGeo_Type", "4"}, {0, "ActionGeo_FullName", "Astana, Kazakhstan"}, {0, "ActionGeo_CountryCode", "KZ"},
		{0, "ActionGeo_ADM1Code", "KZ05"}, {0, "ActionGeo_Lat", "51.18"}, {0, "ActionGeo_Long", "71.45"},
		{0, "ActionGeo_FeatureID", "1526273"}, {0, "DATEADDED", "20240520000000"}, {0, "SOURCEURL", "https://example.org/a"},
		{1, "IsRootEvent", "0"}, {1, "ActionGeo_Type", "1"}, {1, "ActionGeo_FullName", "Kazakhstan"}, {1, "ActionGeo_FeatureID", "KZ"},
		{2, "Actor1KnownGroupCode", "UNO"}, {2, "Actor1Type1Code", "IGO"}, {2, "Actor2Code", ""}, {2, "SQLDATE", "20240520"},
		{2, "ActionGeo_Lat", ""},
		// A partial event date gives way to the publication date; the trailing letter is
		// kept in EventCode only; the codebook fills an unset QuadClass and Goldstein.
		// An agent of no known country: the code as PETRARCH writes it, no country, its type.
		{3, "SQLDATE", "20240520"}, {3, "Actor1Name", "Rebels of the north"}, {3, "Actor1Code", "---REB"}, {3, "Actor1CountryCode", ""},
		{3, "Actor1Type1Code", "REB"}, {3, "EventCode", "1823X"}, {3, "EventBaseCode", "182"}, {3, "EventRootCode", "18"},
		{3, "QuadClass", "4"}, {3, "GoldsteinScale", "-10"},
		{3, "ActionGeo_Type", "3"}, {3, "ActionGeo_CountryCode", "US"}, {3, "ActionGeo_ADM1Code", "USTX"},
		{3, "ActionGeo_FullName", "Austin, United States"},
		{3, "Actor1Geo_Type", ""}, {3, "Actor2Geo_Type", "2"}, {3, "Actor2Geo_ADM1Code", "USTX"},
		{3, "Actor2Geo_FeatureID", "USTX"}, {3, "Actor2Geo_Lat", "31.2"},
	} {
		if got := rows[tc.row][tc.column]; got != tc.want {
			t.Errorf("row %d %s = %q, want %q", tc.row+1, tc.column, got, tc.want)
		}
	}
	compareGolden(t, "events.gdelt.tsv", out)
}

func TestPLOVERFormat(t *testing.T) {
	out := writeEvents(t, PLOVER, eventsDoc())
	sc := bufio.NewScanner(strings.NewReader(out))
	var recs []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not a JSON line: %v\n%s", err, sc.Text())
		}
		recs = append(recs, m)
	}
	// The 010 statement has no PLOVER class and is left out.
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3:\n%s", len(recs), out)
	}
	for i, r := range recs {
		for _, k := range []string{"id", "date", "source", "event", "mode", "context", "text_info", "cite_info"} {
			if _, ok := r[k]; !ok {
				t.Errorf("record %d lacks %q", i, k)
			}
		}
		if _, ok := r["target"]; ok {
			t.Errorf("record %d says target, PLOVER says recipient", i)
		}
	}
	first := recs[0]
	check := func(what string, got, want any) {
		t.Helper()
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if !bytes.Equal(g, w) {
			t.Errorf("%s = %s, want %s", what, g, w)
		}
	}
	check("id", first["id"], "doc-1-0-0")
	check("source", first["source"], []map[string]string{{"code": "KAZ", "sector": "GOV", "actor_text": "Kazakh President Tokayev"}})
	check("recipient", first["recipient"], []map[string]string{{"code": "CHN", "sector": "GOV", "actor_text": "Wang Yi"}})
	check("event", first["event"], []string{"CONSULT"})
	check("quad_code", first["quad_code"], 1)
	check("event_loc", first["event_loc"], map[string]any{"geonameid": 1526273, "name": "Astana", "latitude": 51.18,
		"longitude": 71.45, "country code": "KZ", "cc3": "KAZ", "admin1 code": "05"})
	// "Astana — " is 9 characters and 11 bytes.
	check("text_info", first["text_info"], map[string]int{"sequence": 0, "start": 9, "end": 46})
	check("mode of the visit", recs[1]["mode"], []string{"visit"})
	check("a role without a country", recs[1]["recipient"], []map[string]string{{"sector": "MED", "actor_text": "reporters"}})
	last := recs[2]
	check("unknown country", last["source"], []map[string]string{{"sector": "REB", "actor_text": "Rebels\tof the\nnorth"}})
	check("event from the codebook", last["event"], []string{"ASSAULT"})
	check("quad_code", last["quad_code"], 4)
	check("event_scale", last["event_scale"], -10)
	check("date", last["date"], "2024-05-20")
	compareGolden(t, "events.plover.jsonl", out)
}

func TestFormatPLOVERActor(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, PLOVER, false, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ code, wantCode, wantSector string }{
		{"KAZGOV", "KAZ", "GOV"}, {"USAGOVELI", "USA", "GOVELI"}, {"IGOUNO", "IGO", "UNO"}, {"NGO", "NGO", ""},
		{"MED", "", "MED"}, {"GOVELI", "", "GOVELI"}, {"---REB", "", "REB"}, {"", "", ""}, {"US", "US", ""},
	} {
		a, ok := w.ploverActor(document.Actor{Text: "x", Code: tc.code})
		if !ok || a.Code != tc.wantCode || a.Sector != tc.wantSector {
			t.Errorf("%q: code %q sector %q, want %q %q", tc.code, a.Code, a.Sector, tc.wantCode, tc.wantSector)
		}
	}
	if _, ok := w.ploverActor(document.Actor{}); ok {
		t.Error("an empty actor became a PLOVER actor")
	}
}

func TestTSVFormat(t *testing.T) {
	out := writeEvents(t, TSV, eventsDoc())
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 5 || lines[0] != strings.Join(TSVColumns(), "\t") {
		t.Fatalf("want a header and 4 rows, got:\n%s", out)
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != len(TSVColumns()) {
			t.Errorf("line %d has %d columns, want %d", i+1, n, len(TSVColumns()))
		}
	}
	if !strings.HasPrefix(lines[1], "doc-1\t0\t2024-05-20\tKazakh President Tokayev\tKAZGOV\t040\tWang Yi\tCHNGOV\t") {
		t.Errorf("first row: %q", lines[1])
	}
	if !strings.Contains(lines[4], "\t---REB\t") {
		t.Errorf("an agent of no known country is written ---REB: %q", lines[4])
	}
	if empty := writeEvents(t, TSV, &document.Document{ID: "x"}); empty != strings.Join(TSVColumns(), "\t")+"\n" {
		t.Errorf("no events: got %q, want the header alone", empty)
	}
	compareGolden(t, "events.tsv", out)
}

// TestFormatsDeterministic writes each format twice, over two documents, and wants the
// same bytes.
func TestFormatsDeterministic(t *testing.T) {
	other := eventsDoc()
	other.ID = "doc-2"
	for _, f := range CodeFormats {
		a := writeEvents(t, f, eventsDoc(), other)
		b := writeEvents(t, f, eventsDoc(), other)
		if a != b {
			t.Errorf("%s: two runs differ", f)
		}
		// Only these two derive ids from the document id; the others print the events' own.
		if (f == GDELT || f == PLOVER) && a == writeEvents(t, f, eventsDoc(), eventsDoc()) {
			t.Errorf("%s: a different document id changed nothing", f)
		}
	}
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with go test ./output -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (refresh with go test ./output -run %s -update):\n%s", name, t.Name(), got)
	}
}
