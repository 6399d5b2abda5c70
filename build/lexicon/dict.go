package lexicon

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dict finds terms in text: leftmost-longest, non-overlapping, at word
// boundaries. A term that starts with an upper-case letter is a name and
// matches case-sensitively; others match ignoring ASCII case. In the text,
// any run of white space (line breaks, NBSP, U+2000–U+200A) matches one
// space, typographic apostrophes match ', and soft hyphens are ignored. A
// name may carry a possessive s without its apostrophe ("Lukashenkos").
type Dict struct {
	byFirst map[byte][]entry // by first byte of the folded, lowered term
}

type entry struct {
	norm string // folded term; lowered unless name
	key  string
	name bool
}

// Match is one term found, as byte offsets into the searched string.
type Match struct {
	Start, End int
	Key        string
	// Term is the lexicon term that matched (folded).
	Term string
}

// NewDict returns an empty dictionary.
func NewDict() *Dict { return &Dict{byFirst: map[byte][]entry{}} }

// Add adds a term that stands for key.
func (d *Dict) Add(term, key string) {
	f, _ := fold(strings.TrimSpace(term))
	if f == "" {
		return
	}
	r, _ := utf8.DecodeRuneInString(f)
	e := entry{norm: f, key: key, name: unicode.IsUpper(r)}
	if !e.name {
		e.norm = lowerASCII(f)
	}
	b := lowerASCII(f[:1])[0]
	list := append(d.byFirst[b], e)
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].norm) > len(list[j].norm) })
	d.byFirst[b] = list
}

// Find returns the terms found in s.
func (d *Dict) Find(s string) []Match {
	if d == nil || len(d.byFirst) == 0 {
		return nil
	}
	norm, offs := fold(s)
	lower := lowerASCII(norm)
	var out []Match
	for i := 0; i < len(norm); {
		best, bestEnd := -1, 0
		var bestE entry
		if i == 0 || !isWordByte(norm, i-1) || !startsWord(norm[i:]) {
			for _, e := range d.byFirst[lower[i]] {
				hay := lower
				if e.name {
					hay = norm
				}
				if !strings.HasPrefix(hay[i:], e.norm) {
					continue
				}
				end := i + len(e.norm)
				if endsWord(e.norm) && end < len(norm) && isWordRuneAt(norm, end) {
					// a name may end in a possessive s with its apostrophe lost
					if !(e.name && norm[end] == 's' && (end+1 == len(norm) || !isWordRuneAt(norm, end+1))) {
						continue
					}
					end++
				}
				if end-i > bestEnd-best || best < 0 {
					best, bestEnd, bestE = i, end, e
				}
			}
		}
		if best >= 0 {
			out = append(out, Match{Start: offs[best], End: offs[bestEnd], Key: bestE.key, Term: bestE.norm})
			i = bestEnd
			continue
		}
		_, size := utf8.DecodeRuneInString(norm[i:])
		i += size
	}
	return out
}

// Has reports whether any term of d occurs in s.
func (d *Dict) Has(s string) bool { return len(d.Find(s)) > 0 }

// Keys returns the distinct keys found in s, in order of first occurrence.
func (d *Dict) Keys(s string) []string {
	var keys []string
	seen := map[string]bool{}
	for _, m := range d.Find(s) {
		if !seen[m.Key] {
			seen[m.Key] = true
			keys = append(keys, m.Key)
		}
	}
	return keys
}

// fold normalises s for matching and returns, for each byte of the result,
// the offset of the byte of s it comes from (plus one final entry, len(s)).
func fold(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s)+1)
	space := false
	for i, r := range s {
		switch {
		case isSpace(r):
			if !space {
				b.WriteByte(' ')
				offs = append(offs, i)
			}
			space = true
			continue
		case r == '\u00ad': // soft hyphen
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`' || r == '\u2032':
			r = '\''
		}
		space = false
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			offs = append(offs, i)
		}
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= '\u2000' && r <= '\u200b') || r == '\u00a0' || r == '\u202f' || r == '\u3000' || r == '\ufeff'
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isWordRuneAt reports whether the rune starting at byte i is a word rune.
func isWordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// isWordByte reports whether the rune ending at byte i is a word rune.
func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return isWordRune(r)
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isWordRune(r)
}
