package publish

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/claimpack/claimpack/build/contract"
)

// WorkbookPath is where a package's Excel workbook is published: one file
// named after the package.
func WorkbookPath(pkg string) string { return pkg + ".xlsx" }

// AboutSheet is the name of the workbook's first sheet, which explains the
// other sheets, their columns and how provenance works.
const AboutSheet = "about"

// Limits of the xlsx format (ECMA-376 and Excel's specifications).
const (
	maxSheetName = 31
	maxCellChars = 32767 // UTF-16 code units
)

// ExcelDateFormat is the number format of date cells.
const ExcelDateFormat = "yyyy-mm-dd"

// excelEpoch is day 0 of the 1900 date system as Excel counts it, valid from
// excelFirstDate on (Excel believes 1900 was a leap year, so earlier serial
// numbers are off by one; such dates are written as ISO text instead).
var (
	excelEpoch     = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	excelFirstDate = time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)
)

// ExcelSerial returns the serial number of an ISO date in Excel's 1900 date
// system, and false when the date cannot be written as one (not an ISO
// date, or before 1900-03-01).
func ExcelSerial(iso string) (int, bool) {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil || t.Before(excelFirstDate) {
		return 0, false
	}
	return int(t.Sub(excelEpoch).Hours() / 24), true
}

// xstring escapes text for a workbook cell (ECMA-376 ST_Xstring): a
// character XML 1.0 cannot hold (a control character other than tab, LF and
// CR, U+FFFE, U+FFFF) is written _xHHHH_, and text that already reads like
// such an escape gets its underscore escaped (_x005F_), so that Excel,
// LibreOffice and excelize read back exactly the text. (excelize escapes
// neither for shared strings as of v2.11.0; a test reads back both cases.)
func xstring(s string) string {
	if !strings.Contains(s, "_x") && strings.IndexFunc(s, xmlInvalid) < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case xmlInvalid(r):
			fmt.Fprintf(&b, "_x%04X_", r)
		case r == '_' && looksEscaped(s[i:]):
			b.WriteString("_x005F_")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlInvalid(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
}

// looksEscaped reports whether s begins with _xHHHH_.
func looksEscaped(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return false
		}
	}
	return true
}

// Workbook writes the datasets as one Excel workbook: a first sheet
// ("about") explaining the package, its sheets and columns and how
// provenance works, then one sheet per dataset, named after it, with the
// rows in published order.
//
// Cells are typed: Number and integer columns are numbers, Date columns are
// dates with the format yyyy-mm-dd (ISO text before 1900-03-01, which Excel
// cannot date), and every other cell is a string, set as a string, never a
// formula, so no formula guard is needed and text keeps its exact
// characters (see xstring). Lists are their items
// joined by contract.ListDelimiter, and a null is an empty cell. The header
// row is bold, frozen and has an autofilter.
//
// The bytes are deterministic: document properties carry the package's
// creation time, and the zip is rewritten with its entries in a fixed order
// and that time as every entry's modification time.
func Workbook(in Input, tables []Table) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	w := &workbook{f: f}
	if err := w.styles(); err != nil {
		return nil, err
	}
	if err := f.SetSheetName(f.GetSheetName(0), AboutSheet); err != nil {
		return nil, err
	}
	if err := w.about(in, tables); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", AboutSheet, err)
	}
	for _, t := range tables {
		if err := w.dataset(t); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", t.Dataset.Name, err)
		}
	}
	f.SetActiveSheet(0)
	created := in.Created.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          in.Title,
		Description:    in.Description,
		Creator:        "claimpack",
		LastModifiedBy: "claimpack",
		Identifier:     in.Name,
		Version:        in.Version,
		Created:        created,
		Modified:       created,
	}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "claimpack"}); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return normalizeZip(buf.Bytes(), in.Created)
}

type workbook struct {
	f                       *excelize.File
	bold, title, date, wrap int
}

func (w *workbook) styles() error {
	var err error
	if w.bold, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	if w.title, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return err
	}
	format := ExcelDateFormat
	if w.date, err = w.f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
		return err
	}
	w.wrap, err = w.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return err
}

