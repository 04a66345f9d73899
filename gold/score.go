package gold

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"herald/lexicon"
)

// Levels of agreement between two events, from the loosest to the strictest.
const (
	// Countries: the same CAMEO root, and the same principal (country, IGO or group) on
	// each side.
	Countries = iota
	// Agents: also the same agents on each side.
	Agents
	// Full: the same full event code and actor codes.
	Full
	numLevels
)

// LevelNames label the levels in reports.
var LevelNames = [numLevels]string{"root + countries", "+ agents", "full code"}

// agentsOf returns what follows the principal of an actor code, its three-letter parts in
// order of their codes, so that "USAGOVMIL" and "USAMILGOV" agree.
func agentsOf(code string) string {
	parts := lexicon.Agents(code)
	if len(code) == 3 {
		parts = nil // a bare agent is its own principal
	}
	slices.Sort(parts)
	return strings.Join(parts, "")
}

// key is what two events must share to agree at a level.
func key(e Event, level int) string {
	switch level {
	case Countries:
		return root(e.CAMEO) + "|" + lexicon.Principal(e.Source) + "|" + lexicon.Principal(e.Target)
	case Agents:
		return root(e.CAMEO) + "|" + lexicon.Principal(e.Source) + agentsOf(e.Source) + "|" + lexicon.Principal(e.Target) + agentsOf(e.Target)
	}
	return e.CAMEO + "|" + e.Source + "|" + e.Target
}

func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

func ploverKey(e Event) string {
	return e.PLOVER + "|" + lexicon.Principal(e.Source) + "|" + lexicon.Principal(e.Target)
}

// PRF counts the agreements of a measure: TP items in both, Pred predicted, Gold in the
// gold standard.
type PRF struct{ TP, Pred, Gold int }

// P, R and F1 are precision, recall and F1 in percent (0 when undefined).
func (m PRF) P() float64 { return pct(m.TP, m.Pred) }
func (m PRF) R() float64 { return pct(m.TP, m.Gold) }
func (m PRF) F1() float64 {
	if m.TP == 0 {
		return 0
	}
	return 2 * m.P() * m.R() / (m.P() + m.R())
}

func (m *PRF) add(o PRF) { m.TP, m.Pred, m.Gold = m.TP+o.TP, m.Pred+o.Pred, m.Gold+o.Gold }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// matched counts the items two lists share, each item used once.
func matched(gold, pred []string) PRF {
	count := map[string]int{}
	for _, k := range gold {
		count[k]++
	}
	tp := 0
	for _, k := range pred {
		if count[k] > 0 {
			count[k]--
			tp++
		}
	}
	return PRF{TP: tp, Pred: len(pred), Gold: len(gold)}
}

func keys(events []Event, f func(Event) string) []string {
	out := make([]string, 0, len(events))
	for _, e := range events {
		out = append(out, f(e))
	}
	return out
}

// Result is how one sentence fared.
type Result struct {
	Sentence *Sentence
	// Predicted are the events coded in the sentence.
	Predicted []Event
	// Levels are the sentence's agreements at each level.
	Levels [numLevels]PRF
}

// Right reports whether the sentence's events are the gold ones at a level.
func (r *Result) Right(level int) bool {
	m := r.Levels[level]
	return m.TP == m.Gold && m.TP == m.Pred
}

// Report is the score of coded events against gold sentences.
type Report struct {
	Sentences int
	Levels    [numLevels]PRF
	// PLOVER is the agreement of PLOVER types, with the principals of both sides; events
	// without a PLOVER type (CAMEO 01 and 02) are left out on both sides.
	PLOVER PRF
	// HasEvent is the agreement on which sentences hold an event.
	HasEvent PRF
	// Confusion counts (gold root, coded root) pairs of events of the same dyad, "-" for
	// an event on one side only.
	Confusion map[[2]string]int
	Results   []Result
}

