package date

import (
	"fmt"
	"time"

	"github.com/claimpack/claimpack/build/record"
)

// span is a resolved period: its inclusive first and last day, the unit
// its ends are written in (uDay, uMonth or uYear) and, for a period with an
// EDTF code of its own (quarter, half, season), that code and precision.
type span struct {
	start, end time.Time
	grain      unit
	edtf       string
	prec       record.Precision
}

// ymd returns the day y-m-d at UTC midnight; time.Date normalises m and d
// out of range (ymd(2024, 3, 0) is 29 February).
func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// monthSpan returns the n months that start with month m of year y.
func monthSpan(y, m, n int) span {
	return span{start: ymd(y, m, 1), end: ymd(y, m+n, 0), grain: uMonth}
}

// format writes t as EDTF at the precision of grain.
func format(t time.Time, grain unit) string {
	switch grain {
	case uDay:
		return t.Format(time.DateOnly)
	case uMonth:
		return fmt.Sprintf("%04d-%02d", t.Year(), t.Month())
	}
	return fmt.Sprintf("%04d", t.Year())
}

// finish returns s as a record.Period: its own code, or one value when its
// ends fall in the same unit of its grain, or an interval.
func (s span) finish(b record.Basis) record.Period {
	per := record.Period{Start: s.start, End: s.end, EDTF: s.edtf, Precision: s.prec, Basis: b}
	if s.edtf != "" {
		return per
	}
	first, last := format(s.start, s.grain), format(s.end, s.grain)
	if first != last {
		per.EDTF, per.Precision = first+"/"+last, record.Interval
		return per
	}
	per.EDTF = first
	switch s.grain {
	case uDay:
		per.Precision = record.Day
	case uMonth:
		per.Precision = record.Month
	default:
		per.Precision = record.Year
	}
	return per
}

// unresolved returns the period of a date this package cannot resolve.
func unresolved() record.Period { return record.Period{Basis: record.Unresolved} }

// resolve resolves e against a. ok is false when e turns out not to be a
// date: a day that does not exist, a range whose ends are out of order.
func resolve(e expr, a Anchor) (record.Period, bool) {
	alone := func(pt point) point {
		if pt.needsYear() {
			pt.rel, pt.relUnit = fromPartial, uYear
		}
		return pt
	}
	sa, ba, ok := alone(e.a).resolve(a)
	if !ok {
		return record.Period{}, false
	}
	if !e.isRange {
		if ba == record.Unresolved {
			return unresolved(), true
		}
		return sa.finish(ba), true
	}
	sb, bb, ok := alone(e.b).resolve(a)
	if !ok {
		return record.Period{}, false
	}
	if ba == record.Unresolved || bb == record.Unresolved {
		return unresolved(), true
	}
	if !sa.end.Before(sb.start) {
		return record.Period{}, false
	}
	s := span{start: sa.start, end: sb.end}
	if plainMonths(e.a) && plainMonths(e.b) {
		if n, ok := named(s); ok {
			return n.finish(weaker(ba, bb)), true
		}
	}
	s.edtf, s.prec = format(sa.start, sa.grain)+"/"+format(sb.end, sb.grain), record.Interval
	return s.finish(weaker(ba, bb)), true
}

// plainMonths reports whether pt names whole months: a month, quarter or
// half, not narrowed.
func plainMonths(pt point) bool {
	switch pt.unit {
	case uMonth, uQuarter, uHalf:
		return pt.third == 0 && pt.clip == 0
	}
	return false
}

// named returns the quarter, half or year that s covers exactly, if any:
// "January–June 2024" is the first half of 2024.
func named(s span) (span, bool) {
	y, m0, m1 := s.start.Year(), int(s.start.Month()), int(s.end.Month())
	if s.end.Year() != y || s.start.Day() != 1 || !s.end.Equal(ymd(y, m1+1, 0)) {
		return span{}, false
	}
	switch {
	case m0 == 1 && m1 == 12:
		return span{start: s.start, end: s.end, grain: uYear}, true
	case (m0 == 1 || m0 == 7) && m1 == m0+5:
		n := monthSpan(y, m0, 6)
		n.edtf, n.prec = fmt.Sprintf("%04d-%d", y, 40+m0/7), record.Half
		return n, true
	case m0%3 == 1 && m1 == m0+2:
		n := monthSpan(y, m0, 3)
		n.edtf, n.prec = fmt.Sprintf("%04d-%d", y, 33+m0/3), record.Quarter
		return n, true
	}
	return span{}, false
}

