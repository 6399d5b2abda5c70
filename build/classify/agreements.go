package classify

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/claimpack/claimpack/build/extract/date"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
)

// An agreement event is a kind of document ("treaty", "joint statement",
// "Directive") and an event word ("signed", "ratified", "adopted",
// "entered into force", "elevated") in one clause, with:
//
//   - parties: the focus pair, named in the clause or sentence, or by a
//     word for the pair ("the two countries", "they" after a sentence that
//     names both), or, for a directive or decree, the country of its
//     issuer when the sentence or paragraph is about the other focus
//     country; no third country in the clause;
//   - a date in the sentence, or from the previous sentence when the
//     clause refers back ("on this occasion", "both sides agreed"); an
//     undated mention is a reference to an existing document, not an
//     event, and is skipped.
//
// Each document named in the clause is one mention, and each event word
// governing it one event ("signed and then ratified an agreement" gives
// two). The title is the quoted title, or the capitalised name around the
// kind word, or the words from its article to the end of its complement.

var (
	quoted    = regexp.MustCompile(`[“"]([^”"]{4,300})[”"]`)
	docNumber = regexp.MustCompile(`^\s*No\.\s*\d+`)
	titleWord = regexp.MustCompile(`^[\p{Lu}\d][\p{L}\d’'.-]*$`)
	titleJoin = map[string]bool{"of": true, "on": true, "and": true, "in": true, "the": true, "between": true, "for": true, "to": true, "with": true, "No.": true}
	referBack = regexp.MustCompile(`(?i)\b(on this occasion|on that occasion|at that time|both sides|the two sides|the same year|then)\b`)
	// "On the same occasion", "also signed", "In addition, … signed": the
	// signing last told of
	sameOccasion = regexp.MustCompile(`(?i)\b(on the same occasion|at the same ceremony|on the same day|the same day|also signed|in addition|among the documents|among them)\b`)
	// "Following the talks", "during the visit": the visit or meeting last
	// told of
	afterVisit = regexp.MustCompile(`(?i)\b(?:following|after|during|at|in the course of|on)\s+(?:the|these|those|this|that)\s+(?:talks|visit|meeting|negotiations|summit|consultations|trip|tour|stay)\b`)
)

func (r *Rules) agreements(f *facts, st *docState, res *Result) {
	r.ratificationLaws(f, st, res)
	kinds, events := r.documentWords(f)
	f.kinds = kinds
	var prev lexicon.Match // the document before, and what it underwent
	var prevEvs []lexicon.Match
	var last told // the document last recorded, for "it" in a later clause
	used := map[int]bool{}
	defer func() { r.pronounEvents(f, st, res, events, used, last) }()
	for _, k := range kinds {
		c := f.clause(k.Start)
		if k.Key == "partnership_status" && hasKindBefore(kinds, k, c) {
			continue // "a declaration elevating … to … partnership": the declaration is the document
		}
		if anniversaryOf.MatchString(f.masked[max(c.start, k.Start-60):k.Start]) ||
			amending.MatchString(lastWords(f.masked[c.start:k.Start], 2)) && !dateOfItsOwn(f, k, c) {
			// "the 35th anniversary of the establishment of diplomatic ties":
			// the date is the anniversary's; "Protocol amending the
			// Agreement …": the agreement is only its object
			continue
		}
		if strings.EqualFold(f.masked[k.Start:k.End], "documents") && (!countBefore(f, k, c) || vagueBefore.MatchString(lastWords(f.masked[c.start:k.Start], 3))) {
			continue // "documents" alone names documents only when counted: "16 … documents are signed"
		}
		if aliasOpen.MatchString(f.masked[max(0, k.Start-40):k.Start]) && aliasClose.MatchString(f.masked[k.End:min(len(f.masked), k.End+20)]) {
			continue // (the “1995 Agreement”): a short name for the document before
		}
		var ownDate *date.Match // the date written with a referenced document's name
		amended := amending.MatchString(lastWords(f.masked[c.start:k.Start], 2))
		evs := governing(f, k, events, c)
		if amended {
			evs = nil // "The Protocol amending the Agreement … was signed": the protocol was
		}
		if len(evs) == 0 && len(prevEvs) > 0 && c.contains(prev.Start) && andArticle.MatchString(f.masked[prev.End:k.Start]) &&
			!eventIn(events, prev.End, k.Start) {
			// "signed the Protocol on … and the Memorandum of …": one
			// event word governs the documents it coordinates
			evs = prevEvs
		}
		if len(evs) == 0 && listFragment(f.masked) && f.idx-st.listIntroS <= 12 && k.Start < len(f.masked)/2 {
			// an item of a list of documents under "Documents signed during
			// the visit": the list's event word is the item's
			if es := r.Lex.EventDict.Find(st.listIntro); len(es) > 0 {
				evs = []lexicon.Match{{Start: k.Start, End: k.Start, Key: es[0].Key}}
			}
		}
		prev, prevEvs = k, evs
		if len(evs) > 0 && r.generalReference(f, k, evs, c) {
			continue
		}
		if len(evs) == 0 {
			// "the 2013 Joint Declaration", "Directive No. 5 … from
			// September 2015": a dated reference to a specific document
			// mentions its adoption
			if e, d, ok := r.datedReference(f, k, c); ok {
				evs = []lexicon.Match{e}
				ownDate = d
			} else {
				continue
			}
		}
		parties, ok := r.parties(f, k, c, st)
		if !ok {
			continue
		}
		// a date after another participle is that one's: "signed the
		// Treaty … initialled on 15 September"
		g := f.withoutDatesAfterOther(evs)
		when, _ := r.agreementDate(g, k, c, st)
		if ownDate != nil && ownDate.Period.Resolved() {
			when = ownDate.Period // "Decree No. 166 of 5 June 2012"
		}
		if !when.Resolved() || cumulative(f, k, c) || r.notYet(f, st, c, k.Start, k.End, when, "an agreement", res) {
			continue
		}
		title := r.title(f, k, c)
		if financeContract.MatchString(f.masked[max(c.start, k.Start-30):k.End]) {
			// "a EUR 210 million syndicated loan agreement": a bank's
			// contract, an fdi record; its signing still dates what follows
			if w, _ := r.agreementDate(f, k, c, st); w.Resolved() {
				st.lastSigned, st.lastSignedS = w, f.idx
			}
			continue
		}
		a, b := quoteSpan(f, c)
		last = told{k: k, title: title, parties: parties}
		for _, e := range evs {
			used[e.Start] = true
			event := e.Key
			when := when
			if d, ok := f.dateAfter(e.End, 4); ok && d.Open == date.OpenNone && e.End > e.Start && !(ownDate != nil) {
				when = d.Period // "… was signed in Beijing on 12 November 2024"
			} else if (len(evs) > 1 || !c.contains(e.Start)) && e.End > e.Start {
				// "signed … on 10 December 2017 and entered into force on
				// 10 August 2018": each event its own date, the one right
				// after its word first
				if d, ok := f.dateAfter(e.End, 4); ok && d.Open == date.OpenNone {
					when = d.Period
				} else if d, ok := g.clauseDate(e.Start); ok && d.Period.Resolved() && d.Open == date.OpenNone {
					when = d.Period
				}
			}
			if strings.EqualFold(f.masked[e.Start:e.End], "in force") {
				// "has been in force since last July": in force from then
				for _, d := range f.dates {
					if d.Start >= e.End && words(f.masked[e.End:d.Start]) <= 1 && d.Period.Resolved() {
						when = d.Period
						break
					}
				}
			}
			kind := k.Key
			if kind == "agreement" && countBefore(f, k, c) {
				kind = "package" // "signed about 40 agreements"
			}
			if kind == "diplomatic_relations" {
				event = "announced"
			}
			if when.Resolved() {
				st.lastSigned, st.lastSignedS = when, f.idx
			}
			_, claimID := st.ids.next(record.PrefixClaim, "agreement", normalize(f.text), normalize(title), event, fmt.Sprint(k.Start))
			res.Agreements = append(res.Agreements, record.AgreementMention{
				ClaimID: claimID, When: when, Title: title, Kind: kind, Event: event, Parties: parties,
				Provenance: provenance(st.doc, f, a, b, "prose.agreement."+kind),
			})
		}
	}
}

