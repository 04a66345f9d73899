package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"herald/lexicon/petrarch"
)

// The compiled file is gzipped text, one entry per line, so that it diffs and reads in a
// pager:
//
//	HERALD-LEXICON 1
//	source <what it was compiled from>
//	A <file:line> TAB <primary name> TAB <CODE/FROM/TO;…> TAB <name tokens|…>
//	G <file:line> TAB <primary name> TAB <code> TAB <name tokens|…>
//
// A lines are actors, G lines agents; name tokens are space-separated, as nameTokens
// makes them. The gzip header carries no time or name, so the same dictionaries give the
// same bytes.
const (
	fileMagic   = "HERALD-LEXICON"
	fileVersion = 1
)

// File is the name of the compiled lexicon embedded in the package, VerbsFile that of
// its verb dictionary and discard list: structured patterns, which encoding/gob stores
// more simply than a text format would, in a gzip stream with no time or name in its
// header.
const (
	File      = "lexicon.bin.gz"
	VerbsFile = "verbs.gob.gz"
)

var (
	//go:embed lexicon.bin.gz
	embedded []byte
	//go:embed verbs.gob.gz
	embeddedVerbs []byte
)

// verbPayload is what VerbsFile holds.
type verbPayload struct {
	Source   string
	Verbs    *petrarch.Verbs
	Discards []petrarch.Discard
}

// WriteVerbs encodes the lexicon's verb dictionary and discard list in VerbsFile's
// format.
func (l *Lexicon) WriteVerbs(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(verbPayload{Source: l.Source, Verbs: l.Verbs, Discards: l.Discards}); err != nil {
		return err
	}
	return zw.Close()
}

// ReadVerbs decodes VerbsFile's format into l.
func (l *Lexicon) ReadVerbs(r io.Reader) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	var p verbPayload
	if err := gob.NewDecoder(zr).Decode(&p); err != nil {
		return fmt.Errorf("%w: verbs: %v", ErrFormat, err)
	}
	if p.Verbs != nil {
		p.Verbs.Index()
	}
	l.Verbs, l.Discards = p.Verbs, p.Discards
	return nil
}

// ErrFormat reports a compiled lexicon that is damaged or of another version.
var ErrFormat = errors.New("not a Herald lexicon")

// Load reads the lexicon embedded in the binary, verbs included.
func Load() (*Lexicon, error) {
	l, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	if err := l.ReadVerbs(bytes.NewReader(embeddedVerbs)); err != nil {
		return nil, fmt.Errorf("embedded %s: %w", VerbsFile, err)
	}
	return l, nil
}

//go:embed herald.agents.txt
var supplement []byte

// SupplementFile is Herald's own agents dictionary: common news words for forces and
// groups that the Phoenix agents dictionary lacks. It is compiled after a directory's
// Phoenix.agents.txt, and only with it: a user's own agents dictionary stands alone.
const SupplementFile = "herald.agents.txt"

// CompileDir reads the PETRARCH dictionaries of dir (see petrarch.ReadDir for how files
// are recognized) into a Lexicon: the actor and agents dictionaries, plus Herald's
// supplement when dir's agents dictionary is Phoenix.agents.txt. Warnings name the defects
// of the files that were read past; an error is a directory or file that could not be
// read.
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
	files := append([]string(nil), d.Files...)
	agents := d.Agents
	if slices.ContainsFunc(d.Files, func(f string) bool { return strings.EqualFold(filepath.Base(f), "Phoenix.agents.txt") }) {
		extra, ws, err := petrarch.ReadAgents(bytes.NewReader(supplement), SupplementFile)
		warnings = append(warnings, ws...)
		if err != nil {
			return nil, warnings, err
		}
		agents = append(agents[:len(agents):len(agents)], extra...)
		files = append(files, SupplementFile)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	l := Compile(d.Actors, agents, strings.Join(names, ", "))
	l.Verbs, l.Discards = d.Verbs, d.Discards
	return l, warnings, nil
}

