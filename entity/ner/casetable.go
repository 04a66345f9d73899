package ner

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"herald/learn"
)

// A capital letter marks a name only if the word is not usually written with one. At the
// start of a sentence, in a headline, or in the title-cased product names and chatter of
// web text ("Great Service", "Nope", "Delivery is lightning fast") capitals say little,
// and a model trained on edited news trusts them too much. The case table records, for
// each word form seen often enough in running text, how it is usually written where case
// is free (not first in its sentence); its class is a feature. It is derived from the
// training text and, for the web's own vocabulary, the words of UD English-EWT's training
// part (never the UNER dev or test sentences).
const (
	caseUnseen  = iota // too rare to say
	caseNormLow        // written in lower case (under 10% capitalized)
	caseMostLow        // mostly lower case
	caseMostCap        // mostly capitalized
	caseNormCap        // capitalized (90% or more)
)

// minCaseCount is how often a form must occur to enter the table.
const minCaseCount = 3

// caseTable maps the hash of a lower-cased form to its case class.
type caseTable map[uint64]uint8

func lexKey(lower []byte) uint64 { return learn.Feature(0).Bytes(lower).Sum() }

// caseCounter gathers the counts a caseTable is built from.
type caseCounter struct {
	counts map[uint64]*[2]int32 // lower, capitalized
	lower  []byte
}

func newCaseCounter() *caseCounter { return &caseCounter{counts: make(map[uint64]*[2]int32)} }

// add counts the words of one sentence, skipping the first and any after sentence
// punctuation, where capitals are not the writer's choice.
func (c *caseCounter) add(words []string) {
	for i, w := range words {
		if i == 0 || isSentenceStart(words[i-1]) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || letterCase(w) == caseUpper {
			continue
		}
		c.lower = appendLower(c.lower[:0], w)
		k := lexKey(c.lower)
		n := c.counts[k]
		if n == nil {
			n = new([2]int32)
			c.counts[k] = n
		}
		if unicode.IsUpper(r) {
			n[1]++
		} else {
			n[0]++
		}
	}
}

func isSentenceStart(prev string) bool {
	switch prev {
	case ".", "!", "?", ":", ";", "\"", "``", "''", "“", "”", "(", "-", "--", "*", "...":
		return true
	}
	return false
}

func (c *caseCounter) table() caseTable {
	lex := make(caseTable)
	for k, n := range c.counts {
		total := n[0] + n[1]
		if total < minCaseCount {
			continue
		}
		capShare := float64(n[1]) / float64(total)
		var class uint8
		switch {
		case capShare < 0.1:
			class = caseNormLow
		case capShare < 0.5:
			class = caseMostLow
		case capShare < 0.9:
			class = caseMostCap
		default:
			class = caseNormCap
		}
		lex[k] = class
	}
	return lex
}

// class is the case class of a lower-cased form.
func (l caseTable) class(lower []byte) uint8 {
	if l == nil {
		return caseUnseen
	}
	return l[lexKey(lower)]
}

// encode appends the table to a model file: a count, then (key step, class byte)
// pairs in key order.
func (l caseTable) encode(e *learn.Encoder) {
	keys := make([]uint64, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.Uvarint(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		e.Uvarint(k - prev)
		e.Byte(l[k])
		prev = k
	}
}

func decodeCaseTable(d *learn.Decoder) caseTable {
	n := d.Count("table forms", 1<<24)
	lex := make(caseTable, n)
	var key uint64
	for i := 0; i < n && d.Err() == nil; i++ {
		step := d.Uvarint("table key")
		c := d.Byte("table class")
		if d.Err() == nil && i > 0 && step == 0 {
			d.Failf("table key %#x twice", key)
		}
		key += step
		if d.Err() == nil {
			lex[key] = c
		}
	}
	return lex
}

// The name table records which words occur in which names of a corpus that is not
// trained on (WikiANN's English training part, Wikipedia fragments with wide coverage of
// people, organizations and places): a bit set per lower-cased word. It lets the model
// tell a first name ("Vernon") from a town without having seen either in GMB, and it is
// built from sentences the perceptron never trains on, so the features are as reliable
// in training as at recognition. The bits:
const (
	nameFirstPER = iota // the first word of a person's name
	nameOtherPER        // a later word of a person's name
	nameORG             // a word of an organization's name
	nameLOC             // a word of a place's name
	nameBits
)

// nameTable maps the hash of a lower-cased form to its bit set.
type nameTable = caseTable

// minNameCount is how often a form must occur in names to enter the name table.
const minNameCount = 2

// buildNameTable counts the words of the names in sents.
func buildNameTable(sents []Sentence) nameTable {
	type count struct{ n [nameBits]int32 }
	counts := map[uint64]*count{}
	var lower []byte
	for i := range sents {
		s := &sents[i]
		for _, sp := range s.Spans {
			for k := sp.Start; k < sp.End && k < len(s.Words); k++ {
				var bit int
				switch sp.Type {
				case "PERSON":
					bit = nameOtherPER
					if k == sp.Start {
						bit = nameFirstPER
					}
				case "ORG":
					bit = nameORG
				case "LOC":
					bit = nameLOC
				default:
					continue
				}
				lower = appendLower(lower[:0], s.Words[k])
				key := lexKey(lower)
				c := counts[key]
				if c == nil {
					c = &count{}
					counts[key] = c
				}
				c.n[bit]++
			}
		}
	}
	lex := nameTable{}
	for k, c := range counts {
		var bits uint8
		for b, n := range c.n {
			if n >= minNameCount {
				bits |= 1 << b
			}
		}
		if bits != 0 {
			lex[k] = bits
		}
	}
	return lex
}
