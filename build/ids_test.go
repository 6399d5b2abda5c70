package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/claimpack/claimpack/build/contract"
)

// TestStableIDs edits a seed document the way an editor would, adding an
// unrelated sentence at its start and removing another one further on,
// and checks that every record not in the removed sentence keeps its
// identifiers: record ids are derived from content, never from offsets.
func TestStableIDs(t *testing.T) {
	const (
		doc     = "000_80e96b79e50ffd3c"
		added   = "This sentence was added to test that identifiers do not move.\n"
		removed = " These efforts have significantly improved infrastructure, economic development and public welfare in participating countries, and fostered stronger international relations."
	)
	seeds := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../seeds"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("../seeds/" + p)
		seeds[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	before := runOn(t, seeds)

	orig := string(seeds[doc+".txt"].Data)
	cut := strings.Index(orig, removed)
	if cut < 0 || strings.Count(orig, removed) != 1 {
		t.Fatalf("the sentence to remove is not in %s once", doc)
	}
	seeds[doc+".txt"] = &fstest.MapFile{Data: []byte(added + orig[:cut] + orig[cut+len(removed):])}
	after := runOn(t, seeds)

	// moved maps a span start in the old document to the new one; ok is
	// false for text that was removed.
	moved := func(start, end int64) (int64, bool) {
		switch {
		case end <= int64(cut):
			return start + int64(len(added)), true
		case start >= int64(cut+len(removed)):
			return start + int64(len(added)) - int64(len(removed)), true
		}
		return 0, false
	}
	for _, tb := range before.Tables {
		d := tb.Dataset
		idCols := identifierColumns(d)
		// Rows with the same place (two claims of one sentence differ
		// only in their ids) compare as a set.
		want := map[string][]string{}
		for _, r := range tb.Rows {
			m := d.Object(r)
			src, _ := m["source_id"].(string)
			start, _ := m["byte_start"].(int64)
			end, _ := m["byte_end"].(int64)
			if src == doc {
				var ok bool
				if start, ok = moved(start, end); !ok {
					continue
				}
			}
			k := place(d, m, src, start)
			want[k] = append(want[k], ids(m, idCols))
		}
		got := map[string][]string{}
		for _, r := range datasetOf(after, d.Name).Rows {
			m := d.Object(r)
			src, _ := m["source_id"].(string)
			start, _ := m["byte_start"].(int64)
			k := place(d, m, src, start)
			got[k] = append(got[k], ids(m, idCols))
		}
		for k, w := range want {
			g := got[k]
			slices.Sort(w)
			slices.Sort(g)
			if !slices.Equal(g, w) {
				t.Errorf("%s at %s: identifiers %q became %q after an unrelated edit", d.Name, k, w, g)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%s: a record at %s appeared after an unrelated edit", d.Name, k)
			}
		}
	}
	for _, res := range []*Result{before, after} {
		seen := map[string]string{}
		for _, tb := range res.Tables {
			pk := tb.Dataset.Index(tb.Dataset.PrimaryKey[0])
			for _, r := range tb.Rows {
				id := contract.Text(r[pk])
				if other, dup := seen[id]; dup {
					t.Errorf("identifier %s is used in %s and %s", id, other, tb.Dataset.Name)
				}
				seen[id] = tb.Dataset.Name
			}
		}
	}
}

func runOn(t *testing.T, seeds fs.FS) *Result {
	t.Helper()
	res, err := Run(context.Background(), DefaultConfig(seeds, "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build errors: %v", res.Diags.Filter(0))
	}
	return res
}

// identifierColumns are the columns of a dataset that hold identifiers:
// its primary key, record_id and claim_id, and lists of record ids.
func identifierColumns(d *contract.Dataset) []string {
	var out []string
	for _, c := range d.Columns {
		if slices.Contains(d.PrimaryKey, c.Name) || c.Name == "record_id" || c.Name == "claim_id" || c.Name == "record_ids" {
			out = append(out, c.Name)
		}
	}
	return out
}

// place names a record by where it is and what it says: for datasets
// with provenance, the source, the span start (in the edited document's
// offsets) and every cell but identifiers and provenance (one sentence can
// state two agreements); for the others, the primary key (which, for
// conflicts, curation and sources, is itself derived from content).
func place(d *contract.Dataset, m map[string]any, src string, start int64) string {
	if d.Index("byte_start") < 0 {
		return contract.Text(m[d.PrimaryKey[0]])
	}
	ids := identifierColumns(d)
	var b strings.Builder
	fmt.Fprintf(&b, "%s@%d", src, start)
	for _, c := range d.Columns {
		switch {
		case slices.Contains(ids, c.Name), c.Name == "source_sha256", c.Name == "byte_start", c.Name == "byte_end", c.Name == "line":
		default:
			fmt.Fprintf(&b, " %s=%q", c.Name, contract.Text(m[c.Name]))
		}
	}
	return b.String()
}

// ids joins a record's identifier cells.
func ids(m map[string]any, cols []string) string {
	var parts []string
	for _, c := range cols {
		parts = append(parts, c+"="+contract.Text(m[c]))
	}
	return strings.Join(parts, " ")
}
