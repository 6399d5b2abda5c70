package curate

import (
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/record"
)

func set() *Set {
	fig := func(n, factor float64) record.Figure {
		return record.Figure{Value: n * factor, Unit: "USD", ValueUSD: record.USD(n * factor), Number: n, Written: n * factor, ValueText: "x", Qualifier: record.Exact}
	}
	return &Set{
		Trade: []record.Trade{
			{RecordID: "tr-1", ClaimID: "cl-1", Indicator: "turnover", Table: "Bilateral goods trade volume between China and Belarus", Figure: fig(77, 1e9), Provenance: record.Provenance{SourceID: "doc", Line: 14, Quote: "77"}},
			{RecordID: "tr-2", ClaimID: "cl-2", Indicator: "exports", Figure: fig(3.7, 1e9), Provenance: record.Provenance{SourceID: "doc", Line: 20, Quote: "USD 3.7 billion"}},
		},
		Visits: []record.VisitMention{{ClaimID: "cl-3", Visitor: "X", Kind: "visit", Provenance: record.Provenance{SourceID: "doc", Line: 5}}},
	}
}

func TestApply(t *testing.T) {
	entries, diags := Parse("seeds/curation.yaml", []byte(`curation:
  - id: unit
    select: {source_id: doc, table: "bilateral goods"}
    action: rescale
    unit_scale: 1e8
    reason: the cells are in USD 100 million
  - id: drop
    select: {claim_id: cl-2}
    action: reject
    reason: not a China-Belarus figure
  - id: kind
    select: {dataset: visits, line: 5}
    action: set_field
    field: kind
    value: state
    reason: the next sentence says it was a state visit
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s := set()
	out, diags := Apply(entries, s, "seeds/curation.yaml")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(s.Trade) != 1 || s.Trade[0].Value != 7.7e9 || *s.Trade[0].ValueUSD != 7.7e9 || s.Trade[0].Written != 77e9 || s.Trade[0].CurationID != "unit" || s.Trade[0].Correction == "" {
		t.Errorf("rescale: got %+v", s.Trade)
	}
	if len(out.Rejected) != 1 || out.Rejected[0].ClaimID != "cl-2" || out.Rejected[0].CurationID != "drop" || out.Rejected[0].RecordID != "" {
		t.Errorf("reject: got %+v", out.Rejected)
	}
	if s.Visits[0].Kind != "state" || s.Visits[0].CurationID != "kind" {
		t.Errorf("set_field: got %+v", s.Visits[0])
	}
	if len(out.Curation) != 3 || out.Curation[0].Change != "unit_scale=1e8" || strings.Join(out.Curation[0].RecordIDs, ";") != "tr-1" {
		t.Errorf("curation rows: %+v", out.Curation)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		line       int
		want       string
	}{
		{"no reason", "curation:\n  - id: a\n    select: {claim_id: x}\n    action: reject\n", 2, "needs a reason"},
		{"value field", "curation:\n  - id: a\n    select: {claim_id: x}\n    action: set_field\n    field: value\n    value: \"5\"\n    reason: r\n", 2, "non-value fields"},
		{"bad scale", "curation:\n  - id: a\n    select: {claim_id: x}\n    action: rescale\n    unit_scale: big\n    reason: r\n", 5, "positive number"},
		{"unknown select key", "curation:\n  - id: a\n    select: {colour: x}\n    action: reject\n    reason: r\n", 3, "colour"},
		{"duplicate id", "curation:\n  - id: a\n    select: {claim_id: x}\n    action: reject\n    reason: r\n  - id: a\n    select: {claim_id: y}\n    action: reject\n    reason: r\n", 6, "used twice"},
		{"bad yaml", "curation:\n  - id: [\n", 2, "yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("c.yaml", []byte(tt.yaml))
			if len(diags) == 0 {
				t.Fatal("want an error")
			}
			d := diags[0]
			if d.Line != tt.line || !strings.Contains(d.Message, tt.want) {
				t.Errorf("got %s, want line %d mentioning %q", d, tt.line, tt.want)
			}
		})
	}
}

func TestSelectsNothing(t *testing.T) {
	entries, _ := Parse("c.yaml", []byte("curation:\n  - id: a\n    select: {claim_id: cl-404}\n    action: reject\n    reason: r\n"))
	_, diags := Apply(entries, set(), "seeds/curation.yaml")
	if len(diags) != 1 || diags[0].Code != "curation-selects-nothing" || diags[0].Pos() != "seeds/curation.yaml:2:5" {
		t.Fatalf("got %v", diags)
	}
}
