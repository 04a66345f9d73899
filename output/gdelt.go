package output

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"

	"herald/cameo"
	"herald/document"
)

// The gdelt format writes each event as one row of the GDELT 2.0 event table ("THE GDELT
// EVENT DATABASE DATA FORMAT CODEBOOK V2.0", 2/19/2015): 61 tab-separated columns in the
// codebook's order, no header, as GDELT's own export files are. How Herald fills them:
//
//   - GLOBALEVENTID is a stable 63-bit hash of the document id, the sentence and the
//     event's index in the document, so the same input gives the same ids.
//   - SQLDATE, MonthYear, Year and FractionDate come from the event's date, else the
//     document's publication date; FractionDate is GDELT's YYYY + (MONTH*30+DAY)/365.
//     DATEADDED is the publication date (else the event's) at 000000, not the clock, for
//     the same reason.
//   - The actor columns split the CAMEO actor code with GDELT's lookup tables (see
//     cameo.Codebook.SplitActor); ActorName is the actor's text as written.
//   - IsRootEvent is 1 for events of the first sentence, GDELT's "lead paragraph" proxy.
//   - EventBaseCode and EventRootCode are the first three and two digits of the code.
//   - NumMentions, NumSources and NumArticles are 1: one article, one mention. AvgTone is
//     empty, since Herald does not score tone.
//   - ActionGeo comes from the event's location, Actor1Geo and Actor2Geo from the
//     actors' (the place an actor is, or the one its phrase names). Type is 1 for a
//     country, 2 or 5 for a state or province, 3 or 4 for a city (US or not), and 4 for a
//     region or sea of Herald's own list; CountryCode is FIPS 10-4; ADM1Code is FIPS
//     country + ADM1; FeatureID is the GeoNames id (GDELT's are GNS ids), or for a country
//     or state the FIPS code, as GDELT writes for those, and empty for a region.
//   - SOURCEURL is the document's URL, else where it was read from.
//
// Text fields have tabs and line breaks turned into spaces, so a row stays a row.

// gdeltEvent is one event being written, with what its columns are computed from.
type gdeltEvent struct {
	doc       *document.Document
	ev        *document.Event
	index     int
	cb        *cameo.Codebook
	date      time.Time // zero when unknown
	published time.Time
	src, tgt  cameo.ActorParts
	code      string // the leading digits of the CAMEO code
}

type gdeltColumn struct {
	name  string
	value func(*gdeltEvent) string
}

// gdeltColumns are the event table's columns, in the codebook's order; a test holds them
// against testdata/gdelt-2.0-event-columns.txt.
var gdeltColumns = concat(
	[]gdeltColumn{
		{"GLOBALEVENTID", func(g *gdeltEvent) string { return strconv.FormatUint(g.id(), 10) }},
		{"SQLDATE", func(g *gdeltEvent) string { return g.formatDate(g.date, "20060102") }},
		{"MonthYear", func(g *gdeltEvent) string { return g.formatDate(g.date, "200601") }},
		{"Year", func(g *gdeltEvent) string { return g.formatDate(g.date, "2006") }},
		{"FractionDate", func(g *gdeltEvent) string {
			if g.date.IsZero() {
				return ""
			}
			return fmt.Sprintf("%.4f", float64(g.date.Year())+float64(int(g.date.Month())*30+g.date.Day())/365)
		}},
	},
	actorColumns("Actor1", func(g *gdeltEvent) (*document.Actor, *cameo.ActorParts) { return &g.ev.Source, &g.src }),
	actorColumns("Actor2", func(g *gdeltEvent) (*document.Actor, *cameo.ActorParts) { return &g.ev.Target, &g.tgt }),
	[]gdeltColumn{
		{"IsRootEvent", func(g *gdeltEvent) string {
			if g.ev.Sentence == 0 {
				return "1"
			}
			return "0"
		}},
		{"EventCode", func(g *gdeltEvent) string { return field(g.ev.CAMEO) }},
		{"EventBaseCode", func(g *gdeltEvent) string { return g.code[:min(len(g.code), 3)] }},
		{"EventRootCode", func(g *gdeltEvent) string { return g.code[:min(len(g.code), 2)] }},
		{"QuadClass", func(g *gdeltEvent) string {
			if q, _ := g.quadGoldstein(); q != 0 {
				return strconv.Itoa(q)
			}
			return ""
		}},
		{"GoldsteinScale", func(g *gdeltEvent) string {
			_, s := g.quadGoldstein()
			return strconv.FormatFloat(s, 'f', -1, 64)
		}},
		{"NumMentions", func(*gdeltEvent) string { return "1" }},
		{"NumSources", func(*gdeltEvent) string { return "1" }},
		{"NumArticles", func(*gdeltEvent) string { return "1" }},
		{"AvgTone", func(*gdeltEvent) string { return "" }},
	},
	geoColumns("Actor1Geo", func(g *gdeltEvent) *document.Location { return g.ev.Source.Location }),
	geoColumns("Actor2Geo", func(g *gdeltEvent) *document.Location { return g.ev.Target.Location }),
	geoColumns("ActionGeo", func(g *gdeltEvent) *document.Location { return g.ev.Location }),
	[]gdeltColumn{
		{"DATEADDED", func(g *gdeltEvent) string {
			d := g.published
			if d.IsZero() {
				d = g.date
			}
			if d.IsZero() {
				return ""
			}
			return d.Format("20060102") + "000000"
		}},
		{"SOURCEURL", func(g *gdeltEvent) string {
			if g.doc.URL != "" {
				return field(g.doc.URL)
			}
			return field(g.doc.Source)
		}},
	},
)

