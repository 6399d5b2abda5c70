// Command libreoffice opens every CSV file of a package the way a
// spreadsheet user does, with LibreOffice headless (import filter
// CSV:44,34,76,1: comma, double quote, UTF-8, from line 1), converts it to
// .xlsx, and checks what the spreadsheet made of each cell:
//
//   - no cell is a formula (the contract's guard: text beginning with
//     = + - @ tab CR carries a leading apostrophe, which LibreOffice shows);
//   - every number stays a number of the same value, negative ones too;
//   - every date is a date of the same day, or its ISO text;
//   - every identifier (columns named *_id, *_ids, *sha256) stays text,
//     character for character;
//   - every other text cell keeps every character (non-ASCII included), or
//     is text that the import turned into the value it spells, as every
//     spreadsheet's CSV import does: a number ("32.9", "2013"), a
//     percentage ("20%" → 0.2) or a date in words ("March 2010" → a day of
//     March 2010). Those are counted and reported, since a user who needs
//     the text imports that column as Text or opens the workbook; any
//     other change (a decimal comma read as thousands, lost characters)
//     fails;
//   - the same CSV with a UTF-8 byte-order mark (excel/<name>.csv) gives
//     exactly the same cells.
//
// usage: go run ./test/interop/libreoffice PACKAGE_DIR...
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/ooxml"
	"github.com/claimpack/claimpack/build/publish"
)

// Filter is the LibreOffice CSV import filter: field separator 44 (,),
// text delimiter 34 ("), character set 76 (UTF-8), first line 1.
const Filter = "CSV:44,34,76,1"

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: libreoffice PACKAGE_DIR...")
		os.Exit(2)
	}
	passed, failed := 0, 0
	for _, dir := range os.Args[1:] {
		p, f, err := checkPackage(dir)
		if err != nil {
			fmt.Fprintf(os.Stderr, "FAIL %s: %v\n", dir, err)
			f++
		}
		passed += p
		failed += f
	}
	fmt.Printf("libreoffice: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}

type resource struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Format string `json:"format"`
	Type   string `json:"type"`
}

// checkPackage converts every CSV of the package (and its Excel copy) in
// one LibreOffice run and checks each result.
func checkPackage(dir string) (passed, failed int, err error) {
	data, err := os.ReadFile(filepath.Join(dir, publish.DescriptorFile))
	if err != nil {
		return 0, 0, err
	}
	var desc struct{ Resources []resource }
	if err := json.Unmarshal(data, &desc); err != nil {
		return 0, 0, err
	}
	tmp, err := os.MkdirTemp("", "claimpack-lo-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(tmp)
	in, out := filepath.Join(tmp, "in"), filepath.Join(tmp, "out")
	var names, inputs []string
	for _, r := range desc.Resources {
		if r.Type != "table" || r.Format != "csv" || filepath.Dir(r.Path) != "." {
			continue
		}
		name := strings.TrimSuffix(r.Path, ".csv")
		names = append(names, name)
		// LibreOffice names its output after the input, so the Excel copy
		// goes in under another name.
		for _, f := range [][2]string{{r.Path, name + ".csv"}, {publish.ExcelCSVPath(name), name + ".bom.csv"}} {
			src, dst := f[0], f[1]
			b, err := os.ReadFile(filepath.Join(dir, src))
			if err != nil {
				return 0, 0, err
			}
			if err := os.MkdirAll(in, 0o755); err != nil {
				return 0, 0, err
			}
			if err := os.WriteFile(filepath.Join(in, dst), b, 0o644); err != nil {
				return 0, 0, err
			}
			inputs = append(inputs, filepath.Join(in, dst))
		}
	}
	if err := convert(tmp, out, inputs); err != nil {
		return 0, 0, err
	}
	for _, name := range names {
		label := filepath.Join(dir, name+".csv")
		problems, stats, err := checkCSV(dir, out, name)
		if err != nil {
			problems = append(problems, err.Error())
		}
		if len(problems) == 0 {
			passed++
			fmt.Printf("ok   %s → xlsx (LibreOffice): %s\n", label, stats)
			continue
		}
		failed++
		fmt.Fprintf(os.Stderr, "FAIL %s → xlsx (LibreOffice)\n", label)
		for _, p := range problems {
			fmt.Fprintf(os.Stderr, "     %s\n", p)
		}
	}
	return passed, failed, nil
}

// convert runs LibreOffice once on every input, with a profile of its own
// so that it neither needs nor disturbs a user's.
func convert(tmp, out string, inputs []string) error {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return errors.New("soffice not found: install libreoffice-calc-nogui (scripts/install-interop.sh)")
	}
	args := []string{
		"-env:UserInstallation=file://" + filepath.Join(tmp, "profile"),
		"--headless", "--norestore", "--nologo",
		"--infilter=" + Filter, "--convert-to", "xlsx", "--outdir", out,
	}
	cmd := exec.Command(soffice, append(args, inputs...)...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("soffice: %v\n%s", err, stderr.String())
	}
	return nil
}

