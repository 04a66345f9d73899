package syntax

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"herald/document"
)

// TestMainVerbArguments parses the plain news sentences of testdata/mainverb.tsv (those
// that issue 18 quoted, paraphrases of them that no model trained on, and a few more) and
// checks the main verb's arguments: the verb is the root, the subject word lies under
// its nsubj, and the object word under its obj or obl, as the row's note says. Issue 18
// wants all of them right; the shipped models get 29 of 34 (21 without the tagger's
// finite-verb repair), and that count is the floor (mainVerbFloor): a model that gets fewer fails, and each
// miss is logged.
func TestMainVerbArguments(t *testing.T) {
	m := loadModels(t)
	data, err := os.ReadFile("testdata/mainverb.tsv")
	if err != nil {
		t.Fatal(err)
	}
	a := m.NewAnnotator()
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")[1:]
	right := 0
	for _, line := range lines {
		cols := strings.Split(line, "\t")
		sentence, verb, subject, object, note := cols[0], cols[1], cols[2], cols[3], cols[4]
		wantObj := "obj"
		if strings.HasSuffix(note, "obl") {
			wantObj = "obl"
		}
		d := sentenceDoc(sentence)
		a.Annotate(d)
		if len(d.Sentences) != 1 {
			t.Errorf("%q: %d sentences", sentence, len(d.Sentences))
			continue
		}
		toks := d.Sentences[0].Tokens
		v := tokenIndex(toks, verb)
		problems := []string{}
		if v < 0 || toks[v].Deprel != "root" {
			problems = append(problems, fmt.Sprintf("%q is not the root", verb))
		}
		for _, arg := range []struct{ word, rel string }{{subject, "nsubj"}, {object, wantObj}} {
			if got := relationUnder(toks, tokenIndex(toks, arg.word), v); got != arg.rel {
				problems = append(problems, fmt.Sprintf("%q is under the verb's %q, want %s", arg.word, got, arg.rel))
			}
		}
		if len(problems) > 0 {
			t.Logf("%s (%s): %s\n%s", sentence, note, strings.Join(problems, "; "), treeString(toks))
			continue
		}
		right++
	}
	if right < mainVerbFloor {
		t.Errorf("%d of %d sentences with the main verb's arguments right, want at least %d", right, len(lines), mainVerbFloor)
	}
}

// mainVerbFloor is how many of the main-verb sentences the shipped models get right.
const mainVerbFloor = 29

func tokenIndex(toks []document.Token, word string) int {
	for i, tk := range toks {
		if tk.Text == word {
			return i
		}
	}
	return -1
}

// relationUnder is the relation (without subtype) of the dependent of token v whose
// subtree holds token i, or "" when i is not below v.
func relationUnder(toks []document.Token, i, v int) string {
	for steps := 0; i >= 0 && steps <= len(toks); steps++ {
		h := toks[i].Head - 1
		if h == v {
			rel, _, _ := strings.Cut(toks[i].Deprel, ":")
			return rel
		}
		i = h
	}
	return ""
}

func treeString(toks []document.Token) string {
	var b strings.Builder
	for i, tk := range toks {
		fmt.Fprintf(&b, "  %d %s %s %d %s\n", i+1, tk.Text, tk.XPOS, tk.Head, tk.Deprel)
	}
	return b.String()
}