// GDELTColumns lists the names of the gdelt format's 61 columns, in order.
func GDELTColumns() []string {
	names := make([]string, len(gdeltColumns))
	for i, c := range gdeltColumns {
		names[i] = c.name
	}
	return names
}

func concat(groups ...[]gdeltColumn) []gdeltColumn {
	var out []gdeltColumn
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func actorColumns(prefix string, get func(*gdeltEvent) (*document.Actor, *cameo.ActorParts)) []gdeltColumn {
	part := func(f func(*cameo.ActorParts) string) func(*gdeltEvent) string {
		return func(g *gdeltEvent) string { _, p := get(g); return f(p) }
	}
	return []gdeltColumn{
		{prefix + "Code", func(g *gdeltEvent) string { a, _ := get(g); return field(a.Code) }},
		{prefix + "Name", func(g *gdeltEvent) string { a, _ := get(g); return field(a.Text) }},
		{prefix + "CountryCode", part(func(p *cameo.ActorParts) string { return p.Country })},
		{prefix + "KnownGroupCode", part(func(p *cameo.ActorParts) string { return p.KnownGroup })},
		{prefix + "EthnicCode", part(func(p *cameo.ActorParts) string { return p.Ethnic })},
		{prefix + "Religion1Code", part(func(p *cameo.ActorParts) string { return p.Religion1 })},
		{prefix + "Religion2Code", part(func(p *cameo.ActorParts) string { return p.Religion2 })},
		{prefix + "Type1Code", part(func(p *cameo.ActorParts) string { return p.Type1 })},
		{prefix + "Type2Code", part(func(p *cameo.ActorParts) string { return p.Type2 })},
		{prefix + "Type3Code", part(func(p *cameo.ActorParts) string { return p.Type3 })},
	}
}

// geoColumns are the eight columns of one GDELT geography: empty without a location.
func geoColumns(prefix string, get func(*gdeltEvent) *document.Location) []gdeltColumn {
	with := func(f func(*gdeltEvent, *document.Location, gdeltGeo) string) func(*gdeltEvent) string {
		return func(g *gdeltEvent) string {
			loc := get(g)
			if loc == nil {
				return ""
			}
			return f(g, loc, g.geo(loc))
		}
	}
	return []gdeltColumn{
		{prefix + "_Type", with(func(_ *gdeltEvent, _ *document.Location, geo gdeltGeo) string { return strconv.Itoa(geo.typ) })},
		{prefix + "_FullName", with(func(_ *gdeltEvent, _ *document.Location, geo gdeltGeo) string { return field(geo.fullName) })},
		{prefix + "_CountryCode", with(func(_ *gdeltEvent, _ *document.Location, geo gdeltGeo) string { return geo.country.FIPS })},
		{prefix + "_ADM1Code", with(func(_ *gdeltEvent, _ *document.Location, geo gdeltGeo) string { return geo.adm1 })},
		{prefix + "_ADM2Code", with(func(*gdeltEvent, *document.Location, gdeltGeo) string { return "" })},
		{prefix + "_Lat", with(func(_ *gdeltEvent, loc *document.Location, _ gdeltGeo) string {
			return strconv.FormatFloat(loc.Lat, 'f', -1, 64)
		})},
		{prefix + "_Long", with(func(_ *gdeltEvent, loc *document.Location, _ gdeltGeo) string {
			return strconv.FormatFloat(loc.Lon, 'f', -1, 64)
		})},
		{prefix + "_FeatureID", with(func(_ *gdeltEvent, _ *document.Location, geo gdeltGeo) string { return geo.featureID })},
	}
}

// gdeltGeo is a Location in GDELT's terms.
type gdeltGeo struct {
	typ                       int
	fullName, adm1, featureID string
	country                   cameo.Country
}

// GDELT's geography types.
const (
	geoCountry    = 1
	geoUSState    = 2
	geoUSCity     = 3
	geoWorldCity  = 4
	geoWorldState = 5
)

func (g *gdeltEvent) geo(loc *document.Location) gdeltGeo {
	k, _ := g.cb.Country(loc.Country)
	us := k.ISO3 == "USA"
	geo := gdeltGeo{country: k, fullName: loc.Name}
	if k.Name != "" && !strings.EqualFold(loc.Name, k.Name) {
		if loc.Name == "" {
			geo.fullName = k.Name
		} else {
			geo.fullName = loc.Name + ", " + k.Name
		}
	}
	// GeoNames writes ADM1 codes after the ISO alpha-2 country code ("US.TX", "KZ05");
	// GDELT writes them after the FIPS one ("USTX").
	adm1 := strings.ReplaceAll(loc.ADM1, ".", "")
	if adm1 != "" && k.FIPS != "" {
		adm1 = k.FIPS + strings.TrimPrefix(adm1, k.ISO2)
	}
	geo.adm1 = adm1
	switch {
	case loc.Feature == "region":
		geo.typ, geo.featureID = geoWorldCity, ""
	case loc.Feature == "country" || loc.ADM1 == "":
		geo.typ, geo.featureID = geoCountry, k.FIPS
	case loc.Feature == "adm1" || loc.GeonameID == 0:
		geo.typ, geo.featureID = geoWorldState, adm1
		if us {
			geo.typ = geoUSState
		}
	default:
		geo.typ, geo.featureID = geoWorldCity, strconv.Itoa(loc.GeonameID)
		if us {
			geo.typ = geoUSCity
		}
	}
	return geo
}

// id is GLOBALEVENTID: FNV-1a of document id, sentence and index, in 63 bits so that it
// fits GDELT's signed 64-bit integer column.
func (g *gdeltEvent) id() uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%d\x00%d", g.doc.ID, g.ev.Sentence, g.index)
	return h.Sum64() &^ (1 << 63)
}

