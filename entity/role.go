package entity

import (
	"strings"
)

// A role is a title or office: "President", "Deputy Prime Minister", "army chief",
// "spokesman". Rather than list every office, a role is read as a run of role words that
// ends on a head word ("minister", "president", "spokesman"), with modifier words before it
// ("deputy", "prime", "foreign") and, after "minister" or "secretary", an optional "of"
// phrase of portfolio words ("Minister of Foreign Affairs"). That covers the thousands of
// combinations news uses ("Vice Foreign Minister", "Army Chief of Staff") from two short
// lists, which matter more to keep right than to keep long.

// roleHeads are the words a role ends on, lower-cased.
var roleHeads = newWordSet(`president minister premier chancellor secretary spokesman spokeswoman
	spokesperson ambassador envoy general admiral colonel commander chief chairman chairwoman
	chairperson leader king queen prince princess emperor sheikh emir sultan pope senator
	governor mayor lawmaker legislator judge justice prosecutor director councilor councillor
	speaker official diplomat negotiator adviser advisor representative delegate head ceo
	executive founder candidate president-elect ruler monarch cleric ayatollah cardinal
	archbishop bishop imam rabbi captain major lieutenant sergeant attorney commissioner
	inspector superintendent marshal brigadier mp officer consul attaché attache dean
	rector chairmen ministers presidents leaders officials spokesmen ambassadors envoys
	generals commanders diplomats lawmakers governors mayors senators chiefs counterpart
	gen. lt. col. maj. capt. sgt. adm. sen. rep. gov. amb. cmdr. brig. pres. supt.`)

// roleModifiers are the words that may come before a head within a role, lower-cased.
var roleModifiers = newWordSet(`deputy vice prime foreign defense defence interior finance trade
	economy economic justice health education energy agriculture environment labor labour
	culture state first former acting interim outgoing incoming senior assistant supreme
	chief general special top army military police opposition party presidential affairs
	home security national executive managing associate junior permanent lead naval navy
	air force armed forces commerce industry information communications transport
	foreign-affairs intelligence presidential-elect co joint regional provincial local
	federal central secretary-general under cabinet treasury emergency internal external
	parliamentary majority minority house senate prosecutor attorney staff commanding
	lieutenant brigadier major crown grand highest chief-of-staff development planning
	tourism sports youth women water mining oil petroleum immigration retired lt. gen. maj.
	brig. rear vice-`)

// rolePortfolio are the words of the "of" phrase after "minister" or "secretary":
// "Minister of Foreign Affairs", "Secretary of State".
var rolePortfolio = newWordSet(`foreign affairs defense defence state the interior finance trade
	economy justice health education energy agriculture environment labor labour culture
	home security national commerce industry information communications transport
	internal external and staff homeland treasury development planning tourism`)

// honorifics come before names but are no role: they are kept in the mention and dropped.
var honorifics = newWordSet(`mr. mrs. ms. dr. mr mrs ms dr sir dame madam mister prof. prof`)

// wordSet is a set of lower-case words, looked up regardless of case.
type wordSet map[string]bool

func newWordSet(s string) wordSet {
	m := wordSet{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// has reports whether w, lower-cased, is in the set, without allocating: the entity
// stage asks it of most capitalized words of every document.
func (set wordSet) has(w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return false // no listed word is that long
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// lowerASCII lower-cases w, allocating only when it has capitals.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

func isRoleHead(w string) bool     { return roleHeads.has(w) }
func isRoleModifier(w string) bool { return roleModifiers.has(w) }

// roleBefore finds the role that ends just before token end (exclusive) in words: the
// longest run of role words that ends on a head. It returns the start of the run, or end
// when there is none. A hyphen between two role words belongs to the role
// ("Secretary-General", which UD tokenization splits into three tokens).
func roleBefore(words []string, end int) int {
	if end <= 0 || !isRoleHead(words[end-1]) {
		return end
	}
	start := end - 1
	for start > 0 {
		w := words[start-1]
		switch {
		case isRoleModifier(w) || isRoleHead(w):
			start--
		case w == "-" && start >= 2 && (isRoleModifier(words[start-2]) || isRoleHead(words[start-2])):
			start -= 2
		default:
			return start
		}
	}
	return start
}

// roleAfter finds the role that starts at token start: modifiers, a head, and for
// "minister" and "secretary" an "of" phrase of portfolio words. It returns the end of
// the role (exclusive), or start when there is none.
func roleAfter(words []string, start int) int {
	end := start
	lastHead := -1
	for end < len(words) {
		w := words[end]
		switch {
		case isRoleHead(w):
			end++
			lastHead = end
			continue
		case isRoleModifier(w):
			end++
			continue
		case w == "-" && end+1 < len(words) && end > start && (isRoleHead(words[end+1]) || isRoleModifier(words[end+1])):
			end++
			continue
		}
		break
	}
	if lastHead < 0 {
		return start
	}
	end = lastHead
	head := lowerASCII(words[end-1])
	if (head == "minister" || head == "secretary" || head == "ministers") && end+1 < len(words) && words[end] == "of" {
		k := end + 1
		for k < len(words) && rolePortfolio.has(words[k]) {
			k++
		}
		// "of the" alone is no portfolio: "the minister of the country".
		if k > end+1 && !strings.EqualFold(words[k-1], "the") && !strings.EqualFold(words[k-1], "and") {
			end = k
		}
	}
	return end
}

// roleText writes a role as a title: each word capitalized but "of", "and" and "the", and
// hyphens closed up, so that "foreign minister" after a name and "Foreign Minister" before
// one read the same.
func roleText(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if w == "-" {
			b.WriteByte('-')
			continue
		}
		if i > 0 && words[i-1] != "-" {
			b.WriteByte(' ')
		}
		lw := lowerASCII(w)
		switch {
		case lw == "of" || lw == "and" || lw == "the":
			b.WriteString(lw)
		case isAllCaps(w) && len(w) <= 4:
			b.WriteString(w) // "CEO", "MP"
		default:
			b.WriteString(titleCase(lw))
		}
	}
	return b.String()
}

func titleCase(w string) string {
	if w == "" {
		return w
	}
	if c := w[0]; c >= 'a' && c <= 'z' {
		return string(c-'a'+'A') + w[1:]
	}
	return w
}

func isAllCaps(w string) bool {
	letters := false
	for _, c := range w {
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters = true
		}
	}
	return letters
}
