package server

import (
	"bytes"
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

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/study"
	"github.com/rampart-sim/rampart/internal/sweep"
)

// RunRequest is the body of POST /api/runs: a scenario and the settings
// of rampart run's flags. Absent fields take the scenario's values.
type RunRequest struct {
	ScenarioInput
	Trials      *int   `json:"trials,omitempty"`
	Seed        *int64 `json:"seed,omitempty"`
	Pick        string `json:"pick,omitempty"`
	PickThreat  string `json:"pick_threat,omitempty"`
	PickDefense string `json:"pick_defense,omitempty"`
	Fidelity    string `json:"fidelity,omitempty"`
}

// Progress is where a live run is: the phase and its count.
type Progress struct {
	Status store.Status `json:"status"`
	Label  string       `json:"label"`
	Done   int          `json:"done"`
	Total  int          `json:"total"`
}

// RunView is a run in the API: the stored record and, while it is live
// in this server, its progress.
type RunView struct {
	store.Run
	Progress *Progress `json:"progress,omitempty"`
}

// MarshalJSON writes the run as the store does (store.Run.MarshalJSON,
// which the embedding would otherwise make the whole of it), with its
// progress.
func (v RunView) MarshalJSON() ([]byte, error) {
	data, err := json.Marshal(v.Run)
	if err != nil || v.Progress == nil {
		return data, err
	}
	p, err := json.Marshal(v.Progress)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimSuffix(bytes.TrimSpace(data), []byte("}"))
	return append(append(append(data, `,"progress":`...), p...), '}'), nil
}

// job is a run queued or running in this server.
type job struct {
	id     int64
	sc     *scenario.Scenario
	st     study.Study
	opts   study.Options
	ctx    context.Context
	cancel context.CancelFunc
	// sweep, if not nil, makes the job a sweep (sweeps.go), id a sweep's.
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

func (s *Server) live(id int64) *job {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.jobs[id]
}

// options builds the run options of in for scenario sc, refusing what
// rampart run would refuse.
func runOptions(in RunRequest, sc *scenario.Scenario, st study.Study, workers int) (study.Options, error) {
	uses := study.KindUses(sc)
	kind := "engine run"
	if sc.Analysis != nil {
		kind = sc.Analysis.Kind + " analysis"
	}
	seed, trials := sc.Run.Seed, sc.Run.Trials
	if in.Seed != nil || in.Trials != nil {
		if !uses.MonteCarlo {
			return study.Options{}, inputf("trials and seed have no effect here: %s runs the %s, which has no Monte Carlo trials", sc.Name, kind)
		}
	}
	if in.Seed != nil {
		if *in.Seed < 0 || *in.Seed > scenario.MaxSeed {
			return study.Options{}, inputf("seed %d is out of range; allowed: 0 to %d", *in.Seed, int64(scenario.MaxSeed))
		}
		seed = *in.Seed
	}
	if in.Trials != nil {
		if *in.Trials < 1 || *in.Trials > MaxServerTrials {
			return study.Options{}, inputf("trials %d is out of range; allowed: 1 to %d on this server", *in.Trials, MaxServerTrials)
		}
		trials = *in.Trials
	} else if uses.MonteCarlo && trials > MaxServerTrials {
		return study.Options{}, inputf("the scenario asks for %d trials; this server runs at most %d: give trials", trials, MaxServerTrials)
	}
	if in.Fidelity != "" {
		if _, err := sim.ParseFidelity(in.Fidelity); err != nil {
			return study.Options{}, inputf("fidelity %q is not allowed; allowed: %s", in.Fidelity, strings.Join(sim.FidelityNames(), ", "))
		}
	}
	o := sim.DefaultOptions()
	g := study.PicksGiven{Both: in.Pick != "", Threat: in.PickThreat != "", Defense: in.PickDefense != ""}
	if g.Both && (g.Threat || g.Defense) {
		return study.Options{}, inputf("pick sets the threats' and the defense's catalog values alike; give it alone, or pick_threat and pick_defense instead")
	}
	for _, p := range []struct {
		name, v string
		dst     []*catalog.Pick
	}{{"pick", in.Pick, []*catalog.Pick{&o.ThreatPick, &o.DefensePick}}, {"pick_threat", in.PickThreat, []*catalog.Pick{&o.ThreatPick}},
		{"pick_defense", in.PickDefense, []*catalog.Pick{&o.DefensePick}}} {
		if p.v == "" {
			continue
		}
		var k catalog.Pick
		if err := k.UnmarshalText([]byte(p.v)); err != nil {
			return study.Options{}, inputf("%s %q is not allowed; allowed: low, central, high", p.name, p.v)
		}
		for _, d := range p.dst {
			*d = k
		}
	}
	opts := study.Options{Sim: o, Physics: study.DescribePhysics("wgs84", o), Seed: seed, Trials: trials, Workers: workers,
		PicksGiven: g, Fidelity: in.Fidelity}
	if err := study.CheckOptions(sc, st, opts); err != nil {
		return study.Options{}, err
	}
	return opts, nil
}

// CreatedRun is the answer of POST /api/runs.
type CreatedRun struct {
	ID     int64        `json:"id"`
	Status store.Status `json:"status"`
	// URLs of the run's status, progress stream and results.
	StatusURL string `json:"status_url"`
	EventsURL string `json:"events_url"`
}

func (s *Server) createRun(w http.ResponseWriter, r *http.Request) {
	var in RunRequest
	if !decodeBody(w, r, &in) {
		return
	}
	sc, st, err := in.load()
	if err == nil {
		err = study.Check(sc, st)
	}
	var opts study.Options
	if err == nil {
		opts, err = runOptions(in, sc, st, s.cfg.TrialWorkers)
	}
	if err != nil {
		s.writeInputError(w, r, err)
		return
	}
	select {
	case s.slots <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "10")
		writeError(w, http.StatusTooManyRequests, "the run queue is full (its limit: %s waiting and %d running); try again later", runsCount(s.cfg.QueueLimit), s.cfg.Workers)
		return
	}
	run, err := s.cfg.Store.Create(r.Context(), store.SpecOf(sc, st, opts))
	if err != nil {
		<-s.slots
		s.internal(w, r, err)
		return
	}
	j := &job{id: run.ID, sc: sc, st: st, opts: opts, changed: make(chan struct{}), p: Progress{Status: store.Queued}}
	j.ctx, j.cancel = context.WithCancel(s.ctx)
	s.mu.Lock()
	s.jobs[run.ID] = j
	s.mu.Unlock()
	s.queue <- j // never blocks: the queue holds as many runs as there are slots
	id := strconv.FormatInt(run.ID, 10)
	w.Header().Set("Location", "/api/runs/"+id)
	writeJSON(w, http.StatusAccepted, CreatedRun{ID: run.ID, Status: store.Queued, StatusURL: "/api/runs/" + id, EventsURL: "/api/runs/" + id + "/events"})
}

