package check

import (
	"bytes"
	"fmt"
	"strings"
)

// ReportFile is the name of the quality report in a package.
const ReportFile = "QUALITY.md"

// checkDoc says what each check compares, for the report.
var checkDoc = map[string]string{
	"sums":   "exports + imports = turnover, for one period, within one table, one document or one reporter's statistics",
	"units":  "a table value and a prose figure for the same quantity whose ratio is close to a power of ten other than 1",
	"values": "figures for the same indicator or measure, direction and period that cannot both hold",
	"dates":  "records of one event (the same event key from the merge) whose dates do not overlap",
}

// Report returns the quality report, QUALITY.md: what was checked and how,
// and every conflict, grouped by kind. It holds no date or version, so the
// report of a release equals the report of a build of the same inputs.
func (r *Result) Report() []byte {
	var b bytes.Buffer
	o := r.opts
	b.WriteString("# Data quality report\n\n")
	b.WriteString("Consistency checks of the records of this package. They compare the values as the documents\n")
	b.WriteString("write them, before any curation, so a disagreement that a curation entry corrects is still listed\n")
	b.WriteString("and names the entry. No figure is dropped or changed because of a conflict: every record stays\n")
	b.WriteString("published, and `conflicts.csv` / `conflicts.parquet` hold the rows below.\n\n")
	b.WriteString("| check | what it compares | comparisons | conflicts | resolved by curation |\n")
	b.WriteString("|---|---|---:|---:|---:|\n")
	for _, s := range r.Stats {
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d |\n", s.Check, checkDoc[s.Check], s.Compared, s.Conflicts, s.Resolved)
	}
	b.WriteString("\n## How figures are compared\n\n")
	fmt.Fprintf(&b, "- An exact figure v stands for v ± (%s%% of |v| + half a unit of its last non-zero digit), since\n", number(o.Tolerance*100))
	fmt.Fprintf(&b, "  writers round: $7.7 billion for 7.65–7.75 billion, widened by %s%%. Two exact figures thus agree when\n", number(o.Tolerance*100))
	fmt.Fprintf(&b, "  they differ by up to about %s%% plus their rounding. Counts and ranks are taken as written.\n", number(2*o.Tolerance*100))
	fmt.Fprintf(&b, "- An approximate figure (about, nearly, …) stands for v ± (%s%% of |v| + its rounding).\n", number(o.ApproxTolerance*100))
	fmt.Fprintf(&b, "- \"More than v\" stands for everything above v less %s%% of |v|; \"less than v\" likewise below.\n", number(o.Tolerance*100))
	b.WriteString("- Two figures disagree when these intervals do not meet; a sum holds when the interval of\n")
	b.WriteString("  exports + imports meets the interval of turnover.\n")
	fmt.Fprintf(&b, "- A table value that is 10^k (k ≠ 0) times a prose figure, within %s%%, is a unit mismatch; the\n", number(o.UnitTolerance*100))
	b.WriteString("  two are then also compared at one scale, and still reported if they disagree there.\n")
	b.WriteString("- Dates disagree when their intervals share no day; a more precise date inside a vaguer one\n")
	b.WriteString("  refines it.\n")
	b.WriteString("\n## Conflicts\n")
	if len(r.Conflicts) == 0 {
		b.WriteString("\nNo conflicts found.\n")
		return b.Bytes()
	}
	for i := 0; i < len(r.Conflicts); {
		kind := r.Conflicts[i].Kind
		j := i
		for j < len(r.Conflicts) && r.Conflicts[j].Kind == kind {
			j++
		}
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", kind, j-i)
		for _, c := range r.Conflicts[i:j] {
			fmt.Fprintf(&b, "- `%s` %s\n  Records: %s.", c.ConflictID, escape(c.Detail), codes(c.RecordIDs))
			if c.CurationID != "" {
				fmt.Fprintf(&b, " Resolved by curation entry `%s`.", c.CurationID)
			}
			b.WriteString("\n")
		}
		i = j
	}
	return b.Bytes()
}

func codes(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "`" + id + "`"
	}
	return strings.Join(out, ", ")
}

// escape keeps text from the documents from being read as Markdown.
func escape(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "`", "\\`", "<", "&lt;", "[", "\\[", "]", "\\]", "\n", " ")
	return r.Replace(s)
}
