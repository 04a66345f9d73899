package entity_test

import (
	"os"
	"strings"
	"sync"
	"testing"

	"herald/document"
	"herald/entity"
	"herald/pipeline"
)

var (
	setupOnce sync.Once
	pipe      *pipeline.Pipeline
	models    *entity.Models
	setupErr  error
)

func setup(t testing.TB) (*pipeline.Pipeline, *entity.Models) {
	t.Helper()
	setupOnce.Do(func() {
		models, setupErr = entity.Embedded()
		if setupErr != nil {
			return
		}
		pipe, setupErr = pipeline.New(pipeline.Options{Workers: 1, Entity: models})
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return pipe, models
}

// analyze runs the whole pipeline, entity stage included, over text.
func analyze(t testing.TB, text string) *document.Document {
	t.Helper()
	p, _ := setup(t)
	res := p.Process(&document.Document{ID: "test", Raw: []byte(text)})
	if res.Doc == nil {
		t.Fatalf("no document: %v", res.Errs)
	}
	return res.Doc
}

func BenchmarkAnnotate(b *testing.B) {
	raw, err := os.ReadFile("../examples/geneva-talks.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := analyze(b, strings.Repeat(string(raw)+"\n", 20))
	_, m := setup(b)
	a := m.NewAnnotator()
	tokens := 0
	for _, s := range doc.Sentences {
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Annotate(doc)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// person finds the entity whose text is text (the first if several).
func find(doc *document.Document, text string) *document.Entity {
	for i := range doc.Entities {
		if doc.Entities[i].Text == text {
			return &doc.Entities[i]
		}
	}
	return nil
}

// TestEntities checks titles, roles, nationalities and links on short stories of our own.
func TestEntities(t *testing.T) {
	type want struct {
		text, typ, name, role, nationality string
		sameAs                             string // text of an earlier mention in the same cluster
	}
	cases := []struct {
		story string
		want  []want
	}{{
		story: "SANTIAGO, June 3 (Reuters) - Chilean President Gabriel Boric met Argentine Foreign Minister Diana Mondino on Tuesday. Boric said he hoped the talks would ease tension over the border.",
		want: []want{
			{text: "SANTIAGO", typ: "GPE", name: "Santiago"},
			{text: "Chilean President Gabriel Boric", typ: "PERSON", name: "Gabriel Boric", role: "President", nationality: "CHL"},
			{text: "Argentine Foreign Minister Diana Mondino", typ: "PERSON", name: "Diana Mondino", role: "Foreign Minister", nationality: "ARG"},
			{text: "Boric", typ: "PERSON", name: "Gabriel Boric", role: "President", nationality: "CHL", sameAs: "Chilean President Gabriel Boric"},
			{text: "he", typ: "PERSON", name: "Gabriel Boric", sameAs: "Chilean President Gabriel Boric"},
		},
	}, {
		story: "Jonas Berg, Norway's defence minister, arrived in Oslo on Friday. The minister said the government would buy new frigates.",
		want: []want{
			{text: "Jonas Berg", typ: "PERSON", name: "Jonas Berg", role: "Defence Minister", nationality: "NOR"},
			{text: "Oslo", typ: "GPE", name: "Oslo", sameAs: ""},
			{text: "The minister", typ: "PERSON", name: "Jonas Berg", sameAs: "Jonas Berg"},
		},
	}, {
		story: "Ghana's Vice President and Finance Minister Ama Boateng will visit Paris next week. French officials said France would sign a loan deal with her government.",
		want: []want{
			{text: "Ghana's Vice President and Finance Minister Ama Boateng", typ: "PERSON", name: "Ama Boateng", role: "Vice President and Finance Minister", nationality: "GHA"},
			{text: "Paris", typ: "GPE", name: "Paris"},
			{text: "French", typ: "NORP", name: "French", sameAs: "Paris"},
			{text: "France", typ: "GPE", name: "France", sameAs: "Paris"},
			{text: "her", typ: "PERSON", name: "Ama Boateng", sameAs: "Ghana's Vice President and Finance Minister Ama Boateng"},
		},
	}, {
		story: "The United Nations said on Monday that its envoy would travel to Khartoum. Sudan's army did not comment.",
		want: []want{
			{text: "United Nations", typ: "ORG", name: "United Nations"},
			{text: "its", typ: "ORG", name: "United Nations", sameAs: "United Nations"},
			{text: "Khartoum", typ: "GPE", name: "Khartoum"},
			{text: "Sudan", typ: "GPE", name: "Sudan", sameAs: "Khartoum"},
		},
	}}
	for _, c := range cases {
		doc := analyze(t, c.story)
		for _, w := range c.want {
			e := find(doc, w.text)
			if e == nil {
				t.Errorf("%q: no entity %q; have %s", c.story[:30], w.text, entityTexts(doc))
				continue
			}
			if e.Type != w.typ || e.Name != w.name || e.Role != w.role && w.role != "" || e.Nationality != w.nationality && w.nationality != "" {
				t.Errorf("%q: got %s %q role %q nationality %q, want %s %q role %q nationality %q",
					w.text, e.Type, e.Name, e.Role, e.Nationality, w.typ, w.name, w.role, w.nationality)
			}
			if w.sameAs != "" {
				if o := find(doc, w.sameAs); o == nil || o.Cluster != e.Cluster {
					t.Errorf("%q is not in the cluster of %q", w.text, w.sameAs)
				}
			}
		}
	}
}

func entityTexts(doc *document.Document) string {
	var b strings.Builder
	for _, e := range doc.Entities {
		b.WriteString("[" + e.Text + " " + e.Type + "] ")
	}
	return b.String()
}

// FuzzAnnotate runs the pipeline, entity stage included, over arbitrary text and checks
// the invariants of the entities layer: spans inside the text and equal to it, clusters
// numbered from 0 in order of first mention, and a cluster never mixing people with
// anything else.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"ASTANA, May 20 (Xinhua) -- Kazakh President Kassym-Jomart Tokayev met here with Chinese Foreign Minister Wang Yi. He said its role was rising.",
		"The minister said the minister would resign. It said its president, the president, agreed.",
		"he his him she her its itself the country the president",
		"Mr. , Foreign Minister and Deputy Prime Minister , , the Secretary - General of",
		"France French Paris Beijing China Chinese U.S. United States NATO North Atlantic Treaty Organization",
		"Gen. Mark Ellison, a retired U.S. Army officer, met his Azerbaijani counterpart.",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p, _ := setup(t)
		res := p.Process(&document.Document{ID: "fuzz", Raw: []byte(text)})
		if res.Doc == nil {
			return // not text at all: clean's business
		}
		doc := res.Doc
		next := 0
		kinds := map[int]bool{} // cluster → holds a person
		seen := map[int]bool{}
		for _, e := range doc.Entities {
			if e.Start < 0 || e.End > len(doc.Text) || e.Start >= e.End {
				t.Fatalf("entity %+v outside the text (%d bytes)", e, len(doc.Text))
			}
			if doc.Text[e.Start:e.End] != e.Text {
				t.Fatalf("entity text %q is not the text at %d-%d", e.Text, e.Start, e.End)
			}
			switch {
			case e.Cluster == next:
				next++
			case e.Cluster > next || e.Cluster < 0:
				t.Fatalf("cluster %d before cluster %d was first used", e.Cluster, next)
			}
			person := e.Type == "PERSON"
			if seen[e.Cluster] && kinds[e.Cluster] != person {
				t.Fatalf("cluster %d mixes people and others (%q)", e.Cluster, e.Text)
			}
			seen[e.Cluster], kinds[e.Cluster] = true, person
		}
	})
}
