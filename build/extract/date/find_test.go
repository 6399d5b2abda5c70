package date

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/claimpack/claimpack/build/record"
)

// w is one expected match: the expression, its EDTF, first and last day,
// precision, basis, edge and open bound. Unresolved matches have empty
// EDTF, days and precision.
type w struct {
	text, edtf, start, end string
	prec                   record.Precision
	basis                  record.Basis
	edge                   Edge
	open                   OpenKind
}

// Shorthands for the expected matches.
const (
	day      = record.Day
	month    = record.Month
	quarter  = record.Quarter
	half     = record.Half
	year     = record.Year
	interval = record.Interval
	explicit = record.Explicit
	relative = record.Relative
	context  = record.Context
)

// unres is an unresolved match of text.
func unres(text string) w { return w{text: text, basis: record.Unresolved} }

// per builds an anchor period from its first and last day.
func per(edtf, start, end string, prec record.Precision) record.Period {
	s, _ := time.Parse(time.DateOnly, start)
	e, _ := time.Parse(time.DateOnly, end)
	return record.Period{EDTF: edtf, Start: s, End: e, Precision: prec, Basis: explicit}
}

// Anchors used in the tests.
var (
	pub2025      = Anchor{Published: per("2025", "2025-01-01", "2025-12-31", year)}
	pub2025May   = Anchor{Published: per("2025-05", "2025-05-01", "2025-05-31", month)}
	pub2025Jan   = Anchor{Published: per("2025-01", "2025-01-01", "2025-01-31", month)}
	pub2025Dec   = Anchor{Published: per("2025-12", "2025-12-01", "2025-12-31", month)}
	pub2024Aug   = Anchor{Published: per("2024-08", "2024-08-01", "2024-08-31", month)}
	pub2025May14 = Anchor{Published: per("2025-05-14", "2025-05-14", "2025-05-14", day)}
	ctx1995      = Anchor{Context: per("1995", "1995-01-01", "1995-12-31", year)}
	ctx2015      = Anchor{Context: per("2015", "2015-01-01", "2015-12-31", year)}
	ctx2018      = Anchor{Context: per("2018", "2018-01-01", "2018-12-31", year)}
	ctxDay       = Anchor{Context: per("2024-05-09", "2024-05-09", "2024-05-09", day)}
	ctxMonth     = Anchor{Context: per("2021-02", "2021-02-01", "2021-02-28", month)}
	ctxRange     = Anchor{Context: per("2011/2012", "2011-01-01", "2012-12-31", interval)}
)

type findTest struct {
	in     string
	anchor Anchor
	want   []w
}

// check runs Find on each test and compares every match.
func check(t *testing.T, tests []findTest) {
	t.Helper()
	for _, tt := range tests {
		got := Find(tt.in, tt.anchor)
		if len(got) != len(tt.want) {
			t.Errorf("Find(%q) = %d matches %v, want %d", tt.in, len(got), texts(got), len(tt.want))
			continue
		}
		for k, m := range got {
			if g, w := describe(tt.in, m), tt.want[k].String(); g != w {
				t.Errorf("Find(%q)[%d]\n got %s\nwant %s", tt.in, k, g, w)
			}
		}
	}
}

func texts(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Period.Text)
	}
	return out
}

func (x w) String() string {
	return fmt.Sprintf("%q edtf=%s %s..%s prec=%s basis=%s edge=%s open=%s",
		x.text, x.edtf, x.start, x.end, x.prec, x.basis, x.edge, x.open)
}

// describe renders a match as a w, checking that its span and text agree.
func describe(text string, m Match) string {
	iso := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	span := text[m.Start:m.End]
	if span != m.Period.Text {
		span = fmt.Sprintf("SPAN %q != TEXT %q", span, m.Period.Text)
	}
	return w{span, m.Period.EDTF, iso(m.Period.Start), iso(m.Period.End), m.Period.Precision, m.Period.Basis, m.Edge, m.Open}.String()
}

func TestFindFullDates(t *testing.T) {
	check(t, []findTest{
		{"20 January 1992", Anchor{}, []w{{"20 January 1992", "1992-01-20", "1992-01-20", "1992-01-20", day, explicit, 0, 0}}},
		{"August 22, 2024", Anchor{}, []w{{"August 22, 2024", "2024-08-22", "2024-08-22", "2024-08-22", day, explicit, 0, 0}}},
		{"On December 2, 2024, the", Anchor{}, []w{{"December 2, 2024", "2024-12-02", "2024-12-02", "2024-12-02", day, explicit, 0, 0}}},
		{"on 4 December 2023.", Anchor{}, []w{{"4 December 2023", "2023-12-04", "2023-12-04", "2023-12-04", day, explicit, 0, 0}}},
		{"23 May 2021", Anchor{}, []w{{"23 May 2021", "2021-05-23", "2021-05-23", "2021-05-23", day, explicit, 0, 0}}},
		{"May 10, 2015", Anchor{}, []w{{"May 10, 2015", "2015-05-10", "2015-05-10", "2015-05-10", day, explicit, 0, 0}}},
		{"- 08.02.2024.", Anchor{}, []w{{"08.02.2024", "2024-02-08", "2024-02-08", "2024-02-08", day, explicit, 0, 0}}},
		{"2024-02-08", Anchor{}, []w{{"2024-02-08", "2024-02-08", "2024-02-08", "2024-02-08", day, explicit, 0, 0}}},
		{"31.08.2015", Anchor{}, []w{{"31.08.2015", "2015-08-31", "2015-08-31", "2015-08-31", day, explicit, 0, 0}}},
		{"Aug. 22, 2024", Anchor{}, []w{{"Aug. 22, 2024", "2024-08-22", "2024-08-22", "2024-08-22", day, explicit, 0, 0}}},
		{"in Sept 2015", Anchor{}, []w{{"Sept 2015", "2015-09", "2015-09-01", "2015-09-30", month, explicit, 0, 0}}},
		{"in Sept. 2015", Anchor{}, []w{{"Sept. 2015", "2015-09", "2015-09-01", "2015-09-30", month, explicit, 0, 0}}},
		{"the 9th of May 2020", Anchor{}, []w{{"the 9th of May 2020", "2020-05-09", "2020-05-09", "2020-05-09", day, explicit, 0, 0}}},
		{"1st January 2024", Anchor{}, []w{{"1st January 2024", "2024-01-01", "2024-01-01", "2024-01-01", day, explicit, 0, 0}}},
		{"January 1st, 2024", Anchor{}, []w{{"January 1st, 2024", "2024-01-01", "2024-01-01", "2024-01-01", day, explicit, 0, 0}}},
		{"29 February 2024", Anchor{}, []w{{"29 February 2024", "2024-02-29", "2024-02-29", "2024-02-29", day, explicit, 0, 0}}},
		{"DECEMBER 2, 2024", Anchor{}, []w{{"DECEMBER 2, 2024", "2024-12-02", "2024-12-02", "2024-12-02", day, explicit, 0, 0}}},
		// Slashed dates: day first or month first when one part exceeds 12.
		{"25/08/2024", Anchor{}, []w{{"25/08/2024", "2024-08-25", "2024-08-25", "2024-08-25", day, explicit, 0, 0}}},
		{"08/25/2024", Anchor{}, []w{{"08/25/2024", "2024-08-25", "2024-08-25", "2024-08-25", day, explicit, 0, 0}}},
		{"02/08/2024", Anchor{}, []w{unres("02/08/2024")}},
		// A day that does not exist is not a date; the month after it is.
		{"29 February 2023", Anchor{}, []w{{"February 2023", "2023-02", "2023-02-01", "2023-02-28", month, explicit, 0, 0}}},
		{"31 April 2024", Anchor{}, []w{{"April 2024", "2024-04", "2024-04-01", "2024-04-30", month, explicit, 0, 0}}},
		{"2024-02-30", Anchor{}, nil},
	})
}

