// Package schema embeds the data contract: one JSON Schema (draft-07) per
// dataset, plus common.schema.json with the column definitions they share.
//
// The files are the single source from which the builder derives the JSON
// Schema each record is validated against, the Table Schema in
// datapackage.json, the Parquet schema and the CSV header (see
// build/contract). They are data, not code: edit the JSON, not this file.
package schema

import "embed"

// FS holds every *.schema.json file of this directory.
//
//go:embed *.schema.json
var FS embed.FS
