// Package pipeline wires Herald's stages into one Pipeline that the CLI, the benchmarks and
// the server share. The stages are one list (stages, in pipeline.go), run and timed by one
// loop: extract (the article text of an HTML page), clean (bytes to normalized text),
// dateline (header, end marks, bylines), timex (the reference date and the time
// expressions), segment (sentences and tokens), syntax (tags, lemmas, dependency parse),
// entity (names, roles and who-is-who), actor (CAMEO actor codes), event (who did what to
// whom) and geo (places resolved to GeoNames, where each event happened).
//
// Documents are processed in parallel by a pool of workers, but results are delivered in
// input order, so the same input always gives byte-identical output.
package pipeline

import (
	"context"
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
	// none (the --date flag). A document with neither it nor a dated dateline is undated
	// (timex.Undated): no year is guessed for it.
	Published string
	// Workers is the number of documents processed at once; 0 means GOMAXPROCS.
	Workers int
	// Syntax are the tagger, lemmatizer and parser models; nil means the embedded ones.
	Syntax *syntax.Models
	// Entity are the recognizer's model and the gazetteer; nil means the embedded ones.
	Entity *entity.Models
	// Lexicon is the compiled actor dictionaries; nil means the embedded one.
	Lexicon *lexicon.Lexicon
	// Places is the place table the places stage resolves names with; nil means the embedded one.
	Places *geo.Places
	// EventsOnly is for callers that want the events, not a parse of every sentence
	// (herald code): a sentence the event coder cannot code (no dictionary verb, fewer
	// than two places an actor may be named) is tagged but left unparsed.
	EventsOnly bool
}

// Pipeline runs the stages over documents. It is safe for concurrent use: everything it
// holds is read-only after New.
type Pipeline struct {
	published  string
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
	gate       *gate
}

// New builds a Pipeline.
func New(opt Options) (*Pipeline, error) {
	if opt.Published != "" {
		if _, err := time.Parse("2006-01-02", opt.Published); err != nil {
			return nil, fmt.Errorf("publication date %q: want YYYY-MM-DD", opt.Published)
		}
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
	// The entity stage adds the dictionaries' names and repairs place names with the
	// places stage's gazetteer.
	withNames := *entities
	withNames.Dictionaries, withNames.Places = lex, places
	entities = &withNames
	p := &Pipeline{published: opt.Published, workers: workers, eventsOnly: opt.EventsOnly,
		actors: actor.New(lex, entities.Gazetteer)}
	book, err := cameo.Embedded()
	if err != nil {
		return nil, fmt.Errorf("loading the CAMEO codebook: %w", err)
	}
	p.events = event.New(lex, describer(book))
	p.gate = newGate(lex, entities.Gazetteer)
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

// job is one document on its way through the stages, with what the stages need to know
// of how it came.
type job struct {
	ctx context.Context
	doc *document.Document
	sc  *scratch
	// given says the document came with its text, sentences and trees (from CoNLL-U):
	// the stages that make those are skipped, and the syntax fills in only what the
	// trees lack.
	given bool
	errs  []error
}

// stop records that the work was cancelled (the caller went away) and reports whether it
// was: checked before each stage, and before each sentence of the syntax stage, the
// slowest.
func (j *job) stop(stage, sentence int) bool {
	if j.ctx == nil {
		return false
	}
	if err := cancelled(j.ctx, j.doc, stage, sentence); err != nil {
		j.errs = []error{err}
		return true
	}
	return false
}

// cancelled says where an analysis was stopped when ctx has ended, nil otherwise;
// sentence is -1 before a stage.
func cancelled(ctx context.Context, doc *document.Document, stage, sentence int) error {
	err := ctx.Err()
	switch {
	case err == nil:
		return nil
	case sentence < 0:
		return fmt.Errorf("%s: analysis cancelled before the %s stage: %w", doc.Where(), StageNames[stage], err)
	}
	return fmt.Errorf("%s@%d: analysis cancelled in the %s stage, before sentence %d of %d: %w",
		doc.Where(), doc.Sentences[sentence].Start, StageNames[stage], sentence+1, len(doc.Sentences), err)
}

// stage is one step of the pipeline: it reads the layers the stages before it wrote and
// adds its own. run returns false when the document cannot go on (its bytes are no text).
type stage struct {
	// skipGiven says the stage makes what a document from CoNLL-U already has.
	skipGiven bool
	// checksItself says the stage looks for cancellation itself, sentence by sentence,
	// rather than the loop before it.
	checksItself bool
	run          func(p *Pipeline, j *job) bool
}

// stages are the pipeline's steps, in order, indexed like StageNames.
var stages = [numStages]stage{
	StageExtract: {skipGiven: true, run: func(p *Pipeline, j *job) bool {
		// Extraction costs milliseconds a page, which is why ingest leaves it to the
		// workers.
		if err := ingest.Extract(j.doc); err != nil {
			j.errs = append(j.errs, fmt.Errorf("%s: %w", j.doc.Where(), err))
			return false
		}
		return true
	}},
	StageClean: {skipGiven: true, run: func(p *Pipeline, j *job) bool {
		doc := j.doc
		cleaned, err := clean.Clean(doc.Raw)
		if err != nil {
			j.errs = append(j.errs, fmt.Errorf("%s: %w", doc.Where(), err))
			return false
		}
		for _, pr := range cleaned.Problems {
			j.errs = append(j.errs, fmt.Errorf("%s@%d: %s", doc.Where(), pr.Offset, pr.Msg))
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("byte %d: %s", pr.Offset, pr.Msg))
		}
		doc.Text, doc.Charset, doc.Repairs = cleaned.Text, cleaned.Charset, cleaned.Repairs
		doc.Raw = nil
		return true
	}},
	StageDateline: {skipGiven: true, run: func(p *Pipeline, j *job) bool { dateline.Annotate(j.doc); return true }},
	StageTimex: {run: func(p *Pipeline, j *job) bool {
		published := j.doc.Published
		if published == "" {
			published = p.published
		}
		timex.Annotate(j.doc, timex.Options{Published: published})
		return true
	}},
	StageSegment: {skipGiven: true, run: func(p *Pipeline, j *job) bool { segment.Annotate(j.doc); return true }},
	StageSyntax: {checksItself: true, run: func(p *Pipeline, j *job) bool {
		switch {
		case j.given:
			for i := range j.doc.Sentences {
				if j.stop(StageSyntax, i) {
					return false
				}
				j.sc.syntax.Complete(j.doc.Sentences[i].Tokens)
			}
		case p.eventsOnly:
			return p.parseCodable(j)
		default:
			for i := range j.doc.Sentences {
				if j.stop(StageSyntax, i) {
					return false
				}
				j.sc.syntax.Tokens(j.doc.Sentences[i].Tokens)
			}
		}
		for i, ok := range p.gate.codable(j.doc) {
			j.doc.Sentences[i].Gated = !ok
		}
		return true
	}},
	StageEntity: {run: func(p *Pipeline, j *job) bool { j.sc.entity.Annotate(j.doc); return true }},
	StageActor:  {run: func(p *Pipeline, j *job) bool { p.actors.Annotate(j.doc); return true }},
	StageEvent:  {run: func(p *Pipeline, j *job) bool { p.events.Annotate(j.doc); return true }},
	StageGeo:    {run: func(p *Pipeline, j *job) bool { p.places.Annotate(j.doc); return true }},
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
	return p.ProcessContext(context.Background(), doc)
}

// ProcessContext is Process, stopped as soon as ctx ends (the client that asked went
// away, or its deadline passed): it looks before each stage, and before each sentence of
// the syntax stage. A stopped document comes back with Doc == nil and an error that says
// where it stopped and wraps ctx.Err().
func (p *Pipeline) ProcessContext(ctx context.Context, doc *document.Document) Result {
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	return p.process(ctx, sc, doc)
}

// process runs the stages on doc with the scratch of the calling goroutine, timing each.
func (p *Pipeline) process(ctx context.Context, sc *scratch, doc *document.Document) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{Errs: []error{fmt.Errorf("%s: internal error: %v\n%s", doc.Where(), r, debug.Stack())}}
		}
	}()
	j := job{ctx: ctx, doc: doc, sc: sc, given: doc.Raw == nil && doc.Sentences != nil}
	var times StageTimes
	for i, st := range stages {
		if j.given && st.skipGiven {
			continue
		}
		if !st.checksItself && j.stop(i, -1) {
			return Result{Errs: j.errs, Times: times}
		}
		t := time.Now()
		ok := st.run(p, &j)
		times[i] = time.Since(t)
		if !ok {
			return Result{Errs: j.errs, Times: times}
		}
	}
	ensureLayers(doc)
	return Result{Doc: doc, Errs: j.errs, Times: times}
}

