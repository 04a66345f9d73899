package segment

import "herald/document"

// MaxTokens is the most tokens a sentence may have. Text that goes on for longer with no
// sentence end (a web page's long list, a paragraph with no full stop, one line of words)
// is cut into pieces of at most MaxTokens tokens, each marked Split.
//
// The cut belongs here, where sentences are made, because every later stage works
// sentence by sentence and some of their work grows faster than a sentence's length (a
// clause reads the words before its verb, an event's place is looked for among the
// sentence's places and their words): bounding the sentence bounds that work, and a
// document then costs time in proportion to its length. Each stage still sees whole
// sentences, with offsets into the one text, and nothing downstream needs to know.
//
// 200 is well above real sentences: the longest of UD English-EWT has 159 tokens (train;
// dev 75, test 81), of GUM 134, of PUD 59; of Herald's sentences of Reuters-21578 99.99%
// have at most 134 tokens and of BBC's 110. The few longer ones there are price lists,
// team sheets and stories run together ("… Iranians. - - - - BEIRUT - Rescue workers …"),
// which lose nothing by a cut.
const MaxTokens = 200

// appendSentence appends tokens[begin:last+1] as one sentence.
func (s *splitter) appendSentence(dst []document.Sentence, begin, last int, split bool) []document.Sentence {
	return append(dst, document.Sentence{
		Start:  s.tokens[begin].Start,
		End:    s.tokens[last].End,
		Tokens: s.tokens[begin : last+1 : last+1],
		Split:  split,
	})
}

// appendLong appends tokens[begin:last+1], more than MaxTokens of them, as pieces of at
// most MaxTokens tokens. Each piece ends at the best break among its last MaxTokens/2
// tokens, the latest of the best kind (see breakAfter), so that every piece but the last
// has at least MaxTokens/2 tokens and the search costs time linear in the run.
func (s *splitter) appendLong(dst []document.Sentence, begin, last int) []document.Sentence {
	for last-begin+1 > MaxTokens {
		limit := begin + MaxTokens - 1 // the last token the piece may take
		cut, best := limit, 0
		for i := limit; i >= begin+MaxTokens/2; i-- {
			if r := s.breakAfter(i); r > best {
				cut, best = i, r
			}
		}
		dst = s.appendSentence(dst, begin, cut, true)
		begin = cut + 1
	}
	return s.appendSentence(dst, begin, last, true)
}

// breakAfter ranks ending a piece of a long sentence after token i, which is followed by
// token i+1: a full stop the sentence went on after is best ("… with violence. - - - -
// TOKYO - …", stories run together), then a semicolon, a colon or a spaced dash, a comma
// before a conjunction, a comma, a conjunction, any space between words; 0 inside a word
// ("U.S.-led", "Kassym-Jomart").
func (s *splitter) breakAfter(i int) int {
	t, next := s.tokens[i].Text, s.tokens[i+1].Text
	switch {
	case s.stop(i) == stopPunct:
		return 7
	case t == ";":
		return 6
	case t == ":" || isDash(t) && s.gaps[i] != gapNone && s.gaps[i+1] != gapNone:
		return 5
	case t == "," && conjunctions[next]:
		return 4
	case t == ",":
		return 3
	case conjunctions[next] && s.gaps[i+1] != gapNone:
		return 2
	case s.gaps[i+1] != gapNone:
		return 1
	}
	return 0
}

// conjunctions may open a clause of a long sentence.
var conjunctions = map[string]bool{"and": true, "but": true, "or": true, "nor": true, "yet": true,
	"so": true, "while": true, "whereas": true, "although": true, "though": true, "because": true}

func isDash(t string) bool {
	switch t {
	case "-", "--", "---", "–", "—", "――":
		return true
	}
	return false
}
