package clean

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"herald/document"
)

// checkRepairs asserts the invariants every Result must hold.
func checkRepairs(t testing.TB, res Result) {
	t.Helper()
	prevEnd := 0
	for i, r := range res.Repairs {
		if r.Start < prevEnd || r.End < r.Start || r.End > len(res.Text) {
			t.Fatalf("repair %d %+v out of order or bounds (text length %d)", i, r, len(res.Text))
		}
		if got := res.Text[r.Start:r.End]; got != r.After {
			t.Fatalf("repair %d: Text[%d:%d] = %q, After = %q", i, r.Start, r.End, got, r.After)
		}
		prevEnd = r.End
	}
}

func TestMojibake(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"apostrophe", "The minister didnâ€™t comment.", "The minister didn’t comment."},
		{"quotes", "He called it â€œa turning pointâ€\u009d.", "He called it “a turning point”."},
		{"dash and ellipsis", "Talks resumed â€” slowlyâ€¦", "Talks resumed — slowly…"},
		{"latin-1 accents", "The cafÃ© in SÃ£o Paulo served crÃ¨me brÃ»lÃ©e.", "The café in São Paulo served crème brûlée."},
		{"upper case", "MÃœNCHEN and ZÃœRICH", "MÜNCHEN and ZÜRICH"},
		{"degree and pound", "It was 30Â°C and cost Â£20.", "It was 30°C and cost £20."},
		{"nbsp", "Page\u00a0one: 10Â\u00a0km away", "Page one: 10 km away"},
		{"double", "The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t smile.", "The Mona Lisa doesn’t smile."},
		{"double accent", "Pelé (nÃƒÂ© Edson)", "Pelé (né Edson)"},
		{"end mark", "They met the press. â–\u00a0", "They met the press. ■"},
		{"turkish", "HÄ±rsÄ±z yakalandÄ±", "Hırsız yakalandı"},
		{"greek", "Î‘Î¸Î®Î½Î±", "Αθήνα"},
		{"russian", "ÐœÐ¾Ñ\u0081ÐºÐ²Ð°", "Москва"},
		{"chinese", "åŒ—äº¬", "北京"},
		{"emoji", "Great news ðŸ˜€", "Great news 😀"},
		{"c1 quotes", "\u0093Quoted\u0094 text", "“Quoted” text"},
		{"lost nbsp", "Il est allÃ© voilÃ  la gare.", "Il est allé voilà la gare."},
		{"romanian", "BucureÈ™ti", "București"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want {
				t.Errorf("got %q, want %q", res.Text, tt.want)
			}
			if len(res.Repairs) == 0 {
				t.Errorf("no repair recorded")
			}
			checkRepairs(t, res)
		})
	}
}

// TestLegitimateText lists text that looks a little like mojibake but is not.
func TestLegitimateText(t *testing.T) {
	for _, s := range []string{
		"Mötley Crüe played in Zürich.",
		"The café served naïve crème brûlée; Ðemo is Icelandic.",
		"CHÂTEAU MARGAUX and the Âge d'or",
		"Prices: £100, 10 €, ©2024, 80°C, ×2, ½ cup, ¿Qué?, ¡Olé!",
		"Señor Muñoz, São Paulo, Kraków, Øresund, Ærø, Þórshöfn.",
		"à la carte, déjà vu, où est-il? Ça va. Ô Canada. À bientôt.",
		"IRMÃ” and MAÇÃ…", // Portuguese capitals before a quote or an ellipsis
		"5×£35 and “×” marks, 4288×…",
		"ZZAJÉ’s fan list; NESTLÉ® products; QUEM É¿",
		"Dråber and Ångström: 10 Å—",
		"“Αθήνα” and «Москва» and 北京 and 😀",
	} {
		res, err := Text(s)
		if err != nil {
			t.Fatal(err)
		}
		if res.Text != s || len(res.Repairs) != 0 {
			t.Errorf("changed %q to %q (repairs %+v)", s, res.Text, res.Repairs)
		}
	}
}

