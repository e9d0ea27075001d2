package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

func newScenariosCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "scenarios",
		Short: "List the embedded scenarios, each with the question it answers",
		Long: `List the embedded scenario library. Each scenario answers one question; run it
with 'rampart run NAME'. The default scenario (run when no name is given) is
marked with '*'.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tKIND\tQUESTION")
			for _, s := range scenario.Library() {
				name := s.Name
				if name == scenario.Default {
					name += " *"
				}
				kind := "engine"
				if s.Analysis != nil {
					kind = s.Analysis.Kind
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", name, kind, s.Question)
			}
			return tw.Flush()
		},
	}
}

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a scenario file and report every problem in it",
		Long: `Check a scenario file (or an embedded scenario by name) against the format and
the catalog. Every problem is reported at once, one per line, as
FILE:LINE:COLUMN: FIELD.PATH: message, with the allowed values where there is a
list. A scenario of the engine (no analysis section) is also aimed, missile by
missile, with the default physics, so a threat whose profile cannot reach its
aim point is refused here as by rampart run. Exit code 0 when the file is
valid, 2 when it is not.`,
		Example: `  rampart validate examples/scenarios/my-raid.yaml
  rampart validate europe`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, st, err := study.Load(args[0])
			if err != nil {
				return err
			}
			if err := study.Check(s, st); err != nil {
				return err
			}
			what := fmt.Sprintf("%s, %s, %s", count(len(s.Sites), "site"), count(len(s.Threats), "threat"), count(len(s.Assets), "asset"))
			if s.Analysis != nil {
				what = s.Analysis.Kind + " analysis"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: ok (scenario %q: %s)\n", args[0], s.Name, what)
			return nil
		},
	}
}

// count writes n with its noun, in the plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
