package quantity

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/lexicon"
)

// gap is the white space before a token.
type gap uint8

const (
	noGap    gap = iota // glued to the previous token
	spaceGap            // spaces, tabs, NBSP, thin spaces
	lineGap             // white space holding a line break
	paraGap             // white space holding two line breaks or more
)

type tokKind uint8

const (
	numTok   tokKind = iota + 1 // digits with inner separators: 7.7, 13,000, 1 234
	wordTok                     // letters
	punctTok                    // any other single rune
)

// token is a number, a word or one punctuation rune of the text.
type token struct {
	kind       tokKind
	start, end int
	gap        gap
}

// hit is a dictionary term found in the text, as a run of tokens.
type hit struct {
	first, last int
	key, term   string
}

// scan is the state of one Find: the text, its tokens, the terms found in
// it and the numbers that cannot start a figure. It lives for one call.
type scan struct {
	f    *Finder
	text string
	toks []token

	// Terms by the index of their first token.
	cue, symbol, currency, scale, term map[int]hit
	// Terms by the index of their last token.
	cueEnd, symbolEnd, termEnd map[int]hit

	// excluded marks the number tokens that are identifiers or footnote
	// references.
	excluded []bool
	urls     [][2]int // byte spans of URLs
}

func newScan(f *Finder, text string) *scan {
	s := &scan{f: f, text: text, toks: tokenize(text)}
	startAt := make(map[int]int, len(s.toks))
	endAt := make(map[int]int, len(s.toks))
	for k, t := range s.toks {
		startAt[t.start] = k
		endAt[t.end] = k
	}
	index := func(d *lexicon.Dict) (byFirst, byLast map[int]hit) {
		byFirst, byLast = map[int]hit{}, map[int]hit{}
		for _, m := range d.Find(text) {
			first, ok1 := startAt[m.Start]
			last, ok2 := endAt[m.End]
			if !ok1 || !ok2 || last < first {
				continue // not on token boundaries
			}
			h := hit{first: first, last: last, key: m.Key, term: m.Term}
			byFirst[first], byLast[last] = h, h
		}
		return byFirst, byLast
	}
	s.urls = urlSpans(text)
	s.cue, s.cueEnd = index(f.cues)
	s.symbol, s.symbolEnd = index(f.symbols)
	s.currency, _ = index(f.currencies)
	s.scale, _ = index(f.scales)
	s.term, s.termEnd = index(f.terms)
	s.exclude()
	return s
}

// tokenize splits text into numbers, words and punctuation runes.
func tokenize(text string) []token {
	var toks []token
	g := noGap
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		t := token{start: i, gap: g}
		switch {
		case isSpace(r):
			switch {
			case r == '\r' && strings.HasPrefix(text[i+size:], "\n"):
				// CRLF is one line break
			case isLineBreak(r):
				g = min(g+1, paraGap)
				g = max(g, lineGap)
			default:
				g = max(g, spaceGap)
			}
			i += size
			continue
		case isDigit(text[i]):
			t.kind, t.end = numTok, scanNumber(text, i)
		case isLetter(r):
			t.kind, t.end = wordTok, i+size
			for t.end < len(text) {
				r, size := utf8.DecodeRuneInString(text[t.end:])
				if !isLetter(r) && r != '\u00ad' {
					break
				}
				t.end += size
			}
		default:
			t.kind, t.end = punctTok, i+size
		}
		toks = append(toks, t)
		i, g = t.end, noGap
	}
	return toks
}