func (g *gdeltEvent) formatDate(d time.Time, layout string) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(layout)
}

// quadGoldstein are the event's QuadClass and Goldstein score, from the codebook when
// the coder left them unset.
func (g *gdeltEvent) quadGoldstein() (int, float64) {
	if g.ev.Quad != 0 {
		return g.ev.Quad, g.ev.Goldstein
	}
	if e, ok := g.cb.Lookup(g.ev.CAMEO); ok {
		return e.Quad, e.Goldstein
	}
	return 0, g.ev.Goldstein
}

func newGDELTEvent(cb *cameo.Codebook, doc *document.Document, index int) *gdeltEvent {
	ev := &doc.Events[index]
	g := &gdeltEvent{doc: doc, ev: ev, index: index, cb: cb,
		src: cb.SplitActor(ev.Source.Code), tgt: cb.SplitActor(ev.Target.Code)}
	g.published, _ = time.Parse("2006-01-02", doc.Published)
	g.date, _ = time.Parse("2006-01-02", ev.Date)
	if g.date.IsZero() {
		g.date = g.published
	}
	g.code = ev.CAMEO
	for i := 0; i < len(g.code); i++ {
		if g.code[i] < '0' || g.code[i] > '9' {
			g.code = g.code[:i]
			break
		}
	}
	return g
}

// writeGDELT writes one row per event of doc.
func (w *Writer) writeGDELT(doc *document.Document) error {
	for i := range doc.Events {
		if !doc.Events[i].Asserted() {
			continue // negated and hypothetical acts are no event data
		}
		if err := w.writeGDELTEvent(doc, i); err != nil {
			return err
		}
	}
	return nil
}

// writeGDELTEvent writes the row of doc's i-th event.
func (w *Writer) writeGDELTEvent(doc *document.Document, i int) error {
	g := newGDELTEvent(w.codebook, doc, i)
	for k, c := range gdeltColumns {
		if k > 0 {
			w.w.WriteByte('\t')
		}
		w.w.WriteString(c.value(g))
	}
	return w.w.WriteByte('\n')
}

// field keeps a text value inside its column and its row.
func field(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
