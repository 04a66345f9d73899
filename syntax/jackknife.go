package syntax

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"time"

	"herald/conllu"
	"herald/syntax/tagger"
)

// Tags are one sentence's predicted UPOS and XPOS.
type Tags struct{ UPOS, XPOS []string }

// Jackknife tags every training sentence with a tagger trained on the other k-1 folds
// (sentence i is in fold i%k), so that the parser learns from tags as wrong as those it
// will see at parse time rather than from gold tags it will never see. Each tagger is
// trained with opt; dev picks its epoch, as for the shipped tagger.
func Jackknife(train, dev []*conllu.Sentence, k int, opt tagger.TrainOptions, log io.Writer) ([]Tags, error) {
	if k < 2 {
		return nil, fmt.Errorf("jackknife needs at least 2 folds, got %d", k)
	}
	out := make([]Tags, len(train))
	wrong, total := 0, 0
	var words []string
	for fold := 0; fold < k; fold++ {
		start := time.Now()
		var rest []*conllu.Sentence
		for i, s := range train {
			if i%k != fold {
				rest = append(rest, s)
			}
		}
		m, err := tagger.Train(rest, dev, opt, nil)
		if err != nil {
			return nil, fmt.Errorf("jackknife fold %d: %w", fold+1, err)
		}
		tg := m.NewTrainingTagger()
		for i := fold; i < len(train); i += k {
			s := train[i]
			words = words[:0]
			for _, w := range s.Words {
				words = append(words, w.Form)
			}
			t := Tags{make([]string, len(words)), make([]string, len(words))}
			tg.Tag(words, t.UPOS, t.XPOS)
			for j, w := range s.Words {
				total++
				if t.UPOS[j] != w.UPOS {
					wrong++
				}
			}
			out[i] = t
		}
		if log != nil {
			fmt.Fprintf(log, "jackknife fold %d of %d: tagger trained in %s\n", fold+1, k, time.Since(start).Round(time.Second))
		}
	}
	if log != nil {
		fmt.Fprintf(log, "jackknifed UPOS accuracy on train: %.2f%%\n", 100-100*float64(wrong)/float64(max(total, 1)))
	}
	return out, nil
}

// CachedJackknife is Jackknife, keeping its tags in the file at path ("" for none) and
// reusing them while the training sentences' words, k and the seed are the same. The
// tags of a jackknife are the expensive part of training a parser; experiments with the
// parser alone need not pay for them twice.
func CachedJackknife(path string, train, dev []*conllu.Sentence, k int, opt tagger.TrainOptions, log io.Writer) ([]Tags, error) {
	if path == "" {
		return Jackknife(train, dev, k, opt, log)
	}
	key := jackknifeKey(train, k, opt.Seed)
	if data, err := os.ReadFile(path); err == nil {
		var c jackknifeCache
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err == nil && c.Key == key && len(c.Tags) == len(train) {
			if log != nil {
				fmt.Fprintf(log, "jackknifed tags from %s\n", path)
			}
			return c.Tags, nil
		}
	}
	tags, err := Jackknife(train, dev, k, opt, log)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(jackknifeCache{key, tags}); err != nil {
		return nil, err
	}
	return tags, os.WriteFile(path, buf.Bytes(), 0o644)
}

type jackknifeCache struct {
	Key  uint64
	Tags []Tags
}

// jackknifeKey fingerprints what the jackknifed tags depend on besides the code.
func jackknifeKey(train []*conllu.Sentence, k int, seed uint64) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d %d\n", k, seed)
	for _, s := range train {
		for _, w := range s.Words {
			h.Write([]byte(w.Form))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	return h.Sum64()
}
