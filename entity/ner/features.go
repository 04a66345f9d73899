package ner

import (
	"unicode"
	"unicode/utf8"

	"herald/learn"
	"herald/syntax/wordclass"
)

// Feature templates. The numbers are part of the model file's meaning: never renumber
// one, only add.
const (
	tBias uint16 = iota + 1
	tWord
	tLower
	tShape
	tPrefix
	tSuffix
	tFlags
	tUPOS
	tXPOS
	tXPOSAt       // XPOS of a neighbour, with its offset
	tLowerAt      // lowercase of a neighbour, with its offset
	tShapeAt      // shape of a neighbour, with its offset
	tBigramLeft   // lower[i-1] lower[i]
	tBigramRight  // lower[i] lower[i+1]
	tXPOSLeft     // xpos[i-1] xpos[i]
	tXPOSRight    // xpos[i] xpos[i+1]
	tShapeTrigram // shape[i-1] shape[i] shape[i+1]
	tStart        // first word of the sentence, with its flags
	tCase         // the sentence's casing with the word's shape
	tGazetteer    // gazetteer type and the word's place in the match
	tGazetteerAt  // gazetteer type of a neighbour
	tLength
	tUPOSShape
	tLowerUPOS
	tHyphenLast // last part of a hyphenated word
	tCaseLex    // the case table's class with the word's own case and position
	tCaseLexAt  // the case table's class of a neighbour, with its own case
	tNames      // the name table's bits of the word, with its case
	tNamesAt    // the name table's bits of a neighbour
	tLeftShape  // lower[i-1] shape[i]: "from Xxx"
	tShapeRight // shape[i] lower[i+1]: "Xxx said"
	tCluster    // the word's fine and coarse clusters, alone and with its case
	tClusterAt  // a neighbour's clusters, with its offset
)

// maxFeatures bounds the features of one word.
const maxFeatures = 64

// Word flags: those of learn.WordFlags the recognizer reads, in a layout of its own that
// is hashed into its features, so that it changes only with a retrain (one that also
// retrains the tagger could take learn's bits as they are).
const (
	flagInitUpper = 1 << iota
	flagAllUpper
	flagDigit
	flagHyphen
	flagPeriod
	flagNonASCII
)

// Sentence casing: web text is often all lower case, headlines all capitals; in both a
// capital letter says less than in edited prose.
const (
	caseMixed = iota
	caseLower
	caseUpper
)

// wordInfo locates one word's normalized forms in the scratch buffers.
type wordInfo struct {
	flags     uint8
	gazType   string // the gazetteer's label of the name the word is in, "" for none
	gazPos    uint8  // 'B', 'I', 'L', 'U' within the gazetteer match
	caseClass uint8  // the case table's class of the word
	names     uint8  // the name table's bits of the word
	fine      uint16 // the word's fine cluster, 0 when it has none
	coarse    uint16 // the word's coarse cluster
}

// sentence is the per-sentence scratch of feature extraction; reused, so extraction
// allocates nothing once it has grown.
type sentence struct {
	words      []string
	upos, xpos []string
	forms      learn.Forms
	info       []wordInfo
	casing     int
}

func (s *sentence) lowerOf(i int) []byte { return s.forms.Lower(i) }

func (s *sentence) shapeOf(i int) []byte { return s.forms.Shape(i) }

