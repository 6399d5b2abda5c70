// Package diff compares two data packages record by record.
//
// In: two packages as fs.FS (a package directory, a release, or files
// held in memory). Each dataset is read from its CSV file and the JSON
// Schema the package publishes beside it (schema/<name>.schema.json), and
// rows are matched by the dataset's primary key (x-primary-key: record_id,
// claim_id, conflict_id, curation_id, source_id). Out: a Diff: the schema
// changes (datasets and columns added, removed or retyped) and, per
// dataset, the records added, removed and changed, with each changed cell
// old → new; as text, JSON or CSV (format.go).
//
// Cells compare by their canonical text (contract.Text, with the CSV
// formula guard removed), so a difference of bytes that is no difference
// of values (the version stamped in Parquet metadata, a re-encoded file)
// is not a change. Cells of a column only one side has are not compared:
// the column's addition or removal is a schema change.
package diff

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/claimpack/claimpack/build/contract"
)

// Package is a package's datasets as text cells.
type Package struct {
	// Datasets are sorted by name.
	Datasets []*Dataset
}

// Dataset is one dataset: its schema and its rows, in file order, each
// cell in its canonical text.
type Dataset struct {
	Schema *contract.Dataset
	Rows   [][]string
}

// Dataset returns the dataset called name, or nil.
func (p *Package) Dataset(name string) *Dataset {
	for _, d := range p.Datasets {
		if d.Schema.Name == name {
			return d
		}
	}
	return nil
}

// Read reads every dataset of the package in fsys (rooted at the package
// directory): each schema/<name>.schema.json with its <name>.csv.
func Read(fsys fs.FS) (*Package, error) {
	schemas, err := fs.Glob(fsys, "schema/*.schema.json")
	if err != nil {
		return nil, err
	}
	if len(schemas) == 0 {
		return nil, errors.New("no datasets: the package has no schema/*.schema.json")
	}
	slices.Sort(schemas)
	p := &Package{}
	for _, sp := range schemas {
		name := strings.TrimSuffix(path.Base(sp), ".schema.json")
		data, err := fs.ReadFile(fsys, sp)
		if err != nil {
			return nil, err
		}
		schema, err := contract.Parse(name, data)
		if err != nil {
			return nil, err
		}
		d, err := readCSV(fsys, schema)
		if err != nil {
			return nil, err
		}
		p.Datasets = append(p.Datasets, d)
	}
	return p, nil
}

func readCSV(fsys fs.FS, schema *contract.Dataset) (*Dataset, error) {
	name := schema.Name + ".csv"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	rd := csv.NewReader(bytes.NewReader(data))
	rd.FieldsPerRecord = len(schema.Columns)
	header, err := rd.Read()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	for i, c := range schema.Columns {
		if header[i] != c.Name {
			return nil, fmt.Errorf("read %s: column %d is %q, its schema says %q", name, i+1, header[i], c.Name)
		}
	}
	d := &Dataset{Schema: schema}
	seen := map[string]int{}
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		for i, c := range schema.Columns {
			rec[i] = contract.UnguardCSV(c, rec[i])
		}
		line, _ := rd.FieldPos(0)
		k := d.key(rec)
		if first, dup := seen[k]; dup {
			return nil, fmt.Errorf("read %s:%d: primary key %s is also on line %d", name, line, k, first)
		}
		seen[k] = line
		d.Rows = append(d.Rows, rec)
	}
	return d, nil
}

// key returns a row's primary key (cells joined by "|" when the key has
// several columns).
func (d *Dataset) key(row []string) string {
	parts := make([]string, len(d.Schema.PrimaryKey))
	for i, k := range d.Schema.PrimaryKey {
		parts[i] = row[d.Schema.Index(k)]
	}
	return strings.Join(parts, "|")
}

// Diff is the difference between two packages.
type Diff struct {
	Schema   []SchemaChange `json:"schema"`
	Datasets []DatasetDiff  `json:"datasets"`
}

// The kinds of schema change.
const (
	DatasetAdded   = "dataset_added"
	DatasetRemoved = "dataset_removed"
	ColumnAdded    = "column_added"
	ColumnRemoved  = "column_removed"
	ColumnRetyped  = "column_retyped"
)

