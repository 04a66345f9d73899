package gazetteer

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"herald/segment"
)

// SourceFiles lists the files under the data directory that Build reads, in the order
// it reads them (their credits go in NOTICE).
func SourceFiles() []string {
	return []string{
		sourceCAMEOCountries, sourceMledoze, sourceCountryInfo, sourceCities,
		sourcePhoenix, sourceLeadersCurrent, sourceLeadersHistory,
	}
}

const (
	sourceMledoze        = "extras/countries-mledoze/countries-unescaped.json"
	sourceCountryInfo    = "geo/CountryInfo.120116.txt"
	sourceCAMEOCountries = "cameo/gdelt-lookups/CAMEO.country.derived.txt"
	sourceCities         = "geo/cities15000.zip"
	sourcePhoenix        = "dictionaries/petrarch2/Phoenix.International.actors.txt"
	sourceLeadersCurrent = "extras/leaders-wikidata/leaders_current.csv"
	sourceLeadersHistory = "extras/leaders-wikidata/leaders_history.csv"
)

// Build compiles the gazetteer from dataDir (the shared data directory, e.g.
// ../shared/data) and writes it to w. The output depends only on the input files: the
// same data gives the same bytes. `herald build-gazetteer` calls it to refresh
// entity/gazetteer/gazetteer.bin.
func Build(dataDir string, w io.Writer) error {
	b := newBuilder()
	steps := []struct {
		file string
		read func(path string) error
	}{
		{sourceCAMEOCountries, b.readCAMEOCountries},
		{sourceMledoze, b.readMledoze},
		{sourceCountryInfo, b.readCountryInfo},
		{sourceCities, b.readCities},
		{sourcePhoenix, b.readPhoenixIGOs},
		{sourceLeadersCurrent, b.readLeaders},
		{sourceLeadersHistory, b.readLeaders},
	}
	for _, s := range steps {
		if err := s.read(filepath.Join(dataDir, filepath.FromSlash(s.file))); err != nil {
			return err
		}
	}
	b.addLeaders()
	b.addSupplement()
	b.dropDependentDemonyms()
	return b.compile().tables().write(w)
}

// builder gathers entries from the sources, merging those that are the same referent.
type builder struct {
	entries map[string]*builderEntry
	// iso3 of every country mledoze knows, its alpha-2 code, and the CAMEO codes.
	iso3       map[string]bool
	dependent  map[string]bool // ISO3 codes of territories that are not independent states
	iso3ByISO2 map[string]string
	cameoCodes map[string]bool
	countries  map[string]*countryRecord
	// titles holds, per ISO3, the titles CountryInfo gives the current head of state
	// and of government.
	titles map[string]leaderTitles
	// tenures holds the leaders' tenures by QID until overlapping duplicates are merged.
	tenures map[string][]Entry
	// acronyms are words that stay in capitals when an all-caps source is title-cased.
	acronyms map[string]bool
}

type builderEntry struct {
	Entry
	surfaces map[string][]string // joined tokens → tokens
}

type leaderTitles struct{ headOfState, headOfGovernment string }

func newBuilder() *builder {
	return &builder{
		entries:    make(map[string]*builderEntry),
		iso3:       make(map[string]bool),
		dependent:  make(map[string]bool),
		iso3ByISO2: make(map[string]string),
		cameoCodes: make(map[string]bool),
		countries:  make(map[string]*countryRecord),
		titles:     make(map[string]leaderTitles),
		acronyms:   wordSet("US USA UK UAE UN EU AU DRC DPRK"),
		tenures:    make(map[string][]Entry),
	}
}

// cameoQuirks are the countries whose CAMEO code is not their ISO3 code.
var cameoQuirks = map[string]string{"ROU": "ROM", "TLS": "TMP", "IMN": "IMY", "MNE": "MTN", "UNK": "KSV", "XKX": "KSV"}

// cameoCode is the CAMEO country code of an ISO3 code.
func (b *builder) cameoCode(iso3 string) string {
	if c, ok := cameoQuirks[iso3]; ok {
		return c
	}
	return iso3
}

// isoFromCAMEO maps a CAMEO country code back to ISO3, for sources written in CAMEO.
func isoFromCAMEO(code string) string {
	for iso, c := range cameoQuirks {
		if c == code && iso != "XKX" {
			return iso
		}
	}
	return code
}

// add records an entry under the given surface strings (as written; add tokenizes them
// and adds an ASCII-folded spelling of each). Entries with the same identity merge.
func (b *builder) add(e Entry, surfaces ...string) {
	key := strings.Join([]string{e.Kind.String(), e.Type, e.Country, e.Code, e.Name, e.Role,
		e.Start, e.End, e.ID}, "\x00")
	be := b.entries[key]
	if be == nil {
		be = &builderEntry{Entry: e, surfaces: make(map[string][]string)}
		b.entries[key] = be
	} else if e.Population > be.Population {
		be.Population = e.Population
	}
	for _, s := range surfaces {
		if commonWords[s] {
			continue
		}
		for _, v := range []string{s, asciiFold(s)} {
			if commonWords[v] {
				continue
			}
			toks := tokenize(v)
			if toks == nil {
				continue
			}
			be.surfaces[strings.Join(toks, " ")] = toks
		}
	}
}

