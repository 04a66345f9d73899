package conllu

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"herald/document"
)

// readDocuments reads every document of input, failing on any error.
func readDocuments(t *testing.T, input string) []*document.Document {
	t.Helper()
	r := NewDocumentReader(strings.NewReader(input), "in.conllu")
	var docs []*document.Document
	for {
		doc, err := r.Next()
		if errors.Is(err, io.EOF) {
			return docs
		}
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		docs = append(docs, doc)
	}
}

// wireDoc is a wire story as the pipeline leaves it: a headline line and a dateline that
// are no sentence, a line break inside the first sentence, two spaces and a paragraph
// break between sentences.
func wireDoc() *document.Document {
	text := "Talks resume\nGENEVA, March 4 (Reuters) - Armenia met\nAzerbaijan.  Talks went well.\n\nBoth sides agreed."
	doc := &document.Document{ID: "w1", Text: text, Published: "2025-03-04"}
	at := strings.Index(text, "GENEVA")
	end := strings.Index(text, "- ") + 1
	doc.Dateline = &document.Dateline{Place: "Geneva", Agency: "Reuters", Month: 3, Day: 4, Start: at, End: end}
	words := func(sentence string) document.Sentence {
		start := strings.Index(text, sentence)
		var s document.Sentence
		for _, f := range strings.FieldsFunc(sentence, func(r rune) bool { return r == ' ' || r == '\n' }) {
			word := strings.TrimSuffix(f, ".")
			k := strings.Index(text[start:], word)
			s.Tokens = append(s.Tokens, document.Token{Start: start + k, End: start + k + len(word), Text: word})
			start += k + len(word)
			if strings.HasSuffix(f, ".") {
				s.Tokens = append(s.Tokens, document.Token{Start: start, End: start + 1, Text: "."})
				start++
			}
		}
		s.Start, s.End = s.Tokens[0].Start, s.Tokens[len(s.Tokens)-1].End
		return s
	}
	doc.Sentences = []document.Sentence{words("Armenia met\nAzerbaijan."), words("Talks went well."), words("Both sides agreed.")}
	met := &doc.Sentences[0].Tokens[1]
	met.Lemma, met.UPOS, met.XPOS, met.Head, met.Deprel = "meet", "VERB", "VBD", 0, "root"
	return doc
}

