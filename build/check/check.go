// Package check runs the consistency checks that produce the conflicts
// dataset and the package's quality report (QUALITY.md).
//
// In: the curated trade and fdi figures and the merged visit and agreement
// events. Out: one record.Conflict per disagreement, with a stable
// conflict_id (a hash of the kind and the sorted record ids), the records
// involved and what differs in words and figures, plus per-check counts and
// the report. Nothing is dropped or changed: checks only read records.
//
// The checks compare values as the documents write them (Figure.Written,
// Figure.WrittenUSD), so a disagreement a curation entry corrects is still
// reported; such a conflict names the entry in curation_id when the
// published (curated) values no longer disagree. The checks:
//
//   - sums: exports + imports = turnover for one period, within one table,
//     one document or one reporter's statistics;
//   - units: a table value and a prose figure for the same indicator and
//     period whose ratio is close to a power of ten other than 1;
//   - values: figures for the same indicator (or measure) and period that
//     cannot both be true, respecting their qualifiers;
//   - dates: records of one real-world event whose dates do not overlap.
//
// How figures are compared is in figure.go: each figure stands for an
// interval of values, and two figures disagree when their intervals are
// disjoint. The package is pure: no I/O, no clock, deterministic order.
package check

import (
	"slices"
	"strings"
	"time"

	"github.com/claimpack/claimpack/build/record"
)

// The kinds of conflict.
const (
	SumMismatch       = "sum_mismatch"
	UnitMismatch      = "unit_mismatch"
	ValueDisagreement = "value_disagreement"
	DateDisagreement  = "date_disagreement"
)

// Options set the tolerances of the checks. Make them with DefaultOptions.
type Options struct {
	// Tolerance is the relative half-width of an exact figure: 0.005
	// makes two exact figures agree when they differ by up to about 1%.
	Tolerance float64
	// ApproxTolerance is the relative half-width of an approximate figure
	// ("about", "nearly").
	ApproxTolerance float64
	// UnitTolerance is how close the ratio of a table value to a prose
	// figure must be to a power of ten to count as a unit mismatch: within
	// this fraction of it.
	UnitTolerance float64
}

// DefaultOptions returns the tolerances the contract documents.
func DefaultOptions() Options {
	return Options{Tolerance: 0.005, ApproxTolerance: 0.05, UnitTolerance: 0.1}
}

// Input is what the checks read.
type Input struct {
	Trade []record.Trade
	FDI   []record.FDI
	// Events are the visit and agreement records, each with the key of the
	// real-world event it is a record of (see Event); Events makes them
	// from the merged records.
	Events []Event
}

// Event is a visit or agreement record as the date check sees it.
type Event struct {
	RecordID string
	// Key identifies the real-world event: records with the same key are
	// records of one event. The merge stage sets it (record.Visit.EventKey,
	// record.Agreement.EventKey): mentions whose dates overlap are merged
	// into one record, and records that share a key but not a date are
	// what the date check reports. Records without a key are not compared.
	Key string
	// Label names the event in the conflict's detail.
	Label string
	When  record.Period
	// At is the primary mention's provenance, for the detail.
	At record.Provenance
}

// Events returns the merged visits and agreements that have an event key,
// as events.
func Events(visits []record.Visit, agreements []record.Agreement) []Event {
	var out []Event
	for _, v := range visits {
		if v.EventKey == "" {
			continue
		}
		label := v.Visitor + " (" + v.Kind
		if v.HostCountry != "" {
			label += " to " + v.HostCountry
		}
		out = append(out, Event{RecordID: v.RecordID, Key: "visit\x1f" + v.EventKey, Label: label + ")", When: when(v.When, v.DateFields), At: v.Provenance})
	}
	for _, a := range agreements {
		if a.EventKey == "" {
			continue
		}
		label := a.Title + " (" + a.Kind + ", " + a.Event + ")"
		out = append(out, Event{RecordID: a.RecordID, Key: "agreement\x1f" + a.EventKey, Label: label, When: when(a.When, a.DateFields), At: a.Provenance})
	}
	return out
}

// Stat counts what one check did.
type Stat struct {
	Check string // sums, units, values, dates
	// Compared is the number of comparisons made (pairs, or sums).
	Compared int
	// Conflicts is the number found; Resolved of them are resolved by a
	// curation entry.
	Conflicts int
	Resolved  int
}

// Result is what the checks found.
type Result struct {
	// Conflicts is sorted by kind, then conflict_id (the published order).
	Conflicts []record.Conflict
	// Stats has one entry per check, in the order sums, units, values,
	// dates.
	Stats []Stat
	opts  Options
}

// Run runs every check.
func Run(in Input, opts Options) *Result {
	c := &checker{opts: opts, seen: map[string]bool{}}
	figs := figures(in)
	c.sums(figs)
	c.values(figs)
	c.dates(in.Events)
	slices.SortFunc(c.out, func(a, b record.Conflict) int {
		if a.Kind != b.Kind {
			return strings.Compare(a.Kind, b.Kind)
		}
		return strings.Compare(a.ConflictID, b.ConflictID)
	})
	return &Result{Conflicts: c.out, Stats: []Stat{c.stats["sums"], c.stats["units"], c.stats["values"], c.stats["dates"]}, opts: opts}
}

type checker struct {
	opts  Options
	out   []record.Conflict
	seen  map[string]bool
	stats map[string]Stat
}

func (c *checker) compared(check string) {
	if c.stats == nil {
		c.stats = map[string]Stat{}
	}
	s := c.stats[check]
	s.Check = check
	s.Compared++
	c.stats[check] = s
}

// add records a conflict of the named check; curation is the entry that
// resolves it ("" if none).
func (c *checker) add(check, kind, detail, curation string, ids ...string) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	id := record.ID(record.PrefixConflict, append([]string{kind}, ids...)...)
	if c.seen[id] {
		return
	}
	c.seen[id] = true
	c.out = append(c.out, record.Conflict{ConflictID: id, Kind: kind, RecordIDs: ids, Detail: detail, CurationID: curation})
	s := c.stats[check]
	s.Check = check
	s.Conflicts++
	if curation != "" {
		s.Resolved++
	}
	c.stats[check] = s
}

// when is a record's date: its When, or when that is not set, its date
// columns read back (zero when unresolved or malformed).
func when(p record.Period, d record.DateFields) record.Period {
	if p.Resolved() {
		return p
	}
	out := record.Period{EDTF: d.Date, Precision: record.Precision(d.DatePrecision), Text: d.DateText, Basis: d.DateBasis}
	start, err1 := time.Parse(time.DateOnly, d.DateStart)
	end, err2 := time.Parse(time.DateOnly, d.DateEnd)
	if d.Date == "" || err1 != nil || err2 != nil {
		return record.Period{Text: d.DateText, Basis: d.DateBasis}
	}
	out.Start, out.End = start, end
	return out
}

// curationOf returns the curation entry named by the figures, the first in
// sort order when they name several.
func curationOf(fs ...*figure) string {
	var ids []string
	for _, f := range fs {
		if f.curation != "" {
			ids = append(ids, f.curation)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	slices.Sort(ids)
	return ids[0]
}
