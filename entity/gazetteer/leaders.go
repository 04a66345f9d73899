package gazetteer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
)

// The Wikidata leader tables (leaders_current.csv, leaders_history.csv) have the header
// iso3,country,role,person,person_qid,start,end,party,end_cause; role is head_of_state or
// head_of_government, dates are ISO 8601 timestamps, an empty end means in office.

// oldestLeaderEnd drops tenures that ended before news archives begin to matter.
const oldestLeaderEnd = "1945-01-01"

var (
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	qid     = regexp.MustCompile(`^Q\d+$`)
)

// leaderTenure is one row, before overlapping duplicates are merged.
type leaderTenure struct {
	iso3, role, person, qid, start, end string
}

// readLeaders reads one Wikidata leaders table. Labels are partly Portuguese
// ("Carlos III do Reino Unido"): a label is used only when it is in Latin script and does
// not end in the Portuguese name of a country (the file's own country column); tenures
// are keyed on the QID.
func (b *builder) readLeaders(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows []leaderTenure
	portugueseCountries := make(map[string]bool)
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if line == 1 {
			if len(rec) < 7 || rec[0] != "iso3" || rec[3] != "person" {
				return sourceError(path, 1, errors.New("not a leaders table header"))
			}
			continue
		}
		if len(rec) < 7 {
			continue
		}
		portugueseCountries[strings.ToLower(rec[1])] = true
		rows = append(rows, leaderTenure{iso3: rec[0], role: rec[2], person: strings.TrimSpace(rec[3]),
			qid: rec[4], start: leaderDate(rec[5]), end: leaderDate(rec[6])})
	}
	for _, t := range rows {
		if !qid.MatchString(t.qid) || len(t.iso3) != 3 || !usableLeaderLabel(t.person, portugueseCountries) {
			continue
		}
		if t.end != "" && t.end < oldestLeaderEnd {
			continue
		}
		var role string
		titles := b.titles[t.iso3]
		switch t.role {
		case "head_of_state":
			role = orDefault(titles.headOfState, "head of state")
		case "head_of_government":
			role = orDefault(titles.headOfGovernment, "head of government")
		default:
			continue
		}
		b.addTenure(Entry{Kind: Leader, Type: "PERSON", Country: t.iso3, Code: b.cameoCode(t.iso3) + "GOV",
			Name: t.person, Role: role, Start: t.start, End: t.end, ID: t.qid})
	}
	return nil
}

// orDefault returns a unless it is empty, else b.
func orDefault(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// addTenure adds a leader's tenure unless another of the same person, country and role
// overlaps it: Wikidata often holds a year-precision duplicate ("2019-01-01") next to the
// exact one ("2019-03-20"), and the more precise one is kept.
func (b *builder) addTenure(e Entry) {
	kept := b.tenures[e.ID][:0:0]
	for _, o := range b.tenures[e.ID] {
		if o.Country != e.Country || o.Role != e.Role || !overlaps(o, e) {
			kept = append(kept, o)
			continue
		}
		if precision(e) < precision(o) || precision(e) == precision(o) && e.Start <= o.Start {
			return
		}
	}
	b.tenures[e.ID] = append(kept, e)
}

// addLeaders adds the tenures that survived addTenure.
func (b *builder) addLeaders() {
	for _, list := range b.tenures {
		for _, e := range list {
			b.add(e, e.Name)
		}
	}
}

func overlaps(a, b Entry) bool {
	return (a.End == "" || b.Start < a.End) && (b.End == "" || a.Start < b.End) || a.Start == b.Start
}

// precision counts the dates of a tenure that are not January 1st, which Wikidata uses
// for dates known only to the year.
func precision(e Entry) int {
	n := 0
	for _, d := range []string{e.Start, e.End} {
		if d != "" && !strings.HasSuffix(d, "-01-01") {
			n++
		}
	}
	return n
}

func leaderDate(s string) string {
	if isoDate.MatchString(s) {
		return s[:10]
	}
	return ""
}

func usableLeaderLabel(label string, portugueseCountries map[string]bool) bool {
	if label == "" || qid.MatchString(label) || !latinName(label) {
		return false
	}
	words := strings.Fields(label)
	for i, w := range words {
		if !slices.Contains([]string{"do", "da", "dos", "das", "de"}, w) {
			continue
		}
		if portugueseCountries[strings.ToLower(strings.Join(words[i+1:], " "))] {
			return false
		}
	}
	return true
}
