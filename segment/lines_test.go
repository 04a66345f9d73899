package segment

import (
	"strings"
	"testing"
)

// TestHardLineBreaks checks which single line breaks end a sentence: in text wrapped at a
// fixed width a line break inside running text is a space, while blank lines, headings,
// list items and table rows end sentences. The texts are written for Herald in the shape
// of 1980s wire copy (wrapped at about 65 columns, dateline "PLACE, Month D - ").
func TestHardLineBreaks(t *testing.T) {
	tests := []struct {
		name string
		// from is where the region starts: the text before it is a dateline that
		// Annotate skips. Empty: the whole text.
		from string
		text string
		want []string
	}{
		{
			name: "dateline then a wrapped lead: the rest of the first line is no heading",
			from: "The Peruvian",
			text: "LIMA, March 4 - The Peruvian Finance Minister Alonso\n" +
				"Segura said the government would cut fuel taxes in the second\n" +
				"half of the year to ease the pressure of higher prices.\n" +
				"He gave no figure for the cost of the measure to the budget.",
			want: []string{
				"The Peruvian Finance Minister Alonso\nSegura said the government would cut fuel taxes in the second\nhalf of the year to ease the pressure of higher prices.",
				"He gave no figure for the cost of the measure to the budget.",
			},
		},
		{
			name: "wrapped running text: a break before a capitalised word is a space",
			text: "The ministers of the two countries met for three hours in the\n" +
				"capital on Tuesday and agreed to ask the Asian Development\n" +
				"Bank for a loan to rebuild the bridge that links the towns of\n" +
				"Puerto Alegre and Santa Rosa across the river, officials said.",
			want: []string{
				"The ministers of the two countries met for three hours in the\ncapital on Tuesday and agreed to ask the Asian Development\nBank for a loan to rebuild the bridge that links the towns of\nPuerto Alegre and Santa Rosa across the river, officials said.",
			},
		},
		{
			name: "a short line that ends in a preposition goes on",
			from: "Acme",
			text: "OSLO, May 6 - Acme Bank, a unit of\n" +
				"Nordic Holdings, said on Wednesday it had sold its shipping\n" +
				"loans to a group of investors for an undisclosed sum.",
			want: []string{
				"Acme Bank, a unit of\nNordic Holdings, said on Wednesday it had sold its shipping\nloans to a group of investors for an undisclosed sum.",
			},
		},
		{
			name: "a title-case headline ends before the body, even when long",
			text: "Peru Central Bank Holds Reference Rate Steady\n" +
				"The central bank of Peru held its reference rate at 5.5 pct\n" +
				"on Thursday, saying inflation had slowed for a third month.",
			want: []string{
				"Peru Central Bank Holds Reference Rate Steady",
				"The central bank of Peru held its reference rate at 5.5 pct\non Thursday, saying inflation had slowed for a third month.",
			},
		},
		{
			name: "an all-caps headline ends before the body",
			text: "PERU CENTRAL BANK HOLDS RATES AS PRICES SLOW\n" +
				"The central bank of Peru held its reference rate at 5.5 pct\n" +
				"on Thursday, saying inflation had slowed for a third month.",
			want: []string{
				"PERU CENTRAL BANK HOLDS RATES AS PRICES SLOW",
				"The central bank of Peru held its reference rate at 5.5 pct\non Thursday, saying inflation had slowed for a third month.",
			},
		},
		{
			name: "a title-case line inside a paragraph is running text",
			text: "The agreement was signed in Geneva by the Foreign Minister of\n" +
				"Peru and the Deputy Foreign Minister of Chile, Ana Maria\n" +
				"Soto, after talks that lasted for most of the week.",
			want: []string{
				"The agreement was signed in Geneva by the Foreign Minister of\nPeru and the Deputy Foreign Minister of Chile, Ana Maria\nSoto, after talks that lasted for most of the week.",
			},
		},
		{
			name: "blank lines end paragraphs, a paragraph without a full stop too",
			text: "The talks will resume on Monday, a spokesman for the ministry\n" +
				"said\n\n" +
				"Both sides said they expected a deal before the end of the year\n" +
				"and that the main points had been settled.",
			want: []string{
				"The talks will resume on Monday, a spokesman for the ministry\nsaid",
				"Both sides said they expected a deal before the end of the year\nand that the main points had been settled.",
			},
		},
		{
			name: "list items in wrapped text",
			text: "The plan approved by the cabinet on Friday includes these steps:\n" +
				"- A cut in fuel taxes of five pct from July\n" +
				"- Higher pensions for retired farmers and fishermen in the\n" +
				"northern provinces\n" +
				"* Ten new schools\n" +
				"1) More money for roads",
			want: []string{
				"The plan approved by the cabinet on Friday includes these steps:",
				"- A cut in fuel taxes of five pct from July",
				"- Higher pensions for retired farmers and fishermen in the\nnorthern provinces",
				"* Ten new schools",
				"1) More money for roads",
			},
		},
		{
			name: "a dash that wrapping put at a line start is no bullet",
			text: "Deposits on call with the central bank rose to 4.2 billion crowns\n" +
				"- mainly government funds - in the week to Friday, it said.",
			want: []string{
				"Deposits on call with the central bank rose to 4.2 billion crowns\n- mainly government funds - in the week to Friday, it said.",
			},
		},
		{
			name: "table rows: the next row's first word would have fitted on the line",
			text: "The company gave these results for its first quarter ended March 31.\n" +
				"Shr profit 24 cts vs loss 21 cts\n" +
				"Net profit 1,204,000 dlrs vs loss 1,050,000 dlrs\n" +
				"Revs 15.2 mln vs 14.9 mln\n" +
				"Year\n" +
				"Shr 90 cts vs 80 cts",
			want: []string{
				"The company gave these results for its first quarter ended March 31.",
				"Shr profit 24 cts vs loss 21 cts",
				"Net profit 1,204,000 dlrs vs loss 1,050,000 dlrs",
				"Revs 15.2 mln vs 14.9 mln",
				"Year",
				"Shr 90 cts vs 80 cts",
			},
		},
		{
			name: "one paragraph per line: every break ends a sentence",
			text: "Quarterly profits at the group rose by a fifth to 1.2bn euros in the three months to December, helped by sales in Asia\n" +
				"Its shares rose 3% in early trading in Frankfurt, where investors had expected a smaller gain, dealers said on Thursday",
			want: []string{
				"Quarterly profits at the group rose by a fifth to 1.2bn euros in the three months to December, helped by sales in Asia",
				"Its shares rose 3% in early trading in Frankfurt, where investors had expected a smaller gain, dealers said on Thursday",
			},
		},
	}
	for _, tt := range tests {
		start := 0
		if tt.from != "" {
			start = strings.Index(tt.text, tt.from)
		}
		var got []string
		for _, s := range Split(tt.text, start, len(tt.text), nil) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got  %q\n want %q", tt.name, got, tt.want)
		}
	}
}

