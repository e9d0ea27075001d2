// Package track turns radar detections into tracks: Kalman filters (linear,
// extended, unscented), gating and global-nearest-neighbour association,
// M-of-N initiation and deletion, multi-sensor measurement fusion, track
// quality with a fire-control test, and track-to-track fusion across owners
// by covariance intersection over a data link with latency.
//
// The parts follow the Stone Soup vocabulary: a Predictor and an Updater
// (together a Filter: KF, EKF or UKF) with a MotionModel (ConstantVelocity,
// Ballistic) and a measurement model chosen by Detection.Kind; the gate is a
// chi-square hypothesiser (GateThreshold); the data associator is an
// optimal assignment (package assign); the Initiator and Deleter hold the
// track-management rules; a Tracker per owner puts them together.
//
// # Frames and state
//
// The state is x = [x y z vx vy vz] in WGS-84 ECEF, m and m/s (Estimate holds
// it with its covariance P and time T, s from the scenario epoch). A sensor
// is a geo.ENU frame: its ECEF origin and east, north and up unit vectors,
// up along the ellipsoid normal. A RangeAzEl detection measures
//
//	r = |l|,  az = atan2(l_E, l_N) ∈ [0, 2π),  el = atan2(l_U, √(l_E² + l_N²)),
//
// with l the target's ENU offset from the sensor (no refraction), and noise
// covariance R, usually diag(σR², σaz², σel²). Innovations wrap the azimuth
// difference to (−π, π]; the KF and EKF form each angle residual as the
// angle between the measured and predicted directions (residualJacobianTo,
// equal to the difference to rounding), the UKF averages sigma-point azimuths as wrapped
// differences from the central point. A PositionECEF detection measures
// the ECEF position with H = [I 0].
//
// # Motion models
//
// ConstantVelocity: x(t+Δ) = F x(t) + w, F = [I ΔI; 0 I], with the
// discretised continuous white-noise acceleration of spectral density q
// (Bar-Shalom et al. 2001, §6.2.2):
//
//	Q = q [Δ³/3 I  Δ²/2 I; Δ²/2 I  Δ I].
//
// Ballistic: free flight in the rotating ECEF frame,
//
//	r̈ = g(r) − 2ω×ṙ − ω×(ω×r),
//	g = −μ r/|r|³ − (3/2) μ J2 a² [x(1−5z²/r²), y(1−5z²/r²), z(3−5z²/r²)]/r⁵,
//
// integrated by RK4 substeps of at most Ballistic.MaxStep (2 s). The EKF
// covariance uses F = Π (I + A h + A² h²/2) over the substeps, A = ∂ẋ/∂x =
// [0 I; ∂g/∂r + diag(ω², ω², 0)  −2[ω×]] with the analytic J2 gravity
// gradient. Process noise is white acceleration with spectral density q,
// the same Q as above. Drag is not modelled: reentry deceleration must be
// absorbed by q.
//
// Predictions of at most Ballistic.ShortStep (the engine's trackers: 2 s)
// take one constant-acceleration step instead,
//
//	r⁺ = r + v Δ + a Δ²/2,  v⁺ = v + a Δ,  a = r̈(r, v),
//	P⁺ = F P Fᵀ + Q,  F = [I ΔI; 0 I],
//
// which leaves out the jerk in the state (|ȧ| ≤ 3μ/r³·|v| + 2ω|a|, about
// 0.02 m/s³: centimetres over 2 s) and the gravity-gradient, Coriolis and
// centrifugal terms of F (relative size 2·10⁻⁶ and 1.5·10⁻⁴ per second).
// TestShortStepNearFull bounds the state's difference from RK4 by 1 % of
// the spread Q adds over the step, and P's by 1 % of √(P_ii P_jj).
//
// # Filters
//
// KF and EKF update in Joseph form (Bar-Shalom et al. 2001, §5.2):
//
//	S = H P Hᵀ + R,  K = P Hᵀ S⁻¹,  x⁺ = x + K y,
//	P⁺ = (I − K H) P (I − K H)ᵀ + K R Kᵀ.
//
// With EKF.StandardForm (the engine's trackers) the covariance update is
// P⁺ = P − K (P Hᵀ)ᵀ (= P − K S Kᵀ), formed on and above the diagonal and
// mirrored: about a third of the Joseph form's products. Where rounding
// leaves a diagonal entry that is not positive, that update falls back to
// the Joseph form.
//
// The UKF uses the scaled unscented transform with 13 sigma points
// (α = 1, β = 2, κ = 0 by default) and P⁺ = P − K S Kᵀ. All three use
// fixed-size arrays and hand-written 3×3 and 6×6 algebra (cofactor 3×3
// inverse, Cholesky), so Predict and Update do not allocate.
//
// # Association, initiation, deletion
//
// A detection is in a track's gate when its squared Mahalanobis distance
// d² = yᵀ S⁻¹ y is at most the χ²₃ quantile of the gate probability (0.999:
// 16.27). Detections are associated one dwell (one sensor, one look time)
// at a time, in time order: a radar that revisits a target twice between
// scans gives it two detections, and one-to-one assignment over both would
// leave one to start a duplicate track. In each dwell, the tracks ×
// detections matrix of d² is extended with one "no detection" column per
// track at cost equal to the gate, and the minimum-cost assignment (global
// nearest neighbour) is found with assign.Solver, first for the firm tracks
// and then, with the detections left, for the tentative ones: a new track's
// gate is wide, and in one joint assignment it would take a firm track's
// detection and starve it. Detections from several sensors update the same
// track sequentially, sensor by sensor, each in time order (measurement
// fusion). Unused detections
// start tentative tracks (two-point initiation, see Initiator).
//
// Boost thrust (up to about 90 m/s² in the library's missiles), staging and
// reentry drag are not in the ballistic model. With Config.Manoeuvre a firm
// track switches to a filter with more process noise (q = a²T, Bar-Shalom
// et al. 2001, §6.2.2) when the fading-memory average of its NIS says the
// quiescent model no longer fits, and back when a quiescent filter run
// alongside fits again over a full window (noise-level switching, §11.2.2;
// see Manoeuvre). A tentative track becomes firm after M hits in its first N
// scans (default 3 of 5) and is deleted when that is out of reach; a firm
// track is deleted after K consecutive missed scans (default 3) or when its
// RSS position σ exceeds a bound (default 20 km). A deleted track is
// reported for one scan with Status Deleted, then removed.
//
// # Quality and fire control
//
// Quality holds the RSS position σ √tr Pₚₚ, the RSS velocity σ and the
// number of detections used; Quality.PosAxis95 gives the largest semi-axis
// of the 95% position error ellipsoid √(χ²₃(0.95) λmax(Pₚₚ)), formed when
// it is asked for. FireControl is the test the engagement
// layer uses; DefaultFireControl documents its values and their rationale.
// Track.FireControlTime records when a track first met it.
//
// # Fusion across owners
//
// Each owner runs its own Tracker. A Link carries Reports (a firm track's
// estimate at its own time) with a latency and an optional reporting
// period. The receiver's Tracker.Fuse predicts each report to its own time,
// gates it against local tracks with χ²₆ on x_a − x_b and covariance
// P_a + P_b, assigns by global nearest neighbour and fuses by covariance
// intersection, which stays consistent whatever the unknown correlation of
// the two owners' errors (common process noise, shared detections):
//
//	P⁻¹ = ω P_a⁻¹ + (1 − ω) P_b⁻¹,  x = P (ω P_a⁻¹ x_a + (1 − ω) P_b⁻¹ x_b),
//
// with ω minimising tr P or det P. Unmatched reports start firm local
// tracks.
//
// Reports carry their track's Provenance, the owner and local track ID it
// started from. A track started from the receiver's report is not sent back
// to it until the sender's own sensors have updated it; a report that comes
// back to its origin fuses into the origin's track and never starts a new
// one; and a remote track already fused into a local track is fused into it
// again without a new assignment. A track fed only by reports is held for
// the sender's reporting period after each report before scans without
// detections count as misses.
//
// # Tests
//
// NEES and NIS averages over Monte Carlo runs lie inside their two-sided
// chi-square bounds for the KF, EKF (also as the engine configures it:
// short steps, standard form) and UKF with matched noise and outside
// them for a manoeuvring truth with too little process noise; covariances
// stay symmetric positive definite over random predict/update sequences;
// covariance intersection never undercuts the information-filter
// covariance; M-of-N and deletion rules and multi-sensor and cross-owner
// fusion are exercised end to end.
//
// References:
//   - Y. Bar-Shalom, X. R. Li and T. Kirubarajan, Estimation with
//     Applications to Tracking and Navigation, Wiley (2001),
//     doi:10.1002/0471221279 (§5.2 Kalman filter and Joseph form, §5.4
//     consistency tests, §6.2 white-noise acceleration models, §11.2
//     noise-level adjustment for manoeuvring targets).
//   - S. J. Julier and J. K. Uhlmann, "A new extension of the Kalman filter
//     to nonlinear systems", Proc. SPIE 3068 (1997); "Unscented filtering
//     and nonlinear estimation", Proc. IEEE 92(3), 401–422 (2004),
//     doi:10.1109/JPROC.2003.823141.
//   - S. J. Julier and J. K. Uhlmann, "A non-divergent estimation algorithm
//     in the presence of unknown correlations", Proc. American Control
//     Conference (1997), doi:10.1109/ACC.1997.609105 (covariance
//     intersection).
//   - E. A. Wan and R. van der Merwe, "The unscented Kalman filter for
//     nonlinear estimation", Proc. IEEE AS-SPCC (2000) (scaled weights).
//   - R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for
//     dense and sparse linear assignment problems", Computing 38, 325–340
//     (1987); H. W. Kuhn, Naval Research Logistics Quarterly 2, 83–97 (1955).
//   - S. Blackman and R. Popoli, Design and Analysis of Modern Tracking
//     Systems, Artech House (1999) (M-of-N initiation, deletion, GNN, track
//     quality).
//   - D. A. Vallado, Fundamentals of Astrodynamics and Applications, 4th ed.
//     (2013), §8.6.1 (J2 acceleration).
package track
