package check

import (
	"math"

	"github.com/claimpack/claimpack/build/record"
)

// values compares every two figures that state the same quantity (see
// figure.key): a table value and a prose figure a power of ten apart are a
// unit mismatch, and the figures are then compared again with the table
// value brought to the prose figure's scale; otherwise two figures whose
// intervals are disjoint are a value disagreement.
func (c *checker) values(figs []*figure) {
	groups := map[string][]*figure{}
	var keys []string
	for _, f := range figs {
		k := f.key()
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, k := range keys {
		g := groups[k]
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				c.pair(g[i], g[j])
			}
		}
	}
}

// pair compares two figures of one quantity.
func (c *checker) pair(a, b *figure) {
	if t, p, ok := tableAndProse(a, b); ok {
		c.compared("units")
		if k, ok := c.powerOfTen(t.written, p.written, p.qual); ok {
			resolved := ""
			if _, still := c.powerOfTen(t.publish, p.publish, p.qual); !still {
				resolved = curationOf(t, p)
			}
			c.add("units", UnitMismatch, t.label()+": "+t.describe()+" is "+scaleWords(k)+" "+p.describe()+
				": the table's unit is probably off by a factor of "+number(math.Pow(10, math.Abs(float64(k)))), resolved, t.id, p.id)
			// Compared at one scale, do they still disagree?
			c.compared("values")
			ts := c.opts.interval(t.written, t.qual, t.unit).scale(math.Pow(10, -float64(k)))
			if !ts.meets(c.opts.interval(p.written, p.qual, p.unit)) {
				c.add("values", ValueDisagreement, t.label()+": "+t.describe()+", read at the scale of "+p.describe()+
					", is "+number(t.written/math.Pow(10, float64(k)))+" "+t.unit+", "+percentOff(t.written/math.Pow(10, float64(k)), p.written)+" off",
					c.resolvedValue(t, p), t.id, p.id)
			}
			return
		}
	}
	c.compared("values")
	if c.opts.interval(a.written, a.qual, a.unit).meets(c.opts.interval(b.written, b.qual, b.unit)) {
		return
	}
	c.add("values", ValueDisagreement, a.label()+": "+a.describe()+" vs "+b.describe()+
		disagreementWords(a, b), c.resolvedValue(a, b), a.id, b.id)
}

// resolvedValue names the curation entry that makes two disagreeing
// figures agree in their published values, if any.
func (c *checker) resolvedValue(a, b *figure) string {
	if c.opts.interval(a.publish, a.qual, a.unit).meets(c.opts.interval(b.publish, b.qual, b.unit)) {
		return curationOf(a, b)
	}
	return ""
}

// tableAndProse returns the table figure and the prose figure of a pair
// that has one of each.
func tableAndProse(a, b *figure) (t, p *figure, ok bool) {
	switch {
	case a.method == record.ByTable && b.method == record.ByProse:
		return a, b, true
	case a.method == record.ByProse && b.method == record.ByTable:
		return b, a, true
	}
	return nil, nil, false
}

// powerOfTen reports whether table/prose is within UnitTolerance of 10^k
// for some k ≠ 0. Only an exact or approximate prose figure says what the
// value is; "more than" and "less than" say too little.
func (c *checker) powerOfTen(table, prose float64, q record.Qualifier) (int, bool) {
	if q != record.Exact && q != record.Approx || table == 0 || prose == 0 || (table < 0) != (prose < 0) {
		return 0, false
	}
	r := table / prose
	k := int(math.Round(math.Log10(r)))
	if k == 0 {
		return 0, false
	}
	return k, math.Abs(r/math.Pow(10, float64(k))-1) <= c.opts.UnitTolerance
}

func scaleWords(k int) string {
	n := number(math.Pow(10, math.Abs(float64(k))))
	if k > 0 {
		return n + " times"
	}
	return "1/" + n + " of"
}

// disagreementWords says how far apart two disagreeing figures are.
func disagreementWords(a, b *figure) string {
	if a.qual != record.Exact || b.qual != record.Exact {
		return ": they cannot both hold"
	}
	return ": " + percentOff(a.written, b.written) + " apart"
}
