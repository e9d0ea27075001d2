package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/catalog"
)

func newCatalogCmd() *cobra.Command {
	var kind string
	var all bool
	cmd := &cobra.Command{
		Use:   "catalog [NAME]",
		Short: "Print the embedded catalog of sites, missiles, interceptors, radars and aircraft",
		Long: `Print the embedded catalog of public data.

Without NAME, list every entry on one line. With NAME (a canonical name or an
alias, case-insensitive: "Yars", "sm3 iia", "Kurecik"), print every parameter of
that entry with its low, central and high value, unit, date and source.
"NAME (CLAIM)" selects one of a disputed system's claims, e.g.
"9M729 (Russian claim)".

Values whose source begins "assumption:" are not published figures: they are
derived from one, as the source text explains.`,
		Example: `  rampart catalog
  rampart catalog --kind radar
  rampart catalog "SM-3 IIA"
  rampart catalog 9M729`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			var kinds []catalog.Kind
			for _, e := range catalog.All() {
				if !slices.Contains(kinds, e.Kind) {
					kinds = append(kinds, e.Kind)
				}
			}
			if kind != "" && !slices.Contains(kinds, catalog.Kind(kind)) {
				names := make([]string, len(kinds))
				for i, k := range kinds {
					names[i] = string(k)
				}
				return badInput("catalog: --kind %q is not allowed; allowed: %s", kind, strings.Join(names, ", "))
			}
			if len(args) == 1 {
				e, err := catalog.Lookup(args[0])
				if err != nil {
					return inputError{err}
				}
				return e.Format(out)
			}
			entries := catalog.All()
			if kind != "" {
				entries = catalog.ByKind(catalog.Kind(kind))
			}
			if !all {
				return catalog.FormatList(out, entries)
			}
			for _, e := range entries {
				if err := e.Format(out); err != nil {
					return err
				}
				if _, err := out.Write([]byte("\n" + strings.Repeat("─", 78) + "\n\n")); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only entries of this kind: site, ballistic-missile, cruise-missile, interceptor, radar, aircraft")
	cmd.Flags().BoolVar(&all, "all", false, "print every entry in full, with every parameter and source")
	return cmd
}
