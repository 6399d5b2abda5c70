package date

import (
	"strings"

	"github.com/claimpack/claimpack/build/record"
)

// Anchor is what relative and partial dates resolve against.
type Anchor struct {
	// Published is the document's publication date (zero value if unknown).
	// It resolves "last year", "this spring", "32 years ago".
	Published record.Period
	// Context is the most recent resolved date in the text before this one
	// (zero value if none); it resolves "the same year", "that year", "the
	// following year", "a year later", and a day, month, quarter or half
	// without its year ("on May 9", "in March").
	Context record.Period
	// Partial, when resolved, is what a day, month, quarter or half
	// written without its year takes its year from instead of Context, with
	// basis relative: a caller sets it to the publication date when the
	// last date it read is far back (in another paragraph of a news story,
	// "In June, the two governments signed …" is this June). A date found
	// earlier in the same text takes precedence over it.
	Partial record.Period
}

// Edge says that an expression names the start or the end of a period.
type Edge uint8

// The edges.
const (
	EdgeNone  Edge = iota
	EdgeStart      // "at the beginning of", "the start of", "early in"
	EdgeEnd        // "at the end of", "by the end of", "year-end", "end-2023", "late in"
)

// String returns the edge's name.
func (e Edge) String() string {
	switch e {
	case EdgeStart:
		return "start"
	case EdgeEnd:
		return "end"
	}
	return "none"
}

// OpenKind says that an expression bounds an interval on one side only.
type OpenKind uint8

// The open kinds.
const (
	OpenNone OpenKind = iota
	Since             // "since 2015": from the period on
	Until             // "until 2018", "till 2018", "up to 2018", "by 2014": up to the period's end
	Before            // "before 2015", "prior to 2015": ending before the period
	After             // "after 2015": starting after the period
)

// String returns the open kind's name.
func (o OpenKind) String() string {
	switch o {
	case Since:
		return "since"
	case Until:
		return "until"
	case Before:
		return "before"
	case After:
		return "after"
	}
	return "none"
}

// Match is one date expression found in a text.
type Match struct {
	// Start and End are the expression's byte span in the text searched:
	// text[Start:End] is the expression.
	Start, End int
	// Period is the date or period named; Period.Text == text[Start:End] and
	// Period.Basis says how it was resolved.
	Period record.Period
	// Edge says that the expression names the start or end of Period, which
	// is then the first or last third of the period named.
	Edge Edge
	// Open says that the expression bounds an interval on one side; Period
	// is the named date itself.
	Open OpenKind
}

// Find returns every date expression in text, in order, leftmost-longest
// and non-overlapping, resolved against a. Each resolved match becomes the
// context of the ones after it, so "In 1995 … In the same year" resolves
// within one call; a.Context serves until the first resolved match.
func Find(text string, a Anchor) []Match {
	p := &parser{toks: tokenize(text)}
	var out []Match
	list := -1 // where the next item starts when the last match heads a list
	for i := 0; i < len(p.toks); {
		if end := p.url(i); end > i {
			i = end
			continue
		}
		m, end, ok := p.match(i, a, i == list || cues[p.prevWord(i)])
		if !ok {
			i++
			continue
		}
		m.Period.Text = text[m.Start:m.End]
		out = append(out, m)
		if m.Period.Resolved() {
			a.Context, a.Partial = m.Period, record.Period{}
		}
		if k, ok := p.listNext(end); ok {
			list = k
		}
		i = end
	}
	return out
}

// url returns the index of the token after the URL that starts at token i,
// or i if none does: a URL is a run of tokens without white space that
// holds "://" or starts with "www.". Dates in URLs are not read.
func (p *parser) url(i int) int {
	if p.tok(i).kind == kSpace || i > 0 && p.tok(i-1).kind != kSpace {
		return i
	}
	isURL := p.isWord(i, "www") && p.tok(i+1).text == "."
	j := i
	for ; j < len(p.toks) && p.toks[j].kind != kSpace; j++ {
		isURL = isURL || p.toks[j].text == ":" && p.tok(j+1).text == "/" && p.tok(j+2).text == "/"
	}
	if isURL {
		return j
	}
	return i
}

// match returns the longest expression that starts at token i and the
// index of the token after it; of equally long readings the grammar's
// first wins. cue says that a month alone is a date here.
func (p *parser) match(i int, a Anchor, cue bool) (Match, int, bool) {
	t := p.tok(i)
	if t.kind == kSpace || t.kind == kNum && !p.numStartOK(i) || t.kind == kWord && p.tok(i-1).kind == kNum {
		return Match{}, 0, false
	}
	best := i
	var m Match
	for _, c := range p.exprs(i, cue) {
		if c.end <= best || !p.endOK(c.end) {
			continue
		}
		if !c.e.isRange && c.e.a.needsYear() {
			if r, ok := p.yearAhead(c.end, 0); ok {
				c.e.a = c.e.a.withYear(r)
			}
		}
		per, ok := resolve(c.e, a)
		if !ok {
			continue
		}
		best = c.end
		m = Match{Start: t.start, End: p.tok(c.end - 1).end, Period: per, Open: c.e.open}
		if !c.e.isRange {
			m.Edge = c.e.a.edge
		}
	}
	return m, best, best > i
}

