// Package score measures a package against a reference annotation,
// mention by mention.
//
// In: a built package (its trade, fdi and claims CSV files, through an
// fs.FS) and a reference file (eval/reference/*.yaml: per document, the
// trade, fdi, visit and agreement mentions a careful reader extracts, with
// line numbers). Out: true positives, false positives and false negatives
// per document and dataset, and precision and recall.
//
// The matching rule is the one eval/README.md states: a record and an
// entry are a candidate pair when they are in the same document, the
// record's line span overlaps the entry's lines, the values agree within
// 1 % (or the USD amounts within 2 %; trade and fdi only), and their date
// intervals overlap (an entry without a date accepts any record date).
// Among candidate pairs a maximum one-to-one matching is taken, first
// against required entries, then the remaining records against optional
// ones; records matched to optional entries count neither way.
package score

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/claimpack/claimpack/build/contract"
)

// Datasets are the datasets scored, in report order.
var Datasets = []string{"trade", "fdi", "visits", "agreements"}

// Reference is a reference annotation file.
type Reference struct {
	Documents []RefDoc `yaml:"documents"`
}

// RefDoc is the annotation of one document.
type RefDoc struct {
	File       string     `yaml:"file"`
	Trade      []Entry    `yaml:"trade"`
	FDI        []Entry    `yaml:"fdi"`
	Visits     []Entry    `yaml:"visits"`
	Agreements []Entry    `yaml:"agreements"`
	Excluded   []Excluded `yaml:"excluded"`
}

// Entry is one reference mention. Only the fields the matching reads are
// typed; the rest of the entry is for people.
type Entry struct {
	Line         int      `yaml:"line"`
	LineEnd      int      `yaml:"line_end"`
	Value        *float64 `yaml:"value"`
	ValueCurated *float64 `yaml:"value_curated"`
	ValueUSD     *float64 `yaml:"value_usd"`
	Unit         string   `yaml:"unit"`
	Period       *string  `yaml:"period"`
	Date         *string  `yaml:"date"`
	Optional     bool     `yaml:"optional"`
	Text         string   `yaml:"text"`
}

// Excluded is a line an annotator decided holds no record.
type Excluded struct {
	Line   int    `yaml:"line"`
	Reason string `yaml:"reason"`
}

// ParseReference reads a reference file.
func ParseReference(data []byte) (*Reference, error) {
	var ref Reference
	if err := yaml.Unmarshal(data, &ref); err != nil {
		return nil, fmt.Errorf("parse reference: %w", err)
	}
	return &ref, nil
}

// Record is one extracted mention as the scorer sees it.
type Record struct {
	Dataset  string
	SourceID string
	Line     int // first line of the quote
	LineEnd  int // line of its last byte
	Value    *float64
	ValueUSD *float64
	Start    *time.Time // date interval, nil when unresolved
	End      *time.Time
	Quote    string
	ID       string
}

// Counts are the outcome for one document and dataset (or a total).
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was extracted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was to be found.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Report is the outcome of scoring.
type Report struct {
	// ByDoc maps document id → dataset → counts.
	ByDoc map[string]map[string]Counts
	// Total maps dataset → counts over all documents.
	Total map[string]Counts
	// Misses are unmatched required entries; Spurious unmatched records.
	Misses   []Miss
	Spurious []Spurious
}

// Miss is a reference entry nothing matched.
type Miss struct {
	Dataset, Document string
	Entry             Entry
}

// Spurious is a record nothing matched, with the exclusion reason when it
// falls on an excluded line.
type Spurious struct {
	Record Record
	Reason string
}

