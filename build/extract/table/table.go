// Package table finds plain-text tables in a document and reads them.
//
// In: a source.Doc. Out: Tables, each with its caption (title and unit as
// written), its source line, its header and rows, and every cell as a span
// of the document. Layouts differ only in how a line splits into cells
// (pipes, tabs, or runs of two or more spaces); finding the block, the
// caption, the unit and the source line, and reshaping the table into one
// data cell per value (years as columns or as rows), is the same code for
// all of them.
//
// Guarantees: every span slices the document; a cell's Text equals the
// document's bytes at its span.
package table

import (
	"regexp"
	"strings"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/extract/date"
	"github.com/claimpack/claimpack/build/source"
)

// Layout is how a table separates its cells.
type Layout string

// The layouts.
const (
	Pipe      Layout = "pipe"      // Year | 2013 | 2014 |
	Tab       Layout = "tab"       // Year\t2013\t2014
	Aligned   Layout = "aligned"   // Year    2013    2014   (two or more spaces)
	Semicolon Layout = "semicolon" // year;exports;imports (CSV with decimal commas)
	Comma     Layout = "comma"     // year,exports_usd_m,imports_usd_m (CSV pasted into text)
)

// layouts in the order they are tried: a separator that cannot occur
// inside a number first, so "1,540" in a pipe or aligned table stays one
// number.
var layouts = []Layout{Pipe, Tab, Aligned, Semicolon, Comma}

// delimited reports a layout of delimiter-separated values, whose rows must
// all have the header's number of cells: prose has commas too, never in
// the same number on consecutive lines with numbers between them.
func delimited(l Layout) bool { return l == Comma || l == Semicolon }

// Cell is a span of the document with its text.
type Cell struct {
	Text       string
	Start, End int
	Line       int
}

// Table is one table found in a document.
type Table struct {
	Layout Layout
	// Caption is the title line before the table (nil if none); Title is
	// the caption without its unit and final period, UnitText the unit as
	// written ("USD billion"), UnitCell its span in the caption.
	Caption  *Cell
	Title    string
	UnitText string
	UnitCell *Cell
	// Source is the "Source: …" line after the table (nil if none), and
	// Attribution what it names, without the "Source:" prefix.
	Source      *Cell
	Attribution string
	Header      []Cell
	// HeaderText is each header column's whole text, with the words a
	// second header line puts under it ("Exports to China").
	HeaderText []string
	Rows       [][]Cell
	// Start and End span the table's rows; Line is its first line.
	Start, End int
	Line       int
}

type line struct {
	n          int
	start, end int
	text       string
}

// maxCaption is the longest line read as a caption.
const maxCaption = 300

// Find returns the tables of doc, in document order, and diagnostics for
// rows that do not fit their table.
func Find(doc *source.Doc) ([]Table, diag.List) {
	var diags diag.List
	lines := make([]line, 0, doc.Lines())
	for n := 1; n <= doc.Lines(); n++ {
		s, e := doc.Line(n)
		if n == 1 {
			s = max(s, doc.Start())
		}
		lines = append(lines, line{n, s, e, string(doc.Data[s:e])})
	}
	var tables []Table
	for i := 0; i < len(lines); {
		t, next, ds := block(doc, lines, i)
		diags = append(diags, ds...)
		if t != nil {
			tables = append(tables, *t)
		}
		i = next
	}
	return tables, diags
}

// block tries to read a table starting at lines[i]; it returns the table
// (or nil) and the index of the first line after what it consumed.
func block(doc *source.Doc, lines []line, i int) (*Table, int, diag.List) {
	if t, j, ok := yearSeries(doc, lines, i); ok {
		return t, j, nil
	}
	for _, lay := range layouts {
		first := split(lines[i], lay)
		if len(first) < minCells(lay) || isRule(first) {
			continue
		}
		if delimited(lay) && !csvLine(first) {
			continue
		}
		var rows [][]Cell
		j := i
		for ; j < len(lines); j++ {
			cells := split(lines[j], lay)
			if isRule(cells) {
				continue
			}
			if len(cells) < minCells(lay) || delimited(lay) && (len(cells) != len(first) || !csvLine(cells)) {
				break
			}
			rows = append(rows, cells)
		}
		t, diags := build(doc, lines, i, j, lay, rows)
		if t != nil {
			return t, j, diags
		}
	}
	return nil, i + 1, nil
}

