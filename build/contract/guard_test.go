package contract

import (
	"strings"
	"testing"
)

// TestGuardEveryColumn writes text beginning with each formula character
// into every column of every dataset: text columns get the guard and give
// the text back once it is removed; numbers, even negative, never do.
func TestGuardEveryColumn(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"=SUM(A1)", "+1", "-turnover", "@home", "\tx", "\rx", "'=already quoted", "''+x", "=HYPERLINK(\"http://x\",\"y\")"}
	for _, d := range c.Datasets {
		for _, col := range d.Columns {
			switch col.Type {
			case String, List:
				for _, s := range texts {
					var v any = s
					if col.Type == List {
						v = []string{s, "b"}
					}
					got := CSVCell(col, v)
					if !strings.HasPrefix(got, "'") || formulaStart(got) {
						t.Errorf("%s.%s: CSVCell(%q) = %q, want the guard", d.Name, col.Name, s, got)
					}
					if back := UnguardCSV(col, got); back != Text(v) {
						t.Errorf("%s.%s: UnguardCSV(%q) = %q, want %q", d.Name, col.Name, got, back, Text(v))
					}
				}
			case Number:
				if got := CSVCell(col, -12.5); got != "-12.5" {
					t.Errorf("%s.%s: CSVCell(-12.5) = %q, want the number unguarded", d.Name, col.Name, got)
				}
			case Int32, Int64:
				if got := CSVCell(col, int64(-7)); got != "-7" {
					t.Errorf("%s.%s: CSVCell(-7) = %q, want the number unguarded", d.Name, col.Name, got)
				}
			}
		}
	}
}

// FuzzGuard checks that the guard is reversible for any text, and that no
// guarded cell begins with a formula character.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"", "=1", "'", "'=", "''=x", "-", "plain", "'quoted", "\r\n"} {
		f.Add(s)
	}
	col := Column{Type: String}
	f.Fuzz(func(t *testing.T, s string) {
		got := CSVCell(col, s)
		if formulaStart(got) {
			t.Fatalf("CSVCell(%q) = %q begins with a formula character", s, got)
		}
		if back := UnguardCSV(col, got); back != s {
			t.Fatalf("UnguardCSV(CSVCell(%q)) = %q", s, back)
		}
	})
}
