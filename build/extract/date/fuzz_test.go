package date

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/record"
)

// fuzzSeeds are the texts every fuzz run starts from.
var fuzzSeeds = []string{
	"In early December 2023, the President of Belarus paid a working visit to China",
	"Belarus and China established diplomatic relations on 20 January 1992",
	"took place in late 2009-\nearly 2010, when",
	"Between March and December 2023, more than 120 mutual visits",
	"In the first quarter of this year, exports surged by 18%",
	"Last year alone, trade exceeded 8.5 billion dollars; 32 years ago",
	"However, in January–June 2024, bilateral trade declined by 13.2 %",
	"the 2006/7 “oil and gas war”, 2015/16, 2012/13, 2011-2012, from 2013 to 2017",
	"At the end of 2023, by the end of 2020, as of the end of 2023, year-end 2023",
	"USD 16 billion by 2014.88 and in 2018.105 The",
	"In the\nsame year, Li Peng visited; the following year; a year later",
	"08.02.2024, 2024-02-08, 02/08/2024, Aug. 22, 2024, Sept 2015, May 8–10, 2024",
	"No. 5, Decree No. 161, 5-6%, 0,404%, 16/17+1, 112 km², the 10-year period",
	"Q1 2024, H1 2024, 2024 Q3, the first nine months of 2024, winter 2022/23",
	"since the 2000s, the mid-1990s, earlier this year, last autumn, on May 9",
	"20\u00a0January\u20031992, 2011\u22122012, mid\u2011March 2021, December\r\n2023",
}

// FuzzFind checks that Find never panics and that its matches are well
// formed: spans inside the text, in order, not overlapping, slicing to the
// period's text; a resolved period has an EDTF and ordered days; an
// unresolved one has neither.
func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	anchors := []Anchor{{}, {
		Published: per("2025-05", "2025-05-01", "2025-05-31", month),
		Context:   per("2018", "2018-01-01", "2018-12-31", year),
	}, {
		Published: per("2024-08-15", "2024-08-15", "2024-08-15", day),
		Context:   per("2011/2012", "2011-01-01", "2012-12-31", interval),
	}}
	f.Fuzz(func(t *testing.T, text string) {
		for _, a := range anchors {
			ms := Find(text, a)
			prev := 0
			for _, m := range ms {
				if m.Start < prev || m.Start >= m.End || m.End > len(text) {
					t.Fatalf("Find(%q): span [%d,%d) after %d out of order or bounds", text, m.Start, m.End, prev)
				}
				prev = m.End
				checkPeriod(t, text, m.Period)
				checkBoundaries(t, text, m.Start, m.End)
				if m.Period.Text != text[m.Start:m.End] {
					t.Fatalf("Find(%q): Text %q != span %q", text, m.Period.Text, text[m.Start:m.End])
				}
			}
			if again := Find(text, a); !reflect.DeepEqual(ms, again) {
				t.Fatalf("Find(%q) is not deterministic", text)
			}
		}
	})
}

// FuzzParseLabel checks that ParseLabel never panics and that what it
// accepts is a resolved, explicit period.
func FuzzParseLabel(f *testing.F) {
	for _, s := range []string{"2023", "2015/16", "Q1 2024", "2024 h2", "January–June 2024", "2023*", "1999/00", "Total", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := ParseLabel(s)
		if !ok {
			return
		}
		if !p.Resolved() || p.Basis != record.Explicit || p.Text != strings.TrimSpace(s) {
			t.Fatalf("ParseLabel(%q) = %+v", s, p)
		}
		checkPeriod(t, s, p)
	})
}

