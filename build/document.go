package build

import (
	"github.com/claimpack/claimpack/build/classify"
	"github.com/claimpack/claimpack/build/extract/prose"
	"github.com/claimpack/claimpack/build/extract/table"
	"github.com/claimpack/claimpack/build/source"
)

// Document extracts one document: its tables and its prose, classified
// into typed records with provenance and content-derived identifiers.
//
// It is a pure function of the document (bytes and metadata) and the
// rules (the compiled lexicon and options): no I/O, no shared state, no
// clock. That is the seam for scale: documents run in parallel, results
// can be cached by the document's content hash, and on a cluster each
// document is one task whose result is merged afterwards.
func Document(doc *source.Doc, rules *classify.Rules) *classify.Result {
	res := &classify.Result{}
	tables, ds := table.Find(doc)
	res.Diags = append(res.Diags, ds...)
	classify.Tables(doc, tables, rules.Lex, classify.Options{Focus: rules.Focus}, res)
	var skip []prose.Span
	for _, t := range tables {
		skip = append(skip, prose.TableSpan(t))
	}
	rules.Prose(doc, prose.Sentences(doc, prose.Blocks(doc, skip)), res)
	return res
}
