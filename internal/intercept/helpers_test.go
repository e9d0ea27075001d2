package intercept

import (
	"math"
	"sync"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"gonum.org/v1/gonum/spatial/r3"
)

// testInterceptors are the catalog interceptors the brief names.
var testInterceptors = []string{"SM-3 IB", "SM-3 IIA", "SM-3 IIB", "GBI", "PAC-3 MSE", "48N6DM", "40N6", "9M82MD"}

func place(t testing.TB, name string) geo.LLA {
	t.Helper()
	e, err := catalog.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return geo.LLADeg(e.Lat.Central, e.Lon.Central, 0)
}

func interceptor(t testing.TB, name string, p catalog.Pick) *Interceptor {
	t.Helper()
	e, err := catalog.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	ic, err := FromCatalog(e, p)
	if err != nil {
		t.Fatal(err)
	}
	return ic
}

func envelope(t testing.TB, ic *Interceptor) *Envelope {
	t.Helper()
	env, err := ic.Envelope()
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// shot is a minimum-energy burnout-state threat flown once per test binary.
type shot struct {
	from, to, site string  // catalog places; site is the defended launch site
	launch         float64 // s
	offset         float64 // site moved this far toward the launch point, m
}

// siteLLA returns the defended launch site.
func (s shot) siteLLA(t testing.TB) geo.LLA {
	p := place(t, s.site)
	if s.offset == 0 {
		return p
	}
	from := place(t, s.from)
	_, az, _ := geo.WGS84.Inverse(p.Lat, p.Lon, from.Lat, from.Lon)
	lat, lon, _ := geo.WGS84.Direct(p.Lat, p.Lon, az, s.offset)
	return geo.LLA{Lat: lat, Lon: lon}
}

var (
	shotMu    sync.Mutex
	shotCache = map[shot]*flight.Trajectory{}
)

// Test threats: an MRBM from Tabriz at Bucharest (Deveselu defends), an
// SRBM from Kaliningrad at Vilnius (a Patriot 15 km west), an ICBM from
// Kozelsk at Washington (a notional GBI site at Washington).
var (
	mrbm = shot{"Tabriz", "Bucharest", "Deveselu", 100, 0}
	srbm = shot{"Kaliningrad", "Vilnius", "Vilnius", 50, 15e3}
	icbm = shot{"Kozelsk", "Washington DC", "Washington DC", 0, 0}
)

func (s shot) fly(t testing.TB) *flight.Trajectory {
	t.Helper()
	shotMu.Lock()
	defer shotMu.Unlock()
	if tr, ok := shotCache[s]; ok {
		return tr
	}
	tr, err := flight.Solve(flight.WGS84Earth(), flight.Shot{Launch: place(t, s.from), Aim: place(t, s.to), LaunchTime: s.launch})
	if err != nil {
		t.Fatal(err)
	}
	shotCache[s] = tr
	return tr
}

// path samples the threat every 2 s.
func (s shot) path(t testing.TB) (*Path, *flight.Trajectory) {
	tr := s.fly(t)
	return Sample(truth(tr), tr.LaunchTime, tr.ImpactTime, 2), tr
}

func truth(tr *flight.Trajectory) Threat {
	return func(t float64) (r3.Vec, r3.Vec) {
		s := tr.At(t)
		return s.Pos, s.Vel
	}
}

// direct computes the minimum time of flight to (g, h) independently of
// the envelope: a fine fan of flyouts, each crossing of range g bracketed
// in altitude and refined by bisection on the kick angle.
type direct struct {
	ic    *Interceptor
	kicks []float64
	fos   []*Flyout
}

const directFan = 180

func newDirect(t testing.TB, ic *Interceptor) *direct {
	d := &direct{ic: ic}
	for k := range directFan {
		kick := maxKick * float64(k) / float64(directFan-1)
		fo, err := ic.Fly(kick)
		if err != nil {
			continue
		}
		d.kicks = append(d.kicks, kick)
		d.fos = append(d.fos, fo)
	}
	if len(d.fos) < 10 {
		t.Fatalf("%s: only %d direct flyouts", ic.Name, len(d.fos))
	}
	return d
}

// time returns the minimum flyout time to ground range g, altitude h.
func (d *direct) time(g, h float64) (float64, bool) {
	best := math.Inf(1)
	cross := func(k int) (Point, bool) { return d.fos[k].CrossRange(g) }
	for k := 1; k+1 < len(d.fos); k++ {
		a, okA := cross(k)
		b, okB := cross(k + 1)
		if !okA || !okB || (a.Alt-h)*(b.Alt-h) > 0 {
			continue
		}
		lo, hi := d.kicks[k], d.kicks[k+1]
		flo := a.Alt - h
		var p Point
		for range 30 {
			mid := (lo + hi) / 2
			fo, err := d.ic.Fly(mid)
			if err != nil {
				break
			}
			q, ok := fo.CrossRange(g)
			if !ok {
				break
			}
			p = q
			if (q.Alt-h)*flo > 0 {
				lo, flo = mid, q.Alt-h
			} else {
				hi = mid
			}
		}
		if p.T > 0 {
			best = math.Min(best, p.T)
		}
	}
	return best, !math.IsInf(best, 1)
}
