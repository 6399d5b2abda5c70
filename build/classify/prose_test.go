package classify

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimpack/claimpack/build/extract/prose"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// extract runs the prose rules on text published at pub (EDTF, or "") and
// summarises what they found, one line per record, sorted.
func extract(t *testing.T, text, pub string) []string {
	t.Helper()
	lex, diags := lexicon.Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	r := NewRules(lex, Options{Focus: [2]string{"CHN", "BLR"}})
	doc := source.New("t.txt", "t.txt", []byte(text))
	if pub != "" {
		s, e, err := source.ParseEDTFDate(pub)
		if err != nil {
			t.Fatal(err)
		}
		doc.Meta.Published, doc.Meta.PublishedStart, doc.Meta.PublishedEnd = pub, s, e
	}
	var res Result
	r.Prose(doc, prose.Sentences(doc, prose.Blocks(doc, nil)), &res)
	var out []string
	for _, x := range res.Trade {
		out = append(out, fmt.Sprintf("trade %s %g %s %s %s>%s", x.Indicator, x.Value, x.Unit, x.Period, x.Exporter, x.Importer))
	}
	for _, x := range res.FDI {
		out = append(out, fmt.Sprintf("fdi %s %g %s %s %s>%s %s", x.Measure, x.Value, x.Unit, x.Period, x.Investor, x.Host, x.Lender))
	}
	for _, x := range res.Visits {
		out = append(out, fmt.Sprintf("visit %s %s>%s %s %s", x.Visitor, x.VisitorCountry, x.HostCountry, x.Kind, x.When.EDTF))
	}
	for _, x := range res.Agreements {
		out = append(out, fmt.Sprintf("agreement %s %s %s %v %q", x.Kind, x.Event, x.When.EDTF, x.Parties, x.Title))
	}
	sort.Strings(out)
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return out
}

