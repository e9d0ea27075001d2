package main

import "github.com/spf13/cobra"

func newSensitivityCmd() *cobra.Command {
	return &cobra.Command{Use: "sensitivity", Hidden: true}
}
