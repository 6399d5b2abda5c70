package check

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimpack/claimpack/build/record"
)

// Synthetic records. Sources: "000" has a trade table in "USD billion"
// whose cells are in USD 100 million, and prose; "003" is another
// document.

func year(y int) record.Period {
	return record.Period{EDTF: itoa(y), Start: day0(y, 1, 1), End: day0(y, 12, 31), Precision: record.Year, Text: itoa(y), Basis: record.Explicit}
}

func month(y, m int, text string) record.Period {
	start := day0(y, time.Month(m), 1)
	return record.Period{EDTF: start.Format("2006-01"), Start: start, End: start.AddDate(0, 1, -1), Precision: record.Month, Text: text, Basis: record.Explicit}
}

func day(y, m, d int, text string) record.Period {
	t := day0(y, time.Month(m), d)
	return record.Period{EDTF: t.Format(time.DateOnly), Start: t, End: t, Precision: record.Day, Text: text, Basis: record.Explicit}
}

func day0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func itoa(y int) string { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") }

// tr is a trade figure: id, indicator, period, value as written (USD), the
// document and line it comes from.
type tr struct {
	id, ind   string
	when      record.Period
	written   float64
	q         record.Qualifier
	src       string
	line      int32
	table     string  // caption; "" for prose
	published float64 // 0: as written
	curation  string
	from, to  string
	reporter  string
	text      string
}

func (t tr) record() record.Trade {
	q := t.q
	if q == "" {
		q = record.Exact
	}
	pub := t.published
	if pub == 0 {
		pub = t.written
	}
	from, to := t.from, t.to
	switch {
	case from != "" || to != "":
	case t.ind == "exports":
		from, to = "CHN", "BLR"
	case t.ind == "imports":
		from, to = "BLR", "CHN"
	}
	method, section, unitText := record.ByProse, record.Body, ""
	if t.table != "" {
		method, section, unitText = record.ByTable, record.Table, "USD billion"
	}
	return record.Trade{
		RecordID: t.id, ClaimID: "cl-" + t.id[3:], Indicator: t.ind, Exporter: from, Importer: to, Reporter: t.reporter,
		PeriodFields: record.PeriodColumns(t.when),
		Figure: record.Figure{
			Value: pub, Unit: "USD", ValueUSD: record.USD(pub), Qualifier: q, ValueText: t.text, UnitText: unitText,
			Written: t.written, WrittenUSD: record.USD(t.written),
		},
		Provenance: record.Provenance{SourceID: t.src, Line: t.line, Method: method, Section: section, CurationID: t.curation},
		When:       t.when, Table: t.table,
	}
}

func trades(ts ...tr) []record.Trade {
	var out []record.Trade
	for _, t := range ts {
		out = append(out, t.record())
	}
	return out
}

const caption = "Bilateral goods trade volume"

// found is a conflict as the tests compare it.
type found struct {
	kind     string
	ids      string // sorted, joined by space
	curation string
}

// conflictsOf returns the conflicts sorted by kind, then records.
func conflictsOf(r *Result) []found {
	var out []found
	for _, c := range r.Conflicts {
		out = append(out, found{c.Kind, strings.Join(c.RecordIDs, " "), c.CurationID})
	}
	sortFound(out)
	return out
}

func sortFound(fs []found) {
	slices.SortFunc(fs, func(a, b found) int { return strings.Compare(a.kind+" "+a.ids, b.kind+" "+b.ids) })
}

func TestFigures(t *testing.T) {
	y2013, y2020, y2023 := year(2013), year(2020), year(2023)
	table := func(id, ind string, when record.Period, v float64, line int32) tr {
		return tr{id: id, ind: ind, when: when, written: v, src: "000", line: line, table: caption, reporter: "BLR"}
	}
	prose := func(id, ind string, when record.Period, v float64, q record.Qualifier, src string, line int32) tr {
		return tr{id: id, ind: ind, when: when, written: v, q: q, src: src, line: line}
	}
	curated := func(t tr, published float64) tr {
		t.published, t.curation = published, "trade-table-unit"
		return t
	}
	tests := []struct {
		name     string
		in       []tr
		want     []found
		compared map[string]int // per check; omitted checks are not asserted
	}{
		{
			name: "table sums agree",
			in: []tr{
				table("tr-t", "turnover", y2013, 32.9e9, 14),
				table("tr-x", "exports", y2013, 28.29e9, 15),
				table("tr-m", "imports", y2013, 4.61e9, 16),
			},
			compared: map[string]int{"sums": 1, "values": 0},
		},
		{
			name: "rounded parts still add up",
			in: []tr{
				table("tr-t", "turnover", y2013, 32.9e9, 14),
				table("tr-x", "exports", y2013, 28.3e9, 15),
				table("tr-m", "imports", y2013, 4.6e9, 16),
			},
			compared: map[string]int{"sums": 1},
		},
		{
			name: "table sum off by 6%",
			in: []tr{
				table("tr-t", "turnover", y2013, 35e9, 14),
				table("tr-x", "exports", y2013, 28.29e9, 15),
				table("tr-m", "imports", y2013, 4.61e9, 16),
			},
			want:     []found{{SumMismatch, "tr-m tr-t tr-x", ""}},
			compared: map[string]int{"sums": 1},
		},
		{
			name: "sum mismatch a curation entry resolves",
			in: []tr{
				{id: "tr-t", ind: "turnover", when: y2013, written: 35e9, published: 32.9e9, curation: "typo", src: "000", line: 14, table: caption},
				table("tr-x", "exports", y2013, 28.29e9, 15),
				table("tr-m", "imports", y2013, 4.61e9, 16),
			},
			want: []found{{SumMismatch, "tr-m tr-t tr-x", "typo"}},
		},
		{
			name: "turnover more than the sum",
			in: []tr{
				prose("tr-t", "turnover", y2013, 35e9, record.MoreThan, "003", 5),
				prose("tr-x", "exports", y2013, 28.29e9, record.Exact, "003", 6),
				prose("tr-m", "imports", y2013, 4.61e9, record.Exact, "003", 6),
			},
			want: []found{{SumMismatch, "tr-m tr-t tr-x", ""}},
		},
		{
			name: "prose turnover of one reporter checked against another document's flows",
			in: []tr{
				{id: "tr-t", ind: "turnover", when: y2013, written: 36e9, src: "003", line: 5, reporter: "BLR"},
				table("tr-x", "exports", y2013, 28.29e9, 15),
				table("tr-m", "imports", y2013, 4.61e9, 16),
			},
			want:     []found{{SumMismatch, "tr-m tr-t tr-x", ""}},
			compared: map[string]int{"sums": 1},
		},
		{
			name: "flows of a place with its own turnover are not summed again",
			in: []tr{
				{id: "tr-p", ind: "turnover", when: y2013, written: 32.9e9, src: "003", line: 5, reporter: "BLR"},
				table("tr-t", "turnover", y2013, 32.9e9, 14),
				table("tr-x", "exports", y2013, 28.29e9, 15),
				table("tr-m", "imports", y2013, 4.61e9, 16),
			},
			compared: map[string]int{"sums": 1, "units": 1, "values": 1},
		},
		{
			name: "another document's flows without a common reporter are not summed",
			in: []tr{
				prose("tr-t", "turnover", y2013, 36e9, record.Exact, "003", 5),
				table("tr-x", "exports", y2013, 28.29e9, 15),
				table("tr-m", "imports", y2013, 4.61e9, 16),
			},
			compared: map[string]int{"sums": 0},
		},
		{
			name: "the caption's unit is off by ten, resolved by curation",
			in: []tr{
				curated(table("tr-t", "turnover", y2023, 77e9, 14), 7.7e9),
				prose("tr-p", "turnover", y2023, 7.7e9, record.Exact, "000", 10),
			},
			want:     []found{{UnitMismatch, "tr-p tr-t", "trade-table-unit"}},
			compared: map[string]int{"units": 1, "values": 1},
		},
		{
			name: "the caption's unit is off by ten, found without curation",
			in: []tr{
				table("tr-t", "turnover", y2023, 77e9, 14),
				prose("tr-p", "turnover", y2023, 7.7e9, record.Approx, "000", 10),
			},
			want: []found{{UnitMismatch, "tr-p tr-t", ""}},
		},
		{
			name: "off by ten and still different at one scale",
			in: []tr{
				curated(table("tr-t", "turnover", y2020, 44.49e9, 14), 4.449e9),
				prose("tr-p", "turnover", y2020, 4.6e9, record.Exact, "002", 647),
			},
			want: []found{
				{UnitMismatch, "tr-p tr-t", "trade-table-unit"},
				{ValueDisagreement, "tr-p tr-t", ""},
			},
		},
		{
			name: "more than 8.4 billion is no unit statement and 77 billion exceeds it",
			in: []tr{
				table("tr-t", "turnover", y2023, 77e9, 14),
				prose("tr-p", "turnover", y2023, 8.4e9, record.MoreThan, "003", 5),
			},
			compared: map[string]int{"units": 1, "values": 1},
		},
		{
			name: "two prose figures ten times apart disagree in value",
			in: []tr{
				prose("tr-a", "turnover", y2023, 77e9, record.Exact, "001", 3),
				prose("tr-b", "turnover", y2023, 7.7e9, record.Exact, "000", 10),
			},
			want:     []found{{ValueDisagreement, "tr-a tr-b", ""}},
			compared: map[string]int{"units": 0, "values": 1},
		},
		{
			name: "7.7 billion vs exceeded 8.4 billion",
			in: []tr{
				prose("tr-a", "turnover", y2023, 7.7e9, record.Exact, "000", 10),
				prose("tr-b", "turnover", y2023, 8.4e9, record.MoreThan, "003", 5),
			},
			want: []found{{ValueDisagreement, "tr-a tr-b", ""}},
		},
		{
			name: "about 5 vs 5.1 agree",
			in: []tr{
				prose("tr-a", "turnover", y2023, 5e9, record.Approx, "000", 10),
				prose("tr-b", "turnover", y2023, 5.1e9, record.Exact, "003", 5),
			},
			compared: map[string]int{"values": 1},
		},
		{
			name: "7.7 vs 7.75 agree within rounding",
			in: []tr{
				prose("tr-a", "turnover", y2023, 7.7e9, record.Exact, "000", 10),
				prose("tr-b", "turnover", y2023, 7.75e9, record.Exact, "003", 5),
			},
		},
		{
			name: "7.7 vs 7.9 disagree",
			in: []tr{
				prose("tr-a", "turnover", y2023, 7.7e9, record.Exact, "000", 10),
				prose("tr-b", "turnover", y2023, 7.9e9, record.Exact, "003", 5),
			},
			want: []found{{ValueDisagreement, "tr-a tr-b", ""}},
		},
		{
			name: "less than 5 vs 6 disagree, less than 5 vs 4.8 agree",
			in: []tr{
				prose("tr-a", "exports", y2023, 5e9, record.LessThan, "000", 10),
				prose("tr-b", "exports", y2023, 6e9, record.Exact, "003", 5),
				prose("tr-c", "exports", y2023, 4.8e9, record.Exact, "004", 5),
			},
			want:     []found{{ValueDisagreement, "tr-a tr-b", ""}, {ValueDisagreement, "tr-b tr-c", ""}},
			compared: map[string]int{"values": 3},
		},
		{
			name: "different periods and directions are different quantities",
			in: []tr{
				prose("tr-a", "exports", y2023, 5e9, record.Exact, "000", 10),
				prose("tr-b", "exports", y2020, 9e9, record.Exact, "003", 5),
				{id: "tr-c", ind: "exports", when: y2023, written: 9e9, src: "004", line: 5, from: "BLR", to: "CHN"},
				{id: "tr-d", ind: "exports", when: year(2023), written: 9e9, src: "004", line: 6, from: "CHN", to: "BLR", text: "x"},
			},
			want:     []found{{ValueDisagreement, "tr-a tr-d", ""}},
			compared: map[string]int{"values": 1},
		},
		{
			name: "China's exports to Belarus are Belarus's imports from China",
			in: []tr{
				curated(table("tr-x", "exports", y2020, 37.01e9, 15), 3.701e9),
				{id: "tr-i", ind: "imports", when: y2020, written: 3.7e9, src: "002", line: 482, from: "CHN", to: "BLR"},
				{id: "tr-e", ind: "exports", when: y2020, written: 748.2e6, src: "002", line: 482, from: "BLR", to: "CHN"},
			},
			want:     []found{{UnitMismatch, "tr-i tr-x", "trade-table-unit"}},
			compared: map[string]int{"units": 1, "values": 1},
		},
		{
			name: "a disagreement a curation entry resolves names it",
			in: []tr{
				{id: "tr-a", ind: "turnover", when: y2023, written: 7.1e9, published: 7.7e9, curation: "fix", src: "000", line: 10},
				prose("tr-b", "turnover", y2023, 7.7e9, record.Exact, "003", 5),
			},
			want: []found{{ValueDisagreement, "tr-a tr-b", "fix"}},
		},
		{
			name: "unresolved periods are not compared",
			in: []tr{
				{id: "tr-a", ind: "turnover", when: record.Period{Text: "last year", Basis: record.Unresolved}, written: 1e9, src: "000", line: 10},
				{id: "tr-b", ind: "turnover", when: record.Period{Text: "last year", Basis: record.Unresolved}, written: 9e9, src: "003", line: 5},
			},
			compared: map[string]int{"values": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Run(Input{Trade: trades(tt.in...)}, DefaultOptions())
			sortFound(tt.want)
			if got := conflictsOf(res); !slices.Equal(got, tt.want) {
				t.Errorf("conflicts:\n got %v\nwant %v", got, tt.want)
				for _, c := range res.Conflicts {
					t.Logf("%s: %s", c.Kind, c.Detail)
				}
			}
			for _, s := range res.Stats {
				if want, ok := tt.compared[s.Check]; ok && s.Compared != want {
					t.Errorf("%s: %d comparisons, want %d", s.Check, s.Compared, want)
				}
			}
		})
	}
}

func TestOtherUnitsAndFDI(t *testing.T) {
	rank := func(id string, v float64, src string) record.Trade {
		return record.Trade{RecordID: id, Indicator: "rank", PeriodFields: record.PeriodColumns(year(2023)),
			Figure:     record.Figure{Value: v, Unit: "rank", Qualifier: record.Exact, Written: v},
			Provenance: record.Provenance{SourceID: src, Method: record.ByProse}, When: year(2023)}
	}
	stock := func(id string, v float64, src string, m record.Method) record.FDI {
		return record.FDI{RecordID: id, Measure: "stock", Investor: "CHN", Host: "BLR",
			Figure:     record.Figure{Value: v, Unit: "USD", ValueUSD: record.USD(v), Qualifier: record.Exact, Written: v, WrittenUSD: record.USD(v)},
			Provenance: record.Provenance{SourceID: src, Method: m}, When: day(2023, 12, 31, "end of 2023")}
	}
	tests := []struct {
		name string
		in   Input
		want []found
	}{
		{"second vs third largest", Input{Trade: []record.Trade{rank("tr-a", 2, "000"), rank("tr-b", 3, "003")}}, []found{{ValueDisagreement, "tr-a tr-b", ""}}},
		{"second vs second", Input{Trade: []record.Trade{rank("tr-a", 2, "000"), rank("tr-b", 2, "003")}}, nil},
		{"negative flows agree", Input{FDI: []record.FDI{stock("fd-a", -8.15e6, "000", record.ByTable), stock("fd-b", -8.2e6, "003", record.ByProse)}}, nil},
		{"stocks disagree", Input{FDI: []record.FDI{stock("fd-a", 792.92e6, "000", record.ByTable), stock("fd-b", 650e6, "003", record.ByProse)}}, []found{{ValueDisagreement, "fd-a fd-b", ""}}},
		{"written not filled in: the published value stands for it", Input{FDI: []record.FDI{stock("fd-a", 792.92e6, "000", record.ByTable), {
			RecordID: "fd-b", Measure: "stock", Investor: "CHN", Host: "BLR", When: day(2023, 12, 31, "end of 2023"),
			Figure:     record.Figure{Value: 650e6, Unit: "USD", ValueUSD: record.USD(650e6), Qualifier: record.Exact},
			Provenance: record.Provenance{SourceID: "003", Method: record.ByProse},
		}}}, []found{{ValueDisagreement, "fd-a fd-b", ""}}},
		{"stock in thousands", Input{FDI: []record.FDI{stock("fd-a", 792.92e9, "000", record.ByTable), stock("fd-b", 793e6, "003", record.ByProse)}}, []found{{UnitMismatch, "fd-a fd-b", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sortFound(tt.want)
			if got := conflictsOf(Run(tt.in, DefaultOptions())); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// agreement is a merged agreement record; its event key is what the merge
// would give: kind, event and title.
func agreement(id, title, kind, event string, when record.Period, src string, line int32) record.Agreement {
	return record.Agreement{RecordID: id, DateFields: record.DateColumns(when), When: when, Title: title, Kind: kind, Event: event,
		Parties: []string{"BLR"}, Mentions: 1, Provenance: record.Provenance{SourceID: src, Line: line},
		EventKey: kind + "|" + event + "|" + strings.ToLower(strings.Join(strings.Fields(title), " "))}
}

// visit is a merged visit record with the event key key ("" when the merge
// cannot tell which visits are one).
func visit(id, key, visitor, host, kind string, when record.Period, src string, line int32) record.Visit {
	return record.Visit{RecordID: id, DateFields: record.DateColumns(when), Visitor: visitor, HostCountry: host, Kind: kind,
		Mentions: 1, Provenance: record.Provenance{SourceID: src, Line: line}, EventKey: key}
}

func TestDates(t *testing.T) {
	aug := month(2015, 8, "August 2015")
	sep := month(2015, 9, "September 2015")
	aug31 := day(2015, 8, 31, "August 31, 2015")
	tests := []struct {
		name     string
		in       []Event
		want     []found
		compared int
	}{
		{
			name: "Directive No. 5: August, September and August 31, 2015",
			in: Events(nil, []record.Agreement{
				agreement("ag-a", "Directive No. 5", "directive", "signed", aug, "001", 92),
				agreement("ag-s", "Directive No. 5", "directive", "signed", sep, "002", 207),
				agreement("ag-d", "Directive  No. 5", "directive", "signed", aug31, "002", 226),
			}),
			want:     []found{{DateDisagreement, "ag-a ag-s", ""}, {DateDisagreement, "ag-d ag-s", ""}},
			compared: 3,
		},
		{
			name: "signing and entry into force are different events",
			in: Events(nil, []record.Agreement{
				agreement("ag-a", "Treaty of Friendship", "treaty", "signed", year(2013), "001", 1),
				agreement("ag-b", "Treaty of Friendship", "treaty", "entered_into_force", year(2014), "001", 2),
			}),
		},
		{
			name: "a visit the merge keys, and visits it cannot tell apart",
			in: Events([]record.Visit{
				visit("vi-a", "xi-first-state-visit", "Xi Jinping", "BLR", "state", month(2015, 5, "May 2015"), "001", 1),
				visit("vi-b", "xi-first-state-visit", "Xi Jinping", "BLR", "state", sep, "002", 2),
				visit("vi-c", "", "Xi Jinping", "BLR", "state", year(2019), "002", 3),
				visit("vi-d", "", "Xi Jinping", "BLR", "state", month(2015, 6, "June 2015"), "002", 4),
			}, nil),
			want:     []found{{DateDisagreement, "vi-a vi-b", ""}},
			compared: 1,
		},
		{
			name: "unresolved dates are not compared",
			in: Events(nil, []record.Agreement{
				agreement("ag-a", "Directive No. 5", "directive", "signed", aug, "001", 92),
				agreement("ag-b", "Directive No. 5", "directive", "signed", record.Period{Text: "that year", Basis: record.Unresolved}, "002", 1),
			}),
		},
		{
			name: "a key the merge fills",
			in: []Event{
				{RecordID: "vi-a", Key: "first visit", When: year(2013)},
				{RecordID: "vi-b", Key: "first visit", When: year(2014)},
			},
			want:     []found{{DateDisagreement, "vi-a vi-b", ""}},
			compared: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Run(Input{Events: tt.in}, DefaultOptions())
			sortFound(tt.want)
			if got := conflictsOf(res); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if got := res.Stats[3].Compared; got != tt.compared {
				t.Errorf("dates compared %d, want %d", got, tt.compared)
			}
		})
	}
}

func TestRounding(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		want float64
	}{
		{7.7e9, "USD", 0.05e9},
		{5e9, "USD", 0.5e9},
		{28.29e9, "USD", 0.005e9},
		{150, "USD", 5},
		{9.22, "percent", 0.005},
		{-8.15e6, "USD", 0.005e6},
		{0.1 * 3, "percent", 0.05},
		{150, "count", 0},
		{2, "rank", 0},
		{0, "USD", 0},
	}
	for _, tt := range tests {
		got := rounding(tt.v, tt.unit)
		if d := got - tt.want; d > tt.want*1e-9 || d < -tt.want*1e-9 {
			t.Errorf("rounding(%v, %s) = %v, want %v", tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{7.7e9: "7.7e9", 28.29e9 + 4.61e9: "3.29e10", 9.22: "9.22", -8.15e6: "-8.15e6", 0: "0", 2: "2", 0.1 * 3: "0.3"} {
		if got := number(v); got != want {
			t.Errorf("number(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestDeterministic runs the checks on shuffled input: same conflicts,
// same ids, same report.
func TestDeterministic(t *testing.T) {
	in := goldenInput()
	a := Run(in, DefaultOptions())
	slices.Reverse(in.Trade)
	slices.Reverse(in.Events)
	b := Run(in, DefaultOptions())
	ja, _ := json.Marshal(a.Conflicts)
	jb, _ := json.Marshal(b.Conflicts)
	if !bytes.Equal(ja, jb) || !bytes.Equal(a.Report(), b.Report()) {
		t.Errorf("input order changes the result:\n%s\n%s", ja, jb)
	}
}

// goldenInput models the conflicts the issue lists: the trade table whose
// caption says USD billion, the 2023 turnover disagreement, 2020 turnover
// vs exports + imports, and Directive No. 5.
func goldenInput() Input {
	var ts []tr
	for _, c := range []struct {
		y                 int
		turnover, ex, imp float64
	}{{2020, 44.49, 37.01, 7.48}, {2023, 77, 57.68, 19.32}} {
		ts = append(ts,
			tr{id: "tr-t" + itoa(c.y), ind: "turnover", when: year(c.y), written: c.turnover * 1e9, published: c.turnover * 1e8, curation: "trade-table-unit", src: "000_80e96b79e50ffd3c", line: 14, table: caption, reporter: "BLR", text: ftoa(c.turnover)},
			tr{id: "tr-x" + itoa(c.y), ind: "exports", when: year(c.y), written: c.ex * 1e9, published: c.ex * 1e8, curation: "trade-table-unit", src: "000_80e96b79e50ffd3c", line: 15, table: caption, reporter: "BLR", text: ftoa(c.ex)},
			tr{id: "tr-m" + itoa(c.y), ind: "imports", when: year(c.y), written: c.imp * 1e9, published: c.imp * 1e8, curation: "trade-table-unit", src: "000_80e96b79e50ffd3c", line: 16, table: caption, reporter: "BLR", text: ftoa(c.imp)},
		)
	}
	ts = append(ts,
		tr{id: "tr-p2023", ind: "turnover", when: year(2023), written: 7.7e9, src: "000_80e96b79e50ffd3c", line: 10, reporter: "BLR", text: "$7.7 billion"},
		tr{id: "tr-q2023", ind: "turnover", when: year(2023), written: 8.4e9, q: record.MoreThan, src: "003_b0492c366741b97c", line: 5, text: "$8.4 billion"},
		tr{id: "tr-p2020", ind: "turnover", when: year(2020), written: 4.6e9, src: "002_0f50cf8c147c8a09", line: 647, text: "USD 4.6 billion"},
	)
	return Input{
		Trade: trades(ts...),
		Events: Events(nil, []record.Agreement{
			agreement("ag-aug", "Directive No. 5", "directive", "signed", month(2015, 8, "August 2015"), "001_f7af78b5287698e3", 92),
			agreement("ag-sep", "Directive No. 5", "directive", "signed", month(2015, 9, "September 2015"), "002_0f50cf8c147c8a09", 207),
		}),
	}
}

func ftoa(v float64) string { return number(v) }

// TestGolden compares the conflicts and the report of goldenInput with
// testdata/; CLAIMPACK_UPDATE=1 rewrites them.
func TestGolden(t *testing.T) {
	res := Run(goldenInput(), DefaultOptions())
	conflicts, err := json.MarshalIndent(res.Conflicts, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "conflicts.golden.json", append(conflicts, '\n'))
	golden(t, "QUALITY.golden.md", res.Report())
	want := []found{
		{UnitMismatch, "tr-p2020 tr-t2020", "trade-table-unit"},
		{UnitMismatch, "tr-p2023 tr-t2023", "trade-table-unit"},
		{ValueDisagreement, "tr-p2020 tr-t2020", ""},
		{ValueDisagreement, "tr-p2023 tr-q2023", ""},
		{DateDisagreement, "ag-aug ag-sep", ""},
	}
	sortFound(want)
	if got := conflictsOf(res); !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if os.Getenv("CLAIMPACK_UPDATE") != "" {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run with CLAIMPACK_UPDATE=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (CLAIMPACK_UPDATE=1 refreshes it); got:\n%s", p, got)
	}
}
