package timex

import (
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// benchText is about 64 KB of news-like prose with a time expression every few sentences.
func benchText() string {
	const para = "Kazakh President Kassym-Jomart Tokayev on Monday met here with the visiting foreign minister. " +
		"The two sides agreed to expand trade, which rose 12 percent in 2023, and to hold further talks next month. " +
		"Officials said the agreement, first discussed on May 3, would be signed at a ceremony in the capital. " +
		"Analysts expect more than 2,000 delegates to attend the forum, which may draw criticism from opposition groups.\n"
	return strings.Repeat(para, 64*1024/len(para))
}

func BenchmarkFind(b *testing.B) {
	text := benchText()
	anchor := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, anchor)
	}
}

// BenchmarkFindReuters measures Find on real wire copy (the first 4 MB of the 1987 Reuters
// corpus, JSON escapes and all) when the shared corpus is present.
func BenchmarkFindReuters(b *testing.B) {
	f, err := os.Open("../../shared/data/news/reuters21578.jsonl.gz")
	if err != nil {
		b.Skipf("shared corpus not available (%v)", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 4<<20))
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	anchor := time.Date(1987, 3, 2, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, anchor)
	}
}
