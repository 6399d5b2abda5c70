package check

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/claimpack/claimpack/build/record"
)

// figure is a trade or fdi figure as the checks see it: the value as
// written and as published, in one unit basis, with what it is about.
//
// Each figure stands for an interval of true values:
//
//	exact      v ± (Tolerance·|v| + r)
//	approx     v ± (ApproxTolerance·|v| + r)
//	more_than  [v − Tolerance·|v|, +∞)
//	less_than  (−∞, v + Tolerance·|v|]
//
// where r is the rounding of the written number: half a unit of its last
// non-zero digit ($7.7 billion → ±0.05 billion, $5 billion → ±0.5
// billion, 150 → ±5), since writers round. Counts and ranks are taken as
// written (r = 0), and so is the threshold of "more than" and "less
// than". Two figures disagree when their intervals are disjoint; a sum
// agrees when the interval of exports + imports meets the interval of
// turnover.
type figure struct {
	id       string
	claim    string
	dataset  string // trade | fdi
	what     string // indicator or measure
	product  string
	from, to string // exporter and importer, investor and host
	reporter string
	period   string // EDTF
	unit     string // the unit basis of written and published: USD when known
	written  float64
	publish  float64
	qual     record.Qualifier
	text     string // value_text
	unitText string
	method   record.Method
	table    string
	source   string
	line     int32
	curation string
}

// figures lists the trade and fdi figures that have a resolved period.
func figures(in Input) []*figure {
	var out []*figure
	for _, t := range in.Trade {
		if !t.When.Resolved() {
			continue
		}
		f := newFigure(t.RecordID, t.ClaimID, "trade", t.Indicator, t.Figure, t.Provenance, t.When, t.Table)
		f.product, f.from, f.to, f.reporter = t.Product, t.Exporter, t.Importer, t.Reporter
		out = append(out, f)
	}
	for _, d := range in.FDI {
		if !d.When.Resolved() {
			continue
		}
		f := newFigure(d.RecordID, d.ClaimID, "fdi", d.Measure, d.Figure, d.Provenance, d.When, d.Table)
		f.product, f.from, f.to = d.Lender+"\x1f"+d.Project, d.Investor, d.Host
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *figure) int {
		return cmp.Or(strings.Compare(a.source, b.source), cmp.Compare(a.line, b.line), strings.Compare(a.id, b.id))
	})
	return out
}

func newFigure(id, claim, dataset, what string, fig record.Figure, p record.Provenance, when record.Period, table string) *figure {
	f := &figure{
		id: id, claim: claim, dataset: dataset, what: what, period: when.EDTF,
		unit: fig.Unit, written: fig.Written, publish: fig.Value, qual: fig.Qualifier,
		text: fig.ValueText, unitText: fig.UnitText, method: p.Method, table: table,
		source: p.SourceID, line: p.Line, curation: p.CurationID,
	}
	if fig.WrittenUSD != nil {
		f.unit, f.written = "USD", *fig.WrittenUSD
		if fig.ValueUSD != nil {
			f.publish = *fig.ValueUSD
		}
	} else if fig.Written == 0 && fig.Value != 0 && p.CurationID == "" {
		// An extractor that did not fill in Written: an uncurated figure
		// is published as written.
		f.written = fig.Value
		if fig.ValueUSD != nil {
			f.unit, f.written, f.publish = "USD", *fig.ValueUSD, *fig.ValueUSD
		}
	}
	return f
}

// key groups figures that state the same quantity: dataset, indicator or
// measure, product, direction, period and unit. Exports and imports with
// a direction are one quantity, the flow of goods from one country to the
// other: China's exports to Belarus are Belarus's imports from China
// (mirror statistics of two reporters, which can disagree).
func (f *figure) key() string {
	what := f.what
	if f.dataset == "trade" && (what == "exports" || what == "imports") && f.from != "" && f.to != "" {
		what = "flow"
	}
	return strings.Join([]string{f.dataset, what, f.product, f.from, f.to, f.period, f.unit}, "\x1f")
}

