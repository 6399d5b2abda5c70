// Package classify turns what the extractors found into typed records.
//
// In: a document, its tables (extract/table) and its claims (extract/prose),
// the lexicon and the focus pair of countries. Out: trade and fdi figures,
// visit and agreement mentions, and other dated claims, each with its
// provenance and a content-derived identifier, plus diagnostics for what
// could not be classified. Everything here is a pure function of one
// document and the lexicon, so documents can be classified in parallel and
// cached by content hash.
package classify

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/extract/quantity"
	"github.com/claimpack/claimpack/build/extract/table"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// Options configure classification.
type Options struct {
	// Focus is the pair of countries (ISO 3166-1 alpha-3) whose relations
	// the datasets are about; figures about other pairs are not records.
	Focus [2]string
}

// Result is what one document yields.
type Result struct {
	Trade      []record.Trade
	FDI        []record.FDI
	Visits     []record.VisitMention
	Agreements []record.AgreementMention
	Other      []record.Claim
	Diags      diag.List
}

// Tables classifies the data cells of a document's tables as trade or fdi
// figures, according to what the caption and labels are about.
func Tables(doc *source.Doc, tables []table.Table, lex *lexicon.Lexicon, opts Options, res *Result) {
	ids := newIDs(doc.ID)
	for i := range tables {
		t := &tables[i]
		cells, ds := t.Cells(doc)
		res.Diags = append(res.Diags, ds...)
		if len(cells) == 0 {
			continue
		}
		tc, ok := readTable(doc, t, lex, opts, res)
		if !ok {
			continue
		}
		for _, c := range cells {
			tc.cell(doc, c, lex, ids, res)
		}
	}
}

// tableContext is what a table's caption and source line say about all its
// cells.
type tableContext struct {
	t           *table.Table
	topic       string // trade | fdi
	unit        string
	factor      float64
	pair        [2]string // the two countries, first as the caption names them
	investor    string
	host        string
	reporter    string
	attribution string
	unitText    string
	measure     string // the caption's indicator or measure, for rows that name no measure
	// reporterSide is the country whose exports and imports the table's
	// undirected labels are: the exporter of a directed exports label, or
	// the country the caption names trading "with" the other
	reporterSide string
	warned       map[string]bool // row labels already reported
}

// readUnit reads a unit phrase: percent, or a currency with its scale.
func readUnit(lex *lexicon.Lexicon, s string) (unit string, factor float64, ok bool) {
	if s == "" {
		return "", 0, false
	}
	if isPercent(s) {
		return "percent", 1, true
	}
	code, factor, ok := lex.CurrencyAndScale(s)
	return code, factor, ok
}

// anyLabelHasUnit reports whether some series label carries its own unit
// ("FDI inflow (USD m)"); series without one are then skipped.
func anyLabelHasUnit(lex *lexicon.Lexicon, t *table.Table) bool {
	labels := map[string]bool{}
	switch t.Orient() {
	case table.YearsAsRows:
		for k := range t.Header[1:] {
			labels[headerText(t, k+1)] = true
		}
	default:
		for _, r := range t.Rows {
			labels[r[0].Text] = true
		}
	}
	for l := range labels {
		if _, _, ok := readUnit(lex, l); ok {
			return true
		}
	}
	return false
}

func (tc *tableContext) warn(doc *source.Doc, res *Result, off int, code, format string, args ...any) {
	line, col := doc.Position(off)
	res.Diags.Add(diag.Warning, code, doc.Path, line, col, format, args...)
}

