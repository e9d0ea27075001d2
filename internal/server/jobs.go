package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/study"
	"github.com/rampart-sim/rampart/internal/sweep"
)

// jobKind is what a job of the server is, a run (runs.go) or a sweep
// (sweeps.go). The queue, the workers, the progress stream, the listing
// and the files are one code for both, parameterised by it.
type jobKind struct {
	// noun is "run" or "sweep": the word of messages, log lines, URLs
	// (/api/runs/ID) and download names.
	noun string
	// live holds the queued and running jobs of this process, under
	// Server.mu.
	live map[int64]*job
	// files are the files of a done one, as
	// GET /api/{noun}s/{id}/files/{name} names them.
	files []string
	// status returns the stored status of id.
	status func(ctx context.Context, id int64) (store.Status, error)
	// view returns id in the API: its record and, while it is live, its
	// progress (RunView, SweepView).
	view     func(ctx context.Context, id int64) (any, error)
	readFile func(ctx context.Context, id int64, name string) (store.File, error)
	fail     func(ctx context.Context, id int64, msg string) error
	// execute runs a job that a worker took from the queue.
	execute func(j *job)
}

// path is the URL of id, "/api/runs/7".
func (k *jobKind) path(id int64) string {
	return "/api/" + k.noun + "s/" + strconv.FormatInt(id, 10)
}

// Progress is where a live run is: the phase and its count.
type Progress struct {
	Status store.Status `json:"status"`
	Label  string       `json:"label"`
	Done   int          `json:"done"`
	Total  int          `json:"total"`
}

// job is a run or a sweep queued or running in this server.
type job struct {
	id     int64
	kind   *jobKind
	sc     *scenario.Scenario
	st     study.Study
	opts   study.Options
	ctx    context.Context
	cancel context.CancelFunc
	// sweep is what a sweep's job runs (nil for a run).
	sweep *sweep.Job

	mu      sync.Mutex
	p       Progress
	sent    time.Time
	changed chan struct{} // closed and replaced when p changes
}

func (j *job) snapshot() (Progress, <-chan struct{}) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.p, j.changed
}

// update sets the progress and wakes the streams: at once for a new
// status or phase or the phase's end, else at most every 100 ms.
func (j *job) update(f func(p *Progress)) {
	j.mu.Lock()
	defer j.mu.Unlock()
	old := j.p
	f(&j.p)
	if j.p == old {
		return
	}
	now := time.Now()
	if old.Status == j.p.Status && old.Label == j.p.Label && j.p.Done < j.p.Total && now.Sub(j.sent) < 100*time.Millisecond {
		return
	}
	j.sent = now
	close(j.changed)
	j.changed = make(chan struct{})
}

func (j *job) progress(label string, done, total int) {
	j.update(func(p *Progress) { p.Label, p.Done, p.Total = label, done, total })
}

func (j *job) setStatus(st store.Status) {
	j.update(func(p *Progress) { p.Status = st })
}

// live returns k's job id if it is queued or running here, else nil.
func (s *Server) live(k *jobKind, id int64) *job {
	s.mu.Lock()
	defer s.mu.Unlock()
	return k.live[id]
}

// liveProgress is the progress of k's job id while its stored status st
// is not final and it is live here, else nil.
func (s *Server) liveProgress(k *jobKind, id int64, st store.Status) *Progress {
	if st.Final() {
		return nil
	}
	j := s.live(k, id)
	if j == nil {
		return nil
	}
	p, _ := j.snapshot()
	return &p
}

// enqueue takes a queue slot for j, of kind k, stores it with create
// (which returns its id), and queues it; it sets the Location header.
// It answers 429 when the queue is full and 500 when create fails
// itself, and then returns false.
func (s *Server) enqueue(w http.ResponseWriter, r *http.Request, k *jobKind, j *job, create func() (int64, error)) bool {
	select {
	case s.slots <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "10")
		writeError(w, http.StatusTooManyRequests, "the run queue is full (its limit: %s waiting and %d running); try again later", runsCount(s.cfg.QueueLimit), s.cfg.Workers)
		return false
	}
	id, err := create()
	if err != nil {
		<-s.slots
		s.internal(w, r, err)
		return false
	}
	j.id, j.kind, j.changed = id, k, make(chan struct{})
	j.ctx, j.cancel = context.WithCancel(s.ctx)
	s.mu.Lock()
	k.live[id] = j
	s.mu.Unlock()
	s.queue <- j // never blocks: the queue holds as many jobs as there are slots
	w.Header().Set("Location", k.path(id))
	return true
}

func (s *Server) worker() {
	defer s.wg.Done()
	for {
		select {
		case <-s.ctx.Done():
			s.drain()
			return
		case j := <-s.queue:
			j.kind.execute(j)
		}
	}
}

// drain fails the jobs left in the queue when the server stops.
func (s *Server) drain() {
	for {
		select {
		case j := <-s.queue:
			s.failUnstarted(j)
		default:
			return
		}
	}
}

// stopped fails j and returns true if the server stopped before j
// started.
func (s *Server) stopped(j *job) bool {
	if s.ctx.Err() == nil {
		return false
	}
	s.failUnstarted(j)
	return true
}

func (s *Server) failUnstarted(j *job) {
	s.end(j, j.kind.fail(context.Background(), j.id, "the server stopped before the "+j.kind.noun+" started"), store.Failed)
}

