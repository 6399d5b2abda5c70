package release

import (
	"bytes"
	"context"
	"errors"
	"github.com/claimpack/claimpack/internal/seedtest"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/diff"
	"github.com/claimpack/claimpack/build/publish"
	"github.com/claimpack/claimpack/build/verify"
)

const seedTable = "000_80e96b79e50ffd3c.txt"

// copySeeds copies the repository's seeds into a temporary directory.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "seeds")
	if err := os.CopyFS(dir, os.DirFS("../../seeds")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, seeds string) *build.Result {
	t.Helper()
	res, err := build.Run(context.Background(), build.DefaultConfig(os.DirFS(seeds), "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build errors: %v", res.Diags.Filter(diag.Error))
	}
	return res
}

func tradeRows(res *build.Result) []contract.Row {
	for _, tb := range res.Tables {
		if tb.Dataset.Name == "trade" {
			return tb.Rows
		}
	}
	return nil
}

func release(t *testing.T, datasets string, res *build.Result, date string) *Outcome {
	t.Helper()
	out, err := Release(datasets, res, Options{Date: date})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func errorsOf(ds diag.List) []string {
	var out []string
	for _, d := range ds.Filter(diag.Error) {
		out = append(out, d.String())
	}
	return out
}

// TestReleases walks the life of a datasets directory: a first release, a
// run with unchanged records, a minor and a patch release, each valid and
// checked against the index, with its diff and changelog.
func TestReleases(t *testing.T) {
	seeds := copySeeds(t)
	datasets := filepath.Join(t.TempDir(), "datasets")
	table := filepath.Join(seeds, seedTable)
	firstTrade := 0
	steps := []struct {
		name      string
		change    func()
		published bool
		version   string
		bump      Bump
		added     int // trade records
		changed   int // trade records, content changes only
	}{
		{"first release", func() {}, true, "1.0.0", Initial, -1, 0}, // -1: every trade record
		{"unchanged records", func() {}, false, "1.0.0", None, 0, 0},
		{"a year added to the table", func() { seedtest.Edit(t, table, seedtest.AddYear) }, true, "1.1.0", Minor, 3, 0},
		{"same again", func() {}, false, "1.1.0", None, 0, 0},
		{"one value corrected", func() {
			seedtest.Edit(t, table, func(s string) string { return strings.Replace(s, "| 16.1 | 19.32 | 24 |", "| 16.1 | 19.32 | 25 |", 1) })
		}, true, "1.1.1", Patch, 0, 1},
	}
	for _, st := range steps {
		st.change()
		res := run(t, seeds)
		next, err := NextVersion(datasets, res)
		if err != nil {
			t.Fatal(err)
		}
		out := release(t, datasets, res, "2025-01-0"+strconv.Itoa(len(st.name)%9+1))
		if out.Published != st.published || out.Version != st.version || out.Bump != st.bump {
			t.Fatalf("%s: published %v version %s bump %s, want %v %s %s", st.name, out.Published, out.Version, out.Bump, st.published, st.version, st.bump)
		}
		if next != out.Version {
			t.Errorf("%s: NextVersion said %s, the release got %s", st.name, next, out.Version)
		}
		var trade diff.DatasetDiff
		for _, d := range out.Diff.Datasets {
			if d.Dataset == "trade" {
				trade = d
			}
		}
		content := 0
		for _, c := range trade.Changed {
			if !c.ProvenanceOnly() {
				content++
			}
		}
		if _, removed, _ := out.Diff.Counts(); removed != 0 {
			t.Errorf("%s: %d records removed, want none", st.name, removed)
		}
		if st.added < 0 {
			st.added = len(tradeRows(res))
			firstTrade = st.added
		}
		if st.published && (len(trade.Added) != st.added || content != st.changed) {
			t.Errorf("%s: trade diff %d added, %d changed, want %d, %d", st.name, len(trade.Added), content, st.added, st.changed)
		}
		if errs := errorsOf(VerifyDatasets(os.DirFS(datasets), "datasets")); len(errs) > 0 {
			t.Fatalf("%s: the datasets directory does not validate:\n%s", st.name, strings.Join(errs, "\n"))
		}
		// A release equals a build of the same inputs, stamped with
		// NextVersion: same paths, same bytes.
		files, err := res.Package(next)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			got, err := os.ReadFile(filepath.Join(datasets, "v"+next, f.Path))
			if err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("%s: v%s/%s differs from the build (%v)", st.name, next, f.Path, err)
			}
		}
	}
	idx, err := ReadIndex(os.DirFS(datasets))
	if err != nil {
		t.Fatal(err)
	}
	var versions []string
	for _, e := range idx.Releases {
		versions = append(versions, e.Version+"/"+string(e.Bump)+"/"+e.Previous)
	}
	if got, want := strings.Join(versions, " "), "1.1.1/patch/1.1.0 1.1.0/minor/1.0.0 1.0.0/initial/"; got != want {
		t.Errorf("index: %s, want %s", got, want)
	}
	log, _ := os.ReadFile(filepath.Join(datasets, ChangelogFile))
	for _, want := range []string{
		"## 1.1.1 — ", "Patch release (values of existing records changed). Compared with 1.1.0",
		"value_text \"24\" → \"25\"", "## 1.1.0 — ", "Minor release (records added or removed)",
		"indicator=imports period=2024", "## 1.0.0 — ", "First release.", "| trade | " + strconv.Itoa(firstTrade) + " |",
	} {
		if !strings.Contains(string(log), want) {
			t.Errorf("CHANGELOG.md lacks %q:\n%s", want, log)
		}
	}
	if i, j := strings.Index(string(log), "## 1.1.1"), strings.Index(string(log), "## 1.0.0"); i > j {
		t.Error("CHANGELOG.md is not newest first")
	}
}

