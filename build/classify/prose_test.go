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

// expectLines compares two summaries line by line.
func expectLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

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
		{"a paragraph passes its date from sentence to sentence",
			"In January–March 2024 bilateral trade totalled US$ 1.2 billion. Exports of Belarusian goods to China grew by 20% to US$ 350 mln. Imports from China fell to US$ 850 mln.", "",
			[]string{"trade exports 3.5e+08 USD 2024-33 BLR>CHN", "trade growth_rate 20 percent 2024-33 BLR>CHN", "trade imports 8.5e+08 USD 2024-33 CHN>BLR", "trade turnover 1.2e+09 USD 2024-33 >"}},
		{"a deficit is a negative balance of its owner",
			"In 2023 the trade deficit of the Republic of Belarus with China widened to US$ 2.1 billion.", "",
			[]string{"trade balance -2.1e+09 USD 2023 BLR>CHN"}},
		{"a weekday in a dated story",
			"The Export-Import Bank of China on Tuesday opened a credit line of USD 300 million for Belarusian exporters.", "2025-05-14",
			[]string{"fdi credit_line 3e+08 USD 2025-05-13 CHN>BLR Export-Import Bank of China"}},
		{"a month without its year in another paragraph is of the story's year",
			"Chinese loans to Belarus peaked in 2018.\n\nIn March, Bank of China extended a loan of USD 100 million to a Belarusian carmaker.", "2025-05-14",
			[]string{"fdi loan 1e+08 USD 2025-03 CHN>BLR Bank of China"}},
		{"a running total since a year runs to the publication date",
			"Since 2016, China Development Bank has lent USD 800 million to Belarusian companies.", "2025",
			[]string{"fdi loan 8e+08 USD 2016/2025 CHN>BLR China Development Bank"}},
		{"a share restating a debt; the creditor is who it is owed to",
			"Belarus's external public debt owed to China stood at US$ 2.5 billion at the end of 2021, or about 15% of the total.", "",
			[]string{"fdi debt_share 15 percent 2021-12-31 CHN>BLR", "fdi debt_stock 2.5e+09 USD 2021-12-31 CHN>BLR"}},
		{"each figure its own date",
			"China's share of Belarusian trade went from 4.1% in 2018 to 6.2% in 2021.", "",
			[]string{"trade share 4.1 percent 2018 >", "trade share 6.2 percent 2021 >"}},
		{"one event word for coordinated documents",
			"On 3 June 2021 the ministers signed the Protocol on Consultations between the Ministries of Foreign Affairs of Belarus and China and the Memorandum of Understanding on Cooperation in Tourism.", "",
			[]string{"agreement memorandum signed 2021-06-03 [BLR CHN] \"Memorandum of Understanding on Cooperation in Tourism\"", "agreement protocol signed 2021-06-03 [BLR CHN] \"Protocol on Consultations between the Ministries of Foreign Affairs of Belarus and China\""}},
		{"it: a later event of the same document",
			"The Belarus–China agreement on double taxation was ratified on 2 March 2018, but it entered into force only on 1 January 2019.", "",
			[]string{"agreement agreement entered_into_force 2019-01-01 [BLR CHN] \"agreement on double taxation\"", "agreement agreement ratified 2018-03-02 [BLR CHN] \"agreement on double taxation\""}},
		{"agreements in general are no event",
			"In May 2019 the Belarusian and Chinese ministers discussed the implementation of the agreements reached by the heads of state.", "",
			nil},
		{"a participle after a long title",
			"The Agreement between the Government of the Republic of Belarus and the Government of the People's Republic of China on Cooperation in Civil Aviation, signed on 4 April 2016, opened new routes.", "",
			[]string{"agreement agreement signed 2016-04-04 [BLR CHN] \"Agreement between the Government of the Republic of Belarus and the Government of the People's Republic of China on Cooperation in Civil Aviation\""}},
		{"a person the lexicon does not know, named after a role",
			"On 9 October 2020 the third session of the Belarusian-Chinese committee was held in Minsk, co-chaired by Deputy Prime Minister of Belarus Ivan Petrov and Vice Premier of the PRC Wang Hua.", "",
			[]string{"visit Wang Hua CHN>BLR meeting 2020-10-09"}},
		{"a meeting during a visit is one event of the visit's kind",
			"On 5 May 2021 Lukashenko met Xi Jinping in Beijing during a working visit.", "",
			[]string{"visit Alexander Lukashenko BLR>CHN working 2021-05-05"}},
		{"the entries of a chronology are dated by their heading",
			"4 December 2023 – Lukashenko pays a working visit to Beijing. The two presidents sign a joint statement on cooperation in agriculture.\n\n2021 – Bilateral trade reaches US$ 5.3 billion.", "",
			[]string{"agreement joint_statement signed 2023-12-04 [BLR CHN] \"joint statement on cooperation in agriculture\"", "trade turnover 5.3e+09 USD 2021 >", "visit Alexander Lukashenko BLR>CHN working 2023-12-04"}},
		{"a counted number of documents is a package",
			"On 1 March 2023 Belarus and China signed 16 intergovernmental and interagency documents.", "",
			[]string{"agreement package signed 2023-03-01 [BLR CHN] \"interagency documents\""}},
		{"the two countries next to a third are not the pair",
			"Russia remains Belarus's largest partner: trade between the two countries reached US$ 45 billion in 2022.", "",
			nil},
		{"a dateline is no event date; a visit framing talks is one event of its kind",
			"MINSK, May 14, 2025 (Wire) -- Chinese Vice Premier Ding Xuexiang held talks with Prime Minister Roman Golovchenko in Minsk on May 13, 2025, at the start of a two-day official visit.", "2025-05-14",
			[]string{"visit Ding Xuexiang CHN>BLR official 2025-05-13"}},
		{"wire copy: a sentence per paragraph carries the story's date",
			"Belarus and China held talks in Minsk on May 13, 2025.\n\nThe two sides signed four cooperation documents.\n\nAmong them was a deal under which China Development Bank will open a USD 200 million credit line.", "2025-05-14",
			[]string{"agreement package signed 2025-05-13 [BLR CHN] \"four cooperation documents\"", "fdi credit_line 2e+08 USD 2025-05-13 CHN>BLR China Development Bank"}},
		{"a comparison base is not the figure's date",
			"Trade between Belarus and China climbed to US$9.1bn last year, up 8.3% from 2023.", "2025-05-14",
			[]string{"trade growth_rate 8.3 percent 2024 >", "trade turnover 9.1e+09 USD 2024 >"}},
		{"a third country in another part of the sentence",
			"Trade between China and Belarus has grown fast.\nIn the first quarter of 2025, turnover slipped by 2.1% to US$2.0bn, customs data showed, as shipments through the Russian port of Ust-Luga slowed.", "2025-05-14",
			[]string{"trade growth_rate -2.1 percent 2025-33 >", "trade turnover 2e+09 USD 2025-33 >"}},
		{"ranks written as place or after a verb",
			"In 2021 China moved up to second place among Belarus's trading partners. In 2022 China ranked sixth among foreign investors in Belarus.", "",
			[]string{"fdi rank 6 rank 2022 CHN>BLR", "trade rank 2 rank 2021 >"}},
		{"a debt owed, and a focus country's share of the public debt",
			"At the start of 2025 Belarus owed Chinese lenders about USD 3.1 billion. China's share of the country's external public debt thus stood at 10.2%.", "",
			[]string{"fdi debt_share 10.2 percent 2025-01-01 CHN>BLR", "fdi debt_stock 3.1e+09 USD 2025-01-01 CHN>BLR"}},
		{"last December is the December before the story",
			"Lukashenko met Xi Jinping again in Beijing last December.", "2025-05-14",
			[]string{"visit Alexander Lukashenko BLR>CHN meeting 2024-12"}},
		{"the bank is the bank last named",
			"March 2017 – The Export-Import Bank of China provides a US$ 500 million loan to Belarus. Two years later, the bank extends a further US$ 350 million.", "",
			[]string{"fdi loan 3.5e+08 USD 2019 CHN>BLR Export-Import Bank of China", "fdi loan 5e+08 USD 2017-03 CHN>BLR Export-Import Bank of China"}},
		{"a session of a bilateral committee held in one country: the other's delegation comes",
			"The talks follow the fourth session of the China-Belarus Intergovernmental Cooperation Committee, which met in Minsk on 2 April 2022.", "",
			[]string{"visit Delegation of China CHN>BLR meeting 2022-04-02"}},
		{"a change named after its figure",
			"Trade between Belarus and China stood at USD 5.4bn in 2023, a 12 per cent increase.", "",
			[]string{"trade growth_rate 12 percent 2023 >", "trade turnover 5.4e+09 USD 2023 >"}},
		{"a statistics body speaks for its country; a result dates with its change",
			"Exports to China surged 45% year-on-year to $812 million in January–June 2024, Belstat said.", "",
			[]string{"trade exports 8.12e+08 USD 2024-40 BLR>CHN", "trade growth_rate 45 percent 2024-40 BLR>CHN"}},
		{"a host verb with the guest's role between",
			"Premier Li Qiang received Belarusian Prime Minister Roman Golovchenko in Beijing on 5 June 2024.", "",
			[]string{"visit Roman Golovchenko BLR>CHN meeting 2024-06-05"}},
		{"his visit: the subject after the fronted phrase",
			"During his visit to Minsk in May 2015, Xi Jinping and Lukashenko signed a joint declaration on further development of the comprehensive strategic partnership.", "",
			[]string{"agreement declaration signed 2015-05 [BLR CHN] \"joint declaration on further development of the comprehensive strategic partnership\"", "visit Xi Jinping CHN>BLR visit 2015-05"}},
		{"the recipient of loans hosts them",
			"Between 2015 and 2020 Belarus received $3 billion in Chinese loans.", "",
			[]string{"fdi loan 3e+09 USD 2015/2020 CHN>BLR"}},
		{"tonnes worth money: the money is the trade value",
			"Belarusian exports of beef to China reached 36,000 tonnes worth $170 million in 2023.", "",
			[]string{"trade exports 1.7e+08 USD 2023 BLR>CHN"}},
		{"a fraction after by is a percentage",
			"China's imports from Belarus grew by a third in 2023.", "",
			[]string{"trade growth_rate 33.3 percent 2023 BLR>CHN"}},
		{"the industrial park is in Belarus",
			"Chinese companies invested about $100 million in the Great Stone park in 2023, the park's administration said.", "",
			[]string{"fdi investment 1e+08 USD 2023 CHN>BLR"}},
		{"a planned visit is no visit; an ambassador at home no visitor",
			"Lukashenko will visit China in 2025, the press service said. On 3 December 2023 the Chinese ambassador met Lukashenko in Minsk.", "",
			nil},
		{"a comparison base is no context for what follows it",
			"Chinese direct investment in Belarus amounted to USD 164 million in 2024, 12 percent less than in 2023, which placed China fifth among foreign investors that year.", "",
			[]string{"fdi growth_rate -12 percent 2024 CHN>BLR", "fdi investment 1.64e+08 USD 2024 CHN>BLR", "fdi rank 5 rank 2024 CHN>BLR"}},
		{"a base year after a percentage is not the story's year",
			"Trade between Belarus and China reached USD 8.4 billion in 2024, up 9.1 percent on 2023. In the same year Belarusian exports to China amounted to USD 1.9 billion.", "",
			[]string{"trade exports 1.9e+09 USD 2024 BLR>CHN", "trade growth_rate 9.1 percent 2024 >", "trade turnover 8.4e+09 USD 2024 >"}},
		{"an exchange rate is no figure; a term inside a bank's name is no term",
			"Belarus and China agreed on new credit.\n\nDisbursements under credit lines from the Export-Import Bank of China totalled USD 2.2 billion in 2012–2024 (CNY 1 = USD 0.14).", "",
			[]string{"fdi credit_line 2.2e+09 USD 2012/2024 CHN>BLR Export-Import Bank of China"}},
		{"the same occasion dates a bank's loan; a loan agreement is a contract, not an agreement",
			"On 24 June 2025 Belarus and China signed a memorandum on customs cooperation. On the same occasion, Belarusbank signed a EUR 210 million syndicated loan agreement with a group of banks led by Bank of China.", "",
			[]string{"agreement memorandum signed 2025-06-24 [BLR CHN] \"memorandum on customs cooperation\"", "fdi loan 2.1e+08 EUR 2025-06-24 CHN>BLR Bank of China"}},
		{"a document's own verb after a participle that describes it",
			"The Belarus–China agreement on the mutual recognition of customs operators, signed in June 2025, had entered into force on 1 November 2025.", "",
			[]string{"agreement agreement entered_into_force 2025-11-01 [BLR CHN] \"agreement on the mutual recognition of customs operators\"", "agreement agreement signed 2025-06 [BLR CHN] \"agreement on the mutual recognition of customs operators\""}},
		{"two people meet where one of them lives: the other visits",
			"11.06.2024 -- Ding Xuexiang and Golovchenko hold talks in Minsk.", "",
			[]string{"visit Ding Xuexiang CHN>BLR meeting 2024-06-11"}},
		{"a person in apposition to a role of a body",
			"He said he had met Li Wenbo, Vice-Chairman of the Standing Committee of the National People's Congress, in Minsk last week.", "2025-11-18",
			[]string{"visit Li Wenbo CHN>BLR meeting 2025-11-10/2025-11-16"}},
		{"spoken numbers, and a currency that goes on",
			"Last year Belarus's trade with China was around eight billion dollars. Our exports to China were a little over one point six billion.", "2026-02-13",
			[]string{"trade exports 1.6e+09 USD 2025 BLR>CHN", "trade turnover 8e+09 USD 2025 >"}},
		{"a document in force since a date",
			"The Belarus–China agreement on e-commerce, signed in 2024, has been in force since last July.", "2026-02-13",
			[]string{"agreement agreement entered_into_force 2025-07 [BLR CHN] \"agreement on e-commerce\"", "agreement agreement signed 2024 [BLR CHN] \"agreement on e-commerce\""}},
		{"a ratification law names the document it ratifies",
			"- Law of the Republic of Belarus No. 7-Z of 9 March 2026 \"On ratification of the Treaty between the Republic of Belarus and the People's Republic of China on extradition\".", "",
			[]string{"agreement treaty ratified 2026-03-09 [BLR] \"Treaty between the Republic of Belarus and the People's Republic of China on extradition\""}},
		{"an anniversary is no event; a document amended is no document signed",
			"Next year marks the 35th anniversary of the establishment of diplomatic relations between China and Belarus.", "2026-06-02",
			nil},
		{"a planned session is no visit",
			"The two sides agreed to hold the next session of the China-Belarus intergovernmental committee in Beijing later this year.", "2026-06-02",
			nil},
		{"a family name stands for the person named before",
			"Chinese Premier Li Qiang held talks with Belarusian Prime Minister Alexander Turchin in Minsk on 2 June 2026.\n\nLi arrived in Minsk on Monday for an official visit to Belarus.", "2026-06-02",
			[]string{"visit Li Qiang CHN>BLR meeting 2026-06-02", "visit Li Qiang CHN>BLR official 2026-06-01"}},
		{"a story goes forward, unless a later date in the sentence says otherwise",
			"The eighth session met in Minsk in November 2025. During Premier Li Qiang's visit to Minsk in June, Belarus and China signed a roadmap on trade. The Belarus–China agreement on customs, signed in March, had entered into force on 1 May 2026.", "2026-10-01",
			[]string{"agreement agreement entered_into_force 2026-05-01 [BLR CHN] \"agreement on customs\"", "agreement agreement signed 2026-03 [BLR CHN] \"agreement on customs\"", "agreement roadmap signed 2026-06 [BLR CHN] \"roadmap on trade\"", "visit Li Qiang CHN>BLR visit 2026-06"}},
		{"a target after the publication date is no figure; a plan no visit",
			"We intend to double our exports to China by 2030. The China-Belarus intergovernmental committee is due to meet in Minsk in November 2027.", "2025-07-02",
			nil},
		{"an interest rate or a tax is no figure of the datasets",
			"The weighted average interest rate on Chinese loans to Belarus was 4.1 % in 2024.", "2025",
			nil},
		{"yuan with dollars after a comma is one figure",
			"This spring the Export-Import Bank of China opened a new credit line of 1.5 billion yuan, about 210 million dollars, for Belarusian exporters.", "2025-07-02",
			[]string{"fdi credit_line 1.5e+09 CNY 2025-21 CHN>BLR Export-Import Bank of China"}},
		{"an amended document with its own date, and a short name in quotes",
			"The Protocol amending the Agreement between Belarus and China on the avoidance of double taxation of 17 January 1995 (the \"1995 Agreement\") was signed in Beijing on 12 November 2024.", "",
			[]string{"agreement agreement signed 1995-01-17 [BLR CHN] \"Agreement between Belarus and China on the avoidance of double taxation\"", "agreement protocol signed 2024-11-12 [BLR CHN] \"Protocol\""}},
		{"a weekday before a full date; verbs coordinated after a participle",
			"The Belarus–China customs agreement, signed in Minsk on Wednesday, 4 December 2024, was approved on 24 March 2025 and entered into force on 11 April 2025.", "2025-09-02",
			[]string{"agreement agreement adopted 2025-03-24 [BLR CHN] \"customs agreement\"", "agreement agreement entered_into_force 2025-04-11 [BLR CHN] \"customs agreement\"", "agreement agreement signed 2024-12-04 [BLR CHN] \"customs agreement\""}},
		{"a date in a participle phrase dates the later figure's noun",
			"In 2025 Belarus and China widened financing.\n\nOn 5 November the Development Bank of Belarus said it had received the first $85 million tranche of the CNY 3.5 billion credit line opened by China Development Bank in June.", "2025-11-20",
			[]string{"fdi credit_line 3.5e+09 CNY 2025-06 CHN>BLR China Development Bank", "fdi loan 8.5e+07 USD 2025-11-05 CHN>BLR China Development Bank"}},
		{"talks by video link or telephone are no meeting; a timeline's year with its month heads the entry",
			"2021\n2021 (March) — Vladimir Makei and Wang Yi hold talks by video link on trade.\n2013, July — President Alexander Lukashenko pays a state visit to China.\n2014 (January) — Foreign Minister Vladimir Makei travels to Beijing on a working visit.\n2015, May — Xi Jinping and Lukashenko spoke by telephone.", "2025",
			[]string{"visit Alexander Lukashenko BLR>CHN state 2013-07", "visit Vladimir Makei BLR>CHN working 2014-01"}},
		{"a role of no country visiting one of the pair is the other's; 'signed then' takes the date told last",
			"Belarus and China are close partners. The reference point is still the spring of 2023, when the President paid a state visit to China; a package of sixteen documents was signed then.", "2025-10",
			[]string{"agreement package signed 2023-21 [BLR CHN] \"sixteen documents\"", "visit President of Belarus BLR>CHN state 2023-21"}},
		{"a meeting in a third country is not a third party",
			"On 15 September 2022, at the summit in Samarkand, Uzbekistan, Xi Jinping and Alexander Lukashenko signed a joint statement on establishing an all-weather comprehensive strategic partnership.", "",
			[]string{"agreement joint_statement signed 2022-09-15 [BLR CHN] \"joint statement on establishing an all-weather comprehensive strategic partnership\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectLines(t, extract(t, tt.text, tt.pub), tt.want)
		})
	}
}

