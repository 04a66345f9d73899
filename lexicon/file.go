package lexicon

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"herald/learn"
	"herald/lexicon/petrarch"
)

// The compiled file follows learn's model-file convention ("HERALD lexicon 2"). It holds
// the lookup tables as matching uses them, so that reading it builds no trie of its own,
// and the verb dictionary and discard list the event coder reads; its payload is
//
//   - where the dictionaries came from (a string);
//   - the actors: a count, then each actor's file:line, primary name and codes (a count,
//     then each code with its from and to dates);
//   - the agents: a count, then each agent's file:line, primary name and code;
//   - the actor index, then the agents index: the trie's nodes (a count, then for each
//     node after the root the number of its parent, counted back from it, its token,
//     and 1 + its entry, 0 for none), then the names (a count, then each name's node and
//     entry, in the order they were compiled);
//   - the verb dictionary and the discard list (verbs.go).
//
// The same dictionaries give the same bytes.
const (
	fileKind    = "lexicon"
	fileVersion = 2
	maxCount    = 1 << 26
)

// File is the name of the compiled lexicon embedded in the package.
const File = "lexicon.bin"

//go:embed lexicon.bin
var embeddedFile string

// Embedded returns the lexicon embedded in the binary, verbs included, read on the first
// call; every call returns the same Lexicon. It is safe for concurrent use.
func Embedded() (*Lexicon, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Lexicon, error) {
	l, err := decode(embeddedFile)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	return l, nil
})

//go:embed herald.agents.txt
var supplement []byte

//go:embed herald.actors.txt
var fixes []byte

// SupplementFile is Herald's own agents dictionary: common news words for forces and
// groups that the Phoenix agents dictionary lacks, and corrections to its entries. It is
// compiled before a directory's Phoenix.agents.txt, so that a name both give codes as
// Herald's says, and only with it: a user's own agents dictionary stands alone. An entry
// coded [~] adds no agent: its names are left out of the lexicon, whichever file gives
// them.
const SupplementFile = "herald.agents.txt"

// FixesFile is Herald's own actor dictionary: corrections to the Phoenix actor
// dictionaries where they code news wrongly, and names of bodies they lack. It is
// compiled before a directory's Phoenix actor dictionaries (Phoenix.*.actors.txt), so that
// a name both give codes as Herald's says, and only with them.
const FixesFile = "herald.actors.txt"

// CompileDir reads the PETRARCH dictionaries of dir (see petrarch.ReadDir for how files
// are recognized) into a Lexicon: the actor and agents dictionaries, plus Herald's fixes
// and supplement when they are Phoenix's. Warnings name the defects of the files that
// were read past; an error is a directory or file that could not be read.
func CompileDir(dir string) (*Lexicon, []petrarch.Warning, error) {
	d, warnings, err := petrarch.ReadDir(dir)
	if err != nil {
		return nil, warnings, err
	}
	return compile(d, warnings)
}

// CompileFiles is CompileDir for the dictionaries files names in dir, as a PETRARCH
// configuration or the <Environment> of its unit-test records names them.
func CompileFiles(dir string, files petrarch.Files) (*Lexicon, []petrarch.Warning, error) {
	d, warnings, err := petrarch.ReadFiles(dir, files)
	if err != nil {
		return nil, warnings, err
	}
	return compile(d, warnings)
}

