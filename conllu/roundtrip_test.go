package conllu

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"testing"
)

// TestRoundTripTreebanks reads the UD treebanks and writes them back. EWT must come out
// byte-identical, which checks that the reader keeps everything the writer needs; PUD places
// a few free comments after "# text", which the writer moves before it, so PUD must read
// back to the same sentences.
func TestRoundTripTreebanks(t *testing.T) {
	files := []struct {
		name  string
		exact bool
	}{
		{"../../shared/data/ud/ewt/en_ewt-ud-dev.conllu", true},
		{"../../shared/data/ud/ewt/en_ewt-ud-test.conllu", true},
		{"../../shared/data/ud/pud/en_pud-ud-test.conllu", false},
	}
	for _, file := range files {
		name := file.name
		data, err := os.ReadFile(name)
		if err != nil {
			t.Skipf("treebank not available (%v): needs ../shared/data/ud beside the repository", err)
		}
		var out bytes.Buffer
		r, w := NewReader(bytes.NewReader(data)), NewWriter(&out)
		for {
			s, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s:%v", name, err)
			}
			if err := w.Write(s); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		if !file.exact {
			a, b := readAll(t, data), readAll(t, out.Bytes())
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: sentences differ after a round trip", name)
			}
			continue
		}
		if !bytes.Equal(out.Bytes(), data) {
			got, want := out.Bytes(), data
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			lo := max(0, i-200)
			t.Errorf("%s: round trip differs at byte %d:\ngot  %q\nwant %q", name, i, got[lo:min(len(got), i+100)], want[lo:min(len(want), i+100)])
		}
	}
}

func readAll(t *testing.T, data []byte) []*Sentence {
	t.Helper()
	var all []*Sentence
	r := NewReader(bytes.NewReader(data))
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			return all
		}
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, s)
	}
}