// SchemaChange is one dataset or column added, removed or retyped. A
// rename is a removal and an addition.
type SchemaChange struct {
	Kind    string `json:"kind"`
	Dataset string `json:"dataset"`
	Column  string `json:"column,omitempty"`
	// Old and New are the column's type ("string", "number", "date",
	// "string or null", …).
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
}

// Breaking reports whether the change breaks a reader of the old package
// (a removal or a retyping).
func (c SchemaChange) Breaking() bool { return c.Kind != DatasetAdded && c.Kind != ColumnAdded }

// String describes the change: "column trade.product added (string)".
func (c SchemaChange) String() string {
	switch c.Kind {
	case DatasetAdded:
		return "dataset " + c.Dataset + " added"
	case DatasetRemoved:
		return "dataset " + c.Dataset + " removed"
	case ColumnAdded:
		return "column " + c.Dataset + "." + c.Column + " added (" + c.New + ")"
	case ColumnRemoved:
		return "column " + c.Dataset + "." + c.Column + " removed (was " + c.Old + ")"
	}
	return "column " + c.Dataset + "." + c.Column + " retyped: " + c.Old + " → " + c.New
}

// DatasetDiff is what changed in one dataset (present in both packages or
// in one of them).
type DatasetDiff struct {
	Dataset string `json:"dataset"`
	// Key names the primary key column(s).
	Key     string   `json:"key"`
	Added   []Record `json:"added"`
	Removed []Record `json:"removed"`
	Changed []Change `json:"changed"`
}

// Empty reports whether no record changed.
func (d DatasetDiff) Empty() bool { return len(d.Added)+len(d.Removed)+len(d.Changed) == 0 }

// Record is an added or removed record: its key and its cells.
type Record struct {
	Key    string `json:"key"`
	Values Cells  `json:"values"`
}

// Cell is one cell of a record.
type Cell struct {
	Column string
	Value  string
}

// Cells are a record's cells in column order; they marshal to JSON as an
// object whose keys keep that order.
type Cells []Cell

// MarshalJSON writes the cells as one JSON object.
func (cs Cells) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSONString(&b, c.Column); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := writeJSONString(&b, c.Value); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Get returns the value of the named column ("" if absent).
func (cs Cells) Get(column string) string {
	for _, c := range cs {
		if c.Column == column {
			return c.Value
		}
	}
	return ""
}

// Change is a record present in both packages whose cells differ.
type Change struct {
	Key   string       `json:"key"`
	Cells []CellChange `json:"cells"`
	// Values are the record's cells in the new package.
	Values Cells `json:"-"`
}

// ProvenanceColumns are the columns that say where in its document a
// record was found. They change for every record of a document when
// bytes are added to or removed from it (source_sha256 always; the span
// and line of what follows the edit), while the record itself does not.
var ProvenanceColumns = []string{"source_sha256", "byte_start", "byte_end", "line"}

// ProvenanceOnly reports whether only provenance columns changed.
func (c Change) ProvenanceOnly() bool {
	for _, cc := range c.Cells {
		if !slices.Contains(ProvenanceColumns, cc.Column) {
			return false
		}
	}
	return true
}

// CellChange is one changed cell.
type CellChange struct {
	Column string `json:"column"`
	Old    string `json:"old"`
	New    string `json:"new"`
	// Added and Removed are the items that differ, for a list column.
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// listChange fills in the items a list cell gained and lost.
func listChange(cc CellChange) CellChange {
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, contract.ListDelimiter)
	}
	old, new := split(cc.Old), split(cc.New)
	for _, x := range new {
		if !slices.Contains(old, x) {
			cc.Added = append(cc.Added, x)
		}
	}
	for _, x := range old {
		if !slices.Contains(new, x) {
			cc.Removed = append(cc.Removed, x)
		}
	}
	return cc
}

// Empty reports whether nothing differs: no schema change, no record
// added, removed or changed.
func (d *Diff) Empty() bool {
	if len(d.Schema) > 0 {
		return false
	}
	for _, ds := range d.Datasets {
		if !ds.Empty() {
			return false
		}
	}
	return true
}

