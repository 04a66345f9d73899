package main

import (
	"os"
	"strings"
	"testing"

	"herald/document"
)

// entitySummary is what the entities golden file holds of each entity: offsets, codes and
// names (short spans), not the article's text.
type entitySummary struct {
	Start, End  int
	Type        string
	Name        string `json:",omitempty"`
	Role        string `json:",omitempty"`
	Nationality string `json:",omitempty"`
	Mention     string
	Cluster     int
}

// TestAstanaEntities checks the entities layer of the reference article against the
// acceptance criteria of the entity stage, then against the reviewed golden file.
func TestAstanaEntities(t *testing.T) {
	if _, err := os.Stat(astanaPath); err != nil {
		t.Skipf("reference article not available (%v): this test needs ../shared beside the checkout", err)
	}
	code, out, errOut := herald(t, "", "analyze", "--today", today, astanaPath)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	d := decodeDocs(t, out)[0]

	byName := func(typ, name string) *document.Entity {
		for i := range d.Entities {
			if e := &d.Entities[i]; e.Type == typ && e.Name == name && e.Mention == "name" {
				return e
			}
		}
		return nil
	}
	people := []struct{ name, role, nationality string }{
		{"Kassym-Jomart Tokayev", "President", "KAZ"},
		{"Wang Yi", "Foreign Minister", "CHN"},
		{"Xi Jinping", "President", "CHN"},
		{"Murat Nurtleu", "Deputy Prime Minister and Foreign Minister", "KAZ"},
	}
	for _, p := range people {
		e := byName("PERSON", p.name)
		if e == nil {
			t.Errorf("no PERSON %q", p.name)
			continue
		}
		if e.Role != p.role || e.Nationality != p.nationality {
			t.Errorf("%s: role %q nationality %q, want %q %q", p.name, e.Role, e.Nationality, p.role, p.nationality)
		}
	}
	for _, org := range []string{"United Nations", "Shanghai Cooperation Organization", "Communist Party of China Central Committee"} {
		if byName("ORG", org) == nil {
			t.Errorf("no ORG %q", org)
		}
	}
	for _, place := range []string{"Astana", "Kazakhstan", "China", "Taiwan Strait"} {
		if byName("GPE", place) == nil && byName("LOC", place) == nil {
			t.Errorf("no GPE or LOC %q", place)
		}
	}

	// Links: the second paragraph's "Tokayev", every "Wang", and the "he" of "he noted".
	cluster := func(name string) int {
		if e := byName("PERSON", name); e != nil {
			return e.Cluster
		}
		return -1
	}
	tokayev, wang := cluster("Kassym-Jomart Tokayev"), cluster("Wang Yi")
	paragraphs := strings.Split(d.Text, "\n")
	second := len(paragraphs[0]) + 1
	checked := map[string]bool{}
	for _, e := range d.Entities {
		switch {
		case e.Text == "Tokayev" && e.Start >= second && e.Start < second+len(paragraphs[1]):
			checked["Tokayev"] = true
			if e.Cluster != tokayev {
				t.Errorf("\"Tokayev\" at %d is in cluster %d, want Tokayev's %d", e.Start, e.Cluster, tokayev)
			}
		case e.Text == "Wang":
			checked["Wang"] = true
			if e.Cluster != wang {
				t.Errorf("\"Wang\" at %d is in cluster %d, want Wang Yi's %d", e.Start, e.Cluster, wang)
			}
		case e.Text == "he" && strings.HasPrefix(d.Text[e.Start:], "he noted"):
			checked["he noted"] = true
			if e.Cluster != wang {
				t.Errorf("\"he noted\" is in cluster %d, want Wang Yi's %d", e.Cluster, wang)
			}
		}
	}
	for _, what := range []string{"Tokayev", "Wang", "he noted"} {
		if !checked[what] {
			t.Errorf("no entity for %q", what)
		}
	}

	var sum []entitySummary
	for _, e := range d.Entities {
		sum = append(sum, entitySummary{Start: e.Start, End: e.End, Type: e.Type, Name: e.Name, Role: e.Role,
			Nationality: e.Nationality, Mention: e.Mention, Cluster: e.Cluster})
	}
	compareGolden(t, "astana.entities.golden.json", sum)
}
