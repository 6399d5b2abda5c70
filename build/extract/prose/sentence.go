package prose

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// Sentence is one sentence (or heading, or caption) of a document.
type Sentence struct {
	Start, End int // raw byte span, trimmed of white space
	Text       string
	Section    record.Section
	Line       int
	// Block is the index of the block (paragraph) the sentence is in.
	Block   int
	Heading bool
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"no": true, "nos": true, "dr": true, "mr": true, "mrs": true, "ms": true, "prof": true,
	"st": true, "vs": true, "etc": true, "approx": true, "ca": true, "cf": true, "fig": true,
	"figs": true, "vol": true, "p": true, "pp": true, "ed": true, "eds": true, "co": true,
	"ltd": true, "inc": true, "corp": true, "gen": true, "col": true, "lt": true, "gov": true,
	"jr": true, "sr": true, "rep": true, "art": true, "para": true, "op": true, "al": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true, "dept": true, "est": true,
	"mt": true, "ft": true, "govt": true, "univ": true, "assoc": true,
}

// Sentences splits each block of doc into sentences. Headings and captions
// are one sentence each.
func Sentences(doc *source.Doc, blocks []Block) []Sentence {
	var out []Sentence
	for bi, b := range blocks {
		text := string(doc.Data[b.Start:b.End])
		emit := func(a, z int) {
			a, z = source.TrimSpan(text, a, z)
			a = skipFootnoteNumber(text, a, z)
			if a == 0 || strings.TrimSpace(text[:a]) == "" {
				a = skipEnumerator(text, a, z)
			}
			if a >= z {
				return
			}
			line, _ := doc.Position(b.Start + a)
			out = append(out, Sentence{
				Start: b.Start + a, End: b.Start + z, Text: text[a:z],
				Section: b.Section, Line: line, Block: bi, Heading: b.Heading,
			})
		}
		if b.Heading {
			emit(0, len(text))
			continue
		}
		// a list item starts a sentence: "- of which exports USD 1.83
		// billion …", "• 17 April, Beijing: talks with …"
		items := []int{0}
		for _, m := range listItem.FindAllStringIndex(text, -1) {
			if m[0] > 0 {
				items = append(items, m[0]+1) // after the line break
			}
		}
		items = append(items, len(text))
		for k := 0; k+1 < len(items); k++ {
			a, z := items[k], items[k+1]
			start := a
			for _, cut := range boundaries(text[a:z]) {
				emit(start, a+cut.end)
				start = a + cut.next
			}
			emit(start, z)
		}
	}
	return out
}

// listItem is a line that starts a bulleted item.
var listItem = regexp.MustCompile(`\n[ \t]*[-•*–·▪◦][ \t]+\S`)

type cut struct {
	end  int // where the sentence ends (after its final punctuation and quotes)
	next int // where the next one may start (after a glued footnote number)
}

// boundaries finds the sentence ends in text.
func boundaries(text string) []cut {
	var cuts []cut
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		// closing quotes and brackets
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if r != '"' && r != '\'' && r != '”' && r != '’' && r != ')' && r != ']' && r != '»' {
				break
			}
			j += size
		}
		end := j
		// a footnote number glued after the sentence: "today.5 Wooing",
		// "billion.77 Thus", "2018.105 The", "Beijing.[3] The"
		k := j
		if m := bracketNote.FindStringIndex(text[j:min(len(text), j+5)]); m != nil {
			j += m[1]
			end = j
			k = j
		}
		for k < len(text) && k-j < 3 && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		footnote := k > j && (k == len(text) || isSpaceRune(text, k)) || end > i+1 && text[end-1] == ']'
		if footnote && k == j && text[end-1] == ']' {
			// the bracketed note is part of the sentence; the next starts after it
			if k < len(text) && !isSpaceRune(text, k) {
				continue
			}
		}
		if footnote && c == '.' && end == i+1 && i > 0 && isDigit(text[i-1]) && !yearBefore(text, i) {
			continue // a decimal number: 3.7, 0.67
		}
		if !footnote {
			k = j
		}
		if k < len(text) && !isSpaceRune(text, k) {
			continue // "U.S.-China", "3.7", "e.g.,"
		}
		if c == '.' && !footnote && isAbbreviation(text, i) {
			continue
		}
		if c == '.' && i < 12 && enumerator.MatchString(text[:i+1]) {
			continue // "6. In January–March …": a numbered paragraph goes on
		}
		if insideTitle(text, i) {
			continue // “Directive No. 5. On the development …”: a title goes on
		}
		// what follows must start a sentence
		m := k
		for m < len(text) && isSpaceRune(text, m) {
			_, size := utf8.DecodeRuneInString(text[m:])
			m += size
		}
		if m < len(text) && !startsSentence(text[m:]) {
			continue
		}
		cuts = append(cuts, cut{end: end, next: k})
		i = k - 1
	}
	return cuts
}

