package parser

import (
	"bytes"
	"strings"
	"testing"
)

func TestGoldSequenceBuildsTheGoldTree(t *testing.T) {
	sents := tinyTreebank(t)
	labels := collectLabels(sents)
	m, err := newModel(labels)
	if err != nil {
		t.Fatal(err)
	}
	index := map[string]int32{}
	for i, l := range labels {
		index[l] = int32(i)
	}
	tr := &trainer{m: m}
	for _, s := range sents {
		ex, _, err := newExample(s, index)
		if err != nil {
			t.Fatal(err)
		}
		seq := tr.goldSequence(&ex, nil)
		if len(seq) != 2*len(ex.words) {
			t.Errorf("%q: %d moves, want %d", ex.words, len(seq), 2*len(ex.words))
		}
		var st state
		st.reset(len(ex.words))
		for _, c := range seq {
			st.apply(m.decode(int(c)))
		}
		heads, deprels := make([]int, len(ex.words)), make([]string, len(ex.words))
		m.finish(&st, ex.upos, heads, deprels)
		for i, w := range s.Words {
			if heads[i] != w.Head || deprels[i] != w.Deprel {
				t.Errorf("%q word %d: %d %s, want %d %s", ex.words, i+1, heads[i], deprels[i], w.Head, w.Deprel)
			}
		}
	}
}

// A beam-trained model learns the tiny treebank, keeps its width through its file, and
// always gives trees.
func TestBeamParser(t *testing.T) {
	sents := tinyTreebank(t)
	train := func() *Model {
		m, err := Train(sents, nil, TrainOptions{Epochs: 6, Seed: 5, Beam: 4}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := train()
	var file bytes.Buffer
	if err := m.Write(&file); err != nil {
		t.Fatal(err)
	}
	read, err := Read(bytes.NewReader(file.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if read.Beam() != 4 {
		t.Fatalf("beam width %d after reading, want 4", read.Beam())
	}
	var again bytes.Buffer
	if err := train().Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(file.Bytes(), again.Bytes()) {
		t.Error("the same data and seed gave different model bytes")
	}
	score := Evaluate(read.WithBeamMargin(0), sents, nil)
	if score.UAS < 95 {
		t.Errorf("UAS %.1f on its own training sentences, want at least 95", score.UAS)
	}
	// The margin narrows the beam without breaking it, and parsing allocates nothing
	// once warm.
	for _, margin := range []float32{0, 0.5, 1e9} {
		p := read.WithBeamMargin(margin).NewParser()
		words := strings.Fields("The minister met the president in Geneva on Monday and said talks went well .")
		n := len(words)
		upos, xpos := make([]string, n), make([]string, n)
		heads, deprels := make([]int, n), make([]string, n)
		p.Parse(words, upos, xpos, heads, deprels)
		checkTree(t, n, heads, deprels)
		if allocs := testing.AllocsPerRun(20, func() { p.Parse(words, upos, xpos, heads, deprels) }); allocs != 0 {
			t.Errorf("margin %g: Parse allocates %v times per sentence after warm-up, want 0", margin, allocs)
		}
	}
	p := read.NewParser()
	for _, words := range [][]string{{}, {"a"}, {"a", "b"}, {"The", "minister", "met", "the", "president", "in", "Astana", "."}} {
		parseAndCheck(t, p, words)
	}
}
