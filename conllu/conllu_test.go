package conllu

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"herald/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sample is a small treebank written for these tests: a multiword token, an empty node,
// comments of every kind and a sentence without a closing blank line.
const sample = "# newdoc id = doc1\n" +
	"# sent_id = doc1-1\n" +
	"# newpar id = doc1-p1\n" +
	"# text = They can't go.\n" +
	"# note = kept\n" +
	"1\tThey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur\t4\tnsubj\t4:nsubj\t_\n" +
	"2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t4:aux\t_\n" +
	"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n" +
	"4\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n" +
	"4.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n" +
	"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n" +
	"\n" +
	"# sent_id = doc1-2\n" +
	"# text = _\n" +
	"1\t_\t_\tSYM\tNFP\t_\t0\troot\t0:root\t_\n"

func readSentences(t *testing.T, input string) []*Sentence {
	t.Helper()
	var all []*Sentence
	r := NewReader(strings.NewReader(input))
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			return all
		}
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, s)
	}
}

func TestReader(t *testing.T) {
	got := readSentences(t, sample)
	if len(got) != 2 {
		t.Fatalf("%d sentences, want 2", len(got))
	}
	s := got[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"ID", s.ID, "doc1-1"},
		{"Text", s.Text, "They can't go."},
		{"NewDoc", s.NewDoc, true},
		{"DocID", s.DocID, "doc1"},
		{"NewPar", s.NewPar, true},
		{"ParID", s.ParID, "doc1-p1"},
		{"Comments", strings.Join(s.Comments, "|"), "note = kept"},
		{"words", len(s.Words), 5},
		{"word 2 form", s.Words[1].Form, "ca"},
		{"word 2 lemma", s.Words[1].Lemma, "can"},
		{"word 1 feats", s.Words[0].Feats, "Case=Nom|Number=Plur"},
		{"word 1 head", s.Words[0].Head, 4},
		{"root head", s.Words[3].Head, 0},
		{"root deprel", s.Words[3].Deprel, "root"},
		{"root SpaceAfter", SpaceAfter(s.Words[3].Misc), false},
		{"word 3 SpaceAfter", SpaceAfter(s.Words[2].Misc), true},
		{"empty feats", s.Words[4].Feats, ""},
		{"multiword", s.Tokens, []MultiwordToken{{First: 2, Last: 3, Form: "can't"}}},
		{"empty nodes", len(s.Empty), 1},
		{"empty node id", [2]int{s.Empty[0].ID, s.Empty[0].EmptyIndex}, [2]int{4, 1}},
		{"empty node flagged", s.Empty[0].IsEmptyNode(), true},
		{"empty node head", s.Empty[0].Head, -1},
		{"underscore form", got[1].Words[0].Form, "_"},
		{"underscore lemma", got[1].Words[0].Lemma, "_"},
		{"second not new doc", got[1].NewDoc, false},
	}
	for _, c := range checks {
		if !equal(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

func equal(a, b any) bool {
	if x, ok := a.([]MultiwordToken); ok {
		y := b.([]MultiwordToken)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	return a == b
}

// TestReaderGoesOnAfterABadSentence: a sentence that does not parse is reported with its
// line, and the sentences after it are still read.
func TestReaderGoesOnAfterABadSentence(t *testing.T) {
	good := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"
	bad := "1\tHi\thi\tINTJ\tUH\t_\t5\troot\t_\t_\n"
	r := NewReader(strings.NewReader(good + "\n" + bad + "\n" + good))
	var got []string
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		switch {
		case err != nil && r.Recoverable():
			got = append(got, err.Error())
		case err != nil:
			t.Fatalf("unrecoverable: %v", err)
		default:
			got = append(got, s.Words[0].Form)
		}
	}
	want := []string{"Hi", "line 3: word 1 has HEAD 5 beyond the last word 1", "Hi"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReaderErrors(t *testing.T) {
	word := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n"
	tests := []struct {
		name, input, want string
	}{
		{"too few fields", "1\tHi\thi\n", "line 1: 3 fields, want 10"},
		{"too many fields", strings.TrimSuffix(word, "\n") + "\textra\n", "line 1: more than 10 fields"},
		{"empty field", "1\tHi\t\tINTJ\tUH\t_\t0\troot\t_\t_\n", "line 1: field 3 (LEMMA) is empty"},
		{"bad id", "x\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", `line 1: bad ID "x"`},
		{"skipped id", "# text = Hi\n" + strings.Replace(word, "1\t", "2\t", 1), "line 2: word ID 2, want 1"},
		{"bad head", strings.Replace(word, "\t0\troot", "\tx\troot", 1), `line 1: bad HEAD "x"`},
		{"head beyond", strings.Replace(word, "\t0\troot", "\t7\troot", 1) + "\n", "line 1: word 1 has HEAD 7 beyond the last word 1"},
		{"own head", strings.Replace(word, "\t0\troot", "\t1\troot", 1), "line 1: word 1 is its own HEAD"},
		{"cycle", "# text = a b c\n1\ta\t_\t_\t_\t_\t3\tx\t_\t_\n2\tb\t_\t_\t_\t_\t0\troot\t_\t_\n3\tc\t_\t_\t_\t_\t1\tx\t_\t_\n",
			"line 2: word 1 is in a cycle of HEADs that never reaches the root"},
		{"bad range", "2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", `line 1: bad multiword token range "2-1"`},
		{"range past end", "1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n" + word + "\n", "line 3: multiword token 1-2 reaches past the last word 1"},
		{"misplaced empty node", "3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n", `line 1: empty node "3.1" does not follow word 3`},
		{"comment inside", word + "# late\n", "line 2: comment line inside a sentence"},
		{"no words", "# text = nothing\n\n", "line 2: sentence without words"},
	}
	for _, tt := range tests {
		r := NewReader(strings.NewReader(tt.input))
		var err error
		for err == nil {
			_, err = r.Next()
		}
		if errors.Is(err, io.EOF) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestReaderLongLine(t *testing.T) {
	long := "1\t" + strings.Repeat("x", MaxLineBytes) + "\tx\tX\tX\t_\t0\troot\t_\t_\n"
	_, err := NewReader(strings.NewReader(long)).Next()
	if err == nil || !strings.Contains(err.Error(), "line 1: longer than") {
		t.Fatalf("error %v, want a line-too-long error", err)
	}
	ok := "1\t" + strings.Repeat("x", 1<<20) + "\tx\tX\tX\t_\t0\troot\t_\t_\n"
	s, err := NewReader(strings.NewReader(ok)).Next()
	if err != nil || len(s.Words[0].Form) != 1<<20 {
		t.Fatalf("a 1 MB line should read: %v", err)
	}
}

// TestWriterGolden writes the sample back and compares it with testdata/sample.golden:
// the comments come out in the canonical order and the words unchanged.
func TestWriterGolden(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	for _, s := range readSentences(t, sample) {
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/sample.golden", out.Bytes())
}

func TestWriteDocument(t *testing.T) {
	text := "Kazakhstan's leader met him.\nTalks went well."
	tok := func(start, end int) document.Token {
		return document.Token{Start: start, End: end, Text: text[start:end]}
	}
	doc := &document.Document{ID: "d7", Text: text}
	// First sentence parsed, second not: the writer must show "_" where there is no syntax.
	s1 := []document.Token{tok(0, 10), tok(10, 12), tok(13, 19), tok(20, 23), tok(24, 27), tok(27, 28)}
	s1[0].Lemma, s1[0].UPOS, s1[0].XPOS, s1[0].Head, s1[0].Deprel = "Kazakhstan", "PROPN", "NNP", 3, "nmod:poss"
	s1[3].Lemma, s1[3].UPOS, s1[3].XPOS, s1[3].Head, s1[3].Deprel = "meet", "VERB", "VBD", 0, "root"
	doc.Sentences = []document.Sentence{
		{Start: 0, End: 28, Tokens: s1},
		{Start: 29, End: 45, Tokens: []document.Token{tok(29, 34), tok(35, 39), tok(40, 44), tok(44, 45)}},
	}
	var out bytes.Buffer
	if err := WriteDocument(&out, doc); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/document.golden", out.Bytes())
	// The output must read back with the same forms.
	back := readSentences(t, out.String())
	if len(back) != 2 || back[0].ID != "d7-1" || back[1].ID != "d7-2" || back[0].Words[1].Form != "'s" {
		t.Errorf("read back %+v", back)
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

// FuzzReader feeds arbitrary bytes to the reader: it must never panic, and every sentence it
// accepts must write and read back to the same words.
func FuzzReader(f *testing.F) {
	f.Add(sample)
	f.Add("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n\n")
	f.Add("# text = a\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Add("1\ta\tb\tc\td\te\t0\tf\tg\th\r\n1.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, input string) {
		r := NewReader(strings.NewReader(input))
		for {
			s, err := r.Next()
			if err != nil {
				return
			}
			var out bytes.Buffer
			w := NewWriter(&out)
			if err := w.Write(s); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			back, err := NewReader(&out).Next()
			if err != nil {
				t.Fatalf("written sentence does not read back: %v\n%s", err, out.String())
			}
			if len(back.Words) != len(s.Words) || len(back.Tokens) != len(s.Tokens) || len(back.Empty) != len(s.Empty) {
				t.Fatalf("round trip changed the sentence:\n%s", out.String())
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	data, err := os.ReadFile("../../shared/data/ud/ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		b.Skipf("EWT dev not available (%v)", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		for {
			if _, err := r.Next(); err != nil {
				if !errors.Is(err, io.EOF) {
					b.Fatal(err)
				}
				break
			}
		}
	}
}

func TestReadFileNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.conllu")
	bad := filepath.Join(dir, "bad.conllu")
	os.WriteFile(good, []byte("# text = Hi .\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"), 0o644)
	os.WriteFile(bad, []byte("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tonly three\tfields\n\n"), 0o644)
	sents, err := ReadFile(good)
	if err != nil || len(sents) != 1 || len(sents[0].Words) != 2 {
		t.Fatalf("ReadFile(good) = %d sentences, %v", len(sents), err)
	}
	if _, err := ReadFile(bad); err == nil || !strings.Contains(err.Error(), "bad.conllu: line 2") {
		t.Errorf("ReadFile(bad) error = %v, want it to name bad.conllu and line 2", err)
	}
}
