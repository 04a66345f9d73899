package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"herald/document"
)

// item is one input of an Ingest test: a document, or an input that could not be read.
type item struct {
	id, text, published string
	unreadable          bool
}

func (it item) doc() *document.Document {
	return &document.Document{ID: it.id, Source: it.id + ".txt", Raw: []byte(it.text), Published: it.published}
}

func seq(items []item) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		for _, it := range items {
			var ok bool
			if it.unreadable {
				ok = yield(nil, errors.New(it.id+": unreadable"))
			} else {
				ok = yield(it.doc(), nil)
			}
			if !ok {
				return
			}
		}
	}
}

// fakeAnalyzer analyzes as the pipeline would, without models: the text is the raw bytes,
// each line a sentence with one event. A text that says "fail" cannot be analyzed. It
// records the ids it was given.
func fakeAnalyzer(analyzed *[]string) Analyzer {
	return func(docs iter.Seq2[*document.Document, error], emit func(*document.Document, []error)) {
		for doc, err := range docs {
			if err != nil {
				emit(nil, []error{err})
				continue
			}
			*analyzed = append(*analyzed, doc.ID)
			if strings.Contains(string(doc.Raw), "fail") {
				emit(nil, []error{errors.New(doc.ID + ": cannot be analyzed")})
				continue
			}
			doc.Text, doc.Raw = string(doc.Raw), nil
			doc.Sentences, doc.Events = []document.Sentence{}, []document.Event{}
			start := 0
			for line := range strings.Lines(doc.Text) {
				k := len(doc.Sentences)
				doc.Sentences = append(doc.Sentences, document.Sentence{Start: start, End: start + len(line)})
				doc.Events = append(doc.Events, document.Event{Doc: doc.ID, Sentence: k, CAMEO: "040"})
				start += len(line)
			}
			emit(doc, nil)
		}
	}
}

func outcomeString(o Outcome) string {
	s := fmt.Sprintf("%s %s %d", o.ID, o.Status, o.Events)
	for _, err := range o.Errs {
		s += " [" + err.Error() + "]"
	}
	return s
}

