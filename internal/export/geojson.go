package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/rampart-sim/rampart/internal/scene"
)

// GeoJSON objects (RFC 7946 §3).
type (
	geoFeature struct {
		Type       string      `json:"type"` // "Feature"
		ID         string      `json:"id"`
		Geometry   geoGeometry `json:"geometry"`
		Properties any         `json:"properties"`
	}
	geoGeometry struct {
		Type        string `json:"type"`
		Coordinates any    `json:"coordinates"`
	}
	// geoPosition is [lon, lat] or [lon, lat, h] (§3.1.1).
	geoPosition []json.Number
)

// Feature properties, by layer.
type (
	geoSiteProps struct {
		Layer string  `json:"layer"` // "site"
		Name  string  `json:"name"`
		Kind  string  `json:"kind"`
		Owner string  `json:"owner,omitempty"`
		AltM  float64 `json:"alt_m"`
		Note  string  `json:"note,omitempty"`
	}
	geoTrackProps struct {
		Layer  string  `json:"layer"` // "track"
		Name   string  `json:"name"`
		Kind   string  `json:"kind"`
		Owner  string  `json:"owner,omitempty"`
		StartS float64 `json:"start_s"`
		EndS   float64 `json:"end_s"`
		Start  string  `json:"start"` // RFC 3339
		End    string  `json:"end"`
	}
	geoAreaProps struct {
		Layer string  `json:"layer"` // "area"
		Name  string  `json:"name"`
		Kind  string  `json:"kind"`
		Owner string  `json:"owner,omitempty"`
		AltM  float64 `json:"alt_m"`
		Note  string  `json:"note,omitempty"`
	}
	geoInterceptProps struct {
		Layer       string  `json:"layer"` // "intercept"
		Threat      string  `json:"threat"`
		Interceptor string  `json:"interceptor"`
		Site        string  `json:"site"`
		Owner       string  `json:"owner,omitempty"`
		TS          float64 `json:"t_s"`
		Time        string  `json:"time"`    // RFC 3339
		Outcome     string  `json:"outcome"` // scene.Outcomes
	}
)