// financeContract is a loan or credit contract named by its kind: its
// money is an fdi record; as a document it is a commercial contract.
var financeContract = regexp.MustCompile(`(?i)\b(loan|credit|credit line|facility|export credit|syndicated loan|financing)\s+agreements?$`)

var (
	andArticle     = regexp.MustCompile(`(?i)\band\s+(?:also\s+)?(?:the|a|an)\s+(?:\S+\s+){0,2}$`)
	participleNext = regexp.MustCompile(`^\s*$`)
)

var (
	aliasOpen  = regexp.MustCompile(`\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?)?[“"][^”"()]*$`)
	aliasClose = regexp.MustCompile(`^[^”"()]*[”"]\s*\)`)
)

// dateOfItsOwn reports a date written with a document's name: "Decree
// No. 166 of 5 June 2012", "the 1995 Agreement".
func dateOfItsOwn(f *facts, k lexicon.Match, c span) bool {
	if yearBeforeKind.MatchString(f.masked[c.start:k.Start]) {
		return true
	}
	for _, d := range f.dates {
		if d.Start > k.End && c.contains(d.Start) && dateAfterTitle.MatchString(f.masked[k.End:d.Start]) && !otherKindIn(f, k.End, d.Start, k) {
			return true
		}
	}
	return false
}

// eventIn reports whether an event word lies in [a, b).
func eventIn(events []lexicon.Match, a, b int) bool {
	for _, e := range events {
		if e.Start >= a && e.End <= b {
			return true
		}
	}
	return false
}

// generalReference reports a definite plural followed by its event as a
// participle, with no count and no date right after it: "the implementation
// of the agreements reached by the heads of state" speaks of documents
// in general, not of an event.
func (r *Rules) generalReference(f *facts, k lexicon.Match, evs []lexicon.Match, c span) bool {
	kind := f.masked[k.Start:k.End]
	if !strings.HasSuffix(kind, "s") || !strings.EqualFold(strings.TrimSpace(lastWords(f.masked[c.start:k.Start], 1)), "the") || countBefore(f, k, c) {
		return false
	}
	e := evs[0]
	if _, ok := f.dateAfter(e.End, 4); ok {
		return false // "the agreements signed on 5 May 2019"
	}
	return e.Start >= k.End && participleNext.MatchString(f.masked[k.End:e.Start])
}

// participleOn is a past participle right before a date: "initialled on
// 15 September", "signed in March 2024".
var participleOn = regexp.MustCompile(`(?i)\b(\p{L}+(?:ed|ll?ed))\s+(?:on|in|at)?\s*$`)

// withoutDatesAfterOther returns f without the dates that follow a past
// participle other than the event words evs: those date another event of
// the sentence.
func (f *facts) withoutDatesAfterOther(evs []lexicon.Match) *facts {
	g := *f
	g.dates = nil
	if f.participleAt == nil {
		// where the participle before each date starts, -1 for none
		f.participleAt = make([]int, len(f.dates))
		for k, d := range f.dates {
			f.participleAt[k] = -1
			if m := participleOn.FindStringSubmatchIndex(f.masked[max(0, d.Start-40):d.Start]); m != nil {
				f.participleAt[k] = max(0, d.Start-40) + m[2]
			}
		}
	}
	for k, d := range f.dates {
		other := f.participleAt[k] >= 0
		if other {
			at := f.participleAt[k]
			for _, e := range evs {
				if e.Start <= at && at < e.End {
					other = false // "signed on 5 May": its own event
				}
			}
		}
		if !other {
			g.dates = append(g.dates, d)
		}
	}
	return &g
}

