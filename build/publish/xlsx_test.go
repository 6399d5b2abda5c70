package publish_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/publish"
)

// seedDirs are the seeds the package tests build: the project's, and the
// formula-guard document of the interoperability tests.
var seedDirs = []string{"../../seeds", "../../test/interop/formula"}

func buildPackage(t *testing.T, seeds string) map[string][]byte {
	t.Helper()
	res, err := build.Run(context.Background(), build.DefaultConfig(os.DirFS(seeds), seeds))
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("%s: %v", seeds, res.Diags)
	}
	files, err := res.Package("1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// checkSheet reads sheet back with excelize and compares every cell with
// want (the canonical text of each cell, formula guard removed; "" for
// null): numbers must be number cells of the same value, dates numbers of
// the same Excel serial with the date format, everything else text cells
// with the same characters, and no cell a formula.
func checkSheet(t *testing.T, f *excelize.File, sheet string, d *contract.Dataset, want [][]string) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	if len(rows) != len(want) {
		t.Errorf("sheet %s has %d rows, want %d", sheet, len(rows), len(want))
	}
	bad := 0
	for r, cells := range want {
		for k, text := range cells {
			ref, _ := excelize.CoordinatesToCellName(k+1, r+1)
			if msg := cellDiffers(f, sheet, ref, d.Columns[k], r == 0, text); msg != "" {
				if bad++; bad <= 20 {
					t.Errorf("%s!%s (%s): %s", sheet, ref, d.Columns[k].Name, msg)
				}
			}
		}
	}
}

func cellDiffers(f *excelize.File, sheet, ref string, c contract.Column, header bool, text string) string {
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		return err.Error()
	}
	raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return err.Error()
	}
	if formula, _ := f.GetCellFormula(sheet, ref); formula != "" || typ == excelize.CellTypeFormula {
		return "is a formula: " + formula
	}
	number := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
	switch {
	case text == "":
		if raw != "" {
			return "holds " + strconv.Quote(raw) + ", want an empty cell"
		}
		return ""
	case header:
	case c.Type == contract.Number || c.Type == contract.Int32 || c.Type == contract.Int64:
		want, _ := strconv.ParseFloat(text, 64)
		got, err := strconv.ParseFloat(raw, 64)
		if !number || err != nil || got != want {
			return "is " + strconv.Quote(raw) + ", want the number " + text
		}
		return ""
	case c.Type == contract.Date:
		if serial, ok := publish.ExcelSerial(text); ok {
			style, _ := f.GetCellStyle(sheet, ref)
			st, err := f.GetStyle(style)
			if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != publish.ExcelDateFormat {
				return "has no date format"
			}
			if !number || raw != strconv.Itoa(serial) {
				return "is " + strconv.Quote(raw) + ", want the date " + text
			}
			return ""
		}
	}
	if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		return "is not a text cell"
	}
	if raw != text {
		return "is " + strconv.Quote(raw) + ", want the text " + strconv.Quote(text)
	}
	return ""
}

// TestWorkbookHoldsTheCSV reads the workbook of a fresh build back with
// excelize and compares every cell of every sheet with the CSV file.
func TestWorkbookHoldsTheCSV(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the seeds")
	}
	con, err := contract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, seeds := range seedDirs {
		t.Run(path.Base(seeds), func(t *testing.T) {
			files := buildPackage(t, seeds)
			book := files[publish.WorkbookPath(build.PackageName)]
			f, err := excelize.OpenReader(bytes.NewReader(book))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			if len(sheets) != len(con.Datasets)+1 || sheets[0] != publish.AboutSheet {
				t.Fatalf("sheets %v, want %s and one per dataset", sheets, publish.AboutSheet)
			}
			for _, d := range con.Datasets {
				recs, err := csv.NewReader(bytes.NewReader(files[d.Name+".csv"])).ReadAll()
				if err != nil {
					t.Fatalf("%s.csv: %v", d.Name, err)
				}
				for _, rec := range recs[1:] {
					for k := range rec {
						rec[k] = contract.UnguardCSV(d.Columns[k], rec[k])
					}
				}
				checkSheet(t, f, d.Name, d, recs)
				panes, err := f.GetPanes(d.Name)
				if err != nil || !panes.Freeze || panes.YSplit != 1 {
					t.Errorf("sheet %s: the header row is not frozen (%+v, %v)", d.Name, panes, err)
				}
			}
		})
	}
}

// TestWorkbookCells writes values that spreadsheets get wrong and reads
// them back.
func TestWorkbookCells(t *testing.T) {
	d, err := contract.Parse("things", []byte(`{
	  "type": "object", "additionalProperties": false, "x-primary-key": ["id"],
	  "required": ["id", "text", "n", "i", "day", "items"],
	  "properties": {
	    "id": {"type": "string"},
	    "text": {"type": ["string", "null"]},
	    "n": {"type": ["number", "null"]},
	    "i": {"type": "integer"},
	    "day": {"type": ["string", "null"], "format": "date"},
	    "items": {"type": "array", "items": {"type": "string"}}
	  }}`))
	if err != nil {
		t.Fatal(err)
	}
	rows := []contract.Row{
		{"tr-1e5a00000000000", "=SUM(A1)", -12.5, int64(-7), "2024-02-29", []string{"-a", "b"}},
		{"000123", "+1 @home\r\nnext line", 7.7e9, int64(1) << 40, "1899-01-01", []string{}},
		{"1e5", "Беларусь 中国 AVİM ’ _x0041_ _x005F_ \x0b\x01 \uFFFE_x", 0.1, int64(0), nil, []string{"=x"}},
		{"-id", nil, nil, int64(3), "1900-03-01", []string{""}},
	}
	in := publish.Input{Name: "test", Title: "Test", Version: "1.2.3", Created: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
	book, err := publish.Workbook(in, []publish.Table{{Dataset: d, Rows: rows}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := [][]string{{"id", "text", "n", "i", "day", "items"}}
	for _, r := range rows {
		var cells []string
		for _, v := range r {
			cells = append(cells, contract.Text(v))
		}
		want = append(want, cells)
	}
	checkSheet(t, f, "things", d, want)
	if got, _ := f.GetCellValue("things", "E3"); got != "1899-01-01" {
		t.Errorf("a date before 1900-03-01 is %q, want its ISO text", got)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2025-06-30T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document properties %+v (%v), want the package's creation time", props, err)
	}
}

// TestWorkbookDeterministic builds the package twice and compares the
// workbook and README bytes, and checks that the zip holds no time but
// the package's creation time.
func TestWorkbookDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the seeds")
	}
	a, b := buildPackage(t, seedDirs[0]), buildPackage(t, seedDirs[0])
	for _, p := range []string{publish.WorkbookPath(build.PackageName), publish.ReadmeFile, publish.ExcelCSVPath("trade")} {
		if len(a[p]) == 0 || !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds (or is empty)", p)
		}
	}
	book := a[publish.WorkbookPath(build.PackageName)]
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for i, zf := range zr.File {
		if i == 0 && zf.Name != "[Content_Types].xml" {
			t.Errorf("first entry is %s, want [Content_Types].xml", zf.Name)
		}
		if got := zf.Modified.UTC().Format(time.DateOnly); got != "2025-12-31" {
			t.Errorf("%s modified %s, want the package's creation day", zf.Name, got)
		}
		if zf.Name == "docProps/core.xml" {
			rc, _ := zf.Open()
			core, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Contains(core, []byte("2025-12-31T00:00:00Z")) {
				t.Errorf("core.xml does not carry the creation time: %s", core)
			}
		}
	}
}
