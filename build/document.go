package build

import (
	"github.com/claimpack/claimpack/build/classify"
	"github.com/claimpack/claimpack/build/diag"
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
	return classifyRead(doc, rules, read(doc))
}

// reading is what the extractors found in a document before
// classification: its tables and the sentences of the text around them.
type reading struct {
	tables    []table.Table
	diags     diag.List
	sentences []prose.Sentence
}

// read finds a document's tables, then segments the rest of its text.
func read(doc *source.Doc) reading {
	tables, ds := table.Find(doc)
	var skip []prose.Span
	for _, t := range tables {
		skip = append(skip, prose.TableSpan(t))
	}
	return reading{tables: tables, diags: ds, sentences: prose.Sentences(doc, prose.Blocks(doc, skip))}
}

// classifyRead turns what read found into typed records.
func classifyRead(doc *source.Doc, rules *classify.Rules, rd reading) *classify.Result {
	res := &classify.Result{}
	res.Diags = append(res.Diags, rd.diags...)
	classify.Tables(doc, rd.tables, rules.Lex, classify.Options{Focus: rules.Focus}, res)
	rules.Prose(doc, rd.sentences, res)
	return res
}