// end forgets j, frees its slot and wakes its streams; it logs err,
// unless it is nil or store.ErrState.
func (s *Server) end(j *job, err error, st store.Status) {
	if err != nil && !errors.Is(err, store.ErrState) {
		s.cfg.Log.Printf("serve: %s %d: %v", j.kind.noun, j.id, err)
	}
	s.mu.Lock()
	delete(j.kind.live, j.id)
	s.mu.Unlock()
	j.cancel()
	j.setStatus(st)
	<-s.slots
}

// safely calls f, a panic turned into an error.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return f()
}

// runID reads the {id} of the path, answering 400 itself.
func runID(w http.ResponseWriter, r *http.Request, name string) (int64, bool) {
	id, err := store.ParseID(r.PathValue(name))
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return 0, false
	}
	return id, true
}

// storeError answers an error of the store: 404, 409 or 500.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "%v", err)
	case errors.Is(err, store.ErrState):
		writeError(w, http.StatusConflict, "%v", err)
	default:
		s.internal(w, r, err)
	}
}

// storedStatus returns the stored status of k's id, answering the
// store's error itself (storeError) and then returning false.
func (s *Server) storedStatus(w http.ResponseWriter, r *http.Request, k *jobKind, id int64) (store.Status, bool) {
	st, err := k.status(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return "", false
	}
	return st, true
}

// getJob answers GET /api/runs/{id} and /api/sweeps/{id}: the view.
func (s *Server) getJob(k *jobKind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := runID(w, r, "id")
		if !ok {
			return
		}
		v, err := k.view(r.Context(), id)
		if err != nil {
			s.storeError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// listJobs answers GET /api/runs and /api/sweeps: list's records, newest
// first, with the query's limit and status.
func listJobs[T any](s *Server, list func(ctx context.Context, o store.ListOptions) ([]T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		o := store.ListOptions{}
		if v := r.URL.Query().Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > store.MaxListLimit {
				writeError(w, http.StatusBadRequest, "limit %q is not allowed; allowed: 1 to %d", v, store.MaxListLimit)
				return
			}
			o.Limit = n
		}
		if v := r.URL.Query().Get("status"); v != "" {
			if !slices.Contains(store.Statuses, store.Status(v)) {
				writeError(w, http.StatusBadRequest, "status %q is not allowed; allowed: queued, running, done, failed, cancelled", v)
				return
			}
			o.Status = store.Status(v)
		}
		items, err := list(r.Context(), o)
		if err != nil {
			s.internal(w, r, err)
			return
		}
		if items == nil {
			items = []T{}
		}
		writeJSON(w, http.StatusOK, items)
	}
}

// jobFile answers GET /api/{runs,sweeps}/{id}/files/{name}: one file of a
// done run or sweep, as stored.
func (s *Server) jobFile(k *jobKind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := runID(w, r, "id")
		if !ok {
			return
		}
		name := r.PathValue("name")
		if !slices.Contains(k.files, name) {
			writeError(w, http.StatusNotFound, "no %s file %q; allowed: %s", k.noun, name, strings.Join(k.files, ", "))
			return
		}
		st, ok := s.storedStatus(w, r, k, id)
		if !ok {
			return
		}
		if st != store.Done {
			writeError(w, http.StatusConflict, "%s %d is %s; its files exist once it is done", k.noun, id, st)
			return
		}
		f, err := k.readFile(r.Context(), id, name)
		if err != nil {
			s.storeError(w, r, err)
			return
		}
		mt := f.MediaType
		if mt == "" {
			mt = "application/octet-stream"
		}
		h := w.Header()
		h.Set("Content-Type", mt)
		// A stored report is the run's own page, self-contained: its
		// inline styles may apply, nothing may run.
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
		if r.URL.Query().Get("download") != "" {
			h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"rampart-%s-%d-%s\"", k.noun, id, name))
		}
		w.Write(f.Data)
	}
}

// jobEvents streams a run's or a sweep's progress as server-sent events:
// "progress" events ({status, label, done, total}) while it is live,
// then one "status" event with its record when it ends (at once for one
// that has ended). A comment every 15 s keeps the connection open.
func (s *Server) jobEvents(k *jobKind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := runID(w, r, "id")
		if !ok {
			return
		}
		st, ok := s.storedStatus(w, r, k, id)
		if !ok {
			return
		}
		j := s.live(k, id)
		if st.Final() {
			j = nil
		}
		s.stream(w, r, j, func() (any, error) { return k.view(context.Background(), id) })
	}
}

// stream writes job j's progress as server-sent events until it ends,
// then one "status" event with record's value (at once if j is nil).
func (s *Server) stream(w http.ResponseWriter, r *http.Request, j *job, record func() (any, error)) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) bool {
		data, _ := json.Marshal(v)
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	final := func() {
		v, err := record()
		if err != nil {
			send("error", ErrorBody{Error: err.Error()})
			return
		}
		send("status", v)
	}
	if j == nil {
		final()
		return
	}
	keep := time.NewTicker(15 * time.Second)
	defer keep.Stop()
	var last Progress
	first := true
	for {
		p, changed := j.snapshot()
		if first || p != last {
			if !send("progress", p) {
				return
			}
			first, last = false, p
		}
		if p.Status.Final() {
			final()
			return
		}
		select {
		case <-changed:
		case <-keep.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.ctx.Done():
			return
		}
	}
}

// runsCount is "1 run" or "n runs".
func runsCount(n int) string {
	if n == 1 {
		return "1 run"
	}
	return fmt.Sprintf("%d runs", n)
}
