// Package gazetteer holds the compiled name lists that entity recognition and actor coding
// look names up in: countries and their alternate names, demonyms and nationality
// adjectives, capitals and major cities, international organizations (IGOs) with their
// CAMEO codes, and heads of state and government with their tenures.
//
// Build compiles them from the shared data (mledoze countries, CountryInfo, GeoNames
// cities15000, the PETRARCH2 Phoenix international actor dictionary, Wikidata leaders)
// into one file, gazetteer.bin (format.go), which is embedded in the binary; Embedded
// reads it. Names are stored as token sequences in UD English-EWT tokenization, made by
// the segment package itself, so that Match compares them with the tokens of a sentence
// as they are ("Kassym-Jomart" is Kassym - Jomart, "China's" is China 's).
//
// Matching is case-insensitive with case constraints taken from the stored name: a
// capitalized word must be capitalized in the text ("China", "CHINA", not "china"), an
// acronym must be all capitals ("US", never "us"), and a lowercase function word ("of",
// "the") may take any case. Match returns the longest name starting at a token, with all
// the entries that bear it: a name can be ambiguous ("Georgia"; "Singapore" the country
// and the capital).
package gazetteer

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind says which list an entry comes from.
type Kind uint8

const (
	Country     Kind = iota + 1 // a country or territory: "Kazakhstan", "Republic of Kazakhstan"
	Capital                     // a national capital: "Astana"
	City                        // a city of at least MinCityPopulation people
	Demonym                     // a nationality adjective or demonym: "Kazakh", "Kazakhs"
	IGO                         // an international organization: "United Nations"
	Leader                      // a head of state or government, one entry per tenure
	IGOOfficial                 // a person holding an office in an IGO, per the Phoenix dictionary
)

var kindNames = [...]string{"", "country", "capital", "city", "demonym", "igo", "leader", "igo-official"}

// String names the kind as the gazetteer file writes it.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Entry is one referent a name can point to.
type Entry struct {
	Kind Kind
	// Type is the entity type: GPE (countries, capitals, cities), NORP (demonyms), ORG
	// (IGOs), PERSON (leaders and IGO officials).
	Type string
	// Country is the ISO 3166-1 alpha-3 code of the entry's country ("KAZ"); empty for
	// IGOs.
	Country string
	// Code is the CAMEO actor code when one is known: the country code (CAMEO's ISO3
	// variant: ROM for Romania) for places and demonyms, the IGO code (IGOUNO) for
	// organizations and their officials, country+GOV (KAZGOV) for leaders.
	Code string
	// Name is the canonical name: "China", "Kazakhstani", "United Nations",
	// "Kassym-Jomart Tokayev".
	Name string
	// Role is a leader's title: "President", "Prime Minister", "Premier", "Chancellor",
	// else "head of state" or "head of government".
	Role string
	// Start and End bound a leader's or IGO official's tenure (YYYY-MM-DD); an empty
	// End means still in office when the data was compiled, an empty Start unknown.
	Start, End string
	// ID is the source's identifier: the Wikidata QID of a leader, the GeoNames id of a
	// city.
	ID string
	// Population is a city's population (GeoNames), 0 for other kinds.
	Population int32
}

// InOffice reports whether the tenure covers date (YYYY-MM-DD): Start <= date < End,
// with empty bounds open. An empty date is always covered.
func (e *Entry) InOffice(date string) bool {
	if date == "" {
		return true
	}
	return (e.Start == "" || e.Start <= date) && (e.End == "" || date < e.End)
}

// MinCityPopulation is the population from which a non-capital city is listed.
const MinCityPopulation = 100_000

// caseRule constrains how a stored name token may be written in text.
type caseRule uint8

const (
	anyCase      caseRule = iota // function words: "of", "the", "'s", "-"
	initialUpper                 // "China", "CHINA"
	allCaps                      // acronyms: "US", "NATO", "U.N."
)

// name is one surface form: its tokens, the case rule of each, and the entries it
// names, a slice of the gazetteer's entry arena.
type name struct {
	tokens  []string
	rules   []caseRule
	entries []Entry
}

type countryNames struct {
	name, demonym, code string
}

