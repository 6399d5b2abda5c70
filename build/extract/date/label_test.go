package date

import (
	"strings"
	"testing"
	"time"
)

func utc(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestParseLabel pins the behaviour table headers rely on.
func TestParseLabel(t *testing.T) {
	tests := []struct {
		in         string
		ok         bool
		edtf       string
		start, end time.Time
		prec       string
	}{
		{"2023", true, "2023", utc(2023, 1, 1), utc(2023, 12, 31), "year"},
		{" 2023 ", true, "2023", utc(2023, 1, 1), utc(2023, 12, 31), "year"},
		{"2023*", true, "2023", utc(2023, 1, 1), utc(2023, 12, 31), "year"},
		{"2023¹", true, "2023", utc(2023, 1, 1), utc(2023, 12, 31), "year"},
		{"2023 *", true, "2023", utc(2023, 1, 1), utc(2023, 12, 31), "year"},
		{"1700", true, "1700", utc(1700, 1, 1), utc(1700, 12, 31), "year"},
		{"2199", true, "2199", utc(2199, 1, 1), utc(2199, 12, 31), "year"},
		{"2015/16", true, "2015/2016", utc(2015, 1, 1), utc(2016, 12, 31), "interval"},
		{"2015-16", true, "2015/2016", utc(2015, 1, 1), utc(2016, 12, 31), "interval"},
		{"2015–2017", true, "2015/2017", utc(2015, 1, 1), utc(2017, 12, 31), "interval"},
		{"2015 / 16", true, "2015/2016", utc(2015, 1, 1), utc(2016, 12, 31), "interval"},
		{"1999/00", true, "1999/2000", utc(1999, 1, 1), utc(2000, 12, 31), "interval"},
		{"Q1 2024", true, "2024-33", utc(2024, 1, 1), utc(2024, 3, 31), "quarter"},
		{"q4 2024", true, "2024-36", utc(2024, 10, 1), utc(2024, 12, 31), "quarter"},
		{"2024 Q2", true, "2024-34", utc(2024, 4, 1), utc(2024, 6, 30), "quarter"},
		{"H1 2024", true, "2024-40", utc(2024, 1, 1), utc(2024, 6, 30), "half"},
		{"2024 h2", true, "2024-41", utc(2024, 7, 1), utc(2024, 12, 31), "half"},

		// Forms the shared grammar adds.
		{"January–June 2024", true, "2024-40", utc(2024, 1, 1), utc(2024, 6, 30), "half"},
		{"Jan–Jun 2024", true, "2024-40", utc(2024, 1, 1), utc(2024, 6, 30), "half"},
		{"January-September 2024", true, "2024-01/2024-09", utc(2024, 1, 1), utc(2024, 9, 30), "interval"},
		{"March 2023", true, "2023-03", utc(2023, 3, 1), utc(2023, 3, 31), "month"},
		{"2006/7", true, "2006/2007", utc(2006, 1, 1), utc(2007, 12, 31), "interval"},
		{"Q1 2024", true, "2024-33", utc(2024, 1, 1), utc(2024, 3, 31), "quarter"},

		{"", false, "", time.Time{}, time.Time{}, ""},
		{"since 2015", false, "", time.Time{}, time.Time{}, ""},
		{"last year", false, "", time.Time{}, time.Time{}, ""},
		{"the end of 2023", false, "", time.Time{}, time.Time{}, ""},
		{"1949–2024", false, "", time.Time{}, time.Time{}, ""},
		{"02/08/2024", false, "", time.Time{}, time.Time{}, ""},
		{"March", false, "", time.Time{}, time.Time{}, ""},
		{"Total", false, "", time.Time{}, time.Time{}, ""},
		{"1500", false, "", time.Time{}, time.Time{}, ""},
		{"2200", false, "", time.Time{}, time.Time{}, ""},
		{"20234", false, "", time.Time{}, time.Time{}, ""},
		{"2015/15", false, "", time.Time{}, time.Time{}, ""},
		{"2015/14", false, "", time.Time{}, time.Time{}, ""},
		{"2015-2070", false, "", time.Time{}, time.Time{}, ""},
		{"Q5 2024", false, "", time.Time{}, time.Time{}, ""},
		{"H3 2024", false, "", time.Time{}, time.Time{}, ""},
		{"Q1", false, "", time.Time{}, time.Time{}, ""},
		{"12.5", false, "", time.Time{}, time.Time{}, ""},
		{"2023 exports", false, "", time.Time{}, time.Time{}, ""},
	}
	for _, tt := range tests {
		got, ok := ParseLabel(tt.in)
		if ok != tt.ok {
			t.Errorf("ParseLabel(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if got.EDTF != tt.edtf || !got.Start.Equal(tt.start) || !got.End.Equal(tt.end) || string(got.Precision) != tt.prec {
			t.Errorf("ParseLabel(%q) = %s %s..%s %s, want %s %s..%s %s", tt.in,
				got.EDTF, got.Start.Format(time.DateOnly), got.End.Format(time.DateOnly), got.Precision,
				tt.edtf, tt.start.Format(time.DateOnly), tt.end.Format(time.DateOnly), tt.prec)
		}
		if got.Basis != "explicit" {
			t.Errorf("ParseLabel(%q).Basis = %q, want explicit", tt.in, got.Basis)
		}
		if want := strings.TrimSpace(tt.in); got.Text != want {
			t.Errorf("ParseLabel(%q).Text = %q, want %q", tt.in, got.Text, want)
		}
	}
}
