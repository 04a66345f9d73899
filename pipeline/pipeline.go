// Package pipeline wires Herald's stages into one Pipeline that the CLI, the benchmarks and
// (later) the server share. It takes documents from ingest and runs, in order: extract (the
// article text of an HTML page, see ingest.Extract), clean (bytes to normalized text),
// dateline (header, end marks, bylines), timex (the reference date and the time expressions),
// segment (sentences and tokens), syntax (tags, lemmas, dependency parse) and entity (names,
// roles and who-is-who, see package entity) and actor (CAMEO actor codes, see package
// actor) and event (who did what to whom, see package event) and geo (places resolved
// to GeoNames, where each event happened, see package geo). Later stages are added
// here, each as one more step in Process.
//
// Documents are processed in parallel by a pool of workers, but results are delivered in
// input order, so the same input always gives byte-identical output.
package pipeline

import (
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"herald/actor"
	"herald/cameo"
	"herald/clean"
	"herald/dateline"
	"herald/document"
	"herald/entity"
	"herald/event"
	"herald/geo"
	"herald/ingest"
	"herald/lexicon"
	"herald/segment"
	"herald/syntax"
	"herald/timex"
)

// Options configure a Pipeline.
type Options struct {
	// Published is the publication date (YYYY-MM-DD) to assume for documents that carry
	// none (the --date flag).
	Published string
	// Today bounds inferred dates ("the latest May 20 that was a Monday, not after today").
	// Zero means time.Now().
	Today time.Time
	// Workers is the number of documents processed at once; 0 means GOMAXPROCS.
	Workers int
	// Syntax are the tagger, lemmatizer and parser models; nil means the embedded ones.
	Syntax *syntax.Models
	// Entity are the recognizer's model and the gazetteer; nil means the embedded ones.
	Entity *entity.Models
	// Lexicon is the compiled actor dictionaries; nil means the embedded one.
	Lexicon *lexicon.Lexicon
	// Places is the geocoder's gazetteer; nil means the embedded one.
	Places *geo.Gazetteer
	// EventsOnly is for callers that want the events, not a parse of every sentence
	// (herald code): a sentence the event coder cannot code (no dictionary verb, fewer
	// than two places an actor may be named) is tagged but left unparsed.
	EventsOnly bool
}

// Pipeline runs the stages over documents. It is safe for concurrent use: everything it
// holds is read-only after New.
type Pipeline struct {
	published  string
	today      time.Time
	workers    int
	eventsOnly bool
	// newScratch makes one goroutine's scratch: the syntax and entity stages' buffers
	// and caches (the models behind them are shared). Run gives each of its workers one
	// for good, so that their caches stay warm; Process, which callers may run from
	// any goroutine, takes one from a pool.
	newScratch func() *scratch
	pool       sync.Pool
	actors     *actor.Coder
	events     *event.Coder
	places     *geo.Resolver
}

// New builds a Pipeline.
func New(opt Options) (*Pipeline, error) {
	if opt.Published != "" {
		if _, err := time.Parse("2006-01-02", opt.Published); err != nil {
			return nil, fmt.Errorf("publication date %q: want YYYY-MM-DD", opt.Published)
		}
	}
	today := opt.Today
	if today.IsZero() {
		today = time.Now()
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	models, entities, lex, places := opt.Syntax, opt.Entity, opt.Lexicon, opt.Places
	var errSyntax, errEntity, errLexicon, errPlaces error
	var wg sync.WaitGroup
	if places == nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			places, errPlaces = geo.Embedded()
		}()
	}
	if entities == nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			entities, errEntity = entity.Embedded()
		}()
	}
	if lex == nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lex, errLexicon = lexicon.Embedded()
		}()
	}
	if models == nil {
		models, errSyntax = syntax.Embedded()
	}
	wg.Wait()
	if errSyntax != nil {
		return nil, fmt.Errorf("loading the syntax models: %w", errSyntax)
	}
	if errEntity != nil {
		return nil, fmt.Errorf("loading the entity models: %w", errEntity)
	}
	if errLexicon != nil {
		return nil, fmt.Errorf("loading the lexicon: %w", errLexicon)
	}
	if errPlaces != nil {
		return nil, fmt.Errorf("loading the places: %w", errPlaces)
	}
	p := &Pipeline{published: opt.Published, today: today, workers: workers, eventsOnly: opt.EventsOnly,
		actors: actor.New(lex, entities.Gazetteer)}
	book, err := cameo.Embedded()
	if err != nil {
		return nil, fmt.Errorf("loading the CAMEO codebook: %w", err)
	}
	p.events = event.New(lex, p.actors, describer(book))
	p.places = geo.New(places, entities.Gazetteer.CAMEO, func(code string) bool {
		_, ok := book.Label(cameo.KindType, code)
		return ok && !internationalRoots[code]
	})
	p.newScratch = func() *scratch {
		return &scratch{syntax: models.NewAnnotator(), entity: entities.NewAnnotator()}
	}
	p.pool.New = func() any { return p.newScratch() }
	return p, nil
}