func TestProseRules(t *testing.T) {
	tests := []struct {
		name, text, pub string
		want            []string
	}{
		{"turnover with source and year",
			"According to Belarusian statistics, China-Belarus trade volume reached $7.7 billion in 2023.", "",
			[]string{"trade turnover 7.7e+09 USD 2023 >"}},
		{"a decline is negative and a growth rate",
			"In January–June 2024, bilateral trade declined by 13.2% year-on-year.", "",
			[]string{"trade growth_rate -13.2 percent 2024-40 >"}},
		{"directions from prepositions",
			"In 2020, Belarus exported goods worth USD 748.2 million to China, while imports from China amounted to USD 3.7 billion.", "",
			[]string{"trade exports 7.482e+08 USD 2020 BLR>CHN", "trade imports 3.7e+09 USD 2020 CHN>BLR"}},
		{"relative date from the publication date",
			"Last year alone, Minsk and Beijing conducted trade exceeding 8.5 billion dollars.", "2025",
			[]string{"trade turnover 8.5e+09 USD 2024 >"}},
		{"a third country's figure is not a record",
			"Russia-Belarus trade increased by 6% from January to August 2024, reaching 2.9 trillion Russian rubles.", "",
			nil},
		{"GDP is not trade",
			"Belarus’ GDP grew by 3.9% in 2023, while trade with China kept rising.", "",
			nil},
		{"respectively pairs lenders with figures",
			"In 2010, China’s Eximbank and China Development Bank allocated $5.7 billion and $8.3 billion, respectively, for projects in Belarus.", "",
			[]string{"fdi commitment 5.7e+09 USD 2010 CHN>BLR Export-Import Bank of China", "fdi commitment 8.3e+09 USD 2010 CHN>BLR China Development Bank"}},
		{"a stock at the end of a year is dated at its last day",
			"At the end of 2023, China’s direct investment stock in Belarus amounted to USD 793 million.", "",
			[]string{"fdi stock 7.93e+08 USD 2023-12-31 CHN>BLR"}},
		{"a share owned by a third country is not a record",
			"Austria’s 7.4% share of inward Belarusian FDI exceeds China’s 3%.", "",
			[]string{"fdi share 3 percent  CHN>BLR"}},
		{"a visit with possessive visitor and a capital",
			"Paul Goble adds that during Lukashenka’s 2005 visit to Beijing, the hosts were impressed.", "",
			[]string{"visit Alexander Lukashenko BLR>CHN visit 2005"}},
		{"a visit by someone, to a capital",
			"In March 2010, during a visit to Minsk by Xi Jinping, then China’s deputy president, the sides reached agreements.", "",
			[]string{"agreement agreement signed 2010-03 [BLR CHN] \"agreements\"", "visit Xi Jinping CHN>BLR visit 2010-03"}},
		{"a count of visits is not a visit",
			"Between March and December 2023, more than 120 mutual visits of officials between China and Belarus took place.", "",
			nil},
		{"a role stands for a visitor",
			"On 14 September 2022, in Samarkand, the President of the Republic of Belarus met with the President of the People's Republic of China.", "",
			[]string{"visit President of Belarus BLR>UZB meeting 2022-09-14"}},
		{"host verbs name the visitor by voice",
			"Premier Li Qiang hosted Prime Minister Roman Golovchenko in Beijing in June 2024.", "",
			[]string{"visit Roman Golovchenko BLR>CHN meeting 2024-06"}},
		{"two visits in one phrase",
			"Political dialogue went on, including the two visits President Lukashenko paid to Beijing in 2023.", "",
			[]string{"visit Alexander Lukashenko BLR>CHN visit 2023", "visit Alexander Lukashenko BLR>CHN visit 2023"}},
		{"a phone call is no visit, and a negated signing no agreement",
			"In December 2021, Golovchenko held a video call with Li Keqiang; no documents were signed.", "",
			nil},
		{"signed and then ratified: two events",
			"In 2011-2012, Minsk and Beijing signed and then ratified an agreement on the industrial park.", "",
			[]string{"agreement agreement ratified 2011/2012 [BLR CHN] \"agreement on the industrial park\"", "agreement agreement signed 2011/2012 [BLR CHN] \"agreement on the industrial park\""}},
		{"two events, each with its own date",
			"The Agreement between the Government of the Republic of Belarus and the Government of the People's Republic of China on visa exemption was signed in Minsk on 10 December 2017 and entered into force on 10 August 2018.", "",
			[]string{
				"agreement agreement entered_into_force 2018-08-10 [BLR CHN] \"Agreement between the Government of the Republic of Belarus and the Government of the People's Republic of China on visa exemption\"",
				"agreement agreement signed 2017-12-10 [BLR CHN] \"Agreement between the Government of the Republic of Belarus and the Government of the People's Republic of China on visa exemption\"",
			}},
		{"a dated reference to a directive is its adoption",
			"The second capstone document is Lukashenka’s Presidential Directive No. 5 “On the development of bilateral relations with China” from September 2015.", "",
			[]string{"agreement directive adopted 2015-09 [BLR] \"Presidential Directive No. 5 “On the development of bilateral relations with China”\""}},
		{"an agreement with a third country is not a record",
			"On January 11, 2025, the Belarus-Russia mutual visa recognition agreement came into effect.", "",
			nil},
		{"an undated reference is no event",
			"Working groups should implement agreements such as the China-Belarus Agreement on Trade in Services and Investment.", "",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extract(t, tt.text, tt.pub)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// FuzzProse runs the whole prose classification on arbitrary text: no
// panic, and every quote slices the document at its span.
func FuzzProse(f *testing.F) {
	f.Add("In 2023, China-Belarus trade reached $7.7 billion. Lukashenko visited Beijing in March 2023.")
	f.Add("On 14 September 2022 the sides signed and then ratified a treaty; “Directive No. 5. On …” from 2015.")
	f.Add("1\n\n2\nX, “T,” Y, May 5, 2020.\n a b c d e f g.")
	lex, _ := lexicon.Default()
	r := NewRules(lex, Options{Focus: [2]string{"CHN", "BLR"}})
	pub := record.Period{}
	_ = pub
	f.Fuzz(func(t *testing.T, text string) {
		doc := source.New("f.txt", "f.txt", []byte(text))
		doc.Meta.Published = "2024"
		doc.Meta.PublishedStart = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		doc.Meta.PublishedEnd = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
		var res Result
		r.Prose(doc, prose.Sentences(doc, prose.Blocks(doc, nil)), &res)
		check := func(p record.Provenance) {
			if p.ByteStart < 0 || p.ByteEnd < p.ByteStart || int(p.ByteEnd) > len(text) || text[p.ByteStart:p.ByteEnd] != p.Quote {
				t.Fatalf("quote %q does not slice the text at [%d,%d)", p.Quote, p.ByteStart, p.ByteEnd)
			}
		}
		for _, x := range res.Trade {
			check(x.Provenance)
		}
		for _, x := range res.FDI {
			check(x.Provenance)
		}
		for _, x := range res.Visits {
			check(x.Provenance)
		}
		for _, x := range res.Agreements {
			check(x.Provenance)
		}
		for _, x := range res.Other {
			check(x.Provenance)
		}
	})
}

// TestUnresolvedDate: without a publication date, "last year" stays
// unresolved, with a diagnostic at the claim.
func TestUnresolvedDate(t *testing.T) {
	lex, _ := lexicon.Default()
	r := NewRules(lex, Options{Focus: [2]string{"CHN", "BLR"}})
	text := "Intro.\n\nLast year, trade between China and Belarus exceeded 8.5 billion dollars.\n"
	doc := source.New("t.txt", "seeds/t.txt", []byte(text))
	var res Result
	r.Prose(doc, prose.Sentences(doc, prose.Blocks(doc, nil)), &res)
	if len(res.Trade) != 1 || res.Trade[0].When.Resolved() || res.Trade[0].PeriodBasis != record.Unresolved || res.Trade[0].PeriodText != "Last year" {
		t.Fatalf("want one undated trade record, got %+v", res.Trade)
	}
	if len(res.Diags) != 1 || res.Diags[0].Code != "unresolved-date" || res.Diags[0].Pos() != "seeds/t.txt:3:1" || !strings.Contains(res.Diags[0].Message, "no publication date") {
		t.Fatalf("want an unresolved-date warning at seeds/t.txt:3:1, got %v", res.Diags)
	}
}
