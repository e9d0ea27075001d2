package study_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

// The layout test opens every library scenario's report.html in headless
// Chromium at the widths readers use and fails where labels overprint or a
// table is cut off (issue 12, §7). It needs /usr/bin/chromium, installed by
// scripts/browser-deps.sh; without it the test skips, unless
// RAMPART_BROWSER=require. With RAMPART_SCREENSHOTS=DIR it also writes a
// full-page screenshot of each report at each width into DIR, to be read
// as a reader would.
const (
	layoutChromium = "/usr/bin/chromium"
	// layoutTimeout bounds one page: Chromium's start and a static page.
	layoutTimeout = 60 * time.Second
)

// layoutWidths are the window widths checked, px: a laptop window and a
// wide one (the widths at which the Sources column was cut off).
var layoutWidths = []int{1000, 1400}

// layoutSlow are the library scenarios whose study is too slow for -short.
var layoutSlow = map[string]bool{"redzikowo-icbm": true, "architecture": true, "radars": true}

type layoutFindings struct {
	Width    int `json:"width"`
	Figures  int `json:"figures"`
	Overlaps []struct {
		Figure, A, B string
		W, H         float64
	} `json:"overlaps"`
	Overflow []struct {
		Element, Caption string
		Scroll, Client   float64
	} `json:"overflow"`
}

func TestReportLayoutInChromium(t *testing.T) {
	if _, err := os.Stat(layoutChromium); err != nil {
		if os.Getenv("RAMPART_BROWSER") == "require" {
			t.Fatalf("%s missing; run scripts/browser-deps.sh (RAMPART_BROWSER=require)", layoutChromium)
		}
		t.Skipf("%s missing; run scripts/browser-deps.sh", layoutChromium)
	}
	check, err := os.ReadFile(filepath.Join("..", "..", "test", "browser", "layout-check.js"))
	if err != nil {
		t.Fatal(err)
	}
	shots := os.Getenv("RAMPART_SCREENSHOTS")
	for _, lib := range scenario.Library() {
		t.Run(lib.Name, func(t *testing.T) {
			if testing.Short() && layoutSlow[lib.Name] {
				t.Skip("its study takes minutes on a shared 2-core machine; make test-long checks it")
			}
			s, st, err := study.Load(lib.Name)
			if err != nil {
				t.Fatal(err)
			}
			o := study.Options{Seed: s.Run.Seed, Trials: min(s.Run.Trials, 3), Workers: 2, Events: true}
			res, err := study.Run(s, st, o)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "rep")
			if err := study.WriteDir(context.Background(), dir, res); err != nil {
				t.Fatal(err)
			}
			page, err := os.ReadFile(filepath.Join(dir, study.ReportFile))
			if err != nil {
				t.Fatal(err)
			}
			probe := filepath.Join(t.TempDir(), "probe.html")
			withCheck := strings.Replace(string(page), "</body>", "<script>"+string(check)+"</script></body>", 1)
			if err := os.WriteFile(probe, []byte(withCheck), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, w := range layoutWidths {
				f := layoutRun(t, probe, w)
				if f.Figures == 0 && strings.Contains(string(page), "<figure") {
					t.Errorf("width %d: the check found no figures", w)
				}
				for _, o := range f.Overlaps {
					t.Errorf("width %d, %s: label %q overprints %q (%.0f×%.0f px)", w, o.Figure, o.A, o.B, o.W, o.H)
				}
				for _, o := range f.Overflow {
					t.Errorf("width %d: %s %q is %.0f px wide in a %.0f px column: part of it is cut off", w, o.Element, o.Caption, o.Scroll, o.Client)
				}
				if shots != "" {
					layoutScreenshot(t, filepath.Join(dir, study.ReportFile), filepath.Join(shots, fmt.Sprintf("%s-%d.png", lib.Name, w)), w)
				}
			}
		})
	}
}

var checkRe = regexp.MustCompile(`(?s)<pre id="rampart-check">(.*?)</pre>`)

// layoutRun loads page in headless Chromium at width px and returns what
// layout-check.js found.
func layoutRun(t *testing.T, page string, width int) layoutFindings {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), layoutTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, layoutChromium, append(layoutFlags(t, width), "--dump-dom", "file://"+page)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	all := checkRe.FindAllSubmatch(dom, -1) // the last: the script's own comment names the element too
	if len(all) == 0 {
		t.Fatalf("width %d: layout-check.js wrote no findings", width)
	}
	m := all[len(all)-1]
	var f layoutFindings
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &f); err != nil {
		t.Fatalf("findings %q: %v", m[1], err)
	}
	return f
}

func layoutScreenshot(t *testing.T, page, png string, width int) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(png), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), layoutTimeout)
	defer cancel()
	// A tall window holds the whole page: headless screenshots are of the window.
	flags := layoutFlags(t, width)
	flags[len(flags)-1] = fmt.Sprintf("--window-size=%d,9000", width)
	cmd := exec.CommandContext(ctx, layoutChromium, append(flags, "--screenshot="+png, "file://"+page)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("screenshot: %v\n%s", err, out)
	}
}

func layoutFlags(t *testing.T, width int) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000",
		fmt.Sprintf("--window-size=%d,1000", width)}
}
