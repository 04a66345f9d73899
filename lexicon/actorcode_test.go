package lexicon

import (
	"slices"
	"testing"
)

func TestActorCodeParts(t *testing.T) {
	for _, tt := range []struct {
		code, principal string
		agents          []string
		international   bool
	}{
		{"USAGOV", "USA", []string{"GOV"}, false},
		{"USA", "USA", nil, false},
		{"---MIL", "---", []string{"MIL"}, false},
		{"GOV", "GOV", []string{"GOV"}, false},
		{"SDNGOVMIL", "SDN", []string{"GOV", "MIL"}, false},
		{"IGOUNOREFHCR", "IGOUNO", []string{"REF", "HCR"}, true},
		{"IGOEUREEC", "IGOEUREEC", nil, true},
		{"MNCUSAMED", "MNCUSA", []string{"MED"}, true},
		{"", "", nil, false},
	} {
		if p := Principal(tt.code); p != tt.principal {
			t.Errorf("Principal(%q) = %q, want %q", tt.code, p, tt.principal)
		}
		if a := Agents(tt.code); !slices.Equal(a, tt.agents) {
			t.Errorf("Agents(%q) = %q, want %q", tt.code, a, tt.agents)
		}
		if i := IsInternational(tt.code); i != tt.international {
			t.Errorf("IsInternational(%q) = %v", tt.code, i)
		}
	}
}

func TestAgentParts(t *testing.T) {
	l := &Lexicon{Agents: []Agent{{Code: "~GOVMED"}, {Code: "~NGO"}, {Code: "~cop"}, {Code: "PTY~"}, {Code: "~LAB"}}}
	got := l.AgentParts()
	for _, want := range []string{"GOV", "MED", "LAB"} {
		if !got[want] {
			t.Errorf("AgentParts lacks %s: %v", want, got)
		}
	}
	for _, not := range []string{"NGO", "cop", "PTY"} {
		if got[not] {
			t.Errorf("AgentParts has %s: %v", not, got)
		}
	}
	if len((*Lexicon)(nil).AgentParts()) != 0 {
		t.Error("a nil lexicon has agents")
	}
}
