package study

import (
	"slices"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// Picks are the points of the catalog bands a run uses: one for the
// threats (ballistic and cruise missiles, aircraft, launch sites), one for
// the defense (interceptors, radars). rampart run --pick sets both;
// --pick-threat and --pick-defense set one each.
type Picks struct {
	Threat, Defense catalog.Pick
	// DefenseSystems are catalog entries of a threat's kind that the
	// defense flies (an air-policing fighter): they take Defense.
	DefenseSystems []string
}

// For returns the pick of entry e: Defense for interceptors, radars and
// DefenseSystems, Threat for the rest.
func (p Picks) For(e catalog.Entry) catalog.Pick {
	if IsDefenseKind(e.Kind) || slices.Contains(p.DefenseSystems, e.Name) {
		return p.Defense
	}
	return p.Threat
}

// IsDefenseKind reports whether entries of kind k belong to the defense
// (interceptors and radars) and so take the defense pick.
func IsDefenseKind(k catalog.Kind) bool {
	return k == catalog.KindInterceptor || k == catalog.KindRadar
}

// checkPicks refuses a pick flag that study st of s would not use, and
// differing threat and defense picks for a study that takes one pick for
// both (unless its analysis section gives its own).
func checkPicks(s *scenario.Scenario, st Study, o Options) error {
	name := EngineKind
	if _, engine := st.(*Engine); !engine && s.Analysis != nil {
		name = s.Analysis.Kind
	}
	k, ok := studyKind(name, s)
	if !ok {
		return nil
	}
	g, sp := o.PicksGiven, o.Sim
	what := "the " + name + " analysis"
	if name == EngineKind {
		what = "an engine run"
	}
	if own := ownPick(st); own != "" && (g.Both || g.Threat || g.Defense) {
		return badInput("%s: %s sets its own catalog pick (pick: %s in its analysis section), so the pick flags have no effect; leave them out or remove that field", s.File, what, own)
	}
	switch k.Picks {
	case PicksNone:
		if g.Both || g.Threat || g.Defense {
			return badInput("%s: %s takes no catalog values, so --pick, --pick-threat and --pick-defense have no effect; leave them out", s.File, what)
		}
	case PicksThreat:
		if g.Defense {
			return badInput("%s: %s takes only threats (missiles) from the catalog, so --pick-defense has no effect; use --pick-threat or --pick", s.File, what)
		}
	case PicksDefense:
		if g.Threat {
			return badInput("%s: %s takes only the defense (interceptors, radars, fighters) from the catalog, so --pick-threat has no effect; use --pick-defense or --pick", s.File, what)
		}
	case PicksOne:
		if sp.ThreatPick != sp.DefensePick {
			return badInput("%s: %s takes one catalog pick for threats and defense alike, and --pick-threat %s differs from --pick-defense %s; give --pick, or the analysis section's pick field", s.File, what, sp.ThreatPick, sp.DefensePick)
		}
	}
	return nil
}

// ownPick is the catalog pick that study st's analysis section gives
// itself, which the flags cannot change, or "".
func ownPick(st Study) string {
	switch a := st.(type) {
	case *Battlespace:
		return a.Pick
	case *Radar:
		return a.Sightings.Pick
	case *Rotation:
		return a.Pick
	case *AirPolicing:
		return a.Fighter.Pick
	}
	return ""
}