// readTable reads the caption and source line; ok is false when the table
// is not about trade or investment between the focus countries, or has no
// unit.
func readTable(doc *source.Doc, t *table.Table, lex *lexicon.Lexicon, opts Options, res *Result) (*tableContext, bool) {
	tc := &tableContext{t: t, attribution: t.Attribution, warned: map[string]bool{}}
	var labels []string
	for k := range t.Header {
		labels = append(labels, headerText(t, k))
	}
	for _, r := range t.Rows {
		labels = append(labels, r[0].Text)
	}
	tc.topic = topicOf(lex, t.Title, strings.Join(labels, " | "))
	if tc.topic == "" {
		tc.warn(doc, res, t.Start, "table-topic", "table %q is neither about trade nor investment: skipped", t.Title)
		return nil, false
	}

	countries := lex.CountryDict.Find(t.Title)
	var codes []string
	for _, m := range countries {
		if !contains(codes, m.Key) {
			codes = append(codes, m.Key)
		}
	}
	for _, c := range codes {
		if c != opts.Focus[0] && c != opts.Focus[1] {
			tc.warn(doc, res, t.Start, "out-of-focus", "table %q is about %s, outside %s–%s: skipped", t.Title, c, opts.Focus[0], opts.Focus[1])
			return nil, false
		}
	}
	tc.pair = opts.Focus
	if len(codes) == 2 {
		tc.pair = [2]string{codes[0], codes[1]}
	} else if len(codes) == 1 && codes[0] == opts.Focus[1] {
		tc.pair = [2]string{opts.Focus[1], opts.Focus[0]}
	}
	if tc.topic == "fdi" {
		tc.investor, tc.host = direction(lex, t.Title, tc.pair)
		tc.measure = firstKey(lex.FDIDict, t.Title)
	} else {
		tc.measure = firstKey(lex.TradeDict, t.Title)
		tc.reporterSide = reporterSide(lex, t, tc.pair)
	}

	unitText := t.UnitText
	if unitText == "" && len(t.Header) > 0 {
		// the top-left corner often holds the unit: "USD million", "Year (USD mn)"
		unitText = t.Header[0].Text
	}
	tc.unitText = unitText
	if u, f, ok := readUnit(lex, unitText); ok {
		tc.unit, tc.factor = u, f
	} else if !anyLabelHasUnit(lex, t) {
		tc.warn(doc, res, t.Start, "table-unit", "table %q states no unit (caption, corner cell or labels): skipped", t.Title)
		return nil, false
	}

	var reporters []string
	for _, m := range lex.OrgDict.Find(t.Attribution) {
		if o, ok := lex.Organisation(m.Key); ok && o.Kind == "statistics" && !contains(reporters, o.Country) {
			reporters = append(reporters, o.Country)
		}
	}
	if len(reporters) == 1 {
		tc.reporter = reporters[0]
	}
	return tc, true
}

