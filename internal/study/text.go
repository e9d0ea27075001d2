package study

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/report"
)

// WriteText writes the text summary of a run: the engine's own, or for an
// analysis the headline and every table of its report; then the run's
// provenance and the command that reproduces it.
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
			for _, r := range t.Rows {
				fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
			}
			if err := tw.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}
