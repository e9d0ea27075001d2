package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// flagProbe is how TestEveryFlagHasAnEffect tries the flags of one command.
type flagProbe struct {
	// base is a command line that exits 0 with every flag at its default.
	base []string
	// values holds a non-default value for each flag; "" sets a boolean
	// flag (--flag).
	values map[string]string
	// exempt lists the flags whose output need not change, each with the
	// reason.
	exempt map[string]string
	// writes holds, for a flag whose effect is a file or directory rather
	// than the output, the path it must create.
	writes map[string]string
}

// flagProbes returns, for every command that has flags, one probe or more
// (run: the engine and analyses that read only some of its options), with
// their fixtures written under dir.
func flagProbes(t *testing.T, dir string) map[string][]flagProbe {
	t.Helper()
	wtaFile := filepath.Join(dir, "small.yaml")
	if err := os.WriteFile(wtaFile, []byte(wtaSmallYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	runDir := filepath.Join(dir, "run")
	if code, _, errs := rampart(t, "run", "--trials", "2", "--out", runDir); code != exitOK {
		t.Fatalf("run --out: %d, %s", code, errs)
	}
	runFlags := func(out string) map[string]string {
		return map[string]string{
			"earth": "sphere", "json": "", "no-drag": "", "no-rotation": "", "pick": "low",
			"pick-threat": "low", "pick-defense": "low",
			"seed": "8", "trials": "3", "warning-value": "", "out": filepath.Join(dir, out), "fidelity": "fast",
			"db": filepath.Join(dir, out+".db"),
			// Refused alone (--shard needs --out, --shards and --timeout
			// need --nats; no server listens on port 1), or by analyses.
			"shard": "1/2", "shards": "2", "timeout": "1m", "nats": "nats://127.0.0.1:1",
		}
	}
	var shards []string
	for _, i := range []string{"1", "2"} {
		f := filepath.Join(dir, "part"+i+".shard")
		if code, _, errs := rampart(t, "run", "--trials", "2", "--shard", i+"/2", "--out", f); code != exitOK {
			t.Fatalf("run --shard: %d, %s", code, errs)
		}
		shards = append(shards, f)
	}
	workers := map[string]string{
		"workers": "results must not depend on it (design contract); TestRunJSONIsOneDocumentAndDeterministic checks that they do not",
	}
	return map[string][]flagProbe{
		"fly": {{
			base: []string{"fly", "--from", "0,0", "--to", "0,30"},
			values: map[string]string{
				"from": "0,1", "to": "0,31", "missile": "RS-24", "burnout-speed-kms": "6",
				"profile": "lofted", "burnout-angle-deg": "30", "apogee-km": "500", "burnout-alt-km": "100",
				"json": "", "earth": "sphere", "no-rotation": "", "no-drag": "", "pick": "low",
			},
		}},
		"run": {
			{base: []string{"run", "--trials", "2"}, values: runFlags("out"), exempt: workers,
				writes: map[string]string{"out": filepath.Join(dir, "out", "results.json"), "db": filepath.Join(dir, "out.db")}},
			// Analyses that read only some of run's options refuse the rest;
			// kaliningrad and patriot-rotation, with a raid, read them all
			// (run at few trials to keep the test fast).
			{base: []string{"run", "kaliningrad", "--trials", "2"}, values: runFlags("out-reach"), exempt: workers,
				writes: map[string]string{"out": filepath.Join(dir, "out-reach", "results.json"), "db": filepath.Join(dir, "out-reach.db")}},
			{base: []string{"run", "numbers"}, values: runFlags("out-salvo"), exempt: workers,
				writes: map[string]string{"out": filepath.Join(dir, "out-salvo", "results.json"), "db": filepath.Join(dir, "out-salvo.db")}},
			{base: []string{"run", "patriot-rotation", "--trials", "2"}, values: runFlags("out-rotation"), exempt: workers,
				writes: map[string]string{"out": filepath.Join(dir, "out-rotation", "results.json"), "db": filepath.Join(dir, "out-rotation.db")}},
		},
		"radar": {{
			base: []string{"radar"},
			values: map[string]string{
				"coherent": "", "freq-ghz": "5", "gain-db": "30", "height-m": "30", "json": "", "loss-db": "3",
				"noise-temp-k": "300", "pd": "0.5", "peak-power-kw": "500", "pfa": "1e-4", "pick": "low",
				"pulse-us": "2", "pulses": "4", "radar": "AN/TPY-2", "range-km": "100", "rcs-m2": "0.1",
				"required-snr-db": "20", "rx-gain-db": "30", "swerling": "0", "target-alt-km": "10", "tx-gain-db": "30",
			},
		}},
		"wta": {{
			base: []string{"wta", wtaFile},
			values: map[string]string{
				"format": "toffolo", "json": "", "solver": "heuristic",
			},
			exempt: map[string]string{
				"seed":       "seeds only the heuristic: this small problem is solved exactly under the default --solver auto, whatever the seed; --solver exact refuses --seed (TestWTASeedWithExactRefused)",
				"time-limit": "a bound on the search, not an input of the answer: a search that ends within it gives the same answer (wta.TestExactInterrupted and TestDeadlineOnLargeInstance check one it cuts short)",
			},
		}},
		"export": {{
			base:   []string{"export", runDir, "--format", "czml"},
			values: map[string]string{"format": "kml", "out": filepath.Join(dir, "x.czml")},
			writes: map[string]string{"out": filepath.Join(dir, "x.czml")},
		}},
		"merge": {{
			base:   append([]string{"merge"}, shards...),
			values: map[string]string{"json": "", "out": filepath.Join(dir, "merged")},
			writes: map[string]string{"out": filepath.Join(dir, "merged", "results.json")},
		}},
		"catalog": {{
			base:   []string{"catalog"},
			values: map[string]string{"all": "", "kind": "radar"},
		}},
		"sweep": {{
			base: []string{"sweep", "europe", "--vary", "owners[US].doctrine.salvo=1,2", "--trials", "2"},
			values: map[string]string{"fidelity": "full", "json": "", "out": filepath.Join(dir, "sweep"), "point": "1",
				"seed": "8", "trials": "3", "vary": "owners[US].doctrine.shoot_look_shoot=true,false", "db": filepath.Join(dir, "sweep.db")},
			exempt: workers,
			writes: map[string]string{"out": filepath.Join(dir, "sweep", "report.html"), "db": filepath.Join(dir, "sweep.db")},
		}},
		"sensitivity": {{
			base: []string{"sensitivity", "europe", "--params", "SM-3 IB.pk", "--trials", "2"},
			values: map[string]string{"fidelity": "full", "json": "", "out": filepath.Join(dir, "sens"),
				"seed": "8", "trials": "3", "params": "AN/TPY-2.loss_db"},
			exempt: workers,
			writes: map[string]string{"out": filepath.Join(dir, "sens", "report.html")},
		}},
	}
}

// TestEveryFlagHasAnEffect (issue 12): each flag of each command, set to a
// non-default value on a command line that runs, changes the output or is
// refused with exit 2 and a message naming the flag. fly --burnout-alt-km,
// fly --apogee-km with min-energy, fly and radar --pick without a catalog
// entry, radar --coherent with one pulse and wta --seed with the exact
// solver were accepted and ignored.
func TestEveryFlagHasAnEffect(t *testing.T) {
	dir := t.TempDir()
	probes := flagProbes(t, dir)
	for _, c := range newRootCmd(nil, nil).Commands() {
		name := c.Name()
		if c.Hidden || name == "help" || name == "completion" || name == "serve" || name == "worker" {
			continue // serve and worker do not end by themselves: TestServeFlags and TestWorkerFlags check their flags
		}
		var flags []string
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" {
				flags = append(flags, f.Name)
			}
		})
		sort.Strings(flags)
		if len(flags) == 0 {
			continue
		}
		if len(probes[name]) == 0 {
			t.Errorf("rampart %s has flags %v but no probe in flagProbes; add one", name, flags)
		}
		for _, p := range probes[name] {
			probeFlags(t, p, flags)
		}
	}
}

