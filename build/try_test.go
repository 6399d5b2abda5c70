package build

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimpack/claimpack/build/classify"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/source"
)

// TestTry prints what Document extracts from lines of one document:
// CLAIMPACK_TRY=seeds/001_f7af78b5287698e3.txt:60-70 (sources.yaml beside
// it gives the publication date). A tool for reading the rules at work.
func TestTry(t *testing.T) {
	spec := os.Getenv("CLAIMPACK_TRY")
	if spec == "" {
		t.Skip("set CLAIMPACK_TRY=file:from-to")
	}
	var file string
	var from, to int
	for i := len(spec) - 1; i >= 0; i-- {
		if spec[i] == ':' {
			file = spec[:i]
			fmt.Sscanf(spec[i+1:], "%d-%d", &from, &to)
			break
		}
	}
	dir := filepath.Dir(file)
	docs, _, err := source.Load(os.DirFS(dir), ".", dir)
	if err != nil {
		t.Fatal(err)
	}
	lex, _ := lexicon.Default()
	rules := classify.NewRules(lex, classify.Options{Focus: [2]string{"CHN", "BLR"}})
	for _, d := range docs {
		if d.Name != filepath.Base(file) {
			continue
		}
		res := Document(d, rules)
		in := func(l int32) bool { return int(l) >= from && int(l) <= to }
		for _, r := range res.Trade {
			if in(r.Line) {
				fmt.Printf("TRADE %d %s %g %s %s exp=%s imp=%s [%s] %q\n", r.Line, r.Indicator, r.Value, r.Unit, r.Period, r.Exporter, r.Importer, r.Rule, r.Quote)
			}
		}
		for _, r := range res.FDI {
			if in(r.Line) {
				fmt.Printf("FDI   %d %s %g %s %s inv=%s host=%s lender=%s [%s] %q\n", r.Line, r.Measure, r.Value, r.Unit, r.Period, r.Investor, r.Host, r.Lender, r.Rule, r.Quote)
			}
		}
		for _, r := range res.Visits {
			if in(r.Line) {
				fmt.Printf("VISIT %d %s %s→%s %s %s %q\n", r.Line, r.When.EDTF, r.Visitor, r.HostCountry, r.Kind, r.Place, r.Quote)
			}
		}
		for _, r := range res.Agreements {
			if in(r.Line) {
				fmt.Printf("AGREE %d %s %s %s %v %q [%s]\n", r.Line, r.When.EDTF, r.Kind, r.Event, r.Parties, r.Title, r.Rule)
			}
		}
		for _, r := range res.Other {
			if in(r.Line) {
				fmt.Printf("OTHER %d %s [%s] %q\n", r.Line, r.Date, r.Rule, r.Quote)
			}
		}
	}
}
