package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/progress"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
	"github.com/rampart-sim/rampart/internal/sweep"
)

// sensitivityTrials is the default trials of each sensitivity run: with
// every run on the same random streams, enough to rank the parameters of
// europe in about a minute on 2 cores (docs/sweep.md).
const sensitivityTrials = 200

func newSensitivityCmd() *cobra.Command {
	var g gridFlags
	var only []string
	cmd := &cobra.Command{
		Use:   "sensitivity SCENARIO|FILE",
		Short: "Move each catalog value of an engine scenario's systems to its low and high end and rank the swings",
		Long: `Run an engine scenario at the catalog's central values, then once with each
banded catalog value (low < high) of the systems it uses (missiles,
aircraft, interceptors, radars; stage values included) at its low value and
once at its high value, every other value central. The statistic is the
headline: leakers per raid (mean).

Every run uses the same seed, so the runs share their random streams and a
swing is the value's effect, not a change of streams. The swing of a value
is the spread of its three runs (low, central, high). The table lists the
values that moved the statistic, largest swing first, then names the top
five with their catalog sources. Values the engine does not read show no
swing and are counted apart. --params restricts the runs to the values whose
ENTRY.key contains one of the given words.

Fast fidelity by default where the scenario allows it (else full, said so),
` + fmt.Sprint(sensitivityTrials) + ` trials a run by default. An analysis scenario (redzikowo-icbm,
kaliningrad, ...) is refused: its study reads the catalog without the
override layer of an engine run. --out DIR writes report.html (a tornado
chart, the table with sources) and results.json.`,
		Example: `  rampart sensitivity europe --params "SM-3 IB.pk,AN/TPY-2.loss_db"
  rampart sensitivity europe --params pk --trials 100 --out sens-europe`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return gridError(runSensitivity(cmd, args[0], &g, only))
		},
	}
	g.register(cmd, fmt.Sprintf("Monte Carlo trials per run (default %d)", sensitivityTrials))
	cmd.Flags().StringSliceVar(&only, "params", nil, "move only the values whose ENTRY.key contains one of these (case-insensitive), e.g. --params \"SM-3 IB.pk,AN/TPY-2\"")
	return cmd
}

func runSensitivity(cmd *cobra.Command, name string, g *gridFlags, only []string) error {
	s, err := scenario.Load(name)
	if err != nil {
		return err
	}
	o, notes, err := g.options(cmd, s, sensitivityTrials)
	if err != nil {
		return err
	}
	systems, err := study.SystemsOf(s)
	if err != nil {
		return err
	}
	params, fixed := sweep.Params(systems)
	if cmd.Flags().Changed("params") {
		if params = sweep.Matching(params, only); len(params) == 0 {
			return badInput("--params %s: no banded catalog value of %s's systems (%s) matches", strings.Join(only, ","), s.Name, strings.Join(systems, ", "))
		}
	}
	meter := progress.New(cmd.ErrOrStderr())
	defer meter.Close()
	o.Progress = func(done, total int) {
		meter.Report("sensitivity runs", done, total)
	}
	res, err := sweep.RunSensitivity(s, params, o)
	if err != nil {
		return err
	}
	res.FixedValues = fixed
	res.Notes = append(res.Notes, notes...)
	js, err := res.JSON()
	if err != nil {
		return err
	}
	if g.out != "" {
		command := strings.Join([]string{"rampart", "sensitivity", study.ShellQuote(name), "--trials", fmt.Sprint(o.Trials), "--seed", fmt.Sprint(o.Seed), "--fidelity", o.Fidelity}, " ")
		if err := sweep.WriteDir(cmd.Context(), g.out, sweep.SensitivityReport(res, command), js, nil); err != nil {
			return err
		}
	}
	if g.asJSON {
		_, err := cmd.OutOrStdout().Write(js)
		return err
	}
	return sweep.WriteSensitivityText(cmd.OutOrStdout(), res)
}
