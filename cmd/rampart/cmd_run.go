package main

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/rampart-sim/rampart/internal/progress"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/study"
)

// runFlags are the Monte Carlo settings of rampart run.
type runFlags struct {
	asJSON       bool
	trials       int
	seed         int64
	workers      int
	warningValue bool
	out          string
	fidelity     string
	db           string
	shard        string        // --shard i/n
	nats         string        // --nats URL
	shards       int           // --shards N with --nats
	timeout      time.Duration // --timeout with --nats
}

func newRunCmd() *cobra.Command {
	var rf runFlags
	var phys physicsFlags
	cmd := &cobra.Command{
		Use:   "run [SCENARIO|FILE]",
		Short: "Run a scenario: fly the threats, then the whole defense loop as a Monte Carlo",
		Long: `Run a scenario: an embedded one by name (see 'rampart scenarios'), or a YAML
file. Without an argument, run the default scenario, "` + scenario.Default + `".

Every missile of every threat is flown: ballistic missiles from their catalog
stages, aimed at the aim point on the chosen profile; cruise missiles along the
great circle at their catalog speed and altitude.

Then the whole loop runs, once per trial: radars detect (exact Swerling
statistics, 4/3-Earth horizon, field of regard, cued by space-based launch
warning), trackers build fire-control tracks, each command evaluates each
track's predicted impact point against the defended assets, assigns salvos
to threats (one salvo per threat per look, the best expected value removed),
launches when the battle space allows, updates the kill vehicle in flight,
draws each intercept against the truth (homing reach and single-shot Pk),
assesses the kill and, under shoot-look-shoot, re-engages survivors while the
window lasts. The scenario's run.architecture decides who commands:
integrated (one command, one picture), sectoral (one joint picture, each owner
fires only at threats predicted to land in its sector) or separate-linked
(each owner its own picture, tracks shared over the scenario's links, each
fires alone).

Trial i draws from a random stream derived from (seed, i), so the results are
the same whatever the number of workers. The tables give each asset's survival
probability with its 95 % Wilson interval, each missile's leak probability,
interceptors fired at it and mean sensing times (seconds after its launch),
and the totals: interceptors, leakers, double engagements (one missile fired
at by two commands) and leakers a sector boundary let through.

Catalog values are taken at one point of each low/central/high band:
--pick sets it for everything; --pick-threat sets it for the threats
(missiles, aircraft) and --pick-defense for the defense (interceptors,
radars, fighters), and --pick may not be given with either. An analysis
refuses a pick it does not use (salvo takes no catalog values; reach only
missiles; rotation and air-policing only the defense); radar and
battlespace take one pick for both, so the two must agree. An analysis
section that gives its own pick refuses the flags. The
JSON names both (physics.catalog_pick_threat, catalog_pick_defense), as
does the report.

With --fidelity fast an engine run replaces measurement-level tracking by a
covariance-only model (tabulated look geometry, one track per missile and
picture whose error is drawn from its covariance, battle management at the
ticks where something can happen), for sweeps: about 2 ms of CPU a trial
of europe against 60 ms at full fidelity (measured, docs/performance.md),
its headline statistics checked against full fidelity on the library's
engine scenario (make test-long). It refuses track links (separate-linked with
links) and cruise missiles. The default is the scenario's run.fidelity,
else full; the report and the JSON (fidelity) say which ran. Analyses have
one fidelity and refuse the flag.

With --warning-value the trials run a second time with no sharing between
owners (no links, each owner's own picture and space warning), on the same
streams, and the difference in surviving asset value is reported.

With --out DIR a report directory is written: report.html (self-contained,
offline: map, altitude plot, tables, every catalog parameter used with its
source), results.json (the --json document), events.csv (every shot and leak
of every trial), scene.json (the geometry; see 'rampart export'), and as
Parquet (docs/output.md) summary.parquet (the headline statistics) and, for
an engine run, events.parquet (events.csv's rows).
The directory is written whole or not at all: in a temporary directory beside
DIR, renamed into place when complete; an earlier report at DIR is replaced,
and left as it was if the run fails or is interrupted. A DIR that is a file,
a symbolic link or a directory holding other files is refused (exit 2).

With --db PATH|postgres://... the run is also kept in a run store, as run N
(printed on stderr), for 'rampart runs list|show|compare': its record,
headline statistics, results.json and every report file and export, written
in one transaction when the run ends (docs/store.md). A run that fails or is
interrupted is kept as failed or cancelled. Output is as without --db.

With --json, one JSON document goes to stdout and nothing else: scenario,
rampart_version, scenario_sha256, seed, reproduce (the command that reruns
the run), trials, assets[] (name, p_survive, p_survive_ci95), threats[] (the
flight fields, p_leak, interceptors_mean, first_detection_s, space_warning_s,
firm_track_s, fire_control_s, ...), totals (interceptors_mean, leakers_mean,
double_engagements_mean, ...), commands[] and sensors[].

Progress goes to stderr, never to stdout: one labelled bar a phase
(aiming threats, Monte Carlo trials, flyout envelopes, ...) with the time
left when stderr is a terminal; otherwise a plain line every 5 s for a
phase that runs longer than that.`,
		Example: `  rampart run
  rampart run --trials 1000 --seed 7
  rampart run architecture --json
  rampart run examples/scenarios/my-raid.yaml --pick high
  rampart run europe --pick-threat high --pick-defense low`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := scenario.Default
			if len(args) == 1 {
				name = args[0]
			}
			s, st, err := study.Load(name)
			if err != nil {
				return err
			}
			o, err := rf.options(cmd.Flags(), &phys, s)
			if err != nil {
				return err
			}
			o.Context = cmd.Context()
			if rf.nats == "" {
				for _, f := range []string{"shards", "timeout"} {
					if cmd.Flags().Changed(f) {
						return badInput("--%s applies with --nats (the shard jobs of a run on NATS workers); --shard i/n runs one shard here", f)
					}
				}
			}
			if rf.shard != "" || rf.nats != "" {
				return runSharded(cmd, &rf, s, st, o)
			}
			if rf.out != "" {
				if err := study.CheckDir(rf.out); err != nil {
					return err
				}
			}
			var runs store.Store
			if cmd.Flags().Changed("db") {
				if runs, err = openStore(cmd.Context(), rf.db, false); err != nil {
					return err
				}
				defer runs.Close()
			}
			meter := progress.New(cmd.ErrOrStderr())
			defer meter.Close()
			o.Context, o.Progress = cmd.Context(), meter.Report
			var res *study.Result
			// storeErr is a failure to store a run that did finish: the
			// run still prints and writes its output, then exits 1.
			var storeErr error
			if runs == nil {
				res, err = study.Run(s, st, o)
			} else {
				var id int64
				id, res, err = store.Record(cmd.Context(), runs, store.SpecOf(s, st, o), func() (*study.Result, error) { return study.Run(s, st, o) })
				meter.Close()
				storeErr, err = stored(cmd, "run", runs, id, res != nil, err)
			}
			if err != nil {
				return err
			}
			defer res.Close()
			if rf.out != "" {
				if err := study.WriteDir(cmd.Context(), rf.out, res); err != nil {
					return errors.Join(err, storeErr)
				}
			}
			out := cmd.OutOrStdout()
			if rf.asJSON {
				if _, err := out.Write(res.Document); err != nil {
					return err
				}
				return storeErr
			}
			if err := study.WriteText(out, res); err != nil {
				return err
			}
			return storeErr
		},
	}
	cmd.Flags().BoolVar(&rf.asJSON, "json", false, "print one JSON document to stdout and nothing else")
	cmd.Flags().IntVar(&rf.workers, "workers", 0, "parallel workers (default 0: one per core); results do not depend on it")
	cmd.Flags().StringVar(&rf.out, "out", "", "also write a report directory: report.html, results.json, events.csv and scene.json (for rampart export)")
	cmd.Flags().StringVar(&rf.db, "db", "", "also keep the run in a run store (see 'rampart runs'): "+dbHelp)
	registerResultFlags(cmd.Flags(), &rf, &phys)
	cmd.Flags().StringVar(&rf.shard, "shard", "", "run only shard i/n of the trials (i from 1 to n, contiguous trial ranges) and write it to the file --out names, for 'rampart merge'")
	cmd.Flags().StringVar(&rf.nats, "nats", "", "run the trials as --shards shard jobs on the workers of a NATS JetStream server (rampart worker) and merge them, e.g. nats://127.0.0.1:4222")
	cmd.Flags().IntVar(&rf.shards, "shards", 0, "with --nats: how many shard jobs to split the trials into")
	cmd.Flags().DurationVar(&rf.timeout, "timeout", 0, "with --nats: give up when the shards are not all back after this long (default 1h)")
	return cmd
}

