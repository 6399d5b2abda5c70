package prose

import (
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// A made-up chapter laid out as PDF extractions of academic papers are:
// hard wraps, footnote numbers glued to sentences, a footnote block that
// interrupts a body sentence, a figure caption, a heading, references.
const paper = `Early contacts
The two countries signed a treaty in 1995.1 Relations grew after
Dr. Smith's visit to Minsk in Oct. 2001.2 In the same year, the U.S.
ambassador left; trade reached USD 3.7 billion.77 The park was
1

2

Jane Doe, “A History of Trade,” Journal of Things, no. 4 (March 3, 2019), 12,
https://example.org/history.
2 John Roe and Ann Poe, “Visits,” Daily News, May 5, 2020.
 founded in 2012 by decree.3 A second sentence follows here.

Figure 1 - Trade between the two countries, 2010-2020 (own
presentation, source: national statistics).
The economy grew by 3.5 % in 2019. It was 0.67% of the total.

References
Doe, J. 2019. “A History of Trade.” Journal of Things 4: 1–20.
`

func TestSentences(t *testing.T) {
	doc := source.New("p.txt", "p.txt", []byte(paper))
	got := Sentences(doc, Blocks(doc, nil))
	type want struct {
		text    string
		section record.Section
		line    int
	}
	wants := []want{
		{"Early contacts", record.Body, 1},
		{"The two countries signed a treaty in 1995.", record.Body, 2},
		{"Relations grew after\nDr. Smith's visit to Minsk in Oct. 2001.", record.Body, 2},
		{"In the same year, the U.S.\nambassador left; trade reached USD 3.7 billion.", record.Body, 3},
		{"The park was", record.Body, 4},
		{"1\n\n2\n\nJane Doe, “A History of Trade,” Journal of Things, no. 4 (March 3, 2019), 12,\nhttps://example.org/history.", record.Footnote, 5},
		{"John Roe and Ann Poe, “Visits,” Daily News, May 5, 2020.", record.Footnote, 11},
		{"founded in 2012 by decree.", record.Body, 12},
		{"A second sentence follows here.", record.Body, 12},
		{"Figure 1 - Trade between the two countries, 2010-2020 (own\npresentation, source: national statistics).", record.Caption, 14},
		{"The economy grew by 3.5 % in 2019.", record.Body, 16},
		{"It was 0.67% of the total.", record.Body, 16},
		{"References", record.Reference, 18},
	}
	for i, w := range wants {
		if i >= len(got) {
			t.Fatalf("only %d sentences, want at least %d", len(got), len(wants))
		}
		g := got[i]
		if g.Text != w.text || g.Section != w.section || g.Line != w.line {
			t.Errorf("sentence %d: got %q %s line %d\n              want %q %s line %d", i, g.Text, g.Section, g.Line, w.text, w.section, w.line)
		}
		if string(doc.Data[g.Start:g.End]) != g.Text {
			t.Errorf("sentence %d does not slice the document", i)
		}
	}
	for _, g := range got[len(wants):] {
		if g.Section != record.Reference {
			t.Errorf("after References: %q is %s", g.Text, g.Section)
		}
	}
}

// Numbered paragraphs of a press release, and bracketed note numbers
// after a sentence.
func TestNumberedAndBracketed(t *testing.T) {
	text := "1. On 12.05.2022 the minister paid a visit to Beijing. The ministers discussed trade.\n\n" +
		"2. Following the talks, they signed a protocol.\n\n" +
		"(b) The agreement was signed in 2019.[3] The agreement was ratified,[4] but it entered into force only in 2020.\n\n" +
		"4 December 2023 – Lukashenko meets Xi Jinping.\n\n" +
		"Notes\n¹ Converted at the official rate (CNY 1 = USD 0.14).\n² Disbursements totalled USD 2.2 billion.\n\n" +
		"Reference data:\n- trade in goods, 2025: USD 8.97 billion;\n• 17 April, Beijing: talks with Wang Yi;\n"
	got := sentenceLines(text, false)
	want := []string{
		"On 12.05.2022 the minister paid a visit to Beijing.",
		"The ministers discussed trade.",
		"Following the talks, they signed a protocol.",
		"The agreement was signed in 2019.[3]",
		"The agreement was ratified,[4] but it entered into force only in 2020.",
		"4 December 2023 – Lukashenko meets Xi Jinping.",
		"Notes",
		"Converted at the official rate (CNY 1 = USD 0.14).",
		"Disbursements totalled USD 2.2 billion.",
		"Reference data:",
		"- trade in goods, 2025: USD 8.97 billion;",
		"• 17 April, Beijing: talks with Wang Yi;",
	}
	expectLines(t, got, want)
}

// TestAfterReferences: a sentence of running text after the reference
// list is body again; the entries, the licence line without a final stop
// and a title-case item stay references.
func TestAfterReferences(t *testing.T) {
	text := "Body text about trade.\n\nReferences\n" +
		"Tozik, A. 2014. How Belarusians View China and Its People in the New Era. Beijing: World Knowledge Press.\n" +
		"Xi Jinping Holds Talks with Belarusian President Lukashenko in Beijing on Friday.\n" +
		"© 2025 the author(s), published by De Gruyter on behalf of the university\n" +
		"- The Evolution of Religious Policy in Contemporary Belarus\n\n" +
		"On 3 March 2026, Belarusian Prime Minister Alexander Turchin paid an official visit to Beijing.\n"
	got := sentenceLines(text, true)
	want := []string{
		"body: Body text about trade.",
		"reference: References",
		"reference: Tozik, A. 2014.",
		"reference: How Belarusians View China and Its People in the New Era.",
		"reference: Beijing: World Knowledge Press.",
		"reference: Xi Jinping Holds Talks with Belarusian President Lukashenko in Beijing on Friday.\n© 2025 the author(s), published by De Gruyter on behalf of the university",
		"reference: - The Evolution of Religious Policy in Contemporary Belarus",
		"body: On 3 March 2026, Belarusian Prime Minister Alexander Turchin paid an official visit to Beijing.",
	}
	expectLines(t, got, want)
}

// sentenceLines segments text and returns its sentences, each after its
// section when section is true.
func sentenceLines(text string, section bool) []string {
	doc := source.New("t.txt", "t.txt", []byte(text))
	var got []string
	for _, s := range Sentences(doc, Blocks(doc, nil)) {
		if section {
			got = append(got, string(s.Section)+": "+s.Text)
		} else {
			got = append(got, s.Text)
		}
	}
	return got
}

func expectLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func FuzzSentences(f *testing.F) {
	f.Add(paper)
	f.Add("a.1 B\n\n2\nX, “T,” Y, 4.\nc d e f.\n")
	f.Add("\ufeffHeading\r\nText. More text.\r\n")
	f.Add("1. First.[3] Second.\n\n(b) Third.[12]")
	f.Fuzz(func(t *testing.T, text string) {
		doc := source.New("f.txt", "f.txt", []byte(text))
		prev := 0
		for _, s := range Sentences(doc, Blocks(doc, nil)) {
			if s.Start < prev || s.End < s.Start || s.End > len(text) {
				t.Fatalf("span [%d,%d) after %d in %d bytes", s.Start, s.End, prev, len(text))
			}
			if text[s.Start:s.End] != s.Text || strings.TrimSpace(s.Text) == "" {
				t.Fatalf("sentence %q does not slice the text", s.Text)
			}
			prev = s.End
		}
	})
}