// prepare fills the scratch for one sentence. upos and xpos may be shorter than words
// (missing tags read as ""); gaz may be nil.
func (s *sentence) prepare(words, upos, xpos []string, gaz KnownNames, lex caseTable, names nameTable, clusters *wordclass.Classes) {
	s.words, s.upos, s.xpos = words, upos, xpos
	s.forms.Reset()
	s.info = s.info[:0]
	lowerWords, upperWords := 0, 0
	for _, w := range words {
		var info wordInfo
		s.forms.Add(w, appendLower)
		lower := s.forms.Lower(len(s.info))
		info.flags = wordFlags(w)
		info.caseClass = lex.class(lower)
		info.names = names.class(lower)
		fine, coarse := clusters.Lookup(w)
		info.fine, info.coarse = uint16(fine), uint16(coarse)
		s.info = append(s.info, info)
		switch letterCase(w) {
		case caseLower:
			lowerWords++
		case caseUpper:
			upperWords++
		}
	}
	s.casing = caseMixed
	switch n := lowerWords + upperWords; {
	case n < 3:
	case upperWords*5 >= n*4:
		s.casing = caseUpper
	case upperWords == 0 && len(words) >= 4:
		s.casing = caseLower
	}
	if gaz == nil {
		return
	}
	for i := 0; i < len(words); {
		n, typ := gaz.Longest(words, i)
		if n <= 0 || i+n > len(words) {
			i++
			continue
		}
		if typ == "" {
			typ = "?"
		}
		t := typ
		for k := i; k < i+n; k++ {
			s.info[k].gazType = t
			switch {
			case n == 1:
				s.info[k].gazPos = 'U'
			case k == i:
				s.info[k].gazPos = 'B'
			case k == i+n-1:
				s.info[k].gazPos = 'L'
			default:
				s.info[k].gazPos = 'I'
			}
		}
		i += n
	}
}

func (s *sentence) tag(tags []string, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(s.words) {
		return "</s>"
	}
	if i < len(tags) {
		return tags[i]
	}
	return ""
}

// features appends the features of word i to feats.
func (s *sentence) features(feats []uint64, i int) []uint64 {
	feats = s.wordFeatures(feats, i)
	return s.contextFeatures(feats, i)
}

// wordKey is everything wordFeatures reads: the word, its tags, and the context bits of
// wordContext. Recognizers cache the scores of wordFeatures under it.
type wordKey struct {
	form, upos, xpos string
	context          uint8
}

// key returns word i's wordKey.
func (s *sentence) key(i int) wordKey {
	return wordKey{form: s.words[i], upos: s.tag(s.upos, i), xpos: s.tag(s.xpos, i), context: s.wordContext(i)}
}

// wordContext packs what wordFeatures reads of the sentence around word i: the
// sentence's casing, whether the word is the first, and whether its case is the writer's
// choice (it does not follow a sentence start).
func (s *sentence) wordContext(i int) uint8 {
	return uint8(s.casing) | uint8(b2i(i == 0))<<2 | uint8(b2i(s.free(i)))<<3
}

// free reports whether the case of word i is the writer's choice: it is not at the start
// of a sentence.
func (s *sentence) free(i int) bool { return i > 0 && !isSentenceStart(s.words[i-1]) }