// TestDocumentRoundTrip: what WriteDocument writes reads back to the same text (the
// headline, which the file does not hold, as spaces), tokens, syntax, date, dateline and
// the mark of a sentence cut for its length.
func TestDocumentRoundTrip(t *testing.T) {
	doc := wireDoc()
	doc.Sentences[1].Split = true
	var out bytes.Buffer
	if err := WriteDocument(&out, doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# newdoc id = w1\n", "# date = 2025-03-04\n", "# dateline = GENEVA, March 4 (Reuters) -\n",
		"# dateline_range = 13:40\n", "# split_too_long = true\n", "SpacesAfter=\\n|TokenRange=", "SpacesAfter=\\s\\s|", "SpacesAfter=\\n\\n|"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	docs := readDocuments(t, out.String())
	if len(docs) != 1 {
		t.Fatalf("read %d documents, want 1", len(docs))
	}
	back := docs[0]
	wantText := strings.Repeat(" ", len("Talks resume\n")) + doc.Text[len("Talks resume\n"):]
	if back.Text != wantText {
		t.Errorf("text %q\nwant %q", back.Text, wantText)
	}
	if back.ID != "w1" || back.Published != "2025-03-04" {
		t.Errorf("id %q published %q", back.ID, back.Published)
	}
	if dl := back.Dateline; dl == nil || dl.Place != "Geneva" || dl.Agency != "Reuters" || dl.Month != 3 || dl.Day != 4 ||
		dl.Start != doc.Dateline.Start || dl.End != doc.Dateline.End {
		t.Errorf("dateline %+v, want %+v", back.Dateline, doc.Dateline)
	}
	if len(back.Sentences) != len(doc.Sentences) {
		t.Fatalf("%d sentences, want %d", len(back.Sentences), len(doc.Sentences))
	}
	for i, s := range doc.Sentences {
		got := back.Sentences[i]
		if got.Start != s.Start || got.End != s.End || len(got.Tokens) != len(s.Tokens) {
			t.Fatalf("sentence %d: %d-%d with %d tokens, want %d-%d with %d", i, got.Start, got.End, len(got.Tokens), s.Start, s.End, len(s.Tokens))
		}
		if got.Split != s.Split {
			t.Errorf("sentence %d: split %v, want %v", i, got.Split, s.Split)
		}
		for j, tok := range s.Tokens {
			if got.Tokens[j] != tok {
				t.Errorf("sentence %d token %d: %+v, want %+v", i, j, got.Tokens[j], tok)
			}
		}
	}
}

// TestDocumentReaderJoined: without TokenRange the text is the sentences' "# text",
// joined by a space within a paragraph and a blank line between paragraphs; words are
// found in it, the parts of a multiword token split when they spell it; a sentence
// without "# text" is its words joined by SpaceAfter.
func TestDocumentReaderJoined(t *testing.T) {
	input := "# newdoc id = d1\n# meta::dateCreated = 2011-03-13\n# newpar\n# text = I don't know.\n" +
		"1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
		"4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n" +
		"# text = Fine.\n1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n" +
		"# newpar\n1\tNew\t_\t_\t_\t_\t_\t_\t_\t_\n2\tpara\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
		"# newdoc id = d2\n# text = Next.\n1\tNext\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
	docs := readDocuments(t, input)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	d := docs[0]
	if want := "I don't know. Fine.\n\nNew para!"; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	if d.ID != "d1" || d.Published != "2011-03-13" || d.Line != 1 {
		t.Errorf("id %q published %q line %d", d.ID, d.Published, d.Line)
	}
	for _, s := range d.Sentences {
		for _, tok := range s.Tokens {
			if d.Text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q at %d-%d holds %q", tok.Text, tok.Start, tok.End, d.Text[tok.Start:tok.End])
			}
		}
	}
	know := d.Sentences[0].Tokens[3]
	if know.Lemma != "know" || know.Head != 0 || know.Deprel != "root" {
		t.Errorf("know: %+v", know)
	}
	if nt := d.Sentences[0].Tokens[2]; nt.Start != 4 || nt.End != 7 || nt.Head != 4 || nt.Deprel != "advmod" {
		t.Errorf("n't: %+v", nt)
	}
	if tok := d.Sentences[2].Tokens[0]; tok.Deprel != "" || tok.UPOS != "" {
		t.Errorf("an unannotated word should stay unannotated: %+v", tok)
	}
	if docs[1].ID != "d2" || docs[1].Text != "Next." || docs[1].Line != 21 {
		t.Errorf("second document %q %q line %d", docs[1].ID, docs[1].Text, docs[1].Line)
	}
}

// TestDocumentReaderCharacterRanges: UDPipe counts TokenRange in characters; the text is
// rebuilt with byte offsets of its own.
func TestDocumentReaderCharacterRanges(t *testing.T) {
	input := "# text = Müller met Ćosić.\n" +
		"1\tMüller\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:6\n" +
		"2\tmet\t_\t_\t_\t_\t_\t_\t_\tTokenRange=7:10\n" +
		"3\tĆosić\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=11:16\n" +
		"4\t.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=16:17\n"
	d := readDocuments(t, input)[0]
	if d.Text != "Müller met Ćosić." {
		t.Fatalf("text %q", d.Text)
	}
	for _, tok := range d.Sentences[0].Tokens {
		if d.Text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q at %d-%d holds %q", tok.Text, tok.Start, tok.End, d.Text[tok.Start:tok.End])
		}
	}
}

