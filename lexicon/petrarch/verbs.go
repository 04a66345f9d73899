package petrarch

import (
	"io"
	"strings"
)

// Verbs is a verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt): the synsets, the
// verb blocks with their verbs and patterns, and the transformations, in file order.
type Verbs struct {
	Synsets         []Synset
	Blocks          []VerbBlock
	Transformations []Transformation
	synsets         map[string]int
}

// Index rebuilds the lookup of synsets by name, for a Verbs that was decoded rather
// than read (the compiled lexicon stores Verbs with encoding/gob, which skips it).
func (v *Verbs) Index() {
	v.synsets = make(map[string]int, len(v.Synsets))
	for i := range v.Synsets {
		if _, dup := v.synsets[v.Synsets[i].Name]; !dup {
			v.synsets[v.Synsets[i].Name] = i
		}
	}
}

// Synset returns the synset named name ("&CURRENCY").
func (v *Verbs) Synset(name string) (*Synset, bool) {
	i, ok := v.synsets[name]
	if !ok {
		return nil, false
	}
	return &v.Synsets[i], true
}

// Synset is a named set of words or phrases ("&CURRENCY" with "+DOLLAR", "+SWISS FRANC")
// that a pattern uses in place of one word. Phrases holds each member, as upper-case
// tokens, followed by its generated plural (last word pluralized) unless the member or the
// label ends in '_' ("&AUXVERB1_" sets are not nouns); the '_' is dropped from both. A
// member that is itself a synset ("+&TIETYPES", which TABARI allowed and PETRARCH2 does
// not) is kept as its one-token name, for the matcher to expand.
type Synset struct {
	Name    string
	Phrases [][]string
	File    string
	Line    int
}

// VerbBlock is a "--- NAME [code] ---" block: verbs that share their patterns. Code is
// the block's code, "---" (no event) when none is written.
type VerbBlock struct {
	Name     string
	Code     string
	Verbs    []Verb
	Patterns []Pattern
	File     string
	Line     int
}

// Verb is a verb of a block. Words is the verb as written (one word, or a multi-word verb
// such as +ASK_FOR or RE_+ARREST); Head is the index of the word the parser tags as the
// verb, the one marked '+'. Forms are the verb's other forms, each the full phrase: the
// ones written in {…} (then no others are made), or else the regular -S, -ED and -ING
// forms of the head word. Code is the verb's own [code], or the block's.
type Verb struct {
	Words []string
	Head  int
	Forms [][]string
	Code  string
	Line  int
}

// Pattern is a "- PRE * POST [code]" line of a block: what must surround the verb for
// the block's verbs to code as Code. Code is as written: "190", "042:043" (an event and
// its reply), ":173", "---" (no event). Text is the pattern as written, for messages.
type Pattern struct {
	Pre, Post Slot
	Code      string
	Text      string
	Line      int
}

// Slot is one side of a pattern's verb ('*'): its noun phrases and its prepositional
// phrases, each in file order. PETRARCH2 matches the two kinds separately, against the
// verb's objects and its prepositional attachments.
type Slot struct {
	Nouns []NounPhrase
	Preps []PrepPhrase
}

// NounPhrase is a noun, or a "{…}" (or '_'-joined) phrase whose last term is the head and
// the others its modifiers.
type NounPhrase []Term

// PrepPhrase is a "(…)" phrase: the preposition, then the noun phrases it governs, if any
// ("(TO)", "(TO {BANNED PARTIES})").
type PrepPhrase struct {
	Prep    Term
	Objects []NounPhrase
}

// TermKind says what a term of a pattern stands for.
type TermKind uint8

const (
	Word     TermKind = iota // a word; "A/B" is TABARI's disjunction, which PETRARCH2 does not match
	SynsetOf                 // any phrase of the synset named in Text
	Source                   // $: the event's source actor
	Target                   // +: the event's target actor
	Skip                     // ^: TABARI's skip of a noun phrase
	Compound                 // %: an actor that is both source and target
)

// Term is one token of a pattern.
type Term struct {
	Kind TermKind
	Text string // the upper-case word, or the synset name with its '&'
}