// options resolves the flags of fl (rampart run's, or those a shard
// recorded) against s into the study's options; Progress is left unset.
func (rf *runFlags) options(fl *pflag.FlagSet, phys *physicsFlags, s *scenario.Scenario) (study.Options, error) {
	opts, err := phys.options()
	if err != nil {
		return study.Options{}, err
	}
	if err := checkStudyFlags(fl, s); err != nil {
		return study.Options{}, err
	}
	seed, trials := s.Run.Seed, s.Run.Trials
	if fl.Changed("seed") {
		if rf.seed < 0 || rf.seed > scenario.MaxSeed {
			return study.Options{}, badInput("--seed %d is out of range; allowed: 0 to %d", rf.seed, int64(scenario.MaxSeed))
		}
		seed = rf.seed
	}
	if fl.Changed("trials") {
		if rf.trials < 1 || rf.trials > scenario.MaxTrials {
			return study.Options{}, badInput("--trials %d is out of range; allowed: 1 to %d", rf.trials, scenario.MaxTrials)
		}
		trials = rf.trials
	}
	if fl.Changed("fidelity") {
		if _, err := sim.ParseFidelity(rf.fidelity); err != nil {
			return study.Options{}, badInput("--fidelity %q is not allowed; allowed: %s", rf.fidelity, strings.Join(sim.FidelityNames(), ", "))
		}
		if s.Analysis != nil {
			return study.Options{}, badInput("--fidelity has no effect here: %s runs the %s analysis, which has one fidelity; --fidelity (allowed: %s) applies to engine runs", s.Name, s.Analysis.Kind, strings.Join(sim.FidelityNames(), ", "))
		}
	} else {
		rf.fidelity = ""
	}
	if rf.workers < 0 {
		return study.Options{}, badInput("--workers %d is out of range; allowed: 0 (all cores) or more", rf.workers)
	}
	workers := rf.workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return study.Options{Context: context.Background(), Sim: opts, Physics: phys.describe(opts),
		Seed: seed, Trials: trials, Workers: workers, WarningValue: rf.warningValue, PicksGiven: phys.given(), Fidelity: rf.fidelity}, nil
}