// Segment runs the stages that need no model on a document from ingest: extract, clean,
// dateline and segment. It is for callers that want sentences and tokens only (word
// clusters, the gold standard's list of sentences).
func Segment(doc *document.Document) error {
	j := job{doc: doc}
	for _, i := range []int{StageExtract, StageClean, StageDateline, StageSegment} {
		if !stages[i].run(nil, &j) {
			return errors.Join(j.errs...)
		}
	}
	return nil
}

// parseCodable tags every sentence of the job's document and parses those the event
// coder may code; it reports false when the work was cancelled.
func (p *Pipeline) parseCodable(j *job) bool {
	a, doc := j.sc.syntax, j.doc
	for i := range doc.Sentences {
		if j.stop(StageSyntax, i) {
			return false
		}
		a.Tag(doc.Sentences[i].Tokens)
	}
	for i, ok := range p.gate.codable(doc) {
		if !ok {
			doc.Sentences[i].Unparsed, doc.Sentences[i].Gated = true, true
			continue
		}
		if j.stop(StageSyntax, i) {
			return false
		}
		a.Parse(doc.Sentences[i].Tokens)
	}
	return true
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
	if doc.Actors == nil {
		doc.Actors = []document.ActorMention{}
	}
	if doc.Events == nil {
		doc.Events = []document.Event{}
	}
}

// Run processes every item of items on the worker pool and calls emit once per item, in
// input order, from the calling goroutine. An item that arrives as an error (a bad input
// that ingest could not read) is passed through as a Result with that error.
func (p *Pipeline) Run(items iter.Seq2[*document.Document, error], emit func(Result)) {
	type slot struct {
		seq int
		doc *document.Document
		err error
		res Result
	}
	// window bounds how far ahead of the slowest document the workers may run, and so
	// the memory held by results waiting for their turn.
	window := make(chan struct{}, p.workers*8)
	jobs := make(chan slot)
	done := make(chan slot, p.workers*8)

	go func() {
		seq := 0
		for doc, err := range items {
			window <- struct{}{}
			jobs <- slot{seq: seq, doc: doc, err: err}
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
					j.res = p.process(context.Background(), sc, j.doc)
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
