package release

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/publish"
	"github.com/claimpack/claimpack/build/verify"
)

// InDatasets reports whether the package directory dir is a release of a
// datasets directory: its parent holds index.json and dir's name is a
// version directory (v1.2.3) or is listed there. It returns the datasets
// directory and dir's name in it.
func InDatasets(dir string) (datasets, name string, ok bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", false
	}
	parent, name := filepath.Dir(abs), filepath.Base(abs)
	if _, err := os.Stat(filepath.Join(parent, IndexFile)); err != nil {
		return "", "", false
	}
	if !versionDir.MatchString(name) {
		idx, err := ReadIndex(os.DirFS(parent))
		if err != nil || idx.Find(name) == nil {
			return "", "", false
		}
	}
	return filepath.Dir(filepath.Clean(dir)), name, true
}

// VerifyRelease checks the release called name in the datasets directory
// fsys against index.json: it must be listed; it must hold exactly the
// files listed, each with the listed size and SHA-256 (so a file edited
// after publishing is caught even when datapackage.json was edited to
// match); and its datapackage.json must carry the listed version.
// display is how diagnostics name the datasets directory.
func VerifyRelease(fsys fs.FS, name, display string) diag.List {
	var ds diag.List
	at := path.Join(display, IndexFile)
	idx, err := ReadIndex(fsys)
	if err != nil {
		ds.Add(diag.Error, "index", at, 0, 0, "%v", err)
		return ds
	}
	e := idx.Find(name)
	if e == nil {
		ds.Add(diag.Error, "orphan", path.Join(display, name), 0, 0, "is not a release listed in %s: an orphan of a crashed release (the next release removes it) or a directory put there by hand", at)
		return ds
	}
	sub, err := fs.Sub(fsys, name)
	if err != nil {
		ds.Add(diag.Error, "missing", path.Join(display, name), 0, 0, "%v", err)
		return ds
	}
	return checkFiles(sub, e, path.Join(display, name))
}

// checkFiles compares the files of a release directory with its index
// entry. display names the release directory.
func checkFiles(fsys fs.FS, e *Entry, display string) diag.List {
	var ds diag.List
	listed := map[string]bool{}
	for _, f := range e.Files {
		listed[f.Path] = true
		p := path.Join(display, f.Path)
		data, err := fs.ReadFile(fsys, f.Path)
		if err != nil {
			ds.Add(diag.Error, "index-missing", p, 0, 0, "%s lists this file of release %s, but it cannot be read: %v", IndexFile, e.Version, err)
			continue
		}
		if int64(len(data)) != f.Bytes {
			ds.Add(diag.Error, "index-bytes", p, 0, 0, "is %d bytes, %s says %d: the file changed after release %s was published", len(data), IndexFile, f.Bytes, e.Version)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != f.SHA256 {
			ds.Add(diag.Error, "index-hash", p, 0, 0, "has SHA-256 %s, %s says %s: the file changed after release %s was published", hex.EncodeToString(sum[:]), IndexFile, f.SHA256, e.Version)
		}
	}
	var extra []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !listed[p] {
			extra = append(extra, p)
		}
		return nil
	})
	slices.Sort(extra)
	for _, p := range extra {
		ds.Add(diag.Error, "index-unlisted", path.Join(display, p), 0, 0, "is not a file of release %s in %s", e.Version, IndexFile)
	}
	if data, err := fs.ReadFile(fsys, publish.DescriptorFile); err == nil {
		var desc struct{ Version string }
		if json.Unmarshal(data, &desc) == nil && desc.Version != e.Version {
			ds.Add(diag.Error, "index-version", path.Join(display, publish.DescriptorFile), 0, 0, "version is %q, %s says %s", desc.Version, IndexFile, e.Version)
		}
	}
	ds.Sort()
	return ds
}

// VerifyDatasets checks a datasets directory as CI does: index.json; every
// release it lists, as a package (verify.Package) and against the index
// (VerifyRelease); no version directory the index does not list; and
// CHANGELOG.md equal to what the index and the releases give. Leftovers of
// an interrupted release and a lock are warnings. A directory without
// index.json and without version directories has no release yet: that is
// fine.
func VerifyDatasets(fsys fs.FS, display string) diag.List {
	var ds diag.List
	at := path.Join(display, IndexFile)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		ds.Add(diag.Error, "missing", display, 0, 0, "%v", err)
		return ds
	}
	idx, err := ReadIndex(fsys)
	if err != nil {
		ds.Add(diag.Error, "index", at, 0, 0, "%v", err)
		return ds
	}
	for _, e := range idx.Releases {
		sub, err := fs.Sub(fsys, e.Path)
		if err != nil {
			ds.Add(diag.Error, "missing", path.Join(display, e.Path), 0, 0, "%v", err)
			continue
		}
		if _, err := fs.Stat(sub, "."); err != nil {
			ds.Add(diag.Error, "missing", at, 0, 0, "lists release %s, but %s is missing", e.Version, path.Join(display, e.Path))
			continue
		}
		ds = append(ds, verify.Package(sub, verify.Options{Display: path.Join(display, e.Path)})...)
		ds = append(ds, VerifyRelease(fsys, e.Path, display)...)
	}
	for _, de := range entries {
		name := de.Name()
		switch {
		case de.IsDir() && versionDir.MatchString(name) && idx.Find(name) == nil:
			ds.Add(diag.Error, "orphan", path.Join(display, name), 0, 0, "is not a release listed in %s: an orphan of a crashed release (the next release removes it) or a directory put there by hand", at)
		case leftover.MatchString(name):
			ds.Add(diag.Warning, "leftover", path.Join(display, name), 0, 0, "left by an interrupted release; the next release removes it")
		case name == LockFile:
			ds.Add(diag.Warning, "locked", path.Join(display, name), 0, 0, "a release is running, or crashed (the next release removes a stale lock)")
		}
	}
	if len(idx.Releases) > 0 {
		want, err := Changelog(fsys, idx)
		have, rerr := fs.ReadFile(fsys, ChangelogFile)
		switch {
		case err != nil:
			ds.Add(diag.Error, "changelog", path.Join(display, ChangelogFile), 0, 0, "cannot be generated: %v", err)
		case errors.Is(rerr, fs.ErrNotExist):
			ds.Add(diag.Error, "changelog", path.Join(display, ChangelogFile), 0, 0, "is missing; `claimpack release` writes it")
		case !bytes.Equal(have, want):
			ds.Add(diag.Error, "changelog", path.Join(display, ChangelogFile), 0, 0, "differs from what %s and the releases give (edited by hand, or a release crashed before writing it); `claimpack release` rewrites it", IndexFile)
		}
	}
	ds.Sort()
	return ds
}
