package quantity

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
)

// Kind says what a quantity measures.
type Kind string

// The kinds of quantities.
const (
	Money    Kind = "money"    // a currency amount: "$7.7 billion"
	Percent  Kind = "percent"  // "9.22 %", "50-75 percent"
	Count    Kind = "count"    // a number of things: "nearly 100 Chinese enterprises"
	Multiple Kind = "multiple" // "fivefold", "2.5 times", "doubled"
	Rank     Kind = "rank"     // "second-largest", "the largest"
)

// Quantity is one figure found in a text.
type Quantity struct {
	// Start and End are the byte span in the searched text of the figure as
	// written, with currency and scale: "$7.7 billion", "USD 748.2
	// million", "8.5 billion dollars", "18%", "fivefold", "second-largest".
	// A qualifier is not part of it.
	Start, End int
	Kind       Kind
	// Value is in base units: money in currency units (7.7e9), a percentage
	// as written (9.22), a count, a rank (2 for second-largest), a multiple
	// (5 for fivefold). It is negative when Negative is set.
	Value float64
	// Unit is the ISO 4217 code of money (USD, BYN, CNY, RUB, EUR) and
	// "percent", "count", "multiple" or "rank" otherwise.
	Unit string
	// Number is the numeric part as ParseNumber read it (the low end of a
	// range); zero for number words ("fivefold", "one billion").
	Number Number
	// Scale is the factor of the scale words (1e9 for "billion"), 1 without.
	Scale float64
	// Qualifier is how the text qualifies the figure ("nearly" is approx),
	// and QualStart, QualEnd the span of the qualifier words (0, 0 when
	// exact).
	Qualifier          record.Qualifier
	QualStart, QualEnd int
	// Negative reports that Value is negative: the text states a decline of
	// the figure ("declined by 13.2 %", "a decrease of 5%") or writes it
	// with a minus sign ("−8,15").
	Negative bool
	// High is the high end of a range ("USD 30-60 billion", "5-6%"), with
	// Value the low end; 0 when the figure is no range. A declining range
	// has both ends negated.
	High float64
	// ValueText is the figure as written, text[Start:End].
	ValueText string
}

// Units of the kinds other than money.
const (
	unitPercent  = "percent"
	unitCount    = "count"
	unitMultiple = "multiple"
	unitRank     = "rank"
)

// Keys of the lexicon's cues.
const (
	cueDecline  = "decline"
	cueIncrease = "increase"
)

// Finder finds quantities with one lexicon. NewFinder compiles the
// lexicon's currencies, scales and cues once; a Finder is read-only and safe
// for concurrent use.
type Finder struct {
	cues       *lexicon.Dict // qualifier and direction cues; key: cue key
	symbols    *lexicon.Dict // currency written before a number; key: ISO code
	currencies *lexicon.Dict // currency written after a number; key: ISO code
	scales     *lexicon.Dict // key: index into factors
	factors    []float64

	g     grammar
	terms *lexicon.Dict // the grammar's multi-word classes; key: class
}

// Classes of grammar terms, the keys of Finder.terms. One dictionary
// finds them all in one pass (each pass folds the whole text); where terms
// of two classes overlap the longer wins, as "p.p." (a measure) over "p."
// (a marker).
const (
	classPercent   = "percent"
	classMeasure   = "measure"
	classMarker    = "marker"
	classCountNoun = "count noun"
	classPartitive = "partitive"
)

// NewFinder returns a Finder for the vocabulary of lex. A nil lexicon
// knows no currencies, scales or cues.
func NewFinder(lex *lexicon.Lexicon) *Finder {
	f := &Finder{
		cues:       lexicon.NewDict(),
		symbols:    lexicon.NewDict(),
		currencies: lexicon.NewDict(),
		scales:     lexicon.NewDict(),
		g:          english(),
	}
	if lex != nil {
		for _, c := range lex.Cues {
			for _, t := range c.Terms {
				f.cues.Add(t, c.Key)
			}
		}
		for _, c := range lex.Currencies {
			for _, s := range c.Symbols {
				f.symbols.Add(s, c.Code)
			}
			for _, w := range c.Words {
				f.currencies.Add(w, c.Code)
			}
		}
		for _, s := range lex.Scales {
			if !(s.Factor > 0) || math.IsInf(s.Factor, 0) {
				continue
			}
			key := strconv.Itoa(len(f.factors))
			f.factors = append(f.factors, s.Factor)
			for _, w := range s.Words {
				f.scales.Add(w, key)
			}
		}
	}
	f.terms = lexicon.NewDict()
	for _, c := range []struct {
		class string
		terms []string
	}{
		{classPercent, f.g.percent},
		{classMeasure, f.g.measures},
		{classMarker, f.g.markers},
		{classCountNoun, f.g.countNouns},
		{classPartitive, f.g.partitives},
	} {
		for _, t := range c.terms {
			f.terms.Add(t, c.class)
		}
	}
	return f
}

