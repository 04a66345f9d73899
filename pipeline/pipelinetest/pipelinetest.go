// Package pipelinetest runs Herald's stages after the syntax (time expressions, entities,
// actors, events and places) on sentences given with their dependency trees. It is for
// table tests of the rules of those stages: a test states the tree a sentence should
// get, so it fails on the rule, not on the parse, and needs neither ../shared nor a
// retrained parser.
//
// Trees are written one word a line, in CoNLL-U (ten tab-separated columns) or in a
// short form of five or six whitespace-separated columns: FORM UPOS XPOS HEAD DEPREL
// [LEMMA]. A missing lemma is the lemmatizer's. In the short form a word is written
// against the one before it, with no space, when it is punctuation that closes (". , : ;
// ! ? ) %"), a clitic ("'s", "n't", "'"), or follows "(".
package pipelinetest

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"herald/conllu"
	"herald/document"
	"herald/pipeline"
)

// Story is a document given as sentences with their trees.
type Story struct {
	// Date is the publication date, YYYY-MM-DD: it decides who holds an office.
	Date string
	// Sentences are trees, one word a line.
	Sentences []string
}

var (
	once   sync.Once
	shared *pipeline.Pipeline
	err    error
)

// pipe is the pipeline every test shares: the embedded models, loaded once.
func pipe(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	once.Do(func() {
		shared, err = pipeline.New(pipeline.Options{Workers: 1})
	})
	if err != nil {
		t.Fatalf("loading the pipeline: %v", err)
	}
	return shared
}

// CoNLLU writes the story as a CoNLL-U document.
func (s Story) CoNLLU() (string, error) {
	var b strings.Builder
	b.WriteString("# newdoc id = story\n")
	if s.Date != "" {
		fmt.Fprintf(&b, "# date = %s\n", s.Date)
	}
	for i, tree := range s.Sentences {
		block, err := sentence(tree)
		if err != nil {
			return "", fmt.Errorf("sentence %d: %w", i+1, err)
		}
		b.WriteString(block)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// sentence turns one tree into a CoNLL-U sentence with its "# text".
func sentence(tree string) (string, error) {
	var forms []string
	var rows [][10]string
	for _, line := range strings.Split(strings.TrimSpace(tree), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var row [10]string
		if f := strings.Split(line, "\t"); len(f) == 10 {
			copy(row[:], f)
		} else {
			f := strings.Fields(line)
			if len(f) != 5 && len(f) != 6 {
				return "", fmt.Errorf("%q: want FORM UPOS XPOS HEAD DEPREL [LEMMA], or ten tab-separated columns", line)
			}
			lemma := "_"
			if len(f) == 6 {
				lemma = f[5]
			}
			row = [10]string{fmt.Sprint(len(rows) + 1), f[0], lemma, f[1], f[2], "_", f[3], f[4], "_", "_"}
		}
		forms = append(forms, row[1])
		rows = append(rows, row)
	}
	var text strings.Builder
	for i := range rows {
		if i > 0 && !glued(forms[i-1], forms[i]) {
			text.WriteByte(' ')
		}
		text.WriteString(forms[i])
		if i+1 < len(rows) && glued(forms[i], forms[i+1]) && rows[i][9] == "_" {
			rows[i][9] = "SpaceAfter=No"
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# text = %s\n", text.String())
	for _, r := range rows {
		b.WriteString(strings.Join(r[:], "\t"))
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// glued reports whether next is written against prev.
func glued(prev, next string) bool {
	switch next {
	case ".", ",", ":", ";", "!", "?", ")", "%", "'s", "n't", "'":
		return true
	}
	return prev == "("
}

// Analyze runs the stages after the syntax over the story and returns the document.
func Analyze(t testing.TB, s Story) *document.Document {
	t.Helper()
	text, err := s.CoNLLU()
	if err != nil {
		t.Fatal(err)
	}
	r := conllu.NewDocumentReader(strings.NewReader(text), "story")
	doc, err := r.Next()
	if err != nil {
		t.Fatalf("the story's trees: %v\n%s", err, text)
	}
	res := pipe(t).Process(doc)
	if len(res.Errs) > 0 || res.Doc == nil {
		t.Fatalf("the pipeline: %v", res.Errs)
	}
	return res.Doc
}

// Events returns the events coded in the story, each as "SOURCE → TARGET CODE", with
// " (negated)" after a negated one and " (hypothetical)" after a hypothetical one, in the
// coder's order.
func Events(t testing.TB, s Story) []string {
	t.Helper()
	var out []string
	for _, e := range Analyze(t, s).Events {
		ev := fmt.Sprintf("%s → %s %s", e.Source.Code, e.Target.Code, e.CAMEO)
		if e.Negated {
			ev += " (negated)"
		}
		if e.Hypothetical {
			ev += " (hypothetical)"
		}
		out = append(out, ev)
	}
	return out
}
