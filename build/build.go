// Package build is claimpack's pipeline: the one place that lists the
// stages, in the order data flows through them.
//
//	seeds ─ source.Load ─┬─ Document (per document, in parallel: tables and
//	                     │  prose → classified records with provenance)
//	                     └─ merge across documents: curate → merge mentions
//	                        → claims → consistency checks → validate every
//	                        row against its JSON Schema
//	                        → Result.Package (publish: Parquet, CSV,
//	                        datapackage.json) → release.Write (atomic)
//
// Run returns values and diagnostics; it never exits, prints or reads the
// environment. Per-document work is a pure function of the document, its
// metadata, the lexicon and the options (see Document).
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/claimpack/claimpack/build/check"
	"github.com/claimpack/claimpack/build/classify"
	"github.com/claimpack/claimpack/build/contract"
	"github.com/claimpack/claimpack/build/curate"
	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/merge"
	"github.com/claimpack/claimpack/build/publish"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// ToolVersion is claimpack's version, written into each Parquet file's
// created_by.
const ToolVersion = "0.1.0"

// Package metadata.
const (
	PackageName        = "china-belarus-relations"
	PackageTitle       = "China–Belarus relations: trade, investment, visits and agreements"
	PackageDescription = "Records of trade, FDI (investment, loans, credit), visits and agreements between China and Belarus, extracted from source documents by claimpack. Every row points back to the exact bytes of its source document (source_id, byte_start, byte_end, quote), says how it was extracted (method, rule) and what was corrected and why (curation_id, correction)."
)

// Config configures a build. Make one with DefaultConfig.
type Config struct {
	// Seeds is the seeds directory (documents, sources.yaml,
	// curation.yaml) as a file system rooted at that directory.
	Seeds fs.FS
	// SeedsPath is how diagnostics name the seeds directory ("seeds").
	SeedsPath string
	// Lexicon replaces the built-in lexicon when not nil; LexiconPath
	// names it in diagnostics.
	Lexicon     []byte
	LexiconPath string
	// Focus is the pair of countries the datasets are about.
	Focus [2]string
	// Workers bounds the documents extracted at once.
	Workers int
}

// DefaultConfig returns the configuration of `claimpack build`.
func DefaultConfig(seeds fs.FS, seedsPath string) Config {
	return Config{
		Seeds:     seeds,
		SeedsPath: seedsPath,
		Focus:     [2]string{"CHN", "BLR"},
		Workers:   runtime.GOMAXPROCS(0),
	}
}

// Validate reports a configuration that cannot run.
func (c Config) Validate() error {
	switch {
	case c.Seeds == nil:
		return errors.New("config: no seeds directory")
	case c.Focus[0] == "" || c.Focus[1] == "" || c.Focus[0] == c.Focus[1]:
		return fmt.Errorf("config: focus must be two different countries, not %q", c.Focus)
	case c.Workers < 1:
		return fmt.Errorf("config: workers must be at least 1, not %d", c.Workers)
	}
	return nil
}

// Result is a build's outcome: the validated rows of every dataset, the
// documents they come from, and every diagnostic. When Diags has errors,
// Tables is empty and nothing may be published.
type Result struct {
	Docs   []*source.Doc
	Tables []publish.Table
	Diags  diag.List
	// Created is the deterministic creation time of the package: the
	// newest publication end day of the sources (zero if none is known).
	Created time.Time
	// Checks is what the consistency checks found: the conflicts dataset
	// and the quality report, QUALITY.md, a file of the package.
	Checks *check.Result
}

