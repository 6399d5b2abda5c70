package source

import "testing"

func TestTrimSpan(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"  a b  ", "a b"},
		{"\ufeff\u00a0x\u202f\t", "x"},
		{"\u2003 ", ""},
		{"", ""},
	} {
		a, z := TrimSpan(tt.in, 0, len(tt.in))
		if got := tt.in[a:z]; got != tt.want {
			t.Errorf("TrimSpan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