// yearSeries reads a two-column aligned table of one series by year: a
// header of two cells ("Year    Inflow"), then at least two rows of a
// period label and a number. Two aligned cells alone are too weak a sign
// (prose wraps with double spaces), so the rows must be periods.
func yearSeries(doc *source.Doc, lines []line, i int) (*Table, int, bool) {
	head := split(lines[i], Aligned)
	if len(head) != 2 || IsNumber(head[1].Text) {
		return nil, i, false
	}
	rows := [][]Cell{head}
	j := i + 1
	for ; j < len(lines); j++ {
		cells := split(lines[j], Aligned)
		if len(cells) != 2 {
			break
		}
		if _, ok := date.ParseLabel(cells[0].Text); !ok || !(IsNumber(cells[1].Text) || IsMissing(cells[1].Text)) {
			break
		}
		rows = append(rows, cells)
	}
	if len(rows) < 3 {
		return nil, i, false
	}
	t, _ := build(doc, lines, i, j, Aligned, rows)
	return t, j, t != nil
}

func minCells(l Layout) int {
	if l == Aligned {
		return 3
	}
	return 2
}

// split cuts a line into cells for a layout; nil when the line does not use
// that layout's separator.
func split(l line, lay Layout) []Cell {
	var cuts [][2]int // separator spans within l.text
	switch lay {
	case Pipe:
		if strings.Count(l.text, "|") < 1 {
			return nil
		}
		for k := 0; k < len(l.text); k++ {
			if l.text[k] == '|' {
				cuts = append(cuts, [2]int{k, k + 1})
			}
		}
	case Tab:
		if !strings.Contains(l.text, "\t") {
			return nil
		}
		for _, m := range tabRun.FindAllStringIndex(l.text, -1) {
			cuts = append(cuts, [2]int{m[0], m[1]})
		}
	case Semicolon, Comma:
		sep := byte(',')
		if lay == Semicolon {
			sep = ';'
		}
		quoted := false
		for k := 0; k < len(l.text); k++ {
			switch c := l.text[k]; {
			case c == '"':
				quoted = !quoted
			case c == sep && !quoted:
				cuts = append(cuts, [2]int{k, k + 1})
			}
		}
		if len(cuts) == 0 {
			return nil
		}
	case Aligned:
		for _, m := range spaceRun.FindAllStringIndex(strings.TrimRight(l.text, " \t"), -1) {
			if m[0] == 0 {
				continue // indentation
			}
			cuts = append(cuts, [2]int{m[0], m[1]})
		}
		if len(cuts) == 0 {
			return nil
		}
	}
	var cells []Cell
	prev := 0
	for k := 0; k <= len(cuts); k++ {
		end := len(l.text)
		if k < len(cuts) {
			end = cuts[k][0]
		}
		a, b := source.TrimSpan(l.text, prev, end)
		if delimited(lay) && b-a >= 2 && l.text[a] == '"' && l.text[b-1] == '"' {
			a, b = a+1, b-1 // a quoted field: "1,540"
		}
		cells = append(cells, Cell{Text: l.text[a:b], Start: l.start + a, End: l.start + b, Line: l.n})
		if k < len(cuts) {
			prev = cuts[k][1]
		}
	}
	// Pipes at the ends of a line delimit, they do not add empty cells.
	if lay == Pipe {
		if len(cells) > 0 && cells[0].Text == "" {
			cells = cells[1:]
		}
		if len(cells) > 0 && cells[len(cells)-1].Text == "" {
			cells = cells[:len(cells)-1]
		}
	}
	return cells
}

