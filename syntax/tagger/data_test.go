package tagger

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"herald/conllu"
	"herald/syntax/models"
)

// The treebanks live in the repository's sibling "shared"; tests that need them skip
// when it is absent.
const udDir = "../../../shared/data/ud"

var (
	trainDev  = flag.Bool("train-dev", false, "train on EWT train and report dev only, for tuning")
	trainOpts = flag.String("options", "", "with -train-dev: JSON overriding fields of DefaultTrainOptions")
	devOut    = flag.String("out", "", "with -train-dev: also write the model to this file (never ../models)")
)

func readTreebank(t testing.TB, rel string) []*conllu.Sentence {
	t.Helper()
	path := filepath.Join(udDir, rel)
	sents, err := conllu.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("treebank %s not found (the shared data is not checked out next to the repository)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// The shipped model is built by `herald train tagger` (see README.md, Models), which
// supplies the word clusters and the gazetteer's demonyms this package cannot reach.

// TestTrainDevOnly trains on EWT train and reports dev accuracy per epoch, without
// writing a model or looking at test: the run to tune options with.
//
//	go test ./syntax/tagger -run TestTrainDevOnly -train-dev -timeout 30m -v [-out /tmp/tagger.model]
func TestTrainDevOnly(t *testing.T) {
	if !*trainDev {
		t.Skip("run with -train-dev to tune on dev")
	}
	train := readTreebank(t, "ewt/en_ewt-ud-train.conllu")
	dev := readTreebank(t, "ewt/en_ewt-ud-dev.conllu")
	opt := DefaultTrainOptions()
	opt.RetrainWithDev = false
	if *trainOpts != "" {
		if err := json.Unmarshal([]byte(*trainOpts), &opt); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("options %+v", opt)
	start := time.Now()
	m, err := Train(train, dev, opt, testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v; %s; %d bytes", time.Since(start).Round(time.Second), m.Info(), buf.Len())
	if *devOut != "" {
		if err := os.WriteFile(*devOut, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(string(p[:len(p)-1]))
	return len(p), nil
}

func TestTrainOnEWTSliceIsReproducible(t *testing.T) {
	train := readTreebank(t, "ewt/en_ewt-ud-train.conllu")[:400]
	dev := readTreebank(t, "ewt/en_ewt-ud-dev.conllu")[:100]
	opt := DefaultTrainOptions()
	opt.Epochs = 3
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m, err := Train(train, dev, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("training twice with the same seed gave different model bytes")
	}
}

// BenchmarkEmbedded decodes the embedded model, as Embedded does on its first call.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(models.Tagger()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEmbeddedWritesItself reads the embedded model and writes it again: the same bytes,
// so that nothing of the file is lost in reading, and a retrain that gives the same model
// gives the same file.
func TestEmbeddedWritesItself(t *testing.T) {
	m, err := decode(models.Tagger())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != models.Tagger() {
		t.Errorf("the embedded %s read and written again differs: %d bytes, want %d", File, buf.Len(), len(models.Tagger()))
	}
}
