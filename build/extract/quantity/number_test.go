package quantity

import (
	"errors"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in    string
		style Style
		want  float64
		mark  string
		err   bool
	}{
		{"32.9", Auto, 32.9, "", false},
		{"77", Auto, 77, "", false},
		{"27,18", Auto, 27.18, "", false},
		{"−8,15", Auto, -8.15, "", false},
		{"-42,57", Auto, -42.57, "", false},
		{"13,000", Auto, 13000, "", false},
		{"100,000", Auto, 100000, "", false},
		{"0,404", Auto, 0.404, "", false},
		{"1,113", Auto, 1113, "", false},
		{"1,113", DecimalComma, 1.113, "", false},
		{"1.234.567", Auto, 1234567, "", false},
		{"1.234,5", Auto, 1234.5, "", false},
		{"1,234.5", Auto, 1234.5, "", false},
		{"1 234 567", Auto, 1234567, "", false},
		{"1\u00a0234,5", DecimalComma, 1234.5, "", false},
		{"57.68¹", Auto, 57.68, "¹", false},
		{"77*", Auto, 77, "*", false},
		{" 3,89 ", DecimalComma, 3.89, "", false},
		{"1.5", DecimalComma, 0, "", true}, // "5" is not a three-digit group
		{"12,34,567", Auto, 0, "", true},
		{"", Auto, 0, "", true},
		{"-", Auto, 0, "", true},
		{"abc", Auto, 0, "", true},
		{"1,", Auto, 0, "", true},
		{",5", Auto, 0, "", true},
		{"2013–2023", Auto, 0, "", true},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in, tt.style)
		if tt.err {
			if err == nil {
				t.Errorf("ParseNumber(%q) = %v, want error", tt.in, got.Value)
			} else if !errors.Is(err, ErrNotNumber) {
				t.Errorf("ParseNumber(%q) error %v does not wrap ErrNotNumber", tt.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if got.Value != tt.want || got.Mark != tt.mark {
			t.Errorf("ParseNumber(%q) = %v mark %q, want %v mark %q", tt.in, got.Value, got.Mark, tt.want, tt.mark)
		}
	}
}

func TestInferStyle(t *testing.T) {
	tests := []struct {
		cells []string
		want  Style
	}{
		{[]string{"27,18", "63,72", "160,94", "−8,15"}, DecimalComma},
		{[]string{"32.9", "30.13", "77"}, DecimalPoint},
		{[]string{"1,113", "2,000"}, Auto},
		{[]string{"1,113", "2.5"}, DecimalPoint},
	}
	for _, tt := range tests {
		if got := InferStyle(tt.cells); got != tt.want {
			t.Errorf("InferStyle(%q) = %v, want %v", tt.cells, got, tt.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"27,18", "−8,15", "1.234,5", "57.68¹", "13,000", "0,404", "1 234"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, style int) {
		n, err := ParseNumber(s, Style(style%3))
		if err != nil {
			return
		}
		if n.Value != n.Value { // NaN
			t.Fatalf("ParseNumber(%q) = NaN", s)
		}
		if n.Digits == "" {
			t.Fatalf("ParseNumber(%q) accepted a number without digits", s)
		}
	})
}