var ratLaw = regexp.MustCompile(`(?i)\bLaw\b([^“"]{0,120}?)[“"]\s*On\s+(?:the\s+)?ratification\s+of\s+(?:the\s+)?([^”"]{4,400}?)[.]?[”"]`)

// ratificationLaws reads a law that ratifies a document: "Law of the
// Republic of Belarus No. 12-Z of 6 January 2026 “On ratification of the
// Treaty between …”" is the ratification of the Treaty by Belarus, on the
// law's date.
func (r *Rules) ratificationLaws(f *facts, st *docState, res *Result) {
	for _, m := range ratLaw.FindAllStringSubmatchIndex(f.masked, -1) {
		var when record.Period
		for _, d := range f.dates {
			if d.Start >= m[2] && d.End <= m[3] && d.Period.Resolved() {
				when = d.Period
			}
		}
		title := f.text[m[4]:m[5]]
		kinds := r.Lex.AgreementDict.Find(title)
		if !when.Resolved() || len(kinds) == 0 {
			continue
		}
		var parties []string
		for _, n := range r.Lex.CountryDict.Keys(f.masked[m[0]:m[3]]) {
			if r.focus(n) && !contains(parties, n) {
				parties = append(parties, n)
			}
		}
		if len(parties) == 0 {
			continue
		}
		sort.Strings(parties)
		_, claimID := st.ids.next(record.PrefixClaim, "agreement", normalize(f.text), normalize(title), "ratified", fmt.Sprint(m[0]))
		res.Agreements = append(res.Agreements, record.AgreementMention{
			ClaimID: claimID, When: when, Title: cleanTitle(title), Kind: kinds[0].Key, Event: "ratified", Parties: parties,
			Provenance: provenance(st.doc, f, m[0], m[1], "prose.agreement.ratification_law"),
		})
	}
}

// told is a document a sentence recorded an event of.
type told struct {
	k       lexicon.Match
	title   string
	parties []string
}

var itBefore = regexp.MustCompile(`(?i)\b(it|which)\s+(?:(?:was|has|had|been|then|later|only|finally|also|subsequently)\s+){0,3}$`)

// pronounEvents records the events a later clause tells of the document
// recorded last, through "it": "The agreement was ratified … on 28
// December 2019, but it entered into force only on 6 March 2020". Each
// needs its own date, right after its word or in its clause.
func (r *Rules) pronounEvents(f *facts, st *docState, res *Result, events []lexicon.Match, used map[int]bool, last told) {
	if last.title == "" {
		return
	}
	for _, e := range events {
		c := f.clause(e.Start)
		if used[e.Start] || e.Start < last.k.End || c.contains(last.k.Start) || !itBefore.MatchString(f.masked[c.start:e.Start]) {
			continue
		}
		d, ok := f.dateAfter(e.End, 6)
		if !ok {
			d, ok = f.clauseDate(e.Start)
		}
		if !ok || !d.Period.Resolved() || d.Open != date.OpenNone {
			continue
		}
		a, b := quoteSpan(f, c)
		_, claimID := st.ids.next(record.PrefixClaim, "agreement", normalize(f.text), normalize(last.title), e.Key, fmt.Sprint(e.Start))
		res.Agreements = append(res.Agreements, record.AgreementMention{
			ClaimID: claimID, When: d.Period, Title: last.title, Kind: last.k.Key, Event: e.Key, Parties: last.parties,
			Provenance: provenance(st.doc, f, a, b, "prose.agreement."+last.k.Key+".pronoun"),
		})
	}
}

// documentWords finds the kinds of documents and the event words of a
// sentence. A quoted title is one document: kind and event words inside
// it name the document ("the “Joint Statement on Establishing …”"), so
// only its first kind word counts, and its event words none.
func (r *Rules) documentWords(f *facts) ([]lexicon.Match, []lexicon.Match) {
	titles := quoted.FindAllStringIndex(f.text, -1)
	inTitle := func(a int) int {
		for i, t := range titles {
			if a >= t[0] && a < t[1] {
				return i
			}
		}
		return -1
	}
	var kinds []lexicon.Match
	seen := map[int]bool{}
	for _, k := range r.Lex.AgreementDict.Find(f.masked) {
		if t := inTitle(k.Start); t >= 0 {
			if seen[t] {
				continue
			}
			seen[t] = true
		}
		kinds = append(kinds, k)
	}
	var events []lexicon.Match
	for _, e := range r.Lex.EventDict.Find(f.masked) {
		if inTitle(e.Start) < 0 {
			events = append(events, e)
		}
	}
	return kinds, events
}

var (
	yearBeforeKind = regexp.MustCompile(`\b(?:19|20)\d{2}\s+(?:\p{Lu}\S*\s+){0,2}$`)
	dateAfterTitle = regexp.MustCompile(`^[^;]{0,250}?\b(?:from|of|dated)\s+$`)
)

// datedReference reads a document named with its own date: a year right
// before its name ("the 2013 Joint Declaration", "his 2016 decree") or a
// date right after its title ("… from September 2015"). The event is its
// signing (adoption for declarations and statements).
func (r *Rules) datedReference(f *facts, k lexicon.Match, c span) (lexicon.Match, *date.Match, bool) {
	if k.Key == "partnership_status" || k.Key == "diplomatic_relations" {
		return lexicon.Match{}, nil, false
	}
	specific := yearBeforeKind.MatchString(f.masked[c.start:k.Start])
	var own *date.Match
	if !specific {
		for i, d := range f.dates {
			// "the Protocol amending the Agreement … of 17 January 1995": the
			// date is the nearer document's
			if d.Start > k.End && c.contains(d.Start) && dateAfterTitle.MatchString(f.masked[k.End:d.Start]) && !otherKindIn(f, k.End, d.Start, k) {
				specific, own = true, &f.dates[i]
				break
			}
		}
	}
	if !specific {
		return lexicon.Match{}, nil, false
	}
	event := "signed"
	if k.Key == "declaration" || k.Key == "joint_statement" || k.Key == "communique" || k.Key == "directive" || k.Key == "decree" {
		event = "adopted"
	}
	return lexicon.Match{Start: k.Start, End: k.Start, Key: event}, own, true
}

