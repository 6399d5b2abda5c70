package quantity

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
)

// want is a quantity as a test expects it. Fields left zero are expected
// zero: qual "" means exact, high 0 no range.
type want struct {
	text     string // ValueText
	kind     Kind
	value    float64
	unit     string
	high     float64
	qual     record.Qualifier
	qualText string
	neg      bool
}

func (w want) String() string {
	s := fmt.Sprintf("%q %s %g %s", w.text, w.kind, w.value, w.unit)
	if w.high != 0 {
		s += fmt.Sprintf(" high=%g", w.high)
	}
	if w.qual != "" {
		s += fmt.Sprintf(" %s(%q)", w.qual, w.qualText)
	}
	if w.neg {
		s += " negative"
	}
	return s
}

type findTest struct {
	in   string
	want []want
}

func testLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, diags := lexicon.Default()
	if diags.HasErrors() || lex == nil {
		t.Fatalf("default lexicon: %v", diags)
	}
	return lex
}

// runFind checks Find on each test: the quantities found, and that every
// span slices its text.
func runFind(t *testing.T, tests []findTest) {
	t.Helper()
	f := NewFinder(testLexicon(t))
	for _, tt := range tests {
		qs := f.Find(tt.in)
		var got []want
		for _, q := range qs {
			if q.ValueText != tt.in[q.Start:q.End] {
				t.Errorf("Find(%q): ValueText %q != text[%d:%d] %q", tt.in, q.ValueText, q.Start, q.End, tt.in[q.Start:q.End])
			}
			w := want{text: q.ValueText, kind: q.Kind, value: q.Value, unit: q.Unit, high: q.High, neg: q.Negative}
			if q.Qualifier != record.Exact {
				w.qual, w.qualText = q.Qualifier, tt.in[q.QualStart:q.QualEnd]
			} else if q.QualStart != 0 || q.QualEnd != 0 {
				t.Errorf("Find(%q): exact %q has a qualifier span %d:%d", tt.in, q.ValueText, q.QualStart, q.QualEnd)
			}
			got = append(got, w)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Find(%q)\n got %v\nwant %v", tt.in, got, tt.want)
		}
	}
}

