package build

import (
	"github.com/claimpack/claimpack/build/classify"
	"github.com/claimpack/claimpack/build/extract/table"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/source"
)

// Document extracts one document: its tables and its prose, classified
// into typed records with provenance and content-derived identifiers.
//
// It is a pure function of the document (bytes and metadata), the lexicon
// and the options: no I/O, no shared state, no clock. That is the seam for
// scale: documents run in parallel, results can be cached by the
// document's content hash, and on a cluster each document is one task
// whose result is merged afterwards.
func Document(doc *source.Doc, lex *lexicon.Lexicon, opts classify.Options) *classify.Result {
	res := &classify.Result{}
	tables, ds := table.Find(doc)
	res.Diags = append(res.Diags, ds...)
	classify.Tables(doc, tables, lex, opts, res)
	return res
}
