// Package learn is the machine learning that Herald's trained stages share: an averaged
// perceptron over hashed features (the design of Collins 2002 as popularised for taggers and
// parsers by Honnibal), a deterministic training loop, the tables that score with the
// weights, and the model-file convention that every model package follows, trained or
// compiled (file.go: one header, one ErrFormat, Read and Embedded).
//
// Features are strings in spirit ("w=Tokayev", "p-1=NNP") but never built as strings:
// callers hash a template number and the parts of the feature straight into a uint64 with
// Hasher, so that extracting features allocates nothing. Weights are stored sparsely per
// feature, as (class, weight) pairs: most features only ever touch a few classes, so the
// table stays small even for a parser with ~100 labelled transitions.
package learn

// FNV-1a, 64 bit: fast, allocation-free, and stable across Go versions and machines, which a
// model file needs (maphash is seeded per process).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hasher builds one feature hash from a template id and any number of parts.
type Hasher uint64

// Feature starts a feature of template tmpl.
func Feature(tmpl uint16) Hasher {
	h := uint64(fnvOffset)
	h ^= uint64(tmpl & 0xff)
	h *= fnvPrime
	h ^= uint64(tmpl >> 8)
	h *= fnvPrime
	return Hasher(h)
}

// Str mixes a string part into the hash, followed by a separator so that ("ab","c") and
// ("a","bc") differ.
func (h Hasher) Str(s string) Hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	x ^= 0xff
	x *= fnvPrime
	return Hasher(x)
}

// Bytes mixes a byte-slice part into the hash exactly as Str mixes the same characters, so
// a caller can hash a word it has just normalized into a scratch buffer (lowercased,
// shaped) without turning the buffer into a string.
func (h Hasher) Bytes(b []byte) Hasher {
	x := uint64(h)
	for _, c := range b {
		x ^= uint64(c)
		x *= fnvPrime
	}
	x ^= 0xff
	x *= fnvPrime
	return Hasher(x)
}

// Int mixes a small integer part into the hash: its four low bytes, FNV-1a's way.
//
// Mixing a zero byte is a multiplication by the prime alone, so the steps of a part's
// high zero bytes fold into one multiplication by a power of the prime: the same hash
// in one or two multiplications for the parts below 2^16 (tags, labels, distances,
// most word numbers) instead of four, which is most of the parser's feature time.
func (h Hasher) Int(n int) Hasher {
	x := uint64(h)
	u := uint64(n)
	switch {
	case u < 1<<8:
		return Hasher((x ^ u) * fnvPrime4)
	case u < 1<<16:
		return Hasher(((x^u&0xff)*fnvPrime ^ u>>8) * fnvPrime3)
	}
	x = (x ^ u&0xff) * fnvPrime
	x = (x ^ u>>8&0xff) * fnvPrime
	x = (x ^ u>>16&0xff) * fnvPrime
	return Hasher((x ^ u>>24&0xff) * fnvPrime)
}

// Powers of fnvPrime, modulo 2^64 as the hash computes.
const (
	fnvPrime3 = fnvPrime * fnvPrime * fnvPrime % (1 << 64)
	fnvPrime4 = fnvPrime3 * fnvPrime % (1 << 64)
)

// Sum is the finished feature.
func (h Hasher) Sum() uint64 {
	// A final avalanche spreads FNV's weak low bits before the table takes them.
	x := uint64(h)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x
}
