package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// ftfyCase is one test case of ftfy's test suite (see ../../shared/data/mojibake/ftfy).
type ftfyCase struct {
	Label         string  `json:"label"`
	Original      string  `json:"original"`
	Fixed         string  `json:"fixed"`
	FixedEncoding *string `json:"fixed-encoding"`
	Expect        string  `json:"expect"`
}

const ftfyDir = "../../shared/data/mojibake/ftfy"

func loadFTFY(t *testing.T, name string) []ftfyCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ftfyDir, name))
	if err != nil {
		t.Skipf("ftfy test cases not available (%v); they live in the shared data directory", err)
	}
	var cases []ftfyCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cases
}

// normalizeOnly applies what Clean does besides mojibake repair (whitespace, controls, NFC),
// so that ftfy's expected strings can be compared with Clean's output.
func normalizeOnly(s string) string {
	s = applyEdits(s, tidy(s))
	return applyEdits(s, nfcEdits(s))
}

// TestFTFYCases measures mojibake repair against ftfy's cases. ftfy's fix_encoding result
// ("fixed-encoding", else "fixed") is the target; ftfy's other fixes (quote uncurling,
// HTML entities, width) are not Clean's business. Negative cases must stay unchanged up to
// Clean's whitespace and control normalization.
func TestFTFYCases(t *testing.T) {
	// Floors: what the current heuristics achieve; raise them when the heuristics improve.
	floors := map[string]int{"in-the-wild.json": 45, "synthetic.json": 26, "language-names.json": 18}
	total, fixedTotal := 0, 0
	for _, name := range []string{"in-the-wild.json", "synthetic.json", "language-names.json", "negative.json"} {
		cases := loadFTFY(t, name)
		fixed := 0
		for _, c := range cases {
			want := c.Fixed
			if c.FixedEncoding != nil {
				want = *c.FixedEncoding
			}
			want = normalizeOnly(want)
			res, err := Text(c.Original)
			if err != nil {
				t.Errorf("%s %q: %v", name, c.Label, err)
				continue
			}
			if name == "negative.json" {
				if res.Text != want {
					t.Errorf("negative case changed: %s\n  in:   %q\n  got:  %q\n  want: %q", c.Label, c.Original, res.Text, want)
				}
				continue
			}
			if res.Text == want {
				fixed++
			} else if testing.Verbose() {
				t.Logf("%s: not fixed: %s\n  in:   %q\n  got:  %q\n  want: %q", name, c.Label, c.Original, res.Text, want)
			}
		}
		if name != "negative.json" {
			total += len(cases)
			fixedTotal += fixed
			t.Logf("%s: %d/%d fixed", name, fixed, len(cases))
			if fixed < floors[name] {
				t.Errorf("%s: %d fixed, want at least %d", name, fixed, floors[name])
			}
		} else {
			t.Logf("%s: %d cases checked unchanged", name, len(cases))
		}
	}
	t.Logf("total: %d/%d fixed", fixedTotal, total)
}
