package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/store"
)

// Load test limits: what the test sends, and what it must stay under.
const (
	loadRequests   = 200 // concurrent API requests
	loadRuns       = 20  // runs submitted at once
	loadWorkers    = 2   // run workers of the server under test
	loadQueue      = 8   // its queue: 2 running + 8 waiting, the other 10 refused
	loadTimeout    = 4 * time.Minute
	loadMaxHeapMiB = 1024 // peak Go heap of the whole test process
)

// TestLoad sends 200 concurrent API requests (scenarios, catalog,
// borders, validate, fly, explore, run lists) and 20 runs at once to a
// server with 2 workers and a queue of 8, on loopback. No answer may be a
// 5xx; every run must be accepted (202) and finish done, or be refused
// with 429; the heap stays bounded. It logs the figures.
func TestLoad(t *testing.T) {
	srv, hs := testServer(t, Config{Workers: loadWorkers, QueueLimit: loadQueue, TrialWorkers: 1})
	client := &http.Client{Timeout: loadTimeout, Transport: &http.Transport{MaxIdleConnsPerHost: loadRequests}}

	var peak atomic.Uint64
	stopSampling := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stopSampling:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()

	type result struct {
		what string
		code int
		took time.Duration
		id   int64
	}
	do := func(what, method, path string, body any) result {
		var rd io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
		req, _ := http.NewRequest(method, hs.URL+path, rd)
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return result{what: what, code: -1, took: time.Since(start)}
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		r := result{what: what, code: resp.StatusCode, took: time.Since(start)}
		if resp.StatusCode == http.StatusAccepted {
			var c CreatedRun
			json.Unmarshal(data, &c)
			r.id = c.ID
		}
		return r
	}
	requests := []func() result{
		func() result { return do("scenarios", "GET", "/api/scenarios", nil) },
		func() result { return do("catalog", "GET", "/api/catalog", nil) },
		func() result { return do("borders", "GET", "/api/borders", nil) },
		func() result { return do("runs", "GET", "/api/runs?limit=50", nil) },
		func() result { return do("validate", "POST", "/api/validate", ScenarioInput{Scenario: "europe"}) },
		func() result { return do("validate-bad", "POST", "/api/validate", ScenarioInput{YAML: badScenario}) },
		func() result {
			return do("fly", "POST", "/api/fly", FlyRequest{From: "Tabriz", To: "Bucharest", Missile: "Sejjil-2"})
		},
		func() result {
			return do("explore", "POST", "/api/explore", ExploreRequest{Site: "Kaliningrad", Missile: "Iskander-M"})
		},
		func() result { return do("page", "GET", "/", nil) },
		func() result { return do("missing", "GET", "/api/runs/99999", nil) },
	}

	results := make([]result, loadRequests+loadRuns)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range loadRuns {
		wg.Go(func() {
			results[loadRequests+i] = do("run", "POST", "/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(3), Seed: ptr(int64(i))})
		})
	}
	for i := range loadRequests {
		wg.Go(func() { results[i] = requests[i%len(requests)]() })
	}
	wg.Wait()
	apiTook := time.Since(start)

	// Every accepted run must finish.
	accepted, refused := 0, 0
	for _, r := range results[loadRequests:] {
		switch r.code {
		case http.StatusAccepted:
			accepted++
		case http.StatusTooManyRequests:
			refused++
		default:
			t.Errorf("POST /api/runs = %d, want 202 or 429", r.code)
		}
	}
	for _, r := range results[loadRequests:] {
		if r.id == 0 {
			continue
		}
		if v, _ := waitRun(t, hs.URL, r.id); v.Status != store.Done {
			t.Errorf("run %d ended %s (%s), want done", r.id, v.Status, v.Error)
		}
	}
	allTook := time.Since(start)
	close(stopSampling)
	sampler.Wait()

	byWhat := map[string][]time.Duration{}
	for _, r := range results {
		if r.code >= 500 || r.code < 0 {
			t.Errorf("%s: status %d; the server must answer every request without a 5xx", r.what, r.code)
		}
		byWhat[r.what] = append(byWhat[r.what], r.took)
	}
	if accepted+refused != loadRuns || accepted < loadWorkers {
		t.Errorf("runs: %d accepted, %d refused, want %d in all and at least %d accepted", accepted, refused, loadRuns, loadWorkers)
	}
	heap := peak.Load() >> 20
	if heap > loadMaxHeapMiB {
		t.Errorf("peak heap %d MiB, want at most %d MiB", heap, loadMaxHeapMiB)
	}
	if n := len(srv.slots); n != 0 {
		t.Errorf("%d queue slots still held after every run ended", n)
	}
	t.Logf("load: %d API requests and %d runs at once; answered in %v; runs: %d accepted and done, %d refused with 429; all done in %v; peak heap %d MiB",
		loadRequests, loadRuns, apiTook.Round(time.Millisecond), accepted, refused, allTook.Round(time.Millisecond), heap)
	var names []string
	for k := range byWhat {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		d := byWhat[k]
		slices.Sort(d)
		t.Logf("  %-12s n=%3d  p50 %8v  p95 %8v  max %8v", k, len(d), d[len(d)/2].Round(time.Millisecond), d[len(d)*95/100].Round(time.Millisecond), d[len(d)-1].Round(time.Millisecond))
	}
}
