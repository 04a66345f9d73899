// Package cameo is the CAMEO codebook: what each event code means (name, root, QuadClass,
// Goldstein score), its PLOVER event, mode and context, and the GDELT lookup tables that
// split a CAMEO actor code ("KAZGOV", "IGOUNO") into its country, known-group, ethnic,
// religion and type parts. The event coder reads it to fill an event's metadata; the GDELT
// and PLOVER writers read it to fill their columns.
//
// The codebook is compiled by Build (`herald build-codebook`) from GDELT's CAMEO lookup
// tables, the PLOVER project's CAMEO2PLOVER-2021 crosswalk and GeoNames' countryInfo, into
// one small text file that is embedded in the binary (see File for its format).
//
// Lookup resolves the codes PETRARCH-style coders emit that are not in the table: a code
// with a trailing letter ("174L"), or a leaf the table lacks ("0951"), resolves to its
// longest known prefix, and the Entry says so with Fallback. A code with no known prefix
// of at least two digits ("---", "903") is not found.
package cameo

import (
	_ "embed"
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"
	"sync"

	"herald/document"
	"herald/learn"
)

// File is the name of the compiled codebook embedded in the package.
//
// It follows learn's model-file convention, with a payload of UTF-8 text, tab-separated,
// one record a line, so that it diffs and reads in a pager:
//
//	HERALD cameo 2
//	# comment lines
//	E code quad goldstein plover-event plover-mode plover-context name
//	A kind CODE label          (kind: country, knowngroup, ethnic, religion, type)
//	C ISO3 ISO2 FIPS name      (GeoNames countries, plus CAMEO's own country codes)
//
// PLOVER contexts that the crosswalk lists several of are joined with ";".
const File = "codebook.tsv"

const (
	fileKind    = "cameo"
	fileVersion = 2
)

//go:embed codebook.tsv
var embeddedFile string

// Entry is what the codebook knows about one CAMEO event code.
type Entry struct {
	// Code is the code the entry describes: the code looked up, or with Fallback its
	// longest prefix that the codebook knows.
	Code string
	// Root is the two-digit cue category ("04"); Base the three-digit code ("043"), or
	// Code itself for a root.
	Root, Base string
	Name       string
	// Quad is the QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal
	// conflict, 4 material conflict.
	Quad      int
	Goldstein float64
	// PLOVER is empty for the CAMEO 01 (statements) and 02 (appeals) families, which
	// PLOVER dropped.
	PLOVER document.PLOVER
	// Fallback says the code looked up is not in the codebook and Code is its longest
	// known prefix: its metadata are those of the more general code.
	Fallback bool
}

// Actor kinds: the GDELT lookup table a three-letter part of an actor code comes from.
const (
	KindCountry    = "country"
	KindKnownGroup = "knowngroup"
	KindEthnic     = "ethnic"
	KindReligion   = "religion"
	KindType       = "type"
)

var kinds = []string{KindCountry, KindKnownGroup, KindEthnic, KindReligion, KindType}

// Country is a country as GeoNames codes it, for output formats that want ISO alpha-2 or
// FIPS 10-4 codes (GDELT's geography columns use FIPS).
type Country struct {
	ISO3, ISO2, FIPS, Name string
}

// Codebook holds the compiled tables. It is read-only once read, so safe to share.
type Codebook struct {
	events    map[string]Entry
	codes     []string // event codes in file order
	actors    map[string]map[string]string
	countries map[string]Country
	// Source says what the codebook was compiled from.
	Source string
}

// Embedded returns the codebook embedded in the binary, read on the first call; every
// call returns the same Codebook. It is safe for concurrent use.
func Embedded() (*Codebook, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Codebook, error) {
	c, err := decode(embeddedFile)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	return c, nil
})

// Read decodes a compiled codebook. Errors name the line.
func Read(r io.Reader) (*Codebook, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("cameo: %w", err)
	}
	return decode(data)
}

