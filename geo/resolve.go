package geo

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"herald/document"
)

// Resolver resolves the place names of documents. It is read-only after New and safe
// for concurrent use.
type Resolver struct {
	gaz *Places
	// cameo gives the CAMEO country code of an ISO alpha-3 code ("ROU" is "ROM"), and
	// isRole tells whether a three-letter code is a role (GOV, COP, REB …) rather than a
	// country or an international root, for actors that a place may give a country.
	cameo  func(iso3 string) string
	isRole func(code string) bool
	iso2   map[string]string // alpha-3 → alpha-2
}

// New returns a Resolver over g. cameo maps ISO alpha-3 codes to CAMEO country codes
// and isRole tells CAMEO role codes; either may be nil, and then no actor takes its
// country from a place.
func New(g *Places, cameo func(string) string, isRole func(string) bool) *Resolver {
	r := &Resolver{gaz: g, cameo: cameo, isRole: isRole, iso2: map[string]string{}}
	for a2, a3 := range g.iso3 {
		r.iso2[a3] = a2
	}
	return r
}

// prominence is how likely a place is meant by its name with no context at all: a
// country before a division, a division or a capital before a city, a bigger city
// before a smaller one.
func prominence(p *Place) float64 {
	pop := math.Log10(float64(max(p.Population, 1000)))
	switch p.Kind {
	case Country:
		return 12
	case Region:
		return 11
	case Admin1:
		return 4 + 0.4*pop
	case Capital:
		return 3 + pop
	case Seat:
		return 1.5 + pop
	case City:
		return pop
	}
	return 2 // a town known by name only
}

// alternatePenalty lowers a place that has the name only as an alternate: "Victoria" is
// first the cities of that name, not Hong Kong.
const alternatePenalty = 1.5

// mention is a place name in the document, with what the text around it says.
type mention struct {
	entity     int
	sent       int // -1 for the dateline
	key        string
	candidates []Ref
	// qualifiers are the places the text may qualify the name with: "Paris, Texas",
	// "London, Ontario", "Bethlehem, West Bank".
	qualifiers []Ref
	// divisionCue: "the state of Georgia", "Punjab province"; cityCue: "the city of".
	divisionCue, cityCue bool
}

// context is what the whole document says about where it is.
type context struct {
	datelineCountry, datelineAdmin1 string
	// countries and divisions are the ones the actors, nationalities and places of the
	// story name, each with the names that name it ("" for actors and nationalities), so
	// that a name does not count as its own context.
	countries, divisions map[string]map[string]bool
}

func (c *context) add(set map[string]map[string]bool, code, by string) {
	if code == "" {
		return
	}
	if set[code] == nil {
		set[code] = map[string]bool{}
	}
	set[code][by] = true
}

// names reports whether a country or division of the set is named by anything but key.
func names(set map[string]map[string]bool, code, key string) bool {
	for by := range set[code] {
		if by != key {
			return true
		}
	}
	return false
}

