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
	"slices"
	"sort"
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

	Dateline  *Dateline      `json:"dateline,omitempty"`
	Repairs   []Repair       `json:"repairs"`
	Marks     []Mark         `json:"marks,omitempty"`
	Times     []Time         `json:"times"`
	Sentences []Sentence     `json:"sentences"`
	Entities  []Entity       `json:"entities"`
	Actors    []ActorMention `json:"actors"`
	Events    []Event        `json:"events"`
	Warnings  []string       `json:"warnings,omitempty"`
}

// Where names the document for diagnostics: "path", "path:line" for JSONL records.
func (d *Document) Where() string {
	if d.Line > 0 {
		return d.Source + ":" + strconv.Itoa(d.Line)
	}
	return d.Source
}

// Tree returns the dependency tree of a sentence's tokens: each token's head (0-based, -1
// for the root) and children in order. A head out of range, a token its own head, and a
// cycle (where it closes) make a root, so that every walk up or down the tree ends: a
// document read from JSON may carry anything.
func Tree(toks []Token) (head []int, children [][]int) {
	n := len(toks)
	head = make([]int, n)
	children = make([][]int, n)
	for i, t := range toks {
		h := t.Head - 1
		if h < -1 || h >= n || h == i {
			h = -1
		}
		head[i] = h
	}
	if _, found := Cycle(head); found {
		// Cut each token whose walk up never ends, in order: the one that closes a cycle
		// and those that lead into one before it is cut.
		for i := range head {
			k, steps := i, 0
			for k >= 0 && steps <= n {
				k, steps = head[k], steps+1
			}
			if steps > n {
				head[i] = -1
			}
		}
	}
	for i := range head {
		if h := head[i]; h >= 0 {
			children[h] = append(children[h], i)
		}
	}
	return head, children
}

// Cycle finds a token whose walk up the heads never reaches a root, given each token's
// 0-based head (any negative value ends the walk: the root, or no head known). It runs in
// time linear in the number of tokens: each token is settled once.
func Cycle(head []int) (at int, found bool) {
	const (
		unseen = iota
		onPath
		settled
	)
	state := make([]uint8, len(head))
	for start := range head {
		k := start
		for k >= 0 && state[k] == unseen {
			state[k] = onPath
			k = head[k]
		}
		if k >= 0 && state[k] == onPath {
			return k, true
		}
		for k := start; k >= 0 && state[k] == onPath; k = head[k] {
			state[k] = settled
		}
	}
	return 0, false
}

// EntityAt returns a function that finds the entity covering a span of the text (a
// token's), -1 if none. Entities come in text order (the dateline's place first), so a
// sorted copy of their starts answers each span with a binary search.
func (d *Document) EntityAt() func(start, end int) int {
	order := make([]int, len(d.Entities))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return d.Entities[a].Start - d.Entities[b].Start })
	return func(start, end int) int {
		// the last entity starting at or before the span
		k, _ := slices.BinarySearchFunc(order, start+1, func(i, target int) int { return d.Entities[i].Start - target })
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			e := &d.Entities[order[j]]
			if e.Start <= start && end <= e.End {
				return order[j]
			}
		}
		return -1
	}
}

// SentenceAt returns the index of the sentence holding byte offset off, -1 if none.
func (d *Document) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > off })
	if i < len(d.Sentences) && d.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

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
	// Gated is set when the pipeline's gate found that the document's events need no
	// parse of the sentence (herald code leaves it Unparsed). Stages that read other
	// sentences for a story's context (actor/whose.go) read nothing of a gated one, so
	// that a full parse codes the same events as herald code.
	Gated bool `json:"-"`
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

// Entity types (Entity.Type): a person, an organization, a place that is no state or
// settlement (a region, a sea), a country, division or settlement, a nationality or group.
const (
	TypePerson = "PERSON"
	TypeOrg    = "ORG"
	TypeLoc    = "LOC"
	TypeGPE    = "GPE"
	TypeNORP   = "NORP"
)

// How an entity is mentioned (Entity.Mention).
const (
	MentionName    = "name"
	MentionPronoun = "pronoun"
	MentionNominal = "nominal"
)

// How an actor's code was found (ActorMention.How, and the entities' actor_how): a role
// the text states, the list of leaders, the dictionaries, or the referent's other mentions.
// An agent whose phrase names no country ("the police") takes one, by the first rule of
// docs/CODING.md 3.3 that gives it: a possessive ("its troops"), an earlier mention of the
// same agent in the story ("Turkish police … the police"), the actor a pronoun or "the
// government" stands for, the one place its sentence names ("police in Nairobi"), or the
// dateline of a domestic story. Otherwise its code starts "---" ("---COP").
const (
	ByRole       = "role"
	ByLeader     = "leader"
	ByDictionary = "dictionary"
	ByContext    = "context"
	ByPossessive = "possessive"
	ByStory      = "story"
	ByAntecedent = "antecedent"
	ByPlace      = "place"
	ByDateline   = "dateline"
)

