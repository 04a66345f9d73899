package cameo

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"herald/document"
	"herald/learn"
)

var update = flag.Bool("update", false, "rebuild codebook.tsv from ../../shared/data")

// sharedData is the shared data directory relative to this package.
const sharedData = "../../shared/data"

func load(t testing.TB) *Codebook {
	t.Helper()
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCodebookBuild compiles the codebook twice and checks that the bytes are the same
// and equal to the embedded file; with -update it rewrites the embedded file.
func TestCodebookBuild(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sharedData, sourceEvents)); err != nil {
		t.Skipf("shared data not found at %s: %v", sharedData, err)
	}
	var first, second bytes.Buffer
	if _, err := Build(sharedData, &first); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(sharedData, &second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("Build is not deterministic: two runs gave different bytes")
	}
	if *update {
		if err := os.WriteFile(File, first.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if first.String() != embeddedFile {
		t.Errorf("%s is stale: rebuild with go test ./cameo -run TestCodebookBuild -update", File)
	}
}

func TestCodebookRead(t *testing.T) {
	start := time.Now()
	c, err := decode(embeddedFile)
	if err != nil {
		t.Fatal(err)
	}
	// The contract is under 10 ms; the bound here is loose because the test machine is
	// shared. BenchmarkEmbedded measures it.
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("reading the codebook took %v", d)
	}
	codes := c.Codes()
	if len(codes) != 311 {
		t.Errorf("%d event codes, want GDELT's 311", len(codes))
	}
	for _, code := range codes {
		e, ok := c.Lookup(code)
		if !ok || e.Fallback || e.Code != code {
			t.Errorf("Lookup(%q) = %+v, %v", code, e, ok)
			continue
		}
		root := code[:2]
		var wantQuad int
		switch {
		case root <= "05":
			wantQuad = 1
		case root <= "08":
			wantQuad = 2
		case root <= "13":
			wantQuad = 3
		default:
			wantQuad = 4
		}
		if e.Quad != wantQuad {
			t.Errorf("%s: QuadClass %d, want %d", code, e.Quad, wantQuad)
		}
		if dropped := root == "01" || root == "02"; dropped != (e.PLOVER.Event == "") {
			t.Errorf("%s: PLOVER %+v (PLOVER drops only roots 01 and 02)", code, e.PLOVER)
		}
		if e.Name == "" {
			t.Errorf("%s has no name", code)
		}
	}
}

func TestCodebookLookup(t *testing.T) {
	c := load(t)
	for _, tc := range []struct {
		code      string
		ok        bool
		want      string // Entry.Code
		fallback  bool
		base      string
		quad      int
		goldstein float64
		plover    document.PLOVER
	}{
		{"040", true, "040", false, "040", 1, 1, document.PLOVER{Event: "CONSULT"}},
		{"04", true, "04", false, "04", 1, 1, document.PLOVER{Event: "CONSULT"}},
		{"051", true, "051", false, "051", 1, 3.4, document.PLOVER{Event: "SUPPORT", Context: "diplomatic"}},
		{"0874", true, "0874", false, "087", 2, 10, document.PLOVER{Event: "RETREAT", Mode: "disarm", Context: "military"}},
		{"1121", true, "1121", false, "112", 3, -2, document.PLOVER{Event: "ACCUSE", Mode: "allege", Context: "crime;corruption"}},
		{"080", true, "080", false, "080", 2, 5, document.PLOVER{Event: "CONCEDE"}},
		{"08", true, "08", false, "08", 2, 5, document.PLOVER{Event: "CONCEDE"}}, // the crosswalk's first 08
		{"084", true, "084", false, "084", 2, 7, document.PLOVER{Event: "RETREAT"}},
		{"010", true, "010", false, "010", 1, 0, document.PLOVER{}}, // PLOVER dropped CAMEO 01
		{"174L", true, "174", true, "174", 4, -5, document.PLOVER{Event: "COERCE", Mode: "deport", Context: "legal"}},
		{"095", true, "09", true, "09", 3, -2, document.PLOVER{Event: "ACCUSE"}},
		{"1010", true, "101", true, "101", 3, -5, document.PLOVER{Event: "REQUEST", Mode: "assist"}},
		{" 040 ", true, "040", false, "040", 1, 1, document.PLOVER{Event: "CONSULT"}},
		{"---", false, "", false, "", 0, 0, document.PLOVER{}},
		{"", false, "", false, "", 0, 0, document.PLOVER{}},
		{"903", false, "", false, "", 0, 0, document.PLOVER{}},
		{"0", false, "", false, "", 0, 0, document.PLOVER{}},
	} {
		e, ok := c.Lookup(tc.code)
		if ok != tc.ok || e.Code != tc.want || e.Fallback != tc.fallback || e.Base != tc.base || e.Quad != tc.quad ||
			e.Goldstein != tc.goldstein || e.PLOVER != tc.plover {
			t.Errorf("Lookup(%q) = %+v, %v; want code %q fallback %v base %q quad %d goldstein %v plover %+v",
				tc.code, e, ok, tc.want, tc.fallback, tc.base, tc.quad, tc.goldstein, tc.plover)
		}
		if ok && e.Root != e.Code[:2] {
			t.Errorf("Lookup(%q): root %q", tc.code, e.Root)
		}
	}
}