func compile(d *petrarch.Dictionaries, warnings []petrarch.Warning) (*Lexicon, []petrarch.Warning, error) {
	var files []string
	actors, agents := d.Actors, d.Agents
	phoenix := func(match func(base string) bool) bool {
		return slices.ContainsFunc(d.Files, func(f string) bool { return match(strings.ToLower(filepath.Base(f))) })
	}
	if phoenix(func(b string) bool { return strings.HasPrefix(b, "phoenix.") && strings.HasSuffix(b, ".actors.txt") }) {
		own, ws, err := petrarch.ReadActors(bytes.NewReader(fixes), FixesFile)
		warnings = append(warnings, ws...)
		if err != nil {
			return nil, warnings, err
		}
		actors = append(own, actors...)
		files = append(files, FixesFile)
	}
	if phoenix(func(b string) bool { return b == "phoenix.agents.txt" }) {
		own, ws, err := petrarch.ReadAgents(bytes.NewReader(supplement), SupplementFile)
		warnings = append(warnings, ws...)
		if err != nil {
			return nil, warnings, err
		}
		agents = append(own, agents...)
		files = append(files, SupplementFile)
	}
	files = append(files, d.Files...)
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	l := Compile(actors, agents, strings.Join(names, ", "))
	l.Verbs, l.Discards = d.Verbs, d.Discards
	return l, warnings, nil
}

// NoAgent is the agent code of a name that adds no agent to an actor ("[~]"): Compile
// leaves such names out of the lexicon, from every entry that gives them, so that a
// dictionary placed first can take a word out of one placed after it.
const NoAgent = "~"

// Compile indexes actor and agents dictionary entries into a Lexicon; source says where
// they came from. Entries without a name or a code are left out (the readers warned), and
// so are the names of agents coded NoAgent.
func Compile(actors []petrarch.Actor, agents []petrarch.Agent, source string) *Lexicon {
	l := &Lexicon{Source: source}
	var actorNames, agentNames [][][]string
	removed := map[string]bool{}
	for _, a := range agents {
		if a.Code == NoAgent {
			for _, n := range a.Names {
				removed[strings.Join(nameTokens(n), " ")] = true
			}
		}
	}
	tokens := func(names [][]string, drop map[string]bool) [][]string {
		out := make([][]string, 0, len(names))
		for _, n := range names {
			if t := nameTokens(n); !drop[strings.Join(t, " ")] {
				out = append(out, t)
			}
		}
		return out
	}
	for _, a := range actors {
		if len(a.Names) == 0 || len(a.Codes) == 0 {
			continue
		}
		e := Actor{Name: strings.Join(a.Names[0], "_"), Where: fmt.Sprintf("%s:%d", a.File, a.Line)}
		for _, c := range a.Codes {
			e.Codes = append(e.Codes, Code{Code: c.Code, From: c.From, To: c.To})
		}
		l.Actors = append(l.Actors, e)
		actorNames = append(actorNames, tokens(a.Names, nil))
	}
	for _, a := range agents {
		if len(a.Names) == 0 || a.Code == "" || a.Code == NoAgent {
			continue
		}
		names := tokens(a.Names, removed)
		if len(names) == 0 {
			continue
		}
		l.Agents = append(l.Agents, Agent{Name: strings.Join(a.Names[0], "_"), Code: a.Code, Where: fmt.Sprintf("%s:%d", a.File, a.Line)})
		agentNames = append(agentNames, names)
	}
	l.indexTokens(actorNames, agentNames)
	return l
}

// Write encodes the lexicon in the compiled format.
func (l *Lexicon) Write(w io.Writer) error {
	e := learn.NewEncoder(fileKind, fileVersion)
	e.String(l.Source)
	e.Uvarint(uint64(len(l.Actors)))
	for _, a := range l.Actors {
		e.String(a.Where)
		e.String(a.Name)
		e.Uvarint(uint64(len(a.Codes)))
		for _, c := range a.Codes {
			e.String(c.Code)
			e.String(c.From)
			e.String(c.To)
		}
	}
	e.Uvarint(uint64(len(l.Agents)))
	for _, a := range l.Agents {
		e.String(a.Where)
		e.String(a.Name)
		e.String(a.Code)
	}
	l.actors.encode(e)
	l.agents.encode(e)
	encodeVerbs(e, l.Verbs, l.Discards)
	_, err := e.WriteTo(w)
	return err
}

