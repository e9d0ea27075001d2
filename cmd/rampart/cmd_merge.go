package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/rampart-sim/rampart/internal/progress"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/shard"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

func newMergeCmd() *cobra.Command {
	var asJSON bool
	var out string
	cmd := &cobra.Command{
		Use:   "merge SHARD...",
		Short: "Merge the shard files of a run (rampart run --shard i/n) into the run's results",
		Long: `Merge the shard files written by 'rampart run ... --shard i/n --out FILE'
into the results of the whole run: the same text, --json document and --out
report directory (results.json, events.csv, report.html, scene.json), to the
byte, as the run without --shard.

Shard i of n holds the contiguous trials ⌊(i−1)·T/n⌋ … ⌊i·T/n⌋−1, every
trial's outcome, the scenario's text and SHA-256, the seed, the trials, the
flags that change numbers and the rampart version. The merge needs nothing
else: it rebuilds the run from the first shard and folds the outcomes in
trial order, as the unsharded run does. It refuses (exit 2) shards of
different runs (scenario, seed, trials, flags, n, version), a missing or
duplicate shard, and a damaged file.`,
		Example: `  rampart run europe --trials 300 --shard 1/3 --out part1.shard
  rampart run europe --trials 300 --shard 2/3 --out part2.shard
  rampart run europe --trials 300 --shard 3/3 --out part3.shard
  rampart merge part1.shard part2.shard part3.shard --out europe-report`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			srcs := make([]shard.Source, len(args))
			for k, name := range args {
				srcs[k] = shard.Source{Name: name, Open: func() (io.ReadCloser, error) { return os.Open(name) }}
			}
			if out != "" {
				if err := study.CheckDir(out); err != nil {
					return err
				}
			}
			meter := progress.New(cmd.ErrOrStderr())
			defer meter.Close()
			res, err := mergeShards(cmd, srcs, meter.Report)
			if err != nil {
				return err
			}
			meter.Close()
			defer res.Close()
			return writeResult(cmd, res, out, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the run's JSON document to stdout and nothing else")
	cmd.Flags().StringVar(&out, "out", "", "also write the run's report directory: report.html, results.json, events.csv and scene.json")
	return cmd
}

// mergeShards checks that srcs are every shard of one run, rebuilds the
// run and replays their outcomes into its result.
func mergeShards(cmd *cobra.Command, srcs []shard.Source, report func(string, int, int)) (*study.Result, error) {
	set, err := shard.Open(srcs)
	if err != nil {
		return nil, badInput("%v", err)
	}
	defer set.Close()
	s, st, o, err := recordedRun(set.Header, srcs[0].Name)
	if err != nil {
		return nil, err
	}
	o.Context, o.Progress, o.Outcomes = cmd.Context(), report, set.Outcome
	res, err := study.Run(s, st, o)
	var fe *shard.FileError
	var oe *sim.OutcomeError
	if errors.As(err, &fe) || errors.As(err, &oe) {
		return nil, badInput("%v", err)
	}
	return res, err
}

// recordedRun rebuilds the run a shard header records (from the file
// called name): its scenario, study and options.
func recordedRun(h shard.Header, name string) (*scenario.Scenario, study.Study, study.Options, error) {
	var o study.Options
	if h.RampartVersion != provenance.Version() {
		return nil, nil, o, badInput("%s was run by rampart %s; this is rampart %s, whose numbers may differ: use that version", name, h.RampartVersion, provenance.Version())
	}
	s, err := scenario.Check(h.ScenarioFile, h.Scenario, scenario.DefaultCatalog())
	if err != nil {
		return nil, nil, o, err
	}
	if s.SHA256 != h.ScenarioSHA256 {
		return nil, nil, o, badInput("%s: the scenario text does not match its SHA-256 %s", name, h.ScenarioSHA256)
	}
	s.Library = h.ScenarioLibrary
	st, err := study.Decode(s)
	if err != nil {
		return nil, nil, o, err
	}
	o, err = recordedOptions(s, h.Args)
	if err != nil {
		return nil, nil, o, fmt.Errorf("the flags recorded in %s: %w", name, err)
	}
	if o.Seed != h.Seed || o.Trials != h.Trials || o.WarningValue != (h.Passes == 2) {
		return nil, nil, o, badInput("%s: its flags %q give seed %d and %d trials, but it says seed %d and %d trials", name, h.Args, o.Seed, o.Trials, h.Seed, h.Trials)
	}
	return s, st, o, nil
}

// recordedOptions rebuilds the options of a run of s from the flags a
// shard recorded (shardArgs), read as rampart run reads them.
func recordedOptions(s *scenario.Scenario, args []string) (study.Options, error) {
	var rf runFlags
	var phys physicsFlags
	fs := pflag.NewFlagSet("recorded", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	registerResultFlags(fs, &rf, &phys)
	if err := fs.Parse(args); err != nil {
		return study.Options{}, badInput("%v", err)
	}
	if fs.NArg() != 0 {
		return study.Options{}, badInput("unexpected arguments %q", fs.Args())
	}
	rf.workers = 1
	return rf.options(fs, &phys, s)
}

// writeResult writes a run's result as rampart run does: the report
// directory out (if not ""), then the JSON document or the text on stdout.
func writeResult(cmd *cobra.Command, res *study.Result, out string, asJSON bool) error {
	if out != "" {
		if err := study.WriteDir(cmd.Context(), out, res); err != nil {
			return err
		}
	}
	if asJSON {
		_, err := cmd.OutOrStdout().Write(res.Document)
		return err
	}
	return study.WriteText(cmd.OutOrStdout(), res)
}
