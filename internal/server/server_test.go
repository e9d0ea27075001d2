package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/store"
)

// runWait bounds how long a test waits for one small run (a reach
// analysis, or a few engine trials) on two shared cores.
const runWait = 3 * time.Minute

// testServer starts a server over a SQLite store in a temporary
// directory, on a loopback httptest server.
func testServer(t testing.TB, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, store.Location{Dialect: store.SQLite, Path: filepath.Join(t.TempDir(), "runs.db")}, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Store = st
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	if cfg.TrialWorkers == 0 {
		cfg.TrialWorkers = 1
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
		st.Close()
	})
	return srv, hs
}

// call does one request and decodes a JSON answer into out (if not nil).
func call(t *testing.T, method, url string, body any, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = strings.NewReader(s)
		} else {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %d, body %q: %v", method, url, resp.StatusCode, data, err)
		}
	}
	return resp.StatusCode
}

// getFile does one GET of u and returns the status, headers and body.
func getFile(t *testing.T, u string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, body
}

// waitRun reads the run's event stream until its "status" event.
func waitRun(t *testing.T, base string, id int64) (RunView, int) {
	t.Helper()
	return waitEvents[RunView](t, base, "run", id)
}

// waitEvents reads the event stream of the run or sweep (noun) id until
// its "status" event, and returns that record and how many "progress"
// events came before it.
func waitEvents[V any](t *testing.T, base, noun string, id int64) (V, int) {
	t.Helper()
	var v V
	ctx, cancel := context.WithTimeout(context.Background(), runWait)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/api/%ss/%d/events", base, noun, id), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("events of %s %d: %v", noun, id, err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type = %q, want text/event-stream", ct)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	event, progress := "", 0
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && event == "progress":
			progress++
		case strings.HasPrefix(line, "data: ") && event == "status":
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &v); err != nil {
				t.Fatal(err)
			}
			return v, progress
		}
	}
	t.Fatalf("event stream of %s %d ended without a status event: %v", noun, id, sc.Err())
	return v, 0
}

func TestScenariosCatalogBorders(t *testing.T) {
	_, hs := testServer(t, Config{})
	var scs []ScenarioInfo
	if code := call(t, "GET", hs.URL+"/api/scenarios", nil, &scs); code != 200 {
		t.Fatalf("GET /api/scenarios = %d", code)
	}
	if !slices.ContainsFunc(scs, func(s ScenarioInfo) bool { return s.Name == "europe" && s.Default && s.MonteCarlo }) {
		t.Errorf("GET /api/scenarios = %+v, want europe, default, Monte Carlo", scs)
	}
	var one ScenarioInfo
	if code := call(t, "GET", hs.URL+"/api/scenarios/kaliningrad", nil, &one); code != 200 || !strings.Contains(one.YAML, "kind: reach") {
		t.Errorf("GET /api/scenarios/kaliningrad = %d, yaml %.60q", code, one.YAML)
	}
	var cat []CatalogEntry
	call(t, "GET", hs.URL+"/api/catalog", nil, &cat)
	i := slices.IndexFunc(cat, func(e CatalogEntry) bool { return e.Name == "Redzikowo" })
	if i < 0 || cat[i].LatDeg == nil {
		t.Errorf("GET /api/catalog: no placed Redzikowo")
	}
	var b struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	call(t, "GET", hs.URL+"/api/borders", nil, &b)
	if b.Type != "FeatureCollection" || len(b.Features) < 200 {
		t.Errorf("GET /api/borders = %s with %d features, want a FeatureCollection of the countries", b.Type, len(b.Features))
	}
}

