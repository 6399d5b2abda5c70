package publish

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/claimpack/claimpack/build/contract"
)

// ParquetMeta is what each Parquet file says about itself in its key–value
// metadata.
type ParquetMeta struct {
	Package     string
	Version     string
	ToolVersion string
}

// Parquet writer settings, pinned so that the same rows give the same bytes.
const (
	parquetRowGroup = 1 << 20
	parquetPage     = 1 << 20
)

// ParquetSchema returns the Parquet schema of a dataset, derived from its
// columns: strings as STRING, dates as DATE (int32 days), int32 and int64
// as INT(32|64,signed), numbers as DOUBLE, lists as LIST<STRING>; nullable
// columns are optional. Column order is the schema's.
func ParquetSchema(d *contract.Dataset) (*parquet.Schema, reflect.Type) {
	fields := make([]reflect.StructField, len(d.Columns))
	for i, c := range d.Columns {
		var t reflect.Type
		tag := c.Name
		switch c.Type {
		case contract.String:
			t = reflect.TypeOf("")
		case contract.Date:
			t = reflect.TypeOf(int32(0))
			tag += ",date"
		case contract.Int32:
			t = reflect.TypeOf(int32(0))
		case contract.Int64:
			t = reflect.TypeOf(int64(0))
		case contract.Number:
			t = reflect.TypeOf(float64(0))
		case contract.List:
			t = reflect.TypeOf([]string(nil))
			tag += ",list"
		}
		if c.Nullable && c.Type != contract.List {
			t = reflect.PointerTo(t)
		}
		fields[i] = reflect.StructField{
			Name: fmt.Sprintf("F%d", i),
			Type: t,
			Tag:  reflect.StructTag(fmt.Sprintf(`parquet:%q`, tag)),
		}
	}
	typ := reflect.StructOf(fields)
	return parquet.NewSchema(d.Name, parquet.SchemaOf(reflect.New(typ).Interface())), typ
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// Parquet writes rows as a Parquet file: zstd, one row group, pinned
// created_by, and key–value metadata with the package name and version, the
// dataset, its sort key, and each column's description and unit.
func Parquet(d *contract.Dataset, rows []contract.Row, meta ParquetMeta) ([]byte, error) {
	schema, typ := ParquetSchema(d)
	opts := []parquet.WriterOption{
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		parquet.CreatedBy("claimpack", meta.ToolVersion, ""),
		parquet.MaxRowsPerRowGroup(parquetRowGroup),
		parquet.PageBufferSize(parquetPage),
		parquet.KeyValueMetadata("claimpack:package", meta.Package),
		parquet.KeyValueMetadata("claimpack:version", meta.Version),
		parquet.KeyValueMetadata("claimpack:dataset", d.Name),
		parquet.KeyValueMetadata("claimpack:title", d.Title),
		parquet.KeyValueMetadata("claimpack:description", d.Description),
		parquet.KeyValueMetadata("claimpack:primary_key", strings.Join(d.PrimaryKey, ",")),
		parquet.KeyValueMetadata("claimpack:sort_key", strings.Join(d.SortKey, ",")),
		parquet.KeyValueMetadata("claimpack:schema", d.SchemaPath()),
	}
	for _, c := range d.Columns {
		opts = append(opts, parquet.KeyValueMetadata("column:"+c.Name+":description", c.Description))
		if c.Unit != "" {
			opts = append(opts, parquet.KeyValueMetadata("column:"+c.Name+":unit", c.Unit))
		}
	}
	var buf bytes.Buffer
	w := parquet.NewWriter(&buf, append([]parquet.WriterOption{schema}, opts...)...)
	v := reflect.New(typ).Elem()
	for n, r := range rows {
		v.SetZero()
		for i, c := range d.Columns {
			if err := setField(v.Field(i), c, r[i]); err != nil {
				return nil, fmt.Errorf("row %d, column %s: %w", n, c.Name, err)
			}
		}
		if err := w.Write(v.Addr().Interface()); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// setField stores a cell into its struct field.
func setField(f reflect.Value, c contract.Column, v any) error {
	if v == nil {
		return nil // zero: nil pointer (null) or empty list
	}
	var x reflect.Value
	switch c.Type {
	case contract.Date:
		t, err := time.Parse(time.DateOnly, v.(string))
		if err != nil {
			return err
		}
		x = reflect.ValueOf(int32(t.Sub(epoch).Hours() / 24))
	case contract.Int32:
		x = reflect.ValueOf(int32(v.(int64)))
	default:
		x = reflect.ValueOf(v)
	}
	if f.Kind() == reflect.Pointer {
		p := reflect.New(f.Type().Elem())
		p.Elem().Set(x)
		f.Set(p)
		return nil
	}
	f.Set(x)
	return nil
}
