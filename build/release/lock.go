package release

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockFile, in the datasets directory, is held by a running release.
//
// It is created with O_EXCL and holds the holder's process id. A release
// that finds it asks whether that process is running: if it is, the
// release stops with a LockedError and changes nothing; if it is not (the
// holder crashed), the lock is stale and is broken, and the release says
// so. Breaking renames the lock aside and checks that it is still the one
// judged stale, so that two releases that find the same stale lock do not
// both go ahead. A lock whose process cannot be asked about (another
// machine sharing the directory; a platform where liveness is not checked)
// or whose content is not a process id is never broken automatically:
// remove the file by hand once no release is running.
const LockFile = ".lock"

// LockedError reports a lock held by a running release.
type LockedError struct {
	Path string
	PID  int
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s: another release is running (pid %d); if it is not, remove the file", e.Path, e.PID)
}

// ErrLocked matches a LockedError with errors.Is.
var ErrLocked = errors.New("locked by another release")

// Is makes errors.Is(err, ErrLocked) true for a LockedError.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// lock takes the lock of the datasets directory dir. It returns the
// function that releases it, and a note when a stale lock was broken.
func lock(dir string) (unlock func() error, note string, err error) {
	p := filepath.Join(dir, LockFile)
	me := os.Getpid()
	for range 3 {
		f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			_, werr := fmt.Fprintf(f, "%d\n", me)
			if serr := f.Sync(); werr == nil {
				werr = serr
			}
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(p)
				return nil, "", fmt.Errorf("lock %s: %w", p, werr)
			}
			done := false
			unlock := func() error {
				if done {
					return nil
				}
				done = true
				return os.Remove(p)
			}
			return unlock, note, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", fmt.Errorf("lock %s: %w", p, err)
		}
		held, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue // released meanwhile
		}
		if err != nil {
			return nil, "", fmt.Errorf("lock %s: %w", p, err)
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(held)))
		if err != nil || pid <= 0 {
			return nil, "", fmt.Errorf("lock %s holds %q, not a process id: remove it if no release is running", p, held)
		}
		if pid == me || processAlive(pid) {
			return nil, "", &LockedError{Path: p, PID: pid}
		}
		if err := breakStale(p, held); err != nil {
			return nil, "", err
		}
		note = fmt.Sprintf("removed the stale lock %s of pid %d, which is not running", filepath.ToSlash(p), pid)
	}
	return nil, "", fmt.Errorf("lock %s: could not take it", p)
}

// breakStale removes the lock at p if it still holds what was read.
func breakStale(p string, held []byte) error {
	aside := fmt.Sprintf("%s.stale-%d", p, os.Getpid())
	if err := os.Rename(p, aside); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // another release broke it first
		}
		return fmt.Errorf("break stale lock %s: %w", p, err)
	}
	now, err := os.ReadFile(aside)
	if err == nil && !bytes.Equal(now, held) {
		// Another release broke the stale lock and took the lock between
		// our reading it and moving it: give it back.
		os.Link(aside, p)
		os.Remove(aside)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(now)))
		return &LockedError{Path: p, PID: pid}
	}
	return os.Remove(aside)
}
