package scenario

// Scenario is one parsed scenario file. Field values are in the units of the
// file (degrees, kilometres, seconds), and each such field names its unit; the
// engine converts to SI units and radians when it builds a world.
//
// A Scenario returned by Parse, Check or Load remembers the file position of
// every field it read, so later stages can report problems against the file
// with Problemf.
type Scenario struct {
	// File is the name the scenario was read from, as given to Parse. It is
	// not part of the format.
	File string `yaml:"-"`
	// SHA256 is the SHA-256 of the file's bytes as read, in lowercase
	// hexadecimal (as sha256sum prints it). It is not part of the format.
	SHA256 string `yaml:"-"`
	// Library is the name of the embedded scenario the file is ("europe"),
	// or "" for a file read from disk. It is not part of the format.
	Library string `yaml:"-"`

	Name        string   `yaml:"name"`        // short identifier: lowercase letters, digits and '-'
	Question    string   `yaml:"question"`    // the question the scenario answers
	Summary     string   `yaml:"summary"`     // what it models, in a paragraph
	Assumptions []string `yaml:"assumptions"` // every assumption a reader should know about

	Run          Run           `yaml:"run"`
	Owners       []Owner       `yaml:"owners"`
	Sites        []Site        `yaml:"sites"`
	SpaceSensors []SpaceSensor `yaml:"space_sensors"`
	Links        []Link        `yaml:"links"`
	Threats      []Threat      `yaml:"threats"`
	Assets       []Asset       `yaml:"assets"`
	// Analysis, when set, is the analysis rampart run computes; nil for a
	// scenario that runs the engine only.
	Analysis *Analysis `yaml:"analysis"`

	// pos maps a field path ("threats[2].profile") to where its value
	// starts in the file. Nil for scenarios built in Go.
	pos map[string]Pos
	// bad holds the paths whose values could not be decoded; validation
	// stays silent about them so one mistake is reported once.
	bad map[string]bool
}

// Run holds the settings of a run: the random seed, the number of Monte Carlo
// trials, the simulated duration and the command architecture.
type Run struct {
	Seed         int64        `yaml:"seed"`         // seed of the random streams; trial i uses a stream derived from (Seed, i)
	Trials       int          `yaml:"trials"`       // number of Monte Carlo trials
	DurationS    float64      `yaml:"duration_s"`   // simulated time from the scenario epoch, seconds
	Architecture Architecture `yaml:"architecture"` // how the owners' defenses work together
	// Fidelity is the engine's model of sensing and tracking: "full" (the
	// default when empty) or "fast" (covariance-only tracks, for sweeps).
	// Only an engine run (no analysis section) has one.
	Fidelity Fidelity `yaml:"fidelity"`
}

// Fidelity is how closely the engine models sensing and tracking.
type Fidelity string

// Fidelities.
const (
	FullFidelity Fidelity = "full"
	FastFidelity Fidelity = "fast"
)

// Fidelities lists the allowed fidelities.
var Fidelities = []Fidelity{FullFidelity, FastFidelity}

// Architecture is how the defenses of several owners work together.
type Architecture string

// Architectures.
const (
	// Integrated is one defense: every sensor and launcher under one command.
	Integrated Architecture = "integrated"
	// Sectoral is a joint defense in which each owner defends its own sector.
	Sectoral Architecture = "sectoral"
	// SeparateLinked is separate systems "in contact": owners share tracks,
	// and each decides on its own whether to fire.
	SeparateLinked Architecture = "separate-linked"
)

// Architectures lists the allowed architectures in the order the format
// reference gives them.
var Architectures = []Architecture{Integrated, Sectoral, SeparateLinked}

// Owner is a party that owns sites or defended assets, with its own firing
// doctrine and, for the sectoral architecture, its own sector.
type Owner struct {
	Name     string   `yaml:"name"`
	Doctrine Doctrine `yaml:"doctrine"`
	// Sector is the polygon (three or more points, in order, not closed) in
	// which the owner engages threats under the sectoral architecture: a
	// threat is its responsibility when the threat's predicted impact point
	// lies inside. Empty: the owner's sector is every point nearer to one of
	// its interceptor sites than to any other owner's.
	Sector []Point `yaml:"sector"`
}

// Doctrine is an owner's firing doctrine. Zero fields take the defaults of
// DefaultDoctrine, which Load applies.
type Doctrine struct {
	// Salvo is the number of interceptors fired at one threat in one look;
	// fewer when rounds are short and the assignment spreads them.
	Salvo int `yaml:"salvo"`
	// SalvoCruise and SalvoAircraft are the salvos fired at one cruise
	// missile and at one aircraft; 0 (unset): Salvo. Ballistic missiles
	// get Salvo.
	SalvoCruise   int `yaml:"salvo_cruise"`
	SalvoAircraft int `yaml:"salvo_aircraft"`
	// ShootLookShoot, when true, re-engages a threat that survived a salvo
	// if the launch window still allows a shot after the kill assessment.
	// When false each threat gets one salvo.
	ShootLookShoot bool `yaml:"shoot_look_shoot"`
	// KillAssessmentS is the time from an intercept until its outcome is
	// known, s.
	KillAssessmentS float64 `yaml:"kill_assessment_s"`
	// Reserve is the number of rounds each launcher holds back for threats
	// to assets worth at least ReserveMinValue.
	Reserve         int     `yaml:"reserve"`
	ReserveMinValue float64 `yaml:"reserve_min_value"`
}