// stats counts what the import did, for the report.
type stats struct {
	rows, numbers, negatives, dates, ids, texts, converted, guarded, nonASCII int
}

func (s stats) String() string {
	return fmt.Sprintf("%d rows; %d numbers (%d negative), %d dates, %d identifiers and %d texts as text (%d guarded, %d non-ASCII characters), %d number-, percent- or date-like texts read as such, no formula; the BOM copy imports identically",
		s.rows, s.numbers, s.negatives, s.dates, s.ids, s.texts, s.guarded, s.nonASCII, s.converted)
}

func checkCSV(dir, out, name string) ([]string, stats, error) {
	var st stats
	schema, err := os.ReadFile(filepath.Join(dir, "schema", name+".schema.json"))
	if err != nil {
		return nil, st, err
	}
	d, err := contract.Parse(name, schema)
	if err != nil {
		return nil, st, err
	}
	data, err := os.ReadFile(filepath.Join(dir, name+".csv"))
	if err != nil {
		return nil, st, err
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, st, err
	}
	wb, err := readXLSX(filepath.Join(out, name+".xlsx"))
	if err != nil {
		return nil, st, err
	}
	bom, err := readXLSX(filepath.Join(out, name+".bom.xlsx"))
	if err != nil {
		return nil, st, err
	}
	var problems []string
	add := func(format string, args ...any) {
		if len(problems) < 20 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	s := wb.Sheets[0]
	for _, sheet := range append(wb.Sheets, bom.Sheets...) {
		if sheet.Formulas > 0 {
			add("%d formula cells", sheet.Formulas)
		}
	}
	if diff := sameCells(s, bom.Sheets[0]); diff != "" {
		add("excel/%s.csv (with BOM) imports differently: %s", name, diff)
	}
	if len(s.Rows) != len(recs) {
		add("%d rows in the spreadsheet, %d in the CSV", len(s.Rows), len(recs))
	}
	st.rows = len(recs) - 1
	for i, rec := range recs {
		for k, text := range rec {
			col := d.Columns[k]
			cell := s.Cell(i, k)
			if i == 0 {
				if cell == nil || !cell.IsString() || cell.Value != text {
					add("header %s is %v", text, cell)
				}
				continue
			}
			if msg := checkCell(col, text, cell, &st); msg != "" {
				add("row %d, column %s: %s", i+1, col.Name, msg)
			}
		}
	}
	return problems, st, nil
}

func readXLSX(p string) (*ooxml.Workbook, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("LibreOffice wrote no %s: %w", filepath.Base(p), err)
	}
	wb, err := ooxml.Read(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(p), err)
	}
	if len(wb.Sheets) == 0 {
		return nil, fmt.Errorf("%s has no sheet", filepath.Base(p))
	}
	return wb, nil
}

// isIdentifier reports whether a column holds identifiers, which must stay
// text in a spreadsheet.
func isIdentifier(name string) bool {
	return strings.HasSuffix(name, "_id") || strings.HasSuffix(name, "_ids") || strings.Contains(name, "sha256")
}

