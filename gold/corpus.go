package gold

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"herald/conllu"
	"herald/document"
	"herald/ingest"
)

// The corpora the gold standard draws from. Dev: the news, interview and speech
// documents of GUM's CC BY train file, the news sentences of PUD, and wire stories the
// team wrote. Test: Reuters 1987 and BBC 2004-05 (research only), and the news documents
// of GUM dev and test.
const (
	GUMTrain = "gum-train"
	GUMDev   = "gum-dev"
	GUMTest  = "gum-test"
	PUD      = "pud"
	Reuters  = "reuters"
	BBC      = "bbc"
	Wire     = "wire"
)

// corpusFiles are the files of each corpus, under the data directory (Wire: under the
// gold directory).
var corpusFiles = map[string]string{
	GUMTrain: "ud/gum/en_gum-ccby-train.conllu",
	GUMDev:   "ud/gum/en_gum-ud-dev.conllu",
	GUMTest:  "ud/gum/en_gum-ud-test.conllu",
	PUD:      "ud/pud/en_pud-ud-test.conllu",
	Reuters:  "news/reuters21578.jsonl.gz",
	BBC:      "news/bbc.jsonl.gz",
	Wire:     "wire.jsonl",
}

// IsTreebank reports whether a corpus is a CoNLL-U treebank, whose documents come with
// gold trees.
func IsTreebank(corpus string) bool { return strings.HasSuffix(corpusFiles[corpus], ".conllu") }

// Record is one document of a corpus.
type Record struct {
	Corpus string
	// Doc is the document's id in its corpus.
	Doc string
	// Text is the document's own text, which gold offsets address: a JSON-lines
	// record's "text", or the text DocumentReader rebuilds from a treebank.
	Text      string
	Published string
	Title     string
	URL       string
	// Trees is the document as the treebank gives it (sentences, tokens, syntax), for
	// treebank corpora.
	Trees *document.Document
}

// Corpora reads the corpora's documents from the data directory (../shared/data) and the
// gold directory (the team's wire stories), once each.
type Corpora struct {
	data, gold string
	docs       map[string][]*Record
	byID       map[string]map[string]*Record
}

// NewCorpora returns Corpora that read from data and gold.
func NewCorpora(data, gold string) *Corpora {
	return &Corpora{data: data, gold: gold, docs: map[string][]*Record{}, byID: map[string]map[string]*Record{}}
}

// Path is the file a corpus is read from.
func (c *Corpora) Path(corpus string) (string, error) {
	rel, ok := corpusFiles[corpus]
	if !ok {
		return "", fmt.Errorf("unknown corpus %q", corpus)
	}
	if corpus == Wire {
		return filepath.Join(c.gold, rel), nil
	}
	return filepath.Join(c.data, rel), nil
}

// Documents returns every document of a corpus, in file order.
func (c *Corpora) Documents(corpus string) ([]*Record, error) {
	if docs, ok := c.docs[corpus]; ok {
		return docs, nil
	}
	path, err := c.Path(corpus)
	if err != nil {
		return nil, err
	}
	var docs []*Record
	if IsTreebank(corpus) {
		docs, err = readTreebank(corpus, path)
	} else {
		docs, err = readRecords(corpus, path)
	}
	if err != nil {
		return nil, err
	}
	c.docs[corpus] = docs
	c.byID[corpus] = make(map[string]*Record, len(docs))
	for _, d := range docs {
		c.byID[corpus][d.Doc] = d
	}
	return docs, nil
}

// Document returns one document of a corpus.
func (c *Corpora) Document(corpus, id string) (*Record, error) {
	if _, err := c.Documents(corpus); err != nil {
		return nil, err
	}
	d, ok := c.byID[corpus][id]
	if !ok {
		return nil, fmt.Errorf("%s: no document %q", corpus, id)
	}
	return d, nil
}

func readTreebank(corpus, path string) ([]*Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := conllu.NewDocumentReader(f, path)
	var docs []*Record
	for {
		doc, err := r.Next()
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, &Record{Corpus: corpus, Doc: doc.ID, Text: doc.Text, Published: doc.Published, Title: doc.Title, Trees: doc})
	}
}

func readRecords(corpus, path string) ([]*Record, error) {
	var docs []*Record
	for doc, err := range ingest.Documents([]string{path}, ingest.Options{}) {
		if err != nil {
			return nil, err
		}
		docs = append(docs, &Record{Corpus: corpus, Doc: doc.ID, Text: string(doc.Raw), Published: doc.Published, Title: doc.Title, URL: doc.URL})
	}
	return docs, nil
}

// Raw is the record as ingest would give it to the pipeline: its text as raw bytes.
func (r *Record) Raw() *document.Document {
	return &document.Document{ID: r.Doc, Source: r.Corpus, Raw: []byte(r.Text), Published: r.Published, Title: r.Title, URL: r.URL}
}

// SentenceText returns the text of gold sentence s, checked against its hash.
func (c *Corpora) SentenceText(s *Sentence) (string, error) {
	rec, err := c.Document(s.Corpus, s.Doc)
	if err != nil {
		return "", err
	}
	if s.End > len(rec.Text) {
		return "", fmt.Errorf("%s: %s %s: offsets %d-%d beyond the text's %d bytes", s.ID, s.Corpus, s.Doc, s.Start, s.End, len(rec.Text))
	}
	text := rec.Text[s.Start:s.End]
	if Hash(text) != s.Hash {
		return "", fmt.Errorf("%s: %s %s %d-%d: the text there is not the sentence coded (hash %s, want %s): %.60q",
			s.ID, s.Corpus, s.Doc, s.Start, s.End, Hash(text), s.Hash, text)
	}
	return text, nil
}
