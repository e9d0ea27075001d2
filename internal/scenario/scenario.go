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
	File string

	Name        string   // short identifier: lowercase letters, digits and '-'
	Question    string   // the question the scenario answers
	Summary     string   // what it models, in a paragraph
	Assumptions []string // every assumption a reader should know about

	Run          Run
	Owners       []Owner
	Sites        []Site
	SpaceSensors []SpaceSensor
	Links        []Link
	Threats      []Threat
	Assets       []Asset
	// Analysis, when set, is the analysis rampart run computes; nil for a
	// scenario that runs the engine only.
	Analysis *Analysis

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
	Seed         int64        // seed of the random streams; trial i uses a stream derived from (Seed, i)
	Trials       int          // number of Monte Carlo trials
	DurationS    float64      // simulated time from the scenario epoch, seconds
	Architecture Architecture // how the owners' defenses work together
}

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
	Name     string
	Doctrine Doctrine
	// Sector is the polygon (three or more points, in order, not closed) in
	// which the owner engages threats under the sectoral architecture: a
	// threat is its responsibility when the threat's predicted impact point
	// lies inside. Empty: the owner's sector is every point nearer to one of
	// its interceptor sites than to any other owner's.
	Sector []Point
}

// Doctrine is an owner's firing doctrine. Zero fields take the defaults of
// DefaultDoctrine, which Load applies.
type Doctrine struct {
	// Salvo is the number of interceptors fired at one threat in one look;
	// fewer when rounds are short and the assignment spreads them.
	Salvo int
	// ShootLookShoot, when true, re-engages a threat that survived a salvo
	// if the launch window still allows a shot after the kill assessment.
	// When false each threat gets one salvo.
	ShootLookShoot bool
	// KillAssessmentS is the time from an intercept until its outcome is
	// known, s.
	KillAssessmentS float64
	// Reserve is the number of rounds each launcher holds back for threats
	// to assets worth at least ReserveMinValue.
	Reserve         int
	ReserveMinValue float64
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
	Place  string  // catalog site name; when empty, LatDeg and LonDeg apply
	LatDeg float64 // geodetic latitude, degrees north, WGS-84
	LonDeg float64 // longitude, degrees east, WGS-84
	AltM   float64 // height above the WGS-84 ellipsoid, metres
}

// Site is a place where an owner deploys platforms.
type Site struct {
	Name      string
	Owner     string // name of one of Scenario.Owners
	Point            // where the site is
	Platforms []Platform
}

// SpaceSensor is a space-based infrared launch-detection system (DSP,
// SBIRS, or Russia's EKS/Tundra) owned by one owner. It reports a boosting
// missile's launch point and time DelayS after the plume climbs above
// MinAltKm, with a launch-point error of SigmaKm (1σ per axis). Zero fields
// take the documented defaults (launchdetect.Default).
type SpaceSensor struct {
	Name     string
	Owner    string  // name of one of Scenario.Owners
	DelayS   float64 // report latency after first sight, s
	MinAltKm float64 // plume visible above this altitude, km
	SigmaKm  float64 // launch-point error, 1σ, km
}

// Link is a data link that shares tracks and launch warnings between owners,
// each message arriving LatencyS after it is sent.
type Link struct {
	Owners   []string // two or more names of Scenario.Owners
	LatencyS float64  // one-way latency, s
}

// Platform is a set of parts (sensors, launchers) that sit together and
// work as one unit, such as an Aegis Ashore deck house and its launchers.
type Platform struct {
	Name  string // unique across the scenario
	Parts []Part
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
	Kind PartKind

	// Radar parts.
	Type       string   // catalog radar name
	AzimuthDeg *float64 // boresight azimuth, degrees clockwise from true north; nil for the catalog default

	// Launcher parts.
	Interceptor string // catalog interceptor name
	Rounds      int    // interceptors loaded
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
)

// Profiles lists the allowed trajectory profiles.
var Profiles = []Profile{MinEnergy, Lofted, Depressed}

// Threat is a missile, or a raid of Count identical missiles launched
// IntervalS apart, flying from one point to another.
type Threat struct {
	Name string

	// Exactly one of Missile and BurnoutSpeedKms is set.
	Missile         string  // catalog ballistic or cruise missile
	BurnoutSpeedKms float64 // generic ballistic missile: speed at burnout, km/s

	From, To Point

	// Ballistic missiles only. Lofted and depressed profiles need exactly
	// one of ApogeeKm and BurnoutAngleDeg; min-energy takes neither.
	Profile         Profile
	ApogeeKm        float64 // apogee height above the ellipsoid, km; 0 when unset
	BurnoutAngleDeg float64 // flight-path angle at burnout above the local horizontal, degrees; 0 when unset

	LaunchTimeS float64 // first launch, seconds after the scenario epoch
	Count       int     // missiles in the raid
	IntervalS   float64 // time between successive launches, seconds
}

// Asset is something the defense protects.
type Asset struct {
	Name  string
	Point         // where the asset is
	Value float64 // relative worth, > 0; results weigh surviving assets by it
	Owner string  // optional; name of one of Scenario.Owners
	// RadiusKm is the asset's vulnerable radius: a warhead landing within it
	// destroys the asset, and threat evaluation counts the asset as targeted
	// when a predicted impact point lies within it. Default
	// DefaultAssetRadiusKm.
	RadiusKm float64
}

// Pos is a position in a scenario file. Line and Col count from 1; a zero
// Line means the position is unknown.
type Pos struct {
	Line, Col int
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

// lastSep returns the index of the last '.' or '[' in path, or -1.
func lastSep(path string) int {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' || path[i] == '[' {
			return i
		}
	}
	return -1
}
