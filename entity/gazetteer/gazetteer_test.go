package gazetteer

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"herald/learn"
)

var update = flag.Bool("update", false, "rebuild gazetteer.bin from ../../../shared/data")

// sharedData is the shared data directory relative to this package.
const sharedData = "../../../shared/data"

func requireData(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedData, sourceMledoze)); err != nil {
		t.Skipf("shared data not found at %s: %v", sharedData, err)
	}
}

// TestBuild compiles the gazetteer twice and checks that the bytes are the same and equal
// to the embedded file; with -update it rewrites the embedded file.
func TestBuild(t *testing.T) {
	requireData(t)
	var first, second bytes.Buffer
	if err := Build(sharedData, &first); err != nil {
		t.Fatal(err)
	}
	if err := Build(sharedData, &second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("Build is not deterministic: two runs gave different bytes")
	}
	if *update {
		if err := os.WriteFile(EmbeddedFile, first.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if first.String() != embeddedFile {
		t.Errorf("%s is stale: rebuild with go test ./entity/gazetteer -run TestBuild -update", EmbeddedFile)
	}
}

func load(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestMatch(t *testing.T) {
	g := load(t)
	tests := []struct {
		words   string // tokens separated by spaces
		i       int
		n       int    // tokens matched; 0 for none
		kind    Kind   // kind of the first entry
		typ     string // its type
		country string
		code    string
	}{
		{"Kazakh President Kassym - Jomart Tokayev met", 0, 1, Demonym, "NORP", "KAZ", "KAZ"},
		{"Kazakh President Kassym - Jomart Tokayev met", 2, 4, Leader, "PERSON", "KAZ", "KAZGOV"},
		{"the Kazakhs", 1, 1, Demonym, "NORP", "KAZ", "KAZ"},
		{"Kazakhstani officials", 0, 1, Demonym, "NORP", "KAZ", "KAZ"},
		{"Chinese Foreign Minister Wang Yi", 0, 1, Demonym, "NORP", "CHN", "CHN"},
		{"in Astana on Monday", 1, 1, Capital, "GPE", "KAZ", "KAZ"},
		{"ASTANA , May 20", 0, 1, Capital, "GPE", "KAZ", "KAZ"},
		{"at the United Nations .", 2, 2, IGO, "ORG", "", "IGOUNO"},
		{"the Shanghai Cooperation Organization summit", 1, 3, IGO, "ORG", "", "IGOCAS"},
		{"the Shanghai Cooperation Organisation", 1, 3, IGO, "ORG", "", "IGOCAS"},
		{"across the Taiwan Strait", 2, 1, Country, "GPE", "TWN", "TWN"},
		{"China 's position", 0, 1, Country, "GPE", "CHN", "CHN"},
		{"CHINA", 0, 1, Country, "GPE", "CHN", "CHN"},
		{"the People 's Republic of China", 1, 5, Country, "GPE", "CHN", "CHN"},
		{"the U.S. and Romania", 1, 1, Country, "GPE", "USA", "USA"},
		{"the U.S. and Romania", 3, 1, Country, "GPE", "ROU", "ROM"},
		{"US officials", 0, 1, Country, "GPE", "USA", "USA"},
		{"Americans", 0, 1, Demonym, "NORP", "USA", "USA"},
		{"NATO allies", 0, 1, IGO, "ORG", "", "IGOWSTNAT"},
		{"Xi Jinping", 0, 2, Leader, "PERSON", "CHN", "CHNGOV"},
		{"Côte d'Ivoire", 0, 2, Country, "GPE", "CIV", "CIV"},
		{"Cote d'Ivoire", 0, 2, Country, "GPE", "CIV", "CIV"},
		// Case constraints: lowercase common words and pronouns are not names.
		{"let us go", 1, 0, 0, "", "", ""},
		{"fine china plates", 1, 0, 0, "", "", ""},
		{"turkey for dinner", 0, 0, 0, "", "", ""},
		{"Us and them", 0, 0, 0, "", "", ""},
		{"", 0, 0, 0, "", "", ""},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		n, entries := g.Match(words, tt.i)
		if n != tt.n {
			t.Errorf("Match(%q, %d) matched %d tokens, want %d (%v)", tt.words, tt.i, n, tt.n, entries)
			continue
		}
		if n == 0 {
			if entries != nil {
				t.Errorf("Match(%q, %d) = 0 tokens with entries %v", tt.words, tt.i, entries)
			}
			continue
		}
		e := entries[0]
		if e.Kind != tt.kind || e.Type != tt.typ || e.Country != tt.country || e.Code != tt.code {
			t.Errorf("Match(%q, %d) first entry = %+v, want kind %v type %s country %s code %s",
				tt.words, tt.i, e, tt.kind, tt.typ, tt.country, tt.code)
		}
	}
}

func TestMatchAnyCase(t *testing.T) {
	g := load(t)
	if n, entries := g.MatchAnyCase([]string{"china"}, 0); n != 1 || entries[0].Country != "CHN" {
		t.Errorf("MatchAnyCase(china) = %d %v, want China", n, entries)
	}
}

func TestLeaders(t *testing.T) {
	g := load(t)
	tests := []struct {
		name, date string
		want       []string // role of each leader found, in order
		country    string
	}{
		{"Kassym-Jomart Tokayev", "2024-05-20", []string{"President"}, "KAZ"},
		{"Tokayev", "2024-05-20", []string{"President"}, "KAZ"},
		{"Tokayev", "2000-06-01", []string{"Prime Minister"}, "KAZ"},
		{"Tokayev", "2010-06-01", nil, ""},
		{"Xi Jinping", "2024-05-20", []string{"President"}, "CHN"},
		{"Nobody Atall", "2024-05-20", nil, ""},
	}
	for _, tt := range tests {
		got := g.Leaders(tt.name, tt.date)
		var roles []string
		for _, e := range got {
			roles = append(roles, e.Role)
			if e.Country != tt.country || e.Type != "PERSON" || e.Kind != Leader {
				t.Errorf("Leaders(%q, %s) gave %+v, want country %s", tt.name, tt.date, e, tt.country)
			}
		}
		if !slices.Equal(roles, tt.want) {
			t.Errorf("Leaders(%q, %s) roles = %q, want %q", tt.name, tt.date, roles, tt.want)
		}
	}
	tok := g.Leaders("Tokayev", "2024-05-20")
	if len(tok) == 1 && (tok[0].Start != "2019-03-20" || tok[0].End != "" || tok[0].ID != "Q200881") {
		t.Errorf("Tokayev's presidency = %+v, want from 2019-03-20, open, Q200881", tok[0])
	}
}

func TestCountry(t *testing.T) {
	g := load(t)
	tests := []struct{ code, name, demonym string }{
		{"KAZ", "Kazakhstan", "Kazakhstani"},
		{"CHN", "China", "Chinese"},
		{"ROU", "Romania", "Romanian"},
		{"ROM", "Romania", "Romanian"},
	}
	for _, tt := range tests {
		name, demonym, ok := g.Country(tt.code)
		if !ok || name != tt.name || demonym != tt.demonym {
			t.Errorf("Country(%s) = %q %q %v, want %q %q", tt.code, name, demonym, ok, tt.name, tt.demonym)
		}
	}
	if _, _, ok := g.Country("XXX"); ok {
		t.Error("Country(XXX) found a country")
	}
}

// tinyTables is a gazetteer of our own: a country and a leader.
func tinyTables() *tables {
	c := &compiled{
		countries: []countryRecord{{"KAZ", "KAZ", "Kazakhstan", "Kazakhstani"}},
		entries: []surfacedEntry{
			{Entry: Entry{Kind: Country, Type: "GPE", Country: "KAZ", Code: "KAZ", Name: "Kazakhstan"},
				surfaces: [][]string{{"Kazakhstan"}, {"Republic", "of", "Kazakhstan"}}},
			{Entry: Entry{Kind: Leader, Type: "PERSON", Country: "KAZ", Code: "KAZGOV", Name: "Kassym-Jomart Tokayev",
				Role: "President", Start: "2019-03-20", ID: "Q27517"}, surfaces: [][]string{{"Kassym", "-", "Jomart", "Tokayev"}}},
		},
	}
	return c.tables()
}

func TestReadTinyFile(t *testing.T) {
	var buf bytes.Buffer
	if err := tinyTables().write(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, tinyTables().gazetteer()) {
		t.Error("the gazetteer read differs from the one written")
	}
	if n, e := g.Match(strings.Fields("the Republic of Kazakhstan"), 1); n != 3 || e[0].Name != "Kazakhstan" {
		t.Errorf("Match: %d %v", n, e)
	}
	if l := g.Leaders("Tokayev", "2024-05-20"); len(l) != 1 || l[0].Code != "KAZGOV" {
		t.Errorf("Leaders: %v", l)
	}
	data := buf.Bytes()
	for _, bad := range [][]byte{nil, []byte("not a gazetteer\n"), data[:len(data)-1], data[:len(data)/2], append(slices.Clip(data), 0)} {
		if _, err := Read(bytes.NewReader(bad)); !errors.Is(err, learn.ErrFormat) {
			t.Errorf("%d damaged bytes: error %v, want learn.ErrFormat", len(bad), err)
		}
	}
}

// FuzzRead feeds damaged files to the reader: errors are fine, panics are not, and what
// it accepts must answer Match.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := tinyTables().write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		words := strings.Fields("Kassym - Jomart Tokayev of the Republic of Kazakhstan " + string(data))
		for i := range words {
			if n, _ := g.Match(words, i); n < 0 || i+n > len(words) {
				t.Fatalf("Match(%d) = %d tokens of %d", i, n, len(words))
			}
		}
		g.Leaders(string(data), "2020-01-01")
		g.Leaders("Tokayev", "2020-01-01")
	})
}

