package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalCoded(t *testing.T) {
	line := `{"doc":"d1","sentence":2,"source":{"text":"the minister","code":"GOV"},"target":{"text":"Reuters","code":"MED"},"cameo":"010","root":"01","evidence":{"verb":"told"},"negated":false}`
	code, out, errOut := herald(t, line+"\n"+line+"\n", "eval", "coded", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	for _, kv := range []string{"countryless_pct=100.00", "media_speech=2", "media_reuters=2", "events=2", "documents=1", "sentences=1"} {
		if !strings.Contains(last, kv) {
			t.Errorf("last line %q lacks %s", last, kv)
		}
	}

	path := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(path, []byte(line+"\n{\"doc\":\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = herald(t, "", "eval", "coded", path)
	if code != 1 || !strings.Contains(errOut, path+":line 2: ") {
		t.Errorf("bad line: exit %d, stderr %q; want 1 and the file and line named", code, errOut)
	}
	if code, _, _ = herald(t, "", "eval", "coded"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}
