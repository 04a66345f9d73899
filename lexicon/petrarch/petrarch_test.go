package petrarch

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const shipped = "../../../shared/data/dictionaries/petrarch2"

// read dispatches on the file name as ReadDir does, for the tests that go over every file.
func read(r io.Reader, name string) (any, []Warning, error) {
	switch low := strings.ToLower(name); {
	case strings.HasPrefix(low, "cameo"), strings.HasSuffix(low, ".verbs.txt"):
		return ReadVerbs(r, name)
	case strings.HasSuffix(low, ".actors.txt"):
		return ReadActors(r, name)
	case strings.HasSuffix(low, ".agents.txt"):
		return ReadAgents(r, name)
	case strings.HasSuffix(low, ".discards.txt"):
		return ReadDiscards(r, name)
	case strings.HasSuffix(low, "issuecoding.txt"), strings.HasSuffix(low, ".issues.txt"):
		return ReadIssues(r, name)
	}
	return nil, nil, fmt.Errorf("%s: not a dictionary", name)
}

func shippedFiles(t testing.TB) map[string][]byte {
	paths, _ := filepath.Glob(filepath.Join(shipped, "*.txt"))
	if len(paths) == 0 {
		t.Skipf("shipped dictionaries not available: the test needs %s (../shared/data beside the repo)", shipped)
	}
	files := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = b
	}
	return files
}

