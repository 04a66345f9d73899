package geo

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"herald/document"
	"herald/learn"
)

func loadGazetteer(t testing.TB) *Places {
	t.Helper()
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return g
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

// TestLookup checks the places a name may mean, most prominent first: a capital before
// the division of the same name, a country before a US state, old and other-script names
// (alternates) of the place they name, any case and diacritics, and no place for a name
// that is none.
func TestLookup(t *testing.T) {
	g := loadGazetteer(t)
	for _, tc := range []struct {
		name      string
		first     string // "Name/kind/CC" of the most prominent place
		alternate bool   // whether name is an alternate name of that place
		also      string // another place the name may mean, "" for none required
	}{
		{"Astana", "Astana/capital/KZ", false, "Astana/adm1/KZ"},
		{"ASTANA", "Astana/capital/KZ", false, "Astana/adm1/KZ"},
		{"Nur-Sultan", "Astana/capital/KZ", true, ""},
		{"Kiev", "Kyiv/capital/UA", true, ""},
		{"Kyiv", "Kyiv/capital/UA", false, ""},
		{"Zürich", "Zürich/seat/CH", false, "Zurich/adm1/CH"},
		{"Zurich", "Zürich/seat/CH", false, ""},
		{"the West Bank", "West Bank/region/PS", false, ""},
		{"Georgia", "Georgia/country/GE", false, "Georgia/adm1/US"},
		{"Москва", "Moscow/capital/RU", true, ""},
		{"Kharkiv", "Kharkiv/seat/UA", false, ""},
		{"Paris", "Paris/capital/FR", false, "Paris/city/US"},
	} {
		refs := g.Lookup(tc.name)
		if len(refs) == 0 {
			t.Errorf("Lookup(%q) found nothing, want %s", tc.name, tc.first)
			continue
		}
		var got []string
		for _, r := range refs {
			p := g.Place(r.Index())
			got = append(got, p.Name+"/"+p.Kind.String()+"/"+p.Country)
		}
		if got[0] != tc.first || refs[0].Alternate() != tc.alternate {
			t.Errorf("Lookup(%q) = %v, the first an alternate name: %v; want %s first (alternate: %v)", tc.name, got, refs[0].Alternate(), tc.first, tc.alternate)
		}
		if tc.also != "" && !slices.Contains(got, tc.also) {
			t.Errorf("Lookup(%q) = %v, want %s among them", tc.name, got, tc.also)
		}
	}
	for _, name := range []string{"Gondor", "", "the"} {
		if refs := g.Lookup(name); len(refs) != 0 {
			t.Errorf("Lookup(%q) = %d places, want none", name, len(refs))
		}
	}
}

func FuzzReadCases(f *testing.F) {
	f.Add("# c\nid1\tPARIS - Talks in Paris.\tParis\t2988507\tcity\tcapital\n")
	f.Add("r\tIn the West Bank.\tWest Bank\t0\tregion\tcountry=PSE\n")
	f.Add("x\ty\tz\n")
	f.Fuzz(func(t *testing.T, s string) {
		cases, err := ReadCases(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, c := range cases {
			if !strings.Contains(c.Text, c.Mention) || c.ID == "" {
				t.Fatalf("accepted a bad case %+v", c)
			}
		}
	})
}

// tinyFile is a compiled gazetteer of two places.
func tinyFile(t testing.TB) []byte {
	c := &compiled{
		places: []Place{{ID: 1526273, Kind: Capital, Country: "KZ", Admin1: "KZ.05", Lat: 51.1801, Lon: 71.44598, Population: 345604, Name: "Astana"},
			{Kind: Region, Lat: 31.9, Lon: 35.2, Name: "West Bank"}},
		names: []string{"astana", "nur sultan", "west bank"},
		refs:  []Ref{newRef(0, false), newRef(0, true), newRef(1, false)},
		refAt: []int32{0, 1, 2, 3},
		iso3:  map[string]string{"KZ": "KAZ"},
	}
	var buf bytes.Buffer
	if err := c.write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadTinyFile(t *testing.T) {
	g, err := Read(bytes.NewReader(tinyFile(t)))
	if err != nil {
		t.Fatal(err)
	}
	refs := g.Lookup("Nur-Sultan")
	if len(refs) != 1 || !refs[0].Alternate() || g.Place(refs[0].Index()).Name != "Astana" || g.Place(1).Country != "" {
		t.Errorf("Nur-Sultan: %v", refs)
	}
	if p := g.Place(0); p.Admin1 != "KZ.05" || p.Lat != 51.1801 || p.Lon != 71.44598 || p.Population != 345604 || g.ISO3(p.Country) != "KAZ" {
		t.Errorf("Astana: %+v", p)
	}
	data := tinyFile(t)
	for _, bad := range [][]byte{data[:len(data)-1], append(slices.Clip(data), 0), data[:len(data)/2]} {
		if _, err := Read(bytes.NewReader(bad)); !errors.Is(err, learn.ErrFormat) {
			t.Errorf("%d damaged bytes: error %v, want learn.ErrFormat", len(bad), err)
		}
	}
}

// FuzzRead feeds the compiled-file reader damaged input: it fails with an error, never a
// panic, and what it accepts can be looked up.
func FuzzRead(f *testing.F) {
	f.Add(tinyFile(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := range g.Names() {
			for _, r := range g.Lookup(g.name(i)) {
				_ = g.Place(r.Index())
			}
		}
		for i := range g.Len() {
			_ = g.Place(int32(i))
		}
	})
}

// FuzzFold checks that folding is idempotent and never panics.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Nur-Sultan", "Zürich", "the West Bank", "Côte d'Ivoire", "Straße", "北京", "U.S.", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if Fold(k) != k {
			t.Fatalf("Fold(%q) = %q, but Fold of that is %q", s, k, Fold(k))
		}
	})
}

