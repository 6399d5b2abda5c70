package verify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/publish"
	"github.com/claimpack/claimpack/build/release"
	"github.com/claimpack/claimpack/build/verify"
)

// seedPackage builds the repository's seeds into a fresh directory.
func seedPackage(t *testing.T) string {
	t.Helper()
	res, err := build.Run(context.Background(), build.DefaultConfig(os.DirFS("../../seeds"), "seeds"))
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	files, err := res.Package("1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pkg")
	if err := release.Write(dir, files, false); err != nil {
		t.Fatal(err)
	}
	return dir
}

func check(dir string) []string {
	var codes []string
	for _, d := range verify.Package(os.DirFS(dir), verify.Options{Display: "pkg"}) {
		codes = append(codes, d.Code+" "+d.Pos())
	}
	return codes
}

// rehash updates a file's bytes and hash in datapackage.json, so that only
// the deeper checks can catch an edit.
func rehash(t *testing.T, dir, path string) {
	t.Helper()
	p := filepath.Join(dir, publish.DescriptorFile)
	var desc map[string]any
	data, _ := os.ReadFile(p)
	if err := json.Unmarshal(data, &desc); err != nil {
		t.Fatal(err)
	}
	content, _ := os.ReadFile(filepath.Join(dir, path))
	for _, r := range desc["resources"].([]any) {
		r := r.(map[string]any)
		if r["path"] == path {
			r["bytes"] = len(content)
			r["hash"] = publish.Hash(content)
		}
	}
	out, _ := json.MarshalIndent(desc, "", "  ")
	os.WriteFile(p, out, 0o644)
}

func edit(t *testing.T, dir, path string, f func([]byte) []byte) {
	t.Helper()
	p := filepath.Join(dir, path)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, f(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceFirst changes the first occurrence of old in a CSV body (after the header).
func replaceFirst(old, new string) func([]byte) []byte {
	return func(b []byte) []byte {
		nl := bytes.IndexByte(b, '\n')
		return append(b[:nl:nl], bytes.Replace(b[nl:], []byte(old), []byte(new), 1)...)
	}
}

func has(codes []string, prefix string) bool {
	for _, c := range codes {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

func TestValid(t *testing.T) {
	if codes := check(seedPackage(t)); len(codes) != 0 {
		t.Fatalf("fresh package: %v", codes)
	}
}

func TestCorruptions(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   []string // code and position prefixes that must be reported
	}{
		{"one byte of a quote in trade.csv", func(t *testing.T, dir string) {
			edit(t, dir, "trade.csv", replaceFirst(",30.13,table,", ",30.14,table,"))
		}, []string{"hash pkg/trade.csv", "quote pkg/trade.csv:"}},
		{"one byte of a quote in trade.csv, hash updated", func(t *testing.T, dir string) {
			edit(t, dir, "trade.csv", replaceFirst(",30.13,table,", ",30.14,table,"))
			rehash(t, dir, "trade.csv")
		}, []string{"quote pkg/trade.csv:", "parquet-differs pkg/trade.csv:"}},
		{"one byte of a Parquet file", func(t *testing.T, dir string) {
			edit(t, dir, "fdi.parquet", func(b []byte) []byte { b[len(b)/2] ^= 0xff; return b })
		}, []string{"hash pkg/fdi.parquet"}},
		{"a CSV cell breaks its schema, hash updated", func(t *testing.T, dir string) {
			edit(t, dir, "trade.csv", replaceFirst(",USD,", ",usd,"))
			rehash(t, dir, "trade.csv")
		}, []string{"schema pkg/trade.csv:", "parquet-differs pkg/trade.csv:"}},
		{"a source document changed, hash updated", func(t *testing.T, dir string) {
			edit(t, dir, "sources/000_80e96b79e50ffd3c.txt", func(b []byte) []byte { return append(b, '\n') })
			rehash(t, dir, "sources/000_80e96b79e50ffd3c.txt")
		}, []string{"source-hash pkg/claims.csv:", "source-hash pkg/fdi.csv:"}},
		{"a Parquet file with other rows, hash updated", func(t *testing.T, dir string) {
			c, _ := contract.Default()
			d := c.Dataset("curation")
			data, err := publish.Parquet(d, []contract.Row{{"x", "reject", "line=1", nil, "r", []string{}}}, publish.ParquetMeta{Package: "p", Version: "1.0.0"})
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "curation.parquet"), data, 0o644)
			rehash(t, dir, "curation.parquet")
		}, []string{"parquet-differs pkg/curation.csv:"}},
		{"a file not in datapackage.json", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hi"), 0o644)
		}, []string{"unlisted pkg/notes.txt"}},
		{"a file missing", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "visits.parquet"))
		}, []string{"missing pkg/datapackage.json", "missing pkg/visits.parquet"}},
		{"a broken descriptor", func(t *testing.T, dir string) {
			edit(t, dir, publish.DescriptorFile, func(b []byte) []byte { return b[:len(b)/2] })
		}, []string{"bad-descriptor pkg/datapackage.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := seedPackage(t)
			tt.break_(t, dir)
			codes := check(dir)
			for _, w := range tt.want {
				if !has(codes, w) {
					t.Errorf("missing %q in %v", w, codes)
				}
			}
		})
	}
}

// TestCorruptParquetNeverPanics flips bytes across a Parquet file: every
// variant must give findings, never a crash.
func TestCorruptParquetNeverPanics(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 200 corrupted variants")
	}
	dir := seedPackage(t)
	p := filepath.Join(dir, "fdi.parquet")
	orig, _ := os.ReadFile(p)
	step := max(len(orig)/200, 1)
	for i := 0; i < len(orig); i += step {
		b := bytes.Clone(orig)
		b[i] ^= 0x5a
		os.WriteFile(p, b, 0o644)
		rehash(t, dir, "fdi.parquet")
		codes := check(dir) // must not panic
		_ = codes
	}
}
