package event

import (
	"strings"
	"sync"
	"testing"

	"herald/document"
	"herald/lexicon"
)

var (
	coderOnce sync.Once
	coder     *Coder
	coderErr  error
)

func testCoder(t testing.TB) *Coder {
	t.Helper()
	coderOnce.Do(func() {
		var lex *lexicon.Lexicon
		if lex, coderErr = lexicon.Embedded(); coderErr == nil {
			coder = New(lex, nil)
		}
	})
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return coder
}

// parsed builds a one-sentence document from "word/UPOS/head/deprel" tokens (a word may
// carry its lemma: "plans=plan"), with the given entities (text → actor code) found in
// it, and their mentions in the actors layer, as the actor stage would write them.
func parsed(spec string, actors map[string]string) *document.Document {
	doc := &document.Document{ID: "t", Published: "2024-05-20"}
	var b strings.Builder
	var toks []document.Token
	for _, f := range strings.Fields(spec) {
		p := strings.Split(f, "/")
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		word, lemma, _ := strings.Cut(p[0], "=")
		if lemma == "" {
			lemma = strings.ToLower(word)
		}
		start := b.Len()
		b.WriteString(word)
		head := 0
		for _, c := range p[2] {
			head = head*10 + int(c-'0')
		}
		toks = append(toks, document.Token{Start: start, End: b.Len(), Text: word, Lemma: lemma, UPOS: p[1], Head: head, Deprel: p[3]})
	}
	doc.Text = b.String()
	doc.Sentences = []document.Sentence{{Start: 0, End: len(doc.Text), Tokens: toks}}
	for i, t := range toks {
		if code, ok := actors[t.Text]; ok {
			doc.Actors = append(doc.Actors, document.ActorMention{Start: t.Start, End: t.End, Text: t.Text, Code: code, How: "dictionary",
				Entity: len(doc.Entities)})
			doc.Entities = append(doc.Entities, document.Entity{Start: t.Start, End: t.End, Text: t.Text, Type: "GPE", Mention: "name", Cluster: i})
		}
	}
	return doc
}

