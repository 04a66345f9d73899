package tagger

import (
	"unicode"

	"herald/learn"
)

// Feature templates. The numbers are part of the model file: renumbering one changes
// every hash, so new templates take new numbers.
const (
	tBias = iota + 1
	tLower
	tExact
	tSuffix
	tPrefix
	tShape
	tFlags
	tLowerPrev1
	tLowerNext1
	tLowerPrev2
	tLowerNext2
	tSuffixPrev1
	tSuffixNext1
	tTagPrev1
	tTagPrev2
	tTagPrev12
	tTagPrev1Lower
	tAmbiguity
	tAmbiguityNext1
	tAmbiguityNext2
	tAmbiguityTagPrev1
	tLowerNext1Bigram
	tShapeNext1
	tFlagsNext1
	tTagPrev1Suffix
	tAmbiguityPrev1
	tTagNext1
	tTagNext2
	tTagNext12
	tTagPrev1Next1
	tTagNext1Lower
	tTagNext1Suffix
	tLowerPrev1Bigram
	tPrefixSuffix
	tSuffixShape
	tHyphenLast
	tLowerPrev1Next1
	tSuffix5
	tDemonym
	tDemonymNext1
	tCluster
	tCoarse
	tClusterPrev1
	tClusterNext1
	tCoarsePrev1Next1
)

// maxFeatures bounds the features of one word, so the buffer never grows.
const maxFeatures = 64

// How a form was found in the tag dictionary. The lookup falls back from the form to its
// lowercase and title case so that "The" at the start of a sentence and "PRESIDENT" in
// a headline find "the" and "president"; the feature keeps how, so the weights can tell
// a sure match from a guess.
const (
	foundNot = iota
	foundExact
	foundLower
	foundTitle
)

// Word flags: those of learn.WordFlags the tagger reads, in learn's bits, and two of
// its own above them. The numbers are hashed into features: they change only with a
// retrain.
const (
	flagDigit     = uint8(learn.FlagDigit)
	flagHyphen    = uint8(learn.FlagHyphen)
	flagUpper     = uint8(learn.FlagUpper)     // some letter is upper case
	flagAllUpper  = uint8(learn.FlagAllUpper)  // every letter is, and there are at least two
	flagInitUpper = uint8(learn.FlagInitUpper) // the first letter is upper case
	flagCapsLine  = 1 << 5                     // the whole sentence is in capitals
	flagFirst     = 1 << 6                     // first word of the sentence
)

// demonymCluster is the cluster number all demonyms share, beyond any the lexicon uses.
const demonymCluster = 1<<16 - 1

// wordInfo is what prepare learns about one word before tagging starts.
type wordInfo struct {
	ambiguity uint16
	found     uint8
	flags     uint8
	fast      int16
	// fine and coarse are the word's clusters (0: none, or the model has no clusters).
	fine, coarse uint16
	demonym      bool
}

// sentence is the per-sentence scratch of a Tagger: every word lowercased and shaped
// into two byte arenas, and its tag dictionary entry.
type sentence struct {
	lex   *lexicons
	words []string
	forms learn.Forms
	info  []wordInfo
	title []byte // scratch for the title-case lookup
	caps  bool
}

func (s *sentence) lowerOf(i int) []byte { return s.forms.Lower(i) }

func (s *sentence) shapeOf(i int) []byte { return s.forms.Shape(i) }

// prepare fills the scratch for words.
// dict is the tag dictionary: the model's, or during training one that has not seen the
// sentence.
func (s *sentence) prepare(dict map[string]wordEntry, lex *lexicons, words []string) {
	s.lex = lex
	s.words = words
	s.forms.Reset()
	s.info = s.info[:0]
	s.caps = isCapsLine(words)
	for i, w := range words {
		var info wordInfo
		s.forms.Add(w, learn.AppendLower)
		info.flags = wordFlags(w)
		if s.caps {
			info.flags |= flagCapsLine
		}
		if i == 0 {
			info.flags |= flagFirst
		}
		if lex != nil {
			f, c := lex.clusters.Lookup(w)
			info.fine, info.coarse = uint16(f), uint16(c)
			_, info.demonym = lex.demonyms[string(s.lowerOf(i))]
			if info.demonym {
				// All demonyms share one cluster: a rare one ("Kazakh") has none of its
				// own, and no cluster is what rare names have.
				info.fine, info.coarse = demonymCluster, demonymCluster
			}
		}
		s.info = append(s.info, info)
		s.lookup(dict, i)
	}
}

