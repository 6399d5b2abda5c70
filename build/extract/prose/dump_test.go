package prose

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimpack/claimpack/build/extract/table"
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
