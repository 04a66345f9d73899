package syntax

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"herald/conllu"
)

// TestWireTreebankWellFormed checks the hand-annotated wire treebank and the main-verb
// cases without parsing anything: every sentence is a tree with UD tags and relations whose
// words spell out its text, and every main-verb row names words of its sentence.
func TestWireTreebankWellFormed(t *testing.T) {
	sents, err := conllu.ReadFile("testdata/wire.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 100 {
		t.Errorf("%d sentences, want 100", len(sents))
	}
	upos := strings.Fields("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X")
	rels := strings.Fields("acl advcl advmod amod appos aux case cc ccomp clf compound conj cop csubj dep det " +
		"discourse dislocated expl fixed flat goeswith iobj list mark nmod nsubj nummod obj obl orphan " +
		"parataxis punct reparandum root vocative xcomp")
	ids := map[string]bool{}
	texts := map[string]bool{}
	for _, s := range sents {
		if s.ID == "" || ids[s.ID] {
			t.Errorf("sentence %q: sent_id missing or repeated", s.ID)
		}
		ids[s.ID] = true
		texts[s.Text] = true
		roots := 0
		for _, w := range s.Words {
			if w.Head == 0 {
				roots++
			}
			if (w.Head == 0) != (w.Deprel == "root") {
				t.Errorf("%s word %d %q: head %d with deprel %q", s.ID, w.ID, w.Form, w.Head, w.Deprel)
			}
			if w.Head < 0 || w.Head > len(s.Words) || w.Head == w.ID {
				t.Errorf("%s word %d %q: head %d out of range", s.ID, w.ID, w.Form, w.Head)
				continue
			}
			// Walk up from the word: a tree reaches the root in fewer steps than it has words.
			h, steps := w.Head, 0
			for h > 0 && steps <= len(s.Words) {
				h, steps = s.Words[h-1].Head, steps+1
			}
			if h != 0 {
				t.Errorf("%s word %d %q: in a cycle", s.ID, w.ID, w.Form)
			}
			if !slices.Contains(upos, w.UPOS) {
				t.Errorf("%s word %d %q: UPOS %q", s.ID, w.ID, w.Form, w.UPOS)
			}
			if rel, _, _ := strings.Cut(w.Deprel, ":"); !slices.Contains(rels, rel) {
				t.Errorf("%s word %d %q: deprel %q", s.ID, w.ID, w.Form, w.Deprel)
			}
		}
		if roots != 1 {
			t.Errorf("%s: %d words with head 0, want 1", s.ID, roots)
		}
		if got := surface(s); got != s.Text {
			t.Errorf("%s: words spell\n%q\nnot the text\n%q", s.ID, got, s.Text)
		}
	}

	data, err := os.ReadFile("testdata/mainverb.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if lines[0] != "sentence\tverb\tsubject\tobject\tnote" {
		t.Errorf("mainverb.tsv header %q", lines[0])
	}
	if len(lines) < 25 {
		t.Errorf("mainverb.tsv has %d rows, want at least 24", len(lines)-1)
	}
	for n, line := range lines[1:] {
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			t.Errorf("mainverb.tsv row %d: %d columns, want 5", n+1, len(cols))
			continue
		}
		words := strings.FieldsFunc(cols[0], func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.'
		})
		for i := range words {
			words[i] = strings.TrimSuffix(words[i], ".")
		}
		for _, head := range cols[1:4] {
			if !slices.Contains(words, head) {
				t.Errorf("mainverb.tsv row %d: %q is not a word of %q", n+1, head, cols[0])
			}
		}
		if texts[cols[0]] {
			t.Errorf("mainverb.tsv row %d: %q is also in wire.conllu", n+1, cols[0])
		}
	}
}

// surface joins the forms of a sentence by their spacing, a multiword token ("Kenya's")
// standing for the words it spans.
func surface(s *conllu.Sentence) string {
	var b strings.Builder
	tokens := s.Tokens
	for i := 0; i < len(s.Words); i++ {
		form, misc := s.Words[i].Form, s.Words[i].Misc
		if len(tokens) > 0 && tokens[0].First == i+1 {
			form, misc, i = tokens[0].Form, tokens[0].Misc, tokens[0].Last-1
			tokens = tokens[1:]
		}
		b.WriteString(form)
		if conllu.SpaceAfter(misc) {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}
