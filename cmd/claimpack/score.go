package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/claimpack/claimpack/build/score"
)

func cmdScore(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("score", stderr)
	ref := fs.String("reference", "eval/reference/seeds.yaml", "reference annotation `file`")
	format := fs.String("format", "text", "report format: text or json")
	details := fs.Bool("v", false, "list every miss and every spurious record")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimpack score [-reference FILE] [-format text|json] [-v] PACKAGE_DIR")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, 1); !ok {
		return code
	}
	data, err := os.ReadFile(*ref)
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitUsage
	}
	reference, err := score.ParseReference(data)
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %s: %v\n", *ref, err)
		return exitData
	}
	recs, err := score.Records(os.DirFS(fs.Arg(0)))
	if err != nil {
		fmt.Fprintf(stderr, "claimpack: %v\n", err)
		return exitData
	}
	rep := score.Score(recs, reference)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
		return exitOK
	}
	rep.WriteText(stdout, *details)
	return exitOK
}
