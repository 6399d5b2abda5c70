package build

import (
	"bytes"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/check"
	"github.com/claimpack/claimpack/build/publish"
)

// TestSeedSums checks the seed trade table: its eleven years of exports +
// imports = turnover are checked, and agree within rounding, so no table
// record is in a sum conflict.
func TestSeedSums(t *testing.T) {
	res := seedResult(t, 2)
	sums := res.Checks.Stats[0]
	if sums.Check != "sums" || sums.Compared < 11 {
		t.Errorf("sum checks: %+v, want at least the 11 years of the seed table", sums)
	}
	table := map[string]bool{}
	for _, m := range rows(res, "trade", func(m map[string]any) bool { return m["method"] == "table" }) {
		table[m["record_id"].(string)] = true
	}
	for _, c := range rows(res, "conflicts", nil) {
		if c["kind"] != check.SumMismatch {
			continue
		}
		all := true
		for _, id := range c["record_ids"].([]string) {
			all = all && table[id]
		}
		if all {
			t.Errorf("false sum conflict among table records: %v", c["detail"])
		}
	}
}

// TestQualityReportInPackage checks that QUALITY.md is a file of the
// package, listed in datapackage.json, and is the report of the checks.
func TestQualityReportInPackage(t *testing.T) {
	res := seedResult(t, 2)
	files, err := res.Package("1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	var report, desc []byte
	for _, f := range files {
		switch f.Path {
		case check.ReportFile:
			report = f.Data
		case publish.DescriptorFile:
			desc = f.Data
		}
	}
	if !bytes.Equal(report, res.Checks.Report()) {
		t.Errorf("%s is not the report of the checks", check.ReportFile)
	}
	if !bytes.Contains(desc, []byte(`"path": "QUALITY.md"`)) || !bytes.Contains(desc, []byte(`"mediatype": "text/markdown"`)) {
		t.Errorf("datapackage.json does not list %s as a Markdown resource", check.ReportFile)
	}
	if !strings.Contains(string(report), "| sums |") {
		t.Errorf("report lacks the sums line:\n%s", report)
	}
}