func TestFindMonthsYearsDecades(t *testing.T) {
	check(t, []findTest{
		{"March 2023", Anchor{}, []w{{"March 2023", "2023-03", "2023-03-01", "2023-03-31", month, explicit, 0, 0}}},
		{"in August 2015", Anchor{}, []w{{"August 2015", "2015-08", "2015-08-01", "2015-08-31", month, explicit, 0, 0}}},
		{"January 1992", Anchor{}, []w{{"January 1992", "1992-01", "1992-01-01", "1992-01-31", month, explicit, 0, 0}}},
		{"March of 2023", Anchor{}, []w{{"March of 2023", "2023-03", "2023-03-01", "2023-03-31", month, explicit, 0, 0}}},
		{"2013", Anchor{}, []w{{"2013", "2013", "2013-01-01", "2013-12-31", year, explicit, 0, 0}}},
		{"in 2013", Anchor{}, []w{{"2013", "2013", "2013-01-01", "2013-12-31", year, explicit, 0, 0}}},
		{"the 2010s", Anchor{}, []w{{"the 2010s", "2010/2019", "2010-01-01", "2019-12-31", interval, explicit, 0, 0}}},
		{"the 1990s", Anchor{}, []w{{"the 1990s", "1990/1999", "1990-01-01", "1999-12-31", interval, explicit, 0, 0}}},
		{"in the 2000s", Anchor{}, []w{{"the 2000s", "2000/2009", "2000-01-01", "2009-12-31", interval, explicit, 0, 0}}},
		{"the 1990’s", Anchor{}, []w{{"the 1990’s", "1990/1999", "1990-01-01", "1999-12-31", interval, explicit, 0, 0}}},
		{"The 1990s and 2000s", Anchor{}, []w{
			{"The 1990s", "1990/1999", "1990-01-01", "1999-12-31", interval, explicit, 0, 0},
			{"2000s", "2000/2009", "2000-01-01", "2009-12-31", interval, explicit, 0, 0},
		}},
		{"the early 2010s", Anchor{}, []w{{"the early 2010s", "2010/2013", "2010-01-01", "2013-12-31", interval, explicit, 0, 0}}},
		{"the early 2000s", Anchor{}, []w{{"the early 2000s", "2000/2003", "2000-01-01", "2003-12-31", interval, explicit, 0, 0}}},
		{"the mid-1990s", Anchor{}, []w{{"the mid-1990s", "1994/1996", "1994-01-01", "1996-12-31", interval, explicit, 0, 0}}},
		{"the late 1990s", Anchor{}, []w{{"the late 1990s", "1997/1999", "1997-01-01", "1999-12-31", interval, explicit, 0, 0}}},
		// Months need a capital; a month alone needs a cue word before it.
		{"may 2020", Anchor{}, []w{{"2020", "2020", "2020-01-01", "2020-12-31", year, explicit, 0, 0}}},
		{"March forward", Anchor{}, nil},
		{"in March", ctxMonth, []w{{"March", "2021-03", "2021-03-01", "2021-03-31", month, context, 0, 0}}},
		{"in March", Anchor{}, []w{unres("March")}},
		{"Jan", Anchor{}, nil},
		// ISO year-month; "2011-12" is a range of years.
		{"2024-02", Anchor{}, []w{{"2024-02", "2024-02", "2024-02-01", "2024-02-29", month, explicit, 0, 0}}},
		{"2011-12", Anchor{}, []w{{"2011-12", "2011/2012", "2011-01-01", "2012-12-31", interval, explicit, 0, 0}}},
	})
}

