// Package clean turns the raw bytes of one article into the normalized text that every later
// Herald stage addresses by byte offsets, and records every repair it makes on the way.
//
// Clean reads raw bytes and produces a Result: the text, the charset it was decoded from, the
// repairs (document.Repair, offsets into the cleaned text) and the problems (damage that was
// recovered but that the caller should report). The stages, in order:
//
//  1. Charset: a byte-order mark (UTF-8, UTF-16LE/BE), valid UTF-8, UTF-8 with a few invalid
//     bytes (each invalid run becomes U+FFFD, a Repair "invalid-utf8" and a Problem), else
//     Windows-1252, or ISO-8859-1 when the bytes hold C1 codes Windows-1252 leaves undefined.
//     UTF-16 without a BOM is recognised by its NUL-byte pattern. NUL bytes, mostly-control
//     input and known file signatures (PNG, PDF, ZIP, ...) are rejected as ErrBinary.
//  2. Mojibake: UTF-8 that was decoded as Windows-1252 or Latin-1, up to several times
//     ("Ã¢â‚¬â„¢" -> "’"), is re-encoded and decoded again where the evidence is strong;
//     see mojibake.go for the rules. Repairs of kind "mojibake".
//  3. Whitespace and controls: CRLF and CR become LF, tabs and Unicode spaces a plain space,
//     runs of spaces collapse, trailing spaces go, three or more newlines become one blank
//     line, the text is trimmed. C0/C1 control characters, zero-width spaces, stray BOMs and
//     soft hyphens are removed and recorded as Repairs of kind "control"; C1 codes that
//     Windows-1252 defines (0x80-0x9F, e.g. U+0093) are read as those characters, as
//     ftfy does, and recorded as "mojibake". Pure whitespace normalization is not recorded:
//     it would bury the useful repairs under thousands of CRLF fixes.
//  4. Unicode NFC (golang.org/x/text/unicode/norm). It runs last because deleting a control
//     character can join a base letter and a combining mark that NFC then composes.
//
// Soft hyphens (U+00AD) are removed: they are invisible hyphenation hints that split words
// ("inter\u00adnational") and would defeat tokenizers and dictionary lookups downstream.
// Zero-width joiners and non-joiners stay: emoji sequences and Persian or Indic text need them.
//
// Every repair satisfies Text[Start:End] == After; Before is the text as it arrived (for
// invalid-utf8 repairs, the raw invalid bytes). Clean is deterministic and idempotent:
// cleaning its own output changes nothing.
package clean

import (
	"errors"
	"strconv"
	"strings"

	"herald/document"
)

// Result is what Clean makes of one document's bytes.
type Result struct {
	Text    string
	Charset string // "utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"
	// Repairs are sorted by Start; offsets are into Text, end exclusive. Before is the
	// original, After is Text[Start:End].
	Repairs []document.Repair
	// Problems mark input that was bad but was recovered (e.g. invalid UTF-8 replaced): the
	// caller reports them and exits 1.
	Problems []Problem
}

// Problem is damage in the input that Clean recovered from.
type Problem struct {
	Offset int // byte offset in the raw input
	Msg    string
}

func (p Problem) String() string { return p.Msg }

// Sentinel errors, wrapped with detail; test with errors.Is.
var (
	// ErrEmpty: zero bytes, or nothing but whitespace, control characters and BOMs.
	ErrEmpty = errors.New("empty document")
	// ErrBinary: the input is not text (NUL bytes, mostly control codes, a file signature).
	ErrBinary = errors.New("binary data, not text")
)

// inputError carries a self-contained message and unwraps to its sentinel.
type inputError struct {
	sentinel error
	msg      string
}

func (e *inputError) Error() string { return e.msg }
func (e *inputError) Unwrap() error { return e.sentinel }

// Text cleans a string; it is Clean([]byte(s)).
func Text(s string) (Result, error) { return Clean([]byte(s)) }

// maxMojibakePasses bounds the re-decoding loop. Each productive pass shortens the text or
// removes a candidate, so real input needs at most three (triple mojibake); the bound only
// protects against adversarial input.
const maxMojibakePasses = 8