// scratch is what one goroutine running the stages needs of its own.
type scratch struct {
	syntax *syntax.Annotator
	entity *entity.Annotator
}

// Stage names, in the order Process runs them; StageTimes is indexed by them.
const (
	StageExtract = iota
	StageClean
	StageDateline
	StageTimex
	StageSegment
	StageSyntax
	StageEntity
	StageActor
	StageEvent
	StageGeo
	numStages
)

// StageNames labels the stages for reports.
var StageNames = [numStages]string{"extract", "clean", "dateline", "timex", "segment", "syntax", "entity", "actor", "event", "geo"}

// StageTimes accumulates the time spent in each stage.
type StageTimes [numStages]time.Duration

// Add sums another set of stage times into t.
func (t *StageTimes) Add(o StageTimes) {
	for i := range t {
		t[i] += o[i]
	}
}

// Result is the outcome for one input item: a processed document, diagnostics, or both
// (a document that was recovered from bad input still comes with its diagnostics).
type Result struct {
	Doc   *document.Document // nil when the item could not be processed at all
	Errs  []error            // each names the document and where; any makes the exit status 1
	Times StageTimes
}

// Process runs every stage on doc, which must hold Raw bytes from ingest (an HTML page when
// RawHTML is set, reduced to its article first), or come with its text and sentences
// (conllu.DocumentReader): those start at the time expressions, keep their sentences and
// trees, and have the syntax they lack filled in. A document whose bytes are not text, or a
// page without an article, comes back with Doc == nil. No panic escapes: a stage that
// panics turns into an error naming the document, and the batch goes on.
func (p *Pipeline) Process(doc *document.Document) Result {
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	return p.process(sc, doc)
}

// process is Process with the scratch of the calling goroutine.
func (p *Pipeline) process(sc *scratch, doc *document.Document) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{Errs: []error{fmt.Errorf("%s: internal error: %v\n%s", doc.Where(), r, debug.Stack())}}
		}
	}()
	var times StageTimes
	var errs []error
	if doc.Raw == nil && doc.Sentences != nil {
		p.given(sc, doc, &times)
	} else {
		var ok bool
		if errs, ok = p.prepare(sc, doc, &times); !ok {
			return Result{Errs: errs}
		}
	}
	t5 := time.Now()

	sc.entity.Annotate(doc)
	t6 := time.Now()
	times[StageEntity] = t6.Sub(t5)

	p.actors.Annotate(doc)
	t7 := time.Now()
	times[StageActor] = t7.Sub(t6)

	p.events.Annotate(doc)
	t8 := time.Now()
	times[StageEvent] = t8.Sub(t7)

	p.places.Annotate(doc)
	times[StageGeo] = time.Since(t8)

	ensureLayers(doc)
	return Result{Doc: doc, Errs: errs, Times: times}
}

// prepare runs the stages up to the syntax on a document from ingest, adding their times
// to times. It reports false when the document could not be read at all (errs says why).
func (p *Pipeline) prepare(sc *scratch, doc *document.Document, times *StageTimes) (errs []error, ok bool) {
	tx := time.Now()
	// Extraction costs milliseconds a page, which is why ingest leaves it to the workers.
	if err := ingest.Extract(doc); err != nil {
		return []error{fmt.Errorf("%s: %w", doc.Where(), err)}, false
	}
	t0 := time.Now()
	times[StageExtract] = t0.Sub(tx)

	cleaned, err := clean.Clean(doc.Raw)
	if err != nil {
		return []error{fmt.Errorf("%s: %w", doc.Where(), err)}, false
	}
	for _, pr := range cleaned.Problems {
		errs = append(errs, fmt.Errorf("%s@%d: %s", doc.Where(), pr.Offset, pr.Msg))
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("byte %d: %s", pr.Offset, pr.Msg))
	}
	doc.Text, doc.Charset, doc.Repairs = cleaned.Text, cleaned.Charset, cleaned.Repairs
	doc.Raw = nil
	t1 := time.Now()
	times[StageClean] = t1.Sub(t0)

	dateline.Annotate(doc)
	t2 := time.Now()
	times[StageDateline] = t2.Sub(t1)

	p.timex(doc)
	t3 := time.Now()
	times[StageTimex] = t3.Sub(t2)

	segment.Annotate(doc)
	t4 := time.Now()
	times[StageSegment] = t4.Sub(t3)

	if p.eventsOnly {
		p.parseCodable(sc.syntax, doc)
	} else {
		sc.syntax.Annotate(doc)
	}
	times[StageSyntax] = time.Since(t4)
	return errs, true
}

