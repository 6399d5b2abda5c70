package quantity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFindSeeds runs Find on every seed document and compares what it
// finds with testdata/seeds.golden, one quantity a line, so that a change
// of behaviour on the real corpus shows as a diff. Refresh the file with
// CLAIMPACK_UPDATE=1 go test ./build/extract/quantity/.
func TestFindSeeds(t *testing.T) {
	files, err := filepath.Glob("../../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Skip("no seed documents")
	}
	f := NewFinder(testLexicon(t))
	var b strings.Builder
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, q := range f.Find(text) {
			line := 1 + strings.Count(text[:q.Start], "\n")
			col := 1 + q.Start - (strings.LastIndex(text[:q.Start], "\n") + 1)
			fmt.Fprintf(&b, "%s:%d:%d: %s %g %s", filepath.Base(path), line, col, q.Kind, q.Value, q.Unit)
			if q.High != 0 {
				fmt.Fprintf(&b, " to %g", q.High)
			}
			if q.QualEnd > 0 {
				fmt.Fprintf(&b, " %s %q", q.Qualifier, text[q.QualStart:q.QualEnd])
			}
			fmt.Fprintf(&b, " %q\n", q.ValueText)
		}
	}
	golden := filepath.Join("testdata", "seeds.golden")
	if os.Getenv("CLAIMPACK_UPDATE") != "" {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with CLAIMPACK_UPDATE=1)", err)
	}
	if got := b.String(); got != string(want) {
		gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gotLines) || i < len(wantLines); i++ {
			var g, w string
			if i < len(gotLines) {
				g = gotLines[i]
			}
			if i < len(wantLines) {
				w = wantLines[i]
			}
			if g != w {
				t.Fatalf("seeds differ from %s at line %d:\n got %s\nwant %s\n(refresh with CLAIMPACK_UPDATE=1 if the change is intended)", golden, i+1, g, w)
			}
		}
	}
}