// Score matches the records against the reference.
func Score(records []Record, ref *Reference) *Report {
	rep := &Report{ByDoc: map[string]map[string]Counts{}, Total: map[string]Counts{}}
	byDocSet := map[string][]Record{}
	for _, r := range records {
		byDocSet[r.SourceID+"|"+r.Dataset] = append(byDocSet[r.SourceID+"|"+r.Dataset], r)
	}
	docs := map[string]RefDoc{}
	for _, d := range ref.Documents {
		docs[strings.TrimSuffix(d.File, ".txt")] = d
	}
	ids := map[string]bool{}
	for k := range byDocSet {
		ids[strings.SplitN(k, "|", 2)[0]] = true
	}
	for id := range docs {
		ids[id] = true
	}
	var order []string
	for id := range ids {
		order = append(order, id)
	}
	sort.Strings(order)
	for _, id := range order {
		d, annotated := docs[id]
		if !annotated {
			continue // a document the reference does not cover is not scored
		}
		rep.ByDoc[id] = map[string]Counts{}
		for _, ds := range Datasets {
			entries := entriesOf(d, ds)
			recs := byDocSet[id+"|"+ds]
			c, misses, spurious := match(ds, recs, entries, d.Excluded)
			rep.ByDoc[id][ds] = c
			t := rep.Total[ds]
			t.add(c)
			rep.Total[ds] = t
			for _, e := range misses {
				rep.Misses = append(rep.Misses, Miss{ds, id, e})
			}
			rep.Spurious = append(rep.Spurious, spurious...)
		}
	}
	return rep
}

func entriesOf(d RefDoc, ds string) []Entry {
	switch ds {
	case "trade":
		return d.Trade
	case "fdi":
		return d.FDI
	case "visits":
		return d.Visits
	}
	return d.Agreements
}

// match scores one document's records of one dataset.
func match(ds string, recs []Record, entries []Entry, excluded []Excluded) (Counts, []Entry, []Spurious) {
	var required, optional []int
	for i, e := range entries {
		if e.Optional {
			optional = append(optional, i)
		} else {
			required = append(required, i)
		}
	}
	usedRec := make([]bool, len(recs))
	matchedReq := bipartite(ds, recs, entries, required, usedRec)
	bipartite(ds, recs, entries, optional, usedRec)
	var c Counts
	var misses []Entry
	for _, i := range required {
		if matchedReq[i] {
			c.TP++
		} else {
			c.FN++
			misses = append(misses, entries[i])
		}
	}
	var spurious []Spurious
	for i, r := range recs {
		if usedRec[i] {
			continue
		}
		c.FP++
		reason := ""
		for _, x := range excluded {
			if x.Line >= r.Line && x.Line <= r.LineEnd {
				reason = x.Reason
			}
		}
		spurious = append(spurious, Spurious{r, reason})
	}
	return c, misses, spurious
}

