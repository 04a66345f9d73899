// Package geo is the places stage: it resolves the place names of a document to
// GeoNames entries without any server, gives each event the place where it happened, and
// gives actors the country a place names when nothing else gives them one ("protesters in
// Nairobi" are Kenyan).
//
// The gazetteer (places.go) is compiled from GeoNames by `herald build-places` and
// embedded. Resolution (resolve.go) scores every place a name may mean by its prominence
// (population, capital, country) and by the article's context: the dateline's country,
// the countries of the other places and of the actors, and qualifiers in the text ("Paris,
// Texas", "the U.S. state of Georgia").
package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Kind is what sort of place an entry is.
type Kind uint8

// The kinds, in the order the compiled file names them.
const (
	Country Kind = iota + 1
	Admin1       // a first-level division: state, province, oblast
	Capital      // a national capital
	Seat         // the seat of a first-level division
	City         // another city of 15,000 people or more
	Town         // a smaller place, known by name and position only
	Region       // a well-known region or water body: West Bank, Taiwan Strait
)

var kindNames = [...]string{Country: "country", Admin1: "adm1", Capital: "capital", Seat: "seat", City: "city", Town: "town", Region: "region"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "unknown"
}

func parseKind(s string) (Kind, bool) {
	for k, n := range kindNames {
		if n != "" && n == s {
			return Kind(k), true
		}
	}
	return 0, false
}

// Place is one gazetteer entry.
type Place struct {
	ID         int // GeoNames id; 0 for towns known only by name and for hand-listed regions
	Kind       Kind
	Country    string // ISO 3166 alpha-2, "" for international waters and regions of many countries
	Admin1     string // GeoNames admin1 code with its country: "US.GA", "KZ.05"; "" if none
	Lat, Lon   float64
	Population int
	Name       string
}

// Gazetteer finds places by name. It is read-only after Load and safe for concurrent use.
type Gazetteer struct {
	places []Place
	// names are the folded names, sorted; refs[refAt[i]:refAt[i+1]] lists the places
	// names[i] may mean.
	names []string
	refs  []Ref
	refAt []int32
	// countries maps ISO alpha-2 to the country's entry, iso3 alpha-2 to alpha-3.
	countries map[string]int32
	iso3      map[string]string
	admin1    map[string]int32
}

// The compiled file is gzipped UTF-8 text, one record a line, fields separated by tabs:
//
//	herald-places	1	places	names	refs	(the counts, to size the tables)
//	K	ISO2	ISO3	(a country's codes)
//	P	id	kind	country	admin1	lat	lon	population	name   (places, numbered from 0)
//	N	folded name	index,index,…                           (sorted by name; an index
//	                                                            ending "a" is a place that
//	                                                            has the name as an alternate)
//
// Text keeps the file diffable and the reader simple; names come sorted, so loading
// needs no sort and no map of names, and the counts let it allocate each table once.
const (
	formatMagic   = "herald-places"
	formatVersion = "1"
)

//go:embed places.bin.gz
var embedded []byte

// EmbeddedFile is the name of the compiled file embedded in the package.
const EmbeddedFile = "places.bin.gz"

// ErrFormat reports a damaged compiled file.
var ErrFormat = errors.New("not a herald places file")

// Load reads the embedded gazetteer.
func Load() (*Gazetteer, error) {
	return read(bytes.NewReader(embedded), EmbeddedFile, gzipSize(embedded))
}

// gzipSize is the uncompressed size a gzip stream states in its trailer (modulo 4 GiB),
// 0 if it is too short to have one.
func gzipSize(z []byte) int {
	if len(z) < 18 {
		return 0
	}
	return int(binary.LittleEndian.Uint32(z[len(z)-4:]))
}

// Read decodes a compiled gazetteer; src names it in errors.
func Read(r io.Reader, src string) (*Gazetteer, error) { return read(r, src, 0) }

// read is Read with a hint of the uncompressed size.
func read(r io.Reader, src string, size int) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", src, ErrFormat, err)
	}
	var buf strings.Builder
	buf.Grow(min(size, 1<<30) + 1)
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", src, ErrFormat, err)
	}
	text := buf.String() // every name below is a substring of it
	line := 1
	bad := func(msg string) error { return fmt.Errorf("%s:%d: %w: %s", src, line, ErrFormat, msg) }
	header, text, _ := strings.Cut(text, "\n")
	var nPlaces, nNames, nRefs int
	if _, err := fmt.Sscanf(header, formatMagic+"\t"+formatVersion+"\t%d\t%d\t%d", &nPlaces, &nNames, &nRefs); err != nil ||
		nPlaces <= 0 || nNames < 0 || nRefs < 0 || nPlaces+nNames+nRefs > len(text) {
		return nil, bad("bad header")
	}
	g := &Gazetteer{countries: map[string]int32{}, iso3: map[string]string{}, admin1: map[string]int32{},
		places: make([]Place, 0, nPlaces), names: make([]string, 0, nNames),
		refs: make([]Ref, 0, nRefs), refAt: make([]int32, 1, nNames+1)}
	for len(text) > 0 {
		var rec string
		rec, text, _ = strings.Cut(text, "\n")
		line++
		tag, rest, _ := strings.Cut(rec, "\t")
		switch tag {
		case "K":
			iso2, iso3, ok := strings.Cut(rest, "\t")
			if !ok || len(iso2) != 2 || len(iso3) != 3 {
				return nil, bad("country codes")
			}
			g.iso3[iso2] = iso3
		case "P":
			p, err := parsePlace(rest)
			if err != nil {
				return nil, bad(err.Error())
			}
			i := int32(len(g.places))
			g.places = append(g.places, p)
			switch p.Kind {
			case Country:
				g.countries[p.Country] = i
			case Admin1:
				g.admin1[p.Admin1] = i
			}
		case "N":
			name, list, ok := strings.Cut(rest, "\t")
			if !ok || name == "" || list == "" {
				return nil, bad("name record")
			}
			if n := len(g.names); n > 0 && g.names[n-1] >= name {
				return nil, bad("names out of order")
			}
			for list != "" {
				var f string
				f, list, _ = strings.Cut(list, ",")
				num, alt := strings.CutSuffix(f, "a")
				k, err := strconv.Atoi(num)
				if err != nil || k < 0 || k >= len(g.places) {
					return nil, bad("place index " + f)
				}
				g.refs = append(g.refs, newRef(int32(k), alt))
			}
			g.names = append(g.names, name)
			g.refAt = append(g.refAt, int32(len(g.refs)))
		case "":
			// a blank line, at the end
		default:
			return nil, bad("unknown record " + strconv.Quote(tag))
		}
	}
	if len(g.places) == 0 {
		return nil, fmt.Errorf("%s: %w: no places", src, ErrFormat)
	}
	return g, nil
}

