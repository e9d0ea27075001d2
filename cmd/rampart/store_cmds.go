package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/study"
)

// The subcommands of 'rampart runs' and 'rampart sweeps' that read a run
// store: one list and one show command for both, parameterised by what
// they read (storeList, storeShow).

// addStoreCommands adds subs to the group cmd: errors are printed once
// by main, and a subcommand without Args takes none.
func addStoreCommands(cmd *cobra.Command, subs ...*cobra.Command) {
	cmd.AddCommand(subs...)
	for _, c := range cmd.Commands() {
		c.SilenceUsage, c.SilenceErrors = true, true
		if c.Args == nil {
			c.Args = cobra.NoArgs
		}
		wrapArgs(c)
	}
}

// listHint turns an unknown id or file of group ("runs", "sweeps") into
// bad input that names the group's list command.
func listHint(group string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return inputError{fmt.Errorf("%w (see 'rampart %s list')", err, group)}
	}
	return err
}

// storeList is what 'runs list' and 'sweeps list' differ in.
type storeList[T any] struct {
	// group is "runs" or "sweeps": the command, the word of messages and
	// flags' help, and the key of the --json document.
	group string
	list  func(s store.Store, ctx context.Context, o store.ListOptions) ([]T, error)
	// write writes the list as text.
	write func(w io.Writer, items []T) error
}

func newListCmd[T any](l storeList[T]) *cobra.Command {
	var f storeFlags
	var limit int
	var status string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List stored " + l.group + ", newest first",
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := store.ListOptions{Limit: limit, Status: store.Status(status)}
			if limit < 1 || limit > store.MaxListLimit {
				return badInput("%s list: --limit %d is out of range; allowed: 1 to %d", l.group, limit, store.MaxListLimit)
			}
			if status != "" && !validStatus(o.Status) {
				return badInput("%s list: --status %q is not allowed; allowed: %s", l.group, status, statusNames())
			}
			s, err := openStore(cmd.Context(), f.db, true)
			if errors.Is(err, fs.ErrNotExist) {
				if f.asJSON {
					return writeJSON(cmd, map[string][]T{l.group: {}})
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "rampart: %v\n", err)
				return l.write(cmd.OutOrStdout(), nil)
			}
			if err != nil {
				return err
			}
			defer s.Close()
			items, err := l.list(s, cmd.Context(), o)
			if err != nil {
				return err
			}
			if f.asJSON {
				return writeJSON(cmd, map[string][]T{l.group: items})
			}
			return l.write(cmd.OutOrStdout(), items)
		},
	}
	f.register(cmd)
	cmd.Flags().IntVar(&limit, "limit", store.DefaultListLimit, "the most "+l.group+" listed")
	cmd.Flags().StringVar(&status, "status", "", "only "+l.group+" of this status: "+statusNames())
	return cmd
}

// storeShow is what 'runs show' and 'sweeps show' differ in.
type storeShow[T any] struct {
	group, noun string // "runs", "run"
	short       string
	// files names the files --file writes, for its help.
	files    string
	get      func(s store.Store, ctx context.Context, id int64) (T, error)
	readFile func(s store.Store, ctx context.Context, id int64, name string) (store.File, error)
	// write writes the record as text.
	write func(cmd *cobra.Command, s store.Store, v T) error
}

func newShowCmd[T any](sh storeShow[T]) *cobra.Command {
	var f storeFlags
	var file string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: sh.short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseIDs(args)
			if err != nil {
				return err
			}
			if file != "" && f.asJSON {
				return badInput("%s show: --file writes the file as it is; --json has no effect with it", sh.group)
			}
			s, err := openStore(cmd.Context(), f.db, true)
			if err != nil {
				return err
			}
			defer s.Close()
			if file != "" {
				fl, err := sh.readFile(s, cmd.Context(), ids[0], file)
				if err != nil {
					return listHint(sh.group, err)
				}
				_, err = cmd.OutOrStdout().Write(fl.Data)
				return err
			}
			v, err := sh.get(s, cmd.Context(), ids[0])
			if err != nil {
				return listHint(sh.group, err)
			}
			if f.asJSON {
				return writeJSON(cmd, v)
			}
			return sh.write(cmd, s, v)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&file, "file", "", "write this file of the "+sh.noun+" to stdout ("+sh.files+")")
	return cmd
}

// stored says on stderr how recording the run or sweep (noun) id in runs
// went, err being the error of the recording: stored, with the command
// that shows it, or not finished. A failure to store one that finished
// (done) becomes storeErr, err nil: the caller still prints and writes
// its output, then exits 1.
func stored(cmd *cobra.Command, noun string, runs store.Store, id int64, done bool, err error) (storeErr, _ error) {
	switch {
	case err == nil:
		// The hint names the store: without --db, 'runs show' reads the
		// default one.
		fmt.Fprintf(cmd.ErrOrStderr(), "rampart: stored as %s %d in %s (rampart %ss show %d --db %s)\n", noun, id, runs.Location(), noun, id, study.ShellQuote(runs.Location().String()))
	case done:
		return fmt.Errorf("the %s finished but could not be stored: %w", noun, err), nil
	case id != 0:
		fmt.Fprintf(cmd.ErrOrStderr(), "rampart: %s %d in %s did not finish\n", noun, id, runs.Location())
	}
	return nil, err
}