// Transformation is a "~ a (a b ATTACK) SAY = a b 015" line: an event about another event
// ("a says that a attacked b") that becomes a simpler event (a, b, 015).
type Transformation struct {
	Event                Event
	Source, Target, Code string
	File                 string
	Line                 int
}

// Event is the left side of a transformation. Source and Target are the variables of the
// line (a, b; "_" and "." are placeholders), Verb a primary verb or "Q" for any, and when
// the target is itself an event, Inner holds it and Target is "".
type Event struct {
	Source, Target string
	Inner          *Event
	Verb           string
}

// ReadVerbs reads a verb dictionary. Synsets may be defined anywhere; a pattern that uses
// an undefined one is skipped, as in PETRARCH.
func ReadVerbs(r io.Reader, file string) (*Verbs, []Warning, error) {
	l := newLines(r, file)
	v := &Verbs{synsets: map[string]int{}}
	syn, block := -1, -1 // the synset whose members follow, the open block
	noPlural := false
	for {
		s, ok := l.next()
		if !ok {
			break
		}
		if s[0] != '+' {
			syn = -1
		}
		switch {
		case s[0] == '&':
			name := strings.ToUpper(strings.Fields(s)[0])
			noPlural = strings.HasSuffix(name, "_")
			name = strings.TrimRight(name, "_")
			if len(name) < 2 {
				l.warnf("synset without a name")
				continue
			}
			if i, dup := v.synsets[name]; dup {
				l.warnf("synset %s defined again (first at line %d): the members are merged", name, v.Synsets[i].Line)
				syn = i
				continue
			}
			syn = len(v.Synsets)
			v.synsets[name] = syn
			v.Synsets = append(v.Synsets, Synset{Name: name, File: file, Line: l.n})
		case s[0] == '+' && syn >= 0:
			l.member(&v.Synsets[syn], s[1:], noPlural)
		case strings.HasPrefix(s, "---"):
			b := l.block(s)
			b.File = file
			v.Blocks = append(v.Blocks, b)
			block = len(v.Blocks) - 1
		case s[0] == '~':
			if t, ok := l.transformation(s[1:]); ok {
				t.File = file
				v.Transformations = append(v.Transformations, t)
			}
		case block < 0:
			l.warnf("%q outside a verb block: line skipped", s)
		case s[0] == '-':
			if p, ok := l.pattern(s[1:]); ok {
				v.Blocks[block].Patterns = append(v.Blocks[block].Patterns, p)
			}
		default:
			b := &v.Blocks[block]
			if vb, ok := l.verb(s, b.Code); ok {
				b.Verbs = append(b.Verbs, vb)
			}
		}
	}
	for i := range v.Synsets {
		if len(v.Synsets[i].Phrases) == 0 {
			l.warnAt(v.Synsets[i].Line, "synset %s has no members", v.Synsets[i].Name)
		}
	}
	v.resolve(l)
	return v, l.warnings, l.err
}

func (l *lines) member(syn *Synset, s string, noPlural bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "&") {
		f := strings.Fields(s)
		if name := strings.TrimRight(strings.ToUpper(f[0]), "_"); len(f) == 1 && len(name) > 1 {
			syn.Phrases = append(syn.Phrases, []string{name})
			return
		}
		l.warnf("synset member %q should be a word, a phrase or one synset", s)
		return
	}
	if strings.ContainsAny(s, "$+%^&{}()[]*") {
		l.warnf("synset member %q may only contain words", s)
	}
	w := words(s)
	if len(w) == 0 {
		l.warnf("empty synset member")
		return
	}
	syn.Phrases = append(syn.Phrases, w)
	if !noPlural && !strings.HasSuffix(s, "_") {
		p := append([]string(nil), w...)
		p[len(p)-1] = plural(p[len(p)-1])
		syn.Phrases = append(syn.Phrases, p)
	}
}

