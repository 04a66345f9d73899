// Package petrarchtest runs PETRARCH's unit tests against Herald's event coder: it reads
// a PETRARCH unit-test (validation) file such as PETR.UnitTest.records.xml, codes the
// text of each record with Herald's whole pipeline, and scores the events against the
// codings the file expects (`herald eval petrarch`). Like testing/fstest, it is a test
// suite to run against an implementation, not helpers for the tests of a package.
//
// The file is PETRARCH's XML: an <Environment> naming the dictionaries (which package
// lexicon/petrarch reads), then <Sentence date="YYYYMMDD" id=… category=…> records, each
// with <EventCoding sourcecode=… targetcode=… eventcode=…> elements (or noevents="True",
// or error="…" for a sentence PETRARCH must reject), a <Text> and a <Parse>, which Herald
// ignores: it parses the text itself.
package petrarchtest

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"herald/lexicon/petrarch"
)

// Records is what a PETRARCH unit-test file holds.
type Records struct {
	// Source names the file, as errors and the documents made of its records cite it.
	Source string
	// The dictionaries its <Environment> names; Actors may list several files.
	Verbs, Agents, Discards string
	Actors                  []string
	Sentences               []Sentence
}

// Sentence is one record: a sentence and the events PETRARCH is to code in it.
type Sentence struct {
	ID, Category string
	// Date is the date attribute as YYYY-MM-DD ("" when the record has none).
	Date string
	Line int // of the <Sentence> tag, for diagnostics
	Text string
	Want []Coding
	// NoEvents says the record expects no event: noevents="True", or an error="…" that
	// PETRARCH is to raise (Error says which).
	NoEvents bool
	Error    string
}

// Coding is one expected (or coded) event: source, target and CAMEO code.
type Coding struct{ Source, Target, Event string }

func (c Coding) String() string { return c.Source + ">" + c.Target + ":" + c.Event }

// Files returns the dictionaries the records' <Environment> names, as
// lexicon.CompileFiles takes them. It fails when it names no verb or no actor dictionary.
func (r *Records) Files() (petrarch.Files, error) {
	if r.Verbs == "" || len(r.Actors) == 0 {
		return petrarch.Files{}, fmt.Errorf("%s: the <Environment> names no Verbfile or no Actorfile", r.Source)
	}
	return petrarch.Files{Verbs: r.Verbs, Actors: r.Actors, Agents: r.Agents, Discards: r.Discards}, nil
}

// names lists the dictionaries the records name, as the report shows them.
func (r *Records) names() []string {
	names := append([]string{r.Verbs}, r.Actors...)
	for _, f := range []string{r.Agents, r.Discards} {
		if f != "" {
			names = append(names, f)
		}
	}
	return names
}

// ReadFile reads the PETRARCH unit-test file at path (see Read).
func ReadFile(path string) (*Records, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads a PETRARCH unit-test file; name is what errors and Records.Source call it.
// It takes what it can from files written by hand (comments anywhere, attributes in
// either quotes, spaces around '=', text wrapped over lines) and fails, naming name:line,
// on what is not well-formed XML or not a usable record: a sentence without an id, a bad
// date, an <EventCoding> outside a <Sentence> or without an event code.
func Read(r io.Reader, name string) (*Records, error) {
	d := xml.NewDecoder(r)
	recs := &Records{Source: name}
	var cur *Sentence
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
				cur, words = &Sentence{Line: line()}, words[:0]
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
				var c Coding
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
