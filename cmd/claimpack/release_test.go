package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/claimpack/claimpack/internal/seedtest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/release"
)

// binary is the claimpack command, built once by TestMain for the tests
// that must run it as a process (crashes); "" in -short mode.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	var dir string
	if !testing.Short() {
		var err error
		dir, err = os.MkdirTemp("", "claimpack-test-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		binary = filepath.Join(dir, "claimpack")
		if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
			os.Exit(1)
		}
	}
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// epoch fixes the release date (and the packages' created time) so that
// two releases of the same inputs are the same bytes.
const epoch = "1735689600" // 2025-01-01

// seedCopy copies the repository's seeds into a temporary directory, and
// applies edits to its trade table document.
func seedCopy(t *testing.T, edits ...func(string) string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "seeds")
	if err := os.CopyFS(dir, os.DirFS(seeds)); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		seedtest.Edit(t, filepath.Join(dir, "000_80e96b79e50ffd3c.txt"), e)
	}
	return dir
}

// correct2024 changes one value of the table with the 2024 column.
func correct2024(s string) string { return strings.Replace(s, "| 19.32 | 24 |", "| 19.32 | 25 |", 1) }

func wantExit(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	code, stdout, stderr := claimpack(t, args...)
	if code != want {
		t.Fatalf("claimpack %s: exit %d, want %d\nstderr: %s", strings.Join(args, " "), code, want, stderr)
	}
	return stdout, stderr
}

