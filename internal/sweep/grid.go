package sweep

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// Grid is the product of its axes; point 0 takes every axis's first
// value, and the last axis varies fastest.
type Grid struct{ Axes []*Axis }

// NewGrid returns the grid of axes, refusing one of more than MaxPoints
// points or two axes on one path.
func NewGrid(axes []*Axis) (*Grid, error) {
	n := 1
	seen := map[string]bool{}
	for _, a := range axes {
		key := a.Target.Path
		if a.Target.IsCatalog() {
			key = "catalog." + a.Target.Entry + "." + a.Target.Key
		}
		if seen[key] {
			return nil, badInput("--vary %s is given twice", a.Target.Path)
		}
		seen[key] = true
		n *= len(a.Values)
		if n > MaxPoints {
			return nil, badInput("the grid has more than %d points (the product of the --vary axes); use fewer values or axes", MaxPoints)
		}
	}
	return &Grid{Axes: axes}, nil
}

// Len is the number of points.
func (g *Grid) Len() int {
	n := 1
	for _, a := range g.Axes {
		n *= len(a.Values)
	}
	return n
}

// Index returns point k's value index on each axis.
func (g *Grid) Index(k int) []int {
	idx := make([]int, len(g.Axes))
	for i := len(g.Axes) - 1; i >= 0; i-- {
		n := len(g.Axes[i].Values)
		idx[i] = k % n
		k /= n
	}
	return idx
}

// PointSeed is the seed of point k of a sweep run with seed: a SplitMix64
// mix of the two, kept within scenario.MaxSeed so that it round-trips in
// JSON. It depends on nothing else, so point k reruns alone.
func PointSeed(seed int64, k int) int64 {
	z := uint64(seed) + 0x9e3779b97f4a7c15*uint64(k+1)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return int64(z & scenario.MaxSeed)
}

// Setting is one axis's value at a point.
type Setting struct {
	Path  string  `json:"path"`
	Value string  `json:"value"`
	Num   float64 `json:"value_num"`
}

// AssetRow is one asset's survival at a point.
type AssetRow struct {
	Name     string     `json:"name"`
	Status   string     `json:"status"`
	PSurvive float64    `json:"p_survive"`
	CI95     [2]float64 `json:"p_survive_ci95"`
}

// Row is one point's headline statistics: the plain record the table,
// the JSON, the report and a columnar writer read.
type Row struct {
	Point            int        `json:"point"`
	Seed             int64      `json:"seed"`
	Fidelity         string     `json:"fidelity"`
	Trials           int        `json:"trials"`
	Settings         []Setting  `json:"settings"`
	Assets           []AssetRow `json:"assets"`
	LeakersMean      float64    `json:"leakers_mean"`
	LeakersCI95      [2]float64 `json:"leakers_ci95"`
	InterceptorsMean float64    `json:"interceptors_mean"`
	InterceptorsCI95 [2]float64 `json:"interceptors_ci95"`
	LeakerUnit       string     `json:"leaker_unit"`
	// Refused is why the engine refused the point's inputs (for example
	// a burnout speed that the interceptor's stage masses contradict);
	// the statistics are then zero and not drawn.
	Refused string `json:"refused,omitempty"`
}

// Options are a sweep's run settings.
type Options struct {
	Context  context.Context
	Seed     int64
	Trials   int
	Workers  int
	Fidelity string // "full" or "fast"
	// Progress, if not nil, is told after each point.
	Progress func(done, total int)
}

// Apply returns a fresh copy of the scenario base with point k's scenario
// values set, and the catalog overrides of its catalog values.
func (g *Grid) Apply(base *scenario.Scenario, k int) (*scenario.Scenario, catalog.Overrides, []Setting, error) {
	s, err := reload(base)
	if err != nil {
		return nil, nil, nil, err
	}
	ov := catalog.Overrides{}
	var settings []Setting
	for i, j := range g.Index(k) {
		a := g.Axes[i]
		v := a.Values[j]
		settings = append(settings, Setting{Path: a.Target.Path, Value: v.Text, Num: v.Num})
		if a.Target.IsCatalog() {
			ov.Set(a.Target.Entry, a.Target.Key, v.Num)
			continue
		}
		if err := a.Target.set(s, v); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := scenario.Validate(s, scenario.DefaultCatalog()); err != nil {
		return nil, nil, nil, badInput("point %d (%s): the scenario refuses it:\n%v", k, describe(settings), err)
	}
	return s, ov, settings, nil
}

func describe(ss []Setting) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s.Path + "=" + s.Value
	}
	return out
}

// RunPoint runs point k of the grid.
func (g *Grid) RunPoint(base *scenario.Scenario, k int, o Options) (Row, error) {
	s, ov, settings, err := g.Apply(base, k)
	if err != nil {
		return Row{}, err
	}
	seed := PointSeed(o.Seed, k)
	r, err := runRow(s, ov, seed, o)
	if err != nil {
		return Row{}, fmt.Errorf("point %d (%s): %w", k, describe(settings), err)
	}
	r.Point, r.Settings = k, settings
	return r, nil
}

// runRow runs one engine Monte Carlo of s through ov; a refusal of its
// inputs by the engine (a *scenario.Errors) becomes a refused row.
func runRow(s *scenario.Scenario, ov catalog.Overrides, seed int64, o Options) (Row, error) {
	p, err := study.RunPoint(s, study.Options{Context: o.Context, Sim: sim.DefaultOptions(), Seed: seed,
		Trials: o.Trials, Workers: o.Workers, Fidelity: o.Fidelity}, ov)
	var se *scenario.Errors
	if errors.As(err, &se) && len(ov) > 0 {
		msgs := make([]string, 0, len(se.Problems))
		for _, pr := range se.Problems {
			msgs = append(msgs, pr.Msg)
		}
		return Row{Seed: seed, Fidelity: o.Fidelity, Trials: o.Trials, Refused: strings.Join(slices.Compact(msgs), "; ")}, nil
	}
	if err != nil {
		return Row{}, err
	}
	return rowOf(p), nil
}

// rowOf is the row of a point's statistics.
func rowOf(p *study.Point) Row {
	r := Row{Seed: p.Seed, Fidelity: p.Fidelity.String(), Trials: p.Trials,
		LeakersMean: p.LeakersMean, LeakersCI95: p.LeakersCI95,
		InterceptorsMean: p.InterceptorsMean, InterceptorsCI95: p.InterceptorsCI95, LeakerUnit: p.LeakerUnit}
	for _, a := range p.Assets {
		r.Assets = append(r.Assets, AssetRow{Name: a.Name, Status: string(a.Status), PSurvive: a.PSurvive, CI95: a.CI95})
	}
	return r
}

// Run runs the points of the grid (all of them, or only those listed),
// in order.
func (g *Grid) Run(base *scenario.Scenario, points []int, o Options) ([]Row, error) {
	if points == nil {
		points = make([]int, g.Len())
		for k := range points {
			points[k] = k
		}
	}
	rows := make([]Row, 0, len(points))
	for i, k := range points {
		if o.Context != nil {
			if err := o.Context.Err(); err != nil {
				return nil, err
			}
		}
		r, err := g.RunPoint(base, k, o)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
		if o.Progress != nil {
			o.Progress(i+1, len(points))
		}
	}
	return rows, nil
}
