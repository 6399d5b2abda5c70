package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/claimpack/claimpack/build/release"
)

// exitCrash is the status of a release stopped by CLAIMPACK_CRASH_AT.
const exitCrash = 3

// crashEnv names the release step at which the process exits, as if it
// crashed there (fault injection for tests; see release.Steps).
const crashEnv = "CLAIMPACK_CRASH_AT"

func cmdRelease(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("release", stderr)
	var b buildFlags
	b.register(fs)
	datasets := fs.String("datasets", "datasets", "releases `directory`: vX.Y.Z/, index.json, CHANGELOG.md")
	if code, ok := parse(fs, args, 0); !ok {
		return code
	}
	date, err := releaseDate()
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitUsage
	}
	opts := release.Options{
		Date:    date,
		CrashAt: release.Step(os.Getenv(crashEnv)),
		Crash: func(s release.Step) {
			fmt.Fprintf(stderr, "claimpack: exiting at release step %q (%s)\n", s, crashEnv)
			os.Exit(exitCrash)
		},
	}
	if err := opts.Validate(); err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitUsage
	}
	res, code := runBuild(ctx, b, stdout, stderr)
	if res == nil {
		return code
	}
	out, err := release.Release(*datasets, res, opts)
	if out != nil {
		for _, r := range out.Recovered {
			fmt.Fprintf(stderr, "claimpack: recovered: %s\n", r)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitData
	}
	added, removed, changed := out.Diff.Counts()
	switch {
	case !out.Published:
		fmt.Fprintf(stderr, "claimpack: the records equal those of release %s: nothing to release\n", out.Version)
	case out.Previous == "":
		fmt.Fprintf(stderr, "claimpack: released %s (version %s, the first release: %d records)\n", filepath.ToSlash(out.Dir), out.Version, added)
	default:
		fmt.Fprintf(stderr, "claimpack: released %s (version %s, %s: %s; compared with %s: %d added, %d removed, %d changed)\n",
			filepath.ToSlash(out.Dir), out.Version, out.Bump, out.Reason, out.Previous, added, removed, changed)
	}
	return exitOK
}

// releaseDate is today in UTC, or the day of SOURCE_DATE_EPOCH when set
// (reproducible releases and tests).
func releaseDate() (string, error) {
	t := time.Now().UTC()
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		secs, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return "", fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
		}
		t = time.Unix(secs, 0).UTC()
	}
	return t.Format(time.DateOnly), nil
}
