package cluster

import (
	"context"
	"fmt"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/cluster/natstest"
	"github.com/rampart-sim/rampart/internal/shard"
)

// testAckWait is short, so that an unacked job comes back within the test.
const testAckWait = time.Second

// TestRedeliveredAfterPutCountedOnce: a worker dies after putting shard
// 2's result and before acking it; the job is delivered again, run again
// and put again, and the gatherer returns each of the 4 shards once, with
// its content.
func TestRedeliveredAfterPutCountedOnce(t *testing.T) {
	url := natstest.Server(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := Config{AckWait: testAckWait, MaxDeliver: 5}
	var mu sync.Mutex
	runs := map[int]int{}
	run := func(_ context.Context, h shard.Header) ([]byte, error) {
		mu.Lock()
		runs[h.Shard]++
		mu.Unlock()
		return fmt.Appendf(nil, "shard %d of run %s", h.Shard, h.RunID), nil
	}
	var wg sync.WaitGroup
	startWorker := func(victim bool) context.Context {
		c, err := Dial(ctx, url, cfg, true)
		if err != nil {
			t.Fatal(err)
		}
		wctx, wcancel := context.WithCancel(ctx)
		if victim {
			c.beforeAck = func(h shard.Header) bool {
				if h.Shard != 2 {
					return true
				}
				wcancel() // dies between the put and the ack
				return false
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer wcancel()
			defer c.Close()
			c.Work(wctx, run, nil)
		}()
		return wctx
	}
	// The victim alone takes the jobs in order until it dies on shard 2;
	// then a second worker takes the rest and, after the ack wait, shard 2.
	victim := startWorker(true)
	g, err := Dial(ctx, url, cfg, false)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	var jobs []shard.Header
	for i := 1; i <= 4; i++ {
		first, end := shard.Spec{I: i, N: 4}.Range(8)
		jobs = append(jobs, shard.Header{RunID: "r1", Trials: 8, Shard: i, Shards: 4, First: first, End: end, Passes: 1})
	}
	type gathered struct {
		srcs []shard.Source
		err  error
	}
	back := make(chan gathered, 1)
	go func() {
		srcs, err := g.Gather(ctx, jobs, 30*time.Second, nil)
		back <- gathered{srcs, err}
	}()
	select {
	case <-victim.Done():
	case <-time.After(20 * time.Second):
		t.Fatal("the victim did not reach shard 2 in 20 s")
	}
	startWorker(false)
	res := <-back // Gather has its own 30 s deadline
	srcs, err := res.srcs, res.err
	if err != nil {
		t.Fatal(err)
	}
	// Wait (bounded) for the redelivery of shard 2, then stop the workers.
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := runs[2]
		mu.Unlock()
		if n >= 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	mu.Lock()
	if runs[2] != 2 {
		t.Errorf("shard 2 ran %d times; want 2 (put, died before the ack, redelivered)", runs[2])
	}
	mu.Unlock()
	if len(srcs) != 4 {
		t.Fatalf("%d sources for 4 shards", len(srcs))
	}
	for k, src := range srcs {
		rc, err := src.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if want := fmt.Sprintf("shard %d of run r1", k+1); string(data) != want {
			t.Errorf("source %d = %q, want %q", k, data, want)
		}
	}
}