// WriteGeoJSON writes s as a GeoJSON FeatureCollection, one Feature a line:
// sites, tracks, areas, then intercepts.
func WriteGeoJSON(w io.Writer, s *scene.Scene) error {
	if err := checked(s); err != nil {
		return err
	}
	c := sceneClock(s)
	var features []geoFeature
	for i, x := range s.Sites {
		features = append(features, geoFeature{
			ID:       siteID(i),
			Geometry: geoGeometry{"Point", geoPos(vertex{x.LonDeg, x.LatDeg, x.AltM}, true)},
			Properties: geoSiteProps{Layer: "site", Name: x.Name, Kind: x.Kind, Owner: x.Owner,
				AltM: x.AltM, Note: x.Note},
		})
	}
	for i, t := range s.Tracks {
		first, last := t.Points[0].T, t.Points[len(t.Points)-1].T
		features = append(features, geoFeature{
			ID:       trackID(i),
			Geometry: geoLine(splitTrack(t.Points)),
			Properties: geoTrackProps{Layer: "track", Name: t.Name, Kind: t.Kind, Owner: t.Owner,
				StartS: first, EndS: last, Start: c.instant(first), End: c.instant(last)},
		})
	}
	for i, a := range s.Areas {
		features = append(features, geoFeature{
			ID:       areaID(i),
			Geometry: geoPolygon(a),
			Properties: geoAreaProps{Layer: "area", Name: a.Name, Kind: a.Kind, Owner: a.Owner,
				AltM: a.AltM, Note: a.Note},
		})
	}
	for i, x := range s.Intercepts {
		features = append(features, geoFeature{
			ID:       interceptID(i),
			Geometry: geoGeometry{"Point", geoPos(vertex{x.LonDeg, x.LatDeg, x.AltM}, true)},
			Properties: geoInterceptProps{Layer: "intercept", Threat: x.Threat, Interceptor: x.Interceptor,
				Site: x.Site, Owner: x.Owner, TS: x.T, Time: c.instant(x.T), Outcome: x.Outcome},
		})
	}
	bw := bufio.NewWriter(w)
	name, err := marshal(s.Name)
	if err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	// The run's provenance as foreign members (RFC 7946 section 6.1).
	version, _ := marshal(s.RampartVersion)
	sha, _ := marshal(s.ScenarioSHA256)
	fmt.Fprintf(bw, "{\"type\":\"FeatureCollection\",\"name\":%s,\"rampart_version\":%s,\"scenario_sha256\":%s,\"seed\":%d,\"features\":[\n", name, version, sha, s.Seed)
	for i, f := range features {
		f.Type = "Feature"
		line, err := marshal(f)
		if err != nil {
			return fmt.Errorf("export geojson: %w", err)
		}
		bw.Write(line)
		if i < len(features)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	return nil
}

// geoPos is v rounded to §11.2's precision, with or without the height.
func geoPos(v vertex, height bool) geoPosition {
	p := geoPosition{jnum(v.x, geoJSONDegreeDecimals), jnum(v.y, geoJSONDegreeDecimals)}
	if height {
		p = append(p, jnum(v.z, geoJSONHeightDecimals))
	}
	return p
}

// geoPositions rounds a line or ring, dropping a position equal to the one
// before it once rounded (cuts at a vertex on the antimeridian make them).
func geoPositions(vs []vertex, height bool) []geoPosition {
	var out []geoPosition
	for _, v := range vs {
		p := geoPos(v, height)
		if len(out) > 0 && slices.Equal(out[len(out)-1], p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// geoLine is a LineString, or a MultiLineString when the track was cut at
// the antimeridian. Parts of no length left by a cut are dropped.
func geoLine(parts [][]vertex) geoGeometry {
	var lines [][]geoPosition
	for _, p := range parts {
		if l := geoPositions(p, true); len(l) >= 2 {
			lines = append(lines, l)
		}
	}
	switch len(lines) {
	case 0: // a track that does not move: its two first samples
		return geoGeometry{"LineString", []geoPosition{geoPos(parts[0][0], true), geoPos(parts[0][0], true)}}
	case 1:
		return geoGeometry{"LineString", lines[0]}
	}
	return geoGeometry{"MultiLineString", lines}
}

// geoPolygon is a Polygon, or a MultiPolygon when the area was cut at the
// antimeridian; exterior rings counterclockwise (§3.1.6), closed (§3.1.6:
// first and last positions equal), of at least four positions. Slivers of
// no area left by a cut are dropped.
func geoPolygon(a scene.Area) geoGeometry {
	var polys [][][]geoPosition
	for _, ring := range splitArea(a) {
		r := geoPositions(ring, false)
		if len(r) > 1 && slices.Equal(r[0], r[len(r)-1]) {
			r = r[:len(r)-1]
		}
		area := geoArea(r)
		if len(r) < 3 || area == 0 {
			continue
		}
		if area < 0 {
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
		}
		polys = append(polys, [][]geoPosition{append(r, r[0])})
	}
	switch len(polys) {
	case 0: // an area of no extent: its ring as it is
		var r []vertex
		for _, p := range a.Ring {
			r = append(r, vertex{p[1], p[0], 0})
		}
		return geoGeometry{"Polygon", [][]geoPosition{geoPositionsKeep(r)}}
	case 1:
		return geoGeometry{"Polygon", polys[0]}
	}
	return geoGeometry{"MultiPolygon", polys}
}

// geoPositionsKeep rounds every vertex, keeping repeats.
func geoPositionsKeep(vs []vertex) []geoPosition {
	out := make([]geoPosition, len(vs))
	for i, v := range vs {
		out[i] = geoPos(v, false)
	}
	return out
}

// geoArea is the signed area of a rounded ring, as written.
func geoArea(r []geoPosition) float64 {
	vs := make([]vertex, len(r))
	for i, p := range r {
		x, _ := p[0].Float64()
		y, _ := p[1].Float64()
		vs[i] = vertex{x: x, y: y}
	}
	return signedArea(vs)
}