// Entity is a mention of a person, organization, place or group.
type Entity struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Type        string `json:"type"`
	Name        string `json:"name,omitempty"`
	Role        string `json:"role,omitempty"`
	Nationality string `json:"nationality,omitempty"`
	// Actor and ActorHow are the code of the entity's mention in the actors layer and
	// how it was found; they are filled in when the document is written (MarshalJSON).
	Actor    string `json:"actor,omitempty"`
	ActorHow string `json:"actor_how,omitempty"`
	// Mention says how the entity is mentioned: "name", "pronoun" ("he", "its") or
	// "nominal" ("the president", "the country"). A pronoun or nominal mention carries
	// the type, name, role and nationality of the referent it was linked to.
	Mention string `json:"mention,omitempty"`
	Cluster int    `json:"cluster"`
	// Place is the GeoNames entry a place name (LOC, GPE) resolves to, when it does.
	Place *Location `json:"place,omitempty"`
}

// ActorMention is one place where the text names an actor, named or not: an entity that
// has a code ("Kazakh President Kassym-Jomart Tokayev"), or a noun phrase the actor stage
// coded ("Turkish police", "Pakistan's foreign minister").
type ActorMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Code  string `json:"code"`
	// How says how the code was found: role, leader, dictionary, context, or for an
	// agent the country came to later, possessive, story, antecedent, place or dateline.
	How string `json:"how"`
	// Entity is the index of the entity the mention is, -1 for a phrase.
	Entity int `json:"entity"`
	// Sentence holds the mention (-1 for the dateline's place); Head is the 1-based index
	// of a phrase's head token in it, 0 for an entity's mention.
	Sentence int `json:"sentence"`
	Head     int `json:"head,omitempty"`
	// Composed says the code composes a country with a role (TUR + COP of "Turkish
	// police"); RoleHead that the phrase's head words are a role or group the
	// dictionaries know ("police"). The event stage reads them; they are no part of the
	// output.
	Composed bool `json:"-"`
	RoleHead bool `json:"-"`
}

// EntityActors returns, for each entity, the index of its mention in the actors layer,
// -1 when it has none.
func (d *Document) EntityActors() []int {
	out := make([]int, len(d.Entities))
	for i := range out {
		out[i] = -1
	}
	for i, a := range d.Actors {
		if a.Head == 0 && a.Entity >= 0 && a.Entity < len(out) && out[a.Entity] < 0 {
			out[a.Entity] = i
		}
	}
	return out
}

// MarshalJSON writes the document as docs/INTERFACES.md shows it: each entity's actor and
// actor_how are those of its mention in the actors layer, which the actor stage writes.
func (d Document) MarshalJSON() ([]byte, error) {
	type plain Document
	p := plain(d)
	if len(d.Actors) > 0 {
		p.Entities = slices.Clone(d.Entities)
		for i, k := range d.EntityActors() {
			if k >= 0 {
				p.Entities[i].Actor, p.Entities[i].ActorHow = d.Actors[k].Code, d.Actors[k].How
			}
		}
	}
	return json.Marshal(p)
}

// Event is one coded event: who did what to whom, with its evidence.
type Event struct {
	Doc       string    `json:"doc"`
	Sentence  int       `json:"sentence"`
	Date      string    `json:"date,omitempty"`
	Source    Actor     `json:"source"`
	Target    Actor     `json:"target"`
	CAMEO     string    `json:"cameo"`
	Root      string    `json:"root"`
	Quad      int       `json:"quad"`
	Goldstein float64   `json:"goldstein"`
	PLOVER    PLOVER    `json:"plover"`
	Location  *Location `json:"location,omitempty"`
	Evidence  Evidence  `json:"evidence"`
	// Negated and Hypothetical mark an act the sentence does not state as done: "did
	// not attend", "might impose tariffs", "if talks fail". Such events stay in the
	// document for analyze to show, but are no event data (see Asserted).
	Negated      bool    `json:"negated"`
	Hypothetical bool    `json:"hypothetical,omitempty"`
	Confidence   float64 `json:"confidence"`
}

// Asserted reports whether the text states the event as done or being done. Only
// asserted events are written by code, ingest and export, and scored against the gold
// standard (docs/CODING.md 4.5, 4.6).
func (e *Event) Asserted() bool { return !e.Negated && !e.Hypothetical }

// AssertedEvents counts the document's asserted events, those that are event data.
func (d *Document) AssertedEvents() int {
	n := 0
	for i := range d.Events {
		if d.Events[i].Asserted() {
			n++
		}
	}
	return n
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
