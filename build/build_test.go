package build

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/claimpack/claimpack/build/publish"
)

// seedResult builds the repository's seeds once per test binary.
func seedResult(t *testing.T, workers int) *Result {
	t.Helper()
	cfg := DefaultConfig(os.DirFS("../seeds"), "seeds")
	cfg.Workers = workers
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build errors:\n%v", res.Diags.Filter(0))
	}
	return res
}

func datasetOf(res *Result, name string) publish.Table {
	for _, t := range res.Tables {
		if t.Dataset.Name == name {
			return t
		}
	}
	return publish.Table{}
}

// rows returns a dataset's rows as maps, keeping only those matching keep.
func rows(res *Result, name string, keep func(map[string]any) bool) []map[string]any {
	t := datasetOf(res, name)
	var out []map[string]any
	for _, r := range t.Rows {
		m := t.Dataset.Object(r)
		if keep == nil || keep(m) {
			out = append(out, m)
		}
	}
	return out
}

func TestSeedTables(t *testing.T) {
	res := seedResult(t, 2)
	byTable := func(m map[string]any) bool { return m["method"] == "table" }
	if n := len(rows(res, "trade", byTable)); n != 33 {
		t.Errorf("trade table cells: %d, want 33", n)
	}
	if n := len(rows(res, "fdi", byTable)); n != 22 {
		t.Errorf("fdi table cells: %d, want 22", n)
	}
	find := func(ds string, keep func(map[string]any) bool) map[string]any {
		t.Helper()
		got := rows(res, ds, func(m map[string]any) bool { return byTable(m) && keep(m) })
		if len(got) != 1 {
			t.Fatalf("%s: %d matching rows, want 1", ds, len(got))
		}
		return got[0]
	}
	turnover := find("trade", func(m map[string]any) bool { return m["indicator"] == "turnover" && m["period"] == "2023" })
	if turnover["value"] != 7.7e9 || turnover["value_usd"] != 7.7e9 || turnover["value_text"] != "77" ||
		turnover["unit_text"] != "USD billion" || turnover["curation_id"] != "trade-table-unit" || turnover["correction"] == nil ||
		turnover["reporter"] != "BLR" || turnover["attribution"] != "National Statistical Committee of Belarus" {
		t.Errorf("2023 turnover: %v", turnover)
	}
	exports := find("trade", func(m map[string]any) bool { return m["indicator"] == "exports" && m["period"] == "2013" })
	if exports["exporter"] != "CHN" || exports["importer"] != "BLR" || exports["value"] != 28.29e8 {
		t.Errorf("2013 exports: %v", exports)
	}
	flow := find("fdi", func(m map[string]any) bool { return m["measure"] == "flow" && m["period"] == "2020" })
	if flow["value"] != -8.15e6 || flow["value_usd"] != -8.15e6 || flow["investor"] != "CHN" || flow["host"] != "BLR" || flow["value_text"] != "−8,15" {
		t.Errorf("2020 flow: %v", flow)
	}
	stock := find("fdi", func(m map[string]any) bool { return m["measure"] == "stock" && m["period"] == "2023-12-31" })
	if stock["value"] != 792.92e6 || stock["period_precision"] != "day" || stock["period_start"] != "2023-12-31" {
		t.Errorf("2023 stock: %v", stock)
	}
}

// TestQuotesSliceSources checks the central provenance invariant on every
// row of every dataset.
func TestQuotesSliceSources(t *testing.T) {
	res := seedResult(t, 2)
	docs := map[string][]byte{}
	for _, d := range res.Docs {
		docs[d.ID] = d.Data
	}
	for _, tb := range res.Tables {
		d := tb.Dataset
		if d.Index("quote") < 0 {
			continue
		}
		for i, r := range tb.Rows {
			m := d.Object(r)
			data := docs[m["source_id"].(string)]
			s, e := m["byte_start"].(int64), m["byte_end"].(int64)
			if got := string(data[s:e]); got != m["quote"] {
				t.Errorf("%s[%d]: quote %q, source bytes %q", d.Name, i, m["quote"], got)
			}
			if want := int64(1 + bytes.Count(data[:s], []byte("\n"))); m["line"] != want {
				t.Errorf("%s[%d]: line %v, want %d", d.Name, i, m["line"], want)
			}
		}
	}
}

// TestDeterministic builds twice, with different numbers of workers, and
// compares every byte of every file.
func TestDeterministic(t *testing.T) {
	a, err := seedResult(t, 1).Package("1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	b, err := seedResult(t, 4).Package("1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between builds", a[i].Path)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	cfg := DefaultConfig(os.DirFS("."), ".")
	cfg.Focus = [2]string{"CHN", "CHN"}
	if cfg.Validate() == nil {
		t.Error("same country twice should not validate")
	}
	cfg = DefaultConfig(nil, "")
	if cfg.Validate() == nil {
		t.Error("no seeds should not validate")
	}
}