// cell turns one data cell into a trade or fdi figure.
func (tc *tableContext) cell(doc *source.Doc, c table.DataCell, lex *lexicon.Lexicon, ids *ids, res *Result) {
	t := tc.t
	label := c.LabelText
	if label == "" {
		label = c.Label.Text
	}
	unit, factor, unitText := tc.unit, tc.factor, tc.unitText
	if u, f, ok := readUnit(lex, label); ok {
		unit, factor, unitText = u, f, label // a series with its own unit
	}
	if unit == "" {
		return // a series without a unit in a table without one: counts, indices
	}
	value := quantity.Scale(c.Number.Value, factor)
	fig := record.Figure{
		Value: value, Unit: unit, Qualifier: record.Exact,
		ValueText: c.Value.Text, UnitText: unitText, Number: c.Number.Value, Written: value,
	}
	if unit == "USD" {
		fig.ValueUSD = record.USD(value)
		fig.WrittenUSD = record.USD(value)
	}
	line, _ := doc.Position(c.Value.Start)
	prov := record.Provenance{
		SourceID: doc.ID, SourceSHA256: doc.SHA256,
		ByteStart: int64(c.Value.Start), ByteEnd: int64(c.Value.End), Line: int32(line),
		Quote:   string(doc.Data[c.Value.Start:c.Value.End]),
		Section: record.Table, Method: record.ByTable, Rule: "table." + string(t.Layout),
	}
	period := c.Period
	prefix := record.PrefixTrade
	if tc.topic == "fdi" {
		prefix = record.PrefixFDI
	}
	recordID, claimID := ids.next(prefix, "table", normalize(t.Title), normalize(label), normalize(c.Time.Text))

	// a row that names no measure takes the caption's: the rows of
	// "Chinese loans disbursed to Belarus by lender" are lenders, those of
	// "Belarusian exports to China by product" products
	rowEntity := func(kind string) (skip bool) {
		if tc.measure == "" {
			if !tc.warned[label] {
				tc.warn(doc, res, c.Label.Start, "table-label", "row %q of table %q is not a known %s, and the caption names none: skipped", label, t.Title, kind)
			}
			tc.warned[label] = true
			return true
		}
		for _, m := range lex.CountryDict.Find(label) {
			if m.Key != tc.pair[0] && m.Key != tc.pair[1] && lex.OrgDict.Find(label) == nil {
				if !tc.warned[label] {
					tc.warn(doc, res, c.Label.Start, "out-of-focus", "row %q of table %q is about %s: skipped", label, t.Title, m.Key)
				}
				tc.warned[label] = true
				return true
			}
		}
		return false
	}
	switch tc.topic {
	case "trade":
		ind, product := firstKey(lex.TradeDict, label), ""
		if unit == "percent" && shareWord.MatchString(label) {
			ind = "share" // "Share of China in trade, %"
		}
		if unit == "percent" && growthWord.MatchString(label) {
			ind = "growth_rate" // "Turnover growth, %"
		}
		if ind == "" {
			if rowEntity("trade indicator") {
				return
			}
			ind, product = tc.measure, label
			if totalRow(label) {
				product = ""
			}
		}
		exp, imp := flows(lex, ind, label, tc.pair)
		if product != "" {
			exp, imp = flows(lex, ind, t.Title, tc.pair)
		}
		if exp == "" && tc.reporterSide != "" {
			// "Exports" in a table of "Belarus: trade with China" are
			// Belarus's; its balance is Belarus's exports less imports
			switch ind {
			case "exports", "balance":
				exp, imp = tc.reporterSide, other(tc.pair, tc.reporterSide)
			case "imports":
				exp, imp = other(tc.pair, tc.reporterSide), tc.reporterSide
			}
		}
		res.Trade = append(res.Trade, record.Trade{
			RecordID: recordID, ClaimID: claimID,
			Indicator: ind, Product: product, Exporter: exp, Importer: imp, Reporter: tc.reporter, Attribution: tc.attribution,
			PeriodFields: record.PeriodColumns(period), Figure: fig, Provenance: prov,
			When: period, Table: t.Title,
		})
	case "fdi":
		m, lender := firstKey(lex.FDIDict, label), ""
		investor, host := tc.investor, tc.host
		if m == "" {
			if rowEntity("investment measure") {
				return
			}
			m = tc.measure
			if orgs := lex.OrgDict.Find(label); len(orgs) == 1 {
				if o, ok := lex.Organisation(orgs[0].Key); ok && o.Kind == "bank" {
					lender = o.Name
				}
			} else if cs := lex.CountryDict.Find(label); len(cs) == 1 && !totalRow(label) && (cs[0].Key == tc.pair[0] || cs[0].Key == tc.pair[1]) {
				investor = cs[0].Key // "China" in a table of creditors
				host = tc.pair[0]
				if host == investor {
					host = tc.pair[1]
				}
			}
		}
		if m == "debt" {
			m = "debt_stock" // as in prose: a debt figure is a stock
		}
		if unit == "percent" && shareWord.MatchString(label) {
			m = "share"
		}
		if m == "stock" || m == "debt_stock" || lex.PeriodEndDict.Has(label) {
			period = endOf(period)
		}
		res.FDI = append(res.FDI, record.FDI{
			RecordID: recordID, ClaimID: claimID,
			Measure: m, Investor: investor, Host: host, Lender: lender, Attribution: tc.attribution,
			PeriodFields: record.PeriodColumns(period), Figure: fig, Provenance: prov,
			When: period, Table: t.Title,
		})
	}
}