// Clean decodes raw, repairs mojibake, normalizes whitespace and controls, and applies NFC.
// It returns an error wrapping ErrEmpty or ErrBinary when raw is not usable text.
func Clean(raw []byte) (Result, error) {
	dec, err := decode(raw)
	if err != nil {
		return Result{}, err
	}
	text, reps := dec.text, dec.repairs
	var m mojibakeFixer
	for round := 0; round < maxMojibakePasses; round++ {
		fixed := false
		for pass := 0; pass < maxMojibakePasses; pass++ {
			edits := m.find(text)
			if len(edits) == 0 {
				break
			}
			next := applyEdits(text, edits)
			reps = remap(reps, edits, text, next)
			text = next
			fixed = true
		}
		if round > 0 && !fixed {
			break
		}
		if edits := tidy(text); len(edits) > 0 {
			next := applyEdits(text, edits)
			reps = remap(reps, edits, text, next)
			text = next
		}
		if edits := nfcEdits(text); len(edits) > 0 {
			next := applyEdits(text, edits)
			reps = remap(reps, edits, text, next)
			text = next
		}
		// One more round only if the normalized text still shows mojibake (e.g. a
		// control character that split "Ã©" is gone now).
		if len(m.find(text)) == 0 {
			break
		}
	}
	if text == "" {
		return Result{}, &inputError{ErrEmpty, emptyMessage(len(raw))}
	}
	return Result{Text: text, Charset: dec.charset, Repairs: reps, Problems: dec.problems}, nil
}

func emptyMessage(n int) string {
	if n == 0 {
		return "empty document (0 bytes)"
	}
	return "empty document: " + strconv.Itoa(n) + " bytes of only whitespace, control characters or byte-order marks"
}

// edit replaces src[start:end] with repl. A non-empty kind makes it a recorded Repair.
type edit struct {
	start, end int
	repl       string
	kind       string
}

// applyEdits returns src with the sorted, non-overlapping edits applied.
func applyEdits(src string, edits []edit) string {
	n := len(src)
	for _, e := range edits {
		n += len(e.repl) - (e.end - e.start)
	}
	var b strings.Builder
	b.Grow(n)
	pos := 0
	for _, e := range edits {
		b.WriteString(src[pos:e.start])
		b.WriteString(e.repl)
		pos = e.end
	}
	b.WriteString(src[pos:])
	return b.String()
}

// remap carries repairs (offsets into src) through edits that turn src into dst. Repairs and
// edits that overlap merge into one repair whose Before is stitched from the repairs'
// originals and the untouched src between them; a recorded edit touching no repair becomes
// a new repair; unrecorded edits only move offsets. After is always re-read from dst.
func remap(reps []document.Repair, edits []edit, src, dst string) []document.Repair {
	if len(edits) == 0 {
		return reps
	}
	out := make([]document.Repair, 0, len(reps)+len(edits))
	delta := 0
	i, j := 0, 0
	for i < len(reps) || j < len(edits) {
		var cs, ce int
		firstRep, firstEdit := i, j
		if j >= len(edits) || (i < len(reps) && reps[i].Start <= edits[j].start) {
			cs, ce = reps[i].Start, reps[i].End
			i++
		} else {
			cs, ce = edits[j].start, edits[j].end
			j++
		}
		dstStart := cs + delta
		for {
			if i < len(reps) && reps[i].Start < ce {
				ce = max(ce, reps[i].End)
				i++
				continue
			}
			if j < len(edits) && edits[j].start < ce {
				ce = max(ce, edits[j].end)
				j++
				continue
			}
			break
		}
		for _, e := range edits[firstEdit:j] {
			delta += len(e.repl) - (e.end - e.start)
		}
		dstEnd := ce + delta
		clusterReps := reps[firstRep:i]
		if len(clusterReps) == 0 {
			kind := ""
			for _, e := range edits[firstEdit:j] {
				if e.kind != "" {
					kind = e.kind
					break
				}
			}
			if kind == "" {
				continue
			}
			out = append(out, document.Repair{Kind: kind, Start: dstStart, End: dstEnd,
				Before: src[cs:ce], After: dst[dstStart:dstEnd]})
			continue
		}
		if firstEdit == j { // no edit touches these repairs: they only move
			for _, r := range clusterReps {
				r.Start += dstStart - cs
				r.End += dstStart - cs
				out = append(out, r)
			}
			continue
		}
		var before strings.Builder
		pos := cs
		for _, r := range clusterReps {
			if r.Start > pos {
				before.WriteString(src[pos:r.Start])
			}
			before.WriteString(r.Before)
			pos = max(pos, r.End)
		}
		before.WriteString(src[pos:ce])
		out = append(out, document.Repair{Kind: clusterReps[0].Kind, Start: dstStart, End: dstEnd,
			Before: before.String(), After: dst[dstStart:dstEnd]})
	}
	return out
}