// decode reads the codebook held in data; its strings are substrings of data.
func decode(data string) (*Codebook, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	text := d.Raw(d.Left(), "codebook")
	c := &Codebook{
		events:    make(map[string]Entry),
		actors:    make(map[string]map[string]string),
		countries: make(map[string]Country),
	}
	for _, k := range kinds {
		c.actors[k] = make(map[string]string)
	}
	for line := 2; text != ""; line++ {
		var rec string
		rec, text, _ = strings.Cut(text, "\n")
		if rec == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(rec, "# source: "); ok {
			c.Source = rest
			continue
		}
		if rec[0] == '#' {
			continue
		}
		f := strings.Split(rec, "\t")
		bad := func(why string) error { return fmt.Errorf("%w: cameo, line %d: %s", learn.ErrFormat, line, why) }
		switch f[0] {
		case "E":
			if len(f) != 8 {
				return nil, bad("want 8 fields in an E record")
			}
			code := f[1]
			if len(code) < 2 || len(code) > 4 || !allDigits(code) {
				return nil, bad("bad event code " + strconv.Quote(code))
			}
			quad, err := strconv.Atoi(f[2])
			if err != nil || quad < 1 || quad > 4 {
				return nil, bad("bad QuadClass " + strconv.Quote(f[2]))
			}
			g, err := strconv.ParseFloat(f[3], 64)
			if err != nil || g < -10 || g > 10 {
				return nil, bad("bad Goldstein score " + strconv.Quote(f[3]))
			}
			if _, dup := c.events[code]; dup {
				return nil, bad("duplicate event code " + code)
			}
			base := code
			if len(code) > 3 {
				base = code[:3]
			}
			c.events[code] = Entry{Code: code, Root: code[:2], Base: base, Name: f[7], Quad: quad, Goldstein: g,
				PLOVER: document.PLOVER{Event: f[4], Mode: f[5], Context: f[6]}}
			c.codes = append(c.codes, code)
		case "A":
			if len(f) != 4 {
				return nil, bad("want 4 fields in an A record")
			}
			m, ok := c.actors[f[1]]
			if !ok {
				return nil, bad("unknown actor kind " + strconv.Quote(f[1]))
			}
			if len(f[2]) != 3 {
				return nil, bad("actor code " + strconv.Quote(f[2]) + " is not three letters")
			}
			m[f[2]] = f[3]
		case "C":
			if len(f) != 5 {
				return nil, bad("want 5 fields in a C record")
			}
			c.countries[f[1]] = Country{ISO3: f[1], ISO2: f[2], FIPS: f[3], Name: f[4]}
		default:
			return nil, bad("unknown record " + strconv.Quote(f[0]))
		}
	}
	return c, nil
}

// Lookup returns what the codebook knows about an event code. A code it does not hold
// falls back to its longest known prefix of two digits or more, after dropping anything
// from the first non-digit ("174L" → "174", "0951" → "095", "095" → "09"), and the Entry
// says so with Fallback. ok is false when no prefix is known ("", "---", "903").
func (c *Codebook) Lookup(code string) (e Entry, ok bool) {
	code = strings.TrimSpace(code)
	digits := code
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			digits = code[:i]
			break
		}
	}
	for n := min(len(digits), 4); n >= 2; n-- {
		if e, ok := c.events[digits[:n]]; ok {
			e.Fallback = n != len(code)
			return e, true
		}
	}
	return Entry{}, false
}

// Codes lists the event codes of the codebook in CAMEO order.
func (c *Codebook) Codes() []string { return append([]string(nil), c.codes...) }

// Label names a three-letter actor code part of the given kind (KindCountry …); ok is
// false when that table lacks it.
func (c *Codebook) Label(kind, code string) (label string, ok bool) {
	label, ok = c.actors[kind][code]
	return label, ok
}

// Country looks up a country by ISO 3166 alpha-3 code, or by one of CAMEO's own codes
// for it (ROM for Romania, TMP for East Timor, IMY for the Isle of Man, MTN for
// Montenegro).
func (c *Codebook) Country(code string) (Country, bool) {
	k, ok := c.countries[code]
	return k, ok
}

// ActorParts is a CAMEO actor code broken into the fields of the GDELT 2.0 event table.
type ActorParts struct {
	Country, KnownGroup, Ethnic string
	Religion1, Religion2        string
	Type1, Type2, Type3         string
}

// SplitActor breaks a CAMEO actor code into GDELT's fields, reading it three characters
// at a time against GDELT's lookup tables, as GDELT does. The first part is taken as a
// country (or region) when the country table has it; a later part is tried as a known
// group, a type, a religion and only then a country, so that "IGOEUREEC" gives type IGO,
// region EUR and known group EEC, and "IGOUNO" known group UNO (which GDELT's type table
// lists too, but its codebook names the United Nations as a known group). Ethnic codes are lower case in GDELT's table and match
// only when written so, since upper-case ethnic codes would shadow countries and
// religions (CHN, JEW). Parts no table knows ("---", "HOB") are skipped; a field already
// filled keeps its first value.
func (c *Codebook) SplitActor(code string) ActorParts {
	var p ActorParts
	set := func(f *string, v string) bool {
		if *f == "" {
			*f = v
			return true
		}
		return false
	}
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		if _, ok := c.actors[KindEthnic][part]; ok && part != strings.ToUpper(part) {
			set(&p.Ethnic, part)
			continue
		}
		order := []string{KindKnownGroup, KindType, KindReligion, KindCountry}
		if i == 0 {
			order = []string{KindCountry, KindKnownGroup, KindType, KindReligion}
		}
		for _, k := range order {
			if _, ok := c.actors[k][part]; !ok {
				continue
			}
			switch k {
			case KindCountry:
				set(&p.Country, part)
			case KindKnownGroup:
				set(&p.KnownGroup, part)
			case KindReligion:
				_ = set(&p.Religion1, part) || set(&p.Religion2, part)
			case KindType:
				_ = set(&p.Type1, part) || set(&p.Type2, part) || set(&p.Type3, part)
			}
			break
		}
	}
	return p
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Labels returns a copy of one of the actor-code tables (KindCountry …): three-letter
// code → label. It is nil for an unknown kind.
func (c *Codebook) Labels(kind string) map[string]string {
	return maps.Clone(c.actors[kind])
}
