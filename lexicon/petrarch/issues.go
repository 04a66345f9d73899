package petrarch

import (
	"io"
	"regexp"
	"strings"
)

// Issue is an entry of the issues list: a phrase and the issue code it marks in a
// sentence ("n:refugee [REFUGEES]"), or, with Ignore set, a phrase that cancels the
// issues of its sentence ("~Saturday Night massacre", Ignore 1) or of its story ("~~…",
// Ignore 2).
//
// Phrases holds every form the line stands for, as upper-case tokens. Three expansions
// apply to the word they prefix: "n:" adds the noun's plural, "v:" the verb's regular
// forms (-S, -ED, -ING), and a '+' inside a word gives both the spaced and the hyphenated
// compound (early+childhood: EARLY CHILDHOOD and EARLY-CHILDHOOD).
type Issue struct {
	Phrases  [][]string
	Code     string
	Ignore   int
	Category string // of the enclosing <ISSUE CATEGORY="…"> section
	File     string
	Line     int
}

var issueOpen = regexp.MustCompile(`(?i)^<ISSUE\b(?:.*\bCATEGORY\s*=\s*"([^"]*)")?.*>$`)

// ReadIssues reads an issues list (Phoenix.IssueCoding.txt).
func ReadIssues(r io.Reader, file string) ([]Issue, []Warning, error) {
	l := newLines(r, file)
	var out []Issue
	category, open := "", 0
	for {
		s, ok := l.next()
		if !ok {
			break
		}
		if s[0] == '<' {
			switch m := issueOpen.FindStringSubmatch(s); {
			case m != nil:
				if open > 0 {
					l.warnf("<ISSUE> inside the <ISSUE> of line %d", open)
				}
				category, open = m[1], l.n
			case strings.EqualFold(s, "</ISSUE>"):
				if open == 0 {
					l.warnf("</ISSUE> without <ISSUE>")
				}
				category, open = "", 0
			default:
				l.warnf("unknown tag %q", s)
			}
			continue
		}
		if s[0] == '~' {
			is := Issue{Ignore: 1, Category: category, File: file, Line: l.n}
			s = s[1:]
			if s != "" && s[0] == '~' {
				is.Ignore, s = 2, s[1:]
			}
			if is.Phrases = l.issueForms(s); len(is.Phrases) == 0 {
				l.warnf("empty ignore phrase")
				continue
			}
			out = append(out, is)
			continue
		}
		// Two entries run together on one line occur; each is read.
		for n := 0; s != ""; n++ {
			phrase, code, after, ok := l.bracket(s)
			if !ok {
				if n == 0 {
					l.warnf("phrase %q has no [code]: ignored, as PETRARCH does", s)
				} else {
					l.warnf("unexpected text %q after the code", strings.TrimSpace(s))
				}
				break
			}
			if n > 0 {
				l.warnf("more than one entry on the line")
			}
			is := Issue{Code: code, Category: category, File: file, Line: l.n}
			is.Phrases = l.issueForms(phrase)
			switch {
			case code == "":
				l.warnf("empty code []")
			case len(is.Phrases) == 0:
				l.warnf("code [%s] without a phrase", code)
			default:
				out = append(out, is)
			}
			s = strings.TrimSpace(after)
		}
	}
	if open > 0 {
		l.warnAt(open, "<ISSUE> is never closed")
	}
	return out, l.warnings, l.err
}

// issueForms expands the n:, v: and '+' markers of a phrase.
func (l *lines) issueForms(s string) [][]string {
	forms := [][]string{nil}
	for _, w := range strings.Fields(strings.ToUpper(s)) {
		var alts []string // this word's forms
		for i, part := range strings.Split(w, "+") {
			var pf []string
			switch {
			case strings.HasPrefix(part, "N:"):
				part = part[2:]
				pf = []string{part, plural(part)}
			case strings.HasPrefix(part, "V:"):
				part = part[2:]
				pf = append([]string{part}, verbForms(part)...)
			default:
				pf = []string{part}
			}
			if i == 0 {
				alts = pf
				continue
			}
			var next []string
			for _, a := range alts {
				for _, p := range pf {
					next = append(next, a+" "+p, a+"-"+p)
				}
			}
			alts = next
			if len(alts) > maxForms {
				l.warnf("more than %d forms: the rest are dropped", maxForms)
				alts = alts[:maxForms]
			}
		}
		var next [][]string
	product:
		for _, f := range forms {
			for _, a := range alts {
				if len(next) == maxForms {
					l.warnf("more than %d forms: the rest are dropped", maxForms)
					break product
				}
				next = append(next, append(f[:len(f):len(f)], words(a)...))
			}
		}
		forms = next
	}
	out := forms[:0]
	for _, f := range forms {
		if len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}
