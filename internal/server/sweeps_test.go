package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/store"
)

// waitSweep reads the sweep's event stream until its "status" event.
func waitSweep(t *testing.T, base string, id int64) (SweepView, int) {
	t.Helper()
	return waitEvents[SweepView](t, base, "sweep", id)
}

// TestSweepLifecycle: POST /api/sweeps queues a sweep that runs, streams
// its progress, and is stored with its points and files; the list shows
// it.
func TestSweepLifecycle(t *testing.T) {
	_, hs := testServer(t, Config{})
	var c CreatedSweep
	in := SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Vary: []string{"owners[US].doctrine.salvo=1,2"}, Trials: ptr(3), Seed: ptr(int64(5))}
	if code := call(t, "POST", hs.URL+"/api/sweeps", in, &c); code != 202 || c.Points != 2 {
		t.Fatalf("POST /api/sweeps = %d, %+v", code, c)
	}
	v, progress := waitSweep(t, hs.URL, c.ID)
	if v.Status != store.Done || len(v.Rows) != 2 || v.Seed != 5 || v.Trials != 3 || v.Fidelity != "fast" {
		t.Fatalf("sweep %d ended %s (%s) with %d rows, seed %d, trials %d, fidelity %s", c.ID, v.Status, v.Error, len(v.Rows), v.Seed, v.Trials, v.Fidelity)
	}
	if progress == 0 {
		t.Errorf("sweep %d: no progress event", c.ID)
	}
	var row struct {
		LeakersMean *float64 `json:"leakers_mean"`
	}
	if err := json.Unmarshal(v.Rows[1].Statistics, &row); err != nil || row.LeakersMean == nil {
		t.Errorf("row 1 statistics %s: %v", v.Rows[1].Statistics, err)
	}
	for _, n := range sweepFileNames {
		code, h, body := getFile(t, fmt.Sprintf("%s/api/sweeps/%d/files/%s", hs.URL, c.ID, n))
		if code != 200 || len(body) == 0 || !strings.Contains(h.Get("Content-Security-Policy"), "sandbox") {
			t.Errorf("GET sweep file %s = %d, %d bytes, CSP %q", n, code, len(body), h.Get("Content-Security-Policy"))
		}
		if n == "report.html" && !strings.Contains(string(body), "<svg") {
			t.Errorf("sweep report.html has no plot")
		}
	}
	var e ErrorBody
	if code := call(t, "GET", fmt.Sprintf("%s/api/sweeps/%d/files/events.csv", hs.URL, c.ID), nil, &e); code != 404 {
		t.Errorf("GET sweep file events.csv = %d, want 404", code)
	}
	if code := call(t, "GET", hs.URL+"/api/sweeps/99", nil, &e); code != 404 || e.Error != "no sweep 99" {
		t.Errorf("GET /api/sweeps/99 = %d %q, want 404 'no sweep 99'", code, e.Error)
	}
	var list []store.Sweep
	if code := call(t, "GET", hs.URL+"/api/sweeps", nil, &list); code != 200 || len(list) != 1 || list[0].ID != c.ID || list[0].Rows != nil {
		t.Errorf("GET /api/sweeps = %d, %+v", code, list)
	}
}

// TestSweepInputErrors: what rampart sweep refuses, POST /api/sweeps
// answers with 400 and the same message, and queues nothing.
func TestSweepInputErrors(t *testing.T) {
	_, hs := testServer(t, Config{})
	for _, c := range []struct {
		in   SweepRequest
		want string
	}{
		{SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}}, "at least one vary"},
		{SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Vary: []string{"owners[XX].doctrine.salvo=1,2"}}, "XX"},
		{SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Vary: []string{"owners[US].doctrine.salvo"}}, "PATH=VALUES"},
		{SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Vary: []string{"owners[US].doctrine.salvo=1,2"}, Trials: ptr(0)}, "trials 0 is out of range"},
		{SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Vary: []string{"owners[US].doctrine.salvo=1,2"}, Fidelity: "medium"}, "fidelity \"medium\""},
		{SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Vary: []string{"owners[US].doctrine.salvo=1:12:1"}, Trials: ptr(MaxServerTrials)}, "at most"},
		{SweepRequest{ScenarioInput: ScenarioInput{Scenario: "no-such"}, Vary: []string{"a=1"}}, "no-such"},
	} {
		var e ErrorBody
		if code := call(t, "POST", hs.URL+"/api/sweeps", c.in, &e); code != 400 || !strings.Contains(e.Error, c.want) {
			t.Errorf("POST %+v = %d %q, want 400 containing %q", c.in, code, e.Error, c.want)
		}
	}
	var list []store.Sweep
	if call(t, "GET", hs.URL+"/api/sweeps", nil, &list); len(list) != 0 {
		t.Errorf("refused sweeps were stored: %+v", list)
	}
	req, _ := http.NewRequest("POST", hs.URL+"/api/sweeps", strings.NewReader(`{"scenario":"europe","vary":["owners[US].doctrine.salvo=1,2"]}`))
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST /api/sweeps = %d, want 403", resp.StatusCode)
	}
}