// wordFeatures appends the features of word i that depend only on the word, its tags and
// wordContext, the same wherever the word recurs in the same setting.
func (s *sentence) wordFeatures(feats []uint64, i int) []uint64 {
	info := s.info[i]
	lower, shape := s.lowerOf(i), s.shapeOf(i)
	feats = append(feats,
		learn.Feature(tBias).Sum(),
		learn.Feature(tWord).Str(s.words[i]).Sum(),
		learn.Feature(tLower).Bytes(lower).Sum(),
		learn.Feature(tShape).Bytes(shape).Sum(),
		learn.Feature(tFlags).Int(int(info.flags)).Sum(),
		learn.Feature(tCase).Int(s.casing).Bytes(shape).Sum(),
		learn.Feature(tLength).Int(min(utf8.RuneCount(lower), 12)).Sum(),
	)
	for k := 1; k <= 4; k++ {
		if k > len(lower) {
			break
		}
		feats = append(feats,
			learn.Feature(tPrefix).Int(k).Bytes(prefix(lower, k)).Sum(),
			learn.Feature(tSuffix).Int(k).Bytes(suffix(lower, k)).Sum())
	}
	if last := lastHyphenPart(lower); len(last) < len(lower) {
		feats = append(feats, learn.Feature(tHyphenLast).Bytes(last).Sum())
	}
	upos, xpos := s.tag(s.upos, i), s.tag(s.xpos, i)
	feats = append(feats,
		learn.Feature(tUPOS).Str(upos).Sum(),
		learn.Feature(tXPOS).Str(xpos).Sum(),
		learn.Feature(tUPOSShape).Str(upos).Bytes(shape).Sum(),
		learn.Feature(tLowerUPOS).Bytes(lower).Str(upos).Sum(),
	)
	free := s.free(i)
	if i == 0 {
		feats = append(feats, learn.Feature(tStart).Int(int(info.flags)).Sum())
	}
	capital := int(info.flags & (flagInitUpper | flagAllUpper))
	feats = append(feats,
		learn.Feature(tCaseLex).Int(int(info.caseClass)).Int(capital).Sum(),
		learn.Feature(tCaseLex).Int(int(info.caseClass)).Int(capital).Int(b2i(free)).Int(s.casing).Sum())
	if info.names != 0 {
		feats = append(feats,
			learn.Feature(tNames).Int(int(info.names)).Sum(),
			learn.Feature(tNames).Int(int(info.names)).Int(capital).Int(int(info.caseClass)).Sum())
	}
	if info.fine != 0 {
		feats = append(feats,
			learn.Feature(tCluster).Int(int(info.fine)).Sum(),
			learn.Feature(tCluster).Int(-int(info.coarse)).Sum(),
			learn.Feature(tCluster).Int(int(info.fine)).Int(capital).Int(b2i(free)).Sum(),
			learn.Feature(tCluster).Int(-int(info.coarse)).Int(capital).Int(b2i(free)).Sum())
	}
	return feats
}

// contextFeatures appends the features of word i that look at its neighbours or at the
// gazetteer's matches, which span words, in the order the shipped model was trained
// with (the order changes training's float sums, and so the model). Recognition scores
// the same features split three ways: those each neighbour gives alone
// (neighbourFeatures, or edgeFeatures past the sentence's ends), which it caches per
// word, and those that join words (joinFeatures). TestContextFeaturesSplit checks that
// the three add up to these.
func (s *sentence) contextFeatures(feats []uint64, i int) []uint64 {
	n := len(s.words)
	lower, shape := s.lowerOf(i), s.shapeOf(i)
	xpos := s.tag(s.xpos, i)
	xprev, xnext := s.tag(s.xpos, i-1), s.tag(s.xpos, i+1)
	feats = append(feats,
		learn.Feature(tXPOSAt).Int(-1).Str(xprev).Sum(),
		learn.Feature(tXPOSAt).Int(1).Str(xnext).Sum(),
		learn.Feature(tXPOSAt).Int(-2).Str(s.tag(s.xpos, i-2)).Sum(),
		learn.Feature(tXPOSAt).Int(2).Str(s.tag(s.xpos, i+2)).Sum(),
		learn.Feature(tXPOSLeft).Str(xprev).Str(xpos).Sum(),
		learn.Feature(tXPOSRight).Str(xpos).Str(xnext).Sum(),
	)
	for _, d := range [...]int{-1, 1} {
		if j := i + d; j >= 0 && j < n && s.info[j].names != 0 {
			feats = append(feats, learn.Feature(tNamesAt).Int(d).Int(int(s.info[j].names)).Sum())
		}
	}
	for _, d := range [...]int{-2, -1, 1, 2} {
		if j := i + d; j >= 0 && j < n && s.info[j].fine != 0 {
			feats = append(feats, learn.Feature(tClusterAt).Int(d).Int(-int(s.info[j].coarse)).Sum())
			if d == -1 || d == 1 {
				feats = append(feats, learn.Feature(tClusterAt).Int(d).Int(int(s.info[j].fine)).Sum())
			}
		}
	}
	for _, d := range [...]int{-1, 1} {
		if j := i + d; j >= 0 && j < n {
			feats = append(feats, learn.Feature(tCaseLexAt).Int(d).Int(int(s.info[j].caseClass)).
				Int(int(s.info[j].flags&(flagInitUpper|flagAllUpper))).Sum())
		}
	}
	var prevShape, nextShape []byte
	for _, d := range [...]int{-2, -1, 1, 2} {
		j := i + d
		h := learn.Feature(tLowerAt).Int(d)
		switch {
		case j < 0:
			h = h.Str("<s>")
		case j >= n:
			h = h.Str("</s>")
		default:
			h = h.Bytes(s.lowerOf(j))
		}
		feats = append(feats, h.Sum())
	}
	if i > 0 {
		prevShape = s.shapeOf(i - 1)
		feats = append(feats,
			learn.Feature(tShapeAt).Int(-1).Bytes(prevShape).Sum(),
			learn.Feature(tBigramLeft).Bytes(s.lowerOf(i-1)).Bytes(lower).Sum(),
			learn.Feature(tLeftShape).Bytes(s.lowerOf(i-1)).Bytes(shape).Sum())
	}
	if i+1 < n {
		nextShape = s.shapeOf(i + 1)
		feats = append(feats,
			learn.Feature(tShapeAt).Int(1).Bytes(nextShape).Sum(),
			learn.Feature(tBigramRight).Bytes(lower).Bytes(s.lowerOf(i+1)).Sum(),
			learn.Feature(tShapeRight).Bytes(shape).Bytes(s.lowerOf(i+1)).Sum())
	}
	return s.shapeAndGazetteerFeatures(feats, i, prevShape, shape, nextShape)
}

