package source

import (
	"unicode"
	"unicode/utf8"
)

// IsBlank reports white space as the extractors see it: Unicode spaces,
// the typographic spaces U+2000–U+200B, no-break spaces and a BOM.
func IsBlank(r rune) bool {
	return unicode.IsSpace(r) || (r >= '\u2000' && r <= '\u200b') || r == '\u00a0' || r == '\u202f' || r == '\u3000' || r == '\ufeff'
}

// TrimSpan narrows [a, z) of s to exclude blanks at both ends, so that a
// span of a document keeps slicing it.
func TrimSpan(s string, a, z int) (int, int) {
	for a < z {
		r, size := utf8.DecodeRuneInString(s[a:z])
		if !IsBlank(r) {
			break
		}
		a += size
	}
	for z > a {
		r, size := utf8.DecodeLastRuneInString(s[a:z])
		if !IsBlank(r) {
			break
		}
		z -= size
	}
	return a, z
}
