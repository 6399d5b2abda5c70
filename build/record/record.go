// Package record holds the domain types of claimpack: the records of each
// dataset, their provenance, dates and figures, and how their identifiers
// are made. It does no I/O.
//
// The record types mirror the JSON Schemas of the contract field by field
// (JSON names, types and nullability); a test asserts that they agree both
// ways. A string field tagged omitempty is a nullable column whose empty
// value is null; a pointer is a nullable number.
package record

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Section is the part of a document a quote comes from.
type Section string

// The sections.
const (
	Body      Section = "body"
	Table     Section = "table"
	Caption   Section = "caption"
	Footnote  Section = "footnote"
	Reference Section = "reference"
)

// Method is how a claim was found.
type Method string

// The methods.
const (
	ByTable Method = "table"
	ByProse Method = "prose"
)

// Provenance says where a row comes from: which document, which bytes, the
// verbatim quote, how it was extracted and what curated it.
type Provenance struct {
	SourceID     string  `json:"source_id"`
	SourceSHA256 string  `json:"source_sha256"`
	ByteStart    int64   `json:"byte_start"`
	ByteEnd      int64   `json:"byte_end"`
	Line         int32   `json:"line"`
	Quote        string  `json:"quote"`
	Section      Section `json:"section"`
	Method       Method  `json:"method"`
	Rule         string  `json:"rule"`
	CurationID   string  `json:"curation_id,omitempty"`
}

// Precision is the granularity of a Period.
type Precision string

// The precisions.
const (
	Day      Precision = "day"
	Month    Precision = "month"
	Quarter  Precision = "quarter"
	Half     Precision = "half"
	Year     Precision = "year"
	Interval Precision = "interval"
)

// Basis says how a date was obtained.
type Basis string

// The bases.
const (
	Explicit   Basis = "explicit"
	Relative   Basis = "relative"
	Context    Basis = "context"
	Unresolved Basis = "unresolved"
)

// Period is a resolved (or unresolved) date or period: an EDTF string, the
// inclusive first and last day, the precision, the words as written and how
// it was obtained. An unresolved period has only Text and Basis.
type Period struct {
	EDTF      string
	Start     time.Time
	End       time.Time
	Precision Precision
	Text      string
	Basis     Basis
}

// Resolved reports whether the period has dates.
func (p Period) Resolved() bool { return p.EDTF != "" }

// Days returns the number of days the period covers (0 when unresolved).
func (p Period) Days() int {
	if !p.Resolved() {
		return 0
	}
	return int(p.End.Sub(p.Start).Hours()/24) + 1
}

// Overlaps reports whether two resolved periods share at least one day.
func (p Period) Overlaps(q Period) bool {
	return p.Resolved() && q.Resolved() && !p.End.Before(q.Start) && !q.End.Before(p.Start)
}

// Contains reports whether q lies within p.
func (p Period) Contains(q Period) bool {
	return p.Resolved() && q.Resolved() && !q.Start.Before(p.Start) && !q.End.After(p.End)
}

// isoDate formats a day as ISO 8601, or "" for the zero time.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// PeriodFields are the period_* columns of trade and fdi.
type PeriodFields struct {
	Period          string `json:"period,omitempty"`
	PeriodStart     string `json:"period_start,omitempty"`
	PeriodEnd       string `json:"period_end,omitempty"`
	PeriodPrecision string `json:"period_precision,omitempty"`
	PeriodText      string `json:"period_text,omitempty"`
	PeriodBasis     Basis  `json:"period_basis"`
}

// PeriodColumns returns p as period_* columns.
func PeriodColumns(p Period) PeriodFields {
	return PeriodFields{p.EDTF, isoDate(p.Start), isoDate(p.End), string(p.Precision), p.Text, p.Basis}
}