// insideTitle reports whether offset i is inside curly quotes that open
// before it (since the last cut) and close soon after: a quoted title or a
// short quotation, which a period inside does not end.
func insideTitle(text string, i int) bool {
	lo := max(0, i-300) // a title opens at most 300 bytes back: look no further
	open := strings.LastIndex(text[lo:i], "“")
	if open < 0 || strings.LastIndex(text[lo:i], "”") > open {
		return false
	}
	end := strings.Index(text[i:min(len(text), i+200+len("”"))], "”")
	return end >= 0 && end <= 200
}

// isAbbreviation reports whether the period at text[i] ends an
// abbreviation or an initial rather than a sentence.
func isAbbreviation(text string, i int) bool {
	w := i
	for w > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= size
	}
	word := strings.ToLower(text[w:i])
	if abbreviations[word] {
		return true
	}
	// a single capital letter: an initial (S. I. Povarnin, Y. 2024)
	if r, size := utf8.DecodeRuneInString(text[w:i]); size == i-w && unicode.IsUpper(r) {
		return true
	}
	return false
}

// yearBefore reports whether the four characters before text[i] are a
// year (19xx or 20xx) that starts a word: "2018.105" is a year and a
// footnote, not a decimal number.
func yearBefore(text string, i int) bool {
	if i < 4 {
		return false
	}
	y := text[i-4 : i]
	if !(strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20")) || !isDigit(y[2]) || !isDigit(y[3]) {
		return false
	}
	return i == 4 || !isDigit(text[i-5]) && text[i-5] != '.' && text[i-5] != ','
}

// startsSentence reports whether s can begin a sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([«*", r) || superscript(r)
}

// superscript reports a superscript digit, which marks a note: "¹ Converted at …".
func superscript(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || r >= '⁰' && r <= '⁹'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSpaceRune reports whether the rune at text[i] is white space.
func isSpaceRune(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return source.IsBlank(r)
}

// bracketNote is a bracketed note number right after a sentence's final
// punctuation: "[3]", "[12]".
var bracketNote = regexp.MustCompile(`^\[\d{1,3}\]`)

// enumerator is the number or letter a numbered paragraph starts with:
// "6.", "iv.", "b)", "(2)".
var enumerator = regexp.MustCompile(`^\s*(?:\d{1,3}|[ivxlc]{1,5}|[A-Za-z])[.)]$|^\s*\((?:\d{1,3}|[ivxlc]{1,5}|[a-z])\)$`)

// skipEnumerator skips the number of a numbered paragraph ("6. In
// January–March 2022 …"): it is no part of the first sentence.
func skipEnumerator(text string, a, z int) int {
	for k := a + 1; k <= z && k-a <= 7; k++ {
		if enumerator.MatchString(text[a:k]) && k < z && isSpaceRune(text, k) {
			a2, _ := source.TrimSpan(text, k, z)
			return a2
		}
	}
	return a
}

// skipFootnoteNumber skips a footnote number that a sentence starts with,
// left over from the sentence before it ("2001. 2⏎Amidst", ".”128⏎Lukashenka"):
// at most three digits, then white space and a capital letter.
func skipFootnoteNumber(text string, a, z int) int {
	if r, size := utf8.DecodeRuneInString(text[a:z]); superscript(r) {
		k := a + size
		for k < z {
			r, size := utf8.DecodeRuneInString(text[k:z])
			if !superscript(r) {
				break
			}
			k += size
		}
		if k < z && isSpaceRune(text, k) {
			m, _ := source.TrimSpan(text, k, z)
			return m
		}
		return a
	}
	k := a
	for k < z && k-a < 4 && isDigit(text[k]) {
		k++
	}
	if k == a || k-a > 3 || k >= z || !isSpaceRune(text, k) {
		return a
	}
	m := k
	for m < z && isSpaceRune(text, m) {
		_, size := utf8.DecodeRuneInString(text[m:])
		m += size
	}
	if r, _ := utf8.DecodeRuneInString(text[m:z]); !unicode.IsUpper(r) {
		return a
	}
	if monthName.MatchString(text[m:z]) {
		return a // "4 December 2023 – …": a day, not a note number
	}
	return m
}

var monthName = regexp.MustCompile(`^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b`)