func TestFindMoney(t *testing.T) {
	runFind(t, []findTest{
		{"trade volume reached $8.3 billion in 2023", []want{{text: "$8.3 billion", kind: Money, value: 8.3e9, unit: "USD"}}},
		{"allocated $5.7 billion and $8.3 billion, respectively, for", []want{
			{text: "$5.7 billion", kind: Money, value: 5.7e9, unit: "USD"},
			{text: "$8.3 billion", kind: Money, value: 8.3e9, unit: "USD"},
		}},
		{"exported goods worth USD 748.2 million,", []want{{text: "USD 748.2 million", kind: Money, value: 748.2e6, unit: "USD"}}},
		{"imports amounted to USD 3.7 billion", []want{{text: "USD 3.7 billion", kind: Money, value: 3.7e9, unit: "USD"}}},
		{"a non-tied loan of USD 500 million", []want{{text: "USD 500 million", kind: Money, value: 5e8, unit: "USD"}}},
		{"granted a USD 15 billion line of credit", []want{{text: "USD 15 billion", kind: Money, value: 15e9, unit: "USD"}}},
		{"conducted trade exceeding 8.5 billion dollars.", []want{{text: "8.5 billion dollars", kind: Money, value: 8.5e9, unit: "USD", qual: record.MoreThan, qualText: "exceeding"}}},
		{"an investment of 390 million Belarusian rubles, signaling", []want{{text: "390 million Belarusian rubles", kind: Money, value: 390e6, unit: "BYN"}}},
		{"reaching 2.9 trillion Russian rubles.", []want{{text: "2.9 trillion Russian rubles", kind: Money, value: 2.9e12, unit: "RUB"}}},
		{"Russia has provided 105 billion Russian rubles in state loans", []want{{text: "105 billion Russian rubles", kind: Money, value: 105e9, unit: "RUB"}}},
		{"a $1.3bn loan", []want{{text: "$1.3bn", kind: Money, value: 1.3e9, unit: "USD"}}},
		{"a $1.3 bln loan", []want{{text: "$1.3 bln", kind: Money, value: 1.3e9, unit: "USD"}}},
		{"exports of USD 250 mln", []want{{text: "USD 250 mln", kind: Money, value: 250e6, unit: "USD"}}},
		{"a grant of US$ 2 million", []want{{text: "US$ 2 million", kind: Money, value: 2e6, unit: "USD"}}},
		{"costs amount to USD 30-60 billion.112 The project", []want{{text: "USD 30-60 billion", kind: Money, value: 30e9, unit: "USD", high: 60e9}}},
		{"between $30–$60 billion", []want{{text: "$30–$60 billion", kind: Money, value: 30e9, unit: "USD", high: 60e9}}},
		{"new investments worth one billion USD in the coming years", []want{{text: "one billion USD", kind: Money, value: 1e9, unit: "USD"}}},
		{"accounted for over one billion USD outstanding debts", []want{{text: "one billion USD", kind: Money, value: 1e9, unit: "USD", qual: record.MoreThan, qualText: "over"}}},
		{"worth a billion dollars", []want{{text: "a billion dollars", kind: Money, value: 1e9, unit: "USD"}}},
		{"some twenty-five million yuan", []want{{text: "twenty-five million yuan", kind: Money, value: 25e6, unit: "CNY", qual: record.Approx, qualText: "some"}}},
		{"investments of its residents reached $1 billion, coming", []want{{text: "$1 billion", kind: Money, value: 1e9, unit: "USD"}}},
		{"when over $15 billion were made available", []want{{text: "$15 billion", kind: Money, value: 15e9, unit: "USD", qual: record.MoreThan, qualText: "over"}}},
		{"equipment worth USD 4.5 million. 136\nFurthermore", []want{{text: "USD 4.5 million", kind: Money, value: 4.5e6, unit: "USD"}}},
		{"China provided a meagre USD 4.6\nbillion in export loans", []want{{text: "USD 4.6\nbillion", kind: Money, value: 4.6e9, unit: "USD"}}},
		{"stock amounted to USD 793 million (Ministry", []want{{text: "USD 793 million", kind: Money, value: 793e6, unit: "USD"}}},
		{"€5m and RMB 10 billion and ¥3 billion", []want{
			{text: "€5m", kind: Money, value: 5e6, unit: "EUR"},
			{text: "RMB 10 billion", kind: Money, value: 10e9, unit: "CNY"},
			{text: "¥3 billion", kind: Money, value: 3e9, unit: "CNY"},
		}},
		{"a fee of $500", []want{{text: "$500", kind: Money, value: 500, unit: "USD"}}},
		{"from $5 to $6 billion", []want{
			{text: "$5", kind: Money, value: 5e9, unit: "USD"},
			{text: "$6 billion", kind: Money, value: 6e9, unit: "USD"},
		}},
		{"between 2 and 3 billion dollars", []want{{text: "2 and 3 billion dollars", kind: Money, value: 2e9, unit: "USD", high: 3e9}}},
		{"$5 and $6", []want{
			{text: "$5", kind: Money, value: 5, unit: "USD"},
			{text: "$6", kind: Money, value: 6, unit: "USD"},
		}},
		{"in 2019 USD 15 billion", []want{{text: "USD 15 billion", kind: Money, value: 15e9, unit: "USD"}}},
		{"3.78 BYN\n3.00 BYN\n3.43 BYN\n", []want{
			{text: "3.78 BYN", kind: Money, value: 3.78, unit: "BYN"},
			{text: "3.00 BYN", kind: Money, value: 3, unit: "BYN"},
			{text: "3.43 BYN", kind: Money, value: 3.43, unit: "BYN"},
		}},
		// Vague amounts have no numeral: no quantity.
		{"In addition, several hundred million USD flow into Belarus", nil},
		{"these billion USD credits rarely materialize", nil},
		{"(Unit: USD billion)", nil},
		// A currency the lexicon does not know.
		{"HK$5 billion", nil},
		// A single-letter scale needs a currency symbol: 5m may be metres.
		{"a 5m wall", nil},
	})
}

