package classify

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/extract/table"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/source"
)

// tableRecords classifies the tables of text and summarises the records
// and warnings.
func tableRecords(t *testing.T, text string) (recs, warns []string) {
	t.Helper()
	lex, _ := lexicon.Default()
	doc := source.New("t.txt", "t.txt", []byte(text))
	tables, _ := table.Find(doc)
	var res Result
	Tables(doc, tables, lex, Options{Focus: [2]string{"CHN", "BLR"}}, &res)
	for _, x := range res.Trade {
		recs = append(recs, fmt.Sprintf("trade %s %g %s %s>%s %s", x.Indicator, x.Value, x.Period, x.Exporter, x.Importer, x.Product))
	}
	for _, x := range res.FDI {
		recs = append(recs, fmt.Sprintf("fdi %s %g %s %s>%s %s", x.Measure, x.Value, x.Period, x.Investor, x.Host, x.Lender))
	}
	for _, d := range res.Diags {
		warns = append(warns, d.Code+" "+d.Message)
	}
	sort.Strings(recs)
	return recs, warns
}

// Rows that name lenders, products or countries take the caption's
// measure; a third country's row is skipped, with one warning.
func TestTableRowsOfEntities(t *testing.T) {
	text := `Lending.

Table 3. Chinese loans disbursed to Belarus by lender, USD million

Lender                         2021     2022    Q1 2023
Export-Import Bank of China    100.5    200.0     30.1
Other Chinese banks             10.0      –        2.5
Total                          110.5    200.0     32.6

Source: Ministry of Finance.

Table 4. Belarusian exports to China by product, USD million

Product            2022     2023
Rapeseed oil       120.0    150.5
Potash              80.0     70.0

Table 5. Loans to Belarus by creditor country, USD million

Creditor          2022      2023
China             300.0     310.0
Russia            900.0     950.0
`
	recs, warns := tableRecords(t, text)
	want := []string{
		"fdi loan 1e+07 2021 CHN>BLR ",
		"fdi loan 1.005e+08 2021 CHN>BLR Export-Import Bank of China",
		"fdi loan 1.105e+08 2021 CHN>BLR ",
		"fdi loan 2e+08 2022 CHN>BLR ",
		"fdi loan 2e+08 2022 CHN>BLR Export-Import Bank of China",
		"fdi loan 2.5e+06 2023-33 CHN>BLR ",
		"fdi loan 3.01e+07 2023-33 CHN>BLR Export-Import Bank of China",
		"fdi loan 3.26e+07 2023-33 CHN>BLR ",
		"fdi loan 3.1e+08 2023 CHN>BLR ",
		"fdi loan 3e+08 2022 CHN>BLR ",
		"trade exports 1.2e+08 2022 BLR>CHN Rapeseed oil",
		"trade exports 1.505e+08 2023 BLR>CHN Rapeseed oil",
		"trade exports 7e+07 2023 BLR>CHN Potash",
		"trade exports 8e+07 2022 BLR>CHN Potash",
	}
	sort.Strings(want)
	expectLines(t, recs, want)
	n := 0
	for _, w := range warns {
		if strings.Contains(w, "Russia") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want one warning for the Russia row, got %v", warns)
	}
}

// A series of one column by year is a table; undirected exports and
// imports are the reporting country's, and so is the balance.
func TestTableSeriesAndSides(t *testing.T) {
	text := `Intro.

Table 1. China's direct investment in Belarus, USD million

Year    Inflow
2020    120.5
2021     98.0

Belarus: trade with China, USD bn
	2019	2020
Exports	0.6	0.9
Imports	2.1	2.8
Balance	-1.5	-1.9
Turnover	2.7	3.7

Source: National Statistical Committee.
`
	recs, _ := tableRecords(t, text)
	want := []string{
		"fdi flow 1.205e+08 2020 CHN>BLR ",
		"fdi flow 9.8e+07 2021 CHN>BLR ",
		"trade balance -1.5e+09 2019 BLR>CHN ",
		"trade balance -1.9e+09 2020 BLR>CHN ",
		"trade exports 6e+08 2019 BLR>CHN ",
		"trade exports 9e+08 2020 BLR>CHN ",
		"trade imports 2.1e+09 2019 CHN>BLR ",
		"trade imports 2.8e+09 2020 CHN>BLR ",
		"trade turnover 2.7e+09 2019 > ",
		"trade turnover 3.7e+09 2020 > ",
	}
	sort.Strings(want)
	expectLines(t, recs, want)
}

