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
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"herald/learn"
)

// Kind is what sort of place an entry is.
type Kind uint8

// The kinds; the compiled file stores their numbers.
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

// Places finds places by name. It is read-only once read and safe for concurrent
// use.
//
// It works on the compiled file where it lies (the embedded one is a string in the
// binary, which costs no heap): the folded names and the places' fixed-width records are
// read in place, by binary search and by index. Only what must be a Go value is built:
// the places each name may mean (refs, a few bytes a name), the country tables, and the
// Place values themselves, made a chunk at a time when one of the chunk is first asked
// for, so that a run pays for the places its documents name.
type Places struct {
	data string
	// names: the folded names, sorted, end to end from nameText, and the end of each in
	// nameEnds (fixed-width); refs[refAt[i]:refAt[i+1]] lists the places name i may mean.
	nameText, nameEnds string
	refs               []Ref
	refAt              []int32
	// records holds each place's fixed-width record (see placeRecord), placeText their
	// names end to end, admin1Codes the division codes records number.
	records, placeText string
	admin1Codes        []string
	n                  int // places
	chunks             []atomic.Pointer[placeChunk]
	// countries maps ISO alpha-2 to the country's entry, iso3 alpha-2 to alpha-3.
	countries map[string]int32
	iso3      map[string]string
	admin1    map[string]int32
}

// The compiled file follows learn's model-file convention ("HERALD places 2"); its
// payload is
//
//   - the country codes: a count, then each ISO alpha-2 code in order with its alpha-3;
//   - the division codes ("US.GA") that the records number, 1 for the first, 0 for none:
//     a count, then the codes;
//   - the places (numbered from 0): a count, then each place's placeRecord bytes, then
//     the length of the names and the names end to end;
//   - the folded names, sorted: a count, then the end of each name (four bytes each),
//     then the length of the names and the names end to end;
//   - the places each name may mean, most prominent first: for each name, a count and
//     each place as 2×index, plus 1 if the place has the name as an alternate ("Bombay"
//     of Mumbai).
//
// The fixed-width tables let a reader use the file where it lies, and the names' order
// spares it a sort and a map of names.
const (
	fileKind    = "places"
	fileVersion = 2
	// placeRecord is the size of a place's record: GeoNames id (4 bytes), kind (1),
	// country (2, zero bytes for none), division code number (2), latitude and
	// longitude in 1e-5 degrees (4 each, signed), population (4), and the end of its
	// name in the places' names (4), all little-endian.
	placeRecord = 25
	// maxPlaces bounds the places and names of a file (and a division code's number fits
	// in two bytes).
	maxPlaces = 1 << 26
)

//go:embed places.bin
var embeddedFile string

// EmbeddedFile is the name of the compiled file embedded in the package.
const EmbeddedFile = "places.bin"

// Embedded returns the gazetteer embedded in the binary, read on the first call; every
// call returns the same Places. It is safe for concurrent use.
func Embedded() (*Places, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Places, error) {
	g, err := decode(embeddedFile)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", EmbeddedFile, err)
	}
	return g, nil
})

// Read decodes a compiled gazetteer.
func Read(r io.Reader) (*Places, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return decode(data)
}

// decode reads the gazetteer held in data, checking every record, so that no later
// lookup can meet a damaged one.
func decode(data string) (*Places, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	g := &Places{data: data, countries: map[string]int32{}, admin1: map[string]int32{}}
	n := d.Count("countries", 1<<16)
	g.iso3 = make(map[string]string, n)
	for range n {
		iso2, iso3 := d.String("ISO alpha-2"), d.String("ISO alpha-3")
		if d.Err() == nil && (len(iso2) != 2 || len(iso3) != 3) {
			d.Failf("country codes %q %q", iso2, iso3)
		}
		g.iso3[iso2] = iso3
	}
	g.admin1Codes = make([]string, d.Count("division codes", 1<<16-1))
	for i := range g.admin1Codes {
		g.admin1Codes[i] = d.String("division code")
	}
	g.n = d.Count("places", maxPlaces)
	g.records = d.Raw(g.n*placeRecord, "place records")
	g.placeText = d.String("place names")
	g.checkPlaces(d)
	nnames := d.Count("names", maxPlaces)
	g.nameEnds = d.Raw(4*nnames, "name ends")
	g.nameText = d.String("names")
	g.checkNames(d)
	g.refAt = make([]int32, 1, nnames+1)
	for range nnames {
		k := d.Count("places of a name", g.n)
		for range k {
			r := d.Uvarint("place of a name")
			if d.Err() == nil && r>>1 >= uint64(g.n) {
				d.Failf("place %d of %d", r>>1, g.n)
			}
			g.refs = append(g.refs, newRef(int32(r>>1), r&1 == 1))
		}
		g.refAt = append(g.refAt, int32(len(g.refs)))
	}
	if err := d.Finish(); err != nil {
		return nil, err
	}
	if g.n == 0 {
		return nil, fmt.Errorf("%w: places: no places", learn.ErrFormat)
	}
	g.chunks = make([]atomic.Pointer[placeChunk], (g.n+chunkPlaces-1)/chunkPlaces)
	return g, nil
}