// checkPeriod checks the invariants of a period found in text.
func checkPeriod(t *testing.T, text string, p record.Period) {
	t.Helper()
	if p.Basis == record.Unresolved {
		if p.EDTF != "" || !p.Start.IsZero() || !p.End.IsZero() || p.Precision != "" {
			t.Fatalf("in %q: unresolved period has dates: %+v", text, p)
		}
		return
	}
	if p.EDTF == "" || p.Precision == "" || p.Start.IsZero() || p.End.IsZero() || p.End.Before(p.Start) {
		t.Fatalf("in %q: bad resolved period %+v", text, p)
	}
	for _, d := range []time.Time{p.Start, p.End} {
		if d.Location() != time.UTC || !d.Equal(d.Truncate(24*time.Hour)) {
			t.Fatalf("in %q: %v is not a UTC day", text, d)
		}
	}
	switch p.Basis {
	case record.Explicit, record.Relative, record.Context:
	default:
		t.Fatalf("in %q: basis %q", text, p.Basis)
	}
	start, end, prec, ok := edtfBounds(p.EDTF)
	if !ok || !start.Equal(p.Start) || !end.Equal(p.End) || prec != p.Precision {
		t.Fatalf("in %q: EDTF %s means %v..%v %s (ok %v), period says %v..%v %s",
			text, p.EDTF, start, end, prec, ok, p.Start, p.End, p.Precision)
	}
}

// checkBoundaries checks that a span does not cut a word or a number.
func checkBoundaries(t *testing.T, text string, start, end int) {
	t.Helper()
	alnum := func(r rune) bool { return unicode.IsLetter(r) || r >= '0' && r <= '9' }
	if start > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		first, _ := utf8.DecodeRuneInString(text[start:])
		if alnum(before) && alnum(first) {
			t.Fatalf("in %q: span %q starts inside a word", text, text[start:end])
		}
	}
	if end < len(text) {
		last, _ := utf8.DecodeLastRuneInString(text[:end])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if alnum(last) && alnum(after) {
			t.Fatalf("in %q: span %q ends inside a word", text, text[start:end])
		}
	}
}

// edtfBounds reads the EDTF this package writes, independently of it: a
// day, month, year, quarter (-33…-36), half (-40, -41), season (-21…-24)
// or an interval of two of the first three. It returns the first and last
// day and the precision.
func edtfBounds(s string) (start, end time.Time, prec record.Precision, ok bool) {
	if a, b, found := strings.Cut(s, "/"); found {
		s1, _, p1, ok1 := edtfBounds(a)
		_, e2, p2, ok2 := edtfBounds(b)
		plain := func(p record.Precision) bool { return p == record.Day || p == record.Month || p == record.Year }
		return s1, e2, record.Interval, ok1 && ok2 && plain(p1) && plain(p2) && s1.Before(e2)
	}
	var y, m int
	switch len(s) {
	case 4:
		if _, err := fmt.Sscanf(s, "%4d", &y); err != nil {
			return
		}
		return ymd(y, 1, 1), ymd(y, 12, 31), record.Year, true
	case 7:
		if _, err := fmt.Sscanf(s, "%4d-%2d", &y, &m); err != nil {
			return
		}
		switch {
		case m >= 1 && m <= 12:
			return ymd(y, m, 1), ymd(y, m+1, 0), record.Month, true
		case m >= 21 && m <= 24:
			first := 3 * (m - 20)
			return ymd(y, first, 1), ymd(y, first+3, 0), record.Interval, true
		case m >= 33 && m <= 36:
			first := 3*(m-33) + 1
			return ymd(y, first, 1), ymd(y, first+3, 0), record.Quarter, true
		case m == 40 || m == 41:
			first := 6*(m-40) + 1
			return ymd(y, first, 1), ymd(y, first+6, 0), record.Half, true
		}
	case 10:
		t, err := time.Parse(time.DateOnly, s)
		return t, t, record.Day, err == nil
	}
	return
}

// BenchmarkFind measures Find on a page of prose dense with dates and
// numbers.
func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(strings.Join(fuzzSeeds, "\n")+"\n", 10)
	a := Anchor{Published: per("2025-05", "2025-05-01", "2025-05-31", month)}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, a)
	}
}
