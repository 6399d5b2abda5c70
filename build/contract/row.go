package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xeipuuv/gojsonschema"
)

// Row is one record as column values, in column order. A value is nil (null),
// string (String and Date columns, dates as ISO 8601), int64 (Int32, Int64),
// float64 (Number) or []string (List).
type Row []any

// Row converts a Go record to a row: the record is marshalled with
// encoding/json, and each JSON key fills the column of that name. A key that
// is absent or null gives a null cell; a key that names no column is an
// error (the Go type and the schema disagree).
func (d *Dataset) Row(rec any) (Row, error) {
	data, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("%s: marshal record: %w", d.Name, err)
	}
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil {
		return nil, fmt.Errorf("%s: decode record: %w", d.Name, err)
	}
	row := make(Row, len(d.Columns))
	for key, v := range obj {
		i := d.Index(key)
		if i < 0 {
			return nil, fmt.Errorf("%s: record field %q is not a column of the schema", d.Name, key)
		}
		if v == nil {
			continue
		}
		c := d.Columns[i]
		switch c.Type {
		case String, Date:
			s, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("%s.%s: want a string, got %T", d.Name, key, v)
			}
			row[i] = s
		case Int32, Int64:
			n, ok := v.(json.Number)
			if !ok {
				return nil, fmt.Errorf("%s.%s: want an integer, got %T", d.Name, key, v)
			}
			x, err := n.Int64()
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", d.Name, key, err)
			}
			row[i] = x
		case Number:
			n, ok := v.(json.Number)
			if !ok {
				return nil, fmt.Errorf("%s.%s: want a number, got %T", d.Name, key, v)
			}
			x, err := n.Float64()
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", d.Name, key, err)
			}
			row[i] = x
		case List:
			items, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("%s.%s: want a list, got %T", d.Name, key, v)
			}
			list := make([]string, 0, len(items))
			for _, it := range items {
				s, ok := it.(string)
				if !ok {
					return nil, fmt.Errorf("%s.%s: want strings in the list, got %T", d.Name, key, it)
				}
				list = append(list, s)
			}
			row[i] = list
		}
	}
	return row, nil
}

// Object returns the row as a JSON object (column name → value, null
// included), the form validated against the schema.
func (d *Dataset) Object(r Row) map[string]any {
	obj := make(map[string]any, len(d.Columns))
	for i, c := range d.Columns {
		obj[c.Name] = r[i]
	}
	return obj
}

// Violation is one way a row fails its JSON Schema.
type Violation struct {
	Column  string // "" for the row as a whole
	Keyword string // the JSON Schema keyword that failed (type, pattern, …)
	Message string
}

// Validate checks the row against the dataset's JSON Schema and returns the
// violations, sorted by column.
func (d *Dataset) Validate(r Row) ([]Violation, error) {
	res, err := d.compiled.Validate(gojsonschema.NewGoLoader(d.Object(r)))
	if err != nil {
		return nil, fmt.Errorf("%s: validate: %w", d.Name, err)
	}
	var out []Violation
	for _, e := range res.Errors() {
		col := e.Field()
		if col == "(root)" {
			col = ""
		}
		out = append(out, Violation{Column: col, Keyword: keyword(e.Type()), Message: e.Description()})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Column != out[j].Column {
			return out[i].Column < out[j].Column
		}
		return out[i].Keyword < out[j].Keyword
	})
	return out, nil
}

// keyword maps gojsonschema's error types to the JSON Schema keyword.
func keyword(t string) string {
	switch t {
	case "invalid_type":
		return "type"
	case "string_gte":
		return "minLength"
	case "string_lte":
		return "maxLength"
	case "number_gte":
		return "minimum"
	case "number_lte":
		return "maximum"
	case "number_gt":
		return "exclusiveMinimum"
	case "number_lt":
		return "exclusiveMaximum"
	case "additional_property_not_allowed":
		return "additionalProperties"
	case "array_min_items":
		return "minItems"
	case "array_max_items":
		return "maxItems"
	case "unique":
		return "uniqueItems"
	case "multiple_of":
		return "multipleOf"
	case "number_any_of":
		return "anyOf"
	case "number_one_of":
		return "oneOf"
	case "number_all_of":
		return "allOf"
	case "number_not":
		return "not"
	default:
		return t // required, enum, pattern, format, const, …
	}
}

// Text returns the canonical text of a cell, as written to CSV before the
// formula guard: "" for null, ISO dates, integers in decimal, numbers in
// plain decimal notation without exponent or thousands separators, and list
// items joined by ListDelimiter.
func Text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []string:
		return strings.Join(v, ListDelimiter)
	default:
		return fmt.Sprint(v)
	}
}

// formulaStart reports whether a spreadsheet would read text beginning with
// s[0] as a formula.
func formulaStart(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// needsGuard reports whether text s is written to CSV with the formula
// guard: it begins with a formula character, or with apostrophes followed
// by one. The second case keeps the guard reversible: text that itself
// begins with "'=" is written "”=", so removing one apostrophe always
// gives back the text.
func needsGuard(s string) bool {
	return formulaStart(strings.TrimLeft(s, "'"))
}

// CSVCell returns the cell as written to CSV: the canonical text, and for
// text columns (String, List) that a spreadsheet would read as a formula,
// one leading apostrophe (the formula-injection guard of the contract).
func CSVCell(c Column, v any) string {
	s := Text(v)
	if (c.Type == String || c.Type == List) && needsGuard(s) {
		return "'" + s
	}
	return s
}

// UnguardCSV undoes the formula guard of a CSV cell of column c: it strips
// exactly one leading apostrophe when the rest would need the guard.
func UnguardCSV(c Column, s string) string {
	if (c.Type == String || c.Type == List) && strings.HasPrefix(s, "'") && needsGuard(s[1:]) {
		return s[1:]
	}
	return s
}