// Compile indexes actor and agents dictionary entries into a Lexicon; source says where
// they came from. Entries without a name or a code are left out (the readers warned).
func Compile(actors []petrarch.Actor, agents []petrarch.Agent, source string) *Lexicon {
	l := &Lexicon{Source: source}
	var actorNames, agentNames [][][]string
	tokens := func(names [][]string) [][]string {
		out := make([][]string, len(names))
		for i, n := range names {
			out[i] = nameTokens(n)
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
		actorNames = append(actorNames, tokens(a.Names))
	}
	for _, a := range agents {
		if len(a.Names) == 0 || a.Code == "" {
			continue
		}
		l.Agents = append(l.Agents, Agent{Name: strings.Join(a.Names[0], "_"), Code: a.Code, Where: fmt.Sprintf("%s:%d", a.File, a.Line)})
		agentNames = append(agentNames, tokens(a.Names))
	}
	l.indexTokens(actorNames, agentNames)
	return l
}

// Write encodes the lexicon in the compiled format.
func (l *Lexicon) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s %d\nsource %s\n", fileMagic, fileVersion, oneLine(l.Source))
	names := func(ix *index, entries int) [][]string {
		out := make([][]string, entries)
		for _, nm := range ix.names {
			out[nm.entry] = append(out[nm.entry], strings.Join(nm.tokens, " "))
		}
		return out
	}
	actorNames := names(&l.actors, len(l.Actors))
	for i, a := range l.Actors {
		codes := make([]string, len(a.Codes))
		for k, c := range a.Codes {
			codes[k] = c.Code + "/" + c.From + "/" + c.To
		}
		fmt.Fprintf(bw, "A %s\t%s\t%s\t%s\n", oneLine(a.Where), oneLine(a.Name), strings.Join(codes, ";"), strings.Join(actorNames[i], "|"))
	}
	agentNames := names(&l.agents, len(l.Agents))
	for i, a := range l.Agents {
		fmt.Fprintf(bw, "G %s\t%s\t%s\t%s\n", oneLine(a.Where), oneLine(a.Name), oneLine(a.Code), strings.Join(agentNames[i], "|"))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// oneLine keeps a field on its line and in its column.
func oneLine(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ", "|", "/").Replace(s)
}

// Read decodes a compiled lexicon.
func Read(r io.Reader) (*Lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 2 || lines[0] != fmt.Sprintf("%s %d", fileMagic, fileVersion) || !strings.HasPrefix(lines[1], "source ") {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	l := &Lexicon{Source: strings.TrimPrefix(lines[1], "source ")}
	splitNames := func(s string) [][]string {
		var out [][]string
		for _, n := range strings.Split(s, "|") {
			if toks := strings.Fields(n); len(toks) > 0 {
				out = append(out, toks)
			}
		}
		return out
	}
	var actorNames, agentNames [][][]string
	for i, line := range lines[2:] {
		if line == "" {
			continue
		}
		f := strings.Split(line[min(2, len(line)):], "\t")
		if len(line) < 2 || line[1] != ' ' || len(f) != 4 {
			return nil, fmt.Errorf("%w: line %d: want 4 tab-separated fields", ErrFormat, i+3)
		}
		switch line[0] {
		case 'A':
			a := Actor{Where: f[0], Name: f[1]}
			for _, c := range strings.Split(f[2], ";") {
				parts := strings.Split(c, "/")
				if len(parts) != 3 || parts[0] == "" {
					return nil, fmt.Errorf("%w: line %d: bad code %q", ErrFormat, i+3, c)
				}
				a.Codes = append(a.Codes, Code{Code: parts[0], From: parts[1], To: parts[2]})
			}
			l.Actors = append(l.Actors, a)
			actorNames = append(actorNames, splitNames(f[3]))
		case 'G':
			l.Agents = append(l.Agents, Agent{Where: f[0], Name: f[1], Code: f[2]})
			agentNames = append(agentNames, splitNames(f[3]))
		default:
			return nil, fmt.Errorf("%w: line %d: unknown record %q", ErrFormat, i+3, line[:1])
		}
	}
	l.indexTokens(actorNames, agentNames)
	return l, nil
}
