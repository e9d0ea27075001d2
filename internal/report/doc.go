// Package report renders a run as one self-contained HTML page (report.html):
// the question and its headline answer, the assumptions, sections of text
// with maps, plots and tables, every parameter with its source, and the
// inputs that reproduce the run.
//
// # Building a report
//
// Fill a [Document] and call [Write]. Sections hold paragraphs and blocks:
// [Map] (a [scene.Scene] on a map), [LinePlot], [Timeline], [BarChart] and
// [Table]. [SceneSection] makes a ready section from a scene (a map, the
// tracks' altitude against time, sites and intercepts); [ParameterFrom]
// turns a catalog value into a row of the parameters table. Figures and
// tables are numbered in document order.
//
// # Conventions
//
//   - Self-contained: inline CSS and SVG, no script, no external font,
//     image, style or link; internal links are #fragments only. The one
//     URI in the page is the SVG namespace name, an identifier.
//   - Deterministic: the same Document gives the same bytes (no clock, no
//     map iteration, fixed colour order).
//   - Escaped: html/template for the page; SVG is built by svgWriter, which
//     escapes every attribute and text with the XML predefined entities,
//     so each <svg> is well-formed XML.
//   - Positions are degrees (latitude north, longitude east), drawn on a
//     sphere: at map scale the ellipsoid's difference is under a pixel.
//     Distances on the scale bar use the mean radius R1 = 6371.0088 km.
//     Projected coordinates are on the unit sphere (radians of arc).
//
// # Maps
//
// A map is fitted to the scene's features plus a margin. Regional views
// (all features within 25° of their centre, away from the equator) use a
// Lambert conformal conic with standard parallels at 1/6 and 5/6 of the
// latitude range; wider views (e.g. ICBM tracks from Russia to the United
// States over the Arctic) use an azimuthal equidistant projection centred
// on the data, which is continuous across the antimeridian and the poles.
//
// Geometry is first cut to a spherical cap about the view's centre that
// holds the whole frame (Sutherland–Hodgman against the cap's plane), so
// nothing reaches a projection's cut or singular point; then projected,
// then cut to the frame in pixels. Where a ring leaves the cap, the part
// outside is replaced by an arc of the cap's edge that turns through the
// same net azimuth: a ring's inside is taken to be the side away from the
// antipode of the view's centre, which holds for any ring smaller than a
// hemisphere about the data. A country ring wholly outside the cap fills
// the view if it encloses the cap's centre (a view inside Russia).
//
// Borders are Natural Earth 1:50m Admin 0 countries (4.1.0, public domain)
// from the world-atlas npm package's TopoJSON, embedded as
// data/borders-50m.bin (see data/README.md; regenerate with
// scripts/borders.sh). Lines are kept once each, as in the topology, so
// coasts and land borders are stroked once; Natural Earth's cuts along
// ±180° and at the south pole are not stroked.
//
// # References
//
//   - J. P. Snyder, Map Projections — A Working Manual, USGS Professional
//     Paper 1395 (1987): §15 Lambert conformal conic, §25 azimuthal
//     equidistant; the tests reproduce the sphere examples of Appendix A
//     (pp. 295 and 337–338).
//   - P. S. Heckbert, "Nice numbers for graph labels", in Graphics Gems,
//     Academic Press (1990), 61–63: axis ticks.
//   - I. E. Sutherland and G. W. Hodgman, "Reentrant polygon clipping",
//     Comm. ACM 17(1), 32–42 (1974).
//   - Y.-D. Liang and B. A. Barsky, "A new concept and method for line
//     clipping", ACM Trans. Graphics 3(1), 1–22 (1984).
//   - M. Okabe and K. Ito, "Color Universal Design (CUD)" (2008): the
//     colour-blind-safe palette.
//   - M. Bostock, TopoJSON Format Specification 1.0 (2016): arcs, delta
//     coding and quantization, kept by the embedded format.
//   - Natural Earth, Admin 0 – Countries, 1:50m, version 4.1.0, public
//     domain; world-atlas 2.0.2 (ISC licence), M. Bostock.
package report
