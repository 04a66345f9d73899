package segment

import (
	"os"
	"strings"
	"testing"

	"herald/document"
)

// tokenTexts splits text and returns the tokens of all sentences, joined by " ".
func tokenTexts(text string) string {
	var out []string
	for _, s := range Split(text, 0, len(text), nil) {
		for _, t := range s.Tokens {
			out = append(out, t.Text)
		}
	}
	return strings.Join(out, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"China's economy", "China 's economy"},
		{"China’s economy", "China ’s economy"},
		{"They can't go", "They ca n't go"},
		{"It won't work", "It wo n't work"},
		{"We don’t know", "We do n’t know"},
		{"I cannot say", "I can not say"},
		{"we're gonna win", "we 're gon na win"},
		{"I wanna go, you gotta stay", "I wan na go , you got ta stay"},
		{"they've, we'll, I'd, I'm", "they 've , we 'll , I 'd , I 'm"},
		{"THEY'RE HERE", "THEY 'RE HERE"},
		{"the students' union", "the students ' union"},
		{"O'Brien and rock'n'roll", "O'Brien and rock'n'roll"},
		{"a U.S.-led force", "a U.S. - led force"},
		{"search-engine results", "search - engine results"},
		{"Kassym-Jomart Tokayev", "Kassym - Jomart Tokayev"},
		{"e-mail and non-violent co-workers", "e-mail and non-violent co-workers"},
		{"a mid-July re-election", "a mid-July re-election"},
		{"a 15-year term", "a 15 - year term"},
		{"pages 3-4", "pages 3 - 4"},
		{"on 2024-05-20 at 10:30", "on 2024-05-20 at 10:30"},
		{"call 713-853-3989 or 345-9945", "call 713-853-3989 or 345-9945"},
		{"cost $5 or 1,000.50 euros", "cost $ 5 or 1,000.50 euros"},
		{"up 3.5% on 9/11", "up 3.5 % on 9/11"},
		{"at 10am, 1.4bn", "at 10 am , 1.4 bn"},
		{"the 5th and the 1990s", "the 5th and the 1990s"},
		{"Gen. Lee, Sen. Reed, No. 3", "Gen. Lee , Sen. Reed , No. 3"},
		{"Jan. 5 in Washington, D.C.", "Jan. 5 in Washington , D.C."},
		{"J.P. Morgan and J. Smith", "J.P. Morgan and J. Smith"},
		{"Acme Inc. and Bolt Corp.", "Acme Inc. and Bolt Corp."},
		{"e.g. this, i.e. that", "e.g. this , i.e. that"},
		{"at 5 p.m.", "at 5 p.m."},
		{"He left.", "He left ."},
		{"Really?!", "Really ?!"},
		{"Wait...", "Wait ..."},
		{"Wait…", "Wait …"},
		{"yes -- no", "yes -- no"},
		{"(AP) -- Rain", "( AP ) -- Rain"},
		{`"We will win."`, `" We will win . "`},
		{"“Quote” ‘single’", "“ Quote ” ‘ single ’"},
		{"see http://example.org/a?b=1.", "see http://example.org/a?b=1 ."},
		{"(www.example.org)", "( www.example.org )"},
		{"mail jane.doe@example.org.", "mail jane.doe@example.org ."},
		{"follow @herald_news!", "follow @herald_news !"},
		{"AT&T and b/c", "AT&T and b/c"},
		{"its role; its not fair", "its role ; it s not fair"},
		{"Zürich’s café", "Zürich ’s café"},
		{"great :)", "great :)"},
	}
	for _, tt := range tests {
		if got := tokenTexts(tt.in); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// boundaryCase is one case of testdata/boundaries.txt: the text, and the expected
// sentences.
type boundaryCase struct {
	text      string
	sentences []string
}

func readBoundaryCases(t testing.TB) []boundaryCase {
	t.Helper()
	data, err := os.ReadFile("testdata/boundaries.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []boundaryCase
	for _, block := range strings.Split(string(data), "\n\n") {
		block = strings.Trim(block, "\n")
		if block == "" || strings.HasPrefix(block, "#") {
			continue
		}
		var c boundaryCase
		for _, part := range strings.Split(block, "||") {
			c.sentences = append(c.sentences, strings.TrimSpace(part))
		}
		c.text = strings.ReplaceAll(strings.ReplaceAll(block, " || ", " "), " ||\n", "\n")
		cases = append(cases, c)
	}
	return cases
}

// TestBoundaries runs the hand-written suite of hard sentence boundaries: every case must
// split exactly at its marks.
func TestBoundaries(t *testing.T) {
	cases := readBoundaryCases(t)
	if len(cases) < 150 {
		t.Fatalf("only %d boundary cases, want at least 150", len(cases))
	}
	failures := 0
	for _, c := range cases {
		var got []string
		for _, s := range Split(c.text, 0, len(c.text), nil) {
			got = append(got, c.text[s.Start:s.End])
		}
		if strings.Join(got, " || ") != strings.Join(c.sentences, " || ") {
			failures++
			t.Errorf("\n got  %s\n want %s", strings.Join(got, " || "), strings.Join(c.sentences, " || "))
		}
	}
	t.Logf("%d/%d boundary cases pass", len(cases)-failures, len(cases))
}

func TestLineBreaks(t *testing.T) {
	wrapped := "The central bank raised its benchmark rate on Wednesday, citing\n" +
		"inflation risks, and said more increases were likely in the coming\n" +
		"months. Analysts had expected the move.\n" +
		"    The decision was unanimous, the bank said in a statement issued\n" +
		"after the meeting of its policy board"
	paragraphs := "The central bank raised its benchmark rate on Wednesday, citing inflation risks, and said more were likely\n" +
		"Analysts had expected the move, which was the third this year, according to a survey of economists\n"
	tests := []struct {
		name, text string
		want       int
	}{
		{"wrapped lines join; indent starts a paragraph", wrapped, 3},
		{"one paragraph per line: each break ends a sentence", paragraphs, 2},
		{"blank line always ends a sentence", "Rates rose\n\nBonds fell", 2},
		{"short heading line", "RATES RISE AGAIN\nThe bank acted on Wednesday and said more\nincreases were likely in the coming months as prices rose.", 2},
	}
	for _, tt := range tests {
		got := Split(tt.text, 0, len(tt.text), nil)
		if len(got) != tt.want {
			var parts []string
			for _, s := range got {
				parts = append(parts, tt.text[s.Start:s.End])
			}
			t.Errorf("%s: %d sentences, want %d: %q", tt.name, len(got), tt.want, parts)
		}
	}
}

func TestAnnotateSkipsDatelineAndMarks(t *testing.T) {
	text := "ASTANA, May 20 (Xinhua) -- Leaders met. They agreed.\nBy Jane Doe\nTalks end today. ■"
	doc := &document.Document{
		Text:     text,
		Dateline: &document.Dateline{Start: 0, End: strings.Index(text, "Leaders")},
		Marks: []document.Mark{
			{Kind: document.MarkByline, Start: strings.Index(text, "By Jane"), End: strings.Index(text, "Talks")},
			{Kind: document.MarkEndOfStory, Start: strings.Index(text, "■"), End: len(text)},
		},
	}
	Annotate(doc)
	var got []string
	for _, s := range doc.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Leaders met.", "They agreed.", "Talks end today."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSplitAbsoluteOffsets(t *testing.T) {
	text := "IGNORED. Rates rose. Bonds fell. IGNORED"
	start, end := strings.Index(text, "Rates"), strings.LastIndex(text, " IGNORED")
	got := Split(text, start, end, nil)
	if len(got) != 2 || got[0].Start != start || got[1].End != end {
		t.Fatalf("got %+v", got)
	}
	for _, s := range got {
		for _, tok := range s.Tokens {
			if tok.Text != text[tok.Start:tok.End] {
				t.Errorf("token %q does not match text[%d:%d]", tok.Text, tok.Start, tok.End)
			}
		}
	}
}

// TestEvaluateEWT checks the acceptance targets on UD English-EWT test: token F1 >= 98.5
// and sentence F1 >= 85.
func TestEvaluateEWT(t *testing.T) {
	f, err := os.Open("../../shared/data/ud/ewt/en_ewt-ud-test.conllu")
	if err != nil {
		t.Skipf("EWT test treebank not available (%v): needs ../shared/data beside the repository", err)
	}
	defer f.Close()
	sc, err := Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT test: token P/R/F1 %.2f/%.2f/%.2f, sentence P/R/F1 %.2f/%.2f/%.2f (%d sentences, %d tokens)",
		sc.TokenP, sc.TokenR, sc.TokenF1, sc.SentP, sc.SentR, sc.SentF1, sc.Sentences, sc.Tokens)
	if sc.Sentences != 2077 {
		t.Errorf("%d gold sentences, want 2077", sc.Sentences)
	}
	if sc.TokenF1 < 98.5 || sc.SentF1 < 85 {
		t.Errorf("below target: token F1 %.2f (want >= 98.5), sentence F1 %.2f (want >= 85)", sc.TokenF1, sc.SentF1)
	}
}

func TestEvaluateSmall(t *testing.T) {
	const treebank = "# newdoc id = d1\n" +
		"# sent_id = 1\n" +
		"# text = He can't go.\n" +
		"1\tHe\the\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n" +
		"2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
		"4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n" +
		"\n" +
		"# sent_id = 2\n" +
		"# text = Fine thanks\n" +
		"1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\t_\n" +
		"2\tthanks\tthanks\tNOUN\tNN\t_\t1\tdiscourse\t_\t_\n" +
		"\n" +
		"# newpar\n" +
		"# sent_id = 3\n" +
		"# text = Bye\n" +
		"1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n"
	sc, err := Evaluate(strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	// Text "He can't go. Fine thanks\n\nBye": Split finds He ca n't go . | Fine thanks |
	// Bye, so all 8 tokens and 3 sentences match.
	if sc.Tokens != 8 || sc.Sentences != 3 || sc.TokenF1 != 100 || sc.SentF1 != 100 {
		t.Errorf("got %+v", sc)
	}
	// A form missing from its "# text" is an error that names the line.
	bad := strings.Replace(treebank, "1\tBye", "1\tHello", 1)
	if _, err := Evaluate(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line 19") {
		t.Errorf("error %v, want one at line 19", err)
	}
}