// Annotate resolves every place name (LOC and GPE entities, the dateline's place
// included), then locates the events and their actors.
func (r *Resolver) Annotate(doc *document.Document) {
	ms := r.mentions(doc)
	ctx := context{countries: map[string]map[string]bool{}, divisions: map[string]map[string]bool{}}
	// The actors and nationalities that are not places themselves say which countries the
	// story is about (a place's own code would only echo the name being resolved).
	actorOf := doc.EntityActors()
	for i, e := range doc.Entities {
		if e.Type == document.TypeGPE || e.Type == document.TypeLoc {
			continue
		}
		if k := actorOf[i]; k >= 0 && len(doc.Actors[k].Code) >= 3 {
			ctx.add(ctx.countries, r.iso2[doc.Actors[k].Code[:3]], "")
		}
		ctx.add(ctx.countries, r.iso2[e.Nationality], "")
	}
	// The dateline's place first, by its prominence and its own qualifier alone ("ASTANA"
	// is the capital; "AUSTIN, Texas"): wire stories are filed from capitals and large
	// cities, and the actors of a story from Geneva are seldom Swiss. It sets the country
	// the rest of the story is read in.
	for i := range ms {
		if ms[i].sent == -1 {
			if best, _, _ := r.choose(&ms[i], &context{}); best >= 0 {
				p := r.gaz.Place(best)
				ctx.datelineCountry, ctx.datelineAdmin1 = p.Country, p.Admin1
			}
		}
	}
	// Every mention of one name in a story means one place: the qualifiers and cues of
	// any mention count for all.
	byKey := map[string][]int{}
	var keys []string
	for i := range ms {
		if byKey[ms[i].key] == nil {
			keys = append(keys, ms[i].key)
		}
		byKey[ms[i].key] = append(byKey[ms[i].key], i)
	}
	joint := make([]mention, len(keys))
	for n, key := range keys {
		group := byKey[key]
		joint[n] = ms[group[0]]
		for _, k := range group[1:] {
			joint[n].qualifiers = append(joint[n].qualifiers, ms[k].qualifiers...)
			joint[n].divisionCue = joint[n].divisionCue || ms[k].divisionCue
			joint[n].cityCue = joint[n].cityCue || ms[k].cityCue
		}
	}
	// Two rounds: the first resolves each name in the context of the dateline and the
	// actors; the second adds the countries and divisions the other names resolved to
	// ("Georgia's capital Tbilisi": Tbilisi makes Georgia the country).
	for n := range joint {
		if best, _, _ := r.choose(&joint[n], &ctx); best >= 0 {
			if p := r.gaz.Place(best); p.Kind != Town {
				ctx.add(ctx.countries, p.Country, joint[n].key)
				ctx.add(ctx.divisions, p.Admin1, joint[n].key)
			}
		}
	}
	for n, key := range keys {
		m := &joint[n]
		best, margin, reason := r.choose(m, &ctx)
		if best < 0 {
			continue
		}
		conf := 0.95
		if len(m.candidates) > 1 {
			conf = 1 / (1 + math.Exp(-margin/2))
		}
		if r.gaz.Place(best).Kind == Town {
			conf *= 0.7
		}
		loc := r.location(best) // shared by the mentions of the name: it is read-only
		loc.Confidence = math.Round(conf*100) / 100
		loc.Reason = reason
		for _, k := range byKey[key] {
			doc.Entities[ms[k].entity].Place = loc
		}
	}
	r.locateEvents(doc)
}

// mentions finds the place names of the document and reads the text around them.
func (r *Resolver) mentions(doc *document.Document) []mention {
	var ms []mention
	actorOf := doc.EntityActors()
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Mention != document.MentionName && e.Mention != "" {
			continue
		}
		var cands []Ref
		key := e.Text
		switch e.Type {
		case document.TypeGPE, document.TypeLoc:
			if k := actorOf[i]; k >= 0 && len(doc.Actors[k].Code) >= 3 && organizationRoots[doc.Actors[k].Code[:3]] {
				continue // a company or agency the recognizer took for a place: "Nokia"
			}
			cands = r.lookup(e.Text)
			if len(cands) == 0 && e.Name != "" {
				cands = r.lookup(e.Name)
			}
		case document.TypeOrg:
			// An organization named for a large place is there: "the Bombay High Court".
			key, cands = r.orgPlace(e.Text)
		}
		if len(cands) == 0 {
			continue
		}
		m := mention{entity: i, sent: doc.SentenceAt(e.Start), key: Fold(key), candidates: cands}
		r.readAround(doc.Text, e.Start, e.End, &m)
		if genericNames[m.key] && !m.divisionCue && len(m.qualifiers) == 0 {
			continue // "the Centre", "the North": a word before it is a name
		}
		if doc.Dateline != nil && e.Start >= doc.Dateline.Start && e.End <= doc.Dateline.End {
			m.sent = -1
		}
		ms = append(ms, m)
	}
	return ms
}

// organizationRoots are the CAMEO roots of actors that are organizations, never places.
var organizationRoots = map[string]bool{"MNC": true, "NGO": true, "IGO": true, "NGM": true, "MED": true, "BUS": true}

