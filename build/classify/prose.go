package classify

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimpack/claimpack/build/diag"
	"github.com/claimpack/claimpack/build/extract/date"
	"github.com/claimpack/claimpack/build/extract/prose"
	"github.com/claimpack/claimpack/build/extract/quantity"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
	"github.com/claimpack/claimpack/build/source"
)

// Rules is the compiled form of the lexicon and options that prose
// classification uses. Build it once with NewRules; it is read-only and safe
// for concurrent use.
type Rules struct {
	Lex    *lexicon.Lexicon
	Focus  [2]string
	finder *quantity.Finder
}

// NewRules compiles the lexicon for prose classification.
func NewRules(lex *lexicon.Lexicon, opts Options) *Rules {
	return &Rules{Lex: lex, Focus: opts.Focus, finder: quantity.NewFinder(lex)}
}

func (r *Rules) focus(c string) bool { return c == r.Focus[0] || c == r.Focus[1] }

// other returns the focus country that is not c.
func (r *Rules) other(c string) string {
	if c == r.Focus[0] {
		return r.Focus[1]
	}
	return r.Focus[0]
}

// facts is what one sentence holds, with spans relative to its text.
type facts struct {
	s       prose.Sentence
	idx     int // index of the sentence in the document
	text    string
	masked  string // in-text citations and URLs blanked, same length as text
	dates   []date.Match
	qty     []quantity.Quantity
	nations []lexicon.Match // country names, outside quantities
	people  []lexicon.Match
	orgs    []lexicon.Match
	pairs   []lexicon.Match // "bilateral", "the two countries", …
	clauses []span
	kinds   []lexicon.Match // document kinds, once the agreement rules found them
	// entry is the date heading the sentence's paragraph as a dated entry
	// ("May 2015 – Chinese President Xi Jinping pays …"), if it is one
	entry      record.Period
	entryFirst bool // the sentence that starts with it
	// aliases are the people named by a family name alone ("Li arrived in
	// Minsk on Monday"), as rolePerson spans
	aliases []rolePerson
	// topicCache holds the trade and investment terms of each clause read
	topicCache map[span][]topicTerm
	// caches of what rules ask again and again: the tokens of the text,
	// where a participle before each date starts, whether each date
	// follows a word of another event
	toks         []tok
	participleAt []int
	otherEventAt []int8
	scopeCache   map[span][]lexicon.Match
}

// alias is a person a family name stands for: a name of the lexicon
// (known) or one read after a role.
type alias struct {
	name, country string
	known         bool
	clash         bool // two people of the document share the name
}

var nameToken = regexp.MustCompile(`^\p{Lu}[\p{Ll}’'-]+$`)

// learnAlias records the first and last word of a person's name as names
// that stand for them later in the document ("Li" for Li Qiang, "Turchin"
// for Alexander Turchin); a word two people share stands for neither.
func (st *docState) learnAlias(name, country string, known bool) {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return
	}
	for _, w := range []string{ws[0], ws[len(ws)-1]} {
		if !nameToken.MatchString(w) {
			continue
		}
		if a, ok := st.aliases[w]; ok && a.name != name {
			a.clash = true
			st.aliases[w] = a
			continue
		}
		st.aliases[w] = alias{name: name, country: country, known: known}
	}
}

// findAliases finds the family names of people named before in the
// sentence, outside the names already found: known people join f.people,
// others f.aliases.
func (r *Rules) findAliases(f *facts, st *docState) {
	if len(st.aliases) == 0 {
		return
	}
	for _, m := range wordRE.FindAllStringIndex(f.masked, -1) {
		w := f.masked[m[0]:m[1]]
		a, ok := st.aliases[w]
		if !ok || a.clash {
			continue
		}
		inside := false
		for _, ms := range [][]lexicon.Match{f.people, f.orgs, f.nations} {
			for _, p := range ms {
				inside = inside || m[0] < p.End && m[1] > p.Start
			}
		}
		if inside || strings.HasPrefix(f.masked[m[1]:], " ") && nameToken.MatchString(firstWord(f.masked[m[1]:])) {
			continue // part of a longer name
		}
		if a.known {
			f.people = append(f.people, lexicon.Match{Start: m[0], End: m[1], Key: a.name, Term: w})
		} else {
			f.aliases = append(f.aliases, rolePerson{name: a.name, country: a.country, start: m[0], end: m[1]})
		}
	}
	sort.Slice(f.people, func(i, j int) bool { return f.people[i].Start < f.people[j].Start })
}