func TestFindQuartersHalvesSeasons(t *testing.T) {
	check(t, []findTest{
		{"the first quarter of 2024", Anchor{}, []w{{"the first quarter of 2024", "2024-33", "2024-01-01", "2024-03-31", quarter, explicit, 0, 0}}},
		{"the fourth quarter of 2023", Anchor{}, []w{{"the fourth quarter of 2023", "2023-36", "2023-10-01", "2023-12-31", quarter, explicit, 0, 0}}},
		{"the last quarter of 2023", Anchor{}, []w{{"the last quarter of 2023", "2023-36", "2023-10-01", "2023-12-31", quarter, explicit, 0, 0}}},
		{"third-quarter 2023 results", Anchor{}, []w{{"third-quarter 2023", "2023-35", "2023-07-01", "2023-09-30", quarter, explicit, 0, 0}}},
		{"Q1 2024", Anchor{}, []w{{"Q1 2024", "2024-33", "2024-01-01", "2024-03-31", quarter, explicit, 0, 0}}},
		{"Q3 of 2024", Anchor{}, []w{{"Q3 of 2024", "2024-35", "2024-07-01", "2024-09-30", quarter, explicit, 0, 0}}},
		{"2024 Q2", Anchor{}, []w{{"2024 Q2", "2024-34", "2024-04-01", "2024-06-30", quarter, explicit, 0, 0}}},
		{"1Q 2024", Anchor{}, []w{{"1Q 2024", "2024-33", "2024-01-01", "2024-03-31", quarter, explicit, 0, 0}}},
		{"first half of 2024", Anchor{}, []w{{"first half of 2024", "2024-40", "2024-01-01", "2024-06-30", half, explicit, 0, 0}}},
		{"the second half of 2023", Anchor{}, []w{{"the second half of 2023", "2023-41", "2023-07-01", "2023-12-31", half, explicit, 0, 0}}},
		{"H1 2024", Anchor{}, []w{{"H1 2024", "2024-40", "2024-01-01", "2024-06-30", half, explicit, 0, 0}}},
		{"January–June 2024", Anchor{}, []w{{"January–June 2024", "2024-40", "2024-01-01", "2024-06-30", half, explicit, 0, 0}}},
		{"July-December 2024", Anchor{}, []w{{"July-December 2024", "2024-41", "2024-07-01", "2024-12-31", half, explicit, 0, 0}}},
		{"January–March 2024", Anchor{}, []w{{"January–March 2024", "2024-33", "2024-01-01", "2024-03-31", quarter, explicit, 0, 0}}},
		{"January-December 2024", Anchor{}, []w{{"January-December 2024", "2024", "2024-01-01", "2024-12-31", year, explicit, 0, 0}}},
		{"the first six months of 2024", Anchor{}, []w{{"the first six months of 2024", "2024-40", "2024-01-01", "2024-06-30", half, explicit, 0, 0}}},
		{"the first nine months of 2024", Anchor{}, []w{{"the first nine months of 2024", "2024-01/2024-09", "2024-01-01", "2024-09-30", interval, explicit, 0, 0}}},
		{"the first quarter of this year", pub2025May, []w{{"the first quarter of this year", "2025-33", "2025-01-01", "2025-03-31", quarter, relative, 0, 0}}},
		{"the first half of last year", pub2025, []w{{"the first half of last year", "2024-40", "2024-01-01", "2024-06-30", half, relative, 0, 0}}},
		{"the first quarter of this year", Anchor{}, []w{unres("the first quarter of this year")}},
		{"In the first quarter, exports", ctx2018, []w{{"the first quarter", "2018-33", "2018-01-01", "2018-03-31", quarter, context, 0, 0}}},
		{"the first half of the year", ctx2018, []w{unres("the first half of the year")}},
		{"the first quarter of the century", Anchor{}, nil},
		{"Q1", Anchor{}, nil},
		{"Q1–Q3 2024", Anchor{}, []w{{"Q1–Q3 2024", "2024-01/2024-09", "2024-01-01", "2024-09-30", interval, explicit, 0, 0}}},
		{"autumn 2020", Anchor{}, []w{{"autumn 2020", "2020-23", "2020-09-01", "2020-11-30", interval, explicit, 0, 0}}},
		{"in autumn 2020", Anchor{}, []w{{"autumn 2020", "2020-23", "2020-09-01", "2020-11-30", interval, explicit, 0, 0}}},
		{"in the spring of 2021", Anchor{}, []w{{"the spring of 2021", "2021-21", "2021-03-01", "2021-05-31", interval, explicit, 0, 0}}},
		{"summer 2019", Anchor{}, []w{{"summer 2019", "2019-22", "2019-06-01", "2019-08-31", interval, explicit, 0, 0}}},
		{"winter 2022", Anchor{}, []w{{"winter 2022", "2022-24", "2022-12-01", "2023-02-28", interval, explicit, 0, 0}}},
		{"winter 2022/23", Anchor{}, []w{{"winter 2022/23", "2022-24", "2022-12-01", "2023-02-28", interval, explicit, 0, 0}}},
		{"this spring", pub2025May, []w{{"this spring", "2025-21", "2025-03-01", "2025-05-31", interval, relative, 0, 0}}},
		{"this spring", pub2025, []w{{"this spring", "2025-21", "2025-03-01", "2025-05-31", interval, relative, 0, 0}}},
		{"this winter", pub2025Jan, []w{{"this winter", "2024-24", "2024-12-01", "2025-02-28", interval, relative, 0, 0}}},
		{"last autumn", pub2025May, []w{{"last autumn", "2024-23", "2024-09-01", "2024-11-30", interval, relative, 0, 0}}},
		{"last autumn", pub2025Dec, []w{{"last autumn", "2025-23", "2025-09-01", "2025-11-30", interval, relative, 0, 0}}},
		{"next spring", pub2025May, []w{{"next spring", "2026-21", "2026-03-01", "2026-05-31", interval, relative, 0, 0}}},
		{"last autumn", pub2025, []w{unres("last autumn")}},
	})
}

func TestFindRanges(t *testing.T) {
	y1317 := w{"", "2013/2017", "2013-01-01", "2017-12-31", interval, explicit, 0, 0}
	named := func(text string, x w) w { x.text = text; return x }
	check(t, []findTest{
		{"2011-2012", Anchor{}, []w{{"2011-2012", "2011/2012", "2011-01-01", "2012-12-31", interval, explicit, 0, 0}}},
		{"2011–2012", Anchor{}, []w{{"2011–2012", "2011/2012", "2011-01-01", "2012-12-31", interval, explicit, 0, 0}}},
		{"2011 — 2012", Anchor{}, []w{{"2011 — 2012", "2011/2012", "2011-01-01", "2012-12-31", interval, explicit, 0, 0}}},
		{"2011\u22122012", Anchor{}, []w{{"2011\u22122012", "2011/2012", "2011-01-01", "2012-12-31", interval, explicit, 0, 0}}},
		{"from 2013 to 2017", Anchor{}, []w{named("from 2013 to 2017", y1317)}},
		{"2013 to 2017", Anchor{}, []w{named("2013 to 2017", y1317)}},
		{"From 2013 until 2017", Anchor{}, []w{named("From 2013 until 2017", y1317)}},
		{"between 2013 and 2017", Anchor{}, []w{named("between 2013 and 2017", y1317)}},
		{"between March and December 2023", Anchor{}, []w{{"between March and December 2023", "2023-03/2023-12", "2023-03-01", "2023-12-31", interval, explicit, 0, 0}}},
		{"2015/16", Anchor{}, []w{{"2015/16", "2015/2016", "2015-01-01", "2016-12-31", interval, explicit, 0, 0}}},
		{"2012/13", Anchor{}, []w{{"2012/13", "2012/2013", "2012-01-01", "2013-12-31", interval, explicit, 0, 0}}},
		{"2006/7", Anchor{}, []w{{"2006/7", "2006/2007", "2006-01-01", "2007-12-31", interval, explicit, 0, 0}}},
		{"1999/00", Anchor{}, []w{{"1999/00", "1999/2000", "1999-01-01", "2000-12-31", interval, explicit, 0, 0}}},
		{"2015/2016", Anchor{}, []w{{"2015/2016", "2015/2016", "2015-01-01", "2016-12-31", interval, explicit, 0, 0}}},
		{"from January to September 2024", Anchor{}, []w{{"from January to September 2024", "2024-01/2024-09", "2024-01-01", "2024-09-30", interval, explicit, 0, 0}}},
		{"January to August 2024", Anchor{}, []w{{"January to August 2024", "2024-01/2024-08", "2024-01-01", "2024-08-31", interval, explicit, 0, 0}}},
		{"late 2009-early 2010", Anchor{}, []w{{"late 2009-early 2010", "2009-09/2010-04", "2009-09-01", "2010-04-30", interval, explicit, 0, 0}}},
		{"8–10 May 2024", Anchor{}, []w{{"8–10 May 2024", "2024-05-08/2024-05-10", "2024-05-08", "2024-05-10", interval, explicit, 0, 0}}},
		{"from 8 to 10 May 2024", Anchor{}, []w{{"from 8 to 10 May 2024", "2024-05-08/2024-05-10", "2024-05-08", "2024-05-10", interval, explicit, 0, 0}}},
		{"between 8 and 10 May", ctx2018, []w{{"between 8 and 10 May", "2018-05-08/2018-05-10", "2018-05-08", "2018-05-10", interval, context, 0, 0}}},
		{"May 8-10, 2024", Anchor{}, []w{{"May 8-10, 2024", "2024-05-08/2024-05-10", "2024-05-08", "2024-05-10", interval, explicit, 0, 0}}},
		{"28 April – 2 May 2024", Anchor{}, []w{{"28 April – 2 May 2024", "2024-04-28/2024-05-02", "2024-04-28", "2024-05-02", interval, explicit, 0, 0}}},
		{"from March 2010 to June 2011", Anchor{}, []w{{"from March 2010 to June 2011", "2010-03/2011-06", "2010-03-01", "2011-06-30", interval, explicit, 0, 0}}},
		{"from 2013 to March 2017", Anchor{}, []w{{"from 2013 to March 2017", "2013/2017-03", "2013-01-01", "2017-03-31", interval, explicit, 0, 0}}},
		{"from 2015 to last year", pub2025, []w{{"from 2015 to last year", "2015/2024", "2015-01-01", "2024-12-31", interval, relative, 0, 0}}},
		{"between March and May", ctx2018, []w{{"between March and May", "2018-03/2018-05", "2018-03-01", "2018-05-31", interval, context, 0, 0}}},
		{"between March and May", Anchor{}, []w{unres("between March and May")}},
		// Ends out of order or overlapping make no range.
		{"from 2017 to 2013", Anchor{}, []w{
			{"2017", "2017", "2017-01-01", "2017-12-31", year, explicit, 0, 0},
			{"2013", "2013", "2013-01-01", "2013-12-31", year, explicit, 0, 0},
		}},
		{"2015-2011", Anchor{}, nil},
		{"2011-09", Anchor{}, []w{{"2011-09", "2011-09", "2011-09-01", "2011-09-30", month, explicit, 0, 0}}},
		// "and" without "between" joins two dates, not a range.
		{"in 2015 and 2016", Anchor{}, []w{
			{"2015", "2015", "2015-01-01", "2015-12-31", year, explicit, 0, 0},
			{"2016", "2016", "2016-01-01", "2016-12-31", year, explicit, 0, 0},
		}},
	})
}

