// Package prose reads the running text of a document: it segments lines
// into sections (body, footnote, reference, caption), splits the body into
// sentences that survive hard line wraps, glued footnote numbers and
// abbreviations, and finds in each sentence the dates, quantities and names
// the classifier turns into claims.
//
// In: a source.Doc and the spans of its tables (read by extract/table).
// Out: Sentences, each a span of the raw document with its section, line
// and paragraph. Guarantees: every span slices the document; sentences are
// in document order and do not overlap; table lines are never prose.
package prose

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/extract/table"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// Span is a byte span of a document.
type Span struct{ Start, End int }

// lineKind is what a line looks like on its own.
type lineKind int

const (
	blank    lineKind = iota
	number            // a bare number: a footnote marker or page number
	heading           // a short line standing alone as a title
	caption           // Figure 1 - …, Picture: …, Table 2. …
	citation          // a bibliographic citation or footnote text
	prose             // running text
	skipped           // part of a table
)

type line struct {
	n          int
	start, end int // without the line end
	text       string
	kind       lineKind
}

var (
	numberLine   = regexp.MustCompile(`^\s*\d{1,4}\s*$`)
	captionLine  = regexp.MustCompile(`^[\s*]*(?i:(figure|fig\.|chart|map|graph|picture|photo|image|illustration)\b\s*[0-9IVX]*\s*[-–—.:]?)`)
	footnoteHead = regexp.MustCompile(`^\s*(\d{1,3})\s+[“"‘A-Z\p{Lu}]`)
	urlLike      = regexp.MustCompile(`(?i)https?://|www\.|doi\.org|\.pdf\b|\.html?\b|\.shtml\b|\.htm\b`)
	titleQuote   = regexp.MustCompile(`,[”"](\s+\d|\s*\p{Lu}|$)|[?.\]][”"],`)
	inLanguage   = regexp.MustCompile(`(?i)\[in [a-z]+\]`)
	citeMarkers  = regexp.MustCompile(`(?i)\bibid\b|\bop\. cit\.|\bpp?\. \d|\bvol\. \d|\bno\. \d+ \(|\baccessed\b|search in google scholar|\(\w+[^()]*: [^()]*, (19|20)\d\d\)`)
	pageRefEnd   = regexp.MustCompile(`(?:”|\),)\s*\d{1,4}(?:[-–]\d{1,4})?\.?\s*$|,\s*\d{1,4}(?:[-–]\d{1,4})?\.\s*$`)
	refHeading   = regexp.MustCompile(`(?i)^\s*(references|bibliography|works cited|literature|sources and literature|list of references)\s*:?\s*$`)
	noteHeading  = regexp.MustCompile(`(?i)^\s*(notes|endnotes|footnotes)\s*:?\s*$`)
	citeArticle  = regexp.MustCompile(`(?i)^\s*(to cite this article|cite as|how to cite)\b`)
)

// citationScore rates how much a line looks like a bibliographic citation.
func citationScore(s string) int {
	score := 0
	if urlLike.MatchString(s) {
		score += 3
	}
	if titleQuote.MatchString(s) {
		score += 2
	}
	if inLanguage.MatchString(s) {
		score += 2
	}
	if citeMarkers.MatchString(s) {
		score += 2
	}
	if pageRefEnd.MatchString(s) {
		score++
	}
	if authorStart.MatchString(s) {
		score++
	}
	return score
}

// classify gives each line its kind on its own.
func classify(text string) lineKind {
	t := strings.TrimSpace(text)
	switch {
	case t == "":
		return blank
	case numberLine.MatchString(t):
		return number
	case captionLine.MatchString(t):
		return caption
	case citeArticle.MatchString(t):
		return citation
	case citationScore(t) >= 2 && (urlLike.MatchString(t) || len(innerSentenceEnd.FindAllStringIndex(t, 3)) < 2):
		// a paragraph of several sentences is prose, whatever it cites
		return citation
	}
	return prose
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " *\"“‘'(«"))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " \t"))
	return unicode.IsLower(r)
}

// terminated reports whether a line ends what it says: a sentence end
// (possibly followed by a closing quote or a footnote number), or a URL.
func terminated(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return true
	}
	if endsSentence.MatchString(t) {
		return true
	}
	fields := strings.Fields(t)
	return urlLike.MatchString(fields[len(fields)-1]) && !strings.HasSuffix(t, "-") && !strings.HasSuffix(t, "_")
}

// isHeading reports whether line i stands alone as a title: short, not
// ending like a sentence, after a line that ended (or a blank), before a
// line that starts a sentence. Wrapped body lines fail one of these.
func isHeading(lines []line, i int, typical int) bool {
	t := strings.TrimSpace(lines[i].text)
	if t == "" || len(t) > 80 || len(t)*100 >= typical*85 || terminated(t) || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") ||
		innerSentenceEnd.MatchString(t) || !startsUpper(t) || endsWithFunctionWord.MatchString(t) {
		return false
	}
	if p := prevText(lines, i); p >= 0 && !terminated(lines[p].text) && lines[p].kind != heading {
		return false
	}
	n := nextText(lines, i)
	return n < 0 || startsUpper(lines[n].text) && lines[n].kind != skipped
}

