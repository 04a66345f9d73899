package gazetteer

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"strings"
)

// readCAMEOCountries reads GDELT's CAMEO country table (CODE<TAB>LABEL), the set of
// three-letter codes CAMEO knows.
func (b *builder) readCAMEOCountries(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		code, _, ok := strings.Cut(sc.Text(), "\t")
		if !ok || line == 1 {
			continue
		}
		if len(code) != 3 {
			return sourceError(path, line, errors.New("country code is not three letters: "+code))
		}
		b.cameoCodes[code] = true
	}
	if err := sc.Err(); err != nil {
		return sourceError(path, line, err)
	}
	return nil
}

// mledozeCountry is the part of an mledoze/countries record that Build uses.
type mledozeCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	Independent  *bool    `json:"independent"`
	AltSpellings []string `json:"altSpellings"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// readMledoze reads mledoze/countries: names, alternate spellings and English demonyms.
// Two-letter alternate spellings are ISO codes ("KZ"), not names, and are skipped.
func (b *builder) readMledoze(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var countries []mledozeCountry
	if err := json.Unmarshal(data, &countries); err != nil {
		return sourceError(path, 0, err)
	}
	for _, c := range countries {
		if len(c.CCA3) != 3 || c.Name.Common == "" {
			continue
		}
		b.iso3[c.CCA3] = true
		if c.Independent == nil || !*c.Independent {
			b.dependent[c.CCA3] = true
		}
		b.iso3ByISO2[c.CCA2] = c.CCA3
		code := b.cameoCode(c.CCA3)
		names := []string{c.Name.Common, c.Name.Official}
		for _, alt := range c.AltSpellings {
			if len(alt) <= 2 || !latinName(alt) || strings.ContainsAny(alt, "0123456789") {
				continue
			}
			names = append(names, alt)
		}
		b.add(Entry{Kind: Country, Type: "GPE", Country: c.CCA3, Code: code, Name: c.Name.Common}, names...)
		rec := &countryRecord{iso3: c.CCA3, code: code, name: c.Name.Common}
		if d, ok := c.Demonyms["eng"]; ok && d.M != "" {
			rec.demonym = d.M
			b.addDemonym(c.CCA3, d.M, d.M, d.F)
		}
		b.countries[c.CCA3] = rec
	}
	return nil
}

// addDemonym adds demonym forms of a country with their plurals ("Kazakh" → "Kazakhs").
// The canonical name is the country's mledoze demonym when it has one.
func (b *builder) addDemonym(iso3, canonical string, forms ...string) {
	if r := b.countries[iso3]; r != nil && r.demonym != "" {
		canonical = r.demonym
	}
	var surfaces []string
	for _, f := range forms {
		if f == "" {
			continue
		}
		surfaces = append(surfaces, f)
		if p := plural(f); p != "" {
			surfaces = append(surfaces, p)
		}
	}
	b.add(Entry{Kind: Demonym, Type: "NORP", Country: iso3, Code: b.cameoCode(iso3), Name: canonical}, surfaces...)
}

// plural forms the plural of a demonym used as a noun ("Americans", "Kazakhs",
// "Pakistanis"), or "" for the adjectives that take none ("Chinese", "Swiss",
// "British", "French", "Dutch").
func plural(d string) string {
	l := strings.ToLower(d)
	for _, suffix := range []string{"ese", "s", "sh", "tch", "nch", "x", "z"} {
		if strings.HasSuffix(l, suffix) {
			return ""
		}
	}
	if strings.Contains(d, " ") && !strings.HasSuffix(l, "an") {
		return ""
	}
	return d + "s"
}

// readCountryInfo reads Schrodt's CountryInfo.txt: for each country its name, the
// <Nationality> list (adjectives first, then alternate names and misspellings), and the
// titles of the leaders in office at the file's last update, which name the roles of the
// Wikidata heads of state and government. Records keyed by CAMEO subunit codes
// ("CHNTIB") without an ISO3 code of their own are skipped.
func (b *builder) readCountryInfo(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	var (
		iso3, section, leaderTag string
		nationalityIndex         int
		current                  = map[string]bool{}
		line                     int
	)
	flush := func() {
		if iso3 != "" {
			b.setTitles(iso3, current)
		}
		current = map[string]bool{}
	}
	for sc.Scan() {
		line++
		text := strings.ReplaceAll(sc.Text(), "\x00", "")
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		trimmed := strings.TrimSpace(text)
		switch {
		case trimmed == "":
			continue
		case strings.HasPrefix(trimmed, "<CountryCode>"):
			flush()
			code := strings.TrimSuffix(strings.TrimPrefix(trimmed, "<CountryCode>"), "</CountryCode>")
			iso3 = ""
			if len(code) == 3 && b.iso3[isoFromCAMEO(code)] {
				iso3 = isoFromCAMEO(code)
			}
			section = ""
		case strings.HasPrefix(trimmed, "<ISO3166-alpha3>") && iso3 == "":
			code := strings.TrimSuffix(strings.TrimPrefix(trimmed, "<ISO3166-alpha3>"), "</ISO3166-alpha3>")
			if b.iso3[code] {
				iso3 = code
			}
		case strings.HasPrefix(trimmed, "<CountryName>"):
			raw := strings.TrimSuffix(strings.TrimPrefix(trimmed, "<CountryName>"), "</CountryName>")
			if iso3 != "" {
				b.addCountryName(iso3, b.titleName(raw))
			}
		case trimmed == "<Nationality>" || trimmed == "<Leaders>":
			section = trimmed
			nationalityIndex = 0
		case strings.HasPrefix(trimmed, "</"):
			if trimmed == "</Nationality>" || trimmed == "</Leaders>" {
				section = ""
			}
		case section == "<Leaders>" && strings.HasPrefix(trimmed, "<"):
			leaderTag = strings.ToLower(strings.Trim(trimmed, "<>"))
		case section == "<Leaders>":
			if strings.Contains(trimmed, "[>") {
				current[leaderTag] = true
			}
		case section == "<Nationality>" && iso3 != "":
			b.addNationality(iso3, trimmed, nationalityIndex)
			nationalityIndex++
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return sourceError(path, line, err)
	}
	return nil
}

func (b *builder) addCountryName(iso3 string, names ...string) {
	r := b.countries[iso3]
	if r == nil {
		return
	}
	b.add(Entry{Kind: Country, Type: "GPE", Country: iso3, Code: r.code, Name: r.name}, names...)
}

// addNationality files one <Nationality> line: the first is the adjective, later ones
// are adjectives when they end like one ("PUERTORRIQUENO", "UZBEKISTANI") and alternate
// names of the country otherwise ("KAZAKSTAN").
func (b *builder) addNationality(iso3, raw string, index int) {
	if strings.ContainsAny(raw, "(),0123456789") {
		return
	}
	name := b.titleName(raw)
	if name == "" || !latinName(name) {
		return
	}
	if index == 0 || adjectiveLike(raw) {
		b.addDemonym(iso3, name, name)
		return
	}
	b.addCountryName(iso3, name)
}

func adjectiveLike(raw string) bool {
	w := strings.TrimRight(strings.ToUpper(raw), "_ ")
	for _, s := range []string{"IAN", "EAN", "ESE", "ISH", "ANI", "ICAN", "ENO", "ENA", "INO", "INA", "IC", "I"} {
		if strings.HasSuffix(w, s) && !strings.HasSuffix(w, "IA") {
			return true
		}
	}
	return false
}

// setTitles derives the titles of a country's heads of state and government from the
// <Leaders> tags holding someone in office at the file's last update ("[>date]").
func (b *builder) setTitles(iso3 string, current map[string]bool) {
	var t leaderTitles
	for tag := range current {
		switch strings.TrimSuffix(tag, "s") {
		case "president":
			t.headOfState = "President"
		case "prime minister", "co-prime_minister":
			t.headOfGovernment = "Prime Minister"
		case "premier":
			if t.headOfGovernment == "" {
				t.headOfGovernment = "Premier"
			}
		case "chancellor":
			t.headOfGovernment = "Chancellor"
		}
	}
	if t.headOfState == "President" && t.headOfGovernment == "" {
		// A presidential system: the president heads the government too (USA).
		t.headOfGovernment = "President"
	}
	if t != (leaderTitles{}) {
		b.titles[iso3] = t
	}
}