// checkCell checks one imported cell against its CSV text (as written,
// formula guard included: LibreOffice shows it).
func checkCell(col contract.Column, text string, cell *ooxml.Cell, st *stats) string {
	if cell != nil && cell.Formula {
		return "became a formula"
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
	isText := cell.IsString() && cell.Value == text
	switch {
	case col.Type == contract.Number || col.Type == contract.Int32 || col.Type == contract.Int64:
		if !numberEquals(cell, text) {
			return fmt.Sprintf("is %s %q, want the number %s", cell.Type, cell.Value, text)
		}
		st.numbers++
		if strings.HasPrefix(text, "-") {
			st.negatives++
		}
		return ""
	case col.Type == contract.Date:
		if !dateEquals(cell, text) && !isText {
			return fmt.Sprintf("is %s %q (format %q), want the date %s or its text", cell.Type, cell.Value, cell.Format, text)
		}
		st.dates++
		return ""
	case isIdentifier(col.Name):
		if !isText {
			return fmt.Sprintf("identifier %q became %s %q", text, cell.Type, cell.Value)
		}
		st.ids++
		return ""
	}
	switch {
	case isText:
		st.texts++
		if strings.HasPrefix(text, "'") {
			st.guarded++
		}
		for _, r := range text {
			if r >= utf8.RuneSelf {
				st.nonASCII++
			}
		}
	case numberEquals(cell, text) || dateEquals(cell, text) || percentEquals(cell, text) || dateSpelled(cell, text):
		st.converted++
	default:
		return fmt.Sprintf("text %q became %s %q", text, cell.Type, cell.Value)
	}
	return ""
}

// numberEquals reports whether a number cell holds the number text spells.
func numberEquals(cell *ooxml.Cell, text string) bool {
	want, err := strconv.ParseFloat(text, 64)
	if err != nil || !cell.IsNumber() {
		return false
	}
	got, err := strconv.ParseFloat(cell.Value, 64)
	return err == nil && got == want
}

// dateEquals reports whether a cell is a date of the ISO day text names.
func dateEquals(cell *ooxml.Cell, text string) bool {
	n, ok := publish.ExcelSerial(text)
	return ok && cell.IsNumber() && cell.IsDateFormat() && cell.Value == strconv.Itoa(n)
}

var percent = regexp.MustCompile(`^(-?[0-9]+(?:\.[0-9]+)?) ?%$`)

// percentEquals reports whether a number cell holds the fraction a
// percentage text spells ("20%" → 0.2), as spreadsheets import it.
func percentEquals(cell *ooxml.Cell, text string) bool {
	m := percent.FindStringSubmatch(text)
	if m == nil || !cell.IsNumber() {
		return false
	}
	want, err1 := strconv.ParseFloat(m[1], 64)
	got, err2 := strconv.ParseFloat(cell.Value, 64)
	return err1 == nil && err2 == nil && math.Abs(got*100-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// dateSpelled reports whether a date cell is a day of the month and year
// that a text such as "March 2010" or "July 16, 2013" names, as
// spreadsheets import dates written in words (the first of the month when
// no day is written).
func dateSpelled(cell *ooxml.Cell, text string) bool {
	if !cell.IsNumber() || !cell.IsDateFormat() {
		return false
	}
	n, err := strconv.Atoi(cell.Value)
	if err != nil {
		return false
	}
	day := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	lower := strings.ToLower(text)
	return strings.Contains(text, strconv.Itoa(day.Year())) &&
		strings.Contains(lower, strings.ToLower(day.Month().String()[:3]))
}

// sameCells compares two imported sheets cell by cell.
func sameCells(a, b *ooxml.Sheet) string {
	if len(a.Rows) != len(b.Rows) {
		return fmt.Sprintf("%d rows, %d with the BOM", len(a.Rows), len(b.Rows))
	}
	for r := range a.Rows {
		for c := 0; c < max(len(a.Rows[r]), len(b.Rows[r])); c++ {
			x, y := a.Cell(r, c), b.Cell(r, c)
			if (x == nil) != (y == nil) || x != nil && (x.Type != y.Type || x.Value != y.Value || x.Format != y.Format) {
				return fmt.Sprintf("row %d column %d: %+v, with the BOM %+v", r+1, c+1, x, y)
			}
		}
	}
	return ""
}
