package petrarch

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// seed adds the fixtures, some malformed lines and binary junk to a fuzz corpus.
func seed(f *testing.F, fixture string, extra ...string) {
	if b, err := os.ReadFile(filepath.Join("testdata", fixture)); err == nil {
		f.Add(b)
	}
	for _, s := range append(extra, "", "\n\n", "<!--", "[", "+", "!", "{", "\xff\xfe\x00", "\t[X 9912310-]\n", strings.Repeat("A_", 5000)) {
		f.Add([]byte(s))
	}
}

// checkWarnings holds for every reader: warnings name the file and a line of it.
func checkWarnings(t *testing.T, in []byte, ws []Warning) {
	n := bytes.Count(in, []byte("\n")) + 1
	for _, w := range ws {
		if w.File != "f" || w.Line < 1 || w.Line > n || w.Msg == "" {
			t.Fatalf("bad warning %+v (%d lines)", w, n)
		}
	}
}

// checkName holds for every name: upper-case tokens, none empty or with a separator.
func checkName(t *testing.T, name []string) {
	if len(name) == 0 {
		t.Fatal("empty name")
	}
	for _, w := range name {
		sep := func(r rune) bool { return r == '_' && w[0] != '&' || unicode.IsSpace(r) } // synset names keep their '_'
		if w == "" || strings.ContainsFunc(w, sep) || w != strings.ToUpper(w) || !utf8.ValidString(w) {
			t.Fatalf("bad token %q in %q", w, name)
		}
	}
}

func checkEntry(t *testing.T, file string, line int, in []byte) {
	if file != "f" || line < 1 || line > bytes.Count(in, []byte("\n"))+1 {
		t.Fatalf("entry at %s:%d", file, line)
	}
}

func checkDate(t *testing.T, d string) {
	if d == "" {
		return
	}
	if _, err := time.Parse("2006-01-02", d); err != nil {
		t.Fatalf("bad date %q", d)
	}
}

func FuzzReadActors(f *testing.F) {
	seed(f, "actors.txt", "X [A >1] [B 1-2] [C <991231]\n+\n[", "A\n\t[X  > 140608]\n\t[Y 19950601 - 19990815]")
	f.Fuzz(func(t *testing.T, in []byte) {
		actors, ws, err := ReadActors(bytes.NewReader(in), "f")
		checkWarnings(t, in, ws)
		if err != nil {
			return
		}
		for _, a := range actors {
			checkEntry(t, a.File, a.Line, in)
			if len(a.Names) == 0 {
				t.Fatal("actor without names")
			}
			for _, n := range a.Names {
				checkName(t, n)
			}
			for _, c := range a.Codes {
				if c.Code == "" || strings.ContainsFunc(c.Code, unicode.IsSpace) {
					t.Fatalf("bad code %+v", c)
				}
				checkDate(t, c.From)
				checkDate(t, c.To)
			}
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	seed(f, "agents.txt", "!A! = B, C\n!A!!A!!A! [~X]\n", "X {} [NGO~]\nY { [~A]\n!Q!\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		agents, ws, err := ReadAgents(bytes.NewReader(in), "f")
		checkWarnings(t, in, ws)
		if err != nil {
			return
		}
		for _, a := range agents {
			checkEntry(t, a.File, a.Line, in)
			if a.Code == "" || len(a.Names) == 0 || len(a.Names) > maxForms+1 {
				t.Fatalf("bad agent %+v", a)
			}
			for _, n := range a.Names {
				checkName(t, n)
			}
		}
	})
}

func FuzzReadVerbs(f *testing.F) {
	seed(f, "verbs.txt", "--- A [1] ---\nA\n- $ * (B {C &D}) + [1]\n&D\n+E\n", "--- A ---\n- * ((((\n~ a (b (c d E) F) G = a b 1\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		v, ws, err := ReadVerbs(bytes.NewReader(in), "f")
		checkWarnings(t, in, ws)
		if err != nil {
			return
		}
		for _, s := range v.Synsets {
			checkEntry(t, s.File, s.Line, in)
			if got, ok := v.Synset(s.Name); !ok || got.Name != s.Name || !strings.HasPrefix(s.Name, "&") {
				t.Fatalf("synset %q not indexed", s.Name)
			}
			for _, p := range s.Phrases {
				checkName(t, p)
			}
		}
		for _, b := range v.Blocks {
			checkEntry(t, b.File, b.Line, in)
			if b.Code == "" {
				t.Fatalf("block %q without a code", b.Name)
			}
			for _, vb := range b.Verbs {
				checkName(t, vb.Words)
				if vb.Head < 0 || vb.Head >= len(vb.Words) || vb.Code == "" {
					t.Fatalf("bad verb %+v", vb)
				}
				for _, f := range vb.Forms {
					checkName(t, f)
				}
			}
			for _, p := range b.Patterns {
				if p.Code == "" {
					t.Fatalf("pattern %q without a code", p.Text)
				}
				p.terms(func(tm Term) {
					if tm.Text == "" {
						t.Fatalf("empty term in %q", p.Text)
					}
					if _, ok := v.Synset(tm.Text); tm.Kind == SynsetOf && !ok {
						t.Fatalf("undefined synset %s kept in %q", tm.Text, p.Text)
					}
				})
			}
		}
		for _, tr := range v.Transformations {
			for e := &tr.Event; e != nil; e = e.Inner {
				if e.Source == "" || e.Verb == "" || (e.Target == "") == (e.Inner == nil) {
					t.Fatalf("bad transformation %+v", tr)
				}
			}
		}
	})
}

func FuzzReadDiscards(f *testing.F) {
	seed(f, "discards.txt", "+ \n++X\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		ds, ws, err := ReadDiscards(bytes.NewReader(in), "f")
		checkWarnings(t, in, ws)
		if err != nil {
			return
		}
		for _, d := range ds {
			checkEntry(t, d.File, d.Line, in)
			checkName(t, d.Words)
		}
	})
}

func FuzzReadIssues(f *testing.F) {
	seed(f, "issues.txt", "a+b+c+n:d v:e [X]\n~~\n</ISSUE>\n", "<ISSUE CATEGORY=\"A\">\nx [A]y [B] [C]\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		is, ws, err := ReadIssues(bytes.NewReader(in), "f")
		checkWarnings(t, in, ws)
		if err != nil {
			return
		}
		for _, i := range is {
			checkEntry(t, i.File, i.Line, in)
			if len(i.Phrases) == 0 || len(i.Phrases) > maxForms || i.Ignore < 0 || i.Ignore > 2 || (i.Code == "") != (i.Ignore > 0) {
				t.Fatalf("bad issue %+v", i)
			}
			for _, p := range i.Phrases {
				checkName(t, p)
			}
		}
	})
}
