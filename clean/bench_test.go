package clean

import (
	"fmt"
	"strings"
	"testing"
)

// newsText builds about size bytes of news-like English text of our own, with a few
// accented names and typographic quotes, as typical agency copy has.
func newsText(size int, mojibake bool) []byte {
	paras := []string{
		"BRUSSELS, March 3 (Herald) -- Foreign ministers of the bloc met on Monday to discuss a new trade framework with their southern neighbours, officials said.",
		"“We are close to an agreement,” said the spokeswoman, Anne-Marie Lefèvre, adding that talks in São Paulo next week would settle the remaining questions.",
		"The minister, who arrived from Zürich late on Sunday, declined to comment on reports that the deal had been delayed by a dispute over farm subsidies.",
		"Analysts at the institute said the framework could raise exports by 3.5 percent over five years, though critics warned of costs for smaller producers.",
	}
	if mojibake {
		paras[1] = "â€œWe are close to an agreement,â€\u009d said the spokeswoman, Anne-Marie LefÃ¨vre, adding that talks in SÃ£o Paulo next week would settle the remaining questions."
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(paras[i%len(paras)])
		if i%3 == 2 {
			b.WriteString("\r\n\r\n")
		} else {
			b.WriteString(" ")
		}
	}
	return []byte(b.String())
}

func BenchmarkClean(b *testing.B) {
	raw := newsText(100_000, false)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Clean(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCleanASCII(b *testing.B) {
	raw := []byte(strings.Repeat("The ministers met on Monday to discuss trade, officials said.\n", 1600))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Clean(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCleanMojibake(b *testing.B) {
	raw := newsText(100_000, true)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Clean(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCleanWindows1252(b *testing.B) {
	raw := []byte(strings.ReplaceAll(string(newsText(100_000, false)), "è", "\xe8"))
	raw = []byte(strings.NewReplacer("è", "\xe8", "ã", "\xe3", "ü", "\xfc", "“", "\x93", "”", "\x94").Replace(string(raw)))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Clean(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleText() {
	res, err := Text("The minister didnâ€™t comment.\r\n\r\n\r\nTalks resume on Monday. â–\u00a0")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", res.Text)
	for _, r := range res.Repairs {
		fmt.Printf("%s [%d,%d) %q -> %q\n", r.Kind, r.Start, r.End, r.Before, r.After)
	}
	// Output:
	// "The minister didn’t comment.\n\nTalks resume on Monday. ■"
	// mojibake [17,20) "â€™" -> "’"
	// mojibake [56,59) "â–\u00a0" -> "■"
}