// Score scores the events coded in each gold sentence (predicted, by sentence id)
// against the gold ones.
func Score(sents []Sentence, predicted map[string][]Event) *Report {
	r := &Report{Sentences: len(sents), Confusion: map[[2]string]int{}}
	for i := range sents {
		s := &sents[i]
		pred := predicted[s.ID]
		res := Result{Sentence: s, Predicted: pred}
		for level := range numLevels {
			res.Levels[level] = matched(keys(s.Events, func(e Event) string { return key(e, level) }),
				keys(pred, func(e Event) string { return key(e, level) }))
			r.Levels[level].add(res.Levels[level])
		}
		r.PLOVER.add(matched(keys(withPLOVER(s.Events), ploverKey), keys(withPLOVER(pred), ploverKey)))
		has := PRF{}
		if len(s.Events) > 0 {
			has.Gold = 1
		}
		if len(pred) > 0 {
			has.Pred = 1
		}
		if has.Gold == 1 && has.Pred == 1 {
			has.TP = 1
		}
		r.HasEvent.add(has)
		for pair, n := range confusion(s.Events, pred) {
			r.Confusion[pair] += n
		}
		r.Results = append(r.Results, res)
	}
	return r
}

func withPLOVER(events []Event) []Event {
	var out []Event
	for _, e := range events {
		if e.PLOVER != "" && e.PLOVER != "-" {
			out = append(out, e)
		}
	}
	return out
}

// confusion pairs the gold and coded events of one sentence by dyad (the principals of
// both sides), the same root first, and counts their roots.
func confusion(gold, pred []Event) map[[2]string]int {
	out := map[[2]string]int{}
	used := make([]bool, len(pred))
	dyad := func(e Event) string { return lexicon.Principal(e.Source) + "|" + lexicon.Principal(e.Target) }
	var left []Event
	for _, g := range gold {
		k := -1
		for j, p := range pred {
			if !used[j] && dyad(p) == dyad(g) && root(p.CAMEO) == root(g.CAMEO) {
				k = j
				break
			}
		}
		if k < 0 {
			left = append(left, g)
			continue
		}
		used[k] = true
		out[[2]string{root(g.CAMEO), root(pred[k].CAMEO)}]++
	}
	for _, g := range left {
		k := -1
		for j, p := range pred {
			if !used[j] && dyad(p) == dyad(g) {
				k = j
				break
			}
		}
		if k < 0 {
			out[[2]string{root(g.CAMEO), "-"}]++
			continue
		}
		used[k] = true
		out[[2]string{root(g.CAMEO), root(pred[k].CAMEO)}]++
	}
	for j, p := range pred {
		if !used[j] {
			out[[2]string{"-", root(p.CAMEO)}]++
		}
	}
	return out
}

// Summary is the report's last line: KEY=VALUE pairs, percentages 0-100.
func (r *Report) Summary(prefix string) string {
	var b strings.Builder
	names := [numLevels]string{"", "_agents", "_full"}
	for level := range numLevels {
		m := r.Levels[level]
		fmt.Fprintf(&b, "%sP%s=%.2f %sR%s=%.2f %sF1%s=%.2f ", prefix, names[level], m.P(), prefix, names[level], m.R(), prefix, names[level], m.F1())
	}
	fmt.Fprintf(&b, "%sevent_P=%.2f %sevent_R=%.2f %splover_P=%.2f %splover_R=%.2f ",
		prefix, r.HasEvent.P(), prefix, r.HasEvent.R(), prefix, r.PLOVER.P(), prefix, r.PLOVER.R())
	fmt.Fprintf(&b, "%ssentences=%d %sgold_events=%d %sevents=%d", prefix, r.Sentences, prefix, r.Levels[Full].Gold, prefix, r.Levels[Full].Pred)
	return b.String()
}

// WriteTable writes the measures, one row each.
func (r *Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%-26s %6s %6s %6s   %s\n", "", "P", "R", "F1", "agree / coded / gold")
	row := func(name string, m PRF) {
		fmt.Fprintf(w, "%-26s %6.2f %6.2f %6.2f   %d / %d / %d\n", name, m.P(), m.R(), m.F1(), m.TP, m.Pred, m.Gold)
	}
	for level := range numLevels {
		row(LevelNames[level], r.Levels[level])
	}
	row("PLOVER type + countries", r.PLOVER)
	row("has an event (sentences)", r.HasEvent)
}