var wordRE = regexp.MustCompile(`\p{L}[\p{L}’'-]*`)

func firstWord(s string) string {
	if fs := strings.Fields(s); len(fs) > 0 {
		return strings.Trim(fs[0], ".,;:!?")
	}
	return ""
}

// entryDash is what follows the date heading an entry of a chronology.
var entryDash = regexp.MustCompile(`^\s*(?:[–—:]|-{1,2})\s`)

// entryDate returns the date a sentence starts with when a dash or colon
// follows it, or the date that is the whole sentence: the heading of a
// dated entry.
func entryDate(f *facts) (record.Period, bool) {
	if len(f.dates) == 0 {
		return record.Period{}, false
	}
	d := f.dates[0] // only the first date can open the sentence
	if strings.Trim(f.masked[:d.Start], " \t-•*–·▪◦") != "" || !d.Period.Resolved() {
		return record.Period{}, false
	}
	rest := f.masked[d.End:]
	// "2013, July — …": the year, then its month
	if len(f.dates) > 1 {
		m := f.dates[1]
		if strings.TrimSpace(f.masked[d.End:m.Start]) == "," && m.Period.Resolved() &&
			!m.Period.Start.Before(d.Period.Start) && !m.Period.End.After(d.Period.End) && entryDash.MatchString(f.masked[m.End:]) {
			return m.Period, true
		}
	}
	// "2014 (January) — …": a month in brackets reads as no date alone
	if m := monthInBrackets.FindStringSubmatch(rest); m != nil && entryDash.MatchString(rest[len(m[0]):]) {
		both := m[1] + " " + f.masked[d.Start:d.End]
		if ms := date.Find(both, date.Anchor{}); len(ms) == 1 && ms[0].Period.Resolved() && ms[0].Period.Text == both {
			return ms[0].Period, true
		}
	}
	// "May 2015 – …", a date alone ("1–2 September."), or a date and a
	// place ("• 17 April, Beijing: talks with …")
	if entryDash.MatchString(rest) || strings.Trim(rest, " .:") == "" || entryPlace.MatchString(rest) {
		return d.Period, true
	}
	return record.Period{}, false
}

var monthInBrackets = regexp.MustCompile(`^\s*\(\s*(\p{Lu}\p{Ll}+)\s*\)`)

var entryPlace = regexp.MustCompile(`^,\s*\p{Lu}[\p{L}'’ -]{1,30}:\s`)

// future reports a period that starts after the document's publication:
// what it dates has not happened when the document was written.
func (st *docState) future(p record.Period) bool {
	return p.Resolved() && st.anchor.Resolved() && p.Start.After(st.anchor.End)
}

// planned finds the grammar of an event yet to come: "is due to meet",
// "will sign", "the upcoming visit". Words of plans and forecasts
// ("expected to", "scheduled", "plans to") are the lexicon's, key
// forecast.
var planned = regexp.MustCompile(`(?i)\b(will|shall|would|to be|(?:is|are) due to|intends? to|(?:is|are) to (?:visit|meet|sign|hold|travel|attend)|upcoming|forthcoming)\b`)

// notYet reports an event of a sentence, its word at [at, end), that has
// not happened when the document was written: dated after the
// publication and told as planned. An event told as done ("paid an
// official visit on 3 March 2026") but dated after the publication date
// in sources.yaml is kept, since the text is the evidence, with a warning
// that the publication date may be too early (an inferred one often is,
// and a document may be updated).
func (r *Rules) notYet(f *facts, st *docState, c span, at, end int, when record.Period, what string, res *Result) bool {
	if !st.future(when) {
		return false
	}
	window := f.masked[max(c.start, at-60):min(c.end, end+40)]
	if planned.MatchString(window) {
		return true
	}
	for _, m := range r.Lex.ScopeDict.Find(window) {
		if m.Key == "forecast" {
			return true
		}
	}
	line, col := st.doc.Position(f.s.Start + at)
	m := st.doc.Meta
	res.Diags.Add(diag.Warning, "after-publication", st.doc.Path, line, col,
		"%s dated %s, after the document's publication date %s (%s in sources.yaml): kept as written; check the publication date",
		what, when.EDTF, m.Published, m.PublishedBasis)
	return false
}