// TestReleaseCycle is the "how it is checked", on a copy of the
// seeds: a release validates; a second run publishes nothing; a table
// column added, and a sentence about a new visit, each give a minor
// release whose diff shows the new records; a value corrected gives a
// patch; a build is stamped with the version its
// release gets and equals it; one character edited in a released CSV
// makes validate fail.
func TestReleaseCycle(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	tmp := t.TempDir()
	ds := filepath.Join(tmp, "datasets")
	s := seedCopy(t)

	_, stderr := wantExit(t, 0, "release", "-seeds", s, "-datasets", ds)
	if !strings.Contains(stderr, "released "+filepath.ToSlash(ds)+"/v1.0.0 (version 1.0.0, the first release") {
		t.Errorf("first release: %s", stderr)
	}
	wantExit(t, 0, "validate", filepath.Join(ds, "v1.0.0"))
	wantExit(t, 0, "validate", ds)

	_, stderr = wantExit(t, 0, "release", "-seeds", s, "-datasets", ds)
	if !strings.Contains(stderr, "equal those of release 1.0.0: nothing to release") {
		t.Errorf("second run: %s", stderr)
	}
	if entries, _ := os.ReadDir(ds); len(entries) != 3 {
		t.Errorf("the second run left %d entries in datasets/, want v1.0.0, index.json, CHANGELOG.md", len(entries))
	}

	seedtest.Edit(t, filepath.Join(s, "000_80e96b79e50ffd3c.txt"), seedtest.AddYear)
	_, stderr = wantExit(t, 0, "release", "-seeds", s, "-datasets", ds)
	if !strings.Contains(stderr, "(version 1.1.0, minor: records added or removed; compared with 1.0.0: 6 added, 0 removed") {
		t.Errorf("minor release: %s", stderr)
	}
	stdout, _ := wantExit(t, 0, "diff", filepath.Join(ds, "v1.0.0"), filepath.Join(ds, "v1.1.0"))
	for _, want := range []string{"trade: 3 added, 0 removed, ", "indicator=turnover period=2024 value=8400000000 unit=USD", "changed only in provenance"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, stdout)
		}
	}

	// A sentence about a new visit: a minor release whose diff shows it.
	seedtest.Edit(t, filepath.Join(s, "004_c5fea0082e6df34a.txt"), func(doc string) string {
		return strings.TrimRight(doc, "\n") + "\nOn 3 June 2025, President Lukashenko paid a state visit to China and met President Xi Jinping in Beijing.\n"
	})
	_, stderr = wantExit(t, 0, "release", "-seeds", s, "-datasets", ds)
	if !strings.Contains(stderr, "(version 1.2.0, minor: records added or removed; compared with 1.1.0:") {
		t.Errorf("a new visit: %s", stderr)
	}
	stdout, _ = wantExit(t, 0, "diff", filepath.Join(ds, "v1.1.0"), filepath.Join(ds, "v1.2.0"))
	for _, want := range []string{"visits: 1 added, 0 removed", `kind=state visitor="Alexander Lukashenko" date=2025-06-03`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, stdout)
		}
	}

	seedtest.Edit(t, filepath.Join(s, "000_80e96b79e50ffd3c.txt"), correct2024)
	// The build is stamped with the version the release then gets, and
	// is the same files.
	next := filepath.Join(tmp, "next")
	wantExit(t, 0, "build", "-seeds", s, "-datasets", ds, "-out", next)
	_, stderr = wantExit(t, 0, "release", "-seeds", s, "-datasets", ds)
	if !strings.Contains(stderr, "(version 1.2.1, patch: values of existing records changed") {
		t.Errorf("patch release: %s", stderr)
	}
	built, released := tree(t, next), tree(t, filepath.Join(ds, "v1.2.1"))
	if len(built) != len(released) {
		t.Errorf("build has %d files, release %d", len(built), len(released))
	}
	for p, data := range released {
		if !bytes.Equal(built[p], data) {
			t.Errorf("%s differs between the build and the release", p)
		}
	}
	stdout, _ = wantExit(t, 0, "diff", "-format", "json", filepath.Join(ds, "v1.2.0"), filepath.Join(ds, "v1.2.1"))
	var d struct {
		Datasets []struct {
			Dataset string
			Changed []struct {
				Key   string
				Cells []struct{ Column, Old, New string }
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	var valueChanges []string
	for _, ds := range d.Datasets {
		for _, c := range ds.Changed {
			for _, cell := range c.Cells {
				if ds.Dataset == "trade" && cell.Column == "value" {
					valueChanges = append(valueChanges, cell.Old+"→"+cell.New)
				}
			}
		}
	}
	if got := strings.Join(valueChanges, " "); got != "2400000000→2500000000" {
		t.Errorf("json diff: trade value changes %q", got)
	}

	// One character of a released CSV.
	csvPath := filepath.Join(ds, "v1.2.1", "trade.csv")
	seedtest.Edit(t, csvPath, func(s string) string { return strings.Replace(s, ",31.82,", ",31.83,", 1) })
	_, stderr = wantExit(t, 1, "validate", filepath.Join(ds, "v1.2.1"))
	if !strings.Contains(stderr, filepath.ToSlash(csvPath)+": error: has SHA-256") {
		t.Errorf("validate of an edited release: %s", stderr)
	}
	wantExit(t, 1, "validate", ds)
}

func TestDiffFormats(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	wantExit(t, 0, "build", "-seeds", seedCopy(t), "-datasets", tmp, "-out", a)
	wantExit(t, 0, "build", "-seeds", seedCopy(t, seedtest.AddYear), "-datasets", tmp, "-out", b)

	stdout, _ := wantExit(t, 0, "diff", a, b, "-format", "csv")
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	added := map[string]bool{}
	for _, r := range rows[1:] {
		if r[0] == "trade" && r[1] == "added" && r[3] == "period" {
			added[r[2]+" "+r[5]] = r[5] == "2024"
		}
	}
	if strings.Join(rows[0], ",") != "dataset,change,key,column,old,new" || len(added) != 3 {
		t.Errorf("csv diff: header %v, trade records added %v", rows[0], added)
	}
	stdout, _ = wantExit(t, 0, "diff", a, a)
	if strings.Contains(stdout, "added") || !strings.Contains(stdout, "trade: no record changed") {
		t.Errorf("a package compared with itself:\n%s", stdout)
	}
	for _, args := range [][]string{
		{"diff", a},
		{"diff", a, b, "c"},
		{"diff", "-format", "xml", a, b},
		{"diff", a, filepath.Join(tmp, "none")},
	} {
		wantExit(t, 2, args...)
	}
	wantExit(t, 1, "diff", a, tmp) // tmp is a directory but no package
}

func TestReleaseRefusals(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	ds := filepath.Join(t.TempDir(), "datasets")
	s := seedCopy(t)
	t.Setenv(crashEnv, "nowhere")
	wantExit(t, 2, "release", "-seeds", s, "-datasets", ds)
	t.Setenv(crashEnv, "")

	// A lock held by a running process (this test's parent) stops a
	// release and is left alone.
	os.MkdirAll(ds, 0o755)
	lock := filepath.Join(ds, release.LockFile)
	held := strconv.Itoa(os.Getppid()) + "\n"
	os.WriteFile(lock, []byte(held), 0o644)
	_, stderr := wantExit(t, 1, "release", "-seeds", s, "-datasets", ds)
	if !strings.Contains(stderr, "another release is running (pid "+strings.TrimSpace(held)+")") {
		t.Errorf("locked: %s", stderr)
	}
	if data, _ := os.ReadFile(lock); string(data) != held {
		t.Errorf("the lock changed: %q", data)
	}
	if _, err := os.Stat(filepath.Join(ds, "v1.0.0")); err == nil {
		t.Error("a locked release wrote v1.0.0")
	}
}

// state reads the files of a datasets directory: all of them, or only the
// published state (index.json and the directories it lists).
func state(t *testing.T, ds string, published bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	all := tree(t, ds)
	if !published {
		for p, data := range all {
			out[p] = string(data)
		}
		return out
	}
	idx, err := release.ReadIndex(os.DirFS(ds))
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range all {
		dir, _, _ := strings.Cut(p, "/")
		if p == release.IndexFile || idx.Find(dir) != nil {
			out[p] = string(data)
		}
	}
	return out
}

func sameState(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for p, x := range a {
		if y, ok := b[p]; !ok || x != y {
			return false
		}
	}
	return true
}

func names(m map[string]string) string {
	var out []string
	for p := range m {
		out = append(out, p)
	}
	return strings.Join(out, " ")
}

// exe runs the built claimpack with the given environment additions.
func exe(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, stderr.String()
}

// validateAfterCrash is the exit status of validate on a datasets
// directory after a crash at a step.
var validateAfterCrash = map[string]int{
	"first/locked": 1, "first/staged": 1, "first/placed": 1, "first/index-staged": 1, "first/indexed": 1, "first/logged": 0,
	"second/locked": 0, "second/staged": 0, "second/placed": 1, "second/index-staged": 1, "second/indexed": 1, "second/logged": 0,
}

// TestCrashAtEveryStep runs the real binary and kills it (os.Exit, no
// deferred clean-up) at each step of a first release and of a later one.
// After each crash the published state is exactly the previous one or
// exactly the new one, and the next release recovers: it removes orphans,
// temporary files and the stale lock, repairs CHANGELOG.md, and leaves the
// directory byte for byte as an uninterrupted release would.
func TestCrashAtEveryStep(t *testing.T) {
	if binary == "" {
		t.Skip("-short: no binary")
	}
	env := []string{"SOURCE_DATE_EPOCH=" + epoch, crashEnv + "="}
	before, after := seedCopy(t), seedCopy(t, seedtest.AddYear)
	releaseTo := func(ds string, seeds ...string) {
		for _, s := range seeds {
			if code, stderr := exe(t, env, "release", "-seeds", s, "-datasets", ds); code != 0 {
				t.Fatalf("release: exit %d: %s", code, stderr)
			}
		}
	}
	// The reference states: no release, one, two.
	refs := make([]string, 3)
	for i := range refs {
		refs[i] = filepath.Join(t.TempDir(), "datasets")
		os.MkdirAll(refs[i], 0o755)
		releaseTo(refs[i], []string{before, after}[:i]...)
	}
	scenarios := []struct {
		name       string
		base, next int // reference states before and after
		seeds      string
	}{
		{"first", 0, 1, before},
		{"second", 1, 2, after},
	}
	for _, sc := range scenarios {
		for _, step := range release.Steps {
			t.Run(sc.name+"/"+string(step), func(t *testing.T) {
				t.Parallel()
				ds := filepath.Join(t.TempDir(), "datasets")
				os.MkdirAll(ds, 0o755)
				releaseTo(ds, []string{before, after}[:sc.base]...)

				code, stderr := exe(t, append(env, crashEnv+"="+string(step)), "release", "-seeds", sc.seeds, "-datasets", ds)
				if code != exitCrash {
					t.Fatalf("exit %d, want %d (crash): %s", code, exitCrash, stderr)
				}
				got := state(t, ds, true)
				prev, next := state(t, refs[sc.base], true), state(t, refs[sc.next], true)
				wantNew := step == release.StepIndexed || step == release.StepLogged
				switch {
				case wantNew && !sameState(got, next):
					t.Errorf("after the index is written the published state is not the new one: %s", names(got))
				case !wantNew && !sameState(got, prev):
					t.Errorf("before the index is written the published state is not the previous one: %s", names(got))
				}
				if _, err := os.Stat(filepath.Join(ds, release.LockFile)); err != nil {
					t.Errorf("a crash left no lock: %v", err)
				}
				// validate fails while an orphan, a missing or stale changelog, or
				// (before the first index) no index at all is there; a lock and
				// temporary files alone are warnings.
				if code, out := exe(t, env, "validate", ds); code != validateAfterCrash[sc.name+"/"+string(step)] {
					t.Errorf("validate after the crash: exit %d: %s", code, out)
				}
				code, stderr = exe(t, env, "release", "-seeds", sc.seeds, "-datasets", ds)
				if code != 0 {
					t.Fatalf("the release after the crash: exit %d: %s", code, stderr)
				}
				if !strings.Contains(stderr, "recovered: removed the stale lock") {
					t.Errorf("the stale lock was not reported: %s", stderr)
				}
				if got, want := state(t, ds, false), state(t, refs[sc.next], false); !sameState(got, want) {
					t.Errorf("after recovery the directory differs from an uninterrupted release:\n got %s\nwant %s\n%s", names(got), names(want), stderr)
				}
				if code, stderr := exe(t, env, "validate", ds); code != 0 {
					t.Errorf("validate after recovery: %s", stderr)
				}
			})
		}
	}
}