// scanNumber returns the end of the number starting at text[i]: digit
// groups joined by a comma or period ("13,000", "0,404", "2018.105"), or by
// a no-break or thin space before exactly three digits ("1 234").
func scanNumber(text string, i int) int {
	j := digits(text, i)
	firstGroup := j - i
	for j < len(text) {
		if c := text[j]; (c == ',' || c == '.') && j+1 < len(text) && isDigit(text[j+1]) {
			j = digits(text, j+1)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		// a plain space groups digits only after a currency, where a
		// number cannot follow another: "USD 5 130.6 mln"
		if (r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == ' ' && currencyBefore.MatchString(text[max(0, i-5):i])) && firstGroup <= 3 {
			k := j + size
			if e := digits(text, k); e-k == 3 {
				j = e
				continue
			}
		}
		break
	}
	return j
}

// currencyBefore ends with a currency written before its amount.
var currencyBefore = regexp.MustCompile(`(?:USD|EUR|CNY|BYN|RUB|US\$|\$|€|Br)\s?$`)

func digits(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// exclude marks the numbers that are identifiers or footnote references.
func (s *scan) exclude() {
	n := len(s.toks)
	s.excluded = make([]bool, n)
	run := 0 // bare numbers in a row, joined by spaces only
	for k, t := range s.toks {
		if t.kind != numTok {
			run = 0
			continue
		}
		lit := s.str(k)
		if k > 0 && s.toks[k-1].kind == numTok && t.gap == spaceGap {
			run++
		} else {
			run = 1
		}
		switch {
		case s.excluded[k]:
			// follows an identifier
		case s.inURL(k), s.idBefore(k), s.idAfter(k),
			len(lit) > 1 && lit[0] == '0' && isDigit(lit[1]): // 08, 007
			s.identifier(k)
		case run >= 3:
			for m := k - run + 1; m <= k; m++ {
				s.excluded[m] = true
			}
			s.identifier(k)
		case s.noteBefore(k), s.yearNote(k):
			s.excluded[k] = true
		}
	}
}

// identifier marks token k and the numbers that follow it across spaces,
// brackets, dashes and slashes on the same line ("+90 (312) 438 50 23-24").
func (s *scan) identifier(k int) {
	s.excluded[k] = true
	for m := k + 1; m < len(s.toks) && s.toks[m].gap < lineGap; m++ {
		switch {
		case s.toks[m].kind == numTok:
			s.excluded[m] = true
		case s.isPunct(m, "()[]-‐‑–—/"):
		default:
			return
		}
	}
}

// idBefore reports whether what precedes number k makes it an identifier.
func (s *scan) idBefore(k int) bool {
	if k == 0 {
		return false
	}
	p, t := k-1, s.toks[k]
	if t.gap == noGap {
		switch s.toks[p].kind {
		case wordTok:
			return true // V1, L5, and footnotes glued to words
		case punctTok:
			if s.isPunct(p, "+") && k+1 < len(s.toks) {
				if _, pct := s.termAt(classPercent, k+1); pct {
					return false // "+18.9 %": a signed change, not a phone number
				}
			}
			if s.isPunct(p, "/+#№_=@&\\^~|") {
				return true
			}
			// COVID-19; the second year of 2013–2023
			if s.isDash(p) && p > 0 && s.toks[p].gap == noGap && s.toks[p-1].kind != punctTok {
				return true
			}
		}
	}
	if t.gap >= lineGap {
		return false
	}
	// "Blog No.2024 / 8"
	if s.isPunct(p, "/") && s.toks[p].gap < lineGap {
		return true
	}
	// "No. 5", "Table 2", "Tel: 438"
	if _, ok := s.termEndingAt(classMarker, p); ok {
		return true
	}
	if _, ok := s.termEndingAt(classMarker, p-1); ok && s.isPunct(p, ":#") {
		return true
	}
	return false
}

// idAfter reports whether what follows number k makes it an identifier:
// "16/17", "17+1", "2024 / 8", "14:30", and a volume: "Monitor 16, no. 171".
func (s *scan) idAfter(k int) bool {
	m := k + 1
	if _, ok := s.termAt(classMarker, m+1); ok && s.isPunct(m, ",") && s.toks[m+1].gap < lineGap {
		return true
	}
	if m+1 >= len(s.toks) || s.toks[m+1].kind != numTok {
		return false
	}
	if s.isPunct(m, "/") && s.toks[m].gap < lineGap && s.toks[m+1].gap < lineGap {
		return true
	}
	return s.isPunct(m, "+:") && s.toks[m].gap == noGap && s.toks[m+1].gap == noGap
}

// noteBefore reports whether number k is a footnote reference glued after
// a word, a closing quote or bracket, directly or through a period or
// comma: "billion.77", "coalition”5", "day.”72", "initiative,39".
func (s *scan) noteBefore(k int) bool {
	if s.isPunct(k-1, "[") && s.isPunct(k+1, "]") {
		return true // "[12]"
	}
	if k == 0 || s.toks[k].gap != noGap {
		return false
	}
	p := k - 1
	glued := p > 0 && s.toks[p].gap == noGap
	switch {
	case s.isPunct(p, ".,;:"):
		return glued
	case s.isPunct(p, "”’»)]"):
		return true
	case s.isPunct(p, "\"'"):
		return glued // a closing quote; an opening one follows a space
	}
	return false
}

// yearNote reports whether number k is a year with a footnote glued to it
// through a period: "2018.105 The".
func (s *scan) yearNote(k int) bool {
	lit := s.str(k)
	if len(lit) < 6 || len(lit) > 8 || !isYear(lit[:4]) || (lit[4] != '.' && lit[4] != ',') {
		return false
	}
	for i := 5; i < len(lit); i++ {
		if !isDigit(lit[i]) {
			return false
		}
	}
	m := k + 1
	if s.quietAfter(m) {
		return true
	}
	return s.toks[m].kind == punctTok && !s.isPunct(m, "%") && !s.isDash(m) && !s.isSymbol(m)
}

// termAt returns the grammar term of class c that starts at token k.
func (s *scan) termAt(c string, k int) (hit, bool) {
	h, ok := s.term[k]
	return h, ok && h.key == c
}

// termEndingAt returns the grammar term of class c that ends at token k.
func (s *scan) termEndingAt(c string, k int) (hit, bool) {
	h, ok := s.termEnd[k]
	return h, ok && h.key == c
}

// inURL reports whether token k lies inside a URL.
func (s *scan) inURL(k int) bool {
	if !s.in(k) {
		return false
	}
	start := s.toks[k].start
	i := sort.Search(len(s.urls), func(i int) bool { return s.urls[i][1] > start })
	return i < len(s.urls) && s.urls[i][0] <= start
}

func (s *scan) isSymbol(k int) bool {
	_, ok := s.symbol[k]
	return ok
}

// urlSpans returns the byte spans of the white-space separated chunks of
// text that are URLs.
func urlSpans(text string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range text + " " {
		if !isSpace(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if c := text[start:i]; strings.Contains(c, "://") || strings.HasPrefix(strings.ToLower(c), "www.") {
				spans = append(spans, [2]int{start, i})
			}
			start = -1
		}
	}
	return spans
}

// Token helpers. Each is false for an index out of range.

func (s *scan) str(k int) string { return s.text[s.toks[k].start:s.toks[k].end] }

func (s *scan) lower(k int) string { return strings.ToLower(s.str(k)) }

func (s *scan) in(k int) bool { return k >= 0 && k < len(s.toks) }

// isWord reports whether token k is the word w, ignoring case.
func (s *scan) isWord(k int, w string) bool {
	return s.in(k) && s.toks[k].kind == wordTok && strings.EqualFold(s.str(k), w)
}

// isPunct reports whether token k is one of the runes of set.
func (s *scan) isPunct(k int, set string) bool {
	if !s.in(k) || s.toks[k].kind != punctTok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.str(k))
	return r != utf8.RuneError && strings.ContainsRune(set, r)
}

// isDash reports whether token k is a hyphen or dash.
func (s *scan) isDash(k int) bool { return s.isPunct(k, "-‐‑‒–—") }

// isMinus reports whether token k is a minus sign: U+2212, or a hyphen or
// en dash that starts a word ("-5%", "(–3.2)").
func (s *scan) isMinus(k int) bool {
	if !s.isPunct(k, "-−–") {
		return false
	}
	return k == 0 || s.toks[k].gap != noGap || s.isPunct(k-1, "([")
}

// capital reports whether token k is a word starting with a capital, or
// an opening quote or bracket before one: “Lukashenka.
func (s *scan) capital(k int) bool {
	if s.isPunct(k, "“‘\"'([«") && s.in(k+1) && s.toks[k+1].gap == noGap {
		k++
	}
	if !s.in(k) || s.toks[k].kind != wordTok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.str(k))
	return unicode.IsUpper(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// isSpace is the white space of lexicon.Dict: a run of it matches one space.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= '\u2000' && r <= '\u200b') || r == '\u00a0' || r == '\u202f' || r == '\u3000' || r == '\ufeff'
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}
