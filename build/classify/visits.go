package classify

import (
	"fmt"
	"sort"

	"github.com/claimpack/claimpack/build/extract/date"
	"regexp"
	"strings"

	"github.com/claimpack/claimpack/build/extract/quantity"
	"github.com/claimpack/claimpack/build/lexicon"
	"github.com/claimpack/claimpack/build/record"
)

// A visit or meeting is a visit word in a clause ("paid a working visit",
// "visited", "stay in", "met with", "took part in the … Summit") with:
//
//   - a visitor: a person of the lexicon, found as the owner of the visit
//     ("Lukashenka’s 2005 visit"), its agent ("a visit to Minsk by Xi
//     Jinping") or the person named nearest before the word; failing that
//     a pronoun or a role ("he", "the heads of the two states", "Belarusian
//     and Chinese delegations") stands for the person last named in the
//     document;
//   - a destination: the country or capital after "to" or "in", or the
//     object of "visited"; without one, the other focus country;
//   - both the visitor's country and the destination in the focus pair
//     (a meeting may take place in a third country: its place is recorded);
//   - no sign that it is not one specific visit: a count before it ("more
//     than 120 mutual visits", "seven times"), frequency ("frequent",
//     "frequently"), or intention ("needed to talk", "plans to visit").
//
// "the two visits" gives two mentions. The date is the nearest in the
// sentence; a month without a year ("the December visit") takes the year
// of the running context.

var (
	notSpecific = regexp.MustCompile(`(?i)\b(frequent|frequently|regular|regularly|exchanges? of|mutual visits|every year|each year|annual|times\b|needed to|need to|plans? to|planned|will|would|invited|invitation|expected to|(?:is|are) due to|scheduled|intends? to|agreed to hold|agreed to meet|to be held|will be held|will take place|is to take place|later this year|next year)\b`)
	vagueCount  = regexp.MustCompile(`(?i)\b(several|many|numerous|multiple|dozens of|hundreds of|a number of|a series of)\s+(?:\S+\s+){0,2}$`)
	// talks held at a distance are no visit or meeting: "hold talks by
	// video link", "spoke by telephone"
	remote      = regexp.MustCompile(`(?i)\b(by (?:tele)?phone|by video(?:\s*link|\s*conference)?|via video(?:\s*link)?|video ?conference|videoconference|(?:tele)?phone (?:call|conversation|talks)|online (?:talks|meeting|summit))\b`)
	multiVisit  = regexp.MustCompile(`(?i)\b(two|three|four)\s+(?:(?:state|official|working|separate|bilateral|mutual)\s+)?$`)
	pronoun     = regexp.MustCompile(`(?i)\b(he|his|him|she|her)\b`)
	prepTo      = regexp.MustCompile(`(?i)\b(to|in|at|into)\s*$`)
	definite    = regexp.MustCompile(`(?i)\b(the|this|that)\b`)
	headsOf     = regexp.MustCompile(`(?i)\b(heads? of (the two )?states?|the two (leaders|presidents)|both leaders|delegations?)\b`)
	ordinal     = regexp.MustCompile(`(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|next|last|previous|\d+(?:st|nd|rd|th))\b`)
	monthBefore = regexp.MustCompile(`(?i)\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+$`)
)

