// Command rampart is the command-line interface of the rampart air and missile
// defense simulator. Run `rampart --help` for the list of subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

// Exit codes (design.md, command-line contract).
const (
	exitOK       = 0
	exitInternal = 1
	exitBadInput = 2
)

func main() {
	// The first SIGINT (or SIGTERM) cancels the command's context: a run
	// stops, writes nothing and removes its temporary output; a second one
	// kills the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	os.Exit(runContext(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// inputError marks an error caused by the user's input: it exits with code 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// badInput wraps err, or formats a new error, as an input error.
func badInput(format string, a ...any) error {
	return inputError{fmt.Errorf(format, a...)}
}

// run executes one command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// runContext executes one command line under ctx and returns the exit
// code. It is the only place where errors become exit codes.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "rampart: internal error: %v\n", r)
			code = exitInternal
		}
	}()
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var se *scenario.Errors
	if errors.As(err, &se) {
		// One problem a line, file:line:col first, as compilers print them.
		fmt.Fprintln(stderr, se.Error())
		fmt.Fprintf(stderr, "rampart: %d problem(s); nothing was run\n", len(se.Problems)+se.Omitted)
		return exitBadInput
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		fmt.Fprintln(stderr, "rampart: interrupted; no --out output was written")
		return exitInternal
	}
	fmt.Fprintf(stderr, "rampart: %v\n", err)
	if isInputError(err) {
		return exitBadInput
	}
	return exitInternal
}

func isInputError(err error) bool {
	var ie inputError
	var se *study.InputError
	return errors.As(err, &ie) || errors.As(err, &se)
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "rampart",
		Short: "rampart: an open, validated air and missile defense simulator",
		Long: `rampart is an open, validated air and missile defense simulator and analysis
toolkit. It flies ballistic and cruise missiles on a rotating WGS-84 Earth from
sourced public data, so that claims about missile defense in Europe can be
checked with numbers anyone can rerun.

Units: flags and JSON fields name their unit (_km, _s, _deg, _kms).
Exit codes: 0 success, 1 internal failure, 2 bad input.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	root.Version = provenance.Version()
	root.SetVersionTemplate("rampart {{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return badInput("%s: %w (see '%s --help')", cmd.Name(), flagProblem(err), cmd.CommandPath())
	})
	root.AddCommand(
		newRunCmd(),
		newMergeCmd(),
		newWorkerCmd(),
		newFlyCmd(),
		newCatalogCmd(),
		newScenariosCmd(),
		newValidateCmd(),
		newRadarCmd(),
		newWTACmd(),
	)
	for _, c := range extraCommands {
		root.AddCommand(c())
	}
	wrapArgs(root)
	for _, c := range root.Commands() {
		c.SilenceUsage = true
		c.SilenceErrors = true
		if c.Args == nil {
			c.Args = cobra.NoArgs
		}
		wrapArgs(c)
	}
	return root
}

// extraCommands are subcommands that register themselves from their own
// file's init (cmd_export.go and others), so adding one touches no other file.
var extraCommands []func() *cobra.Command

// wrapArgs turns cobra's argument-count errors into input errors.
func wrapArgs(c *cobra.Command) {
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return badInput("%w (see '%s --help')", err, cmd.CommandPath())
		}
		return nil
	}
}
