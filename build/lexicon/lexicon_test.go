package lexicon

import (
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	lex, diags := Default()
	if lex == nil || diags.HasErrors() {
		t.Fatalf("default lexicon does not load: %v", diags)
	}
}

func TestParseRejectsFacts(t *testing.T) {
	_, diags := Parse("lex.yaml", []byte("countries:\n  - code: CHN\n    names: [China]\nagreement_kinds:\n  - key: treaty\n    terms: [Treaty of 2015]\n"))
	if len(diags) != 1 || diags[0].Line != 6 || diags[0].Code != "not-vocabulary" {
		t.Fatalf("want one not-vocabulary error on line 6, got %v", diags)
	}
	_, diags = Parse("lex.yaml", []byte("countries:\n  - code: CHN\n    nmes: [China]\n"))
	if len(diags) != 1 || diags[0].Line != 3 || !strings.Contains(diags[0].Message, "nmes") {
		t.Fatalf("want an unknown-field error on line 3, got %v", diags)
	}
}

func TestDictFind(t *testing.T) {
	d := NewDict()
	d.Add("Lukashenko", "AL")
	d.Add("Xi Jinping", "XJ")
	d.Add("Xi", "XJ")
	d.Add("China", "CHN")
	d.Add("trade volume", "turnover")
	d.Add("US", "USA")
	tests := []struct {
		text string
		want []string // matched text
	}{
		{"Lukashenkos second visit", []string{"Lukashenkos"}},
		{"President Xi\nJinping met", []string{"Xi\nJinping"}},
		{"President Xis stay in Minsk", []string{"Xis"}},
		{"China’s exports and Chinas imports", []string{"China", "Chinas"}},
		{"the Trade\u00a0Volume rose", []string{"Trade\u00a0Volume"}},
		{"Chinese goods", nil},                  // a name is not matched inside a longer word
		{"let us go to the US", []string{"US"}}, // names are case-sensitive
		{"trade volumes", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range d.Find(tt.text) {
			got = append(got, tt.text[m.Start:m.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCurrencyAndScale(t *testing.T) {
	lex, _ := Default()
	tests := []struct {
		in     string
		code   string
		factor float64
	}{
		{"USD billion", "USD", 1e9},
		{"USD million", "USD", 1e6},
		{"million US dollars", "USD", 1e6},
		{"thousand Belarusian rubles", "BYN", 1e3},
		{"USD", "USD", 1},
	}
	for _, tt := range tests {
		code, f, ok := lex.CurrencyAndScale(tt.in)
		if !ok || code != tt.code || f != tt.factor {
			t.Errorf("CurrencyAndScale(%q) = %s %v %v, want %s %v", tt.in, code, f, ok, tt.code, tt.factor)
		}
	}
	if _, _, ok := lex.CurrencyAndScale("tonnes"); ok {
		t.Errorf("tonnes is not a currency")
	}
}

func FuzzDictFind(f *testing.F) {
	lex, _ := Default()
	f.Add("China’s exports to Belarus\u00a0rose")
	f.Add("\xff\xfeChina")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range lex.CountryDict.Find(s) {
			if m.Start < prev || m.End < m.Start || m.End > len(s) {
				t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prev, s)
			}
			prev = m.End
		}
	})
}
