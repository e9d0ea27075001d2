package sweep

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"
)

// europe loads the library's engine scenario and the systems it uses.
func europe(t *testing.T) (*scenario.Scenario, []string) {
	t.Helper()
	s, err := scenario.Load("europe")
	if err != nil {
		t.Fatal(err)
	}
	sys, err := study.SystemsOf(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, sys
}

func TestParseAxisValid(t *testing.T) {
	s, sys := europe(t)
	for _, c := range []struct {
		arg    string
		values []string
		cat    bool
	}{
		{`owners[US].doctrine.salvo=1,2,3`, []string{"1", "2", "3"}, false},
		{`owners[0].doctrine.shoot_look_shoot=true,false`, []string{"true", "false"}, false},
		{`threats[sejjil-tabriz-bucharest].count=1:3:1`, []string{"1", "2", "3"}, false},
		{`catalog."SM-3 IIA".burnout_speed_kms=3.5:6:0.25`, []string{"3.5", "3.75", "4", "4.25", "4.5", "4.75", "5", "5.25", "5.5", "5.75", "6"}, true},
		{`catalog.Sejjil.stage1.thrust_kn=600,650`, []string{"600", "650"}, true},
		{`run.architecture=integrated,sectoral`, []string{"integrated", "sectoral"}, false},
	} {
		a, err := ParseAxis(c.arg, s, sys)
		if err != nil {
			t.Errorf("%s: %v", c.arg, err)
			continue
		}
		var got []string
		for _, v := range a.Values {
			got = append(got, v.Text)
		}
		if !reflect.DeepEqual(got, c.values) || a.Target.IsCatalog() != c.cat {
			t.Errorf("%s: values %v catalog %v, want %v %v", c.arg, got, a.Target.IsCatalog(), c.values, c.cat)
		}
	}
}

func TestParseAxisErrors(t *testing.T) {
	s, sys := europe(t)
	for _, c := range []struct{ arg, want string }{
		{`owners[nato].doctrine.salvo=1`, `owners has no element named "nato"; allowed: names: US, Romania`},
		{`owners[9].doctrine.salvo=1`, `allowed indices: 0 to 4`},
		{`owners[US].doctrin.salvo=1`, `owners[US] has no field "doctrin"; allowed: name, doctrine, sector`},
		{`owners.doctrine.salvo=1`, `owners is a list; select an element`},
		{`owners[US].doctrine=1`, `is a section, not a value`},
		{`owners[US].doctrine.salvo=0`, `0 is out of range; allowed: 1 to 16`},
		{`owners[US].doctrine.salvo=1.5`, `not a whole number`},
		{`owners[US].doctrine.salvo=1,1`, `given twice`},
		{`owners[US].name=x`, `names are not varied`},
		{`run.seed=1,2`, `run.seed is not varied`},
		{`question=a,b`, `the engine does not read it`},
		{`assumptions[0]=a`, `the engine does not read it`},
		{`catalog."SM-3 IIA".pk=0.5,1.2`, `1.2 is out of range; SM-3 IIA.pk is a probability or fraction, allowed: 0 to 1`},
		{`catalog."SM-3 IIA".pkk=1`, `SM-3 IIA has no value "pkk"; allowed: burn_time_s`},
		{`catalog.Nope.pk=1`, `catalog: no entry "Nope"`},
		{`catalog."PAC-3 MSE".pk=0.5`, `the scenario does not use PAC-3 MSE; it uses`},
		{`catalog."SM-3 IIA.pk=0.5`, `no closing quote`},
		{`catalog."SM-3 IIA".burnout_speed_kms=6:3:0.5`, `needs lo <= hi and step > 0`},
		{`catalog."SM-3 IIA".burnout_speed_kms=0:1e6:1`, `at most 10000`},
		{`owners[US].doctrine.salvo`, `want PATH=VALUES`},
	} {
		_, err := ParseAxis(c.arg, s, sys)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: error %v, want an *InputError", c.arg, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %v\nwant it to contain %q", c.arg, err, c.want)
		}
		path := c.arg
		if i := strings.LastIndex(c.arg, "="); i >= 0 {
			path = c.arg[:i]
		}
		if !strings.Contains(err.Error(), path) && !strings.Contains(c.want, "PATH=VALUES") {
			t.Errorf("%s: the message %q does not name the path", c.arg, err)
		}
	}
}