func TestStaticPageAndCSP(t *testing.T) {
	_, hs := testServer(t, Config{})
	for _, p := range []string{"/", "/app.js", "/style.css", "/vendor/maplibre-gl/maplibre-gl.mjs", "/vendor/maplibre-gl/maplibre-gl-worker.mjs", "/api/scenarios"} {
		resp, err := http.Get(hs.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s = %d", p, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != CSP {
			t.Errorf("GET %s: Content-Security-Policy = %q, want %q", p, got, CSP)
		}
		if strings.HasSuffix(p, ".mjs") || strings.HasSuffix(p, ".js") {
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
				t.Errorf("GET %s: Content-Type = %q, want text/javascript", p, ct)
			}
		}
		if p == "/" {
			// No inline script or style, nothing from elsewhere.
			for _, bad := range []string{"<script>", "style=", "http://", "https://", "//unpkg", "//cdn"} {
				if bytes.Contains(body, []byte(bad)) {
					t.Errorf("index.html contains %q; the CSP allows only the server's own files", bad)
				}
			}
		}
	}
	if code := call(t, "POST", hs.URL+"/", "{}", nil); code != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d, want 405", code)
	}
	var e ErrorBody
	if code := call(t, "GET", hs.URL+"/api/nothing", nil, &e); code != 404 || e.Error == "" {
		t.Errorf("GET /api/nothing = %d %+v, want 404 with an error", code, e)
	}
}

// The page's scripts name no other host: no CDN, fonts, tiles or
// telemetry.
func TestPageNeedsNoNetwork(t *testing.T) {
	for _, f := range []string{"web/app.js", "web/index.html", "web/style.css"} {
		data, err := webFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The SVG namespace is a name, not a request.
		data = bytes.ReplaceAll(data, []byte("'http://www.w3.org/2000/svg'"), nil)
		for _, bad := range []string{"http://", "https://", "glyphs", "sprite", "fonts.g", "tiles"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q", f, bad)
			}
		}
	}
}

const badScenario = `name: bad
question: "broken?"
run: {seed: 1, trials: 10}
threats:
  - name: t1
    missile: Nonexistent-9
    from: {place: Tabriz}
    to: {place: Bucharest}
    profile: sideways
assets:
  - {name: x, place: Bucharest, value: -1}
`

func TestBadScenarioShowsEveryProblemAndRunsNothing(t *testing.T) {
	_, hs := testServer(t, Config{})
	for _, route := range []string{"/api/validate", "/api/runs"} {
		var e ErrorBody
		code := call(t, "POST", hs.URL+route, ScenarioInput{YAML: badScenario, Filename: "../../etc/bad.yaml"}, &e)
		if code != 400 {
			t.Fatalf("POST %s with a bad scenario = %d, want 400", route, code)
		}
		if len(e.Problems) < 2 {
			t.Fatalf("POST %s: problems = %+v, want every problem (at least 2)", route, e.Problems)
		}
		for _, p := range e.Problems {
			if p.Line == 0 || p.Col == 0 || p.Msg == "" {
				t.Errorf("POST %s: problem %+v has no line, column or message", route, p)
			}
			if p.File != "bad.yaml" {
				t.Errorf("POST %s: problem file = %q, want the base name bad.yaml", route, p.File)
			}
		}
	}
	var runs []store.Run
	call(t, "GET", hs.URL+"/api/runs", nil, &runs)
	if len(runs) != 0 {
		t.Errorf("after bad input, GET /api/runs = %d runs, want none", len(runs))
	}
}

