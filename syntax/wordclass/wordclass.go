// Package wordclass groups words into classes that occur in the same contexts, from unlabelled text, so
// that the tagger and the parser can treat a word the treebank never showed them like
// the words it resembles ("Kazakh" like "Chinese", "Tuesday" like "Monday"). It is the use
// Koo, Carreras and Collins (2008) made of Brown clusters, with a simpler clustering.
//
// Each word type (lowercased, digits folded to 0) seen often enough is described by the
// distribution of the words just before and just after it, over the most frequent words,
// and clustered twice by spherical k-means on the square roots of those distributions
// (the Hellinger distance): into FineClusters classes and into CoarseClusters. The two
// granularities play the part of the bit-string prefixes of Brown clusters. k-means starts
// from the most frequent words, as Brown's algorithm does, so the result depends on the
// text alone.
//
// A Classes is read-only once built or read, and Lookup allocates nothing.
package wordclass

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"herald/learn"
)

// Classes maps word forms to their two cluster numbers. Cluster numbers start at 1; 0
// means the word was not clustered.
type Classes struct {
	fine, coarse int
	byKey        map[uint64]uint32 // fine<<16 | coarse
	forms        []string          // in file order
}

// Lookup returns the fine and coarse clusters of w (0, 0 when w is unknown).
func (l *Classes) Lookup(w string) (fine, coarse int) {
	if l == nil {
		return 0, 0
	}
	c, ok := l.byKey[key(w)]
	if !ok {
		return 0, 0
	}
	return int(c >> 16), int(c & 0xffff)
}

// Len is the number of words in the lexicon.
func (l *Classes) Len() int {
	if l == nil {
		return 0
	}
	return len(l.byKey)
}

// Words are the clustered forms (lowercased, digits as 0), most frequent first.
func (l *Classes) Words() []string {
	if l == nil {
		return nil
	}
	return l.forms
}

// key hashes w lowercased (ASCII) with every digit read as 0, so that "1998" and "2003"
// share a cluster (FNV-1a, 64 bits).
func key(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(fold(w[i]))
		h *= 1099511628211
	}
	return h
}

func fold(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	case '1' <= c && c <= '9':
		return '0'
	}
	return c
}

// normal is the form key hashes, as a string.
func normal(w string) string {
	b := []byte(w)
	for i, c := range b {
		b[i] = fold(c)
	}
	return string(b)
}

// Options control Build. The zero value of a field means its default.
type Options struct {
	// MinCount is how often a word must occur to be clustered (default 3).
	MinCount int
	// Contexts is how many of the most frequent words serve as context (default 1000).
	Contexts int
	// FineClusters and CoarseClusters are the two numbers of clusters (defaults 800, 80).
	FineClusters, CoarseClusters int
	// Iterations bounds the k-means iterations of each clustering (default 20).
	Iterations int
}

// DefaultOptions are the settings of the shipped lexicon.
func DefaultOptions() Options {
	return Options{MinCount: 3, Contexts: 1000, FineClusters: 800, CoarseClusters: 80, Iterations: 20}
}

func (o *Options) defaults() {
	d := DefaultOptions()
	if o.MinCount <= 0 {
		o.MinCount = d.MinCount
	}
	if o.Contexts <= 0 {
		o.Contexts = d.Contexts
	}
	if o.FineClusters <= 0 {
		o.FineClusters = d.FineClusters
	}
	if o.CoarseClusters <= 0 {
		o.CoarseClusters = d.CoarseClusters
	}
	if o.Iterations <= 0 {
		o.Iterations = d.Iterations
	}
}

// Corpus collects the text to cluster, one sentence at a time.
type Corpus struct {
	ids    map[string]int32
	forms  []string
	counts []int
	tokens []int32 // word ids, each sentence followed by boundary
}

const boundary = -1

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{ids: make(map[string]int32)} }

// Add appends a sentence of words.
func (c *Corpus) Add(words []string) {
	if len(words) == 0 {
		return
	}
	for _, w := range words {
		n := normal(w)
		id, ok := c.ids[n]
		if !ok {
			id = int32(len(c.forms))
			c.ids[n] = id
			c.forms = append(c.forms, n)
			c.counts = append(c.counts, 0)
		}
		c.counts[id]++
		c.tokens = append(c.tokens, id)
	}
	c.tokens = append(c.tokens, boundary)
}

// Tokens is the number of words added.
func (c *Corpus) Tokens() int { return len(c.tokens) - c.sentences() }

func (c *Corpus) sentences() int {
	n := 0
	for _, t := range c.tokens {
		if t == boundary {
			n++
		}
	}
	return n
}

