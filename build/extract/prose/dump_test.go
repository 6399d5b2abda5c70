package prose

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/extract/date"
	"github.com/claimpack/claimpack/build/extract/quantity"
	"github.com/claimpack/claimpack/build/extract/table"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// TestDump prints the segmentation of the documents named by
// CLAIMPACK_DUMP (a glob), for inspecting the rules; it checks nothing
// else and is skipped without the variable.
func TestDump(t *testing.T) {
	glob := os.Getenv("CLAIMPACK_DUMP")
	if glob == "" {
		t.Skip("set CLAIMPACK_DUMP to a glob of documents")
	}
	files, _ := filepath.Glob(glob)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		doc := source.New(filepath.Base(f), f, data)
		tables, _ := table.Find(doc)
		var skip []Span
		for _, tb := range tables {
			skip = append(skip, TableSpan(tb))
		}
		for _, s := range Sentences(doc, Blocks(doc, skip)) {
			h := ""
			if s.Heading {
				h = "H"
			}
			fmt.Printf("%s:%d [%s%s b%d] %s\n", doc.ID[:3], s.Line, s.Section, h, s.Block, strings.ReplaceAll(s.Text, "\n", "⏎"))
		}
	}
}

// TestDumpLines prints each line's kind for CLAIMPACK_DUMP_LINES=file:from-to.
func TestDumpLines(t *testing.T) {
	spec := os.Getenv("CLAIMPACK_DUMP_LINES")
	if spec == "" {
		t.Skip("set CLAIMPACK_DUMP_LINES=file:from-to")
	}
	var from, to int
	f, rng, _ := strings.Cut(spec, ":")
	fmt.Sscanf(rng, "%d-%d", &from, &to)
	data, _ := os.ReadFile(f)
	doc := source.New(filepath.Base(f), f, data)
	lines := readLines(doc, nil)
	typical := typicalLength(lines)
	for i, l := range lines {
		if l.n >= from && l.n <= to {
			fmt.Printf("%d kind=%d score=%d term=%v head=%v %q\n", l.n, l.kind, citationScore(l.text), terminated(l.text), l.kind == prose && isHeading(lines, i, typical), l.text)
		}
	}
}

// TestDumpFacts prints, for each sentence of CLAIMPACK_DUMP documents, the
// dates and quantities found in it.
func TestDumpFacts(t *testing.T) {
	glob := os.Getenv("CLAIMPACK_DUMP_FACTS")
	if glob == "" {
		t.Skip("set CLAIMPACK_DUMP_FACTS to a glob of documents")
	}
	lex, _ := lexicon.Default()
	files, _ := filepath.Glob(glob)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		doc := source.New(filepath.Base(f), f, data)
		var ctx record.Period
		for _, s := range Sentences(doc, Blocks(doc, nil)) {
			if s.Section == record.Reference {
				continue
			}
			var parts []string
			for _, m := range date.Find(s.Text, date.Anchor{Context: ctx}) {
				parts = append(parts, fmt.Sprintf("D[%s|%s|%s|%s]", m.Period.Text, m.Period.EDTF, m.Period.Basis, m.Edge))
				if m.Period.Resolved() {
					ctx = m.Period
				}
			}
			for _, q := range quantity.Find(s.Text, lex) {
				parts = append(parts, fmt.Sprintf("Q[%s=%g %s %s]", q.ValueText, q.Value, q.Unit, q.Qualifier))
			}
			if len(parts) > 0 {
				fmt.Printf("%s:%d %s\n", doc.ID[:3], s.Line, strings.Join(parts, " "))
			}
		}
	}
}
