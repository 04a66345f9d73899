package output

import (
	"bytes"
	"strings"
	"testing"

	"herald/document"
)

func TestWriterFormats(t *testing.T) {
	doc := &document.Document{ID: "d1", Text: "Hi.", Events: []document.Event{{Doc: "d1", CAMEO: "040"}, {Doc: "d1", CAMEO: "051"}},
		Sentences: []document.Sentence{{Start: 0, End: 3, Tokens: []document.Token{{Start: 0, End: 2, Text: "Hi"}, {Start: 2, End: 3, Text: "."}}}}}
	for _, tc := range []struct {
		format       Format
		pretty, evts bool
		lines        int
		has          string
	}{
		{JSONL, false, false, 1, `"id":"d1"`},
		{JSONL, true, false, 0, "\n  \"id\": \"d1\""},
		{CoNLLU, false, false, 0, "1\tHi\t"},
		{JSONL, false, true, 2, `"cameo":"051"`},
	} {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, tc.format, tc.pretty, tc.evts)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(doc); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		out := buf.String()
		if !strings.Contains(out, tc.has) {
			t.Errorf("%s pretty=%v events=%v: output lacks %q:\n%s", tc.format, tc.pretty, tc.evts, tc.has, out)
		}
		if tc.lines > 0 && strings.Count(out, "\n") != tc.lines {
			t.Errorf("%s events=%v: %d lines, want %d", tc.format, tc.evts, strings.Count(out, "\n"), tc.lines)
		}
	}
}

func TestWriterRejectsUnknownFormats(t *testing.T) {
	if _, err := NewWriter(&bytes.Buffer{}, "xml", false, false); err == nil {
		t.Error("analyze accepted format xml")
	}
	if _, err := NewWriter(&bytes.Buffer{}, CoNLLU, false, true); err == nil {
		t.Error("code accepted format conllu")
	}
}
