package main

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/study"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/wta"
)

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
then n target values, then "i j p_ij" lines; .txt) or in YAML (.yaml, .yml).
The examples read the two small problems in examples/wta of the source tree,
and one published instance from the benchmark folder beside it
(../shared/bench/wta, instances of the tuliotoffolo/wta repository):

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
		Example: `  rampart wta examples/wta/small.yaml
  rampart wta examples/wta/small.txt --solver heuristic --json
  rampart wta examples/wta/small.yaml --solver exact --time-limit 60
  rampart wta ../shared/bench/wta/wta_50x100x1.txt --solver heuristic`,
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
			if cmd.Flags().Changed("seed") && solver == wta.SolverExact {
				// Accepted and ignored before (issue 12).
				return badInput("wta: --seed seeds the heuristic; --solver exact does not use it; give --solver heuristic or auto")
			}
			if !(timeLimitS >= 0) || math.IsInf(timeLimitS, 1) {
				return badInput("wta: --time-limit %g must be a number of seconds ≥ 0", timeLimitS)
			}
			f, err := os.Open(file)
			if err != nil {
				return badInput("wta: %w", err)
			}
			defer f.Close()
			in, sha := provenance.TeeSHA256(f)
			p, err := read(in, file)
			if err != nil {
				var se *wta.SyntaxError
				if errors.As(err, &se) {
					if cmd.Flags().Changed("format") {
						// Say which reader failed: the file may be right
						// and the flag wrong.
						return badInput("wta: read as --format %s: %w", format, err)
					}
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
			doc := study.WTADocument(file, sha(), format, seed, p, sol, time.Since(start))
			if asJSON {
				return jsonout.Write(cmd.OutOrStdout(), doc)
			}
			return study.WriteWTAText(cmd.OutOrStdout(), doc)
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
