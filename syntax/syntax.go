// Package syntax is the syntax stage: for every sentence of a Document it adds each
// token's UPOS and XPOS (package tagger), lemma (package lemma), and dependency head and
// relation (package parser), as UD English-EWT annotates them. The event coder reads the
// parse to find who did what to whom.
//
// The trained models are embedded in the binary (models/, rebuilt by `herald train`),
// decoded once by Embedded, and shared read-only by every goroutine; each worker annotates with its own
// Annotator, which holds the scratch buffers that keep tagging and parsing allocation-free.
package syntax

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"herald/document"
	"herald/syntax/lemma"
	"herald/syntax/parser"
	"herald/syntax/tagger"
	"herald/syntax/wordclass"
)

// The model files, named as `herald train` writes them.
const (
	TaggerFile = tagger.File
	LemmaFile  = lemma.File
	ParserFile = parser.File
	// ClusterFile is the word cluster lexicon the tagger is trained with (and the parser,
	// if asked); the models keep a copy inside their own files, so it is not embedded.
	ClusterFile = wordclass.File
)

// Models are the three trained models of the stage.
type Models struct {
	Tagger *tagger.Model
	Lemma  *lemma.Model
	Parser *parser.Model
}

// Embedded returns the models embedded in the binary (syntax/models), each decoded once,
// on the first call of this or of its package's Embedded, the three at once: they do not
// depend on each other. It is safe for concurrent use.
func Embedded() (*Models, error) {
	var m Models
	err := parallel(
		func() (err error) { m.Tagger, err = tagger.Embedded(); return },
		func() (err error) { m.Lemma, err = lemma.Embedded(); return },
		func() (err error) { m.Parser, err = parser.Embedded(); return },
	)
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// ReadDir reads the models of a directory that `herald train` wrote, instead of the
// embedded ones.
func ReadDir(dir string) (*Models, error) {
	read := func(name string, decode func(io.Reader) error) error {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		if err := decode(f); err != nil {
			return fmt.Errorf("%s: %w", f.Name(), err)
		}
		return nil
	}
	var m Models
	err := parallel(
		func() error {
			return read(TaggerFile, func(r io.Reader) (e error) { m.Tagger, e = tagger.Read(r); return })
		},
		func() error {
			return read(LemmaFile, func(r io.Reader) (e error) { m.Lemma, e = lemma.Read(r); return })
		},
		func() error {
			return read(ParserFile, func(r io.Reader) (e error) { m.Parser, e = parser.Read(r); return })
		},
	)
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// parallel runs the decoders at once and joins their errors.
func parallel(decoders ...func() error) error {
	errs := make([]error, len(decoders))
	var wg sync.WaitGroup
	for k, decode := range decoders {
		wg.Go(func() { errs[k] = decode() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Annotator annotates documents with one goroutine's scratch buffers. Give each worker
// its own; they all share the Models.
type Annotator struct {
	models  *Models
	tagger  *tagger.Tagger
	parser  *parser.Parser
	words   []string
	glued   []bool // glued[i]: no space between word i and word i+1
	upos    []string
	xpos    []string
	deprels []string
	heads   []int
	// the sentence as the parser sees it, hyphenated names joined (see joinNames)
	pwords, pupos, pxpos, pdeprels []string
	pheads, pfirst                 []int
	// given keeps a sentence's own tags while Complete tags it
	given []document.Token
}

// NewAnnotator returns an Annotator over m.
func (m *Models) NewAnnotator() *Annotator {
	return &Annotator{models: m, tagger: m.Tagger.NewTagger(), parser: m.Parser.NewParser()}
}

// Annotate tags, lemmatizes and parses every sentence of doc.
func (a *Annotator) Annotate(doc *document.Document) {
	for i := range doc.Sentences {
		a.Tokens(doc.Sentences[i].Tokens)
	}
}

// Tokens tags, lemmatizes and parses one sentence's tokens in place.
func (a *Annotator) Tokens(toks []document.Token) {
	a.Tag(toks)
	a.Parse(toks)
}

// Tag tags and lemmatizes one sentence's tokens in place and leaves them unparsed (head
// 0, no relation): a caller that parses only the sentences it needs calls Parse later.
func (a *Annotator) Tag(toks []document.Token) {
	if len(toks) == 0 {
		return
	}
	a.load(toks)
	a.upos = resize(a.upos, len(toks))
	a.xpos = resize(a.xpos, len(toks))
	a.tagger.Tag(a.words, a.upos, a.xpos)
	for i := range toks {
		t := &toks[i]
		t.UPOS, t.XPOS = a.upos[i], a.xpos[i]
		t.Lemma = a.models.Lemma.Lemma(t.Text, t.UPOS, t.XPOS)
		t.Head, t.Deprel = 0, ""
	}
}

// Complete fills in what a sentence given with its own syntax (CoNLL-U from another
// parser) lacks, and keeps what it has: when a token has no UPOS, XPOS or lemma, the
// sentence is tagged and lemmatized and the given values put back over the predicted
// ones; when a token has no relation, the sentence is parsed.
func (a *Annotator) Complete(toks []document.Token) {
	tagged, parsed := true, true
	for i := range toks {
		t := &toks[i]
		tagged = tagged && t.UPOS != "" && t.XPOS != "" && t.Lemma != ""
		parsed = parsed && t.Deprel != ""
	}
	if !tagged {
		a.given = append(a.given[:0], toks...)
		a.Tag(toks) // clears the parse, which the given tokens still hold
		for i := range toks {
			t, g := &toks[i], &a.given[i]
			if g.UPOS != "" {
				t.UPOS = g.UPOS
			}
			if g.XPOS != "" {
				t.XPOS = g.XPOS
			}
			if g.Lemma != "" {
				t.Lemma = g.Lemma
			}
			t.Head, t.Deprel = g.Head, g.Deprel
		}
	}
	if !parsed {
		a.Parse(toks)
	}
}

// Parse parses one sentence's tokens, which Tag has tagged, in place.
func (a *Annotator) Parse(toks []document.Token) {
	if len(toks) == 0 {
		return
	}
	a.load(toks)
	a.upos, a.xpos = a.upos[:0], a.xpos[:0]
	for i := range toks {
		a.upos = append(a.upos, toks[i].UPOS)
		a.xpos = append(a.xpos, toks[i].XPOS)
	}
	a.parse(a.words, a.glued)
	for i := range toks {
		toks[i].Head, toks[i].Deprel = a.heads[i], a.deprels[i]
	}
}

// load reads the words of toks and the spacing between them into the scratch buffers.
func (a *Annotator) load(toks []document.Token) {
	n := len(toks)
	a.words = a.words[:0]
	a.glued = a.glued[:0]
	for i := range toks {
		a.words = append(a.words, toks[i].Text)
		a.glued = append(a.glued, i+1 < n && toks[i].End == toks[i+1].Start)
	}
}

// Words tags and parses a sentence given as words; the results stay in the Annotator's
// buffers (UPOS, XPOS, Heads, Deprels) until the next call. Without the spacing of the
// text, hyphenated names are parsed as the separate words they are.
func (a *Annotator) Words(words []string) { a.annotate(words, nil) }

// annotate is Words, with glued[i] telling that no space separates words i and i+1 (nil:
// spaces everywhere).
func (a *Annotator) annotate(words []string, glued []bool) {
	a.upos = resize(a.upos, len(words))
	a.xpos = resize(a.xpos, len(words))
	a.tagger.Tag(words, a.upos, a.xpos)
	a.parse(words, glued)
}

// parse parses words tagged with the tags in a.upos and a.xpos into a.heads and
// a.deprels.
func (a *Annotator) parse(words []string, glued []bool) {
	n := len(words)
	a.deprels = resize(a.deprels, n)
	a.heads = resize(a.heads, n)
	if !a.joinNames(words, glued) {
		a.parser.Parse(words, a.upos, a.xpos, a.heads, a.deprels)
		return
	}
	m := len(a.pwords)
	a.pheads = resize(a.pheads, m)
	a.pdeprels = resize(a.pdeprels, m)
	a.parser.Parse(a.pwords, a.pupos, a.pxpos, a.pheads, a.pdeprels)
	for j := 0; j < m; j++ {
		i := a.pfirst[j]
		h := a.pheads[j]
		if h > 0 {
			h = a.pfirst[h-1] + 1
		}
		a.heads[i], a.deprels[i] = h, a.pdeprels[j]
		if j+1 < m && a.pfirst[j+1] == i+3 || j+1 == m && i+3 == n {
			// a joined name, annotated as EWT annotates "Al - Jazeera"
			a.heads[i+1], a.deprels[i+1] = i+3, "punct"
			a.heads[i+2], a.deprels[i+2] = i+1, "flat"
		}
	}
}

// joinNames prepares the words the parser sees: a hyphenated name such as
// "Kassym-Jomart", which the segmenter splits as EWT does (Kassym - Jomart), becomes one
// word again, tagged as its last part. The parser, trained on EWT, sees too few of those
// splits to keep the parts together, and a stray hyphen between two names derails
// the rest of the sentence ("Kazakh President Kassym-Jomart Tokayev on Monday met …").
// Only names qualify: both parts capitalized words tagged PROPN, no space on either side of
// the hyphen, so "Israeli-Palestinian talks" and "Smith - Jones" stay as they are. It
// reports whether it joined anything.
func (a *Annotator) joinNames(words []string, glued []bool) bool {
	n := len(words)
	join := func(i int) bool {
		return i+2 < n && glued != nil && glued[i] && glued[i+1] && words[i+1] == "-" &&
			a.upos[i] == "PROPN" && a.upos[i+2] == "PROPN" && namePart(words[i]) && namePart(words[i+2])
	}
	found := false
	for i := 0; i+2 < n && !found; i++ {
		found = join(i)
	}
	if !found {
		return false
	}
	a.pwords, a.pupos, a.pxpos, a.pfirst = a.pwords[:0], a.pupos[:0], a.pxpos[:0], a.pfirst[:0]
	for i := 0; i < n; i++ {
		a.pfirst = append(a.pfirst, i)
		if join(i) {
			a.pwords = append(a.pwords, words[i+2])
			a.pupos = append(a.pupos, a.upos[i+2])
			a.pxpos = append(a.pxpos, a.xpos[i+2])
			i += 2
			continue
		}
		a.pwords = append(a.pwords, words[i])
		a.pupos = append(a.pupos, a.upos[i])
		a.pxpos = append(a.pxpos, a.xpos[i])
	}
	return true
}

// namePart reports a capitalized word with a lowercase letter after the capital: "Kassym",
// "Al", not "US" or "-".
func namePart(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if 'a' <= w[i] && w[i] <= 'z' {
			return true
		}
	}
	return false
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, 2*n)
	}
	return s[:n]
}
