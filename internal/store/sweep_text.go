package store

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteSweepList writes sweeps as a table, newest first.
func WriteSweepList(w io.Writer, sweeps []Sweep) error {
	if len(sweeps) == 0 {
		_, err := fmt.Fprintln(w, "no sweeps stored yet (store one with 'rampart sweep ... --db ...')")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCREATED (UTC)\tSTATUS\tSCENARIO\tPOINTS\tTRIALS\tFIDELITY\tSEED\tVARIED")
	for _, s := range sweeps {
		varied := strings.Join(axisPaths(s.Axes), ", ")
		if s.Status == Failed || s.Status == Cancelled {
			varied = s.Error
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\t%d\t%s\n", s.ID, s.CreatedAt.UTC().Format(timeFormat), s.Status,
			clean(s.Scenario), s.Points, trials(s.Trials), clean(s.Fidelity), s.Seed, truncate(clean(varied), 72))
	}
	return tw.Flush()
}

// WriteSweep writes one sweep's record and its files (the points are
// written by package sweep from its results.json).
func WriteSweep(w io.Writer, s Sweep) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "sweep\t%d\n", s.ID)
	fmt.Fprintf(tw, "status\t%s\n", s.Status)
	if s.Error != "" {
		fmt.Fprintf(tw, "error\t%s\n", clean(s.Error))
	}
	fmt.Fprintf(tw, "scenario\t%s\n", clean(s.Scenario))
	fmt.Fprintf(tw, "scenario SHA-256\t%s\n", clean(s.ScenarioSHA256))
	fmt.Fprintf(tw, "rampart version\t%s\n", clean(s.RampartVersion))
	fmt.Fprintf(tw, "varied\t%s\n", clean(strings.Join(axisPaths(s.Axes), ", ")))
	fmt.Fprintf(tw, "points\t%d × %s trials, %s fidelity, seed %d\n", s.Points, trials(s.Trials), clean(s.Fidelity), s.Seed)
	fmt.Fprintf(tw, "created\t%s\n", s.CreatedAt.UTC().Format(timeFormat))
	if s.FinishedAt != nil {
		fmt.Fprintf(tw, "finished\t%s\n", s.FinishedAt.UTC().Format(timeFormat))
	}
	fmt.Fprintf(tw, "reproduce\t%s\n", clean(s.Reproduce))
	for _, f := range s.Files {
		fmt.Fprintf(tw, "file\t%s (%d bytes, SHA-256 %s)\n", clean(f.Name), f.Size, short(f.SHA256))
	}
	return tw.Flush()
}

// axisPaths are the paths of a sweep's axes JSON ([{"path": ...}]).
func axisPaths(axes json.RawMessage) []string {
	var as []struct {
		Path string `json:"path"`
	}
	_ = json.Unmarshal(axes, &as)
	var out []string
	for _, a := range as {
		out = append(out, a.Path)
	}
	return out
}
