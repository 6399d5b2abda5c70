// Command claimpack builds, releases, validates and compares the
// China–Belarus relations data package. Wiring only: flags and environment
// become a build.Config, diagnostics become an exit code (0 ok, 1 data or
// validation errors, 2 usage).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

const usage = `usage: claimpack <command> [flags]

commands:
  build     build a package from a seeds directory      (make datasets)
  release   build and publish datasets/vX.Y.Z if records changed (make release)
  validate  check a package or release as CI does
  diff      record-level diff of two packages
  score     measure a package against a reference annotation
  explain   show how the extractor reads lines of a document

run "claimpack <command> -h" for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// exit codes
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmds := map[string]func(context.Context, []string, io.Writer, io.Writer) int{
		"build":    cmdBuild,
		"release":  cmdRelease,
		"validate": cmdValidate,
		"diff":     cmdDiff,
		"score":    cmdScore,
		"explain":  cmdExplain,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		if args[0] == "-h" || args[0] == "help" || args[0] == "--help" {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "claimpack: unknown command %q\n%s", args[0], usage)
		return exitUsage
	}
	return cmd(ctx, args[1:], stdout, stderr)
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("claimpack "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags and returns an exit code (and ok=false) on failure.
func parse(fs *flag.FlagSet, args []string, nargs int) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if nargs >= 0 && fs.NArg() != nargs {
		fmt.Fprintf(fs.Output(), "%s: want %d argument(s), got %d\n", fs.Name(), nargs, fs.NArg())
		fs.Usage()
		return exitUsage, false
	}
	return exitOK, true
}
