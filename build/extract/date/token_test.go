package date

import (
	"fmt"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // kind:text per token, | separated; spaces show their line breaks
	}{
		{"In 2018.105 The", "w:In|s0|n:2018|p:.|n:105|s0|w:The"},
		{"mid-March", "w:mid|p:-|w:March"},
		{"Q1\u00a02024", "w:Q|n:1|s0|n:2024"},
		{"late 2009-\nearly", "w:late|s0|n:2009|p:-|s1|w:early"},
		{"a\r\n\r\nb", "w:a|s2|w:b"},
		{"x\u2028y", "w:x|s1|w:y"},
		{"2010s’", "n:2010|w:s|p:’"},
		{"\xff1", "p:\xff|n:1"},
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.in) {
			switch tk.kind {
			case kWord:
				got = append(got, "w:"+tk.text)
			case kNum:
				got = append(got, "n:"+tk.text)
			case kSpace:
				got = append(got, fmt.Sprintf("s%d", tk.breaks))
			default:
				got = append(got, "p:"+tk.text)
			}
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

// TestTokenizeCovers checks that tokens tile the text exactly.
func TestTokenizeCovers(t *testing.T) {
	for _, s := range []string{"In early December 2023, the President", "a\u2009–\u200ab\xe2\x82", "  \t\n"} {
		at := 0
		for _, tk := range tokenize(s) {
			if tk.start != at || tk.end <= tk.start || s[tk.start:tk.end] != tk.text {
				t.Fatalf("tokenize(%q): token %+v does not continue at %d", s, tk, at)
			}
			at = tk.end
		}
		if at != len(s) {
			t.Fatalf("tokenize(%q) covers %d of %d bytes", s, at, len(s))
		}
	}
}
