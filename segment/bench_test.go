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

// BenchmarkSplitWrapped splits the same text wrapped at 65 columns, as Reuters 1987 is,
// where every line break is judged by the shape of the lines around it.
func BenchmarkSplitWrapped(b *testing.B) {
	text := wrap(wireText(b, 100_000), 65)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []document.Sentence
	for b.Loop() {
		dst = Split(text, 0, len(text), dst[:0])
	}
}

// wrap breaks the lines of text greedily at width bytes.
func wrap(text string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for k, w := range strings.Fields(line) {
			if k > 0 && n+1+len(w) > width {
				b.WriteByte('\n')
				n = 0
			} else if k > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
	}
	return b.String()
}
