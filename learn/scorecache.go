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
type ScoreCache[K comparable] struct {
	width, limit int
	index        map[K]int32 // key → offset in scores
	scores       []int32
}

// NewScoreCache returns a cache of score vectors width wide, holding at most limit of them.
func NewScoreCache[K comparable](width, limit int) *ScoreCache[K] {
	return &ScoreCache[K]{width: width, limit: limit, index: make(map[K]int32)}
}

// Get copies the scores cached for k into dst (width long) and reports whether there
// were any.
func (c *ScoreCache[K]) Get(k K, dst []int32) bool {
	off, ok := c.index[k]
	if ok {
		copy(dst[:c.width], c.scores[off:int(off)+c.width])
	}
	return ok
}

// Put caches scores (width long) for k, unless the cache is full.
func (c *ScoreCache[K]) Put(k K, scores []int32) {
	if len(c.index) >= c.limit {
		return
	}
	c.index[k] = int32(len(c.scores))
	c.scores = append(c.scores, scores[:c.width]...)
}

// Len is the number of cached vectors.
func (c *ScoreCache[K]) Len() int { return len(c.index) }
