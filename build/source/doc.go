// Package source reads the input documents and what is known about them.
//
// In: a directory of an fs.FS holding *.txt documents and an optional
// sources.yaml. Out: one Doc per document, sorted by file name, with its raw
// bytes, SHA-256, line index and metadata, and diagnostics for every problem
// found (invalid UTF-8, NUL bytes, unreadable files, bad metadata), each at
// path:line:col. Offsets always count the raw bytes: a leading BOM and CR
// bytes are accepted and kept, never stripped, so a span taken here slices
// the original file.
package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// Doc is one source document.
type Doc struct {
	// ID is the file name without .txt: the source_id of every record.
	ID string
	// Name is the file name.
	Name string
	// Path is the path diagnostics print (seeds/000_….txt).
	Path string
	// Data is the raw content; never modified.
	Data []byte
	// SHA256 is the hex SHA-256 of Data.
	SHA256 string
	// Meta is the document's entry in sources.yaml; Listed is false when
	// there was none (Meta then holds only File).
	Meta   Meta
	Listed bool

	lineStarts []int
}

// Meta is what sources.yaml says about a document.
type Meta struct {
	File      string
	Title     string
	Author    string
	Publisher string
	URL       string
	// Published is an EDTF date (2024-02-08, 2024-02, 2025); PublishedStart
	// and PublishedEnd are the first and last day it covers.
	Published         string
	PublishedStart    time.Time
	PublishedEnd      time.Time
	PublishedBasis    string // stated | inferred
	PublishedEvidence string
	Language          string
	License           string
}

// HasPublished reports whether the publication date is known.
func (m Meta) HasPublished() bool { return m.Published != "" }

// BOM is the UTF-8 byte-order mark.
const BOM = "\ufeff"

// New returns a document of the given file name whose diagnostics print
// path.
func New(name, path string, data []byte) *Doc {
	sum := sha256.Sum256(data)
	d := &Doc{
		ID:     strings.TrimSuffix(name, ".txt"),
		Name:   name,
		Path:   path,
		Data:   data,
		SHA256: hex.EncodeToString(sum[:]),
		Meta:   Meta{File: name},
	}
	d.lineStarts = append(d.lineStarts, 0)
	for i, b := range data {
		if b == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	return d
}

// Lines returns the number of lines (a final line without a newline counts;
// an empty final line after the last newline does too).
func (d *Doc) Lines() int { return len(d.lineStarts) }

// Position returns the 1-based line and 1-based byte column of offset off.
func (d *Doc) Position(off int) (line, col int) {
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - d.lineStarts[i] + 1
}

// Line returns the byte span [start, end) of 1-based line n, without its
// line end (\n or \r\n).
func (d *Doc) Line(n int) (start, end int) {
	start = d.lineStarts[n-1]
	if n < len(d.lineStarts) {
		end = d.lineStarts[n] - 1
	} else {
		end = len(d.Data)
	}
	if end > start && d.Data[end-1] == '\r' {
		end--
	}
	return start, end
}

// Start returns the offset of the first byte of content: after the BOM, if
// the document starts with one.
func (d *Doc) Start() int {
	if bytes.HasPrefix(d.Data, []byte(BOM)) {
		return len(BOM)
	}
	return 0
}
