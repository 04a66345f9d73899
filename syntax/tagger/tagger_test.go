package tagger

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"herald/conllu"
	"herald/document"
	"herald/learn"
	"herald/syntax/wordclass"
)

const shippedModel = "../models/tagger.model"

func loadShipped(t testing.TB) *Model {
	t.Helper()
	f, err := os.Open(shippedModel)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not trained yet", shippedModel)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		t.Fatalf("%s: %v", shippedModel, err)
	}
	return m
}

// tiny is a treebank of our own, enough to exercise training without the shared data.
const tiny = `1	Ministers	minister	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	in	in	ADP	IN	_	4	case	_	_
4	Astana	Astana	PROPN	NNP	_	2	obl	_	_
5	and	and	CCONJ	CC	_	6	cc	_	_
6	signed	sign	VERB	VBD	_	2	conj	_	_
7	agreements	agreement	NOUN	NNS	_	6	obj	_	_
8	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	talks	talk	NOUN	NNS	_	3	nsubj	_	_
3	were	be	AUX	VBD	_	0	root	_	_
4	better	good	ADJ	JJR	_	3	xcomp	_	_
5	than	than	ADP	IN	_	6	case	_	_
6	expected	expect	VERB	VBN	_	4	obl	_	_
7	,	,	PUNCT	,	_	3	punct	_	_
8	officials	official	NOUN	NNS	_	9	nsubj	_	_
9	said	say	VERB	VBD	_	3	parataxis	_	_
10	.	.	PUNCT	.	_	3	punct	_	_

1	Leaders	leader	NOUN	NNS	_	2	nsubj	_	_
2	visited	visit	VERB	VBD	_	0	root	_	_
3	Chinese	Chinese	ADJ	JJ	_	4	amod	_	_
4	factories	factory	NOUN	NNS	_	2	obj	_	_
5	in	in	ADP	IN	_	6	case	_	_
6	Astana	Astana	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_
`

func tinyTreebank(t testing.TB) []*conllu.Sentence {
	t.Helper()
	var out []*conllu.Sentence
	r := conllu.NewReader(strings.NewReader(tiny))
	for {
		s, err := r.Next()
		if err != nil {
			return out
		}
		out = append(out, s)
	}
}

