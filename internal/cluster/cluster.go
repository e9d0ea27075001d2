package cluster

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/rampart-sim/rampart/internal/shard"
)

// Names of the stream, consumer and object store on the server.
const (
	JobsStream      = "RAMPART_JOBS"
	WorkersConsumer = "rampart-workers"
	ResultsBucket   = "RAMPART_RESULTS"
	jobsSubject     = "rampart.jobs"
)

// Defaults of Config.
const (
	// DefaultAckWait is how long a job may go without an ack or a
	// heartbeat before it is delivered to another worker.
	DefaultAckWait = 30 * time.Second
	// DefaultMaxDeliver is how many times a job is delivered in all.
	DefaultMaxDeliver = 5
	// fetchWait bounds one wait of a worker for a job, so that it sees its
	// context end.
	fetchWait = 2 * time.Second
	// pollEvery is how often the gatherer looks for results.
	pollEvery = 100 * time.Millisecond
	// opTimeout bounds one request to the server (create, put, get).
	opTimeout = 30 * time.Second
)

// Config is the JetStream layout's settings.
type Config struct {
	AckWait    time.Duration // 0: DefaultAckWait
	MaxDeliver int           // 0: DefaultMaxDeliver
	// Memory keeps the stream and the results in memory rather than on
	// the server's disk (tests).
	Memory bool
}

func (c Config) ackWait() time.Duration {
	if c.AckWait <= 0 {
		return DefaultAckWait
	}
	return c.AckWait
}

func (c Config) maxDeliver() int {
	if c.MaxDeliver <= 0 {
		return DefaultMaxDeliver
	}
	return c.MaxDeliver
}

// Conn is a connection to the server with the layout in place.
type Conn struct {
	NC      *nats.Conn
	js      jetstream.JetStream
	jobs    jetstream.Consumer
	results jetstream.ObjectStore
	cfg     Config
	// beforeAck, if not nil, runs between a result's put and its ack;
	// false leaves the job unacked (tests: a worker that dies there).
	beforeAck func(shard.Header) bool
}

// Dial connects to url and creates the stream and the object store if
// they are not there. A worker also creates or updates the consumer with
// cfg's AckWait and MaxDeliver; the gatherer leaves it as the workers set it.
func Dial(ctx context.Context, url string, cfg Config, worker bool) (*Conn, error) {
	nc, err := nats.Connect(url, nats.Name("rampart"), nats.Timeout(5*time.Second), nats.MaxReconnects(10))
	if err != nil {
		return nil, fmt.Errorf("cannot connect to %s: %w", url, err)
	}
	c, err := setup(ctx, nc, cfg, worker)
	if err != nil {
		nc.Close()
		return nil, err
	}
	return c, nil
}

func setup(ctx context.Context, nc *nats.Conn, cfg Config, worker bool) (*Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	storage := jetstream.FileStorage
	if cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: JobsStream, Subjects: []string{jobsSubject + ".>"}, Retention: jetstream.WorkQueuePolicy,
		Storage: storage, Duplicates: time.Hour,
	}); err != nil {
		return nil, fmt.Errorf("JetStream stream %s (is JetStream enabled on the server? nats-server -js): %w", JobsStream, err)
	}
	var jobs jetstream.Consumer
	if worker {
		jobs, err = js.CreateOrUpdateConsumer(ctx, JobsStream, jetstream.ConsumerConfig{
			Durable: WorkersConsumer, AckPolicy: jetstream.AckExplicitPolicy,
			AckWait: cfg.ackWait(), MaxDeliver: cfg.maxDeliver(), MaxAckPending: -1,
		})
		if err != nil {
			return nil, fmt.Errorf("JetStream consumer %s: %w", WorkersConsumer, err)
		}
	}
	results, err := js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: ResultsBucket, Storage: storage})
	if err != nil {
		return nil, fmt.Errorf("JetStream object store %s: %w", ResultsBucket, err)
	}
	return &Conn{NC: nc, js: js, jobs: jobs, results: results, cfg: cfg}, nil
}

