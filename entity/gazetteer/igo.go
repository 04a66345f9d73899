package gazetteer

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
)

// The PETRARCH actor dictionary format (PETRARCH2 docs/source/dictionaries.rst): an
// entry is a name line, optional "+synonym" lines, and codes in brackets, on the name
// line or on lines of their own ("[IGOUNO]", "[IGOUNO 970101-061231]", "[IGOUNO >070201]",
// "[KORGOV <061231]"); words are joined by underscores and a trailing underscore marks
// a whole word; "#" starts a comment. A name line without codes is continued by the
// next names until codes come.

// phoenixCode matches one bracketed code with an optional date restriction.
var phoenixCode = regexp.MustCompile(`\[\s*([A-Z-]+)\s*([<>]?\s*\d*)\s*(?:-\s*(\d+))?\s*\]`)

type phoenixGroup struct {
	names []string // raw, underscores and all
	codes []phoenixCodeRange
}

type phoenixCodeRange struct {
	code, start, end string
}

// igoOrgWords mark a name as an organization rather than a person.
var igoOrgWords = wordSet("ORGANIZATION ORGANISATION UNION NATIONS COUNCIL COMMISSION BANK FUND " +
	"AGENCY COURT TRIBUNAL ASSOCIATION COMMUNITY LEAGUE GROUP SECRETARIAT PANEL PROGRAM " +
	"PROGRAMME CONFERENCE FORUM PARLIAMENT MISSION AUTHORITY TREATY PARTNERSHIP COALITION " +
	"STATES FEDERATION COMMONWEALTH COOPERATION CO-OPERATION OFFICE INSTITUTE CENTRE CENTER " +
	"ASSEMBLY COMMITTEE BOARD DEPARTMENT FORCE FORCES AREA INITIATIVE PACT ALLIANCE UN U.N. " +
	"EU NATO ORGANIZATIONS AGREEMENT SYSTEM MARKET DIVISION")

// igoRoleWords mark a name as a title or a group of people ("UN_SECRETARY_GENERAL",
// "ASEAN_DEFENSE_MINISTERS"): not a named entity, so left out.
var igoRoleWords = wordSet("SECRETARY SECRETARY-GENERAL CHIEF PRESIDENT REPRESENTATIVE ENVOY " +
	"RAPPORTEUR PEACEKEEPER PEACEKEEPERS MONITOR MONITORS MINISTERS MINISTER COUNTRIES OFFICIAL " +
	"OFFICIALS SPOKESMAN SPOKESWOMAN DIRECTOR COMMISSIONER HEAD CHAIRMAN DELEGATION TROOPS " +
	"SOLDIERS OBSERVERS INSPECTORS STAFF MEMBERS MEMBER SECY SEC. CONTINGENT")

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// readPhoenixIGOs reads the IGO entries of Phoenix.International.actors.txt: the groups
// with at least one code starting "IGO". Organizations become IGO entries (type ORG)
// under their first IGO code; people become IGOOfficial entries, one per dated code.
func (b *builder) readPhoenixIGOs(path string) error {
	groups, err := readPhoenixGroups(path)
	if err != nil {
		return err
	}
	// Single-word organization names are acronyms ("NATO", "UN"): collect them first so
	// that title-casing keeps them in capitals inside longer names ("UN Security Council").
	for _, g := range groups {
		for _, n := range g.names {
			w := strings.Trim(n, "_ ")
			if !strings.ContainsAny(w, "_ ") && len(w) <= 6 && hasIGOCode(g) {
				b.acronyms[w] = true
			}
		}
	}
	fullNames := make(map[string][]string) // IGO code → multi-word organization names
	type orgGroup struct {
		names []string
		code  string
	}
	var orgs []orgGroup
	for _, g := range groups {
		if !hasIGOCode(g) {
			continue
		}
		var names []string
		org := false
		for _, raw := range g.names {
			words := strings.Fields(strings.ToUpper(strings.ReplaceAll(strings.Trim(raw, "_ "), "_", " ")))
			if len(words) > 0 && words[0] == "THE" {
				words = words[1:]
			}
			if len(words) == 0 || anyIn(words, igoRoleWords) {
				continue
			}
			if anyIn(words, igoOrgWords) || len(words) == 1 && !dated(g) {
				org = true
			}
			names = append(names, b.titleName(strings.Join(words, " ")))
		}
		if len(names) == 0 {
			continue
		}
		if !org {
			for _, c := range g.codes {
				if strings.HasPrefix(c.code, "IGO") {
					b.add(Entry{Kind: IGOOfficial, Type: "PERSON", Code: c.code, Name: names[0],
						Start: c.start, End: c.end}, names...)
				}
			}
			continue
		}
		code := ""
		for _, c := range g.codes {
			if strings.HasPrefix(c.code, "IGO") {
				code = c.code
				break
			}
		}
		if strings.Contains(names[0], " ") && !slices.Contains(fullNames[code], names[0]) {
			fullNames[code] = append(fullNames[code], names[0])
		}
		orgs = append(orgs, orgGroup{names, code})
	}
	for _, o := range orgs {
		canonical := o.names[0]
		// An acronym-only group takes the full name of its code when only one
		// organization bears that code: "IAEA" is the International Atomic Energy Agency,
		// but "MONUC" is not the United Nations though both are coded IGOUNO.
		if !strings.Contains(canonical, " ") && len(fullNames[o.code]) == 1 {
			canonical = fullNames[o.code][0]
		}
		b.add(Entry{Kind: IGO, Type: "ORG", Code: o.code, Name: canonical}, o.names...)
	}
	return nil
}

