package classify

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/claimpack/claimpack/build/extract/date"
	"github.com/claimpack/claimpack/build/extract/quantity"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
)

// A figure in prose becomes a trade or fdi record when, in its clause:
//
//  1. no scope cue puts it elsewhere: a macro figure before it ("GDP
//     contracted by 4.7 %"), a cost or loss, a forecast or target, a
//     freight volume;
//  2. a trade or investment term names what it measures, before it or
//     right after it ("trade volume reached $7.7 billion", "USD 15 billion
//     line of credit"), or a rank names a trading partner or a source of
//     investment;
//  3. it is about the focus pair: the clause names both countries, or a
//     word for the pair ("bilateral"), or one of them while the sentence,
//     the previous sentence or the paragraph names the other; and no third
//     country owns the figure (the country named nearest before it must be
//     a focus country when a third one is in the clause).
//
// Its period is the date nearest to it in its clause (then in its
// sentence); stocks and figures dated "at the end of" a period are dated
// at its last day; with no date in the sentence, a past-tense sentence
// takes the previous sentence's date (basis context), a present-tense one
// stays unresolved.

// topicTerm is a term saying what a figure measures.
type topicTerm struct {
	topic string // trade | fdi
	key   string // indicator or measure
	start int
	end   int
}

func (r *Rules) topicTerms(f *facts, c span) []topicTerm {
	if ts, ok := f.topicCache[c]; ok {
		return ts
	}
	ts := r.findTopicTerms(f, c)
	if f.topicCache == nil {
		f.topicCache = map[span][]topicTerm{}
	}
	f.topicCache[c] = ts
	return ts
}

func (r *Rules) findTopicTerms(f *facts, c span) []topicTerm {
	var out []topicTerm
	if relative.MatchString(f.masked[c.start:min(c.end, c.start+8)]) && c.start > 0 {
		// a relative clause is about the noun it follows: look at the end
		// of the clause before it
		prev := lastWords(f.masked[:c.start], 6)
		c = span{c.start - len(prev), c.end}
	}
	seg := f.masked[c.start:c.end]
	// a term inside a name is no term: the "Import" of the Export-Import
	// Bank of China
	inName := func(a, b int) bool {
		for _, o := range f.orgs {
			if a < o.End && b > o.Start {
				return true
			}
		}
		return false
	}
	for _, m := range r.Lex.TradeDict.Find(seg) {
		if !inName(c.start+m.Start, c.start+m.End) {
			out = append(out, topicTerm{"trade", m.Key, c.start + m.Start, c.start + m.End})
		}
	}
	for _, m := range r.Lex.FDIDict.Find(seg) {
		if !inName(c.start+m.Start, c.start+m.End) {
			out = append(out, topicTerm{"fdi", m.Key, c.start + m.Start, c.start + m.End})
		}
	}
	return out
}

// words counts the words of s (runs of non-space), without allocating.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := r == ' ' || r == '\n' || r == '\t' || r == '\r' || unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// figureTopic finds the term that says what the quantity at q measures:
// the nearest term before it within the clause (up to 14 words), or one
// right after it (up to 4 words).
func (r *Rules) figureTopic(f *facts, q quantity.Quantity, c span) (topicTerm, bool) {
	var best topicTerm
	bestD := 1 << 30
	// a bracket right after the figure ("CNY 600 million (US$91 million)
	// came from a grant") is no distance
	end := q.End
	if rest := f.masked[q.End:]; strings.HasPrefix(strings.TrimLeft(rest, " "), "(") {
		if j := strings.IndexByte(rest, ')'); j >= 0 && j < 60 {
			end = q.End + j + 1
		}
	}
	for _, t := range r.topicTerms(f, c) {
		var d int
		if t.end <= q.Start && q.Start-t.end > 400 || t.start >= end && t.start-end > 160 {
			continue // far more than the words allowed below
		}
		switch {
		case t.end <= q.Start:
			d = words(f.masked[t.end:q.Start])
			if d > 14 {
				continue
			}
		case t.start >= end:
			d = words(f.masked[end:t.start])
			if d > 4 {
				continue
			}
			if d > 0 {
				d += 2 // prefer the term before the figure …
			} // … unless the figure qualifies the noun right after it: "of the CNY 3.5 billion credit line"
		default:
			continue
		}
		if d < bestD {
			best, bestD = t, d
		}
	}
	if best.topic == "trade" {
		// "export loans", "export credits": the trade word qualifies a
		// finance word
		for _, t := range r.topicTerms(f, c) {
			if t.topic == "fdi" && t.start >= best.end && words(f.masked[best.end:t.start]) == 0 {
				return t, true
			}
		}
	}
	return best, bestD < 1<<30
}

// rankTopic decides what a rank is a rank of: a trading partner, or a
// source of investment.
func (r *Rules) rankTopic(f *facts, q quantity.Quantity) (topicTerm, bool) {
	after := strings.ToLower(f.masked[q.End:min(len(f.masked), q.End+80)])
	// "China's share in the foreign trade in goods of Belarus, 2025: 11.2 %
	// (2nd place after the Russian Federation …)": a place in what the
	// clause measures
	if placed := strings.ToLower(f.masked[q.Start:q.End]); strings.HasSuffix(placed, "place") || strings.HasSuffix(placed, "position") {
		c := f.clause(q.Start)
		for _, t := range r.topicTerms(f, span{c.start, q.Start}) {
			if words(f.masked[t.end:q.Start]) <= 16 && (t.key == "turnover" || t.topic == "fdi") {
				return topicTerm{t.topic, "rank", q.Start, q.End}, true
			}
		}
	}
	before := strings.ToLower(f.masked[f.clause(q.Start).start:q.Start])
	switch {
	case strings.Contains(after, "trading partner") || strings.Contains(after, "trade partner") ||
		strings.Contains(before, "trading partners") && words(before) <= 12: // "Among the trading partners of Belarus, China ranked second"
		return topicTerm{"trade", "rank", q.Start, q.End}, true
	case strings.Contains(after, "investor") || strings.Contains(after, "source of") && (strings.Contains(after, "investment") || strings.Contains(after, "fdi")) ||
		strings.Contains(after, "position in direct foreign investment"):
		return topicTerm{"fdi", "rank", q.Start, q.End}, true
	}
	return topicTerm{}, false
}