// lookup finds word i in the tag dictionary: the form, else its lowercase, else its title
// case. Only an exact match may take the fast path: "May" must not become the modal
// "may" because a headline wrote "MAY".
func (s *sentence) lookup(dict map[string]wordEntry, i int) {
	info := &s.info[i]
	info.fast = -1
	if e, ok := dict[s.words[i]]; ok {
		info.ambiguity, info.found, info.fast = e.ambiguity, foundExact, e.fast
		return
	}
	lower := s.lowerOf(i)
	if e, ok := dict[string(lower)]; ok { // string(bytes) in a map index does not allocate
		info.ambiguity, info.found = e.ambiguity, foundLower
		return
	}
	s.title = learn.AppendTitle(s.title[:0], lower)
	if e, ok := dict[string(s.title)]; ok {
		info.ambiguity, info.found = e.ambiguity, foundTitle
	}
}

// features appends the features of word i to feats, given the classes of the words before
// it: those of the word and its neighbours, with those of the tags to the left in the
// middle. The order is the one the shipped weights were trained with; it matters only to
// the float sums of training.
func (s *sentence) features(feats []uint64, i int, classes []int) []uint64 {
	feats = s.wordFeatures(feats, i)
	feats = s.leftFeatures(feats, i, classes)
	return s.neighbourFeatures(feats, i)
}

// wordFeatures appends the features of word i itself.
func (s *sentence) wordFeatures(feats []uint64, i int) []uint64 {
	info := &s.info[i]
	lower := s.lowerOf(i)
	shape := s.shapeOf(i)
	suffix3 := suffix(lower, 3)
	add := func(h learn.Hasher) { feats = append(feats, h.Sum()) }

	add(learn.Feature(tBias))
	add(learn.Feature(tLower).Bytes(lower))
	if !s.caps {
		add(learn.Feature(tExact).Str(s.words[i]))
	}
	for k := 1; k <= 4 && k <= len(lower); k++ {
		add(learn.Feature(tSuffix).Int(k).Bytes(lower[len(lower)-k:]))
	}
	for k := 1; k <= 3 && k < len(lower); k++ {
		add(learn.Feature(tPrefix).Int(k).Bytes(lower[:k]))
	}
	if len(lower) > 5 {
		add(learn.Feature(tSuffix5).Bytes(lower[len(lower)-5:]))
	}
	add(learn.Feature(tPrefixSuffix).Bytes(prefix(lower, 2)).Bytes(suffix3))
	add(learn.Feature(tSuffixShape).Bytes(suffix3).Bytes(shape))
	if h := lastHyphenPart(lower); h != nil {
		add(learn.Feature(tHyphenLast).Bytes(h))
	}
	add(learn.Feature(tShape).Bytes(shape).Int(int(info.flags & flagCapsLine)))
	add(learn.Feature(tFlags).Int(int(info.flags)))
	add(learn.Feature(tAmbiguity).Int(int(info.ambiguity)).Int(int(info.found)))
	if info.demonym {
		// "Kazakh President …" and "the Kazakh economy" make an adjective, "Kazakhs" and
		// "a Kazakh" a noun: the case of the word and of the next one tell them apart.
		next := 0
		if i+1 < len(s.words) {
			next = 1 + int(s.info[i+1].flags&(flagInitUpper|flagAllUpper))
		}
		add(learn.Feature(tDemonym).Int(int(info.flags & (flagFirst | flagInitUpper | flagAllUpper | flagCapsLine))))
		add(learn.Feature(tDemonymNext1).Int(int(info.flags & (flagInitUpper | flagCapsLine))).Int(next))
	}
	if s.lex != nil && s.lex.clusters != nil {
		add(learn.Feature(tCluster).Int(int(info.fine)))
		add(learn.Feature(tCoarse).Int(int(info.coarse)))
	}
	return feats
}

