package source

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []string // positions and codes, "line:col code"
	}{
		{"clean with BOM and CRLF", "\ufeffa\r\nb\r\n", nil},
		{"invalid UTF-8", "ab\ncd\xffe\n\xc3(", []string{"2:3 invalid-utf8", "3:1 invalid-utf8"}},
		{"NUL byte", "abc\x00\n", []string{"1:4 nul-byte"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range Check("f.txt", []byte(tt.data)) {
				got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	d := New("x.txt", "x.txt", []byte("ab\r\ncd\nef"))
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {3, 1, 4}, {4, 2, 1}, {7, 3, 1}, {8, 3, 2}} {
		if l, c := d.Position(tt.off); l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
	if s, e := d.Line(1); string(d.Data[s:e]) != "ab" {
		t.Errorf("Line(1) = %q, want ab (CR excluded)", d.Data[s:e])
	}
	if s, e := d.Line(3); string(d.Data[s:e]) != "ef" {
		t.Errorf("Line(3) = %q, want ef", d.Data[s:e])
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"seeds/a.txt":   {Data: []byte("good\n")},
		"seeds/b.txt":   {Data: []byte("bad \xff\n")},
		"seeds/c.txt":   {Data: []byte("unlisted\n")},
		"seeds/note.md": {Data: []byte("ignored")},
		"seeds/sources.yaml": {Data: []byte(`sources:
  - file: a.txt
    published: 2024-02
    colour: blue
  - file: a.txt
  - file: missing.txt
    published: 2024-13-01
`)},
	}
	docs, diags, err := Load(fsys, "seeds", "seeds")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"seeds/b.txt:1:5 error invalid-utf8",
		"seeds/sources.yaml:4:5 error bad-meta",  // unknown field colour
		"seeds/sources.yaml:5:5 error bad-meta",  // a.txt listed twice
		"seeds/sources.yaml:7:16 error bad-date", // month 13
		"seeds/c.txt warning unlisted",           // not in sources.yaml
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos()+" "+d.Severity.String()+" "+d.Code)
	}
	if len(docs) != 2 || docs[0].Name != "a.txt" || docs[1].Name != "c.txt" {
		t.Errorf("docs = %v, want a.txt and c.txt", names(docs))
	}
	for _, w := range want {
		if !containsStr(got, w) {
			t.Errorf("missing diagnostic %q in %q", w, got)
		}
	}
	if docs[0].Listed {
		t.Errorf("a.txt has a bad entry: it should not be attached")
	}
}

func TestMetaAttached(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":        {Data: []byte("x\n")},
		"sources.yaml": {Data: []byte("sources:\n  - file: a.txt\n    title: T\n    published: 2025\n    published_basis: inferred\n    published_evidence: line 1\n")},
	}
	docs, diags, err := Load(fsys, ".", "seeds")
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	m := docs[0].Meta
	if !docs[0].Listed || m.Title != "T" || m.PublishedStart.Format("2006-01-02") != "2025-01-01" || m.PublishedEnd.Format("2006-01-02") != "2025-12-31" {
		t.Errorf("meta = %+v", m)
	}
}

func names(docs []*Doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Name)
	}
	return out
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
