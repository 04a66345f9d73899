package parser

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"herald/conllu"
	"herald/learn"
	"herald/syntax/models"
	"herald/syntax/wordclass"
)

var (
	modelFlag = flag.String("model", "../models/parser.model", "model file for the accuracy tests and benchmarks")
	update    = flag.Bool("update", false, "rewrite the golden files in testdata/")
)

// tiny is a treebank written for these tests, small enough to train on in milliseconds.
const tiny = `1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	met	meet	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	president	president	NOUN	NN	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

1	Leaders	leader	NOUN	NNS	_	4	nsubj	_	_
2	in	in	ADP	IN	_	3	case	_	_
3	Geneva	Geneva	PROPN	NNP	_	1	nmod	_	_
4	signed	sign	VERB	VBD	_	0	root	_	_
5	an	a	DET	DT	_	6	det	_	_
6	agreement	agreement	NOUN	NN	_	4	obj	_	_
7	on	on	ADP	IN	_	8	case	_	_
8	Monday	Monday	PROPN	NNP	_	4	obl	_	_
9	.	.	PUNCT	.	_	4	punct	_	_

1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	protesters	protester	NOUN	NNS	_	4	nsubj	_	_
4	threw	throw	VERB	VBD	_	2	ccomp	_	_
5	stones	stone	NOUN	NNS	_	4	obj	_	_
6	.	.	PUNCT	.	_	2	punct	_	_

1	China	China	PROPN	NNP	_	4	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	foreign	foreign	ADJ	JJ	_	4	amod	_	_
4	minister	minister	NOUN	NN	_	6	nsubj	_	_
5	will	will	AUX	MD	_	6	aux	_	_
6	visit	visit	VERB	VB	_	0	root	_	_
7	Moscow	Moscow	PROPN	NNP	_	6	obj	_	_
8	.	.	PUNCT	.	_	6	punct	_	_
`

func tinyTreebank(tb testing.TB) []*conllu.Sentence {
	tb.Helper()
	var all []*conllu.Sentence
	r := conllu.NewReader(strings.NewReader(tiny))
	for {
		s, err := r.Next()
		if err != nil {
			return all
		}
		all = append(all, s)
	}
}

var (
	tinyOnce  sync.Once
	tinyModel *Model
)

// trainTiny is a model trained on the tiny treebank: enough to exercise every code path
// without the real model or data.
func trainTiny(tb testing.TB) *Model {
	tinyOnce.Do(func() {
		// Clusters of the treebank's own words, so that every test of the tiny model
		// covers the cluster features and their place in the model file.
		corpus := wordclass.NewCorpus()
		for _, s := range tinyTreebank(tb) {
			var words []string
			for _, w := range s.Words {
				words = append(words, w.Form)
			}
			corpus.Add(words)
		}
		lex, err := wordclass.Build(corpus, wordclass.Options{MinCount: 1, Contexts: 20, FineClusters: 8, CoarseClusters: 3})
		if err != nil {
			tb.Fatal(err)
		}
		m, err := Train(tinyTreebank(tb), nil, TrainOptions{Epochs: 5, Seed: 7, TagNoise: 0.1, Clusters: lex}, nil)
		if err != nil {
			tb.Fatal(err)
		}
		tinyModel = m
	})
	return tinyModel
}