// Counts returns the records added, removed and changed over all datasets.
func (d *Diff) Counts() (added, removed, changed int) {
	for _, ds := range d.Datasets {
		added += len(ds.Added)
		removed += len(ds.Removed)
		changed += len(ds.Changed)
	}
	return added, removed, changed
}

// Compare returns the difference from old to new. Either may be an empty
// Package (no datasets): comparing with nothing lists every record as
// added (or removed), without schema changes.
func Compare(old, new *Package) *Diff {
	d := &Diff{Schema: []SchemaChange{}, Datasets: []DatasetDiff{}}
	compareSchemas := len(old.Datasets) > 0 && len(new.Datasets) > 0
	var names []string
	for _, p := range []*Package{old, new} {
		for _, ds := range p.Datasets {
			names = append(names, ds.Schema.Name)
		}
	}
	slices.Sort(names)
	for _, name := range slices.Compact(names) {
		o, n := old.Dataset(name), new.Dataset(name)
		switch {
		case o == nil && compareSchemas:
			d.Schema = append(d.Schema, SchemaChange{Kind: DatasetAdded, Dataset: name})
		case n == nil && compareSchemas:
			d.Schema = append(d.Schema, SchemaChange{Kind: DatasetRemoved, Dataset: name})
		case o != nil && n != nil:
			d.Schema = append(d.Schema, columnChanges(o.Schema, n.Schema)...)
		}
		d.Datasets = append(d.Datasets, compareRows(name, o, n))
	}
	return d
}

// typeName names a column's type as its JSON Schema does.
func typeName(c contract.Column) string {
	if c.Nullable {
		return string(c.Type) + " or null"
	}
	return string(c.Type)
}

func columnChanges(o, n *contract.Dataset) []SchemaChange {
	var out []SchemaChange
	for _, c := range o.Columns {
		i := n.Index(c.Name)
		switch {
		case i < 0:
			out = append(out, SchemaChange{Kind: ColumnRemoved, Dataset: o.Name, Column: c.Name, Old: typeName(c)})
		case typeName(n.Columns[i]) != typeName(c):
			out = append(out, SchemaChange{Kind: ColumnRetyped, Dataset: o.Name, Column: c.Name, Old: typeName(c), New: typeName(n.Columns[i])})
		}
	}
	for _, c := range n.Columns {
		if o.Index(c.Name) < 0 {
			out = append(out, SchemaChange{Kind: ColumnAdded, Dataset: n.Name, Column: c.Name, New: typeName(c)})
		}
	}
	return out
}

func compareRows(name string, o, n *Dataset) DatasetDiff {
	dd := DatasetDiff{Dataset: name, Added: []Record{}, Removed: []Record{}, Changed: []Change{}}
	ref := n
	if ref == nil {
		ref = o
	}
	dd.Key = strings.Join(ref.Schema.PrimaryKey, "|")
	oldRows, newRows := map[string][]string{}, map[string]bool{}
	if o != nil {
		for _, r := range o.Rows {
			oldRows[o.key(r)] = r
		}
	}
	if n != nil {
		for _, r := range n.Rows {
			k := n.key(r)
			newRows[k] = true
			or, ok := oldRows[k]
			if !ok {
				dd.Added = append(dd.Added, Record{Key: k, Values: cells(n.Schema, r)})
				continue
			}
			var cs []CellChange
			for i, c := range n.Schema.Columns {
				j := o.Schema.Index(c.Name)
				if j < 0 || or[j] == r[i] {
					continue
				}
				cc := CellChange{Column: c.Name, Old: or[j], New: r[i]}
				if c.Type == contract.List {
					cc = listChange(cc)
				}
				cs = append(cs, cc)
			}
			if len(cs) > 0 {
				dd.Changed = append(dd.Changed, Change{Key: k, Cells: cs, Values: cells(n.Schema, r)})
			}
		}
	}
	if o != nil {
		for _, r := range o.Rows {
			if k := o.key(r); !newRows[k] {
				dd.Removed = append(dd.Removed, Record{Key: k, Values: cells(o.Schema, r)})
			}
		}
	}
	return dd
}

func cells(d *contract.Dataset, row []string) Cells {
	out := make(Cells, len(row))
	for i, c := range d.Columns {
		out[i] = Cell{c.Name, row[i]}
	}
	return out
}
