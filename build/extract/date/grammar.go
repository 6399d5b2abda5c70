package date

import (
	"strconv"
	"strings"
)

// unit is what a point names.
type unit uint8

// The units, from finest to coarsest.
const (
	uDay     unit = iota + 1
	uMonth        // n is the month
	uQuarter      // n is the quarter, 1–4
	uHalf         // n is the half, 1–2
	uSeason       // n is the season, 1 spring … 4 winter
	uMonths       // the first n months of a year
	uYear
	uDecade // year is the decade's first year
)

// from says where the parts of a point that are not written come from.
type from uint8

// The sources of a missing year, month or day.
const (
	fromText      from = iota // everything needed is written
	fromPublished             // the publication date ("last year")
	fromContext               // the previous date in the text ("that year")
	fromPartial               // a year not written: Anchor.Partial, else the context ("in March")
	fromNowhere               // "the year": no anchor this package has resolves it
)

// point is one date or period as written, before it is resolved.
type point struct {
	unit unit
	year int // as written; 0 if not written
	n    int // month, quarter, half, season or count of months (see unit)
	day  int

	// rel, relUnit and off give what is not written: the anchor's year
	// (relUnit uYear), month (uMonth) or day (uDay), moved by off units;
	// relUnit uSeason moves to the previous (-1), current (0) or next (+1)
	// season n around the anchor.
	rel     from
	relUnit unit
	off     int
	// weekday is a day named by its weekday (time.Weekday+1; 0 none),
	// relative to the publication date; off is then its direction.
	weekday int
	// week marks a day of a week relative to the publication day's week
	// (off weeks away): its Monday, or its Sunday when weekEnd is set.
	week, weekEnd bool
	// monthDir is -1 for the last month n before the publication month,
	// +1 for the next one after it ("last December"), 0 otherwise.
	monthDir int

	third int  // 0 the whole period, 1–3 its first, middle or last third
	edge  Edge // the third comes from an edge phrase ("the end of")
	clip  int  // -1 up to the anchor ("earlier this year"), +1 from it
	// ambiguous marks a numeric date whose day and month may be swapped.
	ambiguous bool
	// weak marks a point that is a date only as one end of a range: an
	// abbreviated month alone ("Jan"), Q3 without year.
	weak bool
	// needsCue marks a month alone: a date only as one end of a range or
	// after a cue word ("in March").
	needsCue bool
}

// needsYear reports whether the point's year is neither written nor
// relative: it comes from the other end of a range or from the context.
func (pt point) needsYear() bool {
	return pt.year == 0 && pt.rel == fromText && pt.unit != uDecade
}

// yref is a year as written after "of": a number or a relative phrase.
type yref struct {
	year int
	rel  from
	off  int
}

// withYear returns pt in year r.
func (pt point) withYear(r yref) point {
	pt.year, pt.rel, pt.off = r.year, r.rel, r.off
	if r.rel != fromText {
		pt.relUnit = uYear
	}
	return pt
}

// expr is one date expression: a point, or a range of two, with the
// open bound it may set.
type expr struct {
	a, b    point
	isRange bool
	open    OpenKind
}

// pc is a point read from the tokens, with the index of the token after it.
type pc struct {
	pt  point
	end int
}

// ec is an expression read from the tokens, with the index of the token
// after it.
type ec struct {
	e   expr
	end int
}

// parser reads date expressions from tokens. Its methods take the index of
// a token and return every reading that starts there, each with the index
// of the token after it; the caller picks the longest.
type parser struct {
	toks  []token
	label bool // reading a table label: years 1600–2199, looser spacing
}

// tok returns token i, or the zero token outside the text.
func (p *parser) tok(i int) token {
	if i < 0 || i >= len(p.toks) {
		return token{}
	}
	return p.toks[i]
}

// next moves from the end of one element to the start of the next: over
// white space holding at most one line break, or nowhere when punctuation
// separates them. A word glued to a number is not a boundary.
func (p *parser) next(i int) (int, bool) {
	t := p.tok(i)
	if t.kind == kSpace {
		return i + 1, t.breaks <= 1
	}
	if t.kind == kPunct || p.tok(i-1).kind == kPunct {
		return i, true
	}
	return i, false
}

// space moves over the white space at i, which must be there.
func (p *parser) space(i int) (int, bool) {
	t := p.tok(i)
	return i + 1, t.kind == kSpace && t.breaks <= 1
}

// isWord reports whether token i is the word w, ignoring case.
func (p *parser) isWord(i int, w string) bool {
	t := p.tok(i)
	return t.kind == kWord && strings.EqualFold(t.text, w)
}

// isDash reports whether token i is a dash or hyphen.
func (p *parser) isDash(i int) bool {
	t := p.tok(i)
	return t.kind == kPunct && strings.Contains(dashes, t.text)
}

