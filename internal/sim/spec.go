package sim

import (
	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/flight"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/internal/c2"
	"github.com/rampart-sim/rampart/internal/launchdetect"
)

// Spec is what the engine builds a World from, in model terms: positions
// resolved, catalog names looked up, SI units and radians. A scenario file
// becomes a Spec through one adapter (package study); the engine never
// reads the file format.
type Spec struct {
	Architecture Architecture
	Owners       []Owner
	Sites        []Site
	SpaceSensors []launchdetect.Sensor // zero fields take launchdetect's defaults
	Links        []Link
	Threats      []Threat
	Assets       c2.Assets
}

// Architecture is how the defenses of several owners work together.
type Architecture int

// Architectures.
const (
	// Integrated is one defense: every sensor and launcher under one
	// command, one picture.
	Integrated Architecture = iota
	// Sectoral is a joint picture in which each owner's command engages
	// only threats predicted to land in its sector.
	Sectoral
	// SeparateLinked is separate systems in contact: each owner has its
	// own picture, shares tracks over the links and decides on its own.
	SeparateLinked
)

var architectureNames = [...]string{"integrated", "sectoral", "separate-linked"}

func (a Architecture) String() string {
	if a < 0 || int(a) >= len(architectureNames) {
		return "unknown"
	}
	return architectureNames[a]
}

// Owner is a party with its own firing doctrine and, under the sectoral
// architecture, its own sector.
type Owner struct {
	Name     string
	Doctrine c2.Doctrine
	// Sector is the polygon in which the owner engages under the sectoral
	// architecture; with fewer than three points the owner's sector is
	// the set of points nearest to one of its interceptor sites.
	Sector c2.Sector
}

// Site is a place where an owner deploys platforms.
type Site struct {
	Name  string
	Owner string
	Pos   geo.LLA
	// AntennaHeight, if not nil, is the height of the site's radar
	// antennas above Pos, m, instead of each radar's catalog
	// antenna_height_m (radar.AntennaHeight).
	AntennaHeight *float64
	Platforms     []Platform
}

// Platform is a set of radars and launchers that work as one unit.
type Platform struct {
	Name      string
	Radars    []Radar
	Launchers []Launcher
}

// Radar is one catalog radar of a platform.
type Radar struct {
	Entry catalog.Entry
	// Boresight is the boresight azimuth, rad clockwise from true north,
	// unless FaceThreats is set: then the radar faces the mean launch point
	// of the threats.
	Boresight   float64
	FaceThreats bool
}

// Launcher is one catalog interceptor launcher of a platform.
type Launcher struct {
	Interceptor catalog.Entry
	Rounds      int
}

// Link is a data link sharing tracks and launch warnings between owners.
type Link struct {
	Owners  []string
	Latency float64 // one-way, s
	// Period is the time between two reports of one track, s; 0 sends
	// every track at every tick. A scenario's default is
	// scenario.DefaultLinkPeriodS.
	Period float64
}

// Threat is a missile or an aircraft, or a raid of Count identical ones
// launched Interval seconds apart, flying from Launch to Aim.
type Threat struct {
	Name string
	// Missile is a catalog ballistic or cruise missile or a catalog
	// aircraft; the zero Entry is a generic ballistic missile that starts
	// at burnout with BurnoutSpeed.
	Missile             catalog.Entry
	Launch, Aim         geo.LLA
	LaunchName, AimName string // catalog places, or ""

	// Air-breathing threats only (cruise missiles and aircraft), flown at
	// constant speed (the catalog cruise_speed_kms) and altitude along the
	// geodesic legs Launch, Route..., Aim (flight.Path).
	Route []geo.LLA
	// Alt is the altitude flown, m above the ellipsoid; 0: the catalog
	// cruise_altitude_m (a cruise missile; an aircraft has none and needs
	// Alt). There is no terrain model: "terrain following" is a set low
	// altitude over the ellipsoid.
	Alt float64

	// Ballistic missiles only (see flight.CatalogShot).
	Profile      flight.Profile
	BurnoutSpeed float64 // m/s, generic missile only
	BurnoutAlt   float64 // m above the ellipsoid, generic missile only; 0: burnout at the surface
	BurnoutAngle float64 // rad; 0: from Profile (or Apogee)
	Apogee       float64 // m; 0: unset

	LaunchTime float64 // first launch, s from the epoch
	Count      int     // missiles in the raid; 0 counts as 1
	Interval   float64 // s between launches
}