// yearAhead returns the year of the point listed after token j, when "and",
// "or" or a comma comes first: in "28 February and 1 March 2023" and "in
// January, February and March 2024" the year written last is every
// point's. depth bounds the list.
func (p *parser) yearAhead(j, depth int) (yref, bool) {
	k, ok := p.listNext(j)
	if !ok || depth > 12 {
		return yref{}, false
	}
	for _, c := range p.points(k) {
		switch {
		case c.pt.unit == uDecade || c.pt.relUnit != uYear && c.pt.rel != fromText:
		case !c.pt.needsYear():
			return yref{year: c.pt.year, rel: c.pt.rel, off: c.pt.off}, true
		default:
			if r, ok := p.yearAhead(c.end, depth+1); ok {
				return r, true
			}
		}
	}
	return yref{}, false
}

// listNext returns where the next item of a list starts after token j:
// after "and", "or" or a comma, and white space.
func (p *parser) listNext(j int) (int, bool) {
	k, ok := p.then(j, "and")
	if !ok {
		k, ok = p.then(j, "or")
	}
	if !ok && p.tok(j).text == "," {
		k, ok = j+1, true
	}
	if !ok {
		return j, false
	}
	return p.space(k)
}

// numStartOK reports whether the number at token i may start a date: it
// is not glued to a word, to a sign or currency, or to another number by
// a decimal point, thousands separator, slash or dash ("A2018", "$2020",
// "3.2018", "1,990", "16/2018", "5-2018"), and it does not follow a
// currency code or a reference abbreviation ("USD 2020", "No. 2015", "p.
// 1999").
func (p *parser) numStartOK(i int) bool {
	prev := p.tok(i - 1)
	switch prev.kind {
	case kWord:
		return false
	case kPunct:
		if strings.Contains(marksBeforeNumber, prev.text) {
			return false
		}
		if strings.Contains(".,/:+×", prev.text) || p.isDash(i-1) {
			if p.tok(i-2).kind == kNum {
				return false
			}
		}
	}
	k := i - 1
	if p.tok(k).kind == kSpace {
		k--
	}
	w := p.tok(k)
	switch {
	case w.kind == kWord && beforeNumber[lower(w.text)]:
		return false
	case w.kind == kPunct && strings.Contains(marksBeforeNumber, w.text):
		return false
	case w.text == "." && p.tok(k-1).kind == kWord && abbrevBeforeNumber[lower(p.tok(k-1).text)]:
		return false
	}
	return true
}

// endOK reports whether a date may end before token j: a number must pass
// numEndOK, and a word must not be glued to a number or be the first half
// of a hyphenated compound ("that year-on-year growth").
func (p *parser) endOK(j int) bool {
	switch p.tok(j - 1).kind {
	case kNum:
		return p.numEndOK(j)
	case kWord:
		return p.tok(j).kind != kNum && !(p.isDash(j) && p.tok(j+1).kind == kWord)
	}
	return true
}

// numEndOK reports whether a date may end with the number before token j:
// it is not glued to a letter, a percent sign, a decimal part, another
// number, and not followed by a scale or unit ("2018a", "2018%", "2,5",
// "17+1", "2015 km", "3 million"). A full stop and one to three digits
// after a four-digit year are a footnote number glued on in PDF
// extraction ("in 2018.105"), unless a scale follows ("2018.5 million"),
// and so are a comma and one or two digits before a word in lower case
// ("the agreement of 1993,6 later complemented").
func (p *parser) numEndOK(j int) bool {
	last, t, u := p.tok(j-1), p.tok(j), p.tok(j+1)
	switch t.kind {
	case kWord:
		return false
	case kSpace:
		return !p.quantityAt(j + 1)
	case kPunct:
		switch {
		case strings.Contains("%‰²³", t.text):
			return false
		case u.kind != kNum:
			return true
		case t.text == ".":
			if len(last.text) != 4 || len(u.text) > 3 {
				return false
			}
			switch after := p.tok(j + 2); after.kind {
			case kWord:
				return false
			case kPunct:
				return !(strings.Contains(".,", after.text) && p.tok(j+3).kind == kNum) && !strings.Contains("%‰", after.text)
			case kSpace:
				return !p.quantityAt(j + 3)
			}
			return true
		case t.text == "," && len(last.text) == 4 && len(u.text) <= 2 && p.tok(j+2).kind == kSpace &&
			p.tok(j+3).kind == kWord && !capitalised(p.tok(j+3).text) && !p.quantityAt(j+3):
			return true // "the agreement of 1993,6 later complemented": note 6
		case strings.Contains(",/:+×", t.text) || p.isDash(j):
			return false
		}
	}
	return true
}

// quantityAt reports whether token i makes the number before it a
// quantity: a percent sign, "per cent", or a scale or unit word.
func (p *parser) quantityAt(i int) bool {
	t := p.tok(i)
	switch t.kind {
	case kPunct:
		return strings.Contains("%‰", t.text)
	case kWord:
		if _, ok := p.phrase(i, "per cent"); ok {
			return true
		}
		return afterNumber[lower(t.text)]
	}
	return false
}
