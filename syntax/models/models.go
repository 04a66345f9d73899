// Package models holds the syntax stage's trained model files, embedded in the binary:
// tagger.model, lemma.model and parser.model, as `herald train tagger` and `herald train
// parser` write them (clusters.model, which the tagger and the parser keep a copy of, is
// not embedded). Each is a string in the binary's read-only data, which the packages
// tagger, lemma and parser decode in their Embedded functions; strings they keep are
// substrings of it, and cost no heap.
package models

import _ "embed"

var (
	//go:embed tagger.model
	tagger string
	//go:embed lemma.model
	lemma string
	//go:embed parser.model
	parser string
)

// Tagger is the bytes of tagger.model.
func Tagger() string { return tagger }

// Lemma is the bytes of lemma.model.
func Lemma() string { return lemma }

// Parser is the bytes of parser.model.
func Parser() string { return parser }
