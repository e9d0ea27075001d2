package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/internal/cluster"
	"github.com/rampart-sim/rampart/internal/progress"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/shard"
	"github.com/rampart-sim/rampart/internal/study"
)

// defaultGatherTimeout is how long rampart run --nats waits for its
// shards without --timeout.
const defaultGatherTimeout = time.Hour

// runOnNATS runs every shard of the run on the workers of a NATS server,
// gathers them and writes the merged run as rampart run would.
func runOnNATS(cmd *cobra.Command, rf *runFlags, s *scenario.Scenario, st study.Study, o study.Options) error {
	if !cmd.Flags().Changed("shards") {
		return badInput("--nats needs --shards N, the number of shard jobs to split the %d trials into", o.Trials)
	}
	if rf.shards < 1 || rf.shards > min(shard.MaxShards, o.Trials) {
		return badInput("--shards %d is out of range; allowed: 1 to %d (no more than the trials)", rf.shards, min(shard.MaxShards, o.Trials))
	}
	timeout := rf.timeout
	if !cmd.Flags().Changed("timeout") {
		timeout = defaultGatherTimeout
	} else if timeout <= 0 {
		return badInput("--timeout %v is out of range; allowed: more than 0 (e.g. 10m)", timeout)
	}
	if rf.out != "" {
		if err := study.CheckDir(rf.out); err != nil {
			return err
		}
	}
	run, err := runID()
	if err != nil {
		return err
	}
	var jobs []shard.Header
	for i := 1; i <= rf.shards; i++ {
		h, err := shardHeader(s, o, shardArgs(cmd.Flags()), shard.Spec{I: i, N: rf.shards})
		if err != nil {
			return err
		}
		h.RunID = run
		jobs = append(jobs, h)
	}
	res, err := gatherAndMerge(cmd, rf.nats, jobs, timeout)
	if err != nil {
		return err
	}
	defer res.Close()
	return writeResult(cmd, res, rf.out, rf.asJSON)
}

// gatherAndMerge publishes jobs on the server at url, waits for their
// results and merges them.
func gatherAndMerge(cmd *cobra.Command, url string, jobs []shard.Header, timeout time.Duration) (*study.Result, error) {
	ctx := cmd.Context()
	c, err := cluster.Dial(ctx, url, cluster.Config{}, false)
	if err != nil {
		return nil, badInput("--nats %s: %v", url, err)
	}
	defer c.Close()
	meter := progress.New(cmd.ErrOrStderr())
	defer meter.Close()
	label := fmt.Sprintf("shards of run %s back from the workers", jobs[0].RunID)
	meter.Report(label, 0, len(jobs))
	srcs, err := c.Gather(ctx, jobs, timeout, func(done, total int) { meter.Report(label, done, total) })
	if err != nil {
		return nil, err
	}
	defer c.Cleanup(jobs[0].RunID, len(jobs))
	res, err := mergeShards(cmd, srcs, meter.Report)
	meter.Close()
	return res, err
}

// runID is a fresh name for a run on the server: time and 6 random bytes.
func runID() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return time.Now().UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b), nil
}