func TestFindPercent(t *testing.T) {
	runFind(t, []findTest{
		{"exports to China surged by 18%.", []want{{text: "18%", kind: Percent, value: 18, unit: "percent"}}},
		{"accounting for approximately 9.22 % of", []want{{text: "9.22 %", kind: Percent, value: 9.22, unit: "percent", qual: record.Approx, qualText: "approximately"}}},
		{"increased by 144.3 % year-on-year", []want{{text: "144.3 %", kind: Percent, value: 144.3, unit: "percent"}}},
		{"exports amounted to 0,404% in 2020", []want{{text: "0,404%", kind: Percent, value: 0.404, unit: "percent"}}},
		{"Austria’s 7.4%\nshare", []want{{text: "7.4%", kind: Percent, value: 7.4, unit: "percent"}}},
		{"Belarus with 45.5% or about USD 7.6 billion.86 Belarusian", []want{
			{text: "45.5%", kind: Percent, value: 45.5, unit: "percent"},
			{text: "USD 7.6 billion", kind: Money, value: 7.6e9, unit: "USD", qual: record.Approx, qualText: "about"},
		}},
		{"accounted for about 5-6% of the GDP", []want{{text: "5-6%", kind: Percent, value: 5, unit: "percent", high: 6, qual: record.Approx, qualText: "about"}}},
		{"purchase 50-75\npercent of project equipment", []want{{text: "50-75\npercent", kind: Percent, value: 50, unit: "percent", high: 75}}},
		{"used only up to 25-40% of their capacity", []want{{text: "25-40%", kind: Percent, value: 25, unit: "percent", high: 40, qual: record.Approx, qualText: "up to"}}},
		{"rose 5%–6% a year", []want{{text: "5%–6%", kind: Percent, value: 5, unit: "percent", high: 6}}},
		{"a 5 per cent rise", []want{{text: "5 per cent", kind: Percent, value: 5, unit: "percent"}}},
		{"a 5 per\ncent rise", []want{{text: "5 per\ncent", kind: Percent, value: 5, unit: "percent"}}},
		{"five percent of exports", []want{{text: "five percent", kind: Percent, value: 5, unit: "percent"}}},
		// A unit written once for two numbers.
		{"between 5 and 6% of GDP", []want{{text: "5 and 6%", kind: Percent, value: 5, unit: "percent", high: 6}}},
		{"rose from 5 to 6 percent", []want{
			{text: "5", kind: Percent, value: 5, unit: "percent"},
			{text: "6 percent", kind: Percent, value: 6, unit: "percent"},
		}},
		{"between five and six percent", []want{{text: "five and six percent", kind: Percent, value: 5, unit: "percent", high: 6}}},
		{"grew 3% in 2019 and 5% in 2020", []want{
			{text: "3%", kind: Percent, value: 3, unit: "percent"},
			{text: "5%", kind: Percent, value: 5, unit: "percent"},
		}},
		{"between 33% (50 years and older) and 44%", []want{
			{text: "33%", kind: Percent, value: 33, unit: "percent"},
			{text: "44%", kind: Percent, value: 44, unit: "percent"},
		}},
		{"a 5-percent share", []want{{text: "5-percent", kind: Percent, value: 5, unit: "percent"}}},
		// Percentage points are no percentage, and no count.
		{"up 3 percentage points", nil},
	})
}

