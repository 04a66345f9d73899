package geo

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is the key a place name is looked up by: diacritics removed, lower case, words of
// letters and digits separated by single spaces, a leading "the" dropped. "Nur-Sultan",
// "nur sultan" and "NUR SULTAN" are one key, as are "Zürich" and "Zurich", and "the
// West Bank" and "West Bank". Scripts without case keep their letters ("北京").
func Fold(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range norm.NFD.String(strings.ToValidUTF8(name, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if r == 'ß' {
				b.WriteString("ss")
				continue
			}
			b.WriteRune(foldLetter(unicode.ToLower(r)))
		case r == '\'' || r == '’' || r == '.':
			// "Cote d'Ivoire" and "Cote dIvoire" differ, but "U.S." is "us"
			if r != '.' {
				space = true
			}
		default:
			space = true
		}
	}
	s := b.String()
	for {
		rest, ok := strings.CutPrefix(s, "the ")
		if !ok {
			break
		}
		s = rest
	}
	return s
}

// foldLetter maps the Latin letters that NFD does not decompose to their ASCII base.
func foldLetter(r rune) rune {
	switch r {
	case 'ø':
		return 'o'
	case 'ł':
		return 'l'
	case 'đ', 'ð':
		return 'd'
	case 'ı':
		return 'i'
	case 'æ':
		return 'a'
	case 'œ':
		return 'o'
	case 'þ':
		return 't'
	}
	return r
}
