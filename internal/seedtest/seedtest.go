// Package seedtest holds the edits that tests make to copies of the seed
// documents to simulate a new edition of the data: shared by the release
// tests of build/release and cmd/claimpack, so the two simulate the same
// change.
package seedtest

import (
	"os"
	"strings"
	"testing"
)

// Edit rewrites the file p with f, failing the test when f changes nothing
// (the seed no longer holds what the edit expects).
func Edit(t testing.TB, p string, f func(string) string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	out := f(string(data))
	if out == string(data) {
		t.Fatalf("the edit of %s changed nothing", p)
	}
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// AddYear adds a column 2024 to the seed trade table (document
// 000_80e96b79e50ffd3c.txt): three new records.
func AddYear(s string) string {
	// The header is the first of two alike (the fdi table's follows).
	s = strings.Replace(s, "| 2022 | 2023 |\n---|---|---|---|---|---|---|---|---|---|---|---|\n",
		"| 2022 | 2023 | 2024 |\n---|---|---|---|---|---|---|---|---|---|---|---|---|\n", 1)
	return strings.NewReplacer(
		"| 57.9 | 77 |\n", "| 57.9 | 77 | 84 |\n",
		"| 41.8 | 57.68 |\n", "| 41.8 | 57.68 | 60 |\n",
		"| 16.1 | 19.32 |\n", "| 16.1 | 19.32 | 24 |\n",
	).Replace(s)
}
