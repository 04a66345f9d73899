package gazetteer

// The compiled file is gzipped UTF-8 text, one record a line, fields separated by tabs:
//
//	herald-gazetteer	1
//	C	ISO3	CAMEO	name	demonym
//	E	kind	type	country	code	name	role	start	end	id	population	surfaces
//
// surfaces lists the entry's names separated by "|", each as its tokens separated by
// spaces ("Kassym - Jomart Tokayev|Kassym - Jomart Tokaev"). Text rather than a binary
// layout keeps the file diffable and the reader simple; gzip makes it small, and Read
// builds the lookup tables in a few tens of milliseconds.

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

const (
	formatMagic   = "herald-gazetteer"
	formatVersion = "1"
	entryFields   = 12
	countryFields = 5
)

// compiled is what Build produces and write encodes.
type compiled struct {
	countries []countryRecord
	entries   []surfacedEntry
}

type countryRecord struct {
	iso3, code, name, demonym string
}

type surfacedEntry struct {
	Entry
	surfaces [][]string // each a token sequence
}

// write encodes c deterministically: gzip without name or time, records in the given
// order (Build sorts them).
func (c *compiled) write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s\t%s\n", formatMagic, formatVersion)
	for _, r := range c.countries {
		fmt.Fprintf(bw, "C\t%s\t%s\t%s\t%s\n", r.iso3, r.code, r.name, r.demonym)
	}
	for _, e := range c.entries {
		surfaces := make([]string, len(e.surfaces))
		for i, toks := range e.surfaces {
			surfaces[i] = strings.Join(toks, " ")
		}
		fmt.Fprintf(bw, "E\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", e.Kind, e.Type,
			e.Country, e.Code, e.Name, e.Role, e.Start, e.End, e.ID, e.Population,
			strings.Join(surfaces, "|"))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read decodes a compiled gazetteer (gzipped, as Build writes it) and builds its lookup
// tables. src names the input in errors, which carry the line: "src:12: ...".
func Read(r io.Reader, src string) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	lineNo := 0
	var c compiled
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if lineNo == 1 {
			if line != formatMagic+"\t"+formatVersion {
				return nil, fmt.Errorf("%s:1: not a herald gazetteer version %s", src, formatVersion)
			}
			continue
		}
		if line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		switch fields[0] {
		case "C":
			if len(fields) != countryFields {
				return nil, fmt.Errorf("%s:%d: country record has %d fields, want %d", src, lineNo, len(fields), countryFields)
			}
			c.countries = append(c.countries, countryRecord{fields[1], fields[2], fields[3], fields[4]})
		case "E":
			e, err := parseEntry(fields)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", src, lineNo, err)
			}
			c.entries = append(c.entries, e)
		default:
			return nil, fmt.Errorf("%s:%d: unknown record type %q", src, lineNo, fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", src, lineNo+1, err)
	}
	if lineNo == 0 {
		return nil, fmt.Errorf("%s: empty gazetteer", src)
	}
	return c.index(), nil
}

func parseEntry(f []string) (surfacedEntry, error) {
	if len(f) != entryFields {
		return surfacedEntry{}, fmt.Errorf("entry record has %d fields, want %d", len(f), entryFields)
	}
	kind, ok := parseKind(f[1])
	if !ok {
		return surfacedEntry{}, fmt.Errorf("unknown kind %q", f[1])
	}
	pop, err := strconv.ParseInt(f[10], 10, 32)
	if err != nil || pop < 0 {
		return surfacedEntry{}, fmt.Errorf("bad population %q", f[10])
	}
	e := surfacedEntry{Entry: Entry{Kind: kind, Type: f[2], Country: f[3], Code: f[4], Name: f[5],
		Role: f[6], Start: f[7], End: f[8], ID: f[9], Population: int32(pop)}}
	for _, s := range strings.Split(f[11], "|") {
		toks := strings.Fields(s)
		if len(toks) == 0 {
			return surfacedEntry{}, fmt.Errorf("empty surface in %q", f[11])
		}
		e.surfaces = append(e.surfaces, toks)
	}
	return e, nil
}