// TestFold pins the lookup key of names written in different ways.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Nur-Sultan": "nur sultan", "ZÜRICH": "zurich", "the West Bank": "west bank",
		"Côte d'Ivoire": "cote d ivoire", "U.S.": "us", "Kraków": "krakow", "Straße": "strasse", "Москва": "москва"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBuildReproducible compiles the gazetteer from ../shared and compares it, byte for
// byte, with the embedded file: the shipped file is what `herald build-places` makes.
func TestBuildReproducible(t *testing.T) {
	if _, err := os.Stat("../../shared/data/geo/cities15000.zip"); err != nil {
		t.Skip("../shared/data is absent: the build needs GeoNames")
	}
	var buf bytes.Buffer
	if err := Build("../../shared/data", &buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != embeddedFile {
		t.Errorf("building from ../shared gives %d bytes that differ from the embedded %d: run herald build-places", buf.Len(), len(embeddedFile))
	}
}

// FuzzAnnotate resolves documents with arbitrary text, tokens, parses and entity spans
// (out of range and overlapping ones included): no panic, and every place it gives has
// a position on the globe.
func FuzzAnnotate(f *testing.F) {
	f.Add("ASTANA, May 20 (Xinhua) -- Tokayev met Wang in Astana.", uint8(3), uint8(2))
	f.Add("Police in Nairobi fired at protesters near Gaza Strip and the West Bank.", uint8(7), uint8(5))
	f.Add("", uint8(0), uint8(0))
	g := loadGazetteer(f)
	r := New(g, func(iso3 string) string { return iso3 }, func(code string) bool { return code == "COP" })
	f.Fuzz(func(t *testing.T, text string, every, seed uint8) {
		doc := &document.Document{ID: "fuzz", Text: text}
		var toks []document.Token
		start := -1
		for i := 0; i <= len(text); i++ {
			if i == len(text) || text[i] == ' ' {
				if start >= 0 {
					toks = append(toks, document.Token{Start: start, End: i, Text: text[start:i], Head: (len(toks) + int(seed)) % (len(toks) + 2), Deprel: []string{"obl", "case", "nmod", "nsubj", "nmod:poss"}[len(toks)%5]})
				}
				start = -1
			} else if start < 0 {
				start = i
			}
		}
		doc.Sentences = []document.Sentence{{Start: 0, End: len(text), Tokens: toks, Unparsed: seed%3 == 0}}
		if len(text) > 8 {
			doc.Dateline = &document.Dateline{Place: text[:3], Start: 0, End: 8}
		}
		for i, tk := range toks {
			if every > 0 && i%int(every) == 0 {
				end := tk.End
				if i+1 < len(toks) && seed%2 == 0 {
					end = toks[i+1].End
				}
				doc.Entities = append(doc.Entities, document.Entity{Start: tk.Start, End: end, Text: text[tk.Start:end],
					Type: []string{"GPE", "LOC", "ORG", "PERSON"}[i%4], Mention: "name", Cluster: i, Actor: []string{"", "COP", "KAZ"}[i%3]})
			}
		}
		if len(toks) >= 2 {
			doc.Events = []document.Event{{Sentence: 0,
				Source:   document.Actor{Text: toks[0].Text, Code: "COP", Start: toks[0].Start, End: toks[0].End},
				Target:   document.Actor{Text: toks[1].Text, Code: "KAZ", Start: toks[1].Start, End: toks[1].End},
				Evidence: document.Evidence{Start: toks[len(toks)-1].Start}}}
		}
		r.Annotate(doc)
		check := func(l *document.Location) {
			if l != nil && (l.Lat < -90 || l.Lat > 90 || l.Lon < -180 || l.Lon > 180) {
				t.Fatalf("a place off the globe: %+v", l)
			}
		}
		for _, e := range doc.Entities {
			check(e.Place)
		}
		for _, e := range doc.Events {
			check(e.Location)
			check(e.Source.Location)
			check(e.Target.Location)
		}
	})
}
