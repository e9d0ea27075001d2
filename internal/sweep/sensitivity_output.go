package sweep

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/report"
)

// TornadoBars is the number of parameters the tornado chart draws.
const TornadoBars = 20

// JSON is the document, indented, numbers rounded (package jsonout).
func (s *Sensitivity) JSON() ([]byte, error) { return jsonout.Marshal(s, "  ") }

// noise is the half-width of the central run's 95 % interval of the
// statistic: a swing well under it is hard to tell from Monte Carlo noise
// (less so than it looks, since every run shares its random streams).
func (s *Sensitivity) noise() float64 {
	return (s.Central.LeakersCI95[1] - s.Central.LeakersCI95[0]) / 2
}

// Moved counts the parameters whose swing is not zero.
func (s *Sensitivity) Moved() int {
	n := 0
	for _, r := range s.Rows {
		if r.Swing > 0 {
			n++
		}
	}
	return n
}

// WriteSensitivityText writes the parameters sorted by swing, those that
// moved the statistic, then a count of those that did not, and the top
// parameters with their sources.
func WriteSensitivityText(w io.Writer, s *Sensitivity) error {
	fmt.Fprintf(w, "%s: %s at central catalog values: %s [%s–%s] (%d trials, %s fidelity, seed %d; every run on the same random streams).\n\n",
		s.Scenario, s.Statistic, r3(s.Central.LeakersMean), r3(s.Central.LeakersCI95[0]), r3(s.Central.LeakersCI95[1]), s.Trials, s.Fidelity, s.Seed)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "PARAMETER\tLOW\tCENTRAL\tHIGH\tUNIT\tAT LOW\tAT HIGH\tSWING")
	for _, r := range s.Rows {
		if r.Swing == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s.%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Entry, r.Key, fmtNum(r.Low), fmtNum(r.Central), fmtNum(r.High), r.Unit,
			statCell(r.AtLow), statCell(r.AtHigh), r3(r.Swing))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d of %d banded catalog values moved the statistic; %d did not (the engine may not read them, or their effect is below what the trials resolve); %d point values have no band to move.\n",
		s.Moved(), len(s.Rows), len(s.Rows)-s.Moved(), s.FixedValues)
	if ref := s.refused(); len(ref) > 0 {
		fmt.Fprintf(w, "%d run(s) were refused by the model (the value alone contradicts the entry's other values; the swing counts the runs that ran):\n", len(ref))
		for _, x := range ref {
			fmt.Fprintln(w, "  "+x)
		}
	}
	fmt.Fprintf(w, "The central run's 95 %% interval is ±%s: smaller swings are near Monte Carlo noise.\n", r3(s.noise()))
	if top := s.top(5); len(top) > 0 {
		fmt.Fprintln(w, "\nParameters that move the answer most, with their sources:")
		for i, r := range top {
			fmt.Fprintf(w, "%d. %s.%s (%s–%s %s, swing %s): %s (%s)\n", i+1, r.Entry, r.Key, fmtNum(r.Low), fmtNum(r.High), r.Unit, r3(r.Swing), r.Source, r.Date)
		}
	}
	for _, n := range s.Notes {
		fmt.Fprintln(w, "Note: "+n)
	}
	return nil
}

// top returns the first n rows with a swing.
func (s *Sensitivity) top(n int) []SensitivityRow {
	var out []SensitivityRow
	for _, r := range s.Rows {
		if r.Swing > 0 && len(out) < n {
			out = append(out, r)
		}
	}
	return out
}

