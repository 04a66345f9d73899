// Package document defines the Document, the one value that flows through Herald's
// pipeline. Ingest creates it with raw bytes and metadata; clean turns the bytes into the
// normalized Text; every later stage (dateline, timex, segment, syntax, entity, actor, event,
// geo) reads what the earlier ones wrote and adds its own layer.
//
// Every layer addresses Text by byte offsets, end exclusive, so a span can always be shown
// against the text it came from. The JSON encoding is the contract of `herald analyze` in
// docs/INTERFACES.md; fields may be added, never renamed.
package document

import (
	"encoding/json"
	"strconv"
)

// Document is one article and all that Herald has learned about it.
type Document struct {
	// ID is the given id, else a stable hash of the raw bytes, so re-ingesting is idempotent.
	ID string `json:"id"`
	// Source names where the document came from: a path, a URL, or "-" for standard input.
	Source string `json:"source"`
	// Line is the 1-based line of a JSONL source, 0 for whole-file sources. It makes
	// diagnostics point at the exact record.
	Line int `json:"-"`

	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`

	// Raw holds the bytes as they arrived until clean has turned them into Text.
	Raw []byte `json:"-"`
	// RawHTML says Raw holds an HTML page whose article text ingest.Extract has yet to
	// take out. Extraction costs milliseconds a page, so ingest leaves it to the
	// pipeline's worker pool rather than doing it in the loop that reads the inputs.
	RawHTML bool `json:"-"`
	// Charset is the encoding clean detected in Raw.
	Charset string `json:"charset,omitempty"`

	// Text is the cleaned, NFC-normalized text that every offset refers to.
	Text string `json:"text"`
	// Published is the publication date (YYYY-MM-DD) when known: given by the source or
	// --date, else inferred from the dateline.
	Published string `json:"published,omitempty"`

	Dateline  *Dateline  `json:"dateline,omitempty"`
	Repairs   []Repair   `json:"repairs"`
	Marks     []Mark     `json:"marks,omitempty"`
	Times     []Time     `json:"times"`
	Sentences []Sentence `json:"sentences"`
	Entities  []Entity   `json:"entities"`
	Events    []Event    `json:"events"`
	Warnings  []string   `json:"warnings,omitempty"`
}

// Where names the document for diagnostics: "path", "path:line" for JSONL records.
func (d *Document) Where() string {
	if d.Line > 0 {
		return d.Source + ":" + strconv.Itoa(d.Line)
	}
	return d.Source
}

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Dateline is the wire-story header: "ASTANA, May 20 (Xinhua) --".
type Dateline struct {
	Place  string `json:"place,omitempty"`  // title case: "Astana"
	Date   string `json:"date,omitempty"`   // YYYY-MM-DD once resolved
	Agency string `json:"agency,omitempty"` // canonical name: "Xinhua", "Reuters", "AP"
	// Region is the state, province or country written after the place, as written:
	// "Ukraine" in "KYIV, Ukraine (AP) —", "Calif." in "SAN JOSE, Calif., March 2 -".
	Region string `json:"region,omitempty"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	// Month and Day are the date as written, before the year is known; 0 when absent.
	Month int `json:"-"`
	Day   int `json:"-"`
	// Year is the year as written, 0 when absent.
	Year int `json:"-"`
}

// Repair records one change clean made to the text: Before as it arrived, After as it now
// stands at Text[Start:End].
type Repair struct {
	Kind   string `json:"kind"` // mojibake, invalid-utf8, control, …
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Mark kinds: regions of the text that are not story prose.
const (
	MarkEndOfStory = "end-of-story" // ■, (end), -30-, ENDS
	MarkCredit     = "credit"       // (Reporting by …; Editing by …)
	MarkByline     = "byline"       // By Jane Doe
	MarkHeadline   = "headline"     // a title line before the dateline
)

// Mark is a region that is not story prose, so segmentation skips it.
type Mark struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Time is a time expression found in the text and resolved to a calendar value.
type Time struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Value is an ISO 8601 / TIMEX3-style value: 2024-05-20, 2024-05, 2024, 2024-W20,
	// 2024-05-20T14:30; empty when the expression could not be anchored.
	Value string `json:"value"`
}

