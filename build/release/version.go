package release

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/diff"
	"github.com/claimpack/claimpack/build/publish"
)

// FirstVersion is the version of the first release.
const FirstVersion = "1.0.0"

// Version is a semantic version of the package: MAJOR.MINOR.PATCH.
type Version struct{ Major, Minor, Patch int }

// ParseVersion reads "1.2.3" (no prefix, no pre-release or build part).
func ParseVersion(s string) (Version, error) {
	parts := strings.Split(s, ".")
	var v Version
	nums := []*int{&v.Major, &v.Minor, &v.Patch}
	if len(parts) != 3 {
		return v, fmt.Errorf("version %q: want MAJOR.MINOR.PATCH", s)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p != strconv.Itoa(n) {
			return Version{}, fmt.Errorf("version %q: want MAJOR.MINOR.PATCH", s)
		}
		*nums[i] = n
	}
	return v, nil
}

func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

// Dir is the name of the version's directory under datasets/: v1.2.3.
func (v Version) Dir() string { return "v" + v.String() }

// Compare returns -1, 0 or +1 as v is older than, equal to or newer than w.
func (v Version) Compare(w Version) int {
	for _, d := range [3]int{v.Major - w.Major, v.Minor - w.Minor, v.Patch - w.Patch} {
		switch {
		case d < 0:
			return -1
		case d > 0:
			return 1
		}
	}
	return 0
}

// Next returns the version after v for a change of size b.
func (v Version) Next(b Bump) Version {
	switch b {
	case Major:
		return Version{v.Major + 1, 0, 0}
	case Minor:
		return Version{v.Major, v.Minor + 1, 0}
	case Patch:
		return Version{v.Major, v.Minor, v.Patch + 1}
	}
	return v
}

// Bump is the size of a change, per the versioning table of the contract.
type Bump string

// The bumps.
const (
	None    Bump = "none"    // records equal: nothing to release
	Patch   Bump = "patch"   // values, dates or metadata of existing records changed
	Minor   Bump = "minor"   // records added or removed; a column or dataset added
	Major   Bump = "major"   // a column or dataset removed, renamed or retyped
	Initial Bump = "initial" // the first release
)

// BumpFor returns the bump a diff calls for, and why.
func BumpFor(d *diff.Diff) (Bump, string) {
	for _, c := range d.Schema {
		if c.Breaking() {
			return Major, c.String()
		}
	}
	if len(d.Schema) > 0 {
		return Minor, d.Schema[0].String()
	}
	added, removed, changed := d.Counts()
	switch {
	case added > 0 || removed > 0:
		return Minor, "records added or removed"
	case changed > 0:
		return Patch, "values of existing records changed"
	}
	return None, "records equal"
}

// plan is what a release of a build would do.
type plan struct {
	index   *Index
	latest  *Entry // nil before the first release
	version Version
	bump    Bump
	reason  string
	diff    *diff.Diff
}

// placeholder stamps the package that is only read to plan: the diff reads
// the CSV files and schemas, which hold no version.
const placeholder = "0.0.0"

// makePlan compares the build with the latest release of the datasets
// directory dir.
func makePlan(dir string, res *build.Result) (*plan, error) {
	idx, err := ReadIndex(os.DirFS(dir))
	if err != nil {
		return nil, err
	}
	files, err := res.Package(placeholder)
	if err != nil {
		return nil, err
	}
	next, err := diff.Read(memFS(files))
	if err != nil {
		return nil, fmt.Errorf("read the build: %w", err)
	}
	p := &plan{index: idx, latest: idx.Newest()}
	if p.latest == nil {
		p.version, _ = ParseVersion(FirstVersion)
		p.bump, p.reason = Initial, "first release"
		p.diff = diff.Compare(&diff.Package{}, next)
		return p, nil
	}
	latestDir := filepath.Join(dir, p.latest.Path)
	if ds := checkFiles(os.DirFS(latestDir), p.latest, filepath.ToSlash(latestDir)); ds.HasErrors() {
		return nil, fmt.Errorf("the latest release does not match %s, so it cannot be compared with: %s", IndexFile, ds[0])
	}
	prev, err := diff.Read(os.DirFS(latestDir))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", latestDir, err)
	}
	p.diff = diff.Compare(prev, next)
	p.bump, p.reason = BumpFor(p.diff)
	v, err := ParseVersion(p.latest.Version)
	if err != nil {
		return nil, err
	}
	p.version = v.Next(p.bump)
	return p, nil
}

// NextVersion returns the version a release of res would get in the
// datasets directory dir: 1.0.0 for the first release, the latest
// release's version when the records equal it, and otherwise the latest
// version bumped as the contract's table says. `claimpack build` stamps
// it, so that a build and a release of the same inputs are the same files.
func NextVersion(dir string, res *build.Result) (string, error) {
	p, err := makePlan(dir, res)
	if err != nil {
		return "", err
	}
	return p.version.String(), nil
}

// memFS serves files held in memory, so the diff reads a build as it reads
// a release on disk.
func memFS(files []publish.File) fs.FS {
	m := fstest.MapFS{}
	for _, f := range files {
		m[f.Path] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return m
}
