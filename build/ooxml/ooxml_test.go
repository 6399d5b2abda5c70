package ooxml_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/claimpack/claimpack/build/ooxml"
)

func TestUnescape(t *testing.T) {
	tests := map[string]string{
		"plain":            "plain",
		"_x000B_":          "\v",
		"a_x0041_b":        "aAb",
		"_x005F_x0041_":    "_x0041_",
		"_x00_":            "_x00_",
		"_xZZZZ_":          "_xZZZZ_",
		"Беларусь _x4E2D_": "Беларусь 中",
	}
	for in, want := range tests {
		if got := ooxml.Unescape(in); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsDateFormat(t *testing.T) {
	tests := map[string]bool{
		"General": false, "0": false, "0.00": false, "#,##0": false, "@": false,
		"yyyy-mm-dd": true, `yyyy\-mm\-dd`: true, "m/d/yy h:mm": true, "d-mmm-yy": true,
		`"day"0`: false, "[Red]0.00": false, `0\d`: false,
	}
	for code, want := range tests {
		if got := ooxml.IsDateFormat(code); got != want {
			t.Errorf("IsDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
}

// workbook writes a small workbook with excelize.
func workbook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellStr("Sheet1", "A1", "text ’ 中")
	f.SetCellFloat("Sheet1", "B1", -12.5, -1, 64)
	f.SetCellInt("Sheet1", "C2", 45413)
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Sheet1", "C2", "C2", style)
	f.SetCellFormula("Sheet1", "D2", "SUM(B1:C2)")
	f.NewSheet("two")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead(t *testing.T) {
	wb, err := ooxml.Read(workbook(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Sheets) != 2 || wb.Sheets[0].Name != "Sheet1" || wb.Sheet("two") == nil {
		t.Fatalf("sheets %+v", wb.Sheets)
	}
	s := wb.Sheets[0]
	if c := s.Cell(0, 0); c == nil || !c.IsString() || c.Value != "text ’ 中" {
		t.Errorf("A1 = %+v", c)
	}
	if c := s.Cell(0, 1); c == nil || !c.IsNumber() || c.Value != "-12.5" {
		t.Errorf("B1 = %+v", c)
	}
	if c := s.Cell(1, 2); c == nil || !c.IsNumber() || c.Value != "45413" || !c.IsDateFormat() {
		t.Errorf("C2 = %+v", c)
	}
	if c := s.Cell(1, 3); c == nil || !c.Formula || s.Formulas != 1 {
		t.Errorf("D2 = %+v, %d formulas", c, s.Formulas)
	}
	if s.Cell(0, 2) != nil || s.Cell(5, 5) != nil {
		t.Errorf("absent cells are not nil")
	}
}

// FuzzRead flips bytes of a workbook: Read must return an error or a
// workbook, never panic.
func FuzzRead(f *testing.F) {
	f.Add(workbook(f), 100, byte(0x5a))
	f.Fuzz(func(t *testing.T, data []byte, at int, x byte) {
		if len(data) > 0 {
			at = (at%len(data) + len(data)) % len(data)
			data[at] ^= x
		}
		ooxml.Read(data)
	})
}
