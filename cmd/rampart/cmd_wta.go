package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/rampart-sim/rampart/internal/jsonout"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/wta"
)

// wtaTableRows is how many assignment rows the text output shows; --json
// gives them all.
const wtaTableRows = 25

// wtaJSON is the --json document of rampart wta.
type wtaJSON struct {
	File        string    `json:"file"`
	Format      string    `json:"format"`
	WeaponTypes int       `json:"weapon_types"`
	Targets     int       `json:"targets"`
	Units       int       `json:"units"`
	TotalValue  float64   `json:"total_value"`
	Objective   float64   `json:"objective"`
	LowerBound  *float64  `json:"lower_bound"`
	GapToBound  *float64  `json:"gap_to_bound"`
	Optimal     bool      `json:"optimal"`
	Interrupted bool      `json:"interrupted"`
	Solver      string    `json:"solver"`
	Seconds     float64   `json:"seconds"`
	Assignment  []wtaShot `json:"assignment"`
}

// wtaShot is one (weapon type, target) pair that fires.
type wtaShot struct {
	WeaponType int     `json:"weapon_type"`
	Weapon     string  `json:"weapon,omitempty"`
	Target     int     `json:"target"`
	TargetName string  `json:"target_name,omitempty"`
	Units      int     `json:"units"`
	KillProb   float64 `json:"kill_probability"`
}

func newWTACmd() *cobra.Command {
	var (
		format, solver string
		timeLimitS     float64
		seed           uint64
		asJSON         bool
	)
	cmd := &cobra.Command{
		Use:   "wta FILE [--format toffolo|yaml] [--solver exact|heuristic|auto] [--time-limit S] [--json]",
		Short: "Solve a static weapon-target assignment problem",
		Long: `Solve a static weapon-target assignment (WTA) problem: fire the units of m
weapon types at n targets so as to minimise the expected surviving value
Σ_j w_j Π_i (1 − p_ij)^x_ij, with at most μ_i units of type i.

FILE is in the text format of Andersen, Pavlikov & Toffolo (2022) ("m n mu",
then n target values, then "i j p_ij" lines; .txt) or in YAML (.yaml, .yml):

  values: [10, 20, 5]        # w_j, value of each target
  units: [2, 1]              # μ_i, units of each weapon type
  p:                         # p_ij, kill probability: a row per weapon type
    - [0.5, 0.3, 0.1]
    - [0.2, 0.6, 0.4]
  weapons: [SAM-A, SAM-B]    # optional names
  targets: [t1, t2, t3]      # optional names

Solvers: "heuristic" is maximum marginal return followed by local search and
iterated local search (seeded: the same file gives the same answer); "exact"
is branch and bound, which proves optimality or, when the time limit ends it,
returns its best assignment and a proven lower bound; "auto" is exact for
small problems (units × targets ≤ 5000) and heuristic otherwise.

Output: the objective (expected surviving value, in the units of the target
values), the lower bound the solver proved (null if none), the solver used,
the wall time in seconds and the assignment.`,
		Example: `  rampart wta problem.yaml
  rampart wta wta_100x200x1.txt --solver heuristic --json
  rampart wta small.yaml --solver exact --time-limit 60`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := args[0]
			if format == "" {
				switch strings.ToLower(filepath.Ext(file)) {
				case ".txt":
					format = "toffolo"
				case ".yaml", ".yml":
					format = "yaml"
				default:
					return badInput("wta: cannot tell the format of %q from its extension; give --format toffolo or --format yaml", file)
				}
			}
			read := map[string]func(io.Reader, string) (*wta.Problem, error){"toffolo": wta.ReadToffolo, "yaml": wta.ReadYAML}[format]
			if read == nil {
				return badInput("wta: --format %q is not allowed; allowed: toffolo, yaml", format)
			}
			switch solver {
			case wta.SolverExact, wta.SolverHeuristic, wta.SolverAuto:
			default:
				return badInput("wta: --solver %q is not allowed; allowed: exact, heuristic, auto", solver)
			}
			if !(timeLimitS >= 0) || math.IsInf(timeLimitS, 1) {
				return badInput("wta: --time-limit %g must be a number of seconds ≥ 0", timeLimitS)
			}
			f, err := os.Open(file)
			if err != nil {
				return badInput("wta: %w", err)
			}
			defer f.Close()
			p, err := read(f, file)
			if err != nil {
				var se *wta.SyntaxError
				if errors.As(err, &se) {
					return inputError{err}
				}
				return err
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			if timeLimitS > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, time.Duration(timeLimitS*float64(time.Second)))
				defer cancel()
			}
			start := time.Now()
			sol, err := wta.Solve(ctx, p, solver, wta.Options{Seed: seed})
			if err != nil {
				return err
			}
			doc := wtaDoc(file, format, p, sol, time.Since(start))
			if asJSON {
				return jsonout.Write(cmd.OutOrStdout(), doc)
			}
			return writeWTAText(cmd.OutOrStdout(), doc)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "input format: toffolo or yaml (default: from the extension, .txt → toffolo, .yaml/.yml → yaml)")
	fl.StringVar(&solver, "solver", wta.SolverAuto, "solver: exact, heuristic or auto")
	fl.Float64Var(&timeLimitS, "time-limit", 10, "wall-clock limit on the search, seconds (0: none); when it ends the search, the best assignment found is printed, marked interrupted")
	fl.Uint64Var(&seed, "seed", 0, "seed of the heuristic's random generator")
	fl.BoolVar(&asJSON, "json", false, "print one JSON document to stdout and nothing else")
	return cmd
}

func wtaDoc(file, format string, p *wta.Problem, s wta.Solution, elapsed time.Duration) wtaJSON {
	d := wtaJSON{
		File: file, Format: format,
		WeaponTypes: p.Weapons(), Targets: p.Targets(), Units: p.TotalUnits(),
		TotalValue: p.TotalValue(), Objective: s.Objective,
		Optimal: s.Optimal, Interrupted: s.Interrupted, Solver: s.Solver,
		Seconds:    elapsed.Seconds(),
		Assignment: []wtaShot{},
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
			shot := wtaShot{WeaponType: i, Target: j, Units: k, KillProb: p.P[i][j]}
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

func writeWTAText(w io.Writer, d wtaJSON) error {
	fmt.Fprintf(w, "%s: %d weapon types (%d units), %d targets of total value %g\n", d.File, d.WeaponTypes, d.Units, d.Targets, d.TotalValue)
	status := ""
	switch {
	case d.Optimal:
		status = " (proven optimal)"
	case d.Interrupted:
		status = " (stopped by the time limit)"
	}
	fmt.Fprintf(w, "  solver       %s%s\n", d.Solver, status)
	fmt.Fprintf(w, "  objective    %.6f expected surviving value\n", d.Objective)
	if d.LowerBound != nil {
		fmt.Fprintf(w, "  lower bound  %.6f (gap %.4f %%)\n", *d.LowerBound, 100**d.GapToBound)
	} else {
		fmt.Fprintf(w, "  lower bound  none\n")
	}
	fmt.Fprintf(w, "  time         %.3f s\n", d.Seconds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "WEAPON TYPE\tTARGET\tUNITS\tP_KILL\t")
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
