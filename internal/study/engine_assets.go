package study

import (
	"slices"

	"github.com/rampart-sim/rampart/internal/sim"
)

// AssetStatus says what a raid did to an asset, so that a headline calls
// "defended" only an asset that something attacked and the defense
// engaged.
type AssetStatus string

const (
	// AssetDefended: a missile in reach was aimed at the asset and the
	// defense fired at least one interceptor at such a missile in some
	// trial. P(survive) then says how often the asset survived.
	AssetDefended AssetStatus = "defended"
	// AssetNotEngaged: a missile in reach was aimed at the asset and the
	// defense fired no interceptor at any of them in any trial.
	AssetNotEngaged AssetStatus = "attacked_not_engaged"
	// AssetNotAttacked: no missile was aimed at the asset (nor lands on it).
	AssetNotAttacked AssetStatus = "not_attacked"
	// AssetOutOfReach: every missile aimed at the asset falls short of it
	// (or cannot fly a trajectory that short).
	AssetOutOfReach AssetStatus = "out_of_reach"
)

// Words is the status in a reader's words, for headlines and tables.
func (s AssetStatus) Words() string {
	switch s {
	case AssetDefended:
		return "defended"
	case AssetNotEngaged:
		return "attacked, not engaged"
	case AssetNotAttacked:
		return "not attacked"
	case AssetOutOfReach:
		return "out of reach"
	}
	return string(s)
}

// AssetFate is one asset's place in a raid: its status, the missiles aimed
// at it and the interceptors the defense fired at those in reach.
type AssetFate struct {
	sim.AssetStat
	Status AssetStatus
	// Attackers counts the missiles aimed at the asset (their aim point, or
	// the impact point of one in reach, within its radius); InReach counts
	// those that can reach their aim point.
	Attackers, InReach int
	// InterceptorsMean is the interceptors fired per trial at the missiles
	// in reach aimed at the asset.
	InterceptorsMean float64
}

// AssetFates classifies each asset of world after the Monte Carlo sum,
// in world.Assets order.
func AssetFates(world *sim.World, sum *sim.Summary) []AssetFate {
	out := make([]AssetFate, len(sum.Assets))
	for a := range out {
		out[a].AssetStat = sum.Assets[a]
	}
	var idx []int
	for i := range world.Flights {
		f := &world.Flights[i]
		idx = world.Assets.Hit(f.Aim, idx[:0])
		inReach := f.OutOfReach == "" && f.Mover() != nil
		if inReach {
			for _, a := range world.Assets.Hit(f.Impact, nil) {
				if !slices.Contains(idx, a) {
					idx = append(idx, a)
				}
			}
		}
		for _, a := range idx {
			out[a].Attackers++
			if inReach {
				out[a].InReach++
				out[a].InterceptorsMean += sum.Threats[i].InterceptorsMean
			}
		}
	}
	for a := range out {
		x := &out[a]
		switch {
		case x.Attackers == 0:
			x.Status = AssetNotAttacked
		case x.InReach == 0:
			x.Status = AssetOutOfReach
		case x.InterceptorsMean == 0:
			x.Status = AssetNotEngaged
		default:
			x.Status = AssetDefended
		}
	}
	return out
}