// scopeCue returns why the figure at q is out of scope, if it is.
func (r *Rules) scopeCue(f *facts, q quantity.Quantity, c span) string {
	// "The foreign trade turnover of Belarus … amounted to USD 29.9 billion":
	// one country's trade with the world, unless the clause names the
	// other or a share
	for _, t := range r.topicTerms(f, c) {
		m := lexicon.Match{Start: t.start - c.start, End: t.end - c.start, Term: f.masked[t.start:t.end]}
		if t.topic != "trade" {
			continue
		}
		if a := c.start + m.Start; strings.Contains(strings.ToLower(m.Term), "foreign trade") && a < q.Start && q.Kind == quantity.Money {
			if ns := f.nationsIn(c.start, c.end); len(ns) == 1 && r.focus(ns[0]) && !f.hasPair(c.start, c.end) {
				return "global"
			}
		}
	}
	if f.scopeCache == nil {
		f.scopeCache = map[span][]lexicon.Match{}
	}
	scopes, ok := f.scopeCache[c]
	if !ok {
		scopes = r.Lex.ScopeDict.Find(f.masked[c.start:c.end])
		f.scopeCache[c] = scopes
	}
	for _, m := range scopes {
		a, b := c.start+m.Start, c.start+m.End
		switch m.Key {
		case "forecast":
			return m.Key
		case "macro":
			// the macro term is the subject: it comes before the figure
			// ("GDP grew 4.5 %") or right after it ("60 % of its GDP")
			if b <= q.Start && words(f.masked[b:q.Start]) <= 8 || a >= q.End && words(f.masked[q.End:a]) <= 3 && !strings.Contains(f.masked[q.End:a], "total") {
				return m.Key
			}
		case "macro_debt":
			// "external public debt owed to China" is the pair's
			if b <= q.Start && words(f.masked[b:q.Start]) <= 6 && !r.owedToFocus(f.masked[b:q.Start]) && !r.focusShareOf(f, c.start, a) {
				return m.Key
			}
		case "cost", "freight", "global", "rate":
			// "36,000 tonnes worth $170 million": the value of the goods;
			// "China's share of Belarus's total foreign trade": the pair's
			if b <= q.Start && words(f.masked[b:q.Start]) <= 6 && !(m.Key == "freight" && worthOf.MatchString(f.masked[b:q.Start])) &&
				!(m.Key == "global" && strings.Contains(strings.ToLower(m.Term), "foreign trade") && r.focusShareOf(f, c.start, a)) {
				return m.Key
			}
		}
	}
	return ""
}

// restated is what joins a figure to the same thing restated: ", or about
// 18%", " (18%", ", i.e. 18%".
var restated = regexp.MustCompile(`(?i)^[^.;]{0,40}?(?:,\s*or|\(|,\s*i\.e\.,?|,\s*that is,?|,\s*equal to|,\s*equivalent to)\s+(?:about|around|nearly|almost|some|roughly|approximately|over|more than|less than|just over|just under)?\s*$`)

var owedTo = regexp.MustCompile(`(?i)^\s*(?:owed\s+|due\s+)?(?:to|towards)\s+(?:the\s+)?$`)

// owedToFocus reports whether a debt is owed to a focus country: the text
// after the debt term starts "owed to China", "to China".
func (r *Rules) owedToFocus(after string) bool {
	for _, m := range r.Lex.CountryDict.Find(after) {
		if r.focus(m.Key) && owedTo.MatchString(stripWords(after[:m.Start])) {
			return true
		}
	}
	return false
}

var shareOf = regexp.MustCompile(`(?i)^(?:’s|'s|’)?\s+share\s+(?:in|of)\s+(?:\S+\s+){0,3}$`)

// focusShareOf reports "China's share of the country's external public
// debt": the words from a focus country to offset b name its share.
func (r *Rules) focusShareOf(f *facts, a, b int) bool {
	for _, m := range f.nations {
		if m.Start >= a && m.End <= b && r.focus(m.Key) && shareOf.MatchString(f.masked[m.End:b]) {
			return true
		}
	}
	return false
}

var worthOf = regexp.MustCompile(`(?i)\b(worth|valued at|to the value of|for a total of)\b`)

// pairOK decides whether the figure at q is about the focus pair, and
// returns the countries named around it.
func (r *Rules) pairOK(f *facts, q quantity.Quantity, c span, st *docState) (ok bool, reason string) {
	in := r.aroundFigure(f, q, c.start, c.end)
	third := ""
	for _, n := range in {
		if !r.focus(n) {
			third = n
		}
	}
	if third != "" {
		// the country named nearest before the figure owns it
		owner := ""
		for _, m := range f.nations {
			if m.End <= q.Start && m.Start >= c.start {
				owner = m.Key
			}
		}
		// "the two countries" next to a third country may be that
		// country and one of the pair: only both names will do
		if owner == "" || !r.focus(owner) || !containsAll(in, r.Focus[:]) {
			return false, "out_of_focus"
		}
	}
	have := map[string]bool{}
	for _, n := range in {
		have[n] = true
	}
	if f.hasPair(c.start, c.end) || f.hasPair(0, len(f.text)) || have[r.Focus[0]] && have[r.Focus[1]] {
		return true, ""
	}
	for _, n := range f.nationsIn(0, len(f.text)) {
		have[n] = true
	}
	// a body of a focus country speaks for it: "…, Belstat said",
	// "… a credit line to Belarusbank"
	for _, m := range f.orgs {
		if o, ok := r.Lex.Organisation(m.Key); ok && r.focus(o.Country) {
			have[o.Country] = true
		}
	}
	for n := range st.prevNations {
		have[n] = true
	}
	for n := range st.blockNations[f.s.Block] {
		if r.focus(n) || n == "pair" {
			have[n] = true
		}
	}
	if have["pair"] || have[r.Focus[0]] && have[r.Focus[1]] {
		// the clause itself must name one of them, or the pair
		for _, n := range in {
			if r.focus(n) {
				return true, ""
			}
		}
		// or the previous sentence names the pair ("Belarus’ trade with
		// China has grown … In the first half of 2024 turnover reached …")
		// and this sentence names no third country
		if st.prevNations[r.Focus[0]] && st.prevNations[r.Focus[1]] || st.prevNations["pair"] {
			for _, n := range r.aroundFigure(f, q, 0, len(f.text)) {
				if !r.focus(n) {
					return false, "out_of_focus"
				}
			}
			return true, ""
		}
	}
	// a document about the pair (its title names both) speaks of the
	// pair when a clause names one of them and neither its sentence nor
	// its paragraph names a third country: "Since 2015, the Export-Import
	// Bank of China and CDB have provided loans of …" in a story headed
	// "Chinese banks step up lending to Belarus"
	if st.framePair {
		for _, n := range r.aroundFigure(f, q, 0, len(f.text)) {
			if !r.focus(n) {
				return false, "not_bilateral"
			}
		}
		for _, n := range in {
			if r.focus(n) {
				return true, "" // "Debt to China stood at USD 2.78 billion"
			}
		}
		// no country in the clause: the one of the sentence before or of
		// the paragraph, when the paragraph names no third ("The credit
		// line will be used … of Belarusian exporters. The first tranche of
		// CNY 1.2 billion …")
		one := false
		for n := range st.prevNations {
			one = one || r.focus(n)
		}
		for n := range st.blockNations[f.s.Block] {
			if n != "pair" && !r.focus(n) {
				return false, "not_bilateral"
			}
			one = one || r.focus(n)
		}
		if one {
			return true, ""
		}
	}
	return false, "not_bilateral"
}

