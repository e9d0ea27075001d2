package sim

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/intercept"
	"github.com/rampart-sim/rampart/internal/track"
	"gonum.org/v1/gonum/spatial/r3"
)

// Air-breathing threats (cruise missiles and aircraft) in the battle.
//
// A command knows each fire-control track's class (ballistic, cruise
// missile, aircraft): identification is assumed perfect, taken from the
// flight the track follows. An air-breathing track is predicted at
// constant velocity on the local level (its estimated velocity less the
// vertical component, a straight line), and threatens the asset whose
// position the line passes nearest within airCrossTrackM (plus the asset's
// radius) and airHorizonS: a cruise missile on its last leg, an aircraft
// heading for its release point. Each launcher with an air envelope
// (intercept.AirEnvelope) solves the intercept of that line in closed form
// for a launch now; a shot is possible when the intercept lies inside the
// envelope and before the track reaches the asset.
//
// The end game against an air target is drawn per shot as the ballistic
// one is, with intercept.AirHomingReach for the homing reach: the divert
// over the seeker's homing time, not capped at burnout (the missile is
// steered aerodynamically in its boost too), and no limit for the
// blast-fragmentation missiles without divert figures. The planned Pk is
// intercept.AirEffectivePk with the track covariance propagated at
// constant velocity with airPlannerQ.
const (
	// airPlannerQ is the acceleration spectral density with which the
	// command propagates an air track's covariance to the intercept for
	// its planned kill probability, m²/s³: an assumption for a vehicle
	// holding its course between turns (1 m/s² over 1 s per axis).
	airPlannerQ = 1.0
	// airCrossTrackM is the cross-track distance within which a predicted
	// air-breathing path threatens an asset, m: an assumption, wide enough
	// for a route's last turn near the target.
	airCrossTrackM = 20e3
	// airHorizonS bounds the straight-line prediction of an air track, s:
	// 15 minutes is 225 km at a cruise missile's 0.25 km/s.
	airHorizonS = 900.0
	// airScanS is the step at which a command looks for a later launch
	// of an air track that it cannot engage now, s; airScanN caps the steps.
	airScanS = 5.0
	airScanN = int(airHorizonS / airScanS)
	// airSameObjectM replaces sameObjectM for air tracks, m: cruise
	// missiles launched 30 s apart fly 7.5 km apart, and a fire-control
	// track of one is good to far better than 2 km.
	airSameObjectM = 2e3
)

// airRoute reports whether th is flown as an air-breathing route (an
// aircraft, or a cruise missile with a route or a set altitude); a cruise
// missile with neither is flown by flight.FlyCatalog on the great circle.
func airRoute(th Threat) bool {
	switch th.Missile.Kind {
	case catalog.KindAircraft:
		return true
	case catalog.KindCruiseMissile:
		return len(th.Route) > 0 || th.Alt != 0
	}
	return false
}

// flyAir flies an air-breathing threat along Launch, Route..., Aim at its
// catalog speed and the altitude set (else the catalog cruise altitude).
// An aircraft's path ends at Aim as a cruise missile's does: it leaves the
// battle there, and counts as a leaker if it was not killed. A route longer
// than the catalog range (aircraftRange for an aircraft) is out of reach.
func flyAir(f *Flight, th Threat, o Options) error {
	wps := append(append([]geo.LLA{f.Launch}, th.Route...), f.Aim)
	e := o.Earth.Ellipsoid
	var p *flight.Path
	switch th.Missile.Kind {
	case catalog.KindCruiseMissile:
		cm, err := flight.CruiseMissileFromCatalog(th.Missile, o.ThreatPick)
		if err != nil {
			return problemError{err.Error()}
		}
		if th.Alt != 0 {
			cm.Alt = th.Alt
		}
		p, err = flight.NewCruise(e, cm, wps, f.LaunchTime)
		if err != nil {
			return err // a route beyond the missile's range is a *flight.RangeError
		}
		f.ReachableRangeMax = cm.Range
	case catalog.KindAircraft:
		speed := th.Missile.At("cruise_speed_kms", o.ThreatPick) * 1e3
		if !(speed > 0) {
			return problemError{fmt.Sprintf("catalog aircraft %s lacks cruise_speed_kms", th.Missile.Name)}
		}
		if !(th.Alt > 0) {
			return problemError{fmt.Sprintf("aircraft %s needs an altitude (the catalog gives none)", th.Missile.Name)}
		}
		var err error
		p, err = flight.NewFlight(e, flight.Aircraft{Name: th.Missile.Name, Speed: speed, Alt: th.Alt}, wps, nil, f.LaunchTime)
		if err != nil {
			return problemError{err.Error()}
		}
		p.Impact = true // leaves the battle at the route's end
		if r := aircraftRange(th.Missile, o.ThreatPick); r > 0 {
			if p.Length > r {
				return &flight.RangeError{Range: p.Length, MaxRange: r} // out of reach, as a cruise missile's route
			}
			f.ReachableRangeMax = r
		}
	}
	f.Cruise = p
	f.FlightTime = p.End() - p.Start
	f.GroundRange = p.Length
	f.Apogee = p.Alt
	f.CruiseSpeed = p.Speed
	f.Impact = p.At(p.End()).LLA
	f.Miss, _, _ = e.Inverse(f.Impact.Lat, f.Impact.Lon, f.Aim.Lat, f.Aim.Lon)
	return nil
}

// aircraftRange returns the longest one-way route of aircraft e, m: its
// catalog ferry_range_km, else range_km, else 0 (no figure: not checked).
// A one-way route is the model's; the return flight is not.
func aircraftRange(e catalog.Entry, p catalog.Pick) float64 {
	for _, k := range []string{"ferry_range_km", "range_km"} {
		if v, ok := e.Param(k); ok {
			return v.At(p) * 1e3
		}
	}
	return 0
}