func (r *Rules) visits(f *facts, st *docState, res *Result) {
	cues := r.Lex.VisitDict.Find(f.masked)
	seen := map[string]bool{} // one mention per visit per sentence
	first := len(res.Visits)  // this sentence's mentions start here
	for _, cue := range cues {
		c := f.clause(cue.Start)
		before := f.masked[c.start:cue.Start]
		// "meets Xi Jinping in Beijing during a working visit": the visit
		// frames the meeting told before it, one event of its kind
		if duringFrame.MatchString(before) && cue.Key != "meeting" && cue.Key != "hosted" && len(res.Visits) > first {
			if prev := &res.Visits[len(res.Visits)-1]; prev.Kind == "meeting" && c.contains(int(prev.ByteStart)-f.s.Start) {
				if k := r.visitKind(f, cue, c); k != "visit" {
					prev.Kind = k
				}
				if prev.HostCountry == "" && prev.Place != "" {
					prev.HostCountry = prev.VisitorCountry
				}
				continue
			}
		}
		window := f.masked[max(c.start, cue.Start-60):min(c.end, cue.End+40)]
		if notSpecific.MatchString(window) || remote.MatchString(window) || vagueCount.MatchString(before) || countedBefore(f, cue.Start, c) {
			continue
		}
		// "after the talks", "the visit follows …": a definite reference
		// without a date or a destination of its own is anaphora, no new
		// mention
		if definite.MatchString(lastWords(before, 1)) && !hasOwnDate(f, cue, c) && !r.hasDestination(f, cue, c) {
			continue
		}
		kind := cue.Key
		if kind == "hosted" {
			kind = "meeting"
		}
		if kind == "summit" {
			after := strings.ToLower(f.masked[cue.End:min(c.end, cue.End+60)])
			if !strings.Contains(after, "summit") && !strings.Contains(after, "forum") {
				continue
			}
		}
		visitor, vcountry, ok := r.visitor(f, st, cue, c)
		if !ok {
			continue
		}
		host, place := r.destination(f, cue, c, vcountry)
		if kind == "meeting" && host == "" {
			// a meeting's venue may come first: "On 14 September 2022, in
			// Samarkand, the President … met with …"
			host, place = r.venueBefore(f, cue, c, vcountry)
			if host == "" {
				host, place = r.venue(f, c) // "… was held in Minsk"
			}
			if host == "" {
				// "had met Wang Dongming, Vice-Chairman of …, in Minsk"
				if host = r.placeAfter(f, cue, c); host != "" {
					for _, m := range f.nations {
						if m.Key == host && m.Start >= cue.End && c.contains(m.Start) {
							place, _ = r.Lex.City(f.masked[m.Start:m.End])
							break
						}
					}
				}
			}
		}
		switch {
		case kind == "meeting" && host == "":
			// a meeting whose venue is not stated: its host stays unknown
			if !r.counterpart(f, st, c, vcountry) {
				continue
			}
		case host == "":
			host = r.other(vcountry) // a visit goes to the other country
		}
		if !r.focus(vcountry) || host == vcountry || host != "" && !r.focus(host) && !(kind == "meeting" && r.counterpart(f, st, c, vcountry)) {
			continue
		}
		if kind == "visit" {
			kind = r.visitKind(f, cue, c)
		}
		when := r.eventDate(f, cue.Start, st)
		what := "a visit (" + kind + ")"
		if kind == "meeting" || kind == "visit" {
			what = "a " + kind
		}
		if r.notYet(f, st, c, cue.Start, cue.End, when, what, res) {
			continue // "is due to meet in Minsk in November": not yet
		}
		// "visits Beijing and co-chairs the fourth meeting of …": a meeting
		// of a visitor this sentence already has on a visit is part of it
		if kind == "meeting" && sameVisitor(res.Visits[first:], visitor, when) {
			continue
		}
		st.lastVisit = record.VisitMention{Visitor: visitor, VisitorCountry: vcountry, HostCountry: host, When: when}
		if k := visitor + "|" + host + "|" + when.EDTF; seen[k] {
			continue
		} else {
			seen[k] = true
		}
		n := 1
		if m := multiVisit.FindStringSubmatch(before); m != nil && strings.HasSuffix(f.masked[cue.Start:cue.End], "s") {
			n = map[string]int{"two": 2, "three": 3, "four": 4}[strings.ToLower(m[1])]
		}
		a, b := quoteSpan(f, c)
		for k := 0; k < n; k++ {
			_, claimID := st.ids.next(record.PrefixClaim, "visit", normalize(f.text), visitor, fmt.Sprint(cue.Start), fmt.Sprint(k))
			res.Visits = append(res.Visits, record.VisitMention{
				ClaimID: claimID, When: when, Visitor: visitor, VisitorRole: r.role(f, visitor, c),
				VisitorCountry: vcountry, HostCountry: host, Place: place, Kind: kind,
				Provenance: provenance(st.doc, f, a, b, "prose.visit."+kind),
			})
		}
	}
}

var withAfter2 = regexp.MustCompile(`(?i)^\s+with\b`)

var fronted2 = regexp.MustCompile(`(?i)^\s*(?:during|on|in the course of|at the end of|while on)\s+(?:a|an|the|their|this)\s+(?:\S+\s+){0,2}$`)

// placeAfter is the first place named with "in" or "at" after the word
// at cue in its clause: "had met Wang Dongming, Vice-Chairman of …, in
// Minsk last week".
func (r *Rules) placeAfter(f *facts, cue lexicon.Match, c span) string {
	for _, m := range f.nations {
		if m.Start >= cue.End && c.contains(m.Start) && prepTo.MatchString(f.masked[max(cue.End, m.Start-4):m.Start]) {
			if _, city := r.Lex.City(f.masked[m.Start:m.End]); city {
				return m.Key
			}
		}
	}
	return ""
}

