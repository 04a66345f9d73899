package geo

import (
	"bytes"
	"compress/gzip"
	"os"
	"slices"
	"strings"
	"testing"

	"herald/document"
)

func loadGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
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

// FuzzRead feeds the compiled-file reader damaged input: it fails with an error, never a
// panic, and what it accepts can be looked up.
func FuzzRead(f *testing.F) {
	f.Add("herald-places\t1\t1\t1\t1\nK\tKZ\tKAZ\nP\t1526273\tcapital\tKZ\tKZ.05\t5118010\t7144598\t345604\tAstana\nN\tastana\t0\n")
	f.Add("herald-places\t1\t1\t1\t1\nP\t1\tcity\tKZ\t\t0\t0\t1\tX\nN\tx\t0a\n")
	f.Add("herald-places\t1\t2\t0\t0\nP\t1\tbogus\n")
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
		g, err := Read(&buf, "fuzz")
		if err != nil {
			return
		}
		for _, n := range g.names {
			for _, r := range g.Lookup(n) {
				_ = g.Place(r.Index())
			}
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
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Errorf("building from ../shared gives %d bytes that differ from the embedded %d: run herald build-places", buf.Len(), len(embedded))
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
