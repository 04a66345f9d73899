package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

const petrarchRecordsPath = "../../../shared/data/tests/petrarch2/PETR.UnitTest.records.xml"
const petrarchDictionaries = "../../../shared/data/dictionaries/petrarch2"

// petrarchSample names dictionaries that --dictionaries may lack. The reader and the
// scorer are tested in package event/petrarchtest.
const petrarchSample = `<Validation>
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restored full diplomatic ties with Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
`

var petrarchSummary = regexp.MustCompile(`^exact=(\d+) total=(\d+) precision=\d+\.\d\d recall=\d+\.\d\d$`)

// TestPetrarchEval runs the command on PETRARCH's own records: the harness, not the
// coder's numbers, is under test here.
func TestPetrarchEval(t *testing.T) {
	if _, err := os.Stat(petrarchRecordsPath); err != nil {
		t.Skipf("PETRARCH unit-test records not available (%v): this test needs ../shared beside the checkout", err)
	}
	code, out, errOut := herald(t, "", "eval", "petrarch", "--dictionaries", petrarchDictionaries, petrarchRecordsPath)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	m := petrarchSummary.FindStringSubmatch(lines[len(lines)-1])
	if m == nil || m[2] != "284" {
		t.Fatalf("last line %q, want exact=… total=284 precision=… recall=…", lines[len(lines)-1])
	}
	for _, cat := range []string{"DEMO", "COMPOUND", "SYNSET", "ERROR"} {
		if !strings.Contains(out, "\n  "+cat+" ") {
			t.Errorf("no line for category %s:\n%s", cat, out)
		}
	}
	// --min-exact above what is possible fails, after the report.
	code, out2, errOut := herald(t, "", "eval", "petrarch", "--dictionaries", petrarchDictionaries, "--min-exact", "285", petrarchRecordsPath)
	if code != 1 || !strings.Contains(errOut, "below --min-exact 285") {
		t.Errorf("--min-exact 285: exit %d, stderr %q", code, errOut)
	}
	if lines2 := strings.Split(strings.TrimSuffix(out2, "\n"), "\n"); lines2[len(lines2)-1] != lines[len(lines)-1] {
		t.Errorf("--min-exact changed the summary: %q", lines2[len(lines2)-1])
	}
}

func TestPetrarchEvalErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", "petrarch"}, 2, "want one PETRARCH unit-test XML file"},
		{[]string{"eval", "petrarch", "--min-exact", "-1", write("a.xml", petrarchSample)}, 2, "--min-exact"},
		{[]string{"eval", "petrarch", write("b.xml", "<Sentences><Sentence id=\"A\">\n<Text>x</Text>\n</Sentences>")}, 1, "b.xml:3:"},
		{[]string{"eval", "petrarch", write("c.xml", "<Sentences></Sentences>")}, 1, "names no Verbfile"},
		{[]string{"eval", "petrarch", "--dictionaries", dir, write("d.xml", petrarchSample)}, 1, "PETR.Validate.verbs.txt"},
	} {
		code, _, errOut := herald(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("herald %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
