package source

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/claimpack/claimpack/build/diag"
)

// MetaFile is the name of the metadata file in a seeds directory.
const MetaFile = "sources.yaml"

// maxPerFile bounds the diagnostics reported for one bad document.
const maxPerFile = 20

// Load reads every *.txt document of dir in fsys and the optional
// sources.yaml beside them. Diagnostics print paths as display/name.
//
// Problems with the documents or the metadata are diagnostics; the error is
// for a directory that cannot be read at all. Documents with errors are not
// returned.
func Load(fsys fs.FS, dir, display string) ([]*Doc, diag.List, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read seeds directory %s: %w", display, err)
	}
	var diags diag.List
	var docs []*Doc
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".txt") {
			continue
		}
		shown := path.Join(display, name)
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			diags.Add(diag.Error, "unreadable", shown, 1, 1, "cannot read document: %v", err)
			continue
		}
		if ds := Check(shown, data); len(ds) > 0 {
			diags = append(diags, ds...)
			continue
		}
		docs = append(docs, New(name, shown, data))
	}
	if len(docs) == 0 && len(diags) == 0 {
		diags.Add(diag.Error, "no-documents", display, 0, 0, "no *.txt documents found")
	}

	metaPath := path.Join(dir, MetaFile)
	data, err := fs.ReadFile(fsys, metaPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		for _, d := range docs {
			diags.Add(diag.Warning, "unlisted", d.Path, 0, 0, "not listed in %s (no %s): dates relative to the publication date stay unresolved", MetaFile, MetaFile)
		}
	case err != nil:
		diags.Add(diag.Error, "unreadable", path.Join(display, MetaFile), 1, 1, "cannot read: %v", err)
	default:
		metas, ds := ParseMeta(path.Join(display, MetaFile), data)
		diags = append(diags, ds...)
		diags = append(diags, attach(docs, metas, path.Join(display, MetaFile))...)
	}
	return docs, diags, nil
}

// Check reports every way data is not an acceptable document: invalid UTF-8
// and NUL bytes, each at its line and column (at most maxPerFile, then a
// count of the rest).
func Check(shown string, data []byte) diag.List {
	var diags diag.List
	line, col, extra := 1, 1, 0
	report := func(code, format string, args ...any) {
		if len(diags) < maxPerFile {
			diags.Add(diag.Error, code, shown, line, col, format, args...)
		} else {
			extra++
		}
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			report("invalid-utf8", "invalid UTF-8 byte 0x%02x", data[i])
		case r == 0:
			report("nul-byte", "NUL byte")
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += max(size, 1)
	}
	if extra > 0 {
		diags.Add(diag.Error, "invalid-utf8", shown, 0, 0, "%d more problems of this kind in this file", extra)
	}
	return diags
}

