package output

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"herald/cameo"
	"herald/document"
)

// The plover format writes each event as one JSON record a line with the field names of
// the PLOVER specification's "JSON Data Fields" chapter (Open Event Data Alliance, PLOVER
// manual draft 0.7b1, 2021; the crosswalk Herald's codebook follows is draft 0.8):
//
//	{"id", "date", "source": [{"code", "sector", "actor_text"}], "recipient": [...],
//	 "event": [...], "mode": [...], "context": [...], "quad_code", "event_scale",
//	 "event_text": [...], "event_loc": {...}, "text_info": {"sequence", "start", "end"},
//	 "cite_info": {...}, "coder", ...}
//
// How Herald fills them:
//   - "id" is "<document id>-<sentence>-<event index>": unique within a run's output.
//   - "date" is the event's date, else (when it is partial, "2024-05") the publication
//     date, since PLOVER requires YYYY-MM-DD.
//   - "source" and "recipient" are one actor each; "code" is the first three characters
//     of the CAMEO actor code (a country, or IGO, NGO …), "sector" the rest ("GOV",
//     "GOVELI"). A code without a country ("MED", CAMEO's "---REB") gives a sector alone.
//     The recipient is left out when the event has none.
//   - "event", "mode" and "context" are lists, as the specification allows; the codebook's
//     multiple contexts ("crime;corruption") become several entries.
//   - "quad_code" is PLOVER's quad category of the event (which puts INVESTIGATE in
//     material cooperation and SANCTION in verbal conflict, unlike CAMEO); "event_scale"
//     is CAMEO's Goldstein score.
//   - "event_loc" follows the GeoNames field names the specification adopts ("country
//     code" alpha-2, "cc3" alpha-3, "admin1 code").
//   - "text_info" gives the sentence's index and its span in characters (not bytes).
//   - Herald adds "cameo", "negated" and "confidence", which the specification permits.
//   - Events of CAMEO's 01 (statements) and 02 (appeals) families, which PLOVER dropped,
//     are left out: they have no PLOVER event.
// "coded_date" is left out so that the same input gives the same bytes.

type ploverRecord struct {
	ID         string         `json:"id"`
	Date       string         `json:"date"`
	Source     []ploverActor  `json:"source"`
	Recipient  []ploverActor  `json:"recipient,omitempty"`
	Event      []string       `json:"event"`
	Mode       []string       `json:"mode"`
	Context    []string       `json:"context"`
	QuadCode   int            `json:"quad_code,omitempty"`
	EventScale float64        `json:"event_scale"`
	EventText  []string       `json:"event_text,omitempty"`
	EventLoc   *ploverLoc     `json:"event_loc,omitempty"`
	TextInfo   ploverTextInfo `json:"text_info"`
	CiteInfo   ploverCite     `json:"cite_info"`
	Coder      string         `json:"coder"`
	CAMEO      string         `json:"cameo"`
	Negated    bool           `json:"negated"`
	Confidence float64        `json:"confidence"`
}

type ploverActor struct {
	Code      string `json:"code,omitempty"`
	Sector    string `json:"sector,omitempty"`
	ActorText string `json:"actor_text"`
}

type ploverLoc struct {
	GeonameID   int     `json:"geonameid,omitempty"`
	Name        string  `json:"name"`
	Latitude    float64 `json:"latitude"`
	Longitude   float64 `json:"longitude"`
	CountryCode string  `json:"country code,omitempty"`
	CC3         string  `json:"cc3,omitempty"`
	Admin1      string  `json:"admin1 code,omitempty"`
}

