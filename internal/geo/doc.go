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
// References:
//   - NIMA TR8350.2, Department of Defense World Geodetic System 1984, 3rd ed. (2000).
//   - C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 43–55 (2013),
//     doi:10.1007/s00190-012-0578-z.
//   - H. Vermeille, "Direct transformation from geocentric coordinates to
//     geodetic coordinates", J. Geodesy 76, 451–454 (2002).
package geo
