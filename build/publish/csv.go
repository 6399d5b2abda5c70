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