// checkPlaces checks every record and fills the tables of countries and divisions.
func (g *Places) checkPlaces(d *learn.Decoder) {
	end := 0
	for i := 0; i < g.n && d.Err() == nil; i++ {
		r := g.records[i*placeRecord : (i+1)*placeRecord]
		kind, admin, nameEnd := Kind(r[4]), int(r[7])|int(r[8])<<8, int(learn.LittleEndian32(r, 21))
		lat, lon := int32(learn.LittleEndian32(r, 9)), int32(learn.LittleEndian32(r, 13))
		if kind < Country || kind > Region || admin > len(g.admin1Codes) || nameEnd < end || nameEnd > len(g.placeText) ||
			lat < -90e5 || lat > 90e5 || lon < -180e5 || lon > 180e5 {
			d.Failf("place %d: kind %d, division %d, position %d %d, name ending at %d", i, kind, admin, lat, lon, nameEnd)
			return
		}
		end = nameEnd
		switch kind {
		case Country:
			g.countries[placeCountry(r)] = int32(i)
		case Admin1:
			code := ""
			if admin > 0 {
				code = g.admin1Codes[admin-1]
			}
			g.admin1[code] = int32(i)
		}
	}
}

// checkNames checks that the names' ends rise within the names.
func (g *Places) checkNames(d *learn.Decoder) {
	end := 0
	for i := 0; i < len(g.nameEnds)/4 && d.Err() == nil; i++ {
		e := int(learn.LittleEndian32(g.nameEnds, 4*i))
		if e <= end && i > 0 || e > len(g.nameText) {
			d.Failf("name %d ends at %d, after %d, of %d", i, e, end, len(g.nameText))
		}
		end = e
	}
}

func placeCountry(r string) string {
	if r[5] == 0 {
		return ""
	}
	return r[5:7]
}

// name is folded name i.
func (g *Places) name(i int) string {
	start := 0
	if i > 0 {
		start = int(learn.LittleEndian32(g.nameEnds, 4*(i-1)))
	}
	return g.nameText[start:learn.LittleEndian32(g.nameEnds, 4*i)]
}

// chunkPlaces is how many places are made into Place values at once.
const chunkPlaces = 64

type placeChunk [chunkPlaces]Place

// chunk makes the Place values of chunk k. Goroutines that race to make one make the
// same values; the first to store them wins, and every caller gets those.
func (g *Places) chunk(k int) *placeChunk {
	c := new(placeChunk)
	for j := range min(chunkPlaces, g.n-k*chunkPlaces) {
		i := k*chunkPlaces + j
		r := g.records[i*placeRecord : (i+1)*placeRecord]
		start := 0
		if i > 0 {
			start = int(learn.LittleEndian32(g.records, i*placeRecord-4))
		}
		p := &c[j]
		p.ID = int(learn.LittleEndian32(r, 0))
		p.Kind = Kind(r[4])
		p.Country = placeCountry(r)
		if a := int(r[7]) | int(r[8])<<8; a > 0 {
			p.Admin1 = g.admin1Codes[a-1]
		}
		p.Lat = float64(int32(learn.LittleEndian32(r, 9))) / 1e5
		p.Lon = float64(int32(learn.LittleEndian32(r, 13))) / 1e5
		p.Population = int(learn.LittleEndian32(r, 17))
		p.Name = g.placeText[start:learn.LittleEndian32(r, 21)]
	}
	if !g.chunks[k].CompareAndSwap(nil, c) {
		c = g.chunks[k].Load()
	}
	return c
}

