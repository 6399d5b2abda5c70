package table

import (
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/source"
)

type wantTable struct {
	layout      Layout
	title, unit string
	attribution string
	orient      Orientation
	rows        int
	cells       int
	// first data cell: label, time, value text and number
	label, time, value string
	number             float64
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantTable
	}{
		{
			name: "pipe table, years as columns, rule row and dash line before the source",
			text: "Trade grew (see Table 1).\n" +
				"Bilateral goods trade volume between China and Belarus (2013–2023) (Unit: USD billion).\n" +
				"Year | 2013 | 2014 | 2015 |\n" +
				"---|---|---|---|\n" +
				"Total trade volume | 32.9 | 30.13 | 31.82 |\n" +
				"China’s exports | 28.29 | 23.73 | 24.01 |\n" +
				"-\n" +
				"Source: National Statistical Committee of Belarus.\n",
			want: []wantTable{{Pipe, "Bilateral goods trade volume between China and Belarus (2013–2023)", "USD billion", "National Statistical Committee of Belarus", YearsAsColumns, 2, 6, "Total trade volume", "2013", "32.9", 32.9}},
		},
		{
			name: "space-aligned table, years as rows, blank corner, Table label line",
			text: "Some prose before.\n\n" +
				"Table 3.\n" +
				"Belarus–China trade (USD million)\n" +
				"Year     Exports to China     Imports from China     Turnover\n" +
				"2019          625.1                2 147.3           2 772.4\n" +
				"2020          748.2                3 700.0           4 448.2\n" +
				"2021          n/a                  4 100.5           4 900.0\n" +
				"\n" +
				"Source: Belstat; author's calculations\n",
			want: []wantTable{{Aligned, "Table 3. Belarus–China trade", "USD million", "Belstat; author's calculations", YearsAsRows, 3, 8, "Exports to China", "2019", "625.1", 625.1}},
		},
		{
			name: "tab-separated table with a blank corner and decimal commas",
			text: "China's investment in Belarus, USD million\n" +
				"\t2019\t2020\t2021\n" +
				"Flow\t181,75\t−8,15\t42,41\n" +
				"Stock\t651,80\t607,28\t646,05\n" +
				"Sources: MOFCOM: statistical bulletin.\n",
			// the unit after a comma
			want: []wantTable{{Tab, "China's investment in Belarus", "USD million", "MOFCOM", YearsAsColumns, 2, 6, "Flow", "2019", "181,75", 181.75}},
		},
		{
			name: "quarters as columns",
			text: "Exports (Unit: USD million)\n" +
				"Item | Q1 2024 | Q2 2024 |\n" +
				"Exports | 1,204.5 | 980.0 |\n" +
				"Imports | 2,001.0 | 1,750.2 |\n",
			want: []wantTable{{Pipe, "Exports", "USD million", "", YearsAsColumns, 2, 4, "Exports", "Q1 2024", "1,204.5", 1204.5}},
		},
		{
			name: "comma-separated values after a sentence giving the unit, snake_case header",
			text: "Here are the customs figures for the past five years, in millions of US dollars (exports are Belarusian sales to China):\n\n" +
				"year,exports_usd_m,imports_usd_m\n" +
				"2021,1540,4120\n" +
				"2022,\"1,870\",5350\n" +
				"2023,2260,5690\n\n" +
				"Prose again, with commas, that is no row.\n",
			want: []wantTable{{Comma, "Here are the customs figures for the past five years (exports are Belarusian sales to China)", "millions of US dollars", "", YearsAsRows, 3, 6, "exports_usd_m", "2021", "1540", 1540}},
		},
		{
			name: "semicolon-separated values with decimal commas",
			text: "Chinese direct investment in Belarus (USD million)\n" +
				"Year;Inflow;Stock\n" +
				"2022;181,75;651,80\n" +
				"2023;−8,15;607,28\n",
			want: []wantTable{{Semicolon, "Chinese direct investment in Belarus", "USD million", "", YearsAsRows, 2, 4, "Inflow", "2022", "181,75", 181.75}},
		},
		{
			name: "months without their year take the caption's; a change column takes the latest period",
			text: "Table 1. Trade in goods with China by month, 2026 (thousand US dollars)\n\n" +
				"| Indicator | Jan | Feb | January–February 2026 | January–February 2025 | Change, % |\n" +
				"|---|---:|---:|---:|---:|---:|\n" +
				"| Exports to China | 148 312.6 | 139 874.0 | 288 186.6 | 262 118.3 | +9.9 |\n",
			want: []wantTable{{Pipe, "Table 1. Trade in goods with China by month, 2026", "thousand US dollars", "", YearsAsColumns, 1, 5, "Exports to China", "Jan", "148 312.6", 148312.6}},
		},
		{
			name: "sentences with commas on consecutive lines are not a table",
			text: "In 2021, exports rose, imports fell, and the balance, at 5, improved.\n" +
				"In 2022, exports rose again, imports, too, grew, and the rest, 7, held.\n" +
				"In 2023, it was 3, 4, 5.\n",
		},
		{
			name: "prose with double spaces is not a table",
			text: "in the 2010s, the transport sector   ጀ  primarily, road and railway transport services   ጀ \n" +
				"accounted for about 5-6% of the countrys GDP.  Belaruss share  in global transport\n",
		},
		{
			name: "a list of figures without a second row is not a table",
			text: "Year | 2013 | 2014 |\nthen prose.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := source.New("t.txt", "t.txt", []byte(tt.text))
			got, diags := Find(doc)
			if len(got) != len(tt.want) {
				t.Fatalf("found %d tables, want %d (diags %v)", len(got), len(tt.want), diags)
			}
			for i, w := range tt.want {
				g := got[i]
				cells, ds := g.Cells(doc)
				checkSpans(t, doc, g, cells)
				if g.Layout != w.layout || g.Title != w.title || g.UnitText != w.unit || g.Attribution != w.attribution || g.Orient() != w.orient || len(g.Rows) != w.rows || len(cells) != w.cells {
					t.Errorf("got layout %s title %q unit %q attribution %q orient %d rows %d cells %d (diags %v)\nwant layout %s title %q unit %q attribution %q orient %d rows %d cells %d",
						g.Layout, g.Title, g.UnitText, g.Attribution, g.Orient(), len(g.Rows), len(cells), ds,
						w.layout, w.title, w.unit, w.attribution, w.orient, w.rows, w.cells)
					continue
				}
				c := cells[0]
				if c.Label.Text != w.label || c.Time.Text != w.time || c.Value.Text != w.value || c.Number.Value != w.number {
					t.Errorf("first cell: label %q time %q value %q number %v, want %q %q %q %v", c.Label.Text, c.Time.Text, c.Value.Text, c.Number.Value, w.label, w.time, w.value, w.number)
				}
			}
		})
	}
}

