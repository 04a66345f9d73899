package ner

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"herald/entity/ner/iob"
)

// PRF is precision, recall and F1, in percent, with the counts they come from.
type PRF struct {
	P, R, F1           float64
	Gold, Found, Right int
}

func prf(gold, found, right int) PRF {
	x := PRF{Gold: gold, Found: found, Right: right}
	if found > 0 {
		x.P = 100 * float64(right) / float64(found)
	}
	if gold > 0 {
		x.R = 100 * float64(right) / float64(gold)
	}
	if x.P+x.R > 0 {
		x.F1 = 2 * x.P * x.R / (x.P + x.R)
	}
	return x
}

// Scores are the results of an evaluation, as `herald eval ner` reports them.
type Scores struct {
	P, R, F1  float64
	PerType   map[string]PRF // PER, ORG, LOC
	Sentences int
	Tokens    int
	// TokensPerSecond is the recognizer's speed, tagging excluded.
	TokensPerSecond float64
	// TopErrors are the most frequent disagreements, most frequent first, for a human to
	// read: "missed PER Obama", "spurious ORG Google", "ORG as LOC Harvard",
	// "span LOC New York→York".
	TopErrors []ErrorCount
}

// ErrorCount is one kind of disagreement and how often it occurred.
type ErrorCount struct {
	What  string
	Count int
}

// maxErrors is how many disagreements Evaluate lists.
const maxErrors = 40

// evalTypes are the types an evaluation compares.
var evalTypes = []string{"PER", "ORG", "LOC"}

// evalClass is the class a Herald type is scored as: PERSON as PER, ORG as ORG, LOC and
// GPE as LOC; "" for types the evaluation ignores (NORP, EVENT, OTHER …).
func evalClass(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "ORG":
		return "ORG"
	case "LOC", "GPE":
		return "LOC"
	}
	return ""
}

// Evaluate recognizes the names in gold's sentences (which carry their tags, see Tag)
// and scores them against gold's: exact span and type, micro-averaged over PER, ORG and
// LOC, as docs/INTERFACES.md specifies for `herald eval ner`.
func Evaluate(m *Model, gold []Sentence, gaz KnownNames) Scores {
	r := m.NewRecognizer(gaz)
	type key struct {
		start, end int
		class      string
	}
	counts := map[string]*[3]int{} // gold, found, right
	for _, t := range evalTypes {
		counts[t] = &[3]int{}
	}
	var (
		found   []Span
		elapsed time.Duration
		tokens  int
	)
	want := map[key]bool{}
	errs := map[string]int{}
	for i := range gold {
		g := &gold[i]
		t0 := time.Now()
		found = r.Recognize(g.Words, g.UPOS, g.XPOS, found[:0])
		elapsed += time.Since(t0)
		tokens += len(g.Words)
		clear(want)
		for _, sp := range g.Spans {
			if c := evalClass(sp.Type); c != "" {
				want[key{sp.Start, sp.End, c}] = true
				counts[c][0]++
			}
		}
		for _, sp := range found {
			c := evalClass(sp.Type)
			if c == "" {
				continue
			}
			counts[c][1]++
			if want[key{sp.Start, sp.End, c}] {
				counts[c][2]++
			}
		}
		countErrors(errs, g, found)
	}
	sc := Scores{PerType: map[string]PRF{}, Sentences: len(gold), Tokens: tokens}
	var all [3]int
	for _, t := range evalTypes {
		c := counts[t]
		sc.PerType[t] = prf(c[0], c[1], c[2])
		for k := range all {
			all[k] += c[k]
		}
	}
	total := prf(all[0], all[1], all[2])
	sc.P, sc.R, sc.F1 = total.P, total.R, total.F1
	if elapsed > 0 {
		sc.TokensPerSecond = float64(tokens) / elapsed.Seconds()
	}
	sc.TopErrors = topErrors(errs, maxErrors)
	return sc
}

