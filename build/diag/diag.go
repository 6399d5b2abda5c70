// Package diag holds diagnostics: findings about the input or the output,
// each with a severity, a position (path:line:col) and, for records, the
// record path and the schema keyword that failed.
//
// Findings are values: stages return them in their results and keep going;
// only cmd/ turns them into an exit code. A List sorts deterministically and
// prints as text ("path:line:col: severity: message", the format of go vet
// and compilers) or as JSON.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity says how bad a finding is.
type Severity int

// The severities, most severe first.
const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// MarshalText makes a severity print as its name in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	// Path is repo- or package-relative and slash-separated.
	Path string `json:"path"`
	// Line and Col are 1-based; 0 when the finding is about the whole file.
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`
	// Record is the record path for findings about a record (trade[17].value_usd).
	Record string `json:"record,omitempty"`
	// Keyword is the JSON Schema keyword that failed, for schema violations.
	Keyword string `json:"keyword,omitempty"`
	// Code names the kind of finding (invalid-utf8, unresolved-date, …).
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Pos formats the position as path:line:col (path:line, or path, when
// the column or line is unknown).
func (d Diagnostic) Pos() string {
	switch {
	case d.Line > 0 && d.Col > 0:
		return fmt.Sprintf("%s:%d:%d", d.Path, d.Line, d.Col)
	case d.Line > 0:
		return fmt.Sprintf("%s:%d", d.Path, d.Line)
	default:
		return d.Path
	}
}

// String formats the diagnostic as one line of text.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	if d.Record != "" {
		b.WriteString(d.Record)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Keyword != "" {
		fmt.Fprintf(&b, " (schema keyword %q)", d.Keyword)
	}
	if d.Code != "" {
		fmt.Fprintf(&b, " [%s]", d.Code)
	}
	return b.String()
}

// List is a list of diagnostics.
type List []Diagnostic

// Add appends a diagnostic built from its parts.
func (l *List) Add(sev Severity, code, path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Severity: sev, Code: code, Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
}

// Sort orders the list by path, line, column, severity, then message, so
// that output does not depend on the order in which work was done.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		if a.Record != b.Record {
			return a.Record < b.Record
		}
		return a.Message < b.Message
	})
}

// Count returns the number of diagnostics of severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Filter returns the diagnostics at least as severe as min.
func (l List) Filter(min Severity) List {
	var out List
	for _, d := range l {
		if d.Severity <= min {
			out = append(out, d)
		}
	}
	return out
}

// WriteText writes one line per diagnostic.
func (l List) WriteText(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON writes the list as a JSON array (an empty array, never null).
func (l List) WriteJSON(w io.Writer) error {
	if l == nil {
		l = List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}
