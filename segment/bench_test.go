package segment

import (
	"strings"
	"testing"

	"herald/document"
)

// wireText builds about size bytes of wire-style text from the boundary suite, which
// was written for this package, with paragraph breaks between cases.
func wireText(tb testing.TB, size int) string {
	var paragraphs []string
	for _, c := range readBoundaryCases(tb) {
		paragraphs = append(paragraphs, c.text)
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(paragraphs[i%len(paragraphs)])
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkSplit(b *testing.B) {
	text := wireText(b, 100_000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []document.Sentence
	for b.Loop() {
		dst = Split(text, 0, len(text), dst[:0])
	}
}
