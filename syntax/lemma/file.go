package lemma

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"herald/learn"
	"herald/syntax/models"
)

// File is the name `herald train tagger` gives the lemmatizer's model file.
const File = "lemma.model"

// The model file follows learn's convention ("HERALD lemma 2"); its payload is the
// description, the tags (the UPOS and XPOS that the lexicon's entries name by number),
// the lexicon (the number of forms and of entries in all, then the forms in order, each
// with its entries: UPOS and XPOS numbers and the lemma, as 1+n for the form's first n
// bytes, which most lemmas are, or 0 and the lemma), the rules (XPOS in order, each with its endings in order and their scripts)
// and the case-keeping tags in order. The same model always gives the same bytes.
const (
	fileKind    = "lemma"
	fileVersion = 2
	maxCount    = 1 << 24
)

// Write encodes the model.
func (m *Model) Write(w io.Writer) error {
	e := learn.NewEncoder(fileKind, fileVersion)
	e.String(m.meta)
	forms := sortedKeys(m.forms)
	tags := map[string]int{}
	var tagList []string
	for _, f := range forms {
		for _, en := range m.forms[f] {
			for _, t := range []string{en.upos, en.xpos} {
				if _, ok := tags[t]; !ok {
					tags[t] = len(tagList)
					tagList = append(tagList, t)
				}
			}
		}
	}
	e.Uvarint(uint64(len(tagList)))
	for _, t := range tagList {
		e.String(t)
	}
	e.Uvarint(uint64(len(forms)))
	entries := 0
	for _, f := range forms {
		entries += len(m.forms[f])
	}
	e.Uvarint(uint64(entries))
	for _, f := range forms {
		e.String(f)
		e.Uvarint(uint64(len(m.forms[f])))
		for _, en := range m.forms[f] {
			e.Uvarint(uint64(tags[en.upos]))
			e.Uvarint(uint64(tags[en.xpos]))
			if strings.HasPrefix(f, en.lemma) {
				e.Uvarint(uint64(1 + len(en.lemma)))
			} else {
				e.Uvarint(0)
				e.String(en.lemma)
			}
		}
	}
	xposes := sortedKeys(m.rules)
	e.Uvarint(uint64(len(xposes)))
	for _, t := range xposes {
		e.String(t)
		endings := sortedKeys(m.rules[t])
		e.Uvarint(uint64(len(endings)))
		for _, end := range endings {
			sc := m.rules[t][end]
			e.String(end)
			e.Uvarint(uint64(sc.strip))
			e.String(sc.add)
		}
	}
	keep := sortedKeys(m.keepCase)
	e.Uvarint(uint64(len(keep)))
	for _, t := range keep {
		e.String(t)
	}
	_, err := e.WriteTo(w)
	return err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Read decodes a model file.
func Read(r io.Reader) (*Model, error) {
	data, err := learn.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("lemma: %w", err)
	}
	return decode(data)
}

// Embedded returns the model embedded in the binary (syntax/models/lemma.model), decoded
// on the first call; every call returns the same Model. It is safe for concurrent use.
func Embedded() (*Model, error) { return embedded() }

var embedded = sync.OnceValues(func() (*Model, error) {
	m, err := decode(models.Lemma())
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", File, err)
	}
	return m, nil
})

// decode reads a model file held in data. The model's strings are substrings of data,
// and the entries of all forms share one array.
func decode(data string) (*Model, error) {
	d, err := learn.Open(data, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	m := &Model{meta: d.String("description")}
	tags := make([]string, d.Count("tags", maxCount))
	for i := range tags {
		tags[i] = d.String("tag")
	}
	nforms := d.Count("forms", maxCount)
	m.forms = make(map[string][]entry, nforms)
	arena := make([]entry, 0, d.Count("entries", maxCount))
	for i := 0; i < nforms && d.Err() == nil; i++ {
		f := d.String("form")
		n := d.Count("entries", cap(arena)-len(arena))
		start := len(arena)
		for j := 0; j < n && d.Err() == nil; j++ {
			u, x := d.Int("UPOS", len(tags)-1), d.Int("XPOS", len(tags)-1)
			var lemma string
			switch k := d.Int("lemma", len(f)+1); k {
			case 0:
				lemma = d.String("lemma")
			default:
				lemma = f[:k-1]
			}
			if d.Err() == nil {
				arena = append(arena, entry{upos: tags[u], xpos: tags[x], lemma: lemma})
			}
		}
		m.forms[f] = arena[start:len(arena):len(arena)]
	}
	ntags := d.Count("rule tags", maxCount)
	m.rules = make(map[string]map[string]script, ntags)
	for i := 0; i < ntags && d.Err() == nil; i++ {
		t := d.String("rule tag")
		n := d.Count("rules", maxCount)
		table := make(map[string]script, n)
		for j := 0; j < n && d.Err() == nil; j++ {
			end := d.String("ending")
			strip := d.Int("strip", maxCount)
			table[end] = script{strip: strip, add: d.String("suffix")}
		}
		m.rules[t] = table
	}
	nkeep := d.Count("case tags", maxCount)
	m.keepCase = make(map[string]bool, nkeep)
	for range nkeep {
		m.keepCase[d.String("case tag")] = true
	}
	if err := d.Finish(); err != nil {
		return nil, err
	}
	return m, nil
}
