// Package publish turns validated rows into the files of a data package,
// in memory.
//
// In: the datasets' rows (already validated against their JSON Schemas),
// the source documents and the package metadata. Out: []File sorted by
// path: per dataset a Parquet file, a CSV file, the same CSV with a
// byte-order mark for Excel (excel/) and its JSON Schema, a copy of every
// source document, an Excel workbook of every dataset, the data dictionary
// (README.md), and datapackage.json (Frictionless Data Package v2) with the
// size and SHA-256 of every file. Nothing here touches
// the file system; release.Write puts the files on disk atomically.
//
// Guarantees: the same input gives the same bytes. Rows are sorted by the
// dataset's declared sort key (then its primary key); Parquet writer
// settings are pinned; CSV uses \n line ends and the column order of the
// schema; no clock, host name or absolute path appears in any file.
package publish

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/source"
)

// File is one file of a package.
type File struct {
	Path string // slash-separated, relative to the package root
	Data []byte
}

// Table is one dataset's rows.
type Table struct {
	Dataset *contract.Dataset
	Rows    []contract.Row
}

// Input is everything a package is made of.
type Input struct {
	Name        string
	Title       string
	Description string
	Version     string
	// Created is the package's creation time, chosen by the caller
	// deterministically (SOURCE_DATE_EPOCH or the newest publication date
	// of the sources), never the clock.
	Created time.Time
	// ToolVersion is written into each Parquet file's created_by.
	ToolVersion string
	Tables      []Table
	Docs        []*source.Doc
	// Extra are further files of the package (QUALITY.md), listed in
	// datapackage.json like the others.
	Extra []File
}

// Package returns the files of the package, sorted by path.
func Package(in Input) ([]File, error) {
	if in.Name == "" || in.Version == "" {
		return nil, fmt.Errorf("package needs a name and a version")
	}
	var files []File
	var sorted []Table
	for _, t := range in.Tables {
		rows := Sort(t.Dataset, t.Rows)
		sorted = append(sorted, Table{t.Dataset, rows})
		pq, err := Parquet(t.Dataset, rows, ParquetMeta{Package: in.Name, Version: in.Version, ToolVersion: in.ToolVersion})
		if err != nil {
			return nil, fmt.Errorf("write %s.parquet: %w", t.Dataset.Name, err)
		}
		csv, err := CSV(t.Dataset, rows)
		if err != nil {
			return nil, fmt.Errorf("write %s.csv: %w", t.Dataset.Name, err)
		}
		files = append(files,
			File{t.Dataset.Name + ".parquet", pq},
			File{t.Dataset.Name + ".csv", csv},
			File{ExcelCSVPath(t.Dataset.Name), WithBOM(csv)},
			File{t.Dataset.SchemaPath(), t.Dataset.Schema},
		)
	}
	files, err := spreadsheetAndReadme(in, sorted, files)
	if err != nil {
		return nil, err
	}
	for _, d := range in.Docs {
		files = append(files, File{SourcePath(d.Name), d.Data})
	}
	files = append(files, in.Extra...)
	desc, err := Descriptor(in, files)
	if err != nil {
		return nil, err
	}
	files = append(files, File{DescriptorFile, desc})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// DescriptorFile is the name of the package descriptor.
const DescriptorFile = "datapackage.json"

// SourcePath is where a source document is copied in a package.
func SourcePath(name string) string { return path.Join("sources", name) }

// Sort returns the rows ordered by the dataset's sort key, then its
// primary key; nulls sort first. Published files hold rows in this order.
func Sort(d *contract.Dataset, rows []contract.Row) []contract.Row {
	keys := make([]int, 0, len(d.SortKey)+len(d.PrimaryKey))
	for _, k := range append(slices.Clone(d.SortKey), d.PrimaryKey...) {
		keys = append(keys, d.Index(k))
	}
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b contract.Row) int {
		for _, k := range keys {
			if c := compareCell(a[k], b[k]); c != 0 {
				return c
			}
		}
		return 0
	})
	return out
}

// compareCell orders two cells of the same column; nil first.
func compareCell(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	switch x := a.(type) {
	case string:
		return strings.Compare(x, b.(string))
	case int64:
		return cmp.Compare(x, b.(int64))
	case float64:
		return cmp.Compare(x, b.(float64))
	case []string:
		return slices.Compare(x, b.([]string))
	}
	return 0
}