func TestFindCount(t *testing.T) {
	runFind(t, []findTest{
		{"Currently, nearly 100 Chinese enterprises operate", []want{{text: "100", kind: Count, value: 100, unit: "count", qual: record.Approx, qualText: "nearly"}}},
		{"with over 50 investment projects", []want{{text: "50", kind: Count, value: 50, unit: "count", qual: record.MoreThan, qualText: "over"}}},
		{"more than 150 enterprises have registered", []want{{text: "150", kind: Count, value: 150, unit: "count", qual: record.MoreThan, qualText: "more than"}}},
		{"the countries \nsigned about 40 agreements in", []want{{text: "40", kind: Count, value: 40, unit: "count", qual: record.Approx, qualText: "about"}}},
		{"more than 120 mutual visits\nwere", []want{{text: "120", kind: Count, value: 120, unit: "count", qual: record.MoreThan, qualText: "more than"}}},
		{"has reached over 13,000.", []want{{text: "13,000", kind: Count, value: 13000, unit: "count", qual: record.MoreThan, qualText: "over"}}},
		{"received 100,000 doses of China’s Sinopharm", []want{{text: "100,000", kind: Count, value: 100000, unit: "count"}}},
		{"only 69 residents were registered", []want{{text: "69", kind: Count, value: 69, unit: "count"}}},
		{"Until 2018, 277\nChinese officers received diplomas", []want{{text: "277", kind: Count, value: 277, unit: "count"}}},
		{"a population of less than ten million and", []want{{text: "ten million", kind: Count, value: 10e6, unit: "count", qual: record.LessThan, qualText: "less than"}}},
		{"expecting one million additional doses", []want{{text: "one million", kind: Count, value: 1e6, unit: "count"}}},
		{"5 to 6 million people", []want{
			{text: "5", kind: Count, value: 5e6, unit: "count"},
			{text: "6 million", kind: Count, value: 6e6, unit: "count"},
		}},
		{"a thousand km", nil},
		{"“More than 3.5 Thousand Chinese Came”", []want{{text: "3.5 Thousand", kind: Count, value: 3500, unit: "count", qual: record.MoreThan, qualText: "More than"}}},
		{"at least 3 agreements and fewer than 20 projects", []want{
			{text: "3", kind: Count, value: 3, unit: "count", qual: record.MoreThan, qualText: "at least"},
			{text: "20", kind: Count, value: 20, unit: "count", qual: record.LessThan, qualText: "fewer than"},
		}},
		{"Chinese MoD leadership visited Belarus 13 times.141\nChina’s", []want{{text: "13", kind: Count, value: 13, unit: "count"}}},
		// A year-like number counts only before a count noun.
		{"about 2000 enterprises", []want{{text: "2000", kind: Count, value: 2000, unit: "count", qual: record.Approx, qualText: "about"}}},
		{"In 2019, the two countries signed", nil},
		{"from 2007 to 2019, and around 2015", nil},
		{"the 2020 mass protests", nil},
		// Identifiers.
		{"Decree No. 161 and Directive No. 5 “On the", nil},
		{"Russia’s vaccine Sputnik V in December", nil},
		{"The 16/17+1 framework and the 17+1\ninitiative", nil},
		{"exercises Vostok 2018 (East 2021), Centr 2019", nil},
		{"Blog No.2024 / 8. February", nil},
		{"Tel: +90 (312) 438 50 23-24 • Fax: +90 (312) 438 50 26", nil},
		{"call 438 50 23 now", nil},
		{"see Table 1) and Figure 3 indicates", nil},
		{"Foreign Policy Index No. 1-35).", nil},
		{"Eurasia Daily Monitor 16, no. 171 (December", nil},
		{"Covid-19, the Volat V1 and HongQi L5 cabriolets", nil},
		{"in the 1990s and the 2nd round, at 14:30", nil},
		{"https://www.globaltimes.cn/content/1198391.shtml.", nil},
		{"the academic year 2018/19 on 08.02.2024, February 08.", nil},
		// Measures.
		{"approximately 6,000 km apart", nil},
		{"a 112 km² special economic zone, about 25 km southwest", nil},
		{"a range of 300 km.151 However, the port is only 500 km\nnortheast", nil},
		{"the 10-year tax-free period; 50 years and older", nil},
		// Ranges without a unit: pages and years.
		{"(2013–2023) and pages 75-76.", nil},
		// Days of the month, left to the date extractor.
		{"On March 28, 2015, the Chinese government; on 23 May 2021; (accessed Feb 17, 2025)", nil},
		{"in January 2024, 30 companies; May 40 companies", []want{
			{text: "30", kind: Count, value: 30, unit: "count"},
			{text: "40", kind: Count, value: 40, unit: "count"},
		}},
		// Item numbers and table cells.
		{"attributed to: 1) mutual respect; 2) alignment", nil},
		{"| Total trade volume | 32.9 | 30.13 | −8,15 |", nil},
	})
}

func TestFindFootnotes(t *testing.T) {
	runFind(t, []findTest{
		{"imports from China amounted to USD 3.7 billion.77 Thus, China", []want{{text: "USD 3.7 billion", kind: Money, value: 3.7e9, unit: "USD"}}},
		{"reached a new\nhigh at USD 4.6 billion. The trade balance even improved for Belarus. 128\nLukashenka is", []want{{text: "USD 4.6 billion", kind: Money, value: 4.6e9, unit: "USD"}}},
		{"paper plant (loss of USD 850 million) and the", []want{{text: "USD 850 million", kind: Money, value: 850e6, unit: "USD"}}},
		{"the coalition”5 and decreasing day by day.”72 The", nil},
		{"held a minor share of 0.67% since\n2018.105 The CBIP’s", []want{{text: "0.67%", kind: Percent, value: 0.67, unit: "percent"}}},
		{"Credits to Belarus totalled\nUSD 16 billion by 2014.88 In addition", []want{{text: "USD 16 billion", kind: Money, value: 16e9, unit: "USD"}}},
		{"observer in the 17+1 initiative,39 and China", nil},
		{"easily exceeds China’s 3%.96 Moreover", []want{{text: "3%", kind: Percent, value: 3, unit: "percent"}}},
		{"(50%).172 In 2020", []want{{text: "50%", kind: Percent, value: 50, unit: "percent"}}},
		{"[12] and [3]", nil},
		// Footnote entries, page numbers and citations.
		{"https://carnegie.ru/commentary/83538.\n46 Maxim Samorukov and Temur Umarov", nil},
		{"https://example.org/a.html.\n11 “Lukashenka", nil},
		{"https://minskdialogue.by/MB_20_en.pdf\n55 “Plane with 300,000 Doses", []want{{text: "300,000", kind: Count, value: 300000, unit: "count"}}},
		{"in the pandemic.\n45\n the Corona pandemic", nil},
		{"Non-Strategic Partnership, 12.\n50 Preiherman, “Unsettled Union.”", nil},
		{"Turabekova, “Belarus,” 4.\n13 President", nil},
		{"(2021), 79, https://doi.org/x", nil},
		{"Center for Eurasian Studies 5\n\n\nhttps://avim.org.tr", nil},
		{"Center for Eurasian Studies 6\n\n\n", nil},
	})
}