// TestMonthColumns: the periods of month columns without a year and of a
// change column.
func TestMonthColumns(t *testing.T) {
	text := "Table 1. Trade in goods with China by month, 2026 (thousand US dollars)\n\n" +
		"| Indicator | Jan | Feb | January–February 2026 | January–February 2025 | Change, % |\n" +
		"|---|---:|---:|---:|---:|---:|\n" +
		"| Exports to China | 148 312.6 | 139 874.0 | 288 186.6 | 262 118.3 | +9.9 |\n"
	doc := source.New("t.txt", "t.txt", []byte(text))
	tables, _ := Find(doc)
	if len(tables) != 1 {
		t.Fatalf("found %d tables", len(tables))
	}
	cells, _ := tables[0].Cells(doc)
	var got []string
	for _, c := range cells {
		got = append(got, c.LabelText+" "+c.Period.EDTF+" "+string(c.Period.Basis))
	}
	want := []string{
		"Exports to China 2026-01 context",
		"Exports to China 2026-02 context",
		"Exports to China 2026-01/2026-02 explicit",
		"Exports to China 2025-01/2025-02 explicit",
		"Exports to China, Change, % 2026-01/2026-02 explicit",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkSpans asserts that every span of a table slices its document.
func checkSpans(t *testing.T, doc *source.Doc, tb Table, cells []DataCell) {
	t.Helper()
	check := func(what string, c Cell) {
		if c.Start < 0 || c.End < c.Start || c.End > len(doc.Data) {
			t.Fatalf("%s span [%d,%d) outside document of %d bytes", what, c.Start, c.End, len(doc.Data))
		}
		if got := string(doc.Data[c.Start:c.End]); got != c.Text {
			t.Fatalf("%s text %q, document bytes %q", what, c.Text, got)
		}
		if line, _ := doc.Position(c.Start); c.Text != "" && line != c.Line {
			t.Fatalf("%s line %d, offset is on line %d", what, c.Line, line)
		}
	}
	for _, c := range cells {
		check("value", c.Value)
		check("label", c.Label)
		check("time", c.Time)
	}
	if tb.Caption != nil {
		check("caption", *tb.Caption)
	}
	if tb.UnitCell != nil {
		check("unit", *tb.UnitCell)
	}
	if tb.Source != nil {
		check("source", *tb.Source)
	}
}

func TestRowWidthDiagnostic(t *testing.T) {
	text := "Trade (Unit: USD million)\nYear | 2013 | 2014 |\nExports | 1 | 2 |\nImports | 3 |\nTotal | 4 | 6 |\n"
	doc := source.New("t.txt", "seeds/t.txt", []byte(text))
	tables, diags := Find(doc)
	if len(tables) != 1 || len(tables[0].Rows) != 2 {
		t.Fatalf("want one table of 2 rows, got %d tables", len(tables))
	}
	if len(diags) != 1 || diags[0].Line != 4 || !strings.Contains(diags[0].Message, "2 cells") {
		t.Fatalf("want a diagnostic on line 4 about the short row, got %v", diags)
	}
}

func TestCRLFAndBOM(t *testing.T) {
	text := "\ufeffTrade (Unit: USD million)\r\nYear | 2013 | 2014 |\r\nExports | 1.5 | 2 |\r\nImports | 3 | 4 |\r\n"
	doc := source.New("t.txt", "t.txt", []byte(text))
	tables, _ := Find(doc)
	if len(tables) != 1 {
		t.Fatalf("found %d tables, want 1", len(tables))
	}
	cells, _ := tables[0].Cells(doc)
	checkSpans(t, doc, tables[0], cells)
	if tables[0].Caption == nil || tables[0].Caption.Start != 3 {
		t.Fatalf("caption should start after the BOM, got %+v", tables[0].Caption)
	}
	if got := cells[len(cells)-1].Value.Text; got != "4" {
		t.Fatalf("last cell %q, want 4 (without CR)", got)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("T (Unit: USD million)\nYear | 2013 | 2014 |\n---|---|---|\nA | 1,5 | −2 |\nB | 3 | 4 |\nSource: X.\n")
	f.Add("Year  2013  2014\nA    1    2\nB    3    4\n")
	f.Add("\tx\ty\na\t1\t2\nb\t3\t4\n")
	f.Add("\ufeffa | b\r\nc | d\r\n")
	f.Fuzz(func(t *testing.T, text string) {
		doc := source.New("f.txt", "f.txt", []byte(text))
		tables, _ := Find(doc)
		for _, tb := range tables {
			cells, _ := tb.Cells(doc)
			checkSpans(t, doc, tb, cells)
		}
	})
}

// Two aligned cells make a table only as a series of periods and numbers.
func TestYearSeries(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
	}{
		{"Year    Inflow\n2020    120.5\n2021     98.0\n", 1},
		{"Year    Inflow\n2020    120.5\n", 0},                                    // one row is no series
		{"The text  wraps here\nand there  in prose\n2019  was a good year\n", 0}, // prose with double spaces
		{"Year    Inflow\nTotal    120.5\nOther    98.0\n", 0},                    // rows are no periods
	} {
		doc := source.New("t.txt", "t.txt", []byte(tc.text))
		tables, _ := Find(doc)
		if len(tables) != tc.n {
			t.Errorf("%q: %d tables, want %d", tc.text, len(tables), tc.n)
		}
	}
}
