package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/claimpack/claimpack/build/diff"
)

func cmdDiff(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("diff", stderr)
	format := fs.String("format", "text", "output `format`: text, json (for CI) or csv (for spreadsheets)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimpack diff [-format text|json|csv] OLD NEW")
		fmt.Fprintln(stderr, "Compares two packages record by record; exits 0 whether or not they differ.")
		fs.PrintDefaults()
	}
	dirs, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(dirs) != 2 {
		fmt.Fprintf(stderr, "claimpack diff: want 2 package directories, got %d\n", len(dirs))
		fs.Usage()
		return exitUsage
	}
	f := diff.Format(*format)
	if f != diff.Text && f != diff.JSON && f != diff.CSV {
		fmt.Fprintf(stderr, "claimpack: -format must be text, json or csv, not %q\n", *format)
		return exitUsage
	}
	var pkgs [2]*diff.Package
	for i, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			fmt.Fprintf(stderr, "claimpack: %s is not a package directory\n", dir)
			return exitUsage
		}
		p, err := diff.Read(os.DirFS(dir))
		if err != nil {
			fmt.Fprintf(stderr, "claimpack: %s: %v\n", dir, err)
			return exitData
		}
		pkgs[i] = p
	}
	if err := diff.Compare(pkgs[0], pkgs[1]).Write(stdout, f); err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitData
	}
	return exitOK
}

// parseInterspersed parses flags placed before, between or after the
// positional arguments (claimpack diff OLD NEW -format json) and returns
// the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if code, ok := parse(fs, args, -1); !ok {
			return nil, code, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, exitOK, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