// cumulative reports a count of documents up to a date ("by 2018, five
// treaties … had been signed"): a tally, not an event.
func cumulative(f *facts, k lexicon.Match, c span) bool {
	d, ok := f.nearestDate(k.Start)
	return ok && d.Open == date.Until && countBefore(f, k, c)
}

// countBefore reports a count right before a document kind ("about 40
// agreements", "five treaties").
func countBefore(f *facts, k lexicon.Match, c span) bool {
	before := lastWords(f.masked[c.start:k.Start], 3)
	if numberWord.MatchString(before) {
		return true
	}
	for _, q := range f.qty {
		if q.End > k.Start || q.Start < c.start || k.Start-q.End > 80 {
			continue
		}
		// "five treaties", "16 intergovernmental and interagency documents"
		gap := f.masked[q.End:k.Start]
		if words(gap) <= 1 || words(gap) <= 3 && lowerWords.MatchString(gap) {
			return true
		}
	}
	return false
}

var (
	anniversaryOf = regexp.MustCompile(`(?i)\banniversary\s+of\s+(?:the\s+)?(?:\S+\s+){0,3}$`)
	amending      = regexp.MustCompile(`(?i)\b(amending|amends|amended|supplementing|amendments to)\s+(?:the\s+)?$`)
)

var vagueBefore = regexp.MustCompile(`(?i)\b(several|multiple|many|numerous|various|a number of|dozens of)\b`)

var lowerWords = regexp.MustCompile(`^(?:\s+[\p{Ll}-]+)+\s*$`)

