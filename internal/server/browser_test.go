package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests open the page in Debian's chromium, headless, driven
// by chromedp. scripts/browser-deps.sh (make browser-deps, run by make
// test) installs chromium when it is missing; without it the tests skip,
// unless RAMPART_BROWSER=require, when they fail.
const (
	chromiumPath = "/usr/bin/chromium"
	// pageTimeout bounds one page's work: chromium's start, 1.7 MB of
	// MapLibre, the borders, WebGL on the CPU (SwiftShader) and, for a
	// run, its trials, on two shared cores.
	pageTimeout = 3 * time.Minute
	// browserTestTimeout bounds a whole browser test, so that a page that
	// never answers fails the test instead of hanging the package until
	// go test's own 10-minute limit (it did once under heavy load).
	browserTestTimeout = 4 * time.Minute
)

// screenshotDir is where the tests save their screenshots: test/screenshots
// at the top of the repository (ignored by git), or $RAMPART_SCREENSHOTS.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("RAMPART_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "test", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(dir)
	return abs
}

func saveScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	p := filepath.Join(screenshotDir(t), name)
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// pageLog collects what the page reports: requests, console errors,
// exceptions and the browser's own log (CSP violations land there).
type pageLog struct {
	mu       sync.Mutex
	requests []string
	problems []string
}

func (l *pageLog) add(list *[]string, s string) {
	l.mu.Lock()
	*list = append(*list, s)
	l.mu.Unlock()
}

func (l *pageLog) snapshot() (req, prob []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string{}, l.requests...), append([]string{}, l.problems...)
}

// openBrowser starts chromium for the test and returns a chromedp context
// with the page log attached.
func openBrowser(t *testing.T) (context.Context, *pageLog, string) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		msg := fmt.Sprintf("browser test: %s missing; run scripts/browser-deps.sh (make browser-deps)", chromiumPath)
		if os.Getenv("RAMPART_BROWSER") == "require" {
			t.Fatal(msg + " (RAMPART_BROWSER=require)")
		}
		t.Skip(msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-quic", true),
		// Every host name but the loopback server's fails to resolve.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	l := &pageLog{}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			l.add(&l.requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			l.add(&l.problems, "exception: "+e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				l.add(&l.problems, "console.error: "+strings.Join(parts, " "))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				l.add(&l.problems, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	dl := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl}); err != nil {
		t.Fatal(err)
	}
	// The browser is started on ctx; the test works under a deadline
	// derived from it, which ends the test's calls, not the browser.
	tctx, cancelT := context.WithTimeout(ctx, browserTestTimeout)
	t.Cleanup(cancelT)
	return tctx, l, dl
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// checkPage fails on any request to another host, and on any error the
// page reported (a CSP violation, an exception), except the 404 of
// MapLibre's source maps, which are not shipped.
func checkPage(t *testing.T, l *pageLog, base string, expected ...string) {
	t.Helper()
	reqs, probs := l.snapshot()
	for _, r := range reqs {
		if !strings.HasPrefix(r, base) && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:"+base) {
			t.Errorf("the page asked for %s, not on the server", r)
		}
	}
	for _, p := range probs {
		if strings.Contains(p, ".map") && strings.Contains(p, "404") {
			continue
		}
		if slices.ContainsFunc(expected, func(e string) bool { return strings.Contains(p, e) }) {
			continue
		}
		t.Errorf("page problem: %s", p)
	}
}

