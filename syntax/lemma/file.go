package lemma

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// The model file is gzip of a magic string, then the lexicon, the rules and the
// case-keeping tags, as varints and length-prefixed strings in sorted order, so the same
// model always gives the same bytes.
const (
	fileMagic   = "HERALD-LEMMA"
	fileVersion = 1
	maxString   = 1 << 10
	maxCount    = 1 << 24
)

// ErrFormat reports a file that is not a lemmatizer model, or a damaged one.
var ErrFormat = errors.New("not a Herald lemmatizer model")

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	putString := func(s string) { put(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(fileMagic)
	put(fileVersion)
	putString(m.meta)

	forms := sortedKeys(m.forms)
	put(uint64(len(forms)))
	for _, f := range forms {
		putString(f)
		put(uint64(len(m.forms[f])))
		for _, e := range m.forms[f] {
			putString(e.upos)
			putString(e.xpos)
			putString(e.lemma)
		}
	}
	tags := sortedKeys(m.rules)
	put(uint64(len(tags)))
	for _, t := range tags {
		putString(t)
		endings := sortedKeys(m.rules[t])
		put(uint64(len(endings)))
		for _, e := range endings {
			sc := m.rules[t][e]
			putString(e)
			put(uint64(sc.strip))
			putString(sc.add)
		}
	}
	keep := sortedKeys(m.keepCase)
	put(uint64(len(keep)))
	for _, t := range keep {
		putString(t)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	d := decoder{r: bufio.NewReader(zr)}
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(d.r, magic); err != nil || string(magic) != fileMagic {
		return nil, ErrFormat
	}
	if v := d.count("version"); d.err == nil && v != fileVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrFormat, v, fileVersion)
	}
	m := &Model{forms: map[string][]entry{}, rules: map[string]map[string]script{}, keepCase: map[string]bool{}}
	m.meta = d.string("description")
	nforms := d.count("form count")
	for i := 0; i < nforms && d.err == nil; i++ {
		f := d.string("form")
		n := d.count("entry count")
		es := make([]entry, 0, min(n, 64))
		for j := 0; j < n && d.err == nil; j++ {
			es = append(es, entry{upos: d.string("UPOS"), xpos: d.string("XPOS"), lemma: d.string("lemma")})
		}
		m.forms[f] = es
	}
	ntags := d.count("tag count")
	for i := 0; i < ntags && d.err == nil; i++ {
		t := d.string("tag")
		n := d.count("rule count")
		table := make(map[string]script, min(n, 1024))
		for j := 0; j < n && d.err == nil; j++ {
			e := d.string("ending")
			strip := d.count("strip")
			table[e] = script{strip: strip, add: d.string("suffix")}
		}
		m.rules[t] = table
	}
	nkeep := d.count("case tag count")
	for i := 0; i < nkeep && d.err == nil; i++ {
		m.keepCase[d.string("case tag")] = true
	}
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

// decoder reads varints and strings, keeping the first error.
type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) count(what string) int {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = fmt.Errorf("%w: reading %s: %v", ErrFormat, what, err)
		return 0
	}
	if x > maxCount {
		d.err = fmt.Errorf("%w: %s %d out of range", ErrFormat, what, x)
		return 0
	}
	return int(x)
}

func (d *decoder) string(what string) string {
	n := d.count(what + " length")
	if d.err != nil {
		return ""
	}
	if n > maxString {
		d.err = fmt.Errorf("%w: %s of %d bytes", ErrFormat, what, n)
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = fmt.Errorf("%w: reading %s: %v", ErrFormat, what, err)
		return ""
	}
	return string(b)
}
