package date

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The vocabulary of the grammar. The tables are read-only. Keys are lower
// case; words are compared case-insensitively except month names, which
// must be capitalised (see monthOf).

// months maps month names and their abbreviations to month numbers.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

var monthAbbrevs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// seasons maps season names to their number: spring 1 … winter 4 (EDTF
// codes 21–24).
var seasons = map[string]int{"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}

// ordinals are the ordinal words that number quarters and halves; "last"
// and "final" stand for the highest.
var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}

// counts are the number words of "two years ago".
var counts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// relYears are the relative phrases that name a year.
var relYears = []struct {
	words string
	rel   from
	off   int
}{
	{"this year", fromPublished, 0}, {"the current year", fromPublished, 0},
	{"last year", fromPublished, -1}, {"next year", fromPublished, 1},
	{"the same year", fromContext, 0}, {"that same year", fromContext, 0},
	{"that year", fromContext, 0}, {"the previous year", fromContext, -1},
	{"the preceding year", fromContext, -1}, {"the following year", fromContext, 1},
	{"the next year", fromContext, 1},
}

// relMonths and relDays are the relative phrases that name a month or a day.
var relMonths = []struct {
	words string
	rel   from
	off   int
}{
	{"this month", fromPublished, 0}, {"last month", fromPublished, -1},
	{"next month", fromPublished, 1}, {"that month", fromContext, 0},
	{"the same month", fromContext, 0}, {"the previous month", fromContext, -1},
	{"the following month", fromContext, 1}, {"the next month", fromContext, 1},
}

var relDays = []struct {
	words string
	off   int
}{
	{"the same day", 0}, {"the previous day", -1}, {"the following day", 1}, {"the next day", 1},
}

// weekdays are the names of the days of the week, capitalised.
var weekdays = map[string]time.Weekday{
	"Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday, "Thursday": time.Thursday,
	"Friday": time.Friday, "Saturday": time.Saturday, "Sunday": time.Sunday,
}

// opens are the words that make a date one bound of an open interval.
var opens = []struct {
	words string
	kind  OpenKind
}{
	{"since", Since}, {"until", Until}, {"till", Until}, {"up to", Until},
	{"up until", Until}, {"by", Until}, {"before", Before}, {"prior to", Before},
	{"after", After},
}

// edges are the phrases that name the start or end of a period; each may
// follow "at", "as of" or "towards".
var edges = []struct {
	words string
	edge  Edge
}{
	{"the beginning of", EdgeStart}, {"the start of", EdgeStart}, {"the outset of", EdgeStart},
	{"beginning of", EdgeStart}, {"start of", EdgeStart}, {"early in", EdgeStart},
	{"the end of", EdgeEnd}, {"the close of", EdgeEnd}, {"end of", EdgeEnd},
	{"late in", EdgeEnd}, {"year-end", EdgeEnd}, {"end-", EdgeEnd},
}

// cues are the words after which a month name alone ("in March") is read
// as a date. "and", "of" and "to" are not cues: "Johnson and May", "the
// government of May".
var cues = map[string]bool{
	"in": true, "during": true, "since": true, "until": true, "till": true, "by": true,
	"from": true, "before": true, "after": true, "throughout": true, "through": true,
}

// afterNumber are the words that, after a number, make it a quantity, not
// a year or a day: scales and units. Currency names are left out: "in 2018
// dollars" is a year.
var afterNumber = map[string]bool{
	"million": true, "millions": true, "billion": true, "billions": true, "thousand": true,
	"thousands": true, "trillion": true, "trillions": true, "mln": true, "mn": true, "bn": true,
	"tn": true, "percent": true, "pct": true, "km": true, "sq": true, "kg": true,
	"tons": true, "tonnes": true, "ha": true, "hectares": true, "metres": true,
	"meters": true, "kilometres": true, "kilometers": true,
}

// beforeNumber are the words that, before a number, make it an amount or
// a reference number (USD 2020, No. 2015, p. 1999).
var beforeNumber = map[string]bool{
	"usd": true, "eur": true, "byn": true, "cny": true, "rub": true, "rmb": true,
	"number": true,
}

// abbrevBeforeNumber are the abbreviations that, with their full stop,
// introduce a reference number.
var abbrevBeforeNumber = map[string]bool{
	"no": true, "nos": true, "nr": true, "p": true, "pp": true, "vol": true, "art": true,
	"para": true, "fig": true, "ch": true,
}

// marksBeforeNumber are the symbols that, glued before a number, make it
// an amount or a reference number.
const marksBeforeNumber = "$€£¥#№§+−±"

// dashes are the range separators: hyphen-minus, hyphen, non-breaking
// hyphen, figure dash, en dash, em dash, horizontal bar and minus sign.
const dashes = "-‐‑‒–—―−"

// lower returns s in lower case.
func lower(s string) string { return strings.ToLower(s) }

// monthOf returns the month a word names and whether it is an
// abbreviation. A month name must be capitalised or all capitals
// ("March", "MARCH"), so that "may" and "march" stay verbs.
func monthOf(w string) (m int, abbrev, ok bool) {
	if !capitalised(w) {
		return 0, false, false
	}
	l := lower(w)
	if m, ok := months[l]; ok {
		return m, false, true
	}
	if m, ok := monthAbbrevs[l]; ok {
		return m, true, true
	}
	return 0, false, false
}

// capitalised reports whether w starts with an upper-case letter and the
// rest is all lower or all upper case.
func capitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[n:]
	return rest == lower(rest) || rest == strings.ToUpper(rest)
}
