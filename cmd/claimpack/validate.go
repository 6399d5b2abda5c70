package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimpack/claimpack/build/verify"
)

func cmdValidate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	format := fs.String("format", "text", "findings format: text (stderr) or json (stdout)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimpack validate [-format text|json] DIR")
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
	diags := verify.Package(os.DirFS(dir), verify.Options{Display: filepath.ToSlash(filepath.Clean(dir))})
	if code := report(diags, *format, stdout, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stderr, "claimpack: %s is valid\n", dir)
	return exitOK
}
