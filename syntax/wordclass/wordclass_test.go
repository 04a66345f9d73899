package wordclass

import (
	"bytes"
	"errors"
	"testing"

	"herald/learn"
)

// corpus is a toy text in which days, countries and verbs each share their contexts.
func corpus() *Corpus {
	c := NewCorpus()
	days := []string{"Monday", "Tuesday", "Friday"}
	places := []string{"Chile", "Peru", "Kazakhstan"}
	verbs := []string{"met", "called", "visited"}
	for rep := 0; rep < 4; rep++ {
		for _, d := range days {
			for _, p := range places {
				for _, v := range verbs {
					c.Add([]string{"On", d, ",", "the", "president", "of", p, v, "the", "minister", "."})
				}
			}
		}
	}
	return c
}

func TestBuildGroupsWordsOfOneKind(t *testing.T) {
	lex, err := Build(corpus(), Options{MinCount: 2, Contexts: 20, FineClusters: 6, CoarseClusters: 3, Iterations: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, group := range [][]string{{"Monday", "tuesday", "FRIDAY"}, {"Chile", "Peru", "Kazakhstan"}, {"met", "called", "visited"}} {
		f0, _ := lex.Lookup(group[0])
		if f0 == 0 {
			t.Fatalf("%q not clustered", group[0])
		}
		for _, w := range group[1:] {
			if f, _ := lex.Lookup(w); f != f0 {
				t.Errorf("%q in cluster %d, %q in %d", w, f, group[0], f0)
			}
		}
	}
	if f, c := lex.Lookup("Astana"); f != 0 || c != 0 {
		t.Errorf("unseen word has clusters %d, %d", f, c)
	}
}

func TestDigitsFold(t *testing.T) {
	c := NewCorpus()
	for range 5 {
		c.Add([]string{"in", "1998", "and", "2024", "."})
	}
	lex, err := Build(c, Options{MinCount: 1, Contexts: 5, FineClusters: 2, CoarseClusters: 1})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := lex.Lookup("1998")
	b, _ := lex.Lookup("3131")
	if a == 0 || a != b {
		t.Errorf("1998 in %d, 3131 in %d: want one cluster", a, b)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	lex, err := Build(corpus(), Options{MinCount: 2, Contexts: 20, FineClusters: 6, CoarseClusters: 3})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := lex.Write(&a); err != nil {
		t.Fatal(err)
	}
	again, err := Build(corpus(), Options{MinCount: 2, Contexts: 20, FineClusters: 6, CoarseClusters: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same text gave different bytes")
	}
	got, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != lex.Len() {
		t.Fatalf("read %d words, wrote %d", got.Len(), lex.Len())
	}
	for _, w := range lex.Words() {
		f1, c1 := lex.Lookup(w)
		f2, c2 := got.Lookup(w)
		if f1 != f2 || c1 != c2 {
			t.Errorf("%q: wrote %d %d, read %d %d", w, f1, c1, f2, c2)
		}
	}
	if _, err := Read(bytes.NewReader([]byte("not a model"))); !errors.Is(err, learn.ErrFormat) {
		t.Errorf("garbage: err %v, want ErrFormat", err)
	}
}

func TestLookupAllocatesNothing(t *testing.T) {
	lex, err := Build(corpus(), Options{MinCount: 2, Contexts: 20, FineClusters: 6, CoarseClusters: 3})
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { lex.Lookup("Tuesday") }); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}

func FuzzRead(f *testing.F) {
	lex, err := Build(corpus(), Options{MinCount: 2, Contexts: 20, FineClusters: 6, CoarseClusters: 3})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := lex.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := Read(bytes.NewReader(b))
		if err == nil {
			for _, w := range l.Words() {
				l.Lookup(w)
			}
		}
	})
}
