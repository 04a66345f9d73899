package geo

import "testing"

// TestNeedsCountry: an agent with no country, bare or as the actor stage writes it
// ("---OPP"), takes the country of a place its phrase names; a coded actor does not.
func TestNeedsCountry(t *testing.T) {
	r := &Resolver{cameo: func(iso3 string) string { return iso3 }, isRole: func(code string) bool { return code == "OPP" || code == "COP" }}
	for code, want := range map[string]bool{"OPP": true, "---OPP": true, "---COPOPP": true, "KENOPP": false, "---": false, "": false, "IGOUNO": false} {
		if got := r.needsCountry(code); got != want {
			t.Errorf("needsCountry(%q) = %v, want %v", code, got, want)
		}
	}
}
