package syntax

import (
	"strings"
	"testing"

	"herald/document"
	"herald/segment"
)

// loadModels returns the embedded models, decoded once per test binary run.
func loadModels(t testing.TB) *Models {
	t.Helper()
	m, err := Embedded()
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

// TestSentenceInitialDemonym: a demonym that starts a sentence is an adjective of the
// title after it, not the subject ("Chilean President Gabriel Boric met …"), and a
// hyphenated first name stays one name ("Jean-Noel", which the segmenter splits as EWT
// does). Each sentence names its subject's first word, the verb, and the first word of the
// obl phrase that "with" introduces; EWT heads a name by its first word.
func TestSentenceInitialDemonym(t *testing.T) {
	m := loadModels(t)
	for _, tc := range []struct {
		text, subject, verb string
		obl                 string // "": the "with" phrase is not checked
	}{
		{"Chilean President Gabriel Boric met with Peruvian Foreign Minister Elmer Schialer on Monday.", "Gabriel", "met", "Peruvian"},
		// The parser still makes the "with" of these two an obl of its own (known, issue
		// 3): only the subject is checked.
		{"Kyrgyz President Sadyr Japarov on Tuesday met here with Turkish Foreign Minister Hakan Fidan.", "Sadyr", "met", ""},
		{"French Foreign Minister Jean-Noel Barrot on Friday met in Paris with Indian Foreign Minister Subrahmanyam Jaishankar.", "Jean", "met", ""},
	} {
		d := sentenceDoc(tc.text)
		m.NewAnnotator().Annotate(d)
		toks := d.Sentences[0].Tokens
		idx := func(word string) int {
			for i, tk := range toks {
				if tk.Text == word {
					return i + 1
				}
			}
			t.Fatalf("%q: no token %q", tc.text, word)
			return 0
		}
		verb, subj := idx(tc.verb), idx(tc.subject)
		if toks[0].UPOS != "ADJ" {
			t.Errorf("%q: %s tagged %s, want ADJ", tc.text, toks[0].Text, toks[0].UPOS)
		}
		if tk := toks[subj-1]; tk.Head != verb || tk.Deprel != "nsubj" {
			t.Errorf("%q: %s is %s of %d, want nsubj of %s", tc.text, tk.Text, tk.Deprel, tk.Head, tc.verb)
		}
		if tc.obl == "" {
			continue
		}
		// The "with" before the phrase marks an obl of the verb, and that obl heads the
		// phrase's first word.
		obl := idx(tc.obl)
		with := toks[obl-2]
		if with.Text != "with" || with.Deprel != "case" || with.Head == 0 {
			t.Errorf("%q: with = %+v, want a case marker", tc.text, with)
			continue
		}
		if o := toks[with.Head-1]; o.Head != verb || !strings.HasPrefix(o.Deprel, "obl") {
			t.Errorf("%q: \"with\" marks %s, %s of %d, want an obl of %s", tc.text, o.Text, o.Deprel, o.Head, tc.verb)
			continue
		}
		h := obl
		for steps := 0; h != 0 && h != with.Head && steps <= len(toks); steps++ {
			h = toks[h-1].Head
		}
		if h != with.Head {
			t.Errorf("%q: %s is outside the obl phrase", tc.text, tc.obl)
		}
	}
}

// TestHyphenatedNameMapsBack checks the annotation a joined name gets: the hyphen is
// punct and the second part flat, both under the first part, as in EWT.
func TestHyphenatedNameMapsBack(t *testing.T) {
	m := loadModels(t)
	d := sentenceDoc("Foreign Minister Jean-Noel Barrot arrived in Rome.")
	m.NewAnnotator().Annotate(d)
	toks := d.Sentences[0].Tokens
	if len(toks) < 5 || toks[2].Text != "Jean" || toks[3].Text != "-" || toks[4].Text != "Noel" {
		t.Fatalf("segmented as %v", toks)
	}
	if toks[3].Head != 5 || toks[3].Deprel != "punct" || toks[4].Head != 3 || toks[4].Deprel != "flat" {
		t.Errorf("hyphen %+v, Noel %+v: want punct of Noel, flat of Jean", toks[3], toks[4])
	}
	// A space around the hyphen, or a word that is not a name, leaves the words alone.
	for _, text := range []string{"Jean - Noel Barrot arrived in Rome.", "The Israeli-Palestinian talks resumed."} {
		a := m.NewAnnotator()
		d := sentenceDoc(text)
		a.Annotate(d)
		if a.joinNames(a.words, a.glued) {
			t.Errorf("%q: joined a name", text)
		}
	}
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

// TestCompleteKeepsWhatIsGiven: a sentence from another parser keeps its own tags,
// lemmas and tree; only what it lacks is predicted.
func TestCompleteKeepsWhatIsGiven(t *testing.T) {
	a := loadModels(t).NewAnnotator()
	words := func() []document.Token {
		d := sentenceDoc("Police fired tear gas at the protesters.")
		return d.Sentences[0].Tokens
	}
	// A full analysis, deliberately unlike Herald's: "fired" a noun at the root.
	given := words()
	for i := range given {
		given[i].UPOS, given[i].XPOS, given[i].Lemma, given[i].Head, given[i].Deprel = "X", "FW", "given", 2, "dep"
	}
	given[1].Head, given[1].Deprel = 0, "root"
	full := append([]document.Token(nil), given...)
	a.Complete(full)
	for i := range full {
		if full[i] != given[i] {
			t.Errorf("a fully given token changed: %+v, was %+v", full[i], given[i])
		}
	}

	// Tags without lemmas and XPOS, and a tree: the tags and the tree stay, the rest is
	// filled in.
	partial := words()
	for i := range partial {
		partial[i].UPOS, partial[i].Head, partial[i].Deprel = "X", given[i].Head, given[i].Deprel
	}
	a.Complete(partial)
	for i, tok := range partial {
		if tok.UPOS != "X" || tok.XPOS == "" || tok.Lemma == "" || tok.Head != given[i].Head || tok.Deprel != given[i].Deprel {
			t.Errorf("token %d: %+v, want UPOS X and the given tree kept, XPOS and lemma predicted", i, tok)
		}
	}

	// Words alone: tagged and parsed, as Herald would.
	bare, want := words(), words()
	a.Complete(bare)
	a.Tokens(want)
	for i := range bare {
		if bare[i] != want[i] {
			t.Errorf("token %d: %+v, want %+v", i, bare[i], want[i])
		}
	}
}
