package gazetteer

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// GeoNames "geoname" table columns (tab-separated, no header) that Build reads.
const (
	geoID             = 0
	geoName           = 1
	geoASCIIName      = 2
	geoAlternateNames = 3
	geoFeatureClass   = 6
	geoFeatureCode    = 7
	geoCountryCode    = 8
	geoPopulation     = 14
	geoColumns        = 19
)

// minAlternatesPopulation is the population from which a city's alternate names (ASCII
// ones only: "Peking", "Bombay", "Kiev") are kept; capitals keep theirs regardless.
const minAlternatesPopulation = 1_000_000

// skippedFeatures are populated-place codes that are not living cities: historical,
// abandoned, destroyed, religious and historical capitals.
var skippedFeatures = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// commonWordCities are city names that are far more often English words or given names
// than the city in news text; they would make every sentence-initial "Nice" a place.
var commonWordCities = map[string]bool{"Nice": true, "Mobile": true, "Reading": true,
	"Independence": true, "Surprise": true, "Orange": true, "Split": true, "Sale": true,
	"Hue": true, "Mary": true, "Bo": true, "Bath": true, "Of": true, "Deal": true,
	"Gary": true, "Santa": true, "Marina": true, "Lafayette": true, "Norman": true, "Layton": true,
	"Edison": true, "Jackson": true, "Lincoln": true, "Fontana": true, "Miles": true,
	"Delta": true, "Hang": true, "Man": true, "Tours": true, "Metro": true, "Paradise": true,
	"Springs": true, "Central": true, "Male": true, "Valley": true, "The Valley": true}

// readCities reads GeoNames cities15000 (a zip holding cities15000.txt): every national
// capital (feature code PPLC) and every other populated place of at least
// MinCityPopulation people, each mapped to its country.
func (b *builder) readCities(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".txt") {
			continue
		}
		if err := b.readGeoNames(path+"!"+zf.Name, zf); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) readGeoNames(where string, zf *zip.File) error {
	rc, err := zf.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != geoColumns {
			return sourceError(where, line, fmt.Errorf("%d columns, want %d", len(cols), geoColumns))
		}
		code := cols[geoFeatureCode]
		if cols[geoFeatureClass] != "P" || skippedFeatures[code] {
			continue
		}
		pop, err := strconv.ParseInt(cols[geoPopulation], 10, 32)
		if err != nil {
			return sourceError(where, line, errors.New("bad population "+strconv.Quote(cols[geoPopulation])))
		}
		capital := code == "PPLC"
		if !capital && pop < MinCityPopulation {
			continue
		}
		iso3 := b.iso3ByISO2[cols[geoCountryCode]]
		if iso3 == "" {
			continue
		}
		kind := City
		if capital {
			kind = Capital
		}
		names := []string{cols[geoName], cols[geoASCIIName]}
		for _, alt := range strings.Split(cols[geoAlternateNames], ",") {
			if usefulAlternate(alt) && (capital || pop >= minAlternatesPopulation || spellingOf(alt, cols[geoASCIIName])) {
				names = append(names, alt)
			}
		}
		var kept []string
		for _, n := range names {
			if n != "" && !commonWordCities[n] && latinName(n) {
				kept = append(kept, n)
			}
		}
		b.add(Entry{Kind: kind, Type: "GPE", Country: iso3, Code: b.cameoCode(iso3), Name: cols[geoName],
			ID: cols[geoID], Population: int32(pop)}, kept...)
	}
	if err := sc.Err(); err != nil {
		return sourceError(where, line, err)
	}
	return nil
}

// spellingOf reports whether alt looks like another spelling of the city's name rather
// than a name in another language: the same first four letters and nearly the same length.
// English often writes a city so ("Geneva" for Genève, "Antwerp" for Antwerpen), and such
// names are few enough to keep for every city, where all alternates would swamp the list.
func spellingOf(alt, ascii string) bool {
	if len(alt) < 4 || len(ascii) < 4 || alt == ascii || !strings.EqualFold(alt[:4], ascii[:4]) {
		return false
	}
	d := len(alt) - len(ascii)
	return -3 <= d && d <= 3 && !strings.Contains(alt, " ")
}

// usefulAlternate keeps the ASCII alternate names that read as English names of the
// place: capitalized, with lowercase letters (not airport codes), at least four letters,
// and only letters, spaces, hyphens, apostrophes and periods.
func usefulAlternate(s string) bool {
	if len(s) < 4 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	lower := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			lower = true
		case 'A' <= c && c <= 'Z', c == ' ', c == '-', c == '\'', c == '.':
		default:
			return false
		}
	}
	return lower
}