func TestGridExpansion(t *testing.T) {
	s, sys := europe(t)
	a, _ := ParseAxis(`owners[US].doctrine.salvo=1,2,3`, s, sys)
	b, _ := ParseAxis(`catalog."SM-3 IB".pk=0.4,0.6`, s, sys)
	g, err := NewGrid([]*Axis{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 6 {
		t.Fatalf("Len %d, want 6", g.Len())
	}
	want := [][]int{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 1}} // the last axis fastest
	for k, w := range want {
		if got := g.Index(k); !reflect.DeepEqual(got, w) {
			t.Errorf("Index(%d) = %v, want %v", k, got, w)
		}
	}
	c, _ := ParseAxis(`catalog."SM-3 IIA".burnout_speed_kms=0:9999:1`, s, sys)
	d, _ := ParseAxis(`owners[US].doctrine.salvo=1,2`, s, sys)
	if _, err := NewGrid([]*Axis{c, d}); err == nil || !strings.Contains(err.Error(), "more than 10000 points") {
		t.Errorf("a 20,000-point grid: %v, want refused", err)
	}
	if _, err := NewGrid([]*Axis{a, a}); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("one path twice: %v, want refused", err)
	}
}

func TestPointSeed(t *testing.T) {
	seen := map[int64]bool{}
	for k := range 1000 {
		s := PointSeed(1, k)
		if s < 0 || s > scenario.MaxSeed || seen[s] {
			t.Fatalf("PointSeed(1, %d) = %d: out of range or repeated", k, s)
		}
		seen[s] = true
		if PointSeed(1, k) != s {
			t.Fatal("PointSeed is not a function of (seed, point)")
		}
	}
	if PointSeed(1, 0) == PointSeed(2, 0) {
		t.Error("PointSeed ignores the seed")
	}
}

// smallGrid is a 2-point grid of europe at fast fidelity.
func smallGrid(t *testing.T) (*scenario.Scenario, *Grid) {
	s, sys := europe(t)
	a, err := ParseAxis(`owners[US].doctrine.salvo=1,3`, s, sys)
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGrid([]*Axis{a})
	if err != nil {
		t.Fatal(err)
	}
	return s, g
}

// testTrials keeps the engine tests short.
const testTrials = 20

func TestPointRerunAndWorkers(t *testing.T) {
	s, g := smallGrid(t)
	o := Options{Seed: 7, Trials: testTrials, Workers: 1, Fidelity: "fast"}
	all, err := g.Run(s, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].InterceptorsMean >= all[1].InterceptorsMean {
		t.Fatalf("rows %+v: want 2, salvo 3 firing more than salvo 1", all)
	}
	one, err := g.Run(s, []int{1}, o)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one[0], all[1]) {
		t.Errorf("--point 1 alone:\n%+v\nwant the sweep's\n%+v", one[0], all[1])
	}
	o.Workers = 2
	two, err := g.Run(s, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	j1, _ := NewDocument(s, g, o, all, nil).JSON()
	j2, _ := NewDocument(s, g, o, two, nil).JSON()
	if string(j1) != string(j2) {
		t.Errorf("the JSON differs between 1 and 2 workers")
	}
}

func TestCatalogOverrideMoves(t *testing.T) {
	// A kill probability of 0 lets every engaged warhead through; of 1
	// kills every one intercepted: leakers must fall.
	s, sys := europe(t)
	a, err := ParseAxis(`catalog."SM-3 IB".pk=0,1`, s, sys)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := ParseAxis(`catalog."SM-3 IIA".pk=0,1`, s, sys)
	g, _ := NewGrid([]*Axis{a, b})
	rows, err := g.Run(s, []int{0, 3}, Options{Seed: 1, Trials: testTrials, Workers: 2, Fidelity: "fast"})
	if err != nil {
		t.Fatal(err)
	}
	if !(rows[1].LeakersMean < rows[0].LeakersMean) {
		t.Errorf("leakers at pk 1 (%g) not below pk 0 (%g)", rows[1].LeakersMean, rows[0].LeakersMean)
	}
}

func TestSensitivityOrder(t *testing.T) {
	s, sys := europe(t)
	all, fixed := Params(sys)
	if len(all) == 0 || fixed == 0 {
		t.Fatalf("Params: %d banded, %d fixed", len(all), fixed)
	}
	var pick []Param
	for _, p := range all {
		if p.Name() == "SM-3 IB.pk" || p.Name() == "AN/SPY-1D(V).loss_db" {
			pick = append(pick, p)
		}
	}
	if len(pick) != 2 {
		t.Fatalf("params %v", pick)
	}
	res, err := RunSensitivity(s, pick, Options{Seed: 1, Trials: 40, Workers: 2, Fidelity: "fast"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(res.Rows); i++ {
		if res.Rows[i].Swing > res.Rows[i-1].Swing {
			t.Errorf("rows not sorted by swing: %v", res.Rows)
		}
	}
	if res.Rows[0].Entry != "SM-3 IB" || res.Rows[0].Swing <= 0 {
		t.Errorf("largest swing %s.%s %g, want SM-3 IB.pk moving leakers", res.Rows[0].Entry, res.Rows[0].Key, res.Rows[0].Swing)
	}
	if res.Rows[0].Source == "" {
		t.Error("the row names no source")
	}
	var b strings.Builder
	if err := WriteSensitivityText(&b, res); err != nil || !strings.Contains(b.String(), "1. SM-3 IB.pk") {
		t.Errorf("text %q, %v", b.String(), err)
	}
}