// reporterSide finds whose exports a trade table's undirected labels
// count: the exporter of a directed label ("Exports to China" in a table
// of Belarus's statistics), else the country the caption names before the
// partner it trades "with" ("Belarus: trade with China").
func reporterSide(lex *lexicon.Lexicon, t *table.Table, pair [2]string) string {
	var labels []string
	for k := range t.Header {
		labels = append(labels, headerText(t, k))
	}
	for _, r := range t.Rows {
		labels = append(labels, r[0].Text)
	}
	for _, l := range labels {
		switch ind := firstKey(lex.TradeDict, l); ind {
		case "exports":
			if exp, _ := flows(lex, ind, l, pair); exp != "" {
				return exp
			}
		case "imports":
			if _, imp := flows(lex, ind, l, pair); imp != "" {
				return imp
			}
		}
	}
	// "(exports: Belarusian exports to China; …)" in the caption
	if exp, _ := flows(lex, "exports", exportsPhrase(t.Title), pair); exp != "" {
		return exp
	}
	title := strings.ToLower(t.Title)
	for _, m := range lex.CountryDict.Find(t.Title) {
		if m.Key != pair[0] && m.Key != pair[1] {
			continue
		}
		if w := strings.Index(title, " with "); w >= 0 && m.End <= w {
			return m.Key
		}
	}
	return ""
}

// other returns the country of the pair that is not c.
func other(pair [2]string, c string) string {
	if c == pair[0] {
		return pair[1]
	}
	return pair[0]
}

var (
	shareWord  = regexp.MustCompile(`(?i)\bshare\b`)
	growthWord = regexp.MustCompile(`(?i)\b(growth|change|increase|y/y|yoy|year on year|year-on-year)\b`)
	// "Belarusian exports to China", "exports are Belarusian sales to China"
	exportsOf = regexp.MustCompile(`(?i)\b(?:\p{L}+\s+)?exports\s+(?:(?:are|is|mean|:)\s+(?:\p{L}+\s+){1,3})?(?:to|from)\s+\p{Lu}\p{L}+`)
)

// exportsPhrase returns the first "… exports to X" phrase of a caption.
func exportsPhrase(s string) string {
	return exportsOf.FindString(s)
}

// headerText is the whole text of header column k.
func headerText(t *table.Table, k int) string {
	if k < len(t.HeaderText) {
		return t.HeaderText[k]
	}
	return t.Header[k].Text
}

// totalRow reports a row of totals: "Total", "All lenders", "Total, of
// which".
func totalRow(label string) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	return strings.HasPrefix(l, "total") || strings.HasPrefix(l, "all ") || l == "sum"
}

// topicOf decides whether a table is about trade or fdi: the caption
// decides when it names a topic; otherwise the labels do.
func topicOf(lex *lexicon.Lexicon, caption, labels string) string {
	for _, text := range []string{caption, labels} {
		count := map[string]int{}
		for _, m := range lex.TopicDict.Find(text) {
			count[m.Key]++
		}
		switch {
		case count["fdi"] > 0 && count["fdi"] >= count["trade"]:
			return "fdi"
		case count["trade"] > 0:
			return "trade"
		}
	}
	return ""
}