// parsePlace reads the fields of a P record after its tag.
func parsePlace(rec string) (Place, error) {
	var f [8]string
	for k := range 7 {
		var ok bool
		f[k], rec, ok = strings.Cut(rec, "\t")
		if !ok {
			return Place{}, fmt.Errorf("place has %d fields, want 8", k+1)
		}
	}
	f[7] = rec
	var p Place
	var err error
	var ok bool
	if p.ID, err = strconv.Atoi(f[0]); err != nil {
		return p, errors.New("place id")
	}
	if p.Kind, ok = parseKind(f[1]); !ok {
		return p, errors.New("place kind " + f[1])
	}
	p.Country, p.Admin1 = f[2], f[3]
	lat, err1 := strconv.Atoi(f[4])
	lon, err2 := strconv.Atoi(f[5])
	if err1 != nil || err2 != nil || lat < -90e5 || lat > 90e5 || lon < -180e5 || lon > 180e5 {
		return p, errors.New("position")
	}
	p.Lat, p.Lon = float64(lat)/1e5, float64(lon)/1e5
	if p.Population, err = strconv.Atoi(f[6]); err != nil {
		return p, errors.New("population")
	}
	p.Name = f[7]
	return p, nil
}

// write encodes the gazetteer deterministically (gzip without name or time).
func (g *Gazetteer) write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s\t%s\t%d\t%d\t%d\n", formatMagic, formatVersion, len(g.places), len(g.names), len(g.refs))
	iso2s := make([]string, 0, len(g.iso3))
	for k := range g.iso3 {
		iso2s = append(iso2s, k)
	}
	sort.Strings(iso2s)
	for _, k := range iso2s {
		fmt.Fprintf(bw, "K\t%s\t%s\n", k, g.iso3[k])
	}
	for _, p := range g.places {
		fmt.Fprintf(bw, "P\t%d\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", p.ID, p.Kind, p.Country, p.Admin1,
			int(math.Round(p.Lat*1e5)), int(math.Round(p.Lon*1e5)), p.Population, p.Name)
	}
	for i, n := range g.names {
		bw.WriteString("N\t")
		bw.WriteString(n)
		bw.WriteByte('\t')
		for k, r := range g.refs[g.refAt[i]:g.refAt[i+1]] {
			if k > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(strconv.Itoa(int(r.Index())))
			if r.Alternate() {
				bw.WriteByte('a')
			}
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Ref is a place a name may mean: its index, and whether the name is one of its
// alternates ("Bombay" of Mumbai) rather than its own.
type Ref int32

func newRef(i int32, alternate bool) Ref {
	if alternate {
		return Ref(-i - 1)
	}
	return Ref(i)
}

// Index is the place's index, for Place.
func (r Ref) Index() int32 {
	if r < 0 {
		return int32(-r - 1)
	}
	return int32(r)
}

// Alternate reports whether the name is one of the place's alternate names.
func (r Ref) Alternate() bool { return r < 0 }

// Lookup returns the places a name may mean (any case, any diacritics), most prominent
// first as the compiled file orders them; nil if none.
func (g *Gazetteer) Lookup(name string) []Ref {
	key := Fold(name)
	i := sort.SearchStrings(g.names, key)
	if i < len(g.names) && g.names[i] == key {
		return g.refs[g.refAt[i]:g.refAt[i+1]:g.refAt[i+1]]
	}
	return nil
}

// Place returns entry i.
func (g *Gazetteer) Place(i int32) *Place { return &g.places[i] }

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Names is the number of distinct folded names.
func (g *Gazetteer) Names() int { return len(g.names) }

// ISO3 returns the alpha-3 code of an alpha-2 country code, "" if unknown.
func (g *Gazetteer) ISO3(iso2 string) string { return g.iso3[iso2] }

// CountryOf returns the country entry of an alpha-2 code.
func (g *Gazetteer) CountryOf(iso2 string) (*Place, bool) {
	i, ok := g.countries[iso2]
	if !ok {
		return nil, false
	}
	return &g.places[i], true
}

// Admin1Of returns the first-level division of a code such as "US.GA".
func (g *Gazetteer) Admin1Of(code string) (*Place, bool) {
	i, ok := g.admin1[code]
	if !ok {
		return nil, false
	}
	return &g.places[i], true
}