// countErrors adds the disagreements of one sentence to errs. A found span that overlaps
// a gold one is a type or a boundary error of it, not a miss and a spurious name.
func countErrors(errs map[string]int, g *Sentence, found []Span) {
	text := func(sp Span) string { return strings.Join(g.Words[sp.Start:sp.End], " ") }
	matched := make([]bool, len(found))
	for _, gs := range g.Spans {
		gc := evalClass(gs.Type)
		if gc == "" {
			continue
		}
		var near *Span
		for j := range found {
			fs := &found[j]
			if fs.Start < gs.End && gs.Start < fs.End && evalClass(fs.Type) != "" {
				matched[j] = true
				if near == nil {
					near = fs
				}
			}
		}
		switch {
		case near == nil:
			errs["missed "+gc+" "+text(gs)]++
		case near.Start == gs.Start && near.End == gs.End && evalClass(near.Type) == gc:
		case evalClass(near.Type) != gc:
			errs[gc+" as "+evalClass(near.Type)+" "+text(gs)]++
		default:
			errs["span "+gc+" "+text(gs)+"→"+text(*near)]++
		}
	}
	for j, fs := range found {
		if fc := evalClass(fs.Type); fc != "" && !matched[j] {
			errs["spurious "+fc+" "+text(fs)]++
		}
	}
}

func topErrors(errs map[string]int, k int) []ErrorCount {
	out := make([]ErrorCount, 0, len(errs))
	for what, n := range errs {
		out = append(out, ErrorCount{what, n})
	}
	slices.SortFunc(out, func(a, b ErrorCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.What, b.What)
	})
	return out[:min(k, len(out))]
}

// Report writes the scores as `herald eval ner` prints them: a table per type, then the
// machine-readable summary line of docs/INTERFACES.md.
func (sc Scores) Report(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-5s %7s %7s %7s %6s %6s %6s\n", "type", "P", "R", "F1", "gold", "found", "right")
	for _, t := range evalTypes {
		x := sc.PerType[t]
		fmt.Fprintf(&b, "%-5s %7.2f %7.2f %7.2f %6d %6d %6d\n", t, x.P, x.R, x.F1, x.Gold, x.Found, x.Right)
	}
	fmt.Fprintf(&b, "%-5s %7.2f %7.2f %7.2f\n", "all", sc.P, sc.R, sc.F1)
	fmt.Fprintf(&b, "%d sentences, %d tokens, %.0f tokens/s (recognizer only)\n", sc.Sentences, sc.Tokens, sc.TokensPerSecond)
	if len(sc.TopErrors) > 0 {
		b.WriteString("most frequent disagreements:\n")
		for _, e := range sc.TopErrors {
			fmt.Fprintf(&b, "%6d  %s\n", e.Count, e.What)
		}
	}
	fmt.Fprintf(&b, "P=%.2f R=%.2f F1=%.2f PER_F1=%.2f ORG_F1=%.2f LOC_F1=%.2f sentences=%d\n",
		sc.P, sc.R, sc.F1, sc.PerType["PER"].F1, sc.PerType["ORG"].F1, sc.PerType["LOC"].F1, sc.Sentences)
	_, err := io.WriteString(w, b.String())
	return err
}

// ReadGold reads an evaluation file for `herald eval ner`: any IOB layout of package iob,
// recognised from its first data line, or the GMB corpus (ner_dataset.csv or its zip), of
// which only the held-out slice (iob.HeldOut) is returned, its hyphenated words split as
// in training (SplitHyphens). Types are mapped as MapType and FromIOB say (gaz may be
// nil); the sentences come back without tags.
func ReadGold(path string, gaz KnownNames) ([]Sentence, error) {
	sents, layout, err := iob.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Sentence
	for i := range sents {
		if layout == iob.GMB && !iob.HeldOut(sents[i].ID) {
			continue
		}
		s := FromIOB(layout, &sents[i], gaz)
		if layout == iob.GMB {
			s = SplitHyphens(s)
		}
		out = append(out, s)
	}
	return out, nil
}

// EvaluateFile scores m on a gold file (see ReadGold), tagging its words with tag.
func EvaluateFile(m *Model, path string, tag TagFunc, gaz KnownNames) (Scores, error) {
	gold, err := ReadGold(path, gaz)
	if err != nil {
		return Scores{}, err
	}
	Tag(gold, tag)
	return Evaluate(m, gold, gaz), nil
}
