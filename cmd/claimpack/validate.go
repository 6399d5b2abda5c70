package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/release"
	"github.com/claimpack/claimpack/build/verify"
)

func cmdValidate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	format := fs.String("format", "text", "findings format: text (stderr) or json (stdout)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimpack validate [-format text|json] DIR")
		fmt.Fprintln(stderr, "DIR is a package, a release (datasets/vX.Y.Z, also checked against datasets/index.json),")
		fmt.Fprintln(stderr, "or a datasets directory holding index.json (every release it lists is checked).")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, 1); !ok {
		return code
	}
	dir := fs.Arg(0)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "claimpack: %s is not a package directory\n", dir)
		return exitUsage
	}
	display := filepath.ToSlash(filepath.Clean(dir))
	var diags diag.List
	if _, err := os.Stat(filepath.Join(dir, release.IndexFile)); err == nil {
		diags = release.VerifyDatasets(os.DirFS(dir), display)
	} else {
		diags = verify.Package(os.DirFS(dir), verify.Options{Display: display})
		if datasets, name, ok := release.InDatasets(dir); ok {
			diags = append(diags, release.VerifyRelease(os.DirFS(datasets), name, filepath.ToSlash(datasets))...)
			diags.Sort()
		}
	}
	if code := report(diags, *format, stdout, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stderr, "claimpack: %s is valid\n", dir)
	return exitOK
}
