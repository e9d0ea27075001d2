package main

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/cluster"
	"github.com/rampart-sim/rampart/internal/cluster/natstest"
	"github.com/rampart-sim/rampart/internal/shard"
)

// testAckWait is the workers' ack wait in these tests: short, so that the
// killed worker's shard comes back quickly, and well above the time of a
// 4-trial shard of europe (about 0.1 s of CPU, measured).
const testAckWait = time.Second

// TestNATSFourWorkersOneKilled: four workers take the 8 shard jobs of a
// 30-trial europe run; one is killed (its connection closed, its context
// cancelled) in the middle of its first shard, before it acks. That shard
// is delivered again after the ack wait, to another worker, and the merged
// run is the single-machine run to the byte.
func TestNATSFourWorkersOneKilled(t *testing.T) {
	code, whole, errs := rampart(t, "run", "europe", "--trials", shardTrials, "--json")
	if code != exitOK {
		t.Fatalf("run = %d, %s", code, errs)
	}
	url := natstest.Server(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := cluster.Config{AckWait: testAckWait, MaxDeliver: 5}

	var mu sync.Mutex
	var events []cluster.Event
	killedShard := 0
	var wg sync.WaitGroup
	for k := range 4 {
		c, err := cluster.Dial(ctx, url, cfg, true)
		if err != nil {
			t.Fatal(err)
		}
		run := workerRun(1)
		wctx, wcancel := context.WithCancel(ctx)
		if k == 3 { // the victim
			real := run
			run = func(jctx context.Context, h shard.Header) ([]byte, error) {
				mu.Lock()
				killedShard = h.Shard
				mu.Unlock()
				done := make(chan struct{})
				go func() {
					real(jctx, h)
					close(done)
				}()
				time.Sleep(20 * time.Millisecond) // mid-shard
				c.NC.Close()
				wcancel()
				<-done
				return nil, errors.New("killed")
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer wcancel()
			defer c.Close()
			c.Work(wctx, run, func(ev cluster.Event) {
				mu.Lock()
				events = append(events, ev)
				mu.Unlock()
			})
		}()
	}
	code, merged, errs := rampart(t, "run", "europe", "--trials", shardTrials, "--nats", url, "--shards", "8", "--json", "--timeout", "45s")
	cancel()
	wg.Wait()
	if code != exitOK {
		t.Fatalf("run --nats = %d, %s", code, errs)
	}
	if merged != whole {
		t.Error("the run on four NATS workers differs from the single-machine run")
	}
	mu.Lock()
	defer mu.Unlock()
	if killedShard == 0 {
		t.Fatal("the victim took no job")
	}
	redelivered := false
	for _, ev := range events {
		if ev.Shard == killedShard && ev.Err == nil && ev.Delivered >= 2 {
			redelivered = true
		}
	}
	if !redelivered {
		t.Errorf("shard %d, killed mid-run, was not done on a second delivery: %+v", killedShard, events)
	}
}

// TestNATSGatherTimeout: with no worker, the gatherer gives up after
// --timeout and names the shards missing.
func TestNATSGatherTimeout(t *testing.T) {
	url := natstest.Server(t)
	code, _, errs := rampart(t, "run", "europe", "--trials", "4", "--nats", url, "--shards", "2", "--timeout", "1s")
	if code == exitOK || !strings.Contains(errs, "0 of 2 shards are back; missing 1, 2") {
		t.Errorf("run --nats with no worker = %d, %q; want a failure naming the missing shards", code, errs)
	}
	if code, _, errs = rampart(t, "run", "europe", "--nats", url); code != exitBadInput || !strings.Contains(errs, "--nats needs --shards") {
		t.Errorf("run --nats without --shards = %d, %q", code, errs)
	}
	if code, _, errs = rampart(t, "worker"); code != exitBadInput || !strings.Contains(errs, "--nats URL") {
		t.Errorf("worker without --nats = %d, %q", code, errs)
	}
}

// TestWorkerFlags: the worker refuses bad values of its flags and a
// server that does not answer, with exit 2 naming the flag; its
// --ack-wait, --max-deliver and --workers take effect in
// TestNATSFourWorkersOneKilled (through cluster.Config and workerRun).
func TestWorkerFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"worker", "--nats", "nats://127.0.0.1:1", "--ack-wait", "0s"}, "--ack-wait"},
		{[]string{"worker", "--nats", "nats://127.0.0.1:1", "--max-deliver", "0"}, "--max-deliver"},
		{[]string{"worker", "--nats", "nats://127.0.0.1:1", "--workers", "-1"}, "--workers"},
		{[]string{"worker", "--nats", "nats://127.0.0.1:1"}, "--nats nats://127.0.0.1:1: cannot connect"},
	} {
		if code, _, errs := rampart(t, c.args...); code != exitBadInput || !strings.Contains(errs, c.want) {
			t.Errorf("%q = %d, %q; want exit 2 naming %s", c.args, code, errs, c.want)
		}
	}
}
