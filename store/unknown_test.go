package store

import "testing"

// TestParseCodeUnknown: the actor stage writes an agent of no known country as PETRARCH
// does ("---GOV"); a filter takes it, and nothing else that is not a letter or digit.
func TestParseCodeUnknown(t *testing.T) {
	for v, want := range map[string]string{"---gov": "---GOV", "---": "---", "KENCOP": "KENCOP"} {
		if got, err := parseCode("actor", v, 1, 32); err != nil || got != want {
			t.Errorf("parseCode(%q) = %q, %v; want %q", v, got, err, want)
		}
	}
	for _, v := range []string{"--GOV", "GOV-", "G-OV", "---*", "-"} {
		if got, err := parseCode("actor", v, 1, 32); err == nil {
			t.Errorf("parseCode(%q) = %q, want an error", v, got)
		}
	}
}
