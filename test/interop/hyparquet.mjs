// hyparquet (pure JavaScript, with hyparquet-compressors for zstd) reads
// every Parquet file of a package:
// - the rows and every value equal the CSV's (formula guard removed);
// - each column's Parquet type is what a data scientist expects from the
//   Table Schema (string → BYTE_ARRAY STRING, date → INT32 DATE, integer →
//   INT32/INT64, number → DOUBLE, array → LIST of STRING), and so is the
//   JavaScript value hyparquet returns (string, Date, number/bigint,
//   number, array of strings);
// - the descriptions and units are in the file's key-value metadata.
//
// usage: node hyparquet.mjs PACKAGE_DIR...
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { readFileSync } from 'node:fs';
import { datasets, readCSV, compareRows, compareMetadata, packageDirs, Report } from './lib.mjs';

const report = new Report('hyparquet');

// typeProblem says how a column's schema element differs from what its
// Table Schema field type needs, or returns ''.
function typeProblem(f, node) {
  const e = node.element;
  const logical = e.logical_type?.type;
  switch (f.type) {
    case 'string':
      return e.type === 'BYTE_ARRAY' && logical === 'STRING' ? '' : `${e.type}/${logical}, want BYTE_ARRAY STRING`;
    case 'date':
      return e.type === 'INT32' && logical === 'DATE' ? '' : `${e.type}/${logical}, want INT32 DATE`;
    case 'integer':
      return (e.type === 'INT32' || e.type === 'INT64') && (!logical || logical === 'INTEGER') ? '' : `${e.type}/${logical}, want INT32 or INT64`;
    case 'number':
      return e.type === 'DOUBLE' ? '' : `${e.type}, want DOUBLE`;
    case 'array': {
      const leaf = node.children[0]?.children[0]?.element;
      return logical === 'LIST' && leaf?.type === 'BYTE_ARRAY' && leaf?.logical_type?.type === 'STRING' ? '' : `${logical} of ${leaf?.type}/${leaf?.logical_type?.type}, want LIST of STRING`;
    }
  }
  return `unknown field type ${f.type}`;
}

// valueProblem says how a JavaScript value differs from the kind its field
// type needs, or returns ''.
function valueProblem(f, v) {
  if (v === null || v === undefined) return '';
  const ok = {
    string: typeof v === 'string',
    date: v instanceof Date,
    integer: typeof v === 'bigint' || Number.isInteger(v),
    number: typeof v === 'number',
    array: Array.isArray(v) && v.every((x) => typeof x === 'string'),
  }[f.type];
  return ok ? '' : `a ${v?.constructor?.name} value for a ${f.type} column`;
}

for (const dir of packageDirs('hyparquet.mjs')) {
  for (const ds of datasets(dir)) {
    const buf = readFileSync(ds.parquet);
    const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const meta = parquetMetadata(file);
    const columns = parquetSchema(meta).children;
    const csv = readCSV(ds);

    const objects = await parquetReadObjects({ file, compressors });
    const rows = objects.map((o) => ds.fields.map((f) => o[f.name]));

    const types = [];
    if (columns.length !== ds.parquetFields.length) types.push(`${columns.length} columns, the schema has ${ds.parquetFields.length}`);
    ds.parquetFields.forEach((f, k) => {
      const node = columns[k];
      if (!node || node.element.name !== f.name) return types.push(`column ${k} is ${node?.element.name}, the schema says ${f.name}`);
      const p = typeProblem(f, node);
      if (p) types.push(`${f.name}: ${p}`);
      const bad = rows.map((r) => valueProblem(f, r[k])).find((x) => x);
      if (bad) types.push(`${f.name}: ${bad}`);
    });
    report.check(`${ds.parquet}: column types (hyparquet)`, types);
    report.check(`${ds.parquet}: ${rows.length} rows × ${ds.fields.length} columns equal ${ds.name}.csv (hyparquet)`, compareRows(ds, csv, rows));

    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map(({ key, value }) => [key, value]));
    report.check(`${ds.parquet}: descriptions and units in the key-value metadata (hyparquet)`, compareMetadata(ds, kv));
  }
}
report.done();