// TestClauses codes hand-parsed sentences that exercise the clause rules.
func TestClauses(t *testing.T) {
	c := testCoder(t)
	actors := map[string]string{"Arnor": "ARN", "Gondor": "GON", "Rohan": "ROH"}
	cases := []struct {
		name, spec string
		want       []string // "SRC TGT CODE", in order
	}{
		{"meet with", "Arnor/PROPN/2/nsubj met/VERB/0/root with/ADP/4/case Gondor/PROPN/2/obl", []string{"ARN GON 040"}},
		{"object", "Arnor/PROPN/2/nsubj attacked/VERB/0/root Gondor/PROPN/2/obj", []string{"ARN GON 190"}},
		{"coordinated subjects", "Arnor/PROPN/4/nsubj and/CCONJ/3/cc Rohan/PROPN/1/conj attacked/VERB/0/root Gondor/PROPN/4/obj",
			[]string{"ARN GON 190", "ROH GON 190"}},
		{"intent by will", "Arnor/PROPN/3/nsubj will/AUX/3/aux meet/VERB/0/root Gondor/PROPN/3/obj", []string{"ARN GON 036"}},
		{"intent by control", "Arnor/PROPN/2/nsubj plans=plan/VERB/0/root to/PART/4/mark attack/VERB/2/xcomp Gondor/PROPN/4/obj", []string{"ARN GON 138"}},
		{"negation", "Arnor/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod attack/VERB/0/root Gondor/PROPN/4/obj", []string{"ARN GON 190 negated"}},
		{"same actor twice", "Arnor/PROPN/2/nsubj attacked/VERB/0/root Arnor/PROPN/2/obj", nil},
		{"no verb in the dictionary", "Arnor/PROPN/2/nsubj zorbled/VERB/0/root Gondor/PROPN/2/obj", nil},
		{"adjectival verb", "the/DET/3/det growing/VERB/3/amod force/NOUN/0/root", nil},
	}
	for _, tc := range cases {
		doc := parsed(tc.spec, actors)
		c.Annotate(doc)
		var got []string
		for _, e := range doc.Events {
			g := e.Source.Code + " " + e.Target.Code + " " + e.CAMEO
			if e.Negated {
				g += " negated"
			}
			got = append(got, g)
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// FuzzCoder feeds the coder sentences with arbitrary tokens, heads (cycles and
// out-of-range ones included) and relations, and checks that it neither crashes nor
// fails inside, and that what it codes points into the text.
func FuzzCoder(f *testing.F) {
	f.Add([]byte("Arnor met with Gondor"), []byte{2, 0, 4, 2}, []byte{0, 1, 2, 3})
	f.Add([]byte("Arnor will attack Gondor and Rohan"), []byte{3, 3, 0, 3, 6, 4}, []byte{0, 4, 1, 3, 5, 6})
	f.Add([]byte("a b c"), []byte{2, 3, 1}, []byte{7, 8, 9})
	words := []string{"Arnor", "Gondor", "Rohan", "met", "attacked", "will", "not", "with", "to", "and", "plans", "said", "the", "police"}
	upos := []string{"PROPN", "VERB", "AUX", "ADP", "PART", "CCONJ", "NOUN", "DET"}
	rels := []string{"nsubj", "obj", "obl", "root", "conj", "case", "xcomp", "ccomp", "advcl", "acl", "acl:relcl", "aux", "advmod", "nsubj:pass", "obl:agent", "cc", "mark", "nmod", "amod", "parataxis"}
	f.Fuzz(func(t *testing.T, text []byte, heads []byte, labels []byte) {
		n := min(len(heads), len(labels), 40)
		if n == 0 {
			return
		}
		var spec []string
		for i := 0; i < n; i++ {
			w := words[int(labels[i])%len(words)]
			if i < len(text) {
				w = words[int(text[i])%len(words)]
			}
			h := int(heads[i]) % (n + 3) // sometimes out of range
			spec = append(spec, w+"/"+upos[int(labels[i]>>3)%len(upos)]+"/"+itoa(h)+"/"+rels[int(labels[i])%len(rels)])
		}
		doc := parsed(strings.Join(spec, " "), map[string]string{"Arnor": "ARN", "Gondor": "GON", "Rohan": "ROH"})
		testCoder(t).Annotate(doc)
		for _, w := range doc.Warnings {
			if strings.Contains(w, "internal error") {
				t.Fatalf("coder failed inside: %s\n%s", w, strings.Join(spec, " "))
			}
		}
		for _, e := range doc.Events {
			for _, a := range []document.Actor{e.Source, e.Target} {
				if a.Start < 0 || a.End > len(doc.Text) || a.Start > a.End || doc.Text[a.Start:a.End] != a.Text {
					t.Fatalf("actor %+v does not point into the text", a)
				}
			}
			if e.Source.Code == "" || e.Target.Code == "" || e.CAMEO == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	})
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestSplitName checks that a name the parse splits into two subjects ("Deputy" and
// "Minister Brandt", each an nsubj of "said") stays one actor, and talks to no one.
func TestSplitName(t *testing.T) {
	c := testCoder(t)
	doc := parsed("Deputy/NOUN/5/nsubj Minister/PROPN/3/compound Brandt/PROPN/5/nsubj has/AUX/5/aux said/VERB/0/root", nil)
	doc.Entities = []document.Entity{{Start: 0, End: len("Deputy Minister Brandt"), Text: "Deputy Minister Brandt", Type: "PERSON",
		Name: "Brandt", Role: "Deputy Minister", Mention: "name"}}
	c.Annotate(doc)
	for _, e := range doc.Events {
		t.Errorf("one man split in two made an event: %s %q → %s %q", e.CAMEO, e.Source.Text, e.Target.Code, e.Target.Text)
	}
}
