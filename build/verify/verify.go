// Package verify checks a published package the way a CI job would, from
// its files alone.
//
// In: a package directory as an fs.FS. Out: diagnostics, each at the
// file:line:col of the problem. It checks that datapackage.json lists every
// file with its true size and SHA-256; that every CSV row validates against
// the package's own copy of its dataset's JSON Schema; that every quote
// equals the bytes of sources/<source_id>.txt at its span, and that file's
// SHA-256 equals source_sha256; and that each Parquet file, read back with
// Apache Arrow (an implementation independent of the writer), holds
// exactly the rows of its CSV, in the same order and with the column types
// the contract declares; that each CSV for Excel is its CSV with a
// byte-order mark; and that the Excel workbook holds every CSV's rows as
// typed cells, with no formula.
package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/ooxml"
	"github.com/claimpack/claimpack/build/publish"
)

// Options configure a check.
type Options struct {
	// Display is how diagnostics name the package directory.
	Display string
}

type descriptor struct {
	Name      string     `json:"name"`
	Version   string     `json:"version"`
	Resources []resource `json:"resources"`
}

type resource struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Format string `json:"format"`
	Type   string `json:"type"`
	Bytes  int    `json:"bytes"`
	Hash   string `json:"hash"`
}

// Package checks the package in fsys (rooted at the package directory).
func Package(fsys fs.FS, opts Options) diag.List {
	c := &checker{fsys: fsys, display: opts.Display}
	c.run()
	c.diags.Sort()
	return c.diags
}

type checker struct {
	fsys    fs.FS
	display string
	diags   diag.List
	desc    descriptor
	// wb is the package's workbook (nil if none or unreadable), at wbPath
	wb     *ooxml.Workbook
	wbPath string
}

func (c *checker) path(p string) string { return path.Join(c.display, p) }

func (c *checker) errorf(file string, line, col int, code, format string, args ...any) {
	c.diags.Add(diag.Error, code, c.path(file), line, col, format, args...)
}

func (c *checker) run() {
	data, err := fs.ReadFile(c.fsys, publish.DescriptorFile)
	if err != nil {
		c.errorf(publish.DescriptorFile, 0, 0, "missing", "cannot read the package descriptor: %v", err)
		return
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&c.desc); err != nil {
		var se *json.SyntaxError
		line, col := 1, 1
		if errors.As(err, &se) {
			line, col = lineCol(data, int(se.Offset))
		}
		c.errorf(publish.DescriptorFile, line, col, "bad-descriptor", "%v", err)
		return
	}
	c.files()
	c.loadWorkbook()
	c.workbook()
	for _, r := range c.desc.Resources {
		switch {
		case r.Type == "table" && r.Format == "csv" && path.Dir(r.Path) == publish.ExcelDir:
			c.excelCSV(r)
		case r.Type == "table" && r.Format == "csv":
			c.dataset(r)
		}
	}
}

// files checks every resource's size and hash, and that every file of the
// package is a resource.
func (c *checker) files() {
	listed := map[string]bool{publish.DescriptorFile: true}
	for _, r := range c.desc.Resources {
		listed[r.Path] = true
		data, err := fs.ReadFile(c.fsys, r.Path)
		if err != nil {
			c.errorf(publish.DescriptorFile, 0, 0, "missing", "resource %s: %s is missing: %v", r.Name, r.Path, err)
			continue
		}
		if len(data) != r.Bytes {
			c.errorf(r.Path, 0, 0, "bytes", "is %d bytes, datapackage.json says %d", len(data), r.Bytes)
		}
		if h := publish.Hash(data); h != r.Hash {
			c.errorf(r.Path, 0, 0, "hash", "has hash %s, datapackage.json says %s", h, r.Hash)
		}
	}
	var extra []string
	fs.WalkDir(c.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !listed[p] {
			extra = append(extra, p)
		}
		return nil
	})
	sort.Strings(extra)
	for _, p := range extra {
		c.errorf(p, 0, 0, "unlisted", "file is not a resource of datapackage.json")
	}
}

// lineCol converts a byte offset into 1-based line and column.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func stem(p string) string { return strings.TrimSuffix(path.Base(p), path.Ext(p)) }

// diagAt is a schema violation at a CSV cell.
func diagAt(p string, line, col int, rec, keyword, msg string) diag.Diagnostic {
	return diag.Diagnostic{Severity: diag.Error, Code: "schema", Path: p, Line: line, Col: col, Record: rec, Keyword: keyword, Message: msg}
}