// compiled is a gazetteer as Build makes it, to be encoded.
type compiled struct {
	places []Place
	names  []string // folded, sorted
	refs   []Ref
	refAt  []int32
	iso3   map[string]string
}

// write encodes the gazetteer deterministically.
func (c *compiled) write(w io.Writer) error {
	e := learn.NewEncoder(fileKind, fileVersion)
	iso2s := make([]string, 0, len(c.iso3))
	for k := range c.iso3 {
		iso2s = append(iso2s, k)
	}
	sort.Strings(iso2s)
	e.Uvarint(uint64(len(iso2s)))
	for _, k := range iso2s {
		e.String(k)
		e.String(c.iso3[k])
	}
	admin1 := map[string]int{}
	var codes []string
	for _, p := range c.places {
		if _, ok := admin1[p.Admin1]; !ok && p.Admin1 != "" {
			codes = append(codes, p.Admin1)
			admin1[p.Admin1] = len(codes)
		}
	}
	if len(codes) >= 1<<16 {
		return fmt.Errorf("places: %d division codes, more than a record can number", len(codes))
	}
	e.Uvarint(uint64(len(codes)))
	for _, a := range codes {
		e.String(a)
	}
	e.Uvarint(uint64(len(c.places)))
	var text strings.Builder
	for _, p := range c.places {
		if len(p.Country) != 0 && len(p.Country) != 2 || p.ID < 0 || p.ID > math.MaxUint32 || p.Population < 0 || p.Population > math.MaxUint32 {
			return fmt.Errorf("places: %q (%d) does not fit a record: country %q, population %d", p.Name, p.ID, p.Country, p.Population)
		}
		country := p.Country
		if country == "" {
			country = "\x00\x00"
		}
		text.WriteString(p.Name)
		e.Uint32(uint32(p.ID))
		e.Byte(byte(p.Kind))
		e.Raw(country)
		e.Uint16(uint16(admin1[p.Admin1]))
		e.Uint32(uint32(int32(math.Round(p.Lat * 1e5))))
		e.Uint32(uint32(int32(math.Round(p.Lon * 1e5))))
		e.Uint32(uint32(p.Population))
		e.Uint32(uint32(text.Len()))
	}
	e.String(text.String())
	e.Uvarint(uint64(len(c.names)))
	text.Reset()
	for _, n := range c.names {
		text.WriteString(n)
		e.Uint32(uint32(text.Len()))
	}
	e.String(text.String())
	for i := range c.names {
		refs := c.refs[c.refAt[i]:c.refAt[i+1]]
		e.Uvarint(uint64(len(refs)))
		for _, r := range refs {
			x := uint64(r.Index()) << 1
			if r.Alternate() {
				x |= 1
			}
			e.Uvarint(x)
		}
	}
	_, err := e.WriteTo(w)
	return err
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
func (g *Places) Lookup(name string) []Ref {
	key := Fold(name)
	n := len(g.refAt) - 1
	i := sort.Search(n, func(i int) bool { return g.name(i) >= key })
	if i < n && g.name(i) == key {
		return g.refs[g.refAt[i]:g.refAt[i+1]:g.refAt[i+1]]
	}
	return nil
}

// Place returns entry i.
func (g *Places) Place(i int32) *Place {
	k := int(i) / chunkPlaces
	c := g.chunks[k].Load()
	if c == nil {
		c = g.chunk(k)
	}
	return &c[int(i)%chunkPlaces]
}

// Len is the number of places.
func (g *Places) Len() int { return g.n }

// Names is the number of distinct folded names.
func (g *Places) Names() int { return len(g.refAt) - 1 }

// ISO3 returns the alpha-3 code of an alpha-2 country code, "" if unknown.
func (g *Places) ISO3(iso2 string) string { return g.iso3[iso2] }

// CountryOf returns the country entry of an alpha-2 code.
func (g *Places) CountryOf(iso2 string) (*Place, bool) {
	i, ok := g.countries[iso2]
	if !ok {
		return nil, false
	}
	return g.Place(i), true
}

// Admin1Of returns the first-level division of a code such as "US.GA".
func (g *Places) Admin1Of(code string) (*Place, bool) {
	i, ok := g.admin1[code]
	if !ok {
		return nil, false
	}
	return g.Place(i), true
}
