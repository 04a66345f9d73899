package pipeline

import (
	"errors"
	"fmt"
	"iter"
	"os"
	"strings"
	"testing"
	"time"

	"herald/clean"
	"herald/document"
)

func items(n int, badEvery int) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		for i := 0; i < n; i++ {
			if badEvery > 0 && i%badEvery == 0 {
				if !yield(nil, fmt.Errorf("input %d: unreadable", i)) {
					return
				}
				continue
			}
			raw := fmt.Sprintf("OSLO, May %d (NTB) - Story number %d was published. It has two sentences.\n", i%28+1, i)
			if !yield(&document.Document{ID: fmt.Sprint(i), Raw: []byte(raw)}, nil) {
				return
			}
		}
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	p, err := New(Options{Workers: 4, Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	p.Run(items(500, 7), func(r Result) {
		if r.Doc == nil {
			if len(r.Errs) != 1 {
				t.Errorf("a failed item carries %d errors, want 1", len(r.Errs))
			}
			got = append(got, "err")
			return
		}
		got = append(got, r.Doc.ID)
	})
	if len(got) != 500 {
		t.Fatalf("emitted %d results, want 500", len(got))
	}
	for i, id := range got {
		want := fmt.Sprint(i)
		if i%7 == 0 {
			want = "err"
		}
		if id != want {
			t.Fatalf("result %d is %q, want %q: order lost", i, id, want)
		}
	}
}

func TestProcessFillsLayers(t *testing.T) {
	p, _ := New(Options{Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	r := p.Process(&document.Document{ID: "x", Source: "x.txt", Raw: []byte("OSLO, May 2 (NTB) - Norway's king on Friday opened parliament. Critics stayed away.\n")})
	if r.Doc == nil || len(r.Errs) != 0 {
		t.Fatalf("result %+v", r)
	}
	d := r.Doc
	if d.Raw != nil {
		t.Error("Raw kept after cleaning")
	}
	if d.Dateline == nil || d.Dateline.Place != "Oslo" {
		t.Errorf("dateline %+v", d.Dateline)
	}
	if len(d.Sentences) != 2 {
		t.Errorf("%d sentences, want 2", len(d.Sentences))
	}
	if d.Entities == nil || d.Events == nil {
		t.Error("empty layers must encode as [], not null")
	}
}

func TestProcessRejectsNonText(t *testing.T) {
	p, _ := New(Options{})
	r := p.Process(&document.Document{ID: "x", Source: "empty.txt"})
	if r.Doc != nil || len(r.Errs) != 1 {
		t.Fatalf("empty document: %+v", r)
	}
	if err := r.Errs[0]; !strings.HasPrefix(err.Error(), "empty.txt: ") || !errors.Is(err, clean.ErrEmpty) {
		t.Errorf("error %q: want it to name the document and wrap clean.ErrEmpty", err)
	}
}

func TestNewRejectsBadDate(t *testing.T) {
	if _, err := New(Options{Published: "May 20"}); err == nil {
		t.Error("a malformed --date was accepted")
	}
}

// BenchmarkProcess measures clean + dateline + timex + segment on one core over the
// project's own example story, reported in MB/s of input.
func BenchmarkProcess(b *testing.B) {
	raw, err := os.ReadFile("../examples/geneva-talks.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, _ := New(Options{Workers: 1, Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		r := p.Process(&document.Document{ID: "bench", Raw: raw})
		if r.Doc == nil {
			b.Fatal(r.Errs)
		}
	}
}
