package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"herald/entity/gazetteer"
	"herald/learn"
	"herald/syntax/tagger"
	"herald/syntax/wordclass"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// shared is the shared data directory, a sibling of the repository.
const shared = "../../../shared/data"

func needShared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(shared, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not available (%s): %v", p, err)
	}
	return p
}

func loadTagger(t testing.TB) *tagger.Model {
	t.Helper()
	f, err := os.Open("../../syntax/models/tagger.model")
	if err != nil {
		t.Skipf("tagger model not available: %v", err)
	}
	defer f.Close()
	m, err := tagger.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func loadGazetteer(t testing.TB) KnownNames {
	t.Helper()
	g, err := gazetteer.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return FromGazetteer(g)
}

// wellFormed reports whether labels is a legal BILOU sequence.
func wellFormed(labels []int, K int) bool {
	prev := K
	for _, l := range labels {
		if !allowed(K, prev, l) {
			return false
		}
		prev = l
	}
	return len(labels) == 0 || allowedEnd(labels[len(labels)-1])
}

func TestAllowedTransitions(t *testing.T) {
	K := 1 + 4*2 // types 0 and 1
	B0, I0, L0, U0 := labelOf(0, partB), labelOf(0, partI), labelOf(0, partL), labelOf(0, partU)
	I1, L1 := labelOf(1, partI), labelOf(1, partL)
	tests := []struct {
		p, c int
		want bool
	}{
		{K, 0, true}, {K, B0, true}, {K, U0, true}, {K, I0, false}, {K, L0, false},
		{0, I0, false}, {0, L0, false}, {0, B0, true},
		{B0, I0, true}, {B0, L0, true}, {B0, 0, false}, {B0, U0, false}, {B0, I1, false}, {B0, L1, false},
		{I0, L0, true}, {I0, B0, false},
		{L0, I0, false}, {L0, B0, true}, {L0, 0, true},
		{U0, L0, false}, {U0, U0, true},
	}
	for _, tt := range tests {
		if got := allowed(K, tt.p, tt.c); got != tt.want {
			t.Errorf("allowed(%d→%d) = %v, want %v", tt.p, tt.c, got, tt.want)
		}
	}
	if allowedEnd(B0) || allowedEnd(I0) || !allowedEnd(L0) || !allowedEnd(U0) || !allowedEnd(0) {
		t.Error("a sentence may end only on O, L- or U-")
	}
}

// TestViterbiIsConstrained decodes random scores, which greedy decoding would turn into
// broken sequences, and checks every result is well formed and the best legal one.
func TestViterbiIsConstrained(t *testing.T) {
	K := 1 + 4*3
	trans := make([]float32, (K+1)*K)
	maskTransitions(trans, K)
	r := rand.New(rand.NewPCG(1, 2))
	var v viterbi
	for trial := 0; trial < 300; trial++ {
		n := 1 + r.IntN(6)
		emit := v.emissions(n, K)
		for i := range emit {
			emit[i] = float32(r.NormFloat64())
		}
		got := append([]int(nil), v.decode(n, K, trans, predecessors(K))...)
		if !wellFormed(got, K) {
			t.Fatalf("decoded %v, not well formed", got)
		}
		if n <= 3 { // check optimality by brute force
			best := float32(math.Inf(-1))
			seq := make([]int, n)
			var walk func(i int)
			walk = func(i int) {
				if i == n {
					if wellFormed(seq, K) {
						var s float32
						for k, l := range seq {
							s += emit[k*K+l]
						}
						best = max(best, s)
					}
					return
				}
				for l := 0; l < K; l++ {
					seq[i] = l
					walk(i + 1)
				}
			}
			walk(0)
			var s float32
			for k, l := range got {
				s += emit[k*K+l]
			}
			if math.Abs(float64(s-best)) > 1e-4 {
				t.Fatalf("decoded score %v, best legal %v", s, best)
			}
		}
	}
}

func TestAppendSpans(t *testing.T) {
	types := []string{"PERSON", "ORG"}
	labels := []int{labelOf(0, partB), labelOf(0, partL), 0, labelOf(1, partU), labelOf(1, partB), labelOf(1, partI), labelOf(1, partL)}
	got := appendSpans(nil, labels, types)
	want := []Span{{0, 2, "PERSON"}, {3, 4, "ORG"}, {4, 7, "ORG"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("spans %v, want %v", got, want)
	}
}

// tiny is an invented training set, small enough to train in milliseconds.
func tiny() []Sentence {
	raw := []string{
		"[Aigerim Sultanova|PERSON] visited [Almaty|LOC] on Monday .",
		"The [Vostok Mining Company|ORG] opened an office in [Karaganda|LOC] .",
		"[Daniyar Bekov|PERSON] met [Aigerim Sultanova|PERSON] in [Astana|LOC] .",
		"[Kazakh|NORP] officials praised the [Vostok Mining Company|ORG] .",
		"Officials in [Almaty|LOC] said [Bekov|PERSON] would return .",
	}
	var out []Sentence
	for _, r := range raw {
		out = append(out, parseBracketed(r))
	}
	return out
}

// parseBracketed reads "[words|TYPE]" markup into a Sentence with crude tags.
func parseBracketed(s string) Sentence {
	var sent Sentence
	inside := false
	start := 0
	for _, tok := range strings.Fields(s) {
		if strings.HasPrefix(tok, "[") {
			inside, start = true, len(sent.Words)
			tok = tok[1:]
		}
		typ := ""
		if i := strings.Index(tok, "|"); i >= 0 && inside {
			typ = strings.TrimSuffix(tok[i+1:], "]")
			tok = tok[:i]
		}
		sent.Words = append(sent.Words, tok)
		pos := "NN"
		if tok[0] >= 'A' && tok[0] <= 'Z' {
			pos = "NNP"
		}
		sent.UPOS = append(sent.UPOS, "X")
		sent.XPOS = append(sent.XPOS, pos)
		if typ != "" {
			sent.Spans = append(sent.Spans, Span{Start: start, End: len(sent.Words), Type: typ})
			inside = false
		}
	}
	return sent
}

func trainTiny(t testing.TB) *Model {
	t.Helper()
	opt := DefaultTrainOptions()
	opt.Epochs = 5
	opt.CaseText = [][]string{{"the", "office", "said"}, {"officials", "said", "the", "office"}}
	opt.NameText = tiny()
	opt.Clusters = tinyClusters(t)
	m, err := Train(tiny(), tiny(), opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// tinyClusters clusters the words of tiny.
func tinyClusters(t testing.TB) *wordclass.Classes {
	t.Helper()
	c := wordclass.NewCorpus()
	for range 3 {
		for _, s := range tiny() {
			c.Add(s.Words)
		}
	}
	lex, err := wordclass.Build(c, wordclass.Options{MinCount: 2, Contexts: 10, FineClusters: 6, CoarseClusters: 3})
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// TestCacheGivesTheSameScores recognizes the same sentences with and without the cache
// of word scores, twice over so that the second time reads every word from it: every
// label score of every word must be the same, and the same as scoring each word's
// features (as training does) in one go.
func TestCacheGivesTheSameScores(t *testing.T) {
	m := trainTiny(t)
	cached, uncached := m.NewRecognizer(nil), m.NewRecognizer(nil)
	uncached.cache = learn.NewScoreCache[wordKey](m.cacheWidth(), 0)
	K := m.labels()
	direct := func(s Sentence) []float32 {
		var sent sentence
		sent.prepare(s.Words, s.UPOS, s.XPOS, nil, m.lex, m.names, m.clusters)
		scores := make([]int32, K)
		var out []float32
		for i := range s.Words {
			m.table.Scores(sent.features(nil, i), scores, make([]uint64, 0, maxFeatures))
			for k, x := range scores {
				v := float32(x) * (1 / m.table.Scale())
				if k == 0 {
					v += m.outsideBias
				}
				out = append(out, v)
			}
		}
		return out
	}
	sentences := append(tiny(),
		parseBracketed("almaty officials said bekov visited daniyar bekov ."),
		parseBracketed("OFFICIALS IN ALMATY SAID BEKOV WOULD RETURN ."),
		parseBracketed("Almaty . Bekov said : Almaty officials met Aigerim Sultanova"))
	for round := 0; round < 2; round++ {
		for _, s := range sentences {
			got := cached.Recognize(s.Words, s.UPOS, s.XPOS, nil)
			emit := append([]float32(nil), cached.v.emit[:len(s.Words)*m.labels()]...)
			want := uncached.Recognize(s.Words, s.UPOS, s.XPOS, nil)
			if !slices.Equal(emit, uncached.v.emit[:len(s.Words)*m.labels()]) || !slices.Equal(got, want) {
				t.Errorf("round %d, %q: scores or names differ with the cache: %v, %v", round, strings.Join(s.Words, " "), got, want)
			}
			if d := direct(s); !slices.Equal(emit, d) {
				t.Errorf("round %d, %q: scores differ from scoring each word's features at once:\n%v\n%v", round, strings.Join(s.Words, " "), emit, d)
			}
		}
	}
	if cached.cache.Len() == 0 {
		t.Error("the cache stayed empty")
	}
}

func TestTrainIsReproducibleAndRoundTrips(t *testing.T) {
	var a, b bytes.Buffer
	if err := trainTiny(t).Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := trainTiny(t).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings with one seed gave different model bytes")
	}
	m, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := m.Write(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("a loaded model writes different bytes")
	}
	sc := Evaluate(m, tiny(), nil)
	if sc.F1 < 99 {
		t.Errorf("tiny model does not learn its own training set: F1 %.1f", sc.F1)
	}
}

func TestReadRejectsDamage(t *testing.T) {
	var buf bytes.Buffer
	if err := trainTiny(t).Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for _, cut := range []int{0, 5, 20, 100, len(data) / 3, len(data) / 2, len(data) - 20, len(data) - 1} {
		if _, err := Read(bytes.NewReader(data[:cut])); !errors.Is(err, learn.ErrFormat) {
			t.Errorf("a model cut at %d bytes: error %v, want learn.ErrFormat", cut, err)
		}
	}
	if _, err := Read(bytes.NewReader(append(slices.Clip(data), 0))); !errors.Is(err, learn.ErrFormat) {
		t.Errorf("a model with a byte too many: error %v, want learn.ErrFormat", err)
	}
}

// FuzzRead: no model file, however damaged, makes Read or a recognizer over what it
// reads panic.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := trainTiny(f).Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(learn.Header(fileKind, fileVersion) + "\x01\x01A\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		m.NewRecognizer(nil).Recognize([]string{"Aigerim", "went", "to", "Almaty"}, nil, nil, nil)
	})
}

func TestRecognizeAllocatesNothing(t *testing.T) {
	m := trainTiny(t)
	gaz := KnownNamesFunc(func(words []string, i int) (int, string) {
		if words[i] == "Almaty" {
			return 1, "city"
		}
		return 0, ""
	})
	r := m.NewRecognizer(gaz)
	s := tiny()[2]
	dst := make([]Span, 0, 16)
	r.Recognize(s.Words, s.UPOS, s.XPOS, dst)
	if n := testing.AllocsPerRun(100, func() { dst = r.Recognize(s.Words, s.UPOS, s.XPOS, dst[:0]) }); n != 0 {
		t.Errorf("Recognize allocates %.1f times a sentence", n)
	}
}

func TestRecognizeOddInput(t *testing.T) {
	r := trainTiny(t).NewRecognizer(nil)
	for _, words := range [][]string{nil, {""}, {"\xff\xfe"}, {"A", "", "B"}, strings.Fields(strings.Repeat("Almaty ", 500))} {
		for _, sp := range r.Recognize(words, []string{"X"}, nil, nil) { // tags shorter than words
			if sp.Start < 0 || sp.End > len(words) || sp.Start >= sp.End {
				t.Errorf("span %v of %d words", sp, len(words))
			}
		}
	}
}

func loadShipped(t testing.TB) *Model {
	t.Helper()
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestGolden runs the shipped model over invented news sentences and compares with
// testdata/golden.txt; refresh it with -update after reviewing the difference.
func TestGolden(t *testing.T) {
	m := loadShipped(t)
	tg := loadTagger(t).NewTagger()
	r := m.NewRecognizer(loadGazetteer(t))
	input, err := os.ReadFile("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(string(input)), "\n") {
		words := strings.Fields(line)
		upos, xpos := make([]string, len(words)), make([]string, len(words))
		tg.Tag(words, upos, xpos)
		for _, sp := range r.Recognize(words, upos, xpos, nil) {
			words[sp.Start] = "[" + words[sp.Start]
			words[sp.End-1] += "|" + sp.Type + "]"
		}
		out.WriteString(strings.Join(words, " ") + "\n")
	}
	golden := "testdata/golden.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("output differs from %s (run with -update after review):\n%s", golden, out.String())
	}
}

func TestShippedModelScores(t *testing.T) {
	if testing.Short() {
		t.Skip("tags thousands of sentences")
	}
	m := loadShipped(t)
	tg := loadTagger(t).NewTagger()
	gaz := loadGazetteer(t)
	for _, tt := range []struct {
		path  string
		floor float64
	}{
		{DevPath, 64.0}, // UNER English-EWT dev; measured 64.92
		{GMBPath, 87.0}, // the GMB held-out slice; measured 88.05
	} {
		p := needShared(t, tt.path)
		sc, err := EvaluateFile(m, p, tg.Tag, gaz)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: P=%.2f R=%.2f F1=%.2f PER %.2f ORG %.2f LOC %.2f", tt.path, sc.P, sc.R, sc.F1,
			sc.PerType["PER"].F1, sc.PerType["ORG"].F1, sc.PerType["LOC"].F1)
		if sc.F1 < tt.floor {
			t.Errorf("%s: F1 %.2f, below the floor %.1f", tt.path, sc.F1, tt.floor)
		}
	}
}