var (
	tabRun   = regexp.MustCompile(`\t+`)
	spaceRun = regexp.MustCompile(`[ \x{00a0}]{2,}|\t+`)
	ruleCell = regexp.MustCompile(`^[-=:+–—_ ]*$`)
)

// csvLine reports cells that read as one record of delimited values, not
// a sentence with commas: no cell of more than four words.
func csvLine(cells []Cell) bool {
	for _, c := range cells {
		if len(strings.Fields(c.Text)) > 4 {
			return false
		}
	}
	return true
}

// isRule reports whether cells form a rule row (---|---|).
func isRule(cells []Cell) bool {
	if len(cells) == 0 {
		return false
	}
	dash := false
	for _, c := range cells {
		if !ruleCell.MatchString(c.Text) {
			return false
		}
		if strings.ContainsAny(c.Text, "-=–—_") {
			dash = true
		}
	}
	return dash
}

// build checks that rows [i, j) form a table and reads its caption and
// source line.
func build(doc *source.Doc, lines []line, i, j int, lay Layout, rows [][]Cell) (*Table, diag.List) {
	if len(rows) < 2 {
		return nil, nil
	}
	var diags diag.List
	width := len(rows[1])
	for _, r := range rows[1:] {
		width = max(width, len(r))
	}
	header := rows[0]
	if len(header) == width-1 {
		// a blank top-left corner: the header has no label cell
		header = append([]Cell{{Start: header[0].Start, End: header[0].Start, Line: header[0].Line}}, header...)
	}
	if len(header) != width {
		return nil, nil
	}
	headerText := make([]string, width)
	for k, h := range header {
		// a column name of a data file: "exports_usd_m" reads "exports usd m"
		headerText[k] = strings.ReplaceAll(h.Text, "_", " ")
	}
	// a header written on two lines: "Exports / to China", "Share of China /
	// in trade, %"; each word goes to the column it stands over
	rest := rows[1:]
	for len(rest) > 1 && len(rest[0]) < width && !anyNumber(rest[0]) {
		for _, c := range rest[0] {
			k := nearestColumn(doc, header, c)
			headerText[k] = strings.TrimSpace(headerText[k] + " " + c.Text)
		}
		rest = rest[1:]
	}
	var body [][]Cell
	var unitRow []Cell
	for _, r := range rest {
		if len(r) == width && unitLabel[strings.ToLower(strings.TrimSpace(r[0].Text))] {
			unitRow = r // "| unit | USD mn | USD mn |"
			continue
		}
		if len(r) != width {
			diags.Add(diag.Warning, "table-row", doc.Path, r[0].Line, col(doc, r[0].Start), "table row has %d cells, the header has %d: row skipped", len(r), width)
			continue
		}
		body = append(body, r)
	}
	if len(body) == 0 || !mostlyNumeric(body, header) {
		return nil, nil
	}
	last := lines[j-1]
	t := &Table{
		Layout: lay, Header: header, HeaderText: headerText, Rows: body,
		Start: lines[i].start, End: last.end, Line: lines[i].n,
	}
	t.readCaption(lines, i)
	t.readSource(lines, j)
	if t.UnitText == "" && unitRow != nil {
		// one unit for every column: the table's unit
		same := true
		for _, c := range unitRow[2:] {
			same = same && c.Text == unitRow[1].Text
		}
		if same && unitRow[1].Text != "" {
			u := unitRow[1]
			t.UnitText, t.UnitCell = u.Text, &u
		}
	}
	return t, diags
}

// unitLabel names a row that gives the columns' units.
var unitLabel = map[string]bool{"unit": true, "units": true, "unit of measure": true, "measure": true}

func anyNumber(cells []Cell) bool {
	for _, c := range cells {
		if IsNumber(c.Text) {
			return true
		}
	}
	return false
}

