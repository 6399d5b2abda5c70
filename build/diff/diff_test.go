package diff

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// schema returns a dataset schema with the named columns: "name:type",
// type string, number, "number|null" or list; the first column is the
// primary key.
func schema(cols ...string) string {
	var req, props []string
	for _, c := range cols {
		name, typ, _ := strings.Cut(c, ":")
		req = append(req, `"`+name+`"`)
		switch typ {
		case "list":
			props = append(props, `"`+name+`": {"type": "array", "items": {"type": "string"}}`)
		case "number|null":
			props = append(props, `"`+name+`": {"type": ["number", "null"]}`)
		default:
			props = append(props, `"`+name+`": {"type": "`+typ+`"}`)
		}
	}
	key, _, _ := strings.Cut(cols[0], ":")
	return `{"type": "object", "additionalProperties": false, "x-primary-key": ["` + key + `"], "required": [` +
		strings.Join(req, ", ") + `], "properties": {` + strings.Join(props, ", ") + `}}`
}

// pkg makes a package of datasets: name → schema and CSV.
func pkg(t *testing.T, datasets ...[3]string) *Package {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, d := range datasets {
		fsys["schema/"+d[0]+".schema.json"] = &fstest.MapFile{Data: []byte(d[1])}
		fsys[d[0]+".csv"] = &fstest.MapFile{Data: []byte(d[2])}
	}
	p, err := Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	tradeSchema = schema("record_id:string", "indicator:string", "value:number|null", "quote:string")
	tradeV1     = "record_id,indicator,value,quote\n" +
		"tr-1,turnover,7700000000,77\n" +
		"tr-2,exports,5768000000,57.68\n" +
		"tr-3,imports,1932000000,'-19.32\n"
	sourcesSchema = schema("source_id:string", "title:string")
	sourcesV1     = "source_id,title\n000,Belarus and China\n"
)

func TestCompare(t *testing.T) {
	old := pkg(t, [3]string{"trade", tradeSchema, tradeV1}, [3]string{"sources", sourcesSchema, sourcesV1})
	tests := []struct {
		name       string
		new        *Package
		want       string // WriteText
		a, r, c    int
		schemaOnly bool
	}{
		{
			name: "same records, other row order",
			new: pkg(t, [3]string{"trade", tradeSchema, "record_id,indicator,value,quote\n" +
				"tr-3,imports,1932000000,'-19.32\ntr-2,exports,5768000000,57.68\ntr-1,turnover,7700000000,77\n"},
				[3]string{"sources", sourcesSchema, sourcesV1}),
			want: "sources: no record changed\ntrade: no record changed\n",
		},
		{
			name: "a record added, one removed, one value changed",
			new: pkg(t, [3]string{"trade", tradeSchema, "record_id,indicator,value,quote\n" +
				"tr-1,turnover,7800000000,78\ntr-2,exports,5768000000,57.68\ntr-4,turnover,,n/a\n"},
				[3]string{"sources", sourcesSchema, sourcesV1}),
			want: "sources: no record changed\n" +
				"trade: 1 added, 1 removed, 1 changed\n" +
				"  + tr-4  indicator=turnover quote=\"n/a\"\n" +
				"  - tr-3  indicator=imports value=1932000000 quote=\"-19.32\"\n" +
				"  ~ tr-1  indicator=turnover value=7800000000 quote=\"78\"\n" +
				"      value: \"7700000000\" → \"7800000000\"\n" +
				"      quote: \"77\" → \"78\"\n",
			a: 1, r: 1, c: 1,
		},
		{
			name: "a column added and a dataset removed",
			new: pkg(t, [3]string{"trade", schema("record_id:string", "indicator:string", "value:number|null", "quote:string", "product:string"),
				"record_id,indicator,value,quote,product\ntr-1,turnover,7700000000,77,goods\n" +
					"tr-2,exports,5768000000,57.68,goods\ntr-3,imports,1932000000,'-19.32,goods\n"}),
			want: "schema: dataset sources removed\n" +
				"schema: column trade.product added (string)\n" +
				"sources: 0 added, 1 removed, 0 changed\n" +
				"  - 000  title=\"Belarus and China\" source_id=000\n" +
				"trade: no record changed\n",
			r: 1,
		},
		{
			name: "a column retyped and one removed",
			new: pkg(t, [3]string{"trade", schema("record_id:string", "indicator:string", "value:number"),
				"record_id,indicator,value\ntr-1,turnover,7700000000\ntr-2,exports,5768000000\ntr-3,imports,1932000000\n"},
				[3]string{"sources", sourcesSchema, sourcesV1}),
			want: "schema: column trade.value retyped: number or null → number\n" +
				"schema: column trade.quote removed (was string)\n" +
				"sources: no record changed\ntrade: no record changed\n",
			schemaOnly: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(old, tt.new)
			var b bytes.Buffer
			if err := d.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("text:\n%s\nwant:\n%s", got, tt.want)
			}
			a, r, c := d.Counts()
			if a != tt.a || r != tt.r || c != tt.c {
				t.Errorf("counts %d %d %d, want %d %d %d", a, r, c, tt.a, tt.r, tt.c)
			}
			wantEmpty := tt.a+tt.r+tt.c == 0 && !tt.schemaOnly && !strings.Contains(tt.want, "schema:")
			if d.Empty() != wantEmpty {
				t.Errorf("Empty() = %v, want %v", d.Empty(), wantEmpty)
			}
		})
	}
}