// phrase matches the words of s at i. A space in s stands for white space
// in the text; a hyphen in s matches any dash, glued. s holds only ASCII
// letters, spaces and hyphens.
func (p *parser) phrase(i int, s string) (int, bool) {
	for s != "" {
		ok := false
		switch s[0] {
		case ' ':
			i, ok = p.space(i)
			s = s[1:]
		case '-':
			ok = p.isDash(i)
			i, s = i+1, s[1:]
		default:
			t := p.tok(i)
			n := len(t.text)
			ok = t.kind == kWord && n <= len(s) && strings.EqualFold(t.text, s[:n]) &&
				(n == len(s) || s[n] == ' ' || s[n] == '-')
			if ok {
				s = s[n:]
			}
			i++
		}
		if !ok {
			return i, false
		}
	}
	return i, true
}

// then moves past white space to the word w, which must follow.
func (p *parser) then(i int, w string) (int, bool) {
	j, ok := p.space(i)
	if !ok || !p.isWord(j, w) {
		return i, false
	}
	return j + 1, true
}

// prevWord returns the word before token i, across white space holding at
// most one line break ("" if there is none).
func (p *parser) prevWord(i int) string {
	k := i - 1
	if t := p.tok(k); t.kind == kSpace && t.breaks <= 1 {
		k--
	}
	if t := p.tok(k); t.kind == kWord {
		return lower(t.text)
	}
	return ""
}

// Year ranges: a year alone must be 1900–2099 (1600–2199 in a table
// label); a year written with a month or day may be 1000–2099.
func (p *parser) bareYears() (lo, hi int) {
	if p.label {
		return 1600, 2199
	}
	return 1900, 2099
}

func (p *parser) datedYears() (lo, hi int) {
	if p.label {
		return 1000, 2199
	}
	return 1000, 2099
}

// year reads a four-digit year within [lo, hi] at i.
func (p *parser) year(i, lo, hi int) (int, bool) {
	t := p.tok(i)
	if t.kind != kNum || len(t.text) != 4 {
		return 0, false
	}
	y := atoi(t.text)
	return y, y >= lo && y <= hi
}

// dayNum reads a day of the month, 1–31, with an optional ordinal suffix
// ("9th"); ord reports the suffix.
func (p *parser) dayNum(i int) (d, end int, ord, ok bool) {
	t := p.tok(i)
	if t.kind != kNum || len(t.text) > 2 {
		return 0, i, false, false
	}
	d = atoi(t.text)
	if d < 1 || d > 31 {
		return 0, i, false, false
	}
	switch lower(p.tok(i + 1).text) {
	case "st", "nd", "rd", "th":
		return d, i + 2, true, true
	}
	return d, i + 1, false, true
}

// count reads a small count: digits (1–999) or a number word ("two", "a").
func (p *parser) count(i int) (int, bool) {
	t := p.tok(i)
	switch t.kind {
	case kNum:
		n := atoi(t.text)
		return n, len(t.text) <= 3 && n > 0
	case kWord:
		n, ok := counts[lower(t.text)]
		return n, ok
	}
	return 0, false
}

// monthAt reads a month name at i; an abbreviation may take a full stop.
func (p *parser) monthAt(i int) (m int, abbrev bool, end int, ok bool) {
	t := p.tok(i)
	if t.kind != kWord {
		return 0, false, i, false
	}
	m, abbrev, ok = monthOf(t.text)
	if !ok {
		return 0, false, i, false
	}
	if abbrev && p.tok(i+1).text == "." {
		return m, true, i + 2, true
	}
	return m, abbrev, i + 1, true
}

// yearAfter reads the year after a month or day, optionally after a comma:
// "May 10, 2015", "20 January 1992".
func (p *parser) yearAfter(i int) (int, int, bool) {
	if p.tok(i).text == "," {
		i++
	}
	j, ok := p.next(i)
	if !ok {
		return 0, i, false
	}
	lo, hi := p.datedYears()
	y, ok := p.year(j, lo, hi)
	return y, j + 1, ok
}

// ordinal reads the ordinal of a quarter or half: "first", "1st", "last".
func (p *parser) ordinal(i int) (int, int, bool) {
	t := p.tok(i)
	if t.kind == kWord {
		n, ok := ordinals[lower(t.text)]
		return n, i + 1, ok
	}
	if d, end, ord, ok := p.dayNum(i); ok && ord && d <= 4 {
		return d, end, true
	}
	return 0, i, false
}