// WriteConfusion writes the confusion table by root: gold roots in rows, coded roots in
// columns, "-" for none.
func (r *Report) WriteConfusion(w io.Writer) {
	seen := map[string]bool{}
	for pair := range r.Confusion {
		seen[pair[0]], seen[pair[1]] = true, true
	}
	var roots []string
	for k := range seen {
		if k != "-" {
			roots = append(roots, k)
		}
	}
	slices.Sort(roots)
	roots = append(roots, "-")
	fmt.Fprintf(w, "%-6s", "gold\\→")
	for _, c := range roots {
		fmt.Fprintf(w, "%4s", c)
	}
	fmt.Fprintln(w)
	for _, g := range roots {
		fmt.Fprintf(w, "%-6s", g)
		for _, c := range roots {
			if n := r.Confusion[[2]string{g, c}]; n > 0 {
				fmt.Fprintf(w, "%4d", n)
			} else {
				fmt.Fprintf(w, "%4s", ".")
			}
		}
		fmt.Fprintln(w)
	}
}

// Wrong returns the sentences whose events are not the gold ones at a level, most
// events first, then in id order.
func (r *Report) Wrong(level int) []Result {
	var out []Result
	for _, res := range r.Results {
		if !res.Right(level) {
			out = append(out, res)
		}
	}
	slices.SortStableFunc(out, func(a, b Result) int {
		return cmp.Compare(len(b.Sentence.Events)+len(b.Predicted), len(a.Sentence.Events)+len(a.Predicted))
	})
	return out
}

// FormatEvent writes an event as "USAGOV → RUS 040 CONSULT «met»".
func FormatEvent(e Event) string {
	s := fmt.Sprintf("%s → %s %s", e.Source, e.Target, e.CAMEO)
	if e.PLOVER != "" && e.PLOVER != "-" {
		s += " " + e.PLOVER
	}
	if e.Words != "" {
		s += " «" + e.Words + "»"
	}
	return s
}

// Agreement compares two coders' codings of the same sentences.
type Agreement struct {
	Sentences int
	// Event is the agreement on whether a sentence holds an event: the share of
	// sentences the coders agree on, and Cohen's kappa.
	EventAgree, EventKappa float64
	// Root compares the roots of each sentence's events; Dyads the actor codes of their
	// two sides, and Countries the principals of the two sides, whatever the event.
	Root, Dyads, Countries PRF
	// Report scores the second coder against the first at every level.
	Report *Report
}

// Agree measures the agreement of a second coding of some of the sentences of first.
func Agree(first, second []Sentence) (*Agreement, error) {
	byID := map[string]*Sentence{}
	for i := range first {
		byID[first[i].ID] = &first[i]
	}
	var a Agreement
	var firsts []Sentence
	predicted := map[string][]Event{}
	both, neither, onlyFirst, onlySecond := 0, 0, 0, 0
	for _, s := range second {
		f, ok := byID[s.ID]
		if !ok {
			return nil, fmt.Errorf("%s: not in the first coding", s.ID)
		}
		if f.Corpus != s.Corpus || f.Doc != s.Doc || f.Start != s.Start || f.End != s.End {
			return nil, fmt.Errorf("%s: not the same sentence in the two codings", s.ID)
		}
		firsts = append(firsts, *f)
		predicted[s.ID] = s.Events
		a.Root.add(matched(keys(f.Events, func(e Event) string { return root(e.CAMEO) }), keys(s.Events, func(e Event) string { return root(e.CAMEO) })))
		a.Dyads.add(matched(keys(f.Events, func(e Event) string { return e.Source + "|" + e.Target }), keys(s.Events, func(e Event) string { return e.Source + "|" + e.Target })))
		a.Countries.add(matched(keys(f.Events, func(e Event) string { return lexicon.Principal(e.Source) + "|" + lexicon.Principal(e.Target) }),
			keys(s.Events, func(e Event) string { return lexicon.Principal(e.Source) + "|" + lexicon.Principal(e.Target) })))
		switch x, y := len(f.Events) > 0, len(s.Events) > 0; {
		case x && y:
			both++
		case !x && !y:
			neither++
		case x:
			onlyFirst++
		default:
			onlySecond++
		}
	}
	n := float64(len(second))
	a.Sentences = len(second)
	if n > 0 {
		po := float64(both+neither) / n
		p1, p2 := float64(both+onlyFirst)/n, float64(both+onlySecond)/n
		pe := p1*p2 + (1-p1)*(1-p2)
		a.EventAgree = 100 * po
		if pe < 1 {
			a.EventKappa = (po - pe) / (1 - pe)
		}
	}
	a.Report = Score(firsts, predicted)
	return &a, nil
}
