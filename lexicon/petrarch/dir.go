package petrarch

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dictionaries is a set of PETRARCH dictionaries read from one directory.
type Dictionaries struct {
	Verbs    *Verbs // nil when the directory has no verb dictionary
	Actors   []Actor
	Agents   []Agent
	Discards []Discard
	Issues   []Issue
	Files    []string // the files read, in the order read
}

// ReadDir reads the PETRARCH dictionaries of dir, recognized by their names as the
// PETRARCH2 configuration names them, case-blind:
//
//	verbs     CAMEO*.txt or *.verbs.txt
//	actors    *.actors.txt, all of them, in name order
//	agents    *.agents.txt
//	discards  *.discards.txt
//	issues    *.issues.txt or *IssueCoding.txt
//
// PETR.Validate.* files, PETRARCH's unit-test dictionaries, are left out, since they
// would otherwise compete with the set beside them. A role may be missing; two files for a
// role other than actors are an error, as is a directory with no dictionary at all.
func ReadDir(dir string) (*Dictionaries, []Warning, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	roles := map[string][]string{}
	for _, e := range ents {
		name := e.Name()
		low := strings.ToLower(name)
		if e.IsDir() || !strings.HasSuffix(low, ".txt") || strings.HasPrefix(low, "petr.validate.") {
			continue
		}
		switch {
		case strings.HasPrefix(low, "cameo") || strings.HasSuffix(low, ".verbs.txt"):
			roles["verbs"] = append(roles["verbs"], name)
		case strings.HasSuffix(low, ".actors.txt"):
			roles["actors"] = append(roles["actors"], name)
		case strings.HasSuffix(low, ".agents.txt"):
			roles["agents"] = append(roles["agents"], name)
		case strings.HasSuffix(low, ".discards.txt"):
			roles["discards"] = append(roles["discards"], name)
		case strings.HasSuffix(low, ".issues.txt") || strings.HasSuffix(low, "issuecoding.txt"):
			roles["issues"] = append(roles["issues"], name)
		}
	}
	if len(roles) == 0 {
		return nil, nil, fmt.Errorf("%s: no PETRARCH dictionary (CAMEO*.txt, *.verbs.txt, *.actors.txt, *.agents.txt, *.discards.txt, *.issues.txt)", dir)
	}
	var files Files
	for role, names := range roles {
		sort.Strings(names)
		if role != "actors" && len(names) > 1 {
			return nil, nil, fmt.Errorf("%s: more than one %s dictionary: %s", dir, role, strings.Join(names, ", "))
		}
		switch role {
		case "verbs":
			files.Verbs = names[0]
		case "actors":
			files.Actors = names
		case "agents":
			files.Agents = names[0]
		case "discards":
			files.Discards = names[0]
		case "issues":
			files.Issues = names[0]
		}
	}
	return ReadFiles(dir, files)
}

// Files names the dictionaries of a set, relative to a directory; an empty name means
// none of that kind. PETRARCH2's configuration and the unit-test records' <Environment>
// name them so.
type Files struct {
	Verbs, Agents, Discards, Issues string
	Actors                          []string
}

// ReadFiles reads the dictionaries that files names in dir.
func ReadFiles(dir string, files Files) (*Dictionaries, []Warning, error) {
	roles := map[string][]string{"actors": files.Actors}
	for role, name := range map[string]string{"verbs": files.Verbs, "agents": files.Agents, "discards": files.Discards, "issues": files.Issues} {
		if name != "" {
			roles[role] = []string{name}
		}
	}
	d := &Dictionaries{}
	var warnings []Warning
	read := func(name string, f func(io.Reader, string) ([]Warning, error)) error {
		path := filepath.Join(dir, name)
		fh, err := os.Open(path)
		if err != nil {
			return err
		}
		defer fh.Close()
		ws, err := f(fh, name)
		warnings = append(warnings, ws...)
		d.Files = append(d.Files, path)
		return err
	}
	for _, name := range roles["verbs"] {
		if err := read(name, func(r io.Reader, file string) (ws []Warning, err error) {
			d.Verbs, ws, err = ReadVerbs(r, file)
			return ws, err
		}); err != nil {
			return nil, warnings, err
		}
	}
	for _, name := range roles["actors"] {
		if err := read(name, func(r io.Reader, file string) ([]Warning, error) {
			a, ws, err := ReadActors(r, file)
			d.Actors = append(d.Actors, a...)
			return ws, err
		}); err != nil {
			return nil, warnings, err
		}
	}
	for _, name := range roles["agents"] {
		if err := read(name, func(r io.Reader, file string) (ws []Warning, err error) {
			d.Agents, ws, err = ReadAgents(r, file)
			return ws, err
		}); err != nil {
			return nil, warnings, err
		}
	}
	for _, name := range roles["discards"] {
		if err := read(name, func(r io.Reader, file string) (ws []Warning, err error) {
			d.Discards, ws, err = ReadDiscards(r, file)
			return ws, err
		}); err != nil {
			return nil, warnings, err
		}
	}
	for _, name := range roles["issues"] {
		if err := read(name, func(r io.Reader, file string) (ws []Warning, err error) {
			d.Issues, ws, err = ReadIssues(r, file)
			return ws, err
		}); err != nil {
			return nil, warnings, err
		}
	}
	return d, warnings, nil
}