// Find returns the quantities in text, in order and non-overlapping. It is
// NewFinder(lex).Find(text); build a Finder to search many texts.
func Find(text string, lex *lexicon.Lexicon) []Quantity {
	return NewFinder(lex).Find(text)
}

// Find returns the quantities in text, in order and non-overlapping.
//
// The text is read as a sequence of tokens — numbers (digits with their
// decimal and group separators: 7.7, 13,000, 0,404), words (letters) and
// single punctuation runes — separated by white space, which may include
// line breaks anywhere inside a figure. Multi-word terms (currencies, scale
// words, cues, "per cent") are found with the lexicon's Dict rules. The
// grammar, tried at each token from left to right:
//
//	figure   = [qualifier] core
//	core     = rank | multiple-word | money | numeral-figure
//	money    = symbol numeral [range] {scale}          "$7.7 billion", "USD 30-60 billion"
//	numeral-figure = numeral [range] [suffix | "-" word] {scale} unit
//	unit     = percent-word                            "18%", "50-75 percent" → percent
//	         | currency-word                           "8.5 billion dollars" → money
//	         | "times" | "fold"                        "2.5 times", "5-fold" → multiple
//	         | nothing                                 "100 enterprises", "ten million" → count
//	numeral  = number | minus number | number-word | "a" | "an"
//	range    = dash number                             "5-6%", "$30–$60 billion"
//	         | "and" number, after "between"           "between USD 5 and 7 billion"
//	rank     = [ordinal ("-" | space)] superlative     "second-largest", "the largest"
//	multiple-word = multiplying verb | number-word "fold"   "doubled", "fivefold"
//
// A qualifier is a lexicon cue (approx, more_than, less_than) directly
// before the core, a currency symbol allowed between: "nearly $5 billion".
// A figure is negative when a decline cue directly precedes it ("fell 5%"),
// precedes "by" in the same clause ("declined by 13.2 %") or directly
// precedes "of" ("a decrease of 3%"), or directly follows it after an
// article ("a 5% drop"); an increase cue in between stops the search.
//
// Number words ("five", "a") are read only before a scale word, a percent
// word, "fold" or "times". Vague amounts ("several hundred million USD",
// "hundreds of") have no numeral and are not quantities. A range is read
// only with a unit (money, percent, multiple): a bare "75-76" is a page
// range, not a count.
//
// Some numbers are not figures at all:
//   - identifiers: a number after a marker ("No. 5", "Table 2", "Tel:"), after
//     "+", "/" or "#", joined to another by "/", "+" or ":" ("16/17+1",
//     "2018/19", "14:30"), glued to letters ("V1", "COVID-19", "2024a"),
//     written with a leading zero ("08"), inside a URL, and the numbers
//     that follow an identifier across spaces, brackets and dashes ("+90
//     (312) 438 50 23-24"), or three bare numbers in a row;
//   - footnote references, glued after a word or a closing quote or bracket,
//     directly or through a period or comma ("billion.77", "coalition”5",
//     "day.”72", "initiative,39"), and a year with a footnote glued to it
//     ("2018.105 The");
//
// and some are figures but no counts: years (1900–2099 written without a
// separator, unless a count noun follows: "2000 enterprises"), measures
// ("6,000 km", "10-year", "50 years"), ordinals ("2nd"), numbers after a
// sentence's period that end the line or precede a capital ("Belarus. 128
// Lukashenka"), and numbers that start a line after a sentence's end and
// precede a capital, or stand alone on their line (footnote entries and
// page numbers).
func (f *Finder) Find(text string) []Quantity {
	s := newScan(f, text)
	var out []Quantity
	for i := 0; i < len(s.toks); {
		if q, next, ok := s.figure(i); ok {
			out = append(out, q)
			i = next
			continue
		}
		i++
	}
	return out
}