var fronted = regexp.MustCompile(`(?i)^\s*(?:during|on|in the course of|at the end of|while on|after)\s+(?:his|her)\s+`)

var duringFrame = regexp.MustCompile(`(?i)\b(?:during|at the start of|at the beginning of|at the end of|on the first day of|on the last day of|as part of|in the course of)\s+(?:a|an|the|his|her|their|this)\s+(?:\S+\s+){0,2}$`)

// sameVisitor reports whether a visit (not a meeting) of the visitor, at a
// compatible date, is among ms.
func sameVisitor(ms []record.VisitMention, visitor string, when record.Period) bool {
	for _, m := range ms {
		if m.Visitor == visitor && m.Kind != "meeting" && (!m.When.Resolved() || !when.Resolved() || m.When.Overlaps(when)) {
			return true
		}
	}
	return false
}

// countedBefore reports whether a count ("more than 120 mutual visits")
// comes within three words before offset i: an aggregate, not one visit.
func countedBefore(f *facts, i int, c span) bool {
	for _, q := range f.qty {
		if q.Kind == quantity.Count && q.End <= i && q.Start >= c.start && words(f.masked[q.End:i]) <= 3 {
			return true
		}
	}
	return false
}

// visitor finds who visits, and their country.
func (r *Rules) visitor(f *facts, st *docState, cue lexicon.Match, c span) (string, string, bool) {
	person := func(m lexicon.Match) (string, string, bool) {
		p, ok := r.Lex.Person(m.Key)
		return p.Name, p.Country, ok
	}
	var before, after []lexicon.Match
	for _, m := range f.people {
		if m.Start < c.start || m.End > c.end {
			continue
		}
		if m.End <= cue.Start {
			before = append(before, m)
		} else if m.Start >= cue.End {
			after = append(after, m)
		}
	}
	// a host verb: "Li Qiang hosted Golovchenko" (the object visits), "Dong
	// Jun … was received by Lukashenko" (the subject visits)
	if cue.Key == "hosted" {
		passive := strings.HasSuffix(strings.ToLower(f.masked[cue.Start:cue.End]), " by") ||
			strings.HasPrefix(strings.ToLower(strings.TrimSpace(f.masked[cue.End:min(c.end, cue.End+4)])), "by")
		switch {
		case passive && len(before) > 0:
			return person(before[len(before)-1])
		case !passive && len(after) > 0 && words(f.masked[cue.End:after[0].Start]) <= 4 && !strings.ContainsAny(f.masked[cue.End:after[0].Start], ",;") && !possessive(f, after[0]):
			return person(after[0]) // "hosted Prime Minister Golovchenko", not "welcomed Xi's initiative"
		}
		return "", "", false
	}
	// "During his visit to Minsk in May 2015, Xi Jinping and …": a
	// possessive that opens the sentence points to the subject after it
	if m := fronted.FindStringIndex(f.masked[:cue.Start]); m != nil && m[1] == cue.Start || m != nil && words(f.masked[m[1]:cue.Start]) <= 1 {
		if comma := strings.IndexByte(f.masked[cue.End:c.end], ','); comma >= 0 {
			for _, p := range after {
				if p.Start > cue.End+comma && words(f.masked[cue.End+comma:p.Start]) <= 4 {
					return person(p)
				}
			}
		}
	}
	// "a visit to Minsk by Xi Jinping", "the visit of Chinese Premier Li Qiang"
	if len(after) > 0 {
		gap := strings.ToLower(f.masked[cue.End:after[0].Start])
		if (strings.Contains(gap, " by ") || strings.HasPrefix(strings.TrimSpace(gap), "of ")) && words(gap) <= 8 {
			return person(after[0])
		}
	}
	if len(before) > 1 && cue.Key == "meeting" {
		// "Ding Xuexiang and Golovchenko hold talks in Minsk": the one who
		// is not at home
		venue, _ := r.venue(f, c)
		if venue == "" {
			venue = r.placeAfter(f, cue, c)
		}
		if r.focus(venue) {
			for _, m := range before {
				if p, ok := r.Lex.Person(m.Key); ok && r.focus(p.Country) && p.Country != venue {
					return p.Name, p.Country, true
				}
			}
		}
	}
	if len(before) > 0 {
		last := before[len(before)-1]
		// in "X met with Y" or "meeting with Y", the one after "with" is the host
		if strings.Contains(strings.ToLower(f.masked[last.End:cue.Start]), " with ") && len(before) > 1 {
			return person(before[len(before)-2])
		}
		if !strings.HasSuffix(strings.TrimSpace(strings.ToLower(f.masked[c.start:last.Start])), "with") {
			return person(last)
		}
	}
	// "• 17 April, Beijing: talks with … Wang Yi": a meeting with someone
	// of the country the last visit went to is part of that visit
	if cue.Key == "meeting" && len(before) == 0 && st.lastVisit.Visitor != "" && withAfter2.MatchString(f.masked[cue.End:min(c.end, cue.End+8)]) {
		host := ""
		if len(after) > 0 {
			if p, ok := r.Lex.Person(after[0].Key); ok {
				host = p.Country
			}
		} else if rp := r.rolePeople(f, c); len(rp) > 0 {
			host = rp[0].country
		}
		if host != "" && host == st.lastVisit.HostCountry {
			return st.lastVisit.Visitor, st.lastVisit.VisitorCountry, true
		}
	}
	// "the two visits President Lukashenko paid", "meeting with X"
	if len(after) > 0 && (cue.Key == "meeting" || words(f.masked[cue.End:after[0].Start]) <= 2) {
		return person(after[0])
	}
	// "the December visit", "this visit to Beijing": a definite mention
	// with a date or a place of its own refers to the visit last named
	// ("the fifth meeting" is a new one, and so is one of another date)
	if st.lastVisit.Visitor != "" && definite.MatchString(lastWords(f.masked[c.start:cue.Start], 3)) &&
		!ordinal.MatchString(lastWords(f.masked[c.start:cue.Start], 2)) &&
		(monthBefore.MatchString(f.masked[c.start:cue.Start]) || len(f.dates) > 0) {
		if d, ok := f.clauseDate(cue.Start); !ok || !st.lastVisit.When.Resolved() || !d.Period.Resolved() || d.Period.Overlaps(st.lastVisit.When) {
			return st.lastVisit.Visitor, st.lastVisit.VisitorCountry, true
		}
	}
	// a meeting: the person of the clause who is not of the venue's
	// country ("… session in Beijing, co-chaired by … Parkhomchik and …")
	if cue.Key == "meeting" && len(before)+len(after) > 0 {
		venue, _ := r.destination(f, cue, c, "")
		for _, m := range append(before, after...) {
			if p, ok := r.Lex.Person(m.Key); ok && r.focus(p.Country) && p.Country != venue {
				return p.Name, p.Country, true
			}
		}
	}
	// people the lexicon does not know, named after their role: "… was
	// held in Minsk, co-chaired by … Vice Premier of the State Council of
	// the PRC Sun Chunlan"
	if rp := r.rolePeople(f, c); len(rp) > 0 {
		// a role that names no country: the visitor comes from the other
		// side of where the visit or meeting is
		dest, _ := r.destination(f, cue, c, "")
		if cue.Key == "meeting" || cue.Key == "hosted" {
			dest, _ = r.venue(f, c)
			if dest == "" {
				dest = r.placeAfter(f, cue, c)
			}
		}
		of := func(p rolePerson) (string, string, bool) {
			switch {
			case p.country != "":
				return p.name, p.country, true
			case r.focus(dest):
				return p.name, r.other(dest), true
			}
			return "", "", false
		}
		switch {
		case fronted2.MatchString(f.masked[c.start:cue.Start]):
			// "During a working visit to Beijing, Minister of Justice
			// Yevgeny Kovalenko and …": the subject after the phrase
			if comma := strings.IndexByte(f.masked[cue.End:c.end], ','); comma >= 0 {
				for _, p := range rp {
					if p.start > cue.End+comma && words(f.masked[cue.End+comma:p.start]) <= 6 {
						if n, cc, ok := of(p); ok {
							return n, cc, true
						}
					}
				}
			}
		case cue.Key == "meeting":
			for _, p := range rp {
				if p.country != "" && p.country != dest {
					return p.name, p.country, true
				}
			}
		default:
			for i := len(rp) - 1; i >= 0; i-- {
				if rp[i].end <= cue.Start {
					if n, cc, ok := of(rp[i]); ok {
						return n, cc, true
					}
				}
			}
		}
	}
	// a role of a country: "the President of the Republic of Belarus met
	// with …", "Belarusian Prime Minister"
	if name, country, ok := r.roleVisitor(f, cue, c); ok {
		return name, country, true
	}
	// a session of a bilateral body held in one focus country: the other
	// side's delegation comes ("the sixth session of the China-Belarus
	// Intergovernmental Cooperation Committee, which met in Beijing")
	if name, country, ok := r.bodySession(f, st, cue, c); ok {
		return name, country, true
	}
	// a pronoun or a role stands for the person last named
	window := f.masked[max(c.start, cue.Start-80):cue.Start]
	if pronoun.MatchString(window) || headsOf.MatchString(f.masked[c.start:c.end]) || r.roleBefore(f, cue, c) {
		// a meeting of the two with a venue of one: the other comes
		if cue.Key == "meeting" && headsOf.MatchString(f.masked[c.start:c.end]) {
			venue, _ := r.venue(f, c)
			if venue == "" {
				venue = r.placeAfter(f, cue, c)
			}
			if r.focus(venue) {
				if name := st.lastPerson[r.other(venue)]; name != "" {
					p, _ := r.Lex.Person(name)
					return p.Name, p.Country, true
				}
			}
		}
		for _, country := range r.countriesOf(f, c) {
			if name := st.lastPerson[country]; name != "" {
				p, _ := r.Lex.Person(name)
				return p.Name, p.Country, true
			}
		}
		if st.lastAny != "" {
			p, _ := r.Lex.Person(st.lastAny)
			return p.Name, p.Country, true
		}
	}
	return "", "", false
}

