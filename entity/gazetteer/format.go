package gazetteer

// The compiled file follows learn's model-file convention ("HERALD gazetteer 2"). It
// holds the lookup tables as Match and Leaders use them, so that reading it builds no
// grouping of its own; its payload is
//
//   - the countries: a count, then each country's ISO3 code, CAMEO code, name and demonym;
//   - the entries: a count, then each entry's kind (a byte), type, country, code, name,
//     role, start, end and id (strings) and population;
//   - the names, one per distinct folded surface: a count and the number of entries of
//     all names together, then each name's tokens (a count and the tokens, as the
//     lenient spelling of the surface writes them) and its entries, most prominent first
//     (a count and entry numbers);
//   - the leaders: a count and entry numbers, then the full names and then the surnames
//     that index them: a count, then each folded key in order with its leaders (a count
//     and leader numbers).
//
// Every string of the payload is a substring of the file's data when read.

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"herald/learn"
)

const (
	fileKind    = "gazetteer"
	fileVersion = 2
	maxCount    = 1 << 24
)

// compiled is what Build gathers: the countries and the entries with their surfaces.
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

// tables is the gazetteer as the file stores it: countries, the distinct entries, and the
// names and leaders as numbers of entries.
type tables struct {
	countries []countryRecord
	entries   []Entry
	names     []nameEntries
	arena     int // the entries of all names together
	leaders   []int32
	// leadersByName and leadersBySurname map a folded full name and a folded surname to
	// numbers of leaders.
	leadersByName, leadersBySurname map[string][]int32
}

type nameEntries struct {
	tokens  []string
	entries []int32
}

