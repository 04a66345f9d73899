// Package petrarch reads the PETRARCH2 and TABARI dictionary files as they are
// distributed, so that users can bring their own: the CAMEO verb dictionary (synsets, verb
// blocks, patterns, transformations), actor dictionaries (names, '+' synonyms, codes with
// date ranges), the agents dictionary ({plural} forms and !substitution! markers), the
// discard list and the issues list, in both the Phoenix set and the older PETRARCH-1
// validation files (PETR.Validate.*). The formats are those of docs/source/dictionaries.rst
// and PETRreader.py in openeventdata/petrarch2.
//
// The readers only parse: they keep the files' codes and tokens as written (upper-cased)
// and leave matching to the lexicon and the event coder. Malformed input never stops a
// reader: each defect is a Warning ("file:line: what is wrong") and the reader goes on
// as PETRARCH would, so a shipped file loads as PETRARCH loads it and the user can see
// what PETRARCH silently got wrong. Only a read error or a file that is not text (a NUL
// byte) is an error.
//
// Comments are those of the format: '#' and ';' (the KEDS/TABARI legacy) to the end of
// the line, <!-- ... --> on one line or over several, and lines that begin with "<!".
package petrarch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Warning is a defect found in a dictionary file. It is also the error type for the
// defects that stop a reader.
type Warning struct {
	File string
	Line int
	Msg  string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg) }
func (w Warning) Error() string  { return w.String() }

// maxWarnings bounds the report on a file that is not a dictionary at all; a real
// dictionary has a handful.
const maxWarnings = 500

// lines yields the content of a dictionary file line by line, comments removed.
type lines struct {
	br       *bufio.Reader
	file     string
	n        int // number of the line last returned
	warnings []Warning
	err      error
	comment  int // line of an open multi-line <!-- comment, 0 when none
}

func newLines(r io.Reader, file string) *lines {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return &lines{br: br, file: file}
}

func (l *lines) warnf(format string, args ...any) { l.warnAt(l.n, format, args...) }

func (l *lines) warnAt(line int, format string, args ...any) {
	switch {
	case len(l.warnings) < maxWarnings:
		l.warnings = append(l.warnings, Warning{l.file, line, fmt.Sprintf(format, args...)})
	case len(l.warnings) == maxWarnings:
		l.warnings = append(l.warnings, Warning{l.file, line, "too many warnings: the rest are not reported"})
	}
}

// next returns the next line that has content, trimmed, or false at the end of the file or
// on an error (in l.err).
func (l *lines) next() (string, bool) {
	for l.err == nil {
		// ReadString rather than a Scanner: a line may be as long as the file.
		raw, err := l.br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			l.err = fmt.Errorf("%s:%d: %w", l.file, l.n+1, err)
			return "", false
		}
		if raw == "" {
			if l.comment > 0 {
				l.warnAt(l.comment, "comment <!-- is never closed")
			}
			return "", false
		}
		l.n++
		if strings.IndexByte(raw, 0) >= 0 {
			l.err = Warning{l.file, l.n, "NUL byte: not a text file"}
			return "", false
		}
		if l.n == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		valid := utf8.ValidString(raw)
		if !valid {
			l.warnf("invalid UTF-8 (read as U+FFFD)")
			raw = strings.ToValidUTF8(raw, "\uFFFD")
		}
		if t := l.strip(raw); t != "" {
			if valid {
				l.check(t)
			}
			return t, true
		}
	}
	return "", false
}

// strip removes comments and surrounding space.
func (l *lines) strip(s string) string {
	if l.comment > 0 {
		i := strings.Index(s, "-->")
		if i < 0 {
			return ""
		}
		s, l.comment = s[i+3:], 0
	}
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		s = s[:i]
	}
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			s, l.comment = s[:i], l.n
			break
		}
		s = s[:i] + " " + s[i+4+j+3:]
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<!") { // "<! -- ... -->", which PETRARCH skips as a comment
		return ""
	}
	return s
}

// check reports characters that no dictionary entry should contain: they are the traces
// of a broken conversion and make the entry unmatchable.
func (l *lines) check(s string) {
	if strings.ContainsRune(s, utf8.RuneError) {
		l.warnf("U+FFFD replacement character: a character was lost before the file was written")
		return
	}
	prev := ' '
	for _, r := range s {
		switch {
		case (prev == 'Ã' || prev == 'Â') && r >= 0x80:
			l.warnf("%q looks like UTF-8 read as Windows-1252 (mojibake)", string([]rune{prev, r}))
			return
		case r < ' ' && r != '\t', r == 0x7f,
			r >= 0x80 && (unicode.IsControl(r) || unicode.IsSymbol(r) || unicode.Is(unicode.Po, r)):
			l.warnf("unexpected character %U %q", r, r)
			return
		}
		prev = r
	}
}

// words splits a phrase written with blanks or underscores into upper-case tokens. The
// distinction PETRARCH-1 made between the two (consecutive words or not) is not kept:
// PETRARCH2 ignores it too.
func words(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
	for i, w := range f {
		f[i] = strings.ToUpper(w)
	}
	return f
}

// plural is the regular English plural of an upper-case noun. PETRARCH's rule is "Y →
// IES, S → ES, else S"; this one agrees except that a vowel before Y keeps it (ATTORNEYS,
// not ATTORNEIES) and -X, -Z, -CH and -SH take ES as well.
func plural(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case w[n-1] == 'Y' && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "IES"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	}
	return w + "S"
}

// verbForms are the regular third person, past and -ING forms of an upper-case verb.
// Consonants are not doubled (that needs the stress): the dictionaries list such verbs'
// forms in {…}. PETRARCH2 writes CRYED and TIEING; these are CRIED and TYING.
func verbForms(w string) []string {
	n := len(w)
	if n == 0 {
		return nil
	}
	last := w[n-1]
	consY := last == 'Y' && n > 1 && !isVowel(w[n-2])
	s, ed, ing := plural(w), w+"ED", w+"ING"
	switch {
	case consY:
		ed = w[:n-1] + "IED"
	case strings.HasSuffix(w, "IE"):
		ed, ing = w+"D", w[:n-2]+"YING"
	case last == 'E':
		ed = w + "D"
		if n > 1 && !isVowel(w[n-2]) {
			ing = w[:n-1] + "ING"
		}
	}
	return []string{s, ed, ing}
}

func isVowel(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }

// bracket splits s at its first [code]: the text before, the code (trimmed) and the text
// after. A code closed by '}' (a slip of the shift key) or not closed at all is read,
// with a warning.
func (l *lines) bracket(s string) (before, code, after string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, "", "", false
	}
	before, rest := s[:i], s[i+1:]
	j := strings.IndexAny(rest, "]}[")
	switch {
	case j < 0:
		l.warnf("'[' is never closed")
		return before, strings.TrimSpace(rest), "", true
	case rest[j] == '[':
		l.warnf("'[' is never closed")
		return before, strings.TrimSpace(rest[:j]), rest[j:], true
	case rest[j] == '}':
		l.warnf("code [%s closed by '}'", rest[:j])
	}
	return before, strings.TrimSpace(rest[:j]), rest[j+1:], true
}

// maxForms bounds the forms one line may expand to (substitution sets, issue
// expansions), which grow exponentially with the markers on the line.
const maxForms = 1000
