package server

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/sim"
	"github.com/rampart-sim/rampart/internal/study"
)

// Engagement is one defended site and interceptor against one flight.
type Engagement struct {
	Site        string `json:"site"`
	Interceptor string `json:"interceptor"`
	Cueing      string `json:"cueing"`
	Engageable  bool   `json:"engageable"`
	// RequiredBurnoutSpeedKms is the interceptor burnout speed that would
	// engage it, null when none within the sweep would.
	RequiredBurnoutSpeedKms *float64 `json:"required_burnout_speed_kms"`
	CatalogBurnoutSpeedKms  float64  `json:"catalog_burnout_speed_kms"`
}

// engageSites are the defended sites and radars the battle space of a
// flight is found for, with engageInterceptors: the two Aegis Ashore
// sites of the European Phased Adaptive Approach.
var (
	engageSites        = []string{"Redzikowo", "Deveselu"}
	engageInterceptors = []string{"SM-3 IB", "SM-3 IIA"}
)

// engageCueingNote says what the engagement answer assumes.
const engageCueingNote = "from a battlespace analysis of this one trajectory against the Aegis Ashore sites at Redzikowo and Deveselu, " +
	"cued by space-based launch warning and each site's own AN/SPY-1D(V) radar only (no forward radar such as an AN/TPY-2, no sensor chain), as the redzikowo-icbm scenario; " +
	"a site is engageable when its interceptor can reach the trajectory after that cue"

// engagements runs the battlespace analysis (as the redzikowo-icbm
// scenario does, cued by space warning and the site's own radar) for the
// flight of in, when it was asked for and can be: a catalog ballistic
// missile between two catalog places, on a profile the analysis flies.
func engagements(in FlyRequest, f sim.Flight, from, to geo.LLA, launch, aim string, pick catalog.Pick) ([]Engagement, string) {
	out := []Engagement{}
	switch {
	case !in.BattleSpace:
		return out, ""
	case f.Ballistic == nil || in.Missile == "":
		return out, "battle space is found for catalog ballistic missiles only"
	case in.Profile != string(scenario.MinEnergy) && in.Profile != string(scenario.Lofted) && in.Profile != string(scenario.Depressed):
		return out, "battle space is found for the min-energy, lofted and depressed profiles only"
	}
	// A catalog place is named; a clicked or typed point is given by its
	// coordinates (launch_at, aim_at).
	where := func(field, atField, name string, p geo.LLA) string {
		if name != "" {
			return fmt.Sprintf("%s: %s", field, quoteYAML(name))
		}
		return fmt.Sprintf("%s: {lat_deg: %s, lon_deg: %s}", atField, strconv.FormatFloat(p.LatDeg(), 'g', -1, 64), strconv.FormatFloat(p.LonDeg(), 'g', -1, 64))
	}
	y := fmt.Sprintf("name: fly-battlespace\nquestion: %s\nrun: {seed: 1}\nanalysis:\n  kind: battlespace\n  pick: %s\n  families:\n    - {missile: %s, %s, %s, profiles: [%s]}\n  sites:\n",
		quoteYAML("Which sites could engage it?"), pick, quoteYAML(in.Missile), where("launch_site", "launch_at", launch, from), where("aim", "aim_at", aim, to), quoteYAML(in.Profile))
	for _, s := range engageSites {
		y += fmt.Sprintf("    - {at: {place: %s}, radar: \"AN/SPY-1D(V)\"}\n", quoteYAML(s))
	}
	y += "  interceptors: ["
	for i, n := range engageInterceptors {
		if i > 0 {
			y += ", "
		}
		y += quoteYAML(n)
	}
	y += "]\n  cueings:\n    - {kind: own-radar, space_warning: true}\n"
	sc, err := scenario.Check("fly-battlespace.yaml", []byte(y), scenario.DefaultCatalog())
	if err != nil {
		return out, "battle space: " + err.Error()
	}
	st, err := study.Decode(sc)
	if err != nil {
		return out, "battle space: " + err.Error()
	}
	res, err := study.Run(sc, st, study.Options{Seed: 1, Trials: 1, Workers: 1})
	if err != nil {
		return out, "battle space: " + err.Error()
	}
	defer res.Close()
	var doc struct {
		Reach []struct {
			Interceptor             string   `json:"interceptor"`
			Site                    string   `json:"site"`
			Cueing                  string   `json:"cueing"`
			Engageable              int      `json:"engageable"`
			RequiredBurnoutSpeedKms *float64 `json:"required_burnout_speed_kms"`
			CatalogBurnoutSpeedKms  float64  `json:"catalog_burnout_speed_kms"`
		} `json:"reach"`
	}
	if err := json.Unmarshal(res.Document, &doc); err != nil {
		return out, "battle space: " + err.Error()
	}
	for _, e := range doc.Reach {
		out = append(out, Engagement{Site: e.Site, Interceptor: e.Interceptor, Cueing: e.Cueing, Engageable: e.Engageable > 0,
			RequiredBurnoutSpeedKms: e.RequiredBurnoutSpeedKms, CatalogBurnoutSpeedKms: e.CatalogBurnoutSpeedKms})
	}
	return out, engageCueingNote
}