func TestWhitespace(t *testing.T) {
	tests := []struct {
		name, in, want string
		repairs        int
	}{
		{"crlf", "one\r\ntwo\rthree", "one\ntwo\nthree", 0},
		{"tabs and spaces", "a\t\tb   c", "a b c", 0},
		{"trailing", "line one   \nline two\t\n", "line one\nline two", 0},
		{"blank lines", "para one\n\n\n\n\npara two", "para one\n\npara two", 0},
		{"spaces around blank line", "a  \n \t \n  b", "a\n\nb", 0},
		{"trim", "  \n\n  text  \n\n", "text", 0},
		{"unicode spaces", "a\u00a0b\u2009c\u3000d\u202fe", "a b c d e", 0},
		{"line separators", "a\u2028b\u2029c", "a\nb\n\nc", 0},
		{"control inside word", "ab\x01cd", "abcd", 1},
		{"controls coalesce", "ab\x01\x02\x7fcd", "abcd", 1},
		{"control in spaces", "ab \x01 cd", "ab cd", 1},
		{"zero width and soft hyphen", "inter\u00adnational\u200b news\ufeff", "international news", 3},
		{"c1 undefined", "a\u0081b", "ab", 1},
		{"zwj kept", "👩\u200d💻 and فارسی\u200cها", "👩\u200d💻 and فارسی\u200cها", 0},
		{"nfc", "cafe\u0301 and A\u030a", "café and Å", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want {
				t.Errorf("got %q, want %q", res.Text, tt.want)
			}
			if len(res.Repairs) != tt.repairs {
				t.Errorf("got %d repairs %+v, want %d", len(res.Repairs), res.Repairs, tt.repairs)
			}
			checkRepairs(t, res)
		})
	}
}

// TestRepairOffsets runs several passes over one text and checks that every repair still
// points at its After in the final text.
func TestRepairOffsets(t *testing.T) {
	in := "A\x01B  and\r\n\r\n\r\nthe cafÃ©   served\tâ€œteaâ€\u009d \x02\x03 then  â–\u00a0"
	res, err := Text(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "AB and\n\nthe café served “tea” then ■"
	if res.Text != want {
		t.Fatalf("got %q, want %q", res.Text, want)
	}
	checkRepairs(t, res)
	wantRepairs := []document.Repair{
		{Kind: "control", Start: 1, End: 1, Before: "\x01", After: ""},
		{Kind: "mojibake", Start: 15, End: 17, Before: "Ã©", After: "é"},
		{Kind: "mojibake", Start: 25, End: 28, Before: "â€œ", After: "“"},
		{Kind: "mojibake", Start: 31, End: 34, Before: "â€\u009d", After: "”"},
		{Kind: "control", Start: 34, End: 35, Before: " \x02\x03 ", After: " "},
		{Kind: "mojibake", Start: 40, End: 43, Before: "â–\u00a0", After: "■"},
	}
	if len(res.Repairs) != len(wantRepairs) {
		t.Fatalf("got repairs %+v", res.Repairs)
	}
	for i, r := range res.Repairs {
		if r != wantRepairs[i] {
			t.Errorf("repair %d = %+v, want %+v", i, r, wantRepairs[i])
		}
	}
}

func TestCharsets(t *testing.T) {
	utf16le := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = append(b, 0xff, 0xfe)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	utf16be := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = append(b, 0xfe, 0xff)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return b
	}
	tests := []struct {
		name     string
		in       []byte
		charset  string
		want     string
		problems int
	}{
		{"ascii", []byte("Plain news text."), "utf-8", "Plain news text.", 0},
		{"utf-8 bom", []byte("\xef\xbb\xbfCafé"), "utf-8", "Café", 0},
		{"utf-16le bom", utf16le("Café 😀 news", true), "utf-16le", "Café 😀 news", 0},
		{"utf-16be bom", utf16be("Café news", true), "utf-16be", "Café news", 0},
		{"utf-16le sniffed", utf16le("Kazakh President met the press.", false), "utf-16le", "Kazakh President met the press.", 0},
		{"utf-16be sniffed", utf16be("Kazakh President met the press.", false), "utf-16be", "Kazakh President met the press.", 0},
		{"utf-16 unpaired surrogate", append(utf16le("ab", true), 0x00, 0xd8, 'c', 0), "utf-16le", "ab\ufffdc", 1},
		{"windows-1252", []byte("\x93Caf\xe9\x94 \x96 5\x80"), "windows-1252", "“Café” – 5€", 0},
		{"latin-1", []byte("Caf\xe9 \x81 ok"), "iso-8859-1", "Café ok", 0},
		{"utf-8 with an error", []byte("Café is \xff great, très bien"), "utf-8", "Café is \ufffd great, très bien", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Clean(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != tt.charset || res.Text != tt.want || len(res.Problems) != tt.problems {
				t.Errorf("got %s %q problems %v, want %s %q %d problems", res.Charset, res.Text, res.Problems,
					tt.charset, tt.want, tt.problems)
			}
			checkRepairs(t, res)
		})
	}
}

