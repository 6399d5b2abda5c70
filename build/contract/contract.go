// Package contract reads the data contract, the JSON Schemas in schema/, and
// turns each into a Dataset: the ordered, typed columns, the self-contained
// JSON Schema every record is validated against, and the conversion of a Go
// record into a row.
//
// Every published format is derived from a Dataset (the Table Schema in
// datapackage.json, the Parquet schema, the CSV header), so the JSON Schema is
// the single source of the contract. Column order is the order of the
// schema's "required" array: every column is required, and a column may be
// null only when its type allows it.
package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/xeipuuv/gojsonschema"

	"github.com/claimpack/claimpack/schema"
)

// Type is the type of a column, as the formats need it.
type Type string

// The column types. A JSON Schema type maps to one of them: string (with
// format date → Date), integer (format int32 → Int32, otherwise Int64),
// number, and array of strings (List).
const (
	String Type = "string"
	Int32  Type = "int32"
	Int64  Type = "int64"
	Number Type = "number"
	Date   Type = "date"
	List   Type = "list"
)

// ListDelimiter separates the items of a List column in CSV.
const ListDelimiter = ";"

// Column is one column of a dataset.
type Column struct {
	Name        string
	Type        Type
	Nullable    bool
	Description string
	Unit        string   // x-unit annotation, if any
	Enum        []string // allowed values, without null
	Pattern     string
	Example     any // first entry of "examples", if any
}

// Dataset is one dataset of the contract.
type Dataset struct {
	Name        string
	Title       string
	Description string
	Columns     []Column
	PrimaryKey  []string
	SortKey     []string
	// Schema is the self-contained JSON Schema (every $ref inlined) that
	// records are validated against and that is published with the data.
	Schema []byte

	index    map[string]int
	compiled *gojsonschema.Schema
}

// Contract is the set of datasets, sorted by name.
type Contract struct {
	Datasets []*Dataset
}

const commonFile = "common.schema.json"

// Default loads the contract embedded from schema/.
func Default() (*Contract, error) { return Load(schema.FS) }

// Load reads every *.schema.json of fsys (root directory) but
// common.schema.json, which holds the shared definitions they refer to.
func Load(fsys fs.FS) (*Contract, error) {
	common, err := readJSON(fsys, commonFile)
	if err != nil {
		return nil, err
	}
	defs, _ := common["definitions"].(map[string]any)
	names, err := fs.Glob(fsys, "*.schema.json")
	if err != nil {
		return nil, fmt.Errorf("list schemas: %w", err)
	}
	sort.Strings(names)
	c := &Contract{}
	for _, name := range names {
		if name == commonFile {
			continue
		}
		doc, err := readJSON(fsys, name)
		if err != nil {
			return nil, err
		}
		bundled, err := inline(doc, defs)
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		d, err := newDataset(strings.TrimSuffix(name, ".schema.json"), bundled.(map[string]any))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		c.Datasets = append(c.Datasets, d)
	}
	if len(c.Datasets) == 0 {
		return nil, errors.New("no dataset schemas found")
	}
	return c, nil
}

// Parse reads a self-contained (bundled) dataset schema, such as the copy a
// package publishes under schema/, as dataset name.
func Parse(name string, data []byte) (*Dataset, error) {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse schema %s: %w", name, err)
	}
	d, err := newDataset(name, doc)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	return d, nil
}

// Dataset returns the dataset called name, or nil.
func (c *Contract) Dataset(name string) *Dataset {
	for _, d := range c.Datasets {
		if d.Name == name {
			return d
		}
	}
	return nil
}

func readJSON(fsys fs.FS, name string) (map[string]any, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse schema %s: %w", name, err)
	}
	return doc, nil
}