// figure reads "[qualifier] core" at token i and returns the quantity and
// the index of the token after it.
func (s *scan) figure(i int) (Quantity, int, bool) {
	j := i
	qual := record.Exact
	if h, ok := s.cue[i]; ok {
		switch q := record.Qualifier(h.key); q {
		case record.Approx, record.MoreThan, record.LessThan:
			qual, j = q, h.last+1
		}
	}
	if j >= len(s.toks) {
		return Quantity{}, 0, false
	}
	q, next, ok := s.core(i, j, true)
	if !ok || q.Kind == Multiple && !(q.Value > 0) { // "0 times"
		return Quantity{}, 0, false
	}
	if q.Kind != Rank && j > i {
		q.Qualifier, q.QualStart, q.QualEnd = qual, s.toks[i].start, s.toks[j-1].end
	}
	if (q.Kind == Money || q.Kind == Percent || q.Kind == Count) && q.Value > 0 && s.declines(i, next-1) {
		q.Value = -q.Value
		if q.High != 0 {
			q.High = -q.High
		}
	}
	q.Negative = q.Value < 0
	if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) || math.IsInf(q.High, 0) || math.IsNaN(q.High) {
		return Quantity{}, 0, false
	}
	q.ValueText = s.text[q.Start:q.End]
	return q, next, true
}

// core reads a figure without its qualifier at token j; i is where the
// figure with its qualifier starts. With ahead set, a number without a
// unit may take the unit of the figure after it ("5 to 6%").
func (s *scan) core(i, j int, ahead bool) (Quantity, int, bool) {
	if q, next, ok := s.rank(j); ok {
		return q, next, true
	}
	if q, next, ok := s.multiplyWord(j); ok {
		return q, next, true
	}
	if q, next, ok := s.fraction(j); ok {
		return q, next, true
	}
	n := len(s.toks)
	code := ""
	k := j
	if h, ok := s.symbol[j]; ok {
		if s.unknownCurrency(j) {
			return Quantity{}, 0, false
		}
		code, k = h.key, h.last+1
		if k >= n {
			return Quantity{}, 0, false
		}
	} else if h, ok := s.symbolEnd[j-1]; ok && s.unknownCurrency(h.first) {
		return Quantity{}, 0, false // the number after HK$
	}
	lo, ok := s.numeral(k)
	if !ok {
		return Quantity{}, 0, false
	}
	r := reading{first: j, last: lo.last, lo: lo, scale: 1}
	if hi, ok := s.rangeEnd(lo.last+1, code, lo, j > 0 && s.isWord(j-1, "between")); ok {
		r.hi, r.ranged, r.last = hi, true, hi.last
	}
	k = r.last + 1

	// A word glued to the number: a scale ("$1.3bn"), "fold", or else the
	// number is part of an identifier ("2024a", "5G") or an ordinal ("2nd").
	if k < n && s.toks[k].gap == noGap && s.toks[k].kind == wordTok && s.toks[r.last].kind == numTok {
		w := s.lower(k)
		if f, ok := s.gluedScale(w, code != ""); ok {
			r.scale *= f
			r.last, k = k, k+1
		} else if w == s.f.g.fold && code == "" {
			return s.make(Multiple, unitMultiple, r, k)
		} else {
			return Quantity{}, 0, false
		}
	}
	// A hyphenated word: "5-fold", "5-percent", "5-billion"; "10-year" is a
	// compound modifier, no figure.
	if k+1 < n && s.isDash(k) && s.toks[k].gap == noGap && s.toks[k+1].gap == noGap && s.toks[k+1].kind == wordTok {
		h, scale := s.scale[k+1]
		pct, isPct := s.termAt(classPercent, k+1)
		switch {
		case code == "" && s.isWord(k+1, s.f.g.fold):
			return s.make(Multiple, unitMultiple, r, k+1)
		case code == "" && isPct:
			return s.make(Percent, unitPercent, r, pct.last)
		case scale && len([]rune(h.term)) > 1:
			r.scale *= s.f.factors[atoi(h.key)]
			r.last, k = h.last, h.last+1
		default:
			return Quantity{}, 0, false
		}
	}
	// Scale words: "billion", "hundred million".
	for k < n {
		h, ok := s.scale[k]
		if !ok || len([]rune(h.term)) == 1 { // single letters count only glued
			break
		}
		r.scale *= s.f.factors[atoi(h.key)]
		r.last, k = h.last, h.last+1
	}

	if ahead && r.scale == 1 && !r.ranged && !r.lo.article {
		if q, next, ok := s.sharedUnit(i, r, k, code); ok {
			return q, next, true
		}
	}
	if code != "" {
		if r.lo.article || (r.lo.word && r.scale == 1) {
			return Quantity{}, 0, false
		}
		return s.make(Money, code, r, r.last)
	}
	if h, ok := s.termAt(classPercent, k); ok && r.scale == 1 && !r.lo.article {
		if !r.ranged {
			// "5%–6%"
			if hi, ok := s.rangeEnd(h.last+1, "", r.lo, false); ok {
				if h2, ok := s.termAt(classPercent, hi.last+1); ok {
					r.hi, r.ranged = hi, true
					return s.make(Percent, unitPercent, r, h2.last)
				}
			}
		}
		return s.make(Percent, unitPercent, r, h.last)
	}
	if h, ok := s.currency[k]; ok && !s.symbolOfNext(k, r) && !(r.lo.article && r.scale == 1) {
		return s.make(Money, h.key, r, h.last)
	}
	if r.scale == 1 && !r.lo.article {
		if s.isWord(k, s.f.g.fold) {
			return s.make(Multiple, unitMultiple, r, k)
		}
		if s.isWord(k, s.f.g.times) {
			if r.lo.num.Decimals > 0 || r.ranged || s.changeBefore(i) || !s.clauseEnd(k+1) {
				return s.make(Multiple, unitMultiple, r, k)
			}
			// "visited Belarus 13 times." counts visits
		}
	}
	if r.scale != 1 {
		if _, ok := s.termAt(classMeasure, k); ok {
			return Quantity{}, 0, false // "a thousand km"
		}
		return s.make(Count, unitCount, r, r.last)
	}
	if r.lo.word || r.lo.article || r.ranged || !s.bareCount(r.lo, k) {
		return Quantity{}, 0, false
	}
	return s.make(Count, unitCount, r, r.last)
}