// commonWords are English words that some source gives as a place name ("Island" for
// Iceland, "Guinea" stays): capitalized at the start of a sentence they would match.
var commonWords = map[string]bool{"Island": true}

// tokenize splits a name as the segmenter splits running text. A word is appended and
// dropped again so that a final abbreviation ("U.S.") is not read as a sentence end.
// It returns nil for names that cannot be stored (empty, too long, or holding the
// file's separators).
func tokenize(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "|\t\n()[]{}") || !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return nil
	}
	text := s + " and"
	var toks []string
	for _, sent := range segment.Split(text, 0, len(text), nil) {
		for _, t := range sent.Tokens {
			toks = append(toks, t.Text)
		}
	}
	if len(toks) < 2 || len(toks) > 13 {
		return nil
	}
	return toks[:len(toks)-1]
}

// asciiFold strips diacritics ("Sağyntaev" → "Sagyntaev", "Côte" → "Cote") so that
// names also match text written without them.
func asciiFold(s string) string {
	var out strings.Builder
	for _, c := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		if r, ok := foldLetters[c]; ok {
			out.WriteString(r)
			continue
		}
		out.WriteRune(c)
	}
	return out.String()
}

var foldLetters = map[rune]string{'ø': "o", 'Ø': "O", 'ß': "ss", 'ł': "l", 'Ł': "L", 'đ': "d",
	'Đ': "D", 'ı': "i", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'þ': "th", 'ð': "d"}

// latinName reports whether every letter of s is in the Latin script: names in other
// scripts are left out, since Herald reads English.
func latinName(s string) bool {
	letters := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			if !unicode.Is(unicode.Latin, c) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// functionWords stay lowercase inside a title-cased name.
var functionWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true,
	"in": true, "de": true, "del": true, "la": true, "le": true, "des": true, "du": true,
	"da": true, "do": true, "dos": true, "das": true, "et": true, "y": true, "to": true, "at": true}

// titleName turns an all-caps dictionary name with underscores ("UNITED_NATIONS_",
// "UN_SECURITY_COUNCIL") into how it is written ("United Nations", "UN Security
// Council"): acronyms, abbreviations and vowelless words keep their capitals, function
// words go lowercase.
func (b *builder) titleName(raw string) string {
	words := strings.Fields(strings.ReplaceAll(raw, "_", " "))
	if len(words) > 1 && words[0] == "THE" {
		// Mentions are tagged without the article: "the United Nations".
		words = words[1:]
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && functionWords[lw]:
			words[i] = lw
		case b.acronyms[w] || strings.Contains(w, ".") || !strings.ContainsAny(w, "AEIOUY") ||
			len(w) == 1 || len(words) == 1 && len(w) <= 3:
			// keep
		default:
			words[i] = capitalizeParts(lw)
		}
	}
	return strings.Join(words, " ")
}

// capitalizeParts capitalizes the first letter of a word and of each part after a
// hyphen: "guinea-bissau" → "Guinea-Bissau", "people's" → "People's".
func capitalizeParts(w string) string {
	rs := []rune(w)
	up := true
	for i, c := range rs {
		if up && unicode.IsLetter(c) {
			rs[i] = unicode.ToUpper(c)
			up = false
		}
		if c == '-' {
			up = true
		}
	}
	return string(rs)
}

// compile sorts everything into the deterministic order the file is written in.
func (b *builder) compile() *compiled {
	var c compiled
	for _, r := range b.countries {
		c.countries = append(c.countries, *r)
	}
	slices.SortFunc(c.countries, func(x, y countryRecord) int { return cmp.Compare(x.iso3, y.iso3) })
	for _, be := range b.entries {
		if len(be.surfaces) == 0 {
			continue
		}
		keys := make([]string, 0, len(be.surfaces))
		for k := range be.surfaces {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		se := surfacedEntry{Entry: be.Entry}
		for _, k := range keys {
			se.surfaces = append(se.surfaces, be.surfaces[k])
		}
		c.entries = append(c.entries, se)
	}
	slices.SortFunc(c.entries, func(x, y surfacedEntry) int {
		return cmp.Or(cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.Country, y.Country),
			cmp.Compare(x.Name, y.Name), cmp.Compare(x.Code, y.Code), cmp.Compare(x.Role, y.Role),
			cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End), cmp.Compare(x.ID, y.ID),
			cmp.Compare(x.Type, y.Type))
	})
	return &c
}

// sourceError names the file and line of a problem in a source.
func sourceError(path string, line int, err error) error {
	if line > 0 {
		return fmt.Errorf("%s:%d: %w", path, line, err)
	}
	return fmt.Errorf("%s: %w", path, err)
}