func (s *Server) worker() {
	defer s.wg.Done()
	for {
		select {
		case <-s.ctx.Done():
			s.drain()
			return
		case j := <-s.queue:
			if j.sweep != nil {
				s.executeSweep(j)
				continue
			}
			s.execute(j)
		}
	}
}

// drain fails the runs left in the queue when the server stops.
func (s *Server) drain() {
	for {
		select {
		case j := <-s.queue:
			if j.sweep != nil {
				s.endSweep(j, s.cfg.Store.FailSweep(context.Background(), j.id, "the server stopped before the sweep started"), store.Failed)
				continue
			}
			s.end(j, s.cfg.Store.Fail(context.Background(), j.id, "the server stopped before the run started"), store.Failed)
		default:
			return
		}
	}
}

// end forgets j, frees its slot and wakes its streams.
func (s *Server) end(j *job, err error, st store.Status) {
	if err != nil && !errors.Is(err, store.ErrState) {
		s.cfg.Log.Printf("serve: run %d: %v", j.id, err)
	}
	s.mu.Lock()
	delete(s.jobs, j.id)
	s.mu.Unlock()
	j.cancel()
	j.setStatus(st)
	<-s.slots
}

func (s *Server) execute(j *job) {
	bg := context.Background()
	if s.ctx.Err() != nil {
		s.end(j, s.cfg.Store.Fail(bg, j.id, "the server stopped before the run started"), store.Failed)
		return
	}
	if j.ctx.Err() != nil { // cancelled while queued
		s.end(j, nil, store.Cancelled)
		return
	}
	if err := s.cfg.Store.Start(bg, j.id); err != nil {
		s.end(j, err, store.Cancelled)
		return
	}
	j.setStatus(store.Running)
	o := j.opts
	o.Context, o.Progress = j.ctx, j.progress
	res, err := runStudy(j.sc, j.st, o)
	if err != nil {
		switch {
		case s.ctx.Err() != nil:
			s.end(j, s.cfg.Store.Fail(bg, j.id, "the server stopped during the run"), store.Failed)
		case j.ctx.Err() != nil:
			s.end(j, nil, store.Cancelled) // the cancel handler marked it
		default:
			s.end(j, s.cfg.Store.Fail(bg, j.id, err.Error()), store.Failed)
		}
		return
	}
	out, err := store.OutcomeOf(res)
	res.Close()
	if err != nil {
		s.end(j, s.cfg.Store.Fail(bg, j.id, "writing the results: "+err.Error()), store.Failed)
		return
	}
	if err := s.cfg.Store.Finish(bg, j.id, out); err != nil {
		if errors.Is(err, store.ErrState) {
			s.end(j, nil, store.Cancelled)
			return
		}
		s.end(j, s.cfg.Store.Fail(bg, j.id, "storing the results: "+err.Error()), store.Failed)
		return
	}
	s.end(j, nil, store.Done)
}