// probeFlags sets each of flags in turn on p's base command line.
func probeFlags(t *testing.T, p flagProbe, flags []string) {
	t.Helper()
	name := p.base[0]
	code, base, errs := rampart(t, p.base...)
	if code != exitOK {
		t.Errorf("rampart %q (the probe's base) = %d, %s", p.base, code, errs)
		return
	}
	for _, f := range flags {
		if _, ok := p.exempt[f]; ok {
			continue
		}
		v, ok := p.values[f]
		if !ok {
			t.Errorf("rampart %s --%s: no probe value; add one to flagProbes (or an exemption with its reason)", name, f)
			continue
		}
		args := append(append([]string{}, p.base...), "--"+f)
		if v != "" {
			args = append(args, v)
		}
		code, out, errs := rampart(t, args...)
		_, statErr := os.Stat(p.writes[f])
		switch {
		case code == exitOK && p.writes[f] != "":
			if statErr != nil {
				t.Errorf("rampart %q: exit 0 but %s not written: %v", args, p.writes[f], statErr)
			}
		case code == exitOK && out != base:
		case code == exitBadInput && strings.Contains(errs, "--"+f):
		case code == exitOK:
			t.Errorf("rampart %q: exit 0 and the same output as without --%s: accepted and ignored", args, f)
		default:
			t.Errorf("rampart %q = %d, %q; want a changed output, or exit %d naming --%s", args, code, errs, exitBadInput, f)
		}
	}
}

// TestWTASeedWithExactRefused: the exact solver takes no seed.
func TestWTASeedWithExactRefused(t *testing.T) {
	path := writeTemp(t, "small.yaml", wtaSmallYAML)
	code, _, errs := rampart(t, "wta", path, "--solver", "exact", "--seed", "3")
	if code != exitBadInput || !strings.Contains(errs, "--seed") {
		t.Errorf("wta --solver exact --seed 3 = %d, %q; want exit %d naming --seed", code, errs, exitBadInput)
	}
}
