// Package ooxml reads the cells of an Office Open XML workbook (.xlsx), as a
// check needs them: each cell's raw value, its type, whether it holds a
// formula, and its number format.
//
// In: the bytes of a .xlsx file. Out: a Workbook with its sheets in order,
// each a grid of cells addressed by 0-based row and column. It reads the
// parts every writer produces (workbook, relationships, shared strings,
// styles, worksheets) with encoding/xml in one streaming pass per part, and
// is independent of the library that writes claimpack's workbooks, so a
// test can read back what excelize or LibreOffice wrote.
package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Type is a cell's type as the sheet declares it.
type Type string

// Cell types (the t attribute of a cell; a number has none).
const (
	Number       Type = "n"
	SharedString Type = "s"
	InlineString Type = "inlineStr"
	FormulaText  Type = "str" // the cached string result of a formula
	Bool         Type = "b"
	Error        Type = "e"
	ISODate      Type = "d"
)

// Cell is one cell.
type Cell struct {
	Ref     string // A1 reference
	Type    Type
	Value   string // the text of a string cell, else the raw <v> text
	Formula bool   // the cell holds an <f> element
	Format  string // the number format code ("General" when none)
}

// IsString reports whether the cell holds text (not a formula's result).
func (c Cell) IsString() bool { return c.Type == SharedString || c.Type == InlineString }

// IsNumber reports whether the cell holds a number (dates included).
func (c Cell) IsNumber() bool { return c.Type == Number }

// IsDateFormat reports whether the cell's number format shows a date.
func (c Cell) IsDateFormat() bool { return IsDateFormat(c.Format) }

// Sheet is one worksheet: Rows[r][c] is the cell at 0-based row r and
// column c (nil when absent).
type Sheet struct {
	Name     string
	Rows     [][]*Cell
	Formulas int // cells holding a formula
}

// Cell returns the cell at 0-based row r and column c, or nil.
func (s *Sheet) Cell(r, c int) *Cell {
	if r < 0 || r >= len(s.Rows) || c < 0 || c >= len(s.Rows[r]) {
		return nil
	}
	return s.Rows[r][c]
}

// Workbook is a workbook's sheets, in tab order.
type Workbook struct {
	Sheets []*Sheet
}

// Sheet returns the sheet called name, or nil.
func (w *Workbook) Sheet(name string) *Sheet {
	for _, s := range w.Sheets {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Read reads a workbook.
func Read(data []byte) (*Workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a zip archive: %w", err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	r := &reader{parts: parts}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := r.decode("xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := r.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, rel := range rels.Rels {
		t := rel.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[rel.ID] = t
	}
	if err := r.sharedStrings(); err != nil {
		return nil, err
	}
	if err := r.styles(); err != nil {
		return nil, err
	}
	out := &Workbook{}
	for _, s := range wb.Sheets {
		p, ok := targets[s.RID]
		if !ok {
			return nil, fmt.Errorf("sheet %q: no relationship %q", s.Name, s.RID)
		}
		sheet, err := r.sheet(s.Name, p)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s.Name, err)
		}
		out.Sheets = append(out.Sheets, sheet)
	}
	return out, nil
}

type reader struct {
	parts   map[string]*zip.File
	strings []string
	formats []string // by cell style index
}

func (r *reader) open(name string) (io.ReadCloser, error) {
	f, ok := r.parts[name]
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, errMissing)
	}
	return f.Open()
}

var errMissing = errors.New("part missing")

func (r *reader) decode(name string, v any) error {
	rc, err := r.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// sharedStrings reads the shared string table: each item's text is the
// concatenation of its <t> elements, phonetic runs (<rPh>) excluded.
func (r *reader) sharedStrings() error {
	rc, err := r.open("xl/sharedStrings.xml")
	if errors.Is(err, errMissing) {
		return nil
	}
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var cur strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("sharedStrings.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				r.strings = append(r.strings, Unescape(cur.String()))
				inSI = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		}
	}
}

// styles reads the number format of each cell style (cellXfs).
func (r *reader) styles() error {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := r.decode("xl/styles.xml", &st); err != nil {
		if errors.Is(err, errMissing) {
			return nil
		}
		return err
	}
	codes := map[int]string{}
	for id, code := range builtinFormats {
		codes[id] = code
	}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	for _, x := range st.Xfs {
		code, ok := codes[x.NumFmtID]
		if !ok {
			code = "General"
		}
		r.formats = append(r.formats, code)
	}
	return nil
}

