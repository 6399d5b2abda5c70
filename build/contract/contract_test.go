package contract

import (
	"testing"
	"testing/fstest"
)

func TestDefault(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"agreements", "claims", "conflicts", "curation", "fdi", "sources", "trade", "visits"}
	if len(c.Datasets) != len(want) {
		t.Fatalf("datasets: got %d, want %d", len(c.Datasets), len(want))
	}
	for i, d := range c.Datasets {
		if d.Name != want[i] {
			t.Errorf("dataset %d is %s, want %s", i, d.Name, want[i])
		}
	}
	tr := c.Dataset("trade")
	if tr.Columns[0].Name != "record_id" || tr.Columns[tr.Index("value_usd")].Type != Number || !tr.Columns[tr.Index("value_usd")].Nullable {
		t.Errorf("trade columns not as the schema says: %+v", tr.Columns[:2])
	}
	if col := tr.Columns[tr.Index("period_start")]; col.Type != Date {
		t.Errorf("period_start is %s, want date", col.Type)
	}
	if col := tr.Columns[tr.Index("line")]; col.Type != Int32 {
		t.Errorf("line is %s, want int32", col.Type)
	}
	if col := c.Dataset("agreements").Columns[c.Dataset("agreements").Index("parties")]; col.Type != List || col.Nullable {
		t.Errorf("parties is %s nullable=%v, want a non-null list", col.Type, col.Nullable)
	}
}

func TestValidate(t *testing.T) {
	c, _ := Default()
	d := c.Dataset("curation")
	row := Row{"trade-unit", "rescale", "source_id=x", nil, "because", []string{"tr-1"}}
	if vs, err := d.Validate(row); err != nil || len(vs) != 0 {
		t.Fatalf("valid row: %v %v", vs, err)
	}
	bad := Row{"trade unit", "explode", "source_id=x", "", nil, []string{"a;b"}}
	vs, err := d.Validate(bad)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, v := range vs {
		got[v.Column] = v.Keyword
	}
	for col, kw := range map[string]string{"curation_id": "pattern", "action": "enum", "change": "minLength", "reason": "type", "record_ids.0": "pattern"} {
		if got[col] != kw {
			t.Errorf("column %s: keyword %q, want %q (all: %v)", col, got[col], kw, vs)
		}
	}
}

func TestCSVCell(t *testing.T) {
	str := Column{Type: String}
	num := Column{Type: Number}
	tests := []struct {
		col  Column
		v    any
		want string
	}{
		{str, "=SUM(A1)", "'=SUM(A1)"},
		{str, "+1", "'+1"},
		{str, "-x", "'-x"},
		{str, "@home", "'@home"},
		{str, "\tx", "'\tx"},
		{str, "'quoted", "'quoted"},
		{str, "plain", "plain"},
		{num, -8150000.0, "-8150000"},
		{num, 7.7e9, "7700000000"},
		{num, 0.404, "0.404"},
		{Column{Type: Int64}, int64(-3), "-3"},
		{Column{Type: List}, []string{"-a", "b"}, "'-a;b"},
		{str, nil, ""},
	}
	for _, tt := range tests {
		got := CSVCell(tt.col, tt.v)
		if got != tt.want {
			t.Errorf("CSVCell(%v) = %q, want %q", tt.v, got, tt.want)
		}
		if back := UnguardCSV(tt.col, got); back != Text(tt.v) {
			t.Errorf("UnguardCSV(%q) = %q, want %q", got, back, Text(tt.v))
		}
	}
}

func TestLoadErrors(t *testing.T) {
	common := `{"definitions": {"s": {"type": "string"}}}`
	tests := map[string]string{
		"unresolved ref":      `{"type":"object","additionalProperties":false,"required":["a"],"x-primary-key":["a"],"properties":{"a":{"$ref":"common.schema.json#/definitions/nope"}}}`,
		"column not required": `{"type":"object","additionalProperties":false,"required":["a"],"x-primary-key":["a"],"properties":{"a":{"type":"string"},"b":{"type":"string"}}}`,
		"open object":         `{"type":"object","required":["a"],"x-primary-key":["a"],"properties":{"a":{"type":"string"}}}`,
		"no primary key":      `{"type":"object","additionalProperties":false,"required":["a"],"properties":{"a":{"type":"string"}}}`,
		"object column":       `{"type":"object","additionalProperties":false,"required":["a"],"x-primary-key":["a"],"properties":{"a":{"type":"object"}}}`,
	}
	for name, schema := range tests {
		fsys := fstest.MapFS{"common.schema.json": {Data: []byte(common)}, "x.schema.json": {Data: []byte(schema)}}
		if _, err := Load(fsys); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}