// FuzzMatch runs Match over arbitrary token sequences of the embedded gazetteer.
func FuzzMatch(f *testing.F) {
	g := load(f)
	f.Add("Kazakh President Kassym - Jomart Tokayev met Chinese Foreign Minister Wang Yi in Astana", 3)
	f.Add("the People 's Republic of China", 1)
	f.Add("\xff\xfe U.S.", 0)
	f.Fuzz(func(t *testing.T, text string, i int) {
		words := strings.Fields(text)
		for _, m := range []func([]string, int) (int, []Entry){g.Match, g.MatchAnyCase} {
			n, entries := m(words, i)
			if n < 0 || n > 0 && (i < 0 || i+n > len(words) || len(entries) == 0) || n == 0 && entries != nil {
				t.Fatalf("Match(%q, %d) = %d, %v", words, i, n, entries)
			}
		}
	})
}

var benchSentence = strings.Fields("ASTANA , May 20 ( Xinhua ) -- Kazakh President Kassym - Jomart Tokayev met " +
	"with Chinese Foreign Minister Wang Yi in Astana on Monday , and the two sides pledged to " +
	"deepen cooperation within the Shanghai Cooperation Organization and the United Nations .")

// BenchmarkMatch looks up every token of a news sentence, as a recognizer's features do.
func BenchmarkMatch(b *testing.B) {
	g := load(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range benchSentence {
			g.Match(benchSentence, i)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchSentence)), "ns/token")
}

// BenchmarkEmbedded reads the embedded gazetteer, as Embedded does on its first call.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(embeddedFile); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMatchAllocs(t *testing.T) {
	g := load(t)
	allocs := testing.AllocsPerRun(100, func() {
		for i := range benchSentence {
			g.Match(benchSentence, i)
		}
	})
	if allocs != 0 {
		t.Errorf("Match allocates %v times per sentence, want 0", allocs)
	}
}

// TestEmbeddedWritesItself reads the tables of the embedded file and writes them again:
// the same bytes, so that nothing of the file is lost in reading.
func TestEmbeddedWritesItself(t *testing.T) {
	tb, err := readTables(embeddedFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tb.write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != embeddedFile {
		t.Errorf("the embedded %s read and written again differs", EmbeddedFile)
	}
}