func TestFindMultiple(t *testing.T) {
	runFind(t, []findTest{
		{"bilateral trade has grown nearly fivefold.", []want{{text: "fivefold", kind: Multiple, value: 5, unit: "multiple", qual: record.Approx, qualText: "nearly"}}},
		{"a threefold rise", []want{{text: "threefold", kind: Multiple, value: 3, unit: "multiple"}}},
		{"these investments have tripled.", []want{{text: "tripled", kind: Multiple, value: 3, unit: "multiple"}}},
		{"exports more than doubled", []want{{text: "doubled", kind: Multiple, value: 2, unit: "multiple", qual: record.MoreThan, qualText: "more than"}}},
		{"China moved up to second place among trading partners", []want{{text: "second place", kind: Rank, value: 2, unit: "rank"}}},
		{"In 2022 China ranked fifth among foreign investors", []want{{text: "fifth", kind: Rank, value: 5, unit: "rank"}}},
		{"in the second half of 2023", nil},
		{"which placed China fifth among foreign investors", []want{{text: "fifth", kind: Rank, value: 5, unit: "rank"}}},
		{"imports grew by a third in 2023", []want{{text: "a third", kind: Percent, value: 33.3, unit: "percent"}}},
		{"up by roughly a fifth on the year before", []want{{text: "a fifth", kind: Percent, value: 20, unit: "percent", qual: record.Approx, qualText: "roughly"}}},
		{"three hundred million dollars", []want{{text: "three hundred million dollars", kind: Money, value: 3e8, unit: "USD"}}},
		{"around nine billion dollars", []want{{text: "nine billion dollars", kind: Money, value: 9e9, unit: "USD", qual: record.Approx, qualText: "around"}}},
		{"one point eight billion dollars", []want{{text: "one point eight billion dollars", kind: Money, value: 1.8e9, unit: "USD"}}},
		{"credit commitments of between USD 5 and 7 billion", []want{{text: "USD 5 and 7 billion", kind: Money, value: 5e9, high: 7e9, unit: "USD"}}},
		{"a loan agreement for three hundred and twenty million dollars", []want{{text: "three hundred and twenty million dollars", kind: Money, value: 3.2e8, unit: "USD"}}},
		{"two hundred eighty-five million dollars", []want{{text: "two hundred eighty-five million dollars", kind: Money, value: 2.85e8, unit: "USD"}}},
		{"imports in 2022 were USD 5 130.6 mln", []want{{text: "USD 5 130.6 mln", kind: Money, value: 5.1306e9, unit: "USD"}}},
		{"in 2015 150 companies and USD 5 130 mln", []want{{text: "150", kind: Count, value: 150, unit: "count"}, {text: "USD 5 130 mln", kind: Money, value: 5.13e9, unit: "USD"}}},
		{"USD 8.97 billion (+18.9 % on 2024)", []want{{text: "USD 8.97 billion", kind: Money, value: 8.97e9, unit: "USD"}, {text: "+18.9 %", kind: Percent, value: 18.9, unit: "percent"}}},
		{"balance: minus USD 5.31 billion", []want{{text: "USD 5.31 billion", kind: Money, value: -5.31e9, unit: "USD", neg: true}}},
		{"exports fell by more than half", []want{{text: "half", kind: Percent, value: -50, unit: "percent", qual: record.MoreThan, qualText: "more than", neg: true}}},
		{"a third of the park's residents", []want{{text: "a third", kind: Percent, value: 33.3, unit: "percent"}}},
		{"about one-sixth of external public debt", []want{{text: "one-sixth", kind: Percent, value: 16.7, unit: "percent", qual: record.Approx, qualText: "about"}}},
		{"a third country", nil},
		{"more than double the figure for 2022", []want{{text: "double", kind: Multiple, value: 2, unit: "multiple", qual: record.MoreThan, qualText: "more than"}}},
		{"expected to triple by 2030", []want{{text: "triple", kind: Multiple, value: 3, unit: "multiple"}}},
		{"the agreement on avoidance of double taxation", nil},
		{"importing roughly five times worth of goods", []want{{text: "five times", kind: Multiple, value: 5, unit: "multiple", qual: record.Approx, qualText: "roughly"}}},
		{"exports were 2.5 times", []want{{text: "2.5 times", kind: Multiple, value: 2.5, unit: "multiple"}}},
		{"trade grew 3 times.", []want{{text: "3 times", kind: Multiple, value: 3, unit: "multiple"}}},
		{"increased by three times.", []want{{text: "three times", kind: Multiple, value: 3, unit: "multiple"}}},
		{"a 5-fold and a 2.5-fold increase", []want{
			{text: "5-fold", kind: Multiple, value: 5, unit: "multiple"},
			{text: "2.5-fold", kind: Multiple, value: 2.5, unit: "multiple"},
		}},
		// How often, not how many times as much.
		{"visited China seven times, and", nil},
		{"several times through loans", nil},
	})
}

