package petrarchtest

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"herald/document"
	"herald/pipeline"
)

// Evaluation is what `herald eval petrarch` reports: the records, coded and scored.
type Evaluation struct {
	Records *Records
	Score   Score
	// Code is the time the pipeline took to code the records.
	Code time.Duration
	// Errs are the errors the pipeline met, each naming its record.
	Errs []error
	// Dictionaries and Load are the caller's to fill, since the caller loads the
	// dictionaries and the models: the directory it read the dictionaries from and the
	// time the loading took. The report shows them.
	Dictionaries string
	Load         time.Duration
}

// Evaluate codes the text of each record with p, which the caller builds with the
// dictionaries the records name (Records.Files), and scores the events.
func Evaluate(p *pipeline.Pipeline, recs *Records) *Evaluation {
	docs := func(yield func(*document.Document, error) bool) {
		for _, s := range recs.Sentences {
			d := &document.Document{ID: s.ID, Source: recs.Source, Line: s.Line, Raw: []byte(s.Text), Published: s.Date}
			if !yield(d, nil) {
				return
			}
		}
	}
	ev := &Evaluation{Records: recs}
	i := 0
	start := time.Now()
	p.Run(docs, func(r pipeline.Result) {
		ev.Errs = append(ev.Errs, r.Errs...)
		var events []document.Event
		if r.Doc != nil {
			events = r.Doc.Events
		}
		ev.Score.Add(&recs.Sentences[i], events)
		i++
	})
	ev.Code = time.Since(start)
	return ev
}

// Write writes the report: the file, the dictionaries, the time taken, then the score
// (Score.Write), listing at most maxFailures of the sentences that are not exact.
func (e *Evaluation) Write(w io.Writer, maxFailures int) {
	fmt.Fprintf(w, "file           %s (%d sentences)\n", e.Records.Source, len(e.Records.Sentences))
	fmt.Fprintf(w, "dictionaries   %s: %s\n", e.Dictionaries, strings.Join(e.Records.names(), ", "))
	fmt.Fprintf(w, "time           %.0f ms to load, %.0f ms to code\n", e.Load.Seconds()*1000, e.Code.Seconds()*1000)
	e.Score.Write(w, maxFailures)
}

// Score compares coded events with the expected ones, sentence by sentence.
type Score struct {
	Exact, Total int
	// Events, event-level: expected, coded, and coded that were expected.
	Want, Got, Matched int
	Categories         []Category
	Failures           []Failure
	// ByConfidence counts coded events and those expected, by confidence band (see
	// confidenceBands), to show whether the coder's confidence orders its events by
	// how often they are right.
	ByConfidence [len(confidenceBands) + 1][2]int
}

// confidenceBands are the lower bounds of the confidence bands reported, after the first
// (below 0.6).
var confidenceBands = [...]float64{0.6, 0.7, 0.8}

func confidenceBand(c float64) int {
	b := 0
	for i, lo := range confidenceBands {
		if c >= lo {
			b = i + 1
		}
	}
	return b
}

// Category is the score of the records of one category, in the order first seen.
type Category struct {
	Name         string
	Exact, Total int
}

// Failure is a sentence that is not exact: the codings expected and those coded, as
// sets.
type Failure struct {
	ID, Category string
	Want, Got    []Coding
}

// Add scores one sentence: it is exact when the set of coded (source, target, code)
// triples equals the expected set, which for a noevents record is empty.
func (s *Score) Add(sent *Sentence, events []document.Event) {
	want := codingSet(sent.Want)
	got := make([]Coding, len(events))
	for i, e := range events {
		got[i] = Coding{Source: e.Source.Code, Target: e.Target.Code, Event: e.CAMEO}
	}
	for i, e := range events {
		b := confidenceBand(e.Confidence)
		s.ByConfidence[b][0]++
		if slices.ContainsFunc(sent.Want, func(w Coding) bool { return compareCoding(w, got[i]) == 0 }) {
			s.ByConfidence[b][1]++
		}
	}
	got = codingSet(got)
	matched := 0
	for _, g := range got {
		if _, ok := slices.BinarySearchFunc(want, g, compareCoding); ok {
			matched++
		}
	}
	s.Want += len(want)
	s.Got += len(got)
	s.Matched += matched
	s.Total++
	exact := matched == len(want) && matched == len(got)
	i := slices.IndexFunc(s.Categories, func(c Category) bool { return c.Name == sent.Category })
	if i < 0 {
		s.Categories = append(s.Categories, Category{Name: sent.Category})
		i = len(s.Categories) - 1
	}
	s.Categories[i].Total++
	if exact {
		s.Exact++
		s.Categories[i].Exact++
		return
	}
	s.Failures = append(s.Failures, Failure{ID: sent.ID, Category: sent.Category, Want: want, Got: got})
}

func compareCoding(a, b Coding) int {
	return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), cmp.Compare(a.Event, b.Event))
}

// codingSet sorts codings and drops repeats: a sentence's events are compared as sets.
func codingSet(cs []Coding) []Coding {
	cs = slices.Clone(cs)
	slices.SortFunc(cs, compareCoding)
	return slices.Compact(cs)
}

func percent(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// Write writes the human-readable report, listing at most maxFailures of the sentences
// that are not exact, and, last, the summary line of docs/INTERFACES.md:
// exact=… total=… precision=… recall=….
func (s *Score) Write(w io.Writer, maxFailures int) {
	fmt.Fprintf(w, "%-14s %5s / %-5s\n", "category", "exact", "total")
	for _, c := range s.Categories {
		name := c.Name
		if name == "" {
			name = "(none)"
		}
		fmt.Fprintf(w, "  %-12s %5d / %-5d %6.1f%%\n", name, c.Exact, c.Total, percent(c.Exact, c.Total))
	}
	fmt.Fprintf(w, "  %-12s %5d / %-5d %6.1f%%\n", "all", s.Exact, s.Total, percent(s.Exact, s.Total))
	fmt.Fprintf(w, "events         expected %d, coded %d, coded as expected %d\n", s.Want, s.Got, s.Matched)
	fmt.Fprint(w, "by confidence ")
	for b, c := range s.ByConfidence {
		lo, hi := "0", "1"
		if b > 0 {
			lo = fmt.Sprint(confidenceBands[b-1])
		}
		if b < len(confidenceBands) {
			hi = fmt.Sprint(confidenceBands[b])
		}
		fmt.Fprintf(w, "  [%s,%s) %d/%d right (%.0f%%)", lo, hi, c[1], c[0], percent(c[1], c[0]))
	}
	fmt.Fprintln(w)
	if n := len(s.Failures); n > 0 {
		shown := min(n, maxFailures)
		fmt.Fprintf(w, "not exact      %d sentences", n)
		if shown < n {
			fmt.Fprintf(w, " (the first %d; --failures N shows more)", shown)
		}
		fmt.Fprintln(w)
		for _, f := range s.Failures[:shown] {
			fmt.Fprintf(w, "  %-14s %-9s want %s  got %s\n", f.ID, f.Category, codingList(f.Want), codingList(f.Got))
		}
	}
	fmt.Fprintf(w, "exact=%d total=%d precision=%.2f recall=%.2f\n",
		s.Exact, s.Total, percent(s.Matched, s.Got), percent(s.Matched, s.Want))
}

func codingList(cs []Coding) string {
	if len(cs) == 0 {
		return "(none)"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, " ")
}
