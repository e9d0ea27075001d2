package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// The CZML browser test loads an export into CesiumJS in headless Chromium
// and checks what Cesium made of it. It needs /usr/bin/chromium and the
// pinned cesium npm package in test/browser/node_modules, both installed by
// scripts/browser-deps.sh (make browser-deps). Without them it skips, unless
// RAMPART_BROWSER=require, when it fails.
const (
	chromiumPath = "/usr/bin/chromium"
	// browserTimeout bounds the whole page load: Chromium's start, 6 MB of
	// Cesium.js, its web workers and a few software-rendered frames, on two
	// shared cores. It takes a few seconds; a hung page fails here.
	browserTimeout = 90 * time.Second
)

var browserDir = filepath.Join("..", "..", "test", "browser")

// browserReport is what test/browser/harness.js posts to /result.
type browserReport struct {
	Loaded      bool   `json:"loaded"`
	Error       string `json:"error"`
	Viewer      bool   `json:"viewer"`
	ViewerError string `json:"viewerError"`
	RenderError string `json:"renderError"`
	Clock       *struct {
		Start, Stop string
	} `json:"clock"`
	Entities []struct {
		ID               string `json:"id"`
		Name             string `json:"name"`
		Point            bool   `json:"point"`
		Label            bool   `json:"label"`
		Path             bool   `json:"path"`
		Polygon          bool   `json:"polygon"`
		Availability     string `json:"availability"`
		PositionDefined  bool   `json:"positionDefined"`
		PolygonPositions int    `json:"polygonPositions"`
	} `json:"entities"`
}

// needBrowser skips the test (or fails it under RAMPART_BROWSER=require)
// when Chromium or the Cesium build is missing.
func needBrowser(t *testing.T) string {
	t.Helper()
	build := filepath.Join(browserDir, "node_modules", "cesium", "Build", "Cesium")
	var missing []string
	if _, err := os.Stat(chromiumPath); err != nil {
		missing = append(missing, chromiumPath)
	}
	if _, err := os.Stat(filepath.Join(build, "Cesium.js")); err != nil {
		missing = append(missing, filepath.Join(build, "Cesium.js"))
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("CZML browser test: %v missing; run scripts/browser-deps.sh (make browser-deps)", missing)
		if os.Getenv("RAMPART_BROWSER") == "require" {
			t.Fatal(msg + " (RAMPART_BROWSER=require)")
		}
		t.Skip(msg)
	}
	return build
}

func TestCZMLLoadsInCesium(t *testing.T) {
	build := needBrowser(t)
	s := testScene(t)
	czml := export(t, s, CZML)

	results := make(chan []byte, 1)
	mux := http.NewServeMux()
	mux.Handle("/cesium/", http.StripPrefix("/cesium/", http.FileServer(http.Dir(build))))
	mux.HandleFunc("/harness.js", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(browserDir, "harness.js"))
	})
	mux.HandleFunc("/scene.czml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(czml)
	})
	mux.HandleFunc("/result", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		select {
		case results <- body:
		default:
		}
	})
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			t.Logf("browser asked for %s: not served", r.URL.Path)
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(browserDir, "index.html"))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	start := time.Now()
	cmd := exec.Command(chromiumPath,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--disable-extensions", "--mute-audio",
		// WebGL on the CPU (SwiftShader), as there is no GPU.
		"--use-angle=swiftshader", "--enable-unsafe-swiftshader",
		// Every host name but the loopback server's fails to resolve.
		"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
		"--user-data-dir="+t.TempDir(),
		"--window-size=800,600",
		"http://"+ln.Addr().String()+"/")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so that its helpers end with it
	logs, err := os.CreateTemp(t.TempDir(), "chromium-*.log")
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the group of the Chromium started above
		cmd.Wait()
	}()

	var body []byte
	select {
	case body = <-results:
	case <-ctx.Done():
		out, _ := os.ReadFile(logs.Name())
		t.Fatalf("no result from the harness within %v; Chromium's log:\n%s", browserTimeout, out)
	}
	t.Logf("Cesium loaded the CZML in %v", time.Since(start).Round(time.Millisecond))

	defer func() {
		if t.Failed() {
			t.Logf("harness report: %s", body)
		}
	}()
	var r browserReport
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("harness report %q: %v", body, err)
	}
	if !r.Loaded || r.Error != "" {
		t.Fatalf("CzmlDataSource.load = loaded %v, error %q; want loaded, no error", r.Loaded, r.Error)
	}
	if r.Viewer {
		if r.RenderError != "" {
			t.Errorf("Cesium Viewer render error: %s", r.RenderError)
		}
	} else {
		t.Logf("no Cesium Viewer (WebGL unavailable?): %s; the data source was checked without one", r.ViewerError)
	}

	c := sceneClock(s)
	if r.Clock == nil || r.Clock.Start != c.instant(c.start) || r.Clock.Stop != c.instant(c.stop) {
		t.Errorf("Cesium clock = %+v, want %s to %s", r.Clock, c.instant(c.start), c.instant(c.stop))
	}
	// What each entity must be, by id; Cesium's JulianDate.toIso8601
	// writes instants as clock.instant does.
	type entity struct {
		layer        string
		availability string
		positions    int // of a polygon
	}
	want := map[string]entity{}
	for i := range s.Sites {
		want[siteID(i)] = entity{layer: "site"}
	}
	for i, tr := range s.Tracks {
		want[trackID(i)] = entity{layer: "track", availability: c.interval(tr.Points[0].T, tr.Points[len(tr.Points)-1].T)}
	}
	for i, a := range s.Areas {
		want[areaID(i)] = entity{layer: "area", positions: len(a.Ring) - 1}
	}
	for i, x := range s.Intercepts {
		want[interceptID(i)] = entity{layer: "intercept", availability: c.interval(x.T, c.stop)}
	}
	seen := map[string]bool{}
	for _, e := range r.Entities {
		w, known := want[e.ID]
		if !known || seen[e.ID] {
			t.Errorf("Cesium entity %q is not in the scene, or repeated", e.ID)
			continue
		}
		seen[e.ID] = true
		ok := false
		switch w.layer {
		case "site":
			ok = e.Point && e.Label && e.PositionDefined
		case "track":
			ok = e.Path && e.Point && e.PositionDefined && e.Availability == w.availability
		case "area":
			ok = e.Polygon && e.PolygonPositions == w.positions
		case "intercept":
			ok = e.Point && e.PositionDefined && e.Availability == w.availability
		}
		if !ok {
			t.Errorf("Cesium entity %+v, want a %s as written %+v", e, w.layer, w)
		}
	}
	if len(r.Entities) != len(want) {
		t.Errorf("Cesium made %d entities, want %d (sites + tracks + areas + intercepts)", len(r.Entities), len(want))
	}
}