func TestFindRank(t *testing.T) {
	runFind(t, []findTest{
		{"China has been Belarus’ second-largest trading partner", []want{{text: "second-largest", kind: Rank, value: 2, unit: "rank"}}},
		{"making it the country’s third-largest source of foreign direct investment", []want{{text: "third-largest", kind: Rank, value: 3, unit: "rank"}}},
		{"the Park is the largest Chinese investment project", []want{{text: "largest", kind: Rank, value: 1, unit: "rank"}}},
		{"this is the \nsecond highest level out of about 25 formats.", []want{
			{text: "second highest", kind: Rank, value: 2, unit: "rank"},
			{text: "25", kind: Count, value: 25, unit: "count", qual: record.Approx, qualText: "about"},
		}},
		{"Belarus’s largest trading partner in Asia", []want{{text: "largest", kind: Rank, value: 1, unit: "rank"}}},
		{"the 2nd-largest partner", []want{{text: "2nd-largest", kind: Rank, value: 2, unit: "rank"}}},
		{"China’s highest-level cooperation", nil},
		{"one of the largest projects, among the biggest", nil},
		{"Second, state-owned enterprises", nil},
	})
}

func TestFindQualifier(t *testing.T) {
	runFind(t, []findTest{
		{"nearly $5 billion", []want{{text: "$5 billion", kind: Money, value: 5e9, unit: "USD", qual: record.Approx, qualText: "nearly"}}},
		{"bilateral trade exceeded $8.4 billion, and", []want{{text: "$8.4 billion", kind: Money, value: 8.4e9, unit: "USD", qual: record.MoreThan, qualText: "exceeded"}}},
		{"under 5%", []want{{text: "5%", kind: Percent, value: 5, unit: "percent", qual: record.LessThan, qualText: "under"}}},
		{"not more than 5%", []want{{text: "5%", kind: Percent, value: 5, unit: "percent", qual: record.LessThan, qualText: "not more than"}}},
		{"The remaining approx. 17%\naccount", []want{{text: "17%", kind: Percent, value: 17, unit: "percent", qual: record.Approx, qualText: "approx."}}},
		{"some 1,000 Belarusians", []want{{text: "1,000", kind: Count, value: 1000, unit: "count", qual: record.Approx, qualText: "some"}}},
		{"around\n$3 billion", []want{{text: "$3 billion", kind: Money, value: 3e9, unit: "USD", qual: record.Approx, qualText: "around"}}},
		// The cue must precede the figure directly.
		{"easily exceeds China’s 3%", []want{{text: "3%", kind: Percent, value: 3, unit: "percent"}}},
	})
}

func TestFindDecline(t *testing.T) {
	runFind(t, []findTest{
		{"bilateral trade declined by 13.2 % year-on-year", []want{{text: "13.2 %", kind: Percent, value: -13.2, unit: "percent", neg: true}}},
		{"exports fell by 5%", []want{{text: "5%", kind: Percent, value: -5, unit: "percent", neg: true}}},
		{"Belarus’ GDP contracted by 4.7 % year-on-year", []want{{text: "4.7 %", kind: Percent, value: -4.7, unit: "percent", neg: true}}},
		{"“Belarus’ GDP Declined by 4.7% in 2022.”", []want{{text: "4.7%", kind: Percent, value: -4.7, unit: "percent", neg: true}}},
		{"GDP contracted in 2022 by 4.7 %", []want{{text: "4.7 %", kind: Percent, value: -4.7, unit: "percent", neg: true}}},
		{"a decrease of 3% in trade", []want{{text: "3%", kind: Percent, value: -3, unit: "percent", neg: true}}},
		{"a 5% drop in exports", []want{{text: "5%", kind: Percent, value: -5, unit: "percent", neg: true}}},
		{"imports dropped 2%", []want{{text: "2%", kind: Percent, value: -2, unit: "percent", neg: true}}},
		{"exports fell by nearly $200 million", []want{{text: "$200 million", kind: Money, value: -200e6, unit: "USD", qual: record.Approx, qualText: "nearly", neg: true}}},
		{"trade declined by 5-6%", []want{{text: "5-6%", kind: Percent, value: -5, unit: "percent", high: -6, neg: true}}},
		{"exports rose by 5% while imports fell by 3%", []want{
			{text: "5%", kind: Percent, value: 5, unit: "percent"},
			{text: "3%", kind: Percent, value: -3, unit: "percent", neg: true},
		}},
		{"From January to September 2024, GDP grew 4.5 % year-on-year.", []want{{text: "4.5 %", kind: Percent, value: 4.5, unit: "percent"}}},
		{"the share fell to 5%", []want{{text: "5%", kind: Percent, value: 5, unit: "percent"}}},
		{"amounting to $3.93 billion after it declined", []want{{text: "$3.93 billion", kind: Money, value: 3.93e9, unit: "USD"}}},
		// A minus sign: negative, and not negated twice.
		{"a change of −8,15, then -2.5% and (–3%)", []want{
			{text: "−8,15", kind: Count, value: -8.15, unit: "count", neg: true},
			{text: "-2.5%", kind: Percent, value: -2.5, unit: "percent", neg: true},
			{text: "–3%", kind: Percent, value: -3, unit: "percent", neg: true},
		}},
		{"declined by −5%", []want{{text: "−5%", kind: Percent, value: -5, unit: "percent", neg: true}}},
	})
}