func tinyModel(t testing.TB) *Model {
	t.Helper()
	sents := tinyTreebank(t)
	opt := DefaultTrainOptions()
	opt.Epochs = 5
	opt.DictMinCount, opt.FastMinCount = 1, 2
	m, err := Train(sents, sents, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func tag(t *Tagger, sentence string) (words, upos, xpos []string) {
	words = strings.Fields(sentence)
	upos, xpos = make([]string, len(words)), make([]string, len(words))
	t.Tag(words, upos, xpos)
	return words, upos, xpos
}

func TestTinyModelLearnsItsData(t *testing.T) {
	m := tinyModel(t)
	if acc := Evaluate(m, tinyTreebank(t)); acc.Both < 0.95 {
		t.Errorf("training data tagged at %v", acc)
	}
}

func TestTrainIsReproducible(t *testing.T) {
	var a, b bytes.Buffer
	if err := tinyModel(t).Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := tinyModel(t).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("training twice with the same seed gave different model bytes")
	}
}

func TestWriteReadGivesSamePredictions(t *testing.T) {
	m := tinyModel(t)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.Info() != m.Info() || back.Classes() != m.Classes() {
		t.Errorf("loaded model differs: %q %d, want %q %d", back.Info(), back.Classes(), m.Info(), m.Classes())
	}
	t1, t2 := m.NewTagger(), back.NewTagger()
	for _, s := range []string{
		"Ministers met in Astana .",
		"Leaders signed agreements in Beijing and visited factories .",
		"THE TALKS WERE BETTER THAN EXPECTED",
	} {
		_, u1, x1 := tag(t1, s)
		_, u2, x2 := tag(t2, s)
		if strings.Join(u1, " ") != strings.Join(u2, " ") || strings.Join(x1, " ") != strings.Join(x2, " ") {
			t.Errorf("%q: %v %v before writing, %v %v after", s, u1, x1, u2, x2)
		}
	}
}

func TestReadRejectsDamage(t *testing.T) {
	var buf bytes.Buffer
	if err := tinyModel(t).Write(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for _, bad := range [][]byte{nil, []byte(learn.Header(fileKind, fileVersion)), []byte("not a model"), good[:len(good)/2],
		good[:len(good)-1], append(slices.Clip(good), 0), bytes.Replace(good, []byte("tagger 4"), []byte("tagger 3"), 1)} {
		if _, err := Read(bytes.NewReader(bad)); !errors.Is(err, learn.ErrFormat) {
			t.Errorf("%d damaged bytes: error %v, want learn.ErrFormat", len(bad), err)
		}
	}
}

func TestTagAllocatesNothing(t *testing.T) {
	m := tinyModel(t)
	tg := m.NewTagger()
	words := strings.Fields("KAZAKH PRESIDENT MEETS CHINESE FM : Ministers met in Astana and signed 12 agreements , officials said .")
	upos, xpos := make([]string, len(words)), make([]string, len(words))
	tg.Tag(words, upos, xpos) // grow the buffers
	if n := testing.AllocsPerRun(100, func() { tg.Tag(words, upos, xpos) }); n != 0 {
		t.Errorf("Tag allocates %v times per sentence", n)
	}
	tokens := make([]document.Token, len(words))
	for i, w := range words {
		tokens[i].Text = w
	}
	tg.TagTokens(tokens)
	if n := testing.AllocsPerRun(100, func() { tg.TagTokens(tokens) }); n != 0 {
		t.Errorf("TagTokens allocates %v times per sentence", n)
	}
	if tokens[1].UPOS != upos[1] || tokens[1].XPOS != xpos[1] {
		t.Errorf("TagTokens and Tag disagree: %s/%s vs %s/%s", tokens[1].UPOS, tokens[1].XPOS, upos[1], xpos[1])
	}
}

func TestTagToleratesOddInput(t *testing.T) {
	m := tinyModel(t)
	tg := m.NewTagger()
	tg.Tag(nil, nil, nil)
	words := []string{"", "\xff\xfe", strings.Repeat("x", 5000), "ÉTATS-UNIS"}
	upos := make([]string, 2) // shorter: only two words are tagged
	xpos := make([]string, 4)
	tg.Tag(words, upos, xpos)
	if upos[0] == "" || xpos[2] != "" {
		t.Errorf("tagged %q %q, want the first two words only", upos, xpos)
	}
}

func TestCapsLineAndShape(t *testing.T) {
	for _, c := range []struct {
		sentence string
		caps     bool
	}{
		{"KAZAKH PRESIDENT MEETS CHINESE FM", true},
		{"ASTANA , May 20 ( Xinhua ) --", false},
		{"The U.S. and NATO agreed .", false},
		{"UN", false},
		{"US AND EU AGREE ON TRADE", true},
	} {
		if got := isCapsLine(strings.Fields(c.sentence)); got != c.caps {
			t.Errorf("isCapsLine(%q) = %v, want %v", c.sentence, got, c.caps)
		}
	}
	for _, c := range []struct{ word, shape string }{
		{"Tokayev", "Xxx"}, {"2024", "dd"}, {"U.S.", "X.X."}, {"Kassym-Jomart", "Xxx-Xxx"}, {"naïve", "xx"}, {"€5", "*d"},
	} {
		if got := string(learn.AppendShape(nil, c.word)); got != c.shape {
			t.Errorf("shape(%q) = %q, want %q", c.word, got, c.shape)
		}
	}
}

// TestNewsSentences checks the shipped model on sentences of our own in wire style,
// including a headline in capitals, which must not come out as a string of proper nouns.
func TestNewsSentences(t *testing.T) {
	tg := loadShipped(t).NewTagger()
	for _, c := range []struct{ sentence, upos string }{
		// In capitals: verbs, nouns and adjectives stay what they are, demonyms included.
		{"KAZAKH PRESIDENT MEETS CHINESE FM",
			"ADJ PROPN VERB ADJ NOUN"},
		{"REBELS SEIZE TOWN AS TALKS STALL",
			"NOUN VERB NOUN ADP NOUN PROPN"},
		{"US AND CHINA AGREE TO RESUME TRADE TALKS",
			"PROPN CCONJ PROPN VERB PART VERB NOUN NOUN"},
		// A demonym never seen in training is an adjective even at the start, as EWT
		// tags "Iraqi Prime Minister …".
		{"Kazakh President Kassym-Jomart Tokayev met Chinese Foreign Minister Wang Yi in Astana on Monday .",
			"ADJ PROPN PROPN PROPN VERB ADJ ADJ PROPN PROPN PROPN ADP PROPN ADP PROPN PUNCT"},
		{"The two sides signed 12 agreements on trade and energy , officials said .",
			"DET NUM NOUN VERB NUM NOUN ADP NOUN CCONJ NOUN PUNCT NOUN VERB PUNCT"},
	} {
		words, upos, _ := tag(tg, c.sentence)
		if got := strings.Join(upos, " "); got != c.upos {
			t.Errorf("%q:\n got %s\nwant %s", strings.Join(words, " "), got, c.upos)
		}
	}
}

// TestAccuracy measures the shipped model with gold tokenization. The floors are the
// measured scores rounded down; EWT test is reported, never tuned on. The shipped model
// is trained on train only (dev picks the epoch), so every figure is held out.
func TestAccuracy(t *testing.T) {
	m := loadShipped(t)
	for _, c := range []struct {
		file       string
		upos, xpos float64
	}{
		{"ewt/en_ewt-ud-dev.conllu", 0.954, 0.947},
		{"ewt/en_ewt-ud-test.conllu", 0.955, 0.949},
		{"pud/en_pud-ud-test.conllu", 0.954, 0.949},
	} {
		acc := Evaluate(m, readTreebank(t, c.file))
		t.Logf("%s: %v", c.file, acc)
		if acc.UPOS < c.upos || acc.XPOS < c.xpos {
			t.Errorf("%s: %v, want UPOS ≥ %.1f%%, XPOS ≥ %.1f%%", c.file, acc, 100*c.upos, 100*c.xpos)
		}
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := tinyModel(f).Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		tag(m.NewTagger(), "Ministers met in Astana .")
	})
}

func FuzzTag(f *testing.F) {
	tg := tinyModel(f).NewTagger()
	f.Add("KAZAKH PRESIDENT MEETS CHINESE FM")
	f.Add("ASTANA , May 20 ( Xinhua ) --")
	f.Fuzz(func(t *testing.T, sentence string) {
		words := strings.Split(sentence, " ")
		upos, xpos := make([]string, len(words)), make([]string, len(words))
		tg.Tag(words, upos, xpos)
		for i := range words {
			if upos[i] == "" || xpos[i] == "" {
				t.Fatalf("word %d of %q left untagged", i, sentence)
			}
		}
	})
}

// tinyLexicons is a cluster lexicon and demonym list of our own for the tiny treebank.
func tinyLexicons(t testing.TB) (*wordclass.Classes, []string) {
	t.Helper()
	c := wordclass.NewCorpus()
	for range 3 {
		for _, s := range []string{
			"Ministers met in Astana .", "Leaders met in Beijing .", "Ministers visited Chinese factories .",
			"Leaders visited Kazakh factories .", "The talks were better than expected .",
		} {
			c.Add(strings.Fields(s))
		}
	}
	lex, err := wordclass.Build(c, wordclass.Options{MinCount: 2, Contexts: 10, FineClusters: 6, CoarseClusters: 3})
	if err != nil {
		t.Fatal(err)
	}
	return lex, []string{"Chinese", "Kazakh", "Kazakhs"}
}

func TestLexiconsSurviveWriteRead(t *testing.T) {
	sents := tinyTreebank(t)
	opt := DefaultTrainOptions()
	opt.Epochs = 5
	opt.DictMinCount, opt.FastMinCount = 1, 2
	opt.Clusters, opt.Demonyms = tinyLexicons(t)
	m, err := Train(sents, sents, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
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
	if back.lex.clusters.Len() != opt.Clusters.Len() || len(back.lex.demonyms) != 3 {
		t.Errorf("loaded %d clustered words and %d demonyms, want %d and 3", back.lex.clusters.Len(), len(back.lex.demonyms), opt.Clusters.Len())
	}
	if _, ok := back.lex.demonyms["kazakh"]; !ok {
		t.Error("demonyms are not kept in lowercase")
	}
	t1, t2 := m.NewTagger(), back.NewTagger()
	for _, s := range []string{"Kazakh Ministers met in Astana .", "LEADERS VISITED CHINESE FACTORIES"} {
		_, u1, x1 := tag(t1, s)
		_, u2, x2 := tag(t2, s)
		if strings.Join(u1, " ") != strings.Join(u2, " ") || strings.Join(x1, " ") != strings.Join(x2, " ") {
			t.Errorf("%q: %v %v before writing, %v %v after", s, u1, x1, u2, x2)
		}
	}
	words := strings.Fields("Kazakh Leaders visited Chinese factories in Astana .")
	upos, xpos := make([]string, len(words)), make([]string, len(words))
	tg := back.NewTagger()
	tg.Tag(words, upos, xpos)
	if n := testing.AllocsPerRun(50, func() { tg.Tag(words, upos, xpos) }); n != 0 {
		t.Errorf("tagging with lexicons allocates %v times", n)
	}
}

// TestCacheGivesTheSameTags tags the same sentences with and without the cache of word
// scores, twice over so that the second time reads every word from it. The tags must
// not change, and every word's scores in each pass must be those of looking up all its
// features (as training does: wordFeatures, neighbourFeatures, and those of the tags
// around it) directly.
func TestCacheGivesTheSameTags(t *testing.T) {
	m := tinyModel(t)
	cached, uncached := m.NewTagger(), m.NewTagger()
	uncached.cache = learn.NewScoreCache[wordKey](m.cacheWidth(), 0)
	section := m.weights.sections() / 2
	type traced struct{ i, pass int }
	scores := map[traced][]int32{}
	cached.trace = func(i, pass int, acc []int32) { scores[traced{i, pass}] = slices.Clone(acc) }
	// direct scores word i for a pass, given the classes the tagger chose.
	direct := func(words []string, i, pass int, first, classes []int) []int32 {
		var s sentence
		s.prepare(m.words, &m.lex, words)
		acc := make([]int32, m.weights.sections())
		runs := make([]uint64, 0, maxFeatures)
		m.weights.add(acc, s.wordFeatures(nil, i), runs, bothPasses)
		m.weights.add(acc, s.neighbourFeatures(nil, i), runs, bothPasses)
		if pass == 0 {
			m.weights.add(acc, s.leftFeatures(nil, i, first), runs, firstPass)
		} else {
			m.weights.add(acc, s.leftFeatures(nil, i, classes), runs, secondPass)
			m.weights.add(acc, s.rightFeatures(nil, i, classes, first), runs, secondPass)
		}
		return acc[pass*section : (pass+1)*section]
	}
	sentences := []string{
		"Ministers met in Astana and signed 12 agreements , officials said .",
		"KAZAKH PRESIDENT MEETS CHINESE FM : Ministers met in Astana .",
		"Astana said ministers met .",
		"met Ministers astana signed , said officials 12 .",
		"OFFICIALS IN ASTANA SAID MINISTERS MET .",
	}
	checked := [2]int{}
	for round := 0; round < 2; round++ {
		for _, s := range sentences {
			words := strings.Fields(s)
			clear(scores)
			cached.tag(words)
			got := append([]int(nil), cached.classes...)
			gotFirst := append([]int(nil), cached.first...)
			for k, acc := range scores {
				checked[k.pass]++
				if want := direct(words, k.i, k.pass, gotFirst, got); !slices.Equal(acc, want) {
					t.Errorf("round %d, %q, word %d, pass %d: scores differ from looking up the features directly:\n%v\n%v", round, s, k.i, k.pass, acc, want)
				}
			}
			uncached.tag(words)
			if !slices.Equal(got, uncached.classes) || !slices.Equal(gotFirst, uncached.first) {
				t.Errorf("round %d, %q: classes %v / %v with the cache, %v / %v without", round, s, gotFirst, got, uncached.first, uncached.classes)
			}
		}
	}
	if checked[0] == 0 || checked[1] == 0 {
		t.Errorf("scores checked in each pass: %v; the sentences must make both passes score words", checked)
	}
	if cached.cache.Len() == 0 {
		t.Error("the cache stayed empty")
	}
}

// TestNeighbourFeaturesSplit checks that tagging's split of neighbourFeatures (each
// neighbour's roleFeatures, the edges', the joining ones) gives the same features,
// counted with repeats, at every word of sentences of one, two and more words.
func TestNeighbourFeaturesSplit(t *testing.T) {
	m := tinyModel(t)
	for _, sent := range []string{"Astana", "Ministers met", "KAZAKH PRESIDENT MEETS CHINESE FM : Ministers met in Astana .", "OFFICIALS IN ASTANA SAID MINISTERS MET ."} {
		words := strings.Fields(sent)
		var s sentence
		s.prepare(m.words, &m.lex, words)
		for i := range words {
			want := s.neighbourFeatures(nil, i)
			var got []uint64
			for _, d := range roleOffsets {
				if j := i + d; j >= 0 && j < len(words) {
					got = s.roleFeatures(got, j, d)
				} else {
					got = s.edgeFeatures(got, d)
				}
			}
			got = s.joinFeatures(got, i)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%q, word %d: the split gives %d features, neighbourFeatures %d (or different ones)", sent, i, len(got), len(want))
			}
		}
	}
}