// block reads "--- NAME [code] ---".
func (l *lines) block(s string) VerbBlock {
	b := VerbBlock{Code: "---", Line: l.n}
	s = strings.Trim(s, "- \t")
	name, code, after, ok := l.bracket(s)
	if ok {
		if code == "" {
			l.warnf("empty block code []")
		} else {
			b.Code = code
		}
		if t := strings.Trim(after, "- \t"); t != "" {
			l.warnf("unexpected text %q in the block line", t)
		}
	}
	if b.Name = strings.TrimSpace(name); b.Name == "" {
		l.warnf("verb block without a name")
	}
	return b
}

// verb reads a verb line: "SAY {SAID SAYING} [010]", "+ASK_FOR {+ASKED_FOR …}".
func (l *lines) verb(s, blockCode string) (Verb, bool) {
	v := Verb{Code: blockCode, Line: l.n}
	s, code, after, ok := l.bracket(s)
	if ok {
		if code == "" {
			l.warnf("empty verb code []")
		} else {
			v.Code = code
		}
		if t := strings.TrimSpace(after); t != "" {
			l.warnf("unexpected text %q after the code", t)
		}
	}
	forms, braces := "", false
	if i := strings.IndexByte(s, '{'); i >= 0 {
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			l.warnf("'{' is never closed")
			j = len(s) - i
		} else if t := strings.TrimSpace(s[i+j+1:]); t != "" {
			l.warnf("unexpected text %q after the forms", t)
		}
		s, forms, braces = s[:i], s[i+1:i+j], true
	}
	if v.Words, v.Head, ok = l.verbPhrase(s, s); !ok {
		return v, false
	}
	if !braces {
		for _, f := range verbForms(v.Words[v.Head]) {
			w := append([]string(nil), v.Words...)
			w[v.Head] = f
			v.Forms = append(v.Forms, w)
		}
		return v, true
	}
	for _, f := range strings.FieldsFunc(forms, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		w, head, ok := l.verbPhrase(f, s)
		if !ok {
			continue
		}
		if len(w) != len(v.Words) || head != v.Head {
			l.warnf("form %s does not have the shape of %s", f, strings.TrimSpace(s))
		}
		v.Forms = append(v.Forms, w)
	}
	return v, true
}

// verbPhrase splits a verb or one of its forms into words and finds the '+' word.
func (l *lines) verbPhrase(s, verb string) ([]string, int, bool) {
	w := words(s)
	if len(w) == 0 {
		l.warnf("verb line without a verb")
		return nil, 0, false
	}
	head, out := -1, w[:0]
	for _, x := range w {
		if strings.HasPrefix(x, "+") {
			if x = strings.TrimLeft(x, "+"); x == "" {
				l.warnf("'+' without a word in %s", strings.TrimSpace(s))
				return nil, 0, false
			}
			if head >= 0 {
				l.warnf("more than one '+' in %s", strings.TrimSpace(s))
			} else {
				head = len(out)
			}
		}
		out = append(out, x)
	}
	w = out
	if head < 0 {
		head = 0
		if len(w) > 1 {
			l.warnf("multi-word verb %s has no '+' on its verb (the first word is taken)", strings.TrimSpace(verb))
		}
	}
	return w, head, true
}

// pattern reads "- PRE * POST [code]", the '-' removed.
func (l *lines) pattern(s string) (Pattern, bool) {
	p := Pattern{Text: strings.TrimSpace(s), Line: l.n}
	body, code, after, ok := l.bracket(s)
	if !ok || code == "" {
		l.warnf("pattern %q has no [code]: skipped", p.Text)
		return p, false
	}
	if t := strings.TrimSpace(after); t != "" {
		l.warnf("unexpected text %q after the code", t)
	}
	p.Code = code
	pre, post, ok := strings.Cut(body, "*")
	if !ok || strings.Contains(post, "*") {
		l.warnf("pattern %q needs exactly one '*' for the verb: skipped", p.Text)
		return p, false
	}
	if p.Pre, ok = l.slot(pre, p.Text); !ok {
		return p, false
	}
	p.Post, ok = l.slot(post, p.Text)
	return p, ok
}