// Sentence is a span of text with its tokens.
type Sentence struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Tokens []Token `json:"tokens"`
	// Split is set on every piece of a run of text that segmentation found longer than
	// segment.MaxTokens tokens and cut at its best breaks (a semicolon, a colon, a comma
	// before a conjunction, a comma, else at the limit): a web page's long list or a
	// paragraph with no full stop. The pieces are consecutive sentences; each is tagged,
	// parsed and coded on its own.
	Split bool `json:"split_too_long,omitempty"`
	// Unparsed is set when the pipeline tagged the sentence but did not parse it, because
	// it can hold no event and only events were asked for: its heads are 0 and its
	// relations empty. It is no part of the output contract.
	Unparsed bool `json:"-"`
}

// Token is one syntactic word in UD English tokenization ("China's" is "China" + "'s").
// The syntax fields are empty until the syntax stage has run.
type Token struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Lemma  string `json:"lemma,omitempty"`
	UPOS   string `json:"upos,omitempty"`
	XPOS   string `json:"xpos,omitempty"`
	Head   int    `json:"head,omitempty"` // 1-based within the sentence, 0 for the root
	Deprel string `json:"deprel,omitempty"`
}

// Entity is a mention of a person, organization, place or group.
type Entity struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Type        string `json:"type"`
	Name        string `json:"name,omitempty"`
	Role        string `json:"role,omitempty"`
	Nationality string `json:"nationality,omitempty"`
	Actor       string `json:"actor,omitempty"`
	ActorHow    string `json:"actor_how,omitempty"`
	// Mention says how the entity is mentioned: "name", "pronoun" ("he", "its") or
	// "nominal" ("the president", "the country"). A pronoun or nominal mention carries
	// the type, name, role and nationality of the referent it was linked to.
	Mention string `json:"mention,omitempty"`
	Cluster int    `json:"cluster"`
	// Place is the GeoNames entry a place name (LOC, GPE) resolves to, when it does.
	Place *Location `json:"place,omitempty"`
}

// Event is one coded event: who did what to whom, with its evidence.
type Event struct {
	Doc        string    `json:"doc"`
	Sentence   int       `json:"sentence"`
	Date       string    `json:"date,omitempty"`
	Source     Actor     `json:"source"`
	Target     Actor     `json:"target"`
	CAMEO      string    `json:"cameo"`
	Root       string    `json:"root"`
	Quad       int       `json:"quad"`
	Goldstein  float64   `json:"goldstein"`
	PLOVER     PLOVER    `json:"plover"`
	Location   *Location `json:"location,omitempty"`
	Evidence   Evidence  `json:"evidence"`
	Negated    bool      `json:"negated"`
	Confidence float64   `json:"confidence"`
}

// Actor is an event participant: its text span and CAMEO code (empty when uncoded).
type Actor struct {
	Text  string `json:"text"`
	Code  string `json:"code"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Location is where the text places the actor: the place it is ("Kazakhstan"), or one
	// its phrase names ("protesters in Nairobi"). GDELT's Actor1Geo and Actor2Geo.
	Location *Location `json:"location,omitempty"`
}

// PLOVER is the event's class in the PLOVER ontology.
type PLOVER struct {
	Event   string `json:"event"`
	Mode    string `json:"mode"`
	Context string `json:"context"`
}

// Location is a resolved GeoNames place.
type Location struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"` // ISO 3166 alpha-3; "" for international waters
	ADM1      string  `json:"adm1,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int     `json:"geonameid,omitempty"`
	// Feature is what the place is: country, adm1, capital, seat, city, town or region.
	Feature string `json:"feature,omitempty"`
	// Confidence (0-1) and Reason tell how sure the resolution is and why this place won
	// over the others of its name.
	Confidence float64 `json:"confidence,omitempty"`
	Reason     string  `json:"reason,omitempty"`
}

// Evidence is the text and rule that produced an event.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Verb  string `json:"verb"`
	Rule  string `json:"rule"`
}

// MarshalJSON writes head only for parsed tokens: a head of 0 means the root, so an
// unparsed token must not show one.
func (t Token) MarshalJSON() ([]byte, error) {
	var head *int
	if t.Deprel != "" {
		head = &t.Head
	}
	return json.Marshal(struct {
		Start  int    `json:"start"`
		End    int    `json:"end"`
		Text   string `json:"text"`
		Lemma  string `json:"lemma,omitempty"`
		UPOS   string `json:"upos,omitempty"`
		XPOS   string `json:"xpos,omitempty"`
		Head   *int   `json:"head,omitempty"`
		Deprel string `json:"deprel,omitempty"`
	}{t.Start, t.End, t.Text, t.Lemma, t.UPOS, t.XPOS, head, t.Deprel})
}
