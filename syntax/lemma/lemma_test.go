package lemma

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/conllu"
	"herald/syntax/models"
	"herald/syntax/tagger"
)

// The treebanks live in the repository's sibling "shared"; tests that need them skip
// when it is absent.
const udDir = "../../../shared/data/ud"

const shippedModel = "../models/lemma.model"

var writeModel = flag.Bool("write-model", false, "train on EWT and write "+shippedModel)

func readTreebank(t testing.TB, rel string) []*conllu.Sentence {
	t.Helper()
	path := filepath.Join(udDir, rel)
	sents, err := conllu.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("treebank %s not found (the shared data is not checked out next to the repository)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func readSentences(t testing.TB, name string, r io.Reader) []*conllu.Sentence {
	t.Helper()
	var out []*conllu.Sentence
	cr := conllu.NewReader(r)
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s:%v", name, err)
		}
		out = append(out, s)
	}
}

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
5	and	and	CCONJ	CC	_	6	cc	_	_
6	cities	city	NOUN	NNS	_	2	conj	_	_
7	.	.	PUNCT	.	_	2	punct	_	_
`

func tinyModel(t testing.TB) *Model {
	return Train(readSentences(t, "tiny", strings.NewReader(tiny)))
}

func TestTinyModel(t *testing.T) {
	m := tinyModel(t)
	for _, c := range []struct{ word, upos, xpos, want string }{
		{"met", "VERB", "VBD", "meet"},          // lexicon
		{"better", "ADJ", "JJR", "good"},        // irregular, as EWT writes it
		{"Talks", "NOUN", "NNS", "talk"},        // recased lookup
		{"summits", "NOUN", "NNS", "summit"},    // rule: NNS ending "s"
		{"embassies", "NOUN", "NNS", "embassy"}, // rule: NNS ending "ies"
		{"Tokayev", "PROPN", "NNP", "Tokayev"},  // proper nouns keep their form
		{"", "X", "X", ""},
	} {
		if got := m.Lemma(c.word, c.upos, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", c.word, c.upos, c.xpos, got, c.want)
		}
	}
}

// TestShippedModel checks forms a news lemmatizer must get right, on the shipped model.
func TestShippedModel(t *testing.T) {
	m := loadShipped(t)
	for _, c := range []struct{ word, upos, xpos, want string }{
		{"went", "VERB", "VBD", "go"},
		{"was", "AUX", "VBD", "be"},
		{"children", "NOUN", "NNS", "child"},
		{"better", "ADJ", "JJR", "good"},
		{"n't", "PART", "RB", "not"},
		{"'s", "AUX", "VBZ", "be"},
		{"'s", "PART", "POS", "'s"},
		{"ca", "AUX", "MD", "can"},
		{"Ministers", "NOUN", "NNS", "minister"},
		{"PRESIDENT", "NOUN", "NN", "president"},
		{"MEETS", "VERB", "VBZ", "meet"},
		{"Tokayev", "PROPN", "NNP", "Tokayev"},
		{"Kassym-Jomart", "PROPN", "NNP", "Kassym-Jomart"},
		{"sanctioned", "VERB", "VBD", "sanction"},
		{"denuclearizing", "VERB", "VBG", "denuclearize"},
		{"militias", "NOUN", "NNS", "militia"},
		{"1,200", "NUM", "CD", "1200"}, // EWT writes numbers without separators
	} {
		if got := m.Lemma(c.word, c.upos, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", c.word, c.upos, c.xpos, got, c.want)
		}
	}
}

// TestAccuracy measures the shipped model on EWT dev and test, with gold tags and with
// the shipped tagger's. The floors are the measured scores rounded down.
func TestAccuracy(t *testing.T) {
	m := loadShipped(t)
	tg := loadTagger(t)
	for _, c := range []struct {
		file            string
		gold, predicted float64
	}{
		{"ewt/en_ewt-ud-dev.conllu", 0.987, 0.97},
		{"ewt/en_ewt-ud-test.conllu", 0.987, 0.97},
	} {
		sents := readTreebank(t, c.file)
		gold := Accuracy(m, sents)
		predicted := accuracyWithTagger(m, tg, sents)
		t.Logf("%s: lemma accuracy %.2f%% with gold tags, %.2f%% with predicted tags", c.file, 100*gold, 100*predicted)
		if gold < c.gold || predicted < c.predicted {
			t.Errorf("%s: %.4f / %.4f, want at least %.4f / %.4f", c.file, gold, predicted, c.gold, c.predicted)
		}
	}
}

func loadTagger(t testing.TB) *tagger.Model {
	t.Helper()
	f, err := os.Open("../models/tagger.model")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../models/tagger.model not trained yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := tagger.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func accuracyWithTagger(m *Model, tm *tagger.Model, sents []*conllu.Sentence) float64 {
	tg := tm.NewTagger()
	right, total := 0, 0
	for _, s := range sents {
		words := make([]string, len(s.Words))
		upos, xpos := make([]string, len(s.Words)), make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		tg.Tag(words, upos, xpos)
		for i, w := range s.Words {
			if w.Lemma == "" {
				continue
			}
			total++
			if m.Lemma(w.Form, upos[i], xpos[i]) == w.Lemma {
				right++
			}
		}
	}
	return float64(right) / float64(max(total, 1))
}

func TestLemmaAllocatesNothingForKnownWords(t *testing.T) {
	m := tinyModel(t)
	for _, c := range [][3]string{
		{"met", "VERB", "VBD"},      // lexicon
		{"Talks", "NOUN", "NNS"},    // recased lexicon lookup
		{"summits", "NOUN", "NNS"},  // a rule that only strips: a substring
		{"Tokayev", "PROPN", "NNP"}, // unseen proper noun
		{"militias", "NOUN", "NNS"},
	} {
		if n := testing.AllocsPerRun(100, func() { m.Lemma(c[0], c[1], c[2]) }); n != 0 {
			t.Errorf("Lemma(%q) allocates %v times", c[0], n)
		}
	}
}

func TestWriteReadRoundTripAndDeterminism(t *testing.T) {
	m := tinyModel(t)
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := tinyModel(t).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("training twice on the same data gave different model bytes")
	}
	back, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := back.Write(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("a loaded model writes different bytes")
	}
	for _, w := range []string{"met", "Talks", "embassies", "Tokayev", "better"} {
		for _, tags := range [][2]string{{"NOUN", "NNS"}, {"VERB", "VBD"}, {"PROPN", "NNP"}, {"ADJ", "JJR"}} {
			if x, y := m.Lemma(w, tags[0], tags[1]), back.Lemma(w, tags[0], tags[1]); x != y {
				t.Errorf("Lemma(%q, %v): %q before writing, %q after", w, tags, x, y)
			}
		}
	}
}

func TestReadRejectsDamage(t *testing.T) {
	var buf bytes.Buffer
	if err := tinyModel(t).Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), buf.Bytes()[:buf.Len()/2]} {
		if _, err := Read(bytes.NewReader(bad)); err == nil {
			t.Errorf("Load accepted %d damaged bytes", len(bad))
		}
	}
}

// TestWriteShippedModel trains the shipped model when asked to:
//
//	go test ./syntax/lemma -run TestWriteShippedModel -write-model -v
func TestWriteShippedModel(t *testing.T) {
	if !*writeModel {
		t.Skip("run with -write-model to retrain " + shippedModel)
	}
	m := Train(readTreebank(t, "ewt/en_ewt-ud-train.conllu"))
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shippedModel, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes; %s", shippedModel, buf.Len(), m.Info())
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
		m.Lemma("Ministers", "NOUN", "NNS")
	})
}

func FuzzLemma(f *testing.F) {
	m := tinyModel(f)
	f.Add("embassies", "NOUN", "NNS")
	f.Add("ÉTATS", "PROPN", "NNPS")
	f.Fuzz(func(t *testing.T, word, upos, xpos string) {
		m.Lemma(word, upos, xpos) // must not panic on any input
	})
}

func BenchmarkLemma(b *testing.B) {
	m := tinyModel(b)
	words := [][3]string{{"met", "VERB", "VBD"}, {"Talks", "NOUN", "NNS"}, {"the", "DET", "DT"}, {"summits", "NOUN", "NNS"}, {"Tokayev", "PROPN", "NNP"}}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			m.Lemma(w[0], w[1], w[2])
		}
	}
}

// BenchmarkEmbedded decodes the embedded model, as Embedded does on its first call.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(models.Lemma()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEmbeddedWritesItself reads the embedded model and writes it again: the same bytes,
// so that nothing of the file is lost in reading, and a retrain that gives the same model
// gives the same file.
func TestEmbeddedWritesItself(t *testing.T) {
	m, err := decode(models.Lemma())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != models.Lemma() {
		t.Errorf("the embedded %s read and written again differs: %d bytes, want %d", File, buf.Len(), len(models.Lemma()))
	}
}