// nearestColumn returns the header column whose text lies nearest to c
// horizontally (by the middle of each).
func nearestColumn(doc *source.Doc, header []Cell, c Cell) int {
	mid := func(x Cell) int {
		_, a := doc.Position(x.Start)
		return 2*a + (x.End - x.Start)
	}
	best, bestD := 0, 1<<30
	for k, h := range header {
		if h.End == h.Start {
			continue // the blank corner
		}
		if d := abs(mid(h) - mid(c)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func col(doc *source.Doc, off int) int {
	_, c := doc.Position(off)
	return c
}

// mostlyNumeric reports whether most value cells (all but the first row
// and first column) are numbers, or most first-column cells are, for tables
// with years as rows.
func mostlyNumeric(body [][]Cell, header []Cell) bool {
	num, all := 0, 0
	for _, r := range body {
		for _, c := range r[1:] {
			if c.Text == "" || IsMissing(c.Text) {
				continue
			}
			all++
			if IsNumber(c.Text) {
				num++
			}
		}
	}
	return all > 0 && num*10 >= all*6
}

var (
	unitParen      = regexp.MustCompile(`\(\s*(?i:units?\s*[:\-–]\s*|in\s+)?([^()]+?)\s*\)`)
	unitPrefix     = regexp.MustCompile(`(?i)\bunits?\s*:\s*([^()\n.;]+)`)
	sentenceInside = regexp.MustCompile(`[a-z)][.!?]\s+\p{Lu}`)
	unitTail       = regexp.MustCompile(`(?:,|\s+in|\s+[-–—])\s+((?:(?:thousands?|millions?|billions?|mln|bln|mn|bn)\s+(?:of\s+)?)?(?:[A-Z]{3}|US\$|\$|€|US dollars|dollars|euros?|yuan|roubles|rubles|Belarusian rubles|per\s*cent|percent|%)(?:\s+(?:thousands?|millions?|billions?|mln|bln|mn|bn|m))?)\s*\.?\s*$`)
	sourceLine     = regexp.MustCompile(`^(?i:sources?)\s*[:\-–—]\s*`)
)

// readCaption takes the short line just before the table (skipping one
// blank line) as its caption, and a "Table N" line before that with it.
func (t *Table) readCaption(lines []line, i int) {
	k := i - 1
	if k >= 0 && strings.TrimSpace(lines[k].text) == "" {
		k--
	}
	if k < 0 {
		return
	}
	l := lines[k]
	text := strings.TrimSpace(l.text)
	if cells := split(l, t.Layout); text == "" || len(cells) >= minCells(t.Layout) && (!delimited(t.Layout) || csvLine(cells)) {
		return // a row, not a caption (a sentence has commas too)
	}
	if len(text) > maxCaption || sentenceInside.MatchString(text) {
		// a paragraph of running text is no caption, but its sentence that
		// presents the table is: "The table shows loans received … from
		// Chinese lenders by lender and year of receipt, in millions of US
		// dollars."
		t.readIntro(l)
		return
	}
	start := l.start
	// "Table 3", or a title line above a note in brackets:
	// "Table. Belarus – China trade in goods, USD million" / "(exports: …)"
	if k > 0 && (isTableLabel(lines[k-1].text) || strings.HasPrefix(text, "(") && isTitleLine(lines[k-1].text)) {
		start = lines[k-1].start
	}
	a, b := source.TrimSpan(l.text, 0, len(l.text))
	c := Cell{Start: l.start + a, End: l.start + b, Line: l.n}
	if start < l.start {
		c.Start, c.Line = start, lines[k-1].n
	}
	c.Text = joinText(lines, c)
	t.Caption = &c
	t.Title = c.Text
	for _, m := range unitParen.FindAllStringSubmatchIndex(c.Text, -1) {
		inner := c.Text[m[2]:m[3]]
		if looksLikeUnit(inner) {
			// "(USD million; decimal comma, space as thousands separator)":
			// the unit is the first part
			a, b := m[2], m[3]
			if k := strings.IndexByte(inner, ';'); k > 0 && looksLikeUnit(inner[:k]) {
				a, b = source.TrimSpan(c.Text, m[2], m[2]+k)
				inner = c.Text[a:b]
			}
			t.UnitText = inner
			t.UnitCell = &Cell{Text: inner, Start: c.Start + a, End: c.Start + b, Line: c.Line + strings.Count(c.Text[:a], "\n")}
			t.Title = strings.TrimSpace(c.Text[:m[0]] + c.Text[m[1]:])
			break
		}
	}
	if t.UnitText == "" {
		if m := unitPrefix.FindStringSubmatchIndex(c.Text); m != nil {
			t.UnitText = strings.TrimSpace(c.Text[m[2]:m[3]])
			t.UnitCell = &Cell{Text: c.Text[m[2]:m[3]], Start: c.Start + m[2], End: c.Start + m[3], Line: c.Line + strings.Count(c.Text[:m[2]], "\n")}
			t.Title = strings.TrimSpace(c.Text[:m[0]])
		}
	}
	if t.UnitText == "" {
		// "Belarus–China trade in goods, USD million", "Trade in USD
		// million": at the end of the caption, or of its first line
		text := c.Text
		if m := unitTail.FindStringSubmatchIndex(text); m == nil {
			if nl := strings.IndexByte(text, '\n'); nl > 0 {
				text = strings.TrimRight(text[:nl], " \r\t")
			}
		}
		if m := unitTail.FindStringSubmatchIndex(text); m != nil && looksLikeUnit(text[m[2]:m[3]]) {
			t.UnitText = text[m[2]:m[3]]
			t.UnitCell = &Cell{Text: t.UnitText, Start: c.Start + m[2], End: c.Start + m[3], Line: c.Line + strings.Count(c.Text[:m[2]], "\n")}
			t.Title = strings.TrimSpace(c.Text[:m[0]] + c.Text[m[1]:])
		}
	}
	if t.UnitText == "" {
		// "Here are the customs figures for the past five years, in
		// millions of US dollars (exports are …):"
		if m := unitWords.FindStringIndex(c.Text); m != nil {
			t.UnitText = c.Text[m[0]:m[1]]
			t.UnitCell = &Cell{Text: t.UnitText, Start: c.Start + m[0], End: c.Start + m[1], Line: c.Line + strings.Count(c.Text[:m[0]], "\n")}
			t.Title = strings.TrimRight(strings.TrimSuffix(strings.TrimSpace(c.Text[:m[0]]), " in"), " ,;") + " " + c.Text[m[1]:]
		}
	}
	t.Title = strings.TrimRight(strings.Join(strings.Fields(t.Title), " "), " .,:;")
}

var presentsTable = regexp.MustCompile(`(?i)\b(?:the|this|following|below)\s+table\b|\btable\s+\d+\s+(?:shows|gives|lists|presents)`)

// readIntro takes the sentence of a paragraph that presents the table as
// its caption: title and unit.
func (t *Table) readIntro(l line) {
	a := 0
	for _, m := range sentenceEnd.FindAllStringIndex(l.text, -1) {
		seg := l.text[a : m[0]+1]
		if presentsTable.MatchString(seg) {
			l.text = seg
			break
		}
		a = m[1]
	}
	seg := l.text[a:]
	if !presentsTable.MatchString(seg) {
		return
	}
	x, y := source.TrimSpan(l.text, a, len(l.text))
	c := Cell{Text: l.text[x:y], Start: l.start + x, End: l.start + y, Line: l.n}
	t.Caption, t.Title = &c, strings.TrimRight(c.Text, ".")
	if m := unitTail.FindStringSubmatchIndex(c.Text); m != nil && looksLikeUnit(c.Text[m[2]:m[3]]) {
		t.UnitText = c.Text[m[2]:m[3]]
		t.UnitCell = &Cell{Text: t.UnitText, Start: c.Start + m[2], End: c.Start + m[3], Line: c.Line}
	} else if m := unitWords.FindStringIndex(c.Text); m != nil {
		t.UnitText = c.Text[m[0]:m[1]]
		t.UnitCell = &Cell{Text: t.UnitText, Start: c.Start + m[0], End: c.Start + m[1], Line: c.Line}
	}
	if t.UnitText != "" {
		// the title without its unit: "US dollars" names no country
		t.Title = strings.TrimRight(strings.TrimSpace(strings.Replace(t.Title, t.UnitText, "", 1)), " ,.;:")
		t.Title = strings.TrimSuffix(strings.TrimSuffix(t.Title, " in"), ",")
	}
}

var (
	sentenceEnd = regexp.MustCompile(`[.!?]\s+`)
	// "in millions of US dollars", "in USD million"
	unitWords = regexp.MustCompile(`(?i)\b(?:thousands|millions|billions)\s+of\s+(?:US\s+dollars|dollars|euros|yuan|roubles|rubles|Belarusian rubles)\b`)
)

// joinText returns the document text of a cell that may span lines.
func joinText(lines []line, c Cell) string {
	var b strings.Builder
	for _, l := range lines {
		if l.end < c.Start || l.start >= c.End {
			continue
		}
		b.WriteString(l.text[max(c.Start, l.start)-l.start : min(c.End, l.end)-l.start])
		if l.end < c.End {
			b.WriteString("\n")
		}
	}
	return b.String()
}

var tableLabel = regexp.MustCompile(`^\s*(?i:table|tab\.)(?:\s+[0-9IVX]+[.:]?|[.:])\s*`)

// isTitleLine reports a short line of text that can title a table.
func isTitleLine(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && len(t) <= maxCaption && !sentenceInside.MatchString(t)
}

func isTableLabel(s string) bool {
	return tableLabel.MatchString(s) && len(strings.TrimSpace(s)) < maxCaption
}

// looksLikeUnit reports whether a parenthesised caption part names a unit
// (it says "Unit:", or holds a currency or scale word or a percent sign)
// rather than, say, a year range.
func looksLikeUnit(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || IsNumber(s) || yearRange.MatchString(s) {
		return false
	}
	lower := strings.ToLower(s)
	for _, w := range []string{"usd", "us$", "$", "dollar", "eur", "€", "byn", "rub", "cny", "yuan", "million", "billion", "thousand", "mln", "bln", "%", "percent", "per cent"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

var yearRange = regexp.MustCompile(`^\d{4}\s*[-–—/]\s*\d{2,4}$`)

// noteMark starts a table note: "* Revised.", "¹ Preliminary.", "a) …".
var noteMark = regexp.MustCompile(`^(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹]+|\(?[a-z1-9]\))\s`)

// readSource takes a "Source: …" line within six lines after the table,
// past its notes.
func (t *Table) readSource(lines []line, j int) {
	for k := j; k < len(lines) && k < j+6; k++ {
		text := strings.TrimSpace(lines[k].text)
		if m := sourceLine.FindStringIndex(text); m != nil {
			a, b := source.TrimSpan(lines[k].text, 0, len(lines[k].text))
			c := Cell{Text: lines[k].text[a:b], Start: lines[k].start + a, End: lines[k].start + b, Line: lines[k].n}
			t.Source = &c
			attr := strings.TrimSpace(text[m[1]:])
			// "Ministry of X, Bureau of Y: 2016 statistical bulletin, …":
			// the bodies are named before the colon.
			if before, _, ok := strings.Cut(attr, ":"); ok {
				attr = before
			}
			t.Attribution = strings.TrimRight(strings.TrimSpace(attr), ".")
			return
		}
		if text != "" && !ruleCell.MatchString(text) && !strings.HasPrefix(strings.ToLower(text), "note") && !noteMark.MatchString(text) {
			return
		}
	}
}
