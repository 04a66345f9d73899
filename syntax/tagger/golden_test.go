package tagger

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"herald/syntax/lemma"
)

var update = flag.Bool("update", false, "rewrite testdata/news.golden")

// newsSentences are our own, in UD English tokenization, in the styles Herald reads:
// wire copy, headlines in capitals and in title case, quotes, numbers and datelines.
var newsSentences = []string{
	"KAZAKH PRESIDENT MEETS CHINESE FM",
	"ASTANA , May 20 ( Xinhua ) -- Kazakh President Kassym-Jomart Tokayev met visiting Chinese Foreign Minister Wang Yi on Monday .",
	"The two sides agreed to deepen cooperation in trade , energy and transport , according to a statement .",
	"Rebels Seize Border Town As Ceasefire Talks Stall",
	"Government forces shelled the rebel-held districts overnight , killing at least 14 civilians , witnesses said .",
	"\" We will not negotiate under threat , \" the minister told reporters in Geneva .",
	"The U.N. Security Council is expected to vote on the draft resolution next week .",
	"Protesters had gathered outside the parliament since Tuesday , demanding the government 's resignation .",
	"Brazil and Argentina signed a $ 3.5 billion agreement to build a gas pipeline .",
	"Police arrested 27 people and seized weapons , the interior ministry said in a statement on its website .",
	"He didn't say whether the sanctions would be lifted .",
}

func TestGolden(t *testing.T) {
	m := loadShipped(t)
	f, err := os.Open("../models/lemma.model")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../models/lemma.model not trained yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	lm, err := lemma.Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	tg := m.NewTagger()
	var out strings.Builder
	out.WriteString("# word\tUPOS\tXPOS\tlemma, by the shipped tagger and lemmatizer; refresh with -update\n")
	for _, s := range newsSentences {
		words, upos, xpos := tag(tg, s)
		out.WriteString("\n")
		for i, w := range words {
			fmt.Fprintf(&out, "%s\t%s\t%s\t%s\n", w, upos[i], xpos[i], lm.Lemma(w, upos[i], xpos[i]))
		}
	}
	const golden = "testdata/news.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s:%d: got %q, want %q (run with -update after reviewing)", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", golden, len(gl), len(wl))
	}
}

// BenchmarkTag tags the news sentences; tokens/s is b.N × words / time.
func BenchmarkTag(b *testing.B) {
	tg := loadShipped(b).NewTagger()
	var sents [][]string
	words := 0
	for _, s := range newsSentences {
		sents = append(sents, strings.Fields(s))
		words += len(sents[len(sents)-1])
	}
	upos, xpos := make([]string, 64), make([]string, 64)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			tg.Tag(s, upos, xpos)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagEWTDev tags the EWT dev set, the speed on varied real text.
func BenchmarkTagEWTDev(b *testing.B) {
	tg := loadShipped(b).NewTagger()
	dev := readTreebank(b, "ewt/en_ewt-ud-dev.conllu")
	var sents [][]string
	words := 0
	for _, s := range dev {
		var w []string
		for _, x := range s.Words {
			w = append(w, x.Form)
		}
		sents = append(sents, w)
		words += len(w)
	}
	upos, xpos := make([]string, 1024), make([]string, 1024)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			tg.Tag(s, upos, xpos)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
}
