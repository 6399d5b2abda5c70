package date

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the class of a token.
type kind uint8

// The token kinds.
const (
	kWord  kind = iota + 1 // a run of letters
	kNum                   // a run of ASCII digits
	kSpace                 // a run of white space
	kPunct                 // any other single rune (or one invalid byte)
)

// token is one lexical unit of a text, with its byte span.
type token struct {
	kind       kind
	start, end int
	text       string
	breaks     int // line breaks in a space token
}

// isSpace reports whether r separates words: Unicode white space
// (including U+00A0, U+2000–U+200A, U+202F, U+3000), the zero-width space
// and the byte order mark.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// tokenize splits s into words, numbers, white space and single
// punctuation runes. The tokens cover s exactly, in order.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		t := token{start: i}
		switch {
		case r >= '0' && r <= '9':
			t.kind = kNum
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
		case unicode.IsLetter(r):
			t.kind = kWord
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
		case isSpace(r):
			t.kind = kSpace
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r) {
					break
				}
				j += n
			}
			t.breaks = lineBreaks(s[i:j])
		default:
			t.kind = kPunct
		}
		t.end, t.text = j, s[i:j]
		toks = append(toks, t)
		i = j
	}
	return toks
}

// lineBreaks counts the line breaks in a run of white space; CRLF counts
// once.
func lineBreaks(s string) int {
	n := strings.Count(s, "\n") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029") + strings.Count(s, "\u0085")
	return n + strings.Count(s, "\r") - strings.Count(s, "\r\n")
}