func TestLineWidths(t *testing.T) {
	tests := []struct {
		text           string
		longest, width int
	}{
		{"", 0, 0},
		{"abc", 3, 3},
		{"abc\nabcdef\nab", 6, 6},
		// One line in ten set apart from the rest does not widen the text.
		{strings.Repeat(strings.Repeat("x", 60)+"\n", 9) + strings.Repeat("y", 90), 90, 60},
		// Two in ten do.
		{strings.Repeat(strings.Repeat("x", 60)+"\n", 8) + strings.Repeat("y", 80) + "\n" + strings.Repeat("y", 90), 90, 80},
		// Lines longer than wrapWidth are not wrapped text: their width is not measured.
		{strings.Repeat("z", 300) + "\nshort", 300, wrapWidth + 1},
	}
	for _, tt := range tests {
		longest, width := lineWidths(tt.text)
		if longest != tt.longest || width != tt.width {
			t.Errorf("lineWidths(%.20q…) = %d, %d, want %d, %d", tt.text, longest, width, tt.longest, tt.width)
		}
	}
}

func TestLineBegin(t *testing.T) {
	long := strings.Repeat("x", 3*wrapWidth)
	tests := []struct {
		text  string
		start int
		want  int
	}{
		{"BONN, April 3 - West", 16, 0},
		{"Headline\nBONN, April 3 - West", 25, 9},
		{"a\n", 2, 2},
		// The look-back is bounded: a longer line is reported longer than wrapWidth.
		{long, len(long), len(long) - wrapWidth - 1},
	}
	for _, tt := range tests {
		if got := lineBegin(tt.text, tt.start); got != tt.want {
			t.Errorf("lineBegin(%.20q, %d) = %d, want %d", tt.text, tt.start, got, tt.want)
		}
	}
}

func TestBrokenEarly(t *testing.T) {
	tests := []struct {
		lineLen, wordLen, width int
		heading, want           bool
	}{
		{40, 5, 65, false, true},  // 46 + 10 <= 65: the word would have fitted with room to spare
		{55, 5, 65, false, false}, // 61 + 10 > 65: wrapping may have moved it
		{55, 5, 65, true, true},   // a heading needs no margin
		{60, 5, 65, true, false},  // 66 > 65: even a heading line may be wrapped
		{48, 6, 65, false, true},  // exactly fitMargin to spare
		{49, 6, 65, false, false}, // one byte short of it
	}
	for _, tt := range tests {
		if got := brokenEarly(tt.lineLen, tt.wordLen, tt.width, tt.heading); got != tt.want {
			t.Errorf("brokenEarly(%d, %d, %d, %v) = %v, want %v", tt.lineLen, tt.wordLen, tt.width, tt.heading, got, tt.want)
		}
	}
}

func TestIsBullet(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"- A cut in taxes", true},
		{"* Ten schools", true},
		{"• 12 new roads", true},
		{"1) More money", true},
		{"(a) The first point", true},
		{"12) Last point", true},
		{"- mainly government funds -", false}, // a wrapped dash goes on in lower case
		{"-- Broken kernels", false},
		{"123) Too long a label", false},
		{"1. Numbered", false}, // "March\n31. The" is a date more often than a list
		{"-", false},
		{"- ", false},
		{"Net 1,204,000", false},
	}
	for _, tt := range tests {
		j := strings.IndexByte(tt.line, ' ')
		if j < 0 {
			j = len(tt.line)
		}
		if got := isBullet(tt.line, 0, j, len(tt.line)); got != tt.want {
			t.Errorf("isBullet(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestEndsNoLine(t *testing.T) {
	for _, w := range []string{"of", "the", "and", "THE", "In", "would", "its"} {
		if !endsNoLine(w) {
			t.Errorf("endsNoLine(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"said", "A", "cts", "Inc", "Mercantile", "prior", "5.5", "theory"} {
		if endsNoLine(w) {
			t.Errorf("endsNoLine(%q) = true, want false", w)
		}
	}
}