func TestFindFuzzyAndEdges(t *testing.T) {
	check(t, []findTest{
		{"In early December 2023", Anchor{}, []w{{"early December 2023", "2023-12-01/2023-12-10", "2023-12-01", "2023-12-10", interval, explicit, 0, 0}}},
		{"in mid-2020", Anchor{}, []w{{"mid-2020", "2020-05/2020-08", "2020-05-01", "2020-08-31", interval, explicit, 0, 0}}},
		{"mid-\n2020", Anchor{}, []w{{"mid-\n2020", "2020-05/2020-08", "2020-05-01", "2020-08-31", interval, explicit, 0, 0}}},
		{"mid-\n\n2020", Anchor{}, []w{{"2020", "2020", "2020-01-01", "2020-12-31", year, explicit, 0, 0}}},
		{"mid 2020", Anchor{}, []w{{"mid 2020", "2020-05/2020-08", "2020-05-01", "2020-08-31", interval, explicit, 0, 0}}},
		{"mid-March 2021", Anchor{}, []w{{"mid-March 2021", "2021-03-11/2021-03-20", "2021-03-11", "2021-03-20", interval, explicit, 0, 0}}},
		{"mid\u2011March 2021", Anchor{}, []w{{"mid\u2011March 2021", "2021-03-11/2021-03-20", "2021-03-11", "2021-03-20", interval, explicit, 0, 0}}},
		{"late February 2024", Anchor{}, []w{{"late February 2024", "2024-02-21/2024-02-29", "2024-02-21", "2024-02-29", interval, explicit, 0, 0}}},
		{"early 2014", Anchor{}, []w{{"early 2014", "2014-01/2014-04", "2014-01-01", "2014-04-30", interval, explicit, 0, 0}}},
		{"late 2019", Anchor{}, []w{{"late 2019", "2019-09/2019-12", "2019-09-01", "2019-12-31", interval, explicit, 0, 0}}},
		{"in the middle of 2020", Anchor{}, []w{{"the middle of 2020", "2020-05/2020-08", "2020-05-01", "2020-08-31", interval, explicit, 0, 0}}},
		{"late last year", pub2025, []w{{"late last year", "2024-09/2024-12", "2024-09-01", "2024-12-31", interval, relative, 0, 0}}},
		{"late March", ctxMonth, []w{{"late March", "2021-03-21/2021-03-31", "2021-03-21", "2021-03-31", interval, context, 0, 0}}},
		{"late autumn 2020", Anchor{}, []w{{"late autumn 2020", "2020-11", "2020-11-01", "2020-11-30", month, explicit, 0, 0}}},
		{"At the end of 2023, the stock", Anchor{}, []w{{"At the end of 2023", "2023-09/2023-12", "2023-09-01", "2023-12-31", interval, explicit, EdgeEnd, 0}}},
		{"the end of 2023", Anchor{}, []w{{"the end of 2023", "2023-09/2023-12", "2023-09-01", "2023-12-31", interval, explicit, EdgeEnd, 0}}},
		{"as of the end of 2023", Anchor{}, []w{{"as of the end of 2023", "2023-09/2023-12", "2023-09-01", "2023-12-31", interval, explicit, EdgeEnd, 0}}},
		{"by the end of 2020", Anchor{}, []w{{"by the end of 2020", "2020-09/2020-12", "2020-09-01", "2020-12-31", interval, explicit, EdgeEnd, Until}}},
		{"year-end 2023", Anchor{}, []w{{"year-end 2023", "2023-09/2023-12", "2023-09-01", "2023-12-31", interval, explicit, EdgeEnd, 0}}},
		{"at end-2023", Anchor{}, []w{{"at end-2023", "2023-09/2023-12", "2023-09-01", "2023-12-31", interval, explicit, EdgeEnd, 0}}},
		{"at the beginning of 2020", Anchor{}, []w{{"at the beginning of 2020", "2020-01/2020-04", "2020-01-01", "2020-04-30", interval, explicit, EdgeStart, 0}}},
		{"early in 2020", Anchor{}, []w{{"early in 2020", "2020-01/2020-04", "2020-01-01", "2020-04-30", interval, explicit, EdgeStart, 0}}},
		{"late in 2020", Anchor{}, []w{{"late in 2020", "2020-09/2020-12", "2020-09-01", "2020-12-31", interval, explicit, EdgeEnd, 0}}},
		{"the end of December 2023", Anchor{}, []w{{"the end of December 2023", "2023-12-21/2023-12-31", "2023-12-21", "2023-12-31", interval, explicit, EdgeEnd, 0}}},
		{"the end of the first quarter of 2024", Anchor{}, []w{{"the end of the first quarter of 2024", "2024-03", "2024-03-01", "2024-03-31", month, explicit, EdgeEnd, 0}}},
		{"the end of the 1990s", Anchor{}, []w{{"the end of the 1990s", "1997/1999", "1997-01-01", "1999-12-31", interval, explicit, EdgeEnd, 0}}},
		{"At the end of last year", pub2025, []w{{"At the end of last year", "2024-09/2024-12", "2024-09-01", "2024-12-31", interval, relative, EdgeEnd, 0}}},
		{"At the end of last year", Anchor{}, []w{{"At the end of last year", "", "", "", "", record.Unresolved, EdgeEnd, 0}}},
		{"by the end of the year", ctx2018, []w{{"by the end of the year", "", "", "", "", record.Unresolved, EdgeEnd, Until}}},
		{"early on", Anchor{}, nil},
		{"as early as 2015", Anchor{}, []w{{"2015", "2015", "2015-01-01", "2015-12-31", year, explicit, 0, 0}}},
	})
}