// A header on two lines, a unit with its number format after a
// semicolon, a share column, a units row and notes before the source.
func TestTableHeadersAndUnitRows(t *testing.T) {
	text := `Intro.

Table 1. Trade in goods of Belarus with China, by year
(USD million; decimal comma, space as thousands separator)

Period           Turnover    Exports     Imports      Share of China
                             to China    from China   in trade, %
2023              7 552,8     1 640,2     5 912,6        9,6
2024¹             7 543,6     1 538,1     6 005,5        9,9

¹ Preliminary.
Source: Belstat.

Table 2. Chinese loans and debt, by quarter

| Indicator                         | Q1 2025 | Q2 2025 |
|-----------------------------------|---------|---------|
| unit                              | USD mn  | USD mn  |
| Loans disbursed by Chinese banks  | 118,0   | 96,4*   |
| Debt to Chinese creditors, end of quarter | 3 014 | 2 968 |
`
	recs, _ := tableRecords(t, text)
	want := []string{
		"fdi debt_stock 2.968e+09 2025-06-30 CHN>BLR ",
		"fdi debt_stock 3.014e+09 2025-03-31 CHN>BLR ",
		"fdi loan 1.18e+08 2025-33 CHN>BLR ",
		"fdi loan 9.64e+07 2025-34 CHN>BLR ",
		"trade exports 1.5381e+09 2024 BLR>CHN ",
		"trade exports 1.6402e+09 2023 BLR>CHN ",
		"trade imports 5.9126e+09 2023 CHN>BLR ",
		"trade imports 6.0055e+09 2024 CHN>BLR ",
		"trade share 9.6 2023 > ",
		"trade share 9.9 2024 > ",
		"trade turnover 7.5436e+09 2024 > ",
		"trade turnover 7.5528e+09 2023 > ",
	}
	sort.Strings(want)
	expectLines(t, recs, want)
}

// A table that a sentence of the paragraph before presents: its title and
// unit come from that sentence ("US dollars" names no country).
func TestTablePresentedByProse(t *testing.T) {
	text := `17.1 Loans received by lender

Chinese lenders remained the Bank's main source of funding. The table shows loans received from Chinese lenders by lender and year, in millions of US dollars.

| Lender                       | 2023  | 2024  |
|------------------------------|-------|-------|
| China Development Bank       | 210.0 | 320.0 |
| Total                        | 210.0 | 320.0 |
`
	recs, _ := tableRecords(t, text)
	want := []string{
		"fdi loan 2.1e+08 2023 CHN>BLR ",
		"fdi loan 2.1e+08 2023 CHN>BLR China Development Bank",
		"fdi loan 3.2e+08 2024 CHN>BLR ",
		"fdi loan 3.2e+08 2024 CHN>BLR China Development Bank",
	}
	expectLines(t, recs, want)
}

// A caption on two lines, the second a note in brackets that says whose
// exports the table counts, and a growth row in percent.
func TestTableTwoLineCaption(t *testing.T) {
	text := `Intro.

Table. Belarus – China trade in goods, 2024–2025, USD million
(exports: Belarusian exports to China; imports: Belarusian imports from China)

Indicator                  2024       2025
Exports                 2,014.6    2,287.9
Imports                 6,626.1    6,643.6
Turnover growth, %          6.6        3.4
`
	recs, _ := tableRecords(t, text)
	want := []string{
		"trade exports 2.0146e+09 2024 BLR>CHN ",
		"trade exports 2.2879e+09 2025 BLR>CHN ",
		"trade growth_rate 3.4 2025 > ",
		"trade growth_rate 6.6 2024 > ",
		"trade imports 6.6261e+09 2024 CHN>BLR ",
		"trade imports 6.6436e+09 2025 CHN>BLR ",
	}
	expectLines(t, recs, want)
}
