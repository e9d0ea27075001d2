package main

import (
	"context"
	"errors"
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
	addStoreCommands(cmd, newRunsListCmd(), newRunsShowCmd(), newRunsCompareCmd())
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

// storeError turns an unknown run id into bad input.
func storeError(err error) error { return listHint("runs", err) }

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
	return newListCmd(storeList[store.Run]{group: "runs", list: store.Store.List, write: store.WriteList})
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
	return newShowCmd(storeShow[store.Run]{group: "runs", noun: "run",
		short: "Show one stored run: record, headline statistics, files",
		files: "results.json, report.html, events.csv, scene.json, export.czml, export.kml, export.geojson",
		get:   store.Store.Get, readFile: store.Store.ReadFile,
		write: func(cmd *cobra.Command, _ store.Store, r store.Run) error {
			return store.WriteRun(cmd.OutOrStdout(), r)
		}})
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
