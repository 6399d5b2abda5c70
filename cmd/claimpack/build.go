package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/claimpack/claimpack/build"
	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/release"
)

// buildFlags are the flags build and release share.
type buildFlags struct {
	seeds   string
	lexicon string
	format  string
}

func (b *buildFlags) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&b.seeds, "seeds", "seeds", "seeds `directory`: *.txt documents, sources.yaml, curation.yaml")
	fs.StringVar(&b.lexicon, "lexicon", "", "lexicon YAML `file` replacing the built-in vocabulary")
	fs.StringVar(&b.format, "format", "text", "diagnostics format: text (stderr) or json (stdout)")
}

// runBuild runs the pipeline with the flags and the environment
// (SOURCE_DATE_EPOCH); it returns the result, or an exit code when the
// build could not run or found errors (diagnostics already printed).
func runBuild(ctx context.Context, b buildFlags, stdout, stderr io.Writer) (*build.Result, int) {
	if b.format != "text" && b.format != "json" {
		fmt.Fprintf(stderr, "claimpack: -format must be text or json, not %q\n", b.format)
		return nil, exitUsage
	}
	info, err := os.Stat(b.seeds)
	if err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "claimpack: seeds directory %s: not a readable directory\n", b.seeds)
		return nil, exitUsage
	}
	cfg := build.DefaultConfig(os.DirFS(b.seeds), filepath.ToSlash(filepath.Clean(b.seeds)))
	if b.lexicon != "" {
		data, err := os.ReadFile(b.lexicon)
		if err != nil {
			fmt.Fprintf(stderr, "claimpack: %v\n", err)
			return nil, exitUsage
		}
		cfg.Lexicon, cfg.LexiconPath = data, filepath.ToSlash(b.lexicon)
	}
	res, err := build.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return nil, exitData
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		secs, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			fmt.Fprintf(stderr, "claimpack: SOURCE_DATE_EPOCH=%q is not a number of seconds\n", epoch)
			return nil, exitUsage
		}
		res.Created = time.Unix(secs, 0).UTC()
	}
	if code := report(res.Diags, b.format, stdout, stderr); code != exitOK {
		return nil, code
	}
	return res, exitOK
}

// report prints diagnostics and returns exitData when any is an error.
func report(diags diag.List, format string, stdout, stderr io.Writer) int {
	if format == "json" {
		diags.WriteJSON(stdout)
	} else {
		diags.WriteText(stderr)
	}
	if diags.HasErrors() {
		fmt.Fprintf(stderr, "claimpack: %d error(s), %d warning(s); nothing written\n", diags.Count(diag.Error), diags.Count(diag.Warning))
		return exitData
	}
	return exitOK
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	var b buildFlags
	b.register(fs)
	out := fs.String("out", "datasets/next", "output `directory` (replaced atomically)")
	datasets := fs.String("datasets", "datasets", "releases `directory`: the package gets the version a release would give it")
	if code, ok := parse(fs, args, 0); !ok {
		return code
	}
	res, code := runBuild(ctx, b, stdout, stderr)
	if res == nil {
		return code
	}
	version, err := release.NextVersion(*datasets, res)
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitData
	}
	files, err := res.Package(version)
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitData
	}
	if err := release.Write(*out, files, true); err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitData
	}
	fmt.Fprintf(stderr, "claimpack: built %s (version %s):%s\n", *out, version, summary(res))
	return exitOK
}

// summary lists the row count of each dataset.
func summary(res *build.Result) string {
	s := ""
	for _, t := range res.Tables {
		s += fmt.Sprintf(" %s %d,", t.Dataset.Name, len(t.Rows))
	}
	return s[:max(len(s)-1, 0)]
}