// slot parses one side of a pattern.
func (l *lines) slot(s, text string) (Slot, bool) {
	var sl Slot
	var np NounPhrase  // inside {…}
	var pp *PrepPhrase // inside (…)
	inBraces := false
	add := func(n NounPhrase) {
		switch {
		case len(n) == 0:
		case pp == nil:
			sl.Nouns = append(sl.Nouns, n)
		case pp.Prep.Text == "":
			pp.Prep = n[0]
			if len(n) > 1 {
				pp.Objects = append(pp.Objects, n[1:])
			}
		default:
			pp.Objects = append(pp.Objects, n)
		}
	}
	bad := func(msg string) (Slot, bool) {
		l.warnf("pattern %q: %s: skipped", text, msg)
		return sl, false
	}
	for _, tok := range patternTokens(s) {
		switch tok {
		case "{":
			if inBraces {
				return bad("'{' inside {…}")
			}
			inBraces, np = true, nil
		case "}":
			if !inBraces {
				return bad("'}' without '{'")
			}
			inBraces = false
			add(np)
		case "(":
			if pp != nil || inBraces {
				return bad("'(' inside a phrase")
			}
			pp = &PrepPhrase{}
		case ")":
			if pp == nil || inBraces {
				return bad("')' without '('")
			}
			if pp.Prep.Text == "" {
				return bad("() without a preposition")
			}
			sl.Preps = append(sl.Preps, *pp)
			pp = nil
		default:
			var n NounPhrase
			parts := strings.Split(tok, "_")
			for k, w := range parts {
				if w == "" {
					continue
				}
				if w[0] == '&' { // a synset name runs to the end of the token: &FIGHT_OF_WORDS
					w = strings.TrimRight(strings.Join(parts[k:], "_"), "_")
				}
				t := Term{Kind: Word, Text: strings.ToUpper(w)}
				switch {
				case w == "$":
					t.Kind = Source
				case w == "+":
					t.Kind = Target
				case w == "^":
					t.Kind = Skip
				case w == "%":
					t.Kind = Compound
				case w[0] == '&':
					t.Kind = SynsetOf
					if len(w) == 1 {
						return bad("'&' without a synset name")
					}
				}
				n = append(n, t)
				if t.Kind == SynsetOf {
					break
				}
			}
			if inBraces {
				np = append(np, n...)
			} else {
				add(n)
			}
		}
	}
	switch {
	case inBraces:
		return bad("'{' is never closed")
	case pp != nil:
		return bad("'(' is never closed")
	}
	return sl, true
}

