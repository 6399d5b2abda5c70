package quantity

import (
	"math"
	"strconv"
	"testing"
)

func TestScale(t *testing.T) {
	tests := []struct {
		x, factor float64
		want      string
	}{
		{41.8, 1e8, "4180000000"},
		{257.52, 1e6, "257520000"},
		{4.61, 1e8, "461000000"},
		{16.1, 1e8, "1610000000"},
		{-12.5, 1e6, "-12500000"},
		{7.7, 1e9, "7700000000"},
		{0.404, 1, "0.404"},
		{9.22, 1, "9.22"},
		{0, 1e9, "0"},
	}
	for _, tt := range tests {
		if got := strconv.FormatFloat(Scale(tt.x, tt.factor), 'f', -1, 64); got != tt.want {
			t.Errorf("Scale(%v, %v) = %s, want %s", tt.x, tt.factor, got, tt.want)
		}
	}
	if got := Scale(math.Inf(1), 2); !math.IsInf(got, 1) {
		t.Errorf("Scale(+Inf, 2) = %v", got)
	}
}

// FuzzScale checks that Scale never differs from the binary product by
// more than the rounding of one multiplication.
func FuzzScale(f *testing.F) {
	f.Add(41.8, 1e8)
	f.Add(-0.1, 1e3)
	f.Fuzz(func(t *testing.T, x, factor float64) {
		got, naive := Scale(x, factor), x*factor
		if math.IsNaN(naive) || math.IsInf(naive, 0) || naive == 0 {
			return
		}
		if d := math.Abs(got-naive) / math.Abs(naive); d > 1e-15 {
			t.Fatalf("Scale(%v, %v) = %v, product %v", x, factor, got, naive)
		}
	})
}
