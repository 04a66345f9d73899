package main

import (
	"strings"
	"testing"
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
