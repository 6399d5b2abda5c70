package check

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// dates reports every two records of one event (the same Event.Key) whose
// dates do not overlap. Dates overlap when their intervals share a day:
// "August 2015" and "August 31, 2015" agree (the second refines the
// first), "August 2015" and "September 2015" do not. Records with an
// unresolved date are not compared.
func (c *checker) dates(events []Event) {
	evs := slices.Clone(events)
	slices.SortFunc(evs, func(a, b Event) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.At.SourceID, b.At.SourceID),
			cmp.Compare(a.At.Line, b.At.Line), strings.Compare(a.RecordID, b.RecordID))
	})
	for i := 0; i < len(evs); {
		j := i + 1
		for j < len(evs) && evs[j].Key == evs[i].Key {
			j++
		}
		g := evs[i:j]
		for x := range g {
			for y := x + 1; y < len(g); y++ {
				a, b := g[x], g[y]
				if !a.When.Resolved() || !b.When.Resolved() || a.RecordID == b.RecordID {
					continue
				}
				c.compared("dates")
				if a.When.Overlaps(b.When) {
					continue
				}
				label := a.Label
				if label == "" {
					label = "one event"
				}
				c.add("dates", DateDisagreement, label+": "+dateWords(a)+" vs "+dateWords(b)+": the dates do not overlap", "", a.RecordID, b.RecordID)
			}
		}
		i = j
	}
}

// dateWords describes an event's date: 2015-08-31 ("August 31, 2015",
// 002_0f50cf8c147c8a09:226).
func dateWords(e Event) string {
	s := e.When.EDTF
	var in []string
	if e.When.Text != "" {
		in = append(in, strconv.Quote(e.When.Text))
	}
	if e.At.SourceID != "" {
		in = append(in, fmt.Sprintf("%s:%d", e.At.SourceID, e.At.Line))
	}
	if len(in) > 0 {
		s += " (" + strings.Join(in, ", ") + ")"
	}
	return s
}