// genericNames are words that name divisions somewhere ("Centre" in Burkina Faso,
// "Capital" in Bahrain) but in English text are words first: they resolve only when the
// text calls them a division or qualifies them.
var genericNames = map[string]bool{"centre": true, "center": true, "central": true, "north": true, "south": true,
	"east": true, "west": true, "capital": true, "coast": true, "islands": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "interior": true, "border": true, "lakes": true, "mountain": true}

// localInstitutions are the words of organizations that sit in the place they are named
// for: a city's court, police, university or exchange.
var localInstitutions = map[string]bool{"court": true, "police": true, "university": true, "college": true,
	"council": true, "municipality": true, "municipal": true, "exchange": true, "port": true, "airport": true,
	"hospital": true, "prison": true, "mayor": true, "city": true, "metropolitan": true}

// orgPlace returns the name of a large place that an organization's name starts with,
// and the places it may mean: "Bombay" of "Bombay High Court". Only capitals and cities
// of a million people count, and the place must not be the whole name.
func (r *Resolver) orgPlace(name string) (string, []Ref) {
	words := strings.Fields(name)
	local := false
	for _, w := range words {
		local = local || localInstitutions[strings.ToLower(w)]
	}
	if !local {
		return "", nil // "the Shanghai Cooperation Organization" is not in Shanghai
	}
	for n := min(3, len(words)-1); n >= 1; n-- {
		prefix := strings.Join(words[:n], " ")
		refs := r.gaz.Lookup(prefix)
		for _, ref := range refs {
			if p := r.gaz.Place(ref.Index()); p.Kind == Capital || (p.Kind == City || p.Kind == Seat) && p.Population >= 1000000 {
				return prefix, refs
			}
		}
	}
	return "", nil
}

// lookup finds the places a name may mean, and if none, those of the name without a
// leading compass word ("West Texas" is in Texas).
func (r *Resolver) lookup(name string) []Ref {
	if refs := r.gaz.Lookup(name); len(refs) > 0 {
		return refs
	}
	for _, w := range []string{"north ", "south ", "east ", "west ", "northern ", "southern ", "eastern ", "western ", "central "} {
		if rest, ok := strings.CutPrefix(Fold(name), w); ok {
			return r.gaz.Lookup(rest)
		}
	}
	return nil
}

// readAround reads the words just before and after a place name: a qualifying place after
// a comma ("Paris, Texas"), and words that say what sort of place it is ("the state of
// Georgia", "Punjab province", "the city of Hyderabad").
func (r *Resolver) readAround(text string, start, end int, m *mention) {
	before := strings.ToLower(text[max(0, start-24):start])
	after := text[end:min(len(text), end+40)]
	for _, cue := range []string{"state of ", "province of ", "region of ", "state ", "province "} {
		if strings.HasSuffix(before, cue) {
			m.divisionCue = true
		}
	}
	if strings.HasSuffix(before, "city of ") || strings.HasSuffix(before, "town of ") {
		m.cityCue = true
	}
	low := strings.ToLower(after)
	for _, cue := range []string{" province", " state", " region", " oblast", " governorate", " prefecture"} {
		if strings.HasPrefix(low, cue) {
			m.divisionCue = true
		}
	}
	if strings.HasPrefix(low, " city") {
		m.cityCue = true
	}
	if appos, ok := strings.CutPrefix(low, ", "); ok {
		// "Santiago, the country's second-largest city,"
		if end := strings.IndexAny(appos, ",.;"); end >= 0 {
			appos = appos[:end]
		}
		if f := strings.Fields(appos); len(f) <= 6 && len(f) > 0 && (f[len(f)-1] == "city" || f[len(f)-1] == "town") {
			m.cityCue = true
		}
	}
	rest, ok := strings.CutPrefix(after, ", ")
	if !ok {
		return
	}
	// The qualifier is the longest run of up to three capitalized words that names a
	// division or a country.
	words := strings.FieldsFunc(rest, func(c rune) bool { return c == ' ' || c == '\n' })
	for n := min(3, len(words)); n >= 1; n-- {
		phrase := strings.TrimRight(strings.Join(words[:n], " "), ",.;:)'\"")
		if phrase == "" || phrase[0] < 'A' || phrase[0] > 'Z' {
			continue
		}
		for _, c := range r.gaz.Lookup(phrase) {
			if k := r.gaz.Place(c.Index()).Kind; k == Admin1 || k == Country || k == Region {
				m.qualifiers = append(m.qualifiers, c)
			}
		}
		if len(m.qualifiers) > 0 {
			return
		}
	}
}