// shapeAndGazetteerFeatures appends the last of contextFeatures (and of joinFeatures):
// the shapes of word i and its neighbours together, and the gazetteer's matches at and
// around it.
func (s *sentence) shapeAndGazetteerFeatures(feats []uint64, i int, prevShape, shape, nextShape []byte) []uint64 {
	info := &s.info[i]
	feats = append(feats, learn.Feature(tShapeTrigram).Bytes(prevShape).Bytes(shape).Bytes(nextShape).Sum())
	if info.gazType != "" {
		feats = append(feats,
			learn.Feature(tGazetteer).Str(info.gazType).Int(int(info.gazPos)).Sum(),
			learn.Feature(tGazetteer).Str(info.gazType).Int(int(info.gazPos)).Bytes(shape).Sum())
	}
	for _, d := range [...]int{-1, 1} {
		if j := i + d; j >= 0 && j < len(s.words) && s.info[j].gazType != "" {
			feats = append(feats, learn.Feature(tGazetteerAt).Int(d).Str(s.info[j].gazType).Sum())
		}
	}
	return feats
}

// neighbourOffsets are the places around a word whose neighbour features it reads.
var neighbourOffsets = [...]int{-1, 1, -2, 2}

// neighbourFeatures appends the features that word j gives the word d places before it
// (j = i+d for the word i being labelled). They depend on word j's form and tags alone,
// so they are the same wherever the word recurs with the same tags.
func (s *sentence) neighbourFeatures(feats []uint64, j, d int) []uint64 {
	info := &s.info[j]
	near := d == -1 || d == 1
	feats = append(feats,
		learn.Feature(tXPOSAt).Int(d).Str(s.tag(s.xpos, j)).Sum(),
		learn.Feature(tLowerAt).Int(d).Bytes(s.lowerOf(j)).Sum())
	if near && info.names != 0 {
		feats = append(feats, learn.Feature(tNamesAt).Int(d).Int(int(info.names)).Sum())
	}
	if info.fine != 0 {
		feats = append(feats, learn.Feature(tClusterAt).Int(d).Int(-int(info.coarse)).Sum())
		if near {
			feats = append(feats, learn.Feature(tClusterAt).Int(d).Int(int(info.fine)).Sum())
		}
	}
	if near {
		feats = append(feats,
			learn.Feature(tCaseLexAt).Int(d).Int(int(info.caseClass)).Int(int(info.flags&(flagInitUpper|flagAllUpper))).Sum(),
			learn.Feature(tShapeAt).Int(d).Bytes(s.shapeOf(j)).Sum())
	}
	return feats
}

