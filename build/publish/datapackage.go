package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path"
	"strings"
	"time"

	"github.com/claimpack/claimpack/build/contract"
)

// ProfileURL is the Data Package profile the descriptor follows.
const ProfileURL = "https://datapackage.org/profiles/2.0/datapackage.json"

// descriptor is datapackage.json; struct order is key order.
type descriptor struct {
	Schema       string        `json:"$schema"`
	Name         string        `json:"name"`
	Title        string        `json:"title"`
	Description  string        `json:"description"`
	Version      string        `json:"version"`
	Created      string        `json:"created"`
	Licenses     []license     `json:"licenses"`
	Contributors []contributor `json:"contributors"`
	Sources      []dpSource    `json:"sources"`
	Resources    []resource    `json:"resources"`
}

type license struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type contributor struct {
	Title string   `json:"title"`
	Roles []string `json:"roles"`
}

type dpSource struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type resource struct {
	Name        string         `json:"name"`
	Path        string         `json:"path"`
	Type        string         `json:"type,omitempty"`
	Title       string         `json:"title,omitempty"`
	Description string         `json:"description,omitempty"`
	Format      string         `json:"format"`
	Mediatype   string         `json:"mediatype"`
	Encoding    string         `json:"encoding,omitempty"`
	Bytes       int            `json:"bytes"`
	Hash        string         `json:"hash"`
	Dialect     map[string]any `json:"dialect,omitempty"`
	Schema      *tableSchema   `json:"schema,omitempty"`
}

type tableSchema struct {
	Fields        []field  `json:"fields"`
	PrimaryKey    []string `json:"primaryKey,omitempty"`
	MissingValues []string `json:"missingValues"`
}