func TestInvalidUTF8Problem(t *testing.T) {
	res, err := Clean([]byte("Straße \xc3( and ü"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || res.Problems[0].Offset != 8 || res.Problems[0].Msg != "invalid UTF-8 byte 0xC3 at byte 8" {
		t.Fatalf("problems = %+v", res.Problems)
	}
	if len(res.Repairs) != 1 || res.Repairs[0].Kind != "invalid-utf8" || res.Repairs[0].Before != "\xc3" {
		t.Fatalf("repairs = %+v", res.Repairs)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		sentinel error
		msg      string
	}{
		{"empty", nil, ErrEmpty, "empty document (0 bytes)"},
		{"whitespace", []byte(" \r\n\t\u00a0"), ErrEmpty, "empty document: 6 bytes of only whitespace, control characters or byte-order marks"},
		{"bom only", []byte("\xef\xbb\xbf"), ErrEmpty, "empty document: 3 bytes of only whitespace, control characters or byte-order marks"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ErrBinary, "binary data at byte 0 (PNG image), not text"},
		{"pdf", []byte("%PDF-1.7\n"), ErrBinary, "binary data at byte 0 (PDF document), not text"},
		{"gzip", []byte("\x1f\x8b\x08\x00"), ErrBinary, "binary data at byte 0 (gzip data), not text"},
		{"zip", []byte("PK\x03\x04rest"), ErrBinary, "binary data at byte 0 (ZIP archive), not text"},
		{"nul", []byte("some text\x00\x01\x02 then more text here"), ErrBinary, "binary data at byte 9 (NUL byte), not text"},
		{"controls", []byte("a\x01\x02\x03\x04b"), ErrBinary, "binary data at byte 1 (4 of 6 bytes are control codes), not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Clean(tt.in)
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("err = %v, want %v", err, tt.sentinel)
			}
			if err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err.Error(), tt.msg)
			}
		})
	}
}

func TestIdempotent(t *testing.T) {
	for _, s := range []string{
		"voilÃ  le travail et cafÃ©",
		"Ã\x01© and Ã \u200bs",
		"x\u0301\x01\u0301 A\x01\u030a",
	} {
		first, err := Text(s)
		if err != nil {
			t.Fatal(err)
		}
		second, err := Text(first.Text)
		if err != nil {
			t.Fatal(err)
		}
		if second.Text != first.Text || len(second.Repairs) != 0 {
			t.Errorf("%q: first %q, second %q %+v", s, first.Text, second.Text, second.Repairs)
		}
	}
}

// TestAstana checks the reference article: its end-of-story mark "â–" plus an NBSP is one
// mojibake repair to "■".
func TestAstana(t *testing.T) {
	raw, err := os.ReadFile("../../shared/examples/astana.txt")
	if err != nil {
		t.Skipf("reference article not available: %v", err)
	}
	res, err := Clean(raw)
	if err != nil {
		t.Fatal(err)
	}
	checkRepairs(t, res)
	if !strings.Contains(res.Text, "■") || strings.Contains(res.Text, "â") {
		t.Errorf("text ends %q", res.Text[max(0, len(res.Text)-40):])
	}
	want := document.Repair{Kind: "mojibake", Start: 3406, End: 3409, Before: "â–\u00a0", After: "■"}
	if len(res.Repairs) != 1 || res.Repairs[0] != want {
		t.Errorf("repairs = %+v, want [%+v]", res.Repairs, want)
	}
	if res.Charset != "utf-8" || len(res.Problems) != 0 {
		t.Errorf("charset %s, problems %v", res.Charset, res.Problems)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "Plain text.", "cafÃ© â€œquoteâ€\u009d", "doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t", "â–\u00a0",
		"a\r\n\r\n\r\nb\x01c", "\xff\xfeH\x00i\x00", "Caf\xe9 \x93x\x94", "bad \xc3( utf8",
		"voilÃ  le", "Ã s crianÃ§as", "í\u00a0½í¸\u008d", "Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹", "e\u0301\x01\u0301",
		"\x89PNG\r\n\x1a\n", "à¸ à¸²à¸©à¸²",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := Clean(raw)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 output %q", res.Text)
		}
		if !norm.NFC.IsNormalString(res.Text) {
			t.Fatalf("output not NFC: %q", res.Text)
		}
		checkRepairs(t, res)
		again, err := Text(res.Text)
		if err != nil {
			t.Fatalf("cleaning the output %q: %v", res.Text, err)
		}
		if again.Text != res.Text {
			t.Fatalf("not idempotent:\n in:     %q\n first:  %q\n second: %q", raw, res.Text, again.Text)
		}
	})
}