// TestDocumentReaderErrors: a bad sentence is named by file and line and left out; the
// rest of its document, and the documents after it, are still read.
func TestDocumentReaderErrors(t *testing.T) {
	good := "1\tGood\t_\t_\t_\t_\t_\t_\t_\tTokenRange=%s\n\n"
	tests := []struct {
		name, bad, want string
	}{
		{"overlap", "1\tBad\t_\t_\t_\t_\t_\t_\t_\tTokenRange=2:5\n\n",
			"in.conllu:5: word 1: TokenRange 2:5 starts before the end of the text before it (4): sentence left out"},
		{"form does not fit", "1\tBad\t_\t_\t_\t_\t_\t_\t_\tTokenRange=5:7\n\n",
			`in.conllu:5: word 1: FORM "Bad" does not fit its TokenRange 5:7: sentence left out`},
		{"no range", "1\tBad\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
			"in.conllu:5: word 1 has no TokenRange, as the document's first word has: sentence left out"},
		{"cycle", "1\tBad\t_\t_\t_\t_\t2\tx\t_\tTokenRange=5:8\n2\tx\t_\t_\t_\t_\t1\tx\t_\tTokenRange=9:10\n\n",
			"in.conllu:5: word 1 is in a cycle of HEADs that never reaches the root"},
		{"head out of range", "1\tBad\t_\t_\t_\t_\t9\tx\t_\tTokenRange=5:8\n\n",
			"in.conllu:5: word 1 has HEAD 9 beyond the last word 1"},
		{"columns", "1\tBad\t_\t_\n\n", "in.conllu:5: 4 fields, want 10"},
	}
	for _, tt := range tests {
		input := "# newdoc id = a\n" + strings.Replace(good, "%s", "0:4", 1) + "# text = x\n" + tt.bad +
			strings.Replace(good, "%s", "20:24", 1) + "# newdoc id = b\n" + strings.Replace(good, "%s", "0:4", 1)
		r := NewDocumentReader(strings.NewReader(input), "in.conllu")
		doc, err := r.Next()
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v\nwant %s", tt.name, err, tt.want)
		}
		if doc == nil || doc.ID != "a" || len(doc.Sentences) != 2 {
			t.Errorf("%s: the rest of the document should be read: %+v", tt.name, doc)
			continue
		}
		if got := doc.Text[doc.Sentences[1].Start:doc.Sentences[1].End]; got != "Good" || doc.Sentences[1].Start != 20 {
			t.Errorf("%s: the sentence after the bad one is at %d: %q", tt.name, doc.Sentences[1].Start, got)
		}
		next, err := r.Next()
		if err != nil || next.ID != "b" {
			t.Errorf("%s: next document %+v, %v", tt.name, next, err)
		}
	}
}

// FuzzDocumentReader feeds arbitrary bytes to the document reader: it must never panic,
// and every document it returns must have tokens inside its text, in order.
func FuzzDocumentReader(f *testing.F) {
	var out bytes.Buffer
	if err := WriteDocument(&out, wireDoc()); err != nil {
		f.Fatal(err)
	}
	f.Add(out.String())
	f.Add(sample)
	f.Add("# text = Müller met.\n1\tMüller\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:6\n2\tmet.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=7:11\n")
	f.Add("# dateline = X (AP) -\n# dateline_range = 0:9\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\tTokenRange=10:12\n1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, input string) {
		r := NewDocumentReader(strings.NewReader(input), "fuzz")
		for n := 0; n < 1000; n++ {
			doc, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if doc == nil {
				if err == nil {
					t.Fatal("no document and no error")
				}
				continue
			}
			prev := 0
			for _, s := range doc.Sentences {
				if len(s.Tokens) == 0 {
					t.Fatal("a sentence without tokens")
				}
				for _, tok := range s.Tokens {
					if tok.Start < prev || tok.End < tok.Start || tok.End > len(doc.Text) {
						t.Fatalf("token %q at %d-%d (previous ends %d, text %d bytes)", tok.Text, tok.Start, tok.End, prev, len(doc.Text))
					}
					prev = tok.Start
				}
			}
			if dl := doc.Dateline; dl != nil && (dl.Start < 0 || dl.End > len(doc.Text) || dl.Start > dl.End) {
				t.Fatalf("dateline %d-%d outside the text", dl.Start, dl.End)
			}
		}
	})
}
