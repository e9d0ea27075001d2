package analysis

import (
	"math"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/intercept"
)

// SpeedBandPoint is the engageable share of the trajectories at one
// interceptor burnout speed.
type SpeedBandPoint struct {
	// Point is "flown" (the catalog interceptor's own flyout) or "catalog
	// low", "catalog central", "catalog high" (its catalog
	// burnout_speed_kms, flown by Interceptor.WithBurnout as in the
	// burnout-speed sweep).
	Point              string  `json:"point"`
	BurnoutSpeedKms    float64 `json:"burnout_speed_kms"`
	Trajectories       int     `json:"trajectories"`
	Engageable         int     `json:"engageable"`
	EngageableFraction float64 `json:"engageable_fraction"`
}

// SpeedBandRow is how the engageable share of one interceptor at one site
// under one cueing moves across the interceptor's catalog burnout-speed
// band.
type SpeedBandRow struct {
	Interceptor    string           `json:"interceptor"`
	Site           string           `json:"site"`
	Cueing         string           `json:"cueing"`
	FireControlCue bool             `json:"fire_control_cue"`
	Points         []SpeedBandPoint `json:"points"`
}

// Speed-band point names.
const (
	BandFlown   = "flown"
	BandLow     = "catalog low"
	BandCentral = "catalog central"
	BandHigh    = "catalog high"
)

// speedBand evaluates every interceptor, site and cueing at the
// interceptor's flown burnout speed (from sum, the sweep's summary in
// interceptor, site, cueing order) and at the low, central and high values
// of its catalog burnout_speed_kms. The interceptor at a catalog speed is
// the row interceptor's WithBurnout copy, with its catalog range and
// altitude limits lifted unless the sweep keeps them.
func (b *bsRun) speedBand(req SweepRequest, pick catalog.Pick, trajs []Trajectory, sites []geo.LLA, labels []string, cues [][][]bsCueState, sum []SweepEntry) []SpeedBandRow {
	var rows []SpeedBandRow
	n := 0
	for ii, ic0 := range b.ics {
		e, _ := catalog.Lookup(req.Interceptors[ii])
		v, _ := e.Param("burnout_speed_kms")
		type point struct {
			name string
			kms  float64
			ic   *intercept.Interceptor
		}
		var pts []point
		for _, p := range []struct {
			name string
			kms  float64
		}{{BandLow, v.Low}, {BandCentral, v.Central}, {BandHigh, v.High}} {
			if !(p.kms > 0) {
				continue
			}
			ic := ic0.WithBurnout(p.kms * 1e3)
			if !b.sweep.KeepLimits {
				ic.MaxRange, ic.MaxAlt = math.Inf(1), math.Inf(1)
			}
			pts = append(pts, point{p.name, p.kms, ic})
		}
		for si := range sites {
			for ci, c := range req.Cueings {
				s := sum[n]
				n++
				row := SpeedBandRow{Interceptor: ic0.Name, Site: labels[si], Cueing: c.Label(), FireControlCue: c.FireControl(),
					Points: []SpeedBandPoint{{Point: BandFlown, BurnoutSpeedKms: s.FlyoutBurnoutSpeedKms, Trajectories: s.Trajectories,
						Engageable: s.Engageable, EngageableFraction: s.EngageableFraction}}}
				for _, p := range pts {
					bp := SpeedBandPoint{Point: p.name, BurnoutSpeedKms: p.kms}
					for k := range trajs {
						en, _, _ := b.evaluate(p.ic, sites[si], &trajs[k], c, cues[si][ci][k])
						bp.Trajectories++
						if en.Engageable {
							bp.Engageable++
						}
					}
					if bp.Trajectories > 0 {
						bp.EngageableFraction = float64(bp.Engageable) / float64(bp.Trajectories)
					}
					row.Points = append(row.Points, bp)
				}
				rows = append(rows, row)
			}
		}
	}
	return rows
}