func TestFindOpen(t *testing.T) {
	y := func(text string, yr int, o OpenKind) w {
		s := fmt.Sprint(yr)
		return w{text, s, s + "-01-01", s + "-12-31", year, explicit, 0, o}
	}
	check(t, []findTest{
		{"since 2015", Anchor{}, []w{y("since 2015", 2015, Since)}},
		{"Since 2015", Anchor{}, []w{y("Since 2015", 2015, Since)}},
		{"until 2018", Anchor{}, []w{y("until 2018", 2018, Until)}},
		{"till 2018", Anchor{}, []w{y("till 2018", 2018, Until)}},
		{"up to 2018", Anchor{}, []w{y("up to 2018", 2018, Until)}},
		{"by 2014", Anchor{}, []w{y("by 2014", 2014, Until)}},
		{"before 2015", Anchor{}, []w{y("before 2015", 2015, Before)}},
		{"prior to 2015", Anchor{}, []w{y("prior to 2015", 2015, Before)}},
		{"after 2015", Anchor{}, []w{y("after 2015", 2015, After)}},
		{"since August 2020", Anchor{}, []w{{"since August 2020", "2020-08", "2020-08-01", "2020-08-31", month, explicit, 0, Since}}},
		{"since the 2000s", Anchor{}, []w{{"since the 2000s", "2000/2009", "2000-01-01", "2009-12-31", interval, explicit, 0, Since}}},
		{"since the 1989 massacre", Anchor{}, []w{y("1989", 1989, 0)}},
		{"since\n2018", Anchor{}, []w{y("since\n2018", 2018, Since)}},
	})
}

func TestFindRelative(t *testing.T) {
	check(t, []findTest{
		{"Last year alone", pub2025, []w{{"Last year", "2024", "2024-01-01", "2024-12-31", year, relative, 0, 0}}},
		{"this year", pub2025May, []w{{"this year", "2025", "2025-01-01", "2025-12-31", year, relative, 0, 0}}},
		{"next year", pub2025, []w{{"next year", "2026", "2026-01-01", "2026-12-31", year, relative, 0, 0}}},
		{"the current year", pub2025, []w{{"the current year", "2025", "2025-01-01", "2025-12-31", year, relative, 0, 0}}},
		{"the previous year", ctx2015, []w{{"the previous year", "2014", "2014-01-01", "2014-12-31", year, context, 0, 0}}},
		{"the same year", ctx1995, []w{{"the same year", "1995", "1995-01-01", "1995-12-31", year, context, 0, 0}}},
		{"that year", ctx1995, []w{{"that year", "1995", "1995-01-01", "1995-12-31", year, context, 0, 0}}},
		{"the following year", ctx2015, []w{{"the following year", "2016", "2016-01-01", "2016-12-31", year, context, 0, 0}}},
		{"the next year", ctx2015, []w{{"the next year", "2016", "2016-01-01", "2016-12-31", year, context, 0, 0}}},
		{"a year later", ctx2015, []w{{"a year later", "2016", "2016-01-01", "2016-12-31", year, context, 0, 0}}},
		{"two years later", ctx2015, []w{{"two years later", "2017", "2017-01-01", "2017-12-31", year, context, 0, 0}}},
		{"a year earlier", ctx2015, []w{{"a year earlier", "2014", "2014-01-01", "2014-12-31", year, context, 0, 0}}},
		{"32 years ago", pub2024Aug, []w{{"32 years ago", "1992", "1992-01-01", "1992-12-31", year, relative, 0, 0}}},
		{"a year ago", pub2024Aug, []w{{"a year ago", "2023", "2023-01-01", "2023-12-31", year, relative, 0, 0}}},
		{"three months ago", pub2024Aug, []w{{"three months ago", "2024-05", "2024-05-01", "2024-05-31", month, relative, 0, 0}}},
		{"last month", pub2025May, []w{{"last month", "2025-04", "2025-04-01", "2025-04-30", month, relative, 0, 0}}},
		{"last month", pub2025Jan, []w{{"last month", "2024-12", "2024-12-01", "2024-12-31", month, relative, 0, 0}}},
		{"this month", pub2025May, []w{{"this month", "2025-05", "2025-05-01", "2025-05-31", month, relative, 0, 0}}},
		{"that month", ctxMonth, []w{{"that month", "2021-02", "2021-02-01", "2021-02-28", month, context, 0, 0}}},
		{"earlier this year", pub2025May, []w{{"earlier this year", "2025-01/2025-05", "2025-01-01", "2025-05-31", interval, relative, 0, 0}}},
		{"earlier this year", pub2025May14, []w{{"earlier this year", "2025-01-01/2025-05-14", "2025-01-01", "2025-05-14", interval, relative, 0, 0}}},
		{"later this year", pub2025May, []w{{"later this year", "2025-05/2025-12", "2025-05-01", "2025-12-31", interval, relative, 0, 0}}},
		{"earlier this year", pub2025, []w{{"earlier this year", "2025", "2025-01-01", "2025-12-31", year, relative, 0, 0}}},
		{"Later that\nyear", ctx2018, []w{{"Later that\nyear", "2018", "2018-01-01", "2018-12-31", year, context, 0, 0}}},
		{"the same day", ctxDay, []w{{"the same day", "2024-05-09", "2024-05-09", "2024-05-09", day, context, 0, 0}}},
		{"the following day", ctxDay, []w{{"the following day", "2024-05-10", "2024-05-10", "2024-05-10", day, context, 0, 0}}},
		{"on May 9", ctx2018, []w{{"May 9", "2018-05-09", "2018-05-09", "2018-05-09", day, context, 0, 0}}},
		{"on 9 May", ctx2018, []w{{"9 May", "2018-05-09", "2018-05-09", "2018-05-09", day, context, 0, 0}}},
		{"In July 3 million tons were shipped", ctx2018, []w{{"July", "2018-07", "2018-07-01", "2018-07-31", month, context, 0, 0}}},
		{"parade on July 3 ", ctx2018, []w{{"July 3", "2018-07-03", "2018-07-03", "2018-07-03", day, context, 0, 0}}},
		// Without the anchor they need, matches are unresolved.
		{"Last year alone", Anchor{}, []w{unres("Last year")}},
		{"this year", Anchor{}, []w{unres("this year")}},
		{"32 years ago", Anchor{}, []w{unres("32 years ago")}},
		{"last month", pub2025, []w{unres("last month")}},
		{"the same year", ctxRange, []w{unres("the same year")}},
		{"the same year", pub2025, []w{unres("the same year")}},
		{"the same day", ctx2018, []w{unres("the same day")}},
		{"July 3", Anchor{}, []w{unres("July 3")}},
		{"on May 9", Anchor{}, []w{unres("May 9")}},
		// "the last year" is not last year.
		{"the last year of his term", pub2025, nil},
	})
}