// aroundFigure returns the distinct countries named in [a, b) but for
// those after the figure and a comma, which belong to another part of the
// sentence: "… to US$1.9bn, customs data showed, as potash shipments
// through the Russian port of Ust-Luga slowed".
func (r *Rules) aroundFigure(f *facts, q quantity.Quantity, a, b int) []string {
	var out []string
	for _, m := range f.nations {
		if m.Start < a || m.End > b || contains(out, m.Key) {
			continue
		}
		if !r.focus(m.Key) && m.Start >= q.End && strings.Contains(f.masked[q.End:m.Start], ",") {
			continue
		}
		out = append(out, m.Key)
	}
	return out
}

func containsAll(have []string, want []string) bool {
	for _, w := range want {
		if !contains(have, w) {
			return false
		}
	}
	return true
}

// figures classifies the quantities of a sentence.
func (r *Rules) figures(f *facts, st *docState, res *Result) {
	qs := f.qty
	var lastTopic topicTerm // the figure before and what it measures
	lastOK, lastEnd := false, 0
	for qi := 0; qi < len(qs); qi++ {
		q := qs[qi]
		if q.Kind == quantity.Count && q.Scale >= 1e6 && st.lastMoneyUnit != "" && f.idx-st.lastMoneyS <= 1 {
			// "around nine billion dollars … Our own exports were a little
			// over one point eight billion": the currency goes on
			q.Kind, q.Unit = quantity.Money, st.lastMoneyUnit
		}
		if q.Kind == quantity.Money {
			st.lastMoneyUnit, st.lastMoneyS = q.Unit, f.idx
		}
		if q.Kind == quantity.Count {
			continue
		}
		c := f.clause(q.Start)
		// a USD equivalent in brackets after another currency is the same figure
		usd, skipNext := usdEquivalent(f, qs, qi)
		if skipNext {
			qi++
		}
		if equation(f, q) {
			r.otherClaim(f, q.Start, q.End, st, res, "prose.other.rate")
			continue // "(CNY 1 = USD 0.1392)", "US$1 = 7.30 yuan": an exchange rate
		}
		if why := r.scopeCue(f, q, c); why != "" {
			r.otherClaim(f, q.Start, q.End, st, res, "prose.other."+why)
			continue
		}
		var t topicTerm
		var ok bool
		if q.Kind == quantity.Rank {
			t, ok = r.rankTopic(f, q)
		} else {
			t, ok = r.figureTopic(f, q, c)
		}
		if !ok && lastOK && q.Kind == quantity.Percent && lastEnd <= q.Start && c.contains(lastEnd-1) && restated.MatchString(f.masked[lastEnd:q.Start]) {
			// "… stood at US$ 3.2 billion at the end of 2022, or about 18%
			// of the total": the same thing restated as a share
			t, ok = lastTopic, true
		}
		lastTopic, lastOK, lastEnd = t, ok, q.End
		if !ok {
			continue // a figure about something else: not a claim
		}
		if q.Kind == quantity.Percent && r.shareOfOther(f, q) {
			continue
		}
		if q.High != 0 {
			// a range ("USD 30-60 billion") is no single figure: kept as a claim only
			r.otherClaim(f, q.Start, q.End, st, res, "prose.other.range")
			continue
		}
		if ok, why := r.pairOK(f, q, c, st); !ok {
			r.otherClaim(f, q.Start, q.End, st, res, "prose.other."+why)
			continue
		}
		if d, ok := f.figureDate(q); ok && st.future(d.Period) {
			// "We intend to double our exports to China by 2030": a figure
			// of a time after the document is a target or a forecast
			r.otherClaim(f, q.Start, q.End, st, res, "prose.other.forecast")
			continue
		}
		r.emitFigure(f, q, qs, qi, t, c, usd, st, res)
	}
}

// equation reports a quantity on either side of an equals sign.
func equation(f *facts, q quantity.Quantity) bool {
	before := strings.TrimRight(f.masked[max(0, q.Start-4):q.Start], " ")
	after := strings.TrimLeft(f.masked[q.End:min(len(f.masked), q.End+4)], " ")
	return strings.HasSuffix(before, "=") || strings.HasPrefix(after, "=")
}

// shareOfOther reports a percentage "of" something no topic word names
// ("50-75 percent of project equipment"); "of total foreign trade", "of
// all foreign capital", "of total foreign public debt" are fine.
func (r *Rules) shareOfOther(f *facts, q quantity.Quantity) bool {
	m := ofPhrase.FindStringSubmatch(f.masked[q.End:])
	if m == nil {
		return false
	}
	np := m[1]
	return !r.Lex.TradeDict.Has(np) && !r.Lex.FDIDict.Has(np) && !r.Lex.TopicDict.Has(np) && !strings.Contains(strings.ToLower(np), "total")
}

