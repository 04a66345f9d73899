package dateline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleCase turns an all-caps place into the way it is usually written: "NEW DELHI" → "New
// Delhi", "RIO DE JANEIRO" → "Rio de Janeiro", "PORT-AU-PRINCE" → "Port-au-Prince",
// "ST. PETERSBURG" → "St. Petersburg", "N'DJAMENA" → "N'Djamena", "MCALLEN" → "McAllen".
// Particles stay lowercase except at the very start ("EL PASO" → "El Paso").
func titleCase(caps string) string {
	var b strings.Builder
	b.Grow(len(caps))
	for wi, word := range strings.Split(caps, " ") {
		if wi > 0 {
			b.WriteByte(' ')
		}
		for pi, part := range strings.Split(word, "-") {
			if pi > 0 {
				b.WriteByte('-')
			}
			lower := strings.ToLower(part)
			if (wi > 0 || pi > 0) && isParticle(lower) {
				b.WriteString(lower)
				continue
			}
			capitalize(&b, lower)
		}
	}
	return b.String()
}

// capitalize writes a lowercase word with its first letter raised, and the letter after a
// one-letter elision ("n'djamena" → "N'Djamena", but "john's" → "John's") or after "Mc".
func capitalize(b *strings.Builder, lower string) {
	raise := true
	for k, r := range lower {
		switch {
		case raise && unicode.IsLetter(r):
			b.WriteRune(unicode.ToUpper(r))
			raise = false
			continue
		case r == '\'' || r == '’':
			raise = k == 1 // N'Djamena, O'Hare, D'Iberville
		case r == '/':
			raise = true // DALLAS/FORT WORTH → Dallas/Fort Worth
		case k == 1 && r == 'c' && strings.HasPrefix(lower, "mc") && len(lower) > 3:
			raise = true // McAllen, McLean
		}
		b.WriteRune(r)
	}
}

// isParticle reports the small words that stay lowercase inside a place name: "Dar es Salaam",
// "Frankfurt am Main", "Ras al-Khaimah", "Port of Spain".
func isParticle(w string) bool {
	if len(w) > 5 || !utf8.ValidString(w) {
		return false
	}
	switch strings.ToLower(w) {
	case "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "es", "el", "al",
		"la", "le", "les", "los", "las", "of", "the", "upon", "on", "am", "an", "der", "den",
		"von", "van", "y", "e", "en", "sur", "au", "aux", "sous", "bin", "ibn":
		return true
	}
	return false
}
