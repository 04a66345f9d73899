package cameo

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"herald/document"
	"herald/learn"
)

// Source files under the shared data directory, in the order Build reads them.
const (
	sourceEvents     = "cameo/cameo_eventcodes_goldstein_quad.tsv"
	sourceCrosswalk  = "cameo/plover/CAMEO2PLOVER-2021.txt"
	sourceCountry    = "cameo/gdelt-lookups/CAMEO.country.derived.txt"
	sourceKnownGroup = "cameo/gdelt-lookups/CAMEO.knowngroup.txt"
	sourceEthnic     = "cameo/gdelt-lookups/CAMEO.ethnic.txt"
	sourceReligion   = "cameo/gdelt-lookups/CAMEO.religion.txt"
	sourceType       = "cameo/gdelt-lookups/CAMEO.type.txt"
	sourceCountries  = "geo/countryInfo.txt"
)

// SourceFiles lists the files under the data directory that Build reads (their credits
// go in NOTICE).
func SourceFiles() []string {
	return []string{sourceEvents, sourceCrosswalk, sourceCountry, sourceKnownGroup,
		sourceEthnic, sourceReligion, sourceType, sourceCountries}
}

// cameoCountryAliases are the country codes in which CAMEO departs from ISO 3166, so that
// Country finds FIPS and alpha-2 codes for actor codes too.
var cameoCountryAliases = [][2]string{{"IMY", "IMN"}, {"MTN", "MNE"}, {"ROM", "ROU"}, {"TMP", "TLS"}}

type eventRow struct {
	code, name string
	quad       int
	goldstein  float64
	plover     document.PLOVER
}

type actorRow struct{ kind, code, label string }