// unknownCurrency reports whether the currency symbol at token j is glued
// to letters that make it a currency the lexicon does not know: HK$, A$.
func (s *scan) unknownCurrency(j int) bool {
	return j > 0 && s.toks[j].gap == noGap && s.toks[j-1].kind == wordTok
}

// sharedUnit reads a number r whose unit is written once, after the figure
// that follows it (token k on is "and", "to" or "or" and that figure):
// "from 5 to 6 percent", "$5 to $6 billion", "between 5 and 6%" (a range).
func (s *scan) sharedUnit(i int, r reading, k int, code string) (Quantity, int, bool) {
	if !s.isWord(k, "and") && !s.isWord(k, "to") && !s.isWord(k, "or") || k+1 >= len(s.toks) {
		return Quantity{}, 0, false
	}
	b, next, ok := s.core(k+1, k+1, false)
	switch {
	case !ok || b.High != 0:
		return Quantity{}, 0, false
	case code != "" && (b.Kind != Money || b.Unit != code || b.Scale == 1):
		return Quantity{}, 0, false // "$5 and $6": each has its unit
	case code == "" && b.Kind != Percent && b.Kind != Money && (b.Kind != Count || b.Scale == 1):
		return Quantity{}, 0, false
	case code == "" && !r.lo.word && !s.bareCount(r.lo, k):
		return Quantity{}, 0, false // "3% in 2019 and 5% in 2020": 2019 is a year
	}
	r.scale = b.Scale
	if s.isWord(i-1, "between") && s.isWord(k, "and") {
		q, _, _ := s.make(b.Kind, b.Unit, r, next-1)
		if q.Value >= 0 && b.Value > q.Value {
			q.High = b.Value
			return q, next, true
		}
	}
	return s.make(b.Kind, b.Unit, r, r.last)
}

// reading is a figure being read: its numerals and scale.
type reading struct {
	first, last int // tokens of the figure so far
	lo, hi      numeral
	ranged      bool
	scale       float64
}

// make returns the quantity read by r, ending at token last.
func (s *scan) make(kind Kind, unit string, r reading, last int) (Quantity, int, bool) {
	q := Quantity{
		Start:     s.toks[r.first].start,
		End:       s.toks[last].end,
		Kind:      kind,
		Value:     Scale(r.lo.value, r.scale),
		Unit:      unit,
		Number:    r.lo.num,
		Scale:     r.scale,
		Qualifier: record.Exact,
	}
	if r.ranged {
		q.High = Scale(r.hi.value, r.scale)
	}
	return q, last + 1, true
}

// numeral is a number as written: digits or a number word.
type numeral struct {
	first, last int // tokens
	value       float64
	num         Number // zero for words
	word        bool   // a number word: "five", "twenty-five"
	article     bool   // "a" or "an": one, before a scale word only
}