// TestShipped reads every shipped file: no errors, and the defects we know of are reported.
func TestShipped(t *testing.T) {
	files := shippedFiles(t)
	var all []string
	for name, b := range files {
		v, ws, err := read(bytes.NewReader(b), name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if vb, ok := v.(*Verbs); ok {
			v = vb.Blocks
		}
		if reflect.ValueOf(v).Len() == 0 {
			t.Errorf("%s: nothing read", name)
		}
		for _, w := range ws {
			all = append(all, w.String())
		}
	}
	for _, want := range []string{
		"Phoenix.agents.txt:544: code [~ENV closed by '}'",
		"Phoenix.agents.txt:1927: agent \"ISLAMIC_EXTREMIST\" has no [code]: line skipped",
		"Phoenix.Countries.actors.txt:15346: stray bracket in name \"FAEROYENE]_\"",
		"Phoenix.Countries.actors.txt:18010: date 201005011 has 9 digits (read as 2010-05-01, as PETRARCH does)",
		"Phoenix.International.actors.txt:22: actor U.N. has no code (is a '+' missing before the next name?)",
		"Phoenix.IssueCoding.txt:481: </ISSUE> without <ISSUE>",
		"CAMEO.2.0.txt:8443: undefined synset &WEATHER: pattern skipped",
	} {
		if !contains(all, want) {
			t.Errorf("missing warning %s", want)
		}
	}
	t.Logf("%d warnings:\n%s", len(all), strings.Join(all, "\n"))

	d, _, err := ReadDir(shipped)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Files) != 7 || d.Verbs == nil || len(d.Actors) < 20000 || len(d.Agents) < 2000 || len(d.Discards) == 0 || len(d.Issues) == 0 {
		t.Errorf("ReadDir read %d files: %d actors, %d agents, %d discards, %d issues", len(d.Files), len(d.Actors), len(d.Agents), len(d.Discards), len(d.Issues))
	}
	var tokayev *Actor
	for i, a := range d.Actors {
		if reflect.DeepEqual(a.Names[0], []string{"KASSYM-JOMART", "TOKAYEV"}) || reflect.DeepEqual(a.Names[0], []string{"KASYMZHOMART", "TOKAYEV"}) {
			tokayev = &d.Actors[i]
		}
	}
	if tokayev == nil || len(tokayev.Codes) == 0 {
		t.Errorf("Tokayev not read: %+v", tokayev)
	} else {
		t.Logf("Tokayev: %+v", *tokayev)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func readFixture(t *testing.T, name string) (any, []Warning) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var v any
	var ws []Warning
	switch name {
	case "actors.txt":
		v, ws, err = ReadActors(f, name)
	case "agents.txt":
		v, ws, err = ReadAgents(f, name)
	case "verbs.txt":
		v, ws, err = ReadVerbs(f, name)
	case "discards.txt":
		v, ws, err = ReadDiscards(f, name)
	case "issues.txt":
		v, ws, err = ReadIssues(f, name)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		t.Errorf("unexpected warning %s", w)
	}
	return v, ws
}

func names(s ...string) [][]string {
	out := make([][]string, len(s))
	for i, n := range s {
		out[i] = strings.Fields(n)
	}
	return out
}

func TestActors(t *testing.T) {
	v, _ := readFixture(t, "actors.txt")
	const f = "actors.txt"
	want := []Actor{
		{names("ATLANTIS", "ATLANTEAN", "POSEIDONIA CITY"), []DatedCode{{"ATL", "", ""}}, f, 5},
		{names("MARINA DEL MAR", "PRESIDENT DEL MAR"), []DatedCode{
			{"ATLELI", "1955-01-01", "2003-01-01"}, // 55 > 30: 1955
			{"ATLGOV", "2003-01-01", "2007-01-31"}, // 03 and 07 <= 30: 2003, 2007
			{"ATLGOV", "2015-03-01", ""},
			{"ATLELI", "", ""},
		}, f, 9},
		{names("OLD ADMIRAL"), []DatedCode{{"ATLMIL", "", "1999-12-31"}, {"ATLELI", "", ""}}, f, 16},
		{names("KELP BRIGADE"), []DatedCode{{"ATLREB", "1998-01-01", "2001-12-31"}, {"---", "", ""}}, f, 17},
		{names("TWO CODES"), []DatedCode{{"ATL/LEM", "", ""}}, f, 18},
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("got  %+v\nwant %+v", v, want)
	}
}

func TestAgents(t *testing.T) {
	v, _ := readFixture(t, "agents.txt")
	var got []string
	for _, a := range v.([]Agent) {
		var ns []string
		for _, n := range a.Names {
			ns = append(ns, strings.Join(n, " "))
		}
		got = append(got, fmt.Sprintf("%d %s %s", a.Line, a.Code, strings.Join(ns, "|")))
	}
	want := []string{
		"5 ~GOV PRESIDENT|PRESIDENTS",
		"6 ~COP POLICE",
		"7 ~GOV AUTHORITY|AUTHORITIES",
		"8 ~JUD ATTORNEY|ATTORNEYS",
		"9 ~CVL WITNESS|WITNESSES",
		"10 ~JUD ATTORNEY GENERAL|ATTORNEYS GENERAL",
		"11 ~LEG CONGRESSMAN|CONGRESSMEN|CONGRESSWOMAN|CONGRESSWOMEN|CONGRESSPERSON",
		"12 ~GOVAGR MINISTER OF KELP|MINISTRY OF KELP",
		"13 NGO~ HUMAN RIGHTS BODY|HUMAN RIGHTS BODIES",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVerbs(t *testing.T) {
	v0, _ := readFixture(t, "verbs.txt")
	v := v0.(*Verbs)
	cur, ok := v.Synset("&CURRENCY")
	if !ok || !reflect.DeepEqual(cur.Phrases, names("DOLLAR", "DOLLARS", "SWISS FRANC", "SWISS FRANCS", "YEN", "&METAL")) {
		t.Errorf("&CURRENCY: %+v", cur)
	}
	if aux, ok := v.Synset("&AUXVERB"); !ok || !reflect.DeepEqual(aux.Phrases, names("HAVE", "HAS")) {
		t.Errorf("&AUXVERB_ (no plurals, '_' dropped): %+v", aux)
	}
	if len(v.Blocks) != 1 {
		t.Fatalf("%d blocks", len(v.Blocks))
	}
	b := v.Blocks[0]
	if b.Name != "GRANT" || b.Code != "070" || b.Line != 15 {
		t.Errorf("block %s [%s] at %d", b.Name, b.Code, b.Line)
	}
	var got []string
	for _, vb := range b.Verbs {
		var fs []string
		for _, f := range vb.Forms {
			fs = append(fs, strings.Join(f, " "))
		}
		got = append(got, fmt.Sprintf("%s/%d [%s] %s", strings.Join(vb.Words, " "), vb.Head, vb.Code, strings.Join(fs, "|")))
	}
	want := []string{
		"GRANT/0 [070] GRANTS|GRANTED|GRANTING",
		"GIVE/0 [070] GAVE|GIVEN|GIVING|GIVES",
		"CARRY/0 [070] CARRIES|CARRIED|CARRYING",
		"TIE/0 [071] TIES|TIED|TYING",
		"ASK FOR/0 [020] ASKED FOR|ASKING FOR|ASKS FOR",
		"RE ARREST/1 [070] RE ARRESTS|RE ARRESTED|RE ARRESTING",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("verbs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	w := func(s string) Term { return Term{Word, s} }
	syn := func(s string) Term { return Term{SynsetOf, s} }
	wantPat := []Pattern{
		{Post: Slot{Nouns: []NounPhrase{{syn("&CURRENCY")}}}, Code: "071"},
		{
			Pre:  Slot{Nouns: []NounPhrase{{syn("&AUXVERB")}}},
			Post: Slot{Nouns: []NounPhrase{{w("ARMS"), w("SHIPMENT")}}, Preps: []PrepPhrase{{w("TO"), []NounPhrase{{w("BANNED"), syn("&METAL")}}}}},
			Code: "072:073",
		},
		{Pre: Slot{Nouns: []NounPhrase{{{Source, "$"}}}}, Post: Slot{Nouns: []NounPhrase{{{Target, "+"}}}, Preps: []PrepPhrase{{Prep: w("TO")}}}, Code: ":173"},
		{
			Pre:  Slot{Nouns: []NounPhrase{{w("STRONGLY")}}},
			Post: Slot{Nouns: []NounPhrase{{w("SUPPORT"), w("GROUP")}}, Preps: []PrepPhrase{{w("OF"), []NounPhrase{{{Skip, "^"}}}}}},
			Code: "---",
		},
	}
	if len(b.Patterns) != len(wantPat) {
		t.Fatalf("%d patterns", len(b.Patterns))
	}
	for i, p := range b.Patterns {
		p.Text, p.Line = "", 0
		if !reflect.DeepEqual(p, wantPat[i]) {
			t.Errorf("pattern %d:\ngot  %+v\nwant %+v", i, p, wantPat[i])
		}
	}
	tr := Transformation{Event{Source: "a", Inner: &Event{Source: "a", Target: "b", Verb: "GRANT"}, Verb: "GIVE"}, "a", "b", "070", "verbs.txt", 27}
	if len(v.Transformations) != 1 || !reflect.DeepEqual(v.Transformations[0], tr) {
		t.Errorf("transformations %+v", v.Transformations)
	}
}

func TestIssues(t *testing.T) {
	v, _ := readFixture(t, "issues.txt")
	var got []string
	for _, is := range v.([]Issue) {
		var ns []string
		for _, n := range is.Phrases {
			ns = append(ns, strings.Join(n, " "))
		}
		got = append(got, fmt.Sprintf("%d %s [%s] ~%d %s", is.Line, is.Category, is.Code, is.Ignore, strings.Join(ns, "|")))
	}
	want := []string{
		"2 EDUCATION [SCHOOLS] ~0 SCHOOL|SCHOOLS",
		"3 EDUCATION [EARLY_EDUCATION] ~0 PRE SCHOOL|PRE-SCHOOL|PRE SCHOOLS|PRE-SCHOOLS",
		"4 EDUCATION [TEACHING] ~0 TEACH|TEACHES|TEACHED|TEACHING",
		"5 EDUCATION [HIGHER_EDUCATION] ~0 HIGHER EDUCATION",
		"6 EDUCATION [] ~1 A HEAD START",
		"7 EDUCATION [] ~2 DRIVING SCHOOL",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDiscards(t *testing.T) {
	v, _ := readFixture(t, "discards.txt")
	want := []Discard{
		{[]string{"WORLD", "CUP"}, true, "discards.txt", 2},
		{[]string{"ASIAN", "GAMES"}, false, "discards.txt", 3},
		{[]string{"GRAND", "SLAM"}, true, "discards.txt", 4},
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("got %+v", v)
	}
}

// TestWarnings checks the message of every defect a reader reports.
func TestWarnings(t *testing.T) {
	for _, tc := range []struct {
		file, in string
		want     []string // warnings, then the error if any as "error: …"
	}{
		{"a.actors.txt", "[AFG]\n+AFGHAN\nAFGHANISTAN\n", []string{
			"a.actors.txt:1: code before any actor",
			"a.actors.txt:2: synonym before any actor",
			"a.actors.txt:3: actor AFGHANISTAN has no code",
		}},
		{"a.actors.txt", "LEONID_BREZHNEV\nBREZHNEV\n\t[RUSGOV 641014-821110]\n", []string{
			"a.actors.txt:1: actor LEONID_BREZHNEV has no code (is a '+' missing before the next name?)",
		}},
		{"a.actors.txt", "X\n\t[XGOV 9008223-911221]\n\t[XGOV >201005011]\n\t[XGOV 20121204]\n\t[XGOV 990101-010101]\n\t[XGOV 120101-110101]\n", []string{
			"a.actors.txt:2: date 9008223 has 7 digits (read as 1990-08-22, as PETRARCH does)",
			"a.actors.txt:3: date 201005011 has 9 digits (read as 2010-05-01, as PETRARCH does)",
			"a.actors.txt:4: date 20121204 has no '<', '>' or '-' (read as from 2012-12-04)",
			"a.actors.txt:6: date range 120101-110101 ends before it starts (2012-01-01 to 2011-01-01)",
		}},
		{"a.actors.txt", "X [XGOV 990230-] [XGOV <12345] [XGOV >2001x1] [950601-990815] [] [pse] junk [XGOV", []string{
			`a.actors.txt:1: no such date "990230" in [XGOV 990230-]: code skipped`,
			`a.actors.txt:1: bad date "12345" in [XGOV <12345]: code skipped`,
			`a.actors.txt:1: bad date "2001x1" in [XGOV >2001x1]: code skipped`,
			"a.actors.txt:1: code missing before the dates in [950601-990815]",
			"a.actors.txt:1: empty code []",
			"a.actors.txt:1: lower-case code [pse] (read as PSE)",
			"a.actors.txt:1: '[' is never closed",
			`a.actors.txt:1: unexpected text "junk"`,
		}},
		{"a.actors.txt", "+FAEROYENE]_ [FRO]\nX [X}\n<!-- open\n", []string{
			`a.actors.txt:1: synonym before any actor`,
			`a.actors.txt:2: code [X closed by '}'`,
			"a.actors.txt:3: comment <!-- is never closed",
		}},
		{"a.actors.txt", "Y [Y]\n+FAEROYENE]_\nCOTE_D\uFFFDIVOIRE [CIV]\nJAN_STRASK\x1aY [CZE]\nA\xffB [X]\n", []string{
			`a.actors.txt:2: stray bracket in name "FAEROYENE]_"`,
			"a.actors.txt:3: U+FFFD replacement character: a character was lost before the file was written",
			`a.actors.txt:4: unexpected character U+001A '\x1a'`,
			"a.actors.txt:5: invalid UTF-8 (read as U+FFFD)",
		}},
		{"a.actors.txt", "X [X]\nY\x00 [Y]\n", []string{"error: a.actors.txt:2: NUL byte: not a text file"}},
		{"a.agents.txt", "!P! = MAN, MEN\nP = X\nFIRE!P! {MEN} [~GOV]\n!Q!_X [~GOV]\n!P [~GOV]\nISLAMIST\nX [ENV}\nY {YS [~A]\nZ [~B] junk\n\nDE_OBRAS_PÃŠBLICAS [~GOV]\n", []string{
			`a.agents.txt:2: agent "P = X" has no [code]: line skipped`,
			"a.agents.txt:3: plural {MEN} ignored: a substitution set gives all the forms",
			"a.agents.txt:4: substitution set !Q! is not defined: line skipped",
			`a.agents.txt:5: substitution marker in "!P" is never closed: line skipped`,
			`a.agents.txt:6: agent "ISLAMIST" has no [code]: line skipped`,
			"a.agents.txt:7: code [ENV closed by '}'",
			"a.agents.txt:7: agent code [ENV] should be ~CODE or CODE~",
			"a.agents.txt:8: '{' is never closed: line skipped",
			`a.agents.txt:9: unexpected text "junk" after the code`,
			`a.agents.txt:11: "ÃŠ" looks like UTF-8 read as Windows-1252 (mojibake)`,
		}},
		{"a.agents.txt", "!X = A\n!E! =\n", []string{
			`a.agents.txt:1: substitution set "!X" should be !NAME! = A, B, ...`,
			"a.agents.txt:2: substitution set !E! is empty",
		}},
		{"a.discards.txt", "+\nFOOTBALL [###\n", []string{
			"a.discards.txt:1: empty discard phrase",
			`a.discards.txt:2: discards take no [code]: "FOOTBALL ["`,
		}},
		{"a.issues.txt", "</ISSUE>\n<ISSUE CATEGORY=\"A\">\neurozone\nx [A]y [A]\naqim [A] [A]\nz [A]****\n<ISSUE CATEGORY=\"B\">\n<FOO>\n~\n", []string{
			"a.issues.txt:1: </ISSUE> without <ISSUE>",
			`a.issues.txt:3: phrase "eurozone" has no [code]: ignored, as PETRARCH does`,
			"a.issues.txt:4: more than one entry on the line",
			"a.issues.txt:5: more than one entry on the line",
			"a.issues.txt:5: code [A] without a phrase",
			`a.issues.txt:6: unexpected text "****" after the code`,
			"a.issues.txt:7: <ISSUE> inside the <ISSUE> of line 2",
			`a.issues.txt:8: unknown tag "<FOO>"`,
			"a.issues.txt:9: empty ignore phrase",
			"a.issues.txt:7: <ISSUE> is never closed",
		}},
		{"a.verbs.txt", "GRANT\n- * AID [070]\n&EMPTY\n&S\n+A\n&S\n+B $\n--- [010] ---\nGIVE {GAVE\nLASH OUT\n+X_Y_+Z\n- * (TO VISIT) VISIT) [042]\n- * {A {B}} [042]\n- * (TO (B)) [042]\n- * (TO [042]\n- * {A [042]\n- * } [042]\n- () * [042]\n- * & [042]\n- * AID\n- A * B * [010]\n- * &NONE [010]\n~ a b X = a b\n~ a (b c ATTACK) SAY = a b 015\n", []string{
			`a.verbs.txt:1: "GRANT" outside a verb block: line skipped`,
			`a.verbs.txt:2: "- * AID [070]" outside a verb block: line skipped`,
			"a.verbs.txt:6: synset &S defined again (first at line 4): the members are merged",
			`a.verbs.txt:7: synset member "B $" may only contain words`,
			"a.verbs.txt:8: verb block without a name",
			"a.verbs.txt:9: '{' is never closed",
			"a.verbs.txt:10: multi-word verb LASH OUT has no '+' on its verb (the first word is taken)",
			"a.verbs.txt:11: more than one '+' in +X_Y_+Z",
			`a.verbs.txt:12: pattern "* (TO VISIT) VISIT) [042]": ')' without '(': skipped`,
			`a.verbs.txt:13: pattern "* {A {B}} [042]": '{' inside {…}: skipped`,
			`a.verbs.txt:14: pattern "* (TO (B)) [042]": '(' inside a phrase: skipped`,
			`a.verbs.txt:15: pattern "* (TO [042]": '(' is never closed: skipped`,
			`a.verbs.txt:16: pattern "* {A [042]": '{' is never closed: skipped`,
			`a.verbs.txt:17: pattern "* } [042]": '}' without '{': skipped`,
			`a.verbs.txt:18: pattern "() * [042]": () without a preposition: skipped`,
			`a.verbs.txt:19: pattern "* & [042]": '&' without a synset name: skipped`,
			`a.verbs.txt:20: pattern "* AID" has no [code]: skipped`,
			`a.verbs.txt:21: pattern "A * B * [010]" needs exactly one '*' for the verb: skipped`,
			"a.verbs.txt:23: transformation needs '= SOURCE TARGET CODE': skipped",
			"a.verbs.txt:3: synset &EMPTY has no members",
			"a.verbs.txt:22: undefined synset &NONE: pattern skipped",
			"a.verbs.txt:24: transformation verb SAY is not a verb of the dictionary",
			"a.verbs.txt:24: transformation verb ATTACK is not a verb of the dictionary",
		}},
		{"a.verbs.txt", "&TIES\n+MILITARY\n--- X ---\nX\n- * NEW_&TIES_RELATIONS [010]\n~ a (b ATTACK) X = a b 0\n", []string{
			"a.verbs.txt:6: transformation \"a (b ATTACK) X\" should be SOURCE TARGET VERB, the target possibly (an event): skipped",
			"a.verbs.txt:5: synset &TIES_RELATIONS is not defined: read as &TIES then RELATIONS, '_' joining words as in PETRARCH-1",
		}},
	} {
		_, ws, err := read(strings.NewReader(tc.in), tc.file)
		var got []string
		for _, w := range ws {
			got = append(got, w.String())
		}
		if err != nil {
			got = append(got, "error: "+err.Error())
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %q:\ngot\n\t%s\nwant\n\t%s", tc.file, tc.in, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"000101", "2000-01-01"}, {"300101", "2030-01-01"}, {"310101", "1931-01-01"},
		{"991231", "1999-12-31"}, {"20000229", "2000-02-29"}, {"19000228", "1900-02-28"},
		{"19000229", ""}, {"040229", "2004-02-29"}, {"20110431", ""}, {"121300", ""}, {"12345", ""},
	} {
		l := newLines(strings.NewReader(""), "t")
		got, err := l.date(tc.in)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("date(%s) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"My.actors.txt":           "X [X]\n",
		"Other.actors.txt":        "Y [Y]\n",
		"My.agents.txt":           "POLICE {} [~COP]\n",
		"PETR.Validate.verbs.txt": "--- X ---\n",
		"notes.md":                "not a dictionary",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, ws, err := ReadDir(dir)
	if err != nil || len(ws) > 0 {
		t.Fatal(err, ws)
	}
	if d.Verbs != nil || len(d.Actors) != 2 || d.Actors[0].File != "My.actors.txt" || len(d.Agents) != 1 || len(d.Files) != 3 {
		t.Errorf("%+v", d)
	}
	os.WriteFile(filepath.Join(dir, "Two.agents.txt"), nil, 0o644)
	if _, _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), "more than one agents dictionary: My.agents.txt, Two.agents.txt") {
		t.Errorf("two agents files: %v", err)
	}
	if _, _, err := ReadDir(t.TempDir()); err == nil {
		t.Error("empty directory read without an error")
	}
}

func BenchmarkReadAll(b *testing.B) {
	files := shippedFiles(b)
	var size int64
	for _, f := range files {
		size += int64(len(f))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for name, f := range files {
			if _, _, err := read(bytes.NewReader(f), name); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func ExampleReadActors() {
	in := `KASYMZHOMART_TOKAYEV_  # an actor, a synonym and dated codes
+KASSYM-JOMART_TOKAYEV
	[KAZGOV 991001-020128]
	[KAZELI]
`
	actors, warnings, err := ReadActors(strings.NewReader(in), "kaz.actors.txt")
	fmt.Println(actors[0].Names, actors[0].Codes, len(warnings), err)
	// Output: [[KASYMZHOMART TOKAYEV] [KASSYM-JOMART TOKAYEV]] [{KAZGOV 1999-10-01 2002-01-28} {KAZELI  }] 0 <nil>
}
