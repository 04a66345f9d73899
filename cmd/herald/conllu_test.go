package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/gold"
)

// TestCodeFromTrees: the CoNLL-U that `analyze --format conllu` writes, read back with
// `code --conllu -`, gives byte for byte the events of `code` on the same inputs, in
// every event format but GDELT's, whose SOURCEURL names the input file when a document has
// no URL.
func TestCodeFromTrees(t *testing.T) {
	const inputs = "../../examples"
	code, trees, errOut := herald(t, "", "analyze", "--today", today, "--format", "conllu", inputs)
	if code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errOut)
	}
	for _, format := range []string{"jsonl", "tsv", "plover"} {
		code, want, errOut := herald(t, "", "code", "--today", today, "--parse-all", "--format", format, inputs)
		if code != 0 {
			t.Fatalf("code: exit %d: %s", code, errOut)
		}
		code, got, errOut := herald(t, trees, "code", "--today", today, "--format", format, "--conllu", "-")
		if code != 0 {
			t.Fatalf("code --conllu: exit %d: %s", code, errOut)
		}
		if strings.Count(want, "\n") < 3 {
			t.Fatalf("too few events to compare: %q", want)
		}
		if got != want {
			t.Errorf("--format %s: events from the trees differ:\n got %s\nwant %s", format, got, want)
		}
	}
}

// TestConlluInputErrors: bad CoNLL-U is reported with file and line, exit 1, and the
// sentences and documents after it are still coded.
func TestConlluInputErrors(t *testing.T) {
	good := "# newdoc id = a\n# text = Kenya met Uganda.\n" +
		"1\tKenya\tKenya\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tUganda\tUganda\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n" +
		"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	bad := "# text = broken\n1\tbroken\tbroken\tADJ\tJJ\t_\t3\troot\t_\t_\n\n"
	code, out, errOut := herald(t, good+bad+strings.Replace(good, "id = a", "id = b", 1), "code", "--date", "2024-05-20", "--conllu", "-")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, "-:9: word 1 has HEAD 3 beyond the last word 1") {
		t.Errorf("stderr does not name the line: %s", errOut)
	}
	if !strings.Contains(out, `"doc":"a"`) || !strings.Contains(out, `"doc":"b"`) {
		t.Errorf("both documents should be coded:\n%s", out)
	}
	if code, _, errOut := herald(t, "", "code", "--conllu", "x.conllu", "story.txt"); code != 2 || !strings.Contains(errOut, "give no other") {
		t.Errorf("--conllu with inputs: exit %d: %s", code, errOut)
	}
	if code, _, errOut := herald(t, "", "code", "--conllu", "no-such.conllu"); code != 1 || !strings.Contains(errOut, "no-such.conllu") {
		t.Errorf("missing file: exit %d: %s", code, errOut)
	}
}

// TestEvalEvents runs `herald eval events` on the team's wire sentences of the gold
// standard, which need no ../shared: a report ending in KEY=VALUE, the same twice; usage
// errors exit 2, an uncoded gold file 1.
func TestEvalEvents(t *testing.T) {
	sents, err := gold.ReadFile("../../gold/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var wire []gold.Sentence
	for _, s := range sents {
		if s.Corpus == gold.Wire && len(wire) < 12 {
			wire = append(wire, s)
		}
	}
	dir := t.TempDir()
	write := func(name string, sents []gold.Sentence) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := gold.Write(f, sents); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write(gold.SplitFile(gold.Dev), wire)
	raw, err := os.ReadFile("../../gold/" + gold.WireFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, gold.WireFile), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := herald(t, "", "eval", "events", dir, "--split", "dev")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "P=") || !strings.Contains(last, " sentences=12 ") {
		t.Errorf("last line %q", last)
	}
	for _, want := range []string{"root + countries", "confusion by root", "sentences wrong at root + countries"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if _, again, _ := herald(t, "", "eval", "events", dir, "--split", "dev"); again != out {
		t.Error("two runs differ")
	}
	if code, _, errOut := herald(t, "", "eval", "events", dir, "--split", "train"); code != 2 {
		t.Errorf("--split train: exit %d: %s", code, errOut)
	}
	wire[3].Coder = ""
	uncoded := write("uncoded.jsonl", wire)
	if code, _, errOut := herald(t, "", "eval", "events", uncoded); code != 1 || !strings.Contains(errOut, "1 of the 12 sentences are not coded") {
		t.Errorf("an uncoded sentence: exit %d: %s", code, errOut)
	}
	if code, out, errOut := herald(t, "", "eval", "agreement", filepath.Join(dir, "dev.jsonl"), uncoded); code != 0 || !strings.Contains(out, "event_agreement=100.00") {
		t.Errorf("agreement of a file with itself: exit %d: %s %s", code, out, errOut)
	}
}