// DefaultDoctrine is the doctrine of an owner that gives none: two-shot
// salvos, shoot-look-shoot, 10 s kill assessment, no reserve.
func DefaultDoctrine() Doctrine {
	return Doctrine{Salvo: DefaultSalvo, ShootLookShoot: true, KillAssessmentS: DefaultKillAssessmentS}
}

// Doctrine defaults: assumptions, stated in the format reference.
const (
	DefaultSalvo           = 2    // two-shot salvo, the usual BMD planning figure
	DefaultKillAssessmentS = 10.0 // s, assumption
	DefaultAssetRadiusKm   = 5.0  // km, a warhead landing nearer destroys the asset
)

// Point is a place on the Earth: either the name of a catalog site (Place),
// or explicit geodetic coordinates. When Place is set, LatDeg and LonDeg are
// unused and zero.
type Point struct {
	Place  string  `yaml:"place"`   // catalog site name; when empty, LatDeg and LonDeg apply
	LatDeg float64 `yaml:"lat_deg"` // geodetic latitude, degrees north, WGS-84
	LonDeg float64 `yaml:"lon_deg"` // longitude, degrees east, WGS-84
	AltM   float64 `yaml:"alt_m"`   // height above the WGS-84 ellipsoid, metres
}

// Site is a place where an owner deploys platforms.
type Site struct {
	Name  string `yaml:"name"`
	Owner string `yaml:"owner"` // name of one of Scenario.Owners
	Point        // where the site is
	// AntennaHeightM, if given, is the height of every radar antenna of
	// the site above the site's point, m, instead of each radar's catalog
	// antenna_height_m: a mast, a tower, or an airborne radar's station
	// altitude (the orbit is a fixed station).
	AntennaHeightM *float64   `yaml:"antenna_height_m"`
	Platforms      []Platform `yaml:"platforms"`
}

// SpaceSensor is a space-based infrared launch-detection system (DSP,
// SBIRS, or Russia's EKS/Tundra) owned by one owner. It reports a boosting
// missile's launch point and time DelayS after the plume climbs above
// MinAltKm, with a launch-point error of SigmaKm (1σ per axis). Zero fields
// take the documented defaults (launchdetect.Default).
type SpaceSensor struct {
	Name     string  `yaml:"name"`
	Owner    string  `yaml:"owner"`      // name of one of Scenario.Owners
	DelayS   float64 `yaml:"delay_s"`    // report latency after first sight, s
	MinAltKm float64 `yaml:"min_alt_km"` // plume visible above this altitude, km
	SigmaKm  float64 `yaml:"sigma_km"`   // launch-point error, 1σ, km
}

// Link is a data link that shares tracks and launch warnings between owners,
// each message arriving LatencyS after it is sent, each track reported once
// every PeriodS.
type Link struct {
	Owners   []string `yaml:"owners"`    // two or more names of Scenario.Owners
	LatencyS float64  `yaml:"latency_s"` // one-way latency, s
	PeriodS  float64  `yaml:"period_s"`  // s between two reports of one track; 0: DefaultLinkPeriodS
}

// Track reporting periods of links, s.
const (
	// DefaultLinkPeriodS is one report of each track per Link 16 frame:
	// the frame is 12 s (1,536 time slots of 7.8125 ms; SISO-STD-002,
	// Link 16 simulation standard, 2005). That a track is reported once a
	// frame is rampart's assumption; units may report some tracks faster.
	DefaultLinkPeriodS = 12.0
	// MinLinkPeriodS is the engine's tick: links send once a tick at most.
	MinLinkPeriodS = 1.0
	// MaxLinkPeriodS bounds the period: a track reported less often is
	// dropped by its receiver between reports in any case.
	MaxLinkPeriodS = 600.0
)

// Platform is a set of parts (sensors, launchers) that sit together and
// work as one unit, such as an Aegis Ashore deck house and its launchers.
type Platform struct {
	Name  string `yaml:"name"` // unique across the scenario
	Parts []Part `yaml:"parts"`
}

// PartKind says what a platform part is.
type PartKind string

// Part kinds.
const (
	Radar    PartKind = "radar"
	Launcher PartKind = "launcher"
)

// PartKinds lists the allowed part kinds.
var PartKinds = []PartKind{Radar, Launcher}

