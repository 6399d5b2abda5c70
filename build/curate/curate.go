// Package curate applies reviewed corrections to what the extractor found.
//
// In: curation.yaml (a list of entries, each selecting records by their
// fields and rescaling, rejecting or setting a non-value field of them,
// with a reason) and the classified records. Out: the records with the
// entries applied, the claims of rejected records, and one curation row per
// entry listing what it touched. Curation never adds a record and never
// types in a value: a rescale multiplies the number as written by a
// corrected unit scale; set_field refuses value, unit, date and provenance
// fields. An entry that selects nothing is an error at its line:col, as is
// any malformed entry.
package curate

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/extract/quantity"
	"github.com/claimpack/claimpack/build/record"
)

// File is the name of the curation file in a seeds directory.
const File = "curation.yaml"

// Action is what an entry does to the records it selects.
type Action string

// The actions.
const (
	Rescale  Action = "rescale"
	Reject   Action = "reject"
	SetField Action = "set_field"
)

// Entry is one curation entry.
type Entry struct {
	ID        string
	Select    []Selector // all must match
	Action    Action
	UnitScale float64 // rescale: what one written unit is worth, in currency units
	scaleText string  // UnitScale as written in the file
	Field     string  // set_field
	Value     string  // set_field
	Reason    string
	// Line and Col locate the entry in the file.
	Line, Col int
}

// Selector is one key: value condition of an entry's select.
type Selector struct{ Key, Value string }

// settable are the fields set_field may change: classifications and names,
// never values, units, dates or provenance.
var settable = map[string]bool{
	"indicator": true, "product": true, "exporter": true, "importer": true, "reporter": true,
	"attribution": true, "measure": true, "investor": true, "host": true, "lender": true,
	"project": true, "qualifier": true, "visitor": true, "visitor_role": true,
	"visitor_country": true, "host_country": true, "place": true, "kind": true,
	"event": true, "title": true,
}

// selectorKeys are the keys a select may use.
var selectorKeys = map[string]bool{
	"dataset": true, "source_id": true, "record_id": true, "claim_id": true, "table": true,
	"line": true, "rule": true, "quote": true, "period": true, "date": true, "section": true,
	"method": true,
}