var numberWord = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a dozen|dozens of|several|multiple|a number of)\s+(?:\S+\s+)?$`)

// hasKindBefore reports whether another document kind comes before k in
// its clause ("a declaration elevating … partnership").
func hasKindBefore(kinds []lexicon.Match, k lexicon.Match, c span) bool {
	for _, o := range kinds {
		if o.Start < k.Start && c.contains(o.Start) && o.Key != "partnership_status" {
			return true
		}
	}
	return false
}

// governing returns the event words that govern a document: those in its
// clause within ten words of it, nearest first; coordinated event words
// ("signed and then ratified") all count.
func governing(f *facts, k lexicon.Match, events []lexicon.Match, c span) []lexicon.Match {
	var near []lexicon.Match
	// "the agreement with China on …, which had been signed in Beijing in
	// March 2023": the relative clause right after the document is about it
	next := span{-1, -1}
	for i, cl := range f.clauses {
		if cl == c && i+1 < len(f.clauses) && relative.MatchString(f.masked[f.clauses[i+1].start:min(f.clauses[i+1].end, f.clauses[i+1].start+8)]) {
			next = f.clauses[i+1]
		}
	}
	var inRelative []lexicon.Match
	for _, e := range events {
		if next.contains(e.Start) && words(f.masked[next.start:e.Start]) <= 4 {
			// "which had been signed", "which entered into force": the
			// document undergoes the event; "which established …" is what
			// it does
			if e.Key == "entered_into_force" || auxBefore.MatchString(f.masked[next.start:e.Start]) {
				inRelative = append(inRelative, e)
			}
			continue
		}
		if !c.contains(e.Start) {
			continue
		}
		if e.Start >= k.End && strings.HasSuffix(f.masked[e.Start:e.End], "ing") {
			continue // "a treaty establishing …", "the Directive foresees establishing …": what it does
		}
		if strings.EqualFold(f.masked[e.Start:e.End], "produced") && (e.Start >= k.End || words(f.masked[e.End:k.Start]) > 3) {
			// "the visit produced a joint statement", not "the agreement has
			// so far produced more seminars, and the memorandum …"
			continue
		}
		var gap string
		if e.End <= k.Start {
			gap = f.masked[e.End:k.Start]
		} else if e.Start >= k.End {
			gap = f.masked[k.End:e.Start]
		} else {
			continue // the event word is inside the kind phrase
		}
		if len(gap) > 800 {
			continue // far beyond any gap the rules below accept
		}
		if words(gap) > 10 && !(e.Start >= k.End && (passiveAfterTitle(gap) || participleAfterTitle(gap))) {
			continue
		}
		if negated.MatchString(lastWords(f.masked[c.start:e.Start], 3)) {
			continue // "no documents were signed", "was not ratified"
		}
		near = append(near, e)
	}
	if len(near) == 0 {
		return inRelative
	}
	sort.Slice(near, func(i, j int) bool {
		return distance(near[i], k) < distance(near[j], k)
	})
	// events coordinated with the first by "and" ("signed and then
	// ratified", "was signed … on 10 December 2017 and entered into force
	// on …") count too, however far from the document they are
	out := []lexicon.Match{near[0]}
	linked := func(a, b lexicon.Match) bool {
		lo, hi := a, b
		if b.Start < a.Start {
			lo, hi = b, a
		}
		gap := f.masked[lo.End:hi.Start]
		// the "and" joins the verbs: it stands right before the later one
		// ("and then ratified", "… 2017 and entered into force"), and no
		// other document lies between ("approved a roadmap … and signed an
		// action plan" are two documents)
		return andBefore.MatchString(gap) && (words(gap) <= 3 || dateIn(f, gap) && words(gap) <= 12) &&
			!otherKindIn(f, lo.End, hi.Start, k)
	}
	for grown := true; grown; {
		grown = false
		for _, e := range events {
			if !c.contains(e.Start) || !sameSide(e, out[0], k) || containsMatch(out, e) || hasKey(out, e.Key) ||
				negated.MatchString(lastWords(f.masked[c.start:e.Start], 3)) {
				continue
			}
			for _, o := range out {
				if linked(o, e) {
					out = append(out, e)
					grown = true
					break
				}
			}
		}
	}
	for _, e := range inRelative {
		if !hasKey(out, e.Key) {
			out = append(out, e)
		}
	}
	// the document's own verb after a participle that describes it: "The
	// agreement on …, signed in June, had entered into force on 1 November";
	// and the verbs coordinated with it ("was approved … and entered into
	// force on …")
	for _, e := range events {
		if e.Start < k.End || !c.contains(e.Start) || hasKey(out, e.Key) || containsMatch(out, e) {
			continue
		}
		gap := f.masked[k.End:e.Start]
		closed := strings.HasSuffix(strings.TrimSpace(gap), ")") // "… (signed in Minsk on 4 June 2025) entered into force"
		if (words(gap) <= 45 && auxBefore.MatchString(gap) || closed && words(gap) <= 45) && !otherKindIn(f, k.End, e.Start, k) &&
			!negated.MatchString(lastWords(gap, 3)) {
			for _, o := range out {
				if o.Start > k.End && o.End < e.Start {
					out = append(out, e)
					break
				}
			}
		}
	}
	for grown := true; grown; {
		grown = false
		for _, e := range events {
			if e.Start < k.End || !c.contains(e.Start) || hasKey(out, e.Key) {
				continue
			}
			for _, o := range out {
				if o.End <= e.Start && o.Start > k.End {
					if gap := f.masked[o.End:e.Start]; andBefore.MatchString(gap) && (words(gap) <= 3 || dateIn(f, gap) && words(gap) <= 14) && !otherKindIn(f, o.End, e.Start, k) {
						out = append(out, e)
						grown = true
						break
					}
				}
			}
		}
	}
	return out
}

// otherKindIn reports whether a document kind other than k lies in [a, b).
func otherKindIn(f *facts, a, b int, k lexicon.Match) bool {
	for _, m := range f.kinds {
		if m.Start >= a && m.End <= b && m.Start != k.Start {
			return true
		}
	}
	return false
}

// passiveAfterTitle reports whether the words between a document and an
// event word after it are its long title and a passive auxiliary: "The
// Agreement between the Government of … on mutual visa exemption … was
// signed", but not across another sentence part.
func passiveAfterTitle(gap string) bool {
	return len(gap) <= 800 && words(gap) <= 60 && passiveAux.MatchString(gap) && !strings.ContainsAny(gap, ";")
}

// participleAfterTitle reports whether the words between a document and
// an event word after it are its long title and a comma: "the Agreement
// between the Government of … on Financial Cooperation in Support of
// Infrastructure Projects, signed on 15 May 2019", "… (signed in Minsk on
// 4 June 2025)". Every word of the title is capitalised or joins
// capitalised words.
func participleAfterTitle(gap string) bool {
	t := strings.TrimSpace(gap)
	if len(t) > 500 || words(t) > 30 || !strings.HasSuffix(t, ",") && !strings.HasSuffix(t, "(") || strings.ContainsAny(t, ";") {
		return false
	}
	// the parties' part in capitals; the subject after "on" may be in
	// lower case ("… of China on cooperation in phytosanitary inspection (")
	head, _, _ := strings.Cut(strings.TrimRight(t, ",("), " on ")
	for _, w := range strings.Fields(head) {
		if !titleWord.MatchString(w) && !titleJoin[w] {
			return false
		}
	}
	return !strings.ContainsAny(strings.TrimRight(t, ",("), ",()")
}

var (
	passiveAux = regexp.MustCompile(`(?i)\b(was|were|has been|have been|had been|is|are|had|has|have)\s+(?:\S+\s+){0,5}$`)
	andBefore  = regexp.MustCompile(`(?i)\band(?:\s+(?:then|later|subsequently|also|was|were|has|had|been))*\s*$`)
	auxBefore  = regexp.MustCompile(`(?i)\b(was|were|had been|has been|have been|is|are|had|has|have)\s+(?:\S+\s+)?$`)
	// a date after these words is a document's term, not its event:
	// "a memorandum … for 2024–2026", "a roadmap … until 2030"
	validity = regexp.MustCompile(`(?i)^\s*(for|until|till|through|to)\s*$`)
	negated  = regexp.MustCompile(`(?i)\b(no|not|never|without|nor|neither)\b`)
)

func containsMatch(ms []lexicon.Match, m lexicon.Match) bool {
	for _, x := range ms {
		if x.Start == m.Start {
			return true
		}
	}
	return false
}

func hasKey(ms []lexicon.Match, key string) bool {
	for _, x := range ms {
		if x.Key == key {
			return true
		}
	}
	return false
}

func distance(e, k lexicon.Match) int {
	if e.End <= k.Start {
		return k.Start - e.End
	}
	return e.Start - k.End
}

// dateIn reports whether a stretch of text (a gap between two event words)
// holds a date: "signed in Minsk on 10 December 2017 and entered into
// force …" coordinates two dated events.
func dateIn(f *facts, gap string) bool {
	return len(date.Find(gap, date.Anchor{})) > 0
}

func sameSide(a, b, k lexicon.Match) bool { return (a.End <= k.Start) == (b.End <= k.Start) }

// parties decides who the agreement is between.
func (r *Rules) parties(f *facts, k lexicon.Match, c span, st *docState) ([]string, bool) {
	in := r.nonVenues(f, c.start, c.end)
	for _, n := range in {
		if !r.focus(n) {
			return nil, false // with a third country
		}
	}
	sentence := r.nonVenues(f, 0, len(f.text))
	both := containsAll(sentence, r.Focus[:]) || f.hasPair(0, len(f.text))
	if k.Key == "directive" || k.Key == "decree" {
		// a unilateral act: its issuer's country, if about the other one
		issuer := ""
		for _, m := range f.people {
			if p, ok := r.Lex.Person(m.Key); ok && r.focus(p.Country) {
				issuer = p.Country
			}
		}
		if issuer == "" {
			for _, n := range in {
				issuer = n
			}
		}
		if issuer == "" {
			// "the 2015 Directive", "he decreed": a leader of the paragraph,
			// when it names leaders of one focus country only; else the
			// leader last named
			if c := st.blockLeaders[f.s.Block]; len(c) == 1 {
				for n := range c {
					issuer = n
				}
			} else if p, ok := r.Lex.Person(st.lastAny); ok && r.focus(p.Country) {
				issuer = p.Country
			}
		}
		if issuer == "" {
			return nil, false
		}
		bn := st.blockNations[f.s.Block]
		if contains(sentence, r.other(issuer)) || bn[r.other(issuer)] || bn["pair"] || r.namesKind(f, "park") {
			return []string{issuer}, true
		}
		return nil, false
	}
	if !both {
		// "they", "the countries": the pair named just before
		bn := st.blockNations[f.s.Block]
		if !(st.prevNations[r.Focus[0]] && st.prevNations[r.Focus[1]] || bn[r.Focus[0]] && bn[r.Focus[1]] || bn["pair"] || st.framePair) {
			return nil, false
		}
		// and no third country in the sentence
		for _, n := range sentence {
			if !r.focus(n) {
				return nil, false
			}
		}
	}
	parties := []string{r.Focus[0], r.Focus[1]}
	sort.Strings(parties)
	return parties, true
}

var venuePrep = regexp.MustCompile(`(?i)\b(?:in|at)\s+(?:the\s+)?$`)

// nonVenues returns the distinct countries named in [a, b), leaving out a
// third country named as a venue: "in Samarkand, Uzbekistan" or "at the
// summit in Astana" says where, not who.
func (r *Rules) nonVenues(f *facts, a, b int) []string {
	var out []string
	for i, m := range f.nations {
		if m.Start < a || m.End > b || contains(out, m.Key) {
			continue
		}
		if r.focus(m.Key) {
			out = append(out, m.Key)
			continue
		}
		before := f.masked[max(0, m.Start-12):m.Start]
		if venuePrep.MatchString(before) {
			continue
		}
		if i > 0 && f.nations[i-1].End <= m.Start && strings.TrimSpace(f.masked[f.nations[i-1].End:m.Start]) == "," {
			if _, city := r.Lex.City(f.masked[f.nations[i-1].Start:f.nations[i-1].End]); city && venuePrep.MatchString(f.masked[max(0, f.nations[i-1].Start-12):f.nations[i-1].Start]) {
				continue // "in Samarkand, Uzbekistan"
			}
		}
		out = append(out, m.Key)
	}
	return out
}

// agreementDate dates the event: the nearest date of the sentence, or the
// previous sentence's date when the clause refers back to it.
// thenRef points back to a time told before: "signed then", "on that
// occasion".
var thenRef = regexp.MustCompile(`(?i)\b(?:signed|concluded|adopted|initialled|exchanged) then\b|\bthen (?:signed|concluded)\b|\bat that time\b|\bon that occasion\b`)

func (r *Rules) agreementDate(f *facts, k lexicon.Match, c span, st *docState) (record.Period, record.Basis) {
	if d, ok := f.clauseDate(k.Start); ok && d.Open != date.Since && d.Open != date.Until && !validity.MatchString(lastWords(f.masked[:d.Start], 1)) {
		return d.Period, d.Period.Basis
	}
	if st.sameOccasion(f) {
		p := st.lastSigned // "On the same occasion, …", "… also signed …"
		p.Basis = record.Context
		return p, record.Context
	}
	if f.entry.Resolved() {
		p := f.entryOr(record.Period{})
		return p, p.Basis
	}
	if afterVisit.MatchString(f.masked) && st.lastVisit.When.Resolved() && st.lastVisit.When.Basis != record.Unresolved {
		p := st.lastVisit.When
		p.Basis = record.Context
		return p, record.Context
	}
	if thenRef.MatchString(f.masked[c.start:c.end]) {
		// "the spring of 2023, when the President paid a state visit …; a
		// package of sixteen documents was signed then": the date told last
		for i := len(f.dates) - 1; i >= 0; i-- {
			if d := f.dates[i]; d.End <= k.Start && d.Period.Resolved() {
				p := d.Period
				p.Basis = record.Context
				return p, record.Context
			}
		}
	}
	if p, ok := st.contextDate(f); ok {
		return p, record.Context
	}
	if (referBack.MatchString(f.masked) || afterVisit.MatchString(f.masked)) && st.lastDate.Resolved() {
		p := st.lastDate
		p.Basis = record.Context
		return p, record.Context
	}
	return record.Period{Basis: record.Unresolved}, record.Unresolved
}

// title names the document, in this order:
//
//  1. partnerships and diplomatic relations are named by the phrase itself
//     ("all-weather comprehensive strategic partnership");
//  2. a quoted title holding the kind word, or following it directly or
//     after "on", "entitled", "called" (Directive No. 5 “On the development
//     of …”);
//  3. a capitalised name around the kind word ("the Agreement on Trade in
//     Services and Investment", "Presidential Decree No. 161"), without a
//     leading year or possessive;
//  4. a descriptive name: the modifiers before the kind word ("mutual visa
//     exemption agreement") and its complement after it ("on mutual
//     recognition of higher education qualifications"), stopping at a
//     verb, punctuation or the next document.
func (r *Rules) title(f *facts, k lexicon.Match, c span) string {
	kindText := f.text[k.Start:k.End]
	switch k.Key {
	case "partnership_status":
		return cleanTitle(kindText)
	case "diplomatic_relations":
		return "diplomatic relations"
	}
	if strings.HasSuffix(kindText, "ed") { // "he decreed to establish …"
		return cleanTitle(k.Key + " " + complement(f, k.End, c))
	}
	for _, m := range quoted.FindAllStringSubmatchIndex(f.text, -1) {
		a, b := m[0], m[1]
		if k.Start >= a && k.End <= b {
			return cleanTitle(f.text[m[2]:m[3]])
		}
		if a >= k.End {
			gap := strings.ToLower(strings.TrimSpace(f.text[k.End:a]))
			if gap == "" || docNumber.MatchString(f.text[k.End:a]) && words(gap) <= 2 || gap == "on" || gap == "entitled" || gap == "titled" || gap == "called" {
				return cleanTitle(strings.TrimSpace(kindText+" "+docNumberAfter(f, k)) + " “" + f.text[m[2]:m[3]] + "”")
			}
		}
	}
	if t, end, ok := capitalisedName(f, k); ok {
		return cleanTitle(t + " " + complement(f, end, c))
	}
	return cleanTitle(modifiers(f, k, c) + kindText + " " + complement(f, k.End, c))
}

// kindWithin reports whether a document kind other than k starts within
// n words after offset i.
func kindWithin(f *facts, k lexicon.Match, i, n int) bool {
	for _, m := range f.kinds {
		if m.Start >= i && m.Start != k.Start && words(f.masked[i:m.Start]) <= n-1 {
			return true
		}
	}
	return false
}

// capitalisedName reads a title in capitals around the kind word, and
// returns where it ends.
func capitalisedName(f *facts, k lexicon.Match) (string, int, bool) {
	if f.toks == nil {
		f.toks = tokens(f.text)
	}
	toks := f.toks
	ki := -1
	for i, t := range toks {
		if t.start <= k.Start && k.Start < t.end {
			ki = i
			break
		}
	}
	if ki < 0 || !titleWord.MatchString(strings.Trim(toks[ki].text, "“”\",.;:")) {
		return "", 0, false
	}
	clean := func(t string) string { return strings.Trim(t, ",.;:") }
	a, b := ki, ki
	nameWord := func(t string) bool { return titleWord.MatchString(t) && !yearToken.MatchString(t) && !ownerToken(t) }
	for a > 0 {
		switch {
		case nameWord(toks[a-1].text):
			a--
			continue
		case titleJoin[toks[a-1].text] && a > 1 && nameWord(toks[a-2].text):
			a -= 2 // "the Friendship and Cooperation Agreement"
			continue
		}
		break
	}
	for b+1 < len(toks) {
		t := clean(toks[b+1].text)
		next := ""
		if b+2 < len(toks) {
			next = clean(toks[b+2].text)
		}
		if f.dateAt(toks[b+1].start) || f.dateAt(toks[min(b+2, len(toks)-1)].start) && titleJoin[t] {
			break // a date ends the name: "… Between China and Belarus on August 22, 2024"
		}
		if t == "and" && kindWithin(f, k, toks[b+1].end, 3) {
			break // "… and the Memorandum of …": another document
		}
		switch {
		case t == "No" || toks[b+1].text == "No.":
			b++
			continue
		case titleWord.MatchString(t) && !yearToken.MatchString(t):
		case titleJoin[t] && titleWord.MatchString(next) && !yearToken.MatchString(next):
		case titleJoin[t] && titleJoin[next] && b+3 < len(toks) && titleWord.MatchString(clean(toks[b+3].text)):
			// "between the Government of …"
		default:
			return f.text[toks[a].start:toks[b].end], toks[b].end, true
		}
		b++
		if strings.HasSuffix(toks[b].text, ",") || strings.HasSuffix(toks[b].text, ";") {
			break
		}
	}
	return f.text[toks[a].start:toks[b].end], toks[b].end, true
}

var yearToken = regexp.MustCompile(`^(19|20)\d{2}[,.;:]?$`)

// ownerToken reports a possessive name before a title ("Lukashenka’s").
func ownerToken(t string) bool { return strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "'s") }

// modifiers returns the words right before the kind word that qualify it
// ("mutual visa exemption", "cooperation"): lower-case, not verbs, not
// function words, at most three.
func modifiers(f *facts, k lexicon.Match, c span) string {
	ts := tokens(f.text[c.start:k.Start])
	n := 0
	for i := len(ts) - 1; i >= 0 && n < 3; i-- {
		w := ts[i].text
		if !modifierWord.MatchString(w) || isVerbish(w) || notModifier[strings.ToLower(w)] {
			break
		}
		n++
	}
	if n == 0 {
		return ""
	}
	return f.text[c.start+ts[len(ts)-n].start : k.Start]
}

var (
	modifierWord = regexp.MustCompile(`^([\p{Ll}][\p{Ll}-]*|\d+)$`)
	notModifier  = map[string]bool{
		"a": true, "an": true, "the": true, "another": true, "this": true, "that": true, "these": true, "those": true,
		"such": true, "our": true, "their": true, "its": true, "his": true, "her": true, "both": true, "several": true,
		"many": true, "some": true, "and": true, "or": true, "of": true, "on": true, "in": true,
		"with": true, "to": true, "by": true, "for": true, "about": true, "new": true, "further": true, "then": true,
		"also": true, "had": true, "have": true, "has": true, "been": true, "signed": true, "sign": true,
	}
)

// complement returns the words after a document's name that say what it
// is about ("on mutual recognition of higher education qualifications"),
// stopping at punctuation, a verb, "and" before another document, or the
// clause's end.
func complement(f *facts, at int, c span) string {
	rest := f.text[at:c.end]
	ts := tokens(rest)
	if len(ts) == 0 {
		return ""
	}
	first := strings.ToLower(ts[0].text)
	if first != "on" && first != "of" && first != "between" && first != "for" && first != "to" && first != "concerning" && first != "regarding" && first != "establishing" && first != "with" {
		return ""
	}
	n := 0
	for n < len(ts) && n < 12 {
		w := ts[n].text
		lw := strings.ToLower(strings.Trim(w, ",.;:"))
		if n > 0 && (isVerbish(lw) || lw == "and" && n+1 < len(ts) && notModifier[strings.ToLower(ts[n+1].text)]) {
			break
		}
		// a date or a place ends it: "… economic zone in 2012", "… in Beijing"
		if n > 0 && (f.dateAt(at+ts[n].start) || n+1 < len(ts) && (lw == "in" || lw == "on" || lw == "at") &&
			(f.dateAt(at+ts[n+1].start) || startsUpper(ts[n+1].text))) {
			break
		}
		n++
		if strings.ContainsAny(w, ",.;:") {
			break
		}
	}
	return rest[:ts[n-1].end]
}

func docNumberAfter(f *facts, k lexicon.Match) string {
	if m := docNumber.FindString(f.text[k.End:]); m != "" {
		return strings.TrimSpace(m)
	}
	return ""
}

var verbish = map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true, "which": true, "that": true, "in": false}

func isVerbish(w string) bool {
	return verbish[strings.ToLower(w)] || strings.HasSuffix(w, "ed") && len(w) > 4
}

// cleanTitle folds white space, trims punctuation and dangling words, and
// drops quotes left unbalanced by the cut.
var datedParen = regexp.MustCompile(`\s*\([^()]*\d[^()]*\)$`)

func cleanTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.Count(s, "“") != strings.Count(s, "”") {
		s = strings.NewReplacer("“", "", "”", "").Replace(s)
	}
	for {
		t := strings.Trim(s, " ,.;:\"")
		if strings.HasPrefix(t, "“") && !strings.Contains(t[len("“"):], "”") {
			t = t[len("“"):]
		}
		t = strings.TrimPrefix(t, "The ")
		t = datedParen.ReplaceAllString(t, "") // "… diplomats (17 April)"
		if i := strings.LastIndexByte(t, ' '); i > 0 && titleJoin[t[i+1:]] {
			t = t[:i] // "… cooperation for"
		}
		if t == s {
			return s
		}
		s = t
	}
}

type tok struct {
	text       string
	start, end int
}

// tokens splits s at white space, keeping offsets.
func tokens(s string) []tok {
	var out []tok
	start := -1
	for i, c := range s {
		space := c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\u00a0'
		switch {
		case space && start >= 0:
			out = append(out, tok{s[start:i], start, i})
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, tok{s[start:], start, len(s)})
	}
	return out
}

// lastWords returns the suffix of s holding its last n words.
func lastWords(s string, n int) string {
	ts := tokens(s)
	if len(ts) <= n {
		return s
	}
	return s[ts[len(ts)-n].start:]
}

// firstWords returns the prefix of s holding its first n words.
func firstWords(s string, n int) string {
	ts := tokens(s)
	if n <= 0 || len(ts) == 0 {
		return ""
	}
	if n > len(ts) {
		n = len(ts)
	}
	return s[:ts[n-1].end]
}

// Footnote citations of primary documents: an issuing authority, a quoted
// title holding a kind of document, and the document's full date right
// after the title:
//
//	President of the Republic of Belarus, “Directive No. 5. On the
//	development of bilateral relations … [in Russian],” August 31, 2015, …
//
// A citation of a news report or an article (no authority before the
// title, or no kind of document in it) is never an event.
var citedDoc = regexp.MustCompile(`(?s)[“"]([^”"]{6,400}?)[,.]?[”"],?\s*([A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})`)

func (r *Rules) footnoteAgreements(f *facts, st *docState, res *Result) {
	for _, m := range citedDoc.FindAllStringSubmatchIndex(f.text, -1) {
		title := f.text[m[2]:m[3]]
		kinds := r.Lex.AgreementDict.Find(title)
		if len(kinds) == 0 {
			continue
		}
		// the authority is written between the previous citation and the title
		from := strings.LastIndexAny(f.text[:m[0]], ";") + 1
		author := f.text[from:m[0]]
		if !r.Lex.AuthorityDict.Has(author) {
			continue
		}
		ds := date.Find(f.text[m[4]:m[5]], date.Anchor{})
		if len(ds) == 0 || !ds[0].Period.Resolved() {
			continue
		}
		kind := kinds[0].Key
		for _, k := range kinds {
			if k.Key != "partnership_status" && k.Key != "diplomatic_relations" {
				kind = k.Key
				break
			}
		}
		var parties []string
		names := author + " " + title
		if kind == "directive" || kind == "decree" {
			names = author // a unilateral act: its issuer's country only
		}
		for _, n := range r.Lex.CountryDict.Keys(names) {
			if r.focus(n) && !contains(parties, n) {
				parties = append(parties, n)
			}
		}
		if len(parties) == 0 {
			continue
		}
		sort.Strings(parties)
		event := "signed"
		if kind == "declaration" || kind == "joint_statement" || kind == "communique" {
			event = "adopted"
		}
		a := strings.Index(f.text[from:], strings.TrimSpace(author)) + from
		title = strings.TrimSpace(inLang.ReplaceAllString(title, ""))
		_, claimID := st.ids.next(record.PrefixClaim, "agreement", "footnote", normalize(title), ds[0].Period.EDTF)
		res.Agreements = append(res.Agreements, record.AgreementMention{
			ClaimID: claimID, When: ds[0].Period, Title: cleanTitle(title), Kind: kind, Event: event, Parties: parties,
			Provenance: provenance(st.doc, f, a, m[5], "prose.agreement.footnote"),
		})
	}
}

var inLang = regexp.MustCompile(`\s*\[in [A-Za-z]+\]`)

// monthOf returns the month of a year as a period with context basis.
func monthOf(month string, year int) (record.Period, bool) {
	t, err := time.Parse("January 2006", month+" "+fmt.Sprint(year))
	if err != nil {
		return record.Period{}, false
	}
	return record.Period{
		EDTF: t.Format("2006-01"), Start: t, End: t.AddDate(0, 1, -1),
		Precision: record.Month, Basis: record.Context,
	}, true
}