// DateFields are the date_* columns of visits, agreements and claims.
type DateFields struct {
	Date          string `json:"date,omitempty"`
	DateStart     string `json:"date_start,omitempty"`
	DateEnd       string `json:"date_end,omitempty"`
	DatePrecision string `json:"date_precision,omitempty"`
	DateText      string `json:"date_text,omitempty"`
	DateBasis     Basis  `json:"date_basis"`
}

// DateColumns returns p as date_* columns.
func DateColumns(p Period) DateFields {
	return DateFields{p.EDTF, isoDate(p.Start), isoDate(p.End), string(p.Precision), p.Text, p.Basis}
}

// Qualifier says how a document qualifies a figure.
type Qualifier string

// The qualifiers.
const (
	Exact    Qualifier = "exact"
	Approx   Qualifier = "approx"
	MoreThan Qualifier = "more_than"
	LessThan Qualifier = "less_than"
)

// Figure is a value with its unit, as published and as written.
type Figure struct {
	Value      float64   `json:"value"`
	Unit       string    `json:"unit"`
	ValueUSD   *float64  `json:"value_usd,omitempty"`
	Qualifier  Qualifier `json:"qualifier"`
	ValueText  string    `json:"value_text"`
	UnitText   string    `json:"unit_text,omitempty"`
	Correction string    `json:"correction,omitempty"`

	// Number is the numeric part as written (77 in a table whose unit is
	// USD billion); a rescale multiplies it by the corrected unit scale.
	Number float64 `json:"-"`
	// Written is the value as the document states it, before any curation;
	// consistency checks compare written values.
	Written float64 `json:"-"`
	// WrittenUSD is the USD value before any curation (nil when none).
	WrittenUSD *float64 `json:"-"`
}

// USD returns a pointer to v, for ValueUSD.
func USD(v float64) *float64 { return &v }

// Trade is one trade figure in one mention.
type Trade struct {
	RecordID    string `json:"record_id"`
	ClaimID     string `json:"claim_id"`
	Indicator   string `json:"indicator"`
	Product     string `json:"product,omitempty"`
	Exporter    string `json:"exporter,omitempty"`
	Importer    string `json:"importer,omitempty"`
	Reporter    string `json:"reporter,omitempty"`
	Attribution string `json:"attribution,omitempty"`
	PeriodFields
	Figure
	Provenance

	// When is the period as a value, for checks and merging.
	When Period `json:"-"`
	// Table is the caption of the table the figure comes from ("" for prose).
	Table string `json:"-"`
}

// FDI is one investment, loan or credit figure in one mention.
type FDI struct {
	RecordID    string `json:"record_id"`
	ClaimID     string `json:"claim_id"`
	Measure     string `json:"measure"`
	Investor    string `json:"investor,omitempty"`
	Host        string `json:"host,omitempty"`
	Lender      string `json:"lender,omitempty"`
	Project     string `json:"project,omitempty"`
	Attribution string `json:"attribution,omitempty"`
	PeriodFields
	Figure
	Provenance

	When  Period `json:"-"`
	Table string `json:"-"`
}

// Visit is one real-world visit or meeting, with its mentions merged.
type Visit struct {
	RecordID string `json:"record_id"`
	DateFields
	Visitor        string `json:"visitor"`
	VisitorRole    string `json:"visitor_role,omitempty"`
	VisitorCountry string `json:"visitor_country,omitempty"`
	HostCountry    string `json:"host_country,omitempty"`
	Place          string `json:"place,omitempty"`
	Kind           string `json:"kind"`
	Mentions       int32  `json:"mentions"`
	Provenance

	// EventKey identifies the real-world event across records ("" when
	// records cannot be told to be the same event): consistency checks
	// compare the dates of records with one key.
	EventKey string `json:"-"`
	// When is the date as a value.
	When Period `json:"-"`
}

