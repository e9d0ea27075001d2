package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/progress"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/study"
	"github.com/rampart-sim/rampart/internal/sweep"
)

func init() { extraCommands = append(extraCommands, newSweepCmd, newSensitivityCmd) }

// gridFlags are the Monte Carlo settings shared by sweep and sensitivity.
type gridFlags struct {
	asJSON   bool
	trials   int
	seed     int64
	workers  int
	fidelity string
	out      string
}

func (g *gridFlags) register(cmd *cobra.Command, trialsHelp string) {
	cmd.Flags().BoolVar(&g.asJSON, "json", false, "print one JSON document to stdout and nothing else")
	cmd.Flags().IntVar(&g.trials, "trials", 0, trialsHelp)
	cmd.Flags().Int64Var(&g.seed, "seed", 0, "random seed (default: the scenario's run.seed)")
	cmd.Flags().IntVar(&g.workers, "workers", 0, "parallel workers (default 0: one per core); results do not depend on it")
	cmd.Flags().StringVar(&g.fidelity, "fidelity", "", "engine fidelity: fast (default where the scenario allows it) or full")
	cmd.Flags().StringVar(&g.out, "out", "", "also write a report directory: report.html (plots) and results.json")
}

// options checks the flags against s and returns the sweep options, and
// a note when fast fidelity was not possible and full runs instead.
func (g *gridFlags) options(cmd *cobra.Command, s *scenario.Scenario, defTrials int) (sweep.Options, []string, error) {
	o := sweep.Options{Context: cmd.Context(), Seed: s.Run.Seed, Trials: defTrials}
	var notes []string
	if s.Analysis != nil {
		return o, nil, badInput("%s runs the %s analysis; %s runs engine scenarios only (no analysis section): the analysis has no catalog override layer or Monte Carlo of the engine to rerun", s.Name, s.Analysis.Kind, cmd.CommandPath())
	}
	fl := cmd.Flags()
	if fl.Changed("seed") {
		if g.seed < 0 || g.seed > scenario.MaxSeed {
			return o, nil, badInput("--seed %d is out of range; allowed: 0 to %d", g.seed, int64(scenario.MaxSeed))
		}
		o.Seed = g.seed
	}
	if fl.Changed("trials") {
		if g.trials < 1 || g.trials > scenario.MaxTrials {
			return o, nil, badInput("--trials %d is out of range; allowed: 1 to %d", g.trials, scenario.MaxTrials)
		}
		o.Trials = g.trials
	}
	if g.workers < 0 {
		return o, nil, badInput("--workers %d is out of range; allowed: 0 (all cores) or more", g.workers)
	}
	o.Workers = g.workers
	if o.Workers == 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if g.out != "" {
		if err := sweep.CheckDir(g.out); err != nil {
			return o, nil, err
		}
	}
	switch {
	case fl.Changed("fidelity"):
		f, err := sim.ParseFidelity(g.fidelity)
		if err != nil {
			return o, nil, badInput("--fidelity %q is not allowed; allowed: %s", g.fidelity, strings.Join(sim.FidelityNames(), ", "))
		}
		o.Fidelity = f.String()
		if f == sim.FastFidelity {
			if err := study.FastRefusal(s, study.Options{}, nil); err != nil {
				return o, nil, badInput("--fidelity fast: %s: %v (--fidelity full)", s.Name, err)
			}
		}
	default:
		o.Fidelity = sim.FastFidelity.String()
		if err := study.FastRefusal(s, study.Options{}, nil); err != nil {
			o.Fidelity = sim.FullFidelity.String()
			notes = append(notes, fmt.Sprintf("fast fidelity is not possible for %s (%v): every point runs at full fidelity", s.Name, err))
		}
	}
	return o, notes, nil
}

// gridError marks the sweep package's input errors for exit code 2.
func gridError(err error) error {
	var ie *sweep.InputError
	if errors.As(err, &ie) {
		return inputError{err}
	}
	return err
}

