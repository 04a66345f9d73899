package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goodStory is a small wire story of our own; every batch below holds one, and it must come
// through whatever else the batch holds.
const goodStory = "LIMA, April 2 (EFE) -- Peru's Congress on Tuesday approved a new cabinet. The vote was 78 to 40.\n"

// TestBadInputBatchGoesOn feeds each kind of bad input together with a good document and
// checks that the bad one is named on stderr, the good one is still analysed, and the exit
// status is 1.
func TestBadInputBatchGoesOn(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
	cases := []struct {
		name    string
		file    string
		content []byte
		wantErr []string // substrings of stderr
		wantOut int      // documents expected on stdout, the good one included
	}{
		{"empty file", "empty.txt", nil, []string{"empty.txt", "empty"}, 1},
		{"binary file", "pixel.png", png, []string{"pixel.png", "binary"}, 1},
		{"invalid UTF-8 mid-sentence", "broken.txt",
			[]byte("PARIS (AFP) - The minister said the talks were \xe9\xff\xfe productive and would go on. Officials agreed — “completely”.\n"),
			[]string{"broken.txt@", "invalid UTF-8"}, 2},
		{"JSONL line that is not JSON", "batch.jsonl",
			[]byte(`{"id":"a","text":"ROME (ANSA) - Italy's president met the pope on Friday."}` + "\n" +
				`{"id":"b","text": this is not json}` + "\n" +
				`{"id":"c","text":"MADRID (EFE) - Spain recalled its ambassador."}` + "\n"),
			[]string{"batch.jsonl:2:"}, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "a-good.txt"), []byte(goodStory), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tc.file), tc.content, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := herald(t, "", "analyze", "--today", today, dir)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q does not mention %q", errOut, w)
				}
			}
			docs := decodeDocs(t, out)
			if len(docs) != tc.wantOut {
				t.Errorf("%d documents on stdout, want %d", len(docs), tc.wantOut)
			}
			if !strings.Contains(out, "Congress on Tuesday approved") {
				t.Error("the good document of the batch is missing from the output")
			}
		})
	}
}

func TestHugeSingleLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// 50 MB of words and no newline: refused by the size limit without being read.
	chunk := bytes.Repeat([]byte("word "), 1<<16)
	for written := 0; written < 50<<20; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte(goodStory), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := herald(t, "", "analyze", "--today", today, path, good)
	if code != 1 || !strings.Contains(errOut, "huge.txt") || !strings.Contains(errOut, "limit") {
		t.Errorf("exit %d, stderr %q: want exit 1 naming huge.txt and the limit", code, errOut)
	}
	if len(decodeDocs(t, out)) != 1 {
		t.Error("the good document after the huge one is missing")
	}
}

func TestUnreadablePath(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.txt")
	if err := os.WriteFile(good, []byte(goodStory), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := herald(t, "", "analyze", "--today", today, "/nonexistent/story.txt", good)
	if code != 1 || !strings.Contains(errOut, "/nonexistent/story.txt") {
		t.Errorf("exit %d, stderr %q: want exit 1 naming the missing path", code, errOut)
	}
	if len(decodeDocs(t, out)) != 1 {
		t.Error("the good document after the missing one is missing")
	}
}

func TestStdin(t *testing.T) {
	code, out, errOut := herald(t, goodStory, "analyze", "--today", today, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	docs := decodeDocs(t, out)
	if len(docs) != 1 || docs[0].Source != "-" || docs[0].Dateline == nil || docs[0].Dateline.Place != "Lima" {
		t.Errorf("stdin document = %+v", docs)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"analyze"},
		{"analyze", "--no-such-flag", "x"},
		{"analyze", "--format", "xml", "x"},
		{"analyze", "--date", "20 May", "x"},
		{"eval"},
		{"eval", "segment"},
		{"nonsense"},
	} {
		if code, _, errOut := herald(t, "", args...); code != 2 || errOut == "" {
			t.Errorf("herald %v: exit %d, stderr %q; want exit 2 with a message", args, code, errOut)
		}
	}
}

func TestHelpShowsExamples(t *testing.T) {
	for _, cmd := range [][]string{{}, {"analyze"}, {"code"}, {"eval"}, {"eval", "segment"}, {"bench"}, {"version"}, {"train", "tagger"}, {"train", "parser"}, {"eval", "syntax"}, {"eval", "ner"}, {"train", "ner"}, {"build-gazetteer"}} {
		code, out, _ := herald(t, "", append(cmd, "--help")...)
		if code != 0 || !strings.Contains(out, "Examples:") {
			t.Errorf("herald %v --help: exit %d, no Examples section", cmd, code)
		}
	}
}

func TestCodeAcceptsInputs(t *testing.T) {
	code, out, errOut := herald(t, "", "code", "--today", today, "../../examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// geneva-talks.txt: "Armenian Foreign Minister Ararat Mirzoyan met his Azerbaijani
	// counterpart Jeyhun Bayramov".
	if !strings.Contains(out, `"source":{"text":"Armenian Foreign Minister Ararat Mirzoyan","code":"ARMGOV"`) ||
		!strings.Contains(out, `"cameo":"040"`) {
		t.Errorf("code did not find the Geneva meeting (ARMGOV 040 AZEGOV):\n%s", out)
	}
}