// sameOccasion reports a sentence that goes on listing what was signed at
// the signing told of within the last six sentences: "On the same
// occasion, …", "In addition, … signed …", "… also signed …".
func (st *docState) sameOccasion(f *facts) bool {
	return sameOccasion.MatchString(f.masked) && st.lastSigned.Resolved() && f.idx-st.lastSignedS <= 6
}

// listFragment reports a list item without a verb of the present: "- of
// which exports USD 1.83 billion, imports USD 7.14 billion". It goes on
// from the item before it as a past-tense sentence does.
func listFragment(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || !strings.ContainsRune("-•*–·▪◦", []rune(t)[0]) {
		return false
	}
	l := " " + strings.ToLower(t) + " "
	for _, w := range presentWords {
		if strings.Contains(l, w) {
			return false
		}
	}
	return true
}

// startsLine reports whether offset i starts a line (after white space).
func startsLine(doc *source.Doc, i int) bool {
	for i > 0 && (doc.Data[i-1] == ' ' || doc.Data[i-1] == '\t') {
		i--
	}
	return i == 0 || doc.Data[i-1] == '\n' || doc.Data[i-1] == '\r'
}

// entryOr returns the entry date of the sentence's paragraph when p is
// unresolved; a later sentence of the entry takes it with basis context.
func (f *facts) entryOr(p record.Period) record.Period {
	if p.Resolved() || !f.entry.Resolved() {
		return p
	}
	e := f.entry
	if !f.entryFirst {
		e.Basis = record.Context
	}
	return e
}

type span struct{ start, end int }

func (s span) contains(i int) bool { return i >= s.start && i < s.end }

// docState is what reading a document has established so far: the
// context that later sentences lean on. It lives for one document.
type docState struct {
	doc           *source.Doc
	anchor        record.Period     // publication date, for relative dates
	lastDate      record.Period     // most recent resolved date in the body
	lastDateS     int               // index of the sentence it came from
	lastDateBlock int               // and its block
	chained       bool              // lastDateS took the date from the sentences before it
	lastEdge      date.Edge         // the edge lastDate was written with ("at the start of")
	lastPerson    map[string]string // country → canonical name last mentioned
	lastAny       string            // canonical name last mentioned
	lastBank      string            // the bank last named, for "the bank"
	lastSigned    record.Period     // the date of the signing last told of
	lastSignedS   int               // and its sentence
	lastMoneyUnit string            // the currency of the last money figure
	lastMoneyS    int               // and its sentence
	listIntro     string            // the heading or lead-in a list follows
	listIntroS    int               // and its sentence
	blockNations  map[int]map[string]bool
	blockLeaders  map[int]map[string]bool // focus countries of the people a paragraph names
	prevNations   map[string]bool         // countries of the previous sentence
	lastVisit     record.VisitMention     // the visit last mentioned
	framePair     bool                    // the document's title names the focus pair
	entries       map[int]record.Period   // block → the date heading it as an entry
	aliases       map[string]alias        // a family name → the person it stands for in this document
	ids           *ids
}

var (
	// An in-text citation: "(Zberenovskaya 2024)", "(Ministry of Foreign
	// Affairs of the People’s Republic of China 2024a)", "(Tozik et al. 2014)".
	inTextCitation = regexp.MustCompile(`\(\s*\p{Lu}[^()\d]{1,200}?\s(?:19|20)\d{2}[a-z]?(?:[;,][^()]{0,80})?\)`)
	monthWord      = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|in|since|until|by)\b`)
	urlText        = regexp.MustCompile(`(?i)(https?://|www\.)\S+`)
	// A date after these words dates some other event than the clause's.
	otherEvent = regexp.MustCompile(`(?i)\b(after|before|following|prior to|since|until|upon|than|compared with|compared to|from)\b`)
	// A news dateline, "MINSK, June 12, 2024 (Eastwire) --": the date of
	// the story, not of what it tells.
	dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'-]+,\s[^()\n]{4,40}?(?:\([^)\n]{1,40}\))?\s*(?:--|—|–)\s`)
)