// SensitivityReport builds the report: the tornado chart of the largest
// swings (the statistic at low and at high, less the central value) and
// the table of every parameter with its source.
func SensitivityReport(s *Sensitivity, command string) *report.Document {
	top := s.top(TornadoBars)
	answer := fmt.Sprintf("At central catalog values %s %s; %d of %d banded catalog values move it.", r3(s.Central.LeakersMean), s.Statistic, s.Moved(), len(s.Rows))
	if len(top) > 0 {
		answer += fmt.Sprintf(" The largest swing is %s.%s (%s to %s %s), from %s to %s.", top[0].Entry, top[0].Key, fmtNum(top[0].Low), fmtNum(top[0].High), top[0].Unit,
			r3(top[0].LeakersAtLow), r3(top[0].LeakersAtHigh))
	}
	doc := &report.Document{Title: "rampart sensitivity: " + s.Scenario, Scenario: s.Scenario,
		Question: "Which catalog values move the headline of " + s.Scenario + " most, each moved alone to its low and high value?",
		Headline: report.Headline{Answer: answer, Value: r3(s.Central.LeakersMean), Unit: s.Statistic},
		Inputs:   report.Inputs{ScenarioFile: s.File, ScenarioSHA256: s.ScenarioSHA256, Seed: s.Seed, Version: s.RampartVersion, Command: command},
	}
	chart := report.BarChart{Caption: fmt.Sprintf("Tornado: change of %s from the central run (%s), each value at its low and at its high end", s.Statistic, r3(s.Central.LeakersMean)),
		X: report.Axis{Label: "Change from central", Unit: strings.SplitN(s.Statistic, " ", 2)[0]}}
	lo := report.BarSeries{Name: "at low value"}
	hi := report.BarSeries{Name: "at high value"}
	for _, r := range top {
		chart.Categories = append(chart.Categories, r.Entry+" "+r.Key)
		lo.Values = append(lo.Values, delta(r.AtLow, s.Central.LeakersMean))
		hi.Values = append(hi.Values, delta(r.AtHigh, s.Central.LeakersMean))
	}
	chart.Series = []report.BarSeries{lo, hi}
	var blocks []report.Block
	text := []string{fmt.Sprintf("Every run has %d trials at %s fidelity on the same random streams (seed %d). Swings under ±%s, the central run's 95 %% half-interval, are near Monte Carlo noise.", s.Trials, s.Fidelity, s.Seed, r3(s.noise()))}
	if len(top) > 0 {
		blocks = append(blocks, chart)
	} else {
		text = append(text, "No catalog value moved the statistic.")
	}
	t := report.Table{Caption: "Every banded catalog value, largest swing first",
		Columns: []report.Column{{Heading: "Parameter"}, {Heading: "Low", Numeric: true}, {Heading: "Central", Numeric: true}, {Heading: "High", Numeric: true},
			{Heading: "Unit"}, {Heading: "At low", Numeric: true}, {Heading: "At high", Numeric: true}, {Heading: "Swing", Numeric: true}, {Heading: "Source"}}}
	for _, r := range s.Rows {
		t.Rows = append(t.Rows, []string{r.Entry + "." + r.Key, fmtNum(r.Low), fmtNum(r.Central), fmtNum(r.High), r.Unit,
			statCell(r.AtLow), statCell(r.AtHigh), r3(r.Swing), r.Source + " (" + r.Date + ")"})
	}
	blocks = append(blocks, t)
	if ref := s.refused(); len(ref) > 0 {
		text = append(text, fmt.Sprintf("%d run(s) were refused by the model, the value alone contradicting the entry's other values: %s.", len(ref), strings.Join(ref, "; ")))
	}
	doc.Sections = []report.Section{{Heading: "Sensitivity", Text: append(text, s.Notes...), Blocks: blocks}}
	return doc
}

// statCell is a run's statistic, or "refused".
func statCell(r Row) string {
	if r.Refused != "" {
		return "refused"
	}
	return r3(r.LeakersMean)
}

// refused lists the refused runs: "ENTRY.key at X: reason".
func (s *Sensitivity) refused() []string {
	var out []string
	for _, r := range s.Rows {
		for _, x := range []Row{r.AtLow, r.AtHigh} {
			if x.Refused != "" {
				out = append(out, fmt.Sprintf("%s.%s at %s: %s", r.Entry, r.Key, x.Settings[0].Value, x.Refused))
			}
		}
	}
	return out
}

// delta is a run's statistic less c, NaN for a refused run.
func delta(r Row, c float64) float64 {
	if r.Refused != "" {
		return math.NaN()
	}
	return r.LeakersMean - c
}