// usdEquivalent reads "CNY 3 billion (about US$415 million)": a money
// figure followed within its brackets by a USD one. It returns the USD
// value and whether the next quantity was that equivalent.
var equivalentAfter = regexp.MustCompile(`(?i)^\s*(?:\(|,\s*(?:or\s+)?(?:about|around|approximately|roughly|some|nearly|equivalent to|i\.e\.)?)\s*(?:about|around|approximately|roughly|some|nearly|equivalent to)?\s*$`)

func usdEquivalent(f *facts, qs []quantity.Quantity, i int) (*float64, bool) {
	q := qs[i]
	if q.Kind != quantity.Money || q.Unit == "USD" || i+1 >= len(qs) {
		return nil, false
	}
	n := qs[i+1]
	between := f.masked[q.End:n.Start]
	// "CNY 600 million (US$91 million)", "1.5 billion yuan, about 210
	// million dollars"
	if n.Kind == quantity.Money && n.Unit == "USD" && words(between) <= 3 && (strings.Contains(between, "(") || equivalentAfter.MatchString(between)) {
		return record.USD(n.Value), true
	}
	return nil, false
}

// emitFigure turns a classified quantity into a trade or fdi record.
func (r *Rules) emitFigure(f *facts, q quantity.Quantity, qs []quantity.Quantity, qi int, t topicTerm, c span, usd *float64, st *docState, res *Result) {
	lex := r.Lex
	key := t.key
	cueBefore := lex.CueDict.Find(f.masked[c.start:q.Start])
	change := false
	for _, m := range cueBefore {
		if (m.Key == "decline" || m.Key == "increase") && words(f.masked[c.start+m.End:q.Start]) <= 3 &&
			!madeUp.MatchString(f.masked[c.start:c.start+m.End]) { // "made up 38 % of imports" is a share
			change = true
		}
	}
	switch q.Kind {
	case quantity.Percent:
		if strings.HasPrefix(q.ValueText, "+") {
			change = true // "(+18.9 % on 2024)"
		}
		if m := comparative.FindStringSubmatch(f.masked[q.End:]); m != nil {
			change = true
			if down[strings.ToLower(m[1])] && q.Value > 0 {
				fig := -q.Value
				q.Value, q.Negative = fig, true
			}
		}
		if m := changeNoun.FindStringSubmatch(f.masked[q.End:]); m != nil && !change {
			// "a 12 per cent increase", "a 7% drop"
			change = true
			if downNoun[strings.ToLower(m[1])] && q.Value > 0 {
				q.Value, q.Negative = -q.Value, true
			}
		}
		switch {
		case change || q.Negative:
			key = "growth_rate"
		case strings.Contains(strings.ToLower(f.masked[c.start:c.end]), "share") || strings.Contains(f.masked[q.End:min(q.End+40, len(f.masked))], " of "):
			key = "share"
		case t.topic == "trade" && (key == "exports" || key == "imports" || key == "turnover"):
			key = "share" // "rapeseed oil for 14.0 %": a percentage of a flow is a share of it
		}
	case quantity.Multiple:
		key = "growth_multiple"
		if strings.Contains(f.masked[q.End:min(q.End+40, len(f.masked))], "than") {
			key = "ratio"
		}
	case quantity.Rank:
		key = "rank"
	}
	if t.topic == "fdi" {
		switch {
		case t.key == "debt" && q.Kind == quantity.Percent:
			key = "debt_share"
		case t.key == "debt":
			key = "debt_stock"
		case q.Kind == quantity.Percent && key != "growth_rate":
			key = "share"
		}
	}

	fig := record.Figure{
		Value: q.Value, Unit: q.Unit, Qualifier: q.Qualifier, ValueText: q.ValueText,
		Number: q.Number.Value, Written: q.Value,
	}
	if q.Unit == "USD" {
		usd = record.USD(q.Value)
	}
	if usd != nil {
		fig.ValueUSD, fig.WrittenUSD = usd, record.USD(*usd)
	}
	if fig.Qualifier == "" {
		fig.Qualifier = record.Exact
	}

	when, rule := r.figurePeriod(f, q, t, st)
	a, b := quoteSpan(f, c)
	prov := provenance(st.doc, f, a, b, "prose."+t.topic+"."+rule)
	idKey := []string{"prose", normalize(f.text), q.ValueText, fmt.Sprint(q.Start)}
	// the offset of the figure within its sentence keeps two equal figures
	// of one sentence apart; it does not move when text elsewhere changes

	switch t.topic {
	case "trade":
		exp, imp := r.direction(f, q, c, key, t)
		if key == "turnover" || key == "balance" || key == "growth_rate" || key == "share" || key == "rank" || key == "growth_multiple" {
			exp, imp = r.directionIfStated(f, q, c, t)
		}
		if key == "balance" && q.Kind == quantity.Money {
			var sign float64
			sign, exp, imp = r.balanceSide(f, t, c)
			if sign != 0 && (fig.Value < 0) != (sign < 0) {
				fig.Value, fig.Written = -fig.Value, -fig.Written
				if fig.ValueUSD != nil {
					fig.ValueUSD, fig.WrittenUSD = record.USD(-*fig.ValueUSD), record.USD(-*fig.ValueUSD)
				}
			}
		}
		recID, claimID := st.ids.next(record.PrefixTrade, idKey...)
		res.Trade = append(res.Trade, record.Trade{
			RecordID: recID, ClaimID: claimID, Indicator: key, Product: r.product(f, t, c),
			Exporter: exp, Importer: imp, Reporter: r.reporter(f, c),
			Attribution:  r.attribution(f, c),
			PeriodFields: record.PeriodColumns(when), Figure: fig, Provenance: prov, When: when,
		})
	case "fdi":
		investor, host := r.investment(f, q, c)
		if t.key == "debt" {
			// the verb of this figure, or of the one it is part of ("…
			// owed Chinese lenders about USD 3.4 billion, of which the
			// government's direct debt accounted for USD 1.2 billion")
			for _, o := range append([]topicTerm{t}, r.topicTerms(f, span{0, q.Start})...) {
				if creditor, debtor, ok := r.debtParties(f, o, f.clause(o.start)); ok && o.key == "debt" {
					investor, host = creditor, debtor
					break
				}
			}
		}
		lender := r.lender(f, q, qs, qi, c)
		if lender == "" && theBank.MatchString(f.masked[c.start:q.Start]) {
			lender = st.lastBank // "Two years later, the bank extends a further US$ 350 million"
		}
		if o, ok := r.Lex.Organisation(lender); ok && r.focus(o.Country) && t.key != "debt" {
			investor, host = o.Country, r.other(o.Country) // the lender's country lends
		}
		recID, claimID := st.ids.next(record.PrefixFDI, idKey...)
		res.FDI = append(res.FDI, record.FDI{
			RecordID: recID, ClaimID: claimID, Measure: key,
			Investor: investor, Host: host, Lender: lender,
			Attribution:  r.attribution(f, c),
			PeriodFields: record.PeriodColumns(when), Figure: fig, Provenance: prov, When: when,
		})
	}
}

