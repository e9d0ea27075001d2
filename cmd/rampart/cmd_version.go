package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/provenance"
)

func init() { extraCommands = append(extraCommands, newVersionCmd) }

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the rampart version, from the binary's build information",
		Long: `Print the rampart version as every output records it (rampart_version), then
its parts, read from the build information the go command embeds in the
binary: the module version (a tag, a pseudo-version, or "(devel)"), the
version-control revision and commit time and whether the working tree had
uncommitted changes ("modified"), and the Go toolchain. A binary built
outside a repository, or by go test, records no revision.

'rampart --version' prints the first line.`,
		Example: `  rampart version
  rampart --version`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b := provenance.ReadBuild()
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "rampart %s\n", provenance.Version())
			fmt.Fprintf(w, "  module    %s %s\n", b.Module, b.Version)
			if b.Revision != "" {
				fmt.Fprintf(w, "  revision  %s\n", b.Revision)
			} else {
				fmt.Fprintf(w, "  revision  none recorded\n")
			}
			if b.Time != "" {
				fmt.Fprintf(w, "  committed %s\n", b.Time)
			}
			fmt.Fprintf(w, "  modified  %t\n", b.Modified)
			fmt.Fprintf(w, "  go        %s\n", b.GoVersion)
			return nil
		},
	}
}
