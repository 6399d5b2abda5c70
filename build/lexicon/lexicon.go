// Package lexicon holds the extractor's vocabulary: countries and their
// names, organisations, people, currencies, scale words, indicator and
// measure labels, kinds of agreements and visits.
//
// In: a YAML file (the default one is embedded; -lexicon replaces it).
// Out: a Lexicon whose dictionaries find terms in text, with byte offsets
// into that text. The lexicon is vocabulary only: Parse rejects any term
// holding a digit, so dates, values and titles of specific events cannot be
// typed in here.
package lexicon

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/claimpack/claimpack/build/diag"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultName is how diagnostics name the embedded lexicon.
const DefaultName = "build/lexicon/default.yaml"

// Country is a country and the words that name it (names, adjectives,
// capitals used for the government).
type Country struct {
	Code  string   `yaml:"code"`
	Names []string `yaml:"names"`
}

// Organisation is a named body with its country and kind (statistics, bank, …).
type Organisation struct {
	Name     string   `yaml:"name"`
	Variants []string `yaml:"variants"`
	Country  string   `yaml:"country"`
	Kind     string   `yaml:"kind"`
}

// Person is a person, the spellings of their name and their country.
type Person struct {
	Name     string   `yaml:"name"`
	Variants []string `yaml:"variants"`
	Country  string   `yaml:"country"`
}

// City is a city and its country.
type City struct {
	Name    string `yaml:"name"`
	Country string `yaml:"country"`
}

// Currency is an ISO 4217 currency and how it is written before a number
// (symbols) and after it (words).
type Currency struct {
	Code    string   `yaml:"code"`
	Symbols []string `yaml:"symbols"`
	Words   []string `yaml:"words"`
}

// Scale is a multiplier word (million → 1e6).
type Scale struct {
	Factor float64  `yaml:"factor"`
	Words  []string `yaml:"words"`
}

// Term is a key and the words that express it.
type Term struct {
	Key   string   `yaml:"key"`
	Terms []string `yaml:"terms"`
}

// Lexicon is the vocabulary. Build it with Parse or Default.
type Lexicon struct {
	Countries       []Country      `yaml:"countries"`
	Cities          []City         `yaml:"cities"`
	Organisations   []Organisation `yaml:"organisations"`
	People          []Person       `yaml:"people"`
	Roles           []Term         `yaml:"roles"`
	Currencies      []Currency     `yaml:"currencies"`
	Scales          []Scale        `yaml:"scales"`
	TradeIndicators []Term         `yaml:"trade_indicators"`
	FDIMeasures     []Term         `yaml:"fdi_measures"`
	Topics          []Term         `yaml:"topics"`
	PeriodEndTerms  []string       `yaml:"period_end_terms"`
	AgreementKinds  []Term         `yaml:"agreement_kinds"`
	AgreementEvents []Term         `yaml:"agreement_events"`
	VisitKinds      []Term         `yaml:"visit_kinds"`
	Cues            []Term         `yaml:"cues"`
	Authorities     []string       `yaml:"authorities"`
	ScopeCues       []Term         `yaml:"scope_cues"`
	PairTerms       []string       `yaml:"pair_terms"`

	// Compiled dictionaries.
	CountryDict      *Dict
	OrgDict          *Dict
	PersonDict       *Dict
	RoleDict         *Dict
	TradeDict        *Dict
	FDIDict          *Dict
	TopicDict        *Dict
	PeriodEndDict    *Dict
	AgreementDict    *Dict
	EventDict        *Dict
	VisitDict        *Dict
	CueDict          *Dict
	AuthorityDict    *Dict
	ScopeDict        *Dict
	PairDict         *Dict
	currencyWordDict *Dict
	scaleDict        *Dict
	orgs             map[string]Organisation
	people           map[string]Person
}

// Default returns the embedded lexicon.
func Default() (*Lexicon, diag.List) { return Parse(DefaultName, defaultYAML) }

var digits = regexp.MustCompile(`[0-9]`)

