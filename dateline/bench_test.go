package dateline

import (
	"strings"
	"testing"

	"herald/document"
)

// benchStory is a wire story of about 6 KB: a headline, a byline, a dateline, prose, credits.
func benchStory() string {
	var b strings.Builder
	b.WriteString("Grain talks resume in Geneva\nBy Jane Doe, Associated Press\n")
	b.WriteString("GENEVA, Jan. 5, 2024 (AP) — ")
	for b.Len() < 6000 {
		b.WriteString("Trade ministers from twelve countries resumed talks on grain exports on Friday, officials said.\n")
	}
	b.WriteString("(Reporting by Ann Lee; Editing by Bo Chan)\n(c) 2024 AP")
	return b.String()
}

func BenchmarkAnnotate(b *testing.B) {
	text := benchStory()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc := &document.Document{Text: text}
		Annotate(doc)
	}
}

func BenchmarkParse(b *testing.B) {
	const header = "UNITED NATIONS, Sept. 3 (Xinhua) -- The Security Council met."
	b.ReportAllocs()
	for b.Loop() {
		Parse(header)
	}
}