// open navigates to u and waits for the page to restore its state
// (body[data-ready]), returning how long that took.
func open(t *testing.T, ctx context.Context, u string) time.Duration {
	t.Helper()
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	tctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	ready, err := chromedp.Run(tctx, chromedp.Poll[string](`document.body.dataset.ready`, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(pageTimeout)))
	if err != nil {
		t.Fatalf("page %s never ready: %v", u, err)
	}
	if ready != "1" {
		msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.error || ''`))
		t.Fatalf("page %s: start failed: %s", u, msg)
	}
	return time.Since(start)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// idle waits for the map to finish drawing.
const idle = `new Promise((resolve) => { const m = window.rampartMap; m.once('idle', () => resolve(true)); m.triggerRepaint(); })`

// TestBrowserSharedExploreLink opens a shared Explore link and checks the
// state it restores (tab, site, systems, altitudes, flat view, centre),
// that the map draws the coverage and the range rings with one label a
// ring, and that "Download PNG" saves a picture of the map.
func TestBrowserSharedExploreLink(t *testing.T) {
	ctx, l, dl := openBrowser(t)
	_, hs := testServer(t, Config{})
	q := url.Values{"tab": {"explore"}, "site": {"Kaliningrad"}, "missile": {"9M729"}, "radar": {"Voronezh-DM"}, "bore": {"270"},
		"alt": {"100,1000"}, "view": {"flat"}, "c": {"54.700,20.500,3.50"}}
	u := hs.URL + "/?" + q.Encode()
	took := open(t, ctx, u)
	t.Logf("shared Explore link restored in %v (page load, borders, explore analysis, first render)", took.Round(time.Millisecond))
	got := eval[map[string]any](t, ctx, `({
		tab: document.querySelector('#tabs button.active').dataset.tab,
		site: document.getElementById('ex-site').value,
		missile: document.getElementById('ex-missile').value,
		radar: document.getElementById('ex-radar').value,
		alt: document.getElementById('ex-alt').value,
		projection: window.rampartMap.getProjection().type,
	})`)
	want := map[string]any{"tab": "explore", "site": "Kaliningrad", "missile": "9M729", "radar": "Voronezh-DM", "alt": "100,1000", "projection": "mercator"}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("restored %s = %v, want %v", k, got[k], w)
		}
	}
	eval[bool](t, ctx, idle)
	layers := eval[map[string]float64](t, ctx, `(() => {
		const m = window.rampartMap;
		const n = (layer) => m.getLayer(layer) ? m.queryRenderedFeatures({layers: [layer]}).length : -1;
		return {coverage: n('coverage'), rings: n('rings'), land: n('land'),
			sceneAreas: m.querySourceFeatures('scene').filter((f) => f.properties.kind === 'radar-coverage').length,
			ringLabels: document.querySelectorAll('.label.ring').length,
			places: document.querySelectorAll('#ex-out table').length};
	})()`)
	t.Logf("map: %v", layers)
	if layers["coverage"] <= 0 || layers["sceneAreas"] <= 0 {
		t.Errorf("the coverage layer draws nothing: %v", layers)
	}
	if layers["rings"] <= 0 || layers["ringLabels"] < 2 {
		t.Errorf("range rings: %v rendered, %v labels; want one ring and label a claim", layers["rings"], layers["ringLabels"])
	}
	if layers["land"] <= 0 {
		t.Errorf("no country drawn from /api/borders")
	}
	center := eval[[]float64](t, ctx, `[window.rampartMap.getCenter().lat, window.rampartMap.getCenter().lng]`)
	if len(center) != 2 || center[0] < 40 || center[0] > 70 || center[1] < 0 || center[1] > 45 {
		t.Errorf("map centre %v, want around Kaliningrad (the explore fits its rings)", center)
	}
	saveScreenshot(t, ctx, "explore-kaliningrad.png")

	// The PNG: the picture the button saves, and the saved file.
	data := eval[string](t, ctx, `window.rampartPNG()`)
	img := decodePNG(t, data)
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 300 || colours(img) < 8 {
		t.Errorf("map PNG %v with %d colours, want a drawn map", b, colours(img))
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#download-png"))); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(dl, "rampart-map.png")
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if st, err := os.Stat(saved); err == nil && st.Size() > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if f, err := os.ReadFile(saved); err != nil {
		t.Errorf("Download PNG saved nothing: %v", err)
	} else if _, err := png.Decode(bytes.NewReader(f)); err != nil {
		t.Errorf("Download PNG saved %d bytes that are not a PNG: %v", len(f), err)
	} else {
		t.Logf("Download PNG saved %s (%d bytes)", saved, len(f))
	}
	checkPage(t, l, hs.URL)
}

func decodePNG(t *testing.T, dataURL string) image.Image {
	t.Helper()
	b64, ok := strings.CutPrefix(dataURL, "data:image/png;base64,")
	if !ok {
		t.Fatalf("map PNG: %.40q is not a PNG data URL", dataURL)
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// colours counts the distinct colours of a sample of img's pixels.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r >> 8, g >> 8, bl >> 8, a >> 8}] = true
		}
	}
	return len(seen)
}

// TestBrowserFlyLink opens a shared Fly link: the trajectory is drawn and
// the flight time and altitude plot shown.
func TestBrowserFlyLink(t *testing.T) {
	ctx, l, _ := openBrowser(t)
	_, hs := testServer(t, Config{})
	u := hs.URL + "/?" + url.Values{"tab": {"fly"}, "from": {"Kozelsk"}, "to": {"38.9,-77.04"}, "fmissile": {"RS-24 Yars"}}.Encode()
	took := open(t, ctx, u)
	t.Logf("shared Fly link restored in %v", took.Round(time.Millisecond))
	eval[bool](t, ctx, idle)
	got := eval[map[string]any](t, ctx, `({
		headline: (document.getElementById('fly-headline') || {}).textContent || '',
		plot: document.querySelectorAll('#fly-out svg.plot polyline').length,
		track: window.rampartMap.queryRenderedFeatures({layers: ['fly-track']}).length,
	})`)
	if !strings.Contains(got["headline"].(string), "min") || got["plot"].(float64) != 1 || got["track"].(float64) <= 0 {
		t.Errorf("fly page: %v; want a flight time, an altitude plot and the trajectory drawn", got)
	}
	saveScreenshot(t, ctx, "fly-kozelsk-washington.png")

	// Two clicks on the map: a launch point, then an aim point, which
	// flies at once.
	box := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('map').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	eval[bool](t, ctx, `(() => { document.body.dataset.flown = ''; window.rampartMap.jumpTo({center: [25, 45], zoom: 3.5}); return true; })()`)
	eval[bool](t, ctx, idle)
	for _, fx := range []float64{0.3, 0.7} {
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(box[0]+fx*box[2], box[1]+0.5*box[3])); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond) // apart, so not a double-click
	}
	tctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.Poll[string](`document.body.dataset.flown`, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(pageTimeout))); err != nil {
		t.Fatalf("two clicks on the map flew nothing: %v", err)
	}
	pts := eval[[]string](t, ctx, `[document.getElementById('fly-from').value, document.getElementById('fly-to').value, document.getElementById('fly-status').textContent]`)
	if !strings.Contains(pts[0], ",") || !strings.Contains(pts[1], ",") || pts[0] == pts[1] {
		t.Errorf("after two clicks: from %q, to %q (status %q); want two LAT,LON points", pts[0], pts[1], pts[2])
	}
	t.Logf("clicked launch %s and aim %s", pts[0], pts[1])

	// Between two LAT,LON points (as clicked) the battle space is found
	// too, and the page says which cueing it assumes.
	open(t, ctx, hs.URL+"/?"+url.Values{"tab": {"fly"}, "from": {"38.08,46.29"}, "to": {"44.43,26.10"}, "fmissile": {"Sejjil-2"}, "bs": {"1"}}.Encode())
	eval[bool](t, ctx, idle)
	bs := eval[map[string]any](t, ctx, `new Promise((r) => { const f = () => document.body.dataset.flown ? r({
		rows: document.querySelectorAll('#fly-out table')[1] ? document.querySelectorAll('#fly-out table')[1].querySelectorAll('tbody tr').length : 0,
		note: (document.getElementById('fly-engage-note') || {}).textContent || '' }) : setTimeout(f, 100); f(); })`)
	if bs["rows"].(float64) != float64(len(engageSites)*len(engageInterceptors)) || !strings.Contains(bs["note"].(string), "no forward radar") {
		t.Errorf("fly battle space between points: %v; want a row a site and interceptor and the cueing named", bs)
	}

	// A cruise missile's headline names its cruise, not a ballistic
	// profile (it read "9M729, : 278 km, apogee 0.05 km").
	open(t, ctx, hs.URL+"/?"+url.Values{"tab": {"fly"}, "from": {"Kaliningrad"}, "to": {"Warsaw"}, "fmissile": {"9M729"}}.Encode())
	eval[bool](t, ctx, idle)
	cruise := eval[string](t, ctx, `(document.getElementById('fly-headline') || {}).textContent || ''`)
	if !strings.Contains(cruise, "9M729, cruise at") || strings.Contains(cruise, ", :") {
		t.Errorf("fly a 9M729: headline %q, want its cruise named", cruise)
	}
	checkPage(t, l, hs.URL)
}

// clickUntilDone clicks the button (a CSS selector) that starts a run or
// a sweep (what) in the page, waits up to pageTimeout for the page to set
// document.body.dataset[flag], and returns its value (the id) and how long
// it took; if the page never sets it, the test fails with the text of the
// status element statusID.
func clickUntilDone(t *testing.T, ctx context.Context, button, flag, statusID, what string) (string, time.Duration) {
	t.Helper()
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(button))); err != nil {
		t.Fatal(err)
	}
	tctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	id, err := chromedp.Run(tctx, chromedp.Poll[string](`document.body.dataset.`+flag, chromedp.WithPollingInterval(200*time.Millisecond), chromedp.WithPollingTimeout(pageTimeout)))
	if err != nil {
		st, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('`+statusID+`').textContent`))
		t.Fatalf("the %s never finished in the page: %v (status %q)", what, err, st)
	}
	return id, time.Since(start).Round(time.Millisecond)
}