// mask blanks in-text citations, URLs and a news dateline so that their
// years are not dates of the claim, keeping every offset.
func mask(text string) string {
	b := []byte(text)
	blank := func(a, z int) {
		for i := a; i < z; i++ {
			b[i] = ' ' // every byte of a multi-byte rune too: still valid UTF-8
		}
	}
	for _, m := range inTextCitation.FindAllStringIndex(text, -1) {
		inner := text[m[0]+1 : m[1]-1]
		if monthWord.MatchString(strings.SplitN(inner, " ", 2)[0]) {
			continue // "(in May 2015)" is a date, not a citation
		}
		blank(m[0], m[1])
	}
	for _, m := range urlText.FindAllStringIndex(text, -1) {
		blank(m[0], m[1])
	}
	if m := dateline.FindStringIndex(text); m != nil {
		blank(m[0], m[1])
	}
	return string(b)
}

// clauseBreak separates the clauses of a sentence: semicolons, dashes,
// and the conjunctions that start a contrasting clause.
var clauseBreak = regexp.MustCompile(`;|\s[–—ጀ]\s|\s+ጀ\s+|,?\s+(?:while|whereas|but|although)\s|,\s+(where|which|who)\s`)

// clausesOf splits a sentence into clauses. A relative clause starts at
// its pronoun ("…, which reached a new high"), so that the noun it is about
// can be found before it.
func clausesOf(text string) []span {
	var out []span
	start := 0
	for _, m := range clauseBreak.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, span{start, m[0]})
		start = m[1]
		if m[2] >= 0 {
			start = m[2]
		}
	}
	return append(out, span{start, len(text)})
}

// analyse finds the dates, quantities and names of a sentence.
func (r *Rules) analyse(s prose.Sentence, st *docState) *facts {
	f := &facts{s: s, text: s.Text, masked: mask(s.Text)}
	// a day or month without its year is of the story's own time when the
	// last date read is in another paragraph or there is none ("In June,
	// the two governments signed …" in a September news story)
	a := date.Anchor{Published: st.anchor, Context: st.lastDate}
	if !st.lastDate.Resolved() || st.lastDateBlock != s.Block {
		a.Partial = st.anchor
	}
	f.dates = date.Find(f.masked, a)
	// a comparison base ("12 percent less than in 2023") is no context for
	// what follows it ("which placed China fifth … that year"): resolve
	// again without it
	var bases []date.Match
	for _, d := range f.dates {
		if d.Period.Resolved() && d.Period.Basis == record.Explicit && baseOf.MatchString(lastWords(f.masked[:d.Start], 3)) {
			bases = append(bases, d)
		}
	}
	if len(bases) > 0 {
		b := []byte(f.masked)
		for _, d := range bases {
			for i := d.Start; i < d.End; i++ {
				b[i] = ' '
			}
		}
		again := append(bases, date.Find(string(b), a)...)
		sort.Slice(again, func(i, j int) bool { return again[i].Start < again[j].Start })
		f.dates = again
	}
	f.dates = yearFromLater(f.dates)
	// Quantities on the text with dates blanked: the day of "March 28,
	// 2015" is no count.
	qtext := []byte(f.masked)
	for _, d := range f.dates {
		for i := d.Start; i < d.End; i++ {
			qtext[i] = ' '
		}
	}
	f.qty = r.finder.Find(string(qtext))
	// Names outside quantities: "Russian rubles" names a currency, not Russia.
	ntext := []byte(f.masked)
	for _, q := range f.qty {
		if q.Kind == quantity.Money {
			for i := q.Start; i < q.End; i++ {
				ntext[i] = ' '
			}
		}
	}
	f.nations = r.Lex.CountryDict.Find(string(ntext))
	f.people = r.Lex.PersonDict.Find(f.masked)
	f.orgs = r.Lex.OrgDict.Find(f.masked)
	f.pairs = r.Lex.PairDict.Find(f.masked)
	f.clauses = clausesOf(f.text)
	return f
}