// TestIngest: the one "store it unless it is stored already" of herald ingest, herald
// reprocess and POST /api/documents. Each case ingests before (with no options), then
// items with the case's options.
func TestIngest(t *testing.T) {
	a := item{id: "a", text: "Kazakhstan met China.\n"}
	b := item{id: "b", text: "Russia attacked Ukraine.\nThe EU criticized Russia.\n"}
	dated := item{id: "a", text: a.text, published: "2024-05-20"}
	ended, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name          string
		before, items []item
		opt           IngestOptions
		ctx           context.Context
		analyzed      []string // the ids given to the analyzer
		outcomes      []string
		stored        int // documents in the store afterwards
		res           IngestResult
	}{
		{name: "new documents are analyzed and created", items: []item{a, b},
			analyzed: []string{"a", "b"}, outcomes: []string{"a created 1", "b created 2"}, stored: 2,
			res: IngestResult{PutResult: PutResult{Created: 2, Events: 3}, Read: 2, Analyzed: 2}},
		{name: "the same input is unchanged and not analyzed again", before: []item{a, b}, items: []item{a, b},
			outcomes: []string{"a unchanged 1", "b unchanged 2"}, stored: 2,
			res: IngestResult{Read: 2, Unchanged: 2}},
		{name: "a changed text replaces the document", before: []item{a}, items: []item{{id: "a", text: b.text}},
			analyzed: []string{"a"}, outcomes: []string{"a replaced 2"}, stored: 1,
			res: IngestResult{PutResult: PutResult{Replaced: 1, Events: 2}, Read: 1, Analyzed: 1}},
		{name: "another default date is another input", before: []item{a}, items: []item{a},
			opt: IngestOptions{Published: "2024-01-01"}, analyzed: []string{"a"}, outcomes: []string{"a replaced 1"}, stored: 1,
			res: IngestResult{PutResult: PutResult{Replaced: 1, Events: 1}, Read: 1, Analyzed: 1}},
		{name: "a document's own date is not the default's", before: []item{dated}, items: []item{dated},
			opt: IngestOptions{Published: "2024-01-01"}, outcomes: []string{"a unchanged 1"}, stored: 1,
			res: IngestResult{Read: 1, Unchanged: 1}},
		{name: "Force analyzes what is unchanged", before: []item{a}, items: []item{a},
			opt: IngestOptions{Force: true}, analyzed: []string{"a"}, outcomes: []string{"a replaced 1"}, stored: 1,
			res: IngestResult{PutResult: PutResult{Replaced: 1, Events: 1}, Read: 1, Analyzed: 1}},
		{name: "a document that cannot be analyzed is reported, not stored", items: []item{{id: "f", text: "fail\n"}, a},
			analyzed: []string{"f", "a"}, outcomes: []string{"f  0 [f: cannot be analyzed]", "a created 1"}, stored: 1,
			res: IngestResult{PutResult: PutResult{Created: 1, Events: 1}, Read: 2, Analyzed: 1, Errors: 1}},
		{name: "an unreadable input is passed through", items: []item{{id: "x", unreadable: true}, a},
			analyzed: []string{"a"}, outcomes: []string{"  0 [x: unreadable]", "a created 1"}, stored: 1,
			res: IngestResult{PutResult: PutResult{Created: 1, Events: 1}, Read: 2, Analyzed: 1, Errors: 1}},
		{name: "batches store everything, in order", items: []item{a, b, {id: "c", text: "One.\nTwo.\nThree.\n"}},
			opt: IngestOptions{Batch: 2}, analyzed: []string{"a", "b", "c"}, outcomes: []string{"a created 1", "b created 2", "c created 3"},
			stored: 3, res: IngestResult{PutResult: PutResult{Created: 3, Events: 6}, Read: 3, Analyzed: 3}},
		{name: "an ended context reads nothing", items: []item{a}, ctx: ended,
			res: IngestResult{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			var analyzed []string
			if _, err := s.Ingest(context.Background(), seq(tc.before), fakeAnalyzer(&analyzed), IngestOptions{}); err != nil {
				t.Fatal(err)
			}
			analyzed = nil
			var outcomes []string
			tc.opt.Report = func(o Outcome) { outcomes = append(outcomes, outcomeString(o)) }
			ctx := tc.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			res, err := s.Ingest(ctx, seq(tc.items), fakeAnalyzer(&analyzed), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(analyzed, tc.analyzed) {
				t.Errorf("analyzed %q, want %q", analyzed, tc.analyzed)
			}
			if !slices.Equal(outcomes, tc.outcomes) {
				t.Errorf("outcomes %q, want %q", outcomes, tc.outcomes)
			}
			if res != tc.res {
				t.Errorf("result %+v, want %+v", res, tc.res)
			}
			counts, err := s.Counts(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if counts.Documents != int64(tc.stored) {
				t.Errorf("%d documents stored, want %d", counts.Documents, tc.stored)
			}
			if err := s.Check(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestIngestStoreError: a store that refuses the batch makes Ingest return the error,
// and stop reading.
func TestIngestStoreError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var analyzed []string
	items := []item{{id: "a", text: "One.\n"}, {id: "b", text: "Two.\n"}, {id: "c", text: "Three.\n"}}
	res, err := ro.Ingest(context.Background(), seq(items), fakeAnalyzer(&analyzed), IngestOptions{})
	if err == nil || !strings.Contains(err.Error(), "storing a batch of 1 documents") {
		t.Errorf("error %v, want one storing the batch", err)
	}
	if !slices.Equal(analyzed, []string{"a"}) || res.Created != 0 {
		t.Errorf("analyzed %q and stored %d after the store failed", analyzed, res.Created)
	}
}