// yearRef reads a year as it may follow "of": "2024", "this year", "the
// same year"; with theYear also "the year", which nothing resolves.
func (p *parser) yearRef(i int, theYear bool) (yref, int, bool) {
	lo, hi := p.bareYears()
	if y, ok := p.year(i, lo, hi); ok {
		return yref{year: y}, i + 1, true
	}
	for _, r := range relYears {
		if j, ok := p.phrase(i, r.words); ok {
			return yref{rel: r.rel, off: r.off}, j, true
		}
	}
	if theYear {
		if j, ok := p.phrase(i, "the year"); ok {
			return yref{rel: fromNowhere}, j, true
		}
	}
	return yref{}, i, false
}

// points returns every point that starts at token i.
func (p *parser) points(i int) []pc {
	out := p.basic(nil, i)
	out = p.fuzzy(out, i)
	return p.edged(out, i)
}

// basic returns the points at i that are not narrowed to a third.
func (p *parser) basic(out []pc, i int) []pc {
	out = p.dayFirst(out, i)
	out = p.monthFirst(out, i)
	out = p.numeric(out, i)
	out = p.ordinalPart(out, i)
	out = p.letterPart(out, i)
	out = p.yearPart(out, i)
	out = p.firstMonths(out, i)
	out = p.season(out, i)
	out = p.decade(out, i)
	out = p.years(out, i)
	return p.relative(out, i)
}

// dayFirst reads "20 January 1992", "20th of January", "the 9th of May".
func (p *parser) dayFirst(out []pc, i int) []pc {
	j, needOrd := i, false
	if p.isWord(i, "the") {
		var ok bool
		if j, ok = p.space(i + 1); !ok {
			return out
		}
		needOrd = true
	}
	d, k, ord, ok := p.dayNum(j)
	if !ok || needOrd && !ord {
		return out
	}
	if k, ok = p.next(k); !ok {
		return out
	}
	if p.isWord(k, "of") {
		if k, ok = p.space(k + 1); !ok {
			return out
		}
	}
	m, _, k, ok := p.monthAt(k)
	if !ok || d > maxDay(m) {
		return out
	}
	pt := point{unit: uDay, n: m, day: d}
	if y, end, ok := p.yearAfter(k); ok {
		pt.year = y
		return append(out, pc{pt, end})
	}
	return append(out, pc{pt, k})
}

// monthFirst reads "August 22, 2024", "Aug. 22", "March 2023", "March of
// 2023" and a month alone.
func (p *parser) monthFirst(out []pc, i int) []pc {
	m, abbrev, k, ok := p.monthAt(i)
	if !ok {
		return out
	}
	if y, end, ok := p.yearAfter(k); ok {
		return append(out, pc{point{unit: uMonth, n: m, year: y}, end})
	}
	if j, ok := p.then(k, "of"); ok {
		if j, ok := p.space(j); ok {
			lo, hi := p.datedYears()
			if y, ok := p.year(j, lo, hi); ok {
				return append(out, pc{point{unit: uMonth, n: m, year: y}, j + 1})
			}
		}
	}
	out = append(out, pc{point{unit: uMonth, n: m, weak: abbrev, needsCue: true}, k})
	j, ok := p.next(k)
	if !ok {
		return out
	}
	if d, end, _, ok := p.dayNum(j); ok && d <= maxDay(m) {
		pt := point{unit: uDay, n: m, day: d}
		if y, end, ok := p.yearAfter(end); ok {
			pt.year = y
			return append(out, pc{pt, end})
		}
		out = append(out, pc{pt, end})
	}
	return out
}

// numeric reads "08.02.2024", "8/2/2024", "2024-02-08" and "2024-02".
// Dotted dates are day first. A slashed date is read day first or month
// first when one part exceeds 12; otherwise it is ambiguous.
func (p *parser) numeric(out []pc, i int) []pc {
	t := p.tok(i)
	if t.kind != kNum {
		return out
	}
	lo, hi := p.datedYears()
	if sep := p.tok(i + 1).text; len(t.text) <= 2 && (sep == "." || sep == "/") {
		u := p.tok(i + 2)
		y, ok := p.year(i+4, lo, hi)
		if !ok || u.kind != kNum || len(u.text) > 2 || p.tok(i+3).text != sep {
			return out
		}
		a, b := atoi(t.text), atoi(u.text)
		pt := point{unit: uDay, day: a, n: b, year: y}
		if sep == "/" {
			switch {
			case a > 12 && b > 12:
				return out
			case b > 12:
				pt.day, pt.n = b, a
			case a <= 12 && a != b:
				pt.ambiguous = true
			}
		}
		if pt.n < 1 || pt.n > 12 || pt.day < 1 || pt.day > maxDay(pt.n) {
			return out
		}
		return append(out, pc{pt, i + 5})
	}
	y, ok := p.year(i, lo, hi)
	if !ok || p.tok(i+1).text != "-" || p.tok(i+2).kind != kNum || len(p.tok(i+2).text) != 2 {
		return out
	}
	m := atoi(p.tok(i + 2).text)
	if m < 1 || m > 12 {
		return out
	}
	if p.tok(i+3).text == "-" && p.tok(i+4).kind == kNum && len(p.tok(i+4).text) == 2 {
		if d := atoi(p.tok(i + 4).text); d >= 1 && d <= maxDay(m) {
			return append(out, pc{point{unit: uDay, n: m, day: d, year: y}, i + 5})
		}
		return out
	}
	return append(out, pc{point{unit: uMonth, n: m, year: y}, i + 3})
}

