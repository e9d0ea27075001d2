package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/sweep"
)

func init() { extraCommands = append(extraCommands, newSweepsCmd) }

func newSweepsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sweeps list|show ID",
		Short: "List and show the sweeps kept in a run store (rampart sweep --db)",
		Long: `Read the sweeps that 'rampart sweep --db' (and 'rampart serve') keep in a run store.

Subcommands:
  list [--limit N] [--status S]  newest first: id, time, status, scenario, points,
                                 trials, fidelity, seed, the varied fields
  show ID [--file NAME]          one sweep: its record, its files and the table of its
                                 points (leakers, interceptors, P(survive) with 95 %
                                 intervals); --file writes one file (report.html,
                                 results.json, summary.parquet) to stdout

--db names the store as for 'rampart runs'. --json prints one JSON document
(show: the record with each point's settings and statistics).`,
		Example: `  rampart sweep europe --vary "owners[US].doctrine.salvo=1,2" --trials 50 --db runs.db
  rampart sweeps list --db runs.db
  rampart sweeps show 1 --db runs.db
  rampart sweeps show 1 --db runs.db --file report.html > sweep.html`,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	addStoreCommands(cmd, newSweepsListCmd(), newSweepsShowCmd())
	return cmd
}

func newSweepsListCmd() *cobra.Command {
	return newListCmd(storeList[store.Sweep]{group: "sweeps", list: store.Store.ListSweeps, write: store.WriteSweepList})
}

func newSweepsShowCmd() *cobra.Command {
	return newShowCmd(storeShow[store.Sweep]{group: "sweeps", noun: "sweep",
		short: "Show one stored sweep: record, files, the table of its points",
		files: "report.html, results.json, summary.parquet",
		get:   store.Store.GetSweep, readFile: store.Store.ReadSweepFile, write: writeSweep})
}

// writeSweep writes sweep w as text: its record and, once it is done, the
// table of its points.
func writeSweep(cmd *cobra.Command, s store.Store, w store.Sweep) error {
	if err := store.WriteSweep(cmd.OutOrStdout(), w); err != nil {
		return err
	}
	if w.Status != store.Done {
		return nil
	}
	js, err := s.ReadSweepFile(cmd.Context(), w.ID, sweep.ResultsFile)
	if err != nil {
		return err
	}
	doc, err := sweep.ParseDocument(js.Data)
	if err != nil {
		return err
	}
	fmt.Fprintln(cmd.OutOrStdout())
	return sweep.WriteText(cmd.OutOrStdout(), doc)
}