// runStudy is study.Run, a panic turned into an error.
func runStudy(sc *scenario.Scenario, st study.Study, o study.Options) (res *study.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return study.Run(sc, st, o)
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

func (s *Server) view(ctx context.Context, id int64) (RunView, error) {
	run, err := s.cfg.Store.Get(ctx, id)
	if err != nil {
		return RunView{}, err
	}
	v := RunView{Run: run}
	if j := s.live(id); j != nil && !run.Status.Final() {
		p, _ := j.snapshot()
		v.Progress = &p
	}
	return v, nil
}

func (s *Server) getRun(w http.ResponseWriter, r *http.Request) {
	id, ok := runID(w, r, "id")
	if !ok {
		return
	}
	v, err := s.view(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) listRuns(w http.ResponseWriter, r *http.Request) {
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
	runs, err := s.cfg.Store.List(r.Context(), o)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if runs == nil {
		runs = []store.Run{}
	}
	writeJSON(w, http.StatusOK, runs)
}

func (s *Server) cancelRun(w http.ResponseWriter, r *http.Request) {
	id, ok := runID(w, r, "id")
	if !ok {
		return
	}
	if err := s.cfg.Store.Cancel(r.Context(), id); err != nil {
		if errors.Is(err, store.ErrState) {
			status := "ended"
			if run, gerr := s.cfg.Store.Get(r.Context(), id); gerr == nil {
				status = "ended (" + string(run.Status) + ")"
			}
			writeError(w, http.StatusConflict, "run %d has %s; only a queued or running run can be cancelled", id, status)
			return
		}
		s.storeError(w, r, err)
		return
	}
	if j := s.live(id); j != nil {
		j.cancel()
		// Its streams end now, even while it waits in the queue for a
		// worker to drop it.
		j.setStatus(store.Cancelled)
	}
	v, err := s.view(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// fileNames are the files of a done run, as GET /api/runs/{id}/files/{name} names them.
var fileNames = []string{study.ReportFile, study.ResultsFile, study.EventsFile, "scene.json", "export.czml", "export.kml", "export.geojson"}

func (s *Server) runResults(w http.ResponseWriter, r *http.Request) {
	r.SetPathValue("name", study.ResultsFile)
	s.runFile(w, r)
}

func (s *Server) runFile(w http.ResponseWriter, r *http.Request) {
	id, ok := runID(w, r, "id")
	if !ok {
		return
	}
	name := r.PathValue("name")
	if !slices.Contains(fileNames, name) {
		writeError(w, http.StatusNotFound, "no run file %q; allowed: %s", name, strings.Join(fileNames, ", "))
		return
	}
	run, err := s.cfg.Store.Get(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if run.Status != store.Done {
		writeError(w, http.StatusConflict, "run %d is %s; its files exist once it is done", id, run.Status)
		return
	}
	f, err := s.cfg.Store.ReadFile(r.Context(), id, name)
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
	// A stored report is the run's own page, self-contained: its inline
	// styles may apply, nothing may run.
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	if r.URL.Query().Get("download") != "" {
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"rampart-run-%d-%s\"", id, name))
	}
	w.Write(f.Data)
}

// CompareResponse is the answer of GET /api/compare: the two runs'
// records (a, b; their statistics are in the differences), the
// differences and the notes, as store.Comparison writes them.
type CompareResponse struct {
	A           store.Run          `json:"a"`
	B           store.Run          `json:"b"`
	Differences []store.Difference `json:"differences"`
	Notes       []string           `json:"notes"`
}

func (s *Server) compareRuns(w http.ResponseWriter, r *http.Request) {
	var ids [2]int64
	for i, k := range []string{"a", "b"} {
		id, err := store.ParseID(r.URL.Query().Get(k))
		if err != nil {
			writeError(w, http.StatusBadRequest, "%s: %v", k, err)
			return
		}
		ids[i] = id
	}
	c, err := s.cfg.Store.Compare(r.Context(), ids[0], ids[1])
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeRounded(w, http.StatusOK, c)
}

// runEvents streams a run's progress as server-sent events: "progress"
// events ({status, label, done, total}) while it is live, then one
// "status" event with the run's record when it ends (at once for a run
// that has ended). A comment every 15 s keeps the connection open.
func (s *Server) runEvents(w http.ResponseWriter, r *http.Request) {
	id, ok := runID(w, r, "id")
	if !ok {
		return
	}
	run, err := s.cfg.Store.Get(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	j := s.live(id)
	if run.Status.Final() {
		j = nil
	}
	s.stream(w, r, j, func() (any, error) { return s.view(context.Background(), id) })
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