// TestMajor releases a build whose trade dataset lacks a column the latest
// release has: a column removed is a major change.
func TestMajor(t *testing.T) {
	seeds := copySeeds(t)
	datasets := filepath.Join(t.TempDir(), "datasets")
	res := run(t, seeds)
	release(t, datasets, res, "2025-01-01")
	// Forge the released 1.0.0 into one that had an extra column, with an
	// index that matches, as if the contract had lost a column since.
	v1 := filepath.Join(datasets, "v1.0.0")
	seedtest.Edit(t, filepath.Join(v1, "schema/sources.schema.json"), func(s string) string {
		s = strings.Replace(s, `"required": [`, `"required": [`+"\n    \"notes\",", 1)
		return strings.Replace(s, `"properties": {`, `"properties": {`+"\n    \"notes\": {\"type\": [\"string\", \"null\"]},", 1)
	})
	seedtest.Edit(t, filepath.Join(v1, "sources.csv"), func(s string) string {
		lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
		lines[0] = "notes," + lines[0]
		for i := 1; i < len(lines); i++ {
			lines[i] = "," + lines[i]
		}
		return strings.Join(lines, "\n") + "\n"
	})
	reindex(t, datasets, "v1.0.0")
	out := release(t, datasets, res, "2025-01-02")
	if out.Version != "2.0.0" || out.Bump != Major || out.Reason != "column sources.notes removed (was string or null)" {
		t.Errorf("version %s bump %s (%s), want 2.0.0 major", out.Version, out.Bump, out.Reason)
	}
}

