package actor

import (
	"sort"
	"strings"

	"herald/document"
)

// Firms, markets, currencies and commodities (docs/CODING.md 3.1). A firm is an actor of
// the country it belongs to with the agent BUS, never the bare country that its name
// holds ("Air India" is INDBUS, not IND), and a multinational of the dictionaries is
// written so too (Phoenix's MNCUSA is USABUS). A currency, a market or a commodity is no
// actor at all, and a country that only says whose one it is ("the U.S. dollar", "the
// Tokyo stock market", "Cuban sugar") is none either.

// firmWords are the words of a firm's name that no dictionary knows: capitalized, in a
// phrase that gives a country and nothing else, they make the phrase a firm ("Air India",
// "Canada Post", "Banco Portugues", "Bank of Tokyo", "Chicago Mercantile Exchange"). Lower-case they are ordinary words
// ("Iraqi air raids"); within a name of the dictionaries they are its words ("the West
// Bank").
var firmWords = wordSet("air post bank exchange inc corp co ltd plc ag nv spa gmbh bhd banco banque bancorp petroleos motors holdings securities")

// firmNouns are nouns for firms that the agents dictionary does not know: a country or
// nationality right before them, ending the noun, says whose firms they are ("Japanese
// banks", "a U.S. subsidiary"). Words that war or diplomacy use too are not among them
// ("Iranian units", "the U.S. as broker").
var firmNouns = wordSet("bank banks firm firms lender lenders insurer insurers brokerage brokerages subsidiary subsidiaries")

// goodsWords name currencies, markets, financial instruments and commodities: the things
// business news trades, which are never actors.
var goodsWords = wordSet(
	// currencies
	"dollar dollars dlr dlrs cent cents yen mark marks deutschemark deutschemarks franc francs " +
		"pound pounds sterling lira lire peseta pesetas escudo escudos guilder guilders krona kronor " +
		"krone kroner schilling schillings rupee rupees rupiah ringgit baht won peso pesos real reais " +
		"rand yuan renminbi rouble roubles ruble rubles shekel shekels dinar dinars riyal riyals rial " +
		"rials dirham dirhams naira shilling shillings cruzado cruzados austral australs cedi kwacha " +
		"euro euros currency currencies " +
		// markets and instruments
		"market markets stock stocks shares equities bond bonds bills notes yields futures prices " +
		// commodities
		"oil crude petroleum gas gasoline fuel wheat corn maize grain grains soybean soybeans soymeal " +
		"soyoil rice sugar coffee cocoa tea cotton rubber gold silver copper tin zinc nickel " +
		"aluminium aluminum platinum coal beef pork meat lumber timber wool sorghum barley oats " +
		"rapeseed canola cattle hogs")

// isFirmWord reports whether w, as written, is a word of a firm's name (firmWords).
func isFirmWord(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && firmWords[strings.ToLower(strings.TrimSuffix(w, "."))]
}

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// code is the coding of a phrase that is not a person's name, from what its words said:
// the reading's own, but a firm rather than its country, and a multinational as its
// country's business.
func (c *Coder) code(r *reading) Coding {
	if r.firm != "" && r.country != "" && len(r.agents) == 0 && r.leader.Code == "" && r.dict.Code == "" && c.isCountry(r.country) {
		return Coding{Code: r.country + "BUS", How: ByRole, Rule: r.countryRule + " + the firm name's " + r.firm, Country: r.country}
	}
	cd := r.coding()
	if rest, ok := strings.CutPrefix(cd.Code, "MNC"); ok && len(rest) >= 3 {
		if c.isCountry(rest[:3]) {
			cd.Code, cd.Rule = rest[:3]+"BUS", cd.Rule+" (a multinational: its country's business)"
		}
	}
	return cd
}

// isCountry reports whether a three-letter code is a country's, not an organization's
// that the dictionaries write alone ("MNC": a multinational of no known country).
func (c *Coder) isCountry(code string) bool {
	_, _, ok := c.gaz.Country(code)
	return ok
}

// wholeName codes a phrase's tokens lo..hi as the text has them when the phrase's n words
// left some out ("of" in "the Bank of Japan", which reads "Bank" + "Japan"): a name of the
// dictionaries that holds them all beats what the remaining words compose, as the entity
// of the same words is coded ("Bank of Japan" JPNGOVBUS, not JPNBUS).
func (c *Coder) wholeName(toks []document.Token, lo, hi, n int, date string) (Coding, bool) {
	if hi-lo+1 == n || hi-lo+1 > maxPhraseWords {
		return Coding{}, false
	}
	var buf [maxPhraseWords]string
	words := buf[:0]
	for k := lo; k <= hi; k++ {
		words = append(words, toks[k].Text)
	}
	r := c.read(words, date)
	if r.dict.Code == "" {
		return Coding{}, false
	}
	cd := c.code(&r)
	return cd, cd.How == ByDictionary
}