// Run runs the pipeline up to validated rows.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	res := &Result{}
	lex, ds := loadLexicon(cfg)
	res.Diags = append(res.Diags, ds...)
	con, err := contract.Default()
	if err != nil {
		return nil, err
	}
	docs, ds, err := source.Load(cfg.Seeds, ".", cfg.SeedsPath)
	if err != nil {
		return nil, err
	}
	res.Diags = append(res.Diags, ds...)
	res.Docs = docs
	if res.Diags.HasErrors() {
		res.Diags.Sort()
		return res, nil
	}

	if lex == nil {
		res.Diags.Sort()
		return res, nil
	}
	rules := classify.NewRules(lex, classify.Options{Focus: cfg.Focus})
	perDoc, err := extractAll(ctx, docs, rules, cfg.Workers)
	if err != nil {
		return nil, err
	}
	set := &curate.Set{}
	var other []record.Claim
	for _, r := range perDoc {
		set.Trade = append(set.Trade, r.Trade...)
		set.FDI = append(set.FDI, r.FDI...)
		set.Visits = append(set.Visits, r.Visits...)
		set.Agreements = append(set.Agreements, r.Agreements...)
		other = append(other, r.Other...)
		res.Diags = append(res.Diags, r.Diags...)
	}

	outcome, ds := applyCuration(cfg, set)
	res.Diags = append(res.Diags, ds...)
	visits, visitClaims := merge.Visits(set.Visits)
	agreements, agreementClaims := merge.Agreements(set.Agreements)
	other = append(append(other, visitClaims...), agreementClaims...)

	// The checks read the curated, merged records and add conflicts; they
	// never change or drop a record.
	res.Checks = check.Run(check.Input{Trade: set.Trade, FDI: set.FDI, Events: check.Events(visits, agreements)}, check.DefaultOptions())

	datasets := map[string][]any{
		"trade":      anySlice(set.Trade),
		"fdi":        anySlice(set.FDI),
		"claims":     anySlice(claimsOf(set, other, outcome.Rejected)),
		"sources":    anySlice(sourcesOf(docs)),
		"curation":   anySlice(outcome.Curation),
		"conflicts":  anySlice(res.Checks.Conflicts),
		"visits":     anySlice(visits),
		"agreements": anySlice(agreements),
	}
	res.Tables, ds = validateAll(con, datasets, docs)
	res.Diags = append(res.Diags, ds...)
	res.Created = newestPublished(docs)
	res.Diags.Sort()
	if res.Diags.HasErrors() {
		res.Tables = nil
	}
	return res, nil
}

// Package stamps the version and returns the files of the package.
func (r *Result) Package(version string) ([]publish.File, error) {
	if r.Diags.HasErrors() {
		return nil, errors.New("the build has errors: nothing to publish")
	}
	var extra []publish.File
	if r.Checks != nil {
		extra = append(extra, publish.File{Path: check.ReportFile, Data: r.Checks.Report()})
	}
	return publish.Package(publish.Input{
		Name: PackageName, Title: PackageTitle, Description: PackageDescription,
		Version: version, Created: r.Created, ToolVersion: ToolVersion,
		Tables: r.Tables, Docs: r.Docs, Extra: extra,
	})
}

func loadLexicon(cfg Config) (*lexicon.Lexicon, diag.List) {
	if cfg.Lexicon != nil {
		return lexicon.Parse(cfg.LexiconPath, cfg.Lexicon)
	}
	return lexicon.Default()
}