// roleVisitor reads a visitor named only by role and country, before the
// visit word: "the President of the Republic of Belarus", "Belarusian
// Prime Minister". The name is the role and the country ("President of
// Belarus"): the lexicon holds no roles of people, which change.
func (r *Rules) roleVisitor(f *facts, cue lexicon.Match, c span) (string, string, bool) {
	seg := f.masked[c.start:cue.Start]
	roles := r.Lex.RoleDict.Find(seg)
	if len(roles) == 0 {
		return "", "", false
	}
	role := roles[len(roles)-1]
	if role.Key == "delegation" {
		return "", "", false
	}
	// the country right after ("President of Belarus") or right before
	// ("Belarusian President") the role word
	for _, m := range r.Lex.CountryDict.Find(seg) {
		after := m.Start >= role.End && words(seg[role.End:m.Start]) <= 4
		before := m.End <= role.Start && words(seg[m.End:role.Start]) <= 1
		if (after || before) && r.focus(m.Key) {
			title := strings.ToUpper(role.Key[:1]) + strings.ReplaceAll(role.Key[1:], "_", " ")
			return title + " of " + r.Lex.CountryName(m.Key), m.Key, true
		}
	}
	// "when the President paid a state visit to China": a role of no
	// country, the subject of a visit to one country of the pair, is the
	// other's
	if definiteRole.MatchString(seg[:role.Start]) && words(seg[role.End:]) <= 3 && topRole[role.Key] {
		if host, _ := r.destination(f, cue, c, ""); r.focus(host) && len(r.Lex.CountryDict.Find(seg)) == 0 {
			o := r.other(host)
			title := strings.ToUpper(role.Key[:1]) + strings.ReplaceAll(role.Key[1:], "_", " ")
			return title + " of " + r.Lex.CountryName(o), o, true
		}
	}
	return "", "", false
}

