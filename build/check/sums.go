package check

import (
	"slices"
	"strings"
)

// sums checks that the two directions of trade add up to the turnover of
// the same period, unit and product.
//
// A turnover is compared with flows from, in this order of preference:
// the same place (the same table, or the prose of the same document); another
// place of the same document; a place of another document whose flows
// have the turnover's reporter (the same statistics). The first place that
// has both directions is used. A place that has a turnover of its own for
// the period is skipped (its flows are checked against that turnover, and
// the two turnovers against each other by the value check), so one error
// is reported once.
func (c *checker) sums(figs []*figure) {
	type key struct{ period, unit, product string }
	var turnovers []*figure
	flows := map[key][]*figure{}
	hasTurnover := map[key]map[string]bool{}
	for _, f := range figs {
		if f.dataset != "trade" {
			continue
		}
		k := key{f.period, f.unit, f.product}
		switch f.what {
		case "turnover":
			turnovers = append(turnovers, f)
			if hasTurnover[k] == nil {
				hasTurnover[k] = map[string]bool{}
			}
			hasTurnover[k][f.place()] = true
		case "exports", "imports":
			if f.from != "" && f.to != "" && f.from != f.to {
				flows[k] = append(flows[k], f)
			}
		}
	}
	for _, t := range turnovers {
		k := key{t.period, t.unit, t.product}
		for _, pl := range placesFor(t, flows[k]) {
			if pl != t.place() && hasTurnover[k][pl] {
				continue
			}
			var here []*figure
			for _, f := range flows[k] {
				if f.place() == pl && (f.source == t.source || f.reporter == t.reporter) {
					here = append(here, f)
				}
			}
			checked := false
			for i, x := range here {
				for _, y := range here[i+1:] {
					if x.from == y.to && x.to == y.from {
						c.sum(t, x, y)
						checked = true
					}
				}
			}
			if checked {
				break
			}
		}
	}
}

// placesFor orders the places of flows by preference for turnover t.
func placesFor(t *figure, flows []*figure) []string {
	rank := func(f *figure) int {
		switch {
		case f.place() == t.place():
			return 0
		case f.source == t.source:
			return 1
		case t.reporter != "" && f.reporter == t.reporter:
			return 2
		}
		return -1
	}
	type cand struct {
		rank  int
		place string
	}
	var cs []cand
	for _, f := range flows {
		if r := rank(f); r >= 0 {
			cs = append(cs, cand{r, f.place()})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(a.place, b.place)
	})
	cs = slices.Compact(cs)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.place
	}
	return out
}

// sum checks turnover t against flows x and y.
func (c *checker) sum(t, x, y *figure) {
	c.compared("sums")
	o := c.opts
	if x.from > y.from {
		x, y = y, x
	}
	sum := o.interval(x.written, x.qual, x.unit).plus(o.interval(y.written, y.qual, y.unit))
	if sum.meets(o.interval(t.written, t.qual, t.unit)) {
		return
	}
	resolved := ""
	if o.interval(x.publish, x.qual, x.unit).plus(o.interval(y.publish, y.qual, y.unit)).meets(o.interval(t.publish, t.qual, t.unit)) {
		resolved = curationOf(t, x, y)
	}
	total := x.written + y.written
	detail := t.period + " trade: " + x.what + " " + x.from + "→" + x.to + " " + x.describe() +
		" + " + y.what + " " + y.from + "→" + y.to + " " + y.describe() +
		" = " + amount(total, t.unit) + ", but turnover is " + t.describe() +
		": " + percentOff(total, t.written) + " apart"
	c.add("sums", SumMismatch, detail, resolved, t.id, x.id, y.id)
}