// edgeFeatures appends what stands for a neighbour d places away that lies past the
// start or the end of the sentence.
func edgeFeatures(feats []uint64, d int) []uint64 {
	edge := "<s>"
	if d > 0 {
		edge = "</s>"
	}
	return append(feats,
		learn.Feature(tXPOSAt).Int(d).Str(edge).Sum(),
		learn.Feature(tLowerAt).Int(d).Str(edge).Sum())
}

// joinFeatures appends the features of word i that join it with a neighbour, or that
// read the gazetteer's matches.
func (s *sentence) joinFeatures(feats []uint64, i int) []uint64 {
	n := len(s.words)
	lower, shape := s.lowerOf(i), s.shapeOf(i)
	xpos := s.tag(s.xpos, i)
	feats = append(feats,
		learn.Feature(tXPOSLeft).Str(s.tag(s.xpos, i-1)).Str(xpos).Sum(),
		learn.Feature(tXPOSRight).Str(xpos).Str(s.tag(s.xpos, i+1)).Sum(),
	)
	var prevShape, nextShape []byte
	if i > 0 {
		prevShape = s.shapeOf(i - 1)
		feats = append(feats,
			learn.Feature(tBigramLeft).Bytes(s.lowerOf(i-1)).Bytes(lower).Sum(),
			learn.Feature(tLeftShape).Bytes(s.lowerOf(i-1)).Bytes(shape).Sum())
	}
	if i+1 < n {
		nextShape = s.shapeOf(i + 1)
		feats = append(feats,
			learn.Feature(tBigramRight).Bytes(lower).Bytes(s.lowerOf(i+1)).Sum(),
			learn.Feature(tShapeRight).Bytes(shape).Bytes(s.lowerOf(i+1)).Sum())
	}
	return s.shapeAndGazetteerFeatures(feats, i, prevShape, shape, nextShape)
}

func prefix(b []byte, k int) []byte {
	// Cut on a rune boundary, so a prefix of an accented word is a whole letter.
	for k < len(b) && !utf8.RuneStart(b[k]) {
		k++
	}
	return b[:k]
}

func suffix(b []byte, k int) []byte {
	i := len(b) - k
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	return b[i:]
}

func lastHyphenPart(b []byte) []byte {
	for i := len(b) - 1; i > 0; i-- {
		if b[i] == '-' {
			return b[i+1:]
		}
	}
	return b
}

// wordFlags is learn.WordFlags of w in the recognizer's own bits (see the flags), which
// its features were trained with.
func wordFlags(w string) uint8 {
	f := learn.WordFlags(w)
	var out uint8
	for _, m := range [...]struct {
		learn learn.Flags
		own   uint8
	}{
		{learn.FlagInitUpper, flagInitUpper}, {learn.FlagAllUpper, flagAllUpper}, {learn.FlagDigit, flagDigit},
		{learn.FlagHyphen, flagHyphen}, {learn.FlagPeriod, flagPeriod}, {learn.FlagNonASCII, flagNonASCII},
	} {
		if f&m.learn != 0 {
			out |= m.own
		}
	}
	return out
}

// letterCase classifies a word of two or more letters as all lower or all upper case;
// caseMixed otherwise (and for shorter words).
func letterCase(w string) int {
	letters, uppers := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		}
	}
	switch {
	case letters < 2:
		return caseMixed
	case uppers == 0:
		return caseLower
	case uppers == letters:
		return caseUpper
	}
	return caseMixed
}

// appendLower appends the lowercase of w, with every digit written as 0 so that numbers
// share their features.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				if r >= '0' && r <= '9' {
					r = '0'
				}
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		dst = append(dst, c)
	}
	return dst
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
