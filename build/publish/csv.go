package publish

import (
	"bytes"
	"encoding/csv"

	"github.com/claimpack/claimpack/build/contract"
)

// CSVDialect is the CSV dialect of every CSV file, as declared in
// datapackage.json.
var CSVDialect = map[string]any{
	"delimiter":        ",",
	"lineTerminator":   "\n",
	"quoteChar":        "\"",
	"doubleQuote":      true,
	"header":           true,
	"skipInitialSpace": false,
}

// CSV writes rows as RFC 4180 CSV: UTF-8 without BOM, a header row of
// column names in schema order, \n line ends, cells in their canonical text
// (contract.CSVCell: ISO dates, plain decimal numbers, lists joined by ';',
// the formula guard on text cells).
func CSV(d *contract.Dataset, rows []contract.Row) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := make([]string, len(d.Columns))
	for i, c := range d.Columns {
		header[i] = c.Name
	}
	if err := w.Write(header); err != nil {
		return nil, err
	}
	rec := make([]string, len(d.Columns))
	for _, r := range rows {
		for i, c := range d.Columns {
			rec[i] = contract.CSVCell(c, r[i])
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// ExcelDir is the folder of the CSV files for Excel: each dataset's CSV
// again, under the same name, preceded by a UTF-8 byte-order mark.
//
// Excel opens a CSV file by double-click in the system's legacy code page
// unless the file starts with a BOM, which garbles every non-ASCII
// character; but a BOM becomes part of the first column's name for readers
// that do not expect it (Go's encoding/csv, Python's csv module with
// encoding="utf-8", many strict validators). So the reference CSV has none,
// and these copies have one. The README of the repository lists the
// measurements behind this choice.
const ExcelDir = "excel"

// BOM is the UTF-8 byte-order mark.
const BOM = "\ufeff"

// ExcelCSVPath is where the Excel copy of a dataset's CSV is published.
func ExcelCSVPath(dataset string) string { return ExcelDir + "/" + dataset + ".csv" }

// WithBOM returns the bytes of a CSV file preceded by a UTF-8 BOM.
func WithBOM(csv []byte) []byte { return append([]byte(BOM), csv...) }