// dated reports whether a group's IGO codes carry dates, as people's tenures do.
func dated(g phoenixGroup) bool {
	for _, c := range g.codes {
		if strings.HasPrefix(c.code, "IGO") && (c.start != "" || c.end != "") {
			return true
		}
	}
	return false
}

func hasIGOCode(g phoenixGroup) bool {
	for _, c := range g.codes {
		if strings.HasPrefix(c.code, "IGO") {
			return true
		}
	}
	return false
}

func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// readPhoenixGroups splits a PETRARCH actor dictionary into entries.
func readPhoenixGroups(path string) ([]phoenixGroup, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	var groups []phoenixGroup
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		name, codes, _ := strings.Cut(text, "[")
		if codes != "" {
			codes = "[" + codes
		}
		name = strings.TrimSpace(name)
		parsed := parsePhoenixCodes(codes)
		switch {
		case strings.HasPrefix(name, "+") && len(groups) > 0:
			g := &groups[len(groups)-1]
			g.names = append(g.names, strings.TrimPrefix(name, "+"))
			g.codes = append(g.codes, parsed...)
		case name == "" && len(groups) > 0:
			g := &groups[len(groups)-1]
			g.codes = append(g.codes, parsed...)
		case name != "" && len(groups) > 0 && len(groups[len(groups)-1].codes) == 0:
			// The previous name had no codes yet: this name continues its entry.
			g := &groups[len(groups)-1]
			g.names = append(g.names, name)
			g.codes = append(g.codes, parsed...)
		case name != "":
			groups = append(groups, phoenixGroup{names: []string{name}, codes: parsed})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, sourceError(path, line, err)
	}
	return groups, nil
}

func parsePhoenixCodes(s string) []phoenixCodeRange {
	var out []phoenixCodeRange
	for _, m := range phoenixCode.FindAllStringSubmatch(s, -1) {
		r := phoenixCodeRange{code: m[1]}
		from := strings.TrimSpace(m[2])
		switch {
		case strings.HasPrefix(from, ">"):
			r.start = phoenixDate(strings.TrimSpace(from[1:]))
		case strings.HasPrefix(from, "<"):
			r.end = phoenixDate(strings.TrimSpace(from[1:]))
		default:
			r.start = phoenixDate(from)
			r.end = phoenixDate(m[3])
		}
		out = append(out, r)
	}
	return out
}

// phoenixDate turns a dictionary date (YYMMDD, or YYYYMMDD) into YYYY-MM-DD; two-digit
// years up to 30 are 20xx. Malformed dates give "".
func phoenixDate(s string) string {
	switch len(s) {
	case 6:
		century := "19"
		if s[:2] <= "30" {
			century = "20"
		}
		s = century + s
	case 8:
	default:
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return ""
		}
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:]
}
