package petrarch

import (
	"io"
	"strings"
)

// Agent is one line of an agents dictionary: a role or group (PRESIDENT, RIOT_POLICE,
// HUMAN_RIGHTS_BODY) and the code it gives an actor. Names holds every form the line
// stands for, as upper-case tokens: the phrase, then its plural (generated, or the one
// written in {…}; {} means none), or, for a line with a !MARKER!, one name per member of
// the marker's set and no plurals.
//
// Code is written without brackets. A '~' before the code ("~GOV") means the agent code
// follows the actor's (KAZ + ~GOV = KAZGOV); a '~' after it ("NGO~") means it comes
// first, as organizations are coded (NGO~ + KEN = NGOKEN).
type Agent struct {
	Names [][]string
	Code  string
	File  string
	Line  int
}

// ReadAgents reads an agents dictionary (Phoenix.agents.txt, PETR.Validate.agents.txt):
// lines "PHRASE {PLURAL} [CODE]" and substitution sets "!NAME! = A, B, C", which must be
// defined before they are used.
func ReadAgents(r io.Reader, file string) ([]Agent, []Warning, error) {
	l := newLines(r, file)
	var agents []Agent
	sets := map[string][]string{}
	for {
		s, ok := l.next()
		if !ok {
			break
		}
		if s[0] == '!' && strings.Contains(s, "=") && !strings.Contains(s, "[") {
			l.defineSet(s, sets)
			continue
		}
		phrase, code, after, ok := l.bracket(s)
		if !ok {
			l.warnf("agent %q has no [code]: line skipped", s)
			continue
		}
		if t := strings.TrimSpace(after); t != "" {
			l.warnf("unexpected text %q after the code", t)
		}
		if code == "" {
			l.warnf("empty code []: line skipped")
			continue
		}
		if code[0] != '~' && code[len(code)-1] != '~' || strings.ContainsAny(code, " \t") {
			l.warnf("agent code [%s] should be ~CODE or CODE~", code)
		}
		a := Agent{Code: code, File: file, Line: l.n}
		single, plur, braces := phrase, "", false
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase[i:], '}')
			if j < 0 {
				l.warnf("'{' is never closed: line skipped")
				continue
			}
			single, plur, braces = phrase[:i], phrase[i+1:i+j], true
			if t := strings.TrimSpace(phrase[i+j+1:]); t != "" {
				l.warnf("unexpected text %q after the plural", t)
			}
		}
		if strings.Contains(single, "!") {
			if braces && strings.TrimSpace(plur) != "" {
				l.warnf("plural {%s} ignored: a substitution set gives all the forms", strings.TrimSpace(plur))
			}
			forms, ok := l.substitute(single, sets)
			if !ok {
				continue
			}
			for _, f := range forms {
				if w := words(f); len(w) > 0 {
					a.Names = append(a.Names, w)
				}
			}
		} else if w := words(single); len(w) > 0 {
			a.Names = append(a.Names, w)
			if !braces {
				p := append([]string(nil), w...)
				p[len(p)-1] = plural(p[len(p)-1])
				a.Names = append(a.Names, p)
			} else if p := words(plur); len(p) > 0 {
				a.Names = append(a.Names, p)
			}
		}
		if len(a.Names) == 0 {
			l.warnf("empty agent phrase: line skipped")
			continue
		}
		agents = append(agents, a)
	}
	return agents, l.warnings, l.err
}

// defineSet reads "!NAME! = A, B, C".
func (l *lines) defineSet(s string, sets map[string][]string) {
	name, list, _ := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if len(name) < 3 || name[len(name)-1] != '!' || strings.Count(name, "!") != 2 {
		l.warnf("substitution set %q should be !NAME! = A, B, ...", name)
		return
	}
	var members []string
	for _, m := range strings.Split(list, ",") {
		if m = strings.TrimSpace(m); m != "" {
			members = append(members, m)
		}
	}
	if len(members) == 0 {
		l.warnf("substitution set %s is empty", name)
	}
	key := strings.ToUpper(name[1 : len(name)-1])
	if _, dup := sets[key]; dup {
		l.warnf("substitution set %s defined again", name)
	}
	sets[key] = members
}

// substitute expands every !MARKER! of s with the members of its set.
func (l *lines) substitute(s string, sets map[string][]string) ([]string, bool) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, true
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		l.warnf("substitution marker in %q is never closed: line skipped", strings.TrimSpace(s))
		return nil, false
	}
	name := s[i+1 : i+1+j]
	set, ok := sets[strings.ToUpper(name)]
	if !ok {
		l.warnf("substitution set !%s! is not defined: line skipped", name)
		return nil, false
	}
	rest, ok := l.substitute(s[i+j+2:], sets)
	if !ok {
		return nil, false
	}
	var out []string
	for _, m := range set {
		for _, r := range rest {
			if len(out) == maxForms {
				l.warnf("more than %d forms: the rest are dropped", maxForms)
				return out, true
			}
			out = append(out, s[:i]+m+r)
		}
	}
	return out, true
}
