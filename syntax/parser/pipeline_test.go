package parser_test

import (
	"errors"
	"flag"
	"io"
	"os"
	"testing"

	"herald/conllu"
	"herald/syntax/parser"
	"herald/syntax/tagger"
)

// TestAccuracyWithPredictedTags scores the parser as the pipeline runs it: tags from the
// shipped tagger model, not the treebank. It reports EWT dev and test and PUD, and keeps
// a floor on dev.
func TestAccuracyWithPredictedTags(t *testing.T) {
	pm := load(t, flag.Lookup("model").Value.String(), parser.Read)
	tm := load(t, taggerPath(), tagger.Read)
	tg := tm.NewTagger()
	tag := func(words, upos, xpos []string) { tg.Tag(words, upos, xpos) }
	for _, name := range []string{"ewt/en_ewt-ud-dev.conllu", "ewt/en_ewt-ud-test.conllu", "pud/en_pud-ud-test.conllu"} {
		gold := read(t, "../../../shared/data/ud/"+name)
		s := parser.Evaluate(pm, gold, tag)
		t.Logf("%s, predicted tags: UAS %.2f LAS %.2f (universal LAS %.2f) over %d words", name, s.UAS, s.LAS, s.UniversalLAS, s.Words)
		if name == "ewt/en_ewt-ud-dev.conllu" && (s.UAS < 84 || s.LAS < 80.5) {
			t.Errorf("dev with predicted tags: UAS %.2f LAS %.2f, want at least 84 and 80.5", s.UAS, s.LAS)
		}
	}
}

func load[M any](t *testing.T, path string, load func(io.Reader) (M, error)) M {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("model not available: %v", err)
	}
	defer f.Close()
	m, err := load(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

func read(t *testing.T, path string) []*conllu.Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("treebank not available (%v): this test needs ../shared/data/ud", err)
	}
	defer f.Close()
	var all []*conllu.Sentence
	r := conllu.NewReader(f)
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			return all
		}
		if err != nil {
			t.Fatalf("%s:%v", path, err)
		}
		all = append(all, s)
	}
}

// taggerPath is the tagger model: the shipped one unless HERALD_TAGGER_MODEL names another.
func taggerPath() string {
	if p := os.Getenv("HERALD_TAGGER_MODEL"); p != "" {
		return p
	}
	return "../models/tagger.model"
}

// BenchmarkTagAndParse tags and parses EWT dev on one goroutine, as the syntax stage
// does, and reports tokens/s.
func BenchmarkTagAndParse(b *testing.B) {
	pm := loadB(b, flag.Lookup("model").Value.String(), parser.Read)
	tm := loadB(b, taggerPath(), tagger.Read)
	f, err := os.Open("../../../shared/data/ud/ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		b.Skipf("treebank not available: %v", err)
	}
	defer f.Close()
	type sentence struct {
		words, upos, xpos, deprels []string
		heads                      []int
	}
	var sents []sentence
	r := conllu.NewReader(f)
	for {
		s, err := r.Next()
		if err != nil {
			break
		}
		n := len(s.Words)
		c := sentence{make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]int, n)}
		for i, w := range s.Words {
			c.words[i] = w.Form
		}
		sents = append(sents, c)
	}
	tg, p := tm.NewTagger(), pm.NewParser()
	tokens := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range sents {
			s := &sents[i]
			tg.Tag(s.words, s.upos, s.xpos)
			p.Parse(s.words, s.upos, s.xpos, s.heads, s.deprels)
			tokens += len(s.words)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

func loadB[M any](b *testing.B, path string, load func(io.Reader) (M, error)) M {
	b.Helper()
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("model not available: %v", err)
	}
	defer f.Close()
	m, err := load(f)
	if err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	return m
}
