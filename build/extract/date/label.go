// Package date reads dates and periods as documents write them and
// resolves them to EDTF with inclusive start and end days.
//
// ParseLabel reads a standalone label, such as a table header ("2023",
// "2015/16", "Q1 2024", "H1 2024", "January–June 2024").
package date

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/claimpack/claimpack/build/record"
)

var (
	labelYear    = regexp.MustCompile(`^((?:1[6-9]|20|21)\d{2})$`)
	labelYears   = regexp.MustCompile(`^((?:1[6-9]|20|21)\d{2})\s*[-–—/]\s*(\d{2}|\d{4})$`)
	labelQuarter = regexp.MustCompile(`^(?i:q([1-4])\s+((?:1[6-9]|20|21)\d{2})|((?:1[6-9]|20|21)\d{2})\s+q([1-4]))$`)
	labelHalf    = regexp.MustCompile(`^(?i:h([12])\s+((?:1[6-9]|20|21)\d{2})|((?:1[6-9]|20|21)\d{2})\s+h([12]))$`)
)

// ParseLabel reads s as a period label and reports whether it is one.
// Footnote marks (*, ¹) after the label are ignored.
func ParseLabel(s string) (record.Period, bool) {
	t := strings.TrimRight(strings.TrimSpace(s), "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰ ")
	p := record.Period{Text: strings.TrimSpace(s), Basis: record.Explicit}
	switch {
	case labelYear.MatchString(t):
		y, _ := strconv.Atoi(t)
		return years(p, y, y), true
	case labelYears.MatchString(t):
		m := labelYears.FindStringSubmatch(t)
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if len(m[2]) == 2 {
			b += a / 100 * 100
			if b < a {
				b += 100
			}
		}
		if b <= a || b-a > 50 {
			return record.Period{}, false
		}
		return years(p, a, b), true
	case labelQuarter.MatchString(t):
		m := labelQuarter.FindStringSubmatch(t)
		q, y := atoi(m[1]+m[4]), atoi(m[2]+m[3])
		start := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		p.EDTF = fmt.Sprintf("%04d-%d", y, 32+q)
		p.Start, p.End, p.Precision = start, start.AddDate(0, 3, -1), record.Quarter
		return p, true
	case labelHalf.MatchString(t):
		m := labelHalf.FindStringSubmatch(t)
		h, y := atoi(m[1]+m[4]), atoi(m[2]+m[3])
		start := time.Date(y, time.Month(6*h-5), 1, 0, 0, 0, 0, time.UTC)
		p.EDTF = fmt.Sprintf("%04d-%d", y, 39+h)
		p.Start, p.End, p.Precision = start, start.AddDate(0, 6, -1), record.Half
		return p, true
	}
	return record.Period{}, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// years fills p with the calendar years a to b.
func years(p record.Period, a, b int) record.Period {
	p.Start = time.Date(a, 1, 1, 0, 0, 0, 0, time.UTC)
	p.End = time.Date(b, 12, 31, 0, 0, 0, 0, time.UTC)
	if a == b {
		p.EDTF, p.Precision = fmt.Sprintf("%04d", a), record.Year
	} else {
		p.EDTF, p.Precision = fmt.Sprintf("%04d/%04d", a, b), record.Interval
	}
	return p
}