// Part is one component of a platform. Which fields apply depends on Kind.
type Part struct {
	Kind PartKind `yaml:"kind"`

	// Radar parts.
	Type       string   `yaml:"type"`        // catalog radar name
	AzimuthDeg *float64 `yaml:"azimuth_deg"` // boresight azimuth, degrees clockwise from true north; nil for the catalog default

	// Launcher parts.
	Interceptor string `yaml:"interceptor"` // catalog interceptor name
	Rounds      int    `yaml:"rounds"`      // interceptors loaded
}

// Profile is the shape of a ballistic trajectory.
type Profile string

// Trajectory profiles.
const (
	// MinEnergy is the trajectory that reaches the target with the least
	// burnout speed.
	MinEnergy Profile = "min-energy"
	// Lofted flies higher and steeper than min-energy, with a shorter range
	// for the same burnout speed.
	Lofted Profile = "lofted"
	// Depressed flies lower and flatter than min-energy.
	Depressed Profile = "depressed"
	// QuasiBallistic is the low, flat trajectory of Iskander-class
	// missiles: an apogee of about 50 km (the catalog's apogee_km, or
	// apogee_km given here), or min-energy where that is lower.
	QuasiBallistic Profile = "quasi-ballistic"
)

// Profiles lists the allowed trajectory profiles.
var Profiles = []Profile{MinEnergy, Lofted, Depressed, QuasiBallistic}

// Threat is a missile or an aircraft, or a raid of Count identical ones
// launched IntervalS apart, flying from one point to another.
type Threat struct {
	Name string `yaml:"name"`

	// Exactly one of Missile, Aircraft and BurnoutSpeedKms is set.
	Missile         string  `yaml:"missile"`           // catalog ballistic or cruise missile
	Aircraft        string  `yaml:"aircraft"`          // catalog aircraft
	BurnoutSpeedKms float64 `yaml:"burnout_speed_kms"` // generic ballistic missile: speed at burnout, km/s
	BurnoutAltKm    float64 `yaml:"burnout_alt_km"`    // generic ballistic missile: burnout altitude above the launch point, km; 0: at the surface

	From Point `yaml:"from"`
	To   Point `yaml:"to"`

	// Cruise missiles and aircraft only. Route lists the turning points
	// flown between From and To (geodesic legs at constant speed, the
	// catalog cruise_speed_kms); AltitudeM is the altitude flown, metres
	// above the WGS-84 ellipsoid: a cruise missile's default is its catalog
	// cruise_altitude_m, an aircraft needs one. There is no terrain model:
	// a terrain-following profile is a set low altitude over the ellipsoid.
	// Route points take no alt_m (the route is flown at AltitudeM).
	Route     []Point `yaml:"route"`
	AltitudeM float64 `yaml:"altitude_m"`

	// Ballistic missiles only. Lofted and depressed profiles need exactly
	// one of ApogeeKm and BurnoutAngleDeg; min-energy takes neither.
	Profile         Profile `yaml:"profile"`
	ApogeeKm        float64 `yaml:"apogee_km"`         // apogee height above the ellipsoid, km; 0 when unset
	BurnoutAngleDeg float64 `yaml:"burnout_angle_deg"` // flight-path angle at burnout above the local horizontal, degrees; 0 when unset

	LaunchTimeS float64 `yaml:"launch_time_s"` // first launch, seconds after the scenario epoch
	Count       int     `yaml:"count"`         // missiles in the raid
	IntervalS   float64 `yaml:"interval_s"`    // time between successive launches, seconds
}

// Asset is something the defense protects.
type Asset struct {
	Name  string  `yaml:"name"`
	Point         // where the asset is
	Value float64 `yaml:"value"` // relative worth, > 0; results weigh surviving assets by it
	Owner string  `yaml:"owner"` // optional; name of one of Scenario.Owners
	// RadiusKm is the asset's vulnerable radius: a warhead landing within it
	// destroys the asset, and threat evaluation counts the asset as targeted
	// when a predicted impact point lies within it. Default
	// DefaultAssetRadiusKm.
	RadiusKm float64 `yaml:"radius_km"`
}

// Pos returns where the value at path (for example "threats[2].profile")
// starts in the file. For a path the file does not contain it returns the
// position of the nearest enclosing element, and the zero Pos for a scenario
// built in Go.
func (s *Scenario) Pos(path string) Pos {
	for {
		if p, ok := s.pos[path]; ok {
			return p
		}
		if path == "" {
			return Pos{}
		}
		if i := lastSep(path); i >= 0 {
			path = path[:i]
		} else {
			path = ""
		}
	}
}

// Problemf returns a Problem about the field at path, placed at its position
// in the file. Later stages (the world builder, the engine) use it to report
// input problems the way the parser does.
func (s *Scenario) Problemf(path, format string, args ...any) Problem {
	p := s.Pos(path)
	return Problem{File: s.File, Line: p.Line, Col: p.Col, Path: path, Msg: sprintf(format, args...)}
}

// has reports whether the file set the field at path. For scenarios built in
// Go, which carry no positions, it returns fallback.
func (s *Scenario) has(path string, fallback bool) bool {
	if s.pos == nil {
		return fallback
	}
	_, ok := s.pos[path]
	return ok
}