func TestShippedModelAllocatesNothing(t *testing.T) {
	m := loadShipped(t)
	tg := loadTagger(t).NewTagger()
	r := m.NewRecognizer(loadGazetteer(t))
	words := strings.Fields("Kazakh President Aibek Nurlanov met the United Nations envoy in Almaty on Monday .")
	upos, xpos := make([]string, len(words)), make([]string, len(words))
	tg.Tag(words, upos, xpos)
	dst := r.Recognize(words, upos, xpos, nil)
	if n := testing.AllocsPerRun(50, func() { dst = r.Recognize(words, upos, xpos, dst[:0]) }); n != 0 {
		t.Errorf("Recognize allocates %.1f times a sentence", n)
	}
}

func BenchmarkRecognize(b *testing.B) {
	m := loadShipped(b)
	tg := loadTagger(b).NewTagger()
	r := m.NewRecognizer(loadGazetteer(b))
	words := strings.Fields("Kazakh President Aibek Nurlanov met the United Nations envoy in Almaty on Monday , officials of the ministry said .")
	upos, xpos := make([]string, len(words)), make([]string, len(words))
	tg.Tag(words, upos, xpos)
	dst := r.Recognize(words, upos, xpos, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = r.Recognize(words, upos, xpos, dst[:0])
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEmbedded decodes the embedded model, as Embedded does on its first call.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(embeddedFile); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSplitHyphens(t *testing.T) {
	in := Sentence{
		Words: strings.Fields("Kassym-Jomart Tokayev condemned al-Qaida 's anti-war - critics"),
		Spans: []Span{{0, 2, "PERSON"}, {3, 4, "ORG"}},
	}
	got := SplitHyphens(in)
	want := "Kassym - Jomart Tokayev condemned al - Qaida 's anti-war - critics"
	if strings.Join(got.Words, " ") != want {
		t.Errorf("words %q, want %q", strings.Join(got.Words, " "), want)
	}
	if fmt.Sprint(got.Spans) != fmt.Sprint([]Span{{0, 4, "PERSON"}, {5, 8, "ORG"}}) {
		t.Errorf("spans %v", got.Spans)
	}
}

// TestOutsideBias checks that the bias for O survives the model file, that raising it
// never finds more names, and that a file with a bias that is not a number is refused.
func TestOutsideBias(t *testing.T) {
	m := trainTiny(t)
	m.outsideBias = 12.5
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.outsideBias != 12.5 || back.clusters.Len() != m.clusters.Len() || back.clusters.Len() == 0 {
		t.Errorf("loaded bias %g and %d clustered words, want 12.5 and %d", back.outsideBias, back.clusters.Len(), m.clusters.Len())
	}
	count := func(bias float32) int {
		m.outsideBias = bias
		r := m.NewRecognizer(nil)
		n := 0
		for _, s := range tiny() {
			n += len(r.Recognize(s.Words, s.UPOS, s.XPOS, nil))
		}
		return n
	}
	if none, some := count(1e6), count(0); none != 0 || some == 0 {
		t.Errorf("%d names with a huge bias for O, %d with none", none, some)
	}
	var bits12, bitsNaN [4]byte
	binary.LittleEndian.PutUint32(bits12[:], math.Float32bits(12.5))
	binary.LittleEndian.PutUint32(bitsNaN[:], math.Float32bits(float32(math.NaN())))
	bad := bytes.Replace(buf.Bytes(), bits12[:], bitsNaN[:], 1)
	if _, err := Read(bytes.NewReader(bad)); !errors.Is(err, learn.ErrFormat) {
		t.Error("a model whose outside bias is NaN loaded")
	}
}

// TestContextFeaturesSplit checks that recognition's split of contextFeatures (each
// neighbour's features, the edges', and those joining words) gives the same features,
// counted with repeats, at every word of sentences of every length from one word up.
func TestContextFeaturesSplit(t *testing.T) {
	m := trainTiny(t)
	sentences := append(tiny(), parseBracketed("Almaty"), parseBracketed("Bekov said"),
		parseBracketed("OFFICIALS IN ALMATY SAID BEKOV WOULD RETURN ."))
	for _, sn := range sentences {
		var s sentence
		s.prepare(sn.Words, sn.UPOS, sn.XPOS, loadGazetteer(t), m.lex, m.names, m.clusters)
		for i := range sn.Words {
			want := s.contextFeatures(nil, i)
			var got []uint64
			for _, d := range neighbourOffsets {
				if j := i + d; j >= 0 && j < len(sn.Words) {
					got = s.neighbourFeatures(got, j, d)
				} else {
					got = edgeFeatures(got, d)
				}
			}
			got = s.joinFeatures(got, i)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%q, word %d: the split gives %d features, contextFeatures %d (or different ones)", strings.Join(sn.Words, " "), i, len(got), len(want))
			}
		}
	}
}

// TestEmbeddedWritesItself reads the embedded model and writes it again: the same bytes,
// so that nothing of the file is lost in reading, and a retrain that gives the same model
// gives the same file.
func TestEmbeddedWritesItself(t *testing.T) {
	m, err := decode(embeddedFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != embeddedFile {
		t.Errorf("the embedded %s read and written again differs: %d bytes, want %d", File, buf.Len(), len(embeddedFile))
	}
}
