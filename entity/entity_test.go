package entity_test

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"herald/document"
	"herald/entity"
	"herald/pipeline"
)

var (
	setupOnce sync.Once
	pipe      *pipeline.Pipeline
	models    *entity.Models
	setupErr  error
)

func setup(t testing.TB) (*pipeline.Pipeline, *entity.Models) {
	t.Helper()
	setupOnce.Do(func() {
		models, setupErr = entity.Load()
		if setupErr != nil {
			return
		}
		pipe, setupErr = pipeline.New(pipeline.Options{Workers: 1, Entity: models,
			Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return pipe, models
}

// analyze runs the whole pipeline, entity stage included, over text.
func analyze(t testing.TB, text string) *document.Document {
	t.Helper()
	p, _ := setup(t)
	res := p.Process(&document.Document{ID: "test", Raw: []byte(text)})
	if res.Doc == nil {
		t.Fatalf("no document: %v", res.Errs)
	}
	return res.Doc
}

func BenchmarkAnnotate(b *testing.B) {
	raw, err := os.ReadFile("../examples/geneva-talks.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := analyze(b, strings.Repeat(string(raw)+"\n", 20))
	_, m := setup(b)
	a := m.NewAnnotator()
	tokens := 0
	for _, s := range doc.Sentences {
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Annotate(doc)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
