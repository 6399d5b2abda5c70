package diff

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/contract"
)

// Format is an output format of a diff.
type Format string

// The formats.
const (
	Text Format = "text" // for people at a terminal
	JSON Format = "json" // for CI
	CSV  Format = "csv"  // for spreadsheets: one row per changed cell
)

// Write writes the diff in format f.
func (d *Diff) Write(w io.Writer, f Format) error {
	switch f {
	case Text:
		return d.WriteText(w)
	case JSON:
		return d.WriteJSON(w)
	case CSV:
		return d.WriteCSV(w)
	}
	return fmt.Errorf("unknown diff format %q (want text, json or csv)", f)
}

// WriteText writes the diff for a person: the schema changes, then per
// dataset a count line and one line per record: "+" added, "-" removed,
// "~" changed with its cells old → new. Records whose only change is their
// provenance (ProvenanceColumns: their document changed elsewhere) are
// counted in one line; the JSON and CSV forms list them.
func (d *Diff) WriteText(w io.Writer) error {
	var b bytes.Buffer
	for _, c := range d.Schema {
		fmt.Fprintf(&b, "schema: %s\n", c)
	}
	for _, ds := range d.Datasets {
		if ds.Empty() {
			fmt.Fprintf(&b, "%s: no record changed\n", ds.Dataset)
			continue
		}
		fmt.Fprintf(&b, "%s: %d added, %d removed, %d changed\n", ds.Dataset, len(ds.Added), len(ds.Removed), len(ds.Changed))
		for _, r := range ds.Added {
			fmt.Fprintf(&b, "  + %s  %s\n", r.Key, r.Values.Summary())
		}
		for _, r := range ds.Removed {
			fmt.Fprintf(&b, "  - %s  %s\n", r.Key, r.Values.Summary())
		}
		moved := 0
		for _, c := range ds.Changed {
			if c.ProvenanceOnly() {
				moved++
				continue
			}
			fmt.Fprintf(&b, "  ~ %s  %s\n", c.Key, c.Values.Summary())
			for _, cc := range c.Cells {
				fmt.Fprintf(&b, "      %s: %s\n", cc.Column, cc.Text())
			}
		}
		if moved > 0 {
			fmt.Fprintf(&b, "  ~ %d changed only in provenance (%s): their document changed elsewhere\n", moved, strings.Join(ProvenanceColumns, ", "))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// WriteJSON writes the diff as one JSON object.
func (d *Diff) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// CSVHeader is the header of the CSV form of a diff.
var CSVHeader = []string{"dataset", "change", "key", "column", "old", "new"}

// WriteCSV writes the diff in long form, one row per cell: a schema
// change (change = dataset_added, column_removed, …; old and new are
// types), every non-empty cell of an added or removed record (change =
// added or removed), and every changed cell (change = changed). Cells get
// the contract's formula guard, so a spreadsheet shows them as text.
func (d *Diff) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	put := func(rec ...string) {
		for i := range rec {
			rec[i] = contract.CSVCell(contract.Column{Type: contract.String}, rec[i])
		}
		cw.Write(rec)
	}
	cw.Write(CSVHeader)
	for _, c := range d.Schema {
		put(c.Dataset, c.Kind, "", c.Column, c.Old, c.New)
	}
	for _, ds := range d.Datasets {
		for _, r := range ds.Added {
			for _, c := range r.Values {
				if c.Value != "" {
					put(ds.Dataset, "added", r.Key, c.Column, "", c.Value)
				}
			}
		}
		for _, r := range ds.Removed {
			for _, c := range r.Values {
				if c.Value != "" {
					put(ds.Dataset, "removed", r.Key, c.Column, c.Value, "")
				}
			}
		}
		for _, ch := range ds.Changed {
			for _, c := range ch.Cells {
				put(ds.Dataset, "changed", ch.Key, c.Column, c.Old, c.New)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// summaryColumns are the columns that say what a record is, in the order
// a summary shows them.
var summaryColumns = []string{
	"category", "indicator", "measure", "kind", "action", "event", "title", "visitor",
	"period", "date", "value", "unit", "qualifier", "source_id", "line", "quote",
}

// Summary describes a record in one line from the columns that say what
// it is: indicator=turnover period=2023 value=7700000000 unit=USD
// quote="77".
func (cs Cells) Summary() string {
	var parts []string
	for _, col := range summaryColumns {
		v := cs.Get(col)
		if v == "" {
			continue
		}
		if col == "quote" || col == "title" || strings.ContainsAny(v, " \t\n\"=") {
			v = strconv.Quote(truncate(v, 60))
		}
		parts = append(parts, col+"="+v)
	}
	return strings.Join(parts, " ")
}

// Text describes the change: "old" → "new", or for a list the items
// added and removed.
func (cc CellChange) Text() string {
	if len(cc.Added)+len(cc.Removed) > 0 && cc.Old != "" && cc.New != "" {
		var parts []string
		if len(cc.Added) > 0 {
			parts = append(parts, "added "+items(cc.Added))
		}
		if len(cc.Removed) > 0 {
			parts = append(parts, "removed "+items(cc.Removed))
		}
		return strings.Join(parts, ", ")
	}
	return show(cc.Old) + " → " + show(cc.New)
}

func items(xs []string) string {
	if len(xs) > 6 {
		return strings.Join(xs[:6], ", ") + fmt.Sprintf(" and %d more", len(xs)-6)
	}
	return strings.Join(xs, ", ")
}

// show prints a cell value in text output: quoted, or (null).
func show(s string) string {
	if s == "" {
		return "(null)"
	}
	return strconv.Quote(truncate(s, 120))
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func writeJSONString(b *bytes.Buffer, s string) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	b.Write(data)
	return nil
}