// Build compiles the codebook from dataDir (the shared data directory, e.g.
// ../shared/data) and writes it to w. The same data gives the same bytes. Notes are what
// Build read past and a maintainer should know about: crosswalk entries for codes that
// GDELT's table lacks, conflicting duplicates (the first wins).
func Build(dataDir string, w io.Writer) (notes []string, err error) {
	open := func(name string) (*os.File, string, error) {
		path := filepath.Join(dataDir, filepath.FromSlash(name))
		f, err := os.Open(path)
		return f, path, err
	}
	f, path, err := open(sourceEvents)
	if err != nil {
		return nil, err
	}
	events, err := readEventTable(f, path)
	f.Close()
	if err != nil {
		return nil, err
	}
	f, path, err = open(sourceCrosswalk)
	if err != nil {
		return nil, err
	}
	cwPath := path
	crosswalk, cwNotes, err := readCrosswalk(f, path)
	f.Close()
	notes = append(notes, cwNotes...)
	if err != nil {
		return notes, err
	}
	known := make(map[string]bool, len(events))
	for i := range events {
		e := &events[i]
		known[e.code] = true
		// The crosswalk covers every code of roots 03-20; a code it lacked would take its
		// nearest mapped ancestor's class. Roots 01 and 02 stay empty: PLOVER dropped them.
		for n := len(e.code); n >= 2; n-- {
			if p, ok := crosswalk[e.code[:n]]; ok {
				e.plover = p
				if n != len(e.code) {
					notes = append(notes, fmt.Sprintf("%s: no entry for %s; using %s's", cwPath, e.code, e.code[:n]))
				}
				break
			}
		}
	}
	for _, code := range slices.Sorted(maps.Keys(crosswalk)) {
		if !known[code] {
			notes = append(notes, fmt.Sprintf("%s: %s is not an event code of %s; left out", cwPath, code, sourceEvents))
		}
	}

	var actors []actorRow
	for _, t := range []struct{ kind, file string }{
		{KindCountry, sourceCountry}, {KindKnownGroup, sourceKnownGroup}, {KindEthnic, sourceEthnic},
		{KindReligion, sourceReligion}, {KindType, sourceType},
	} {
		f, path, err := open(t.file)
		if err != nil {
			return notes, err
		}
		rows, ns, err := readLookup(f, path, t.kind)
		f.Close()
		notes = append(notes, ns...)
		if err != nil {
			return notes, err
		}
		actors = append(actors, rows...)
	}

	f, path, err = open(sourceCountries)
	if err != nil {
		return notes, err
	}
	countries, err := readCountryInfo(f, path)
	f.Close()
	if err != nil {
		return notes, err
	}
	for _, a := range cameoCountryAliases {
		if k, ok := countries[a[1]]; ok {
			k.ISO3 = a[0]
			countries[a[0]] = k
		}
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(learn.Header(fileKind, fileVersion))
	fmt.Fprintf(bw, "# source: %s\n", strings.Join(SourceFiles(), ", "))
	fmt.Fprintln(bw, "# Compiled by `herald build-codebook`. GDELT lookup tables (open, with attribution);")
	fmt.Fprintln(bw, "# CAMEO2PLOVER-2021 (Open Event Data Alliance, CC BY-SA 4.0); GeoNames countryInfo")
	fmt.Fprintln(bw, "# (CC BY 4.0). Shared under CC BY-SA 4.0: see NOTICE.")
	for _, e := range events {
		fmt.Fprintf(bw, "E\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", e.code, e.quad, strconv.FormatFloat(e.goldstein, 'f', -1, 64),
			e.plover.Event, e.plover.Mode, e.plover.Context, e.name)
	}
	for _, a := range actors {
		fmt.Fprintf(bw, "A\t%s\t%s\t%s\n", a.kind, a.code, a.label)
	}
	for _, code := range slices.Sorted(maps.Keys(countries)) {
		k := countries[code]
		fmt.Fprintf(bw, "C\t%s\t%s\t%s\t%s\n", k.ISO3, k.ISO2, k.FIPS, k.Name)
	}
	return notes, bw.Flush()
}

// readEventTable reads the joined GDELT table of event codes: code, root, level,
// QuadClass, Goldstein score and name, with a header row.
func readEventTable(r io.Reader, path string) ([]eventRow, error) {
	var rows []eventRow
	seen := make(map[string]bool)
	err := eachLine(r, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if n == 1 {
			if line != "code\troot\tlevel\tquadclass\tgoldstein\tname" {
				return fmt.Errorf("%s:1: unexpected header %q", path, line)
			}
			return nil
		}
		if strings.TrimSpace(line) == "" {
			return nil
		}
		if len(f) != 6 {
			return fmt.Errorf("%s:%d: want 6 tab-separated fields, got %d", path, n, len(f))
		}
		code := f[0]
		if len(code) < 2 || len(code) > 4 || !allDigits(code) || f[1] != code[:2] {
			return fmt.Errorf("%s:%d: bad event code %q (root %q)", path, n, code, f[1])
		}
		quad, err := strconv.Atoi(f[3])
		if err != nil || quad < 1 || quad > 4 {
			return fmt.Errorf("%s:%d: bad QuadClass %q", path, n, f[3])
		}
		g, err := strconv.ParseFloat(f[4], 64)
		if err != nil || g < -10 || g > 10 {
			return fmt.Errorf("%s:%d: bad Goldstein score %q", path, n, f[4])
		}
		if seen[code] {
			return fmt.Errorf("%s:%d: duplicate event code %s", path, n, code)
		}
		seen[code] = true
		rows = append(rows, eventRow{code: code, name: oneField(f[5]), quad: quad, goldstein: g})
		return nil
	})
	if err == nil && len(rows) == 0 {
		err = fmt.Errorf("%s: no event codes", path)
	}
	return rows, err
}

