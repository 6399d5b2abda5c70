// Package date reads dates and periods as English documents write them and
// resolves them to EDTF with inclusive start and end days.
//
// Find takes a text and an Anchor (the publication date and the last date
// seen before the text) and returns every date expression in it with its
// byte span and its record.Period. ParseLabel reads a table header such as
// "2023", "2015/16" or "Q1 2024". Both are pure: the same input gives the
// same output, and nothing is read from the clock.
//
// # Grammar
//
// The text is split into words, numbers, white space and punctuation; the
// expressions below are read over these tokens, case-insensitively except
// month names, which must be capitalised ("March", "MARCH"; "may" is a
// verb). White space between the words of one expression may hold one line
// break, never a blank line, and may be any Unicode space (U+00A0,
// U+2000–U+200A, U+202F …). A dash is any of - ‐ ‑ ‒ – — ― − (U+2212).
//
//	expression = [open] (range | point)
//	open       = since | until | till | up to | up until | by | before | prior to | after
//	range      = from point (to|till|until|through|dash) point
//	           | between point (and|dash) point
//	           | point (dash|to) point
//	           | year (/|dash) yy             2015/16, 2006/7, 2015-16 (glued)
//	           | Month day dash day [,] year  May 8–10, 2024
//	point      = [edge] period | [the] (early|mid|late)[-] period | [the] middle of period
//	           | day-date | month-date | quarter | half | first-months | season
//	           | decade | year-ref | relative
//	edge       = [at|as of|towards] (the beginning of | the start of | early in | …
//	           | the end of | end of | end- | year-end | late in)
//	day-date   = day [of] Month [[,] year] | Month day [[,] year]
//	           | dd.mm.yyyy | yyyy-mm-dd | d/m/yyyy
//	month-date = Month [,] year | Month of year | yyyy-mm | Month   (alone after in, since, by …)
//	quarter    = [the] (first…fourth|last) quarter [of year-ref] | Q1 year | 1Q year | year Q1
//	half       = [the] (first|second) half [of year-ref] | H1 year | 1H year | year H1
//	first-months = [the] first N months [of year-ref]
//	season     = [the] (spring|summer|autumn|fall|winter) [of] year-ref | (this|last|next) season
//	decade     = [the] 2010s | the 1990's
//	year-ref   = yyyy | this year | last year | next year | the current year
//	           | the same year | that year | the previous year | the following year | the next year
//	relative   = this|last|next month | that month | the same|previous|following month
//	           | the same|previous|following|next day | N years|months ago
//	           | N years|months later|earlier | earlier|later this|that year|month
//
// In a range the first end may lack its year ("between March and December
// 2023") or its month ("8–10 May 2024") and takes them from the second;
// a second end without its year takes the first's. The ends must be in
// order and must not overlap. "2011-12" is the range 2011–2012, not
// December 2011.
//
// In a list the year is often written once: a point without its year that
// is followed by "and", "or" or a comma and a dated point takes that
// point's year ("28 February and 1 March 2023", "January, February and
// March 2024"), and a month alone after a listed date needs no cue word.
//
// # Spans
//
// The span of a match is the date expression itself. Prepositions that add
// nothing to the date are left out: "On December 2, 2024" gives "December
// 2, 2024", "in 2013" gives "2013", "in early December 2023" gives "early
// December 2023". Words that change the meaning are part of it: "since
// 2015", "by 2014", "from 2013 to 2017", "between 2011 and 2017", "at the
// end of 2023", "early in 2020", and "the" where it belongs to the
// expression ("the 2010s", "the same year", "the first quarter of 2024").
//
// # Numbers that are not years
//
// A year alone is four digits, 1900–2099; written with a month or day it
// may be 1000–2099. A number is not a year or a day when it is glued to a
// letter, a sign or a currency symbol, or to another number by a decimal
// point, thousands separator, slash, plus or dash that does not make a
// date ("2,015", "3.2018", "16/17+1", "5-6%"), when a percent sign, scale or
// unit follows ("2015 km", "July 3 million"), and when a reference
// abbreviation or currency code precedes it ("No. 2015", "p. 1999", "USD
// 2020"). Documents extracted from PDFs glue footnote numbers to the word
// before them: a full stop and one to three digits right after a year are
// such a footnote ("in 2018.105" is 2018 and footnote 105), unless a scale
// follows. Dates inside URLs ("…/files/2020-06/…") are not read, and a span
// never starts or ends inside a word or a number.
//
// # Resolution and conventions
//
// EDTF follows ISO 8601-2 (Level 2 for sub-year groupings): a day
// 2024-12-02, a month 2024-12, a year 2024, a quarter 2024-33 … 2024-36, a
// half 2024-40 and 2024-41, a season 2020-21 (spring) … 2020-24 (winter),
// and an interval start/end written at the precision of each end
// ("2013/2017", "2023-03/2023-12", "2009-09/2010-04").
//
// Precision is day, month, quarter, half or year for those periods, and
// interval for everything else: ranges, seasons, decades, thirds.
// "January–June 2024" and "the first six months of 2024" are the half
// 2024-40; "January–March" a quarter; "January–December" the year.
//
// Seasons are meteorological and northern: spring is March–May, summer
// June–August, autumn (fall) September–November, and winter December to
// February, numbered by the year it starts in: winter 2022 (also "winter
// 2022/23") is 1 December 2022 to 28 February 2023.
//
// A decade, "the 2010s", is 2010/2019 (never the century).
//
// Early, mid and late take the first, middle and last third of the period
// named, and so do the edge phrases: "at the beginning of", "the start
// of", "early in" the first third (Edge EdgeStart); "the end of", "by the
// end of", "as of the end of", "year-end", "end-2023", "late in" the last
// third (Edge EdgeEnd). A third of a month is days 1–10, 11–20 and 21 to
// the end; of a year January–April, May–August and September–December; of
// a quarter or season one of its months; of a half two of its months; of a
// decade its years 0–3, 4–6 and 7–9. So "early December 2023" is
// 2023-12-01/2023-12-10, "mid-2020" 2020-05/2020-08, "the early 2010s"
// 2010/2013, and "the end of 2023" 2023-09/2023-12 with EdgeEnd. A caller
// that dates a stock uses Period.End when Edge is EdgeEnd (2023-12-31) and
// Period.Start when it is EdgeStart.
//
// An open expression ("since 2015", "until 2018", "by 2014") gives the
// period it names, with Open saying which side it bounds.
//
// Relative expressions resolve only against the Anchor, never the clock.
// Deictic ones ("this year", "last year", "next year", "last month", "this
// spring", "N years ago", "earlier this year") use Anchor.Published and
// have basis relative; anaphoric ones ("the same year", "that year", "the
// previous year", "the following year", "the next year", "a year later")
// and a day, month, quarter or half written without its year ("on May 9",
// "in March", "the first quarter") use Anchor.Context and have basis
// context. The anchor must be precise enough: "last month" needs a
// publication month, "the same year" a context within one year. When it is
// not, or is missing, the match is still returned, with basis unresolved
// and no EDTF, start or end. So is "the end of the year" (which year is not
// said) and a slashed date that may be read day first or month first
// ("02/08/2024"). "Last spring" is the latest spring that ended before the
// publication month; "next spring" the first that starts after it.
//
// A date that does not exist ("31 April 2024") or a range whose ends are
// out of order is not a match.
package date
