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