// yearFromLater gives a month or day written without its year the year of
// a fuller date later in the same sentence, when none comes before it:
// "The agreement …, signed in June, had entered into force on 1 November
// 2025" (June 2025; a month after the later one is of the year before).
func yearFromLater(ds []date.Match) []date.Match {
	for i, d := range ds {
		if i > 0 || d.Period.Basis == record.Explicit || !d.Period.Resolved() || fourDigits.MatchString(d.Period.Text) ||
			d.Period.Precision != record.Month && d.Period.Precision != record.Day {
			continue
		}
		for _, e := range ds[i+1:] {
			if e.Period.Basis != record.Explicit || !e.Period.Resolved() || !fourDigits.MatchString(e.Period.Text) || e.Open != date.OpenNone {
				continue // "In May alone …, the highest since March 2023": a bound says nothing
			}
			y := e.Period.Start.Year()
			if d.Period.Start.Month() > e.Period.Start.Month() {
				y--
			}
			if shift := y - d.Period.Start.Year(); shift != 0 {
				p := d.Period
				old, now := fmt.Sprintf("%04d", p.Start.Year()), fmt.Sprintf("%04d", y)
				p.Start, p.End = p.Start.AddDate(shift, 0, 0), p.End.AddDate(shift, 0, 0)
				p.EDTF = strings.ReplaceAll(p.EDTF, old, now)
				p.Basis = record.Context
				ds[i].Period = p
			}
			break
		}
	}
	return ds
}

var fourDigits = regexp.MustCompile(`\b\d{4}\b`)