// weaker returns the weaker of two bases, in the order explicit, relative,
// context, unresolved.
func weaker(a, b record.Basis) record.Basis {
	rank := func(x record.Basis) int {
		switch x {
		case record.Explicit:
			return 0
		case record.Relative:
			return 1
		case record.Context:
			return 2
		}
		return 3
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// resolve resolves one point. ok is false when the point is not a date;
// a point whose anchor is missing or too coarse resolves with basis
// unresolved.
func (pt point) resolve(a Anchor) (s span, b record.Basis, ok bool) {
	if pt.ambiguous || pt.rel == fromNowhere {
		return span{}, record.Unresolved, true
	}
	y, n, d := pt.year, pt.n, pt.day
	var anchor record.Period
	b = record.Explicit
	if pt.rel != fromText {
		anchor, b = a.Context, record.Context
		switch {
		case pt.rel == fromPublished:
			anchor, b = a.Published, record.Relative
		case pt.rel == fromPartial && a.Partial.Resolved():
			anchor, b = a.Partial, record.Relative
		}
		as, ae := anchor.Start, anchor.End
		if !anchor.Resolved() || ae.Before(as) {
			return span{}, record.Unresolved, true
		}
		switch pt.relUnit {
		case uYear:
			if as.Year() != ae.Year() {
				return span{}, record.Unresolved, true
			}
			y = as.Year() + pt.off
			// a story goes forward: after "in November 2025", "in June" is
			// the next June (the context is one month or day, the point a
			// month or day of an earlier month), but not past the
			// publication: in a digest of 4 November 2026, "signed during
			// the visit on 13 October" is the October before
			if pt.rel == fromPartial && b == record.Context && as.Month() == ae.Month() && as.Year() == ae.Year() &&
				(pt.unit == uMonth || pt.unit == uDay) && pt.n >= 1 && pt.n < int(as.Month()) &&
				!(a.Published.Resolved() && ymd(y+1, pt.n, max(d, 1)).After(a.Published.End)) {
				y++
			}
			if pt.monthDir != 0 {
				if as.Month() != ae.Month() {
					return span{}, record.Unresolved, true // the publication month is needed
				}
				switch at := int(as.Month()); {
				case pt.monthDir < 0 && pt.n >= at:
					y--
				case pt.monthDir > 0 && pt.n <= at:
					y++
				}
			}
		case uMonth:
			if as.Year() != ae.Year() || as.Month() != ae.Month() {
				return span{}, record.Unresolved, true
			}
			t := ymd(as.Year(), int(as.Month())+pt.off, 1)
			y, n = t.Year(), int(t.Month())
		case uDay:
			if !as.Equal(ae) {
				return span{}, record.Unresolved, true
			}
			off := pt.off
			switch {
			case pt.weekday != 0:
				off = weekdayOffset(as.Weekday(), time.Weekday(pt.weekday-1), pt.off)
			case pt.week:
				off = -(int(as.Weekday())+6)%7 + 7*pt.off // that week's Monday
				if pt.weekEnd {
					off += 6
				}
			}
			t := as.AddDate(0, 0, off)
			y, n, d = t.Year(), int(t.Month()), t.Day()
		case uSeason:
			if y, ok = seasonYear(pt.n, pt.off, as, ae); !ok {
				return span{}, record.Unresolved, true
			}
		}
	}
	if y < 1 || y > 9999 || pt.unit == uDecade && y > 9990 {
		return span{}, record.Unresolved, true
	}
	switch pt.unit {
	case uDay:
		if n < 1 || n > 12 || d < 1 || d > ymd(y, n+1, 0).Day() {
			return span{}, "", false
		}
		t := ymd(y, n, d)
		s = span{start: t, end: t, grain: uDay}
	case uMonth:
		if n < 1 || n > 12 {
			return span{}, "", false
		}
		s = monthSpan(y, n, 1)
	case uQuarter:
		s = monthSpan(y, 3*n-2, 3)
		s.edtf, s.prec = fmt.Sprintf("%04d-%d", y, 32+n), record.Quarter
	case uHalf:
		s = monthSpan(y, 6*n-5, 6)
		s.edtf, s.prec = fmt.Sprintf("%04d-%d", y, 39+n), record.Half
	case uSeason:
		s = monthSpan(y, 3*n, 3)
		s.edtf, s.prec = fmt.Sprintf("%04d-%d", y, 20+n), record.Interval
	case uMonths:
		s = monthSpan(y, 1, n)
		if ns, ok := named(s); ok {
			s = ns
		}
	case uYear:
		s = span{start: ymd(y, 1, 1), end: ymd(y, 12, 31), grain: uYear}
	case uDecade:
		s = span{start: ymd(y, 1, 1), end: ymd(y+9, 12, 31), grain: uYear}
	default:
		return span{}, "", false
	}
	if pt.third != 0 {
		s = third(s, pt.unit, pt.third)
	}
	if pt.clip != 0 {
		s = clip(s, pt.clip, anchor)
	}
	return s, b, true
}

// third narrows s, a whole period of unit u, to its k-th third (1–3): a
// month to days 1–10, 11–20, 21–end; a year to January–April, May–August,
// September–December; a quarter or season to one of its months; a half to
// two of its months; a decade to its years 0–3, 4–6, 7–9.
func third(s span, u unit, k int) span {
	y, m := s.start.Year(), int(s.start.Month())
	switch u {
	case uMonth:
		first, last := [3]int{1, 11, 21}[k-1], [3]int{10, 20, s.end.Day()}[k-1]
		return span{start: ymd(y, m, first), end: ymd(y, m, last), grain: uDay}
	case uYear:
		return monthSpan(y, 4*k-3, 4)
	case uQuarter, uSeason:
		return monthSpan(y, m+k-1, 1)
	case uHalf:
		return monthSpan(y, m+2*k-2, 2)
	case uDecade:
		first, last := [3]int{0, 4, 7}[k-1], [3]int{3, 6, 9}[k-1]
		return span{start: ymd(y+first, 1, 1), end: ymd(y+last, 12, 31), grain: uYear}
	}
	return s
}

// clip cuts s at the anchor: up to its last day (dir -1, "earlier this
// year") or from its first (dir +1, "later this year"). An anchor as coarse
// as s leaves s whole.
func clip(s span, dir int, anchor record.Period) span {
	as, ae := anchor.Start, anchor.End
	grain := uMonth
	if as.Equal(ae) {
		grain = uDay
	} else if as.Day() != 1 || !ae.Equal(ymd(ae.Year(), int(ae.Month())+1, 0)) {
		grain = uDay
	}
	switch {
	case dir < 0 && ae.Before(s.end) && !ae.Before(s.start):
		return span{start: s.start, end: ae, grain: grain}
	case dir > 0 && as.After(s.start) && !as.After(s.end):
		return span{start: as, end: s.end, grain: grain}
	}
	return s
}

// seasonYear returns the year of season n that is current (off 0), last
// (-1) or next (+1) at an anchor from as to ae. The current season needs
// the anchor's year; the last and next need its month.
func seasonYear(n, off int, as, ae time.Time) (int, bool) {
	first := func(y int) time.Time { return ymd(y, 3*n, 1) }
	last := func(y int) time.Time { return ymd(y, 3*n+3, 0) }
	if as.Year() != ae.Year() {
		return 0, false
	}
	sameMonth := as.Month() == ae.Month()
	switch off {
	case 0:
		y := as.Year()
		if n == 4 && sameMonth && as.Month() <= 2 {
			y--
		}
		return y, true
	case -1:
		if !sameMonth {
			return 0, false
		}
		y := as.Year()
		for !last(y).Before(as) {
			y--
		}
		return y, true
	default:
		if !sameMonth {
			return 0, false
		}
		y := as.Year() - 1
		for !first(y).After(ae) {
			y++
		}
		return y, true
	}
}

// weekdayOffset is how many days from an anchor on weekday at lies the
// weekday wd: the latest one up to the anchor (dir 0: "on Wednesday" in a
// story of that week), the one before the anchor (dir -1: "last
// Wednesday"), or the first after it (dir +1: "next Wednesday").
func weekdayOffset(at, wd time.Weekday, dir int) int {
	back := (int(at) - int(wd) + 7) % 7
	switch dir {
	case -1:
		if back == 0 {
			back = 7
		}
		return -back
	case 1:
		fwd := (int(wd) - int(at) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return fwd
	}
	return -back
}
