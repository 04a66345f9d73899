package actor

import "testing"

func TestLongGone(t *testing.T) {
	for _, tt := range []struct {
		end, date string
		want      bool
	}{
		{"1978-10-03", "2015-09-20", true},  // Ahmed Mohamed of the Comoros, and a student of 2015
		{"2005-11-22", "2015-09-20", false}, // Gerhard Schröder, ten years on
		{"1995-01-01", "2015-12-31", false}, // exactly twenty years
		{"", "2015-09-20", false},
		{"1978-10-03", "", false},
	} {
		if got := longGone(tt.end, tt.date); got != tt.want {
			t.Errorf("longGone(%q, %q) = %v", tt.end, tt.date, got)
		}
	}
}
