package scene

// Version is the scene.json format version written by this package.
// Version 2 replaced each intercept's "kill" by its "outcome", so that a
// battle-space or air-policing intercept is not called a kill.
const Version = 2

// FileName is the scene's file name in a report directory.
const FileName = "scene.json"

// DefaultEpoch is the epoch used when a scenario gives none: scenario times
// are relative, and clients that need calendar time (CZML, KML) start here.
const DefaultEpoch = "2026-01-01T00:00:00Z"

// Scene is the geometry of one run.
type Scene struct {
	Version  int    `json:"version"`
	Name     string `json:"name"`     // scenario name
	Question string `json:"question"` // the question the scenario answers
	Epoch    string `json:"epoch"`    // RFC 3339 UTC instant of t = 0

	// The run's provenance (package provenance): the rampart version that
	// wrote the scene, the SHA-256 of the scenario file as read, and the
	// seed. Exports carry them. A scene.json written before they existed
	// reads with them empty.
	RampartVersion string `json:"rampart_version"`
	ScenarioSHA256 string `json:"scenario_sha256"`
	Seed           int64  `json:"seed"`

	Sites      []Site      `json:"sites"`
	Tracks     []Track     `json:"tracks"`
	Areas      []Area      `json:"areas"`
	Intercepts []Intercept `json:"intercepts"`
}

// Site kinds.
const (
	SiteLaunch  = "launch"  // missile launch area
	SiteDefense = "defense" // radar or interceptor site
	SiteAsset   = "asset"   // defended asset
	SiteAim     = "aim"     // aim point that is not an asset
	SiteAirbase = "airbase" // quick-reaction alert base
	SitePlace   = "place"   // any other named place
)

// Site is a named point.
type Site struct {
	Name   string  `json:"name"`
	Kind   string  `json:"kind"` // one of the Site* constants
	Owner  string  `json:"owner,omitempty"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
	AltM   float64 `json:"alt_m"`
	Note   string  `json:"note,omitempty"` // e.g. "SPY-1D(V), 24 × SM-3 IB"
}

// Track kinds.
const (
	TrackBallistic   = "ballistic"
	TrackCruise      = "cruise"
	TrackInterceptor = "interceptor"
	TrackAircraft    = "aircraft"
)

// Track is a flown path, sampled in time.
type Track struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"` // one of the Track* constants
	Owner  string   `json:"owner,omitempty"`
	Points []Sample `json:"points"` // increasing T
}

// Sample is one point of a track.
type Sample struct {
	T      float64 `json:"t_s"`
	LatDeg float64 `json:"lat_deg"`
	LonDeg float64 `json:"lon_deg"`
	AltM   float64 `json:"alt_m"`
}

// Area kinds.
const (
	AreaRadar       = "radar-coverage" // radar footprint at AltM
	AreaRangeRing   = "range-ring"     // a missile's reach from a site
	AreaBattleSpace = "battle-space"   // where intercepts can occur
	AreaSector      = "sector"         // an owner's defended sector
)

// Area is a region on the ground (or at height AltM).
type Area struct {
	Name  string  `json:"name"`
	Kind  string  `json:"kind"` // one of the Area* constants
	Owner string  `json:"owner,omitempty"`
	AltM  float64 `json:"alt_m"`
	// Ring is the closed boundary, [lat_deg, lon_deg] pairs, first point
	// repeated last. It may cross the antimeridian; exporters that need to
	// split it do so.
	Ring [][2]float64 `json:"ring"`
	Note string       `json:"note,omitempty"`
	// System is the catalog system the area belongs to (a range ring's
	// missile), for colouring one system alike in every figure; Claim
	// names the disputed claim a ring draws ("Russian claim"), styled
	// apart from the catalog band.
	System string `json:"system,omitempty"`
	Claim  string `json:"claim,omitempty"`
}

// Intercept outcomes: what an intercept of a scene is. Only the engine
// models a kill.
const (
	OutcomeKill = "kill" // engine: the intercept destroyed the threat
	OutcomeMiss = "miss" // engine: it did not
	// OutcomeEngageable is a battle-space intercept: kinematically
	// feasible; no kill is modelled.
	OutcomeEngageable = "engageable"
	// OutcomeFirstInterception and OutcomeInterception are air-policing
	// interceptions: a fighter joins an unarmed aircraft in peacetime to
	// identify it, nothing is shot; the first is the quickest base's.
	OutcomeFirstInterception = "first-interception"
	OutcomeInterception      = "interception"
)

// Outcomes are the known intercept outcomes, in documented order.
var Outcomes = []string{OutcomeKill, OutcomeMiss, OutcomeEngageable, OutcomeFirstInterception, OutcomeInterception}

// Intercept is one interceptor (or fighter) meeting one threat (or
// aircraft).
type Intercept struct {
	Threat      string  `json:"threat"`
	Interceptor string  `json:"interceptor"` // interceptor type
	Site        string  `json:"site"`        // launching site
	Owner       string  `json:"owner,omitempty"`
	T           float64 `json:"t_s"`
	LatDeg      float64 `json:"lat_deg"`
	LonDeg      float64 `json:"lon_deg"`
	AltM        float64 `json:"alt_m"`
	Outcome     string  `json:"outcome"` // one of Outcomes
}

// Filled reports whether the intercept is drawn with the filled marker: a
// kill, an engageable intercept or the quickest interception.
func (x Intercept) Filled() bool {
	return x.Outcome == OutcomeKill || x.Outcome == OutcomeEngageable || x.Outcome == OutcomeFirstInterception
}

// OutcomeLabel is an outcome in a reader's words, for legends and tables.
func OutcomeLabel(outcome string) string {
	switch outcome {
	case OutcomeEngageable:
		return "engageable (no kill modelled)"
	case OutcomeFirstInterception:
		return "interception, quickest base (identification; nothing is shot)"
	case OutcomeInterception:
		return "interception (identification; nothing is shot)"
	}
	return outcome
}

// normalize makes absent lists empty, so that a scene reads, writes and
// reads again to the same value.
func (s *Scene) normalize() {
	if s.Sites == nil {
		s.Sites = []Site{}
	}
	if s.Tracks == nil {
		s.Tracks = []Track{}
	}
	if s.Areas == nil {
		s.Areas = []Area{}
	}
	if s.Intercepts == nil {
		s.Intercepts = []Intercept{}
	}
	for i := range s.Tracks {
		if s.Tracks[i].Points == nil {
			s.Tracks[i].Points = []Sample{}
		}
	}
	for i := range s.Areas {
		if s.Areas[i].Ring == nil {
			s.Areas[i].Ring = [][2]float64{}
		}
	}
}
