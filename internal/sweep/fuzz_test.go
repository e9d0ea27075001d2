package sweep

import (
	"errors"
	"sync"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

var fuzzBase = sync.OnceValues(func() (*scenario.Scenario, error) { return scenario.Load("europe") })

// FuzzParseAxis: any --vary argument gives an axis or an *InputError,
// never a panic.
func FuzzParseAxis(f *testing.F) {
	for _, s := range []string{`owners[US].doctrine.salvo=1,2`, `catalog."SM-3 IIA".pk=0:1:0.5`, `threats[0].count=1`,
		`catalog.Sejjil.stage1.thrust_kn=600`, `a[`, `catalog."x`, `=`, `run.architecture=sectoral`, `sites[0].antenna_height_m=10`} {
		f.Add(s)
	}
	s, err := fuzzBase()
	if err != nil {
		f.Fatal(err)
	}
	sys, err := study.SystemsOf(s)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		a, err := ParseAxis(arg, s, sys)
		var ie *InputError
		var se *scenario.Errors
		if err != nil && !errors.As(err, &ie) && !errors.As(err, &se) {
			t.Fatalf("%q: %T %v", arg, err, err)
		}
		if err == nil && (a == nil || len(a.Values) == 0) {
			t.Fatalf("%q: an axis without values", arg)
		}
	})
}
