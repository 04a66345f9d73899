// Package syntax is the syntax stage: for every sentence of a Document it adds each
// token's UPOS and XPOS (package tagger), lemma (package lemma), and dependency head and
// relation (package parser), as UD English-EWT annotates them. The event coder reads the
// parse to find who did what to whom.
//
// The trained models are embedded in the binary (models/, rebuilt by `herald train`), loaded
// once by Load, and shared read-only by every goroutine; each worker annotates with its own
// Annotator, which holds the scratch buffers that keep tagging and parsing allocation-free.
package syntax

import (
	"bytes"
	"embed"
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
)

// The model files, named as `herald train` writes them.
const (
	TaggerFile = "tagger.model"
	LemmaFile  = "lemma.model"
	ParserFile = "parser.model"
)

//go:embed models/tagger.model models/lemma.model models/parser.model
var embedded embed.FS

// Models are the three trained models of the stage.
type Models struct {
	Tagger *tagger.Model
	Lemma  *lemma.Model
	Parser *parser.Model
}

// Load reads the models embedded in the binary.
func Load() (*Models, error) {
	return load(func(name string) ([]byte, error) { return embedded.ReadFile("models/" + name) })
}

// LoadDir reads models from a directory that `herald train` wrote, instead of the embedded
// ones.
func LoadDir(dir string) (*Models, error) {
	return load(func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) })
}

// load decodes the three models at once: decompressing and indexing them is most of
// Herald's start-up, and they do not depend on each other.
func load(read func(name string) ([]byte, error)) (*Models, error) {
	var m Models
	var wg sync.WaitGroup
	errs := make([]error, 3)
	open := func(k int, name string, decode func(io.Reader) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := read(name)
			if err == nil {
				err = decode(bytes.NewReader(b))
			}
			if err != nil {
				errs[k] = fmt.Errorf("%s: %w", name, err)
			}
		}()
	}
	open(0, TaggerFile, func(r io.Reader) (e error) { m.Tagger, e = tagger.Load(r); return })
	open(1, LemmaFile, func(r io.Reader) (e error) { m.Lemma, e = lemma.Load(r); return })
	open(2, ParserFile, func(r io.Reader) (e error) { m.Parser, e = parser.Load(r); return })
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &m, nil
}

// Annotator annotates documents with one goroutine's scratch buffers. Give each worker
// its own; they all share the Models.
type Annotator struct {
	models  *Models
	tagger  *tagger.Tagger
	parser  *parser.Parser
	words   []string
	upos    []string
	xpos    []string
	deprels []string
	heads   []int
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
	n := len(toks)
	if n == 0 {
		return
	}
	a.words = a.words[:0]
	for i := range toks {
		a.words = append(a.words, toks[i].Text)
	}
	a.Words(a.words)
	for i := range toks {
		t := &toks[i]
		t.UPOS, t.XPOS = a.upos[i], a.xpos[i]
		t.Lemma = a.models.Lemma.Lemma(t.Text, t.UPOS, t.XPOS)
		t.Head, t.Deprel = a.heads[i], a.deprels[i]
	}
}

// Words tags and parses a sentence given as words; the results stay in the Annotator's
// buffers (UPOS, XPOS, Heads, Deprels) until the next call.
func (a *Annotator) Words(words []string) {
	n := len(words)
	a.upos = resize(a.upos, n)
	a.xpos = resize(a.xpos, n)
	a.deprels = resize(a.deprels, n)
	a.heads = resize(a.heads, n)
	a.tagger.Tag(words, a.upos, a.xpos)
	a.parser.Parse(words, a.upos, a.xpos, a.heads, a.deprels)
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, 2*n)
	}
	return s[:n]
}
