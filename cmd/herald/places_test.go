package main

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"herald/document"
	"herald/output"
)

// placeSummary is what the places golden file holds: each resolved place name by offset.
type placeSummary struct {
	Start, End int
	Type       string
	Place      string
	Country    string
	GeonameID  int
	Feature    string
}

// TestAstanaPlaces checks the geo stage on the reference article: the meeting happened in
// Astana (the dateline's place, "met here"), Kazakhstan's capital and not another place
// of that name; the place names resolve as the golden file says.
func TestAstanaPlaces(t *testing.T) {
	d := analyzeAstana(t)
	var meeting *document.Event
	for i, e := range d.Events {
		if e.Source.Code == "KAZGOV" && e.Target.Code == "CHNGOV" && e.Root == "04" {
			meeting = &d.Events[i]
			break
		}
	}
	if meeting == nil {
		t.Fatal("no meeting event")
	}
	loc := meeting.Location
	if loc == nil {
		t.Fatal("the meeting has no location")
	}
	if loc.Name != "Astana" || loc.Country != "KAZ" || loc.GeonameID != 1526273 || loc.ADM1 != "KZ05" ||
		math.Abs(loc.Lat-51.17) > 0.05 || math.Abs(loc.Lon-71.45) > 0.05 {
		t.Errorf("the meeting is located at %+v, want Astana, KAZ, KZ05, 1526273, near 51.17, 71.45", loc)
	}
	want := map[string]string{"Astana": "KAZ", "Kazakhstan": "KAZ", "China": "CHN", "Taiwan Strait": ""}
	var sum []placeSummary
	for _, e := range d.Entities {
		if e.Place == nil {
			continue
		}
		text := d.Text[e.Start:e.End]
		if text == "ASTANA" {
			text = "Astana" // the dateline's
		}
		if c, ok := want[text]; ok {
			if e.Place.Country != c {
				t.Errorf("%q resolves to %+v, want country %q", text, e.Place, c)
			}
			delete(want, text)
		}
		sum = append(sum, placeSummary{Start: e.Start, End: e.End, Type: e.Type, Place: e.Place.Name,
			Country: e.Place.Country, GeonameID: e.Place.GeonameID, Feature: e.Place.Feature})
	}
	for name := range want {
		t.Errorf("%q is not resolved to a place", name)
	}
	compareGolden(t, "astana.places.golden.json", sum)
}

// TestAstanaGDELTGeo checks the GDELT export of the reference article's meeting: its
// ActionGeo columns carry Astana's coordinates, FIPS country and ADM1 codes and GeoNames
// id, in the 61-column layout.
func TestAstanaGDELTGeo(t *testing.T) {
	if _, err := os.Stat(astanaPath); err != nil {
		t.Skipf("reference article not available (%v): this test needs ../shared beside the checkout", err)
	}
	code, out, errOut := herald(t, "", "code", "--format", "gdelt", "--today", today, astanaPath)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	cols := output.GDELTColumns()
	at := map[string]int{}
	for i, c := range cols {
		at[c] = i
	}
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 61 {
			t.Fatalf("%d columns, want 61: %q", len(f), line)
		}
		if f[at["Actor1Code"]] != "KAZGOV" || f[at["Actor2Code"]] != "CHNGOV" || f[at["EventRootCode"]] != "04" {
			continue
		}
		found = true
		lat, _ := strconv.ParseFloat(f[at["ActionGeo_Lat"]], 64)
		lon, _ := strconv.ParseFloat(f[at["ActionGeo_Long"]], 64)
		for col, want := range map[string]string{"ActionGeo_Type": "4", "ActionGeo_FullName": "Astana, Kazakhstan",
			"ActionGeo_CountryCode": "KZ", "ActionGeo_ADM1Code": "KZ05", "ActionGeo_FeatureID": "1526273"} {
			if got := f[at[col]]; got != want {
				t.Errorf("%s = %q, want %q", col, got, want)
			}
		}
		if math.Abs(lat-51.17) > 0.05 || math.Abs(lon-71.45) > 0.05 {
			t.Errorf("ActionGeo at %v, %v, want near 51.17, 71.45", lat, lon)
		}
		break
	}
	if !found {
		t.Error("no KAZGOV → CHNGOV meeting row")
	}
}

// TestEvalPlaces runs `herald eval places` on the held-out test set: the command, not
// the resolver's accuracy (tested in package geo), is under test here.
func TestEvalPlaces(t *testing.T) {
	code, out, errOut := herald(t, "", "eval", "places", "../../geo/testdata/places-heldout.tsv")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if last := lines[len(lines)-1]; !placesSummary.MatchString(last) {
		t.Errorf("last line %q, want accuracy=… cases=100 correct=… unfound=…", last)
	}
	if lines[0] != "kind     cases right     acc" {
		t.Errorf("first line %q", lines[0])
	}
	if code, _, errOut := herald(t, "", "eval", "places"); code != 2 || !strings.Contains(errOut, "want one test-set file") {
		t.Errorf("no file: exit %d, stderr %q", code, errOut)
	}
}

var placesSummary = regexp.MustCompile(`^accuracy=\d+\.\d\d cases=100 correct=\d+ unfound=\d+$`)