// tables groups the entries' surfaces into names: one name per distinct folded surface,
// the first spelling seen deciding the case rules, except that a more lenient spelling
// replaces a stricter one ("Un", which some source writes, must not be rejected because
// another wrote "UN"). A name's entries are ordered by prominence.
func (c *compiled) tables() *tables {
	t := &tables{countries: c.countries, leadersByName: map[string][]int32{}, leadersBySurname: map[string][]int32{}}
	groups := make(map[string]int)
	for ei, e := range c.entries {
		t.entries = append(t.entries, e.Entry)
		for _, toks := range e.surfaces {
			key := foldKey(toks)
			gi, ok := groups[key]
			if !ok {
				gi = len(t.names)
				groups[key] = gi
				t.names = append(t.names, nameEntries{tokens: toks})
			}
			gr := &t.names[gi]
			if ok && lenient(toks, gr.tokens) {
				gr.tokens = toks
			}
			if !slices.Contains(gr.entries, int32(ei)) {
				gr.entries = append(gr.entries, int32(ei))
			}
		}
		if e.Kind == Leader {
			t.leaders = append(t.leaders, int32(ei))
			li := int32(len(t.leaders) - 1)
			for _, toks := range e.surfaces {
				full := leaderKey(strings.Join(toks, ""))
				if !slices.Contains(t.leadersByName[full], li) {
					t.leadersByName[full] = append(t.leadersByName[full], li)
				}
				last := leaderKey(toks[len(toks)-1])
				if !slices.Contains(t.leadersBySurname[last], li) {
					t.leadersBySurname[last] = append(t.leadersBySurname[last], li)
				}
			}
		}
	}
	for i := range t.names {
		slices.SortStableFunc(t.names[i].entries, func(a, b int32) int {
			return compareProminence(&t.entries[a], &t.entries[b])
		})
		t.arena += len(t.names[i].entries)
	}
	return t
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

// write encodes the tables.
func (t *tables) write(w io.Writer) error {
	e := learn.NewEncoder(fileKind, fileVersion)
	e.Uvarint(uint64(len(t.countries)))
	for _, r := range t.countries {
		e.String(r.iso3)
		e.String(r.code)
		e.String(r.name)
		e.String(r.demonym)
	}
	e.Uvarint(uint64(len(t.entries)))
	for _, en := range t.entries {
		e.Byte(byte(en.Kind))
		for _, s := range []string{en.Type, en.Country, en.Code, en.Name, en.Role, en.Start, en.End, en.ID} {
			e.String(s)
		}
		e.Uvarint(uint64(en.Population))
	}
	e.Uvarint(uint64(len(t.names)))
	e.Uvarint(uint64(t.arena))
	for _, nm := range t.names {
		e.Uvarint(uint64(len(nm.tokens)))
		for _, tok := range nm.tokens {
			e.String(tok)
		}
		numbers(e, nm.entries)
	}
	numbers(e, t.leaders)
	for _, index := range []map[string][]int32{t.leadersByName, t.leadersBySurname} {
		keys := slices.Sorted(maps.Keys(index))
		e.Uvarint(uint64(len(keys)))
		for _, k := range keys {
			e.String(k)
			numbers(e, index[k])
		}
	}
	_, err := e.WriteTo(w)
	return err
}

func numbers(e *learn.Encoder, list []int32) {
	e.Uvarint(uint64(len(list)))
	for _, x := range list {
		e.Uvarint(uint64(x))
	}
}

// readTables decodes what write encoded. Its strings are substrings of data.
func readTables(data string) (*tables, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	t := &tables{countries: make([]countryRecord, d.Count("countries", maxCount))}
	for i := range t.countries {
		t.countries[i] = countryRecord{d.String("ISO3"), d.String("CAMEO code"), d.String("country name"), d.String("demonym")}
	}
	t.entries = make([]Entry, d.Count("entries", maxCount))
	for i := range t.entries {
		en := &t.entries[i]
		if en.Kind = Kind(d.Byte("kind")); d.Err() == nil && (en.Kind < Country || en.Kind > IGOOfficial) {
			d.Failf("entry %d of kind %d", i, en.Kind)
		}
		for _, s := range []*string{&en.Type, &en.Country, &en.Code, &en.Name, &en.Role, &en.Start, &en.End, &en.ID} {
			*s = d.String("entry field")
		}
		en.Population = int32(d.Int("population", 1<<31-1))
	}
	t.names = make([]nameEntries, d.Count("names", maxCount))
	t.arena = d.Count("entries of names", maxCount)
	arena := 0
	for i := range t.names {
		nm := &t.names[i]
		nm.tokens = make([]string, d.Count("tokens", maxCount))
		if d.Err() == nil && len(nm.tokens) == 0 {
			d.Failf("name %d has no tokens", i)
		}
		for k := range nm.tokens {
			nm.tokens[k] = d.String("token")
		}
		nm.entries = readNumbers(d, len(t.entries))
		if arena += len(nm.entries); d.Err() == nil && arena > t.arena {
			d.Failf("names with more than the %d entries they said", t.arena)
		}
	}
	t.leaders = readNumbers(d, len(t.entries))
	for _, l := range t.leaders {
		if d.Err() == nil && t.entries[l].Kind != Leader {
			d.Failf("leader %d is an entry of kind %v", l, t.entries[l].Kind)
		}
	}
	t.leadersByName, t.leadersBySurname = readIndex(d, len(t.leaders)), readIndex(d, len(t.leaders))
	if err := d.Finish(); err != nil {
		return nil, err
	}
	return t, nil
}

func readNumbers(d *learn.Decoder, limit int) []int32 {
	list := make([]int32, d.Count("numbers", maxCount))
	for i := range list {
		list[i] = int32(d.Int("number", limit-1))
	}
	return list
}

func readIndex(d *learn.Decoder, leaders int) map[string][]int32 {
	n := d.Count("keys", maxCount)
	index := make(map[string][]int32, n)
	for range n {
		k := d.String("key")
		index[k] = readNumbers(d, leaders)
	}
	return index
}

// gazetteer builds the lookup tables from t: the names with their entries laid out in
// one arena, so that Match can return a slice of it, and the index of first tokens.
func (t *tables) gazetteer() *Gazetteer {
	g := &Gazetteer{
		byFirst:          make(map[uint64][]int32, len(t.names)),
		leadersByName:    t.leadersByName,
		leadersBySurname: t.leadersBySurname,
		countries:        make(map[string]countryNames, 2*len(t.countries)),
	}
	for _, r := range t.countries {
		cn := countryNames{r.name, r.demonym, r.code}
		g.countries[r.iso3] = cn
		if r.code != "" {
			if _, taken := g.countries[r.code]; !taken {
				g.countries[r.code] = cn
			}
		}
	}
	g.leaders = make([]Entry, len(t.leaders))
	for i, l := range t.leaders {
		g.leaders[i] = t.entries[l]
	}
	arena := make([]Entry, 0, t.arena)
	g.names = make([]name, 0, len(t.names))
	for _, nm := range t.names {
		start := len(arena)
		for _, ei := range nm.entries {
			arena = append(arena, t.entries[ei])
		}
		rules := make([]caseRule, len(nm.tokens))
		for i, tok := range nm.tokens {
			rules[i] = ruleOf(tok)
		}
		g.names = append(g.names, name{tokens: nm.tokens, rules: rules, entries: arena[start:len(arena):len(arena)]})
		h := foldHash(nm.tokens[0])
		g.byFirst[h] = append(g.byFirst[h], int32(len(g.names)-1))
	}
	g.firsts = make([]uint64, firstBits/64)
	for h, list := range g.byFirst {
		slices.SortStableFunc(list, func(a, b int32) int {
			return len(g.names[b].tokens) - len(g.names[a].tokens)
		})
		b := firstBit(h)
		g.firsts[b/64] |= 1 << (b % 64)
	}
	return g
}

// Read decodes a compiled gazetteer.
func Read(r io.Reader) (*Gazetteer, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return decode(data)
}

func decode(data string) (*Gazetteer, error) {
	t, err := readTables(data)
	if err != nil {
		return nil, err
	}
	return t.gazetteer(), nil
}
