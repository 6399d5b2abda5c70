package table

import (
	"regexp"
	"strings"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/extract/date"
	"github.com/claimpack/claimpack/build/extract/quantity"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// Orientation says where a table's periods are.
type Orientation int

// The orientations.
const (
	NoPeriods      Orientation = iota // no time axis
	YearsAsColumns                    // the header holds periods; each row is a series
	YearsAsRows                       // the first column holds periods; each column is a series
)

// DataCell is one value of a table with the labels that give it meaning.
type DataCell struct {
	Value Cell
	// Label names the series: the row label when periods are columns, the
	// column header when periods are rows. LabelText is its whole text,
	// which a two-line header makes longer than the span.
	Label     Cell
	LabelText string
	// Time is the period label (a header or first-column cell); Period is
	// what it says, unresolved when the table has no time axis.
	Time   Cell
	Period record.Period
	Number quantity.Number
}

// IsNumber reports whether s reads as a number.
func IsNumber(s string) bool {
	_, err := quantity.ParseNumber(s, quantity.Auto)
	return err == nil
}

// IsMissing reports whether s is a missing-value marker (–, -, n/a, .., —).
func IsMissing(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "-", "–", "—", "n/a", "na", "..", "...", "…", "x":
		return true
	}
	return false
}

// Orient decides where the table's periods are: in the header (all but the
// first cell read as periods, or periods and then columns derived from
// them: "| Jan | Feb | January–February 2026 | Change, % |") or in the
// first column.
func (t *Table) Orient() Orientation {
	periods, derived, other := 0, 0, false
	for _, h := range t.Header[1:] {
		if _, ok := t.period(h.Text); ok {
			periods++
		} else if derivedColumn.MatchString(h.Text) {
			derived++
		} else {
			other = true
		}
	}
	if !other && periods > 0 && (derived == 0 || periods >= 2) {
		return YearsAsColumns
	}
	if len(t.Rows) == 0 {
		return NoPeriods
	}
	for _, r := range t.Rows {
		if _, ok := t.period(r[0].Text); !ok {
			return NoPeriods
		}
	}
	return YearsAsRows
}

// Cells reshapes the table into one DataCell per value cell. Missing-value
// markers are skipped; a cell that is neither a number nor a marker is a
// diagnostic.
func (t *Table) Cells(doc *source.Doc) ([]DataCell, diag.List) {
	var diags diag.List
	var texts []string
	for _, r := range t.Rows {
		for _, c := range r[1:] {
			texts = append(texts, c.Text)
		}
	}
	style := quantity.InferStyle(texts)
	orient := t.Orient()
	// the period of each header cell, read once; a change column's is the
	// table's latest
	unresolved := record.Period{Basis: record.Unresolved}
	cols := make([]record.Period, len(t.Header))
	latest := 0
	for k, h := range t.Header {
		cols[k] = unresolved
		if p, ok := t.period(h.Text); ok && k > 0 {
			cols[k] = p
			// on a tie, the longer period: the change of "January–March"
			// over a year before, not of "Mar"
			if l := cols[latest]; latest == 0 || p.End.After(l.End) || p.End.Equal(l.End) && p.Start.Before(l.Start) {
				latest = k
			}
		}
	}
	var out []DataCell
	for _, r := range t.Rows {
		row := unresolved
		if p, ok := t.period(r[0].Text); ok && orient == YearsAsRows {
			row = p
		}
		for k, c := range r[1:] {
			if IsMissing(c.Text) {
				continue
			}
			n, err := quantity.ParseNumber(c.Text, style)
			if err != nil {
				line, col := doc.Position(c.Start)
				diags.Add(diag.Warning, "table-cell", doc.Path, line, col, "table cell %q is not a number: skipped", c.Text)
				continue
			}
			dc := DataCell{Value: c, Number: n}
			switch orient {
			case YearsAsColumns:
				dc.Label, dc.Time, dc.Period = r[0], t.Header[k+1], cols[k+1]
				dc.LabelText = r[0].Text
				if !dc.Period.Resolved() {
					// a change column: the row's series, its header's
					// unit, the latest period of the table
					dc.LabelText = r[0].Text + ", " + t.headerText(k+1)
					dc.Time, dc.Period = t.Header[latest], cols[latest]
				}
			case YearsAsRows:
				dc.Label, dc.Time, dc.Period = t.Header[k+1], r[0], row
				dc.LabelText = t.headerText(k + 1)
			default:
				dc.Label, dc.Time, dc.Period = r[0], t.Header[k+1], unresolved
				dc.LabelText = r[0].Text
			}
			out = append(out, dc)
		}
	}
	return out, diags
}

// derivedColumn is the header of a column computed from the period
// columns before it: a change, a growth rate, a share.
var derivedColumn = regexp.MustCompile(`(?i)\b(change|growth|increase|decrease|y/y|yoy|year[- ]on[- ]year|share)\b|%`)

// captionYear is a year the caption names.
var captionYear = regexp.MustCompile(`\b(?:1[89]|20)\d\d\b`)

// period reads a period label. A month or quarter without its year
// ("Jan", "Q1") takes the one year the caption names ("by month, 2026"),
// with basis context.
func (t *Table) period(s string) (record.Period, bool) {
	if p, ok := date.ParseLabel(s); ok {
		return p, true
	}
	years := captionYear.FindAllString(t.Title, -1)
	if len(years) == 0 || strings.TrimSpace(s) == "" {
		return record.Period{}, false
	}
	for _, y := range years[1:] {
		if y != years[0] {
			return record.Period{}, false
		}
	}
	p, ok := date.ParseLabel(strings.TrimSpace(s) + " " + years[0])
	if !ok || p.Start.Year() != p.End.Year() {
		return record.Period{}, false
	}
	p.Text, p.Basis = s, record.Context
	return p, true
}

// headerText is the whole text of header column k.
func (t *Table) headerText(k int) string {
	if k < len(t.HeaderText) {
		return t.HeaderText[k]
	}
	return t.Header[k].Text
}