// encode appends the trie and the names: each node after the root as its parent and its
// token (the children of a node are then in the order of their numbers, as add makes
// them) and its entry, then each name as its node and entry.
func (ix *index) encode(e *learn.Encoder) {
	parent := make([]int32, len(ix.nodes))
	token := make([]string, len(ix.nodes))
	for p := range ix.nodes {
		for k, c := range ix.nodes[p].children {
			parent[c], token[c] = int32(p), ix.nodes[p].tokens[k]
		}
	}
	e.Uvarint(uint64(len(ix.nodes)))
	for k := range ix.nodes {
		if k > 0 {
			e.Uvarint(uint64(int32(k) - parent[k]))
			e.String(token[k])
		}
		e.Uvarint(uint64(ix.nodes[k].entry + 1))
	}
	e.Uvarint(uint64(len(ix.names)))
	for _, nm := range ix.names {
		e.Uvarint(uint64(nm.node))
		e.Uvarint(uint64(nm.entry))
	}
}

// Read decodes a compiled lexicon.
func Read(r io.Reader) (*Lexicon, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return decode(data)
}

// decode reads the lexicon held in data. Its strings are substrings of data.
func decode(data string) (*Lexicon, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	l := &Lexicon{Source: d.String("source")}
	l.Actors = make([]Actor, d.Count("actors", maxCount))
	for i := range l.Actors {
		a := &l.Actors[i]
		a.Where, a.Name = d.String("actor's place"), d.String("actor's name")
		a.Codes = make([]Code, d.Count("codes", maxCount))
		for k := range a.Codes {
			a.Codes[k] = Code{Code: d.String("code"), From: d.String("from"), To: d.String("to")}
			if d.Err() == nil && a.Codes[k].Code == "" {
				d.Failf("actor %d: an empty code", i)
			}
		}
	}
	l.Agents = make([]Agent, d.Count("agents", maxCount))
	for i := range l.Agents {
		l.Agents[i] = Agent{Where: d.String("agent's place"), Name: d.String("agent's name"), Code: d.String("agent's code")}
	}
	l.actors.decode(d, len(l.Actors))
	l.agents.decode(d, len(l.Agents))
	l.Verbs, l.Discards = decodeVerbs(d)
	if err := d.Finish(); err != nil {
		return nil, err
	}
	return l, nil
}

// decode reads what encode wrote, for an index of entries entries. The children of all
// nodes share two arrays.
func (ix *index) decode(d *learn.Decoder, entries int) {
	n := d.Count("trie nodes", maxCount)
	if n == 0 {
		ix.names = make([]indexedName, d.Count("names", 0))
		return
	}
	ix.nodes = make([]trieNode, n)
	parent := make([]int32, n)
	token := make([]string, n)
	counts := make([]int32, n)
	for k := range ix.nodes {
		if k > 0 {
			back := d.Int("parent", k)
			if d.Err() == nil && back == 0 {
				d.Failf("node %d is its own parent", k)
			}
			parent[k], token[k] = int32(k-back), d.String("token")
			counts[parent[k]]++
		}
		ix.nodes[k].entry = int32(d.Int("entry", entries)) - 1
	}
	if d.Err() != nil {
		return
	}
	tokens, children := make([]string, n-1), make([]int32, n-1)
	at := 0
	for p := range ix.nodes {
		nd := &ix.nodes[p]
		if c := int(counts[p]); c > 0 {
			nd.tokens, nd.children = tokens[at:at:at+c], children[at:at:at+c]
			at += c
		}
	}
	for k := 1; k < n; k++ {
		nd := &ix.nodes[parent[k]]
		nd.tokens = append(nd.tokens, token[k])
		nd.children = append(nd.children, int32(k))
	}
	for p := range ix.nodes {
		if nd := &ix.nodes[p]; len(nd.tokens) > mapChildren {
			nd.byToken = make(map[string]int32, len(nd.tokens))
			for k, t := range nd.tokens {
				nd.byToken[t] = nd.children[k]
			}
		}
	}
	ix.names = make([]indexedName, d.Count("names", maxCount))
	for i := range ix.names {
		ix.names[i] = indexedName{node: int32(d.Int("name's node", n-1)), entry: int32(d.Int("name's entry", entries-1))}
	}
}