// Segment runs the stages that need no model on a document from ingest: extract, clean,
// dateline and segment. It is for callers that want sentences and tokens only (word
// clusters, the gold standard's list of sentences).
func Segment(doc *document.Document) error {
	if err := ingest.Extract(doc); err != nil {
		return fmt.Errorf("%s: %w", doc.Where(), err)
	}
	cleaned, err := clean.Clean(doc.Raw)
	if err != nil {
		return fmt.Errorf("%s: %w", doc.Where(), err)
	}
	doc.Text, doc.Charset, doc.Repairs, doc.Raw = cleaned.Text, cleaned.Charset, cleaned.Repairs, nil
	dateline.Annotate(doc)
	segment.Annotate(doc)
	return nil
}

// given runs the stages up to the syntax on a document that came with its sentences and
// trees (conllu.DocumentReader), and with its text, dateline and publication date: the
// time expressions, and the syntax the trees lack.
func (p *Pipeline) given(sc *scratch, doc *document.Document, times *StageTimes) {
	t0 := time.Now()
	p.timex(doc)
	t1 := time.Now()
	times[StageTimex] = t1.Sub(t0)
	for i := range doc.Sentences {
		sc.syntax.Complete(doc.Sentences[i].Tokens)
	}
	times[StageSyntax] = time.Since(t1)
}

// timex resolves the reference date (the document's own publication date, else the one
// the pipeline was given) and the time expressions.
func (p *Pipeline) timex(doc *document.Document) {
	published := doc.Published
	if published == "" {
		published = p.published
	}
	timex.Annotate(doc, timex.Options{Published: published, Today: p.today})
}

// parseCodable tags every sentence of doc and parses those the event coder may code.
func (p *Pipeline) parseCodable(a *syntax.Annotator, doc *document.Document) {
	for i := range doc.Sentences {
		a.Tag(doc.Sentences[i].Tokens)
	}
	for i, ok := range p.events.Codable(doc) {
		if ok {
			a.Parse(doc.Sentences[i].Tokens)
		} else {
			doc.Sentences[i].Unparsed = true
		}
	}
}

// ensureLayers makes the layers that exist in the contract encode as [] rather than null.
func ensureLayers(doc *document.Document) {
	if doc.Repairs == nil {
		doc.Repairs = []document.Repair{}
	}
	if doc.Times == nil {
		doc.Times = []document.Time{}
	}
	if doc.Sentences == nil {
		doc.Sentences = []document.Sentence{}
	}
	if doc.Entities == nil {
		doc.Entities = []document.Entity{}
	}
	if doc.Events == nil {
		doc.Events = []document.Event{}
	}
}

// Run processes every item of items on the worker pool and calls emit once per item, in
// input order, from the calling goroutine. An item that arrives as an error (a bad input
// that ingest could not read) is passed through as a Result with that error.
func (p *Pipeline) Run(items iter.Seq2[*document.Document, error], emit func(Result)) {
	type job struct {
		seq int
		doc *document.Document
		err error
		res Result
	}
	// window bounds how far ahead of the slowest document the workers may run, and so
	// the memory held by results waiting for their turn.
	window := make(chan struct{}, p.workers*8)
	jobs := make(chan job)
	done := make(chan job, p.workers*8)

	go func() {
		seq := 0
		for doc, err := range items {
			window <- struct{}{}
			jobs <- job{seq: seq, doc: doc, err: err}
			seq++
		}
		close(jobs)
	}()

	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := p.newScratch()
			for j := range jobs {
				if j.err != nil {
					j.res = Result{Errs: []error{j.err}}
				} else {
					j.res = p.process(sc, j.doc)
				}
				done <- j
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	pending := make(map[int]Result)
	next := 0
	for j := range done {
		pending[j.seq] = j.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			emit(r)
			<-window
			next++
		}
	}
}

// internationalRoots are the CAMEO type codes that are actors of their own, not roles: a
// place in the phrase of an actor so coded does not make it national.
var internationalRoots = map[string]bool{"AMN": true, "IRC": true, "GRP": true, "UNO": true, "PKO": true,
	"UIS": true, "IGO": true, "IMG": true, "INT": true, "MNC": true, "NGM": true, "NGO": true, "SET": true}

// ErrNoInput is returned by commands given nothing to read.
var ErrNoInput = errors.New("no input: give files, directories, or - for standard input")

// describer fills an event's root, QuadClass, Goldstein score and PLOVER class from the
// CAMEO codebook. A code the codebook lacks takes its longest known prefix's metadata
// ("174L" those of 174); one with no known prefix keeps its first two digits as root.
func describer(book *cameo.Codebook) func(*document.Event) {
	return func(e *document.Event) {
		entry, ok := book.Lookup(e.CAMEO)
		if !ok {
			if len(e.CAMEO) >= 2 {
				e.Root = e.CAMEO[:2]
			}
			return
		}
		e.Root, e.Quad, e.Goldstein, e.PLOVER = entry.Root, entry.Quad, entry.Goldstein, entry.PLOVER
	}
}
