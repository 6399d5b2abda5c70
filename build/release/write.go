// Package release puts packages on disk: atomic writes of a package
// directory (Write), and immutable versions under a datasets directory
// (Release): the version a build gets from the record-level diff with the
// latest release (NextVersion), index.json (the list of releases and the
// hash of every file; writing it is what makes a release real),
// CHANGELOG.md, a lock against two releases at once, recovery from a
// crashed release, and the checks of releases against index.json
// (VerifyRelease, VerifyDatasets).
//
// This is the effect edge of the pipeline: it reads and writes files, but
// never reads the clock or the environment (the release date and the
// fault-injection step come from the caller) and never exits.
package release

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/claimpack/claimpack/build/publish"
)

// ErrExists is returned when a package directory exists and may not be
// replaced.
var ErrExists = errors.New("directory exists")

// CheckPath reports whether p is a clean, relative, slash-separated path
// that stays inside its directory.
func CheckPath(p string) error {
	if p == "" || path.IsAbs(p) || strings.Contains(p, "\\") || path.Clean(p) != p || p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("refuse to write %q: not a clean relative path inside the package", p)
	}
	return nil
}

// Write writes files as the directory dir, atomically: everything is
// written into a temporary sibling directory, synced, and renamed into
// place, so dir is never seen half-written. An existing dir is replaced
// only when replace is true (the old one is renamed aside first, then
// removed); otherwise Write fails with ErrExists and changes nothing.
func Write(dir string, files []publish.File, replace bool) error {
	return write(dir, files, replace, func() {})
}

// write is Write with a hook called when the files are complete under the
// temporary name, before the rename.
func write(dir string, files []publish.File, replace bool, staged func()) error {
	for _, f := range files {
		if err := CheckPath(f.Path); err != nil {
			return err
		}
	}
	dir = filepath.Clean(dir)
	if _, err := os.Stat(dir); err == nil && !replace {
		return fmt.Errorf("write %s: %w", dir, ErrExists)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp) // no-op once renamed
	if err := writeTree(tmp, files); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	staged()
	// Without replace, the rename itself refuses an existing (non-empty)
	// directory, so a release directory that appeared meanwhile is never
	// replaced.
	if _, err := os.Stat(dir); err == nil && replace {
		old := tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("write %s: move the old directory aside: %w", dir, err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			os.Rename(old, dir) // put the old one back
			return fmt.Errorf("write %s: %w", dir, err)
		}
		return os.RemoveAll(old)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	return syncDir(parent)
}

func writeTree(root string, files []publish.File) error {
	dirs := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !dirs[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			dirs[d] = true
		}
		if err := writeFile(p, f.Data); err != nil {
			return err
		}
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes and syncs one file.
func writeFile(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeFileAtomic writes data as the file p, atomically: into a temporary
// sibling, synced, then renamed over p. staged is called before the
// rename.
func writeFileAtomic(p string, data []byte, staged func()) error {
	dir := filepath.Dir(p)
	f, err := os.CreateTemp(dir, "."+filepath.Base(p)+".tmp-")
	if err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // fails harmlessly once renamed
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", p, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", p, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	staged()
	if err := os.Rename(tmp, p); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	return syncDir(dir)
}

func syncDir(d string) error {
	f, err := os.Open(d)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
