package parser

import "testing"

// The floors the shipped model must keep on EWT dev with gold tags (the measured scores
// are in the report of the model; these leave a small margin for retraining noise).
const (
	devUASFloor = 87.0
	devLASFloor = 85.0
)

func TestDevAccuracy(t *testing.T) {
	m := loadModel(t)
	dev := readTreebank(t, "ewt/en_ewt-ud-dev.conllu")
	s := Evaluate(m, dev, nil)
	t.Logf("EWT dev, gold tags: UAS %.2f LAS %.2f (universal LAS %.2f) over %d words", s.UAS, s.LAS, s.UniversalLAS, s.Words)
	if s.UAS < devUASFloor || s.LAS < devLASFloor {
		t.Errorf("dev UAS %.2f LAS %.2f, want at least %.1f and %.1f", s.UAS, s.LAS, devUASFloor, devLASFloor)
	}
}