// extractAll runs Document on every document with a bounded number of
// workers; results come back in document order.
func extractAll(ctx context.Context, docs []*source.Doc, rules *classify.Rules, workers int) ([]*classify.Result, error) {
	out := make([]*classify.Result, len(docs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, max(len(docs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = Document(docs[i], rules)
			}
		}()
	}
	var err error
	for i := range docs {
		if err = ctx.Err(); err != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out, err
}

func applyCuration(cfg Config, set *curate.Set) (curate.Outcome, diag.List) {
	shown := path.Join(cfg.SeedsPath, curate.File)
	data, err := fs.ReadFile(cfg.Seeds, curate.File)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return curate.Outcome{}, nil
	case err != nil:
		var ds diag.List
		ds.Add(diag.Error, "unreadable", shown, 1, 1, "cannot read: %v", err)
		return curate.Outcome{}, ds
	}
	entries, ds := curate.Parse(shown, data)
	if ds.HasErrors() {
		return curate.Outcome{}, ds
	}
	out, ds2 := curate.Apply(entries, set, shown)
	return out, append(ds, ds2...)
}

// claimsOf lists every claim: one per trade and fdi figure, one per visit
// and agreement mention, the other dated claims, and the claims of
// rejected records.
func claimsOf(set *curate.Set, other, rejected []record.Claim) []record.Claim {
	var out []record.Claim
	for _, t := range set.Trade {
		out = append(out, record.Claim{ClaimID: t.ClaimID, Category: record.CatTrade, RecordID: t.RecordID, DateFields: record.DateColumns(t.When), Provenance: t.Provenance})
	}
	for _, f := range set.FDI {
		out = append(out, record.Claim{ClaimID: f.ClaimID, Category: record.CatFDI, RecordID: f.RecordID, DateFields: record.DateColumns(f.When), Provenance: f.Provenance})
	}
	out = append(out, other...)
	return append(out, rejected...)
}

func sourcesOf(docs []*source.Doc) []record.Source {
	var out []record.Source
	for _, d := range docs {
		s := record.Source{
			SourceID: d.ID, Path: publish.SourcePath(d.Name), SHA256: d.SHA256, Bytes: int64(len(d.Data)),
			Title: d.Meta.Title, Author: d.Meta.Author, Publisher: d.Meta.Publisher, URL: d.Meta.URL,
			Published: d.Meta.Published, PublishedBasis: d.Meta.PublishedBasis,
			PublishedEvidence: d.Meta.PublishedEvidence, Language: d.Meta.Language, License: d.Meta.License,
		}
		if d.Meta.HasPublished() {
			s.PublishedStart = d.Meta.PublishedStart.Format(time.DateOnly)
			s.PublishedEnd = d.Meta.PublishedEnd.Format(time.DateOnly)
		}
		out = append(out, s)
	}
	return out
}

func newestPublished(docs []*source.Doc) time.Time {
	var t time.Time
	for _, d := range docs {
		if d.Meta.HasPublished() && d.Meta.PublishedEnd.After(t) {
			t = d.Meta.PublishedEnd
		}
	}
	return t
}

func anySlice[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i := range xs {
		out[i] = xs[i]
	}
	return out
}

// validateAll converts every record to a row and validates it against its
// dataset's JSON Schema. A violation is an error at the record's source
// position, naming the record path (trade[17].value_usd, indexed in
// published order) and the failing keyword.
func validateAll(con *contract.Contract, datasets map[string][]any, docs []*source.Doc) ([]publish.Table, diag.List) {
	var diags diag.List
	byID := map[string]*source.Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	var tables []publish.Table
	for _, d := range con.Datasets {
		recs, ok := datasets[d.Name]
		if !ok {
			diags.Add(diag.Error, "internal", d.SchemaPath(), 0, 0, "the pipeline produced no %s dataset", d.Name)
			continue
		}
		var rows []contract.Row
		for _, rec := range recs {
			row, err := d.Row(rec)
			if err != nil {
				diags.Add(diag.Error, "internal", d.SchemaPath(), 0, 0, "%v", err)
				continue
			}
			rows = append(rows, row)
		}
		rows = publish.Sort(d, rows)
		src, start := d.Index("source_id"), d.Index("byte_start")
		seen := map[string]int{}
		pk := d.Index(d.PrimaryKey[0])
		for i, row := range rows {
			vs, err := d.Validate(row)
			if err != nil {
				diags.Add(diag.Error, "internal", d.SchemaPath(), 0, 0, "%v", err)
				continue
			}
			at := diag.Diagnostic{Path: d.SchemaPath()}
			if src >= 0 && start >= 0 {
				if doc := byID[fmt.Sprint(row[src])]; doc != nil {
					off, _ := row[start].(int64)
					at.Path = doc.Path
					at.Line, at.Col = doc.Position(int(off))
				}
			}
			for _, v := range vs {
				dg := at
				dg.Severity, dg.Code, dg.Keyword = diag.Error, "schema", v.Keyword
				dg.Record = d.Name + "[" + strconv.Itoa(i) + "]"
				if v.Column != "" {
					dg.Record += "." + v.Column
				}
				dg.Message = v.Message
				diags = append(diags, dg)
			}
			key := contract.Text(row[pk])
			if j, dup := seen[key]; dup {
				dg := at
				dg.Severity, dg.Code = diag.Error, "duplicate-id"
				dg.Record = fmt.Sprintf("%s[%d].%s", d.Name, i, d.PrimaryKey[0])
				dg.Message = fmt.Sprintf("%s %s is also the id of %s[%d]", d.PrimaryKey[0], key, d.Name, j)
				diags = append(diags, dg)
			}
			seen[key] = i
		}
		tables = append(tables, publish.Table{Dataset: d, Rows: rows})
	}
	sort.Slice(tables, func(i, j int) bool { return strings.Compare(tables[i].Dataset.Name, tables[j].Dataset.Name) < 0 })
	return tables, diags
}