// inline replaces every {"$ref": "common.schema.json#/definitions/X", …}
// by definition X; keys beside the $ref (a more specific description or
// example) override the definition's.
func inline(v any, defs map[string]any) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		if ref, ok := v["$ref"].(string); ok {
			name, found := strings.CutPrefix(ref, commonFile+"#/definitions/")
			def, ok := defs[name]
			if !found || !ok {
				return nil, fmt.Errorf("unresolved $ref %q", ref)
			}
			resolved, err := inline(def, defs)
			if err != nil {
				return nil, err
			}
			for k, x := range resolved.(map[string]any) {
				out[k] = x
			}
		}
		for k, x := range v {
			if k == "$ref" {
				continue
			}
			y, err := inline(x, defs)
			if err != nil {
				return nil, err
			}
			out[k] = y
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			y, err := inline(x, defs)
			if err != nil {
				return nil, err
			}
			out[i] = y
		}
		return out, nil
	default:
		return v, nil
	}
}

func newDataset(name string, doc map[string]any) (*Dataset, error) {
	d := &Dataset{Name: name, index: map[string]int{}}
	d.Title, _ = doc["title"].(string)
	d.Description, _ = doc["description"].(string)
	if doc["additionalProperties"] != false {
		return nil, errors.New(`"additionalProperties" must be false`)
	}
	props, _ := doc["properties"].(map[string]any)
	required := strings1(doc["required"])
	if len(required) != len(props) {
		return nil, fmt.Errorf("%d properties but %d required columns: every column must be listed in \"required\", in column order", len(props), len(required))
	}
	for _, colName := range required {
		p, ok := props[colName].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("required column %q has no property", colName)
		}
		col, err := newColumn(colName, p)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", colName, err)
		}
		if _, dup := d.index[colName]; dup {
			return nil, fmt.Errorf("column %s listed twice", colName)
		}
		d.index[colName] = len(d.Columns)
		d.Columns = append(d.Columns, col)
	}
	d.PrimaryKey = strings1(doc["x-primary-key"])
	d.SortKey = strings1(doc["x-sort-key"])
	for _, k := range slices.Concat(d.PrimaryKey, d.SortKey) {
		if _, ok := d.index[k]; !ok {
			return nil, fmt.Errorf("key column %q is not a column", k)
		}
	}
	if len(d.PrimaryKey) == 0 {
		return nil, errors.New(`"x-primary-key" is missing`)
	}
	// Go maps marshal with sorted keys, so the bundled schema is deterministic.
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	d.Schema = append(out, '\n')
	d.compiled, err = gojsonschema.NewSchema(gojsonschema.NewBytesLoader(d.Schema))
	if err != nil {
		return nil, fmt.Errorf("compile: %w", err)
	}
	return d, nil
}

func newColumn(name string, p map[string]any) (Column, error) {
	c := Column{Name: name}
	c.Description, _ = p["description"].(string)
	c.Unit, _ = p["x-unit"].(string)
	c.Pattern, _ = p["pattern"].(string)
	if ex, ok := p["examples"].([]any); ok && len(ex) > 0 {
		c.Example = ex[0]
	}
	if enum, ok := p["enum"].([]any); ok {
		for _, e := range enum {
			if s, ok := e.(string); ok {
				c.Enum = append(c.Enum, s)
			}
		}
	}
	var base string
	switch t := p["type"].(type) {
	case string:
		base = t
	case []any:
		for _, x := range t {
			switch x {
			case "null":
				c.Nullable = true
			default:
				s, _ := x.(string)
				if base != "" {
					return c, fmt.Errorf("more than one non-null type")
				}
				base = s
			}
		}
	}
	format, _ := p["format"].(string)
	switch base {
	case "string":
		c.Type = String
		if format == "date" {
			c.Type = Date
		}
	case "integer":
		c.Type = Int64
		if format == "int32" {
			c.Type = Int32
		}
	case "number":
		c.Type = Number
	case "array":
		items, _ := p["items"].(map[string]any)
		if items["type"] != "string" {
			return c, errors.New("arrays must hold strings")
		}
		c.Type = List
	default:
		return c, fmt.Errorf("unsupported type %v", p["type"])
	}
	return c, nil
}

func strings1(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Index returns the position of the named column, or -1.
func (d *Dataset) Index(name string) int {
	if i, ok := d.index[name]; ok {
		return i
	}
	return -1
}

// SchemaPath is where the dataset's JSON Schema is published in a package.
func (d *Dataset) SchemaPath() string { return path.Join("schema", d.Name+".schema.json") }