// topRole is an office a country has one holder of.
var topRole = map[string]bool{"president": true, "vice_president": true, "premier": true, "vice_premier": true, "foreign_minister": true, "defence_minister": true, "speaker": true}

// definiteRole ends with the article or possessive before a role: "the
// President", "our Prime Minister".
var definiteRole = regexp.MustCompile(`(?i)\b(the|our)\s+$`)

var bodyWord = regexp.MustCompile(`(?i)\b(committee|commission|working group|council)\b`)

// bodySession reads a meeting or session of a body of the two countries
// held in a city or country of one of them, named by no person: the
// visitor is the other country's delegation ("Delegation of Belarus").
// The body is about the pair when the sentence, the paragraph or the
// document's title names both.
func (r *Rules) bodySession(f *facts, st *docState, cue lexicon.Match, c span) (string, string, bool) {
	if cue.Key != "meeting" {
		return "", "", false
	}
	// a relative clause is about the noun before it
	from := c.start
	if relative.MatchString(f.masked[c.start:min(c.end, c.start+8)]) && c.start > 0 {
		from = f.clause(c.start - 1).start
	}
	if !bodyWord.MatchString(f.masked[from:c.end]) {
		return "", "", false
	}
	venue, _ := r.venue(f, c)
	if venue == "" {
		venue, _ = r.destination(f, cue, c, "")
	}
	if !r.focus(venue) {
		return "", "", false
	}
	bn := st.blockNations[f.s.Block]
	if !(f.hasPair(0, len(f.text)) || containsAll(f.nationsIn(0, len(f.text)), r.Focus[:]) || bn["pair"] || bn[r.Focus[0]] && bn[r.Focus[1]] || st.framePair) {
		return "", "", false
	}
	o := r.other(venue)
	return "Delegation of " + r.Lex.CountryName(o), o, true
}