// TestBrowserRunProgress runs a library scenario from the form: progress
// arrives over the event stream, the headline shows, the playback
// slider draws, and the run's link restores it.
func TestBrowserRunProgress(t *testing.T) {
	ctx, l, _ := openBrowser(t)
	_, hs := testServer(t, Config{TrialWorkers: 2})
	open(t, ctx, hs.URL+"/?tab=run&scenario=europe&trials=40&seed=7")
	restored := eval[[]string](t, ctx, `[document.getElementById('run-scenario').value, document.getElementById('run-trials').value, document.getElementById('run-seed').value]`)
	if strings.Join(restored, " ") != "europe 40 7" {
		t.Errorf("restored run form = %v, want europe 40 7", restored)
	}
	id, took := clickUntilDone(t, ctx, "#run-go", "runDone", "run-status", "run")
	t.Logf("run %s of europe, 40 trials, done in the page after %v", id, took)
	got := eval[map[string]any](t, ctx, `({
		progress: Number(document.body.dataset.progress || 0),
		headline: document.getElementById('headline').textContent,
		tables: document.querySelectorAll('#run-out table').length,
		figures: document.querySelectorAll('#run-out figure svg').length,
		dots: document.querySelectorAll('#run-out figure svg circle.value').length,
		bars: document.querySelectorAll('#run-out figure svg line.ci').length,
		downloads: document.querySelectorAll('#run-out .downloads a').length,
		player: !document.getElementById('player').hidden,
	})`)
	if got["progress"].(float64) < 1 {
		t.Errorf("no progress event reached the page")
	}
	if h := got["headline"].(string); !strings.Contains(h, "P(survive)") && !strings.Contains(h, "survive") {
		t.Errorf("headline = %q, want the europe headline", h)
	}
	if got["tables"].(float64) < 2 || got["downloads"].(float64) != 6 || got["player"] != true {
		t.Errorf("run page: %v; want tables, 6 downloads and the time slider", got)
	}
	// The figures: per-asset P(survive) and per-missile P(leak), a dot
	// and a 95 % interval bar a row.
	if got["figures"].(float64) < 2 || got["dots"].(float64) < 2 || got["bars"].(float64) < 1 {
		t.Errorf("run page figures: %v; want P(survive) and P(leak) drawn with their intervals", got)
	}
	// The slider at mid-flight draws heads of the missiles in flight.
	heads := eval[float64](t, ctx, `(async () => {
		const s = document.getElementById('time');
		s.value = String((Number(s.min) + Number(s.max)) / 3);
		s.dispatchEvent(new Event('input'));
		await new Promise((r) => { window.rampartMap.once('idle', r); window.rampartMap.triggerRepaint(); });
		return window.rampartMap.queryRenderedFeatures({layers: ['play-heads', 'play-tracks']}).length;
	})()`)
	if heads <= 0 {
		t.Errorf("the time slider draws nothing at a third of the flight")
	}
	saveScreenshot(t, ctx, "run-europe.png")
	// The run's own link, as Copy link gives it, shows the same run.
	link := eval[string](t, ctx, `location.href`)
	open(t, ctx, link)
	again := eval[string](t, ctx, `new Promise((r) => { const f = () => document.body.dataset.runDone ? r(document.getElementById('headline').textContent) : setTimeout(f, 100); f(); })`)
	if again != got["headline"] {
		t.Errorf("the run's link shows headline %q, want %q", again, got["headline"])
	}
	checkPage(t, l, hs.URL)
}

