// Package lexicon is the compiled form of the PETRARCH dictionaries that code actors: the
// actor dictionaries (countries, international and non-state actors, people with dated
// codes) and the agents dictionary (roles and groups: PRESIDENT [~GOV], POLICE [~COP]).
// Package petrarch reads the files as PETRARCH2 and TABARI write them; this package
// indexes their names for longest-match lookup over a sentence's tokens, and stores the
// result compactly (`herald build-lexicon`), embedded in the binary.
//
// Names are matched on tokens, case-blind, as UD tokenization splits them: the dictionary's
// KAZAKHSTAN'S_FOREIGN_MINISTER is KAZAKHSTAN 'S FOREIGN MINISTER, and SECRETARY-GENERAL is
// SECRETARY - GENERAL.
package lexicon

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"herald/lexicon/petrarch"
)

// NoActor is the code of an actor-dictionary name that is no actor, as PETRARCH writes
// it: INDIAN_OCEAN [---] keeps "Indian" in "the Indian Ocean" from coding India.
const NoActor = "---"

// Code is an actor code with the dates it applies: From <= date < To, YYYY-MM-DD, empty
// bounds open. A Code with both bounds empty is the actor's default.
type Code struct {
	Code, From, To string
}

// Actor is an entry of the actor dictionaries.
type Actor struct {
	// Name is the primary name as the dictionary writes it (KASYMZHOMART_TOKAYEV), for
	// reports.
	Name  string
	Codes []Code
	// Where is the entry's file:line, so that a user can see which entry coded an actor.
	Where string
}

// At returns the code that applies on date (YYYY-MM-DD): the first dated code whose range
// holds the date, else the first undated one, else "". An empty date takes the default.
func (a *Actor) At(date string) string {
	if date != "" {
		for _, c := range a.Codes {
			if (c.From != "" || c.To != "") && (c.From == "" || c.From <= date) && (c.To == "" || date < c.To) {
				return c.Code
			}
		}
	}
	for _, c := range a.Codes {
		if c.From == "" && c.To == "" {
			return c.Code
		}
	}
	return ""
}

// Agent is an entry of the agents dictionary: a role or group and the code it adds to an
// actor's ("~GOV": appended after the country, KAZ → KAZGOV; "IGO~": put before it).
type Agent struct {
	Name  string
	Code  string
	Where string
}

// Lexicon is the compiled dictionaries, read-only after loading and shared by all
// goroutines.
type Lexicon struct {
	// Source says which dictionaries it was compiled from.
	Source string
	Actors []Actor
	Agents []Agent
	// Verbs and Discards are the verb dictionary and discard list, for the event coder;
	// nil when the dictionaries had none.
	Verbs    *petrarch.Verbs
	Discards []petrarch.Discard
	actors   index
	agents   index
}

// index maps token sequences to entries, for longest-match lookup: a trie over
// upper-cased tokens, so that a lookup costs one step per matching token however many
// names share a first word ("THE", "UNITED").
type index struct {
	nodes []trieNode // nodes[0] is the root
	names []indexedName
}

// indexedName is a name as it was added: the node its tokens lead to, and its entry.
type indexedName struct {
	node, entry int32
}

// trieNode is one token sequence, the prefix of at least one name. Its children are in
// parallel slices, small for most nodes; a node with many (the root: every first word)
// indexes them in a map as well.
type trieNode struct {
	// entry is the entry of the names that end here, the earliest when several do;
	// -1 when none does.
	entry    int32
	tokens   []string
	children []int32
	byToken  map[string]int32
}

// mapChildren is how many children a node scans before it indexes them in a map.
const mapChildren = 8

func (ix *index) add(tokens []string, entry int) {
	if len(tokens) == 0 {
		return
	}
	if len(ix.nodes) == 0 {
		ix.nodes = append(ix.nodes, trieNode{entry: -1})
	}
	node := int32(0)
	for _, tok := range tokens {
		next, ok := ix.child(node, tok)
		if !ok {
			next = int32(len(ix.nodes))
			ix.nodes = append(ix.nodes, trieNode{entry: -1})
			nd := &ix.nodes[node]
			nd.tokens = append(nd.tokens, tok)
			nd.children = append(nd.children, next)
			if nd.byToken != nil {
				nd.byToken[tok] = next
			} else if len(nd.tokens) > mapChildren {
				nd.byToken = make(map[string]int32, len(nd.tokens))
				for k, t := range nd.tokens {
					nd.byToken[t] = nd.children[k]
				}
			}
		}
		node = next
	}
	if e := &ix.nodes[node].entry; *e < 0 || int32(entry) < *e {
		*e = int32(entry)
	}
	ix.names = append(ix.names, indexedName{node: node, entry: int32(entry)})
}

