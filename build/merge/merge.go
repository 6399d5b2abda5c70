// Package merge turns mentions into events: the visit and agreement
// mentions of all documents become one record per real-world visit or
// agreement event, and every mention becomes a claim naming its record.
//
// In: visit and agreement mentions, each with its own date. Out: Visits
// and Agreements, each with the most precise date consistent with all its
// mentions, the provenance of its primary mention (the most precise date;
// ties by source_id, then byte_start), and its mention count; and the
// claims. Rules:
//
//   - mentions are the same event when their identity agrees (visits: the
//     visitor and the host; agreements: the family of the kind, the
//     title's distinctive words, the parties and the kind of event) and
//     their date intervals overlap: "August 2015" and "August 31, 2015"
//     are one event dated 2015-08-31;
//   - mentions whose intervals do not overlap ("September 2015") stay
//     separate records with the same EventKey, for the consistency checks
//     to report; nothing is silently resolved;
//   - an undated mention joins the event of its identity mentioned in the
//     same document (its claim is then dated from it, basis context), or
//     the only event of its identity; otherwise it is its own record.
//
// Processing order is fixed (most precise first, then source and offset),
// so the result does not depend on the order documents were read in.
package merge

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimpack/claimpack/build/record"
)

// event is a group of mentions being built.
type event struct {
	key     string
	when    record.Period
	members []int // indices into the mentions
	docs    map[string]bool
}

// byPrecision orders mention indices: resolved before unresolved, the
// shortest interval first, then by source and offset.
func byPrecision(n int, when func(int) record.Period, prov func(int) record.Provenance) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		pa, pb := when(idx[a]), when(idx[b])
		if pa.Resolved() != pb.Resolved() {
			return pa.Resolved()
		}
		if da, db := pa.Days(), pb.Days(); da != db {
			return da < db
		}
		qa, qb := prov(idx[a]), prov(idx[b])
		if qa.SourceID != qb.SourceID {
			return qa.SourceID < qb.SourceID
		}
		return qa.ByteStart < qb.ByteStart
	})
	return idx
}

// group assigns every mention to an event. compatible says whether
// mention i may join event e (beyond identity and dates).
func group(n int, key func(int) string, when func(int) record.Period, prov func(int) record.Provenance, compatible func(i int, e *event) bool) []*event {
	var events []*event
	for _, i := range byPrecision(n, when, prov) {
		k, w, src := key(i), when(i), prov(i).SourceID
		var best *event
		for _, e := range events {
			if e.key != k || !compatible(i, e) {
				continue
			}
			switch {
			case w.Resolved() && e.when.Resolved():
				if !w.Overlaps(e.when) {
					continue
				}
			case !w.Resolved():
				// undated: join an event of this document, or the only one
				if !e.docs[src] && countKey(events, k) != 1 {
					continue
				}
			}
			if best == nil || e.docs[src] && !best.docs[src] {
				best = e
			}
		}
		if best == nil {
			best = &event{key: k, when: w, docs: map[string]bool{}}
			events = append(events, best)
		}
		best.members = append(best.members, i)
		best.docs[src] = true
		if !best.when.Resolved() && w.Resolved() {
			best.when = w
		}
	}
	return events
}

func countKey(events []*event, k string) int {
	n := 0
	for _, e := range events {
		if e.key == k {
			n++
		}
	}
	return n
}

// claimDate is the date a mention's claim carries: its own, or, when it
// has none, its event's date if another mention of the same document
// gave it (basis context).
func claimDate(own record.Period, e *event, src string, whenOf func(int) record.Period, provOf func(int) record.Provenance) record.Period {
	if own.Resolved() || !e.when.Resolved() {
		return own
	}
	for _, j := range e.members {
		if provOf(j).SourceID == src && whenOf(j).Resolved() {
			p := e.when
			p.Basis, p.Text = record.Context, own.Text
			if p.Text == "" {
				p.Text = e.when.Text
			}
			return p
		}
	}
	return own
}

// uniqueIDs numbers records whose identifying content is the same.
type uniqueIDs map[string]int

func (u uniqueIDs) id(prefix string, parts ...string) string {
	id := record.ID(prefix, parts...)
	n := u[id]
	u[id] = n + 1
	if n > 0 {
		return record.ID(prefix, append(parts, string(rune('a'+n)))...)
	}
	return id
}

// visitKinds orders kinds from most to least specific.
var visitKinds = map[string]int{"state": 5, "official": 4, "working": 3, "summit": 2, "meeting": 1, "visit": 0}

// Visits merges visit mentions into visits and returns the claims of
// every mention.
func Visits(ms []record.VisitMention) ([]record.Visit, []record.Claim) {
	key := func(i int) string { return ms[i].Visitor }
	when := func(i int) record.Period { return ms[i].When }
	prov := func(i int) record.Provenance { return ms[i].Provenance }
	compatible := func(i int, e *event) bool {
		// the host must agree, unless one mention does not say it (a
		// meeting whose venue is not stated); a state visit and a working
		// visit of one leader in one year are two visits, while a generic
		// "visit" or "meeting" fits either
		k, h := ms[i].Kind, ms[i].HostCountry
		for _, j := range e.members {
			o, oh := ms[j].Kind, ms[j].HostCountry
			if h != "" && oh != "" && h != oh {
				return false
			}
			if k != o && visitKinds[k] >= 3 && visitKinds[o] >= 3 {
				return false
			}
		}
		return true
	}
	events := group(len(ms), key, when, prov, compatible)
	ids := uniqueIDs{}
	var visits []record.Visit
	var claims []record.Claim
	for _, e := range events {
		primary := e.members[0] // most precise, by construction
		p := ms[primary]
		v := record.Visit{
			DateFields: record.DateColumns(e.when), When: e.when,
			Visitor: p.Visitor, VisitorCountry: p.VisitorCountry, HostCountry: p.HostCountry,
			Kind: "visit", Mentions: int32(len(e.members)), Provenance: p.Provenance,
			// no EventKey: two visits of one visitor to one host whose
			// dates do not overlap are two visits, not a disagreement
		}
		for _, j := range e.members {
			m := ms[j]
			if v.HostCountry == "" {
				v.HostCountry = m.HostCountry
			}
			if visitKinds[m.Kind] > visitKinds[v.Kind] {
				v.Kind = m.Kind
			}
			if v.VisitorRole == "" {
				v.VisitorRole = m.VisitorRole
			}
			if v.Place == "" {
				v.Place = m.Place
			}
		}
		v.RecordID = ids.id(record.PrefixVisit, v.Visitor, v.HostCountry, e.when.EDTF, v.Kind)
		visits = append(visits, v)
		for _, j := range e.members {
			m := ms[j]
			claims = append(claims, record.Claim{
				ClaimID: m.ClaimID, Category: record.CatVisit, RecordID: v.RecordID,
				DateFields: record.DateColumns(claimDate(m.When, e, m.SourceID, when, prov)), Provenance: m.Provenance,
			})
		}
	}
	return visits, claims
}