func TestCompareWithNothing(t *testing.T) {
	d := Compare(&Package{}, pkg(t, [3]string{"trade", tradeSchema, tradeV1}))
	if a, r, c := d.Counts(); a != 3 || r != 0 || c != 0 || len(d.Schema) != 0 {
		t.Errorf("counts %d %d %d, schema %v; want 3 added and no schema change", a, r, c, d.Schema)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"no schemas", fstest.MapFS{"trade.csv": {Data: []byte("a\n")}}, "no datasets"},
		{"no CSV", fstest.MapFS{"schema/trade.schema.json": {Data: []byte(tradeSchema)}}, "trade.csv"},
		{"header differs", fstest.MapFS{"schema/trade.schema.json": {Data: []byte(tradeSchema)},
			"trade.csv": {Data: []byte("record_id,indicator,quote,value\n")}}, `column 3 is "quote"`},
		{"duplicate key", fstest.MapFS{"schema/trade.schema.json": {Data: []byte(tradeSchema)},
			"trade.csv": {Data: []byte("record_id,indicator,value,quote\ntr-1,a,1,x\ntr-1,b,2,y\n")}}, "primary key tr-1 is also on line 2"},
		{"short row", fstest.MapFS{"schema/trade.schema.json": {Data: []byte(tradeSchema)},
			"trade.csv": {Data: []byte("record_id,indicator,value,quote\ntr-1,a\n")}}, "wrong number of fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestFormats compares the three formats of one diff with golden files
// (CLAIMPACK_UPDATE=1 rewrites them).
func TestFormats(t *testing.T) {
	old := pkg(t, [3]string{"trade", tradeSchema, tradeV1}, [3]string{"sources", sourcesSchema, sourcesV1})
	new := pkg(t,
		[3]string{"trade", schema("record_id:string", "indicator:string", "value:number|null", "quote:string", "parties:list"),
			"record_id,indicator,value,quote,parties\ntr-1,turnover,7800000000,78,CHN;BLR\n" +
				"tr-2,exports,5768000000,57.68,\ntr-4,turnover,,=1+1,\n"},
		[3]string{"sources", sourcesSchema, "source_id,title\n000,\"Belarus and China, \"\"again\"\"\"\n"})
	d := Compare(old, new)
	for _, f := range []Format{Text, JSON, CSV} {
		var b bytes.Buffer
		if err := d.Write(&b, f); err != nil {
			t.Fatal(err)
		}
		golden(t, "diff.golden."+string(f), b.Bytes())
	}
	if err := d.Write(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("format xml: no error")
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if os.Getenv("CLAIMPACK_UPDATE") != "" {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (CLAIMPACK_UPDATE=1 creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (CLAIMPACK_UPDATE=1 refreshes it); got:\n%s", p, got)
	}
}