// resultFlags are the flags of rampart run that change the numbers: a
// shard records those given (shardArgs) for the merge to rebuild the run.
var resultFlags = []string{"trials", "seed", "fidelity", "warning-value", "earth", "no-rotation", "no-drag", "pick", "pick-threat", "pick-defense"}

// registerResultFlags adds resultFlags to fs.
func registerResultFlags(fs *pflag.FlagSet, rf *runFlags, phys *physicsFlags) {
	fs.IntVar(&rf.trials, "trials", 0, "Monte Carlo trials (default: the scenario's run.trials)")
	fs.Int64Var(&rf.seed, "seed", 0, "random seed (default: the scenario's run.seed)")
	fs.StringVar(&rf.fidelity, "fidelity", "", "engine model of sensing and tracking: full, or fast (covariance-only tracks, for sweeps; default: the scenario's run.fidelity, else full)")
	fs.BoolVar(&rf.warningValue, "warning-value", false, "also run without sharing between owners and report the value of shared early warning")
	phys.register(fs)
	phys.registerSidePicks(fs)
}

// shardArgs returns the resultFlags given on fl, as --name=value.
func shardArgs(fl *pflag.FlagSet) []string {
	var args []string
	fl.Visit(func(f *pflag.Flag) {
		if slices.Contains(resultFlags, f.Name) {
			args = append(args, "--"+f.Name+"="+f.Value.String())
		}
	})
	return args
}

// checkStudyFlags refuses the flags that the study of s does not read: a
// reach analysis has no Monte Carlo trials, a rotation analysis flies
// nothing (issue 12: they were accepted and ignored). Checked in flag
// order, so one command line always gets one message.
func checkStudyFlags(fl *pflag.FlagSet, s *scenario.Scenario) error {
	uses := study.KindUses(s)
	kind := "engine run"
	if s.Analysis != nil {
		kind = s.Analysis.Kind + " analysis"
	}
	for _, c := range []struct {
		flags []string
		used  bool
		what  string
	}{
		// --workers is left out: results never depend on it, and a
		// script may pass it to every run.
		{[]string{"trials", "seed"}, uses.MonteCarlo, "Monte Carlo trials"},
		// The pick flags are checked by study.Run against Kind.Picks.
		{[]string{"earth", "no-rotation", "no-drag"}, uses.Physics, "flights"},
	} {
		for _, f := range c.flags {
			if fl.Changed(f) && !c.used {
				return badInput("--%s has no effect here: %s runs the %s, which has no %s", f, s.Name, kind, c.what)
			}
		}
	}
	return nil
}