// quoteSpan is the clause a claim is quoted from, or the whole sentence
// when the clause is too short to stand alone.
func quoteSpan(f *facts, c span) (int, int) {
	a, b := c.start, c.end
	for a < b && (f.text[a] == ' ' || f.text[a] == ',' || f.text[a] == '\n') {
		a++
	}
	for b > a && (f.text[b-1] == ' ' || f.text[b-1] == '\n' || f.text[b-1] == '\r') {
		b--
	}
	if words(f.text[a:b]) < 5 {
		return 0, len(f.text)
	}
	return a, b
}

// figurePeriod dates the figure at q.
func (r *Rules) figurePeriod(f *facts, q quantity.Quantity, t topicTerm, st *docState) (record.Period, string) {
	d, ok := f.figureDate(q)
	if !ok {
		if st.sameOccasion(f) {
			p := st.lastSigned // "On the same occasion, Belarusbank signed a EUR 210 million loan …"
			p.Basis = record.Context
			return p, t.key + ".occasion"
		}
		if p, ok := st.contextDate(f); ok && f.entry.Resolved() && !f.entryFirst {
			return p, t.key + ".context" // a later sentence of an entry goes on from the one before
		}
		if f.entry.Resolved() {
			return f.entryOr(record.Period{}), t.key + ".entry"
		}
		if p, ok := st.contextDate(f); ok {
			// a stock takes the edge of the date it goes on from
			switch {
			case st.lastEdge == date.EdgeEnd && (t.key == "stock" || t.key == "debt"):
				p = endOf(p)
			case st.lastEdge == date.EdgeStart && (t.key == "stock" || t.key == "debt"):
				p = startOf(p)
			}
			return p, t.key + ".context"
		}
		return record.Period{Basis: record.Unresolved}, t.key
	}
	p := d.Period
	if (t.key == "stock" || d.Edge == date.EdgeEnd && (t.topic == "fdi" || d.Open == date.Until)) && p.Resolved() {
		p = endOf(p)
	}
	if d.Edge == date.EdgeStart && (t.key == "stock" || t.key == "debt") && p.Resolved() {
		p = startOf(d.Period) // "at the start of 2024 Belarus owed …": 2024-01-01
	}
	if d.Open == date.Since && t.key != "stock" {
		p = sinceUntil(p, st.anchor)
	}
	return p, t.key
}

// figureDate is the date nearest to the figure at q, leaving out a date
// after another figure that follows q: in "narrowed to USD 2.96 billion,
// from USD 3.32 billion a year earlier" the year earlier is the second
// figure's.
func (f *facts) figureDate(q quantity.Quantity) (date.Match, bool) {
	// "from 5.6% in 2019 to 7.9% in 2022": a date right after the figure
	// is its own
	for _, d := range f.dates {
		if gap := f.masked[q.End:max(q.End, d.Start)]; d.Start >= q.End && words(gap) <= 2 && !strings.ContainsAny(gap, ",;()") && !otherEvent.MatchString(gap) &&
			!(q.Kind == quantity.Percent && strings.TrimSpace(gap) == "on") { // "up 9.1 percent on 2023": the base
			return d, true
		}
	}
	g := *f
	g.dates = nil
	nonBase := 0
	for k := range f.dates {
		if !f.baseDate(k) {
			nonBase++
		}
	}
	for k, d := range f.dates {
		if f.baseDate(k) && nonBase > 0 {
			continue // "USD 8.97 billion (+18.9 % on 2024)": 2024 is the base
		}
		if labelsOther(f, d, q) {
			continue // "11.4 % (January–May 2024: 10.6 %)": that date labels 10.6
		}
		later := false
		for _, o := range f.qty {
			if o.Kind == quantity.Count || o.Start == q.Start {
				continue
			}
			equivalent := o.Start >= q.End && bracketOpen.MatchString(f.masked[q.End:o.Start]) // "CNY 600 million (US$91 million)"
			// "narrowed to USD 2.96 billion, from USD 3.32 billion a year
			// earlier": a date after a base figure is the base's; "surged
			// 45% to $812 million in January–June" dates both
			base := baseBefore.MatchString(lastWords(f.masked[:o.Start], 3))
			// "the first $85 million tranche of the CNY 3.5 billion credit
			// line opened by China Development Bank in June": a date in a
			// participle phrase after a later figure dates that figure's
			// noun
			attached := o.End <= d.Start && words(f.masked[o.End:d.Start]) <= 10 && ownAct.MatchString(f.masked[o.End:d.Start])
			later = later || d.Start >= q.End && o.Start >= q.End && o.End <= d.Start && !equivalent && (base || attached)
		}
		if !later {
			g.dates = append(g.dates, d)
		}
	}
	return g.nearestDate(q.Start)
}

// ownAct is a participle of an act that a figure's noun had of its own:
// "opened", "signed", "granted" in June.
var ownAct = regexp.MustCompile(`(?i)\b(opened|signed|granted|extended|approved|agreed|arranged|launched|established|set up|announced|concluded)\b`)

var baseBefore = regexp.MustCompile(`(?i)\b(from|than|compared with|compared to|against|versus|vs\.?)\s*$`)

// labelsOther reports a date after q followed by a colon and another
// figure: the date heads that figure ("11.4 % (January–May 2024: 10.6 %)").
func labelsOther(f *facts, d date.Match, q quantity.Quantity) bool {
	if d.Start < q.End {
		return false // a label before the figure heads the whole item
	}
	rest := f.masked[d.End:]
	t := strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(t, ":") {
		return false
	}
	at := d.End + (len(rest) - len(t)) + 1
	for _, o := range f.qty {
		if o.Start >= at && words(f.masked[at:o.Start]) <= 1 {
			return o.Start != q.Start
		}
	}
	return false
}