func TestInputErrors(t *testing.T) {
	_, hs := testServer(t, Config{})
	big := ScenarioInput{YAML: strings.Repeat("#", scenario.MaxFileSize+1)}
	huge := `{"yaml":"` + strings.Repeat("x", MaxBodyBytes) + `"}`
	for _, c := range []struct {
		method, path string
		body         any
		want         int
	}{
		{"POST", "/api/validate", big, 413},
		{"POST", "/api/runs", huge, 413},
		{"POST", "/api/validate", `{"scenario": "europe", "extra": 1}`, 400},
		{"POST", "/api/validate", `not json`, 400},
		{"POST", "/api/validate", ScenarioInput{Scenario: "/etc/passwd"}, 400},
		{"POST", "/api/validate", ScenarioInput{Scenario: "europe"}, 200},
		{"POST", "/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "tomahawk"}, Trials: ptr(5)}, 400},
		{"POST", "/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(MaxServerTrials + 1)}, 400},
		{"POST", "/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Pick: "middle"}, 400},
		{"POST", "/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "numbers"}, Pick: "high"}, 400},
		{"POST", "/api/fly", FlyRequest{From: "Kozelsk"}, 400},
		{"POST", "/api/fly", FlyRequest{From: "Kozelsk", To: "Nowhere-at-all"}, 400},
		{"POST", "/api/fly", FlyRequest{From: "Tabriz", To: "Washington", Missile: "Sejjil-2"}, 400},
		{"POST", "/api/explore", ExploreRequest{Site: "Redzikowo", Missile: "No-Such-Missile"}, 400},
		{"POST", "/api/explore", ExploreRequest{Site: "Redzikowo"}, 400},
		{"GET", "/api/runs/0", nil, 400},
		{"GET", "/api/runs/abc", nil, 400},
		{"GET", "/api/runs/999", nil, 404},
		{"GET", "/api/runs/999/events", nil, 404},
		{"POST", "/api/runs/999/cancel", nil, 404},
		{"GET", "/api/runs/999/files/report.html", nil, 404},
		{"GET", "/api/runs/1/files/..%2f..%2fetc%2fpasswd", nil, 404},
		{"GET", "/api/runs?limit=0", nil, 400},
		{"GET", "/api/runs?status=lost", nil, 400},
		{"GET", "/api/compare?a=1", nil, 400},
		{"GET", "/api/compare?a=998&b=999", nil, 404},
		{"GET", "/api/scenarios/nothing", nil, 404},
	} {
		var e ErrorBody
		code := call(t, c.method, hs.URL+c.path, c.body, &e)
		if code != c.want {
			t.Errorf("%s %s = %d (%s), want %d", c.method, c.path, code, e.Error, c.want)
		}
		if c.want >= 400 && e.Error == "" {
			t.Errorf("%s %s: no error message", c.method, c.path)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestFlyAndExplore(t *testing.T) {
	_, hs := testServer(t, Config{})
	var f FlyResponse
	if code := call(t, "POST", hs.URL+"/api/fly", FlyRequest{From: "54.03,35.80", To: "38.90,-77.04", Missile: "RS-24"}, &f); code != 200 {
		t.Fatalf("POST /api/fly = %d", code)
	}
	var doc struct {
		FlightTimeS float64 `json:"flight_time_s"`
		ApogeeKm    float64 `json:"apogee_km"`
	}
	json.Unmarshal(f.Flight, &doc)
	// rampart fly --from 54.03,35.80 --to 38.90,-77.04 --missile RS-24
	// flies about 31 min with an apogee of about 1,200 km; the fly golden
	// tests hold the exact figures.
	if doc.FlightTimeS < 1500 || doc.FlightTimeS > 2400 || doc.ApogeeKm < 800 || doc.ApogeeKm > 1800 {
		t.Errorf("fly RS-24 Kozelsk → Washington: %v s, apogee %v km; want about 31 min, about 1,200 km", doc.FlightTimeS, doc.ApogeeKm)
	}
	if len(f.Track) != flyTrackPoints || f.Track[0].T != 0 || f.Track[len(f.Track)-1].AltKm > 1 {
		t.Errorf("fly track: %d points, first %+v, last %+v", len(f.Track), f.Track[0], f.Track[len(f.Track)-1])
	}
	var bs FlyResponse
	if code := call(t, "POST", hs.URL+"/api/fly", FlyRequest{From: "Tabriz", To: "Bucharest", Missile: "Sejjil-2", BattleSpace: true}, &bs); code != 200 {
		t.Fatalf("POST /api/fly with battle_space = %d", code)
	}
	// One row a site (Redzikowo, Deveselu) and interceptor (SM-3 IB, IIA).
	if len(bs.Engage) != len(engageSites)*len(engageInterceptors) || bs.Explain == "" {
		t.Errorf("fly battle space: %+v, note %q; want one row a site and interceptor", bs.Engage, bs.Explain)
	}
	if !strings.Contains(bs.Explain, "own") || !strings.Contains(bs.Explain, "no forward radar") {
		t.Errorf("fly battle space note %q does not say the cueing it assumes", bs.Explain)
	}
	// Clicked points (LAT,LON, no catalog place) have a battle space too:
	// Tabriz and Bucharest by their coordinates give the same answer.
	var pts FlyResponse
	if code := call(t, "POST", hs.URL+"/api/fly", FlyRequest{From: "38.08,46.29", To: "44.43,26.10", Missile: "Sejjil-2", BattleSpace: true}, &pts); code != 200 {
		t.Fatalf("POST /api/fly with battle_space between points = %d", code)
	}
	if len(pts.Engage) != len(engageSites)*len(engageInterceptors) {
		t.Errorf("fly battle space between points: %+v, note %q; want one row a site and interceptor", pts.Engage, pts.Explain)
	}
	var ex ExploreResponse
	if code := call(t, "POST", hs.URL+"/api/explore", ExploreRequest{Site: "Kaliningrad", Missile: "9M729", Radar: "Voronezh-DM", BoresightDeg: ptr(270.0), AltitudesKm: []float64{100, 1000}}, &ex); code != 200 {
		t.Fatalf("POST /api/explore = %d", code)
	}
	var pat ExploreResponse
	if code := call(t, "POST", hs.URL+"/api/explore", ExploreRequest{Site: "Vilnius", Interceptor: "PAC-3 MSE"}, &pat); code != 200 || len(pat.Scene.Areas) < 2 {
		t.Errorf("explore a Patriot at Vilnius = %d with %d rings, want its engagement ranges", code, len(pat.Scene.Areas))
	}
	rings, cover := 0, 0
	for _, a := range ex.Scene.Areas {
		switch a.Kind {
		case "range-ring":
			rings++
		case "radar-coverage":
			cover++
		}
	}
	// The 9M729: its catalog band and the Russian and US claims.
	if rings < 2 || cover != 2 {
		t.Errorf("explore Kaliningrad: %d range rings, %d coverage areas; want one ring a claim, one coverage a altitude", rings, cover)
	}
}

func TestRunLifecycle(t *testing.T) {
	_, hs := testServer(t, Config{})
	var c CreatedRun
	if code := call(t, "POST", hs.URL+"/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(4), Seed: ptr(int64(3))}, &c); code != 202 {
		t.Fatalf("POST /api/runs = %d", code)
	}
	v, progress := waitRun(t, hs.URL, c.ID)
	if v.Status != store.Done || v.Headline == "" || len(v.Statistics) == 0 {
		t.Fatalf("run %d ended %s (%s), headline %q, %d statistics; want done with a headline", c.ID, v.Status, v.Error, v.Headline, len(v.Statistics))
	}
	if progress == 0 {
		t.Errorf("run %d: no progress event", c.ID)
	}
	if v.Seed != 3 || v.Trials != 4 {
		t.Errorf("run %d: seed %d, trials %d; want 3 and 4", c.ID, v.Seed, v.Trials)
	}
	var doc map[string]any
	if code := call(t, "GET", fmt.Sprintf("%s/api/runs/%d/results", hs.URL, c.ID), nil, &doc); code != 200 || doc["headline"] == nil {
		t.Errorf("GET results = %d, headline %v", code, doc["headline"])
	}
	for _, n := range fileNames {
		code, h, body := getFile(t, fmt.Sprintf("%s/api/runs/%d/files/%s?download=1", hs.URL, c.ID, n))
		if code != 200 || len(body) == 0 || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
			t.Errorf("GET file %s = %d, %d bytes, disposition %q", n, code, len(body), h.Get("Content-Disposition"))
		}
	}
	var e ErrorBody
	if code := call(t, "POST", fmt.Sprintf("%s/api/runs/%d/cancel", hs.URL, c.ID), nil, &e); code != 409 || !strings.Contains(e.Error, "has ended (done)") {
		t.Errorf("cancel a done run = %d %q, want 409, 'has ended (done)'", code, e.Error)
	}
	// A second run, other seed, then the comparison.
	var c2 CreatedRun
	call(t, "POST", hs.URL+"/api/runs", RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(4), Seed: ptr(int64(4))}, &c2)
	waitRun(t, hs.URL, c2.ID)
	var cmp CompareResponse
	if code := call(t, "GET", fmt.Sprintf("%s/api/compare?a=%d&b=%d", hs.URL, c.ID, c2.ID), nil, &cmp); code != 200 || len(cmp.Differences) == 0 {
		t.Fatalf("compare = %d with %d differences", code, len(cmp.Differences))
	}
	for _, d := range cmp.Differences {
		if d.Difference != d.B-d.A {
			t.Errorf("difference %s = %v, want b − a = %v", d.Name, d.Difference, d.B-d.A)
		}
	}
	var list []store.Run
	call(t, "GET", hs.URL+"/api/runs?limit=10", nil, &list)
	if len(list) != 2 || list[0].ID != c2.ID {
		t.Errorf("GET /api/runs = %d runs, newest %v; want 2, newest %d", len(list), list, c2.ID)
	}
}

func TestQueueFullAndCancel(t *testing.T) {
	srv, hs := testServer(t, Config{Workers: 1, QueueLimit: 2})
	long := RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(MaxServerTrials)}
	var ids []int64
	codes := map[int]int{}
	for range 5 {
		var c struct {
			CreatedRun
			ErrorBody
		}
		code := call(t, "POST", hs.URL+"/api/runs", long, &c)
		codes[code]++
		if code == 202 {
			ids = append(ids, c.ID)
		}
		if code == 429 && !strings.Contains(c.Error, "its limit: 2 runs waiting and 1 running") {
			t.Errorf("429 says %q, want the limits", c.Error)
		}
	}
	// One running and two waiting; the other two refused.
	if codes[202] != 3 || codes[429] != 2 {
		t.Fatalf("5 runs into 1 worker and a queue of 2: %v, want 3 × 202 and 2 × 429", codes)
	}
	for _, id := range ids {
		var v RunView
		if code := call(t, "POST", fmt.Sprintf("%s/api/runs/%d/cancel", hs.URL, id), nil, &v); code != 200 || v.Status != store.Cancelled {
			t.Errorf("cancel run %d = %d, %s", id, code, v.Status)
		}
	}
	for _, id := range ids {
		if v, _ := waitRun(t, hs.URL, id); v.Status != store.Cancelled {
			t.Errorf("run %d after cancel: %s, want cancelled", id, v.Status)
		}
	}
	// The slots are free again.
	deadline := time.Now().Add(30 * time.Second)
	for len(srv.slots) > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := len(srv.slots); n != 0 {
		t.Errorf("after cancelling every run, %d queue slots are held", n)
	}
}

// TestRoutesInOpenAPI checks that docs/openapi.yaml describes every
// route of the router, and nothing else.
func TestRoutesInOpenAPI(t *testing.T) {
	srv, _ := testServer(t, Config{})
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	var documented []string
	for p, ops := range doc.Paths {
		for m := range ops {
			if m == "parameters" {
				continue
			}
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	routes := srv.Routes()
	slices.Sort(documented)
	slices.Sort(routes)
	for _, r := range routes {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not in docs/openapi.yaml", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(routes, d) {
			t.Errorf("docs/openapi.yaml has %s, which the router does not serve", d)
		}
	}
}

// TestCloseFailsLiveRuns: a server that stops (rampart serve's Ctrl-C)
// marks its running and queued runs failed, saying why, and keeps none
// half-written.
func TestCloseFailsLiveRuns(t *testing.T) {
	srv, hs := testServer(t, Config{Workers: 1, QueueLimit: 2})
	long := RunRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(MaxServerTrials)}
	var a, b CreatedRun
	call(t, "POST", hs.URL+"/api/runs", long, &a)
	call(t, "POST", hs.URL+"/api/runs", long, &b)
	deadline := time.Now().Add(runWait)
	for {
		var v RunView
		call(t, "GET", fmt.Sprintf("%s/api/runs/%d", hs.URL, a.ID), nil, &v)
		if v.Status == store.Running || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	srv.Close()
	for id, want := range map[int64]string{a.ID: "the server stopped during the run", b.ID: "the server stopped before the run started"} {
		run, err := srv.cfg.Store.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if run.Status != store.Failed || run.Error != want || len(run.Files) != 0 {
			t.Errorf("run %d after Close: %s %q, %d files; want failed %q, no files", id, run.Status, run.Error, len(run.Files), want)
		}
	}
}

// TestFlyTrackRounded: the trajectory's numbers are written as people
// read them (54.03114, not 54.03114000000001).
func TestFlyTrackRounded(t *testing.T) {
	resp, err := flyOne(FlyRequest{From: "Kaliningrad", To: "Warsaw", Missile: "Iskander-M"})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(resp.Track)
	long := regexp.MustCompile(`[0-9]\.[0-9]{6,}`)
	if m := long.FindAll(data, 3); m != nil {
		t.Errorf("fly track numbers not rounded: %s", bytes.Join(m, []byte(", ")))
	}
}

// TestExploreRounded: the rings of an explore answer are rounded as
// results.json rounds coordinates (1e-6 degree), not written to 17 digits.
func TestExploreRounded(t *testing.T) {
	_, hs := testServer(t, Config{})
	resp, err := http.Post(hs.URL+"/api/explore", "application/json", strings.NewReader(`{"site":"Vilnius","interceptor":"PAC-3 MSE"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("explore = %d %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), data)
	}
	var ex ExploreResponse
	if err := json.Unmarshal(data, &ex); err != nil || len(ex.Scene.Areas) == 0 {
		t.Fatalf("explore answer %v, %d areas", err, len(ex.Scene.Areas))
	}
	if m := regexp.MustCompile(`[0-9]\.[0-9]{7,}`).FindAll(data, 3); m != nil {
		t.Errorf("explore numbers not rounded: %s", bytes.Join(m, []byte(", ")))
	}
}

// TestCrossOriginPostRefused: a page on another site cannot queue a run
// (CSRF); the server's own page and curl can.
func TestCrossOriginPostRefused(t *testing.T) {
	_, hs := testServer(t, Config{})
	post := func(h map[string]string) (int, string) {
		req, _ := http.NewRequest("POST", hs.URL+"/api/validate", strings.NewReader(`{"scenario":"kaliningrad"}`))
		for k, v := range h {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := post(map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain"}); code != http.StatusForbidden || !strings.Contains(body, `"error"`) {
		t.Errorf("cross-site POST = %d %s, want 403 with a JSON error", code, body)
	}
	if code, body := post(map[string]string{"Origin": "https://evil.example"}); code != http.StatusForbidden {
		t.Errorf("POST with a foreign Origin = %d %s, want 403", code, body)
	}
	if code, body := post(map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": hs.URL, "Content-Type": "application/json"}); code != 200 {
		t.Errorf("same-origin POST = %d %s, want 200", code, body)
	}
	if code, body := post(nil); code != 200 {
		t.Errorf("POST without Origin (curl) = %d %s, want 200", code, body)
	}
}

// TestCompareAnswerRounded: GET /api/compare writes differences as
// rampart runs compare --json does (2.2, not 2.200000000000001).
func TestCompareAnswerRounded(t *testing.T) {
	c := store.Comparison{Differences: []store.Difference{{Name: "headline", A: 7.6, B: 9.8, Difference: 9.8 - 7.6,
		CI95: &[2]float64{-0.7311665853726984, -0.5977474820076145}}}}
	rec := httptest.NewRecorder()
	writeRounded(rec, http.StatusOK, c)
	body := rec.Body.String()
	if !strings.Contains(body, `"difference":2.2,`) || !strings.Contains(body, `[-0.731167,-0.597747]`) {
		t.Errorf("compare answer not rounded: %s", body)
	}
}

// TestFlyProblemsNameTheFlight: a flight that cannot be flown says so
// and why, not "the scenario has 1 problem", as the user wrote none.
func TestFlyProblemsNameTheFlight(t *testing.T) {
	_, hs := testServer(t, Config{})
	var e ErrorBody
	code := call(t, "POST", hs.URL+"/api/fly", FlyRequest{From: "Kaliningrad", To: "Washington DC", Missile: "Iskander-M"}, &e)
	if code != 400 || !strings.HasPrefix(e.Error, "cannot fly it: Iskander-M cannot reach the aim point") || len(e.Problems) != 1 {
		t.Errorf("fly beyond range = %d %+v", code, e)
	}
	code = call(t, "POST", hs.URL+"/api/fly", FlyRequest{From: "Kaliningrad", To: "Warsaw", Missile: "SM-3 IB"}, &e)
	if code != 400 || !strings.Contains(e.Error, "is not a missile (catalog kind: interceptor)") {
		t.Errorf("fly an interceptor = %d %+v", code, e)
	}
}

// TestFlyAimAtLaunchPoint: POST /api/fly refuses an aim point within
// 1 km of the launch point with its own message.
func TestFlyAimAtLaunchPoint(t *testing.T) {
	_, err := flyOne(FlyRequest{From: "Kaliningrad", To: "Kaliningrad", Missile: "Iskander-M"})
	var ie *errInput
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "the aim point is 0 m from the launch point") {
		t.Errorf("fly Kaliningrad → Kaliningrad: %v", err)
	}
}

// TestHandlerTimeoutIsJSON: a request over the handler's time limit gets
// 503 with a JSON error (Content-Type application/json), and a request
// in time keeps its own Content-Type.
func TestHandlerTimeoutIsJSON(t *testing.T) {
	_, hs := testServer(t, Config{HandlerTimeout: time.Millisecond})
	resp, err := http.Post(hs.URL+"/api/explore", "application/json", strings.NewReader(`{"site":"Kaliningrad","missile":"9M729"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var e ErrorBody
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &e) != nil || e.Error == "" {
		t.Errorf("explore over the time limit = %d %q %s, want 503 with a JSON error", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	_, hs2 := testServer(t, Config{})
	resp, err = http.Get(hs2.URL + "/api/borders")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/geo+json" {
		t.Errorf("borders Content-Type = %q, want application/geo+json", ct)
	}
}

// TestLoopbackHostsRefusesOtherNames: a loopback server answers requests
// for localhost and loopback addresses, and refuses another Host (a page
// that reached it by DNS rebinding) with 403.
func TestLoopbackHostsRefusesOtherNames(t *testing.T) {
	_, hs := testServer(t, Config{LoopbackHosts: true})
	get := func(host string) int {
		req, _ := http.NewRequest("GET", hs.URL+"/api/runs", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, h := range []string{strings.TrimPrefix(hs.URL, "http://"), "localhost:8080", "localhost", "127.0.0.1", "[::1]:8080", "app.localhost:8080"} {
		if code := get(h); code != 200 {
			t.Errorf("Host %q = %d, want 200", h, code)
		}
	}
	for _, h := range []string{"evil.example:8080", "evil.example", "10.0.0.1:8080", "localhost.evil.example"} {
		if code := get(h); code != http.StatusForbidden {
			t.Errorf("Host %q = %d, want 403", h, code)
		}
	}
}

// TestFlyCruiseProfileRefused: a lofted 9M729 is refused, as rampart fly
// refuses it, not flown as if no profile had been given.
func TestFlyCruiseProfileRefused(t *testing.T) {
	_, err := flyOne(FlyRequest{From: "Kaliningrad", To: "Warsaw", Missile: "9M729", Profile: "lofted"})
	var ie *errInput
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "applies only to ballistic missiles") {
		t.Errorf("fly a lofted 9M729: %v", err)
	}
	if _, err := flyOne(FlyRequest{From: "Kaliningrad", To: "Warsaw", Missile: "9M729", Profile: "min-energy"}); err != nil {
		t.Errorf("fly a 9M729 with the page's default profile: %v", err)
	}
}
