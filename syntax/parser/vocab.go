package parser

import "unicode/utf8"

// vocabulary is the set of words (lowercased form hashes) seen at least twice in training.
// Other words share a few "unknown" identities by shape, so that the weights learned for
// rare training words carry over to words never seen at all, instead of leaving the
// parser with tags alone exactly where the tagger errs most. It also keeps the model small:
// words seen once would each bring their own pair features.
type vocabulary map[uint32]struct{}

// vocabMinCount is how often a word must occur in training to keep its own identity.
const vocabMinCount = 2

// id is the word's identity for the features. An empty vocabulary knows every word.
func (v vocabulary) id(w string) uint32 {
	h := hashLower(w)
	if _, ok := v[h]; ok || len(v) == 0 {
		return h
	}
	return unknownShape(w)
}

// Identities of unknown words, by shape.
const (
	unknownLower uint32 = 0x554e4b00 + iota // "UNK" + n
	unknownCapital
	unknownNumber
	unknownHyphen
	unknownOther
)

func unknownShape(w string) uint32 {
	r, _ := utf8.DecodeRuneInString(w)
	digits, hyphen := 0, false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c == '-':
			hyphen = true
		}
	}
	switch {
	case digits > 0 && digits*2 >= len(w):
		return unknownNumber
	case hyphen:
		return unknownHyphen
	case 'A' <= r && r <= 'Z':
		return unknownCapital
	case 'a' <= r && r <= 'z':
		return unknownLower
	default:
		return unknownOther
	}
}