var bracketOpen = regexp.MustCompile(`^\s*\(\s*(?:about|around|approximately|approx\.|some|nearly|roughly|almost|≈|~)?\s*$`)

// sinceUntil turns the start of a running total ("Since 2015, … have
// provided loans of …") into the interval from it to the publication date
// (2015/2023), basis relative. Without a publication date the start stays
// as written: the period_text still says "since".
func sinceUntil(p, pub record.Period) record.Period {
	if !p.Resolved() || !pub.Resolved() || !pub.End.After(p.End) {
		return p
	}
	startEDTF, _, _ := strings.Cut(p.EDTF, "/")
	_, endEDTF, ok := strings.Cut(pub.EDTF, "/")
	if !ok {
		endEDTF = pub.EDTF
	}
	return record.Period{
		EDTF: startEDTF + "/" + endEDTF, Start: p.Start, End: pub.End,
		Precision: record.Interval, Text: p.Text, Basis: record.Relative,
	}
}

// comparative reads a change written after its figure: "12 percent less
// than a year earlier", "7.5% more than in 2023", "up 5% year on year".
var comparative = regexp.MustCompile(`(?i)^\s*(less|lower|fewer|down|below|more|higher|up|above|over)\s+(than|from|on|compared|year)`)

// changeNoun is a change named right after its figure: "a 12 per cent
// increase", "an 8% drop".
var changeNoun = regexp.MustCompile(`(?i)^\s*(increase|rise|growth|gain|jump|decrease|decline|drop|fall|reduction|contraction)\b`)

var downNoun = map[string]bool{"decrease": true, "decline": true, "drop": true, "fall": true, "reduction": true, "contraction": true}

var madeUp = regexp.MustCompile(`(?i)\b(made|make|makes|making)\s+up$`)

var down = map[string]bool{"less": true, "lower": true, "fewer": true, "down": true, "below": true}

var relative = regexp.MustCompile(`^\s*,?\s*(which|that|who)\b`)

// unrelatedShare reads "50-75 percent of project equipment": a percentage
// of something the datasets do not measure.
var ofPhrase = regexp.MustCompile(`^\s+of\s+((?:\S+\s+){0,5}\S+)`)

var pastWords = []string{" was ", " were ", " had ", "ed ", " amounted", " reached", " totalled", " totaled",
	" grew ", " fell ", " rose ", " stood ", " came ", " made ", " paid ", " held ", " met ", " took ", " gave ",
	" saw ", " went ", " became ", " began ", " sent ", " lent ", " spent ", " sold ", " bought ", " brought ", " won ", " lost "}
var presentWords = []string{" is ", " are ", " has ", " have ", " now ", " currently ", " today", "remains"}