// subYear returns the quarter or half that w names ("quarter", "Q",
// "half", "H") with number n; n -1 ("last", "final") is the last one.
func subYear(w string, n int) (point, bool) {
	switch lower(w) {
	case "quarter", "q":
		if n == -1 {
			n = 4
		}
		return point{unit: uQuarter, n: n}, n >= 1 && n <= 4
	case "half", "h":
		if n == -1 {
			n = 2
		}
		return point{unit: uHalf, n: n}, n >= 1 && n <= 2
	}
	return point{}, false
}

// ordinalPart reads "the first quarter of 2024", "first-half 2024", "the
// last quarter of 2023" and, without a year, "the first quarter".
func (p *parser) ordinalPart(out []pc, i int) []pc {
	if p.isWord(i, "the") {
		var ok bool
		if i, ok = p.space(i + 1); !ok {
			return out
		}
	}
	n, k, ok := p.ordinal(i)
	if !ok {
		return out
	}
	if t := p.tok(k); !(t.kind == kSpace && t.breaks <= 1) && !p.isDash(k) {
		return out
	}
	w := p.tok(k + 1)
	if pt, ok := subYear(w.text, n); ok && w.kind == kWord && len(w.text) > 1 {
		out = p.ofYear(out, pt, k+2, n != -1)
	}
	return out
}

// letterPart reads "Q1 2024", "Q1 of 2024", "Q1/2024", "1Q 2024", "H1
// 2024"; without a year ("Q1") it is weak, a date only in a range.
func (p *parser) letterPart(out []pc, i int) []pc {
	t, u := p.tok(i), p.tok(i+1)
	var pt point
	var ok bool
	switch {
	case t.kind == kWord && len(t.text) == 1 && u.kind == kNum && len(u.text) == 1:
		pt, ok = subYear(t.text, atoi(u.text))
	case t.kind == kNum && len(t.text) == 1 && u.kind == kWord && len(u.text) == 1:
		pt, ok = subYear(u.text, atoi(t.text))
	}
	if !ok {
		return out
	}
	out = append(out, pc{point{unit: pt.unit, n: pt.n, weak: true}, i + 2})
	k := i + 2
	if p.tok(k).text == "/" || p.isDash(k) {
		k++
	} else if k, ok = p.next(k); !ok {
		return out
	}
	if p.isWord(k, "of") {
		if k, ok = p.space(k + 1); !ok {
			return out
		}
	}
	if r, end, ok := p.yearRef(k, false); ok {
		out = append(out, pc{pt.withYear(r), end})
	}
	return out
}

// yearPart reads "2024 Q1" and "2024 H2", as table headers write them.
func (p *parser) yearPart(out []pc, i int) []pc {
	lo, hi := p.bareYears()
	y, ok := p.year(i, lo, hi)
	if !ok {
		return out
	}
	k, ok := p.space(i + 1)
	t, u := p.tok(k), p.tok(k+1)
	if !ok || t.kind != kWord || len(t.text) != 1 || u.kind != kNum || len(u.text) != 1 {
		return out
	}
	if pt, ok := subYear(t.text, atoi(u.text)); ok {
		pt.year = y
		out = append(out, pc{pt, k + 2})
	}
	return out
}

// ofYear appends pt read up to token k, without its year when yearless
// allows it, and with the year that follows as "of 2024", "2024" or "of
// this year". A yearless point followed by "of" and no year is not a date
// ("the first quarter of the century").
func (p *parser) ofYear(out []pc, pt point, k int, yearless bool) []pc {
	j, ok := p.space(k)
	if !ok {
		if yearless {
			out = append(out, pc{pt, k})
		}
		return out
	}
	of := p.isWord(j, "of")
	if of {
		if j, ok = p.space(j + 1); !ok {
			return out
		}
	}
	if r, end, ok := p.yearRef(j, of); ok {
		return append(out, pc{pt.withYear(r), end})
	}
	if yearless && !of {
		out = append(out, pc{pt, k})
	}
	return out
}

