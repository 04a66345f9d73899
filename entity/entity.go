// Package entity is the entity stage: it finds the people, organizations, places and
// nationalities each sentence names, splits titles off names ("Chinese Foreign Minister Wang
// Yi" is Wang Yi, Foreign Minister, Chinese), and links the mentions of one referent across
// the article ("Kassym-Jomart Tokayev" … "Tokayev" … "he"). It reads the tokens, tags and
// parse of the syntax stage and fills the Document's entities layer (docs/INTERFACES.md),
// of which it is the only writer: it also repairs what the recognizer did to place names
// (places.go), before the actors and events are coded from them.
//
// Names come from the statistical recognizer (package ner) and, where it is silent, from
// direct matches in the gazetteer (package gazetteer): countries, capitals, demonyms and
// international organizations, which are also what types places as GPE and gives
// nationalities their country. Roles are read with a small grammar of role words (role.go),
// and mentions are linked by the rules of cluster.go. Actor codes are the actor stage's.
package entity

import (
	"strings"
	"sync"

	"herald/document"
	"herald/entity/gazetteer"
	"herald/entity/ner"
	"herald/lexicon"
)

// Models are what the stage reads: the recognizer's model, the gazetteer, and the names of
// places, all read-only after loading and shared by every goroutine.
type Models struct {
	NER       *ner.Model
	Gazetteer *gazetteer.Gazetteer
	// Dictionaries, when set, are the actor dictionaries whose names the stage adds as
	// entities where the recognizer missed them (addDictionaryNames): the lexicon the
	// actor stage codes with.
	Dictionaries *lexicon.Lexicon
	// Places, when set, are the place names the stage repairs place entities with
	// (repairPlaces): geo's table of places, which the pipeline gives it.
	Places PlaceNames
}

// Embedded returns the recognizer model and the gazetteer embedded in the binary, each
// decoded once (see ner.Embedded and gazetteer.Embedded), the two at once. It is safe
// for concurrent use.
func Embedded() (*Models, error) {
	var (
		m          Models
		errN, errG error
		wg         sync.WaitGroup
	)
	wg.Go(func() { m.NER, errN = ner.Embedded() })
	m.Gazetteer, errG = gazetteer.Embedded()
	wg.Wait()
	if errN != nil {
		return nil, errN
	}
	if errG != nil {
		return nil, errG
	}
	return &m, nil
}

// Annotator runs the stage with a set of Models. It holds scratch buffers, so each
// goroutine needs its own (NewAnnotator); the models behind it are shared.
type Annotator struct {
	models     *Models
	recognizer *ner.Recognizer
	words      []string
	upos, xpos []string
	spans      []ner.Span
	mentions   []mention
	// personParts are the words of the full person names read so far in the document.
	personParts map[string]bool
}

// NewAnnotator returns an Annotator over m.
func (m *Models) NewAnnotator() *Annotator {
	var gaz ner.KnownNames
	if m.Gazetteer != nil {
		gaz = ner.FromGazetteer(m.Gazetteer)
	}
	return &Annotator{models: m, recognizer: m.NER.NewRecognizer(gaz), personParts: map[string]bool{}}
}

// Annotate fills doc.Entities from doc.Sentences, which must carry the syntax stage's
// tags and parse. Entities come in text order, each with a cluster id shared by the
// mentions of one referent; ids count from 0 in order of first mention.
func (a *Annotator) Annotate(doc *document.Document) {
	a.mentions = a.mentions[:0]
	clear(a.personParts)
	if m, ok := datelineMention(doc, a.models.Gazetteer); ok {
		a.mentions = append(a.mentions, m)
	}
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		if len(toks) == 0 {
			continue
		}
		a.words, a.upos, a.xpos = a.words[:0], a.upos[:0], a.xpos[:0]
		for i := range toks {
			a.words = append(a.words, toks[i].Text)
			a.upos = append(a.upos, toks[i].UPOS)
			a.xpos = append(a.xpos, toks[i].XPOS)
		}
		a.spans = a.recognizer.Recognize(a.words, a.upos, a.xpos, a.spans[:0])
		a.mentions = a.findMentions(a.mentions, doc.Text, si, toks)
	}
	date := ""
	if doc.Dateline != nil && doc.Dateline.Date != "" {
		date = doc.Dateline.Date
	} else {
		date = doc.Published
	}
	linkMentions(a.mentions, a.models.Gazetteer, date)
	doc.Entities = appendEntities(doc.Entities[:0], doc, a.mentions)
	if a.models.Dictionaries != nil {
		addDictionaryNames(doc, a.models.Dictionaries, date)
	}
	if a.models.Places != nil {
		repairPlaces(doc, a.models.Places)
	}
	renumberClusters(doc.Entities)
}

// renumberClusters numbers the clusters again in order of their first mention, as the
// entities layer promises, after the passes that add entities with clusters of their own
// and keep the layer in text order.
func renumberClusters(ents []document.Entity) {
	renumber := map[int]int{}
	for i := range ents {
		id, ok := renumber[ents[i].Cluster]
		if !ok {
			id = len(renumber)
			renumber[ents[i].Cluster] = id
		}
		ents[i].Cluster = id
	}
}

// appendEntities turns the linked mentions into the entities layer.
func appendEntities(dst []document.Entity, doc *document.Document, ms []mention) []document.Entity {
	for i := range ms {
		m := &ms[i]
		if m.cluster < 0 {
			continue
		}
		start, end := m.start, m.end // the dateline's place is in bytes
		if m.sent >= 0 {
			toks := doc.Sentences[m.sent].Tokens
			start, end = toks[m.start].Start, toks[m.end-1].End
		}
		dst = append(dst, document.Entity{
			Start:       start,
			End:         end,
			Text:        doc.Text[start:end],
			Type:        m.typ,
			Name:        m.name,
			Role:        strings.Join(m.roles, " and "),
			Nationality: m.nationality,
			Mention:     m.kind.String(),
			Cluster:     m.cluster,
		})
	}
	return dst
}

// datelineMention makes the dateline's place ("ASTANA" in "ASTANA, May 20 (Xinhua) --") a
// mention, so that the place every wire story is filed from is an entity too, linked with
// the country it is the capital of. The dateline is no sentence: the mention has sent -1
// and byte offsets for start and end.
func datelineMention(doc *document.Document, gaz *gazetteer.Gazetteer) (mention, bool) {
	dl := doc.Dateline
	if dl == nil || dl.Place == "" || dl.End > len(doc.Text) || dl.Start < 0 || dl.Start > dl.End {
		return mention{}, false
	}
	header := doc.Text[dl.Start:dl.End]
	at := strings.Index(strings.ToLower(header), strings.ToLower(dl.Place))
	if at < 0 {
		return mention{}, false
	}
	start := dl.Start + at
	m := mention{sent: -1, start: start, end: start + len(dl.Place), typ: document.TypeLoc, name: dl.Place}
	words := strings.Fields(dl.Place)
	if n, entries := gaz.Match(words, 0); n == len(words) && len(entries) > 0 {
		e := &entries[0]
		switch e.Kind {
		case gazetteer.Country, gazetteer.Capital:
			m.typ, m.country, m.gazKind = document.TypeGPE, e.Country, e.Kind
		case gazetteer.City:
			m.typ, m.gazKind = document.TypeGPE, e.Kind
		}
	}
	return m, true
}
