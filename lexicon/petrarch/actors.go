package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// DatedCode is one code of an actor and the dates it applies: [KAZGOV 030101-070131],
// [CHNGOV >20121115], [IRQ <20030320], or [KAZELI] with no dates, the actor's default
// when no dated code applies. From and To are YYYY-MM-DD, "" when open.
//
// Dates are written YYYYMMDD or TABARI's YYMMDD, and the reader takes them as PETRARCH
// does (PETRreader.dstr_to_ordate): seven digits or fewer are YYMMDD, and a two-digit year
// of 30 or less is 20YY, otherwise 19YY (so 070131 is 2007 and 330101 is 1933); eight or
// more are YYYYMMDD, of which only the first eight digits count.
//
// PETRARCH2 codes with the first code in file order whose range holds the date, From <= date
// < To, although the format's documentation calls both limits inclusive; the shipped files
// let one office end the day the next begins, which only the half-open reading keeps apart.
type DatedCode struct {
	Code, From, To string
}

// Actor is one entry of an actor dictionary: the primary name and its '+' synonyms, each
// as upper-case tokens split on '_' and blanks (KASYMZHOMART_TOKAYEV_ is [KASYMZHOMART
// TOKAYEV]), its codes in file order, and where it was defined. TABARI's final '_'
// ("not a stem") is dropped: PETRARCH2 matches whole words only.
type Actor struct {
	Names [][]string
	Codes []DatedCode
	File  string
	Line  int
}

// ReadActors reads an actor dictionary (Phoenix.*.actors.txt, PETR.Validate.actors.txt).
// An entry is a name line, optionally with codes after it, then '+' synonym lines and code
// lines ("\t[CODE dates]"); several codes may share a line, as in TABARI.
func ReadActors(r io.Reader, file string) ([]Actor, []Warning, error) {
	l := newLines(r, file)
	var actors []Actor
	done := func(next bool) {
		n := len(actors)
		if n == 0 || len(actors[n-1].Codes) > 0 {
			return
		}
		hint := ""
		if next && len(actors[n-1].Names) == 1 {
			hint = " (is a '+' missing before the next name?)"
		}
		l.warnAt(actors[n-1].Line, "actor %s has no code%s", strings.Join(actors[n-1].Names[0], "_"), hint)
	}
	for {
		s, ok := l.next()
		if !ok {
			break
		}
		var cur *Actor
		if len(actors) > 0 {
			cur = &actors[len(actors)-1]
		}
		switch {
		case s[0] == '[':
			if cur == nil {
				l.warnf("code before any actor")
				continue
			}
			cur.Codes = l.codes(s, cur.Codes)
		case s[0] == '+':
			if cur == nil {
				l.warnf("synonym before any actor")
				continue
			}
			name, codes := l.actorName(s[1:])
			if name != nil {
				cur.Names = append(cur.Names, name)
			}
			cur.Codes = l.codes(codes, cur.Codes)
		default:
			name, codes := l.actorName(s)
			if name == nil {
				continue
			}
			done(true)
			actors = append(actors, Actor{Names: [][]string{name}, File: file, Line: l.n})
			cur = &actors[len(actors)-1]
			cur.Codes = l.codes(codes, cur.Codes)
		}
	}
	if l.err == nil {
		done(false)
	}
	return actors, l.warnings, l.err
}

// actorName splits a name line into the name's tokens and the codes that follow it.
func (l *lines) actorName(s string) ([]string, string) {
	name, codes := s, ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		name, codes = s[:i], s[i:]
	}
	if strings.ContainsAny(name, "]{}") {
		l.warnf("stray bracket in name %q", strings.TrimSpace(name))
		name = strings.Map(func(r rune) rune {
			if strings.ContainsRune("]{}", r) {
				return -1
			}
			return r
		}, name)
	}
	w := words(name)
	if len(w) == 0 {
		l.warnf("empty name")
		return nil, codes
	}
	return w, codes
}

// codes reads the [code dates] groups of s into cs.
func (l *lines) codes(s string, cs []DatedCode) []DatedCode {
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return cs
		}
		before, code, after, ok := l.bracket(s)
		if t := strings.TrimSpace(before); t != "" {
			l.warnf("unexpected text %q", t)
		}
		if !ok {
			return cs
		}
		if c, ok := l.datedCode(code); ok {
			cs = append(cs, c)
		}
		s = after
	}
}

func (l *lines) datedCode(s string) (DatedCode, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		l.warnf("empty code []")
		return DatedCode{}, false
	}
	c := DatedCode{Code: f[0]}
	if c0 := c.Code[0]; c0 >= '0' && c0 <= '9' || c0 == '<' || c0 == '>' {
		l.warnf("code missing before the dates in [%s]", s)
		return c, false
	}
	if up := strings.ToUpper(c.Code); up != c.Code {
		l.warnf("lower-case code [%s] (read as %s)", c.Code, up)
		c.Code = up
	}
	// "[HOBGOV 19950601 - 19990815]" and "[EGYGOV > 140608]" occur: blanks do not matter.
	d := strings.Join(f[1:], "")
	var err error
	switch {
	case d == "":
		return c, true
	case d[0] == '<':
		c.To, err = l.date(d[1:])
	case d[0] == '>':
		c.From, err = l.date(d[1:])
	case strings.Contains(d, "-"):
		from, to, _ := strings.Cut(d, "-")
		if c.From, err = l.date(from); err == nil {
			c.To, err = l.date(to)
		}
		if err == nil && c.To < c.From {
			l.warnf("date range %s ends before it starts (%s to %s)", d, c.From, c.To)
		}
	default:
		if c.From, err = l.date(d); err == nil {
			l.warnf("date %s has no '<', '>' or '-' (read as from %s)", d, c.From)
		}
	}
	if err != nil {
		l.warnf("%v in [%s]: code skipped", err, s)
		return c, false
	}
	return c, true
}

// date expands a YYMMDD or YYYYMMDD date to YYYY-MM-DD with PETRARCH's rules (see
// DatedCode), and warns when those rules had to guess.
func (l *lines) date(s string) (string, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("bad date %q", s)
		}
	}
	var y, m, d int
	switch n := len(s); {
	case n < 6:
		return "", fmt.Errorf("bad date %q", s)
	case n <= 7:
		y, m, d = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:6])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	default:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return "", fmt.Errorf("no such date %q", s)
	}
	iso := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if n := len(s); n == 7 || n > 8 {
		l.warnf("date %s has %d digits (read as %s, as PETRARCH does)", s, n, iso)
	}
	return iso, nil
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