func newWorkerCmd() *cobra.Command {
	var url string
	var workers, maxDeliver int
	var ackWait time.Duration
	cmd := &cobra.Command{
		Use:   "worker --nats URL",
		Short: "Run shard jobs from a NATS JetStream server (for rampart run --nats URL --shards N)",
		Long: `Run shard jobs from a NATS JetStream server until interrupted: take a job
from the work stream ` + cluster.JobsStream + ` (durable pull consumer ` + cluster.WorkersConsumer + `),
run its trials, put the shard file into the object store ` + cluster.ResultsBucket + `
under (run, shard), then ack the job. 'rampart run ... --nats URL --shards N'
publishes the jobs, gathers the results and merges them (as 'rampart merge').

A job not acked within --ack-wait (its worker died or lost the server) is
delivered again, to any worker, up to --max-deliver times in all; a worker
that is alive tells the server so every --ack-wait/3, however long its shard.
A result put twice (a job redelivered after its result was put) is the same
bytes under the same name, counted once. A job that cannot succeed (bad
input, another rampart version) is recorded as failed and not redelivered.
The worker's --ack-wait and --max-deliver set the shared consumer: give every
worker the same. See docs/scale.md.`,
		Example: `  nats-server -js -sd /var/lib/nats &
  rampart worker --nats nats://queue.example:4222
  rampart run europe --trials 100000 --fidelity fast --nats nats://queue.example:4222 --shards 40 --out europe-100k`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if url == "" {
				return badInput("worker needs --nats URL, the NATS server to take jobs from (e.g. nats://127.0.0.1:4222)")
			}
			if workers < 0 {
				return badInput("--workers %d is out of range; allowed: 0 (all cores) or more", workers)
			}
			if workers == 0 {
				workers = runtime.GOMAXPROCS(0)
			}
			if ackWait < time.Second {
				return badInput("--ack-wait %v is out of range; allowed: 1s or more", ackWait)
			}
			if maxDeliver < 1 {
				return badInput("--max-deliver %d is out of range; allowed: 1 or more", maxDeliver)
			}
			c, err := cluster.Dial(cmd.Context(), url, cluster.Config{AckWait: ackWait, MaxDeliver: maxDeliver}, true)
			if err != nil {
				return badInput("--nats %s: %v", url, err)
			}
			defer c.Close()
			fmt.Fprintf(cmd.ErrOrStderr(), "rampart: worker taking shard jobs from %s (%d trial workers)\n", url, workers)
			return c.Work(cmd.Context(), workerRun(workers), func(ev cluster.Event) { logEvent(cmd, ev) })
		},
	}
	cmd.Flags().StringVar(&url, "nats", "", "NATS server with JetStream to take shard jobs from, e.g. nats://127.0.0.1:4222")
	cmd.Flags().IntVar(&workers, "workers", 0, "parallel trial workers in this process (default 0: one per core); results do not depend on it")
	cmd.Flags().DurationVar(&ackWait, "ack-wait", cluster.DefaultAckWait, "a job not acked or heartbeated for this long is delivered again")
	cmd.Flags().IntVar(&maxDeliver, "max-deliver", cluster.DefaultMaxDeliver, "how many times a job is delivered in all before it is given up")
	return cmd
}

// logEvent prints what the worker did with a job.
func logEvent(cmd *cobra.Command, ev cluster.Event) {
	switch {
	case ev.Err == nil:
		fmt.Fprintf(cmd.ErrOrStderr(), "rampart: run %s shard %d done (delivery %d)\n", ev.Run, ev.Shard, ev.Delivered)
	default:
		fmt.Fprintf(cmd.ErrOrStderr(), "rampart: run %s shard %d (delivery %d) failed: %v\n", ev.Run, ev.Shard, ev.Delivered, ev.Err)
	}
}

// workerRun runs a shard job with workers goroutines.
func workerRun(workers int) cluster.RunShard {
	return func(ctx context.Context, h shard.Header) ([]byte, error) {
		s, st, o, err := recordedRun(h, "job "+h.RunID+"/"+fmt.Sprint(h.Shard))
		if err != nil {
			return nil, jobError(err)
		}
		o.Context, o.Workers = ctx, workers
		data, err := runShard(s, st, o, h)
		if err != nil {
			return nil, jobError(err)
		}
		return data, nil
	}
}

// jobError marks bad input as the job's own failure.
func jobError(err error) error {
	if isInputError(err) || isScenarioError(err) {
		return &cluster.JobError{Err: err}
	}
	return err
}

// isScenarioError reports a scenario's problems (*scenario.Errors).
func isScenarioError(err error) bool {
	var se *scenario.Errors
	return errors.As(err, &se)
}
