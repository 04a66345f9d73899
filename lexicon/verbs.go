package lexicon

import (
	"herald/learn"
	"herald/lexicon/petrarch"
)

// The verb dictionary and the discard list, as the compiled file ends: a presence byte
// for the verbs, then their synsets (name, phrases, file, line), blocks (name, code,
// verbs, patterns, file, line) and transformations (event, source, target, code, file,
// line); then the discards (words, whether the whole story goes, file, line). Lists are
// a count and their elements, a line number is a varint, and an empty list reads back
// as nil, as the dictionary's readers leave one.

func encodeVerbs(e *learn.Encoder, v *petrarch.Verbs, discards []petrarch.Discard) {
	if v == nil {
		e.Uvarint(0)
	} else {
		e.Uvarint(1)
		e.Uvarint(uint64(len(v.Synsets)))
		for _, s := range v.Synsets {
			e.String(s.Name)
			phrases(e, s.Phrases)
			e.String(s.File)
			e.Uvarint(uint64(s.Line))
		}
		e.Uvarint(uint64(len(v.Blocks)))
		for _, b := range v.Blocks {
			e.String(b.Name)
			e.String(b.Code)
			e.Uvarint(uint64(len(b.Verbs)))
			for _, vb := range b.Verbs {
				words(e, vb.Words)
				e.Uvarint(uint64(vb.Head))
				phrases(e, vb.Forms)
				e.String(vb.Code)
				e.Uvarint(uint64(vb.Line))
			}
			e.Uvarint(uint64(len(b.Patterns)))
			for _, p := range b.Patterns {
				slot(e, p.Pre)
				slot(e, p.Post)
				e.String(p.Code)
				e.String(p.Text)
				e.Uvarint(uint64(p.Line))
			}
			e.String(b.File)
			e.Uvarint(uint64(b.Line))
		}
		e.Uvarint(uint64(len(v.Transformations)))
		for _, t := range v.Transformations {
			event(e, &t.Event)
			e.String(t.Source)
			e.String(t.Target)
			e.String(t.Code)
			e.String(t.File)
			e.Uvarint(uint64(t.Line))
		}
	}
	e.Uvarint(uint64(len(discards)))
	for _, d := range discards {
		words(e, d.Words)
		e.Uvarint(uint64(b2u(d.Story)))
		e.String(d.File)
		e.Uvarint(uint64(d.Line))
	}
}

func b2u(b bool) int {
	if b {
		return 1
	}
	return 0
}

func words(e *learn.Encoder, ws []string) {
	e.Uvarint(uint64(len(ws)))
	for _, w := range ws {
		e.String(w)
	}
}

func phrases(e *learn.Encoder, ps [][]string) {
	e.Uvarint(uint64(len(ps)))
	for _, p := range ps {
		words(e, p)
	}
}

func slot(e *learn.Encoder, s petrarch.Slot) {
	e.Uvarint(uint64(len(s.Nouns)))
	for _, np := range s.Nouns {
		nounPhrase(e, np)
	}
	e.Uvarint(uint64(len(s.Preps)))
	for _, pp := range s.Preps {
		term(e, pp.Prep)
		e.Uvarint(uint64(len(pp.Objects)))
		for _, np := range pp.Objects {
			nounPhrase(e, np)
		}
	}
}

func nounPhrase(e *learn.Encoder, np petrarch.NounPhrase) {
	e.Uvarint(uint64(len(np)))
	for _, t := range np {
		term(e, t)
	}
}

func term(e *learn.Encoder, t petrarch.Term) {
	e.Byte(byte(t.Kind))
	e.String(t.Text)
}

func event(e *learn.Encoder, ev *petrarch.Event) {
	e.String(ev.Source)
	e.String(ev.Target)
	e.String(ev.Verb)
	if ev.Inner == nil {
		e.Uvarint(0)
		return
	}
	e.Uvarint(1)
	event(e, ev.Inner)
}

// maxDepth bounds the nesting of a transformation's events in a file.
const maxDepth = 64