// pastTense is a light reading of a sentence's tense: whichever marker
// comes first, a past one ("was", "amounted") or a present one ("is",
// "has", "now"), decides; subordinate clauses come later.
func pastTense(s string) bool {
	l := " " + strings.ToLower(s) + " "
	first := func(ws []string) int {
		best := -1
		for _, w := range ws {
			if i := strings.Index(l, w); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
		return best
	}
	past, present := first(pastWords), first(presentWords)
	return past >= 0 && (present < 0 || past < present)
}

// direction gives exporter and importer of a trade figure from the words
// of its own phrase: the country before the trade word ("Belarus
// exported", "Belarusian exports", "China’s exports") is its subject, and
// "to X" or "from X" between the trade word and the figure, or right after
// the figure, name the other side. A country past the next figure or trade
// word belongs to that one ("…, imports from China amounted to …").
func (r *Rules) direction(f *facts, q quantity.Quantity, c span, key string, t topicTerm) (exp, imp string) {
	if key != "exports" && key != "imports" {
		return "", ""
	}
	lo := min(t.start, q.Start)
	hi := r.phraseEnd(f, q, c, t)
	subject, to, from := "", "", ""
	for _, m := range f.nations {
		if m.Start < c.start || m.End > c.end {
			continue
		}
		before := strings.ToLower(strings.TrimSpace(f.masked[c.start:m.Start]))
		switch {
		case m.Start >= lo && m.End <= hi && (strings.HasSuffix(before, " to") || strings.HasSuffix(before, " into")):
			to = m.Key
		case m.Start >= lo && m.End <= hi && strings.HasSuffix(before, " from"):
			from = m.Key
		case m.End <= t.start && words(f.masked[m.End:t.start]) <= 2:
			subject = m.Key
		}
	}
	switch {
	case to != "":
		imp = to
		exp = first(from, subject, r.other(to))
		if exp == imp {
			exp = r.other(to)
		}
	case from != "":
		exp = from
		imp = first(subject, r.other(from))
		if exp == imp {
			imp = r.other(from)
		}
	case subject != "" && key == "exports":
		exp, imp = subject, r.other(subject)
	case subject != "" && key == "imports":
		imp, exp = subject, r.other(subject)
	}
	if exp != "" && !r.focus(exp) || imp != "" && !r.focus(imp) {
		return "", ""
	}
	return exp, imp
}

// phraseEnd is where a figure's phrase ends: six words after it, or
// earlier at the next figure or trade word.
func (r *Rules) phraseEnd(f *facts, q quantity.Quantity, c span, t topicTerm) int {
	end := q.End + len(firstWords(f.masked[q.End:c.end], 6))
	for _, o := range f.qty {
		if o.Start >= q.End && o.Start < end {
			end = o.Start
		}
	}
	for _, o := range r.topicTerms(f, c) {
		if o.start >= q.End && o.start < end {
			end = o.start
		}
	}
	return end
}

// product reads the goods a trade figure is about, written right before
// its trade word: "food exports", "potash fertiliser exports".
func (r *Rules) product(f *facts, t topicTerm, c span) string {
	if t.key != "exports" && t.key != "imports" {
		return ""
	}
	ts := tokens(f.text[c.start:t.start])
	n := 0
	for i := len(ts) - 1; i >= 0 && n < 2; i-- {
		w := strings.Trim(ts[i].text, ",;:")
		if w != ts[i].text || !modifierWord.MatchString(w) || notModifier[w] || isVerbish(w) ||
			r.Lex.CountryDict.Has(w) || productStop[w] {
			break
		}
		n++
	}
	if n == 0 {
		return ""
	}
	return strings.Join(strings.Fields(f.text[c.start+ts[len(ts)-n].start:t.start]), " ")
}

// productStop are words before a trade word that are not goods.
var productStop = map[string]bool{
	"total": true, "overall": true, "bilateral": true, "annual": true, "foreign": true, "mutual": true,
	"its": true, "their": true, "country's": true, "countrys": true, "goods": false, "net": true, "record": true,
}

// directionIfStated keeps a direction for a non-directional indicator only
// when the clause says "exports to"/"imports from" ("Belarusian exports to
// China surged by 18%" is a growth rate of exports).
func (r *Rules) directionIfStated(f *facts, q quantity.Quantity, c span, t topicTerm) (string, string) {
	seg := strings.ToLower(f.masked[c.start:q.Start])
	for _, key := range []string{"exports", "imports"} {
		if strings.Contains(seg, key[:6]) {
			for _, o := range r.topicTerms(f, c) {
				if o.key == key && o.end <= q.Start {
					return r.direction(f, q, c, key, o)
				}
			}
		}
	}
	return "", ""
}

var (
	ownerAfter = regexp.MustCompile(`(?i)^\s*(?:of|for)\s+(?:the\s+)?$`)
	withAfter  = regexp.MustCompile(`(?i)^\s*(?:with|vis-à-vis|against)\s+(?:the\s+)?$`)
)

// balanceSide reads whose balance a trade balance is, and its sign: a
// deficit is negative and a surplus positive for its owner, who is named
// before it ("Belarus’s trade deficit"), after it ("the deficit of the
// Republic of Belarus", "a surplus for Minsk"), or is the partner of the
// country after "with" ("the deficit with China"). The owner exports to
// the other focus country: exporter and importer state the side. A plain
// "balance" keeps its written sign; sign 0 means none is implied.
func (r *Rules) balanceSide(f *facts, t topicTerm, c span) (sign float64, exp, imp string) {
	term := strings.ToLower(f.masked[t.start:t.end])
	before := strings.ToLower(lastWords(f.masked[c.start:t.start], 2))
	switch {
	case strings.Contains(term, "deficit") || strings.Contains(before, "negative"):
		sign = -1 // "Negative balance: USD 2,024.5 million"
	case strings.Contains(term, "surplus") || strings.Contains(before, "positive"):
		sign = 1
	}
	owner := ""
	for _, m := range f.nations { // capitals name their countries
		if !c.contains(m.Start) {
			continue
		}
		country := m.Key
		if !r.focus(country) {
			continue
		}
		switch {
		case m.End <= t.start && words(f.masked[m.End:t.start]) <= 2 && !strings.Contains(f.masked[m.End:t.start], ","):
			owner = country // "Belarus’s trade deficit", "the Belarusian deficit"
		case m.Start >= t.end && words(f.masked[t.end:m.Start]) <= 4 && ownerAfter.MatchString(stripWords(f.masked[t.end:m.Start])):
			owner = country
		case m.Start >= t.end && words(f.masked[t.end:m.Start]) <= 3 && withAfter.MatchString(stripWords(f.masked[t.end:m.Start])):
			owner = r.other(country)
		default:
			continue
		}
		break
	}
	if owner == "" {
		return sign, "", ""
	}
	return sign, owner, r.other(owner)
}

// stripWords drops the "Republic of", "People's Republic of" before a
// country name, so that "of the Republic of Belarus" reads as "of
// Belarus".
func stripWords(gap string) string {
	for _, w := range []string{"People's Republic of", "People’s Republic of", "Republic of"} {
		if i := strings.LastIndex(gap, w); i >= 0 && strings.TrimSpace(gap[i+len(w):]) == "" {
			return gap[:i]
		}
	}
	return gap
}

// reporter is the country whose statistics the clause cites ("according
// to Belarusian statistics").
func (r *Rules) reporter(f *facts, c span) string {
	seg := f.masked[c.start:c.end]
	i := strings.Index(strings.ToLower(seg), "statistic")
	if i < 0 {
		for _, m := range f.orgs {
			if o, ok := r.Lex.Organisation(m.Key); ok && o.Kind == "statistics" && c.contains(m.Start) {
				return o.Country
			}
		}
		return ""
	}
	for _, m := range r.Lex.CountryDict.Find(seg[:i]) {
		if i-m.End <= 2 {
			return m.Key
		}
	}
	return ""
}

// attribution names the statistical source the clause cites.
func (r *Rules) attribution(f *facts, c span) string {
	seg := f.masked[c.start:c.end]
	for _, m := range f.orgs {
		if o, ok := r.Lex.Organisation(m.Key); ok && o.Kind == "statistics" && c.contains(m.Start) {
			return o.Name
		}
	}
	lower := strings.ToLower(seg)
	if i := strings.Index(lower, "according to "); i >= 0 {
		rest := seg[i+len("according to "):]
		if j := strings.IndexAny(rest, ",;"); j > 0 {
			rest = rest[:j]
		}
		return strings.Join(strings.Fields(rest), " ")
	}
	return ""
}

// investment gives investor and host: the focus country named with
// "investment in", "to", "from"; by default China invests in Belarus when
// the sentence names Chinese money, the other way round when it names
// Belarusian.
func (r *Rules) investment(f *facts, q quantity.Quantity, c span) (investor, host string) {
	// "China’s 3%": the country owning the figure invests
	owner := ""
	for _, m := range f.nations {
		if m.End <= q.Start && m.Start >= c.start && r.focus(m.Key) && strings.TrimSpace(f.masked[m.End:q.Start]) == "" {
			owner = m.Key
		}
	}
	if owner != "" {
		return owner, r.other(owner)
	}
	// a bank or fund of a focus country that lends or invests before the
	// figure: "Bank of China extended a loan of …" (the "China" in its
	// name is no destination)
	creditor := ""
	inOrg := func(m lexicon.Match) bool {
		for _, o := range f.orgs {
			if m.Start >= o.Start && m.End <= o.End {
				return true
			}
		}
		return false
	}
	for _, o := range f.orgs {
		org, ok := r.Lex.Organisation(o.Key)
		if !ok || org.Kind != "bank" || !r.focus(org.Country) || o.Start < c.start || o.End > c.end {
			continue
		}
		if o.End <= q.Start || words(f.masked[q.End:o.Start]) <= 4 && byFrom.MatchString(f.masked[q.End:o.Start]) {
			investor = org.Country
			break
		}
	}
	for _, m := range f.nations {
		if m.Start < c.start || m.End > c.end || !r.focus(m.Key) || inOrg(m) {
			continue
		}
		// "Belarus received $3 billion in Chinese loans": the recipient hosts
		if m.End <= q.Start && receives.MatchString(f.masked[m.End:min(q.Start, m.End+30)]) {
			host = m.Key
			continue
		}
		before := strings.ToLower(strings.TrimSpace(f.masked[c.start:m.Start]))
		switch {
		case strings.HasSuffix(before, "owed to") || strings.HasSuffix(before, "debt to"):
			creditor = m.Key // "debt owed to China": the creditor
		case strings.HasSuffix(before, " in") || strings.HasSuffix(before, " to") || strings.HasSuffix(before, " into") || strings.HasSuffix(before, " of") || strings.HasSuffix(before, "inward"):
			if host == "" {
				host = m.Key
			}
		case strings.HasSuffix(before, " from") || strings.HasSuffix(before, " by"):
			investor = m.Key
		default:
			if investor == "" && host != m.Key {
				investor = m.Key
			}
		}
		if investor != "" && investor == host {
			host = "" // "Bank of China … to a Belarusian manufacturer": the other one hosts
		}
	}
	if creditor != "" {
		return creditor, r.other(creditor)
	}
	switch {
	case investor != "" && host == "":
		host = r.other(investor)
	case host != "" && investor == "":
		investor = r.other(host)
	case investor == "" && host == "":
		investor, host = r.Focus[0], r.Focus[1]
	}
	if investor == host {
		host = r.other(investor)
	}
	return investor, host
}

// debtParties reads who owes whom around a verb of debt: "Belarus owed
// Chinese lenders …" (the subject before the verb is the debtor, the
// country after it the creditor).
func (r *Rules) debtParties(f *facts, t topicTerm, c span) (creditor, debtor string, ok bool) {
	switch strings.ToLower(f.masked[t.start:t.end]) {
	case "owed", "owes", "owing":
	default:
		return "", "", false
	}
	for _, m := range f.nations {
		if !c.contains(m.Start) || !r.focus(m.Key) {
			continue
		}
		if m.End <= t.start && words(f.masked[m.End:t.start]) <= 3 {
			debtor = m.Key
		}
		if m.Start >= t.end && words(f.masked[t.end:m.Start]) <= 2 && creditor == "" {
			creditor = m.Key
		}
	}
	switch {
	case creditor != "" && debtor == "":
		debtor = r.other(creditor)
	case debtor != "" && creditor == "":
		creditor = r.other(debtor)
	}
	return creditor, debtor, creditor != "" && creditor != debtor
}

// lender is the bank that lends: with "respectively", the bank at the
// figure's position in the list of banks; otherwise the bank named nearest
// before it in the clause.
func (r *Rules) lender(f *facts, q quantity.Quantity, qs []quantity.Quantity, qi int, c span) string {
	var banks []lexicon.Match
	for _, m := range f.orgs {
		if o, ok := r.Lex.Organisation(m.Key); ok && o.Kind == "bank" && m.Start >= c.start && m.End <= c.end {
			banks = append(banks, m)
		}
	}
	if len(banks) == 0 {
		return ""
	}
	if strings.Contains(f.masked[c.start:c.end], "respectively") {
		n := 0
		for k := 0; k < qi; k++ {
			if qs[k].Kind == q.Kind && c.contains(qs[k].Start) {
				n++
			}
		}
		if n < len(banks) {
			return banks[n].Key
		}
	}
	// "a loan of about US$ 1 billion by the Export-Import Bank of China",
	// "… loan agreement with a group of four Chinese banks led by Bank of
	// China": a bank after "by", "from", "with" lends
	for _, m := range banks {
		if m.Start < q.End {
			continue
		}
		if gap := f.masked[q.End:m.Start]; words(gap) <= 12 && lendingPrep.MatchString(gap) && !notLending.MatchString(gap) {
			return m.Key
		}
	}
	best := ""
	for _, m := range banks {
		if m.End <= q.Start {
			best = m.Key
		}
	}
	return best
}

var (
	lendingPrep = regexp.MustCompile(`(?i)\b(by|from|with)\s+(?:the\s+)?$`)
	// "insured by Sinosure": the insurer, not the lender
	notLending = regexp.MustCompile(`(?i)\b(insured|guaranteed|covered|backed|underwritten|arranged)\s+(by|with)\s+(?:the\s+)?$`)
)

var receives = regexp.MustCompile(`(?i)^(?:’s|'s)?\s+(?:\S+\s+)?(?:received|receives|obtained|obtains|borrowed|borrows|attracted|attracts|got|raised)\b`)

var theBank = regexp.MustCompile(`(?i)\bthe (?:bank|lender)\b`)

var byFrom = regexp.MustCompile(`(?i)\b(by|from)\s+(?:the\s+)?$`)

// otherClaim records a dated claim that is not a record of the datasets, with
// the rule that says why.
func (r *Rules) otherClaim(f *facts, a, b int, st *docState, res *Result, rule string) {
	d, ok := f.nearestDate(a)
	if !ok {
		return // only dated claims are claims
	}
	qa, qb := quoteSpan(f, f.clause(a))
	_, claimID := st.ids.next(record.PrefixClaim, "other", normalize(f.text), f.text[a:b], fmt.Sprint(a))
	res.Other = append(res.Other, record.Claim{
		ClaimID: claimID, Category: record.CatOther,
		DateFields: record.DateColumns(d.Period), Provenance: provenance(st.doc, f, qa, qb, rule),
	})
}

// namesKind reports whether the sentence names an organisation of the
// lexicon of that kind: "park", the pair's joint industrial park, whose
// decrees are about the relationship.
func (r *Rules) namesKind(f *facts, kind string) bool {
	for _, m := range f.orgs {
		if o, ok := r.Lex.Organisation(m.Key); ok && o.Kind == kind {
			return true
		}
	}
	return false
}