// builtinFormats are the built-in number formats that a style may refer to
// by id alone (ECMA-376 part 1, 18.8.30), those that matter here.
var builtinFormats = map[int]string{
	0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm",
	49: "@",
}

func (r *reader) sheet(name, part string) (*Sheet, error) {
	rc, err := r.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	s := &Sheet{Name: name}
	d := xml.NewDecoder(rc)
	var (
		cur      *Cell
		row, col int
		text     strings.Builder
		inV, inT bool
		rowIdx   = -1
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				rowIdx++
				if v := attr(t, "r"); v != "" {
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 || n > MaxRows {
						return nil, fmt.Errorf("bad row number %q", v)
					}
					rowIdx = n - 1
				}
				col = -1
			case "c":
				if col++; col >= MaxColumns || rowIdx < 0 {
					return nil, fmt.Errorf("cell outside a row or past column %d", MaxColumns)
				}
				cur = &Cell{Ref: attr(t, "r"), Type: Type(attr(t, "t")), Format: "General"}
				if cur.Type == "" {
					cur.Type = Number
				}
				if cur.Ref != "" {
					c, r, err := cellRef(cur.Ref)
					if err != nil {
						return nil, err
					}
					col, row = c, r
				} else {
					row = rowIdx
				}
				if v := attr(t, "s"); v != "" {
					i, err := strconv.Atoi(v)
					if err == nil && i < len(r.formats) {
						cur.Format = r.formats[i]
					}
				}
				text.Reset()
			case "f":
				if cur != nil {
					cur.Formula = true
					s.Formulas++
				}
			case "v":
				inV = cur != nil
			case "t":
				inT = cur != nil && cur.Type == InlineString
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				if cur == nil {
					return nil, errors.New("unbalanced cell element")
				}
				v := text.String()
				switch cur.Type {
				case SharedString:
					i, err := strconv.Atoi(strings.TrimSpace(v))
					if err != nil || i < 0 || i >= len(r.strings) {
						return nil, fmt.Errorf("cell %s: bad shared string index %q", cur.Ref, v)
					}
					v = r.strings[i]
				case InlineString, FormulaText:
					v = Unescape(v)
				}
				cur.Value = v
				s.put(row, col, cur)
				cur = nil
			case "v":
				inV = false
			case "t":
				inT = false
			}
		case xml.CharData:
			if inV || inT {
				text.Write(t)
			}
		}
	}
}

func (s *Sheet) put(r, c int, cell *Cell) {
	for len(s.Rows) <= r {
		s.Rows = append(s.Rows, nil)
	}
	for len(s.Rows[r]) <= c {
		s.Rows[r] = append(s.Rows[r], nil)
	}
	s.Rows[r][c] = cell
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// The largest sheet a workbook can hold (ECMA-376, Excel's limits).
const (
	MaxRows    = 1 << 20
	MaxColumns = 1 << 14
)

// cellRef parses an A1 reference into 0-based column and row.
func cellRef(ref string) (col, row int, err error) {
	i := 0
	for i < len(ref) && i < 4 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	n, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || n < 1 || n > MaxRows || col > MaxColumns {
		return 0, 0, fmt.Errorf("bad cell reference %q", ref)
	}
	return col - 1, n - 1, nil
}

var escaped = regexp.MustCompile(`_x([0-9A-Fa-f]{4})_`)

// Unescape decodes the _xHHHH_ escapes of an OOXML string (ST_Xstring):
// a writer escapes characters XML cannot hold that way, and a literal
// "_xHHHH_" as _x005F_xHHHH_.
func Unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return escaped.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.ParseUint(m[2:6], 16, 32)
		return string(rune(n))
	})
}

// IsDateFormat reports whether a number format code shows a date: it has a
// day, month or year part outside quoted text, brackets and escapes.
func IsDateFormat(code string) bool {
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case inQuote:
			inQuote = ch != '"'
		case inBracket:
			inBracket = ch != ']'
		case ch == '"':
			inQuote = true
		case ch == '[':
			inBracket = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++
		case strings.IndexByte("dDyY", ch) >= 0:
			return true
		case ch == 'm' || ch == 'M':
			return true
		}
	}
	return false
}
