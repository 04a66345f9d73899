package parser

// confusions are tagging mistakes that a good English tagger still makes (proper versus
// common noun, past tense versus participle, particle versus preposition, …), as XPOS
// with the UPOS that goes with it. Training with a few of them swapped in teaches the
// parser to lean less on the tags, which helps when they come from a tagger.
var confusions = map[string][]struct{ xpos, upos string }{
	"NN":   {{"NNP", "PROPN"}, {"JJ", "ADJ"}, {"VBG", "VERB"}, {"VB", "VERB"}},
	"NNP":  {{"NN", "NOUN"}, {"JJ", "ADJ"}, {"NNPS", "PROPN"}},
	"NNS":  {{"VBZ", "VERB"}, {"NNPS", "PROPN"}},
	"NNPS": {{"NNP", "PROPN"}, {"NNS", "NOUN"}},
	"JJ":   {{"NN", "NOUN"}, {"NNP", "PROPN"}, {"VBN", "VERB"}, {"RB", "ADV"}},
	"VB":   {{"VBP", "VERB"}, {"NN", "NOUN"}},
	"VBP":  {{"VB", "VERB"}},
	"VBD":  {{"VBN", "VERB"}},
	"VBN":  {{"VBD", "VERB"}, {"JJ", "ADJ"}},
	"VBG":  {{"NN", "NOUN"}, {"JJ", "ADJ"}},
	"VBZ":  {{"NNS", "NOUN"}},
	"RB":   {{"JJ", "ADJ"}, {"IN", "ADP"}, {"RP", "ADP"}},
	"RP":   {{"IN", "ADP"}, {"RB", "ADV"}},
	"IN":   {{"RP", "ADP"}, {"RB", "ADV"}, {"WDT", "PRON"}},
	"WDT":  {{"IN", "SCONJ"}, {"DT", "DET"}},
	"DT":   {{"WDT", "PRON"}, {"RB", "ADV"}},
}

// noisyTags returns the sentence's tags with about TagNoise of them replaced by a
// confusion, drawn from the trainer's seeded generator.
func (t *trainer) noisyTags(ex *example) (upos, xpos []string) {
	t.upos = append(t.upos[:0], ex.upos...)
	t.xpos = append(t.xpos[:0], ex.xpos...)
	for i, x := range t.xpos {
		if t.rng.Float64() >= t.options.TagNoise {
			continue
		}
		if alts := confusions[x]; len(alts) > 0 {
			alt := alts[t.rng.IntN(len(alts))]
			t.xpos[i], t.upos[i] = alt.xpos, alt.upos
		}
	}
	return t.upos, t.xpos
}
