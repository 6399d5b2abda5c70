package quantity

import "time"

// grammar is the English number grammar that Find needs beyond the
// lexicon: number words, ordinals, superlatives, multiplying verbs, the
// ways to write "percent", units of measure, markers of numbered
// identifiers and nouns that make a year-like number a count.
//
// These are closed classes of English function words, not actor or event
// vocabulary, so they live beside the scanner; each class is a candidate
// for a lexicon key (see the package's report). english returns fresh
// tables on every call: no package-level state.
type grammar struct {
	numerals      map[string]float64 // number words: "five" → 5
	ordinals      map[string]float64 // "second" → 2
	superlatives  map[string]bool    // "largest": rank 1 alone, rank n after an ordinal
	multiplyVerbs map[string]float64 // "doubled" → 2
	multiplyBase  map[string]float64 // "double" → 2, after "more than", "to"
	ordinalSuffix map[string]bool    // "nd" in "2nd"
	months        map[string]bool    // "March", "Mar": a day of the month is no count

	percent     []string // written after a number: "%", "per cent"
	measures    []string // units that make a number a measure, not a count: "km"
	markers     []string // written before a numbered identifier: "No.", "Table"
	countNouns  []string // nouns that make a year-like number a count: "2000 enterprises"
	partitives  []string // before a superlative that is no rank: "one of the largest"
	times, fold string   // "five times", "fivefold"
}

func english() grammar {
	g := grammar{
		numerals: map[string]float64{
			"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
			"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
			"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
			"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
			"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
			"seventy": 70, "eighty": 80, "ninety": 90,
		},
		ordinals: map[string]float64{
			"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
			"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
		},
		superlatives: map[string]bool{
			"largest": true, "biggest": true, "highest": true, "greatest": true,
		},
		multiplyVerbs: map[string]float64{
			"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5,
		},
		multiplyBase: map[string]float64{
			"double": 2, "triple": 3, "treble": 3, "quadruple": 4, "quintuple": 5,
		},
		ordinalSuffix: map[string]bool{"st": true, "nd": true, "rd": true, "th": true},
		percent:       []string{"%", "％", "percent", "per cent", "pct"},
		measures: []string{
			"km", "km²", "sq km", "square kilometres", "square kilometers",
			"kilometre", "kilometres", "kilometer", "kilometers", "km/h",
			"m", "m²", "metre", "metres", "meter", "meters", "square metres",
			"square meters", "cm", "mm", "mile", "miles", "ha", "hectare",
			"hectares", "acres", "kg", "kilogram", "kilograms", "tonne",
			"tonnes", "ton", "tons", "MW", "GW", "kW", "kWh", "TEU", "barrels",
			"litres", "liters", "cubic metres", "cubic meters", "°C", "degrees",
			"percentage point", "percentage points", "pp", "p.p.",
			"year", "years", "month", "months", "week", "weeks", "day", "days",
			"hour", "hours", "minutes", "decade", "decades",
		},
		markers: []string{
			"No", "No.", "no.", "Nos.", "nos.", "№", "Nr.", "nr.",
			"table", "figure", "fig.", "chart", "graph", "article", "art.",
			"chapter", "section", "annex", "appendix", "paragraph", "para.",
			"vol.", "volume", "p.", "pp.", "page", "pages",
			"tel", "tel.", "fax", "phone", "decree", "directive", "resolution",
		},
		countNouns: []string{
			"enterprises", "companies", "firms", "projects", "agreements",
			"contracts", "documents", "visits", "residents", "people",
			"persons", "students", "officers", "soldiers", "workers",
			"employees", "specialists", "experts", "tourists", "citizens",
			"doses", "vehicles", "delegations", "members", "participants", "jobs",
		},
		partitives: []string{"one of the", "some of the", "among the", "one of", "among"},
		times:      "times",
		fold:       "fold",
		months:     map[string]bool{"Sept": true},
	}
	// The month names as Go's time package writes them, and their
	// three-letter abbreviations.
	for m := time.January; m <= time.December; m++ {
		g.months[m.String()] = true
		g.months[m.String()[:3]] = true
	}
	return g
}
