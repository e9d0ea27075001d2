package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/study"
	"github.com/rampart-sim/rampart/internal/sweep"
)

// MaxServerSweepTrials is the most trials a sweep of the server may run
// in all (points × trials per point): a shared server keeps each sweep
// to minutes, as it does a run (MaxServerTrials).
const MaxServerSweepTrials = 100000

// SweepRequest is the body of POST /api/sweeps: a scenario and the
// settings of rampart sweep's flags. Vary holds one PATH=VALUES a --vary
// (docs/sweep.md); absent fields take the scenario's values, and the
// fidelity is fast where the scenario allows it.
type SweepRequest struct {
	ScenarioInput
	Vary     []string `json:"vary"`
	Trials   *int     `json:"trials,omitempty"`
	Seed     *int64   `json:"seed,omitempty"`
	Fidelity string   `json:"fidelity,omitempty"`
}

// SweepView is a sweep in the API: the stored record and, while it is
// live in this server, its progress (points done of total).
type SweepView struct {
	store.Sweep
	Progress *Progress `json:"progress,omitempty"`
}

// sweepJob builds the sweep of in, refusing what rampart sweep would
// refuse, with the same messages.
func sweepJob(in SweepRequest, sc *scenario.Scenario, workers int) (*sweep.Job, error) {
	if sc.Analysis != nil {
		return nil, inputf("%s runs the %s analysis; sweeps run engine scenarios only (no analysis section)", sc.Name, sc.Analysis.Kind)
	}
	if len(in.Vary) == 0 {
		return nil, inputf("give at least one vary PATH=VALUES (docs/sweep.md)")
	}
	o := sweep.Options{Seed: sc.Run.Seed, Trials: sc.Run.Trials, Workers: workers}
	if in.Seed != nil {
		if *in.Seed < 0 || *in.Seed > scenario.MaxSeed {
			return nil, inputf("seed %d is out of range; allowed: 0 to %d", *in.Seed, int64(scenario.MaxSeed))
		}
		o.Seed = *in.Seed
	}
	if in.Trials != nil {
		if *in.Trials < 1 || *in.Trials > MaxServerTrials {
			return nil, inputf("trials %d is out of range; allowed: 1 to %d a point on this server", *in.Trials, MaxServerTrials)
		}
		o.Trials = *in.Trials
	}
	var notes []string
	if in.Fidelity != "" {
		f, err := sim.ParseFidelity(in.Fidelity)
		if err != nil {
			return nil, inputf("fidelity %q is not allowed; allowed: %s", in.Fidelity, strings.Join(sim.FidelityNames(), ", "))
		}
		o.Fidelity = f.String()
		if f == sim.FastFidelity {
			if err := study.FastRefusal(sc, study.Options{}, nil); err != nil {
				return nil, inputf("fidelity fast: %s: %v (give fidelity full)", sc.Name, err)
			}
		}
	} else {
		o.Fidelity = sim.FastFidelity.String()
		if err := study.FastRefusal(sc, study.Options{}, nil); err != nil {
			o.Fidelity = sim.FullFidelity.String()
			notes = append(notes, fmt.Sprintf("fast fidelity is not possible for %s (%v): every point runs at full fidelity", sc.Name, err))
		}
	}
	systems, err := study.SystemsOf(sc)
	if err != nil {
		return nil, err
	}
	var axes []*sweep.Axis
	for _, v := range in.Vary {
		a, err := sweep.ParseAxis(v, sc, systems)
		if err != nil {
			return nil, err
		}
		axes = append(axes, a)
	}
	grid, err := sweep.NewGrid(axes)
	if err != nil {
		return nil, err
	}
	if n := grid.Len() * o.Trials; n > MaxServerSweepTrials {
		return nil, inputf("%d points × %d trials is %d trials; this server runs at most %d a sweep: fewer values or trials", grid.Len(), o.Trials, n, MaxServerSweepTrials)
	}
	parts := []string{"rampart", "sweep", study.ShellQuote(sc.Name)}
	for _, v := range in.Vary {
		parts = append(parts, "--vary", study.ShellQuote(v))
	}
	parts = append(parts, "--trials", fmt.Sprint(o.Trials), "--seed", fmt.Sprint(o.Seed), "--fidelity", o.Fidelity)
	return &sweep.Job{Scenario: sc, Grid: grid, Options: o, Notes: notes, Reproduce: strings.Join(parts, " ")}, nil
}

// CreatedSweep is the answer of POST /api/sweeps.
type CreatedSweep struct {
	ID        int64        `json:"id"`
	Status    store.Status `json:"status"`
	Points    int          `json:"points"`
	StatusURL string       `json:"status_url"`
	EventsURL string       `json:"events_url"`
}

