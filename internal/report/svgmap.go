package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/internal/scene"
)

// Map is a block that draws a scene on a map with Natural Earth borders:
// areas, ground tracks, intercepts and sites, with a graticule, a scale
// bar and a legend. The view is fitted to the scene's geometry.
type Map struct {
	Scene   *scene.Scene
	Caption string
	Options MapOptions

	colour func(key string) string // the document's colours; nil: the map's own
}

// MapOptions tune a Map. The zero value is the default.
type MapOptions struct {
	Width      int      // px; 0 means DefaultMapWidth
	Projection string   // ProjectionAuto (default), ProjectionConic or ProjectionAzimuthal
	Include    []LatLon // extra positions the view must hold
	// OwnerColours fixes the colour of some owners (CSS colours such as
	// "#0072B2"); the others take palette colours in order of appearance.
	OwnerColours map[string]string
	// NoAreaLabels leaves areas unlabelled (the legend still names kinds).
	NoAreaLabels bool
}

// DefaultMapWidth is the width of a map, px.
const DefaultMapWidth = 880

// Map colours.
const (
	colOutside = "#f4f4f2" // beyond the drawn cap (the far side of the world)
	colOcean   = "#dbe8f1"
	colLand    = "#f5f3ec"
	colCoast   = "#7f95a8"
	colBorder  = "#a3a3a3"
	colGrid    = "#9fb4c6"
	colText    = "#222222"
)

// points returns every position of the scene that the view must hold.
func (m Map) points() []LatLon {
	var pts []LatLon
	s := m.Scene
	if s != nil {
		for _, x := range s.Sites {
			pts = append(pts, LatLon{x.LatDeg, x.LonDeg})
		}
		for _, t := range s.Tracks {
			for _, p := range t.Points {
				pts = append(pts, LatLon{p.LatDeg, p.LonDeg})
			}
		}
		for _, a := range s.Areas {
			for _, p := range a.Ring {
				pts = append(pts, LatLon{p[0], p[1]})
			}
		}
		for _, x := range s.Intercepts {
			pts = append(pts, LatLon{x.LatDeg, x.LonDeg})
		}
	}
	return append(pts, m.Options.Include...)
}

// mapFigure is a rendered map: its SVG and the projection's description.
type mapFigure struct {
	svg        string
	projection string
}

// render draws the map; id prefixes the SVG's element ids.
func (m *Map) render(id string) (mapFigure, error) {
	for _, p := range m.points() {
		if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || math.Abs(p.Lat) > 90 {
			return mapFigure{}, fmt.Errorf("map %q: bad position %v", m.Caption, p)
		}
	}
	width := float64(m.Options.Width)
	if width <= 0 {
		width = DefaultMapWidth
	}
	v, err := fitView(m.points(), width, m.Options.Projection)
	if err != nil {
		return mapFigure{}, fmt.Errorf("map %q: %w", m.Caption, err)
	}
	borders, err := LoadBorders()
	if err != nil {
		return mapFigure{}, err
	}
	sc := m.Scene
	if sc == nil {
		sc = &scene.Scene{}
	}
	colours, owners := ownerColours(sc, m.Options.OwnerColours, m.colour)

	var s svgWriter
	leg := newLegend(width)
	leg.add(sc, colours, owners)
	s.open(width, v.h+leg.height(), "Map: "+m.Caption)
	clip := id + "-frame"
	s.start("defs")
	s.start("clipPath", "id", clip)
	s.leaf("rect", "width", num(v.w), "height", num(v.h))
	s.end("clipPath")
	s.end("defs")
	s.start("g", "clip-path", "url(#"+clip+")", "font-family", fontStack, "font-size", "11")
	s.leaf("rect", "width", num(v.w), "height", num(v.h), "fill", colOutside)
	drawPath(&s, v.frame().grow(clipPadPx).clipPolygon(v.toPixels(v.capEdge())), true, "fill", colOcean)
	drawBorders(&s, v, borders)
	gridLabels := drawGraticule(&s, v)
	places := newPlacer(v.frame())
	for _, l := range gridLabels {
		places.reserve(labelBox(l.x, l.y, l.text, 9, l.anchor))
	}
	places.reserve(scaleBarBox(v))
	areaLabels := drawAreas(&s, v, sc, colours)
	drawTracks(&s, v, sc, colours)
	drawIntercepts(&s, v, sc)
	drawSites(&s, v, sc, colours, places)
	if !m.Options.NoAreaLabels {
		labelAreas(places, areaLabels)
	}
	labelCountries(places, v, borders)
	places.draw(&s)
	s.end("g")
	s.leaf("rect", "x", "0.5", "y", "0.5", "width", num(v.w-1), "height", num(v.h-1), "fill", "none", "stroke", "#888888")
	for _, l := range gridLabels {
		s.text(l.x, l.y, l.text, "font-family", fontStack, "font-size", "9", "fill", "#4a6275", "text-anchor", l.anchor, "stroke", "#ffffff", "stroke-width", "2.5", "paint-order", "stroke")
	}
	drawScaleBar(&s, v)
	leg.draw(&s, v.h)
	s.end("svg")
	return mapFigure{svg: s.String(), projection: v.proj.Name()}, nil
}