func TestCodebookSplitActor(t *testing.T) {
	c := load(t)
	for _, tc := range []struct {
		code string
		want ActorParts
	}{
		{"KAZGOV", ActorParts{Country: "KAZ", Type1: "GOV"}},
		{"CHN", ActorParts{Country: "CHN"}},
		{"USAGOVELI", ActorParts{Country: "USA", Type1: "GOV", Type2: "ELI"}},
		{"IGOUNO", ActorParts{Type1: "IGO", KnownGroup: "UNO"}},
		{"IGOEUREEC", ActorParts{Type1: "IGO", Country: "EUR", KnownGroup: "EEC"}},
		{"IRQSHIREB", ActorParts{Country: "IRQ", Religion1: "SHI", Type1: "REB"}},
		{"CTHCHR", ActorParts{Religion1: "CTH", Religion2: "CHR"}},
		{"IRQkurREB", ActorParts{Country: "IRQ", Ethnic: "kur", Type1: "REB"}},
		{"---GOV", ActorParts{Type1: "GOV"}},
		{"GOVMILCOPBUS", ActorParts{Type1: "GOV", Type2: "MIL", Type3: "COP"}},
		{"PSE", ActorParts{Country: "PSE"}},
		{"HOBGOV", ActorParts{Type1: "GOV"}}, // a fictional country is no part GDELT knows
		{"", ActorParts{}},
		{"US", ActorParts{}},
	} {
		if got := c.SplitActor(tc.code); got != tc.want {
			t.Errorf("SplitActor(%q) = %+v, want %+v", tc.code, got, tc.want)
		}
	}
}

func TestCodebookCountry(t *testing.T) {
	c := load(t)
	for _, tc := range []struct{ code, iso2, fips string }{
		{"KAZ", "KZ", "KZ"}, {"DEU", "DE", "GM"}, {"CHN", "CN", "CH"}, {"ROM", "RO", "RO"}, {"ROU", "RO", "RO"},
		{"TMP", "TL", "TT"}, {"MTN", "ME", "MJ"},
	} {
		k, ok := c.Country(tc.code)
		if !ok || k.ISO2 != tc.iso2 || k.FIPS != tc.fips || k.Name == "" {
			t.Errorf("Country(%q) = %+v, %v; want ISO2 %s FIPS %s", tc.code, k, ok, tc.iso2, tc.fips)
		}
	}
	if _, ok := c.Country("XYZ"); ok {
		t.Error("Country(XYZ) found")
	}
	if l, ok := c.Label(KindType, "GOV"); !ok || l != "Government" {
		t.Errorf("Label(type, GOV) = %q, %v", l, ok)
	}
	types := c.Labels(KindType)
	if types["GOV"] != "Government" || len(types) < 30 {
		t.Errorf("Labels(type): %d labels, GOV %q", len(types), types["GOV"])
	}
	types["GOV"] = "changed"
	if l, _ := c.Label(KindType, "GOV"); l != "Government" {
		t.Error("Labels returned the codebook's own map")
	}
	if c.Labels("planet") != nil {
		t.Error("Labels(planet) is not nil")
	}
}