// text sets a string cell; longer text than a cell can hold is an error.
func (w *workbook) text(sheet string, col, row int, s string) error {
	if n := len(utf16.Encode([]rune(s))); n > maxCellChars {
		return fmt.Errorf("row %d, column %d: %d characters, more than a cell holds (%d)", row, col, n, maxCellChars)
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return w.f.SetCellStr(sheet, ref, xstring(s))
}

// cell sets one typed cell of a dataset sheet.
func (w *workbook) cell(sheet string, col, row int, c contract.Column, v any) error {
	if v == nil {
		return nil
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch c.Type {
	case contract.Int32, contract.Int64:
		return w.f.SetCellInt(sheet, ref, v.(int64))
	case contract.Number:
		return w.f.SetCellFloat(sheet, ref, v.(float64), -1, 64)
	case contract.Date:
		if n, ok := ExcelSerial(v.(string)); ok {
			if err := w.f.SetCellInt(sheet, ref, int64(n)); err != nil {
				return err
			}
			return w.f.SetCellStyle(sheet, ref, ref, w.date)
		}
	}
	return w.text(sheet, col, row, contract.Text(v))
}

func (w *workbook) dataset(t Table) error {
	d := t.Dataset
	sheet := d.Name
	if err := checkSheetName(sheet); err != nil {
		return err
	}
	if _, err := w.f.NewSheet(sheet); err != nil {
		return err
	}
	widths := make([]int, len(d.Columns))
	for i, c := range d.Columns {
		if err := w.text(sheet, i+1, 1, c.Name); err != nil {
			return err
		}
		widths[i] = utf8.RuneCountInString(c.Name)
	}
	for r, row := range t.Rows {
		for i, c := range d.Columns {
			if err := w.cell(sheet, i+1, r+2, c, row[i]); err != nil {
				return fmt.Errorf("column %s: %w", c.Name, err)
			}
			widths[i] = max(widths[i], cellWidth(c, row[i]))
		}
	}
	last, err := excelize.CoordinatesToCellName(len(d.Columns), 1)
	if err != nil {
		return err
	}
	if err := w.f.SetCellStyle(sheet, "A1", last, w.bold); err != nil {
		return err
	}
	for i, n := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := w.f.SetColWidth(sheet, col, col, float64(min(max(n, 8), 60)+2)); err != nil {
			return err
		}
	}
	if err := w.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	end, err := excelize.CoordinatesToCellName(len(d.Columns), len(t.Rows)+1)
	if err != nil {
		return err
	}
	return w.f.AutoFilter(sheet, "A1:"+end, nil)
}

// cellWidth is the width in characters a cell needs, for column widths.
func cellWidth(c contract.Column, v any) int {
	if c.Type == contract.Date {
		return len("2006-01-02")
	}
	return utf8.RuneCountInString(contract.Text(v))
}

// checkSheetName rejects names Excel does not accept for a sheet.
func checkSheetName(name string) error {
	switch {
	case name == "" || utf8.RuneCountInString(name) > maxSheetName:
		return fmt.Errorf("sheet name %q must have 1 to %d characters", name, maxSheetName)
	case strings.ContainsAny(name, `[]:*?/\`), strings.HasPrefix(name, "'"), strings.HasSuffix(name, "'"):
		return fmt.Errorf("sheet name %q holds a character Excel does not allow", name)
	case strings.EqualFold(name, AboutSheet), strings.EqualFold(name, "History"):
		return fmt.Errorf("sheet name %q is reserved", name)
	}
	return nil
}

// about writes the first sheet: what the package is, how provenance works,
// what each sheet and column holds.
func (w *workbook) about(in Input, tables []Table) error {
	s := AboutSheet
	row := 1
	line := func(style int, cells ...string) error {
		for i, c := range cells {
			if c == "" {
				continue
			}
			if err := w.text(s, i+1, row, c); err != nil {
				return err
			}
		}
		if style != 0 && len(cells) > 0 {
			last, _ := excelize.CoordinatesToCellName(len(cells), row)
			if err := w.f.SetCellStyle(s, "A"+strconv.Itoa(row), last, style); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	lines := [][]string{
		{in.Title},
		{"Package", in.Name},
		{"Version", in.Version},
		{"Created", in.Created.UTC().Format(time.DateOnly)},
		{"Description", in.Description},
		{},
		{"How to read this workbook"},
	}
	lines = append(lines, aboutNotes()...)
	for i, l := range lines {
		style := 0
		switch {
		case i == 0:
			style = w.title
		case len(l) == 1:
			style = w.bold
		}
		if err := line(style, l...); err != nil {
			return err
		}
	}
	row++
	if err := line(w.bold, "sheet", "rows", "title", "description"); err != nil {
		return err
	}
	for _, t := range tables {
		if err := w.f.SetCellInt(s, "B"+strconv.Itoa(row), int64(len(t.Rows))); err != nil {
			return err
		}
		if err := line(0, t.Dataset.Name, "", t.Dataset.Title, t.Dataset.Description); err != nil {
			return err
		}
	}
	row++
	if err := line(w.bold, "sheet", "column", "type", "unit", "meaning"); err != nil {
		return err
	}
	for _, t := range tables {
		for _, c := range t.Dataset.Columns {
			if err := line(0, t.Dataset.Name, c.Name, TypeName(c), c.Unit, c.Description); err != nil {
				return err
			}
		}
	}
	for i, width := range []float64{22, 28, 40, 14, 90} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := w.f.SetColWidth(s, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

// aboutNotes are the explanations at the top of the about sheet; each is a
// heading-less line of text in column B.
func aboutNotes() [][]string {
	notes := []string{
		"Each dataset is one sheet, named after its file (trade.csv, trade.parquet); the first row names the columns and stays in view; the filter buttons sort and filter.",
		"Provenance: every row of trade, fdi and claims (and the primary mention of each visit and agreement) points at the exact bytes of its source document: source_id (the document, see the sources sheet), byte_start and byte_end (a half-open byte span of the raw file), line, and quote (exactly those bytes). The documents themselves are in the package's sources/ folder, and source_sha256 is the SHA-256 of each.",
		"How a row was made: method (table or prose) and rule (the extractor rule). Corrections: curation_id names the reviewed curation entry that changed the row (see the curation sheet for its reason), and correction says why the published value differs from what was written (value_text, unit_text).",
		"Cell types: numbers are numbers, dates are dates (yyyy-mm-dd), and everything else is text, including identifiers (record_id, claim_id, source_id) and text that begins with = + - or @, which is never a formula. An empty cell is a missing value. A list holds its items separated by ';'.",
		"This workbook is a convenience copy: the CSV and Parquet files are the reference, and the data dictionary (README.md) describes every column with an example.",
	}
	out := make([][]string, len(notes))
	for i, n := range notes {
		out[i] = []string{"", n}
	}
	return out
}

// TypeName is how the data dictionary and the workbook name a column's
// type.
func TypeName(c contract.Column) string {
	var s string
	switch c.Type {
	case contract.String:
		s = "string"
	case contract.Date:
		s = "date"
	case contract.Int32:
		s = "integer (int32)"
	case contract.Int64:
		s = "integer (int64)"
	case contract.Number:
		s = "number (float64)"
	case contract.List:
		s = "list of strings"
	default:
		s = string(c.Type)
	}
	if c.Nullable {
		s += ", nullable"
	}
	return s
}

// normalizeZip rewrites a zip archive deterministically: [Content_Types].xml
// first (as OOXML readers expect), then every other entry by name, each
// deflated with modification time mtime (clamped to the zip format's
// 1980–2107 range).
func normalizeZip(data []byte, mtime time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read workbook zip: %w", err)
	}
	files := slices.Clone(zr.File)
	rank := func(f *zip.File) int {
		if f.Name == "[Content_Types].xml" {
			return 0
		}
		return 1
	}
	slices.SortFunc(files, func(a, b *zip.File) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Name, b.Name)
	})
	mtime = mtime.UTC()
	if lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC); mtime.Before(lo) {
		mtime = lo
	}
	if hi := time.Date(2107, 12, 31, 0, 0, 0, 0, time.UTC); mtime.After(hi) {
		mtime = hi
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: mtime})
		if err != nil {
			return nil, err
		}
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(w, r)
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