var (
	endsSentence         = regexp.MustCompile(`[.!?:;]["”’»)\]]*\s?(\d{1,3})?$|["”’»)\]]\d{1,3}$`)
	innerSentenceEnd     = regexp.MustCompile(`[a-z0-9)][.!?]["”’)]*\s+\p{Lu}`)
	endsWithFunctionWord = regexp.MustCompile(`(?i)\b(a|an|the|of|and|or|to|in|on|for|with|by|as|at|from|that|which|is|was|were|are|its|his|her|their|this|these|like|than|into|over|under|between)$`)
	authorStart          = regexp.MustCompile(`^\d{0,3}\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)*(?:\s+(?:\p{Lu}[\p{L}'’-]+|de|van|von|and))+,\s`)
)

// prevText and nextText return the index of the nearest line before or
// after i that holds text (not blank, not a bare number), or -1.
func prevText(lines []line, i int) int {
	for k := i - 1; k >= 0; k-- {
		if lines[k].kind != blank && lines[k].kind != number {
			return k
		}
	}
	return -1
}

func nextText(lines []line, i int) int {
	for k := i + 1; k < len(lines); k++ {
		if lines[k].kind != blank && lines[k].kind != number {
			return k
		}
	}
	return -1
}

// Block is a run of consecutive lines of one section.
type Block struct {
	Section    record.Section
	Start, End int // byte span from the first line's start to the last line's end
	Line       int
	Heading    bool
}

// Blocks segments doc into blocks, skipping the given spans (tables).
//
// The rules, in order:
//   - a heading such as "References" or "Notes" switches to the reference
//     or footnote section for the rest of the document;
//   - a footnote or caption whose last line did not end (no final
//     punctuation, or a URL cut by the line end) goes on into the next line;
//   - bare numbers (footnote markers, page numbers) are footnote lines;
//   - a caption line (Figure 1 -, Picture:) opens a caption;
//   - a line that reads as a citation (URLs, "Title,” quotes, [in Russian],
//     Ibid., page references, author names) opens or continues a footnote,
//     unless it continues an unfinished body sentence in lower case;
//   - inside footnotes, the body resumes at a line that continues the
//     interrupted sentence in lower case, or at two lines of plain prose;
//   - in the body, a line of prose that leads within two lines into a
//     citation opens a footnote (a citation whose first lines look plain);
//   - a short line standing alone between sentence ends is a heading;
//   - everything else is body; a blank line ends a body paragraph.
func Blocks(doc *source.Doc, skip []Span) []Block {
	lines := readLines(doc, skip)
	typical := typicalLength(lines)
	for i := range lines {
		if lines[i].kind == prose && isHeading(lines, i, typical) {
			lines[i].kind = heading
		}
	}
	var blocks []Block
	tail := record.Body // section for the rest of the document, after a References heading
	var cur *Block
	open := false // the current block's last line did not end
	flush := func() {
		if cur != nil {
			blocks = append(blocks, *cur)
			cur = nil
		}
	}
	add := func(l line, sec record.Section, head bool) {
		if cur == nil || cur.Section != sec || head || cur.Heading {
			flush()
			cur = &Block{Section: sec, Start: l.start, End: l.end, Line: l.n, Heading: head}
		} else {
			cur.End = l.end
		}
		open = !head && !terminated(l.text)
	}
	section := func() record.Section {
		if cur == nil {
			return record.Body
		}
		return cur.Section
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case l.kind == skipped:
			flush()
			open = false
		case l.kind == blank:
			if section() == record.Body {
				flush()
				open = false
			}
		case refHeading.MatchString(t):
			tail = record.Reference
			add(l, record.Reference, true)
		case noteHeading.MatchString(t):
			tail = record.Footnote
			add(l, record.Footnote, true)
		case tail == record.Reference && l.kind == prose && afterword(t):
			// a sentence of the body after the reference list: text
			// appended to an article ("On 3 March 2026, the Prime
			// Minister paid …") is not an entry of it
			add(l, record.Body, false)
		case tail != record.Body:
			add(l, tail, false)
		case l.kind == number:
			add(l, record.Footnote, false)
			open = false
		case open && (section() == record.Footnote || section() == record.Caption) &&
			!(startsLower(t) && len(strings.Fields(t)) >= 3 && section() == record.Footnote):
			// an unfinished footnote or caption goes on; a lower-case line of
			// several words after an unfinished footnote is the body resuming
			// (a citation cut by a page break), a lone token a URL fragment
			add(l, section(), false)
		case l.kind == caption:
			flush()
			add(l, record.Caption, false)
		case citeArticle.MatchString(t):
			flush()
			add(l, record.Reference, false)
		case section() == record.Body && l.kind != heading && bulletLine.MatchString(t):
			// each item of a bulleted list is a paragraph of its own
			flush()
			add(l, record.Body, false)
		case open && section() == record.Body && l.kind != heading && (startsLower(t) || !strongCitation(t)):
			// the body sentence goes on: only a strong citation feature
			// (a URL, a quoted title, a footnote number) interrupts it
			add(l, record.Body, false)
		case l.kind == citation || footnoteHead.MatchString(t) && (section() == record.Footnote || citationScore(t) >= 1):
			add(l, record.Footnote, false)
		case section() == record.Footnote || section() == record.Caption:
			if startsLower(t) || proseLike(lines, i) && proseLike(lines, nextText(lines, i)) {
				add(l, record.Body, l.kind == heading)
			} else {
				add(l, record.Footnote, false)
			}
		case l.kind == heading:
			add(l, record.Body, true)
		case !open && leadsIntoCitation(lines, i):
			add(l, record.Footnote, false)
		default:
			add(l, record.Body, false)
		}
	}
	flush()
	return blocks
}