// airBreathing reports whether flights of kind k are engaged as air
// breathers.
func airBreathing(k catalog.Kind) bool {
	return k == catalog.KindCruiseMissile || k == catalog.KindAircraft
}

// classSalvo returns the doctrine's salvo at a threat of kind k, or 0 for
// the doctrine's default salvo.
func classSalvo(d c2.Doctrine, k catalog.Kind) int {
	switch k {
	case catalog.KindCruiseMissile:
		return d.SalvoCruise
	case catalog.KindAircraft:
		return d.SalvoAircraft
	}
	return 0
}

// levelState returns an air track's estimate with the vertical component
// of its velocity removed (level flight).
func levelState(est *track.Estimate) (pos, vel r3.Vec) {
	pos = estPos(est)
	vel = r3.Vec{X: est.X[3], Y: est.X[4], Z: est.X[5]}
	up := geo.WGS84.NewENU(geo.WGS84.ToGeodetic(pos)).U
	vel = r3.Sub(vel, r3.Scale(r3.Dot(vel, up), up))
	return pos, vel
}

// airTarget is the asset an air track heads for.
type airTarget struct {
	asset  int
	value  float64
	arrive float64 // time of closest approach, s
}

// headsFor returns the asset that the straight line pos + vel·(t − t0)
// passes nearest within airCrossTrackM plus the asset's radius, over
// airHorizonS; ok false if none.
func (w *World) headsFor(pos, vel r3.Vec, t0 float64) (airTarget, bool) {
	best, bestD := airTarget{asset: -1}, math.Inf(1)
	v2 := r3.Dot(vel, vel)
	for a := range w.Assets {
		as := &w.Assets[a]
		A := geo.WGS84.ToECEF(as.Pos)
		s := 0.0
		if v2 > 0 {
			s = math.Min(math.Max(r3.Dot(r3.Sub(A, pos), vel)/v2, 0), airHorizonS)
		}
		d := r3.Norm(r3.Sub(r3.Add(pos, r3.Scale(s, vel)), A))
		if d <= airCrossTrackM+as.Radius && d < bestD {
			best, bestD = airTarget{asset: a, value: as.Value, arrive: t0 + s}, d
		}
	}
	return best, best.asset >= 0
}

// airFlight returns the flight that track tk follows when it is an air
// breather, −1 for ballistic tracks and tracks of nothing. A command asks
// once per track and evaluation (decide): the answer is the truth
// index's gate, not free.
func (b *battle) airFlight(tk *track.Track, truth *truthIndex) int {
	if !b.w.hasAir || truth == nil {
		return -1
	}
	i := truth.of(tk)
	if i < 0 || !airBreathing(b.w.Flights[i].Kind) {
		return -1
	}
	return i
}

// sameObjectWithin returns the distance within which a second
// fire-control track is taken for an object already engaged:
// sameObjectM, or airSameObjectM for an air track.
func sameObjectWithin(air bool) float64 {
	if air {
		return airSameObjectM
	}
	return sameObjectM
}

// evaluateAir judges one air-breathing fire-control track, following
// flight i: the asset it heads for, the sector, and each launcher's
// intercept for a launch now. It adds the engagements possible now to
// b.cands, and otherwise schedules the next evaluation at the first later
// launch that any launcher could make.
func (b *battle) evaluateAir(T float64, c *Command, local []c2.Magazine, tk *track.Track, e *engagement, i int) {
	w := b.w
	kind := w.Flights[i].Kind
	e.nextEval = T + ReevaluateS
	est := &tk.Estimate
	pos, vel := levelState(est)
	tgt, ok := w.headsFor(pos, vel, est.T)
	if !ok {
		return
	}
	inSector := w.covers(c, w.Assets[tgt.asset].Pos)
	threat := len(b.paths)
	added := false
	for k, l := range c.Launchers {
		lu := &w.Launchers[l]
		air := lu.Interceptor.Air
		if air == nil || local[k].Available(tgt.value, c.Doctrine) <= 0 {
			continue
		}
		feasible := func(launch float64) (intercept.Intercept, bool) {
			x, sf := air.AirPIP(lu.Pos, pos, vel, est.T, launch)
			return x, sf == intercept.AirFeasible && x.T <= tgt.arrive
		}
		x, ok := feasible(T)
		if !ok {
			for j := 1; j <= airScanN; j++ {
				tl := T + float64(j)*airScanS
				if tl > tgt.arrive || tl >= e.nextEval {
					break
				}
				if _, ok := feasible(tl); ok {
					e.nextEval = tl
					break
				}
			}
			continue
		}
		if !inSector {
			b.barred[i] = true
			continue
		}
		pk := lu.Interceptor.AirEffectivePk(x, *est, track.ConstantVelocity{Q: airPlannerQ})
		b.cands = append(b.cands, c2.Candidate{K: threat, L: k, Value: tgt.value, P: pk, Salvo: classSalvo(c.Doctrine, kind)})
		b.geoms = append(b.geoms, x)
		added = true
	}
	if added {
		b.paths = append(b.paths, candTrack{tk: tk, e: e, air: true})
	}
}

// airPropagate predicts an air track's state x at t0 to t: constant level
// velocity.
func airPropagate(x track.Vec6, t0, t float64) track.Vec6 {
	est := track.Estimate{X: x, T: t0}
	pos, vel := levelState(&est)
	p := r3.Add(pos, r3.Scale(t-t0, vel))
	return track.Vec6{p.X, p.Y, p.Z, vel.X, vel.Y, vel.Z}
}