// leftFeatures appends the features of word i that combine it with the classes of the
// two words before it.
func (s *sentence) leftFeatures(feats []uint64, i int, classes []int) []uint64 {
	info := &s.info[i]
	lower := s.lowerOf(i)
	prev1, prev2 := -1, -1 // -1 is the start of the sentence
	if i >= 1 {
		prev1 = classes[i-1]
	}
	if i >= 2 {
		prev2 = classes[i-2]
	}
	return append(feats,
		learn.Feature(tAmbiguityTagPrev1).Int(int(info.ambiguity)).Int(prev1).Sum(),
		learn.Feature(tTagPrev1).Int(prev1).Sum(),
		learn.Feature(tTagPrev2).Int(prev2).Sum(),
		learn.Feature(tTagPrev12).Int(prev1).Int(prev2).Sum(),
		learn.Feature(tTagPrev1Lower).Int(prev1).Bytes(lower).Sum(),
		learn.Feature(tTagPrev1Suffix).Int(prev1).Bytes(suffix(lower, 3)).Sum(),
	)
}

// neighbourFeatures appends the features of the words around word i.
func (s *sentence) neighbourFeatures(feats []uint64, i int) []uint64 {
	lower := s.lowerOf(i)
	add := func(h learn.Hasher) { feats = append(feats, h.Sum()) }
	if i >= 1 {
		p := s.lowerOf(i - 1)
		add(learn.Feature(tLowerPrev1).Bytes(p))
		add(learn.Feature(tLowerPrev1Bigram).Bytes(p).Bytes(lower))
		add(learn.Feature(tSuffixPrev1).Bytes(suffix(p, 3)))
		add(learn.Feature(tAmbiguityPrev1).Int(int(s.info[i-1].ambiguity)).Int(int(s.info[i-1].found)))
	} else {
		add(learn.Feature(tLowerPrev1).Str("<s>"))
	}
	if i >= 2 {
		add(learn.Feature(tLowerPrev2).Bytes(s.lowerOf(i - 2)))
	} else {
		add(learn.Feature(tLowerPrev2).Str("<s>"))
	}
	if i+1 < len(s.words) {
		n := s.lowerOf(i + 1)
		next := &s.info[i+1]
		add(learn.Feature(tLowerNext1).Bytes(n))
		if i >= 1 {
			add(learn.Feature(tLowerPrev1Next1).Bytes(s.lowerOf(i - 1)).Bytes(n))
		}
		add(learn.Feature(tSuffixNext1).Bytes(suffix(n, 3)))
		add(learn.Feature(tAmbiguityNext1).Int(int(next.ambiguity)).Int(int(next.found)))
		add(learn.Feature(tLowerNext1Bigram).Bytes(lower).Bytes(n))
		add(learn.Feature(tShapeNext1).Bytes(s.shapeOf(i + 1)))
		add(learn.Feature(tFlagsNext1).Int(int(next.flags)))
	} else {
		add(learn.Feature(tLowerNext1).Str("</s>"))
	}
	if s.lex != nil && s.lex.clusters != nil {
		prev, next := -1, -2 // sentence start and end
		if i >= 1 {
			prev = int(s.info[i-1].fine)
		}
		if i+1 < len(s.words) {
			next = int(s.info[i+1].fine)
		}
		add(learn.Feature(tClusterPrev1).Int(prev))
		add(learn.Feature(tClusterNext1).Int(next))
		pc, nc := -1, -2
		if i >= 1 {
			pc = int(s.info[i-1].coarse)
		}
		if i+1 < len(s.words) {
			nc = int(s.info[i+1].coarse)
		}
		add(learn.Feature(tCoarsePrev1Next1).Int(pc).Int(int(s.info[i].coarse)).Int(nc))
	}
	if i+2 < len(s.words) {
		add(learn.Feature(tLowerNext2).Bytes(s.lowerOf(i + 2)))
		add(learn.Feature(tAmbiguityNext2).Int(int(s.info[i+2].ambiguity)).Int(int(s.info[i+2].found)))
	} else {
		add(learn.Feature(tLowerNext2).Str("</s>"))
	}
	return feats
}