func TestFindContextCarries(t *testing.T) {
	check(t, []findTest{
		{"In 1995, Lukashenka visited Beijing. In the same year, Li Peng visited Minsk.", Anchor{}, []w{
			{"1995", "1995", "1995-01-01", "1995-12-31", year, explicit, 0, 0},
			{"the same year", "1995", "1995-01-01", "1995-12-31", year, context, 0, 0},
		}},
		{"In March 2023 a visit; on May 9 a parade; the following year a forum.", Anchor{}, []w{
			{"March 2023", "2023-03", "2023-03-01", "2023-03-31", month, explicit, 0, 0},
			{"May 9", "2023-05-09", "2023-05-09", "2023-05-09", day, context, 0, 0},
			{"the following year", "2024", "2024-01-01", "2024-12-31", year, context, 0, 0},
		}},
		// A point listed before a dated one takes its year.
		{"on 28 February and 1 March 2023", Anchor{}, []w{
			{"28 February", "2023-02-28", "2023-02-28", "2023-02-28", day, explicit, 0, 0},
			{"1 March 2023", "2023-03-01", "2023-03-01", "2023-03-01", day, explicit, 0, 0},
		}},
		{"in January, February and March 2024", Anchor{}, []w{
			{"January", "2024-01", "2024-01-01", "2024-01-31", month, explicit, 0, 0},
			{"February", "2024-02", "2024-02-01", "2024-02-29", month, explicit, 0, 0},
			{"March 2024", "2024-03", "2024-03-01", "2024-03-31", month, explicit, 0, 0},
		}},
		{"on March 20 and March 21, 2023", Anchor{}, []w{
			{"March 20", "2023-03-20", "2023-03-20", "2023-03-20", day, explicit, 0, 0},
			{"March 21, 2023", "2023-03-21", "2023-03-21", "2023-03-21", day, explicit, 0, 0},
		}},
		{"in May and in 2019", ctx2018, []w{
			{"May", "2018-05", "2018-05-01", "2018-05-31", month, context, 0, 0},
			{"2019", "2019", "2019-01-01", "2019-12-31", year, explicit, 0, 0},
		}},
		// An unresolved match does not replace the context.
		{"In 2015, last year's plan ended; that year", Anchor{}, []w{
			{"2015", "2015", "2015-01-01", "2015-12-31", year, explicit, 0, 0},
			unres("last year"),
			{"that year", "2015", "2015-01-01", "2015-12-31", year, context, 0, 0},
		}},
	})
}

// TestFindNotDates lists numbers that must not be read as dates.
func TestFindNotDates(t *testing.T) {
	for _, in := range []string{
		"No. 5", "Decree No. 161", "No. 2015", "No.2024", "5-6%", "0,404%", "100,000 doses",
		"6,000 km", "USD 748.2 million", "16/17+1", "17+1", "112 km²", "25-40%", "300 km",
		"the 10-year tax-free period", "pp. 79, 2-3.", "79,", "2-3.", "2,015", "2 015", "3.7",
		"2,5", "1,990 people", "USD 2020 million", "2015 km", "$2020", "€1950", "A2018",
		"2018a", "20180", "1850", "2100", "1000s of people", "July 3 million tons",
		"2018.5 million", "2018,105", "3.2018", "5-2018", "16/2018", "12:2015", "−2015", "+2015",
		"2015%", "2015 %", "2015 per cent", "p. 1999", "q1", "May I", "may 9",
		"march 2023 percent", "https://example.org/files/2020-06/report-2019.pdf",
		"www.example.org/2019/05/news", "December 45", "the first quarter of the century",
		"December\n\nthe", "0 years ago", "1000 years ago", "that year-on-year growth",
		"Johnson and May", "the government of May", "to March",
	} {
		if got := Find(in, pub2025May); len(got) > 0 {
			t.Errorf("Find(%q) = %q, want no date", in, texts(got))
		}
	}
}