// child is the node that follows node by the upper-cased token upper.
func (ix *index) child(node int32, upper string) (int32, bool) {
	nd := &ix.nodes[node]
	if nd.byToken != nil {
		next, ok := nd.byToken[upper]
		return next, ok
	}
	for k, t := range nd.tokens {
		if t == upper {
			return nd.children[k], true
		}
	}
	return 0, false
}

// match returns the length in words of the longest name starting at words[i] and its
// entry, or 0, -1. Among names of the same words, the earliest entry wins. It does not
// allocate for ASCII words of up to 48 bytes.
func (ix *index) match(words []string, i int) (n, entry int) {
	n, entry = 0, -1
	if i < 0 || i >= len(words) || len(ix.nodes) == 0 {
		return n, entry
	}
	var buf [48]byte
	node := int32(0)
	for k := i; k < len(words); k++ {
		var next int32
		var ok bool
		if key, ascii := upperASCII(buf[:0], words[k]); ascii {
			next, ok = ix.childBytes(node, key)
		} else {
			next, ok = ix.child(node, strings.ToUpper(words[k]))
		}
		if !ok {
			break
		}
		node = next
		if e := ix.nodes[node].entry; e >= 0 {
			n, entry = k-i+1, int(e)
		}
	}
	return n, entry
}

// childBytes is child for a token in a scratch buffer; it does not allocate.
func (ix *index) childBytes(node int32, upper []byte) (int32, bool) {
	nd := &ix.nodes[node]
	if nd.byToken != nil {
		next, ok := nd.byToken[string(upper)]
		return next, ok
	}
	for k, t := range nd.tokens {
		if t == string(upper) {
			return nd.children[k], true
		}
	}
	return 0, false
}

// upperASCII appends w upper-cased to buf, or reports false when w is not ASCII or does
// not fit.
func upperASCII(buf []byte, w string) ([]byte, bool) {
	if len(w) > cap(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}

// Actor returns the longest actor name that starts at words[i]: its length in words and
// the entry, or 0, nil.
func (l *Lexicon) Actor(words []string, i int) (int, *Actor) {
	n, e := l.actors.match(words, i)
	if n == 0 {
		return 0, nil
	}
	return n, &l.Actors[e]
}

// Agent returns the longest agent name that starts at words[i]: its length in words and
// the entry, or 0, nil.
func (l *Lexicon) Agent(words []string, i int) (int, *Agent) {
	n, e := l.agents.match(words, i)
	if n == 0 {
		return 0, nil
	}
	return n, &l.Agents[e]
}

// nameTokens splits a dictionary name (KAZAKHSTAN'S_FOREIGN_MINISTER, SECRETARY-GENERAL,
// U.S._ARMY) into the tokens UD tokenization makes of the same words in text.
func nameTokens(parts []string) []string {
	var out []string
	for _, p := range parts {
		p = strings.ToUpper(strings.TrimSpace(p))
		if p == "" {
			continue
		}
		for {
			h := strings.IndexByte(p, '-')
			if h <= 0 || h == len(p)-1 {
				break
			}
			out = appendPossessive(out, p[:h])
			out = append(out, "-")
			p = p[h+1:]
		}
		out = appendPossessive(out, p)
	}
	return out
}

func appendPossessive(out []string, w string) []string {
	if base, ok := strings.CutSuffix(w, "'S"); ok && base != "" {
		return append(out, base, "'S")
	}
	return append(out, w)
}

// indexTokens builds the lookup indexes of l.Actors and l.Agents from their names, given
// as tokens in nameTokens form, entry by entry.
func (l *Lexicon) indexTokens(actorNames, agentNames [][][]string) {
	for e, names := range actorNames {
		for _, n := range names {
			l.actors.add(n, e)
		}
	}
	for e, names := range agentNames {
		for _, n := range names {
			l.agents.add(n, e)
		}
	}
}

// String describes the lexicon for reports.
func (l *Lexicon) String() string {
	return fmt.Sprintf("%d actors (%d names), %d agents (%d names) from %s",
		len(l.Actors), len(l.actors.names), len(l.Agents), len(l.agents.names), l.Source)
}

// IsCountryCode reports whether an actor code is a bare country: three capital letters.
func IsCountryCode(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return true
}