// fontStack names fonts the reader's system already has: nothing is fetched.
const fontStack = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`

// drawPath writes one path of several rings or lines; nothing if empty.
func drawPath(s *svgWriter, lines any, closed bool, attrs ...string) {
	var ls [][]XY
	switch l := lines.(type) {
	case []XY:
		ls = [][]XY{l}
	case [][]XY:
		ls = l
	}
	var b strings.Builder
	pathData(&b, ls, closed)
	if b.Len() == 0 {
		return
	}
	s.leaf("path", append([]string{"d", b.String()}, attrs...)...)
}

// drawBorders fills the land and strokes coasts and land borders.
func drawBorders(s *svgWriter, v *mapView, b *Borders) {
	var land [][]XY
	for i := range b.Countries {
		c := &b.Countries[i]
		for p, poly := range c.Polygons {
			if !v.cap.overlaps(c.bounds[p]) {
				continue
			}
			for k, r := range poly {
				var encloses func(LatLon) bool
				if k == 0 {
					encloses = poly.Contains
				}
				if px := v.ring(r, encloses); len(px) > 2 {
					land = append(land, px)
				}
			}
		}
	}
	drawPath(s, land, true, "fill", colLand, "fill-rule", "evenodd")
	var coast, border [][]XY
	for _, l := range b.Lines {
		if !v.cap.overlaps(l.bound) {
			continue
		}
		for _, part := range splitSeams(l.Points) {
			if l.Coast {
				coast = append(coast, v.line(part)...)
			} else {
				border = append(border, v.line(part)...)
			}
		}
	}
	drawPath(s, border, false, "fill", "none", "stroke", colBorder, "stroke-width", "0.7", "stroke-linejoin", "round")
	drawPath(s, coast, false, "fill", "none", "stroke", colCoast, "stroke-width", "0.7", "stroke-linejoin", "round")
}

// seamTol recognises Natural Earth's cuts along ±180° and its closure at
// the south pole (89.999° S): the data are quantized to ~0.002°.
const seamTol = 0.01

// splitSeams splits a line where it runs along the antimeridian or the
// south pole's cut, which are not coasts and are not stroked.
func splitSeams(l []LatLon) [][]LatLon {
	seam := func(a, b LatLon) bool {
		return (math.Abs(math.Abs(a.Lon)-180) < seamTol && math.Abs(math.Abs(b.Lon)-180) < seamTol) ||
			(a.Lat < -90+seamTol && b.Lat < -90+seamTol)
	}
	var out [][]LatLon
	start := 0
	for i := 1; i < len(l); i++ {
		if seam(l[i-1], l[i]) {
			if i-start > 1 {
				out = append(out, l[start:i])
			}
			start = i
		}
	}
	if len(l)-start > 1 {
		out = append(out, l[start:])
	}
	return out
}

// gridLabel is a graticule label at the frame's edge.
type gridLabel struct {
	x, y   float64
	text   string
	anchor string
}

// graticuleStep returns the spacing of graticule lines for a cap of
// angular radius r: about four to eight lines across the frame.
func graticuleStep(r float64) float64 {
	for _, s := range []float64{1, 2, 5, 10, 15, 30} {
		if r/deg <= 4*s {
			return s
		}
	}
	return 30
}

// drawGraticule strokes meridians and parallels and returns labels for
// those that meet the frame's bottom (meridians) or left (parallels) edge.
func drawGraticule(s *svgWriter, v *mapView) []gridLabel {
	step := graticuleStep(v.cap.r)
	fine := math.Min(step/4, 1)
	var lines [][]XY
	var labels []gridLabel
	bottom, left := v.h+clipPadPx, -float64(clipPadPx)
	lastX := math.Inf(-1)
	const minLabelGapPx = 36 // meridian labels closer than this overlap
	for lon := -180.0; lon < 180; lon += step {
		var l []LatLon
		for lat := -80.0; lat <= 80+1e-9; lat += fine { // meridians stop at 80°, where they crowd
			l = append(l, LatLon{lat, lon})
		}
		runs := v.line(l)
		lines = append(lines, runs...)
		for _, r := range runs {
			for _, e := range []XY{r[0], r[len(r)-1]} {
				if math.Abs(e.Y-bottom) < 1e-6 && e.X > 12 && e.X < v.w-12 && e.X-lastX > minLabelGapPx {
					labels = append(labels, gridLabel{e.X, v.h - 4, fmtLon(lon), "middle"})
					lastX = e.X
				}
			}
		}
	}
	for lat := -80.0; lat <= 80+1e-9; lat += step {
		var l []LatLon
		for lon := -180.0; lon <= 180+1e-9; lon += fine {
			l = append(l, LatLon{lat, lon})
		}
		runs := v.line(l)
		lines = append(lines, runs...)
		done := false
		for _, r := range runs {
			for _, e := range []XY{r[0], r[len(r)-1]} {
				if !done && math.Abs(e.X-left) < 1e-6 && e.Y > 12 && e.Y < v.h-20 {
					labels = append(labels, gridLabel{3, e.Y - 3, fmtLat(lat), "start"})
					done = true
				}
			}
		}
	}
	drawPath(s, lines, false, "fill", "none", "stroke", colGrid, "stroke-width", "0.5", "stroke-opacity", "0.7")
	return labels
}

// drawAreas fills and strokes the scene's areas and returns where each
// is to be labelled: areas drawn on the same ring (a unit's coverage and
// another's at one site) share one label naming them all.
func drawAreas(s *svgWriter, v *mapView, sc *scene.Scene, colours map[string]string) []areaLabelAt {
	var out []areaLabelAt
	same := map[string]int{} // ring's pixel box → index into out
	for _, a := range sc.Areas {
		r := make([]LatLon, len(a.Ring))
		for i, p := range a.Ring {
			r[i] = LatLon{p[0], p[1]}
		}
		px := v.ring(r, nil)
		if len(px) < 3 {
			continue
		}
		col := colourOf(colours, areaColourKey(a))
		dash, op := areaStyle(a.Kind)
		if a.Claim != "" {
			dash = claimDash
		}
		s.start("g")
		s.title(joinNonEmpty(" — ", a.Name, a.Note))
		drawPath(s, px, true, "fill", col, "fill-opacity", op, "stroke", col, "stroke-width", "1.3", "stroke-dasharray", dash)
		s.end("g")
		if a.Name == "" {
			continue
		}
		var visible []XY
		box := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, p := range px {
			if v.frame().contains(p) {
				visible = append(visible, p)
			}
			box = rect{math.Min(box.x0, p.X), math.Min(box.y0, p.Y), math.Max(box.x1, p.X), math.Max(box.y1, p.Y)}
		}
		if len(visible) == 0 {
			continue
		}
		key := fmt.Sprintf("%.0f %.0f %.0f %.0f", box.x0, box.y0, box.x1, box.y1)
		if i, ok := same[key]; ok {
			out[i].names = append(out[i].names, a.Name)
			if out[i].colour != col {
				out[i].colour = colText // rings of several colours: a neutral label
			}
			continue
		}
		same[key] = len(out)
		out = append(out, areaLabelAt{names: []string{a.Name}, ring: visible, colour: col})
	}
	return out
}

// areaLabelAt is where one ring's label goes.
type areaLabelAt struct {
	names  []string
	ring   []XY // the ring's points inside the frame
	colour string
}

// areaCandidates are label positions just outside a ring: at its top, its
// bottom, its sides and its diagonals, then further out with a leader.
func areaCandidates(ring []XY, text string, size float64) []candidate {
	var c XY
	for _, p := range ring {
		c.X += p.X / float64(len(ring))
		c.Y += p.Y / float64(len(ring))
	}
	var out []candidate
	for _, extra := range append([]float64{0}, leaderSteps...) {
		for _, deg := range []float64{90, 270, 45, 135, 315, 225, 0, 180} {
			ux, uy := math.Cos(deg*math.Pi/180), -math.Sin(deg*math.Pi/180)
			// The ring point furthest in this direction.
			best, far := ring[0], math.Inf(-1)
			for _, p := range ring {
				if d := (p.X-c.X)*ux + (p.Y-c.Y)*uy; d > far {
					best, far = p, d
				}
			}
			x, y := best.X+ux*(2+extra), best.Y+uy*(2+extra)
			anchor := "middle"
			switch {
			case ux > 0.3:
				anchor = "start"
			case ux < -0.3:
				anchor = "end"
			}
			ty := y + size*0.35
			if uy < -0.3 {
				ty = y - 1
			} else if uy > 0.3 {
				ty = y + size*0.85
			}
			cand := candidate{x: x, y: ty, anchor: anchor, box: labelBox(x, ty, text, size, anchor)}
			if extra > 0 {
				cand.leader = []XY{{x, y}, best}
			}
			out = append(out, cand)
		}
	}
	return out
}

// labelAreas places the rings' labels; every ring keeps its label.
func labelAreas(pl *placer, labels []areaLabelAt) {
	for _, l := range labels {
		text := strings.Join(l.names, "; ")
		pl.place(areaCandidates(l.ring, text, 10), text, areaLabel, l.colour, true)
	}
}

// drawTracks strokes ground tracks, with an arrowhead at a visible end.
func drawTracks(s *svgWriter, v *mapView, sc *scene.Scene, colours map[string]string) {
	for _, t := range sc.Tracks {
		l := make([]LatLon, len(t.Points))
		for i, p := range t.Points {
			l[i] = LatLon{p.LatDeg, p.LonDeg}
		}
		runs := v.line(l)
		if len(runs) == 0 {
			continue
		}
		col := colourOf(colours, t.Owner)
		w, dash := trackStyle(t.Kind)
		s.start("g")
		s.title(t.Name)
		drawPath(s, runs, false, "fill", "none", "stroke", col, "stroke-width", w, "stroke-dasharray", dash,
			"stroke-linecap", "round", "stroke-linejoin", "round")
		if end, ok := v.project(l[len(l)-1]); ok && v.frame().contains(end) {
			last := thin(runs[len(runs)-1])
			if n := len(last); n >= 2 {
				arrowhead(s, last[n-2], last[n-1], col)
			}
		}
		s.end("g")
	}
}

// arrowhead draws a small filled arrow at b pointing from a.
func arrowhead(s *svgWriter, a, b XY, col string) {
	d := math.Hypot(b.X-a.X, b.Y-a.Y)
	if d == 0 {
		return
	}
	ux, uy := (b.X-a.X)/d, (b.Y-a.Y)/d
	const l, w = 8.0, 3.5
	p := fmt.Sprintf("%s,%s %s,%s %s,%s", num(b.X), num(b.Y),
		num(b.X-l*ux-w*uy), num(b.Y-l*uy+w*ux), num(b.X-l*ux+w*uy), num(b.Y-l*uy-w*ux))
	s.leaf("polygon", "points", p, "fill", col)
}

// drawIntercepts marks each intercept by its outcome.
func drawIntercepts(s *svgWriter, v *mapView, sc *scene.Scene) {
	// Open markers (misses) first, filled ones (kills) on top: a kill and
	// a miss at one point both show.
	order := slices.Clone(sc.Intercepts)
	slices.SortStableFunc(order, func(a, b scene.Intercept) int {
		return cmp.Compare(boolRank(a.Filled()), boolRank(b.Filled()))
	})
	for _, x := range order {
		p, ok := v.project(LatLon{x.LatDeg, x.LonDeg})
		if !ok || !v.frame().contains(p) {
			continue
		}
		outcome := scene.OutcomeLabel(x.Outcome)
		s.start("g")
		s.title(fmt.Sprintf("%s by %s from %s at t = %s s, %s km: %s", x.Threat, x.Interceptor, x.Site,
			trimFloat(x.T, 1), trimFloat(x.AltM/1e3, 1), outcome))
		interceptMarker(s, x.Filled(), p.X, p.Y)
		s.end("g")
	}
}

// siteLabelOrder ranks site kinds for labelling: earlier kinds win space.
var siteLabelOrder = map[string]int{
	scene.SiteDefense: 0, scene.SiteAsset: 1, scene.SiteLaunch: 2,
	scene.SiteAirbase: 3, scene.SiteAim: 4, scene.SitePlace: 5,
}

// drawSites marks sites and labels them: defense sites, assets and
// launch areas always, other places where there is room. Sites of one
// kind that fall on one spot share a label naming them all.
func drawSites(s *svgWriter, v *mapView, sc *scene.Scene, colours map[string]string, pl *placer) {
	type shown struct {
		names []string
		kind  string
		p     XY
	}
	var vis []*shown
	// Larger markers first, the defense site's small square last, so that
	// a defense site that is also an asset shows both.
	sites := slices.Clone(sc.Sites)
	slices.SortStableFunc(sites, func(a, b scene.Site) int {
		return cmp.Compare(boolRank(a.Kind == scene.SiteDefense), boolRank(b.Kind == scene.SiteDefense))
	})
	for _, x := range sites {
		p, ok := v.project(LatLon{x.LatDeg, x.LonDeg})
		if !ok || !v.frame().contains(p) {
			continue
		}
		s.start("g")
		s.title(joinNonEmpty(" — ", x.Name, x.Note))
		siteMarker(s, x.Kind, p.X, p.Y, colourOf(colours, x.Owner))
		s.end("g")
		pl.reserve(rect{p.X - 5, p.Y - 5, p.X + 5, p.Y + 5})
		merged := false
		for _, o := range vis {
			d := math.Hypot(o.p.X-p.X, o.p.Y-p.Y)
			switch {
			case slices.Contains(o.names, x.Name) && d < 2*coincidentPx:
				// One place marked twice (a defense site that is also an
				// asset): one label.
				merged = true
			case o.kind == x.Kind && d < coincidentPx:
				o.names = append(o.names, x.Name)
				merged = true
			}
			if merged {
				break
			}
		}
		if !merged {
			vis = append(vis, &shown{names: []string{x.Name}, kind: x.Kind, p: p})
		}
	}
	for rank := 0; rank <= len(siteLabelOrder); rank++ {
		for _, x := range vis {
			r, ok := siteLabelOrder[x.kind]
			if !ok {
				r = len(siteLabelOrder)
			}
			text := strings.Join(x.names, ", ")
			if r != rank || text == "" {
				continue
			}
			force := rank <= siteLabelOrder[scene.SiteLaunch]
			pl.place(around(x.p.X, x.p.Y, text, 11, 7), text, siteLabel, "", force)
		}
	}
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// coincidentPx is how close two markers are, px, to be one spot for
// labelling: closer than a marker's width.
const coincidentPx = 6.0

// labelCountries names the countries whose land has room for the name,
// at the centre of their largest visible part, where no other label is.
func labelCountries(pl *placer, v *mapView, b *Borders) {
	const size = 9.0
	for i := range b.Countries {
		c := &b.Countries[i]
		var best []XY
		bestArea := 0.0
		for p, poly := range c.Polygons {
			if !v.cap.overlaps(c.bounds[p]) {
				continue
			}
			px := v.ring(poly[0], poly.Contains)
			if a := math.Abs(shoelace(px)); a > bestArea {
				best, bestArea = px, a
			}
		}
		if len(best) < 3 {
			continue
		}
		ctr, ok := centroid(best)
		if !ok || !v.frame().contains(ctr) {
			continue
		}
		text := strings.ToUpper(c.Name)
		w := textWidth(text, size*1.15) + 0.6*float64(len([]rune(text)))
		if bestArea < 3*w*size*3 {
			continue // too small to hold its name
		}
		ty := ctr.Y + size*0.35
		box := rect{ctr.X - w/2, ty - size*0.85, ctr.X + w/2, ty + size*0.3}
		pl.place([]candidate{{x: ctr.X, y: ty, anchor: "middle", box: box}}, c.Name, countryLabel, "", false)
	}
}

// shoelace is the signed area of a polygon, px².
func shoelace(p []XY) float64 {
	a := 0.0
	for i := range p {
		j := (i + 1) % len(p)
		a += p[i].X*p[j].Y - p[j].X*p[i].Y
	}
	return a / 2
}

// centroid is the area centroid of a polygon.
func centroid(p []XY) (XY, bool) {
	a := shoelace(p)
	if a == 0 {
		return XY{}, false
	}
	var cx, cy float64
	for i := range p {
		j := (i + 1) % len(p)
		f := p[i].X*p[j].Y - p[j].X*p[i].Y
		cx += (p[i].X + p[j].X) * f
		cy += (p[i].Y + p[j].Y) * f
	}
	return XY{cx / (6 * a), cy / (6 * a)}, true
}

// drawScaleBar draws a round-length scale bar at the bottom left.
func drawScaleBar(s *svgWriter, v *mapView) {
	km, l, ok := scaleBarLength(v)
	if !ok {
		return
	}
	x, y := 14.0, v.h-26
	s.leaf("rect", "x", num(x-6), "y", num(y-14), "width", num(l+70), "height", "26", "fill", "#ffffff", "fill-opacity", "0.75", "rx", "3")
	s.leaf("path", "d", "M"+num(x)+" "+num(y)+"v6h"+num(l)+"v-6", "fill", "none", "stroke", colText, "stroke-width", "1.2")
	s.text(x+l+6, y+7, FormatNumber(km)+" km", "font-family", fontStack, "font-size", "10", "fill", colText)
	s.text(x, y-3, "scale at centre", "font-family", fontStack, "font-size", "8", "fill", "#555555")
}

// scaleBarLength is the scale bar's round length, km, and its length, px.
func scaleBarLength(v *mapView) (km, px float64, ok bool) {
	kmpp := v.kmPerPx()
	if kmpp <= 0 {
		return 0, 0, false
	}
	target := v.w / 5 * kmpp // km
	km = niceNum(target, true)
	if km > target*1.4 {
		km = niceNum(target/2, true)
	}
	return km, km / kmpp, true
}

// scaleBarBox is the part of the map the scale bar covers.
func scaleBarBox(v *mapView) rect {
	_, l, _ := scaleBarLength(v)
	x, y := 14.0, v.h-26
	return rect{x - 6, y - 14, x - 6 + l + 70, y + 12}
}

// joinNonEmpty joins the non-empty strings with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
