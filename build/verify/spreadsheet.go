package verify

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strconv"

	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/ooxml"
	"github.com/claimpack/claimpack/build/publish"
)

// excelCSV checks that a CSV file for Excel is its dataset's CSV preceded
// by a UTF-8 byte-order mark, byte for byte.
func (c *checker) excelCSV(r resource) {
	data, err := fs.ReadFile(c.fsys, r.Path)
	if err != nil {
		return // reported by files
	}
	ref := path.Base(r.Path)
	want, err := fs.ReadFile(c.fsys, ref)
	if err != nil {
		c.errorf(r.Path, 0, 0, "missing", "%s has no reference CSV %s: %v", r.Path, ref, err)
		return
	}
	if !bytes.Equal(data, publish.WithBOM(want)) {
		c.errorf(r.Path, 1, 1, "excel-csv", "is not %s preceded by a UTF-8 byte-order mark", ref)
	}
}

// maxCellErrors bounds the cell differences reported per sheet.
const maxCellErrors = 20

// loadWorkbook reads the package's workbook, if it lists one, so that each
// dataset compares its sheet while its CSV rows are at hand.
func (c *checker) loadWorkbook() {
	for _, r := range c.desc.Resources {
		if r.Format != "xlsx" {
			continue
		}
		c.wbPath = r.Path
		data, err := fs.ReadFile(c.fsys, r.Path)
		if err != nil {
			return // reported by files
		}
		wb, err := ooxml.Read(data)
		if err != nil {
			c.errorf(r.Path, 0, 0, "workbook", "cannot read the workbook: %v", err)
			return
		}
		c.wb = wb
		return
	}
}

// workbook checks the workbook as a whole: no formula cell, the sheet that
// explains the columns first. Each dataset's sheet is compared by
// compareSheet.
func (c *checker) workbook() {
	if c.wb == nil {
		return
	}
	for _, s := range c.wb.Sheets {
		if s.Formulas > 0 {
			c.errorf(c.wbPath, 0, 0, "workbook-formula", "sheet %s has %d formula cells", s.Name, s.Formulas)
		}
	}
	if len(c.wb.Sheets) == 0 || c.wb.Sheets[0].Name != publish.AboutSheet {
		c.errorf(c.wbPath, 0, 0, "workbook", "the first sheet is not %q", publish.AboutSheet)
	}
}

// compareSheet checks a dataset's sheet of the workbook against its CSV
// rows: the CSV's header and rows, every cell of the type its column
// declares (numbers as numbers, dates as dates, everything else as text).
func (c *checker) compareSheet(d *contract.Dataset, csvPath string, rows []csvRow) {
	if c.wb == nil {
		return
	}
	s := c.wb.Sheet(d.Name)
	if s == nil {
		c.errorf(c.wbPath, 0, 0, "workbook", "no sheet %s for %s", d.Name, csvPath)
		return
	}
	c.sheet(c.wbPath, s, d, rows)
}

func (c *checker) sheet(p string, s *ooxml.Sheet, d *contract.Dataset, rows []csvRow) {
	bad := 0
	report := func(ref string, format string, args ...any) {
		if bad < maxCellErrors {
			c.errorf(p, 0, 0, "workbook-cell", "%s!%s: %s", s.Name, ref, fmt.Sprintf(format, args...))
		}
		bad++
	}
	if got := len(s.Rows); got != len(rows)+1 {
		c.errorf(p, 0, 0, "workbook-rows", "sheet %s has %d rows, %s.csv has %d and a header", s.Name, got, d.Name, len(rows))
	}
	for k, col := range d.Columns {
		cell := s.Cell(0, k)
		if cell == nil || !cell.IsString() || cell.Value != col.Name {
			report(ref(k, 0), "header should be %q", col.Name)
		}
	}
	for i, cr := range rows {
		for k, col := range d.Columns {
			if msg := CellDiffers(col, cr.cells[k], s.Cell(i+1, k)); msg != "" {
				report(ref(k, i+1), "column %s: %s", col.Name, msg)
			}
		}
	}
	if bad > maxCellErrors {
		c.errorf(p, 0, 0, "workbook-cell", "sheet %s: %d more cells differ from %s.csv", s.Name, bad-maxCellErrors, d.Name)
	}
}

// CellDiffers compares a workbook cell with the CSV text of the same cell
// (formula guard removed) and says how it differs, or returns "". A null
// is an empty cell; numbers are number cells of the same value; dates are
// date-formatted numbers of the same day (or the ISO text, before 1900-03-01);
// everything else is a text cell with the same characters.
func CellDiffers(col contract.Column, text string, cell *ooxml.Cell) string {
	if cell != nil && cell.Formula {
		return "is a formula"
	}
	if text == "" {
		if cell != nil && cell.Value != "" {
			return fmt.Sprintf("is %q, the CSV cell is empty", cell.Value)
		}
		return ""
	}
	if cell == nil {
		return fmt.Sprintf("is empty, the CSV has %q", text)
	}
	switch col.Type {
	case contract.Int32, contract.Int64, contract.Number:
		want, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return fmt.Sprintf("the CSV's %q is not a number", text)
		}
		got, err := strconv.ParseFloat(cell.Value, 64)
		if !cell.IsNumber() || err != nil || got != want {
			return fmt.Sprintf("is %s %q, want the number %s", cell.Type, cell.Value, text)
		}
		return ""
	case contract.Date:
		if n, ok := publish.ExcelSerial(text); ok {
			if !cell.IsNumber() || cell.Value != strconv.Itoa(n) || !cell.IsDateFormat() {
				return fmt.Sprintf("is %s %q (format %q), want the date %s (serial %d)", cell.Type, cell.Value, cell.Format, text, n)
			}
			return ""
		}
	}
	if !cell.IsString() || cell.Value != text {
		return fmt.Sprintf("is %s %q, want the text %q", cell.Type, truncate(cell.Value, 60), truncate(text, 60))
	}
	return ""
}

func ref(col, row int) string {
	name := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name + strconv.Itoa(row+1)
}