// firstMonths reads "the first nine months of 2024".
func (p *parser) firstMonths(out []pc, i int) []pc {
	j := i
	if p.isWord(j, "the") {
		var ok bool
		if j, ok = p.space(j + 1); !ok {
			return out
		}
	}
	if !p.isWord(j, "first") {
		return out
	}
	k, ok := p.space(j + 1)
	if !ok {
		return out
	}
	n, ok := p.count(k)
	if !ok || n < 2 || n > 12 || lower(p.tok(k).text) == "a" || lower(p.tok(k).text) == "an" {
		return out
	}
	if k, ok = p.then(k+1, "months"); !ok {
		return out
	}
	return p.ofYear(out, point{unit: uMonths, n: n}, k, true)
}

// season reads "autumn 2020", "the autumn of 2020", "winter 2022/23",
// "this spring", "last autumn".
func (p *parser) season(out []pc, i int) []pc {
	for _, r := range []struct {
		word string
		off  int
	}{{"this", 0}, {"last", -1}, {"next", 1}} {
		if p.isWord(i, r.word) {
			if k, ok := p.space(i + 1); ok {
				if s, ok := seasons[lower(p.tok(k).text)]; ok && p.tok(k).kind == kWord {
					if r.word == "last" && p.prevWord(i) == "the" {
						return out
					}
					return append(out, pc{point{unit: uSeason, n: s, rel: fromPublished, relUnit: uSeason, off: r.off}, k + 1})
				}
			}
			return out
		}
	}
	j := i
	if p.isWord(j, "the") {
		var ok bool
		if j, ok = p.space(j + 1); !ok {
			return out
		}
	}
	s, ok := seasons[lower(p.tok(j).text)]
	if !ok || p.tok(j).kind != kWord {
		return out
	}
	pt := point{unit: uSeason, n: s}
	k, ok := p.space(j + 1)
	if !ok {
		return out
	}
	of := p.isWord(k, "of")
	if of {
		if k, ok = p.space(k + 1); !ok {
			return out
		}
	}
	r, end, ok := p.yearRef(k, false)
	if !ok {
		return out
	}
	out = append(out, pc{pt.withYear(r), end})
	// winter 2022/23: the winter that starts in 2022
	if s == 4 && r.rel == fromText && p.tok(end).text == "/" {
		if u := p.tok(end + 1); u.kind == kNum && (len(u.text) == 2 && atoi(u.text) == (r.year+1)%100 || len(u.text) == 4 && atoi(u.text) == r.year+1) {
			out = append(out, pc{pt.withYear(r), end + 2})
		}
	}
	return out
}

// decade reads "the 2010s", "1990s", "the 1990's".
func (p *parser) decade(out []pc, i int) []pc {
	j, the := i, p.isWord(i, "the")
	if the {
		var ok bool
		if j, ok = p.space(i + 1); !ok {
			return out
		}
	}
	y, ok := p.year(j, 1800, 2090)
	if !ok || y%10 != 0 {
		return out
	}
	pt := point{unit: uDecade, year: y}
	switch t := p.tok(j + 1); {
	case t.kind == kWord && t.text == "s":
		return append(out, pc{pt, j + 2})
	case the && (t.text == "'" || t.text == "’") && p.tok(j+2).kind == kWord && p.tok(j+2).text == "s":
		return append(out, pc{pt, j + 3})
	}
	return out
}

// years reads a year alone: "2013", "this year", "the same year".
func (p *parser) years(out []pc, i int) []pc {
	r, end, ok := p.yearRef(i, false)
	if !ok || r.rel == fromPublished && r.off == -1 && p.prevWord(i) == "the" {
		return out
	}
	return append(out, pc{point{unit: uYear}.withYear(r), end})
}

