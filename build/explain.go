package build

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimpack/claimpack/build/classify"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// Explain writes, for lines [from, to] of a document, how the extractor
// read them: the tables found, each sentence with its section, and every
// record and claim those lines gave, with the rule that made it. It is
// the extractor's reasoning made visible, for reviewers and for writing
// curation entries.
func Explain(w io.Writer, doc *source.Doc, rules *classify.Rules, from, to int) {
	in := func(line int) bool { return line >= from && line <= to }
	rd := read(doc)
	for _, t := range rd.tables {
		if in(t.Line) {
			fmt.Fprintf(w, "table at line %d (%s): %q, unit %q, source %q\n", t.Line, t.Layout, t.Title, t.UnitText, t.Attribution)
		}
	}
	for _, s := range rd.sentences {
		if in(s.Line) {
			kind := string(s.Section)
			if s.Heading {
				kind += ", heading"
			}
			fmt.Fprintf(w, "sentence %d [%s]: %s\n", s.Line, kind, oneLine(s.Text, 160))
		}
	}
	res := classifyRead(doc, rules, rd)
	show := func(p record.Provenance, format string, args ...any) {
		if in(int(p.Line)) {
			fmt.Fprintf(w, "  %d %s [%s] %q\n", p.Line, fmt.Sprintf(format, args...), p.Rule, oneLine(p.Quote, 100))
		}
	}
	for _, x := range res.Trade {
		show(x.Provenance, "trade %s %g %s period=%s %s→%s", x.Indicator, x.Value, x.Unit, x.Period, x.Exporter, x.Importer)
	}
	for _, x := range res.FDI {
		show(x.Provenance, "fdi %s %g %s period=%s %s→%s lender=%s", x.Measure, x.Value, x.Unit, x.Period, x.Investor, x.Host, x.Lender)
	}
	for _, x := range res.Visits {
		show(x.Provenance, "visit %s %s→%s %s date=%s", x.Visitor, x.VisitorCountry, x.HostCountry, x.Kind, x.When.EDTF)
	}
	for _, x := range res.Agreements {
		show(x.Provenance, "agreement %s %s date=%s %v %q", x.Kind, x.Event, x.When.EDTF, x.Parties, x.Title)
	}
	for _, x := range res.Other {
		show(x.Provenance, "other claim date=%s", x.Date)
	}
	for _, d := range res.Diags {
		if in(d.Line) {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = s[:n] + "…"
	}
	return s
}
