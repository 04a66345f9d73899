package learn

// ScoreCache keeps, for the words a worker has met, the scores of the features that
// depend on the word alone (its form, affixes, shape, tag-dictionary entry …), so that a
// frequent word's are looked up once per worker instead of hashed and summed again at
// each occurrence. Scores are integer sums in a table's quantized unit, and integer
// addition does not depend on order, so a cached sum is exactly the one recomputing it
// would give: output is the same with the cache as without.
//
// A ScoreCache belongs to one goroutine, like the Tagger or Recognizer that holds it. It
// stops growing at its limit rather than evicting: the words of the first documents a
// worker reads are mostly the frequent ones, and a full cache costs a failed lookup.
// Vectors are stored in fixed chunks, so that growing never copies what is cached and a
// vector Lookup returns stays where it is.
type ScoreCache[K comparable] struct {
	width, limit int
	index        map[K]int32 // key → number of the vector
	chunks       [][]int32
}

// chunkVectors is how many vectors one chunk of a ScoreCache holds.
const chunkVectors = 256

// NewScoreCache returns a cache of score vectors width wide, holding at most limit of them.
func NewScoreCache[K comparable](width, limit int) *ScoreCache[K] {
	return &ScoreCache[K]{width: width, limit: limit, index: make(map[K]int32)}
}

// Lookup returns the scores cached for k (width long), which the caller must not
// modify, and whether there were any.
func (c *ScoreCache[K]) Lookup(k K) ([]int32, bool) {
	v, ok := c.index[k]
	if !ok {
		return nil, false
	}
	off := int(v%chunkVectors) * c.width
	return c.chunks[v/chunkVectors][off : off+c.width : off+c.width], true
}

// Put caches a copy of scores (width long) for k, unless the cache is full.
func (c *ScoreCache[K]) Put(k K, scores []int32) {
	n := len(c.index)
	if n >= c.limit {
		return
	}
	if n%chunkVectors == 0 {
		c.chunks = append(c.chunks, make([]int32, 0, chunkVectors*c.width))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, scores[:c.width]...)
	c.index[k] = int32(n)
}

// Len is the number of cached vectors.
func (c *ScoreCache[K]) Len() int { return len(c.index) }