// Build clusters the words of the corpus. The same corpus and options give the same
// lexicon.
func Build(c *Corpus, opt Options) (*Classes, error) {
	opt.defaults()
	// The vocabulary, most frequent first; ties by form, so the order is fixed.
	var vocab []int32
	for id, n := range c.counts {
		// A form with a space in it could not be written as one field of the file.
		if n >= opt.MinCount && !strings.ContainsFunc(c.forms[id], unicode.IsSpace) {
			vocab = append(vocab, int32(id))
		}
	}
	slices.SortFunc(vocab, func(a, b int32) int {
		if c.counts[a] != c.counts[b] {
			return c.counts[b] - c.counts[a]
		}
		return strings.Compare(c.forms[a], c.forms[b])
	})
	if len(vocab) < opt.FineClusters || len(vocab) < opt.CoarseClusters {
		return nil, fmt.Errorf("cluster: %d words occur %d times or more, fewer than the clusters asked for", len(vocab), opt.MinCount)
	}
	if opt.FineClusters >= 1<<16 || opt.CoarseClusters >= 1<<16 {
		return nil, errors.New("cluster: at most 65535 clusters")
	}
	rank := make([]int32, len(c.forms)) // 1 + position in vocab, 0 outside it
	for r, id := range vocab {
		rank[id] = int32(r + 1)
	}
	vectors := c.contextVectors(vocab, rank, opt.Contexts)
	fine := kmeans(vectors, opt.FineClusters, opt.Iterations)
	coarse := kmeans(vectors, opt.CoarseClusters, opt.Iterations)
	l := &Classes{fine: opt.FineClusters, coarse: opt.CoarseClusters, byKey: make(map[uint64]uint32, len(vocab))}
	for r, id := range vocab {
		l.byKey[key(c.forms[id])] = uint32(fine[r]+1)<<16 | uint32(coarse[r]+1)
	}
	l.forms = make([]string, len(vocab))
	for r, id := range vocab {
		l.forms[r] = c.forms[id]
	}
	return l, nil
}

// sparse is a set of unit vectors in compressed rows.
type sparse struct {
	dims   int
	start  []int // row r is dim[start[r]:start[r+1]]
	dim    []int32
	val    []float32
	weight []float32 // how much each row counts in a centroid
}

// contextVectors describes each vocabulary word by its left and right neighbours: the
// contexts most frequent words each have a dimension per side, every other word shares one,
// and so does the sentence boundary.
func (c *Corpus) contextVectors(vocab []int32, rank []int32, contexts int) *sparse {
	contexts = min(contexts, len(vocab))
	side := int32(contexts + 2) // contexts, "other", boundary
	ctx := func(t int32) int32 {
		switch {
		case t == boundary:
			return side - 1
		case rank[t] >= 1 && rank[t] <= int32(contexts):
			return rank[t] - 1
		default:
			return side - 2
		}
	}
	// (row, dim) pairs, counted by sorting.
	pairs := make([]uint64, 0, 2*len(c.tokens))
	prev := int32(boundary)
	for i, t := range c.tokens {
		if t == boundary {
			prev = boundary
			continue
		}
		next := int32(boundary)
		if i+1 < len(c.tokens) {
			next = c.tokens[i+1]
		}
		if r := rank[t]; r > 0 {
			row := uint64(r - 1)
			pairs = append(pairs, row<<32|uint64(ctx(prev)), row<<32|uint64(side+ctx(next)))
		}
		prev = t
	}
	slices.Sort(pairs)
	s := &sparse{dims: int(2 * side), start: make([]int, 1, len(vocab)+1), weight: make([]float32, len(vocab))}
	for i := 0; i < len(pairs); {
		row := int(pairs[i] >> 32)
		for len(s.start) <= row { // rows without pairs cannot occur, but keep the index right
			s.start = append(s.start, len(s.dim))
		}
		j := i
		total := 0
		for j < len(pairs) && int(pairs[j]>>32) == row {
			k := j
			for k < len(pairs) && pairs[k] == pairs[j] {
				k++
			}
			s.dim = append(s.dim, int32(pairs[j]&0xffffffff))
			s.val = append(s.val, float32(k-j))
			total += k - j
			j = k
		}
		// Square roots of the probabilities: a unit vector whose dot products are the
		// Bhattacharyya coefficients of the distributions.
		for k := s.start[row]; k < len(s.dim); k++ {
			s.val[k] = float32(math.Sqrt(float64(s.val[k]) / float64(total)))
		}
		s.weight[row] = float32(math.Log1p(float64(total)))
		s.start = append(s.start, len(s.dim))
		i = j
	}
	for len(s.start) <= len(vocab) {
		s.start = append(s.start, len(s.dim))
	}
	return s
}