// afterword reports a line after a References heading that is a sentence
// of running text, not an entry: no citation feature (a URL, a quoted
// title, a language tag, an author at its start), no year among its first
// words as an author-year entry has ("Tozik, A. 2014. How …"), at least
// eight words, a third of them in lower case, and a final full stop, question or
// exclamation mark.
func afterword(t string) bool {
	words := strings.Fields(t)
	if len(words) < 8 || citationScore(t) > 0 || !strings.ContainsAny(t[len(t)-1:], ".!?") || bulletLine.MatchString(t) {
		return false
	}
	lower := 0
	for i, w := range words {
		if i < 5 && entryYear.MatchString(w) {
			return false
		}
		if r := []rune(w)[0]; unicode.IsLower(r) || unicode.IsDigit(r) {
			lower++
		}
	}
	return 3*lower >= len(words)
}

// entryYear is the year of an author-year reference entry: "2014.",
// "(2014)", "2024a.".
var entryYear = regexp.MustCompile(`^(\((1[89]|20)\d\d[a-z]?\)[.,:]?|(1[89]|20)\d\d[a-z]?\.)$`)

// bulletLine starts a list item: "- …", "• …".
var bulletLine = regexp.MustCompile(`^[-•*–·▪◦][ \t]+\S`)

// typicalLength is the median length of the document's prose lines: a
// document hard-wrapped at 75 characters has body lines about that long,
// and a line nearly as long is a wrapped sentence, not a heading.
func typicalLength(lines []line) int {
	var ns []int
	for _, l := range lines {
		if l.kind == prose {
			ns = append(ns, len(strings.TrimSpace(l.text)))
		}
	}
	if len(ns) == 0 {
		return 1 << 30
	}
	sort.Ints(ns)
	return ns[len(ns)/2]
}

// proseLike reports whether line i is plain running text.
func proseLike(lines []line, i int) bool {
	if i < 0 {
		return false
	}
	l := lines[i]
	t := strings.TrimSpace(l.text)
	return (l.kind == prose || l.kind == heading) && citationScore(t) == 0 && !footnoteHead.MatchString(t)
}

// strongCitation reports whether a line has a feature that only
// citations have: a URL, a quoted title followed by its outlet, a language
// tag, a numbered footnote opening.
func strongCitation(t string) bool {
	return urlLike.MatchString(t) || titleQuote.MatchString(t) || inLanguage.MatchString(t) || footnoteStart(t)
}

// leadsIntoCitation reports whether line i starts a citation whose first
// line or two look like prose: it ends like an author list, with a comma,
// and a citation line follows within two lines.
func leadsIntoCitation(lines []line, i int) bool {
	t := strings.TrimSpace(lines[i].text)
	if !startsUpper(t) || !strings.HasSuffix(t, ",") {
		return false
	}
	for k := i + 1; k <= i+2 && k < len(lines); k++ {
		if lines[k].kind != prose && lines[k].kind != citation && lines[k].kind != heading {
			return false // a blank line, a footnote marker or a table: no citation goes on here
		}
		if lines[k].kind == citation {
			return true
		}
		if terminated(lines[k].text) {
			return false
		}
	}
	return false
}

// readLines classifies every line of doc; lines overlapping a skipped span
// are marked skipped.
func readLines(doc *source.Doc, skip []Span) []line {
	lines := make([]line, 0, doc.Lines())
	for n := 1; n <= doc.Lines(); n++ {
		s, e := doc.Line(n)
		if n == 1 {
			s = max(s, doc.Start())
		}
		l := line{n: n, start: s, end: e, text: string(doc.Data[s:e])}
		l.kind = classify(l.text)
		for _, sp := range skip {
			if s < sp.End && e > sp.Start || s == e && s >= sp.Start && s < sp.End {
				l.kind = skipped
			}
		}
		lines = append(lines, l)
	}
	return lines
}

// TableSpan is the span a table occupies, caption and source line included.
func TableSpan(t table.Table) Span {
	s := Span{t.Start, t.End}
	if t.Caption != nil {
		s.Start = min(s.Start, t.Caption.Start)
	}
	if t.Source != nil {
		s.End = max(s.End, t.Source.End)
	}
	return s
}

// footnoteStart reports whether a line opens a numbered footnote: a
// number of at most three digits, a space and a capitalised word or a
// quote, on a line that also reads as a citation.
func footnoteStart(s string) bool {
	return footnoteHead.MatchString(s) && citationScore(s) >= 1
}
