package release

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/claimpack/claimpack/build/diff"
	"github.com/claimpack/claimpack/build/publish"
)

// IndexFile lists the releases of a datasets directory.
const IndexFile = "index.json"

// ChangelogFile says what changed in each release, newest first.
const ChangelogFile = "CHANGELOG.md"

// Index is index.json: the machine-readable list of releases. A version
// directory is a release only when the index lists it.
type Index struct {
	Name string `json:"name"`
	// Latest is the newest version ("" before the first release).
	Latest string `json:"latest"`
	// Releases are sorted newest first.
	Releases []Entry `json:"releases"`
}

// Entry is one release.
type Entry struct {
	Version string `json:"version"`
	// Date is the release date, YYYY-MM-DD, given by whoever ran the
	// release. It appears only here and in CHANGELOG.md.
	Date string `json:"date"`
	// Path is the release's directory, relative to the datasets directory.
	Path string `json:"path"`
	// Previous is the version this one was compared with.
	Previous string `json:"previous,omitempty"`
	Bump     Bump   `json:"bump"`
	// Changes counts the records added, removed and changed per dataset,
	// compared with Previous (for the first release, the records).
	Changes []Count `json:"changes"`
	// Schema lists the schema changes compared with Previous.
	Schema []string `json:"schema_changes,omitempty"`
	// Files lists every file of the release, sorted by path.
	Files []FileEntry `json:"files"`
}

// Count is the record count of one dataset's changes.
type Count struct {
	Dataset string `json:"dataset"`
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
	Changed int    `json:"changed"`
}

// FileEntry is one file of a release.
type FileEntry struct {
	Path   string `json:"path"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// ReadIndex reads index.json from a datasets directory. A directory
// without one has no release: the index is empty, not an error.
func ReadIndex(datasets fs.FS) (*Index, error) {
	data, err := fs.ReadFile(datasets, IndexFile)
	if errors.Is(err, fs.ErrNotExist) {
		return &Index{Releases: []Entry{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", IndexFile, err)
	}
	return ParseIndex(data)
}

// ParseIndex parses index.json and checks that its versions are valid and
// distinct and that each lives in its own directory, v<version>.
func ParseIndex(data []byte) (*Index, error) {
	var idx Index
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&idx); err != nil {
		return nil, fmt.Errorf("read %s: %w", IndexFile, err)
	}
	if idx.Releases == nil {
		idx.Releases = []Entry{}
	}
	seen := map[string]bool{}
	for _, e := range idx.Releases {
		v, err := ParseVersion(e.Version)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", IndexFile, err)
		}
		if seen[e.Version] {
			return nil, fmt.Errorf("read %s: version %s is listed twice", IndexFile, e.Version)
		}
		seen[e.Version] = true
		if e.Path != v.Dir() {
			return nil, fmt.Errorf("read %s: version %s lives in %q, not %q", IndexFile, e.Version, e.Path, v.Dir())
		}
	}
	idx.sort()
	newest := ""
	if e := idx.Newest(); e != nil {
		newest = e.Version
	}
	if idx.Latest != newest {
		return nil, fmt.Errorf("read %s: latest is %q, but the newest release listed is %q", IndexFile, idx.Latest, newest)
	}
	return &idx, nil
}

// sort orders the releases newest first.
func (idx *Index) sort() {
	slices.SortFunc(idx.Releases, func(a, b Entry) int {
		va, _ := ParseVersion(a.Version)
		vb, _ := ParseVersion(b.Version)
		return vb.Compare(va)
	})
}

// Newest returns the latest release, or nil.
func (idx *Index) Newest() *Entry {
	if len(idx.Releases) == 0 {
		return nil
	}
	return &idx.Releases[0]
}

// Find returns the release whose directory is path, or nil.
func (idx *Index) Find(path string) *Entry {
	for i := range idx.Releases {
		if idx.Releases[i].Path == path {
			return &idx.Releases[i]
		}
	}
	return nil
}

// with returns a copy of the index with e added.
func (idx *Index) with(name string, e Entry) *Index {
	out := &Index{Name: name, Releases: append([]Entry{e}, idx.Releases...)}
	out.sort()
	out.Latest = out.Newest().Version
	return out
}

// Marshal returns index.json's bytes.
func (idx *Index) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(idx, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// newEntry describes a release of files made by plan p.
func newEntry(p *plan, date string, files []publish.File) Entry {
	e := Entry{Version: p.version.String(), Date: date, Path: p.version.Dir(), Bump: p.bump, Changes: []Count{}, Files: []FileEntry{}}
	if p.latest != nil {
		e.Previous = p.latest.Version
	}
	e.Changes, e.Schema = counts(p.diff)
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		e.Files = append(e.Files, FileEntry{Path: f.Path, Bytes: int64(len(f.Data)), SHA256: hex.EncodeToString(sum[:])})
	}
	slices.SortFunc(e.Files, func(a, b FileEntry) int {
		switch {
		case a.Path < b.Path:
			return -1
		case a.Path > b.Path:
			return 1
		}
		return 0
	})
	return e
}

// counts summarises a diff per dataset.
func counts(d *diff.Diff) ([]Count, []string) {
	cs := []Count{}
	for _, ds := range d.Datasets {
		cs = append(cs, Count{Dataset: ds.Dataset, Added: len(ds.Added), Removed: len(ds.Removed), Changed: len(ds.Changed)})
	}
	var schema []string
	for _, c := range d.Schema {
		schema = append(schema, c.String())
	}
	return cs, schema
}
