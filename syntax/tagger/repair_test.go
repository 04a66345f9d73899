package tagger

import (
	"strings"
	"testing"
)

// The finite-verb repair turns the past participle of a sentence without a finite verb
// into a past tense, and leaves alone what has a finite verb or no full stop.
func TestRepairFinite(t *testing.T) {
	m := loadShipped(t)
	// want is the word's XPOS; "-VBD" means anything but VBD (left as the tagger said).
	cases := []struct {
		sentence, word, want string
	}{
		{"Police fired tear gas at the protesters .", "fired", "VBD"},
		{"Students protested outside the Ethiopian embassy .", "protested", "VBD"},
		{"The Turkish military struck Kurdish fighters .", "struck", "VBD"},
		// a finite verb elsewhere: the participle stays
		{"Soldiers wounded in the attack were taken to hospital .", "wounded", "-VBD"},
		// a headline without a full stop keeps its reduced passive
		{"Three soldiers killed in attack on army base", "killed", "-VBD"},
		// after an auxiliary it is a participle anyway
		{"The talks have ended .", "ended", "VBN"},
		{"The two sides agreed to deepen cooperation in trade , energy and transport , according to a statement .", "agreed", "VBD"},
	}
	tg := m.NewTagger()
	train := m.NewTrainingTagger()
	repaired := 0
	for _, c := range cases {
		words := strings.Fields(c.sentence)
		upos, xpos := make([]string, len(words)), make([]string, len(words))
		tg.Tag(words, upos, xpos)
		i := indexOf(words, c.word)
		if c.want == "-VBD" && xpos[i] == "VBD" || c.want != "-VBD" && xpos[i] != c.want {
			t.Errorf("%q: %s tagged %s, want %s (tags %v)", c.sentence, c.word, xpos[i], c.want, xpos)
		}
		// Training never repairs, so that jackknifed tags and epochs stay as trained.
		raw := make([]string, len(words))
		train.Tag(words, upos, raw)
		if raw[i] != xpos[i] {
			repaired++
		}
	}
	if repaired == 0 {
		t.Error("the tagger as trained already tags every case right: the repair is not tested")
	}
}

func indexOf(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}
