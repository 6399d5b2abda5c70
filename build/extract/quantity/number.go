// Package quantity parses numbers and quantities as documents write them.
//
// ParseNumber reads one number token: decimal point or decimal comma
// (27,18), thousands separators (13,000; 1 234 567; 1.234.567), the Unicode
// minus (−8,15), and trailing footnote marks (57.68¹, 77*). When a token is
// ambiguous (1,113 may be 1113 or 1.113) the caller's Style decides; Auto
// reads a comma before exactly three digits as a thousands separator, which
// is the English convention, and InferStyle lets a table decide for all its
// cells at once.
package quantity

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Style is the decimal convention of a number.
type Style int

// The styles.
const (
	Auto         Style = iota // decide per token
	DecimalPoint              // 1,234.5
	DecimalComma              // 1.234,5 or 1 234,5
)

// Number is a parsed number token.
type Number struct {
	Value float64
	// Digits is the numeric part as written, sign included, mark excluded.
	Digits string
	// Mark is a footnote mark that followed the number (¹, *, †), if any.
	Mark string
	// Decimals is the number of digits after the decimal separator.
	Decimals int
	// Comma reports that the decimal separator was a comma.
	Comma bool
}

// ErrNotNumber is returned for a token that is not a number.
var ErrNotNumber = errors.New("not a number")

// minus signs: ASCII hyphen-minus, Unicode minus, en dash, figure dash.
func isMinus(r rune) bool { return r == '-' || r == '\u2212' || r == '\u2013' || r == '\u2012' }

// group separators besides , and .: spaces used between digit groups.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2008' || r == '\''
}

func isMark(r rune) bool {
	switch r {
	case '*', '†', '‡', '¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return true
	}
	return false
}

// ParseNumber parses s, which must hold one number and nothing else but
// surrounding space and a footnote mark.
func ParseNumber(s string, style Style) (Number, error) {
	t := strings.TrimSpace(s)
	var n Number
	// footnote marks
	for t != "" {
		r, size := utf8.DecodeLastRuneInString(t)
		if !isMark(r) {
			break
		}
		n.Mark = t[len(t)-size:] + n.Mark
		t = strings.TrimSpace(t[:len(t)-size])
	}
	neg := false
	if r, size := utf8.DecodeRuneInString(t); size > 0 && (isMinus(r) || r == '+') {
		neg = isMinus(r)
		t = strings.TrimSpace(t[size:])
	}
	if t == "" {
		return n, ErrNotNumber
	}
	// Split into digit groups and the separators between them.
	var groups []string
	var seps []rune
	start := 0
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			continue
		case r == ',' || r == '.' || isGroupSpace(r):
			if i == start {
				return n, fmt.Errorf("%w: %q", ErrNotNumber, s)
			}
			groups = append(groups, t[start:i])
			seps = append(seps, r)
			start = i + utf8.RuneLen(r)
		default:
			return n, fmt.Errorf("%w: %q", ErrNotNumber, s)
		}
	}
	if start >= len(t) {
		return n, fmt.Errorf("%w: %q", ErrNotNumber, s)
	}
	groups = append(groups, t[start:])

	dec := decimalSeparator(groups, seps, style)
	var intPart strings.Builder
	frac := ""
	for i, g := range groups {
		if i > 0 {
			sep := seps[i-1]
			if dec != 0 && sep == dec && i == len(groups)-1 {
				frac = g
				continue
			}
			// a group separator: every group after the first has 3 digits
			if len(g) != 3 {
				return n, fmt.Errorf("%w: %q: digit group %q is not three digits", ErrNotNumber, s, g)
			}
			if dec != 0 && sep == dec {
				return n, fmt.Errorf("%w: %q: %q used both as group and decimal separator", ErrNotNumber, s, string(sep))
			}
		}
		intPart.WriteString(g)
	}
	lit := intPart.String()
	if frac != "" {
		lit += "." + frac
	}
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		return n, fmt.Errorf("%w: %q", ErrNotNumber, s)
	}
	if neg {
		v = -v
	}
	n.Value = v
	n.Decimals = len(frac)
	n.Comma = dec == ','
	n.Digits = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), n.Mark))
	return n, nil
}

// decimalSeparator decides which separator, if any, is the decimal one.
func decimalSeparator(groups []string, seps []rune, style Style) rune {
	if len(seps) == 0 {
		return 0
	}
	last := seps[len(seps)-1]
	lastGroup := groups[len(groups)-1]
	switch style {
	case DecimalPoint:
		if last == '.' {
			return '.'
		}
		return 0
	case DecimalComma:
		if last == ',' {
			return ','
		}
		return 0
	}
	if last != ',' && last != '.' {
		return 0
	}
	// Both , and . present: the last one is the decimal separator.
	for _, s := range seps[:len(seps)-1] {
		if (s == ',' || s == '.') && s != last {
			return last
		}
	}
	// The same separator more than once: it groups thousands.
	for _, s := range seps[:len(seps)-1] {
		if s == last {
			return 0
		}
	}
	if last == '.' {
		return '.'
	}
	// A single comma: a decimal comma unless exactly three digits follow a
	// non-zero integer part (13,000 is thirteen thousand; 0,404 is not).
	if len(lastGroup) != 3 || strings.TrimLeft(groups[0], "0") == "" || len(groups[0]) > 3 {
		return ','
	}
	return 0
}

// InferStyle decides the decimal convention of a set of cells written the
// same way (a table): a decimal comma when some cell can only be read with
// one (a comma followed by one, two, or four or more digits), a decimal
// point when some cell can only be read with one, Auto otherwise.
func InferStyle(cells []string) Style {
	comma, point := false, false
	for _, c := range cells {
		n, err := ParseNumber(c, Auto)
		if err != nil {
			continue
		}
		if n.Comma {
			comma = true
		} else if n.Decimals > 0 {
			point = true
		}
	}
	switch {
	case comma && !point:
		return DecimalComma
	case point && !comma:
		return DecimalPoint
	}
	return Auto
}