// kmeans is spherical k-means over the rows of s, starting from the first k rows (the
// most frequent words), and returns each row's cluster.
func kmeans(s *sparse, k, iterations int) []int {
	rows := len(s.start) - 1
	d := s.dims
	// Centroids are stored dimension-major, so that scoring a sparse row against all of
	// them reads contiguous memory.
	cent := make([]float32, d*k)
	for c := 0; c < k; c++ {
		for j := s.start[c]; j < s.start[c+1]; j++ {
			cent[int(s.dim[j])*k+c] = s.val[j]
		}
	}
	assign := make([]int, rows)
	for i := range assign {
		assign[i] = -1
	}
	scores := make([]float32, k)
	sum := make([]float64, d*k)
	for it := 0; it < iterations; it++ {
		changed := 0
		for r := 0; r < rows; r++ {
			clear(scores)
			for j := s.start[r]; j < s.start[r+1]; j++ {
				v := s.val[j]
				col := cent[int(s.dim[j])*k : int(s.dim[j])*k+k]
				for c, x := range col {
					scores[c] += v * x
				}
			}
			best := 0
			for c := 1; c < k; c++ {
				if scores[c] > scores[best] {
					best = c
				}
			}
			if assign[r] != best {
				assign[r] = best
				changed++
			}
		}
		if changed == 0 {
			break
		}
		clear(sum)
		for r := 0; r < rows; r++ {
			c, w := assign[r], float64(s.weight[r])
			for j := s.start[r]; j < s.start[r+1]; j++ {
				sum[int(s.dim[j])*k+c] += w * float64(s.val[j])
			}
		}
		norms := make([]float64, k)
		for i, x := range sum {
			norms[i%k] += x * x
		}
		for i, x := range sum {
			if n := norms[i%k]; n > 0 {
				cent[i] = float32(x / math.Sqrt(n))
			} else {
				cent[i] = 0 // an empty cluster stays empty
			}
		}
	}
	return assign
}

// File is the name `herald train clusters` gives the lexicon.
const File = "clusters.model"

// The file follows learn's convention ("HERALD clusters 2"); its payload is the numbers of
// fine and coarse clusters, the number of words, then each word in the order of its
// frequency in the text it was built from, with its fine and coarse cluster. Models that
// keep a copy (tagger, parser, recognizer) store the same payload inside their own files.
const (
	fileKind    = "clusters"
	fileVersion = 2
)

// Write encodes the lexicon. The same lexicon always gives the same bytes.
func (l *Classes) Write(w io.Writer) error {
	e := learn.NewEncoder(fileKind, fileVersion)
	l.encode(e)
	_, err := e.WriteTo(w)
	return err
}

func (l *Classes) encode(e *learn.Encoder) {
	e.Uvarint(uint64(l.fine))
	e.Uvarint(uint64(l.coarse))
	e.Uvarint(uint64(len(l.forms)))
	for _, f := range l.forms {
		fine, coarse := l.Lookup(f)
		e.String(f)
		e.Uvarint(uint64(fine))
		e.Uvarint(uint64(coarse))
	}
}

// Read decodes a lexicon written by Write.
func Read(r io.Reader) (*Classes, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	l := decode(d)
	if err := d.Finish(); err != nil {
		return nil, err
	}
	return l, nil
}

// EncodeOptional appends a lexicon, or its absence (nil), to a model file that keeps a
// copy of one: a byte 1 or 0, then the payload of a clusters file.
func EncodeOptional(e *learn.Encoder, l *Classes) {
	if l == nil {
		e.Uvarint(0)
		return
	}
	e.Uvarint(1)
	l.encode(e)
}

// DecodeOptional reads what EncodeOptional wrote; errors are d's. The lexicon's words
// are substrings of the file's data.
func DecodeOptional(d *learn.Decoder) *Classes {
	if d.Int("clusters present", 1) == 0 {
		return nil
	}
	return decode(d)
}

func decode(d *learn.Decoder) *Classes {
	fine, coarse := d.Int("fine clusters", 1<<16-1), d.Int("coarse clusters", 1<<16-1)
	if d.Err() == nil && (fine < 1 || coarse < 1) {
		d.Failf("%d and %d clusters", fine, coarse)
	}
	n := d.Count("words", 1<<24)
	l := &Classes{fine: fine, coarse: coarse, byKey: make(map[uint64]uint32, n), forms: make([]string, 0, n)}
	for range n {
		f := d.String("word")
		a, b := d.Int("fine cluster", fine), d.Int("coarse cluster", coarse)
		if d.Err() != nil {
			return nil
		}
		if a < 1 || b < 1 || !utf8.ValidString(f) {
			d.Failf("word %q in clusters %d and %d", f, a, b)
			return nil
		}
		l.byKey[key(f)] = uint32(a)<<16 | uint32(b)
		l.forms = append(l.forms, f)
	}
	if d.Err() != nil {
		return nil
	}
	return l
}