func newSweepCmd() *cobra.Command {
	var g gridFlags
	var varies []string
	var point int
	var db string
	cmd := &cobra.Command{
		Use:   "sweep SCENARIO|FILE --vary PATH=VALUES ...",
		Short: "Run an engine scenario's Monte Carlo over a grid of scenario fields and catalog values",
		Long: `Run an engine scenario's Monte Carlo at every point of a grid: the product of
the --vary axes, at most ` + fmt.Sprint(sweep.MaxPoints) + ` points.

PATH is a scenario field by its YAML names, a list element selected by
index or by name:
  owners[US].doctrine.salvo   threats[sejjil-tabriz-bucharest].count
  threats[0].launch_time_s    run.architecture
or a catalog value of a system the scenario uses, the name quoted when it
holds spaces or dots (or written as the catalog matches it, ignoring case,
spaces and hyphens: SM-3IIA), a stage value as stageN.field:
  catalog."SM-3 IIA".burnout_speed_kms   catalog.Sejjil.stage1.thrust_kn
VALUES is a list (1,2,3; true,false; words) or an inclusive range
lo:hi:step (at most ` + fmt.Sprint(sweep.MaxAxisValues) + ` values). Every value is checked before anything
runs: a scenario field by the scenario's validation, a catalog value
against its physical bounds (a probability 0 to 1, lengths non-negative);
a catalog value may leave its sourced low–high band (the report names the
band). Names, run.seed, run.trials, run.fidelity, the analysis section and
the reader's text (question, summary, assumptions) are not varied.

Points are numbered from 0, the last axis varying fastest. Point K runs
with its own seed, derived from (--seed, K), so --point K reruns that point
alone with the same numbers. The engine runs at fast fidelity by default;
where the scenario rules fast out (cruise missiles, aircraft, track links)
every point runs at full fidelity, and the output says so; --fidelity fast
then refuses. The table (or --json) gives per point the leakers and
interceptors per raid (means, normal 95 % intervals) and each asset's
P(survive) (Wilson 95 % interval). --out DIR writes report.html (a line
plot per axis, a heat map of leakers for two axes, the table),
results.json and summary.parquet. --db keeps the sweep, its points and
those three files in a run store ('rampart sweeps list|show').`,
		Example: `  rampart sweep europe --vary "owners[US].doctrine.salvo=1,2,3" --trials 100
  rampart sweep europe --vary catalog.SM-3IIA.burnout_speed_kms=3.5:4.5:0.25 --out sweep-bo
  rampart sweep europe --vary "owners[US].doctrine.salvo=1,2" --trials 50 --db runs.db
  rampart sweep europe --vary "owners[US].doctrine.salvo=1,2" --vary "catalog.SM-3IB.pk=0.4:0.8:0.1" --point 3
  (in a shell, quote a catalog name with spaces: --vary 'catalog."SM-3 IIA".pk=0.5,0.7')`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			err := runSweep(cmd, args[0], &g, varies, point, db)
			return gridError(err)
		},
	}
	g.register(cmd, "Monte Carlo trials per point (default: the scenario's run.trials)")
	cmd.Flags().StringArrayVar(&varies, "vary", nil, "an axis PATH=VALUES (repeat for a grid); see above")
	cmd.Flags().IntVar(&point, "point", -1, "run only point K of the grid (same seed and numbers as in the whole sweep)")
	cmd.Flags().StringVar(&db, "db", "", "also keep the sweep in a run store (see 'rampart sweeps'): "+dbHelp)
	return cmd
}

func runSweep(cmd *cobra.Command, name string, g *gridFlags, varies []string, point int, db string) error {
	if len(varies) == 0 {
		return badInput("give at least one --vary PATH=VALUES (see 'rampart sweep --help')")
	}
	s, err := scenario.Load(name)
	if err != nil {
		return err
	}
	o, notes, err := g.options(cmd, s, s.Run.Trials)
	if err != nil {
		return err
	}
	systems, err := study.SystemsOf(s)
	if err != nil {
		return err
	}
	var axes []*sweep.Axis
	for _, v := range varies {
		a, err := sweep.ParseAxis(v, s, systems)
		if err != nil {
			return err
		}
		axes = append(axes, a)
	}
	grid, err := sweep.NewGrid(axes)
	if err != nil {
		return err
	}
	var points []int
	if cmd.Flags().Changed("point") {
		if point < 0 || point >= grid.Len() {
			return badInput("--point %d is out of range; allowed: 0 to %d (the grid has %d points)", point, grid.Len()-1, grid.Len())
		}
		points = []int{point}
	}
	var runs store.Store
	if cmd.Flags().Changed("db") {
		if runs, err = openStore(cmd.Context(), db, false); err != nil {
			return err
		}
		defer runs.Close()
	}
	meter := progress.New(cmd.ErrOrStderr())
	defer meter.Close()
	o.Progress = func(done, total int) {
		meter.Report("sweep points", done, total)
	}
	job := &sweep.Job{Scenario: s, Grid: grid, Points: points, Options: o, Notes: notes, Reproduce: sweepCommand(name, varies, o, points)}
	var doc *sweep.Document
	var js []byte
	// storeErr is a failure to store a sweep that did finish: it still
	// prints and writes its output, then exits 1.
	var storeErr error
	if runs == nil {
		doc, js, err = job.Run()
	} else {
		var id int64
		id, doc, js, err = job.Record(cmd.Context(), runs, nil)
		meter.Close()
		storeErr, err = stored(cmd, "sweep", runs, id, doc != nil, err)
	}
	if err != nil {
		return err
	}
	if g.out != "" {
		if err := sweep.WriteDir(cmd.Context(), g.out, sweep.Report(doc, grid, doc.Reproduce), js, doc.WriteSummaryParquet); err != nil {
			return errors.Join(err, storeErr)
		}
	}
	if g.asJSON {
		if _, err := cmd.OutOrStdout().Write(js); err != nil {
			return err
		}
		return storeErr
	}
	if err := sweep.WriteText(cmd.OutOrStdout(), doc); err != nil {
		return err
	}
	return storeErr
}

// sweepCommand is the command line that reruns the sweep (or its one point).
func sweepCommand(name string, varies []string, o sweep.Options, points []int) string {
	parts := []string{"rampart", "sweep", study.ShellQuote(name)}
	for _, v := range varies {
		parts = append(parts, "--vary", study.ShellQuote(v))
	}
	parts = append(parts, "--trials", fmt.Sprint(o.Trials), "--seed", fmt.Sprint(o.Seed), "--fidelity", o.Fidelity)
	if len(points) == 1 {
		parts = append(parts, "--point", fmt.Sprint(points[0]))
	}
	return strings.Join(parts, " ")
}
