package gazetteer

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rebuild gazetteer.bin.gz from ../../../shared/data")

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
	if !bytes.Equal(first.Bytes(), embedded) {
		t.Errorf("%s is stale: rebuild with go test ./entity/gazetteer -run TestBuild -update", EmbeddedFile)
	}
}

func load(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
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

func TestLoadSpeed(t *testing.T) {
	start := time.Now()
	g := load(t)
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("Load took %v", d)
	}
	t.Logf("Load: %d names in %v", g.Len(), time.Since(start))
}

func TestReadErrors(t *testing.T) {
	for _, text := range []string{
		"",
		"not a gazetteer\n",
		formatMagic + "\t1\nX\tfoo\n",
		formatMagic + "\t1\nE\tcountry\tGPE\n",
		formatMagic + "\t1\nE\tplanet\tGPE\tKAZ\tKAZ\tX\t\t\t\t\t0\tX\n",
		formatMagic + "\t1\nE\tcountry\tGPE\tKAZ\tKAZ\tX\t\t\t\t\tlots\tX\n",
		formatMagic + "\t1\nE\tcountry\tGPE\tKAZ\tKAZ\tX\t\t\t\t\t0\t \n",
	} {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := Read(&buf, "test.gz"); err == nil || !strings.HasPrefix(err.Error(), "test.gz") {
			t.Errorf("Read(%q) error = %v, want one naming test.gz", text, err)
		}
	}
}

// FuzzRead feeds arbitrary bytes, gzipped and not, to the reader: errors are fine,
// panics are not, and what it accepts must answer Match.
func FuzzRead(f *testing.F) {
	f.Add([]byte(formatMagic + "\t1\nC\tKAZ\tKAZ\tKazakhstan\tKazakhstani\nE\tcountry\tGPE\tKAZ\tKAZ\tKazakhstan\t\t\t\t\t0\tKazakhstan|Republic of Kazakhstan\n"))
	f.Add([]byte(formatMagic + "\t1\nE\tleader\tPERSON\tKAZ\tKAZGOV\tA B\tPresident\t2019-01-01\t\tQ1\t0\tA - B C\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(data)
		zw.Close()
		for _, in := range [][]byte{buf.Bytes(), data} {
			g, err := Read(bytes.NewReader(in), "fuzz")
			if err != nil {
				continue
			}
			words := strings.Fields(string(data))
			for i := range words {
				if n, _ := g.Match(words, i); n < 0 || i+n > len(words) {
					t.Fatalf("Match(%d) = %d tokens of %d", i, n, len(words))
				}
			}
			g.Leaders(string(data), "2020-01-01")
		}
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

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
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
