// Package gold is Herald's gold standard of events in real news, and the measure of the
// event coder against it (`herald eval events`).
//
// A gold file holds sentences, one JSON object a line: where the sentence is (corpus,
// document id, byte offsets into the document's own text, a hash of the sentence) and
// every event that coders who saw neither Herald's code nor its output found in it,
// following docs/CODING.md. No article text is in the file: the texts are read from the
// corpora (Corpora) when the gold standard is used. The sentences were drawn with a fixed
// seed (Draw) from a frozen list of candidates (the population file).
package gold

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

// Splits. Dev is for tuning; test is for reporting only, and nothing is tuned on it.
const (
	Dev  = "dev"
	Test = "test"
)

// Strata of the sample: sentences that name two possible actors, and any sentence.
const (
	StratumActors = "actors"
	StratumAny    = "any"
)

// Sentence is one gold sentence and its events.
type Sentence struct {
	ID      string `json:"id"`
	Split   string `json:"split"`
	Stratum string `json:"stratum"`
	Corpus  string `json:"corpus"`
	Doc     string `json:"doc"`
	// Start and End are byte offsets into the text of the document as its corpus holds
	// it: the "text" of a JSON-lines record, or the text DocumentReader rebuilds from a
	// treebank's sentences.
	Start int `json:"start"`
	End   int `json:"end"`
	// Hash is the first 16 hex digits of the SHA-256 of the sentence's text.
	Hash string `json:"sha256"`
	// Coder names who coded the sentence; empty while it is not coded.
	Coder  string  `json:"coder,omitempty"`
	Events []Event `json:"events"`
	// Note records a coder's doubt or the settlement of a disagreement.
	Note string `json:"note,omitempty"`
}

// Event is one coded event. Source and Target are CAMEO actor codes: a country, IGO or
// group, then agents ("USAGOV", "---MIL" when the country is unknown, "---" for no
// actor at all).
type Event struct {
	Source string `json:"source"`
	Target string `json:"target"`
	CAMEO  string `json:"cameo"`
	// PLOVER is the PLOVER event type ("CONSULT"), empty for CAMEO's 01 and 02, which
	// PLOVER left out.
	PLOVER string `json:"plover"`
	// Words are the words of the sentence that carry the event ("held talks").
	Words string `json:"words"`
}

// Hash is the hash a gold sentence records of its text.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Read reads a gold file. Errors name the line.
func Read(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	seen := map[string]int{}
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var s Sentence
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if err := s.check(); err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", line, s.ID, err)
		}
		if prev, dup := seen[s.ID]; dup {
			return nil, fmt.Errorf("line %d: %s: the id of line %d again", line, s.ID, prev)
		}
		seen[s.ID] = line
		out = append(out, s)
	}
	return out, sc.Err()
}

// check rejects what scoring could not use.
func (s *Sentence) check() error {
	switch {
	case s.ID == "" || s.Corpus == "" || s.Doc == "":
		return errors.New("id, corpus and doc are required")
	case s.Split != Dev && s.Split != Test:
		return fmt.Errorf("split %q: want dev or test", s.Split)
	case s.Start < 0 || s.End <= s.Start:
		return fmt.Errorf("offsets %d-%d", s.Start, s.End)
	}
	for _, e := range s.Events {
		if !validCAMEO(e.CAMEO) {
			return fmt.Errorf("event code %q: want 3 or 4 digits", e.CAMEO)
		}
		for _, a := range []string{e.Source, e.Target} {
			if !validActor(a) {
				return fmt.Errorf("actor code %q: want groups of three capital letters or ---", a)
			}
		}
	}
	return nil
}

func validCAMEO(code string) bool {
	if len(code) != 3 && len(code) != 4 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return code[:2] >= "01" && code[:2] <= "20"
}

func validActor(code string) bool {
	if code == "" || len(code)%3 != 0 {
		return false
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' && i < 3) {
			return false
		}
	}
	return code[:3] == "---" || !strings.Contains(code[:3], "-")
}

// ReadFile reads a gold file; errors name the file and line.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return sents, nil
}

// Write writes sentences as a gold file, one JSON object a line.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range sents {
		s := sents[i]
		if s.Events == nil {
			s.Events = []Event{}
		}
		if err := enc.Encode(&s); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Files of the gold directory.
const (
	PopulationFile = "population.tsv.gz"
	WireFile       = "wire.jsonl"
)

// SplitFile is the gold file of a split ("dev.jsonl"); SecondFile the second coder's
// codings of part of it ("dev.second.jsonl").
func SplitFile(split string) string  { return split + ".jsonl" }
func SecondFile(split string) string { return split + ".second.jsonl" }

// SameSentences reports the first difference between the sentences of a gold file and
// those Draw gives: the gold standard must be the sample the population and the seed
// give, coded.
func SameSentences(coded, drawn []Sentence) error {
	if len(coded) != len(drawn) {
		return fmt.Errorf("%d sentences, the draw gives %d", len(coded), len(drawn))
	}
	for i := range coded {
		c, d := coded[i], drawn[i]
		if c.ID != d.ID || c.Split != d.Split || c.Stratum != d.Stratum || c.Corpus != d.Corpus || c.Doc != d.Doc ||
			c.Start != d.Start || c.End != d.End || c.Hash != d.Hash {
			return fmt.Errorf("sentence %d is %s %s %s %s %d-%d %s, the draw gives %s %s %s %s %d-%d %s", i+1,
				c.ID, c.Stratum, c.Corpus, c.Doc, c.Start, c.End, c.Hash, d.ID, d.Stratum, d.Corpus, d.Doc, d.Start, d.End, d.Hash)
		}
	}
	return nil
}

// SecondSample chooses the n sentences of a split that a second coder codes on their
// own, to measure agreement: a seeded choice, in id order.
func SecondSample(sents []Sentence, n int) []Sentence {
	h := fnv.New64a()
	h.Write([]byte("second coder"))
	rng := rand.New(rand.NewPCG(Seed, h.Sum64()))
	order := rng.Perm(len(sents))
	if n > len(order) {
		n = len(order)
	}
	order = order[:n]
	slices.Sort(order)
	out := make([]Sentence, n)
	for i, k := range order {
		out[i] = sents[k]
	}
	return out
}
