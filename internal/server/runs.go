package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/store"
	"github.com/rampart-sim/rampart/internal/study"
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
	j := &job{sc: sc, st: st, opts: opts, p: Progress{Status: store.Queued}}
	create := func() (int64, error) {
		run, err := s.cfg.Store.Create(r.Context(), store.SpecOf(sc, st, opts))
		return run.ID, err
	}
	if !s.enqueue(w, r, s.runs, j, create) {
		return
	}
	u := s.runs.path(j.id)
	writeJSON(w, http.StatusAccepted, CreatedRun{ID: j.id, Status: store.Queued, StatusURL: u, EventsURL: u + "/events"})
}

// runKind is the jobKind of runs.
func (s *Server) runKind() *jobKind {
	st := s.cfg.Store
	return &jobKind{noun: "run", live: map[int64]*job{}, files: fileNames,
		status: func(ctx context.Context, id int64) (store.Status, error) {
			run, err := st.Get(ctx, id)
			return run.Status, err
		},
		view:     func(ctx context.Context, id int64) (any, error) { return s.view(ctx, id) },
		readFile: st.ReadFile, fail: st.Fail, execute: s.execute}
}

func (s *Server) execute(j *job) {
	bg := context.Background()
	if s.stopped(j) {
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
	var res *study.Result
	err := safely(func() (err error) {
		res, err = study.Run(j.sc, j.st, o)
		return err
	})
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

func (s *Server) view(ctx context.Context, id int64) (RunView, error) {
	run, err := s.cfg.Store.Get(ctx, id)
	if err != nil {
		return RunView{}, err
	}
	return RunView{Run: run, Progress: s.liveProgress(s.runs, id, run.Status)}, nil
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
	if j := s.live(s.runs, id); j != nil {
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

// runResults answers GET /api/runs/{id}/results: the run's results.json.
func (s *Server) runResults(w http.ResponseWriter, r *http.Request) {
	r.SetPathValue("name", study.ResultsFile)
	s.jobFile(s.runs)(w, r)
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