// numeral reads a numeral at token k.
func (s *scan) numeral(k int) (numeral, bool) {
	n := len(s.toks)
	switch t := s.toks[k]; t.kind {
	case numTok:
		// a number after its minus sign is read from the sign
		if !s.excluded[k] && !(s.isMinus(k-1) && s.toks[k].gap == noGap) {
			return s.parse(k, k)
		}
	case punctTok:
		if k+1 < n && s.isMinus(k) && s.toks[k+1].kind == numTok && s.toks[k+1].gap == noGap && !s.excluded[k+1] {
			return s.parse(k, k+1)
		}
		// "(+18.9 % on 2024)": an explicit plus sign
		if k+1 < n && s.isPunct(k, "+") && s.toks[k+1].kind == numTok && s.toks[k+1].gap == noGap && !s.excluded[k+1] &&
			(k == 0 || s.toks[k].gap != noGap || s.isPunct(k-1, "(")) {
			nm, ok := s.parse(k+1, k+1)
			nm.first = k
			return nm, ok
		}
	case wordTok:
		w := s.lower(k)
		if w == "a" || w == "an" {
			return numeral{first: k, last: k, value: 1, article: true}, true
		}
		v, ok := s.f.g.numerals[w]
		if !ok {
			return numeral{}, false
		}
		v, last := s.tens(k, v)
		// "three hundred and twenty million": hundreds, then tens and units
		if v < 10 && last+1 < n && s.isWord(last+1, "hundred") {
			v, last = v*100, last+1
			j := last + 1
			if j < n && s.isWord(j, "and") {
				j++
			}
			if j < n && s.toks[j].kind == wordTok {
				if u, ok := s.f.g.numerals[s.lower(j)]; ok && u < 100 {
					u, e := s.tens(j, u)
					v, last = v+u, e
				}
			}
		}
		// "one point eight billion": decimals spelled digit by digit
		if last+2 < n && s.isWord(last+1, "point") && s.toks[last+2].kind == wordTok && v < 1000 {
			frac, scale, j := 0.0, 0.1, last+2
			for j < n && s.toks[j].kind == wordTok {
				d, ok := s.f.g.numerals[s.lower(j)]
				if !ok || d > 9 || d != math.Trunc(d) {
					break
				}
				frac += d * scale
				scale /= 10
				j++
			}
			if j > last+2 {
				v, last = v+math.Round(frac*1e6)/1e6, j-1
			}
		}
		return numeral{first: k, last: last, value: v, word: true}, true
	}
	return numeral{}, false
}

// tens reads "twenty-five" from the tens word v at token k: its value and
// last token.
func (s *scan) tens(k int, v float64) (float64, int) {
	if v >= 20 && math.Mod(v, 10) == 0 && k+2 < len(s.toks) && s.isPunct(k+1, "-") &&
		s.toks[k+1].gap == noGap && s.toks[k+2].gap == noGap && s.toks[k+2].kind == wordTok {
		if u, ok := s.f.g.numerals[s.lower(k+2)]; ok && u < 10 {
			return v + u, k + 2
		}
	}
	return v, k
}

// parse reads the number written in tokens first through last.
func (s *scan) parse(first, last int) (numeral, bool) {
	num, err := ParseNumber(s.text[s.toks[first].start:s.toks[last].end], Auto)
	if err != nil {
		return numeral{}, false
	}
	return numeral{first: first, last: last, value: num.Value, num: num}, true
}

// rangeEnd reads the high end of a range at token k: a dash and a number
// larger than lo, with the currency symbol repeated or not ("$30–$60"),
// or after "between", "and" and a number ("between USD 5 and 7 billion").
// A negative low end takes no range: "-1-1" is no range from -1 to 1.
func (s *scan) rangeEnd(k int, code string, lo numeral, between bool) (numeral, bool) {
	n := len(s.toks)
	if lo.word || lo.article || lo.value < 0 || k+1 >= n || !(s.isDash(k) || between && s.isWord(k, "and")) {
		return numeral{}, false
	}
	m := k + 1
	if h, ok := s.symbol[m]; ok && code != "" && h.key == code {
		m = h.last + 1
	}
	if m >= n || s.toks[m].kind != numTok || (m == k+1 && s.toks[m].gap >= lineGap) {
		return numeral{}, false
	}
	hi, ok := s.parse(m, m)
	if !ok || hi.value <= lo.value {
		return numeral{}, false
	}
	return hi, true
}

// gluedScale returns the factor of a scale word glued to a number: "bn" in
// "$1.3bn". Single letters ("m", "k") are scales only after a currency
// symbol ("$5m"); "5m" alone may be metres.
func (s *scan) gluedScale(w string, money bool) (float64, bool) {
	m := s.f.scales.Find(w)
	if len(m) != 1 || m[0].Start != 0 || m[0].End != len(w) {
		return 0, false
	}
	if len([]rune(w)) == 1 && !money {
		return 0, false
	}
	return s.f.factors[atoi(m[0].Key)], true
}