// patternTokens splits a side of a pattern into brackets and '_'-joined words.
func patternTokens(s string) []string {
	var toks []string
	start := -1
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		switch c {
		case ' ', '\t', '{', '}', '(', ')':
			if start >= 0 {
				toks = append(toks, s[start:i])
				start = -1
			}
			if c != ' ' && c != '\t' {
				toks = append(toks, s[i:i+1])
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	return toks
}

// transformation reads "a (a b ATTACK) SAY = a b 015", the '~' removed.
func (l *lines) transformation(s string) (Transformation, bool) {
	t := Transformation{Line: l.n}
	left, right, ok := strings.Cut(s, "=")
	res := strings.Fields(right)
	if !ok || len(res) != 3 {
		l.warnf("transformation needs '= SOURCE TARGET CODE': skipped")
		return t, false
	}
	t.Source, t.Target, t.Code = res[0], res[1], res[2]
	toks := patternTokens(left)
	ev, rest, ok := parseEvent(toks)
	if !ok || len(rest) != 0 {
		l.warnf("transformation %q should be SOURCE TARGET VERB, the target possibly (an event): skipped", strings.TrimSpace(left))
		return t, false
	}
	t.Event = *ev
	return t, true
}

func parseEvent(toks []string) (*Event, []string, bool) {
	word := func(s string) bool { return s != "(" && s != ")" && s != "{" && s != "}" }
	if len(toks) < 3 || !word(toks[0]) {
		return nil, toks, false
	}
	e := &Event{Source: toks[0]}
	toks = toks[1:]
	if toks[0] == "(" {
		inner, rest, ok := parseEvent(toks[1:])
		if !ok || len(rest) < 2 || rest[0] != ")" {
			return nil, toks, false
		}
		e.Inner, toks = inner, rest[1:]
	} else if word(toks[0]) {
		e.Target, toks = toks[0], toks[1:]
	}
	if len(toks) == 0 || !word(toks[0]) {
		return nil, toks, false
	}
	e.Verb = strings.ToUpper(toks[0])
	return e, toks[1:], true
}

// resolve checks the names that refer to other entries: synsets in patterns and synsets,
// and verbs in transformations.
func (v *Verbs) resolve(l *lines) {
	known := func(name string) bool { _, ok := v.synsets[name]; return ok }
	for _, s := range v.Synsets {
		for _, p := range s.Phrases {
			if p[0][0] == '&' && !known(p[0]) {
				l.warnAt(s.Line, "synset %s has undefined member %s", s.Name, p[0])
			}
		}
	}
	for bi := range v.Blocks {
		b := &v.Blocks[bi]
		kept := b.Patterns[:0]
		for _, p := range b.Patterns {
			v.splitSynsets(l, &p)
			undefined := ""
			p.terms(func(t Term) {
				if t.Kind == SynsetOf && undefined == "" && !known(t.Text) {
					undefined = t.Text
				}
			})
			if undefined != "" {
				l.warnAt(p.Line, "undefined synset %s: pattern skipped", undefined)
				continue
			}
			kept = append(kept, p)
		}
		b.Patterns = kept
	}
	verbs := map[string]bool{"Q": true}
	for _, b := range v.Blocks {
		for _, vb := range b.Verbs {
			verbs[strings.Join(vb.Words, "_")] = true
		}
	}
	for _, t := range v.Transformations {
		for e := &t.Event; e != nil; e = e.Inner {
			if !verbs[e.Verb] {
				l.warnAt(t.Line, "transformation verb %s is not a verb of the dictionary", e.Verb)
			}
		}
	}
}

// splitSynsets reads an undefined &A_B whose prefix &A is a synset as &A followed by the
// word B: in PETRARCH-1 patterns '_' joins words (NEW_&TIETYPES_RELATIONS), while in
// PETRARCH2 it is part of the name (&FIGHT_OF_WORDS).
func (v *Verbs) splitSynsets(l *lines, p *Pattern) {
	split := func(n NounPhrase) NounPhrase {
		out, changed := make(NounPhrase, 0, len(n)), false
		for _, t := range n {
			i, ok := 0, false
			if _, def := v.synsets[t.Text]; t.Kind == SynsetOf && !def {
				i, ok = v.synsetPrefix(t.Text)
			}
			if !ok {
				out = append(out, t)
				continue
			}
			rest := t.Text[i+1:]
			l.warnAt(p.Line, "synset %s is not defined: read as %s then %s, '_' joining words as in PETRARCH-1", t.Text, t.Text[:i], strings.ReplaceAll(rest, "_", " "))
			out, changed = append(out, Term{SynsetOf, t.Text[:i]}), true
			for _, w := range strings.Split(rest, "_") {
				if w != "" {
					out = append(out, Term{Word, w})
				}
			}
		}
		if !changed {
			return n
		}
		return out
	}
	for _, sl := range []*Slot{&p.Pre, &p.Post} {
		for i := range sl.Nouns {
			sl.Nouns[i] = split(sl.Nouns[i])
		}
		for i := range sl.Preps {
			for j := range sl.Preps[i].Objects {
				sl.Preps[i].Objects[j] = split(sl.Preps[i].Objects[j])
			}
		}
	}
}

// synsetPrefix finds the longest synset that name begins with, followed by a '_'.
func (v *Verbs) synsetPrefix(name string) (int, bool) {
	for i := strings.LastIndexByte(name, '_'); i > 0; i = strings.LastIndexByte(name[:i], '_') {
		if _, ok := v.synsets[name[:i]]; ok {
			return i, true
		}
	}
	return 0, false
}

// terms calls f on every term of the pattern.
func (p *Pattern) terms(f func(Term)) {
	for _, sl := range []*Slot{&p.Pre, &p.Post} {
		for _, n := range sl.Nouns {
			for _, t := range n {
				f(t)
			}
		}
		for _, pp := range sl.Preps {
			f(pp.Prep)
			for _, n := range pp.Objects {
				for _, t := range n {
					f(t)
				}
			}
		}
	}
}
