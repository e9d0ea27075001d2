// Package export writes a run's scene (internal/scene) in the formats that
// map and globe tools read: CZML for CesiumJS, KML for Google Earth and GIS
// tools, and GeoJSON for web maps and GIS tools.
//
// Every writer takes a scene that passes scene.Validate and writes
// deterministic output: the same scene gives the same bytes. Objects are
// written in scene order with ids of the form "site-0", "track-3",
// "area-1", "intercept-7" (the same in every format), so names need not be
// unique. Styling is by kind (style.go): the scene holds none.
//
// CZML (CZML Guide and Packet reference,
// https://github.com/AnalyticalGraphicsInc/czml-writer/wiki/CZML-Guide):
// a JSON array of packets, one a line. The first is the document packet
// (id "document", version "1.0") with a clock whose interval runs from the
// earliest time in the scene (or the epoch) to the latest plus a short tail.
// Sites are points with labels; tracks are time-tagged cartographicDegrees
// positions [t, lon, lat, h, …] relative to the scene epoch, with path
// graphics and availability from first to last sample; areas are polygons
// at their height; intercepts are points available from their time to the
// end of the clock. Heights are above the WGS-84 ellipsoid, as in the scene.
//
// KML 2.2 (OGC 07-147r2, OGC KML 2.2.0, http://www.opengis.net/kml/2.2): a
// Document with shared Styles and four Folders (Sites, Tracks, Areas,
// Intercepts), children in the order of the OGC schema (ogckml22.xsd).
// Tracks are LineStrings with altitudeMode absolute and a TimeSpan;
// intercepts are Points with altitudeMode absolute and a TimeStamp; areas
// are Polygons (absolute at their height, clamped to the ground at height
// 0) with counterclockwise outer rings; sites are Points clamped to the
// ground. Caveat: KML's absolute altitudes are above the EGM96 geoid, the
// scene's above the ellipsoid; the difference (within ±110 m) is not
// corrected. Text is escaped (&, <, >, quotes) and characters XML forbids
// become U+FFFD.
//
// GeoJSON (RFC 7946): a FeatureCollection, one Feature a line, with no
// "crs" member (§4). Positions are [lon, lat] or [lon, lat, h] (§3.1.1),
// rounded to 6 decimals of a degree, about 0.1 m (§11.2), and heights to
// 0.1 m. Lines and polygons that cross the antimeridian are cut there into
// MultiLineStrings and MultiPolygons (§3.1.9), edges being straight in
// longitude and latitude (§3.1.1); a ring around a pole is closed along
// the pole's parallel (±90°). Polygon exterior rings are counterclockwise
// (the right-hand rule, §3.1.6). Sites and intercepts are Points; tracks
// LineStrings; areas Polygons with their height as the property alt_m.
package export
