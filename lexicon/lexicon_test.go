package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"herald/learn"
	"herald/lexicon/petrarch"
)

const shared = "../../shared/data/dictionaries/petrarch2"

func TestEmbeddedReads(t *testing.T) {
	l, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Actors) < 20000 || len(l.Agents) < 2000 {
		t.Fatalf("embedded lexicon too small: %s", l)
	}
	words := strings.Fields("the U.N. Security Council met")
	if n, a := l.Actor(words, 1); n != 3 || a.At("2024-05-20") != "IGOUNO" {
		t.Errorf("U.N. Security Council: %d words, %+v", n, a)
	}
	if n, a := l.Agent(strings.Fields("Turkish police fired"), 1); n != 1 || a.Code != "~COP" {
		t.Errorf("police: %d words, %+v", n, a)
	}
	// Plurals come from the reader's automatic plurals.
	if n, a := l.Agent([]string{"protesters"}, 0); n != 1 || a.Code != "~OPP" {
		t.Errorf("protesters: %d words, %+v", n, a)
	}
	if l.Verbs == nil || len(l.Verbs.Blocks) < 100 {
		t.Fatal("embedded verb dictionary missing")
	}
	if _, ok := l.Verbs.Synset("&CURRENCY"); !ok {
		t.Error("synset index not rebuilt after decoding")
	}
}

func TestDatedCodes(t *testing.T) {
	a := Actor{Codes: []Code{{"KAZELI", "1971-01-01", "1999-10-01"}, {"KAZGOV", "1999-10-01", "2002-01-28"}, {"KAZELI", "", ""}}}
	for date, want := range map[string]string{"1980-01-01": "KAZELI", "2000-05-05": "KAZGOV", "2002-01-28": "KAZELI", "": "KAZELI", "2024-05-20": "KAZELI"} {
		if got := a.At(date); got != want {
			t.Errorf("At(%q) = %q, want %q", date, got, want)
		}
	}
	if got := (&Actor{Codes: []Code{{"CHNGOV", "2012-11-15", ""}}}).At("2010-01-01"); got != "" {
		t.Errorf("before an open range with no default: %q, want none", got)
	}
}

