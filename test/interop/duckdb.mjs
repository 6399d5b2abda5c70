// DuckDB (@duckdb/node-api) reads every Parquet file of a package:
// - the rows and every value equal the CSV's (formula guard removed), and
//   DuckDB's own CSV reader counts the same rows;
// - each column has the type a data scientist expects from the Table
//   Schema: date → DATE, integer → INTEGER/BIGINT, number → DOUBLE,
//   list → VARCHAR[], string → VARCHAR;
// - the descriptions and units are in parquet_kv_metadata.
//
// usage: node duckdb.mjs PACKAGE_DIR...
import { DuckDBInstance } from '@duckdb/node-api';
import { datasets, readCSV, compareRows, compareMetadata, packageDirs, Report } from './lib.mjs';

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const want = { string: ['VARCHAR'], date: ['DATE'], integer: ['INTEGER', 'BIGINT'], number: ['DOUBLE'], array: ['VARCHAR[]'] };
const report = new Report('duckdb');

for (const dir of packageDirs('duckdb.mjs')) {
  for (const ds of datasets(dir)) {
    const pq = q(ds.parquet);
    const csv = readCSV(ds);

    const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${pq})`)).getRowObjects();
    const types = [];
    if (described.length !== ds.parquetFields.length) types.push(`${described.length} columns, the schema has ${ds.parquetFields.length}`);
    described.forEach((col, i) => {
      const f = ds.parquetFields[i];
      if (!f || col.column_name !== f.name) return types.push(`column ${i} is ${col.column_name}, the schema says ${f && f.name}`);
      if (!want[f.type].includes(col.column_type)) types.push(`${f.name} is ${col.column_type}, want ${want[f.type].join(' or ')}`);
    });
    report.check(`${ds.parquet}: column types (DuckDB)`, types);

    const rows = (await con.runAndReadAll(`SELECT * FROM read_parquet(${pq})`)).getRowsJS();
    report.check(`${ds.parquet}: ${rows.length} rows × ${ds.fields.length} columns equal ${ds.name}.csv (DuckDB)`, compareRows(ds, csv, rows));

    const columns = '{' + ds.fields.map((f) => `${q(f.name)}: 'VARCHAR'`).join(', ') + '}';
    const nCSV = Number((await con.runAndReadAll(`SELECT count(*) FROM read_csv(${q(ds.csv)}, header=true, delim=',', quote='"', escape='"', auto_detect=false, columns=${columns})`)).getRows()[0][0]);
    report.check(`${ds.csv}: DuckDB's CSV reader counts ${nCSV} rows`, nCSV === csv.rows.length ? [] : [`DuckDB counts ${nCSV}, want ${csv.rows.length}`]);

    const kv = {};
    for (const [key, value] of (await con.runAndReadAll(`SELECT key, value FROM parquet_kv_metadata(${pq})`)).getRowsJS()) {
      kv[Buffer.from(key).toString('utf8')] = Buffer.from(value).toString('utf8');
    }
    report.check(`${ds.parquet}: descriptions and units in parquet_kv_metadata`, compareMetadata(ds, kv));
  }
}
report.done();
