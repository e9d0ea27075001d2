package main

import (
	"errors"
	"fmt"
	"io/fs"

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
	cmd.AddCommand(newSweepsListCmd(), newSweepsShowCmd())
	for _, c := range cmd.Commands() {
		c.SilenceUsage, c.SilenceErrors = true, true
		if c.Args == nil {
			c.Args = cobra.NoArgs
		}
		wrapArgs(c)
	}
	return cmd
}

func newSweepsListCmd() *cobra.Command {
	var f storeFlags
	var limit int
	var status string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List stored sweeps, newest first",
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := store.ListOptions{Limit: limit, Status: store.Status(status)}
			if limit < 1 || limit > store.MaxListLimit {
				return badInput("sweeps list: --limit %d is out of range; allowed: 1 to %d", limit, store.MaxListLimit)
			}
			if status != "" && !validStatus(o.Status) {
				return badInput("sweeps list: --status %q is not allowed; allowed: %s", status, statusNames())
			}
			type list struct {
				Sweeps []store.Sweep `json:"sweeps"`
			}
			s, err := openStore(cmd.Context(), f.db, true)
			if errors.Is(err, fs.ErrNotExist) {
				if f.asJSON {
					return writeJSON(cmd, list{[]store.Sweep{}})
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "rampart: %v\n", err)
				return store.WriteSweepList(cmd.OutOrStdout(), nil)
			}
			if err != nil {
				return err
			}
			defer s.Close()
			sweeps, err := s.ListSweeps(cmd.Context(), o)
			if err != nil {
				return err
			}
			if f.asJSON {
				return writeJSON(cmd, list{sweeps})
			}
			return store.WriteSweepList(cmd.OutOrStdout(), sweeps)
		},
	}
	f.register(cmd)
	cmd.Flags().IntVar(&limit, "limit", store.DefaultListLimit, "the most sweeps listed")
	cmd.Flags().StringVar(&status, "status", "", "only sweeps of this status: "+statusNames())
	return cmd
}

func newSweepsShowCmd() *cobra.Command {
	var f storeFlags
	var file string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one stored sweep: record, files, the table of its points",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseIDs(args)
			if err != nil {
				return err
			}
			if file != "" && f.asJSON {
				return badInput("sweeps show: --file writes the file as it is; --json has no effect with it")
			}
			s, err := openStore(cmd.Context(), f.db, true)
			if err != nil {
				return err
			}
			defer s.Close()
			if file != "" {
				fl, err := s.ReadSweepFile(cmd.Context(), ids[0], file)
				if err != nil {
					return sweepStoreError(err)
				}
				_, err = cmd.OutOrStdout().Write(fl.Data)
				return err
			}
			w, err := s.GetSweep(cmd.Context(), ids[0])
			if err != nil {
				return sweepStoreError(err)
			}
			if f.asJSON {
				return writeJSON(cmd, w)
			}
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
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&file, "file", "", "write this file of the sweep to stdout (report.html, results.json, summary.parquet)")
	return cmd
}

// sweepStoreError turns an unknown sweep id or file into bad input.
func sweepStoreError(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return inputError{fmt.Errorf("%w (see 'rampart sweeps list')", err)}
	}
	return err
}