func TestNameTokens(t *testing.T) {
	for in, want := range map[string]string{
		"KAZAKHSTAN'S_FOREIGN_MINISTER": "KAZAKHSTAN 'S FOREIGN MINISTER",
		"SECRETARY-GENERAL":             "SECRETARY - GENERAL",
		"U.S._ARMY":                     "U.S. ARMY",
		"al-qaeda":                      "AL - QAEDA",
		"-":                             "-",
	} {
		if got := strings.Join(nameTokens(strings.Split(in, "_")), " "); got != want {
			t.Errorf("nameTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCompileReproducible compiles the shipped dictionaries twice and compares the bytes
// with each other and with the embedded file.
func TestCompileReproducible(t *testing.T) {
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared dictionaries not available (%v)", err)
	}
	var out [2]bytes.Buffer
	for i := range out {
		l, _, err := CompileDir(shared)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Write(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatal("two compilations differ")
	}
	if out[0].String() != embeddedFile {
		t.Error("the embedded lexicon is not what the shipped dictionaries compile to: run herald build-lexicon")
	}
	l, err := Read(bytes.NewReader(out[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := l.Write(&again); err != nil || !bytes.Equal(again.Bytes(), out[0].Bytes()) {
		t.Errorf("read and written again, the lexicon changes (%v)", err)
	}
}

func TestReadRejectsDamage(t *testing.T) {
	for _, data := range []string{"", "not a lexicon", embeddedFile[:len(embeddedFile)/2], embeddedFile[:len(embeddedFile)-1], embeddedFile + "x"} {
		if _, err := Read(strings.NewReader(data)); !errors.Is(err, learn.ErrFormat) {
			t.Errorf("%d damaged bytes: error %v, want learn.ErrFormat", len(data), err)
		}
	}
}

// BenchmarkEmbedded reads the embedded lexicon, as Embedded does on its first call.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(embeddedFile); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkActorMatch(b *testing.B) {
	l, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("Kazakh President Kassym-Jomart Tokayev met the U.N. Security Council in Astana")
	b.ReportAllocs()
	for b.Loop() {
		for i := range words {
			l.Actor(words, i)
			l.Agent(words, i)
		}
	}
}

// TestIndexLongestEarliest checks the index's rules on a small trie: the longest name
// wins, among names of the same words the earliest entry, matching is case-blind (also
// beyond ASCII), a node with more children than mapChildren still finds each, and a
// prefix that is no name matches nothing.
func TestIndexLongestEarliest(t *testing.T) {
	var ix index
	ix.add([]string{"UNITED", "STATES"}, 3)
	ix.add([]string{"UNITED", "STATES", "ARMY"}, 4)
	ix.add([]string{"UNITED", "STATES"}, 1) // same words, earlier entry
	ix.add([]string{"ÉIRE"}, 5)
	for k := range mapChildren + 3 {
		ix.add([]string{"THE", fmt.Sprintf("W%d", k)}, 10+k)
	}
	for _, c := range []struct {
		words       string
		at, n, want int
	}{
		{"the United States said", 1, 2, 1},
		{"the united states army said", 1, 3, 4},
		{"United Nations", 0, 0, -1},
		{"United", 0, 0, -1},
		{"Éire", 0, 1, 5},
		{"éire", 0, 1, 5},
		{"the w0 and the w10", 0, 2, 10},
		{"the w0 and the w10", 3, 2, 20},
		{"the w99", 0, 0, -1},
	} {
		n, e := ix.match(strings.Fields(c.words), c.at)
		if n != c.n || e != c.want {
			t.Errorf("%q at %d: %d words, entry %d; want %d, %d", c.words, c.at, n, e, c.n, c.want)
		}
	}
	words := strings.Fields("the United States Army said")
	if a := testing.AllocsPerRun(100, func() { ix.match(words, 1) }); a != 0 {
		t.Errorf("match allocates %v times", a)
	}
}

// FuzzRead feeds damaged compiled lexicons to the reader: errors are fine, panics are
// not, and what it accepts must answer Actor and Agent.
func FuzzRead(f *testing.F) {
	l := Compile([]petrarch.Actor{{Names: [][]string{{"UNITED", "STATES"}, {"U.S."}}, Codes: []petrarch.DatedCode{{Code: "USA"}}}},
		[]petrarch.Agent{{Names: [][]string{{"POLICE"}}, Code: "~COP"}}, "fuzz")
	l.Verbs = &petrarch.Verbs{Blocks: []petrarch.VerbBlock{{Name: "MEET", Code: "040"}}}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		words := strings.Fields("the United States police said")
		for i := range words {
			l.Actor(words, i)
			l.Agent(words, i)
		}
		var again bytes.Buffer
		if err := l.Write(&again); err != nil {
			t.Fatal(err)
		}
	})
}

// TestEmbeddedWritesItself reads the embedded lexicon and writes it again: the same
// bytes, so that nothing of the file is lost in reading.
func TestEmbeddedWritesItself(t *testing.T) {
	l, err := decode(embeddedFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != embeddedFile {
		t.Errorf("the embedded %s read and written again differs", File)
	}
}

// TestHeraldFilesFirst compiles a stand-in for Phoenix's dictionaries with Herald's own
// files: a name both give codes as Herald's say (SPOKESMAN is GOV, not Phoenix's MED; EC
// is the European Community), a name Herald's agents file codes [~] is gone from every
// entry (ECONOMIST), and names Herald's files do not touch keep Phoenix's codes. Without
// Phoenix's files, Herald's are not compiled.
func TestHeraldFilesFirst(t *testing.T) {
	d := &petrarch.Dictionaries{
		Files: []string{"dir/Phoenix.Countries.actors.txt", "dir/Phoenix.agents.txt"},
		Actors: []petrarch.Actor{
			{Names: [][]string{{"EC"}}, Codes: []petrarch.DatedCode{{Code: "ECU"}}, File: "Phoenix.Countries.actors.txt", Line: 1},
			{Names: [][]string{{"GONDOR"}}, Codes: []petrarch.DatedCode{{Code: "GON"}}, File: "Phoenix.Countries.actors.txt", Line: 2},
		},
		Agents: []petrarch.Agent{
			{Names: [][]string{{"SPOKESMAN"}, {"SPOKESMEN"}}, Code: "~MED", File: "Phoenix.agents.txt", Line: 1},
			{Names: [][]string{{"ECONOMIST"}, {"ECONOMISTS"}}, Code: "~EDU", File: "Phoenix.agents.txt", Line: 2},
			{Names: [][]string{{"POLICE"}}, Code: "~COP", File: "Phoenix.agents.txt", Line: 3},
		},
	}
	l, warnings, err := compile(d, nil)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("compile: %v %v", err, warnings)
	}
	if !strings.HasPrefix(l.Source, FixesFile+", "+SupplementFile+", ") {
		t.Errorf("source %q: Herald's files should come first", l.Source)
	}
	for _, c := range []struct{ word, code string }{{"EC", "IGOEUREEC"}, {"Gondor", "GON"}} {
		if n, a := l.Actor([]string{c.word}, 0); n != 1 || a.At("1987-03-02") != c.code {
			t.Errorf("actor %s: %d words, %+v; want %s", c.word, n, a, c.code)
		}
	}
	for _, c := range []struct{ word, code string }{{"spokesman", "~GOV"}, {"spokesmen", "~GOV"}, {"police", "~COP"}, {"economist", ""}, {"economists", ""}} {
		n, a := l.Agent([]string{c.word}, 0)
		if c.code == "" {
			if n != 0 {
				t.Errorf("agent %s: %+v, want none (Herald's [~] takes it out)", c.word, a)
			}
			continue
		}
		if n != 1 || a.Code != c.code {
			t.Errorf("agent %s: %d words, %+v; want %s", c.word, n, a, c.code)
		}
	}
	for _, a := range l.Agents {
		if a.Code == NoAgent {
			t.Errorf("agent %s coded [~] is in the lexicon", a.Name)
		}
	}

	d.Files = []string{"dir/my.actors.txt", "dir/my.agents.txt"}
	l, _, err = compile(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, a := l.Agent([]string{"spokesman"}, 0); n != 1 || a.Code != "~MED" {
		t.Errorf("a user's own agents dictionary: spokesman is %+v, want its own ~MED", a)
	}
	if n, a := l.Actor([]string{"EC"}, 0); n != 1 || a.At("") != "ECU" {
		t.Errorf("a user's own actor dictionary: EC is %+v, want its own ECU", a)
	}
}
