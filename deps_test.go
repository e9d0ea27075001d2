// Package rampart_test holds the tests of the module's structure.
package rampart_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/rampart-sim/rampart/"

// layers are the module's packages below the results layer, each with the
// packages it must not depend on, directly or through others. The arrows
// run one way: cmd → study → (analysis, sim) → models → geo/atmos. The file
// format (internal/scenario) is read by study alone, which adapts it to the
// models' types (study/spec.go).
var layers = map[string][]string{
	// The models.
	"geo":                {"atmos", "flight", "radar", "internal/sim", "internal/analysis"},
	"atmos":              {"geo", "flight", "radar", "internal/sim", "internal/analysis"},
	"flight":             {"radar", "internal/track", "internal/intercept", "internal/c2", "internal/sim", "internal/analysis"},
	"radar":              {"internal/sim", "internal/analysis"},
	"internal/track":     {"internal/sim", "internal/analysis"},
	"internal/intercept": {"internal/sim", "internal/analysis"},
	"internal/c2":        {"internal/sim", "internal/analysis"},
	"wta":                {"internal/sim", "internal/analysis"},
	"assign":             {"internal/sim", "internal/analysis"},
	// The engine and the analyses, side by side.
	"internal/sim":      {"internal/analysis"},
	"internal/analysis": {"internal/sim"},
}

// aboveAll are the packages no layer may depend on: the file format, the
// results layer, the run store and the commands.
var aboveAll = []string{"internal/scenario", "internal/study", "internal/store", "cmd/"}

// TestDependenciesRunOneWay checks with go list that no model package, nor
// the engine or the analyses, depends on the file format, the results layer
// or a command, and that the models depend on neither the engine nor the
// analyses. Test files are not counted: a test may use the layers above.
func TestDependenciesRunOneWay(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go tool on PATH: %v", err)
	}
	var pkgs []string
	for p := range layers {
		pkgs = append(pkgs, "./"+p)
	}
	slices.Sort(pkgs)
	out, err := exec.Command(goTool, append([]string{"list", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}"}, pkgs...)...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := 0
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		pkg := strings.TrimPrefix(f[0], module)
		forbidden, ok := layers[pkg]
		if !ok {
			t.Errorf("go list listed %s, which is not in layers", f[0])
			continue
		}
		seen++
		forbidden = append(slices.Clone(forbidden), aboveAll...)
		for _, dep := range f[1:] {
			d, ok := strings.CutPrefix(dep, module)
			if !ok {
				continue
			}
			for _, bad := range forbidden {
				if d == bad || strings.HasSuffix(bad, "/") && strings.HasPrefix(d, bad) {
					t.Errorf("%s depends on %s; the arrows run cmd → study → (analysis, sim) → models → geo/atmos", pkg, d)
				}
			}
		}
	}
	if seen != len(layers) {
		t.Errorf("go list reported %d of the %d packages", seen, len(layers))
	}
}
