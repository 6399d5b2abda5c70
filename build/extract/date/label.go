package date

import (
	"strings"

	"github.com/claimpack/claimpack/build/record"
)

// labelMarks are the footnote marks a table label may end with.
const labelMarks = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰ "

// ParseLabel reads s as a period label and reports whether it is one.
// Footnote marks (*, ¹) after the label are ignored.
//
// A label is one explicit expression of the grammar that Find uses, and
// nothing else: "2023", "2015/16", "2015–2017", "Q1 2024", "2024 Q1", "H1
// 2024", "January–June 2024", "March 2023". A year alone may be 1600–2199;
// a range of years may span at most 50 years. Relative, open and edge
// expressions are not labels.
func ParseLabel(s string) (record.Period, bool) {
	t := strings.TrimRight(strings.TrimSpace(s), labelMarks)
	p := &parser{toks: tokenize(t), label: true}
	first, last := 0, len(p.toks)
	for first < last && p.toks[first].kind == kSpace {
		first++
	}
	for last > first && p.toks[last-1].kind == kSpace {
		last--
	}
	if first == last {
		return record.Period{}, false
	}
	for _, c := range p.exprs(first, true) {
		if c.end != last || c.e.open != OpenNone || c.e.a.edge != EdgeNone {
			continue
		}
		if c.e.isRange && c.e.a.unit == uYear && c.e.b.unit == uYear && c.e.b.year-c.e.a.year > 50 {
			continue
		}
		per, ok := resolve(c.e, Anchor{})
		if !ok || per.Basis != record.Explicit {
			continue
		}
		per.Text = strings.TrimSpace(s)
		return per, true
	}
	return record.Period{}, false
}