// direction reads who invests in whom from a caption ("China's direct
// investment in Belarus", "investment from China", "Belarus: inflows from
// China"): "in X" names the host, "from X" the investor, a possessive the
// investor; otherwise the first country named invests in the second.
func direction(lex *lexicon.Lexicon, text string, pair [2]string) (investor, host string) {
	for _, m := range lex.CountryDict.Find(text) {
		before := strings.ToLower(strings.TrimSpace(text[:m.Start]))
		after := text[m.End:]
		switch {
		case strings.HasSuffix(before, " in") || strings.HasSuffix(before, " into") || strings.HasSuffix(before, " to"):
			host = m.Key
		case strings.HasSuffix(before, " from") || strings.HasSuffix(before, " by"):
			investor = m.Key
		case strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") || strings.HasPrefix(after, "’") || strings.HasPrefix(after, "'") || strings.HasSuffix(text[m.Start:m.End], "s") && !strings.HasSuffix(m.Term, "s"):
			investor = m.Key
		}
	}
	other := func(c string) string {
		if c == pair[0] {
			return pair[1]
		}
		return pair[0]
	}
	switch {
	case investor != "" && host == "":
		host = other(investor)
	case host != "" && investor == "":
		investor = other(host)
	case investor == "" && host == "":
		investor, host = pair[0], pair[1]
	}
	return investor, host
}

// flows gives exporter and importer for a directional indicator label
// ("China's exports", "Exports to China", "Imports from China"); turnover
// and balance have no direction.
func flows(lex *lexicon.Lexicon, indicator, label string, pair [2]string) (exporter, importer string) {
	if indicator != "exports" && indicator != "imports" {
		return "", ""
	}
	subject, to, from := "", "", ""
	for _, m := range lex.CountryDict.Find(label) {
		before := strings.ToLower(strings.TrimSpace(label[:m.Start]))
		switch {
		case strings.HasSuffix(before, "to") || strings.HasSuffix(before, "into"):
			to = m.Key
		case strings.HasSuffix(before, "from"):
			from = m.Key
		default:
			subject = m.Key
		}
	}
	other := func(c string) string {
		if c == pair[0] {
			return pair[1]
		}
		return pair[0]
	}
	switch {
	case to != "":
		importer = to
		exporter = first(from, subject, other(to))
	case from != "":
		exporter = from
		importer = first(subject, other(from))
	case subject != "" && indicator == "exports":
		exporter, importer = subject, other(subject)
	case subject != "" && indicator == "imports":
		importer, exporter = subject, other(subject)
	}
	return exporter, importer
}

// endOf dates a stock at its reference day: the last day of its period.
func endOf(p record.Period) record.Period { return dayOf(p, true) }

// startOf dates a stock at the first day of a period.
func startOf(p record.Period) record.Period { return dayOf(p, false) }

// dayOf narrows a period to its last (or first) day.
func dayOf(p record.Period, last bool) record.Period {
	if !p.Resolved() {
		return p
	}
	if last {
		p.Start = p.End
	} else {
		p.End = p.Start
	}
	p.EDTF = p.Start.Format("2006-01-02")
	p.Precision = record.Day
	return p
}

func isPercent(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "%") || strings.Contains(l, "percent") || strings.Contains(l, "per cent")
}

// firstKey returns the key of the longest term of d found in s.
func firstKey(d *lexicon.Dict, s string) string {
	best, key := -1, ""
	for _, m := range d.Find(s) {
		if m.End-m.Start > best {
			best, key = m.End-m.Start, m.Key
		}
	}
	return key
}

func first(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// normalize folds white space and case, so that an identifier does not
// change with a line wrap.
func normalize(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// ids hands out content-derived identifiers: a hash of the document, the
// content that identifies the claim, and the occurrence number of that
// content in the document (so repeated content stays unique). Offsets are
// never part of the key, so text added elsewhere changes no identifier.
type ids struct {
	doc  string
	seen map[string]int
}

func newIDs(doc string) *ids { return &ids{doc: doc, seen: map[string]int{}} }

// next returns the record identifier (with prefix) and the claim
// identifier for the content key.
func (d *ids) next(prefix string, key ...string) (recordID, claimID string) {
	k := strings.Join(key, "\x1f")
	n := d.seen[k]
	d.seen[k] = n + 1
	parts := append(append([]string{d.doc}, key...), fmt.Sprint(n))
	return record.ID(prefix, parts...), record.ID(record.PrefixClaim, parts...)
}