// ParseMeta parses sources.yaml. Every problem is a diagnostic at its
// line and column in the file.
func ParseMeta(shown string, data []byte) ([]Meta, diag.List) {
	var diags diag.List
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 1
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			fmt.Sscanf(strings.TrimPrefix(err.Error(), "yaml: line "), "%d", &line)
		}
		diags.Add(diag.Error, "bad-yaml", shown, line, 1, "%v", err)
		return nil, diags
	}
	if len(root.Content) == 0 {
		return nil, diags
	}
	doc := root.Content[0]
	at := func(n *yaml.Node, code, format string, args ...any) {
		diags.Add(diag.Error, code, shown, n.Line, n.Column, format, args...)
	}
	if doc.Kind != yaml.MappingNode {
		at(doc, "bad-meta", "want a mapping with key \"sources\"")
		return nil, diags
	}
	var list *yaml.Node
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if k.Value != "sources" {
			at(k, "bad-meta", "unknown key %q (want \"sources\")", k.Value)
			continue
		}
		list = v
	}
	if list == nil {
		return nil, diags
	}
	if list.Kind != yaml.SequenceNode {
		at(list, "bad-meta", "\"sources\" must be a list")
		return nil, diags
	}
	var metas []Meta
	seen := map[string]int{}
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			at(item, "bad-meta", "each source must be a mapping")
			continue
		}
		var m Meta
		ok := true
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			if v.Kind != yaml.ScalarNode {
				at(v, "bad-meta", "%s: want a single value", k.Value)
				ok = false
				continue
			}
			field := metaField(&m, k.Value)
			if field == nil {
				at(k, "bad-meta", "unknown field %q", k.Value)
				ok = false
				continue
			}
			*field = v.Value
			if k.Value == "published" && v.Value != "" {
				start, end, err := ParseEDTFDate(v.Value)
				if err != nil {
					at(v, "bad-date", "published: %v", err)
					ok = false
				}
				m.PublishedStart, m.PublishedEnd = start, end
			}
			if k.Value == "published_basis" && v.Value != "stated" && v.Value != "inferred" && v.Value != "" {
				at(v, "bad-meta", "published_basis must be stated or inferred, not %q", v.Value)
				ok = false
			}
		}
		switch {
		case m.File == "":
			at(item, "bad-meta", "missing \"file\"")
			ok = false
		case path.Base(m.File) != m.File || !strings.HasSuffix(m.File, ".txt"):
			at(item, "bad-meta", "file %q must be the name of a .txt file in the seeds directory", m.File)
			ok = false
		}
		if line, dup := seen[m.File]; dup && m.File != "" {
			at(item, "bad-meta", "%s is listed twice (first at line %d)", m.File, line)
			ok = false
		}
		seen[m.File] = item.Line
		if m.Published != "" && m.PublishedBasis == "" {
			m.PublishedBasis = "stated"
		}
		if m.PublishedBasis == "inferred" && m.PublishedEvidence == "" {
			diags.Add(diag.Warning, "no-evidence", shown, item.Line, item.Column, "%s: an inferred publication date should give its evidence (published_evidence)", m.File)
		}
		if ok {
			metas = append(metas, m)
		}
	}
	return metas, diags
}

func metaField(m *Meta, key string) *string {
	switch key {
	case "file":
		return &m.File
	case "title":
		return &m.Title
	case "author":
		return &m.Author
	case "publisher":
		return &m.Publisher
	case "url":
		return &m.URL
	case "published":
		return &m.Published
	case "published_basis":
		return &m.PublishedBasis
	case "published_evidence":
		return &m.PublishedEvidence
	case "language":
		return &m.Language
	case "license":
		return &m.License
	}
	return nil
}

// attach gives each document its metadata and reports entries without a
// document and documents without an entry.
func attach(docs []*Doc, metas []Meta, shown string) diag.List {
	var diags diag.List
	byFile := map[string]Meta{}
	for _, m := range metas {
		byFile[m.File] = m
	}
	have := map[string]bool{}
	for _, d := range docs {
		have[d.Name] = true
		if m, ok := byFile[d.Name]; ok {
			d.Meta, d.Listed = m, true
			continue
		}
		diags.Add(diag.Warning, "unlisted", d.Path, 0, 0, "not listed in %s: dates relative to the publication date stay unresolved", MetaFile)
	}
	var missing []string
	for f := range byFile {
		if !have[f] {
			missing = append(missing, f)
		}
	}
	sort.Strings(missing)
	for _, f := range missing {
		diags.Add(diag.Error, "missing-document", shown, 0, 0, "lists %s, which is not a readable document of the seeds directory", f)
	}
	return diags
}

// ParseEDTFDate parses the EDTF dates sources.yaml accepts (YYYY, YYYY-MM,
// YYYY-MM-DD) and returns the first and last day they cover.
func ParseEDTFDate(s string) (start, end time.Time, err error) {
	for _, layout := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if len(s) != len(layout.layout) {
			continue
		}
		t, err := time.Parse(layout.layout, s)
		if err != nil {
			break
		}
		return t, layout.next(t), nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("%q is not an EDTF date (YYYY, YYYY-MM or YYYY-MM-DD)", s)
}
