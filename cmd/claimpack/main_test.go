package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seeds = "../../seeds"

// claimpack runs the command in-process and returns its exit code and output.
func claimpack(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBuildTwiceIdentical(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	for _, out := range []string{a, b} {
		if code, _, stderr := claimpack(t, "build", "-seeds", seeds, "-out", out, "-datasets", tmp); code != 0 {
			t.Fatalf("build exit %d: %s", code, stderr)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) == 0 || len(ta) != len(tb) {
		t.Fatalf("trees have %d and %d files", len(ta), len(tb))
	}
	for p, data := range ta {
		if !bytes.Equal(data, tb[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	for _, want := range []string{"datapackage.json", "trade.parquet", "trade.csv", "schema/trade.schema.json", "sources/000_80e96b79e50ffd3c.txt"} {
		if _, ok := ta[want]; !ok {
			t.Errorf("package lacks %s", want)
		}
	}
}

func TestValidateCatchesEdits(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "pkg")
	if code, _, stderr := claimpack(t, "build", "-seeds", seeds, "-out", out, "-datasets", tmp); code != 0 {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	if code, _, stderr := claimpack(t, "validate", out); code != 0 {
		t.Fatalf("validate of a fresh build: exit %d: %s", code, stderr)
	}
	for _, tt := range []struct {
		file string
		edit func([]byte) []byte
	}{
		{"trade.csv", func(b []byte) []byte { return bytes.Replace(b, []byte(",31.82,table,"), []byte(",31.83,table,"), 1) }},
		{"trade.parquet", func(b []byte) []byte { b[len(b)/3] ^= 1; return b }},
	} {
		p := filepath.Join(out, tt.file)
		orig, _ := os.ReadFile(p)
		os.WriteFile(p, tt.edit(bytes.Clone(orig)), 0o644)
		code, _, stderr := claimpack(t, "validate", out)
		if code != 1 || !strings.Contains(stderr, filepath.ToSlash(p)) {
			t.Errorf("after editing one byte of %s: exit %d, stderr %s", tt.file, code, stderr)
		}
		os.WriteFile(p, orig, 0o644)
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("fine line\nbad \xff byte\n"), 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), []byte("nul\x00\n"), 0o644)
	out := filepath.Join(tmp, "out")
	// an earlier package must survive a failed build untouched
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "keep.txt"), []byte("old"), 0o644)
	code, _, stderr := claimpack(t, "build", "-seeds", in, "-out", out, "-datasets", tmp)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, stderr)
	}
	shown := filepath.ToSlash(filepath.Clean(in))
	for _, want := range []string{shown + "/a.txt:2:5: error: invalid UTF-8 byte 0xff", shown + "/b.txt:1:4: error: NUL byte", "nothing written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if got := tree(t, out); len(got) != 1 || string(got["keep.txt"]) != "old" {
		t.Errorf("the old output changed: %v", got)
	}
}

func TestJSONDiagnostics(t *testing.T) {
	tmp := t.TempDir()
	os.WriteFile(filepath.Join(tmp, "a.txt"), []byte("x\xff\n"), 0o644)
	code, stdout, _ := claimpack(t, "build", "-seeds", tmp, "-out", filepath.Join(tmp, "o"), "-format", "json", "-datasets", tmp)
	var diags []map[string]any
	if err := json.Unmarshal([]byte(stdout), &diags); err != nil || code != 1 {
		t.Fatalf("exit %d, stdout not a JSON list: %v\n%s", code, err, stdout)
	}
	if len(diags) == 0 || diags[0]["line"] != 1.0 || diags[0]["col"] != 2.0 || diags[0]["severity"] != "error" {
		t.Errorf("diagnostics: %v", diags)
	}
}

func TestSourceDateEpoch(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out := filepath.Join(tmp, "pkg")
	if code, _, stderr := claimpack(t, "build", "-seeds", seeds, "-out", out, "-datasets", tmp); code != 0 {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(filepath.Join(out, "datapackage.json"))
	if !bytes.Contains(data, []byte(`"created": "2023-11-14T22:13:20Z"`)) {
		t.Errorf("created does not follow SOURCE_DATE_EPOCH")
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"build", "extra"},
		{"build", "-format", "xml"},
		{"build", "-seeds", "/nonexistent"},
		{"validate"},
		{"validate", "/nonexistent"},
	} {
		if code, _, _ := claimpack(t, args...); code != 2 {
			t.Errorf("claimpack %q: exit %d, want 2", args, code)
		}
	}
	if code, stdout, _ := claimpack(t, "help"); code != 0 || !strings.Contains(stdout, "usage") {
		t.Errorf("help: exit %d", code)
	}
}

func TestExplain(t *testing.T) {
	code, stdout, stderr := claimpack(t, "explain", seeds+"/001_f7af78b5287698e3.txt:88-92")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"sentence 88 [body]", "visit Xi Jinping CHN→BLR", "Directive No. 5", "[prose.agreement.directive]"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, stdout)
		}
	}
	if code, _, _ := claimpack(t, "explain", seeds+"/nope.txt"); code != 1 {
		t.Errorf("explain of a missing document: exit %d, want 1", code)
	}
	if code, _, _ := claimpack(t, "explain", seeds+"/001_f7af78b5287698e3.txt:x"); code != 2 {
		t.Errorf("explain with a bad range: exit %d, want 2", code)
	}
}

// TestLexiconFlag: -lexicon replaces the built-in vocabulary; a lexicon
// holding a fact (a digit) is refused at its line and column, and nothing
// is written.
func TestLexiconFlag(t *testing.T) {
	tmp := t.TempDir()
	good := filepath.Join(tmp, "lex.yaml")
	// a vocabulary without the word "trade": the prose trade figures go,
	// the tables (read by their captions' topics) need "trade" too
	os.WriteFile(good, []byte("countries:\n  - code: CHN\n    names: [China]\n  - code: BLR\n    names: [Belarus]\ntopics:\n  - key: fdi\n    terms: [investment]\nfdi_measures:\n  - key: flow\n    terms: [annual flow]\n  - key: stock\n    terms: [year-end stock]\ncurrencies:\n  - code: USD\n    symbols: [$, USD]\n    words: [USD]\nscales:\n  - factor: 1e6\n    words: [million]\n"), 0o644)
	out := filepath.Join(tmp, "pkg")
	code, _, stderr := claimpack(t, "build", "-seeds", seeds, "-out", out, "-datasets", tmp, "-lexicon", good)
	if code != 1 || !strings.Contains(stderr, "curation entry \"trade-table-unit\" selects no record") {
		// without trade vocabulary the trade table is not read, so the
		// curation entry for it selects nothing: an error, as it should be
		t.Fatalf("build with a lexicon without trade words: exit %d, stderr %s", code, stderr)
	}
	bad := filepath.Join(tmp, "bad.yaml")
	os.WriteFile(bad, []byte("countries:\n  - code: CHN\n    names: [China, the 2015 treaty]\n"), 0o644)
	code, _, stderr = claimpack(t, "build", "-seeds", seeds, "-out", out, "-datasets", tmp, "-lexicon", bad)
	if code != 1 || !strings.Contains(stderr, filepath.ToSlash(bad)+":3:20: error: lexicon term \"the 2015 treaty\" holds a digit") {
		t.Fatalf("build with a lexicon holding a fact: exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build wrote %s", out)
	}
}
