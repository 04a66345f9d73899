package syntax

import (
	"strings"
	"testing"

	"herald/document"
	"herald/segment"
)

// loadModels loads the embedded models once per test binary run.
func loadModels(t testing.TB) *Models {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatalf("embedded models: %v", err)
	}
	return m
}

// sentenceDoc is a document of our own, segmented as the pipeline would.
func sentenceDoc(text string) *document.Document {
	d := &document.Document{Text: text}
	segment.Annotate(d)
	return d
}

func TestAnnotateFillsEveryLayerAndATree(t *testing.T) {
	m := loadModels(t)
	d := sentenceDoc("The foreign ministers of Peru and Chile met in Lima on Tuesday. They agreed to reopen the border crossing near Tacna, officials said.")
	m.NewAnnotator().Annotate(d)
	if len(d.Sentences) != 2 {
		t.Fatalf("%d sentences", len(d.Sentences))
	}
	for si, s := range d.Sentences {
		roots := 0
		for i, tok := range s.Tokens {
			if tok.UPOS == "" || tok.XPOS == "" || tok.Lemma == "" || tok.Deprel == "" {
				t.Errorf("sentence %d token %d %q not fully annotated: %+v", si, i, tok.Text, tok)
			}
			if tok.Head < 0 || tok.Head > len(s.Tokens) || tok.Head == i+1 {
				t.Errorf("sentence %d token %d: head %d", si, i, tok.Head)
			}
			if tok.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d has %d roots", si, roots)
		}
		// Every token reaches the root without a cycle.
		for i := range s.Tokens {
			seen := 0
			for h := i + 1; h != 0; h = s.Tokens[h-1].Head {
				if seen++; seen > len(s.Tokens) {
					t.Fatalf("sentence %d: cycle through token %d", si, i+1)
				}
			}
		}
	}
	met := d.Sentences[0].Tokens[7]
	if met.Text != "met" || met.Lemma != "meet" || met.UPOS != "VERB" || met.Deprel != "root" {
		t.Errorf("\"met\" = %+v, want the VERB root with lemma meet", met)
	}
}

func TestTitleAndNameAroundTheVerb(t *testing.T) {
	m := loadModels(t)
	d := sentenceDoc("President Gabriel Boric met with Peruvian Foreign Minister Elmer Schialer on Monday.")
	m.NewAnnotator().Annotate(d)
	toks := d.Sentences[0].Tokens
	idx := func(word string) int {
		for i, tk := range toks {
			if tk.Text == word {
				return i + 1
			}
		}
		t.Fatalf("no token %q", word)
		return 0
	}
	met := idx("met")
	var obl int
	for i, tk := range toks {
		// The obl whose case marker is "with".
		if tk.Head == met && strings.HasPrefix(tk.Deprel, "obl") && i > 0 {
			for _, c := range toks {
				if c.Head == i+1 && c.Deprel == "case" && c.Text == "with" {
					obl = i + 1
				}
			}
		}
	}
	// EWT heads a name by its first word.
	if g := toks[idx("Gabriel")-1]; g.Head != met || g.Deprel != "nsubj" {
		t.Errorf("Gabriel = %+v, want nsubj of met", g)
	}
	if obl != idx("Elmer") {
		t.Errorf("obl of met is token %d, want Elmer", obl)
	}
}

// TestSentenceInitialDemonym records a known failure, open in issue 3: a demonym that
// starts a sentence ("Chilean President Gabriel Boric met …", "Kazakh President
// Kassym-Jomart Tokayev …") is tagged PROPN, and the parser then makes it the subject.
func TestSentenceInitialDemonym(t *testing.T) {
	m := loadModels(t)
	d := sentenceDoc("Chilean President Gabriel Boric met with Peruvian Foreign Minister Elmer Schialer on Monday.")
	m.NewAnnotator().Annotate(d)
	toks := d.Sentences[0].Tokens
	if toks[0].UPOS == "ADJ" && toks[2].Deprel == "nsubj" && toks[2].Head == 5 {
		return
	}
	t.Skipf("known failure (issue 3): Chilean=%s/%s, Gabriel=%s of %d", toks[0].UPOS, toks[0].Deprel, toks[2].Deprel, toks[2].Head)
}

func TestAnnotatorAllocatesNothingOnKnownWords(t *testing.T) {
	m := loadModels(t)
	a := m.NewAnnotator()
	d := sentenceDoc("The president said on Monday that the government would send troops to the border.")
	a.Annotate(d)
	if n := testing.AllocsPerRun(50, func() { a.Annotate(d) }); n != 0 {
		t.Errorf("Annotate allocates %v times per document after warm-up", n)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	m := loadModels(b)
	a := m.NewAnnotator()
	d := sentenceDoc("Armenian Foreign Minister Ararat Mirzoyan met his Azerbaijani counterpart Jeyhun Bayramov on Tuesday in Geneva, the first direct talks between the two sides since January. The U.S. State Department said in a statement that Washington welcomed the meeting and was ready to host a follow-up round as early as next month.")
	tokens := 0
	for _, s := range d.Sentences {
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Annotate(d)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAnnotatorsShareModels runs several annotators over one Models at once and checks
// they agree with a lone one; under -race it also proves that no goroutine writes to
// the shared models.
func TestAnnotatorsShareModels(t *testing.T) {
	m := loadModels(t)
	text := "Rebels attacked a convoy near Goma on Friday, the army said. The government condemned the attack and vowed to respond."
	want := sentenceDoc(text)
	m.NewAnnotator().Annotate(want)
	done := make(chan *document.Document)
	for range 4 {
		go func() {
			a := m.NewAnnotator()
			var d *document.Document
			for range 20 {
				d = sentenceDoc(text)
				a.Annotate(d)
			}
			done <- d
		}()
	}
	for range 4 {
		got := <-done
		for si := range want.Sentences {
			for ti, w := range want.Sentences[si].Tokens {
				if g := got.Sentences[si].Tokens[ti]; g != w {
					t.Fatalf("concurrent annotator differs at sentence %d token %d: %+v vs %+v", si, ti, g, w)
				}
			}
		}
	}
}
