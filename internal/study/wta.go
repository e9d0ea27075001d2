package study

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/wta"
)

// wtaTableRows is how many assignment rows the text output shows; --json
// gives them all.
const wtaTableRows = 25

// WTAJSON is the JSON document of rampart wta: the instance, the
// solution, its bound and gap, and the firing assignment. Its input is a
// problem file, not a scenario: InputSHA256 is that file's SHA-256 as
// read, and Seed the heuristic's seed.
type WTAJSON struct {
	RampartVersion string    `json:"rampart_version"`
	File           string    `json:"file"`
	InputSHA256    string    `json:"input_sha256"`
	Seed           uint64    `json:"seed"`
	Format         string    `json:"format"`
	WeaponTypes    int       `json:"weapon_types"`
	Targets        int       `json:"targets"`
	Units          int       `json:"units"`
	TotalValue     float64   `json:"total_value"`
	Objective      float64   `json:"objective"`
	LowerBound     *float64  `json:"lower_bound"`
	GapToBound     *float64  `json:"gap_to_bound"`
	BoundNote      string    `json:"bound_note,omitempty"`
	Optimal        bool      `json:"optimal"`
	Interrupted    bool      `json:"interrupted"`
	Solver         string    `json:"solver"`
	Seconds        float64   `json:"seconds"`
	Assignment     []WTAShot `json:"assignment"`
}

// WTAShot is one (weapon type, target) pair that fires.
type WTAShot struct {
	WeaponType int     `json:"weapon_type"`
	Weapon     string  `json:"weapon,omitempty"`
	Target     int     `json:"target"`
	TargetName string  `json:"target_name,omitempty"`
	Units      int     `json:"units"`
	KillProb   float64 `json:"kill_probability"`
}

// WTADocument builds the document of solution s of problem p, read from
// file (whose SHA-256 is sha) in format, found in elapsed with the seed.
func WTADocument(file, sha, format string, seed uint64, p *wta.Problem, s wta.Solution, elapsed time.Duration) WTAJSON {
	d := WTAJSON{
		RampartVersion: provenance.Version(),
		File:           file, InputSHA256: sha, Seed: seed, Format: format,
		WeaponTypes: p.Weapons(), Targets: p.Targets(), Units: p.TotalUnits(),
		TotalValue: p.TotalValue(), Objective: s.Objective,
		Optimal: s.Optimal, Interrupted: s.Interrupted, Solver: s.Solver,
		Seconds:    elapsed.Seconds(),
		BoundNote:  s.BoundNote,
		Assignment: []WTAShot{},
	}
	if !math.IsNaN(s.LowerBound) {
		lb := s.LowerBound
		d.LowerBound = &lb
		d.GapToBound = nullable(s.Gap())
	}
	for i, row := range s.Assign {
		for j, k := range row {
			if k == 0 {
				continue
			}
			shot := WTAShot{WeaponType: i, Target: j, Units: k, KillProb: p.P[i][j]}
			if p.WeaponNames != nil {
				shot.Weapon = p.WeaponNames[i]
			}
			if p.TargetNames != nil {
				shot.TargetName = p.TargetNames[j]
			}
			d.Assignment = append(d.Assignment, shot)
		}
	}
	return d
}

// WriteWTAText writes d as a summary and the first wtaTableRows rows of
// the assignment.
func WriteWTAText(w io.Writer, d WTAJSON) error {
	fmt.Fprintf(w, "%s: %d weapon types (%d units), %d targets of total value %g\n", d.File, d.WeaponTypes, d.Units, d.Targets, d.TotalValue)
	status := ""
	switch {
	case d.Optimal:
		status = " (proven optimal)"
	case d.Interrupted:
		status = " (stopped by the time limit)"
	}
	fmt.Fprintf(w, "  solver       %s%s\n", d.Solver, status)
	fmt.Fprintf(w, "  objective    %s expected surviving value\n", sixDecimals(d.Objective))
	if d.LowerBound != nil {
		fmt.Fprintf(w, "  lower bound  %s (gap %s %%)\n", sixDecimals(*d.LowerBound), fourDecimals(100**d.GapToBound))
	} else {
		fmt.Fprintf(w, "  lower bound  none\n")
	}
	if d.BoundNote != "" {
		fmt.Fprintf(w, "  note         %s\n", d.BoundNote)
	}
	fmt.Fprintf(w, "  time         %.3f s\n", d.Seconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "WEAPON TYPE\tTARGET\tUNITS\tP_KILL EACH UNIT\t")
	for k, s := range d.Assignment {
		if k == wtaTableRows {
			break
		}
		weapon, target := fmt.Sprint(s.WeaponType), fmt.Sprint(s.Target)
		if s.Weapon != "" {
			weapon = s.Weapon
		}
		if s.TargetName != "" {
			target = s.TargetName
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.4f\t\n", weapon, target, s.Units, s.KillProb)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if n := len(d.Assignment) - wtaTableRows; n > 0 {
		fmt.Fprintf(w, "  … and %d more rows (--json prints them all)\n", n)
	}
	return nil
}

// sixDecimals is v to six decimals without trailing zeros (15.5, not
// 15.500000): the precision the benchmarks' published objectives are
// compared at, and no more digits than that.
func sixDecimals(v float64) string { return trimmedDecimals(v, 6) }

// fourDecimals is a percentage gap to four decimals, trimmed the same way.
func fourDecimals(v float64) string { return trimmedDecimals(v, 4) }

// trimmedDecimals is v to n decimals without trailing zeros.
func trimmedDecimals(v float64, n int) string {
	s := strconv.FormatFloat(v, 'f', n, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
