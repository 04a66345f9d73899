package geo

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Case is one place mention of a resolution test set: a short story, the place name in
// it, and the place meant.
type Case struct {
	ID        string
	Text      string
	Mention   string
	GeonameID int    // 0 for a region of Herald's own list
	Kind      string // country, adm1, city or region
	Country   string // for regions: the ISO alpha-3 country, "" for none
	Note      string
	Line      int
}

// ReadCases reads a test set: tab-separated lines of id, text, mention, geonameid, kind
// and note; lines starting with # are comments. A region's note says its country as
// "country=PSE" or "country=none". src names the input in errors.
func ReadCases(r io.Reader, src string) ([]Case, error) {
	var cases []Case
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 6 (id, text, mention, geonameid, kind, note)", src, line, len(f))
		}
		c := Case{ID: f[0], Text: f[1], Mention: f[2], Kind: f[4], Note: f[5], Line: line}
		id, err := strconv.Atoi(f[3])
		if err != nil || id < 0 {
			return nil, fmt.Errorf("%s:%d: geonameid %q is not a number", src, line, f[3])
		}
		c.GeonameID = id
		switch {
		case c.ID == "":
			return nil, fmt.Errorf("%s:%d: no case id", src, line)
		case seen[c.ID] > 0:
			return nil, fmt.Errorf("%s:%d: case id %s already used on line %d", src, line, c.ID, seen[c.ID])
		case c.Mention == "" || !strings.Contains(c.Text, c.Mention):
			return nil, fmt.Errorf("%s:%d: mention %q is not in the text", src, line, c.Mention)
		case c.Kind != "country" && c.Kind != "adm1" && c.Kind != "city" && c.Kind != "region":
			return nil, fmt.Errorf("%s:%d: kind %q: want country, adm1, city or region", src, line, c.Kind)
		case c.Kind != "region" && id == 0:
			return nil, fmt.Errorf("%s:%d: a %s needs its geonameid", src, line, c.Kind)
		}
		if c.Kind == "region" {
			_, after, ok := strings.Cut(c.Note, "country=")
			if !ok {
				return nil, fmt.Errorf("%s:%d: a region's note needs country=ISO3 or country=none", src, line)
			}
			if f := strings.Fields(after); len(f) > 0 {
				c.Country = strings.TrimRight(f[0], ";,.")
			}
			if c.Country == "none" {
				c.Country = ""
			} else if len(c.Country) != 3 {
				return nil, fmt.Errorf("%s:%d: country %q: want an ISO alpha-3 code or none", src, line, c.Country)
			}
		}
		seen[c.ID] = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", src, line+1, err)
	}
	return cases, nil
}