func TestCodebookReadCrosswalk(t *testing.T) {
	const in = `# CAMEO to PLOVER conversion table

03: AGREE
0311: AGREE,  ,   economic # Express intent to cooperate economically
0861: RETREAT, access , peacekeeping # Receive deployment of peacekeepers
1124: ACCUSE, allege, military; legal # Accuse of war crimes
08: CONCEDE
08: RETREAT
175: ASSAULT, pro_autocracy , military # Use violent repression
175: ASSAULT, pro_autocracy , military # Use tactics of violent repression
0813: RETREAT, ,   legal # Ease curfew  21.09.17: "ease" is no longer a mode
~~~~~
`
	got, notes, err := readCrosswalk(strings.NewReader(in), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]document.PLOVER{
		"03":   {Event: "AGREE"},
		"0311": {Event: "AGREE", Context: "economic"},
		"0861": {Event: "RETREAT", Mode: "access", Context: "peacekeeping"},
		"1124": {Event: "ACCUSE", Mode: "allege", Context: "military;legal"},
		"08":   {Event: "CONCEDE"},
		"175":  {Event: "ASSAULT", Mode: "pro_autocracy", Context: "military"},
		"0813": {Event: "RETREAT", Context: "legal"},
	}
	if len(got) != len(want) {
		t.Errorf("got %d codes, want %d: %v", len(got), len(want), got)
	}
	for code, p := range want {
		if got[code] != p {
			t.Errorf("%s: got %+v, want %+v", code, got[code], p)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "x.txt:8: 08") {
		t.Errorf("notes = %q, want one on the conflicting 08", notes)
	}
	for _, bad := range []string{"AGREE\n", "03 AGREE\n", "3: AGREE\n", "03: agree\n", "03: , diplomatic\n", "12345: AGREE\n"} {
		if _, _, err := readCrosswalk(strings.NewReader(bad), "bad.txt"); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
			t.Errorf("readCrosswalk(%q): err = %v, want one at bad.txt:1", bad, err)
		}
	}
}

func TestCodebookReadErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"HERALD-CAMEO 1\n",
		"HERALD cameo 1\n",
		"HERALD cameo 2\nE\t040\t1\t1\tCONSULT\t\t\n",
		"HERALD cameo 2\nE\t04x\t1\t1\tCONSULT\t\t\tConsult\n",
		"HERALD cameo 2\nE\t040\t5\t1\tCONSULT\t\t\tConsult\n",
		"HERALD cameo 2\nE\t040\t1\t11\tCONSULT\t\t\tConsult\n",
		"HERALD cameo 2\nE\t040\t1\t1\tCONSULT\t\t\tConsult\nE\t040\t1\t1\tCONSULT\t\t\tConsult\n",
		"HERALD cameo 2\nA\tcolour\tRED\tRed\n",
		"HERALD cameo 2\nA\ttype\tGOVT\tGovernment\n",
		"HERALD cameo 2\nX\n",
	} {
		if _, err := Read(strings.NewReader(in)); !errors.Is(err, learn.ErrFormat) {
			t.Errorf("Read(%q): error %v, want learn.ErrFormat", in, err)
		}
	}
}

// FuzzCodebookRead feeds the compiled-file reader arbitrary bytes: it must fail cleanly or
// give a codebook whose lookups work.
func FuzzCodebookRead(f *testing.F) {
	f.Add([]byte(embeddedFile[:min(len(embeddedFile), 2000)]))
	f.Add([]byte("HERALD cameo 2\nE\t040\t1\t1\tCONSULT\t\t\tConsult\nA\ttype\tGOV\tGovernment\nC\tKAZ\tKZ\tKZ\tKazakhstan\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, code := range c.Codes() {
			if e, ok := c.Lookup(code); !ok || e.Code != code {
				t.Fatalf("Lookup(%q) = %+v, %v", code, e, ok)
			}
		}
		c.SplitActor(string(data[:min(len(data), 30)]))
	})
}

// FuzzCodebookCrosswalk feeds the CAMEO2PLOVER reader arbitrary text: it must not panic,
// and what it accepts must be well-formed.
func FuzzCodebookCrosswalk(f *testing.F) {
	f.Add("03: AGREE\n0311: AGREE,  ,   economic # x\n1124: ACCUSE, allege, military; legal\n~~~~~\n")
	f.Add("08: CONCEDE\n08: RETREAT\n# c\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, _, err := readCrosswalk(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for code, p := range m {
			if len(code) < 2 || len(code) > 4 || !allDigits(code) || p.Event == "" {
				t.Fatalf("accepted %q: %+v", code, p)
			}
			if strings.ContainsAny(p.Mode+p.Context, "\t\n ,#") {
				t.Fatalf("%s: field with a separator: %+v", code, p)
			}
		}
	})
}

// BenchmarkEmbedded reads the embedded codebook, as Embedded does on its first call.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(embeddedFile); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCodebookLookup(b *testing.B) {
	c := load(b)
	for b.Loop() {
		c.Lookup("0874")
		c.Lookup("174L")
	}
}

// A code with a trailing letter resolves to its longest known prefix, and says so.
func ExampleCodebook_Lookup() {
	c, err := Embedded()
	if err != nil {
		panic(err)
	}
	e, ok := c.Lookup("174L")
	fmt.Println(ok, e.Code, e.Fallback, e.Name, e.Quad, e.Goldstein, e.PLOVER.Event)
	// Output: true 174 true Expel or deport individuals 4 -5 COERCE
}