func (s *Server) createSweep(w http.ResponseWriter, r *http.Request) {
	var in SweepRequest
	if !decodeBody(w, r, &in) {
		return
	}
	sc, _, err := in.load()
	var sj *sweep.Job
	if err == nil {
		sj, err = sweepJob(in, sc, s.cfg.TrialWorkers)
	}
	var sie *sweep.InputError
	if errors.As(err, &sie) {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	if err != nil {
		s.writeInputError(w, r, err)
		return
	}
	spec, err := sj.Spec()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	select {
	case s.slots <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "10")
		writeError(w, http.StatusTooManyRequests, "the run queue is full (its limit: %s waiting and %d running); try again later", runsCount(s.cfg.QueueLimit), s.cfg.Workers)
		return
	}
	sw, err := s.cfg.Store.CreateSweep(r.Context(), spec)
	if err != nil {
		<-s.slots
		s.internal(w, r, err)
		return
	}
	j := &job{id: sw.ID, sweep: sj, changed: make(chan struct{}), p: Progress{Status: store.Queued, Label: "sweep points", Total: spec.Points}}
	j.ctx, j.cancel = context.WithCancel(s.ctx)
	s.mu.Lock()
	s.sweeps[sw.ID] = j
	s.mu.Unlock()
	s.queue <- j
	id := strconv.FormatInt(sw.ID, 10)
	w.Header().Set("Location", "/api/sweeps/"+id)
	writeJSON(w, http.StatusAccepted, CreatedSweep{ID: sw.ID, Status: store.Queued, Points: spec.Points,
		StatusURL: "/api/sweeps/" + id, EventsURL: "/api/sweeps/" + id + "/events"})
}

// endSweep forgets sweep job j, frees its slot and wakes its streams.
func (s *Server) endSweep(j *job, err error, st store.Status) {
	if err != nil && !errors.Is(err, store.ErrState) {
		s.cfg.Log.Printf("serve: sweep %d: %v", j.id, err)
	}
	s.mu.Lock()
	delete(s.sweeps, j.id)
	s.mu.Unlock()
	j.cancel()
	j.setStatus(st)
	<-s.slots
}

func (s *Server) executeSweep(j *job) {
	bg := context.Background()
	st := s.cfg.Store
	if s.ctx.Err() != nil {
		s.endSweep(j, st.FailSweep(bg, j.id, "the server stopped before the sweep started"), store.Failed)
		return
	}
	if err := st.StartSweep(bg, j.id); err != nil {
		s.endSweep(j, err, store.Failed)
		return
	}
	j.setStatus(store.Running)
	sj := *j.sweep
	sj.Options.Context = j.ctx
	sj.Options.Progress = func(done, total int) { j.progress("sweep points", done, total) }
	doc, js, err := runSweep(&sj)
	if err != nil {
		msg := err.Error()
		if s.ctx.Err() != nil {
			msg = "the server stopped during the sweep"
		}
		s.endSweep(j, st.FailSweep(bg, j.id, msg), store.Failed)
		return
	}
	out, err := sj.Outcome(doc, js)
	if err == nil {
		err = st.FinishSweep(bg, j.id, out)
	}
	if err != nil {
		s.endSweep(j, st.FailSweep(bg, j.id, "storing the results: "+err.Error()), store.Failed)
		return
	}
	s.endSweep(j, nil, store.Done)
}

// runSweep is j.Run, a panic turned into an error.
func runSweep(j *sweep.Job) (doc *sweep.Document, js []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return j.Run()
}

func (s *Server) sweepView(ctx context.Context, id int64) (SweepView, error) {
	sw, err := s.cfg.Store.GetSweep(ctx, id)
	if err != nil {
		return SweepView{}, err
	}
	v := SweepView{Sweep: sw}
	s.mu.Lock()
	j := s.sweeps[id]
	s.mu.Unlock()
	if j != nil && !sw.Status.Final() {
		p, _ := j.snapshot()
		v.Progress = &p
	}
	return v, nil
}

func (s *Server) getSweep(w http.ResponseWriter, r *http.Request) {
	id, ok := runID(w, r, "id")
	if !ok {
		return
	}
	v, err := s.sweepView(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) listSweeps(w http.ResponseWriter, r *http.Request) {
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
	sweeps, err := s.cfg.Store.ListSweeps(r.Context(), o)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sweeps)
}

// sweepFileNames are the files of a done sweep.
var sweepFileNames = []string{sweep.ReportFile, sweep.ResultsFile, "summary.parquet"}

func (s *Server) sweepFile(w http.ResponseWriter, r *http.Request) {
	id, ok := runID(w, r, "id")
	if !ok {
		return
	}
	name := r.PathValue("name")
	if !slices.Contains(sweepFileNames, name) {
		writeError(w, http.StatusNotFound, "no sweep file %q; allowed: %s", name, strings.Join(sweepFileNames, ", "))
		return
	}
	sw, err := s.cfg.Store.GetSweep(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if sw.Status != store.Done {
		writeError(w, http.StatusConflict, "sweep %d is %s; its files exist once it is done", id, sw.Status)
		return
	}
	f, err := s.cfg.Store.ReadSweepFile(r.Context(), id, name)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.MediaType)
	// As a run's report: its inline styles may apply, nothing may run.
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	if r.URL.Query().Get("download") != "" {
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"rampart-sweep-%d-%s\"", id, name))
	}
	w.Write(f.Data)
}

// sweepEvents streams a sweep's progress as runEvents does a run's:
// "progress" events while it is live, then one "status" event with its
// record.
func (s *Server) sweepEvents(w http.ResponseWriter, r *http.Request) {
	id, ok := runID(w, r, "id")
	if !ok {
		return
	}
	sw, err := s.cfg.Store.GetSweep(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	s.mu.Lock()
	j := s.sweeps[id]
	s.mu.Unlock()
	if sw.Status.Final() {
		j = nil
	}
	s.stream(w, r, j, func() (any, error) { return s.sweepView(context.Background(), id) })
}