// TestBrowserScriptNames runs a scenario whose site, threat and asset
// names are HTML and script, and opens its run, the history and the
// validation of an edited file: nothing of it runs, and the names show
// as text.
func TestBrowserScriptNames(t *testing.T) {
	ctx, l, _ := openBrowser(t)
	_, hs := testServer(t, Config{})
	yml, err := os.ReadFile(filepath.Join("testdata", "script-names.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var c CreatedRun
	if code := call(t, "POST", hs.URL+"/api/runs", RunRequest{ScenarioInput: ScenarioInput{YAML: string(yml), Filename: "<script>x</script>.yaml"}}, &c); code != 202 {
		t.Fatalf("POST /api/runs = %d", code)
	}
	if v, _ := waitRun(t, hs.URL, c.ID); v.Status != "done" {
		t.Fatalf("run %d: %s %s", c.ID, v.Status, v.Error)
	}
	open(t, ctx, fmt.Sprintf("%s/?tab=run&run=%d", hs.URL, c.ID))
	eval[string](t, ctx, `new Promise((r) => { const f = () => document.body.dataset.runDone ? r('') : setTimeout(f, 100); f(); })`)
	eval[bool](t, ctx, idle)
	text := eval[string](t, ctx, `document.getElementById('run-out').textContent + document.querySelector('#map').textContent`)
	for _, name := range []string{"<img src=x onerror=window.pwned=2>", "<script>window.pwned=1</script>"} {
		if !strings.Contains(text, name) {
			t.Errorf("the page does not show the name %q as text", name)
		}
	}
	// History lists the run with its headline; a bad edit shows problems
	// that quote the names.
	open(t, ctx, hs.URL+"/?tab=history")
	eval[string](t, ctx, `new Promise((r) => { const f = () => document.getElementById('hist-table') ? r('') : setTimeout(f, 100); f(); })`)
	// A second run of it, then the comparison of the two from a shared
	// History link.
	var c2 CreatedRun
	call(t, "POST", hs.URL+"/api/runs", RunRequest{ScenarioInput: ScenarioInput{YAML: string(yml)}, Seed: ptr(int64(2))}, &c2)
	if v, _ := waitRun(t, hs.URL, c2.ID); v.Status != "done" {
		t.Fatalf("run %d: %s %s", c2.ID, v.Status, v.Error)
	}
	open(t, ctx, fmt.Sprintf("%s/?tab=history&a=%d&b=%d", hs.URL, c.ID, c2.ID))
	cmp := eval[map[string]any](t, ctx, `new Promise((r) => { const f = () => {
		const rows = document.querySelectorAll('#cmp-out tbody tr');
		rows.length ? r({rows: rows.length, text: document.getElementById('cmp-out').textContent, hist: document.querySelectorAll('#hist-table tbody tr').length}) : setTimeout(f, 100);
	}; f(); })`)
	if cmp["rows"].(float64) < 2 || cmp["hist"].(float64) != 2 || !strings.Contains(cmp["text"].(string), "<img src=x onerror=window.pwned=2>") {
		t.Errorf("history comparison: %v; want both runs listed and a row a statistic, names as text", cmp)
	}
	saveScreenshot(t, ctx, "history-compare.png")
	bad := strings.Replace(string(yml), "missile: Sejjil", "missile: \"<svg onload=window.pwned=4>\"", 1)
	open(t, ctx, hs.URL+"/?tab=run")
	eval[bool](t, ctx, fmt.Sprintf(`(async () => {
		const ta = document.getElementById('run-yaml');
		ta.value = %q;
		ta.dispatchEvent(new Event('input'));
		document.getElementById('run-check').click();
		await new Promise((r) => { const f = () => document.querySelectorAll('#run-problems li').length ? r() : setTimeout(f, 100); f(); });
		return true;
	})()`, bad))
	probs := eval[string](t, ctx, `document.getElementById('run-problems').textContent`)
	if !strings.Contains(probs, "<svg onload=window.pwned=4>") {
		t.Errorf("problems %q do not quote the bad name as text", probs)
	}
	saveScreenshot(t, ctx, "script-names.png")
	defer checkPage(t, l, hs.URL, "status of 400 (Bad Request) "+hs.URL+"/api/validate")
	if pwned := eval[string](t, ctx, `String(window.pwned)`); pwned != "undefined" {
		t.Errorf("window.pwned = %s: a name ran as script", pwned)
	}
	// Tags never made it into the DOM as elements.
	if n := eval[float64](t, ctx, `document.querySelectorAll('#panel img, #panel svg:not(.plot), #panel b, #panel script, #map script').length`); n != 0 {
		t.Errorf("%v elements from names in the page", n)
	}
}

// TestBrowserPageLoad opens the page cold and logs its load time and the
// bytes it fetched (transferred, gzipped where accepted, and decoded);
// the page must be ready within pageTimeout and fetch under 8 MB.
func TestBrowserPageLoad(t *testing.T) {
	ctx, l, _ := openBrowser(t)
	_, hs := testServer(t, Config{})
	took := open(t, ctx, hs.URL+"/")
	eval[bool](t, ctx, idle)
	m := eval[map[string]float64](t, ctx, `(() => {
		const nav = performance.getEntriesByType('navigation')[0];
		let transfer = nav.transferSize, decoded = nav.decodedBodySize, n = 1;
		for (const r of performance.getEntriesByType('resource')) { transfer += r.transferSize; decoded += r.decodedBodySize; n++; }
		return {domContentLoadedMs: nav.domContentLoadedEventEnd, loadMs: nav.loadEventEnd, transfer, decoded, n, nowMs: performance.now()};
	})()`)
	t.Logf("page load: ready (map loaded, catalog and scenarios read, first render) in %v; DOMContentLoaded %.0f ms, load %.0f ms, idle at %.0f ms; %v requests, %.2f MB transferred, %.2f MB decoded",
		took.Round(time.Millisecond), m["domContentLoadedMs"], m["loadMs"], m["nowMs"], m["n"], m["transfer"]/1e6, m["decoded"]/1e6)
	again := open(t, ctx, hs.URL+"/")
	t.Logf("page load again (MapLibre and the borders from the browser's cache): ready in %v", again.Round(time.Millisecond))
	if m["decoded"] > 8e6 {
		t.Errorf("the page fetched %.1f MB, want under 8 MB", m["decoded"]/1e6)
	}
	if m["transfer"] >= m["decoded"] {
		t.Errorf("transferred %.0f bytes of %.0f decoded: nothing came gzipped", m["transfer"], m["decoded"])
	}
	checkPage(t, l, hs.URL)
}