// goods reports whether the phrase whose head is toks[head] and whose last token is
// toks[last] names a currency, market or commodity, or only says whose one is: its head
// is one ("the Australian dollar"), or the words after it are and end the noun ("U.S.
// wheat, ..."; but "Iranian oil platforms" are Iran's, and "Saudi oil minister" is a
// minister).
func goods(toks []document.Token, head, last int) bool {
	if head >= 0 && head < len(toks) && goodsWord(toks[head]) {
		return true
	}
	k := last + 1
	for k < len(toks) && goodsWord(toks[k]) {
		k++
	}
	if k == last+1 {
		return false
	}
	return k == len(toks) || toks[k].UPOS != "NOUN" && toks[k].UPOS != "PROPN"
}

// goodsWord reports whether a token is a goods word used as one ("won" and "mark" can be
// verbs).
func goodsWord(t document.Token) bool {
	return t.UPOS != "VERB" && t.UPOS != "AUX" && goodsWords[strings.ToLower(t.Text)]
}

// entityIn codes entity e as Entity does, then by the words after it in its sentence:
// one that only says whose goods they are ("the U.S. dollar") is no actor, reported by
// goodsOnly; a country before a noun for firms says whose firms they are ("Japanese
// banks" JPNBUS).
func (c *Coder) entityIn(doc *document.Document, e *document.Entity, date string) (cd Coding, goodsOnly bool) {
	var toks []document.Token
	last := -1
	if si := doc.SentenceAt(e.Start); si >= 0 {
		toks = doc.Sentences[si].Tokens
		last = sort.Search(len(toks), func(k int) bool { return toks[k].End > e.End }) - 1
		if last >= 0 && toks[last].Start < e.Start {
			last = -1
		}
	}
	// Its own words may name goods ("Standard Oil"): only the words after it count.
	if last >= 0 && goods(toks, -1, last) {
		return Coding{}, true
	}
	cd = c.Entity(doc, e, date)
	if last >= 0 && last+1 < len(toks) && firmNoun(toks, last+1) {
		if country := c.countryOf(cd); country != "" {
			cd = Coding{Code: country + "BUS", How: ByRole, Rule: cd.Rule + " + the firms it names", Country: country}
		}
	}
	return cd, false
}

// phraseIn codes the phrase of the words of toks[lo..hi] that toks[n] heads; ok is false
// when it is no actor. Beyond what the words say (Phrase): a name of the dictionaries
// that the words left parts of out ("the Bank of Japan", wholeName), goods (goods), and a
// country's firms ("Japanese banks", and "Japanese" in it).
func (c *Coder) phraseIn(toks []document.Token, n, lo, hi int, words []string, date string) (Coding, bool) {
	if goods(toks, n, hi) {
		return Coding{}, false
	}
	cd := c.Phrase(words, date)
	if whole, ok := c.wholeName(toks, lo, hi, len(words), date); ok {
		cd = whole
	}
	if firmNoun(toks, n) || hi+1 < len(toks) && firmNoun(toks, hi+1) {
		if country := c.countryOf(cd); country != "" {
			cd = Coding{Code: country + "BUS", How: ByRole, Rule: cd.Rule + " + the firms it names", Country: country}
		}
	}
	return cd, cd.Code != ""
}

// firmNoun reports whether toks[k] is a noun for firms, written in lower case (so not
// part of a name: "the West Bank"), that ends a noun or comes before a name ("the French
// bank Credit Lyonnais").
func firmNoun(toks []document.Token, k int) bool {
	if !firmNouns[toks[k].Text] || toks[k].UPOS == "VERB" || toks[k].UPOS == "AUX" {
		return false
	}
	return k+1 == len(toks) || toks[k+1].UPOS != "NOUN"
}

// countryOf is the country of a coding that is a country by itself, or its capital
// standing for the government: what a firm of it takes. Roles, people and organizations
// have none.
func (c *Coder) countryOf(cd Coding) string {
	if cd.How != ByDictionary {
		return ""
	}
	switch {
	case len(cd.Code) == 3 && c.isCountry(cd.Code):
		return cd.Code
	case len(cd.Code) == 6 && strings.HasSuffix(cd.Code, "GOV") && c.isCountry(cd.Code[:3]):
		return cd.Code[:3]
	}
	return ""
}