func TestFindFootnotesAndMessyText(t *testing.T) {
	y := func(text string, yr int, o OpenKind) w {
		s := fmt.Sprint(yr)
		return w{text, s, s + "-01-01", s + "-12-31", year, explicit, 0, o}
	}
	check(t, []findTest{
		{"since\n2018.105 The CBIP", Anchor{}, []w{y("since\n2018", 2018, Since)}},
		{"in 2018.105 The", Anchor{}, []w{y("2018", 2018, 0)}},
		{"USD 16 billion by 2014.88", Anchor{}, []w{y("by 2014", 2014, Until)}},
		{"in 2011.19\n", Anchor{}, []w{y("2011", 2011, 0)}},
		{"Brest (since 2017)183 and", Anchor{}, []w{y("since 2017", 2017, Since)}},
		{"in 2018.", Anchor{}, []w{y("2018", 2018, 0)}},
		{"in 2018, 105 people", Anchor{}, []w{y("2018", 2018, 0)}},
		{"December\n2023", Anchor{}, []w{{"December\n2023", "2023-12", "2023-12-01", "2023-12-31", month, explicit, 0, 0}}},
		{"December\r\n2023", Anchor{}, []w{{"December\r\n2023", "2023-12", "2023-12-01", "2023-12-31", month, explicit, 0, 0}}},
		{"December\n\n2023", Anchor{}, []w{y("2023", 2023, 0)}},
		{"20\u00a0January\u00a01992", Anchor{}, []w{{"20\u00a0January\u00a01992", "1992-01-20", "1992-01-20", "1992-01-20", day, explicit, 0, 0}}},
		{"20\u2009January\u20031992", Anchor{}, []w{{"20\u2009January\u20031992", "1992-01-20", "1992-01-20", "1992-01-20", day, explicit, 0, 0}}},
		{"2015\u200a–\u200a2017", Anchor{}, []w{{"2015\u200a–\u200a2017", "2015/2017", "2015-01-01", "2017-12-31", interval, explicit, 0, 0}}},
		{"late 2009-\nearly 2010", Anchor{}, []w{{"late 2009-\nearly 2010", "2009-09/2010-04", "2009-09-01", "2010-04-30", interval, explicit, 0, 0}}},
		{"(2013–2023", Anchor{}, []w{{"2013–2023", "2013/2023", "2013-01-01", "2023-12-31", interval, explicit, 0, 0}}},
		{"“2019”", Anchor{}, []w{y("2019", 2019, 0)}},
		{"in 2018 dollars", Anchor{}, []w{y("2018", 2018, 0)}},
	})
}

// TestFindSeedSentences runs the sentences of the seed documents that the
// date rules were written for.
func TestFindSeedSentences(t *testing.T) {
	check(t, []findTest{
		{"In early December 2023, the President of Belarus, Aleksandr Lukashenko, paid a working visit to China", Anchor{},
			[]w{{"early December 2023", "2023-12-01/2023-12-10", "2023-12-01", "2023-12-10", interval, explicit, 0, 0}}},
		{"as recently as in March 2023, he paid a state visit", Anchor{},
			[]w{{"March 2023", "2023-03", "2023-03-01", "2023-03-31", month, explicit, 0, 0}}},
		{"Belarus and China established diplomatic relations on 20 January 1992", Anchor{},
			[]w{{"20 January 1992", "1992-01-20", "1992-01-20", "1992-01-20", day, explicit, 0, 0}}},
		{"The first noticeable developments took place in late 2009-\nearly 2010, when", Anchor{},
			[]w{{"late 2009-\nearly 2010", "2009-09/2010-04", "2009-09-01", "2010-04-30", interval, explicit, 0, 0}}},
		{"In 2011-2012, Minsk and Beijing signed and then ratified an agreement", Anchor{},
			[]w{{"2011-2012", "2011/2012", "2011-01-01", "2012-12-31", interval, explicit, 0, 0}}},
		{"Between March and December 2023, more than 120 mutual visits", Anchor{},
			[]w{{"Between March and December 2023", "2023-03/2023-12", "2023-03-01", "2023-12-31", interval, explicit, 0, 0}}},
		{"In the first quarter of this year, Belarusian exports to China surged by 18%", pub2025May,
			[]w{{"the first quarter of this year", "2025-33", "2025-01-01", "2025-03-31", quarter, relative, 0, 0}}},
		{"Last year alone, Minsk and Beijing conducted trade exceeding 8.5 billion dollars", pub2025,
			[]w{{"Last year", "2024", "2024-01-01", "2024-12-31", year, relative, 0, 0}}},
		{"since the establishment of diplomatic ties 32 years ago", pub2024Aug,
			[]w{{"32 years ago", "1992", "1992-01-01", "1992-12-31", year, relative, 0, 0}}},
		{"However, in January–June 2024, bilateral trade declined by 13.2 %", Anchor{},
			[]w{{"January–June 2024", "2024-40", "2024-01-01", "2024-06-30", half, explicit, 0, 0}}},
		{"From January to September 2024, GDP grew 4.5 %", Anchor{},
			[]w{{"From January to September 2024", "2024-01/2024-09", "2024-01-01", "2024-09-30", interval, explicit, 0, 0}}},
		{"the 2006/7 “oil and gas war”", Anchor{},
			[]w{{"2006/7", "2006/2007", "2006-01-01", "2007-12-31", interval, explicit, 0, 0}}},
		{"The EU lifted its sanctions in 2015/16", Anchor{},
			[]w{{"2015/16", "2015/2016", "2015-01-01", "2016-12-31", interval, explicit, 0, 0}}},
		{"a generational change in the Chinese leadership took place in\n2012/13", Anchor{},
			[]w{{"2012/13", "2012/2013", "2012-01-01", "2013-12-31", interval, explicit, 0, 0}}},
		{"At the end of 2023, China’s non-financial direct investment stock", Anchor{},
			[]w{{"At the end of 2023", "2023-09/2023-12", "2023-09-01", "2023-12-31", interval, explicit, EdgeEnd, 0}}},
		{"Credits to Belarus totalled\nUSD 16 billion by 2014.88", Anchor{},
			[]w{{"by 2014", "2014", "2014-01-01", "2014-12-31", year, explicit, 0, Until}}},
		{"Lukashenka visited China every\nyear between 2015 and 2019", Anchor{},
			[]w{{"between 2015 and 2019", "2015/2019", "2015-01-01", "2019-12-31", interval, explicit, 0, 0}}},
		{"In the\nsame year, Li Peng, then Chairman of the Standing Committee, visited Belarus", ctx1995,
			[]w{{"the\nsame year", "1995", "1995-01-01", "1995-12-31", year, context, 0, 0}}},
		{"in mid-2020", Anchor{},
			[]w{{"mid-2020", "2020-05/2020-08", "2020-05-01", "2020-08-31", interval, explicit, 0, 0}}},
		{"the early 2010s", Anchor{},
			[]w{{"the early 2010s", "2010/2013", "2010-01-01", "2013-12-31", interval, explicit, 0, 0}}},
		{"the early 2000s", Anchor{},
			[]w{{"the early 2000s", "2000/2003", "2000-01-01", "2003-12-31", interval, explicit, 0, 0}}},
		{"in autumn 2020", Anchor{},
			[]w{{"autumn 2020", "2020-23", "2020-09-01", "2020-11-30", interval, explicit, 0, 0}}},
		{"On January 11, 2025, the Belarus-Russia mutual visa recognition agreement came into effect", Anchor{},
			[]w{{"January 11, 2025", "2025-01-11", "2025-01-11", "2025-01-11", day, explicit, 0, 0}}},
		{"Blog No.2024 / 8. February 08.", ctx2018,
			[]w{{"February 08", "2018-02-08", "2018-02-08", "2018-02-08", day, context, 0, 0}}},
	})
}

