package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSweepCommand: bad axes exit 2 naming the path and the allowed
// values; an analysis scenario and a fast fidelity that the scenario rules
// out are refused; --point K prints the whole sweep's row K; --out writes
// the report with a heat map for two axes.
func TestSweepCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", "europe"}, "give at least one --vary"},
		{[]string{"sweep", "europe", "--vary", "owners[nato].doctrine.salvo=1,2"}, `no element named "nato"; allowed: names: US`},
		{[]string{"sweep", "europe", "--vary", `catalog."SM-3 IIA".pk=2`}, "allowed: 0 to 1"},
		{[]string{"sweep", "europe", "--vary", "owners[US].doctrine.salvo=1,2", "--point", "2"}, "--point 2 is out of range; allowed: 0 to 1"},
		{[]string{"sweep", "redzikowo-icbm", "--vary", "run.duration_s=1"}, "runs engine scenarios only"},
		{[]string{"sensitivity", "redzikowo-icbm"}, "runs engine scenarios only"},
		{[]string{"sweep", "europe", "--vary", "owners[US].doctrine.salvo=1", "--fidelity", "slow"}, "allowed: full, fast"},
		{[]string{"sweep", "../../examples/scenarios/mixed-raid.yaml", "--vary", "owners[0].doctrine.salvo=1", "--fidelity", "fast"}, "is a cruise missile"},
	} {
		code, _, errs := rampart(t, c.args...)
		if code != exitBadInput || !strings.Contains(errs, c.want) {
			t.Errorf("rampart %v = %d, %q; want exit 2 and %q", c.args, code, errs, c.want)
		}
	}
	args := []string{"sweep", "europe", "--vary", "owners[US].doctrine.salvo=1,2", "--vary", `catalog."SM-3 IB".pk=0.4,0.8`, "--trials", "10", "--json"}
	var all, one struct {
		Rows []json.RawMessage `json:"rows"`
	}
	code, out, errs := rampart(t, args...)
	if code != exitOK || json.Unmarshal([]byte(out), &all) != nil || len(all.Rows) != 4 {
		t.Fatalf("sweep = %d, %s", code, errs)
	}
	code, out, errs = rampart(t, append(args, "--point", "3")...)
	if code != exitOK || json.Unmarshal([]byte(out), &one) != nil || len(one.Rows) != 1 {
		t.Fatalf("sweep --point 3 = %d, %s", code, errs)
	}
	if string(one.Rows[0]) != string(all.Rows[3]) {
		t.Errorf("--point 3:\n%s\nwant\n%s", one.Rows[0], all.Rows[3])
	}
	// Without --fidelity a scenario that rules fast out runs full, and
	// says so.
	code, out, errs = rampart(t, "sweep", "../../examples/scenarios/mixed-raid.yaml", "--vary", "owners[0].doctrine.salvo=1", "--trials", "2")
	if code != exitOK || !strings.Contains(out, "every point runs at full fidelity") {
		t.Errorf("mixed-raid sweep = %d, %q, %s", code, out, errs)
	}
	dir := filepath.Join(t.TempDir(), "sw")
	if code, _, errs := rampart(t, append(args[:len(args)-1], "--out", dir)...); code != exitOK {
		t.Fatalf("sweep --out = %d, %s", code, errs)
	}
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil || !strings.Contains(string(html), "Heat map: Leakers per raid") {
		t.Errorf("report.html without the heat map (%v)", err)
	}
	if st, err := os.Stat(filepath.Join(dir, "summary.parquet")); err != nil || st.Size() == 0 {
		t.Errorf("sweep --out wrote no summary.parquet (%v)", err)
	}
}