// eventClass groups the events of a document that are one act: signing,
// adoption and announcement of one text are its conclusion.
func eventClass(event string) string {
	switch event {
	case "ratified", "entered_into_force":
		return event
	}
	return "concluded"
}

// kindFamily groups the kinds that texts use for one document ("the
// Friendship and Cooperation Agreement" is the "Treaty of Friendship and
// Cooperation"; a presidential directive is sometimes called a decree).
func kindFamily(kind string) string {
	switch kind {
	case "treaty", "agreement", "package":
		return "agreement"
	case "declaration", "joint_statement", "communique":
		return "declaration"
	case "directive", "decree":
		return "act"
	}
	return kind
}

// generic words say what kind of document it is or between whom, not
// which one.
var generic = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "on": true, "in": true, "and": true, "between": true,
	"for": true, "to": true, "with": true, "by": true, "from": true, "at": true, "its": true, "their": true,
	"agreement": true, "agreements": true, "treaty": true, "treaties": true, "declaration": true,
	"joint": true, "statement": true, "communiqué": true, "communique": true, "directive": true,
	"decree": true, "presidential": true, "memorandum": true, "memoranda": true, "protocol": true,
	"republic": true, "people's": true, "peoples": true, "people’s": true, "china": true, "belarus": true,
	"chinese": true, "belarusian": true, "no": true, "no.": true, "russian": true, "bilateral": true,
	"two": true, "countries": true, "both": true, "sides": true, "new": true, "this": true, "that": true,
	"it": true, "was": true, "were": true, "has": true, "had": true, "is": true,
}

// titleKey returns the distinctive words of a title, sorted: numbers kept
// ("Directive No. 5" → "5"), kind and country words dropped.
func titleKey(title string) string {
	var ws []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		if !generic[w] && !contains(ws, w) && !isYear(w) {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// isYear reports a four-digit year: "the 2015 Directive" is Directive No. 5.
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// similar reports whether two title keys name one document: one holds the
// other, or they share most words.
func similar(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	common := 0
	for _, w := range wa {
		if contains(wb, w) {
			common++
		}
	}
	return common == len(wa) || common == len(wb) || common*3 >= 2*max(len(wa), len(wb))
}

// Agreements merges agreement mentions into agreement events and returns
// the claims of every mention.
func Agreements(ms []record.AgreementMention) ([]record.Agreement, []record.Claim) {
	key := func(i int) string {
		m := ms[i]
		return kindFamily(m.Kind) + "|" + eventClass(m.Event) + "|" + strings.Join(m.Parties, ";")
	}
	when := func(i int) record.Period { return ms[i].When }
	prov := func(i int) record.Provenance { return ms[i].Provenance }
	compatible := func(i int, e *event) bool {
		ki := titleKey(ms[i].Title)
		for _, j := range e.members {
			kj := titleKey(ms[j].Title)
			if ki == "" || kj == "" {
				// a generic title joins only mentions of its own document
				if ms[i].SourceID != ms[j].SourceID || ms[i].Kind != ms[j].Kind {
					return false
				}
				continue
			}
			if !similar(ki, kj) {
				return false
			}
		}
		return true
	}
	events := group(len(ms), key, when, prov, compatible)
	ids := uniqueIDs{}
	var out []record.Agreement
	var claims []record.Claim
	for _, e := range events {
		p := ms[e.members[0]]
		a := record.Agreement{
			DateFields: record.DateColumns(e.when), When: e.when,
			Title: p.Title, Kind: p.Kind, Event: p.Event, Parties: p.Parties,
			Mentions: int32(len(e.members)), Provenance: p.Provenance,
		}
		for _, j := range e.members {
			m := ms[j]
			if len(m.Title) > len(a.Title) {
				a.Title = m.Title // the most complete title
			}
		}
		tk := titleKey(a.Title)
		if tk != "" {
			a.EventKey = kindFamily(a.Kind) + "|" + eventClass(a.Event) + "|" + tk
		}
		a.RecordID = ids.id(record.PrefixAgreement, kindFamily(a.Kind), eventClass(a.Event), tk, e.when.EDTF, strings.Join(a.Parties, ";"))
		out = append(out, a)
		for _, j := range e.members {
			m := ms[j]
			claims = append(claims, record.Claim{
				ClaimID: m.ClaimID, Category: record.CatAgreement, RecordID: a.RecordID,
				DateFields: record.DateColumns(claimDate(m.When, e, m.SourceID, when, prov)), Provenance: m.Provenance,
			})
		}
	}
	return out, claims
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