// Agreement is one real-world agreement event, with its mentions merged.
type Agreement struct {
	RecordID string `json:"record_id"`
	DateFields
	Title    string   `json:"title"`
	Kind     string   `json:"kind"`
	Event    string   `json:"event"`
	Parties  []string `json:"parties"`
	Mentions int32    `json:"mentions"`
	Provenance

	// EventKey identifies the document event across records (kind family,
	// the title's distinctive words, the kind of event): records with one
	// key and dates that do not overlap disagree.
	EventKey string `json:"-"`
	// When is the date as a value.
	When Period `json:"-"`
}

// VisitMention is one mention of a visit or meeting in one document, before
// mentions are merged into Visits.
type VisitMention struct {
	ClaimID        string `json:"claim_id"`
	When           Period `json:"-"`
	Visitor        string `json:"visitor"`
	VisitorRole    string `json:"visitor_role,omitempty"`
	VisitorCountry string `json:"visitor_country,omitempty"`
	HostCountry    string `json:"host_country,omitempty"`
	Place          string `json:"place,omitempty"`
	Kind           string `json:"kind"`
	Provenance
}

// AgreementMention is one mention of an agreement event in one document,
// before mentions are merged into Agreements.
type AgreementMention struct {
	ClaimID string   `json:"claim_id"`
	When    Period   `json:"-"`
	Title   string   `json:"title"`
	Kind    string   `json:"kind"`
	Event   string   `json:"event"`
	Parties []string `json:"parties"`
	Provenance
}

// Category is the dataset a claim supports.
type Category string

// The categories.
const (
	CatTrade     Category = "trade"
	CatFDI       Category = "fdi"
	CatVisit     Category = "visit"
	CatAgreement Category = "agreement"
	CatOther     Category = "other"
)

// Claim is one mention of anything dated in one document.
type Claim struct {
	ClaimID  string   `json:"claim_id"`
	Category Category `json:"category"`
	RecordID string   `json:"record_id,omitempty"`
	DateFields
	Provenance
}

// Source is one row of the sources dataset.
type Source struct {
	SourceID          string `json:"source_id"`
	Path              string `json:"path"`
	SHA256            string `json:"sha256"`
	Bytes             int64  `json:"bytes"`
	Title             string `json:"title,omitempty"`
	Author            string `json:"author,omitempty"`
	Publisher         string `json:"publisher,omitempty"`
	URL               string `json:"url,omitempty"`
	Published         string `json:"published,omitempty"`
	PublishedStart    string `json:"published_start,omitempty"`
	PublishedEnd      string `json:"published_end,omitempty"`
	PublishedBasis    string `json:"published_basis,omitempty"`
	PublishedEvidence string `json:"published_evidence,omitempty"`
	Language          string `json:"language,omitempty"`
	License           string `json:"license,omitempty"`
}

// Conflict is one disagreement between records.
type Conflict struct {
	ConflictID string   `json:"conflict_id"`
	Kind       string   `json:"kind"`
	RecordIDs  []string `json:"record_ids"`
	Detail     string   `json:"detail"`
	CurationID string   `json:"curation_id,omitempty"`
}

// Curation is one curation entry and what it touched.
type Curation struct {
	CurationID string   `json:"curation_id"`
	Action     string   `json:"action"`
	Selector   string   `json:"selector"`
	Change     string   `json:"change,omitempty"`
	Reason     string   `json:"reason"`
	RecordIDs  []string `json:"record_ids"`
}

// ID returns a stable identifier: prefix, "-", and the first 16 hex digits
// of the SHA-256 of the parts (joined by a separator that cannot occur in
// them). The prefix keeps it text in every spreadsheet: never all digits,
// never e-notation.
func ID(prefix string, parts ...string) string {
	sum := sha256.Sum256([]byte(prefix + "\x1f" + strings.Join(parts, "\x1f")))
	return prefix + "-" + hex.EncodeToString(sum[:8])
}

// The identifier prefixes.
const (
	PrefixTrade     = "tr"
	PrefixFDI       = "fd"
	PrefixVisit     = "vi"
	PrefixAgreement = "ag"
	PrefixClaim     = "cl"
	PrefixConflict  = "cf"
)
