package main

// `herald eval petrarch` runs Herald's own pipeline over the sentences of a PETRARCH
// unit-test (validation) file and compares the events it codes with the file's expected
// codings. The file is PETRARCH's XML: an <Environment> naming the dictionaries, then
// <Sentence date="YYYYMMDD" id=… category=…> records, each with <EventCoding
// sourcecode=… targetcode=… eventcode=…> elements (or noevents="True", or error="…" for a
// sentence PETRARCH must reject), a <Text> and a <Parse>, which Herald ignores: it parses
// the text itself.

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"herald/document"
	"herald/lexicon"
	"herald/lexicon/petrarch"
	"herald/pipeline"
)

// petrarchRecords is what a PETRARCH unit-test file holds.
type petrarchRecords struct {
	// The dictionaries its <Environment> names; Actors may list several files.
	Verbs, Agents, Discards string
	Actors                  []string
	Sentences               []petrarchSentence
}

// files lists the dictionaries the records name.
func (r *petrarchRecords) files() []string {
	names := append([]string{r.Verbs}, r.Actors...)
	for _, f := range []string{r.Agents, r.Discards} {
		if f != "" {
			names = append(names, f)
		}
	}
	return names
}

type petrarchSentence struct {
	ID, Category string
	// Date is the date attribute as YYYY-MM-DD ("" when the record has none).
	Date string
	Line int // of the <Sentence> tag, for diagnostics
	Text string
	Want []petrarchCoding
	// NoEvents says the record expects no event: noevents="True", or an error="…" that
	// PETRARCH is to raise (Error says which).
	NoEvents bool
	Error    string
}

// petrarchCoding is one expected (or coded) event: source, target and CAMEO code.
type petrarchCoding struct{ Source, Target, Event string }

func (c petrarchCoding) String() string { return c.Source + ">" + c.Target + ":" + c.Event }

// readPetrarchRecords reads a PETRARCH unit-test file. It takes what it can from files
// written by hand (comments anywhere, attributes in either quotes, spaces around '=',
// text wrapped over lines) and fails, naming name:line, on what is not well-formed XML
// or not a usable record: a sentence without an id, a bad date, an <EventCoding> outside
// a <Sentence> or without an event code.
func readPetrarchRecords(r io.Reader, name string) (*petrarchRecords, error) {
	d := xml.NewDecoder(r)
	recs := &petrarchRecords{}
	var cur *petrarchSentence
	var words []string
	line := func() int { l, _ := d.InputPos(); return l }
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line(), fmt.Sprintf(format, args...))
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Verbfile", "Actorfile", "Agentfile", "Discardfile":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", name, line(), err)
				}
				s = strings.TrimSpace(s)
				switch t.Name.Local {
				case "Verbfile":
					recs.Verbs = s
				case "Agentfile":
					recs.Agents = s
				case "Discardfile":
					recs.Discards = s
				case "Actorfile":
					// PETRARCH's configuration lists several actor files with commas.
					for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
						if f = strings.TrimSpace(f); f != "" {
							recs.Actors = append(recs.Actors, f)
						}
					}
				}
			case "Sentence":
				if cur != nil {
					return nil, fail("<Sentence> inside sentence %s", cur.ID)
				}
				cur, words = &petrarchSentence{Line: line()}, words[:0]
				var date string
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "id":
						cur.ID = strings.TrimSpace(a.Value)
					case "category":
						cur.Category = strings.TrimSpace(a.Value)
					case "date":
						date = strings.TrimSpace(a.Value)
					}
				}
				if cur.ID == "" {
					return nil, fail("<Sentence> without an id")
				}
				if date != "" {
					tm, err := time.Parse("20060102", date)
					if err != nil {
						return nil, fail("sentence %s: date %q is not YYYYMMDD", cur.ID, date)
					}
					cur.Date = tm.Format("2006-01-02")
				}
			case "EventCoding":
				if cur == nil {
					return nil, fail("<EventCoding> outside a <Sentence>")
				}
				var c petrarchCoding
				var noEvents, hasError, hasEvent bool
				for _, a := range t.Attr {
					v := strings.TrimSpace(a.Value)
					switch a.Name.Local {
					case "sourcecode":
						c.Source = v
					case "targetcode":
						c.Target = v
					case "eventcode":
						c.Event, hasEvent = v, true
					case "noevents":
						noEvents = strings.EqualFold(v, "true")
					case "error":
						cur.Error, hasError = v, true
					}
				}
				switch {
				case noEvents || hasError:
					cur.NoEvents = true
				case !hasEvent || c.Event == "":
					return nil, fail("sentence %s: <EventCoding> without an eventcode", cur.ID)
				default:
					cur.Want = append(cur.Want, c)
				}
			case "Text":
				if cur == nil {
					return nil, fail("<Text> outside a <Sentence>")
				}
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", name, line(), err)
				}
				// A record's text is one sentence wrapped over lines: its words are kept
				// and joined when the record closes.
				words = append(words, strings.Fields(s)...)
			case "Parse":
				// Herald parses the text itself; the treebank parse is not read.
				if err := d.Skip(); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", name, line(), err)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "Sentence" && cur != nil {
				if cur.NoEvents && len(cur.Want) > 0 {
					return nil, fail("sentence %s expects no events and %d events", cur.ID, len(cur.Want))
				}
				cur.Text = strings.Join(words, " ")
				recs.Sentences = append(recs.Sentences, *cur)
				cur = nil
			}
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("%s: sentence %s (line %d) is not closed", name, cur.ID, cur.Line)
	}
	return recs, nil
}