// Tagging scores neighbourFeatures split three ways, each the same features in another
// order (TestNeighbourFeaturesSplit checks that they add up): those one neighbour gives
// alone (roleFeatures), which the Tagger caches per word with the word's own; what stands
// for a neighbour past the sentence's ends (edgeFeatures); and the features that join
// words (joinFeatures). neighbourFeatures itself keeps the order the shipped model was
// trained with, as the order changes training's float sums.

// roleOffsets are the places, relative to the word being tagged, of the neighbours
// whose roleFeatures are cached.
var roleOffsets = [...]int{-1, 1, 2}

// roleFeatures appends the features that word j gives the word d places before it
// (j = i+d for the word i being tagged). They read only what wordKey holds of word j.
func (s *sentence) roleFeatures(feats []uint64, j, d int) []uint64 {
	lower, info := s.lowerOf(j), &s.info[j]
	clusters := s.lex != nil && s.lex.clusters != nil
	switch d {
	case -1:
		feats = append(feats,
			learn.Feature(tLowerPrev1).Bytes(lower).Sum(),
			learn.Feature(tSuffixPrev1).Bytes(suffix(lower, 3)).Sum(),
			learn.Feature(tAmbiguityPrev1).Int(int(info.ambiguity)).Int(int(info.found)).Sum())
		if clusters {
			feats = append(feats, learn.Feature(tClusterPrev1).Int(int(info.fine)).Sum())
		}
	case 1:
		feats = append(feats,
			learn.Feature(tLowerNext1).Bytes(lower).Sum(),
			learn.Feature(tSuffixNext1).Bytes(suffix(lower, 3)).Sum(),
			learn.Feature(tAmbiguityNext1).Int(int(info.ambiguity)).Int(int(info.found)).Sum(),
			learn.Feature(tShapeNext1).Bytes(s.shapeOf(j)).Sum(),
			learn.Feature(tFlagsNext1).Int(int(info.flags)).Sum())
		if clusters {
			feats = append(feats, learn.Feature(tClusterNext1).Int(int(info.fine)).Sum())
		}
	case 2:
		feats = append(feats,
			learn.Feature(tLowerNext2).Bytes(lower).Sum(),
			learn.Feature(tAmbiguityNext2).Int(int(info.ambiguity)).Int(int(info.found)).Sum())
	}
	return feats
}

// edgeFeatures appends what stands for the neighbour d places away when it lies past the
// start or the end of the sentence.
func (s *sentence) edgeFeatures(feats []uint64, d int) []uint64 {
	clusters := s.lex != nil && s.lex.clusters != nil
	switch d {
	case -1:
		feats = append(feats, learn.Feature(tLowerPrev1).Str("<s>").Sum())
		if clusters {
			feats = append(feats, learn.Feature(tClusterPrev1).Int(-1).Sum())
		}
	case 1:
		feats = append(feats, learn.Feature(tLowerNext1).Str("</s>").Sum())
		if clusters {
			feats = append(feats, learn.Feature(tClusterNext1).Int(-2).Sum())
		}
	case 2:
		feats = append(feats, learn.Feature(tLowerNext2).Str("</s>").Sum())
	}
	return feats
}

