package verify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/claimpack/claimpack/build/contract"
)

// csvRow is one CSV record with the position of each cell.
type csvRow struct {
	cells []string // formula guard removed
	line  int
	cols  []int
}

// dataset checks one dataset: its CSV rows against the schema, its quotes
// against the sources, and its Parquet file against its CSV.
func (c *checker) dataset(r resource) {
	name := stem(r.Path)
	schemaPath := path.Join("schema", name+".schema.json")
	sdata, err := fs.ReadFile(c.fsys, schemaPath)
	if err != nil {
		c.errorf(schemaPath, 0, 0, "missing", "dataset %s has no JSON Schema: %v", name, err)
		return
	}
	d, err := contract.Parse(name, sdata)
	if err != nil {
		c.errorf(schemaPath, 0, 0, "bad-schema", "%v", err)
		return
	}
	rows, ok := c.readCSV(d, r.Path)
	if !ok {
		return
	}
	for i, cr := range rows {
		row, ok := c.typed(d, r.Path, cr)
		if !ok {
			continue
		}
		vs, err := d.Validate(row)
		if err != nil {
			c.errorf(r.Path, cr.line, 1, "schema", "%v", err)
			continue
		}
		for _, v := range vs {
			col := 1
			if k := d.Index(v.Column); k >= 0 {
				col = cr.cols[k]
			}
			c.diags = append(c.diags, diagAt(c.path(r.Path), cr.line, col, fmt.Sprintf("%s[%d].%s", name, i, v.Column), v.Keyword, v.Message))
		}
		c.quote(d, r.Path, cr, row)
	}
	c.parquet(d, path.Join(path.Dir(r.Path), name+".parquet"), r.Path, rows)
	if path.Dir(r.Path) == "." {
		c.compareSheet(d, r.Path, rows)
	}
}

// readCSV reads a dataset's CSV file and checks its header.
func (c *checker) readCSV(d *contract.Dataset, p string) ([]csvRow, bool) {
	data, err := fs.ReadFile(c.fsys, p)
	if err != nil {
		c.errorf(p, 0, 0, "missing", "%v", err)
		return nil, false
	}
	rd := csv.NewReader(bytes.NewReader(data))
	rd.FieldsPerRecord = len(d.Columns)
	header, err := rd.Read()
	if err != nil {
		c.csvError(p, err)
		return nil, false
	}
	for i, col := range d.Columns {
		if header[i] != col.Name {
			c.errorf(p, 1, 1, "header", "column %d is %q, the schema says %q", i+1, header[i], col.Name)
			return nil, false
		}
	}
	var rows []csvRow
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.csvError(p, err)
			return nil, false
		}
		line, _ := rd.FieldPos(0)
		cr := csvRow{line: line}
		for k, s := range rec {
			_, col := rd.FieldPos(k)
			cr.cols = append(cr.cols, col)
			cr.cells = append(cr.cells, contract.UnguardCSV(d.Columns[k], s))
		}
		rows = append(rows, cr)
	}
	return rows, true
}

func (c *checker) csvError(p string, err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		c.errorf(p, pe.Line, pe.Column, "csv", "%v", pe.Err)
		return
	}
	c.errorf(p, 0, 0, "csv", "%v", err)
}

// typed converts a CSV row's text cells into typed values.
func (c *checker) typed(d *contract.Dataset, p string, cr csvRow) (contract.Row, bool) {
	row := make(contract.Row, len(d.Columns))
	ok := true
	for k, col := range d.Columns {
		v, err := parseCell(col, cr.cells[k])
		if err != nil {
			c.errorf(p, cr.line, cr.cols[k], "cell", "column %s: %v", col.Name, err)
			ok = false
			continue
		}
		row[k] = v
	}
	return row, ok
}

// parseCell reads a cell's canonical text back into its typed value.
func parseCell(col contract.Column, s string) (any, error) {
	if s == "" && col.Type != contract.List {
		return nil, nil
	}
	switch col.Type {
	case contract.Int32, contract.Int64:
		return strconv.ParseInt(s, 10, 64)
	case contract.Number:
		return strconv.ParseFloat(s, 64)
	case contract.Date:
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return nil, fmt.Errorf("%q is not an ISO date", s)
		}
		return s, nil
	case contract.List:
		if s == "" {
			return []string{}, nil
		}
		return strings.Split(s, contract.ListDelimiter), nil
	}
	return s, nil
}