// Gazetteer is the compiled name lists. It is read-only once read, so one value is
// shared by all goroutines.
type Gazetteer struct {
	names []name
	// byFirst maps the folded hash of a name's first token to the names that start with
	// it, longest first.
	byFirst map[uint64][]int32
	// firsts has a bit set for the folded hash of every name's first token (see
	// firstBit): most words of a text start no name, and a clear bit, in a 64 KB array
	// that stays in cache, says so without a miss in byFirst.
	firsts []uint64
	// leaders holds every Leader entry; leadersByName and leadersBySurname index it by
	// folded full name and by folded last token.
	leaders          []Entry
	leadersByName    map[string][]int32
	leadersBySurname map[string][]int32
	// countries maps ISO3 and CAMEO country codes to the canonical name and demonym.
	countries map[string]countryNames
}

//go:embed gazetteer.bin
var embeddedFile string

// EmbeddedFile is the name of the compiled file embedded in the package, as errors cite it.
const EmbeddedFile = "gazetteer.bin"

// Embedded returns the gazetteer embedded in the binary, read on the first call; every
// call returns the same Gazetteer. It is safe for concurrent use.
func Embedded() (*Gazetteer, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Gazetteer, error) {
	g, err := decode(embeddedFile)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", EmbeddedFile, err)
	}
	return g, nil
})

// Match finds the longest name that starts at words[i] and returns its length in tokens
// with the entries it names, most prominent first (countries, capitals, cities by
// population, demonyms, IGOs, people). It returns 0, nil when no name starts there.
// The entries slice belongs to the gazetteer: do not modify it. Match does not allocate.
func (g *Gazetteer) Match(words []string, i int) (n int, entries []Entry) {
	return g.match(words, i, true)
}

// MatchAnyCase is Match without the case constraints: "china" and "us" match too. It
// suits recognizer features on text that ignores case, not direct tagging.
func (g *Gazetteer) MatchAnyCase(words []string, i int) (n int, entries []Entry) {
	return g.match(words, i, false)
}

func (g *Gazetteer) match(words []string, i int, strict bool) (int, []Entry) {
	if g == nil || i < 0 || i >= len(words) {
		return 0, nil
	}
	h := foldHash(words[i])
	if b := firstBit(h); len(g.firsts) > 0 && g.firsts[b/64]&(1<<(b%64)) == 0 {
		return 0, nil
	}
	for _, ni := range g.byFirst[h] {
		nm := &g.names[ni]
		if i+len(nm.tokens) > len(words) {
			continue
		}
		ok := true
		for k, tok := range nm.tokens {
			w := words[i+k]
			if !equalFold(w, tok) || strict && !nm.rules[k].allows(w) {
				ok = false
				break
			}
		}
		if ok {
			return len(nm.tokens), nm.entries
		}
	}
	return 0, nil
}

// Leaders returns the heads of state and government who held office at date
// (YYYY-MM-DD; empty for any date) under name: a full name as the gazetteer knows it
// ("Kassym-Jomart Tokayev", spaced as in text or as tokens) or, failing that, a surname
// ("Tokayev"). The result is newly allocated.
func (g *Gazetteer) Leaders(name, date string) []Entry {
	if g == nil {
		return nil
	}
	key := leaderKey(name)
	idx := g.leadersByName[key]
	if len(idx) == 0 {
		idx = g.leadersBySurname[key]
	}
	var out []Entry
	for _, i := range idx {
		if e := g.leaders[i]; e.InOffice(date) {
			out = append(out, e)
		}
	}
	return out
}

// CurrentLeader picks, among entries (as Match or Leaders return them), the leader in
// office at date. When one person holds several offices at once, a titled office
// ("President") beats a generic one ("head of state"): Emmanuel Macron is France's
// President and, ex officio, a co-prince of Andorra. It returns nil when none is in
// office.
func CurrentLeader(entries []Entry, date string) *Entry {
	var best *Entry
	for k := range entries {
		e := &entries[k]
		if e.Kind != Leader || !e.InOffice(date) {
			continue
		}
		if best == nil || generic(best.Role) && !generic(e.Role) {
			best = e
		}
	}
	return best
}