// rolePerson is someone the lexicon does not know, named with a role:
// "Vice Premier of the State Council of the PRC Sun Chunlan", "Belarusian
// Deputy Prime Minister Igor Lyashenko", "Minister of Justice He Rong",
// "the Governor of the Gomel Region, Aliaksandr Shybeka", "Wang Dongming,
// Vice-Chairman of the Standing Committee of the National People's
// Congress". country is "" when the role does not say it.
type rolePerson struct {
	name, country string
	start, end    int
}

var (
	personName = regexp.MustCompile(`^\s+(\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+){1,2})\b`)
	nameBefore = regexp.MustCompile(`(\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+){1,2}),\s+$`)
	// the complement of a role: "of Justice", "of the Gomel Region", "of
	// the State Council of the PRC"
	capRun = regexp.MustCompile(`^\s+of\s+((?:(?:the|and|of|for)\s+|\p{Lu}[\p{L}’'.-]*\s*)+)`)
)

// rolePeople finds the people of a clause that only a role introduces, in
// order. The role's country stands right before it ("Belarusian Deputy
// Prime Minister …") or in its complement ("… of the PRC", "… of the
// National People's Congress"); the name follows the role and its
// complement (the last two capitalised words of "Minister of Justice He
// Rong"), or stands in apposition after a comma on either side. Names the
// lexicon knows are left to it.
func (r *Rules) rolePeople(f *facts, c span) []rolePerson {
	var out []rolePerson
	add := func(a, b int, country string) {
		if a < c.start || b > c.end || a >= b {
			return
		}
		for _, ms := range [][]lexicon.Match{f.people, f.nations, f.orgs} {
			for _, m := range ms {
				if m.Start < b && m.End > a {
					return // a name the lexicon knows, or no person
				}
			}
		}
		if len(r.Lex.RoleDict.Find(f.masked[a:b])) > 0 {
			return
		}
		for _, p := range out {
			if p.start == a {
				return
			}
		}
		out = append(out, rolePerson{name: f.text[a:b], country: country, start: a, end: b})
	}
	countryIn := func(a, b int) string {
		for _, m := range f.nations {
			if m.Start >= a && m.End <= b && r.focus(m.Key) {
				return m.Key
			}
		}
		for _, m := range f.orgs {
			if o, ok := r.Lex.Organisation(m.Key); ok && m.Start >= a && m.End <= b && r.focus(o.Country) {
				return o.Country
			}
		}
		return ""
	}
	for _, role := range r.Lex.RoleDict.Find(f.masked[c.start:c.end]) {
		rs, re := c.start+role.Start, c.start+role.End
		if role.Key == "delegation" {
			continue
		}
		country := ""
		for _, m := range f.nations {
			if r.focus(m.Key) && m.End <= rs && m.Start >= c.start && words(f.masked[m.End:rs]) <= 1 && !strings.ContainsAny(f.masked[m.End:rs], ",;") {
				country = m.Key // "Belarusian Deputy Prime Minister"
			}
		}
		// the complement, "of …", up to the name or a comma
		end := re
		if m := capRun.FindStringSubmatchIndex(f.masked[re:c.end]); m != nil {
			end = re + m[1]
			// "… Ivan Petrov and Vice Premier of …": another role ends it
			for _, o := range r.Lex.RoleDict.Find(f.masked[re:end]) {
				if k := strings.LastIndex(f.masked[re:re+o.Start], " and "); k >= 0 && strings.TrimSpace(f.masked[re+k+5:re+o.Start]) == "" {
					end = re + k + 1
					break
				}
			}
		}
		if cc := countryIn(re, end); cc != "" {
			country = cc
		}
		// apposition before: "Wang Dongming, Vice-Chairman of …"
		if m := nameBefore.FindStringSubmatchIndex(f.masked[max(c.start, rs-60):rs]); m != nil {
			base := max(c.start, rs-60)
			add(base+m[2], base+m[3], country)
			continue
		}
		switch {
		case end == re:
			// "Premier Li Qiang", "Vice Premier of the PRC Sun Chunlan" (the
			// country ends the complement: the name follows it)
			if sm := personName.FindStringSubmatchIndex(f.masked[re:c.end]); sm != nil {
				add(re+sm[2], re+sm[3], country)
			}
		default:
			run := strings.TrimRight(f.masked[re:end], " \n\t.;:")
			after := f.masked[re+len(run) : c.end]
			// apposition after: "the Governor of the Gomel Region, Aliaksandr Shybeka,"
			if strings.HasPrefix(after, ",") {
				if sm := personName.FindStringSubmatchIndex(after[1:]); sm != nil {
					a := re + len(run) + 1
					add(a+sm[2], a+sm[3], country)
					continue
				}
			}
			// the last capitalised words of the run after its country or
			// body: "of Justice He Rong", "of the PRC Sun Chunlan"
			from := re
			for _, m := range append(append([]lexicon.Match{}, f.nations...), f.orgs...) {
				if m.Start >= re && m.End <= re+len(run) && m.End > from {
					from = m.End
				}
			}
			toks := strings.Fields(f.masked[from : re+len(run)])
			var caps []string
			for _, t := range toks {
				if t == "the" || t == "and" || t == "of" || t == "for" {
					caps = nil
					continue
				}
				caps = append(caps, t)
			}
			n := len(caps)
			if from > re && n >= 2 || from == re && n >= 3 {
				name := strings.Join(caps[max(0, n-2):], " ")
				if k := strings.LastIndex(f.masked[re:re+len(run)], caps[max(0, n-2)]); k >= 0 {
					a := re + k
					if strings.Join(strings.Fields(f.masked[a:re+len(run)]), " ") == name {
						add(a, re+len(run), country)
					}
				}
			}
		}
	}
	for _, a := range f.aliases {
		if c.contains(a.start) {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

var heldIn = regexp.MustCompile(`(?i)\b(?:held|took place|convened|hosted|met)\s+(?:\S+\s+){0,3}?(?:in|at)\s+$`)

// venue reads where a meeting of the clause takes place: a country or
// city after "held in", "took place in", "met in"; "" when not stated.
func (r *Rules) venue(f *facts, c span) (country, place string) {
	for _, m := range f.nations {
		if c.contains(m.Start) && heldIn.MatchString(f.masked[c.start:m.Start]) {
			city, _ := r.Lex.City(f.masked[m.Start:m.End])
			return m.Key, city
		}
	}
	return "", ""
}

// hasOwnDate reports whether the visit word has a date of its own: one in
// its clause within ten words of it, not a term ("signed … a protocol for
// 2022–2025").
func hasOwnDate(f *facts, cue lexicon.Match, c span) bool {
	for _, d := range f.dates {
		if !c.contains(d.Start) || validity.MatchString(lastWords(f.masked[:d.Start], 1)) {
			continue
		}
		if d.End <= cue.Start && words(f.masked[d.End:cue.Start]) <= 10 || d.Start >= cue.End && words(f.masked[cue.End:d.Start]) <= 10 {
			return true
		}
	}
	return monthBefore.MatchString(f.masked[c.start:cue.Start])
}

// venueBefore reads a place named with "in" or "at" before the meeting
// word in its clause.
func (r *Rules) venueBefore(f *facts, cue lexicon.Match, c span, vcountry string) (host, place string) {
	for _, m := range f.nations {
		if m.Start < c.start || m.End > cue.Start {
			continue
		}
		city, ok := r.Lex.City(f.masked[m.Start:m.End])
		if ok && (prepTo.MatchString(f.masked[max(c.start, m.Start-4):m.Start]) || strings.HasPrefix(f.masked[m.End:], ":")) {
			host, place = m.Key, city // "in Samarkand, …", "17 April, Beijing: talks with …"
		}
	}
	return host, place
}

// hasDestination reports whether a place follows the visit word.
func (r *Rules) hasDestination(f *facts, cue lexicon.Match, c span) bool {
	h, _ := r.destination(f, cue, c, "")
	return h != ""
}

// possessive reports whether a name is followed by 's: it owns something
// rather than being someone.
func possessive(f *facts, m lexicon.Match) bool {
	rest := f.masked[m.End:min(len(f.masked), m.End+3)]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "’") || strings.HasSuffix(f.masked[m.Start:m.End], "s") && !strings.HasSuffix(m.Term, "s")
}

// countriesOf lists the focus countries a clause's role words refer to
// ("the President of Belarus" → BLR), most specific first.
func (r *Rules) countriesOf(f *facts, c span) []string {
	var out []string
	for _, n := range f.nationsIn(c.start, c.end) {
		if r.focus(n) {
			out = append(out, n)
		}
	}
	for _, n := range r.Focus {
		if !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// roleBefore reports whether a role word ("the President of Belarus",
// "Belarusian delegation") comes before the visit word in its clause.
func (r *Rules) roleBefore(f *facts, cue lexicon.Match, c span) bool {
	return len(r.Lex.RoleDict.Find(f.masked[c.start:cue.Start])) > 0
}

// destination reads where a visit goes: the country or capital after "to",
// "in" or the visit verb.
func (r *Rules) destination(f *facts, cue lexicon.Match, c span, vcountry string) (host, place string) {
	for _, m := range f.nations {
		if m.Start < cue.End || m.End > c.end || m.Start-cue.End > 90 || m.Key == vcountry {
			continue // the visitor's own country names the visitor ("the visit of Chinese Premier …")
		}
		gap := strings.ToLower(f.masked[cue.End:m.Start])
		if words(gap) > 8 {
			continue
		}
		if prepTo.MatchString(gap) || strings.TrimSpace(gap) == "" {
			host = m.Key
			if city, ok := r.Lex.City(f.masked[m.Start:m.End]); ok {
				place = city
			}
			return host, place
		}
	}
	return "", ""
}

// counterpart reports whether the clause names a person or a counterpart
// from the other focus country ("met with his Belarusian counterpart").
func (r *Rules) counterpart(f *facts, st *docState, c span, vcountry string) bool {
	for _, m := range f.people {
		if p, ok := r.Lex.Person(m.Key); ok && m.Start >= c.start && m.End <= c.end && p.Country == r.other(vcountry) {
			return true
		}
	}
	for _, m := range f.nations {
		if m.Start >= c.start && m.End <= c.end && m.Key == r.other(vcountry) {
			return true
		}
	}
	if f.hasPair(c.start, c.end) {
		return true
	}
	// "Maxim Ryzhenkov met Vice Foreign Minister Sun Weidong": a person of
	// no stated country, in a document about the pair
	if st != nil && st.framePair {
		for _, p := range r.rolePeople(f, c) {
			if p.country == "" || p.country == r.other(vcountry) {
				return true
			}
		}
	}
	return false
}

// visitKind reads the kind of a visit from the words before it ("paid a
// state visit" is matched whole by the lexicon; this catches "his first
// official foreign visit" and summits).
func (r *Rules) visitKind(f *facts, cue lexicon.Match, c span) string {
	around := strings.ToLower(f.masked[max(c.start, cue.Start-30):min(c.end, cue.End+60)])
	switch {
	case strings.Contains(around, "state visit"):
		return "state"
	case strings.Contains(around, "official"):
		return "official"
	case strings.Contains(around, "working"):
		return "working"
	case strings.Contains(around, "summit") || strings.Contains(around, "forum"):
		return "summit"
	}
	return "visit"
}

// role reads the visitor's role from the clause ("then Vice-President Xi
// Jinping", "Chinese Premier Li Qiang").
func (r *Rules) role(f *facts, visitor string, c span) string {
	for _, m := range f.people {
		if m.Key != visitor || m.Start < c.start || m.End > c.end {
			continue
		}
		before := f.masked[max(c.start, m.Start-40):m.Start]
		after := f.masked[m.End:min(c.end, m.End+60)]
		if ms := r.Lex.RoleDict.Find(before); len(ms) > 0 {
			return ms[len(ms)-1].Key
		}
		if ms := r.Lex.RoleDict.Find(after); len(ms) > 0 && words(after[:ms[0].Start]) <= 3 {
			return ms[0].Key
		}
	}
	return ""
}

// eventDate dates an event mentioned at offset i: the nearest date of the
// sentence; a month name right before the event word with the context's
// year ("the December visit"); or, failing both, unresolved.
func (r *Rules) eventDate(f *facts, i int, st *docState) record.Period {
	// the date right after the event's words first: "was received by
	// President Lukashenko the next day", "visited Minsk on 4 April"
	if d, ok := f.dateAfter(i, 6); ok && d.Open == date.OpenNone {
		return d.Period
	}
	// an entry's own date beats one far after the word, which dates
	// something else ("… signed the Treaty … initialled on 15 September")
	if d, ok := f.clauseDate(i); ok && !(f.entry.Resolved() && d.Start > i && words(f.masked[i:d.Start]) > 6) {
		return d.Period
	}
	if f.entry.Resolved() {
		return f.entryOr(record.Period{})
	}
	if m := monthBefore.FindStringSubmatch(f.masked[max(0, i-40):i]); m != nil && st.lastDate.Resolved() {
		if p, ok := monthOf(m[1], st.lastDate.Start.Year()); ok {
			p.Text = m[1]
			return p
		}
	}
	return record.Period{Basis: record.Unresolved}
}
