package store

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"
)

// The text forms of rampart runs list, show and compare. Every string
// that came from a scenario file is written through clean, so that a
// name cannot move the terminal's cursor or change its colours.

// timeFormat is how runs' times are printed: UTC, to the second.
const timeFormat = "2006-01-02 15:04:05Z"

// WriteList writes runs as a table, one a line, newest first as given.
func WriteList(w io.Writer, runs []Run) error {
	if len(runs) == 0 {
		_, err := fmt.Fprintln(w, "no runs stored yet (store one with 'rampart run --db ...')")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCREATED (UTC)\tSTATUS\tSCENARIO\tSEED\tTRIALS\tVERSION\tSHA-256\tHEADLINE")
	for _, r := range runs {
		head := r.Headline
		if r.Status == Failed || r.Status == Cancelled {
			head = r.Error
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.ID, r.CreatedAt.UTC().Format(timeFormat), r.Status,
			clean(r.Scenario), r.Seed, trials(r.Trials), clean(r.RampartVersion), short(r.ScenarioSHA256), truncate(clean(head), 72))
	}
	return tw.Flush()
}

// WriteRun writes one run: its record, statistics and files.
func WriteRun(w io.Writer, r Run) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "run\t%d\n", r.ID)
	fmt.Fprintf(tw, "status\t%s\n", r.Status)
	if r.Error != "" {
		fmt.Fprintf(tw, "error\t%s\n", clean(r.Error))
	}
	fmt.Fprintf(tw, "scenario\t%s (%s)\n", clean(r.Scenario), clean(r.Kind))
	fmt.Fprintf(tw, "scenario SHA-256\t%s\n", clean(r.ScenarioSHA256))
	fmt.Fprintf(tw, "rampart version\t%s\n", clean(r.RampartVersion))
	fmt.Fprintf(tw, "seed\t%d\n", r.Seed)
	fmt.Fprintf(tw, "trials\t%s\n", trials(r.Trials))
	if r.Fidelity != "" {
		fmt.Fprintf(tw, "fidelity\t%s\n", clean(r.Fidelity))
	}
	fmt.Fprintf(tw, "picks\tthreat %s, defense %s\n", clean(r.PickThreat), clean(r.PickDefense))
	fmt.Fprintf(tw, "created\t%s\n", r.CreatedAt.UTC().Format(timeFormat))
	fmt.Fprintf(tw, "started\t%s\n", optTime(r.StartedAt))
	fmt.Fprintf(tw, "finished\t%s\n", optTime(r.FinishedAt))
	if r.StartedAt != nil && r.FinishedAt != nil {
		fmt.Fprintf(tw, "took\t%s\n", r.FinishedAt.Sub(*r.StartedAt).Round(time.Millisecond))
	}
	fmt.Fprintf(tw, "owner\t%s\n", clean(r.Owner))
	if r.Reproduce != "" {
		fmt.Fprintf(tw, "reproduce\t%s\n", clean(r.Reproduce))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.Headline != "" {
		fmt.Fprintf(w, "\n%s\n", clean(r.Headline))
	}
	if len(r.Statistics) > 0 {
		fmt.Fprintln(w, "\nStatistics (95 % intervals)")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  NAME\tVALUE\t95 % INTERVAL\tKIND\tLABEL")
		for _, s := range r.Statistics {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", clean(s.Name), num(s.Value)+unit(s.Unit), interval(s.CI95, false), s.Kind, truncate(clean(s.Label), 72))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Files) > 0 {
		fmt.Fprintf(w, "\nFiles ('rampart runs show %d --file NAME', with the same --db, writes one to stdout)\n", r.ID)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", ResultsFile, "", "application/json")
		for _, f := range r.Files {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", clean(f.Name), bytesText(f.Size), clean(f.MediaType))
		}
		return tw.Flush()
	}
	return nil
}

// WriteComparison writes two runs side by side and each difference.
func WriteComparison(w io.Writer, c Comparison) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tA\tB")
	fmt.Fprintf(tw, "run\t%d\t%d\n", c.A.ID, c.B.ID)
	fmt.Fprintf(tw, "status\t%s\t%s\n", c.A.Status, c.B.Status)
	fmt.Fprintf(tw, "scenario\t%s\t%s\n", clean(c.A.Scenario), clean(c.B.Scenario))
	fmt.Fprintf(tw, "SHA-256\t%s\t%s\n", short(c.A.ScenarioSHA256), short(c.B.ScenarioSHA256))
	fmt.Fprintf(tw, "version\t%s\t%s\n", clean(c.A.RampartVersion), clean(c.B.RampartVersion))
	fmt.Fprintf(tw, "seed\t%d\t%d\n", c.A.Seed, c.B.Seed)
	fmt.Fprintf(tw, "trials\t%s\t%s\n", trials(c.A.Trials), trials(c.B.Trials))
	fmt.Fprintf(tw, "fidelity\t%s\t%s\n", orDash(c.A.Fidelity), orDash(c.B.Fidelity))
	fmt.Fprintf(tw, "picks\t%s/%s\t%s/%s\n", clean(c.A.PickThreat), clean(c.A.PickDefense), clean(c.B.PickThreat), clean(c.B.PickDefense))
	fmt.Fprintf(tw, "created (UTC)\t%s\t%s\n", c.A.CreatedAt.UTC().Format(timeFormat), c.B.CreatedAt.UTC().Format(timeFormat))
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(c.Differences) > 0 {
		fmt.Fprintln(w, "\nDifferences, B minus A, with 95 % intervals")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  STATISTIC\tA\tB\tB − A\t95 % INTERVAL\tMETHOD")
		for _, d := range c.Differences {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", clean(d.Name), num(d.A), num(d.B), signed(d.Difference)+unit(d.Unit), interval(d.CI95, true), d.Method)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w, "\nMethods: newcombe-wilson, Newcombe's hybrid score interval from the Wilson intervals (Statistics in Medicine 17, 873–890, 1998, method 10);")
		fmt.Fprintln(w, "normal, the normal-approximation interval of a difference of independent means; exact, no sampling; none, a run gives no interval.")
	}
	if len(c.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range c.Notes {
			fmt.Fprintf(w, "Note: %s.\n", n)
		}
	}
	return nil
}

// clean replaces control characters (escape sequences, carriage
// returns, tabs that would break a table) and invalid UTF-8 by U+FFFD.
func clean(s string) string {
	if !strings.ContainsFunc(s, isControl) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if isControl(r) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029 }

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func short(sha string) string {
	if len(sha) > 12 {
		return clean(sha[:12])
	}
	return clean(sha)
}

func trials(n int) string {
	if n == 0 {
		return "–"
	}
	return strconv.Itoa(n)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return clean(s)
}

func optTime(t *time.Time) string {
	if t == nil {
		return "–"
	}
	return t.UTC().Format(timeFormat)
}

func unit(u string) string {
	if u == "" {
		return ""
	}
	return " " + clean(u)
}

// num writes x to four significant digits.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "–"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "−∞"
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

func signed(x float64) string {
	s := num(x)
	if x > 0 && !math.IsInf(x, 1) {
		return "+" + s
	}
	return s
}

func interval(ci *[2]float64, sign bool) string {
	if ci == nil {
		return "–"
	}
	f := num
	if sign {
		f = signed
	}
	return f(ci[0]) + " to " + f(ci[1])
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