// Close closes the connection.
func (c *Conn) Close() { c.NC.Close() }

func resultName(run string, i int) string { return run + "/" + strconv.Itoa(i) }
func errorName(run string, i int) string  { return resultName(run, i) + ".error" }
func jobSubject(run string, i int) string { return jobsSubject + "." + run + "." + strconv.Itoa(i) }

// RunShard computes the shard file of a job; ctx ends when the worker
// stops. A *JobError is the job's fault (it would fail anywhere): the job
// is not tried again.
type RunShard func(ctx context.Context, h shard.Header) ([]byte, error)

// JobError is a job that cannot succeed: bad input, another version.
type JobError struct{ Err error }

func (e *JobError) Error() string { return e.Err.Error() }
func (e *JobError) Unwrap() error { return e.Err }

// Event is what a worker did with a job, for logs and tests.
type Event struct {
	Run       string
	Shard     int
	Delivered uint64 // 1 the first time
	Err       error  // nil: done and acked
}

// Work takes jobs until ctx ends and runs them with run, one at a time,
// reporting each to log (if not nil). It returns nil when ctx ends.
func (c *Conn) Work(ctx context.Context, run RunShard, log func(Event)) error {
	if c.jobs == nil {
		return fmt.Errorf("connection dialled as a gatherer, not a worker")
	}
	for ctx.Err() == nil {
		fctx, cancel := context.WithTimeout(ctx, fetchWait)
		msg, err := c.jobs.Next(jetstream.FetchContext(fctx))
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, jetstream.ErrNoMessages) || errors.Is(err, nats.ErrTimeout) {
				continue
			}
			if c.NC.IsClosed() {
				return fmt.Errorf("connection closed: %w", err)
			}
			// A transient failure (reconnecting): wait a little, with
			// the context's end still seen.
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(time.Second):
			}
			continue
		}
		ev := c.handle(ctx, msg, run)
		if log != nil {
			log(ev)
		}
	}
	return nil
}

// handle runs one job: heartbeats while it runs, the result put, then the
// ack. A job whose run fails for a reason of its own (JobError) is
// recorded as an error result and terminated; any other failure is left
// unacked, to be delivered again after AckWait.
func (c *Conn) handle(ctx context.Context, msg jetstream.Msg, run RunShard) Event {
	var h shard.Header
	ev := Event{}
	if md, err := msg.Metadata(); err == nil {
		ev.Delivered = md.NumDelivered
	}
	if err := json.Unmarshal(msg.Data(), &h); err != nil || h.RunID == "" {
		ev.Err = fmt.Errorf("job %s is not a shard header: %v", msg.Subject(), err)
		msg.TermWithReason("not a shard job")
		return ev
	}
	ev.Run, ev.Shard = h.RunID, h.Shard
	jctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // heartbeat: the job is alive
		defer wg.Done()
		t := time.NewTicker(max(c.cfg.ackWait()/3, 10*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-jctx.Done():
				return
			case <-t.C:
				msg.InProgress()
			}
		}
	}()
	data, err := run(jctx, h)
	stop()
	wg.Wait()
	if err != nil {
		ev.Err = err
		var je *JobError
		if errors.As(err, &je) && ctx.Err() == nil {
			pctx, cancel := context.WithTimeout(ctx, opTimeout)
			defer cancel()
			if _, perr := c.results.PutString(pctx, errorName(h.RunID, h.Shard), err.Error()); perr == nil {
				msg.TermWithReason("the shard cannot be run")
			}
		}
		return ev // not acked: delivered again after AckWait
	}
	if ctx.Err() != nil {
		ev.Err = ctx.Err()
		return ev
	}
	pctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	if _, err := c.results.PutBytes(pctx, resultName(h.RunID, h.Shard), data); err != nil {
		ev.Err = fmt.Errorf("putting the result: %w", err)
		return ev
	}
	if c.beforeAck != nil && !c.beforeAck(h) {
		ev.Err = fmt.Errorf("stopped before the ack")
		return ev
	}
	if err := msg.DoubleAck(pctx); err != nil {
		ev.Err = fmt.Errorf("acking: %w", err)
	}
	return ev
}