// dateAt reports whether a date starts at offset i.
func (f *facts) dateAt(i int) bool {
	for _, d := range f.dates {
		if d.Start == i {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// dateAfter returns the first resolved date starting within n words after
// offset i, in the same clause.
func (f *facts) dateAfter(i, n int) (date.Match, bool) {
	c := f.clause(i)
	for _, d := range f.dates {
		if d.Start >= i && c.contains(d.Start) && d.Period.Resolved() && words(f.masked[i:d.Start]) <= n {
			return d, true
		}
	}
	return date.Match{}, false
}

// clauseDate returns the date nearest to offset i within its clause only.
func (f *facts) clauseDate(i int) (date.Match, bool) {
	d, ok := f.nearestDate(i)
	if !ok || !f.clause(i).contains(d.Start) {
		return date.Match{}, false
	}
	return d, true
}

// clause returns the clause holding offset i.
func (f *facts) clause(i int) span {
	for _, c := range f.clauses {
		if c.contains(i) {
			return c
		}
	}
	return span{0, len(f.text)}
}

// nationsIn returns the distinct countries named in [a, b), in order.
func (f *facts) nationsIn(a, b int) []string {
	var out []string
	for _, m := range f.nations {
		if m.Start >= a && m.End <= b && !contains(out, m.Key) {
			out = append(out, m.Key)
		}
	}
	return out
}

// hasPair reports whether [a, b) names the two countries together.
func (f *facts) hasPair(a, b int) bool {
	for _, m := range f.pairs {
		if m.Start >= a && m.End <= b {
			return true
		}
	}
	return false
}

// nearestDate returns the date nearest to offset i, preferring the clause
// that holds i; ok is false when the sentence has no date. A date that
// dates another event ("After becoming independent in August 1991, …")
// counts only when no other date is near.
func (f *facts) nearestDate(i int) (date.Match, bool) {
	c := f.clause(i)
	best, bestD := -1, 1<<30
	for k, d := range f.dates {
		dist := abs(d.Start - i)
		if d.End <= i {
			dist = i - d.End
		}
		if !c.contains(d.Start) {
			dist += 1 << 20
		}
		if f.datesOtherEvent(k) {
			dist += 1 << 12
		}
		if dist < bestD {
			best, bestD = k, dist
		}
	}
	if best < 0 {
		return date.Match{}, false
	}
	return f.dates[best], true
}

// datesOtherEvent reports whether the k-th date follows a word that ties
// it to another event ("after becoming independent in August 1991", "up
// from 2022"), within four words and not past a comma or another date.
func (f *facts) datesOtherEvent(k int) bool {
	if len(f.otherEventAt) != len(f.dates) {
		f.otherEventAt = make([]int8, len(f.dates))
	}
	if f.otherEventAt[k] == 0 {
		f.otherEventAt[k] = 2
		if f.computeOtherEvent(k) {
			f.otherEventAt[k] = 1
		}
	}
	return f.otherEventAt[k] == 1
}

func (f *facts) computeOtherEvent(k int) bool {
	d := f.dates[k]
	lo := 0
	if k > 0 {
		lo = f.dates[k-1].End
	}
	lo = max(lo, d.Start-80) // four words back at most
	if i := strings.LastIndexAny(f.masked[lo:d.Start], ",;"); i >= 0 {
		lo += i + 1
	}
	return otherEvent.MatchString(lastWords(f.masked[lo:d.Start], 4))
}

// asideDate reports a date in brackets when the sentence has a date
// outside them: "11.4 % (January–May 2024: 10.6 %)" is an aside, no
// context for what follows.
func (f *facts) asideDate(k int) bool {
	inParens := func(d date.Match) bool {
		open := strings.LastIndexByte(f.masked[:d.Start], '(')
		return open >= 0 && strings.LastIndexByte(f.masked[:d.Start], ')') < open
	}
	if !inParens(f.dates[k]) {
		return false
	}
	if strings.HasPrefix(strings.TrimLeft(f.masked[f.dates[k].End:], " "), ":") {
		return true // "(January–May 2024: 10.6 %)": the label of a comparison
	}
	for j, d := range f.dates {
		if j != k && !inParens(d) && d.Period.Resolved() {
			return true
		}
	}
	return false
}

// baseDate reports whether the k-th date is the base of a comparison ("up
// 9.1 percent on 2023", "from USD 3.32 billion in 2021", "than in 2023"):
// the story goes on in the other date, so this one is no context.
func (f *facts) baseDate(k int) bool {
	return baseOf.MatchString(lastWords(f.masked[:f.dates[k].Start], 3))
}

var baseOf = regexp.MustCompile(`(?i)(?:\b(?:from|than|compared with|compared to|against|versus|over)(?:\s+in)?|(?:%|\bpercent|\bper cent|\bchange|\bincrease|\bdecrease|\bgrowth|\bdecline)\s+on)\s*$`)

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Prose classifies the sentences of a document: trade and fdi figures,
// visit and agreement mentions, and dated claims that are none of these.
func (r *Rules) Prose(doc *source.Doc, sents []prose.Sentence, res *Result) {
	st := &docState{doc: doc, lastPerson: map[string]string{}, blockNations: map[int]map[string]bool{}, blockLeaders: map[int]map[string]bool{}, entries: map[int]record.Period{}, aliases: map[string]alias{}, ids: newIDs(doc.ID)}
	if doc.Meta.HasPublished() {
		st.anchor = record.Period{EDTF: doc.Meta.Published, Start: doc.Meta.PublishedStart, End: doc.Meta.PublishedEnd, Basis: record.Explicit}
	}
	st.framePair = r.namesPair(doc.Meta.Title)
	var lead []int // the first paragraphs of the body: a lead naming both frames the document too
	leadNations := map[string]bool{}
	for _, s := range sents {
		if s.Section == record.Body && !s.Heading {
			break
		}
		st.framePair = st.framePair || s.Heading && r.namesPair(s.Text)
	}
	all := make([]*facts, len(sents))
	for i, s := range sents {
		if s.Section == record.Reference || s.Heading {
			continue
		}
		f := r.analyse(s, st)
		f.idx = i
		all[i] = f
		// a sentence that starts with a date and a dash heads an entry, to
		// the next such sentence or the paragraph's end; a timeline may
		// hold one entry per line in one paragraph
		if e, ok := entryDate(f); ok && (i == 0 || sents[i-1].Block != s.Block || startsLine(doc, s.Start)) {
			st.entries[s.Block] = e
			f.entryFirst = true
		}
		f.entry = st.entries[s.Block]
		bn := st.blockNations[s.Block]
		if bn == nil {
			bn = map[string]bool{}
			st.blockNations[s.Block] = bn
		}
		for _, n := range r.namedCountries(f) {
			bn[n] = true
		}
		if len(lead) < 3 && s.Section == record.Body && s.End-s.Start >= 80 && (len(lead) == 0 || lead[len(lead)-1] != s.Block) {
			lead = append(lead, s.Block) // the first three real paragraphs, past datelines and bylines
		}
		for _, b := range lead {
			for _, n := range r.namedCountries(f) {
				if s.Block == b {
					leadNations[n] = true
				}
			}
		}
		if leadNations[r.Focus[0]] && leadNations[r.Focus[1]] {
			st.framePair = true
		}
		if len(f.pairs) > 0 {
			bn["pair"] = true
		}
		for _, m := range f.people {
			if p, ok := r.Lex.Person(m.Key); ok && r.focus(p.Country) {
				if st.blockLeaders[s.Block] == nil {
					st.blockLeaders[s.Block] = map[string]bool{}
				}
				st.blockLeaders[s.Block][p.Country] = true
			}
		}
		// resolve dates against the running context before moving on
		if s.Section == record.Body || s.Section == record.Caption {
			for k, d := range f.dates {
				if d.Period.Resolved() && (d.Period.Basis == record.Explicit || d.Period.Basis == record.Relative) && !f.baseDate(k) && !f.asideDate(k) {
					st.lastDate, st.lastDateS, st.lastDateBlock = d.Period, i, s.Block
				}
			}
		}
	}
	defer r.reportUnresolved(doc, res, len(res.Trade), len(res.FDI), len(res.Visits), len(res.Agreements))
	perBlock := map[int]int{} // sentences per paragraph
	for _, s := range sents {
		perBlock[s.Block]++
	}
	// Second pass in order: the context (previous sentence, last person)
	// must be what a reader knows at that point.
	st.lastDate = record.Period{}
	for i, f := range all {
		if t := strings.TrimSpace(sents[i].Text); sents[i].Heading || strings.HasSuffix(t, ":") || len(t) < 100 && !strings.ContainsAny(t[len(t)-1:], ".!?;") {
			// what a list under it is about: "2. Documents signed during
			// the visit", "The following documents were signed:"
			st.listIntro, st.listIntroS = sents[i].Text, i
		}
		if f == nil {
			continue
		}
		r.findAliases(f, st)
		if f.s.Section == record.Footnote {
			r.footnoteAgreements(f, st, res)
			// a note that names a document outside quotes tells of it as
			// the body does ("6 Agreement between … on the Promotion and
			// Mutual Protection of Investments, signed in Beijing on 11
			// January 1993."); quoted titles are cited works, read above
			g := *f
			g.masked = blankQuoted(f.masked)
			r.agreements(&g, st, res)
			// an explanatory note states figures as body text does; the
			// titles it cites (in quotes) are no claims
			f.qty = outsideQuotes(f)
			r.figures(f, st, res)
		} else {
			r.figures(f, st, res)
			r.visits(f, st, res)
			r.agreements(f, st, res)
		}
		for _, p := range f.people {
			if per, ok := r.Lex.Person(p.Key); ok {
				st.lastPerson[per.Country] = p.Key
				st.lastAny = p.Key
				st.learnAlias(per.Name, per.Country, true)
			}
		}
		for _, p := range r.rolePeople(f, span{0, len(f.text)}) {
			if p.country != "" {
				st.learnAlias(p.name, p.country, false)
			}
		}
		for _, m := range f.orgs {
			if o, ok := r.Lex.Organisation(m.Key); ok && o.Kind == "bank" {
				st.lastBank = o.Name
			}
		}
		st.prevNations = map[string]bool{}
		for _, n := range r.namedCountries(f) {
			st.prevNations[n] = true
		}
		if len(f.pairs) > 0 {
			st.prevNations["pair"] = true
		}
		if f.s.Section == record.Body || f.s.Section == record.Caption {
			dated := false
			for k, d := range f.dates {
				if d.Period.Resolved() && (d.Period.Basis == record.Explicit || d.Period.Basis == record.Relative) && !f.baseDate(k) && !f.asideDate(k) {
					st.lastDate, st.lastDateS, st.lastDateBlock, st.chained = d.Period, i, f.s.Block, false
					st.lastEdge = d.Edge
					dated = true
				}
			}
			// a paragraph that goes on telling the same past passes its
			// date on from sentence to sentence
			_, took := st.contextDate(f)
			if intro := strings.HasSuffix(strings.TrimSpace(f.text), ":"); (took || intro && st.lastDateS == i-1) && !dated {
				switch {
				case listFragment(f.masked) || intro:
					// a list goes on from item to item, and through the
					// lead-in of the next list ("Structure of trade:")
					st.lastDateS, st.lastDateBlock, st.chained = i, f.s.Block, false
				case f.s.Block == st.lastDateBlock:
					st.lastDateS, st.chained = i, true
				case perBlock[f.s.Block] == 1:
					// wire copy, a sentence per paragraph: the story goes on
					st.lastDateS, st.lastDateBlock, st.chained = i, f.s.Block, false
				}
			}
		}
	}
}

// reportUnresolved adds a diagnostic for every record of this document
// (those after the given counts) whose date expression could not be
// resolved: "last year" in a document without a publication date, "the
// same year" with nothing before it. The record stays, undated.
func (r *Rules) reportUnresolved(doc *source.Doc, res *Result, nt, nf, nv, na int) {
	report := func(p record.Period, prov record.Provenance) {
		if p.Basis != record.Unresolved || p.Text == "" {
			return
		}
		line, col := doc.Position(int(prov.ByteStart))
		why := "no date before it to resolve it against"
		if !doc.Meta.HasPublished() {
			why = "the document has no publication date in sources.yaml"
		}
		res.Diags.Add(diag.Warning, "unresolved-date", doc.Path, line, col, "date %q left unresolved: %s", p.Text, why)
	}
	for _, x := range res.Trade[nt:] {
		report(x.When, x.Provenance)
	}
	for _, x := range res.FDI[nf:] {
		report(x.When, x.Provenance)
	}
	for _, x := range res.Visits[nv:] {
		report(x.When, x.Provenance)
	}
	for _, x := range res.Agreements[na:] {
		report(x.When, x.Provenance)
	}
}

// contextDate is the date a sentence without one takes from the sentence
// right before it (or from the one that gave it to that sentence, within a
// paragraph) when it goes on telling the past ("During the early
// 2010s, … developed smoothly. … an agreement on … was reached"): basis
// context. The sentence before may end the previous paragraph, as in wire
// copy written a sentence per paragraph, but not across a heading, and
// only a date written in that sentence. A present-tense sentence takes
// none.
func (st *docState) contextDate(f *facts) (record.Period, bool) {
	if !st.lastDate.Resolved() || st.lastDateS != f.idx-1 || !(pastTense(f.masked) || listFragment(f.masked)) ||
		st.lastDateBlock != f.s.Block && (st.lastDateBlock != f.s.Block-1 || st.chained) {
		return record.Period{}, false
	}
	p := st.lastDate
	p.Basis = record.Context
	return p, true
}

// blankQuoted blanks the quoted titles of a text, keeping offsets.
func blankQuoted(text string) string {
	b := []byte(text)
	for _, m := range quoted.FindAllStringIndex(text, -1) {
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// outsideQuotes drops the quantities inside quoted titles: "“China's Exim
// to lend Belarus $1 bln for grid upgrade,” Reuters".
func outsideQuotes(f *facts) []quantity.Quantity {
	titles := quoted.FindAllStringIndex(f.text, -1)
	var out []quantity.Quantity
	for _, q := range f.qty {
		in := false
		for _, t := range titles {
			in = in || q.Start >= t[0] && q.End <= t[1]
		}
		if !in {
			out = append(out, q)
		}
	}
	return out
}

// namesPair reports whether a title names both focus countries, or a
// word for the pair.
func (r *Rules) namesPair(title string) bool {
	var in []string
	for _, m := range r.Lex.CountryDict.Find(title) {
		in = append(in, m.Key)
	}
	return containsAll(in, r.Focus[:]) || len(r.Lex.PairDict.Find(title)) > 0
}

// namedCountries lists the countries a sentence names, directly or
// through the people and bodies it names (Lukashenka names Belarus, the
// Export-Import Bank of China names China).
func (r *Rules) namedCountries(f *facts) []string {
	var out []string
	for _, m := range f.nations {
		out = append(out, m.Key)
	}
	for _, m := range f.people {
		if p, ok := r.Lex.Person(m.Key); ok {
			out = append(out, p.Country)
		}
	}
	for _, m := range f.orgs { // "China Development Bank", "Belarusbank"
		if o, ok := r.Lex.Organisation(m.Key); ok && o.Country != "" {
			out = append(out, o.Country)
		}
	}
	return out
}

// provenance returns the provenance of a claim quoted as [a, b) of the
// sentence.
func provenance(doc *source.Doc, f *facts, a, b int, rule string) record.Provenance {
	start, end := f.s.Start+a, f.s.Start+b
	line, _ := doc.Position(start)
	return record.Provenance{
		SourceID: doc.ID, SourceSHA256: doc.SHA256,
		ByteStart: int64(start), ByteEnd: int64(end), Line: int32(line),
		Quote:   string(doc.Data[start:end]),
		Section: f.s.Section, Method: record.ByProse, Rule: rule,
	}
}
