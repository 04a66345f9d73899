package event

import (
	"slices"
	"strings"
	"testing"
)

func TestPolitical(t *testing.T) {
	for _, tt := range []struct {
		code string
		want bool
	}{
		{"USA", true}, {"KENGOV", true}, {"---GOV", true}, {"GOV", true}, {"TUROPP", true},
		{"IGOUNO", true}, {"IGOEUREEC", true}, {"NGOHRIAMN", true}, {"KENLAB", true}, {"---REF", true},
		{"USABUS", false}, {"BUS", false}, {"MNCUSAMED", false}, {"MED", false}, {"---", false},
		{"UKRCVL", false}, {"---EDU", false}, {"", false},
	} {
		if got := political(tt.code); got != tt.want {
			t.Errorf("political(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestMediaAndMutual(t *testing.T) {
	for code, want := range map[string]bool{"MED": true, "USAMED": true, "---MED": true, "GOVMED": true, "USAGOV": false, "MNCUSA": false} {
		if got := media(code); got != want {
			t.Errorf("media(%q) = %v", code, got)
		}
	}
	for code, want := range map[string]bool{"040": true, "046": true, "057": true, "0841": true, "190": true, "036": true,
		"042": false, "043": false, "045": false, "111": false, "195": false, "": false} {
		if got := mutual(code); got != want {
			t.Errorf("mutual(%q) = %v", code, got)
		}
	}
}

func TestRefusalCode(t *testing.T) {
	for code, want := range map[string]string{
		"040": "125", "046": "125", "036": "125", "045": "126", "057": "127", "061": "1211", "0312": "1212",
		"064": "121", "0841": "1243", "0353": "1243", "085": "1244", "0871": "1246", "080": "124",
		"051": "120", "073": "120", "190": "", "173": "", "112": "",
	} {
		if got := refusalCode(code); got != want {
			t.Errorf("refusalCode(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestSenseFits(t *testing.T) {
	own, pattern := match{}, match{score: 3}
	for _, tt := range []struct {
		lemma string
		m     match
		code  string
		want  bool
	}{
		{"TAKE", own, "171", false},    // "intrusions took place"
		{"TAKE", pattern, "181", true}, // "took hostages"
		{"EXPECT", own, "030", false},  // "expects growth"
		{"BUY", own, "061", false},     // "bought shares"
		{"MEET", own, "040", true},     // the verb is the event
		{"SAY", pattern, "190", false}, // "said Russian forces attacked": the attack is coded on its verb
		{"SAY", pattern, "112", true},  // an accusation made in the saying
		{"WARN", own, "130", true},     // a threat
		{"ATTACK", own, "190", true},
		{"ENGAGE", own, "190", false}, // "engage with voters"
		{"ENGAGE", match{rule: cooperationRule + "ENGAGE [190]"}, "050", true}, // "engage in closer collaboration"
		{"FACE", own, "040", false}, // "faces a deadline"
	} {
		cl := &clause{lemma: tt.lemma}
		if got := senseFits(cl, tt.m, tt.code); got != tt.want {
			t.Errorf("senseFits(%s, score %d, %s) = %v, want %v", tt.lemma, tt.m.score, tt.code, got, tt.want)
		}
	}
}

func TestNarrowest(t *testing.T) {
	side := []actorRef{{code: "USA"}, {code: "USAGOV"}, {code: "RUS"}, {code: "---"}, {code: "---GOV"}}
	got := narrowest(side)
	var codes []string
	for _, a := range got {
		codes = append(codes, a.code)
	}
	if want := []string{"USAGOV", "RUS", "---", "---GOV"}; !slices.Equal(codes, want) {
		t.Errorf("narrowest = %q, want %q", codes, want)
	}
	if side[0].code != "USA" || len(side) != 5 {
		t.Errorf("narrowest changed its argument: %+v", side)
	}
}

func TestPartOfWholeAndProtest(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"DEU", "DEUMIL", true}, {"DEUGOV", "DEU", true}, {"KENCOP", "KENOPP", false},
		{"DEU", "FRA", false}, {"---GOV", "---", false}, {"IGOUNO", "IGOUNOREF", false},
	} {
		if got := partOfWhole(tt.a, tt.b); got != tt.want {
			t.Errorf("partOfWhole(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
	for _, tt := range []struct {
		lemma, code, source string
		want                bool
	}{
		{"DEMONSTRATE", "141", "KENOPP", true},     // protesters protest
		{"DEMONSTRATE", "141", "PRKGOVMED", false}, // "KCNA said the launch demonstrated the deterrent"
		{"DEMONSTRATE", "130", "ALBGOV", false},    // "will demonstrate its commitment"
		{"DEMONSTRATE", "141", "USA", false},
		{"MARCH", "141", "---LAB", true},
		{"PROTEST", "141", "FRAGOV", true}, // a government may protest (a verb of its own)
		{"ATTACK", "190", "RUSMIL", true},
	} {
		if got := protestFits(tt.lemma, tt.code, tt.source); got != tt.want {
			t.Errorf("protestFits(%s, %s, %s) = %v", tt.lemma, tt.code, tt.source, got)
		}
	}
}

func TestFoughtState(t *testing.T) {
	for _, tt := range []struct {
		group, how, other, want string
	}{
		{"SYRUAF", "place", "TURMIL", "TURUAF"}, // Kurdish militants in northern Syria, struck by Turkey
		{"---REB", "role", "TURGOV", "TURREB"},  // rebels of no country
		{"SYRUAF", "role", "TURMIL", "SYRUAF"},  // "Syrian militants": the phrase says whose
		{"---REB", "role", "TURBUS", "---REB"},  // a firm is no state
		{"---REB", "role", "IGOUNO", "---REB"},  // nor the UN
		{"KENCOP", "place", "TURMIL", "KENCOP"}, // no armed group
	} {
		got := foughtState(actorRef{code: tt.group, how: tt.how}, actorRef{code: tt.other, how: "role"})
		if got.code != tt.want {
			t.Errorf("foughtState(%s by %s, %s) = %s, want %s", tt.group, tt.how, tt.other, got.code, tt.want)
		}
	}
}

func TestFixedOwnCode(t *testing.T) {
	if m := fixedOwnCode("SUE", match{code: "173", rule: "SUE [173] (CAMEO.2.0.txt:8378)"}); m.code != "115" || !strings.Contains(m.rule, "173") {
		t.Errorf("sued: %+v, want 115 with the dictionary's rule named", m)
	}
	if m := fixedOwnCode("SUE", match{code: "1711", score: 3}); m.code != "1711" {
		t.Errorf("a pattern's code changed: %+v", m)
	}
	if m := fixedOwnCode("ATTACK", match{code: "190"}); m.code != "190" {
		t.Errorf("attack: %+v", m)
	}
}