func decodeVerbs(d *learn.Decoder) (*petrarch.Verbs, []petrarch.Discard) {
	var v *petrarch.Verbs
	if d.Int("verbs present", 1) == 1 {
		v = &petrarch.Verbs{}
		if n := d.Count("synsets", maxCount); n > 0 {
			v.Synsets = make([]petrarch.Synset, n)
			for i := range v.Synsets {
				s := &v.Synsets[i]
				s.Name = d.String("synset name")
				s.Phrases = readPhrases(d)
				s.File = d.String("file")
				s.Line = d.Int("line", maxCount)
			}
		}
		if n := d.Count("verb blocks", maxCount); n > 0 {
			v.Blocks = make([]petrarch.VerbBlock, n)
			for i := range v.Blocks {
				b := &v.Blocks[i]
				b.Name, b.Code = d.String("block name"), d.String("block code")
				if n := d.Count("verbs", maxCount); n > 0 {
					b.Verbs = make([]petrarch.Verb, n)
					for k := range b.Verbs {
						vb := &b.Verbs[k]
						vb.Words = readWords(d)
						vb.Head = d.Int("head", maxCount)
						vb.Forms = readPhrases(d)
						vb.Code = d.String("verb code")
						vb.Line = d.Int("line", maxCount)
					}
				}
				if n := d.Count("patterns", maxCount); n > 0 {
					b.Patterns = make([]petrarch.Pattern, n)
					for k := range b.Patterns {
						p := &b.Patterns[k]
						p.Pre, p.Post = readSlot(d), readSlot(d)
						p.Code, p.Text = d.String("pattern code"), d.String("pattern")
						p.Line = d.Int("line", maxCount)
					}
				}
				b.File = d.String("file")
				b.Line = d.Int("line", maxCount)
			}
		}
		if n := d.Count("transformations", maxCount); n > 0 {
			v.Transformations = make([]petrarch.Transformation, n)
			for i := range v.Transformations {
				t := &v.Transformations[i]
				t.Event = readEvent(d, 0)
				t.Source, t.Target, t.Code = d.String("source"), d.String("target"), d.String("code")
				t.File = d.String("file")
				t.Line = d.Int("line", maxCount)
			}
		}
		v.Index()
	}
	var discards []petrarch.Discard
	if n := d.Count("discards", maxCount); n > 0 {
		discards = make([]petrarch.Discard, n)
		for i := range discards {
			ds := &discards[i]
			ds.Words = readWords(d)
			ds.Story = d.Int("story", 1) == 1
			ds.File = d.String("file")
			ds.Line = d.Int("line", maxCount)
		}
	}
	return v, discards
}

func readWords(d *learn.Decoder) []string {
	n := d.Count("words", maxCount)
	if n == 0 {
		return nil
	}
	ws := make([]string, n)
	for i := range ws {
		ws[i] = d.String("word")
	}
	return ws
}

func readPhrases(d *learn.Decoder) [][]string {
	n := d.Count("phrases", maxCount)
	if n == 0 {
		return nil
	}
	ps := make([][]string, n)
	for i := range ps {
		ps[i] = readWords(d)
	}
	return ps
}

func readSlot(d *learn.Decoder) petrarch.Slot {
	var s petrarch.Slot
	if n := d.Count("noun phrases", maxCount); n > 0 {
		s.Nouns = make([]petrarch.NounPhrase, n)
		for i := range s.Nouns {
			s.Nouns[i] = readNounPhrase(d)
		}
	}
	if n := d.Count("prepositional phrases", maxCount); n > 0 {
		s.Preps = make([]petrarch.PrepPhrase, n)
		for i := range s.Preps {
			pp := &s.Preps[i]
			pp.Prep = readTerm(d)
			if n := d.Count("objects", maxCount); n > 0 {
				pp.Objects = make([]petrarch.NounPhrase, n)
				for k := range pp.Objects {
					pp.Objects[k] = readNounPhrase(d)
				}
			}
		}
	}
	return s
}

func readNounPhrase(d *learn.Decoder) petrarch.NounPhrase {
	n := d.Count("terms", maxCount)
	if n == 0 {
		return nil
	}
	np := make(petrarch.NounPhrase, n)
	for i := range np {
		np[i] = readTerm(d)
	}
	return np
}

func readTerm(d *learn.Decoder) petrarch.Term {
	k := petrarch.TermKind(d.Byte("term kind"))
	if d.Err() == nil && k > petrarch.Compound {
		d.Failf("term kind %d", k)
	}
	return petrarch.Term{Kind: k, Text: d.String("term")}
}

func readEvent(d *learn.Decoder, depth int) petrarch.Event {
	ev := petrarch.Event{Source: d.String("event source"), Target: d.String("event target"), Verb: d.String("event verb")}
	if d.Int("inner event", 1) == 1 {
		if depth >= maxDepth {
			d.Failf("events nested deeper than %d", maxDepth)
			return ev
		}
		inner := readEvent(d, depth+1)
		ev.Inner = &inner
	}
	return ev
}
