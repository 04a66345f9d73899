package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herald/cameo"
)

// TestCodeFormats runs `herald code` in every event format over the shipped examples:
// each run succeeds, the gdelt rows have 61 columns, and a second run gives the same
// bytes.
func TestCodeFormats(t *testing.T) {
	for _, format := range []string{"jsonl", "tsv", "gdelt", "plover"} {
		args := []string{"code", "--today", today, "--format", format, "../../examples"}
		code, out, errOut := herald(t, "", args...)
		if code != 0 {
			t.Fatalf("--format %s: exit %d: %s", format, code, errOut)
		}
		if _, again, _ := herald(t, "", args...); again != out {
			t.Errorf("--format %s: two runs differ", format)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		switch format {
		case "tsv":
			if !strings.HasPrefix(lines[0], "doc\tsentence\tdate\t") {
				t.Errorf("tsv: no header row: %q", lines[0])
			}
		case "gdelt":
			for i, l := range lines {
				if l != "" && strings.Count(l, "\t") != 60 {
					t.Errorf("gdelt row %d has %d columns, want 61", i+1, strings.Count(l, "\t")+1)
				}
			}
		}
	}
	if code, _, errOut := herald(t, "", "code", "--format", "conllu", "../../examples"); code != 2 || !strings.Contains(errOut, "unknown format") {
		t.Errorf("--format conllu: exit %d, %q", code, errOut)
	}
}

// TestBuildCodebookCommand rebuilds the codebook with the command and wants the
// embedded file's bytes.
func TestBuildCodebookCommand(t *testing.T) {
	data := "../../../shared/data"
	if _, err := os.Stat(filepath.Join(data, "cameo")); err != nil {
		t.Skipf("shared data not available (%v)", err)
	}
	out := filepath.Join(t.TempDir(), cameo.File)
	code, _, errOut := herald(t, "", "build-codebook", "--data", data, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "cameo", cameo.File))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("build-codebook output differs from cameo/" + cameo.File + ": rebuild it")
	}
	if code, _, errOut := herald(t, "", "build-codebook", "--data", t.TempDir(), "--out", out); code != 1 || !strings.Contains(errOut, "cameo_eventcodes_goldstein_quad.tsv") {
		t.Errorf("missing data: exit %d, %q", code, errOut)
	}
}
