package verify_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/publish"
)

// editWorkbook changes the package's workbook with excelize and updates its
// hash, so that only the workbook check can catch the change.
func editWorkbook(t *testing.T, dir string, change func(f *excelize.File)) {
	t.Helper()
	name := publish.WorkbookPath(build.PackageName)
	p := filepath.Join(dir, name)
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	change(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	rehash(t, dir, name)
}

func TestSpreadsheetCorruptions(t *testing.T) {
	book := "pkg/" + publish.WorkbookPath(build.PackageName)
	tests := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   []string
	}{
		{"the Excel CSV differs from the CSV, hash updated", func(t *testing.T, dir string) {
			edit(t, dir, "excel/trade.csv", replaceFirst(",USD,", ",EUR,"))
			rehash(t, dir, "excel/trade.csv")
		}, []string{"excel-csv pkg/excel/trade.csv:1:1"}},
		{"the Excel CSV lost its byte-order mark, hash updated", func(t *testing.T, dir string) {
			edit(t, dir, "excel/fdi.csv", func(b []byte) []byte { return b[3:] })
			rehash(t, dir, "excel/fdi.csv")
		}, []string{"excel-csv pkg/excel/fdi.csv:1:1"}},
		{"a workbook cell became a formula", func(t *testing.T, dir string) {
			editWorkbook(t, dir, func(f *excelize.File) { f.SetCellFormula("trade", "A2", "1+1") })
		}, []string{"workbook-formula " + book, "workbook-cell " + book}},
		{"a workbook number became text", func(t *testing.T, dir string) {
			editWorkbook(t, dir, func(f *excelize.File) { f.SetCellStr("trade", "O2", "3290000000") })
		}, []string{"workbook-cell " + book}},
		{"a workbook sheet is missing", func(t *testing.T, dir string) {
			editWorkbook(t, dir, func(f *excelize.File) { f.DeleteSheet("fdi") })
		}, []string{"workbook " + book}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := seedPackage(t)
			tt.break_(t, dir)
			codes := check(dir)
			for _, w := range tt.want {
				if !has(codes, w) {
					t.Errorf("missing %q in %v", w, codes)
				}
			}
		})
	}
}
