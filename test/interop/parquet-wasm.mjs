// The Rust Parquet reader (arrow-rs, compiled to WebAssembly in
// parquet-wasm) reads every Parquet file of a package into Apache Arrow
// (apache-arrow, via the Arrow IPC stream):
// - the rows and every value equal the CSV's (formula guard removed);
// - each column's Arrow type is what a data scientist expects from the
//   Table Schema (string → Utf8, date → Date32<DAY>, integer → Int32/Int64,
//   number → Float64, array → List<Utf8>) and its nullability is the
//   schema's;
// - the descriptions and units are in the Arrow schema's metadata.
//
// usage: node parquet-wasm.mjs PACKAGE_DIR...
import { readParquet } from 'parquet-wasm';
import { tableFromIPC, Type } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { datasets, readCSV, compareRows, compareMetadata, packageDirs, Report } from './lib.mjs';

const report = new Report('parquet-wasm');

function typeProblem(f, field) {
  const t = field.type;
  const ok = {
    string: t.typeId === Type.Utf8 || t.typeId === Type.LargeUtf8,
    date: t.typeId === Type.Date && String(t) === 'Date32<DAY>',
    integer: t.typeId === Type.Int && t.isSigned && (t.bitWidth === 32 || t.bitWidth === 64),
    number: t.typeId === Type.Float && t.precision === 2, // DOUBLE
    array: t.typeId === Type.List && t.children[0]?.type.typeId === Type.Utf8,
  }[f.type];
  if (!ok) return `${f.name} is ${t}, want a ${f.type} type`;
  const required = f.constraints?.required === true;
  if (f.type !== 'array' && field.nullable === required) return `${f.name}: nullable=${field.nullable}, the schema says required=${required}`;
  return '';
}

// value converts an Arrow cell to the form lib.mjs compares.
function value(f, v) {
  if (v === null || v === undefined) return null;
  if (f.type === 'date') return new Date(v);
  if (f.type === 'array') return [...v.toArray()];
  return v;
}

for (const dir of packageDirs('parquet-wasm.mjs')) {
  for (const ds of datasets(dir)) {
    const table = tableFromIPC(readParquet(new Uint8Array(readFileSync(ds.parquet))).intoIPCStream());
    const csv = readCSV(ds);
    const fields = table.schema.fields;

    const types = [];
    if (fields.length !== ds.parquetFields.length) types.push(`${fields.length} columns, the schema has ${ds.parquetFields.length}`);
    ds.parquetFields.forEach((f, k) => {
      if (!fields[k] || fields[k].name !== f.name) return types.push(`column ${k} is ${fields[k]?.name}, the schema says ${f.name}`);
      const p = typeProblem(f, fields[k]);
      if (p) types.push(p);
    });
    report.check(`${ds.parquet}: Arrow column types (parquet-wasm)`, types);

    const columns = ds.parquetFields.map((f) => table.getChild(f.name));
    const rows = [];
    for (let i = 0; i < table.numRows; i++) rows.push(ds.parquetFields.map((f, k) => value(f, columns[k]?.get(i))));
    report.check(`${ds.parquet}: ${rows.length} rows × ${ds.fields.length} columns equal ${ds.name}.csv (parquet-wasm)`, compareRows(ds, csv, rows));

    report.check(`${ds.parquet}: descriptions and units in the Arrow schema metadata (parquet-wasm)`, compareMetadata(ds, Object.fromEntries(table.schema.metadata)));
  }
}
report.done();