// quote checks that a row's quote is the source document's bytes at its
// span, and that the document's hash is source_sha256.
func (c *checker) quote(d *contract.Dataset, p string, cr csvRow, row contract.Row) {
	iq, is, ie, ih, id := d.Index("quote"), d.Index("byte_start"), d.Index("byte_end"), d.Index("source_sha256"), d.Index("source_id")
	if iq < 0 || is < 0 || ie < 0 || ih < 0 || id < 0 || row[id] == nil {
		return
	}
	src := path.Join("sources", row[id].(string)+".txt")
	data, err := fs.ReadFile(c.fsys, src)
	if err != nil {
		c.errorf(p, cr.line, cr.cols[id], "quote", "source %s is not in the package", src)
		return
	}
	sum := sha256.Sum256(data)
	if h := hex.EncodeToString(sum[:]); row[ih] != h {
		c.errorf(p, cr.line, cr.cols[ih], "source-hash", "source_sha256 is %v, but %s has %s", row[ih], src, h)
	}
	start, _ := row[is].(int64)
	end, _ := row[ie].(int64)
	if start < 0 || end < start || end > int64(len(data)) {
		c.errorf(p, cr.line, cr.cols[is], "quote", "span [%d, %d) is outside %s (%d bytes)", start, end, src, len(data))
		return
	}
	if got := string(data[start:end]); got != row[iq] {
		c.errorf(p, cr.line, cr.cols[iq], "quote", "quote differs from %s bytes [%d, %d): the file holds %q", src, start, end, truncate(got, 80))
	}
	if il := d.Index("line"); il >= 0 {
		if want := int64(1 + bytes.Count(data[:start], []byte("\n"))); row[il] != want {
			c.errorf(p, cr.line, cr.cols[il], "quote", "line is %v, but byte %d of %s is on line %d", row[il], start, src, want)
		}
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// parquet reads the dataset's Parquet file with Arrow and compares it with
// the CSV rows, cell by cell.
func (c *checker) parquet(d *contract.Dataset, p, csvPath string, rows []csvRow) {
	data, err := fs.ReadFile(c.fsys, p)
	if err != nil {
		c.errorf(p, 0, 0, "missing", "%v", err)
		return
	}
	cols, err := readArrow(data, d)
	if err != nil {
		c.errorf(p, 0, 0, "parquet", "read with Arrow: %v", err)
		return
	}
	for k, col := range cols {
		if len(col) != len(rows) {
			c.errorf(p, 0, 0, "parquet-rows", "column %s has %d rows, %s has %d", d.Columns[k].Name, len(col), path.Base(csvPath), len(rows))
			return
		}
	}
	bad := 0
	for i, cr := range rows {
		for k := range d.Columns {
			if cols[k][i] != cr.cells[k] {
				if bad < 20 {
					c.errorf(csvPath, cr.line, cr.cols[k], "parquet-differs", "%s row %d column %s is %q in Parquet, %q in CSV", path.Base(p), i, d.Columns[k].Name, truncate(cols[k][i], 80), truncate(cr.cells[k], 80))
				}
				bad++
			}
		}
	}
	if bad > 20 {
		c.errorf(p, 0, 0, "parquet-differs", "%d more cells differ from the CSV", bad-20)
	}
}

// readArrow reads a Parquet file with Arrow and returns each column's cells
// in their canonical text (contract.Text), checking that each column has
// the Arrow type its contract type maps to. Columns are read one at a time
// in this goroutine (Arrow's ReadTable fans out to goroutines of its own),
// so that a panic on a corrupt file becomes an error here.
func readArrow(data []byte, d *contract.Dataset) (out [][]string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("corrupt file: %v", r)
		}
	}()
	rdr, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer rdr.Close()
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 4096}, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	schema, err := fr.Schema()
	if err != nil {
		return nil, err
	}
	if schema.NumFields() != len(d.Columns) {
		return nil, fmt.Errorf("%d columns, the schema has %d", schema.NumFields(), len(d.Columns))
	}
	rowGroups := make([]int, rdr.NumRowGroups())
	for i := range rowGroups {
		rowGroups[i] = i
	}
	out = make([][]string, len(d.Columns))
	for k, col := range d.Columns {
		f := schema.Field(k)
		if f.Name != col.Name {
			return nil, fmt.Errorf("column %d is %q, the schema says %q", k, f.Name, col.Name)
		}
		if want := arrowType(col.Type); f.Type.ID() != want {
			return nil, fmt.Errorf("column %s has Arrow type %s, want %s", col.Name, f.Type, want)
		}
		if f.Nullable != col.Nullable && col.Type != contract.List {
			return nil, fmt.Errorf("column %s: nullable=%v, the schema says %v", col.Name, f.Nullable, col.Nullable)
		}
		cr, err := fr.GetColumn(context.Background(), k)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", col.Name, err)
		}
		chunked, err := fr.ReadColumn(rowGroups, cr)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", col.Name, err)
		}
		for _, chunk := range chunked.Chunks() {
			for i := 0; i < chunk.Len(); i++ {
				out[k] = append(out[k], contract.Text(arrowValue(chunk, i)))
			}
		}
		chunked.Release()
	}
	return out, nil
}

func arrowType(t contract.Type) arrow.Type {
	switch t {
	case contract.Date:
		return arrow.DATE32
	case contract.Int32:
		return arrow.INT32
	case contract.Int64:
		return arrow.INT64
	case contract.Number:
		return arrow.FLOAT64
	case contract.List:
		return arrow.LIST
	}
	return arrow.STRING
}

// arrowValue returns cell i of an Arrow array as a contract cell value.
func arrowValue(a arrow.Array, i int) any {
	if a.IsNull(i) {
		return nil
	}
	switch a := a.(type) {
	case *array.String:
		return a.Value(i)
	case *array.Int32:
		return int64(a.Value(i))
	case *array.Int64:
		return a.Value(i)
	case *array.Float64:
		return a.Value(i)
	case *array.Date32:
		return a.Value(i).ToTime().Format(time.DateOnly)
	case *array.List:
		start, end := a.ValueOffsets(i)
		items := make([]string, 0, end-start)
		for j := start; j < end; j++ {
			items = append(items, contract.Text(arrowValue(a.ListValues(), int(j))))
		}
		return items
	}
	return fmt.Sprintf("<%s>", a.DataType())
}
