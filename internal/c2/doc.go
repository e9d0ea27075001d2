// Package c2 is battle management: defended assets and their values, threat
// evaluation from predicted impact points, sectors, firing doctrine and
// magazines, and the assignment of launchers to threats at each decision.
//
// # Conventions
//
// SI units and radians; times in seconds from the scenario epoch; positions
// geodetic on WGS-84 (geo.LLA) or ECEF.
//
// # Threat evaluation
//
// A threat's predicted impact point is where its track prediction (a
// sampled path) first comes down through the ellipsoid (PredictImpact). It
// threatens every asset whose centre lies within the asset's radius plus
// EvaluationMarginM of that point; its value is the sum of their values
// (Assets.Threatened). A threat that threatens nothing is not engaged.
//
// # Sectors
//
// Under the sectoral architecture an owner engages a threat only when its
// predicted impact lies in the owner's sector: a polygon (Sector.Contains,
// edges straight in longitude and latitude, which is accurate enough for
// regional sectors that do not straddle a pole), or, where the scenario
// gives none, the set of points nearer to one of the owner's interceptor
// sites than to any other owner's (NearestSite).
//
// # Doctrine and assignment
//
// At each decision an owner's command has candidate engagements (launcher,
// threat, single-shot kill probability p). A salvo of s interceptors from one
// launcher kills with 1 − (1 − p)^s. Doctrine allows one salvo of at most
// Salvo shots per threat per look, so the decision is the static
// weapon-target assignment of the moment (minimise the expected surviving
// value Σ V_k Π (1 − P_salvo)) with one salvo per target. Plan solves it
// exactly by enumeration when the decision is small (the usual case: a few
// threats at once), and otherwise as a linear assignment of threats to
// salvo slots (package assign), which is exact when rounds do not bind.
// Each launcher's last Reserve rounds go only to threats worth at least
// ReserveMinValue. Shoot-look-shoot (re-engaging a survivor after kill
// assessment while its launch window lasts) is run by the engine (package
// sim), which calls Plan again at the later look. The general static
// problem, with several salvos per target, is package wta's.
//
// References:
//   - D. A. Wilkening, "A simple model for calculating ballistic missile
//     defense effectiveness", Science & Global Security 8(2), 183–215 (2000),
//     doi:10.1080/08929880008426475 (salvo and shoot-look-shoot doctrine).
//   - A. S. Manne, "A target-assignment problem", Operations Research 6(3),
//     346–351 (1958) (the static weapon-target assignment).
package c2