// Parse reads a lexicon. Problems are diagnostics at name:line:col.
func Parse(name string, data []byte) (*Lexicon, diag.List) {
	var diags diag.List
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		diags.Add(diag.Error, "bad-lexicon", name, yamlLine(err.Error()), 1, "%v", err)
		return nil, diags
	}
	// Vocabulary only: no term may hold a digit (years, values, numbered
	// titles). The factor of a scale is the one number allowed.
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.ScalarNode:
			if key != "factor" && digits.MatchString(n.Value) {
				diags.Add(diag.Error, "not-vocabulary", name, n.Line, n.Column, "lexicon term %q holds a digit: the lexicon is vocabulary only (no dates, values or titles of events)", n.Value)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], n.Content[i].Value)
			}
		default:
			for _, c := range n.Content {
				walk(c, key)
			}
		}
	}
	walk(&root, "")
	var lex Lexicon
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&lex); err != nil {
		for _, msg := range strings.Split(err.Error(), "\n") {
			msg = strings.TrimSpace(strings.TrimPrefix(msg, "yaml: unmarshal errors:"))
			if msg != "" {
				diags.Add(diag.Error, "bad-lexicon", name, yamlLine(msg), 1, "%s", msg)
			}
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	lex.compile()
	return &lex, diags
}

var lineRE = regexp.MustCompile(`line (\d+)`)

func yamlLine(msg string) int {
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 1
}

func (l *Lexicon) compile() {
	l.CountryDict = NewDict()
	for _, c := range l.Countries {
		for _, n := range c.Names {
			l.CountryDict.Add(n, c.Code)
		}
	}
	for _, c := range l.Cities {
		l.CountryDict.Add(c.Name, c.Country)
	}
	l.OrgDict = NewDict()
	l.orgs = map[string]Organisation{}
	for _, o := range l.Organisations {
		l.orgs[o.Name] = o
		l.OrgDict.Add(o.Name, o.Name)
		for _, v := range o.Variants {
			l.OrgDict.Add(v, o.Name)
		}
	}
	l.PersonDict = NewDict()
	l.people = map[string]Person{}
	for _, p := range l.People {
		l.people[p.Name] = p
		l.PersonDict.Add(p.Name, p.Name)
		for _, v := range p.Variants {
			l.PersonDict.Add(v, p.Name)
		}
	}
	l.currencyWordDict = NewDict()
	for _, c := range l.Currencies {
		for _, w := range c.Words {
			l.currencyWordDict.Add(w, c.Code)
		}
		for _, w := range c.Symbols {
			l.currencyWordDict.Add(w, c.Code)
		}
	}
	l.scaleDict = NewDict()
	for _, s := range l.Scales {
		for _, w := range s.Words {
			l.scaleDict.Add(w, strconv.FormatFloat(s.Factor, 'g', -1, 64))
		}
	}
	terms := func(ts []Term) *Dict {
		d := NewDict()
		for _, t := range ts {
			for _, w := range t.Terms {
				d.Add(w, t.Key)
			}
		}
		return d
	}
	l.RoleDict = terms(l.Roles)
	l.TradeDict = terms(l.TradeIndicators)
	l.FDIDict = terms(l.FDIMeasures)
	l.TopicDict = terms(l.Topics)
	l.AgreementDict = terms(l.AgreementKinds)
	l.EventDict = terms(l.AgreementEvents)
	l.VisitDict = terms(l.VisitKinds)
	l.CueDict = terms(l.Cues)
	l.ScopeDict = terms(l.ScopeCues)
	l.AuthorityDict = NewDict()
	for _, w := range l.Authorities {
		l.AuthorityDict.Add(w, "authority")
	}
	l.PairDict = NewDict()
	for _, w := range l.PairTerms {
		l.PairDict.Add(w, "pair")
	}
	l.PeriodEndDict = NewDict()
	for _, w := range l.PeriodEndTerms {
		l.PeriodEndDict.Add(w, "end")
	}
}

// City returns the lexicon's name of the city written as name, which may
// carry a possessive ("Minsk's", "Beijings"), and whether it is a city.
func (l *Lexicon) City(name string) (string, bool) {
	n := strings.ReplaceAll(name, "’", "'")
	for _, cand := range []string{n, strings.TrimSuffix(n, "'s"), strings.TrimSuffix(n, "'"), strings.TrimSuffix(n, "s")} {
		for _, c := range l.Cities {
			if strings.ReplaceAll(c.Name, "’", "'") == cand {
				return c.Name, true
			}
		}
	}
	return "", false
}

// CountryName returns the first name the lexicon gives a country code
// ("BLR" → "Belarus"), or the code.
func (l *Lexicon) CountryName(code string) string {
	for _, c := range l.Countries {
		if c.Code == code && len(c.Names) > 0 {
			return c.Names[0]
		}
	}
	return code
}

// Organisation returns the organisation of that canonical name.
func (l *Lexicon) Organisation(name string) (Organisation, bool) {
	o, ok := l.orgs[name]
	return o, ok
}

// Person returns the person of that canonical name.
func (l *Lexicon) Person(name string) (Person, bool) {
	p, ok := l.people[name]
	return p, ok
}

// Currency parses a unit as written ("USD", "US dollars", "Belarusian
// rubles") into an ISO 4217 code.
func (l *Lexicon) Currency(s string) (string, bool) {
	m := l.currencyWordDict.Find(s)
	if len(m) == 0 {
		return "", false
	}
	return m[0].Key, true
}

// Scale returns the factor of a scale word (million → 1e6).
func (l *Lexicon) Scale(word string) (float64, bool) {
	m := l.scaleDict.Find(word)
	if len(m) != 1 || m[0].Start != 0 || m[0].End != len(word) {
		return 0, false
	}
	f, err := strconv.ParseFloat(m[0].Key, 64)
	return f, err == nil
}

// CurrencyAndScale reads a unit phrase such as "USD billion", "billion
// dollars" or "USD 100 million": the currency code and the factor (1 when
// no scale word is present).
func (l *Lexicon) CurrencyAndScale(s string) (code string, factor float64, ok bool) {
	code, ok = l.Currency(s)
	if !ok {
		return "", 0, false
	}
	factor = 1
	short := len(strings.Fields(s)) <= 4 // a unit phrase ("USD m"), not a sentence
	for _, m := range l.scaleDict.Find(s) {
		f, _ := strconv.ParseFloat(m.Key, 64)
		// single-letter scale words (m, b, k) count only in a unit phrase
		if m.End-m.Start > 1 || short {
			factor *= f
		}
	}
	return code, factor, true
}

func (l *Lexicon) String() string {
	return fmt.Sprintf("lexicon: %d countries, %d organisations, %d people", len(l.Countries), len(l.Organisations), len(l.People))
}
