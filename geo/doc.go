// Package geo holds the Earth model: the WGS-84 ellipsoid, the geodetic, ECEF,
// local ENU and Earth-centred inertial (ECI) frames, Earth rotation, and
// geodesics on the ellipsoid.
//
// Conventions: SI units and radians everywhere. Latitudes are geodetic.
// ECEF is the WGS-84 Earth-centred, Earth-fixed frame (x through 0° lat, 0° lon;
// z through the north pole). ECI here is the simple inertial frame that
// coincides with ECEF at simulation time t = 0 and is related to it by a
// rotation of ΩE·t about z (no precession, nutation or polar motion): it is the
// frame in which the equations of motion of a point mass are written.
// ENU is the local east-north-up frame tangent to the ellipsoid at an origin.
//
// Geodesics: Ellipsoid.Inverse gives the shortest path between two points
// (length and azimuths), Ellipsoid.Direct the end of a path of given start,
// azimuth and length, and Ellipsoid.Waypoints points along a path. They port
// Karney's algorithm as implemented in GeographicLib: series to sixth order in
// the third flattening, Newton's method on the starting azimuth with an
// astroid start for nearly antipodal points, accurate to about 15 nm on
// WGS-84 and never failing to converge. Azimuths are clockwise from north, in
// [−π, π]. A Geodesic holds the series coefficients of one ellipsoid; WGS84
// and Sphere use prebuilt ones. Inverse and Direct do not allocate.
//
// The tests compare with GeographicLib's GeodSolve and CartConvert through
// fixtures under testdata, written by scripts/geodfixture.sh.
//
// References:
//   - NIMA TR8350.2, Department of Defense World Geodetic System 1984, 3rd ed. (2000).
//   - C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 43–55 (2013),
//     doi:10.1007/s00190-012-0578-z.
//   - C. F. F. Karney, GeographicLib, geodesic routines in C (geodesic.c)
//     and Geocentric::Reverse, MIT licence,
//     https://geographiclib.sourceforge.io and
//     https://github.com/geographiclib/geographiclib-c.
//   - H. Vermeille, "Direct transformation from geocentric coordinates to
//     geodetic coordinates", J. Geodesy 76, 451–454 (2002).
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package geo