// relative reads the relative phrases that are not a year alone: "last
// month", "the same day", "32 years ago", "a year later", "earlier this
// year".
func (p *parser) relative(out []pc, i int) []pc {
	for _, r := range relMonths {
		if end, ok := p.phrase(i, r.words); ok && !(r.off == -1 && r.rel == fromPublished && p.prevWord(i) == "the") {
			out = append(out, pc{point{unit: uMonth, rel: r.rel, relUnit: uMonth, off: r.off}, end})
		}
	}
	for _, r := range relDays {
		if end, ok := p.phrase(i, r.words); ok {
			out = append(out, pc{point{unit: uDay, rel: fromContext, relUnit: uDay, off: r.off}, end})
		}
	}
	// a weekday, capitalised: "on Wednesday", "last Friday", "next Monday"
	j, dir := i, 0
	if p.isWord(i, "last") || p.isWord(i, "next") {
		dir = map[bool]int{true: -1, false: 1}[p.isWord(i, "last")]
		var ok bool
		if j, ok = p.space(i + 1); !ok {
			j = -1
		}
	}
	if j >= 0 && p.tok(j).kind == kWord {
		// "on Wednesday, 4 December 2024": the full date that follows says it
		fullAfter := p.tok(j+1).kind == kPunct && p.tok(j+1).text == "," && p.tok(j+2).kind == kSpace &&
			(p.tok(j+3).kind == kNum || p.tok(j+3).kind == kWord && monthAt(p.tok(j+3).text))
		if wd, ok := weekdays[p.tok(j).text]; ok && (dir != 0 || p.prevWord(i) == "on") && !fullAfter {
			out = append(out, pc{point{unit: uDay, rel: fromPublished, relUnit: uDay, off: dir, weekday: int(wd) + 1}, j + 1})
		}
		// "last December", "next March": the month before or after the
		// publication month
		if m, abbrev, ok := monthOf(p.tok(j).text); ok && !abbrev && dir != 0 {
			out = append(out, pc{point{unit: uMonth, n: m, rel: fromPublished, relUnit: uYear, monthDir: dir}, j + 1})
		}
	}
	// N years ago, N months later
	if n, ok := p.count(i); ok {
		if k, ok := p.space(i + 1); ok {
			u := lower(p.tok(k).text)
			if u == "years" || u == "months" || (u == "year" || u == "month") && n == 1 {
				un := uYear
				if u[0] == 'm' {
					un = uMonth
				}
				if k, ok := p.space(k + 1); ok {
					switch lower(p.tok(k).text) {
					case "ago":
						out = append(out, pc{point{unit: un, rel: fromPublished, relUnit: un, off: -n}, k + 1})
					case "later":
						out = append(out, pc{point{unit: un, rel: fromContext, relUnit: un, off: n}, k + 1})
					case "earlier":
						out = append(out, pc{point{unit: un, rel: fromContext, relUnit: un, off: -n}, k + 1})
					}
				}
			}
		}
	}
	// earlier this year, later that month
	for _, c := range []struct {
		word string
		clip int
	}{{"earlier", -1}, {"later", 1}} {
		if !p.isWord(i, c.word) {
			continue
		}
		k, ok := p.space(i + 1)
		if !ok {
			break
		}
		for _, r := range []struct {
			words string
			rel   from
			u     unit
		}{
			{"this year", fromPublished, uYear}, {"that year", fromContext, uYear},
			{"this month", fromPublished, uMonth}, {"that month", fromContext, uMonth},
		} {
			if end, ok := p.phrase(k, r.words); ok {
				out = append(out, pc{point{unit: r.u, rel: r.rel, relUnit: r.u, clip: c.clip}, end})
			}
		}
	}
	return out
}

// thirdable reports whether a point may be narrowed to a third: a month,
// quarter, half, season, year or decade named whole.
func thirdable(pt point) bool {
	switch pt.unit {
	case uMonth, uQuarter, uHalf, uSeason, uYear, uDecade:
		return pt.third == 0 && pt.clip == 0 && !pt.weak
	}
	return false
}

// fuzzy reads "early December 2023", "mid-2020", "the late 1990s", "the
// middle of 2020".
func (p *parser) fuzzy(out []pc, i int) []pc {
	j := i
	if p.isWord(j, "the") {
		var ok bool
		if j, ok = p.space(j + 1); !ok {
			return out
		}
	}
	var third int
	switch lower(p.tok(j).text) {
	case "early":
		third = 1
	case "mid":
		third = 2
	case "late":
		third = 3
	case "middle":
		third = 2
		k, ok := p.then(j+1, "of")
		if !ok {
			return out
		}
		j = k - 1
	default:
		return out
	}
	k := j + 1
	if p.isDash(k) {
		k++
		if t := p.tok(k); t.kind == kSpace && t.breaks <= 1 {
			k++
		}
	} else {
		var ok bool
		if k, ok = p.space(k); !ok {
			return out
		}
	}
	for _, c := range p.basic(nil, k) {
		if thirdable(c.pt) {
			c.pt.third, c.pt.needsCue = third, false
			out = append(out, c)
		}
	}
	return out
}