func isSelectorKey(k string) bool { return selectorKeys[k] || settable[k] }

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Parse reads a curation file. shown is the path diagnostics print.
func Parse(shown string, data []byte) ([]Entry, diag.List) {
	var diags diag.List
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 1
		fmt.Sscanf(strings.TrimPrefix(err.Error(), "yaml: line "), "%d", &line)
		diags.Add(diag.Error, "bad-curation", shown, line, 1, "%v", err)
		return nil, diags
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	at := func(n *yaml.Node, format string, args ...any) {
		diags.Add(diag.Error, "bad-curation", shown, n.Line, n.Column, format, args...)
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode || len(doc.Content) != 2 || doc.Content[0].Value != "curation" || doc.Content[1].Kind != yaml.SequenceNode {
		at(doc, "want a mapping with one key, \"curation\", holding a list of entries")
		return nil, diags
	}
	var entries []Entry
	seen := map[string]int{}
	for _, item := range doc.Content[1].Content {
		e, ok := parseEntry(item, at)
		if !ok {
			continue
		}
		if line, dup := seen[e.ID]; dup {
			at(item, "curation id %q is used twice (first at line %d)", e.ID, line)
			continue
		}
		seen[e.ID] = e.Line
		entries = append(entries, e)
	}
	return entries, diags
}

func parseEntry(item *yaml.Node, at func(*yaml.Node, string, ...any)) (Entry, bool) {
	e := Entry{Line: item.Line, Col: item.Column}
	if item.Kind != yaml.MappingNode {
		at(item, "each curation entry must be a mapping")
		return e, false
	}
	ok := true
	var sel *yaml.Node
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		if k.Value != "select" && v.Kind != yaml.ScalarNode {
			at(v, "%s: want a single value", k.Value)
			ok = false
			continue
		}
		switch k.Value {
		case "id":
			e.ID = v.Value
		case "select":
			sel = v
		case "action":
			e.Action = Action(v.Value)
		case "unit_scale":
			f, err := strconv.ParseFloat(v.Value, 64)
			if err != nil || f <= 0 {
				at(v, "unit_scale must be a positive number, not %q", v.Value)
				ok = false
			}
			e.UnitScale, e.scaleText = f, v.Value
		case "field":
			e.Field = v.Value
		case "value":
			e.Value = v.Value
		case "reason":
			e.Reason = strings.Join(strings.Fields(v.Value), " ")
		default:
			at(k, "unknown key %q (want id, select, action, unit_scale, field, value, reason)", k.Value)
			ok = false
		}
	}
	if !idPattern.MatchString(e.ID) {
		at(item, "entry needs an id of letters, digits, '.', '_' or '-' (got %q)", e.ID)
		ok = false
	}
	if e.Reason == "" {
		at(item, "entry %q needs a reason: it is published with the data", e.ID)
		ok = false
	}
	switch {
	case sel == nil || sel.Kind != yaml.MappingNode || len(sel.Content) == 0:
		at(item, "entry %q needs a select mapping of field: value conditions", e.ID)
		ok = false
	default:
		for i := 0; i+1 < len(sel.Content); i += 2 {
			k, v := sel.Content[i], sel.Content[i+1]
			if !isSelectorKey(k.Value) || v.Kind != yaml.ScalarNode {
				at(k, "select: unknown or non-scalar key %q", k.Value)
				ok = false
				continue
			}
			e.Select = append(e.Select, Selector{k.Value, v.Value})
		}
	}
	switch e.Action {
	case Rescale:
		if e.UnitScale == 0 {
			at(item, "entry %q: rescale needs unit_scale (what one written unit is worth, e.g. 1e8)", e.ID)
			ok = false
		}
	case Reject:
	case SetField:
		if !settable[e.Field] {
			at(item, "entry %q: set_field may change only non-value fields (%s), not %q", e.ID, strings.Join(sortedKeys(settable), ", "), e.Field)
			ok = false
		}
	default:
		at(item, "entry %q: action must be rescale, reject or set_field, not %q", e.ID, e.Action)
		ok = false
	}
	return e, ok
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Set is the records curation works on.
type Set struct {
	Trade      []record.Trade
	FDI        []record.FDI
	Visits     []record.VisitMention
	Agreements []record.AgreementMention
}

// Outcome is what applying the entries did.
type Outcome struct {
	// Rejected holds the claims of rejected records: they stay in the
	// claims dataset, with no record and the entry's curation_id.
	Rejected []record.Claim
	// Curation holds one row per entry.
	Curation []record.Curation
	// Touched maps each entry id to the claim ids it touched.
	Touched map[string][]string
}

// target is one record as curation sees it.
type target struct {
	dataset string
	value   reflect.Value // the addressable struct
	prov    *record.Provenance
	fig     *record.Figure // trade and fdi only
	table   string
	when    record.Period
	claimID string
	recID   string
	cat     record.Category
}

// Apply applies entries to set in file order. shown is the path
// diagnostics print for the curation file.
func Apply(entries []Entry, set *Set, shown string) (Outcome, diag.List) {
	var diags diag.List
	out := Outcome{Touched: map[string][]string{}}
	rejected := map[string]bool{} // claim ids
	for _, e := range entries {
		var recIDs, claimIDs []string
		for _, t := range targets(set) {
			if rejected[t.claimID] || !matches(e, t) {
				continue
			}
			if err := apply(e, t); err != nil {
				diags.Add(diag.Error, "curation", shown, e.Line, e.Col, "entry %q on %s: %v", e.ID, t.claimID, err)
				continue
			}
			if e.Action == Reject {
				rejected[t.claimID] = true
				out.Rejected = append(out.Rejected, record.Claim{
					ClaimID: t.claimID, Category: t.cat,
					DateFields: record.DateColumns(t.when), Provenance: *t.prov,
				})
			}
			claimIDs = append(claimIDs, t.claimID)
			if t.recID != "" {
				recIDs = append(recIDs, t.recID)
			}
		}
		if len(claimIDs) == 0 {
			diags.Add(diag.Error, "curation-selects-nothing", shown, e.Line, e.Col, "curation entry %q selects no record: fix or remove it", e.ID)
			continue
		}
		out.Touched[e.ID] = claimIDs
		if recIDs == nil {
			recIDs = []string{}
		}
		out.Curation = append(out.Curation, record.Curation{
			CurationID: e.ID, Action: string(e.Action), Selector: selectorText(e.Select),
			Change: changeText(e), Reason: e.Reason, RecordIDs: recIDs,
		})
	}
	set.Trade = keep(set.Trade, func(r record.Trade) string { return r.ClaimID }, rejected)
	set.FDI = keep(set.FDI, func(r record.FDI) string { return r.ClaimID }, rejected)
	set.Visits = keep(set.Visits, func(r record.VisitMention) string { return r.ClaimID }, rejected)
	set.Agreements = keep(set.Agreements, func(r record.AgreementMention) string { return r.ClaimID }, rejected)
	return out, diags
}

func keep[T any](xs []T, id func(T) string, drop map[string]bool) []T {
	out := xs[:0]
	for _, x := range xs {
		if !drop[id(x)] {
			out = append(out, x)
		}
	}
	return out
}

func targets(set *Set) []target {
	var ts []target
	for i := range set.Trade {
		r := &set.Trade[i]
		ts = append(ts, target{"trade", reflect.ValueOf(r).Elem(), &r.Provenance, &r.Figure, r.Table, r.When, r.ClaimID, r.RecordID, record.CatTrade})
	}
	for i := range set.FDI {
		r := &set.FDI[i]
		ts = append(ts, target{"fdi", reflect.ValueOf(r).Elem(), &r.Provenance, &r.Figure, r.Table, r.When, r.ClaimID, r.RecordID, record.CatFDI})
	}
	for i := range set.Visits {
		r := &set.Visits[i]
		ts = append(ts, target{"visits", reflect.ValueOf(r).Elem(), &r.Provenance, nil, "", r.When, r.ClaimID, "", record.CatVisit})
	}
	for i := range set.Agreements {
		r := &set.Agreements[i]
		ts = append(ts, target{"agreements", reflect.ValueOf(r).Elem(), &r.Provenance, nil, "", r.When, r.ClaimID, "", record.CatAgreement})
	}
	return ts
}

func matches(e Entry, t target) bool {
	for _, s := range e.Select {
		var ok bool
		switch s.Key {
		case "dataset":
			ok = s.Value == t.dataset
		case "table":
			ok = t.table != "" && strings.HasPrefix(strings.ToLower(t.table), strings.ToLower(strings.TrimSpace(s.Value)))
		case "quote":
			ok = strings.Contains(t.prov.Quote, s.Value)
		case "line":
			ok = strconv.Itoa(int(t.prov.Line)) == s.Value
		case "period", "date":
			ok = t.when.EDTF == s.Value
		case "record_id":
			ok = t.recID == s.Value
		default:
			f, found := field(t.value, s.Key)
			ok = found && fmt.Sprint(f.Interface()) == s.Value
		}
		if !ok {
			return false
		}
	}
	return true
}

func apply(e Entry, t target) error {
	t.prov.CurationID = e.ID
	switch e.Action {
	case Rescale:
		if t.fig == nil {
			return errors.New("rescale applies to trade and fdi figures only")
		}
		t.fig.Value = quantity.Scale(t.fig.Number, e.UnitScale)
		t.fig.ValueUSD = nil
		if t.fig.Unit == "USD" {
			t.fig.ValueUSD = record.USD(t.fig.Value)
		}
		t.fig.Correction = e.Reason
	case SetField:
		f, found := field(t.value, e.Field)
		if !found || f.Kind() != reflect.String {
			return fmt.Errorf("%s has no field %q", t.dataset, e.Field)
		}
		f.SetString(e.Value)
		if t.fig != nil {
			t.fig.Correction = e.Reason
		}
	}
	return nil
}

// field finds the struct field whose JSON name is name, looking into
// embedded structs as encoding/json does.
func field(v reflect.Value, name string) (reflect.Value, bool) {
	ty := v.Type()
	for i := 0; i < ty.NumField(); i++ {
		sf := ty.Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if sf.Anonymous && tag == "" {
			if f, ok := field(v.Field(i), name); ok {
				return f, true
			}
			continue
		}
		if tag == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func selectorText(sel []Selector) string {
	parts := make([]string, len(sel))
	for i, s := range sel {
		parts[i] = s.Key + "=" + s.Value
	}
	return strings.Join(parts, " ")
}

func changeText(e Entry) string {
	switch e.Action {
	case Rescale:
		return "unit_scale=" + e.scaleText
	case SetField:
		return e.Field + "=" + e.Value
	}
	return ""
}