func TestFindMessy(t *testing.T) {
	runFind(t, []findTest{
		{"USD\u00a0500 million", []want{{text: "USD\u00a0500 million", kind: Money, value: 500e6, unit: "USD"}}},
		{"$1.3\u2009bn", []want{{text: "$1.3\u2009bn", kind: Money, value: 1.3e9, unit: "USD"}}},
		{"USD 4.6\r\nbillion", []want{{text: "USD 4.6\r\nbillion", kind: Money, value: 4.6e9, unit: "USD"}}},
		{"USD 4.6 bil\u00adlion", []want{{text: "USD 4.6 bil\u00adlion", kind: Money, value: 4.6e9, unit: "USD"}}},
		{"USD 1\u202f234 million", []want{{text: "USD 1\u202f234 million", kind: Money, value: 1234e6, unit: "USD"}}},
		{"Belarus’s largest partner", []want{{text: "largest", kind: Rank, value: 1, unit: "rank"}}},
		{"China\u2019s 3%", []want{{text: "3%", kind: Percent, value: 3, unit: "percent"}}},
		{"nearly\u00a0\u00a0100   enterprises", []want{{text: "100", kind: Count, value: 100, unit: "count", qual: record.Approx, qualText: "nearly"}}},
		{"", nil},
		// Found by FuzzFind (testdata/fuzz/FuzzFind): no zero multiple, no
		// range from a negative number.
		{"0,0 times0000000000000", nil},
		{"-1-1Bn", []want{{text: "-1", kind: Count, value: -1, unit: "count", neg: true}}},
		{"\xff\xfe 5% \xff", []want{{text: "5%", kind: Percent, value: 5, unit: "percent"}}},
	})
}

// TestFindNumber checks what a quantity keeps of its numeral and scale.
func TestFindNumber(t *testing.T) {
	lex := testLexicon(t)
	tests := []struct {
		in     string
		digits string
		scale  float64
	}{
		{"$7.7 billion", "7.7", 1e9},
		{"27,18 %", "27,18", 1},
		{"−8,15", "−8,15", 1},
		{"8.5 billion dollars", "8.5", 1e9},
		{"one billion USD", "", 1e9},
		{"fivefold", "", 1},
		{"USD 30-60 billion", "30", 1e9},
	}
	for _, tt := range tests {
		qs := Find(tt.in, lex)
		if len(qs) != 1 {
			t.Errorf("Find(%q) = %d quantities, want 1", tt.in, len(qs))
			continue
		}
		if got := qs[0]; got.Number.Digits != tt.digits || got.Scale != tt.scale {
			t.Errorf("Find(%q): digits %q scale %g, want %q %g", tt.in, got.Number.Digits, got.Scale, tt.digits, tt.scale)
		}
	}
}

// TestFindLexicon checks that currencies, scales and cues come from the
// lexicon: another lexicon, other vocabulary.
func TestFindLexicon(t *testing.T) {
	lex, diags := lexicon.Parse("test.yaml", []byte(`
currencies:
  - code: PLN
    symbols: [zł]
    words: [zloty, złoty]
scales:
  - factor: 1e6
    words: [mio]
cues:
  - key: approx
    terms: [ca.]
  - key: decline
    terms: [sank]
`))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	f := NewFinder(lex)
	var got []string
	for _, q := range f.Find("ca. 5 mio złoty, zł 3 mio; exports sank by 4%; $5 billion") {
		got = append(got, fmt.Sprintf("%s %g %s %s", q.ValueText, q.Value, q.Unit, q.Qualifier))
	}
	want := []string{
		"5 mio złoty 5e+06 PLN approx",
		"zł 3 mio 3e+06 PLN exact",
		"4% -4 percent exact",
		"5 5 count exact", // no $ and no billion in this lexicon
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Find with a custom lexicon\n got %q\nwant %q", got, want)
	}
}