// reindex rewrites the index entry of a release to match its files.
func reindex(t *testing.T, datasets, name string) {
	t.Helper()
	idx, err := ReadIndex(os.DirFS(datasets))
	if err != nil {
		t.Fatal(err)
	}
	e := idx.Find(name)
	var files []publish.File
	dir := filepath.Join(datasets, name)
	fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(filepath.Join(dir, p))
			files = append(files, publish.File{Path: p, Data: data})
		}
		return nil
	})
	v, _ := ParseVersion(e.Version)
	*e = newEntry(&plan{version: v, bump: e.Bump, diff: &diff.Diff{}}, e.Date, files)
	data, _ := idx.Marshal()
	if err := os.WriteFile(filepath.Join(datasets, IndexFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTamperedRelease edits a released file: validation against the
// index catches it even when datapackage.json is edited to match, and the
// next release refuses to compare with it.
func TestTamperedRelease(t *testing.T) {
	seeds := copySeeds(t)
	datasets := filepath.Join(t.TempDir(), "datasets")
	res := run(t, seeds)
	release(t, datasets, res, "2025-01-01")
	v1 := filepath.Join(datasets, "v1.0.0")
	seedtest.Edit(t, filepath.Join(v1, "trade.csv"), func(s string) string { return strings.Replace(s, ",31.82,", ",31.83,", 1) })
	// Make datapackage.json agree with the edited file.
	csv, _ := os.ReadFile(filepath.Join(v1, "trade.csv"))
	seedtest.Edit(t, filepath.Join(v1, "datapackage.json"), func(s string) string {
		i := strings.Index(s, `"path": "trade.csv"`)
		j := i + strings.Index(s[i:], `"hash": "`) + len(`"hash": "`)
		k := j + strings.Index(s[j:], `"`)
		s = s[:j] + publish.Hash(csv) + s[k:]
		b := i + strings.Index(s[i:], `"bytes": `) + len(`"bytes": `)
		c := b + strings.Index(s[b:], ",")
		return s[:b] + strconv.Itoa(len(csv)) + s[c:]
	})
	var codes []string
	for _, d := range VerifyRelease(os.DirFS(datasets), "v1.0.0", "datasets") {
		codes = append(codes, d.Code+" "+d.Path)
	}
	want := "index-hash datasets/v1.0.0/datapackage.json index-hash datasets/v1.0.0/trade.csv"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("VerifyRelease: %s, want %s", got, want)
	}
	if ds := verify.Package(os.DirFS(v1), verify.Options{}); len(errorsOf(ds)) != 0 {
		t.Logf("(the package check alone: %v)", errorsOf(ds))
	}
	if _, err := Release(datasets, res, Options{Date: "2025-01-02"}); err == nil || !strings.Contains(err.Error(), "does not match index.json") {
		t.Errorf("release on a tampered base: %v", err)
	}
	if _, err := NextVersion(datasets, res); err == nil {
		t.Error("NextVersion on a tampered base: no error")
	}
}

// TestRecover leaves what crashed releases leave and checks that the next
// release removes exactly that and says so.
func TestRecover(t *testing.T) {
	seeds := copySeeds(t)
	datasets := filepath.Join(t.TempDir(), "datasets")
	res := run(t, seeds)
	release(t, datasets, res, "2025-01-01")
	for _, d := range []string{"v1.1.0/x", ".v1.1.0.tmp-123/y", "next/z", "v1.0.0x/w"} {
		os.MkdirAll(filepath.Join(datasets, filepath.Dir(d)), 0o755)
		os.WriteFile(filepath.Join(datasets, d), []byte("x"), 0o644)
	}
	for _, f := range []string{".index.json.tmp-77", ".lock.stale-12", "README.md"} {
		os.WriteFile(filepath.Join(datasets, f), []byte("x"), 0o644)
	}
	ds := VerifyDatasets(os.DirFS(datasets), "datasets")
	var found []string
	for _, d := range ds {
		found = append(found, d.Severity.String()+" "+d.Code+" "+d.Path)
	}
	want := []string{
		"warning leftover datasets/.index.json.tmp-77", "warning leftover datasets/.lock.stale-12",
		"warning leftover datasets/.v1.1.0.tmp-123", "error orphan datasets/v1.1.0",
	}
	if strings.Join(found, "\n") != strings.Join(want, "\n") {
		t.Errorf("VerifyDatasets:\n%s\nwant\n%s", strings.Join(found, "\n"), strings.Join(want, "\n"))
	}
	out := release(t, datasets, res, "2025-01-02")
	if out.Published || len(out.Recovered) != 4 {
		t.Errorf("published %v, recovered %q; want 4 removals", out.Published, out.Recovered)
	}
	entries, _ := os.ReadDir(datasets)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "CHANGELOG.md README.md index.json next v1.0.0 v1.0.0x" {
		t.Errorf("left: %s", got)
	}
}

func TestLock(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	tests := []struct {
		name    string
		content string
		wantErr error
		note    bool
	}{
		{"free", "", nil, false},
		{"held by a running process", strconv.Itoa(os.Getppid()) + "\n", ErrLocked, false},
		{"stale: its process is gone", strconv.Itoa(dead.Process.Pid) + "\n", nil, true},
		{"not a pid", "hello", errors.New("not a process id"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, LockFile)
			if tt.content != "" {
				os.WriteFile(p, []byte(tt.content), 0o644)
			}
			unlock, note, err := lock(dir)
			switch {
			case tt.wantErr == nil:
				if err != nil {
					t.Fatalf("lock: %v", err)
				}
			case tt.wantErr == ErrLocked:
				if !errors.Is(err, ErrLocked) {
					t.Fatalf("lock: %v, want ErrLocked", err)
				}
			default:
				if err == nil || !strings.Contains(err.Error(), tt.wantErr.Error()) {
					t.Fatalf("lock: %v, want %v", err, tt.wantErr)
				}
			}
			if (note != "") != tt.note {
				t.Errorf("note %q", note)
			}
			if err != nil {
				if data, _ := os.ReadFile(p); string(data) != tt.content {
					t.Errorf("a refused lock changed the file: %q", data)
				}
				return
			}
			if data, _ := os.ReadFile(p); string(data) != strconv.Itoa(os.Getpid())+"\n" {
				t.Errorf("lock holds %q, want our pid", data)
			}
			if _, _, err := lock(dir); !errors.Is(err, ErrLocked) {
				t.Errorf("a second lock while held: %v", err)
			}
			if err := unlock(); err != nil {
				t.Fatal(err)
			}
			if err := unlock(); err != nil {
				t.Errorf("unlock twice: %v", err)
			}
			if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("lock file left after unlock")
			}
		})
	}
}

