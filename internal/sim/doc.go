// Package sim builds a world from a Spec and runs it.
//
// A Spec is the scenario in model terms (positions resolved, catalog entries
// looked up, SI units); package study builds it from a scenario file, and the
// engine never reads the file format. A run first flies every threat of the
// Spec with flight.FlyCatalog: each ballistic missile is aimed with
// flight.Solve from its catalog stages, each cruise missile flies a
// great-circle route at its catalog speed and altitude, and a generic threat
// starts at burnout with the given speed. Raids are expanded into one missile
// per launch, named "NAME#k".
//
// Sensing (World.Sense) then runs in ticks of Tick seconds from the first
// launch to the last impact. Each radar looks at each flight on its own
// schedule: every search frame until it detects the flight or its owner is
// cued (by a space-based launch warning, directly or over a link), then at
// its track-update interval, up to its track capacity. A radar's antenna
// stands its catalog antenna_height_m above its site, or the site's
// AntennaHeight (an airborne radar: its station altitude, the orbit not
// modelled); the look is radar.Look's (4/3-Earth line of sight from that
// height, elevation limits from the horizon's dip, surface-clutter loss).
// An owner's tracker
// takes all its radars' detections of a tick as one scan; linked owners
// exchange firm tracks with the link's latency and fuse them by covariance
// intersection. Tracks are matched to the truth by a χ² gate on the
// position error, to report when each flight was first detected, first
// held in a firm track and first held at fire-control quality, and by whom.
//
// The whole loop (World.Engage) runs the same ticks with battle management
// (package c2) after each picture's scan: every command of the Spec's
// architecture (see Command) evaluates its fire-control tracks (a track's
// ballistic prediction gives the impact point; two predictions steadyS
// apart must agree within steadyM, which stands for waiting for burnout;
// the assets within reach of the impact give the threat's value; a sector
// may bar it), finds each launcher's battle space with intercept.Window,
// and plans one salvo per threat (c2.Plan) for the launches possible now.
// Each interceptor's planned kill probability is intercept.EffectivePk
// with the track covariance propagated with plannerQ. In flight the kill
// vehicle follows the picture's latest track of its target; at handover
// (t_go = seeker range / closing speed before intercept) the shot is drawn
// against the truth: it kills if the true threat lies within the kill
// vehicle's homing reach of the handed-over prediction, across the line of
// sight, and a uniform draw falls below Pk_ssp. The command learns the
// outcome kill_assessment_s after the intercept and, under
// shoot-look-shoot, re-engages a survivor while its window lasts. A
// destroyed threat vanishes from the radars at its intercept time.
//
// Cruise missiles with a route or a set altitude, and aircraft, fly
// flight.Path routes (air.go). Their fire-control tracks are evaluated as
// air breathers instead (the class taken from the followed flight: perfect
// identification): a straight-line level prediction, the asset it heads
// for, and each launcher's closed-form air intercept
// (intercept.AirEnvelope); the shot kills if the truth lies within
// intercept.AirHomingReach of the handed-over prediction (no limit for
// missiles without divert figures) and a draw falls below the air Pk. The doctrine's salvo may differ per class
// (c2.Doctrine.SalvoCruise, SalvoAircraft); the magazines and the one
// assignment (c2.Plan) are shared across classes.
//
// With Options.Fidelity = FastFidelity, Engage runs the fast model of
// fast.go instead of the sensing and tracking above: tabulated look
// geometry, covariance-only tracks whose error is drawn from the error's
// covariance, the battle management above woken only at the ticks where
// it has something to do. Its headline statistics are checked against
// full fidelity by TestFastAgreesWithFull.
//
// MonteCarlo runs trials in parallel (Trials), trial i on TrialRand(seed,
// i), and sums them in trial order, so the summary is the same for any
// number of workers. Survival and leak probabilities carry Wilson score
// intervals. With Options.NoSharing every owner has its own picture, no
// links and only its own space warning: CompareSharing pairs the two runs
// trial by trial to measure the value of shared early warning.
//
// Catalog values are taken at one point of their low–central–high band,
// the threats' at Options.ThreatPick and the defense's at
// Options.DefensePick (both central by default). Problems that come from the input
// (a trajectory profile no flight can take, a catalog entry that lacks what
// its model needs) are reported as *Errors naming the Spec element, which
// the caller that built the Spec maps back to the file position.
package sim
