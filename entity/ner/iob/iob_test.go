package iob

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The fixtures are invented sentences, one per layout.

const unerFixture = `# newdoc id = test-doc
# sent_id = test-0001
# text = Aigerim Sultanova flew to Almaty .
1	Aigerim	B-PER	-	-
2	Sultanova	I-PER	-	-
3	flew	O	-	-
4	to	O	-	-
5	Almaty	B-LOC	-	-
6	.	O	-	-

# sent_id = test-0002
1	Hello	O	-	-
`

const conllFixture = `-DOCSTART- -X- -X- O

Vostok NNP B-NP I-ORG
Mining NNP I-NP I-ORG
hired VBD B-VP O
# NN B-NP O
Peter NNP B-NP I-PER
Ivanov NNP I-NP I-PER
Maria NNP I-NP B-PER
. . O O
`

const wikiannFixture = "en:Lake\tB-LOC\nen:Balkhash\tI-LOC\n\nen:''\tO\nen:Tolkyn\tB-ORG\nen:(\tO\n"

func TestReadLayouts(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		layout Layout
		words  [][]string
		spans  [][]Span
	}{
		{"uner", unerFixture, UNER,
			[][]string{{"Aigerim", "Sultanova", "flew", "to", "Almaty", "."}, {"Hello"}},
			[][]Span{{{0, 2, "PER"}, {4, 5, "LOC"}}, nil}},
		{"conll iob1", conllFixture, CoNLL,
			[][]string{{"Vostok", "Mining", "hired", "#", "Peter", "Ivanov", "Maria", "."}},
			[][]Span{{{0, 2, "ORG"}, {4, 6, "PER"}, {6, 7, "PER"}}}},
		{"wikiann", wikiannFixture, WikiANN,
			[][]string{{"Lake", "Balkhash"}, {"''", "Tolkyn", "("}},
			[][]Span{{{0, 2, "LOC"}}, {{1, 2, "ORG"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, layout, err := Read(strings.NewReader(tt.input), tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if layout != tt.layout {
				t.Errorf("layout %v, want %v", layout, tt.layout)
			}
			if len(sents) != len(tt.words) {
				t.Fatalf("%d sentences, want %d", len(sents), len(tt.words))
			}
			for i := range sents {
				if !reflect.DeepEqual(sents[i].Words, tt.words[i]) {
					t.Errorf("sentence %d words %q, want %q", i, sents[i].Words, tt.words[i])
				}
				if got := sents[i].Spans(); !reflect.DeepEqual(got, tt.spans[i]) {
					t.Errorf("sentence %d spans %v, want %v", i, got, tt.spans[i])
				}
				if sents[i].ID != i+1 {
					t.Errorf("sentence %d has ID %d", i, sents[i].ID)
				}
			}
		})
	}
}

func TestTagsToIOB2(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I-PER I-PER O I-LOC", "B-PER I-PER O B-LOC"},         // IOB1
		{"I-PER B-PER I-ORG", "B-PER B-PER B-ORG"},             // IOB1 boundary between two names
		{"B-geo I-geo I-gpe", "B-geo I-geo B-gpe"},             // a type change starts a name
		{"S-PER B-LOC E-LOC U-ORG", "B-PER B-LOC I-LOC B-ORG"}, // BIOES / BILOU
		{"B-LOC L-LOC I-LOC", "B-LOC I-LOC B-LOC"},             // nothing continues after L-
	}
	for _, tt := range tests {
		var tg tagger
		var got []string
		for _, tag := range strings.Fields(tt.in) {
			out, err := tg.next(tag)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, out)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s → %s, want %s", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		line string
		want Layout
	}{
		{"1\tWord\tO\t-\t-", UNER},
		{"en:Word\tO", WikiANN},
		{"EU NNP B-NP B-ORG", CoNLL},
		{"Word\tO", CoNLL},
		{"Sentence #,Word,POS,Tag", GMB},
		{"lonely", Unknown},
	}
	for _, tt := range tests {
		if got := Detect(tt.line); got != tt.want {
			t.Errorf("Detect(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// gmbFixture is in Windows-1252: "Café" has the byte 0xE9.
var gmbFixture = []byte("Sentence #,Word,POS,Tag\r\n" +
	"Sentence: 1,Delegates,NNS,O\r\n,from,IN,O\r\n,Astana,NNP,B-geo\r\n,met,VBD,O\r\n,\"\"\"\",``,O\r\n" +
	"Sentence: 2,Kazakh,JJ,B-gpe\r\n,President,NNP,B-per\r\n,Aibek,NNP,I-per\r\n,ate,VBD,O\r\n,at,IN,O\r\n,Caf\xe9,NNP,B-org\r\n,Nur,NNP,I-org\r\n,\"1,000\",CD,O\r\n")

func TestReadGMB(t *testing.T) {
	sents, err := ReadGMB(bytes.NewReader(gmbFixture), "fixture.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	s := sents[1]
	if s.ID != 2 || s.Line != 7 {
		t.Errorf("sentence 2: ID %d line %d, want 2 and 7", s.ID, s.Line)
	}
	want := []string{"Kazakh", "President", "Aibek", "ate", "at", "Café", "Nur", "1,000"}
	if !reflect.DeepEqual(s.Words, want) {
		t.Errorf("words %q, want %q", s.Words, want)
	}
	if sents[0].Words[4] != `"` {
		t.Errorf("quoted quote read as %q", sents[0].Words[4])
	}
	wantSpans := []Span{{0, 1, "gpe"}, {1, 3, "per"}, {5, 7, "org"}}
	if got := s.Spans(); !reflect.DeepEqual(got, wantSpans) {
		t.Errorf("spans %v, want %v", got, wantSpans)
	}
	if s.POS[0] != "JJ" {
		t.Errorf("POS %q", s.POS)
	}
}

func TestErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, input, want string
		gmb               bool
	}{
		{"bad tag", "1\tA\tO\t-\t-\n2\tB\tX-PER\t-\t-\n", "f.iob2:2:", false},
		{"short uner line", "1\tA\tO\t-\t-\n2\tB\n", "f.iob2:2:", false},
		{"unknown layout", "# c\nlonely\n", "f.iob2:2:", false},
		{"gmb header", "Word,Tag\n", "f.iob2:1:", true},
		{"gmb word first", "Sentence #,Word,POS,Tag\n,a,DT,O\n", "f.iob2:2:", true},
		{"gmb bad tag", "Sentence #,Word,POS,Tag\nSentence: 1,a,DT,Q\n", "f.iob2:2:", true},
		{"gmb bad mark", "Sentence #,Word,POS,Tag\nSentence: x,a,DT,O\n", "f.iob2:2:", true},
	}
	for _, tt := range tests {
		var err error
		if tt.gmb {
			_, err = ReadGMB(strings.NewReader(tt.input), "f.iob2")
		} else {
			_, _, err = Read(strings.NewReader(tt.input), "f.iob2")
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !errors.Is(err, ErrSyntax) {
			t.Errorf("%s: error %v, want one starting %q wrapping ErrSyntax", tt.name, err, tt.want)
		}
	}
}

func TestHeldOut(t *testing.T) {
	if !HeldOut(10) || !HeldOut(47950) || HeldOut(1) || HeldOut(47959) {
		t.Error("HeldOut should hold every tenth sentence number")
	}
}

// FuzzReaders checks that no input makes a reader panic, and that what they return is
// consistent: one tag per word, every tag O, B- or I-, spans inside the sentence.
func FuzzReaders(f *testing.F) {
	for _, s := range []string{unerFixture, conllFixture, wikiannFixture, string(gmbFixture), "", "\n\n#\n", "1\t\t\t"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(sents []Sentence) {
			for _, s := range sents {
				if len(s.Tags) != len(s.Words) || len(s.Words) == 0 {
					t.Fatalf("%d words, %d tags", len(s.Words), len(s.Tags))
				}
				for _, tag := range s.Tags {
					if tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
						t.Fatalf("tag %q", tag)
					}
				}
				for _, sp := range s.Spans() {
					if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End {
						t.Fatalf("span %v of %d words", sp, len(s.Words))
					}
				}
			}
		}
		if sents, _, err := Read(bytes.NewReader(data), "fuzz"); err == nil {
			check(sents)
		}
		if sents, err := ReadGMB(bytes.NewReader(data), "fuzz"); err == nil {
			check(sents)
		}
	})
}

func TestDocumentIDs(t *testing.T) {
	src := unerFixture + "\n# newdoc id = second-doc\n# sent_id = second-0001\n1\tBye\tO\t-\t-\n"
	sents, _, err := Read(strings.NewReader(src), "fixture")
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, s := range sents {
		docs = append(docs, s.Doc)
	}
	if got := strings.Join(docs, " "); got != "test-doc test-doc second-doc" {
		t.Errorf("documents %q, want test-doc test-doc second-doc", got)
	}
}
