// Package scene is the neutral geometry of a run, as written to a report
// directory (scene.json) and read by the exporters (CZML, KML, GeoJSON) and
// the HTML report: sites, flown tracks, coverage areas and intercept events.
//
// Conventions: geodetic latitude and longitude in degrees on WGS-84
// (longitude in (−180, 180]), heights in metres above the ellipsoid, times
// in seconds after the scenario epoch, which is given as an RFC 3339 UTC
// instant (Scene.Epoch). Areas are closed rings: the first point is repeated
// at the end. A Scene holds no styling; clients colour by Kind and Owner.
package scene