type field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Format      string       `json:"format,omitempty"`
	Description string       `json:"description,omitempty"`
	Unit        string       `json:"x-unit,omitempty"`
	Example     string       `json:"example,omitempty"`
	Delimiter   string       `json:"delimiter,omitempty"`
	ItemType    string       `json:"itemType,omitempty"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Pattern  string   `json:"pattern,omitempty"`
	// JSONSchema constrains an "array" field's items.
	JSONSchema map[string]any `json:"jsonSchema,omitempty"`
}

// Hash returns the hash of data as datapackage.json writes it.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Descriptor returns datapackage.json for the package's files.
func Descriptor(in Input, files []File) ([]byte, error) {
	d := descriptor{
		Schema:      ProfileURL,
		Name:        in.Name,
		Title:       in.Title,
		Description: in.Description,
		Version:     in.Version,
		Created:     in.Created.UTC().Format(time.RFC3339),
		Licenses: []license{{
			Name:  "CC-BY-4.0",
			Path:  "https://creativecommons.org/licenses/by/4.0/",
			Title: "Creative Commons Attribution 4.0 (the records); source documents keep their own terms, listed in the sources dataset",
		}},
		Contributors: []contributor{{Title: "claimpack", Roles: []string{"creator"}}},
		Sources:      []dpSource{},
	}
	for _, doc := range in.Docs {
		title := doc.Meta.Title
		if title == "" {
			title = doc.Name
		}
		d.Sources = append(d.Sources, dpSource{Title: title, Path: doc.Meta.URL})
	}
	datasets := map[string]*contract.Dataset{}
	for _, t := range in.Tables {
		datasets[t.Dataset.Name] = t.Dataset
	}
	for _, f := range files {
		r := resource{Path: f.Path, Bytes: len(f.Data), Hash: Hash(f.Data)}
		base := path.Base(f.Path)
		ext := path.Ext(base)
		stem := strings.TrimSuffix(base, ext)
		switch {
		case strings.HasPrefix(f.Path, "sources/"):
			r.Name, r.Format, r.Mediatype, r.Encoding = "source-"+strings.ToLower(stem), "txt", "text/plain", "utf-8"
			r.Title = "Source document " + base
		case strings.HasPrefix(f.Path, "schema/"):
			r.Name, r.Format, r.Mediatype = "schema-"+strings.TrimSuffix(stem, ".schema"), "json", "application/schema+json"
			r.Title = "JSON Schema of " + strings.TrimSuffix(stem, ".schema")
		case ext == ".csv" && datasets[stem] != nil:
			ds := datasets[stem]
			r.Name, r.Type, r.Format, r.Mediatype, r.Encoding = stem, "table", "csv", "text/csv", "utf-8"
			r.Title, r.Description = ds.Title, ds.Description
			r.Dialect = CSVDialect
			r.Schema = TableSchema(ds)
		case ext == ".csv" && path.Dir(f.Path) == ExcelDir && datasets[stem] != nil:
			ds := datasets[stem]
			r.Name, r.Type, r.Format, r.Mediatype, r.Encoding = stem+"-excel", "table", "csv", "text/csv", "utf-8"
			r.Title = ds.Title + " (CSV with a UTF-8 byte-order mark, for Excel)"
			r.Description = "The bytes of " + stem + ".csv preceded by a UTF-8 byte-order mark, so that Excel opens it as UTF-8. " + ds.Description
			r.Dialect = CSVDialect
			r.Schema = TableSchema(ds)
		case ext == ".parquet" && datasets[stem] != nil:
			ds := datasets[stem]
			r.Name, r.Type, r.Format, r.Mediatype = stem+"-parquet", "table", "parquet", "application/vnd.apache.parquet"
			r.Title, r.Description = ds.Title+" (Parquet)", ds.Description
			r.Schema = ParquetTableSchema(ds)
		case f.Path == ReadmeFile:
			r.Name, r.Format, r.Mediatype, r.Encoding = "readme", "md", "text/markdown", "utf-8"
			r.Title = "Data dictionary: every dataset and column, how to load and cite the package"
		case f.Path == WorkbookPath(in.Name):
			r.Name, r.Format, r.Mediatype = "workbook", "xlsx", mediatype(ext)
			r.Title = "Every dataset as a sheet of one Excel workbook, with typed cells"
		default:
			r.Name, r.Format, r.Mediatype = strings.ToLower(strings.ReplaceAll(base, ".", "-")), strings.TrimPrefix(ext, "."), mediatype(ext)
		}
		d.Resources = append(d.Resources, r)
	}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func mediatype(ext string) string {
	switch ext {
	case ".md":
		return "text/markdown"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".json":
		return "application/json"
	}
	return "application/octet-stream"
}

// TableSchema derives the Frictionless Table Schema of a dataset's CSV
// file from its columns.
//
// A List column is declared as type "string" with "delimiter" and
// "itemType": the cell is the items joined by contract.ListDelimiter. The
// Table Schema v2 standard has a "list" type for exactly this, but the
// published Data Package 2.0 JSON profile does not accept it
// (frictionlessdata/datapackage#1089, fixed for 2.1), and a descriptor must
// validate against the profile it names. Readers that know no list see the
// joined text, which is what the cell holds; "delimiter" and "itemType"
// keep the list's declaration for those that do.
func TableSchema(d *contract.Dataset) *tableSchema {
	return tableSchemaOf(d, "string")
}

// ParquetTableSchema is TableSchema for the dataset's Parquet file, where a
// List column is a native LIST<STRING>: type "array", its items declared
// by a jsonSchema constraint.
func ParquetTableSchema(d *contract.Dataset) *tableSchema {
	return tableSchemaOf(d, "array")
}

func tableSchemaOf(d *contract.Dataset, listType string) *tableSchema {
	ts := &tableSchema{PrimaryKey: d.PrimaryKey, MissingValues: []string{""}}
	for _, c := range d.Columns {
		f := field{Name: c.Name, Description: c.Description, Unit: c.Unit, Example: exampleText(c.Example)}
		cs := &constraints{Required: !c.Nullable, Enum: c.Enum}
		switch c.Type {
		case contract.String:
			f.Type = "string"
			// Table Schema patterns are implicitly anchored.
			cs.Pattern = strings.TrimSuffix(strings.TrimPrefix(c.Pattern, "^"), "$")
		case contract.Date:
			f.Type = "date"
		case contract.Int32, contract.Int64:
			f.Type = "integer"
		case contract.Number:
			f.Type = "number"
		case contract.List:
			f.Type = listType
			if listType == "array" {
				cs.JSONSchema = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
			} else {
				f.Delimiter, f.ItemType = contract.ListDelimiter, "string"
			}
		}
		if cs.Required || len(cs.Enum) > 0 || cs.Pattern != "" || cs.JSONSchema != nil {
			f.Constraints = cs
		}
		ts.Fields = append(ts.Fields, f)
	}
	return ts
}

// exampleText renders a JSON Schema example as Table Schema wants it: a
// string, with list items joined by the list delimiter.
func exampleText(v any) string {
	items, ok := v.([]any)
	if !ok {
		return contract.Text(v)
	}
	texts := make([]string, len(items))
	for i, x := range items {
		texts[i] = exampleText(x)
	}
	return contract.Text(texts)
}