// FuzzProse runs the whole prose classification on arbitrary text: no
// panic, and every quote slices the document at its span.
func FuzzProse(f *testing.F) {
	f.Add("In 2023, China-Belarus trade reached $7.7 billion. Lukashenko visited Beijing in March 2023.")
	f.Add("On 14 September 2022 the sides signed and then ratified a treaty; “Directive No. 5. On …” from 2015.")
	f.Add("1\n\n2\nX, “T,” Y, May 5, 2020.\n a b c d e f g.")
	f.Add("1. 1–2 September. Minister of Justice Ivan Sidorov paid an official visit to Beijing; the Treaty initialled on 15 September was signed.\n\n¹ CNY 1 = USD 0.14.")
	f.Add("MINSK, June 12, 2024 (Wire) -- Li Wenbo, Vice-Chairman of the NPC, met Lukashenko in Minsk last week. On the same occasion, Belarusbank signed a EUR 210 million loan agreement with Bank of China, up 9.1 percent on 2023.")
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

// TestAfterPublication: a visit told as done but dated after the
// publication date in sources.yaml is kept, with a warning at its word; a
// planned one is not.
func TestAfterPublication(t *testing.T) {
	lex, _ := lexicon.Default()
	r := NewRules(lex, Options{Focus: [2]string{"CHN", "BLR"}})
	text := "Intro.\n\nOn 3 March 2026, Belarusian Prime Minister Alexander Turchin paid an official visit to Beijing. " +
		"Chinese Premier Li Qiang is to visit Minsk in May 2026.\n"
	doc := source.New("t.txt", "seeds/t.txt", []byte(text))
	s, e, _ := source.ParseEDTFDate("2025")
	doc.Meta.Published, doc.Meta.PublishedStart, doc.Meta.PublishedEnd, doc.Meta.PublishedBasis = "2025", s, e, "inferred"
	var res Result
	r.Prose(doc, prose.Sentences(doc, prose.Blocks(doc, nil)), &res)
	if len(res.Visits) != 1 || res.Visits[0].Visitor != "Alexander Turchin" || res.Visits[0].When.EDTF != "2026-03-03" {
		t.Fatalf("want Turchin's visit of 2026-03-03 alone, got %+v", res.Visits)
	}
	if len(res.Diags) != 1 || res.Diags[0].Code != "after-publication" || res.Diags[0].Pos() != "seeds/t.txt:3:70" ||
		!strings.Contains(res.Diags[0].Message, "a visit (official) dated 2026-03-03, after the document's publication date 2025 (inferred in sources.yaml)") {
		t.Fatalf("want one after-publication warning at seeds/t.txt:3:70, got %v", res.Diags)
	}
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

// TestDocumentAboutThePair: a document whose title names the pair speaks of
// it when a clause names one of them and no third country is near.
func TestDocumentAboutThePair(t *testing.T) {
	lex, _ := lexicon.Default()
	r := NewRules(lex, Options{Focus: [2]string{"CHN", "BLR"}})
	text := "Industrial parks draw funds.\n\nSince 2015, the Export-Import Bank of China has provided loans of $1.2 billion for roads.\n"
	for _, title := range []string{"Chinese banks step up lending to Belarus", "Chinese banks step up lending"} {
		doc := source.New("t.txt", "t.txt", []byte(text))
		doc.Meta.Title = title
		var res Result
		r.Prose(doc, prose.Sentences(doc, prose.Blocks(doc, nil)), &res)
		want := 0
		if strings.Contains(title, "Belarus") {
			want = 1
		}
		if len(res.FDI) != want {
			t.Errorf("title %q: %d fdi records, want %d", title, len(res.FDI), want)
		}
	}
}

// TestChronicle: numbered items headed by a date alone; people named by a
// role without a country visit from the other side of where they go.
func TestChronicle(t *testing.T) {
	text := "Belarus–China diplomatic chronicle: September 2025\n\n" +
		"1. 1–2 September. Foreign Minister Maxim Ryzhenkov paid an official\n   visit to Beijing.\n\n" +
		"2. 4 September. Vice Minister of Commerce Ling Feng arrived in Minsk to co-chair the commission.\n\n" +
		"3. 26 September. During a working visit to Beijing, Minister of Justice Ivan Sidorov and Minister of Justice Zhao Ming signed the Treaty on Legal Assistance initialled on 15 September.\n"
	got := extract(t, text, "2025-10-03")
	want := []string{
		"agreement treaty signed 2025-09-26 [BLR CHN] \"Treaty on Legal Assistance\"",
		"visit Ivan Sidorov BLR>CHN working 2025-09-26",
		"visit Ling Feng CHN>BLR visit 2025-09-04",
		"visit Maxim Ryzhenkov BLR>CHN official 2025-09-01/2025-09-02",
	}
	expectLines(t, got, want)
}

// TestReadout: a ministry's readout with bulleted meetings, documents
// listed under a heading that says they were signed, and reference data.
func TestReadout(t *testing.T) {
	text := "Minsk, 21 April 2026\n\n" +
		"From 16 to 19 April 2026, Minister of Foreign Affairs of the Republic of Belarus Maxim Ryzhenkov paid a working visit to the People's Republic of China.\n\n" +
		"1. Meetings and talks\n• 17 April, Beijing: meeting with Vice President of the PRC Han Zheng;\n\n" +
		"2. Documents signed during the visit\n• Memorandum of Understanding on cooperation in the training of diplomats (17 April);\n\n" +
		"Reference data:\n- trade in goods with China, 2025: USD 8.97 billion (+18.9 % on 2024);\n- of which exports USD 1.83 billion; balance: minus USD 5.31 billion;\n"
	got := extract(t, text, "2026-04-21")
	want := []string{
		"agreement memorandum signed 2026-04-17 [BLR CHN] \"Memorandum of Understanding on cooperation in the training of diplomats\"",
		"trade balance -5.31e+09 USD 2025 >",
		"trade exports 1.83e+09 USD 2025 >",
		"trade growth_rate 18.9 percent 2025 >",
		"trade turnover 8.97e+09 USD 2025 >",
		"visit Maxim Ryzhenkov BLR>CHN meeting 2026-04-17",
		"visit Maxim Ryzhenkov BLR>CHN working 2026-04-16/2026-04-19",
	}
	expectLines(t, got, want)
}

// BenchmarkLongSentence measures a pathological sentence of 19 KB
// without a full stop (PDF extractions make such), which once took
// seconds because rules re-read the whole sentence for each figure and
// document.
func BenchmarkLongSentence(b *testing.B) {
	text := strings.Repeat("China and Belarus signed an agreement in 2015, trade reached $5 billion in 2019, ", 200)
	lex, _ := lexicon.Default()
	r := NewRules(lex, Options{Focus: [2]string{"CHN", "BLR"}})
	doc := source.New("t.txt", "t.txt", []byte(text))
	sents := prose.Sentences(doc, prose.Blocks(doc, nil))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var res Result
		r.Prose(doc, sents, &res)
	}
}
