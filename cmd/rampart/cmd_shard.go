package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/atomicdir"
	"github.com/rampart-sim/rampart/internal/progress"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/shard"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// runSharded is rampart run with --shard (one shard to a file) or --nats
// (every shard on the workers of a NATS server, then the merge).
func runSharded(cmd *cobra.Command, rf *runFlags, s *scenario.Scenario, st study.Study, o study.Options) error {
	fl := cmd.Flags()
	if _, engine := st.(*study.Engine); !engine {
		flag := "--shard"
		if rf.nats != "" {
			flag = "--nats"
		}
		return badInput("%s applies to engine runs; %s runs the %s analysis", flag, s.Name, s.Analysis.Kind)
	}
	if fl.Changed("db") {
		if rf.nats != "" {
			return badInput("--db is not supported with --nats yet: write the merged run with --out, or run without --nats to store it")
		}
		return badInput("--db keeps a whole run; a shard is part of one (rampart merge has no --db yet; run without --shard to store it)")
	}
	if rf.nats != "" {
		if rf.shard != "" {
			return badInput("--shard runs one shard here; --nats runs every shard on the workers: give one of them")
		}
		return runOnNATS(cmd, rf, s, st, o)
	}
	if rf.asJSON {
		return badInput("--json prints a whole run; a shard is written to the file --out names, and 'rampart merge' prints the run")
	}
	spec, err := shard.ParseSpec(rf.shard)
	if err != nil {
		return badInput("--shard: %v", err)
	}
	if rf.out == "" {
		return badInput("--shard %s needs --out FILE, the shard file to write (for 'rampart merge FILE...')", spec)
	}
	h, err := shardHeader(s, o, shardArgs(fl), spec)
	if err != nil {
		return err
	}
	meter := progress.New(cmd.ErrOrStderr())
	defer meter.Close()
	o.Progress = meter.Report
	data, err := runShard(s, st, o, h)
	if err != nil {
		return err
	}
	meter.Close()
	if err := atomicdir.WriteFile(cmd.Context(), rf.out, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "rampart: shard %s (trials %d–%d of %d) written to %s\n", spec, h.First, h.End-1, h.Trials, rf.out)
	return nil
}

// shardHeader is the header of shard spec of the run of s with o, given
// args (shardArgs): what the merge needs to rebuild the run, and the
// shard's trials.
func shardHeader(s *scenario.Scenario, o study.Options, args []string, spec shard.Spec) (shard.Header, error) {
	text, err := scenarioText(s)
	if err != nil {
		return shard.Header{}, err
	}
	first, end := spec.Range(o.Trials)
	passes := 1
	if o.WarningValue {
		passes = 2
	}
	h := shard.Header{Format: shard.Format, RampartVersion: provenance.Version(), ScenarioSHA256: s.SHA256,
		ScenarioFile: s.File, ScenarioLibrary: s.Library, Scenario: text, Seed: o.Seed, Trials: o.Trials,
		Args: args, Shard: spec.I, Shards: spec.N, First: first, End: end, Passes: passes}
	return h, nil
}

// runShard runs the shard that h names and returns its file.
func runShard(s *scenario.Scenario, st study.Study, o study.Options, h shard.Header) ([]byte, error) {
	var buf bytes.Buffer
	w, err := shard.NewWriter(&buf, h)
	if err != nil {
		return nil, err
	}
	if err := study.RunShard(s, st, o, h.First, h.End, func(out *sim.Outcome) error { return w.Add(out) }); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// scenarioText returns the text s was read from, checked against its
// SHA-256: a file changed since it was loaded is refused.
func scenarioText(s *scenario.Scenario) ([]byte, error) {
	var data []byte
	if s.Library != "" {
		d, _, ok := scenario.LibraryText(s.Library)
		if !ok {
			return nil, fmt.Errorf("embedded scenario %s has no text", s.Library)
		}
		data = d
	} else {
		d, err := os.ReadFile(s.File)
		if err != nil {
			return nil, badInput("%s: %v", s.File, err)
		}
		data = d
	}
	if provenance.SHA256(data) != s.SHA256 {
		return nil, badInput("%s changed while it was run (its SHA-256 is not the one loaded); run again", s.File)
	}
	return data, nil
}