// TestFindDeterministic checks that Find gives the same answer twice and
// that its spans tile the text in order.
func TestFindDeterministic(t *testing.T) {
	text := strings.Repeat("In early December 2023 and 2011-2012, since 2015, the same year, last month. ", 20)
	a, b := Find(text, pub2025May), Find(text, pub2025May)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("Find is not deterministic")
	}
	if len(a) != 100 {
		t.Fatalf("got %d matches, want 100", len(a))
	}
}

func TestRecentYears(t *testing.T) {
	pub := record.Period{EDTF: "2025", Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), Basis: record.Explicit}
	tests := []struct{ text, span, edtf string }{
		{"over the past decade, bilateral trade has grown nearly fivefold", "the past decade", "2015/2024"},
		{"China has been Belarus’ second-largest trading partner for two consecutive years.", "two consecutive years", "2023/2024"},
		{"in the last five years", "the last five years", "2020/2024"},
		{"the previous 3 years", "the previous 3 years", "2022/2024"},
	}
	for _, tt := range tests {
		ms := Find(tt.text, Anchor{Published: pub})
		if len(ms) != 1 || tt.text[ms[0].Start:ms[0].End] != tt.span || ms[0].Period.EDTF != tt.edtf || ms[0].Period.Basis != record.Relative {
			t.Errorf("Find(%q) = %+v, want %q %s relative", tt.text, ms, tt.span, tt.edtf)
		}
	}
	if ms := Find("over the past decade", Anchor{}); len(ms) != 1 || ms[0].Period.Resolved() {
		t.Errorf("without a publication date the past decade must stay unresolved: %+v", ms)
	}
}

func TestWeekdays(t *testing.T) {
	// 14 May 2025 is a Wednesday
	check(t, []findTest{
		{"The bank on Wednesday opened a credit line.", pub2025May14, []w{{"Wednesday", "2025-05-14", "2025-05-14", "2025-05-14", day, relative, 0, 0}}},
		{"They met on Monday.", pub2025May14, []w{{"Monday", "2025-05-12", "2025-05-12", "2025-05-12", day, relative, 0, 0}}},
		{"They met on Thursday.", pub2025May14, []w{{"Thursday", "2025-05-08", "2025-05-08", "2025-05-08", day, relative, 0, 0}}},
		{"It was signed last Wednesday.", pub2025May14, []w{{"last Wednesday", "2025-05-07", "2025-05-07", "2025-05-07", day, relative, 0, 0}}},
		{"They meet next Friday.", pub2025May14, []w{{"next Friday", "2025-05-16", "2025-05-16", "2025-05-16", day, relative, 0, 0}}},
		// the publication day is needed
		{"They met on Monday.", pub2025May, []w{unres("Monday")}},
		// weeks run Monday to Sunday
		{"He met the minister in Minsk last week.", pub2025May14, []w{{"last week", "2025-05-05/2025-05-11", "2025-05-05", "2025-05-11", interval, relative, 0, 0}}},
		{"Talks continue this week.", pub2025May14, []w{{"this week", "2025-05-12/2025-05-18", "2025-05-12", "2025-05-18", interval, relative, 0, 0}}},
		{"He met the minister last week.", pub2025May, []w{unres("last week")}},
		{"in the last week of May 2024", pub2025May14, []w{{"May 2024", "2024-05", "2024-05-01", "2024-05-31", month, explicit, 0, 0}}},
		{"The year before last, the bank opened a credit line.", pub2025May14, []w{{"The year before last", "2023", "2023-01-01", "2023-12-31", year, relative, 0, 0}}},
		// a month before or after the publication month
		{"He met Xi again last December.", pub2025May14, []w{{"last December", "2024-12", "2024-12-01", "2024-12-31", month, relative, 0, 0}}},
		{"He was in Beijing last March.", pub2025May14, []w{{"last March", "2025-03", "2025-03-01", "2025-03-31", month, relative, 0, 0}}},
		{"He goes next May.", pub2025May14, []w{{"next May", "2026-05", "2026-05-01", "2026-05-31", month, relative, 0, 0}}},
		{"He met Xi last December.", pub2025, []w{unres("last December")}},
		// a weekday alone, or in lower case, is no date
		{"Monday's talks went well.", pub2025May14, nil},
		{"They met on monday.", pub2025May14, nil},
		// a weekday before the full date is no date of its own
		{"signed in Minsk on Wednesday, 4 December 2024", pub2025May14, []w{{"4 December 2024", "2024-12-04", "2024-12-04", "2024-12-04", day, explicit, 0, 0}}},
	})
}

func TestCommaFootnote(t *testing.T) {
	check(t, []findTest{
		{"the agreement of 1993,6 later complemented", Anchor{}, []w{{"1993", "1993", "1993-01-01", "1993-12-31", year, explicit, 0, 0}}},
		{"a total of 2019,5 million", Anchor{}, nil},
		{"in 2019,20 Projects", Anchor{}, nil},
	})
}

func TestPartialAnchor(t *testing.T) {
	news := Anchor{Context: ctx2018.Context, Partial: pub2025May14.Published}
	check(t, []findTest{
		// a month without its year takes the partial anchor's year …
		{"In March, the bank extended a loan.", news, []w{{"March", "2025-03", "2025-03-01", "2025-03-31", month, relative, 0, 0}}},
		{"Trade in January–April rose by 5%.", news, []w{{"January–April", "2025-01/2025-04", "2025-01-01", "2025-04-30", interval, relative, 0, 0}}},
		// … anaphora still the context's …
		{"In the same year, they met.", news, []w{{"the same year", "2018", "2018-01-01", "2018-12-31", year, context, 0, 0}}},
		// … and a date of the same text comes first
		{"In 2019, and again in March, they met.", news, []w{
			{"2019", "2019", "2019-01-01", "2019-12-31", year, explicit, 0, 0},
			{"March", "2019-03", "2019-03-01", "2019-03-31", month, context, 0, 0}}},
		// without a partial anchor, the context
		{"In March, the bank extended a loan.", ctx2018, []w{{"March", "2018-03", "2018-03-01", "2018-03-31", month, context, 0, 0}}},
	})
}

// TestStoryGoesForward: after a day or month, a day of an earlier month
// without its year is the next year's, unless that lies after the
// publication date.
func TestStoryGoesForward(t *testing.T) {
	nov4 := per("2026-11-04", "2026-11-04", "2026-11-04", day)
	digest := Anchor{Context: nov4, Published: per("2026-11", "2026-11-01", "2026-11-30", month)}
	story := Anchor{Context: nov4}
	check(t, []findTest{
		{"signed during the visit on 13 October", story, []w{{"13 October", "2027-10-13", "2027-10-13", "2027-10-13", day, context, 0, 0}}},
		{"signed during the visit on 13 October", digest, []w{{"13 October", "2026-10-13", "2026-10-13", "2026-10-13", day, context, 0, 0}}},
	})
}
