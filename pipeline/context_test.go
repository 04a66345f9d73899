package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"herald/document"
)

// countdown is a context that ends once its Err has answered nil n times, so that a test
// can stop an analysis at its n-th check, whatever the clock says.
type countdown struct {
	context.Context
	n int
}

func (c *countdown) Err() error {
	if c.n > 0 {
		c.n--
		return nil
	}
	return context.Canceled
}

const threeSentences = "OSLO, May 2 (NTB) - Norway's king on Friday opened parliament. Critics stayed away. The session lasted an hour.\n"

// TestProcessContextStopsAtEveryCheck cancels the analysis at each of its checks in turn:
// before every stage, and before every sentence of the syntax stage. Each cancelled
// result names the document and the place, and wraps context.Canceled.
func TestProcessContextStopsAtEveryCheck(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"x.txt: analysis cancelled before the extract stage",
		"x.txt: analysis cancelled before the clean stage",
		"x.txt: analysis cancelled before the dateline stage",
		"x.txt: analysis cancelled before the timex stage",
		"x.txt: analysis cancelled before the segment stage",
		"x.txt@20: analysis cancelled in the syntax stage, before sentence 1 of 3",
		"x.txt@63: analysis cancelled in the syntax stage, before sentence 2 of 3",
		"x.txt@84: analysis cancelled in the syntax stage, before sentence 3 of 3",
		"x.txt: analysis cancelled before the entity stage",
		"x.txt: analysis cancelled before the actor stage",
		"x.txt: analysis cancelled before the event stage",
		"x.txt: analysis cancelled before the geo stage",
	}
	for n, w := range want {
		r := p.ProcessContext(&countdown{context.Background(), n}, &document.Document{ID: "x", Source: "x.txt", Raw: []byte(threeSentences)})
		if r.Doc != nil || len(r.Errs) != 1 {
			t.Errorf("cancelled at check %d: Doc %v, %d errors; want no document and one error", n, r.Doc != nil, len(r.Errs))
			continue
		}
		if got := r.Errs[0].Error(); got != w+": context canceled" {
			t.Errorf("cancelled at check %d: %q, want %q", n, got, w+": context canceled")
		}
		if !errors.Is(r.Errs[0], context.Canceled) {
			t.Errorf("cancelled at check %d: %v does not wrap context.Canceled", n, r.Errs[0])
		}
	}
	// One more check than there are: the analysis runs to its end.
	r := p.ProcessContext(&countdown{context.Background(), len(want)}, &document.Document{ID: "x", Source: "x.txt", Raw: []byte(threeSentences)})
	if r.Doc == nil || len(r.Errs) != 0 || len(r.Doc.Sentences) != 3 {
		t.Fatalf("not cancelled: %+v", r)
	}
	if whole := p.Process(&document.Document{ID: "x", Source: "x.txt", Raw: []byte(threeSentences)}); len(whole.Doc.Entities) != len(r.Doc.Entities) ||
		len(whole.Doc.Events) != len(r.Doc.Events) {
		t.Errorf("ProcessContext gave %d entities and %d events, Process %d and %d",
			len(r.Doc.Entities), len(r.Doc.Events), len(whole.Doc.Entities), len(whole.Doc.Events))
	}
}

// TestProcessContextOtherPaths: the syntax stage of herald code (tag everything, parse
// what may hold an event) and of a document that came with its trees (CoNLL-U) stop
// between sentences too, and an ended context stops the analysis before it starts.
func TestProcessContextOtherPaths(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	eventsOnly, err := New(Options{EventsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	// A document with its text and trees, as conllu.DocumentReader gives one.
	given := func() *document.Document {
		r := p.Process(&document.Document{ID: "g", Source: "g.conllu", Raw: []byte(threeSentences)})
		d := r.Doc
		d.Times, d.Entities, d.Events = nil, nil, nil
		return d
	}
	ended, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name string
		p    *Pipeline
		ctx  context.Context
		doc  *document.Document
		want string
	}{
		{"herald code, first sentence", eventsOnly, &countdown{context.Background(), 5},
			&document.Document{Source: "x.txt", Raw: []byte(threeSentences)}, "x.txt@20: analysis cancelled in the syntax stage, before sentence 1 of 3"},
		{"herald code, second sentence", eventsOnly, &countdown{context.Background(), 6},
			&document.Document{Source: "x.txt", Raw: []byte(threeSentences)}, "x.txt@63: analysis cancelled in the syntax stage, before sentence 2 of 3"},
		{"given trees, before the time expressions", p, &countdown{context.Background(), 0}, given(),
			"g.conllu: analysis cancelled before the timex stage"},
		{"given trees, second sentence", p, &countdown{context.Background(), 2}, given(),
			"g.conllu@63: analysis cancelled in the syntax stage, before sentence 2 of 3"},
		{"ended context", p, ended, &document.Document{Source: "x.txt", Raw: []byte(threeSentences)},
			"x.txt: analysis cancelled before the extract stage"},
	} {
		r := tc.p.ProcessContext(tc.ctx, tc.doc)
		if r.Doc != nil || len(r.Errs) != 1 || !strings.HasPrefix(r.Errs[0].Error(), tc.want+":") || !errors.Is(r.Errs[0], context.Canceled) {
			t.Errorf("%s: Doc %v, errors %v; want %q", tc.name, r.Doc != nil, r.Errs, tc.want)
		}
	}
}