// edged reads "at the end of 2023", "as of the end of 2023", "the
// beginning of 2020", "early in 2020", "year-end 2023", "end-2023", "the
// end of the year".
func (p *parser) edged(out []pc, i int) []pc {
	starts := []int{i}
	for _, w := range []string{"at", "as of", "towards", "toward"} {
		if j, ok := p.phrase(i, w); ok {
			if j, ok := p.space(j); ok {
				starts = append(starts, j)
			}
		}
	}
	for _, j := range starts {
		for _, e := range edges {
			k, ok := p.phrase(j, e.words)
			if !ok {
				continue
			}
			if !p.isDash(k - 1) {
				if k, ok = p.space(k); !ok {
					continue
				}
			}
			third := 1
			if e.edge == EdgeEnd {
				third = 3
			}
			cands := p.basic(nil, k)
			if end, ok := p.phrase(k, "the year"); ok {
				cands = append(cands, pc{point{unit: uYear, rel: fromNowhere}, end})
			}
			for _, c := range cands {
				if thirdable(c.pt) {
					c.pt.third, c.pt.edge, c.pt.needsCue = third, e.edge, false
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// exprs returns every expression that starts at token i, open bounds
// included. cue says that a month alone is a date here.
func (p *parser) exprs(i int, cue bool) []ec {
	out := p.closed(nil, i, cue)
	for _, o := range opens {
		j, ok := p.phrase(i, o.words)
		if !ok {
			continue
		}
		if j, ok = p.space(j); !ok {
			continue
		}
		for _, c := range p.closed(nil, j, true) {
			c.e.open = o.kind
			out = append(out, c)
		}
	}
	return out
}

// closed returns the ranges and points that start at token i.
func (p *parser) closed(out []ec, i int, cue bool) []ec {
	pts := p.points(i)
	switch {
	case p.isWord(i, "from"):
		if j, ok := p.space(i + 1); ok {
			out = p.ranges(out, j, p.points(j), "to", "till", "until", "through")
		}
	case p.isWord(i, "between"):
		if j, ok := p.space(i + 1); ok {
			out = p.ranges(out, j, p.points(j), "and")
		}
	}
	out = p.ranges(out, i, pts, "to")
	out = p.recentYears(out, i)
	out = p.weeks(out, i)
	out = p.yearBeforeLast(out, i)
	out = p.shortYears(out, i)
	out = p.dayRange(out, i)
	for _, c := range pts {
		if !c.pt.weak && (cue || !c.pt.needsCue) {
			out = append(out, ec{expr{a: c.pt}, c.end})
		}
	}
	return out
}

// yearBeforeLast reads "the year before last": two years before the
// publication year.
func (p *parser) yearBeforeLast(out []ec, i int) []ec {
	if end, ok := p.phrase(i, "the year before last"); ok {
		pt := point{unit: uYear, rel: fromPublished, relUnit: uYear, off: -2}
		return append(out, ec{expr{a: pt}, end})
	}
	return out
}

// monthAt reports whether a word is a month name.
func monthAt(w string) bool {
	_, _, ok := monthOf(w)
	return ok
}

// weeks reads "last week", "this week", "next week": Monday to Sunday of
// the week before, of, or after the publication day.
func (p *parser) weeks(out []ec, i int) []ec {
	off := 0
	switch {
	case p.isWord(i, "last"):
		off = -1
	case p.isWord(i, "this"):
	case p.isWord(i, "next"):
		off = 1
	default:
		return out
	}
	k, ok := p.space(i + 1)
	if !ok || !p.isWord(k, "week") || p.prevWord(i) == "the" {
		return out // "the last week of May" is no relative week
	}
	if n, ok := p.space(k + 1); ok && p.isWord(n, "of") {
		return out
	}
	a := point{unit: uDay, rel: fromPublished, relUnit: uDay, week: true, off: off}
	b := a
	b.weekEnd = true
	return append(out, ec{expr{a: a, b: b, isRange: true}, k + 1})
}

// recentYears reads the years just before publication: "the past
// decade", "the last five years", "the previous three years", "two
// consecutive years". N years back are the N calendar years before the
// publication year (a decade is ten): published in 2025, "over the past
// decade" is 2015/2024 and "for two consecutive years" 2023/2024.
func (p *parser) recentYears(out []ec, i int) []ec {
	n, end := 0, 0
	j := i
	if p.isWord(j, "the") {
		var ok bool
		if j, ok = p.space(j + 1); !ok {
			return out
		}
	}
	switch {
	case p.isWord(j, "past") || p.isWord(j, "last") || p.isWord(j, "previous"):
		k, ok := p.space(j + 1)
		if !ok {
			return out
		}
		if p.isWord(k, "decade") {
			n, end = 10, k+1
			break
		}
		c, ok := p.count(k)
		if !ok || c < 2 {
			return out
		}
		if k, ok = p.then(k+1, "years"); !ok {
			return out
		}
		n, end = c, k
	default:
		// "two consecutive years", "three years in a row"
		c, ok := p.count(i)
		if !ok || c < 2 {
			return out
		}
		k, ok := p.then(i+1, "consecutive")
		if !ok {
			return out
		}
		if k, ok = p.then(k, "years"); !ok {
			return out
		}
		n, end = c, k
	}
	a := point{unit: uYear, rel: fromPublished, relUnit: uYear, off: -n}
	b := point{unit: uYear, rel: fromPublished, relUnit: uYear, off: -1}
	return append(out, ec{expr{a: a, b: b, isRange: true}, end})
}

// ranges reads "A – B" and "A to B" (or "A and B" after "between"), where
// as are the points at i: the first end may lack its year or month, which
// it takes from the second.
func (p *parser) ranges(out []ec, i int, as []pc, words ...string) []ec {
	if d, end, _, ok := p.dayNum(i); ok {
		as = append(as[:len(as):len(as)], pc{point{unit: uDay, day: d}, end})
	}
	bs := map[int][]pc{}
	for _, a := range as {
		for _, k := range p.separators(a.end, words) {
			if _, ok := bs[k]; !ok {
				bs[k] = p.points(k)
			}
			for _, b := range bs[k] {
				if e, ok := join(a.pt, b.pt); ok {
					out = append(out, ec{e, b.end})
				}
			}
		}
	}
	return out
}

// separators returns where the second end of a range may start after
// token i: after a dash (white space around it optional) or after one of
// words (white space around it required).
func (p *parser) separators(i int, words []string) []int {
	var out []int
	j := i
	if p.tok(j).kind == kSpace && p.tok(j).breaks <= 1 {
		j++
	}
	if p.isDash(j) {
		j++
		if p.isDash(j) {
			j++
		}
		if p.tok(j).kind == kSpace && p.tok(j).breaks <= 1 {
			j++
		}
		out = append(out, j)
	}
	for _, w := range words {
		if j, ok := p.then(i, w); ok {
			if j, ok := p.space(j); ok {
				out = append(out, j)
			}
		}
	}
	return out
}

// join makes a range of a and b: a day without month or a point without
// year takes them from the other end.
func join(a, b point) (expr, bool) {
	if a.unit == uDay && a.n == 0 {
		if b.unit != uDay || b.n == 0 {
			return expr{}, false
		}
		a.n = b.n
		if a.day > maxDay(a.n) {
			return expr{}, false
		}
	}
	inherit := func(to *point, from point) bool {
		if from.rel != fromText && from.relUnit != uYear {
			return false
		}
		to.year, to.rel, to.relUnit, to.off = from.year, from.rel, from.relUnit, from.off
		return true
	}
	switch {
	case a.needsYear() && !b.needsYear():
		if !inherit(&a, b) {
			return expr{}, false
		}
	case b.needsYear() && !a.needsYear():
		if !inherit(&b, a) {
			return expr{}, false
		}
	}
	a.weak, b.weak, a.needsCue, b.needsCue = false, false, false, false
	return expr{a: a, b: b, isRange: true}, true
}

// shortYears reads "2015/16", "2006/7", "2015-16" and "2015/2016". In
// running text the parts are glued; in a table label they may be spaced.
func (p *parser) shortYears(out []ec, i int) []ec {
	lo, hi := p.bareYears()
	a, ok := p.year(i, lo, hi)
	if !ok {
		return out
	}
	j := i + 1
	if p.label && p.tok(j).kind == kSpace {
		j++
	}
	if !p.isDash(j) && p.tok(j).text != "/" {
		return out
	}
	slash := p.tok(j).text == "/"
	j++
	if p.label && p.tok(j).kind == kSpace {
		j++
	}
	t := p.tok(j)
	if t.kind != kNum {
		return out
	}
	var b int
	switch len(t.text) {
	case 1:
		b = a - a%10 + atoi(t.text)
		if b <= a {
			b += 10
		}
	case 2:
		b = a - a%100 + atoi(t.text)
		if b <= a {
			b += 100
		}
	case 4:
		if !slash {
			return out // "2015-2016" is a range of two points
		}
		b = atoi(t.text)
	default:
		return out
	}
	if b <= a || b-a > 50 {
		return out
	}
	return append(out, ec{expr{a: point{unit: uYear, year: a}, b: point{unit: uYear, year: b}, isRange: true}, j + 1})
}

// dayRange reads "May 8–10, 2024".
func (p *parser) dayRange(out []ec, i int) []ec {
	m, _, k, ok := p.monthAt(i)
	if !ok {
		return out
	}
	if k, ok = p.next(k); !ok {
		return out
	}
	d1, k, _, ok := p.dayNum(k)
	if !ok {
		return out
	}
	for _, j := range p.separators(k, nil) {
		d2, end, _, ok := p.dayNum(j)
		if !ok || d2 > maxDay(m) || d1 > maxDay(m) {
			continue
		}
		a, b := point{unit: uDay, n: m, day: d1}, point{unit: uDay, n: m, day: d2}
		out = append(out, ec{expr{a: a, b: b, isRange: true}, end})
		if y, end, ok := p.yearAfter(end); ok {
			a.year, b.year = y, y
			out = append(out, ec{expr{a: a, b: b, isRange: true}, end})
		}
	}
	return out
}

// maxDay is the most days month m can have (29 for February).
func maxDay(m int) int {
	switch m {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// atoi converts digits to an int; s holds only digits, so it cannot fail
// but may overflow, which reads as 0.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}