// readCrosswalk reads the PLOVER project's CAMEO2PLOVER table. Each line maps one code:
//
//	0841: RETREAT, release,   legal # Return, release person(s)
//	03: AGREE
//
// that is CODE ':' EVENT [',' MODE [',' CONTEXT]], then an optional '#' comment (the
// CAMEO name, sometimes an editor's note). Fields carry stray spaces ("access ,"), a
// context may list several values separated by ';' ("crime; corruption"), which come out
// joined by ";" alone. A code listed twice keeps its first mapping (root 08 is listed as
// CONCEDE, then as RETREAT: PLOVER splits CAMEO's YIELD, and the 080 it puts first is
// CONCEDE); a conflicting repeat is noted. Blank lines, '#' lines and the closing '~~~~~'
// are skipped.
func readCrosswalk(r io.Reader, path string) (map[string]document.PLOVER, []string, error) {
	out := make(map[string]document.PLOVER)
	var notes []string
	err := eachLine(r, func(n int, line string) error {
		body, _, _ := strings.Cut(line, "#")
		body = strings.TrimSpace(body)
		if body == "" || strings.Trim(body, "~") == "" {
			return nil
		}
		code, rest, ok := strings.Cut(body, ":")
		code = strings.TrimSpace(code)
		if !ok || len(code) < 2 || len(code) > 4 || !allDigits(code) {
			return fmt.Errorf("%s:%d: want CODE: EVENT, MODE, CONTEXT, got %q", path, n, line)
		}
		parts := strings.Split(rest, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		p := document.PLOVER{Event: parts[0]}
		if p.Event == "" || strings.IndexFunc(p.Event, func(r rune) bool { return (r < 'A' || r > 'Z') && r != '_' && r != '-' }) >= 0 {
			return fmt.Errorf("%s:%d: bad PLOVER event %q", path, n, p.Event)
		}
		if len(parts) > 1 {
			p.Mode = oneValue(parts[1])
		}
		if len(parts) > 2 {
			var ctx []string
			for _, c := range strings.Split(strings.Join(parts[2:], ";"), ";") {
				if c = oneValue(c); c != "" {
					ctx = append(ctx, c)
				}
			}
			p.Context = strings.Join(ctx, ";")
		}
		if prev, dup := out[code]; dup {
			if prev != p {
				notes = append(notes, fmt.Sprintf("%s:%d: %s listed again as %s/%s/%s; keeping %s/%s/%s", path, n, code,
					p.Event, p.Mode, p.Context, prev.Event, prev.Mode, prev.Context))
			}
			return nil
		}
		out[code] = p
		return nil
	})
	return out, notes, err
}

// readLookup reads one of GDELT's CODE/LABEL lookup tables.
func readLookup(r io.Reader, path, kind string) ([]actorRow, []string, error) {
	var rows []actorRow
	var notes []string
	seen := make(map[string]string)
	err := eachLine(r, func(n int, line string) error {
		if n == 1 {
			if line != "CODE\tLABEL" {
				return fmt.Errorf("%s:1: unexpected header %q", path, line)
			}
			return nil
		}
		if strings.TrimSpace(line) == "" {
			return nil
		}
		code, label, ok := strings.Cut(line, "\t")
		code = strings.TrimSpace(code)
		if !ok || len(code) != 3 {
			return fmt.Errorf("%s:%d: want a three-letter CODE<TAB>LABEL, got %q", path, n, line)
		}
		label = oneField(label)
		if prev, dup := seen[code]; dup {
			if prev != label {
				notes = append(notes, fmt.Sprintf("%s:%d: %s listed again as %q; keeping %q", path, n, code, label, prev))
			}
			return nil
		}
		seen[code] = label
		rows = append(rows, actorRow{kind: kind, code: code, label: label})
		return nil
	})
	slices.SortStableFunc(rows, func(a, b actorRow) int { return cmp.Compare(a.code, b.code) })
	return rows, notes, err
}

// readCountryInfo reads GeoNames' countryInfo.txt: ISO, ISO3, ISO-Numeric, fips, Country, …
func readCountryInfo(r io.Reader, path string) (map[string]Country, error) {
	out := make(map[string]Country)
	err := eachLine(r, func(n int, line string) error {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			return nil
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			return fmt.Errorf("%s:%d: want at least 5 tab-separated fields, got %d", path, n, len(f))
		}
		iso2, iso3 := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if len(iso2) != 2 || len(iso3) != 3 {
			return fmt.Errorf("%s:%d: bad ISO codes %q %q", path, n, iso2, iso3)
		}
		out[iso3] = Country{ISO3: iso3, ISO2: iso2, FIPS: strings.TrimSpace(f[3]), Name: oneField(f[4])}
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: no countries", path)
	}
	return out, err
}

// eachLine calls fn with every line of r (numbered from 1, without its line ending).
func eachLine(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.TrimRight(sc.Text(), "\r")); err != nil {
			return err
		}
	}
	return sc.Err()
}

// oneField keeps a value inside its column of the compiled file.
func oneField(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s))
}

// oneValue is oneField for the crosswalk's mode and context values, which are single
// words: a value with inner spaces keeps its first word and the rest is dropped, so
// that editors' remarks cannot leak into the data.
func oneValue(s string) string {
	s = oneField(s)
	if i := strings.IndexAny(s, " ;"); i >= 0 {
		s = s[:i]
	}
	return s
}
