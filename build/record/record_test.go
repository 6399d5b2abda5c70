package record_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/record"
)

// Types maps each dataset of the contract to the Go type of its records.
var types = map[string]any{
	"trade":      record.Trade{},
	"fdi":        record.FDI{},
	"visits":     record.Visit{},
	"agreements": record.Agreement{},
	"claims":     record.Claim{},
	"sources":    record.Source{},
	"conflicts":  record.Conflict{},
	"curation":   record.Curation{},
}

type goField struct {
	typ       reflect.Type
	omitempty bool
}

// jsonFields flattens the JSON-visible fields of a struct type, as
// encoding/json does with embedded structs.
func jsonFields(t reflect.Type, out map[string]goField) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			jsonFields(f.Type, out)
			continue
		}
		out[name] = goField{f.Type, strings.Contains(opts, "omitempty")}
	}
}

// TestTypesMatchSchemas asserts that every schema column has a Go field of a
// compatible type and nullability, and every Go field a column.
func TestTypesMatchSchemas(t *testing.T) {
	c, err := contract.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Datasets) != len(types) {
		t.Errorf("contract has %d datasets, Go has %d types", len(c.Datasets), len(types))
	}
	for _, d := range c.Datasets {
		v, ok := types[d.Name]
		if !ok {
			t.Errorf("dataset %s has no Go type", d.Name)
			continue
		}
		fields := map[string]goField{}
		jsonFields(reflect.TypeOf(v), fields)
		for _, col := range d.Columns {
			f, ok := fields[col.Name]
			if !ok {
				t.Errorf("%s.%s: column has no Go field", d.Name, col.Name)
				continue
			}
			delete(fields, col.Name)
			kind := f.typ.Kind()
			var want []reflect.Kind
			switch col.Type {
			case contract.String, contract.Date:
				want = []reflect.Kind{reflect.String}
			case contract.Int32:
				want = []reflect.Kind{reflect.Int32}
			case contract.Int64:
				want = []reflect.Kind{reflect.Int64}
			case contract.Number:
				want = []reflect.Kind{reflect.Float64, reflect.Pointer}
			case contract.List:
				want = []reflect.Kind{reflect.Slice}
			}
			if !containsKind(want, kind) {
				t.Errorf("%s.%s: column type %s, Go type %s", d.Name, col.Name, col.Type, f.typ)
			}
			goNullable := f.omitempty || kind == reflect.Pointer
			if col.Type == contract.List {
				goNullable = col.Nullable // a nil slice marshals as null: the schema must not allow it silently
			}
			if goNullable != col.Nullable {
				t.Errorf("%s.%s: column nullable=%v, Go field nullable=%v (omitempty or pointer)", d.Name, col.Name, col.Nullable, goNullable)
			}
		}
		for name := range fields {
			t.Errorf("%s: Go field %q is not a column", d.Name, name)
		}
	}
}

func containsKind(ks []reflect.Kind, k reflect.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func TestID(t *testing.T) {
	a := record.ID("tr", "doc", "x")
	if a != record.ID("tr", "doc", "x") {
		t.Fatal("ID is not deterministic")
	}
	if a == record.ID("tr", "docx") || a == record.ID("tr", "doc", "x", "") {
		t.Fatal("ID parts are not separated")
	}
	if len(a) != len("tr-")+16 || !strings.HasPrefix(a, "tr-") {
		t.Fatalf("ID %q has the wrong shape", a)
	}
}