func loadModel(tb testing.TB) *Model {
	tb.Helper()
	f, err := os.Open(*modelFlag)
	if err != nil {
		tb.Skipf("no trained model (%v): run TestTrainModel with -train first", err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// checkTree fails unless heads and deprels form one tree over n words: every head in
// 0..n, exactly one word under 0 and it labelled "root", no cycles, no empty relation.
func checkTree(t testing.TB, n int, heads []int, deprels []string) {
	t.Helper()
	roots := 0
	for i := 0; i < n; i++ {
		h := heads[i]
		if h < 0 || h > n || h == i+1 {
			t.Fatalf("word %d has head %d in a sentence of %d", i+1, h, n)
		}
		if (h == 0) != (deprels[i] == RootLabel) {
			t.Fatalf("word %d: head %d with relation %q", i+1, h, deprels[i])
		}
		if deprels[i] == "" {
			t.Fatalf("word %d has no relation", i+1)
		}
		if h == 0 {
			roots++
		}
		// walking up from any word reaches the root within n steps
		k, steps := i+1, 0
		for k != 0 {
			k = heads[k-1]
			if steps++; steps > n {
				t.Fatalf("word %d is on a cycle: heads %v", i+1, heads[:n])
			}
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots: heads %v", roots, heads[:n])
	}
}

var tagChoices = [][2]string{
	{"NOUN", "NN"}, {"VERB", "VBD"}, {"PUNCT", "."}, {"ADP", "IN"}, {"DET", "DT"},
	{"PROPN", "NNP"}, {"ADJ", "JJ"}, {"X", "??"}, {"", ""}, {"PUNCT", ","},
}

// parseAndCheck parses words with tags chosen by their length and checks the tree.
func parseAndCheck(t testing.TB, p *Parser, words []string) {
	n := len(words)
	upos, xpos := make([]string, n), make([]string, n)
	for i, w := range words {
		c := tagChoices[len(w)%len(tagChoices)]
		upos[i], xpos[i] = c[0], c[1]
	}
	heads, deprels := make([]int, n), make([]string, n)
	p.Parse(words, upos, xpos, heads, deprels)
	checkTree(t, n, heads, deprels)
}

func TestParseAlwaysGivesATree(t *testing.T) {
	models := map[string]*Model{"tiny": trainTiny(t)}
	if _, err := os.Stat(*modelFlag); err == nil {
		models["trained"] = loadModel(t)
	}
	long := make([]string, 300)
	for i := range long {
		long[i] = []string{"the", "minister", "met", ",", "in", "Geneva", "and", "said", "."}[i%9]
	}
	inputs := [][]string{
		nil,
		{"Yes"},
		{"."},
		{"Hello", "."},
		strings.Fields("the the the the the"),
		strings.Fields(". . . , , ,"),
		strings.Fields("Kazakh President Kassym - Jomart Tokayev on Monday met here with Chinese Foreign Minister Wang Yi ."),
		long,
	}
	for name, m := range models {
		p := m.NewParser()
		for _, words := range inputs {
			parseAndCheck(t, p, words)
		}
		t.Logf("%s model: %d inputs parsed into trees", name, len(inputs))
	}
}

func TestParseShortSlices(t *testing.T) {
	p := trainTiny(t).NewParser()
	words := strings.Fields("The minister met the president .")
	// Missing tags count as empty; only as many words as the outputs hold are parsed.
	heads, deprels := make([]int, 4), make([]string, 4)
	p.Parse(words, []string{"DET"}, nil, heads, deprels)
	checkTree(t, 4, heads, deprels)
	p.Parse(words, nil, nil, make([]int, 6), make([]string, 2))
}

func TestParseAllocatesNothing(t *testing.T) {
	p := trainTiny(t).NewParser()
	words := strings.Fields("The minister met the president in Geneva on Monday and said talks went well .")
	n := len(words)
	upos, xpos := make([]string, n), make([]string, n)
	heads, deprels := make([]int, n), make([]string, n)
	p.Parse(words, upos, xpos, heads, deprels) // warm-up
	if allocs := testing.AllocsPerRun(100, func() { p.Parse(words, upos, xpos, heads, deprels) }); allocs != 0 {
		t.Errorf("Parse allocates %v times per sentence after warm-up, want 0", allocs)
	}
}

func TestWriteLoadRoundTrip(t *testing.T) {
	m := trainTiny(t)
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := back.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a loaded model writes different bytes")
	}
	if strings.Join(back.Labels(), " ") != strings.Join(m.Labels(), " ") {
		t.Errorf("labels %v, want %v", back.Labels(), m.Labels())
	}
	// Both parse alike.
	for _, s := range tinyTreebank(t) {
		var words, upos, xpos []string
		for _, w := range s.Words {
			words, upos, xpos = append(words, w.Form), append(upos, w.UPOS), append(xpos, w.XPOS)
		}
		n := len(words)
		h1, h2, d1, d2 := make([]int, n), make([]int, n), make([]string, n), make([]string, n)
		m.NewParser().Parse(words, upos, xpos, h1, d1)
		back.NewParser().Parse(words, upos, xpos, h2, d2)
		if strings.Join(d1, " ") != strings.Join(d2, " ") || !equalInts(h1, h2) {
			t.Errorf("loaded model parses %q differently", words)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadRejectsDamage(t *testing.T) {
	var good bytes.Buffer
	if err := trainTiny(t).Write(&good); err != nil {
		t.Fatal(err)
	}
	file := func(labels []string, vocab ...uint64) []byte {
		e := learn.NewEncoder(fileKind, fileVersion)
		e.Uvarint(uint64(len(labels)))
		for _, l := range labels {
			e.String(l)
		}
		e.Uvarint(uint64(len(vocab)))
		for _, v := range vocab {
			e.Uvarint(v)
		}
		return e.Bytes()
	}
	for name, data := range map[string][]byte{
		"empty":         nil,
		"other":         []byte(learn.Header("tagger", 4)),
		"version 3":     []byte("HERALD-PARSER 3\nroot dep\n\n0\n"),
		"no labels":     file(nil),
		"no root":       file([]string{"nsubj", "obj"}),
		"twice":         file([]string{"root", "root"}),
		"bad vocab":     file([]string{"root", "dep"}, 1, 0),
		"no clusters":   file([]string{"root", "dep"}),
		"bad clusters":  append(file([]string{"root", "dep"}), 2),
		"short cluster": append(file([]string{"root", "dep"}), 1, 4),
		"truncated":     good.Bytes()[:good.Len()/2],
		"cut short":     good.Bytes()[:good.Len()-1],
		"trailing":      append(slices.Clip(good.Bytes()), 0),
		"no weights":    append(file([]string{"root", "dep"}), 0),
	} {
		if _, err := Read(bytes.NewReader(data)); !errors.Is(err, learn.ErrFormat) {
			t.Errorf("%s: error %v, want learn.ErrFormat", name, err)
		}
	}
}

func TestTrainingIsReproducible(t *testing.T) {
	train := func() []byte {
		m, err := Train(tinyTreebank(t), tinyTreebank(t)[:1], TrainOptions{Epochs: 4, Seed: 3, TagNoise: 0.2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(train(), train()) {
		t.Error("the same seed gave different model bytes")
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		heads, want []int32
		lifts       int
	}{
		{[]int32{2, 0, 2}, []int32{2, 0, 2}, 0},
		// 1 → 3 crosses 2 → 4: the shorter arc is lifted to 3's head, 2
		{[]int32{2, 0, 1, 2}, []int32{2, 0, 2, 2}, 1},
		{[]int32{0, 4, 1, 1, 2}, []int32{0, 1, 1, 1, 1}, 2}, // 4 → 2 crosses 1 → 3, then 2 → 5 crosses 1 → 4
	}
	for _, tt := range tests {
		h := append([]int32(nil), tt.heads...)
		if lifts := projectivize(h); lifts != tt.lifts || !equal32(h, tt.want) {
			t.Errorf("projectivize(%v) = %v with %d lifts, want %v with %d", tt.heads, h, lifts, tt.want, tt.lifts)
		}
	}
}

func equal32(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDynamicOracleReachesGold follows the least-cost transitions on every tiny sentence:
// the result must be the gold tree, which checks the cost functions.
func TestDynamicOracleReachesGold(t *testing.T) {
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
	for _, s := range sents {
		ex, _, err := newExample(s, index)
		if err != nil {
			t.Fatal(err)
		}
		var st state
		st.reset(len(ex.words))
		st.setWords(ex.words, ex.upos, ex.xpos, nil, nil)
		for !st.terminal() {
			switch {
			case st.canLeft() && st.leftCost(ex.gold) == 0:
				st.apply(left, ex.goldLab[st.s(0)])
			case st.canRight() && st.rightCost(ex.gold) == 0:
				st.apply(right, ex.goldLab[st.s(0)])
			case st.canShift() && st.shiftCost(ex.gold) == 0:
				st.apply(shift, 0)
			default:
				t.Fatalf("%q: no zero-cost transition", ex.words)
			}
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

// FuzzParse parses arbitrary token and tag sequences: the result must always be a tree.
func FuzzParse(f *testing.F) {
	f.Add("The minister met the president .", "DET NOUN VERB DET NOUN PUNCT")
	f.Add("", "")
	f.Add(". , ; :", "PUNCT PUNCT X X")
	f.Add("a b c d e f g h i j k l m n o p", "")
	m := trainTiny(f)
	// A beam model too, narrowed by its default margin and at full width.
	beam, err := Train(tinyTreebank(f), nil, TrainOptions{Epochs: 3, Seed: 2, Beam: 3}, nil)
	if err != nil {
		f.Fatal(err)
	}
	parsers := []*Parser{m.NewParser(), beam.NewParser(), beam.WithBeamMargin(0).NewParser()}
	f.Fuzz(func(t *testing.T, text, tags string) {
		words := strings.Fields(text)
		if len(words) > 500 {
			words = words[:500]
		}
		upos := strings.Fields(tags)
		n := len(words)
		for _, p := range parsers {
			heads, deprels := make([]int, n), make([]string, n)
			p.Parse(words, upos, upos, heads, deprels)
			checkTree(t, n, heads, deprels)
		}
	})
}

type column struct {
	words, upos, xpos, deprels []string
	heads                      []int
}

func columns(sents []*conllu.Sentence) []column {
	out := make([]column, len(sents))
	for i, s := range sents {
		c := &out[i]
		for _, w := range s.Words {
			c.words = append(c.words, w.Form)
			c.upos = append(c.upos, w.UPOS)
			c.xpos = append(c.xpos, w.XPOS)
		}
		c.heads = make([]int, len(s.Words))
		c.deprels = make([]string, len(s.Words))
	}
	return out
}

// BenchmarkParse parses EWT dev with gold tags on one goroutine and reports tokens/s.
func BenchmarkParse(b *testing.B) {
	m := loadModel(b)
	cols := columns(readTreebank(b, "ewt/en_ewt-ud-dev.conllu"))
	p := m.NewParser()
	tokens := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range cols {
			c := &cols[i]
			p.Parse(c.words, c.upos, c.xpos, c.heads, c.deprels)
			tokens += len(c.words)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEmbedded decodes the embedded model, as Embedded does on its first call.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(models.Parser()); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzRead reads damaged model files: Read must fail cleanly or give a model that parses.
func FuzzRead(f *testing.F) {
	var good bytes.Buffer
	if err := trainTiny(f).Write(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add(good.Bytes()[:40])
	f.Add([]byte(learn.Header(fileKind, fileVersion)))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		words := strings.Fields("The minister met the president .")
		heads, deprels := make([]int, len(words)), make([]string, len(words))
		m.NewParser().Parse(words, nil, nil, heads, deprels)
		checkTree(t, len(words), heads, deprels)
	})
}

// TestEmbeddedWritesItself reads the embedded model and writes it again: the same bytes,
// so that nothing of the file is lost in reading, and a retrain that gives the same model
// gives the same file.
func TestEmbeddedWritesItself(t *testing.T) {
	m, err := decode(models.Parser())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != models.Parser() {
		t.Errorf("the embedded %s read and written again differs: %d bytes, want %d", File, buf.Len(), len(models.Parser()))
	}
}
