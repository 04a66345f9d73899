// Package audit counts, over a corpus's `herald code` output (JSON lines, one event a
// line, as docs/INTERFACES.md gives them), the symptoms of wrong event coding that issue
// 19 tracks: sides with an agent and no country, media targets of speech verbs (statements
// to the press, which docs/CODING.md 4.1 says are no events), sentences that give many
// events, and negated events written out. It reads the output, not the pipeline, so that
// it can measure any run, old or new.
package audit

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"herald/document"
	"herald/lexicon"
)

// Crowded is the number of events from one sentence at which the sentence counts as
// crowded: the coding guide seldom gives a sentence more than three (4.4, 4.7).
const Crowded = 4

// Counts are the figures of one run.
type Counts struct {
	Events, Documents int
	// Sentences is the number of sentences with at least one event.
	Sentences int
	// Countryless counts the events with a side whose code has an agent and no
	// principal ("GOV", "---GOV"); Agents counts those sides by their first agent.
	Countryless int
	Agents      map[string]int
	// MediaSpeech counts the events from a speech verb whose target is the media;
	// MediaReuters those of them whose target is "Reuters" itself.
	MediaSpeech, MediaReuters int
	// CrowdedSentences holds at least Crowded events each, CrowdedEvents of them in
	// all; MaxPerSentence is the most from one sentence, the first such in MaxAt.
	CrowdedSentences, CrowdedEvents, MaxPerSentence int
	MaxAt                                           string
	Negated                                         int
}

// Auditor reads `herald code` output. It holds the agent codes of the lexicon, read-only:
// one Auditor serves any number of reads.
type Auditor struct {
	agents map[string]bool
}

// New returns an Auditor that knows an agent code by the lexicon's agents dictionary
// (lexicon.AgentParts). A bare country is three capital letters, and so is a bare agent,
// so the agents dictionary is what tells "GOV" from "GHA".
func New(lex *lexicon.Lexicon) *Auditor {
	return &Auditor{agents: lex.AgentParts()}
}

// Countryless reports whether an actor code has an agent and nothing that says whose the
// actor is: "---" followed by agents as PETRARCH writes it ("---GOV"), or a code that
// starts with an agent ("GOV", "MED", "GOVMED"). "---" alone is an actor nothing
// identifies, with no agent, and is not counted.
func (a *Auditor) Countryless(code string) bool {
	if len(code) < 3 {
		return false
	}
	if code[:3] == "---" {
		return len(code) > 3
	}
	return a.agents[code[:3]]
}

// firstAgent is the agent a countryless code starts with, for the breakdown.
func firstAgent(code string) string {
	code = strings.TrimPrefix(code, "---")
	if len(code) > 3 {
		code = code[:3]
	}
	return code
}

type sentenceKey struct {
	doc      string
	sentence int
}

// Read counts the events of r, one JSON object a line; blank lines are skipped. An error
// names the line; counting stops at the first bad one. Time and memory are linear in the
// input: one count per document and per sentence with events.
func (a *Auditor) Read(r io.Reader) (*Counts, error) {
	c := &Counts{Agents: map[string]int{}}
	docs := map[string]bool{}
	perSentence := map[sentenceKey]int{}
	var order []sentenceKey // first-seen order, so that MaxAt does not depend on map order
	br := bufio.NewReaderSize(r, 1<<16)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if trimmed := strings.TrimSpace(string(line)); trimmed != "" {
			ev, perr := parse([]byte(trimmed))
			if perr != nil {
				return nil, fmt.Errorf("line %d: %w", n, perr)
			}
			a.count(c, &ev)
			docs[ev.Doc] = true
			k := sentenceKey{ev.Doc, ev.Sentence}
			if perSentence[k] == 0 {
				order = append(order, k)
			}
			perSentence[k]++
		}
		if err != nil {
			break
		}
	}
	c.Documents, c.Sentences = len(docs), len(perSentence)
	for _, k := range order {
		m := perSentence[k]
		if m >= Crowded {
			c.CrowdedSentences++
			c.CrowdedEvents += m
		}
		if m > c.MaxPerSentence {
			c.MaxPerSentence = m
			c.MaxAt = fmt.Sprintf("%s sentence %d", k.doc, k.sentence)
		}
	}
	return c, nil
}

// parse decodes one line and checks what the counts rely on.
func parse(line []byte) (document.Event, error) {
	var ev document.Event
	if err := json.Unmarshal(line, &ev); err != nil {
		return ev, err
	}
	switch {
	case ev.Doc == "":
		return ev, errors.New(`no "doc": not an event of herald code (herald analyze writes documents)`)
	case ev.Sentence < 0:
		return ev, fmt.Errorf("sentence %d: want 0 or more", ev.Sentence)
	}
	return ev, nil
}

func (a *Auditor) count(c *Counts, ev *document.Event) {
	c.Events++
	if ev.Negated {
		c.Negated++
	}
	side := false
	for _, code := range []string{ev.Source.Code, ev.Target.Code} {
		if a.Countryless(code) {
			side = true
			c.Agents[firstAgent(code)]++
		}
	}
	if side {
		c.Countryless++
	}
	if IsMedia(ev.Target) && IsSpeech(ev) {
		c.MediaSpeech++
		if strings.EqualFold(strings.TrimSpace(ev.Target.Text), "Reuters") {
			c.MediaReuters++
		}
	}
}

// Share is part as a percentage of whole, 0 when whole is 0.
func Share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}

// Write prints the counts as a table for people.
func (c *Counts) Write(w io.Writer, name string) {
	fmt.Fprintf(w, "file                             %s\n", name)
	fmt.Fprintf(w, "events                           %d in %d documents, %d sentences\n", c.Events, c.Documents, c.Sentences)
	fmt.Fprintf(w, "a side with an agent, no country %6d  %5.1f%%  sides by agent: %s\n", c.Countryless, Share(c.Countryless, c.Events), c.topAgents(10))
	fmt.Fprintf(w, "media target of a speech verb    %6d  %5.1f%%  target \"Reuters\": %d\n", c.MediaSpeech, Share(c.MediaSpeech, c.Events), c.MediaReuters)
	fmt.Fprintf(w, "sentences giving %d+ events       %6d          holding %d events (%.1f%%); most from one: %d (%s)\n",
		Crowded, c.CrowdedSentences, c.CrowdedEvents, Share(c.CrowdedEvents, c.Events), c.MaxPerSentence, c.MaxAt)
	fmt.Fprintf(w, "negated events written           %6d  %5.1f%%\n", c.Negated, Share(c.Negated, c.Events))
}

// Summary is the KEY=VALUE last line of `herald eval coded`.
func (c *Counts) Summary() string {
	return fmt.Sprintf("countryless_pct=%.2f media_speech_pct=%.2f countryless=%d media_speech=%d media_reuters=%d crowded_sentences=%d crowded_events=%d max_per_sentence=%d negated=%d events=%d documents=%d sentences=%d",
		Share(c.Countryless, c.Events), Share(c.MediaSpeech, c.Events), c.Countryless, c.MediaSpeech, c.MediaReuters,
		c.CrowdedSentences, c.CrowdedEvents, c.MaxPerSentence, c.Negated, c.Events, c.Documents, c.Sentences)
}

// topAgents lists the n commonest agents of countryless sides, most first, ties by code.
func (c *Counts) topAgents(n int) string {
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range c.Agents {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].v != all[j].v {
			return all[i].v > all[j].v
		}
		return all[i].k < all[j].k
	})
	var b strings.Builder
	for i, e := range all {
		if i == n {
			b.WriteString(" …")
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s %d", e.k, e.v)
	}
	return b.String()
}