type ploverTextInfo struct {
	Sequence int `json:"sequence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

type ploverCite struct {
	URL      string `json:"url,omitempty"`
	Title    string `json:"title,omitempty"`
	Language string `json:"language"`
	Coder    string `json:"coder"`
	Codebook string `json:"codebook"`
}

const (
	ploverCoder    = "Herald"
	ploverCodebook = "CAMEO2PLOVER-2021 (PLOVER draft 0.8)"
)

// ploverQuad is the PLOVER manual's table of quad categories. REQUEST is draft 0.8's name
// for the manual's DEMAND, DISAPPROVE and FIGHT the README's for ACCUSE and ASSAULT.
var ploverQuad = map[string]int{
	"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
	"COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
	"DEMAND": 3, "REQUEST": 3, "ACCUSE": 3, "DISAPPROVE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
	"PROTEST": 4, "CRIME": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4,
}

// writePLOVER writes one record per event of doc that has a PLOVER event.
func (w *Writer) writePLOVER(doc *document.Document) error {
	for i := range doc.Events {
		if !doc.Events[i].Asserted() {
			continue // negated and hypothetical acts are no event data
		}
		if err := w.writePLOVEREvent(doc, i); err != nil {
			return err
		}
	}
	return nil
}

// writePLOVEREvent writes the record of doc's i-th event, if it has a PLOVER event.
func (w *Writer) writePLOVEREvent(doc *document.Document, i int) error {
	rec, ok := w.ploverRecord(doc, i)
	if !ok {
		return nil
	}
	return w.enc.Encode(rec)
}

func (w *Writer) ploverRecord(doc *document.Document, i int) (*ploverRecord, bool) {
	ev := &doc.Events[i]
	p := ev.PLOVER
	entry, known := w.codebook.Lookup(ev.CAMEO)
	if p.Event == "" && known {
		p = entry.PLOVER
	}
	if p.Event == "" {
		return nil, false
	}
	// PLOVER wants a full date: a partial one ("2024-05") gives way to the publication
	// date, as in the gdelt format.
	date := ev.Date
	if !isDate(date) && isDate(doc.Published) {
		date = doc.Published
	}
	rec := &ploverRecord{
		ID:         doc.ID + "-" + strconv.Itoa(ev.Sentence) + "-" + strconv.Itoa(i),
		Date:       date,
		Source:     []ploverActor{},
		Event:      []string{p.Event},
		Mode:       splitList(p.Mode),
		Context:    splitList(p.Context),
		QuadCode:   ploverQuad[p.Event],
		EventScale: ev.Goldstein,
		TextInfo:   ploverTextInfo{Sequence: ev.Sentence},
		CiteInfo:   ploverCite{URL: doc.URL, Title: doc.Title, Language: "en", Coder: ploverCoder, Codebook: ploverCodebook},
		Coder:      ploverCoder,
		CAMEO:      ev.CAMEO,
		Negated:    ev.Negated,
		Confidence: ev.Confidence,
	}
	if ev.Quad == 0 && known {
		rec.EventScale = entry.Goldstein
	}
	if a, ok := w.ploverActor(ev.Source); ok {
		rec.Source = append(rec.Source, a)
	}
	if a, ok := w.ploverActor(ev.Target); ok {
		rec.Recipient = []ploverActor{a}
	}
	if ev.Evidence.Verb != "" {
		rec.EventText = []string{ev.Evidence.Verb}
	}
	if loc := ev.Location; loc != nil {
		k, _ := w.codebook.Country(loc.Country)
		adm1 := strings.TrimPrefix(strings.TrimPrefix(loc.ADM1, k.ISO2), ".")
		if k.ISO2 == "" {
			adm1 = loc.ADM1
		}
		rec.EventLoc = &ploverLoc{GeonameID: loc.GeonameID, Name: loc.Name, Latitude: loc.Lat, Longitude: loc.Lon,
			CountryCode: k.ISO2, CC3: loc.Country, Admin1: adm1}
	}
	if ev.Sentence >= 0 && ev.Sentence < len(doc.Sentences) {
		s := doc.Sentences[ev.Sentence]
		rec.TextInfo.Start, rec.TextInfo.End = runeOffset(doc.Text, s.Start), runeOffset(doc.Text, s.End)
	}
	return rec, true
}

// ploverNonState are the PLOVER manual's actor codes for non-state actors, which stand
// where a country code would.
var ploverNonState = map[string]bool{"IGO": true, "NGO": true, "ISM": true, "IMG": true, "MNC": true}

// ploverActor splits a CAMEO actor code into PLOVER's code and sector; ok is false for an
// actor with neither text nor code. A code that starts with a role ("MED", "GOVELI": the
// country is unknown) has a sector and no code, as has CAMEO's "---" (unknown country).
func (w *Writer) ploverActor(a document.Actor) (ploverActor, bool) {
	if a.Text == "" && a.Code == "" {
		return ploverActor{}, false
	}
	p := ploverActor{ActorText: a.Text}
	code := a.Code
	if len(code) < 3 {
		p.Code = code
		return p, true
	}
	p.Code, p.Sector = code[:3], code[3:]
	if _, role := w.codebook.Label(cameo.KindType, p.Code); p.Code == "---" || role && !ploverNonState[p.Code] {
		p.Code, p.Sector = "", strings.TrimPrefix(code, "---")
	}
	return p, true
}

// splitList turns the codebook's ";"-joined values into a list, never nil, so that every
// record has the same shape.
func splitList(s string) []string {
	out := []string{}
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// runeOffset converts a byte offset into text to a character offset.
func runeOffset(text string, off int) int {
	off = max(0, min(off, len(text)))
	return utf8.RuneCountInString(text[:off])
}