// bipartite finds a maximum matching between the given entries and the
// records not yet used (Kuhn's augmenting paths, trying each entry's
// candidates closest first), marks the records it uses, and reports which
// entries matched.
func bipartite(ds string, recs []Record, entries []Entry, which []int, used []bool) map[int]bool {
	cand := map[int][]int{}
	for _, i := range which {
		for j, r := range recs {
			if !used[j] && candidate(ds, r, entries[i]) {
				cand[i] = append(cand[i], j)
			}
		}
		e := entries[i]
		sort.SliceStable(cand[i], func(a, b int) bool {
			ra, rb := recs[cand[i][a]], recs[cand[i][b]]
			if da, db := abs(ra.Line-e.Line), abs(rb.Line-e.Line); da != db {
				return da < db
			}
			return valueGap(ra, e) < valueGap(rb, e)
		})
	}
	owner := map[int]int{} // record → entry
	var try func(i int, seen map[int]bool) bool
	try = func(i int, seen map[int]bool) bool {
		for _, j := range cand[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if o, taken := owner[j]; !taken || try(o, seen) {
				owner[j] = i
				return true
			}
		}
		return false
	}
	for _, i := range which {
		try(i, map[int]bool{})
	}
	matched := map[int]bool{}
	for j, i := range owner {
		used[j] = true
		matched[i] = true
	}
	return matched
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func valueGap(r Record, e Entry) float64 {
	if r.Value == nil || e.Value == nil {
		return 0
	}
	return math.Abs(*r.Value - *e.Value)
}

// candidate applies the matching rule to one record and one entry.
func candidate(ds string, r Record, e Entry) bool {
	end := e.LineEnd
	if end == 0 {
		if !(e.Line >= r.Line && e.Line <= r.LineEnd) {
			return false
		}
	} else if r.LineEnd < e.Line || r.Line > end {
		return false
	}
	if ds == "trade" || ds == "fdi" {
		if !valueAgrees(r, e) {
			return false
		}
	}
	when := e.Period
	if ds == "visits" || ds == "agreements" {
		when = e.Date
	}
	if when == nil || *when == "" {
		return true
	}
	if r.Start == nil {
		return false
	}
	a, b, err := ParseEDTF(*when)
	if err != nil {
		return false
	}
	return !r.End.Before(a) && !b.Before(*r.Start)
}

func within(x, ref, tol float64) bool { return math.Abs(x-ref) <= tol*math.Abs(ref) }

func valueAgrees(r Record, e Entry) bool {
	if r.Value != nil {
		if e.Value != nil && within(*r.Value, *e.Value, 0.01) || e.ValueCurated != nil && within(*r.Value, *e.ValueCurated, 0.01) {
			return true
		}
	}
	if r.ValueUSD != nil {
		if e.Value != nil && e.Unit == "USD" && within(*r.ValueUSD, *e.Value, 0.02) || e.ValueUSD != nil && within(*r.ValueUSD, *e.ValueUSD, 0.02) {
			return true
		}
		if e.ValueCurated != nil && e.Unit == "USD" && within(*r.ValueUSD, *e.ValueCurated, 0.02) {
			return true
		}
	}
	return false
}

// ParseEDTF returns the inclusive interval of the EDTF forms the
// references use: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-21..24 (seasons),
// YYYY-33..36 (quarters), YYYY-40..41 (halves), and ranges a/b of those.
func ParseEDTF(s string) (time.Time, time.Time, error) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		s1, _, err1 := ParseEDTF(a)
		_, e2, err2 := ParseEDTF(b)
		if err1 != nil || err2 != nil {
			return time.Time{}, time.Time{}, fmt.Errorf("bad EDTF range %q", s)
		}
		return s1, e2, nil
	}
	parts := strings.Split(s, "-")
	y, err := strconv.Atoi(parts[0])
	if err != nil || len(parts[0]) != 4 {
		return time.Time{}, time.Time{}, fmt.Errorf("bad EDTF %q", s)
	}
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch len(parts) {
	case 1:
		return day(y, 1, 1), day(y, 12, 31), nil
	case 2:
		m, err := strconv.Atoi(parts[1])
		switch {
		case err != nil:
		case m >= 1 && m <= 12:
			start := day(y, m, 1)
			return start, start.AddDate(0, 1, -1), nil
		case m >= 21 && m <= 24: // spring … winter (northern)
			start := day(y, 3*(m-21)+3, 1)
			return start, start.AddDate(0, 3, -1), nil
		case m >= 33 && m <= 36:
			start := day(y, 3*(m-33)+1, 1)
			return start, start.AddDate(0, 3, -1), nil
		case m == 40 || m == 41:
			start := day(y, 6*(m-40)+1, 1)
			return start, start.AddDate(0, 6, -1), nil
		}
	case 3:
		t, err := time.Parse("2006-01-02", s)
		if err == nil {
			return t, t, nil
		}
	}
	return time.Time{}, time.Time{}, fmt.Errorf("bad EDTF %q", s)
}