// choose scores the candidates of a mention and returns the best, its margin over the
// next, and why it won; -1 if there is none.
func (r *Resolver) choose(m *mention, ctx *context) (best int32, margin float64, reason string) {
	type scored struct {
		c      int32
		s      float64
		reason []string
	}
	var all []scored
	for _, ref := range m.candidates {
		c := ref.Index()
		p := r.gaz.Place(c)
		sc := scored{c: c, s: prominence(p), reason: []string{describe(p)}}
		add := func(x float64, why string) {
			sc.s += x
			sc.reason = append(sc.reason, why)
		}
		if ref.Alternate() && p.Kind != Country {
			add(-alternatePenalty, "an alternate name")
		}
		for _, qr := range m.qualifiers {
			q := r.gaz.Place(qr.Index())
			if q.Kind == Admin1 && p.Admin1 == q.Admin1 && p.Kind != Admin1 ||
				(q.Kind == Country || q.Kind == Region) && p.Country == q.Country && p.Kind != Country && p.Kind != Region {
				add(12, "qualified by "+q.Name)
				break
			}
		}
		if m.divisionCue && p.Kind == Admin1 {
			add(7, "called a division")
		}
		if m.divisionCue && p.Kind == Region {
			add(3, "called a region")
		}
		if m.cityCue && (p.Kind == City || p.Kind == Capital || p.Kind == Seat || p.Kind == Town) {
			add(4, "called a city")
		}
		if ctx.datelineCountry != "" && p.Country == ctx.datelineCountry {
			add(6, "in the dateline's country")
		}
		if ctx.datelineAdmin1 != "" && p.Admin1 == ctx.datelineAdmin1 {
			add(3, "in the dateline's division")
		}
		if p.Country != "" && p.Country != ctx.datelineCountry && names(ctx.countries, p.Country, m.key) {
			add(2.5, "in a country the story names")
		}
		if p.Admin1 != "" && p.Kind != Admin1 && p.Admin1 != ctx.datelineAdmin1 && names(ctx.divisions, p.Admin1, m.key) {
			add(2, "in a division the story names")
		}
		all = append(all, sc)
	}
	if len(all) == 0 {
		return -1, 0, ""
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].s > all[j].s })
	margin = 10
	if len(all) > 1 {
		margin = all[0].s - all[1].s
	}
	reason = strings.Join(all[0].reason, "; ")
	if len(all) > 1 {
		reason += fmt.Sprintf("; %d places of this name", len(all))
	}
	return all[0].c, margin, reason
}

// describe says what a place is, for the reasons.
func describe(p *Place) string {
	switch {
	case p.Kind == Country || p.Kind == Region:
		return p.Kind.String()
	case p.Population >= 1000000:
		return fmt.Sprintf("%s, population %.1fM", p.Kind, float64(p.Population)/1e6)
	case p.Population > 0:
		return fmt.Sprintf("%s, population %dk", p.Kind, (p.Population+500)/1000)
	}
	return p.Kind.String()
}

// location is the Location of gazetteer entry i.
func (r *Resolver) location(i int32) *document.Location {
	p := r.gaz.Place(i)
	loc := &document.Location{Name: p.Name, Country: r.gaz.ISO3(p.Country), Lat: p.Lat, Lon: p.Lon,
		GeonameID: p.ID, Feature: p.Kind.String()}
	if p.Kind != Country && p.Kind != Region {
		loc.ADM1 = strings.Replace(p.Admin1, ".", "", 1) // "KZ05", as GDELT and the contract write it
	}
	return loc
}
