package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
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
		case ext == ".parquet" && datasets[stem] != nil:
			ds := datasets[stem]
			r.Name, r.Type, r.Format, r.Mediatype = stem+"-parquet", "table", "parquet", "application/vnd.apache.parquet"
			r.Title, r.Description = ds.Title+" (Parquet)", ds.Description
			r.Schema = TableSchema(ds)
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

// TableSchema derives the Frictionless Table Schema of a dataset from its
// columns.
func TableSchema(d *contract.Dataset) *tableSchema {
	ts := &tableSchema{PrimaryKey: d.PrimaryKey, MissingValues: []string{""}}
	for _, c := range d.Columns {
		f := field{Name: c.Name, Description: c.Description, Unit: c.Unit, Example: exampleText(c.Example)}
		switch c.Type {
		case contract.String:
			f.Type = "string"
		case contract.Date:
			f.Type = "date"
		case contract.Int32, contract.Int64:
			f.Type = "integer"
		case contract.Number:
			f.Type = "number"
		case contract.List:
			f.Type, f.Delimiter, f.ItemType = "list", contract.ListDelimiter, "string"
		}
		cs := &constraints{Required: !c.Nullable, Enum: c.Enum}
		if c.Type == contract.String {
			// Table Schema patterns are implicitly anchored.
			cs.Pattern = strings.TrimSuffix(strings.TrimPrefix(c.Pattern, "^"), "$")
		}
		if cs.Required || len(cs.Enum) > 0 || cs.Pattern != "" {
			f.Constraints = cs
		}
		ts.Fields = append(ts.Fields, f)
	}
	return ts
}

// exampleText renders a JSON Schema example as Table Schema wants it: a
// string, with list items joined by the list delimiter.
func exampleText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		items := make([]string, 0, len(v))
		for _, x := range v {
			items = append(items, exampleText(x))
		}
		return strings.Join(items, contract.ListDelimiter)
	default:
		return fmt.Sprint(v)
	}
}
