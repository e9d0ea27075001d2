package study

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/report"
)

// MaxTextRows is the most rows a table of the text summary shows: the
// terminal gets a summary a person reads (the battle space's 24-row
// summary fits; its 288-row table by family does not). The rest are in the
// JSON document (--json) and the report (--out), which keep every row.
const MaxTextRows = 25

// moreRows says, below a table cut to MaxTextRows, how many rows are left
// out and where they are; nothing when none is.
func moreRows(w io.Writer, shown, total int) {
	if total > shown {
		fmt.Fprintf(w, "… %d more rows (%d in all): every row is in the JSON (--json) and the report (--out DIR)\n", total-shown, total)
	}
}

// WriteText writes the text summary of a run: the engine's own, or for an
// analysis the headline and every table of its report, each cut to
// MaxTextRows rows; then the run's provenance and the command that
// reproduces it.
func WriteText(w io.Writer, res *Result) error {
	if err := writeSummary(w, res); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nrampart %s · scenario sha256 %s · seed %d\nreproduce: %s\n",
		provenance.Version(), res.scenario.SHA256, res.options.Seed, ReproduceCommand(res.scenario, res.options))
	return err
}

// writeSummary writes the text summary of a run without its provenance.
func writeSummary(w io.Writer, res *Result) error {
	if res.text != nil {
		return res.text(w)
	}
	s := res.scenario
	fmt.Fprintf(w, "scenario %s (%s analysis): %s\n\n", s.Name, res.Kind, s.Question)
	fmt.Fprintf(w, "headline: %s\n  value: %s %s\n", res.Headline.Answer, report.FormatNumber(res.Headline.Value), res.Headline.Unit)
	for _, sec := range res.Sections {
		for _, b := range sec.Blocks {
			var t *report.Table
			switch x := b.(type) {
			case report.Table:
				t = &x
			case *report.Table:
				t = x
			}
			if t == nil || len(t.Rows) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s\n", t.Caption)
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			var head []string
			for _, c := range t.Columns {
				h := strings.ToUpper(c.Heading)
				if c.Unit != "" {
					h += " (" + c.Unit + ")"
				}
				head = append(head, h)
			}
			fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
			shown := min(len(t.Rows), MaxTextRows)
			for _, r := range t.Rows[:shown] {
				fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			moreRows(w, shown, len(t.Rows))
		}
	}
	return nil
}