// joinFeatures appends the rest of neighbourFeatures: those joining word i with its
// neighbours, and the word two before it (one feature, not worth a cached block).
func (s *sentence) joinFeatures(feats []uint64, i int) []uint64 {
	lower := s.lowerOf(i)
	n := len(s.words)
	if i >= 2 {
		feats = append(feats, learn.Feature(tLowerPrev2).Bytes(s.lowerOf(i-2)).Sum())
	} else {
		feats = append(feats, learn.Feature(tLowerPrev2).Str("<s>").Sum())
	}
	if i >= 1 {
		feats = append(feats, learn.Feature(tLowerPrev1Bigram).Bytes(s.lowerOf(i-1)).Bytes(lower).Sum())
	}
	if i+1 < n {
		next := s.lowerOf(i + 1)
		if i >= 1 {
			feats = append(feats, learn.Feature(tLowerPrev1Next1).Bytes(s.lowerOf(i-1)).Bytes(next).Sum())
		}
		feats = append(feats, learn.Feature(tLowerNext1Bigram).Bytes(lower).Bytes(next).Sum())
	}
	if s.lex != nil && s.lex.clusters != nil {
		pc, nc := -1, -2
		if i >= 1 {
			pc = int(s.info[i-1].coarse)
		}
		if i+1 < n {
			nc = int(s.info[i+1].coarse)
		}
		feats = append(feats, learn.Feature(tCoarsePrev1Next1).Int(pc).Int(int(s.info[i].coarse)).Int(nc).Sum())
	}
	return feats
}

// rightFeatures appends the features the second pass adds: the first pass's tags for
// the words after i, which the left-to-right pass could not see.
func (s *sentence) rightFeatures(feats []uint64, i int, classes, firstPass []int) []uint64 {
	next1, next2 := -2, -2 // -2 is the end of the sentence
	if i+1 < len(firstPass) {
		next1 = firstPass[i+1]
	}
	if i+2 < len(firstPass) {
		next2 = firstPass[i+2]
	}
	prev1 := -1
	if i >= 1 {
		prev1 = classes[i-1]
	}
	lower := s.lowerOf(i)
	feats = append(feats,
		learn.Feature(tTagNext1).Int(next1).Sum(),
		learn.Feature(tTagNext2).Int(next2).Sum(),
		learn.Feature(tTagNext12).Int(next1).Int(next2).Sum(),
		learn.Feature(tTagPrev1Next1).Int(prev1).Int(next1).Sum(),
		learn.Feature(tTagNext1Lower).Int(next1).Bytes(lower).Sum(),
		learn.Feature(tTagNext1Suffix).Int(next1).Bytes(suffix(lower, 3)).Sum(),
	)
	return feats
}

func prefix(b []byte, k int) []byte {
	if len(b) <= k {
		return b
	}
	return b[:k]
}

// lastHyphenPart is what follows the last hyphen inside b ("rebel-held" → "held"), or
// nil when b has none.
func lastHyphenPart(b []byte) []byte {
	for k := len(b) - 2; k > 0; k-- {
		if b[k] == '-' {
			return b[k+1:]
		}
	}
	return nil
}

func suffix(b []byte, k int) []byte {
	if len(b) <= k {
		return b
	}
	return b[len(b)-k:]
}

// isCapsLine reports a sentence written in capitals: at least two words of two or more
// letters all in upper case, and four in five such words so.
func isCapsLine(words []string) bool {
	cased, upper := 0, 0
	for _, w := range words {
		letters, uppers := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					uppers++
				}
			}
		}
		if letters >= 2 {
			cased++
			if uppers == letters {
				upper++
			}
		}
	}
	return upper >= 2 && upper*5 >= cased*4
}

// wordFlags is learn.WordFlags of w, less the flags the tagger's features do not read:
// its bits are the tagger's own flags (with flagCapsLine and flagFirst above them).
func wordFlags(w string) uint8 {
	return uint8(learn.WordFlags(w) & (learn.FlagDigit | learn.FlagHyphen | learn.FlagUpper | learn.FlagAllUpper | learn.FlagInitUpper))
}