// Records reads the scored records of a package: trade and fdi rows, and
// the visit and agreement mentions of claims.
func Records(pkg fs.FS) ([]Record, error) {
	con, err := contract.Default()
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, spec := range []struct {
		file, dataset, category, prefix string
	}{
		{"trade.csv", "trade", "", "period"},
		{"fdi.csv", "fdi", "", "period"},
		{"claims.csv", "visits", "visit", "date"},
		{"claims.csv", "agreements", "agreement", "date"},
	} {
		name := strings.TrimSuffix(spec.file, ".csv")
		rows, err := readCSV(pkg, spec.file, con.Dataset(name))
		if err != nil {
			return nil, err
		}
		for _, m := range rows {
			if spec.category != "" && m["category"] != spec.category {
				continue
			}
			r := Record{Dataset: spec.dataset, SourceID: m["source_id"], Quote: m["quote"], ID: m["record_id"]}
			r.Line, _ = strconv.Atoi(m["line"])
			r.LineEnd = r.Line + strings.Count(strings.TrimRight(m["quote"], "\n"), "\n")
			r.Value = number(m["value"])
			r.ValueUSD = number(m["value_usd"])
			if s, err := time.Parse("2006-01-02", m[spec.prefix+"_start"]); err == nil {
				e, err := time.Parse("2006-01-02", m[spec.prefix+"_end"])
				if err == nil {
					r.Start, r.End = &s, &e
				}
			}
			out = append(out, r)
		}
	}
	return out, nil
}

func number(s string) *float64 {
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &v
}

// readCSV reads a dataset's CSV file as maps of column → text, undoing
// the formula guard.
func readCSV(pkg fs.FS, file string, d *contract.Dataset) ([]map[string]string, error) {
	data, err := fs.ReadFile(pkg, file)
	if err != nil {
		return nil, err
	}
	rd := csv.NewReader(bytes.NewReader(data))
	header, err := rd.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var out []map[string]string
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		m := map[string]string{}
		for i, h := range header {
			v := rec[i]
			if d != nil {
				if k := d.Index(h); k >= 0 {
					v = contract.UnguardCSV(d.Columns[k], v)
				}
			}
			m[h] = v
		}
		out = append(out, m)
	}
}

// WriteText writes the report as a table, with the misses and spurious
// records.
func (rep *Report) WriteText(w io.Writer, details bool) {
	fmt.Fprintf(w, "%-24s", "document")
	for _, ds := range Datasets {
		fmt.Fprintf(w, " %-16s", ds+" tp/fp/fn")
	}
	fmt.Fprintln(w)
	var docs []string
	for d := range rep.ByDoc {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	for _, d := range docs {
		fmt.Fprintf(w, "%-24s", d)
		for _, ds := range Datasets {
			c := rep.ByDoc[d][ds]
			fmt.Fprintf(w, " %-16s", fmt.Sprintf("%d/%d/%d", c.TP, c.FP, c.FN))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-24s", "precision / recall")
	for _, ds := range Datasets {
		c := rep.Total[ds]
		fmt.Fprintf(w, " %-16s", fmt.Sprintf("%.2f / %.2f", c.Precision(), c.Recall()))
	}
	fmt.Fprintln(w)
	if !details {
		return
	}
	for _, m := range rep.Misses {
		when := ""
		if m.Entry.Period != nil {
			when = *m.Entry.Period
		}
		if m.Entry.Date != nil {
			when = *m.Entry.Date
		}
		v := ""
		if m.Entry.Value != nil {
			v = strconv.FormatFloat(*m.Entry.Value, 'g', -1, 64)
		}
		fmt.Fprintf(w, "MISS %s %s:%d %s %s %q\n", m.Dataset, m.Document, m.Entry.Line, v, when, m.Entry.Text)
	}
	for _, s := range rep.Spurious {
		r := s.Record
		v := ""
		if r.Value != nil {
			v = strconv.FormatFloat(*r.Value, 'g', -1, 64)
		}
		when := ""
		if r.Start != nil {
			when = r.Start.Format("2006-01-02") + "/" + r.End.Format("2006-01-02")
		}
		q := strings.ReplaceAll(r.Quote, "\n", " ")
		if len(q) > 100 {
			q = q[:100] + "…"
		}
		fmt.Fprintf(w, "FP   %s %s:%d %s %s %q %s\n", r.Dataset, r.SourceID, r.Line, v, when, q, s.Reason)
	}
}
