package server

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserSweep starts a small sweep from the Sweep tab (europe, the
// US salvo 1 to 3, 4 trials a point), waits for it in the page, and sees
// its line plots (one point a value), the table of its 3 points, the
// stored list, and the sweep's own link showing it again.
func TestBrowserSweep(t *testing.T) {
	ctx, l, _ := openBrowser(t)
	_, hs := testServer(t, Config{TrialWorkers: 2})
	open(t, ctx, hs.URL+"/?tab=sweep")
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#sw-scenario"), "europe")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#sw-vary1"), "owners[US].doctrine.salvo=1,2,3")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#sw-trials"), "4")); err != nil {
		t.Fatal(err)
	}
	id, took := clickUntilDone(t, ctx, "#sw-go", "sweepDone", "sw-status", "sweep")
	t.Logf("sweep %s of europe, 3 points × 4 trials, done in the page after %v", id, took)
	got := eval[map[string]any](t, ctx, `({
		plots: document.querySelectorAll('#sw-out svg.sweep-plot').length,
		dots: document.querySelectorAll('#sw-out svg.sweep-plot circle').length,
		lines: document.querySelectorAll('#sw-out svg.sweep-plot polyline').length,
		rows: document.querySelectorAll('#sw-out table tbody tr').length,
		downloads: document.querySelectorAll('#sw-out .downloads a').length,
		status: document.getElementById('sw-status').textContent,
	})`)
	// Leakers and interceptors against the one axis: 2 plots, 3 points each.
	if got["plots"].(float64) != 2 || got["dots"].(float64) != 6 || got["lines"].(float64) != 2 {
		t.Errorf("sweep plots: %v; want 2 plots of 3 points", got)
	}
	if got["rows"].(float64) != 3 || got["downloads"].(float64) != 3 {
		t.Errorf("sweep page: %v; want 3 table rows and 3 downloads", got)
	}
	listed, err := chromedp.Run(ctx, chromedp.Poll[float64](`document.querySelectorAll('#sw-list tbody tr').length || false`, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil || listed != 1 {
		t.Errorf("stored sweeps list: %v rows (%v), want 1", listed, err)
	}
	saveScreenshot(t, ctx, "sweep-europe.png")
	link := eval[string](t, ctx, `location.href`)
	open(t, ctx, link)
	again := eval[float64](t, ctx, `new Promise((r) => { const f = () => document.body.dataset.sweepDone ? r(document.querySelectorAll('#sw-out svg.sweep-plot').length) : setTimeout(f, 100); f(); })`)
	if again != 2 {
		t.Errorf("the sweep's link shows %v plots, want 2", again)
	}
	// A two-axis sweep, started through the API, opened by its link:
	// 4 line plots (2 statistics × 2 axes, a line per value of the
	// other axis) and the heat map of its 2 × 2 points.
	var c CreatedSweep
	in := SweepRequest{ScenarioInput: ScenarioInput{Scenario: "europe"}, Trials: ptr(2),
		Vary: []string{"owners[US].doctrine.salvo=1,2", "owners[US].doctrine.shoot_look_shoot=true,false"}}
	if code := call(t, "POST", hs.URL+"/api/sweeps", in, &c); code != 202 {
		t.Fatalf("POST /api/sweeps = %d", code)
	}
	waitSweep(t, hs.URL, c.ID)
	open(t, ctx, fmt.Sprintf("%s/?tab=sweep&sweep=%d", hs.URL, c.ID))
	grid := eval[map[string]any](t, ctx, `new Promise((r) => { const f = () => document.body.dataset.sweepDone ? r({
		plots: document.querySelectorAll('#sw-out svg.sweep-plot').length,
		lines: document.querySelectorAll('#sw-out svg.sweep-plot polyline').length,
		cells: document.querySelectorAll('#sw-out svg.sweep-heat rect').length,
	}) : setTimeout(f, 100); f(); })`)
	if grid["plots"].(float64) != 4 || grid["lines"].(float64) != 8 || grid["cells"].(float64) != 4 {
		t.Errorf("two-axis sweep page: %v; want 4 plots of 2 lines and a heat map of 4 cells", grid)
	}
	saveScreenshot(t, ctx, "sweep-europe-grid.png")
	checkPage(t, l, hs.URL)
}