// rank reads "second-largest", "third largest", "2nd-largest" or a
// superlative alone ("the largest": rank 1) at token j.
func (s *scan) rank(j int) (Quantity, int, bool) {
	n := len(s.toks)
	ord, k := 0.0, j
	switch t := s.toks[j]; t.kind {
	case wordTok:
		if o, ok := s.f.g.ordinals[s.lower(j)]; ok {
			ord, k = o, j+1
		}
	case numTok:
		if j+1 < n && !s.excluded[j] && s.toks[j+1].gap == noGap && s.toks[j+1].kind == wordTok && s.f.g.ordinalSuffix[s.lower(j+1)] {
			if v, err := strconv.Atoi(s.str(j)); err == nil && v > 1 {
				ord, k = float64(v), j+2
			}
		}
	}
	if ord > 0 {
		// "second place", "fifth position"; "ranked fifth", "came second"
		q := Quantity{Start: s.toks[j].start, End: s.toks[k-1].end, Kind: Rank, Value: ord, Unit: unitRank, Scale: 1, Qualifier: record.Exact}
		if k < n && s.toks[k].kind == wordTok && s.toks[k].gap != noGap && placeWords[s.lower(k)] {
			q.End = s.toks[k].end
			return q, k + 1, true
		}
		// "ranked fifth", or with the ranked one between: "placed China fifth"
		verb := j > 0 && s.toks[j-1].kind == wordTok && rankVerbs[s.lower(j-1)] ||
			j > 1 && s.toks[j-2].kind == wordTok && rankVerbs[s.lower(j-2)] && s.toks[j-1].kind == wordTok && unicode.IsUpper([]rune(s.str(j - 1))[0])
		if verb && (k >= n || s.toks[k].gap != noGap || s.toks[k].kind == punctTok) {
			return q, k, true
		}
	}
	if ord > 0 && k < n {
		if k+1 < n && s.isDash(k) && s.toks[k].gap == noGap && s.toks[k+1].gap == noGap {
			k++
		} else if s.toks[k].gap == noGap {
			return Quantity{}, 0, false
		}
	}
	if k >= n || s.toks[k].kind != wordTok || !s.f.g.superlatives[s.lower(k)] {
		return Quantity{}, 0, false
	}
	// "highest-level" is a compound adjective; "one of the largest" no rank.
	if k+2 < n && s.isDash(k+1) && s.toks[k+1].gap == noGap && s.toks[k+2].gap == noGap && s.toks[k+2].kind == wordTok {
		return Quantity{}, 0, false
	}
	if _, ok := s.termEndingAt(classPartitive, j-1); ok {
		return Quantity{}, 0, false
	}
	if ord == 0 {
		ord = 1
	}
	return Quantity{
		Start: s.toks[j].start, End: s.toks[k].end, Kind: Rank, Value: ord,
		Unit: unitRank, Scale: 1, Qualifier: record.Exact,
	}, k + 1, true
}

// placeWords follow an ordinal rank ("second place"); rankVerbs precede
// one ("ranked fifth").
var (
	placeWords = map[string]bool{"place": true, "position": true, "spot": true}
	rankVerbs  = map[string]bool{"ranked": true, "ranks": true, "rank": true, "ranking": true, "placed": true, "came": true, "comes": true, "finished": true}
)

// fractions are changes written as a share of the whole after "by": "grew
// by a third", "fell by more than half", "by a quarter".
var fractions = []struct {
	words []string
	value float64
}{
	{[]string{"two", "thirds"}, 66.7}, {[]string{"three", "quarters"}, 75}, {[]string{"a", "third"}, 33.3},
	{[]string{"one", "third"}, 33.3}, {[]string{"a", "quarter"}, 25}, {[]string{"one", "quarter"}, 25},
	{[]string{"a", "half"}, 50}, {[]string{"half"}, 50},
	{[]string{"a", "fifth"}, 20}, {[]string{"one", "fifth"}, 20}, {[]string{"a", "sixth"}, 16.7}, {[]string{"one", "sixth"}, 16.7},
	{[]string{"a", "tenth"}, 10}, {[]string{"one", "tenth"}, 10}, {[]string{"two", "fifths"}, 40}, {[]string{"three", "fifths"}, 60},
}