// place is the table (or the prose) of a document a figure comes from.
func (f *figure) place() string { return f.source + "\x1f" + f.table }

// where names the figure's position: source_id:line.
func (f *figure) where() string { return fmt.Sprintf("%s:%d", f.source, f.line) }

// describe is the figure in a conflict's detail: the value as written
// in base units, and the words of the document.
func (f *figure) describe() string {
	s := qualWords(f.qual) + amount(f.written, f.unit)
	text := f.text
	if f.method == record.ByTable && f.unitText != "" {
		text = "table cell " + f.text + " (" + f.unitText + ")"
	}
	if text != "" {
		s += " (" + text + ", " + f.where() + ")"
	} else {
		s += " (" + f.where() + ")"
	}
	return s
}

// label is what the figures of a group are about: "2023 turnover
// (CHN→BLR)".
func (f *figure) label() string {
	s := f.period + " " + f.what
	if p := strings.Trim(f.product, "\x1f"); p != "" {
		s += " of " + strings.ReplaceAll(p, "\x1f", ", ")
	}
	if f.from != "" || f.to != "" {
		s += " (" + f.from + "→" + f.to + ")"
	}
	return s
}

// span is an interval of values.
type span struct{ lo, hi float64 }

func (s span) meets(t span) bool { return s.lo <= t.hi && t.lo <= s.hi }

func (s span) scale(k float64) span {
	a, b := s.lo*k, s.hi*k
	return span{min(a, b), max(a, b)}
}

func (s span) plus(t span) span { return span{s.lo + t.lo, s.hi + t.hi} }

// interval is the span of true values a figure of value v stands for.
func (o Options) interval(v float64, q record.Qualifier, unit string) span {
	switch q {
	case record.MoreThan:
		return span{v - o.Tolerance*math.Abs(v), math.Inf(1)}
	case record.LessThan:
		return span{math.Inf(-1), v + o.Tolerance*math.Abs(v)}
	}
	w := o.Tolerance*math.Abs(v) + rounding(v, unit)
	if q == record.Approx {
		w = o.ApproxTolerance*math.Abs(v) + rounding(v, unit)
	}
	return span{v - w, v + w}
}

// rounding is half a unit of the last non-zero significant digit of v
// (0 for counts and ranks, which are written exactly).
func rounding(v float64, unit string) float64 {
	if v == 0 || unit == "count" || unit == "rank" {
		return 0
	}
	// Twelve significant digits drop the noise of binary floating point
	// (28.29 × 1e9 = 28290000000.000004).
	s := strconv.FormatFloat(math.Abs(v), 'e', 11, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.TrimRight(strings.Replace(mant, ".", "", 1), "0")
	return 0.5 * math.Pow(10, float64(e-(len(digits)-1)))
}

// amount formats a value in base units: 7.7e9 USD, 9.22 percent.
func amount(v float64, unit string) string {
	return number(v) + " " + unit
}

// number formats a value with at most twelve significant digits; large
// values in e-notation (7.7e9), as the conflicts schema's example does.
func number(v float64) string {
	if v == 0 {
		return "0"
	}
	if a := math.Abs(v); a >= 1e6 || a < 1e-4 {
		s := strconv.FormatFloat(v, 'e', 11, 64)
		mant, exp, _ := strings.Cut(s, "e")
		if strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		e, _ := strconv.Atoi(exp)
		return mant + "e" + strconv.Itoa(e)
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func qualWords(q record.Qualifier) string {
	switch q {
	case record.Approx:
		return "about "
	case record.MoreThan:
		return "more than "
	case record.LessThan:
		return "less than "
	}
	return ""
}

// percentOff is how far a is from b, relative to b, in percent.
func percentOff(a, b float64) string {
	if b == 0 {
		return "∞%"
	}
	return strconv.FormatFloat(math.Abs(a-b)/math.Abs(b)*100, 'f', 1, 64) + "%"
}
