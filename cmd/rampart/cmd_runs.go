package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/store"
)

func init() { extraCommands = append(extraCommands, newRunsCmd) }

// dbHelp is the --db flag's help, shared by run and runs.
const dbHelp = "run store: a SQLite file PATH (default for 'runs': $XDG_DATA_HOME/rampart/runs.db, else ~/.local/share/rampart/runs.db) or a postgres://USER:PASSWORD@HOST:PORT/DB URL"

func newRunsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "runs list|show ID|compare A B",
		Short: "List, show and compare the runs kept in a run store (rampart run --db)",
		Long: `Read the run store that 'rampart run --db' writes (and, later, 'rampart serve').

Subcommands:
  list [--limit N] [--status S]  newest first: id, time, status, scenario, seed,
                                 trials, rampart version, scenario SHA-256, headline
  show ID [--file NAME]          one run: its record, its headline statistics with
                                 their 95 % intervals, and its files; --file writes
                                 one file (results.json, report.html, events.csv,
                                 scene.json, export.czml, export.kml, export.geojson)
                                 to stdout
  compare A B                    B minus A for each headline statistic, with its
                                 95 % interval (Newcombe's hybrid score interval for
                                 proportions, the normal one for means)

--db names the store: a SQLite file, or a postgres:// URL; without it, the
per-user file $XDG_DATA_HOME/rampart/runs.db (~/.local/share/rampart/runs.db).
Opening a store marks failed ("interrupted") every run whose process died
before it finished (docs/store.md). --json prints one JSON document.
An unknown id, a bad --db and a store that is not one exit 2.`,
		Example: `  rampart run europe --trials 200 --db runs.db
  rampart run europe --trials 200 --seed 2 --db runs.db
  rampart runs list --db runs.db
  rampart runs show 1 --db runs.db
  rampart runs compare 1 2 --db runs.db --json
  rampart runs show 2 --db runs.db --file report.html > report.html`,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newRunsListCmd(), newRunsShowCmd(), newRunsCompareCmd())
	for _, c := range cmd.Commands() {
		c.SilenceUsage, c.SilenceErrors = true, true
		if c.Args == nil {
			c.Args = cobra.NoArgs
		}
		wrapArgs(c)
	}
	return cmd
}

// storeFlags are the flags every runs subcommand has.
type storeFlags struct {
	db     string
	asJSON bool
}

func (f *storeFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.db, "db", "", dbHelp)
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "print one JSON document to stdout and nothing else")
}

// openStore opens the store a --db value names; a bad value or a
// location that holds no store is bad input.
// Readers (mustExist) refuse a SQLite file that is not there rather than
// create an empty one.
func openStore(ctx context.Context, db string, mustExist bool) (store.Store, error) {
	loc, err := store.ParseLocation(db)
	if err != nil {
		return nil, inputError{err}
	}
	s, err := store.Open(ctx, loc, store.Options{MustExist: mustExist})
	var le *store.LocationError
	if errors.As(err, &le) {
		return nil, inputError{err}
	}
	return s, err
}

// storeError turns an unknown id into bad input.
func storeError(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return inputError{fmt.Errorf("%w (see 'rampart runs list')", err)}
	}
	return err
}

func parseIDs(args []string) ([]int64, error) {
	var ids []int64
	for _, a := range args {
		id, err := store.ParseID(a)
		if err != nil {
			return nil, inputError{err}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func writeJSON(cmd *cobra.Command, v any) error {
	b, err := jsonout.Marshal(v, "  ")
	if err != nil {
		return err
	}
	_, err = cmd.OutOrStdout().Write(b)
	return err
}

func newRunsListCmd() *cobra.Command {
	var f storeFlags
	var limit int
	var status string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List stored runs, newest first",
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := store.ListOptions{Limit: limit, Status: store.Status(status)}
			if limit < 1 || limit > store.MaxListLimit {
				return badInput("runs list: --limit %d is out of range; allowed: 1 to %d", limit, store.MaxListLimit)
			}
			if status != "" && !validStatus(o.Status) {
				return badInput("runs list: --status %q is not allowed; allowed: %s", status, statusNames())
			}
			s, err := openStore(cmd.Context(), f.db, true)
			if errors.Is(err, fs.ErrNotExist) {
				if f.asJSON {
					return writeJSON(cmd, struct {
						Runs []store.Run `json:"runs"`
					}{[]store.Run{}})
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "rampart: %v\n", err)
				return store.WriteList(cmd.OutOrStdout(), nil)
			}
			if err != nil {
				return err
			}
			defer s.Close()
			runs, err := s.List(cmd.Context(), o)
			if err != nil {
				return err
			}
			if f.asJSON {
				return writeJSON(cmd, struct {
					Runs []store.Run `json:"runs"`
				}{runs})
			}
			return store.WriteList(cmd.OutOrStdout(), runs)
		},
	}
	f.register(cmd)
	cmd.Flags().IntVar(&limit, "limit", store.DefaultListLimit, "the most runs listed")
	cmd.Flags().StringVar(&status, "status", "", "only runs of this status: "+statusNames())
	return cmd
}

func validStatus(s store.Status) bool {
	for _, x := range store.Statuses {
		if x == s {
			return true
		}
	}
	return false
}

func statusNames() string {
	var n []string
	for _, s := range store.Statuses {
		n = append(n, string(s))
	}
	return strings.Join(n, ", ")
}

func newRunsShowCmd() *cobra.Command {
	var f storeFlags
	var file string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one stored run: record, headline statistics, files",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseIDs(args)
			if err != nil {
				return err
			}
			if file != "" && f.asJSON {
				return badInput("runs show: --file writes the file as it is; --json has no effect with it")
			}
			s, err := openStore(cmd.Context(), f.db, true)
			if err != nil {
				return err
			}
			defer s.Close()
			if file != "" {
				fl, err := s.ReadFile(cmd.Context(), ids[0], file)
				if err != nil {
					return storeError(err)
				}
				_, err = cmd.OutOrStdout().Write(fl.Data)
				return err
			}
			r, err := s.Get(cmd.Context(), ids[0])
			if err != nil {
				return storeError(err)
			}
			if f.asJSON {
				return writeJSON(cmd, r)
			}
			return store.WriteRun(cmd.OutOrStdout(), r)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&file, "file", "", "write this file of the run to stdout (results.json, report.html, events.csv, scene.json, export.czml, export.kml, export.geojson)")
	return cmd
}

func newRunsCompareCmd() *cobra.Command {
	var f storeFlags
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Compare two stored runs: B minus A for each headline statistic, with its 95 % interval",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseIDs(args)
			if err != nil {
				return err
			}
			s, err := openStore(cmd.Context(), f.db, true)
			if err != nil {
				return err
			}
			defer s.Close()
			c, err := s.Compare(cmd.Context(), ids[0], ids[1])
			if err != nil {
				return storeError(err)
			}
			if f.asJSON {
				return writeJSON(cmd, c)
			}
			return store.WriteComparison(cmd.OutOrStdout(), c)
		},
	}
	f.register(cmd)
	return cmd
}
