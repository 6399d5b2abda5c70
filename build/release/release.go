package release

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/diff"
)

// Step names a point of a release at which a crash leaves a distinct state
// on disk. Options.CrashAt stops the release there, so tests can check that
// every crash leaves either the previous release state or the new one, and
// that the next release recovers.
type Step string

// The steps, in order. The published state is index.json and the
// directories it lists: it changes at one point only, the rename of
// index.json (StepIndexed).
const (
	// StepLocked: the lock is held; nothing else has changed.
	StepLocked Step = "locked"
	// StepStaged: the version directory is complete under a temporary
	// name (.vX.Y.Z.tmp-…).
	StepStaged Step = "staged"
	// StepPlaced: the version directory has its name but is not in
	// index.json: an orphan, until the next step.
	StepPlaced Step = "placed"
	// StepIndexStaged: the new index.json is complete under a temporary
	// name (.index.json.tmp-…).
	StepIndexStaged Step = "index-staged"
	// StepIndexed: index.json lists the new release; it is real.
	// CHANGELOG.md still lacks its entry.
	StepIndexed Step = "indexed"
	// StepLogged: CHANGELOG.md is written; the lock is still held.
	StepLogged Step = "logged"
)

// Steps lists every step in order.
var Steps = []Step{StepLocked, StepStaged, StepPlaced, StepIndexStaged, StepIndexed, StepLogged}

// Options configure a release.
type Options struct {
	// Date is the release date, YYYY-MM-DD. The caller chooses it (from
	// SOURCE_DATE_EPOCH or the clock); it is written only to index.json
	// and CHANGELOG.md, never into the package.
	Date string
	// CrashAt names a step at which to call Crash (fault injection for
	// tests; "" for none). Crash must not return: the command exits the
	// process there, as a crash would, without running deferred clean-up.
	CrashAt Step
	Crash   func(Step)
}

// Validate reports options that cannot run.
func (o Options) Validate() error {
	if _, err := time.Parse(time.DateOnly, o.Date); err != nil {
		return fmt.Errorf("release date %q: want YYYY-MM-DD", o.Date)
	}
	if o.CrashAt != "" {
		if !slices.Contains(Steps, o.CrashAt) {
			return fmt.Errorf("crash step %q: want one of %v", o.CrashAt, Steps)
		}
		if o.Crash == nil {
			return errors.New("crash step set without a Crash function")
		}
	}
	return nil
}

func (o Options) at(s Step) {
	if s == o.CrashAt && o.Crash != nil {
		o.Crash(s)
	}
}

// Outcome is what a release did.
type Outcome struct {
	// Published is false when the records equal the latest release's.
	Published bool
	// Version is the new release's version, or the latest's when nothing
	// was published ("" when there is no release at all).
	Version  string
	Previous string
	Bump     Bump
	// Reason says why this bump: the first breaking schema change, …
	Reason string
	Diff   *diff.Diff
	// Dir is the new release's directory.
	Dir string
	// Recovered lists what was cleaned up after an earlier crash: a stale
	// lock, orphan version directories, temporary files, a stale
	// CHANGELOG.md.
	Recovered []string
}

// Release publishes res as a new version in the datasets directory dir
// when its records differ from the latest release's:
//
//  1. take the lock (LockFile);
//  2. recover: remove version directories index.json does not list
//     (orphans of a crashed release) and temporary files;
//  3. compare the build with the latest release (checked first against
//     index.json) and choose the version;
//  4. write the version directory under a temporary name and rename it
//     into place; it is never overwritten or modified afterwards;
//  5. write index.json (temporary file, rename): this makes the release
//     real;
//  6. regenerate CHANGELOG.md from index.json and the releases;
//  7. release the lock.
//
// With equal records nothing is written (a stale CHANGELOG.md is still
// repaired) and Outcome.Published is false. On an error after the lock
// was taken the Outcome, when not nil, says what was recovered.
func Release(dir string, res *build.Result, opts Options) (*Outcome, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if res.Diags.HasErrors() {
		return nil, errors.New("the build has errors: nothing to release")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("release: %w", err)
	}
	unlock, note, err := lock(dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	out := &Outcome{}
	if note != "" {
		out.Recovered = append(out.Recovered, note)
	}
	opts.at(StepLocked)
	if err := publishRelease(dir, res, opts, out); err != nil {
		return out, err
	}
	return out, unlock()
}

// publishRelease does steps 2–6 of Release, under the lock.
func publishRelease(dir string, res *build.Result, opts Options, out *Outcome) error {
	idx, err := ReadIndex(os.DirFS(dir))
	if err != nil {
		return err
	}
	cleaned, err := recoverDir(dir, idx)
	out.Recovered = append(out.Recovered, cleaned...)
	if err != nil {
		return err
	}
	p, err := makePlan(dir, res)
	if err != nil {
		return err
	}
	out.Version, out.Bump, out.Reason, out.Diff = p.version.String(), p.bump, p.reason, p.diff
	if p.latest != nil {
		out.Previous = p.latest.Version
	}
	if p.bump == None {
		repaired, err := writeChangelog(dir, idx)
		if repaired {
			out.Recovered = append(out.Recovered, "rewrote "+ChangelogFile+" to match "+IndexFile)
		}
		return err
	}

	files, err := res.Package(p.version.String())
	if err != nil {
		return err
	}
	out.Dir = filepath.Join(dir, p.version.Dir())
	if err := write(out.Dir, files, false, func() { opts.at(StepStaged) }); err != nil {
		return err
	}
	opts.at(StepPlaced)
	next := idx.with(build.PackageName, newEntry(p, opts.Date, files))
	data, err := next.Marshal()
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, IndexFile), data, func() { opts.at(StepIndexStaged) }); err != nil {
		return err
	}
	opts.at(StepIndexed)
	out.Published = true
	if _, err := writeChangelog(dir, next); err != nil {
		return err
	}
	opts.at(StepLogged)
	return nil
}

// versionDir matches a version directory's name.
var versionDir = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

// leftover matches what an interrupted release or Write leaves behind: a
// directory or file under its temporary name, a lock moved aside.
var leftover = regexp.MustCompile(`^\.(v[0-9]+\.[0-9]+\.[0-9]+|` + regexp.QuoteMeta(IndexFile) + `|` + regexp.QuoteMeta(ChangelogFile) + `)\.tmp-[^/]*$|^` + regexp.QuoteMeta(LockFile) + `\.stale-[0-9]+$`)

// recoverDir removes the orphans and leftovers of crashed releases from
// dir and says what it removed. A release that index.json lists but whose
// directory is missing is an error: it cannot be recovered.
func recoverDir(dir string, idx *Index) ([]string, error) {
	for _, e := range idx.Releases {
		if info, err := os.Stat(filepath.Join(dir, e.Path)); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("%s lists release %s, but %s is missing", IndexFile, e.Version, filepath.Join(dir, e.Path))
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var notes []string
	for _, de := range entries {
		name := de.Name()
		var why string
		switch {
		case de.IsDir() && versionDir.MatchString(name) && idx.Find(name) == nil:
			why = "removed the orphan " + name + " (not in " + IndexFile + ": a release that crashed before it was indexed)"
		case leftover.MatchString(name):
			why = "removed " + name + " (left by an interrupted release)"
		default:
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return notes, fmt.Errorf("recover: %w", err)
		}
		notes = append(notes, why)
	}
	return notes, nil
}
