package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/classify"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/source"
)

func cmdExplain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("explain", stderr)
	lexPath := fs.String("lexicon", "", "lexicon YAML `file` replacing the built-in vocabulary")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimpack explain [-lexicon FILE] DOCUMENT.txt[:FROM-TO]\n\nShows how the extractor reads lines FROM to TO of a document (all of it by default):\nsections, sentences, and the records each line gave, with their rules. The sources.yaml\nbeside the document gives its publication date.")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, 1); !ok {
		return code
	}
	file, from, to := fs.Arg(0), 1, 1<<30
	if i := strings.LastIndexByte(file, ':'); i > 0 {
		if _, err := fmt.Sscanf(file[i+1:], "%d-%d", &from, &to); err != nil {
			fmt.Fprintf(stderr, "claimpack: %q: want DOCUMENT:FROM-TO\n", file)
			return exitUsage
		}
		file = file[:i]
	}
	dir := filepath.Dir(file)
	docs, diags, err := source.Load(os.DirFS(dir), ".", filepath.ToSlash(dir))
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitUsage
	}
	var doc *source.Doc
	for _, d := range docs {
		if d.Name == filepath.Base(file) {
			doc = d
		}
	}
	if doc == nil {
		diags.WriteText(stderr)
		fmt.Fprintf(stderr, "claimpack: %s: not a readable document\n", file)
		return exitData
	}
	lex, ds := lexicon.Default()
	if *lexPath != "" {
		data, err := os.ReadFile(*lexPath)
		if err != nil {
			fmt.Fprintf(stderr, "claimpack: %v\n", err)
			return exitUsage
		}
		lex, ds = lexicon.Parse(filepath.ToSlash(*lexPath), data)
	}
	if ds.HasErrors() {
		ds.WriteText(stderr)
		return exitData
	}
	cfg := build.DefaultConfig(nil, "")
	build.Explain(stdout, doc, classify.NewRules(lex, classify.Options{Focus: cfg.Focus}), from, to)
	return exitOK
}
