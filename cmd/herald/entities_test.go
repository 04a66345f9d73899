package main

import (
	"os"
	"path/filepath"
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
	Actor       string `json:",omitempty"`
	ActorHow    string `json:",omitempty"`
}

// analyzeAstana runs `herald analyze` on the reference article, or skips the test.
func analyzeAstana(t *testing.T) document.Document {
	t.Helper()
	if _, err := os.Stat(astanaPath); err != nil {
		t.Skipf("reference article not available (%v): this test needs ../shared beside the checkout", err)
	}
	code, out, errOut := herald(t, "", "analyze", "--date", "2024-05-20", astanaPath)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	return decodeDocs(t, out)[0]
}

// TestAstanaActors checks the actor codes of the reference article's entities (the
// golden file of TestAstanaEntities holds them all).
func TestAstanaActors(t *testing.T) {
	d := analyzeAstana(t)
	clusterOf := map[string]int{}
	for _, e := range d.Entities {
		if e.Mention == "name" && e.Type == "PERSON" {
			clusterOf[e.Name] = e.Cluster
		}
	}
	people := map[string]string{"Kassym-Jomart Tokayev": "KAZGOV", "Wang Yi": "CHNGOV", "Xi Jinping": "CHNGOV", "Murat Nurtleu": "KAZGOV"}
	for name, want := range people {
		c, ok := clusterOf[name]
		if !ok {
			t.Errorf("no person %q", name)
			continue
		}
		for _, e := range d.Entities {
			if e.Cluster == c && e.Actor != want {
				t.Errorf("%q (%s mention of %s at %d) is %q, want %s", e.Text, e.Mention, name, e.Start, e.Actor, want)
			}
		}
	}
	names := map[string]string{"Kazakhstan": "KAZ", "China": "CHN", "United Nations": "IGOUNO", "Shanghai Cooperation Organization": "IGOCAS"}
	for text, want := range names {
		n := 0
		for _, e := range d.Entities {
			if e.Text == text {
				n++
				if e.Actor != want {
					t.Errorf("%q at %d is %q, want %s", text, e.Start, e.Actor, want)
				}
			}
		}
		if n == 0 {
			t.Errorf("no entity %q", text)
		}
	}
}

// TestAstanaEntities checks the entities layer of the reference article against the
// acceptance criteria of the entity stage, then against the reviewed golden file.
func TestAstanaEntities(t *testing.T) {
	d := analyzeAstana(t)

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
			Nationality: e.Nationality, Mention: e.Mention, Cluster: e.Cluster, Actor: e.Actor, ActorHow: e.ActorHow})
	}
	compareGolden(t, "astana.entities.golden.json", sum)
}

// TestUserDictionaries codes with a directory of the user's own PETRARCH dictionaries
// instead of the embedded lexicon, and reports a defect in one as file:line.
func TestUserDictionaries(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Test.actors.txt", "# our own\nMIRELA_OSTVIK_\n\t[NORGOV 20200101-20300101]\n\t[NORELI]\nBROKEN_ACTOR [\n")
	write("Test.agents.txt", "HARBOUR_POLICE [~COP]\n")
	story := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(story, []byte("Mirela Ostvik said on Monday that harbour police would patrol the fjord.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := herald(t, "", "analyze", "--today", today, "--date", "2024-05-20", "--dictionaries", dir, story)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "Test.actors.txt:5:") {
		t.Errorf("the defect on line 5 of Test.actors.txt is not reported as file:line; stderr:\n%s", errOut)
	}
	d := decodeDocs(t, out)[0]
	found := false
	for _, e := range d.Entities {
		if e.Text == "Mirela Ostvik" {
			found = true
			if e.Actor != "NORGOV" || e.ActorHow != "dictionary" {
				t.Errorf("Mirela Ostvik coded %q (%s), want NORGOV from the user's dictionary", e.Actor, e.ActorHow)
			}
		}
	}
	if !found {
		t.Errorf("no entity for Mirela Ostvik: %+v", d.Entities)
	}
	if code, _, errOut := herald(t, "", "analyze", "--dictionaries", filepath.Join(dir, "missing"), story); code == 0 {
		t.Errorf("a missing dictionaries directory was accepted; stderr:\n%s", errOut)
	}
}
