// Package scene is the neutral geometry of a run, as written to a report
// directory (scene.json) and read by the exporters (CZML, KML, GeoJSON) and
// the HTML report: sites, flown tracks, coverage areas and intercept events.
//
// Conventions: geodetic latitude and longitude in degrees on WGS-84
// (longitude in (−180, 180]), heights in metres above the ellipsoid, times
// in seconds after the scenario epoch, which is given as an RFC 3339 UTC
// instant (Scene.Epoch). Areas are closed rings: the first point is repeated
// at the end. A Scene holds no styling; clients colour by Kind and Owner.
//
// Ring edges and track legs run the short way round in longitude (LonStep),
// so a ring or track may cross the antimeridian. A ring that winds once
// around a pole (PoleWinding ±1, e.g. the range ring of an ICBM) encloses
// the pole on its left: the North Pole if it runs eastward, the South Pole
// if westward. Other rings enclose the bounded side, whatever their
// orientation.
//
// The file: Write produces it and Read takes it back, exactly (numbers in
// shortest round-trip form). Read is strict (unknown, repeated or missing
// fields are errors) and both check Validate's rules: version, epoch, known
// kinds, coordinates in range, at least two samples a track in strictly
// increasing time, closed rings of at least four points. Every error is an
// *Error naming the file, the field path and, for reading, line:col:
//
//	scene.json: tracks[3].points[7].t_s: not increasing (12.5 after 12.5)
//	scene.json:14:22: sites[0].lat_deg: want a number, got a string
package scene
