package event_test

import (
	"slices"
	"strings"
	"testing"

	"herald/pipeline/pipelinetest"
)

// storyCase is a rule case whose sentence comes after others of its story: they give it
// the context the coding guide reads (whose "its" is, what the story is about), and their
// events are part of what the case codes.
type storyCase struct {
	ruleCase
	before []string // the trees of the story's earlier sentences, in order
}

// caseGroup holds the cases of one construction, so that the log says how many of each
// Herald codes as the guide asks.
type caseGroup struct {
	construction string
	cases        []ruleCase
	stories      []storyCase
}

// checkGroups codes every case of every group from its trees, checks that Herald codes
// what the case says it does today, and logs how many cases of each construction are
// coded as docs/CODING.md asks. A case that changes fails: when a rule is fixed, its
// today moves to its want.
func checkGroups(t *testing.T, groups []caseGroup) {
	t.Helper()
	var total, right int
	for _, g := range groups {
		cases := g.stories
		for _, c := range g.cases {
			cases = append(cases, storyCase{ruleCase: c})
		}
		var names []string
		t.Run(g.construction, func(t *testing.T) {
			for _, c := range cases {
				story := pipelinetest.Story{Date: c.date, Sentences: append(slices.Clone(c.before), c.tree)}
				checkTrees(t, c.name, story)
				got := pipelinetest.Events(t, story)
				if !slices.Equal(got, c.today) {
					t.Errorf("%s: Herald codes %q, the case says today %q (want by the guide %q)", c.name, got, c.today, c.want)
				}
				if c.right() {
					names = append(names, c.name)
				}
			}
			t.Logf("%s: %d of %d coded as docs/CODING.md asks: %s", g.construction, len(names), len(cases), strings.Join(names, "; "))
		})
		total += len(cases)
		right += len(names)
	}
	t.Logf("%d of %d cases coded as docs/CODING.md asks", right, total)
}

// checkTrees checks that each tree of a story is one sentence whose words are all given
// (a relation and a lemma), so that the case tests the rule on the tree it states.
func checkTrees(t *testing.T, name string, story pipelinetest.Story) {
	t.Helper()
	doc := pipelinetest.Analyze(t, story)
	if len(doc.Sentences) != len(story.Sentences) {
		t.Fatalf("%s: %d trees make %d sentences", name, len(story.Sentences), len(doc.Sentences))
	}
	for _, s := range doc.Sentences {
		for _, tok := range s.Tokens {
			if tok.Deprel == "" || tok.Lemma == "" || strings.TrimSpace(tok.Text) == "" {
				t.Errorf("%s: token %+v is not fully given", name, tok)
			}
		}
	}
}

// TestGroupsCountRight: a case is right exactly when today's events are the guide's,
// whatever their order.
func TestGroupsCountRight(t *testing.T) {
	for _, tc := range []struct {
		want, today []string
		right       bool
	}{
		{nil, nil, true},
		{[]string{"A → B 040", "B → A 040"}, []string{"B → A 040", "A → B 040"}, true},
		{[]string{"A → B 040"}, []string{"A → B 040", "B → A 040"}, false},
		{nil, []string{"A → B 111 (negated)"}, true},
		{nil, []string{"A → B 190 (hypothetical)"}, true},
		{[]string{"A → B 190"}, []string{"A → B 190 (hypothetical)"}, false},
	} {
		if got := (ruleCase{want: tc.want, today: tc.today}).right(); got != tc.right {
			t.Errorf("want %q today %q: right = %v", tc.want, tc.today, got)
		}
	}
}
