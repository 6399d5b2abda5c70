package main

import (
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/ooxml"
)

// TestCheckCell feeds the checker cells as a spreadsheet might import
// them, so that the interoperability test is known to catch what it exists
// for without needing LibreOffice.
func TestCheckCell(t *testing.T) {
	text := contract.Column{Name: "quote", Type: contract.String}
	id := contract.Column{Name: "record_id", Type: contract.String}
	num := contract.Column{Name: "value", Type: contract.Number}
	date := contract.Column{Name: "period_start", Type: contract.Date}
	str := func(v string) *ooxml.Cell { return &ooxml.Cell{Type: ooxml.SharedString, Value: v, Format: "General"} }
	n := func(v, format string) *ooxml.Cell { return &ooxml.Cell{Type: ooxml.Number, Value: v, Format: format} }
	tests := []struct {
		name string
		col  contract.Column
		csv  string
		cell *ooxml.Cell
		want string // "" or a part of the complaint
	}{
		{"guarded text stays text", text, "'=SUM(A1)", str("'=SUM(A1)"), ""},
		{"guarded text became a formula", text, "'=SUM(A1)", &ooxml.Cell{Type: ooxml.Number, Value: "0", Formula: true}, "formula"},
		{"non-ASCII kept", text, "Товарооборот 中白 İ", str("Товарооборот 中白 İ"), ""},
		{"non-ASCII lost", text, "Товарооборот", str("Ð¢Ð¾Ð²"), "became"},
		{"negative number", num, "-12500000", n("-12500000", "General"), ""},
		{"number became text", num, "-12500000", str("-12500000"), "want the number"},
		{"number rounded", num, "4179999999.9999995", n("4180000000", "General"), "want the number"},
		{"identifier stays text", id, "tr-1e5a000000000000", str("tr-1e5a000000000000"), ""},
		{"identifier became a number", id, "000123", n("123", "General"), "identifier"},
		{"date as date", date, "2013-01-01", n("41275", "yyyy\\-mm\\-dd"), ""},
		{"date as ISO text", date, "2013-01-01", str("2013-01-01"), ""},
		{"date as a plain number", date, "2013-01-01", n("41275", "General"), "want the date"},
		{"number-like text read as its number", text, "32.9", n("32.9", "General"), ""},
		{"decimal comma read as thousands", text, "27,18", n("2718", "General"), "became"},
		{"percentage read as a fraction", text, "9.22 %", n("0.0922", "0.00%"), ""},
		{"percentage read wrong", text, "20%", n("20", "General"), "became"},
		{"date in words read as its day", text, "July 16, 2013", n("41471", "mm/dd/yy"), ""},
		{"month in words read as its first day", text, "March 2010", n("40238", "mmm\\ yy"), ""},
		{"date in words read as another month", text, "March 2010", n("40269", "mm/dd/yy"), "became"},
		{"empty stays empty", text, "", nil, ""},
	}
	for _, tt := range tests {
		var st stats
		got := checkCell(tt.col, tt.csv, tt.cell, &st)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s: checkCell = %q, want %q", tt.name, got, tt.want)
		}
	}
}