// Gather publishes the jobs (shard headers of one run, RunID set, shards
// 1 … n) and waits, until timeout, for a result of each, deduplicated by
// (run, shard). It returns the shard sources in shard order, read from the
// server, for shard.Open; Cleanup deletes them afterwards.
func (c *Conn) Gather(ctx context.Context, jobs []shard.Header, timeout time.Duration, progress func(done, total int)) ([]shard.Source, error) {
	if len(jobs) == 0 {
		return nil, fmt.Errorf("no jobs")
	}
	run := jobs[0].RunID
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// The server reports a job delivered MaxDeliver times and never acked.
	advisory := make(chan string, len(jobs))
	sub, err := c.NC.Subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES."+JobsStream+"."+WorkersConsumer, func(m *nats.Msg) {
		var a struct {
			StreamSeq uint64 `json:"stream_seq"`
		}
		json.Unmarshal(m.Data, &a)
		select {
		case advisory <- strconv.FormatUint(a.StreamSeq, 10):
		default:
		}
	})
	if err != nil {
		return nil, err
	}
	defer sub.Unsubscribe()
	seqShard := map[string]int{}
	for _, h := range jobs {
		if h.RunID != run {
			return nil, fmt.Errorf("jobs of runs %s and %s gathered together", run, h.RunID)
		}
		body, err := json.Marshal(h)
		if err != nil {
			return nil, err
		}
		m := nats.NewMsg(jobSubject(run, h.Shard))
		m.Data = body
		ack, err := c.js.PublishMsg(ctx, m, jetstream.WithMsgID(resultName(run, h.Shard)))
		if err != nil {
			return nil, fmt.Errorf("publishing shard job %d/%d: %w", h.Shard, h.Shards, err)
		}
		seqShard[strconv.FormatUint(ack.Sequence, 10)] = h.Shard
	}
	done := map[int]bool{}
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for len(done) < len(jobs) {
		select {
		case <-ctx.Done():
			var missing []string
			for _, h := range jobs {
				if !done[h.Shard] {
					missing = append(missing, strconv.Itoa(h.Shard))
				}
			}
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil, fmt.Errorf("after %v, %d of %d shards are back; missing %s (are workers running? rampart worker --nats URL)", timeout, len(done), len(jobs), strings.Join(missing, ", "))
			}
			return nil, ctx.Err()
		case seq := <-advisory:
			if i, ok := seqShard[seq]; ok {
				return nil, fmt.Errorf("shard %d of run %s was delivered the most times the workers allow (their --max-deliver) and never finished; see the workers' logs", i, run)
			}
		case <-tick.C:
		}
		for _, h := range jobs {
			if done[h.Shard] {
				continue
			}
			if msg, err := c.results.GetString(ctx, errorName(run, h.Shard)); err == nil {
				return nil, fmt.Errorf("shard %d/%d failed on a worker: %s", h.Shard, h.Shards, msg)
			}
			if _, err := c.results.GetInfo(ctx, resultName(run, h.Shard)); err == nil {
				done[h.Shard] = true
				if progress != nil {
					progress(len(done), len(jobs))
				}
			}
		}
	}
	srcs := make([]shard.Source, len(jobs))
	for k, h := range jobs {
		name := resultName(run, h.Shard)
		srcs[k] = shard.Source{Name: "nats object " + ResultsBucket + "/" + name, Open: func() (io.ReadCloser, error) {
			octx, cancel := context.WithTimeout(context.Background(), opTimeout)
			defer cancel()
			data, err := c.results.GetBytes(octx, name)
			if err != nil {
				return nil, err
			}
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
	}
	return srcs, nil
}

// Cleanup deletes the results of run's shards 1 … n (best effort).
func (c *Conn) Cleanup(run string, n int) {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	for i := 1; i <= n; i++ {
		c.results.Delete(ctx, resultName(run, i))
	}
}
