package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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
	j := &job{sweep: sj, p: Progress{Status: store.Queued, Label: "sweep points", Total: spec.Points}}
	create := func() (int64, error) {
		sw, err := s.cfg.Store.CreateSweep(r.Context(), spec)
		return sw.ID, err
	}
	if !s.enqueue(w, r, s.sweeps, j, create) {
		return
	}
	u := s.sweeps.path(j.id)
	writeJSON(w, http.StatusAccepted, CreatedSweep{ID: j.id, Status: store.Queued, Points: spec.Points,
		StatusURL: u, EventsURL: u + "/events"})
}

// sweepFileNames are the files of a done sweep.
var sweepFileNames = []string{sweep.ReportFile, sweep.ResultsFile, "summary.parquet"}

// sweepKind is the jobKind of sweeps.
func (s *Server) sweepKind() *jobKind {
	st := s.cfg.Store
	return &jobKind{noun: "sweep", live: map[int64]*job{}, files: sweepFileNames,
		status: func(ctx context.Context, id int64) (store.Status, error) {
			sw, err := st.GetSweep(ctx, id)
			return sw.Status, err
		},
		view:     func(ctx context.Context, id int64) (any, error) { return s.sweepView(ctx, id) },
		readFile: st.ReadSweepFile, fail: st.FailSweep, execute: s.executeSweep}
}

func (s *Server) executeSweep(j *job) {
	bg := context.Background()
	st := s.cfg.Store
	if s.stopped(j) {
		return
	}
	if err := st.StartSweep(bg, j.id); err != nil {
		s.end(j, err, store.Failed)
		return
	}
	j.setStatus(store.Running)
	sj := *j.sweep
	sj.Options.Context = j.ctx
	sj.Options.Progress = func(done, total int) { j.progress("sweep points", done, total) }
	var doc *sweep.Document
	var js []byte
	err := safely(func() (err error) {
		doc, js, err = sj.Run()
		return err
	})
	if err != nil {
		msg := err.Error()
		if s.ctx.Err() != nil {
			msg = "the server stopped during the sweep"
		}
		s.end(j, st.FailSweep(bg, j.id, msg), store.Failed)
		return
	}
	out, err := sj.Outcome(doc, js)
	if err == nil {
		err = st.FinishSweep(bg, j.id, out)
	}
	if err != nil {
		s.end(j, st.FailSweep(bg, j.id, "storing the results: "+err.Error()), store.Failed)
		return
	}
	s.end(j, nil, store.Done)
}

func (s *Server) sweepView(ctx context.Context, id int64) (SweepView, error) {
	sw, err := s.cfg.Store.GetSweep(ctx, id)
	if err != nil {
		return SweepView{}, err
	}
	return SweepView{Sweep: sw, Progress: s.liveProgress(s.sweeps, id, sw.Status)}, nil
}