// petrarchScore compares coded events with the expected ones, sentence by sentence.
type petrarchScore struct {
	Exact, Total int
	// Events, event-level: expected, coded, and coded that were expected.
	Want, Got, Matched int
	Categories         []petrarchCategory
	Failures           []petrarchFailure
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

type petrarchCategory struct {
	Name         string
	Exact, Total int
}

type petrarchFailure struct {
	ID, Category string
	Want, Got    []petrarchCoding
}

// add scores one sentence: it is exact when the set of coded (source, target, code)
// triples equals the expected set, which for a noevents record is empty.
func (s *petrarchScore) add(sent *petrarchSentence, events []document.Event) {
	want := codingSet(sent.Want)
	got := make([]petrarchCoding, len(events))
	for i, e := range events {
		got[i] = petrarchCoding{Source: e.Source.Code, Target: e.Target.Code, Event: e.CAMEO}
	}
	for i, e := range events {
		b := confidenceBand(e.Confidence)
		s.ByConfidence[b][0]++
		if slices.ContainsFunc(sent.Want, func(w petrarchCoding) bool { return comparePetrarchCoding(w, got[i]) == 0 }) {
			s.ByConfidence[b][1]++
		}
	}
	got = codingSet(got)
	matched := 0
	for _, g := range got {
		if _, ok := slices.BinarySearchFunc(want, g, comparePetrarchCoding); ok {
			matched++
		}
	}
	s.Want += len(want)
	s.Got += len(got)
	s.Matched += matched
	s.Total++
	exact := matched == len(want) && matched == len(got)
	i := slices.IndexFunc(s.Categories, func(c petrarchCategory) bool { return c.Name == sent.Category })
	if i < 0 {
		s.Categories = append(s.Categories, petrarchCategory{Name: sent.Category})
		i = len(s.Categories) - 1
	}
	s.Categories[i].Total++
	if exact {
		s.Exact++
		s.Categories[i].Exact++
		return
	}
	s.Failures = append(s.Failures, petrarchFailure{ID: sent.ID, Category: sent.Category, Want: want, Got: got})
}

func comparePetrarchCoding(a, b petrarchCoding) int {
	return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), cmp.Compare(a.Event, b.Event))
}

// codingSet sorts codings and drops repeats: a sentence's events are compared as sets.
func codingSet(cs []petrarchCoding) []petrarchCoding {
	cs = slices.Clone(cs)
	slices.SortFunc(cs, comparePetrarchCoding)
	return slices.Compact(cs)
}