// index builds the lookup tables: one name per distinct folded surface, its entries laid
// out contiguously in one arena so that Match can return a slice of it.
func (c *compiled) index() *Gazetteer {
	g := &Gazetteer{
		byFirst:          make(map[uint64][]int32),
		leadersByName:    make(map[string][]int32),
		leadersBySurname: make(map[string][]int32),
		countries:        make(map[string]countryNames, 2*len(c.countries)),
	}
	for _, r := range c.countries {
		cn := countryNames{r.name, r.demonym, r.code}
		g.countries[r.iso3] = cn
		if r.code != "" {
			if _, taken := g.countries[r.code]; !taken {
				g.countries[r.code] = cn
			}
		}
	}

	// Group entries by folded surface. The first spelling seen decides the case rules,
	// except that a more lenient spelling replaces a stricter one: "Un" (any source
	// writing it so) must not be rejected because another wrote "UN".
	type group struct {
		tokens  []string
		entries []int
	}
	groups := make(map[string]*group)
	var order []string
	for ei, e := range c.entries {
		for _, toks := range e.surfaces {
			key := foldKey(toks)
			gr := groups[key]
			if gr == nil {
				gr = &group{tokens: toks}
				groups[key] = gr
				order = append(order, key)
			} else if lenient(toks, gr.tokens) {
				gr.tokens = toks
			}
			if !slices.Contains(gr.entries, ei) {
				gr.entries = append(gr.entries, ei)
			}
		}
		if e.Kind == Leader {
			g.leaders = append(g.leaders, e.Entry)
			li := int32(len(g.leaders) - 1)
			for _, toks := range e.surfaces {
				full := leaderKey(strings.Join(toks, ""))
				if !slices.Contains(g.leadersByName[full], li) {
					g.leadersByName[full] = append(g.leadersByName[full], li)
				}
				last := leaderKey(toks[len(toks)-1])
				if !slices.Contains(g.leadersBySurname[last], li) {
					g.leadersBySurname[last] = append(g.leadersBySurname[last], li)
				}
			}
		}
	}

	total := 0
	for _, key := range order {
		total += len(groups[key].entries)
	}
	arena := make([]Entry, 0, total)
	g.names = make([]name, 0, len(order))
	for _, key := range order {
		gr := groups[key]
		slices.SortStableFunc(gr.entries, func(a, b int) int {
			return compareProminence(&c.entries[a].Entry, &c.entries[b].Entry)
		})
		start := len(arena)
		for _, ei := range gr.entries {
			arena = append(arena, c.entries[ei].Entry)
		}
		rules := make([]caseRule, len(gr.tokens))
		for i, t := range gr.tokens {
			rules[i] = ruleOf(t)
		}
		g.names = append(g.names, name{tokens: gr.tokens, rules: rules, entries: arena[start:len(arena):len(arena)]})
		h := foldHash(gr.tokens[0])
		g.byFirst[h] = append(g.byFirst[h], int32(len(g.names)-1))
	}
	g.firsts = make([]uint64, firstBits/64)
	for h, list := range g.byFirst {
		slices.SortStableFunc(list, func(a, b int32) int {
			return len(g.names[b].tokens) - len(g.names[a].tokens)
		})
		g.byFirst[h] = list
		b := firstBit(h)
		g.firsts[b/64] |= 1 << (b % 64)
	}
	return g
}

// lenient reports whether spelling a imposes weaker case rules than b.
func lenient(a, b []string) bool {
	for i := range a {
		if ruleOf(a[i]) < ruleOf(b[i]) {
			return true
		}
	}
	return false
}

// compareProminence orders the entries of one name: by kind (countries first), then
// larger cities first, then by name and id for a stable order.
func compareProminence(a, b *Entry) int {
	return cmp.Or(
		cmp.Compare(a.Kind, b.Kind),
		cmp.Compare(b.Population, a.Population),
		cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.ID, b.ID),
	)
}