// TestFindDeterministic runs Find twice and with a nil lexicon.
func TestFindDeterministic(t *testing.T) {
	lex := testLexicon(t)
	text := "In 2023, trade exceeded $8.4 billion, up 5%, and nearly 100 enterprises operate."
	a, b := Find(text, lex), Find(text, lex)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("Find is not deterministic:\n%v\n%v", a, b)
	}
	// Without a lexicon there are no currencies or cues, but percentages and
	// counts remain.
	var got []string
	for _, q := range Find(text, nil) {
		got = append(got, q.ValueText)
	}
	if want := []string{"8.4", "5%", "100"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Find(nil lexicon) = %q, want %q", got, want)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"trade volume reached $7.7 billion in 2023, accounting for approximately 9.22 % of",
		"bilateral trade declined by 13.2 % year-on-year",
		"imports from China amounted to USD 3.7 billion.77 Thus",
		"Tel: +90 (312) 438 50 23-24 • Fax: +90 (312) 438 50 26",
		"costs amount to USD 30-60 billion.112 The",
		"China has been Belarus’ second-largest trading partner; trade grew nearly fivefold",
		"a meagre USD 4.6\nbillion in export loans; over one billion USD",
		"| 27,18 | −8,15 |\n45\n the Corona",
		"purchase 50-75\npercent; 5%–6%; $30–$60 bn; 2018.105 The",
		"between 5 and 6% or from $5 to $6 billion; 2.5 times; increased by three times.",
		"Blog No.2024 / 8. the 16/17+1 framework; https://x.org/1198391.shtml.\n46 Maxim",
		"a decrease of 3%; a 5% drop; fell by nearly $200 million; −8,15; (–3%)",
		"the \nsecond highest level out of about 25 formats; one of the largest; 2nd-largest",
	} {
		f.Add(s)
	}
	lex := testLexicon(f)
	finder := NewFinder(lex)
	f.Fuzz(func(t *testing.T, text string) {
		prevEnd := 0
		for _, q := range finder.Find(text) {
			if q.Start < prevEnd || q.Start > q.End || q.End > len(text) {
				t.Fatalf("Find(%q): span %d:%d after %d", text, q.Start, q.End, prevEnd)
			}
			if q.ValueText != text[q.Start:q.End] {
				t.Fatalf("Find(%q): ValueText %q != text[%d:%d]", text, q.ValueText, q.Start, q.End)
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || math.IsNaN(q.High) || math.IsInf(q.High, 0) {
				t.Fatalf("Find(%q): %q value %g high %g", text, q.ValueText, q.Value, q.High)
			}
			if q.Unit == "" || q.Kind == "" {
				t.Fatalf("Find(%q): %q without unit or kind", text, q.ValueText)
			}
			if q.Negative != (q.Value < 0) {
				t.Fatalf("Find(%q): %q negative %v, value %g", text, q.ValueText, q.Negative, q.Value)
			}
			if q.QualEnd != 0 && (q.QualStart < prevEnd || q.QualStart > q.QualEnd || q.QualEnd > q.Start) {
				t.Fatalf("Find(%q): qualifier span %d:%d not between %d and %d", text, q.QualStart, q.QualEnd, prevEnd, q.Start)
			}
			if strings.TrimSpace(q.ValueText) != q.ValueText || q.ValueText == "" || !utf8.ValidString(q.ValueText) && utf8.ValidString(text) {
				t.Fatalf("Find(%q): bad ValueText %q", text, q.ValueText)
			}
			if !(q.Scale >= 1) || q.Kind == Rank && (q.Value < 1 || q.Value != math.Trunc(q.Value)) || q.Kind == Multiple && !(q.Value > 0) {
				t.Fatalf("Find(%q): %q %s value %g scale %g", text, q.ValueText, q.Kind, q.Value, q.Scale)
			}
			// A range runs upwards, or downwards when a decline negated it.
			if q.High != 0 && !(q.Value >= 0 && q.High > q.Value || q.Value < 0 && q.High < q.Value) {
				t.Fatalf("Find(%q): %q range %g to %g", text, q.ValueText, q.Value, q.High)
			}
			if (q.Qualifier == record.Exact) != (q.QualEnd == 0) {
				t.Fatalf("Find(%q): %q qualifier %s span %d:%d", text, q.ValueText, q.Qualifier, q.QualStart, q.QualEnd)
			}
			prevEnd = q.End
		}
	})
}
