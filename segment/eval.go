package segment

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"herald/conllu"
	"herald/document"
)

// Scores are the results of Evaluate: exact-span precision, recall and F1 (0-100) of
// tokens and sentences, micro-averaged, and the gold counts.
type Scores struct {
	TokenP, TokenR, TokenF1 float64
	SentP, SentR, SentF1    float64
	Sentences, Tokens       int
	// TopErrors lists the most frequent disagreements, most frequent first, for a human
	// reader: "gold «U.S.» ≠ «U.S» «.» ×12", "missed boundary after «Inc.» ×3".
	TopErrors []string
}

// ParagraphSeparator joins paragraphs (and documents) when Evaluate rebuilds the raw
// text; sentences within a paragraph are joined by one space. A blank line is what a
// reader sees between paragraphs of a web page or wire story, and what clean leaves
// between paragraphs, so the evaluation sees the text as the pipeline will.
const ParagraphSeparator = "\n\n"

// Evaluate scores Split against a CoNLL-U treebank. It rebuilds the raw text from the
// "# text" comments (sentences of a paragraph joined by a space, paragraphs and documents,
// marked by "# newpar" and "# newdoc", by ParagraphSeparator), splits it as one region,
// and compares token and sentence spans with the gold ones. Gold tokens are the syntactic
// words, located in the text; a multiword token whose words are not substrings of its form
// counts as one token.
func Evaluate(r io.Reader) (Scores, error) {
	var (
		text strings.Builder
		gold goldSpans
	)
	reader := conllu.NewReader(r)
	for n := 0; ; n++ {
		sent, err := reader.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Scores{}, err
		}
		if n > 0 {
			if sent.NewDoc || sent.NewPar {
				text.WriteString(ParagraphSeparator)
			} else {
				text.WriteByte(' ')
			}
		}
		if err := gold.add(&text, sent, reader.Line()); err != nil {
			return Scores{}, err
		}
	}
	raw := text.String()
	predicted := Split(raw, 0, len(raw), nil)
	var predTokens, predSents []document.Span
	for _, s := range predicted {
		predSents = append(predSents, document.Span{Start: s.Start, End: s.End})
		for _, t := range s.Tokens {
			predTokens = append(predTokens, document.Span{Start: t.Start, End: t.End})
		}
	}
	var sc Scores
	sc.Tokens, sc.Sentences = len(gold.tokens), len(gold.sentences)
	sc.TokenP, sc.TokenR, sc.TokenF1 = prf(matches(gold.tokens, predTokens), len(gold.tokens), len(predTokens))
	sc.SentP, sc.SentR, sc.SentF1 = prf(matches(gold.sentences, predSents), len(gold.sentences), len(predSents))
	sc.TopErrors = topErrors(raw, gold, predTokens, predSents, 20)
	return sc, nil
}

// goldSpans are the gold token and sentence spans in the rebuilt text.
type goldSpans struct {
	tokens, sentences []document.Span
}

// add appends sentence sent to text and records its gold spans. line is where the reader
// stands, for errors.
func (g *goldSpans) add(text *strings.Builder, sent *conllu.Sentence, line int) error {
	base := text.Len()
	st := sent.Text
	text.WriteString(st)
	pos := 0
	find := func(form string) (int, error) {
		for pos < len(st) && (st[pos] == ' ' || st[pos] == '\t') {
			pos++
		}
		if strings.HasPrefix(st[pos:], form) {
			return pos, nil
		}
		k := strings.Index(st[pos:], form)
		if k < 0 {
			return 0, fmt.Errorf("line %d: sentence %s: form %q not found in its text", line, sent.ID, form)
		}
		return pos + k, nil
	}
	first := len(g.tokens)
	tokens := sent.Tokens
	for w := 0; w < len(sent.Words); w++ {
		if len(tokens) > 0 && tokens[0].First == w+1 {
			mwt := tokens[0]
			tokens = tokens[1:]
			at, err := find(mwt.Form)
			if err != nil {
				return err
			}
			var joined strings.Builder
			for k := mwt.First; k <= mwt.Last; k++ {
				joined.WriteString(sent.Words[k-1].Form)
			}
			if joined.String() == mwt.Form { // EWT: "don't" = "do" + "n't"
				p := at
				for k := mwt.First; k <= mwt.Last; k++ {
					n := len(sent.Words[k-1].Form)
					g.tokens = append(g.tokens, document.Span{Start: base + p, End: base + p + n})
					p += n
				}
			} else {
				g.tokens = append(g.tokens, document.Span{Start: base + at, End: base + at + len(mwt.Form)})
			}
			pos = at + len(mwt.Form)
			w = mwt.Last - 1
			continue
		}
		form := sent.Words[w].Form
		at, err := find(form)
		if err != nil {
			return err
		}
		g.tokens = append(g.tokens, document.Span{Start: base + at, End: base + at + len(form)})
		pos = at + len(form)
	}
	if len(g.tokens) > first {
		g.sentences = append(g.sentences, document.Span{Start: g.tokens[first].Start, End: g.tokens[len(g.tokens)-1].End})
	}
	return nil
}

// matches counts the spans present in both sorted lists.
func matches(gold, predicted []document.Span) int {
	n, i, j := 0, 0, 0
	for i < len(gold) && j < len(predicted) {
		g, p := gold[i], predicted[j]
		switch {
		case g == p:
			n++
			i++
			j++
		case g.Start < p.Start || (g.Start == p.Start && g.End < p.End):
			i++
		default:
			j++
		}
	}
	return n
}

func prf(correct, gold, predicted int) (p, r, f float64) {
	if predicted > 0 {
		p = 100 * float64(correct) / float64(predicted)
	}
	if gold > 0 {
		r = 100 * float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// topErrors describes the most frequent disagreements: gold tokens the split missed (with
// what it produced there instead) and sentence boundaries missed or invented (with the
// token before them).
func topErrors(text string, gold goldSpans, tokens, sentences []document.Span, limit int) []string {
	counts := map[string]int{}
	// Token errors: for each gold token not predicted, the predicted tokens overlapping it.
	j := 0
	predicted := map[document.Span]bool{}
	for _, t := range tokens {
		predicted[t] = true
	}
	for _, g := range gold.tokens {
		if predicted[g] {
			continue
		}
		for j < len(tokens) && tokens[j].End <= g.Start {
			j++
		}
		var got []string
		for k := j; k < len(tokens) && tokens[k].Start < g.End; k++ {
			got = append(got, "«"+text[tokens[k].Start:tokens[k].End]+"»")
		}
		counts["token: gold «"+text[g.Start:g.End]+"» got "+strings.Join(got, " ")]++
	}
	goldEnds, predEnds := map[int]bool{}, map[int]bool{}
	for _, s := range gold.sentences {
		goldEnds[s.End] = true
	}
	for _, s := range sentences {
		predEnds[s.End] = true
	}
	lastWord := func(end int) string {
		start := strings.LastIndexAny(text[:end], " \n")
		return text[start+1 : end]
	}
	for end := range goldEnds {
		if !predEnds[end] {
			counts["sentence: missed boundary after «"+lastWord(end)+"»"]++
		}
	}
	for end := range predEnds {
		if !goldEnds[end] {
			counts["sentence: extra boundary after «"+lastWord(end)+"»"]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if counts[keys[a]] != counts[keys[b]] {
			return counts[keys[a]] > counts[keys[b]]
		}
		return keys[a] < keys[b]
	})
	if len(keys) > limit {
		keys = keys[:limit]
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%s ×%d", k, counts[k])
	}
	return out
}