// FormerLeader returns the latest tenure among entries that ended before date, when no
// tenure covers date; nil otherwise.
func FormerLeader(entries []Entry, date string) *Entry {
	if date == "" || CurrentLeader(entries, date) != nil {
		return nil
	}
	var last *Entry
	for k := range entries {
		e := &entries[k]
		if e.Kind == Leader && e.End != "" && e.End <= date && (last == nil || e.End > last.End) {
			last = e
		}
	}
	return last
}

func generic(role string) bool {
	return role == "head of state" || role == "head of government" || role == ""
}

// Country returns the canonical name and demonym of a country given by its ISO3 or CAMEO
// code ("KAZ" → "Kazakhstan", "Kazakhstani"; "ROM" and "ROU" → "Romania", "Romanian").
func (g *Gazetteer) Country(code string) (name, demonym string, ok bool) {
	if g == nil {
		return "", "", false
	}
	c, ok := g.countries[code]
	return c.name, c.demonym, ok
}

// CAMEO returns the CAMEO country code of a country given by its ISO3 or CAMEO code
// ("ROU" and "ROM" → "ROM"; "KAZ" → "KAZ"), or "" for an unknown country.
func (g *Gazetteer) CAMEO(code string) string {
	if g == nil {
		return ""
	}
	c, ok := g.countries[code]
	if !ok {
		return ""
	}
	if c.code == "" {
		return code
	}
	return c.code
}

// Len is the number of distinct names (surface forms) in the gazetteer.
func (g *Gazetteer) Len() int { return len(g.names) }

func (r caseRule) allows(w string) bool {
	switch r {
	case initialUpper:
		c, _ := utf8.DecodeRuneInString(w)
		return !unicode.IsLower(c)
	case allCaps:
		for _, c := range w {
			if unicode.IsLower(c) {
				return false
			}
		}
	}
	return true
}

// ruleOf derives the case rule of a stored token from how it is written.
func ruleOf(tok string) caseRule {
	upper, lower := 0, 0
	for _, c := range tok {
		switch {
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLower(c):
			lower++
		}
	}
	first, _ := utf8.DecodeRuneInString(tok)
	switch {
	case upper == 0 || unicode.IsLower(first):
		// Lowercase words and particles like "d'Ivoire", "al-" may be written either way.
		return anyCase
	case lower == 0 && (upper > 1 || strings.ContainsRune(tok, '.')):
		return allCaps
	default:
		return initialUpper
	}
}

// foldRune is the case and apostrophe folding shared by hashing and comparison, so that
// "People’s" and "PEOPLE'S" meet.
func foldRune(c rune) rune {
	if c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	switch c {
	case '’', 'ʼ', '‘':
		return '\''
	case '‐', '‑', '–':
		return '-'
	}
	return unicode.ToLower(c)
}

// foldHash is FNV-1a over the folded runes of s; it does not allocate.
// firstBits is the size of Gazetteer.firsts in bits: 2^19, for about 21,000 first
// tokens, lets through 4% of the words that start no name.
const firstBits = 1 << 19

// firstBit is the bit of Gazetteer.firsts for a folded hash: its top bits after a
// multiplication, as FNV's low bits are the weaker ones.
func firstBit(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> (64 - 19) }

func foldHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range s {
		c = foldRune(c)
		if c < utf8.RuneSelf {
			h = (h ^ uint64(c)) * 1099511628211
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], c)
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * 1099511628211
		}
	}
	return h
}

func equalFold(a, b string) bool {
	for a != "" && b != "" {
		ca, na := utf8.DecodeRuneInString(a)
		cb, nb := utf8.DecodeRuneInString(b)
		if ca != cb && foldRune(ca) != foldRune(cb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == b
}

// leaderKey folds a person's name and drops its spaces, so that "Kassym-Jomart Tokayev"
// as written and "Kassym - Jomart Tokayev" as tokens give one key.
func leaderKey(s string) string {
	var b strings.Builder
	for _, c := range s {
		if !unicode.IsSpace(c) {
			b.WriteRune(foldRune(c))
		}
	}
	return b.String()
}

// foldKey joins folded tokens with spaces: the key of a name in maps.
func foldKey(tokens []string) string {
	var b strings.Builder
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, c := range t {
			b.WriteRune(foldRune(c))
		}
	}
	return b.String()
}