// fraction reads a fraction word as a percentage when "by" comes before it
// (with its qualifier: "by a third" is 33.3 percent), or "of" after it
// ("one-sixth of external public debt" is 16.7 percent).
func (s *scan) fraction(j int) (Quantity, int, bool) {
	b := j - 1
	for b >= 0 && s.toks[b].kind == wordTok && (s.lower(b) == "than" || s.lower(b) == "more" || s.lower(b) == "less" || s.lower(b) == "almost" || s.lower(b) == "nearly" || s.lower(b) == "about" || s.lower(b) == "over" || s.lower(b) == "roughly") {
		b--
	}
	by := b >= 0 && s.toks[b].kind == wordTok && s.lower(b) == "by"
	for _, fr := range fractions {
		k := j
		ok := true
		for i, w := range fr.words {
			if i > 0 && k < len(s.toks) && s.isDash(k) && s.toks[k].gap == noGap {
				k++ // "one-sixth"
			}
			if k >= len(s.toks) || s.toks[k].kind != wordTok || s.lower(k) != w {
				ok = false
				break
			}
			k++
		}
		of := k < len(s.toks) && s.toks[k].kind == wordTok && s.lower(k) == "of"
		// "grew by a third" is a change; "about one-sixth of external
		// public debt" a share; "a third" alone is neither
		if ok && (by && !of || !by && of && fr.words[0] != "half") {
			return Quantity{
				Start: s.toks[j].start, End: s.toks[k-1].end, Kind: Percent, Value: fr.value,
				Unit: unitPercent, Scale: 1, Qualifier: record.Exact,
			}, k, true
		}
	}
	return Quantity{}, 0, false
}

// multiplyWord reads a multiple written as one word: "doubled", "fivefold".
func (s *scan) multiplyWord(j int) (Quantity, int, bool) {
	if s.toks[j].kind != wordTok {
		return Quantity{}, 0, false
	}
	w := s.lower(j)
	v, ok := s.f.g.multiplyVerbs[w]
	if !ok && j > 0 && s.toks[j-1].kind == wordTok {
		// "more than double the figure", "almost triple", "to double":
		// the base form is a multiple only after a qualifier or "to"
		// ("double taxation" is none)
		switch s.lower(j - 1) {
		case "than", "almost", "nearly", "about", "roughly", "approximately", "around", "to", "over", "some":
			v, ok = s.f.g.multiplyBase[w]
		}
	}
	if !ok {
		if p, cut := strings.CutSuffix(w, s.f.g.fold); cut {
			v, ok = s.f.g.numerals[p]
		}
	}
	if !ok {
		return Quantity{}, 0, false
	}
	return Quantity{
		Start: s.toks[j].start, End: s.toks[j].end, Kind: Multiple, Value: v,
		Unit: unitMultiple, Scale: 1, Qualifier: record.Exact,
	}, j + 1, true
}

// bareCount reports whether a number written without a unit, whose next
// token is k, counts things.
func (s *scan) bareCount(lo numeral, k int) bool {
	n := len(s.toks)
	if _, ok := s.termAt(classMeasure, k); ok {
		return false
	}
	if isYear(s.str(lo.last)) {
		if _, ok := s.termAt(classCountNoun, k); !ok || s.toks[k].gap >= lineGap {
			return false
		}
	}
	first := lo.first
	// "| 32.9 |": a table cell, read by the table extractor
	if s.isPunct(first-1, "|") && s.isPunct(k, "|") {
		return false
	}
	// "1) mutual respect": an item number
	if s.isPunct(k, ")") && s.toks[k].gap == noGap && !s.openParen(first) {
		return false
	}
	// "…Partnership, 12.", "(2018): 17.", "“Belarus,” 4.", ", 79, https://…":
	// a page in a citation
	if s.isPunct(first-1, ",:”") && s.isPunct(k, ".,;") && s.toks[k].gap == noGap &&
		(k+1 >= n || s.toks[k+1].gap >= lineGap || s.inURL(k+1)) {
		return false
	}
	// "Center for Eurasian Studies 5" before a blank line: a page footer
	if k < n && s.toks[k].gap == paraGap || k >= n && strings.Count(s.text[s.toks[lo.last].end:], "\n") >= 2 {
		return false
	}
	// "March 28, 2015", "on 23 May 2021": a day of the month, which the
	// date extractor reads
	if v := lo.value; v >= 1 && v <= 31 && v == math.Trunc(v) && lo.num.Decimals == 0 &&
		(s.month(first-1) && s.toks[first].gap < lineGap || s.month(k) && s.toks[k].gap < lineGap) {
		return false
	}
	// "… for Belarus. 128\nLukashenka": a footnote after a sentence.
	if first > 0 && s.toks[first].gap == spaceGap && s.isPunct(first-1, ".!?") && s.quietAfter(k) {
		return false
	}
	// A footnote entry ("46 Maxim Samorukov …" after a sentence's end or a
	// URL) or a page number alone on its line.
	if first > 0 && s.toks[first].gap >= lineGap {
		if k >= n || s.toks[k].gap >= lineGap {
			return false
		}
		if s.capital(k) && (s.isPunct(first-1, ".!?”\"’)]:") || s.inURL(first-1)) {
			return false
		}
	}
	return true
}