func TestVersions(t *testing.T) {
	tests := []struct {
		in   string
		bump Bump
		want string
	}{
		{"1.0.0", Patch, "1.0.1"},
		{"1.0.9", Minor, "1.1.0"},
		{"1.4.2", Major, "2.0.0"},
		{"1.4.2", None, "1.4.2"},
		{"10.20.30", Patch, "10.20.31"},
	}
	for _, tt := range tests {
		v, err := ParseVersion(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Next(tt.bump).String(); got != tt.want {
			t.Errorf("%s + %s = %s, want %s", tt.in, tt.bump, got, tt.want)
		}
	}
	for _, bad := range []string{"", "1", "1.0", "v1.0.0", "1.0.0-rc1", "01.0.0", "1.-1.0", "1.0.0.0"} {
		if _, err := ParseVersion(bad); err == nil {
			t.Errorf("ParseVersion(%q): no error", bad)
		}
	}
	a, _ := ParseVersion("1.10.0")
	b, _ := ParseVersion("1.9.3")
	if a.Compare(b) != 1 || b.Compare(a) != -1 || a.Compare(a) != 0 {
		t.Error("1.10.0 must be newer than 1.9.3")
	}
}

func TestBumpFor(t *testing.T) {
	rec := diff.Record{Key: "tr-1"}
	tests := []struct {
		name string
		d    diff.Diff
		want Bump
	}{
		{"nothing", diff.Diff{Datasets: []diff.DatasetDiff{{Dataset: "trade"}}}, None},
		{"a value", diff.Diff{Datasets: []diff.DatasetDiff{{Dataset: "trade", Changed: []diff.Change{{Key: "tr-1"}}}}}, Patch},
		{"a record added", diff.Diff{Datasets: []diff.DatasetDiff{{Dataset: "trade", Added: []diff.Record{rec}}}}, Minor},
		{"a record removed", diff.Diff{Datasets: []diff.DatasetDiff{{Dataset: "trade", Removed: []diff.Record{rec}}}}, Minor},
		{"a column added", diff.Diff{Schema: []diff.SchemaChange{{Kind: diff.ColumnAdded}}}, Minor},
		{"a dataset added", diff.Diff{Schema: []diff.SchemaChange{{Kind: diff.DatasetAdded}}}, Minor},
		{"a column retyped", diff.Diff{Schema: []diff.SchemaChange{{Kind: diff.ColumnAdded}, {Kind: diff.ColumnRetyped}}}, Major},
		{"a column removed", diff.Diff{Schema: []diff.SchemaChange{{Kind: diff.ColumnRemoved}}}, Major},
		{"a dataset removed", diff.Diff{Schema: []diff.SchemaChange{{Kind: diff.DatasetRemoved}}}, Major},
	}
	for _, tt := range tests {
		if got, _ := BumpFor(&tt.d); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestParseIndex(t *testing.T) {
	tests := []struct {
		name, json, err string
	}{
		{"empty", `{"name": "x", "latest": "", "releases": []}`, ""},
		{"bad version", `{"latest": "1.0", "releases": [{"version": "1.0", "path": "v1.0"}]}`, "MAJOR.MINOR.PATCH"},
		{"twice", `{"latest": "1.0.0", "releases": [{"version": "1.0.0", "path": "v1.0.0"}, {"version": "1.0.0", "path": "v1.0.0"}]}`, "listed twice"},
		{"elsewhere", `{"latest": "1.0.0", "releases": [{"version": "1.0.0", "path": "../x"}]}`, "lives in"},
		{"latest wrong", `{"latest": "1.0.0", "releases": [{"version": "1.1.0", "path": "v1.1.0"}, {"version": "1.0.0", "path": "v1.0.0"}]}`, "newest release listed"},
		{"unknown field", `{"latest": "", "releases": [], "extra": 1}`, "unknown field"},
	}
	for _, tt := range tests {
		_, err := ParseIndex([]byte(tt.json))
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.err)
		}
	}
}

func TestOptions(t *testing.T) {
	crash := func(Step) {}
	for _, tt := range []struct {
		o  Options
		ok bool
	}{
		{Options{Date: "2025-01-31"}, true},
		{Options{Date: "2025-02-31"}, false},
		{Options{}, false},
		{Options{Date: "2025-01-31", CrashAt: StepIndexed, Crash: crash}, true},
		{Options{Date: "2025-01-31", CrashAt: "nowhere", Crash: crash}, false},
		{Options{Date: "2025-01-31", CrashAt: StepIndexed}, false},
	} {
		if err := tt.o.Validate(); (err == nil) != tt.ok {
			t.Errorf("%+v: %v", tt.o, err)
		}
	}
}

// TestWriteNeverReplaces checks that Write without replace refuses an
// existing directory and leaves it as it was.
func TestWriteNeverReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "v1.0.0")
	if err := Write(dir, []publish.File{{Path: "a.txt", Data: []byte("one")}}, false); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, []publish.File{{Path: "a.txt", Data: []byte("two")}}, false)
	if !errors.Is(err, ErrExists) {
		t.Errorf("second write: %v, want ErrExists", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(data) != "one" {
		t.Errorf("the directory changed: %q", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("%d entries left beside it, want none", len(entries)-1)
	}
	// The rename refuses a directory that appears after the check.
	err = write(filepath.Join(filepath.Dir(dir), "v2.0.0"), []publish.File{{Path: "a.txt", Data: []byte("new")}}, false, func() {
		os.MkdirAll(filepath.Join(filepath.Dir(dir), "v2.0.0", "x"), 0o755)
	})
	if err == nil {
		t.Error("write over a directory that appeared meanwhile: no error")
	}
	for _, bad := range []string{"../x", "/abs", "a/../b", ""} {
		if err := Write(filepath.Join(t.TempDir(), "p"), []publish.File{{Path: bad}}, false); err == nil {
			t.Errorf("path %q: no error", bad)
		}
	}
}
