package main

import (
	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

// runOnNATS runs every shard of the run on the workers of a NATS server.
func runOnNATS(cmd *cobra.Command, rf *runFlags, s *scenario.Scenario, st study.Study, o study.Options) error {
	return badInput("--nats is not built yet")
}