func percent(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// report writes the human-readable report and, last, the summary line of
// docs/INTERFACES.md.
func (s *petrarchScore) report(w io.Writer, maxFailures int) {
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

func codingList(cs []petrarchCoding) string {
	if len(cs) == 0 {
		return "(none)"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, " ")
}

func newEvalPetrarchCmd() *cobra.Command {
	var dicts string
	var workers, minExact, maxFailures int
	c := &cobra.Command{
		Use:   "petrarch FILE.xml",
		Short: "Score the event coder on PETRARCH's unit-test records",
		Long: `petrarch codes the <Text> of each <Sentence> of a PETRARCH unit-test file with Herald's own
pipeline (the <Parse> is ignored: Herald parses the text itself), using the dictionaries
that the file's <Environment> names, read from --dictionaries. It compares the coded events
(source code, target code, CAMEO code) with the <EventCoding> elements: a sentence is exact
when the two sets are equal, and one marked noevents="True" (or error="…") is exact when
Herald codes nothing. The report gives exact/total per category and the sentences that are
not exact; the last line is:
exact=… total=… precision=… recall=…
with event-level precision and recall as percentages.`,
		Example: `  herald eval petrarch ../shared/data/tests/petrarch2/PETR.UnitTest.records.xml \
      --dictionaries ../shared/data/dictionaries/petrarch2
  herald eval petrarch --min-exact 180 records.xml   # exit 1 below 180 exact, for CI`,
		Args: exactArgs(1, "one PETRARCH unit-test XML file"),
		RunE: func(c *cobra.Command, args []string) error {
			if minExact < 0 || maxFailures < 0 {
				return usagef("--min-exact and --failures take a number of sentences, 0 or more")
			}
			path := args[0]
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			recs, err := readPetrarchRecords(f, path)
			f.Close()
			if err != nil {
				return err
			}
			if recs.Verbs == "" || len(recs.Actors) == 0 {
				return fmt.Errorf("%s: the <Environment> names no Verbfile or no Actorfile", path)
			}
			stderr := c.ErrOrStderr()
			start := time.Now()
			lex, warnings, err := lexicon.CompileFiles(dicts, petrarch.Files{
				Verbs: recs.Verbs, Actors: recs.Actors, Agents: recs.Agents, Discards: recs.Discards})
			if err != nil {
				return fmt.Errorf("--dictionaries %s: %w", dicts, err)
			}
			for _, w := range warnings {
				fmt.Fprintln(stderr, "herald: warning:", w)
			}
			p, err := pipeline.New(pipeline.Options{Lexicon: lex, Workers: workers})
			if err != nil {
				return err
			}
			loaded := time.Since(start)
			docs := func(yield func(*document.Document, error) bool) {
				for _, s := range recs.Sentences {
					d := &document.Document{ID: s.ID, Source: path, Line: s.Line, Raw: []byte(s.Text), Published: s.Date}
					if !yield(d, nil) {
						return
					}
				}
			}
			var score petrarchScore
			bad := false
			i := 0
			coding := time.Now()
			p.Run(docs, func(r pipeline.Result) {
				for _, e := range r.Errs {
					fmt.Fprintln(stderr, "herald:", e)
					bad = true
				}
				var events []document.Event
				if r.Doc != nil {
					events = r.Doc.Events
				}
				score.add(&recs.Sentences[i], events)
				i++
			})
			elapsed := time.Since(coding)

			w := c.OutOrStdout()
			fmt.Fprintf(w, "file           %s (%d sentences)\n", path, len(recs.Sentences))
			fmt.Fprintf(w, "dictionaries   %s: %s\n", dicts, strings.Join(recs.files(), ", "))
			fmt.Fprintf(w, "time           %.0f ms to load, %.0f ms to code\n", loaded.Seconds()*1000, elapsed.Seconds()*1000)
			score.report(w, maxFailures)
			if score.Exact < minExact {
				return fmt.Errorf("eval petrarch: %d exact, below --min-exact %d", score.Exact, minExact)
			}
			if bad {
				return errReported
			}
			return nil
		},
	}
	c.Flags().StringVar(&dicts, "dictionaries", "../shared/data/dictionaries/petrarch2", "directory holding the dictionaries the file's <Environment> names")
	c.Flags().IntVar(&workers, "workers", 0, "sentences processed in parallel (0: one per CPU)")
	c.Flags().IntVar(&minExact, "min-exact", 0, "exit with status 1 when fewer than `N` sentences are exact")
	c.Flags().IntVar(&maxFailures, "failures", 50, "list at most `N` of the sentences that are not exact")
	return c
}