// month reports whether token k is a month's name or its abbreviation
// ("March", "Mar"), capitalised.
func (s *scan) month(k int) bool {
	return s.in(k) && s.toks[k].kind == wordTok && s.f.g.months[s.str(k)]
}

// openParen reports whether an unclosed "(" precedes token k on its line.
func (s *scan) openParen(k int) bool {
	depth := 0
	for m := k - 1; m >= 0 && m >= k-60; m-- {
		switch {
		case s.isPunct(m, ")"):
			depth++
		case s.isPunct(m, "("):
			if depth == 0 {
				return true
			}
			depth--
		}
		if s.toks[m].gap >= lineGap {
			break
		}
	}
	return false
}

// declines reports whether the text states a decline of the figure in
// tokens first through last (its qualifier included).
func (s *scan) declines(first, last int) bool {
	if p := first - 1; p >= 0 && s.isWord(p, "minus") {
		return true // "balance: minus USD 5.31 billion"
	}
	if p := first - 1; p >= 0 {
		if h, ok := s.cueEnd[p]; ok && (h.key == cueDecline || h.key == cueIncrease) {
			return h.key == cueDecline // "fell 5%", "grew 4.5 %"
		}
		switch {
		case s.isWord(p, "by"):
			// "declined by 13.2 %", "contracted in 2022 by 4.7 %": a year
			// may come between, another figure may not
			for k := p - 1; k >= 0 && k >= p-8; k-- {
				if h, ok := s.cueEnd[k]; ok {
					if h.key == cueDecline || h.key == cueIncrease {
						return h.key == cueDecline
					}
					k = h.first
					continue
				}
				if (s.toks[k].kind == numTok && !isYear(s.str(k))) || s.isPunct(k, ".,;:!?()[]\"“”") {
					return false
				}
			}
		case s.isWord(p, "of"):
			// "a decrease of 3%"
			h, ok := s.cueEnd[p-1]
			return ok && p > 0 && h.key == cueDecline
		}
		// "a 5% drop"
		if s.isWord(p, "a") || s.isWord(p, "an") {
			h, ok := s.cue[last+1]
			return ok && h.key == cueDecline
		}
	}
	return false
}

// changeBefore reports whether a change verb precedes the figure starting
// at token i: "grew 2.5 times", "increased by three times".
func (s *scan) changeBefore(i int) bool {
	p := i - 1
	if s.isWord(p, "by") {
		p--
	}
	h, ok := s.cueEnd[p]
	return ok && p >= 0 && (h.key == cueIncrease || h.key == cueDecline)
}

// clauseEnd reports whether token k ends a clause: nothing or a
// punctuation mark that closes one.
func (s *scan) clauseEnd(k int) bool {
	return k >= len(s.toks) || s.isPunct(k, ".,;:!?)”\"")
}

// quietAfter reports whether nothing of the sentence follows at token k:
// the end of the text or line, or a capitalised word.
func (s *scan) quietAfter(k int) bool {
	return k >= len(s.toks) || s.toks[k].gap >= lineGap || s.capital(k)
}

// symbolOfNext reports whether the currency at token k, written after the
// figure r, is rather the symbol of the figure that follows it on the same
// line: "in 2019 USD 15 billion", but "3.78 BYN 3.00 BYN".
func (s *scan) symbolOfNext(k int, r reading) bool {
	h, ok := s.symbol[k]
	if !ok || h.last+1 >= len(s.toks) || s.toks[h.last+1].gap >= lineGap {
		return false
	}
	if r.scale != 1 || r.ranged || !isYear(s.str(r.lo.last)) {
		return false
	}
	num, ok := s.numeral(h.last + 1)
	return ok && !num.word && !num.article
}

// isYear reports whether a number as written looks like a year: four
// digits from 1900 to 2099.
func isYear(lit string) bool {
	if len(lit) != 4 || !(strings.HasPrefix(lit, "19") || strings.HasPrefix(lit, "20")) {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isDigit(lit[i]) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
