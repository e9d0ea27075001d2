// Package rampart is the root of the rampart air and missile defense
// simulator. It holds no code, only a test of the module's structure (the
// packages' dependencies run one way, see deps_test.go).
//
// The importable Go API is the leaf packages at the module root:
//
//   - geo: the WGS-84 ellipsoid, geodetic/ECEF/ENU/ECI frames and geodesics.
//   - atmos: the U.S. Standard Atmosphere, 1976.
//   - assign: the rectangular linear assignment problem.
//   - wta: the static weapon-target assignment problem.
//   - flight: ballistic and cruise missiles, aircraft and their integrators.
//   - radar: the range equation, Swerling detection, the 4/3-Earth horizon,
//     field of regard and measurement noise.
//   - catalog: the embedded, sourced data on sites, missiles, interceptors,
//     radars and aircraft.
//
// The simulation engine, the analyses and the scenario format are under
// internal/ and are not importable; the command is cmd/rampart. The program
// examples/flyandsee shows the public packages together (go run
// ./examples/flyandsee).
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package rampart
