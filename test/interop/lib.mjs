// Shared by the notebook checks (duckdb.mjs, hyparquet.mjs,
// parquet-wasm.mjs): the package's datasets, their CSV files read by an
// independent strict RFC 4180 parser, and cell-by-cell comparison of what a
// Parquet reader returns with what the CSV holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// datasets lists each dataset of the package: its CSV and Parquet paths and
// the Table Schema fields of each.
export function datasets(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  const out = [];
  for (const r of pkg.resources) {
    if (r.format !== 'parquet') continue;
    const csv = pkg.resources.find((c) => c.format === 'csv' && c.name + '-parquet' === r.name);
    if (!csv) throw new Error(`${r.path}: no CSV resource`);
    out.push({
      name: csv.name,
      dir,
      parquet: join(dir, r.path),
      csv: join(dir, csv.path),
      fields: csv.schema.fields,
      parquetFields: r.schema.fields,
    });
  }
  return out;
}

// parseCSV parses RFC 4180 text strictly: quoted fields may hold anything,
// a quote elsewhere is an error, every record must have as many fields as
// the header.
export function parseCSV(text) {
  if (text.charCodeAt(0) === 0xfeff) throw new Error('CSV starts with a byte-order mark');
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\n') throw new Error(`text after a closing quote at offset ${i}`);
        continue;
      }
      field += c; i++; continue;
    }
    if (c === '"') {
      if (!atStart) throw new Error(`bare quote at offset ${i}`);
      quoted = true; atStart = false; i++; continue;
    }
    if (c === ',') { row.push(field); field = ''; atStart = true; i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; atStart = true; i++; continue; }
    field += c; atStart = false; i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, n) => {
    if (r.length !== width) throw new Error(`record ${n + 1} has ${r.length} fields, the header ${width}`);
  });
  return rows;
}

// needsGuard and unguard mirror the contract's formula guard: a text cell
// whose first non-apostrophe character is = + - @ tab or CR carries one
// extra leading apostrophe in CSV.
const needsGuard = (s) => /^'*[=+\-@\t\r]/.test(s);
export function unguard(field, s) {
  if (field.type === 'string' && s.startsWith("'") && needsGuard(s.slice(1))) return s.slice(1);
  return s;
}

const isList = (field) => field.type === 'array' || field.delimiter !== undefined;

// readCSV returns the header and the rows of a dataset's CSV, each cell as
// the typed value the Table Schema says it holds (formula guard removed):
// null, string, bigint (integer), number, 'YYYY-MM-DD' (date) or an array
// of strings (list).
export function readCSV(ds) {
  const rows = parseCSV(readFileSync(ds.csv, 'utf8'));
  const header = rows.shift();
  const typed = rows.map((r) => r.map((s, k) => {
    const f = ds.fields[k];
    s = unguard(f, s);
    if (isList(f)) return s === '' ? [] : s.split(f.delimiter);
    if (s === '') return null;
    switch (f.type) {
      case 'integer': return BigInt(s);
      case 'number': return Number(s);
      default: return s;
    }
  }));
  return { header, rows: typed };
}

// normalize turns what a reader returns into the form readCSV gives.
export function normalize(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

// same reports whether a reader's value (normalized) equals the CSV's.
export function same(field, got, want) {
  if (want === null || got === null) return want === got;
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && got.every((x, i) => x === want[i]);
  if (typeof want === 'bigint') return (typeof got === 'bigint' || Number.isInteger(got)) && BigInt(got) === want;
  if (typeof want === 'number') return typeof got === 'number' && Object.is(got, want);
  return got === want;
}

const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x));

// compareRows checks a reader's rows (arrays in column order) against the
// CSV's, cell by cell, and returns the differences (at most 10 listed).
export function compareRows(ds, csv, got) {
  const problems = [];
  if (got.length !== csv.rows.length) problems.push(`${got.length} rows, the CSV has ${csv.rows.length}`);
  let bad = 0;
  csv.rows.forEach((want, i) => {
    ds.fields.forEach((f, k) => {
      const g = normalize(got[i]?.[k]);
      if (!same(f, g, want[k])) {
        if (bad++ < 10) problems.push(`row ${i + 1} ${f.name}: ${show(g)}, CSV ${show(want[k])}`);
      }
    });
  });
  if (bad > 10) problems.push(`${bad - 10} more cells differ`);
  return problems;
}

// Report counts checks and prints one line per check and a closing
// "NAME: N passed, M failed" line.
export class Report {
  constructor(name) { this.name = name; this.passed = 0; this.failed = 0; }
  check(label, problems) {
    if (problems.length === 0) { this.passed++; console.log(`ok   ${label}`); return; }
    this.failed++;
    console.error(`FAIL ${label}`);
    for (const p of problems) console.error(`     ${p}`);
  }
  done() {
    console.log(`${this.name}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed ? 1 : 0);
  }
}

// expectedMetadata is the key-value metadata each Parquet file must carry:
// claimpack:dataset, and each column's description and unit from the Table
// Schema.
export function expectedMetadata(ds) {
  const want = { 'claimpack:dataset': ds.name };
  for (const f of ds.fields) {
    want[`column:${f.name}:description`] = f.description ?? '';
    if (f['x-unit']) want[`column:${f.name}:unit`] = f['x-unit'];
  }
  return want;
}

export function compareMetadata(ds, kv) {
  const problems = [];
  for (const [k, v] of Object.entries(expectedMetadata(ds))) {
    if (!(k in kv)) problems.push(`no key ${k}`);
    else if (kv[k] !== v) problems.push(`${k} is ${JSON.stringify(kv[k])}, want ${JSON.stringify(v)}`);
  }
  for (const k of ['claimpack:package', 'claimpack:version']) if (!kv[k]) problems.push(`no key ${k}`);
  return problems;
}

// usage returns the package directories given on the command line.
export function packageDirs(script) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error(`usage: node ${script} PACKAGE_DIR...`);
    process.exit(2);
  }
  return dirs;
}
