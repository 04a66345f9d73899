package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// plainNews are the sentences issues 18 and 19 quote, tried as a new user would, each
// with the events docs/CODING.md asks of it and those `herald code` writes today, through
// the shipped models and dictionaries. Today's events are what the test checks, so that a
// change is seen and decided on; the log says how many are coded as the guide asks.
var plainNews = []struct {
	text        string
	want, today []string
}{
	// Issue 19, tried as a new user would.
	{"Turkish police detained dozens of opposition supporters in Istanbul.",
		[]string{"TURCOP → TUROPP 173"}, []string{"TURCOP → TUROPP 173"}},
	{"China and Russia signed a trade agreement in Moscow.",
		[]string{"CHN → RUS 057", "RUS → CHN 057"}, []string{"CHN → RUS 0311", "RUS → CHN 0311"}},
	{"The Philippine government said it would not resume peace talks with the rebels.",
		[]string{"PHLGOV → PHLREB 125"}, []string{"PHLGOV → PHLREB 125"}},
	// Issue 19's audit: no false alarms.
	{"The U.S. dollar provided support for the Australian dollar.", nil, nil},
	{"European airlines are fighting Ryanair over landing fees.", nil, nil},
	{"The rugby player dismissed media reports of a transfer.", nil, nil},
	{"Air India signed a deal with Boeing.", nil, nil},
	{"Analysts said the dollar would continue to decline.", nil, nil},
	{"Two intrusions took place over Lemnos on Tuesday.", nil, nil},
	{"The minister told Reuters the talks were constructive.", nil, nil},
	{"The ministers held a meeting in Paris.", nil, nil},
	{"Talks in the Uruguay round resumed in Geneva.", nil, nil},
	{"Canadian Prime Minister Mark Carney said Ottawa might impose further counter-tariffs on U.S. goods.", nil, nil},
	{"Kenya did not attend the talks in Addis Ababa.", nil, nil},
	// Issue 19's audit: actors with their country.
	{"Seoul demonstrators clashed with police.",
		[]string{"KOROPP → KORCOP 190", "KORCOP → KOROPP 190"}, []string{"KOROPP → KORCOP 190", "KORCOP → KOROPP 190"}},
	{"The State Department criticized Iran.", []string{"USAGOV → IRN 111"}, []string{"USAGOV → IRN 111"}},
	{"Senator Steven Symms criticized the Soviet Union.", []string{"USALEG → SUN 111"}, []string{"---LEG → SUN 111"}},
	// Issue 18's plain sentences. Students acting in Washington are American (3.3: the place
	// where they act; 4.11 gives the Nairobi case).
	{"Police fired tear gas at the protesters in Nairobi on Tuesday.",
		[]string{"KENCOP → KENOPP 175"}, []string{"KENCOP → KENOPP 175"}},
	{"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.",
		[]string{"KENGOV → ETHGOV 040", "ETHGOV → KENGOV 040"}, nil},
	{"The Israeli air force attacked Hezbollah positions in southern Lebanon.",
		[]string{"ISRMIL → LBNREB 190"}, []string{"ISRMIL → LBNREB 193"}},
	{"Students protested outside the Ethiopian embassy in Washington.",
		[]string{"USAEDU → ETH 141"}, []string{"USAEDU → ETHGOV 140"}},
}

// TestPlainNews codes each sentence as a document of its own, dated 2024-05-20.
func TestPlainNews(t *testing.T) {
	var in strings.Builder
	for i, c := range plainNews {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("p%02d", i), "text": c.text, "published": "2024-05-20"})
		in.Write(line)
		in.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "plain.jsonl")
	if err := os.WriteFile(path, []byte(in.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := herald(t, "", "code", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	got := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var e struct {
			Doc            string
			Source, Target struct{ Code string }
			CAMEO          string
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got[e.Doc] = append(got[e.Doc], fmt.Sprintf("%s → %s %s", e.Source.Code, e.Target.Code, e.CAMEO))
	}
	right := 0
	for i, c := range plainNews {
		g := got[fmt.Sprintf("p%02d", i)]
		if !slices.Equal(g, c.today) {
			t.Errorf("%q: Herald codes %q, the case says today %q (want by the guide %q)", c.text, g, c.today, c.want)
		}
		w, s := slices.Clone(c.want), slices.Clone(g)
		slices.Sort(w)
		slices.Sort(s)
		if slices.Equal(w, s) {
			right++
		}
	}
	t.Logf("%d of %d plain news sentences coded as docs/CODING.md asks", right, len(plainNews))
}
