// DuckDB reads every Parquet file of a package: the row count must equal
// the CSV's (as DuckDB's own CSV reader counts it), and each column must
// have the type a data scientist expects from the Table Schema
// (date → DATE, integer → INTEGER/BIGINT, number → DOUBLE, list →
// VARCHAR[], string → VARCHAR).
//
// usage: node duckdb.mjs PACKAGE_DIR
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node duckdb.mjs PACKAGE_DIR');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const q = (s) => `'${s.replaceAll("'", "''")}'`;

async function scalar(sql) {
  const reader = await con.runAndReadAll(sql);
  return reader.getRows()[0][0];
}

const want = { string: ['VARCHAR'], date: ['DATE'], integer: ['INTEGER', 'BIGINT'], number: ['DOUBLE'], list: ['VARCHAR[]'] };
let failures = 0;
const fail = (msg) => { failures++; console.error(`FAIL ${msg}`); };

for (const r of pkg.resources.filter((r) => r.format === 'parquet')) {
  const csv = pkg.resources.find((c) => c.format === 'csv' && c.name + '-parquet' === r.name);
  if (!csv) { fail(`${r.path}: no CSV resource`); continue; }
  const pq = join(dir, r.path);
  const nParquet = Number(await scalar(`SELECT count(*) FROM read_parquet(${q(pq)})`));
  const nCSV = Number(await scalar(`SELECT count(*) FROM read_csv(${q(join(dir, csv.path))}, header=true, all_varchar=true, delim=',', quote='"', escape='"', auto_detect=false, columns=${columnsSpec(csv.schema.fields)})`));
  if (nParquet !== nCSV) fail(`${r.path}: ${nParquet} rows in Parquet, ${nCSV} in ${csv.path}`);
  const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${q(pq)})`)).getRowObjects();
  const fields = csv.schema.fields;
  if (described.length !== fields.length) fail(`${r.path}: ${described.length} columns, schema has ${fields.length}`);
  described.forEach((col, i) => {
    const f = fields[i];
    if (!f || col.column_name !== f.name) return fail(`${r.path}: column ${i} is ${col.column_name}, schema says ${f && f.name}`);
    if (!want[f.type].includes(col.column_type)) fail(`${r.path}: ${f.name} is ${col.column_type}, want ${want[f.type].join(' or ')}`);
  });
  console.log(`ok   ${r.path}: ${nParquet} rows, ${described.length} typed columns (DuckDB)`);
}

function columnsSpec(fields) {
  return '{' + fields.map((f) => `${q(f.name)}: 'VARCHAR'`).join(', ') + '}';
}

if (failures) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
