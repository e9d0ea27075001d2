package report

import (
	"math"
	"strings"

	"github.com/rampart-sim/rampart/internal/scene"
)

// palette is the Okabe–Ito colour-blind-safe set (Okabe & Ito, "Color
// Universal Design", 2008), without its yellow, which is unreadable on
// white. Owners and plot series take colours in order.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"}

// noOwnerColour draws features without an owner.
const noOwnerColour = "#555555"

// ownerColours gives each owner of the scene (and each system its areas
// name) a colour: fixed if given, else the document's (doc, when not nil),
// else palette colours in order of first appearance (sites, tracks,
// areas, intercepts).
func ownerColours(s *scene.Scene, fixed map[string]string, doc func(string) string) (map[string]string, []string) {
	colours := map[string]string{}
	var order []string
	add := func(o string) {
		if _, ok := colours[o]; ok || o == "" {
			return
		}
		if c, ok := fixed[o]; ok {
			colours[o] = c
		} else if doc != nil {
			colours[o] = doc(o)
		} else {
			colours[o] = palette[len(order)%len(palette)]
		}
		order = append(order, o)
	}
	for _, x := range s.Sites {
		add(x.Owner)
	}
	for _, x := range s.Tracks {
		add(x.Owner)
	}
	for _, x := range s.Areas {
		add(areaColourKey(x))
	}
	for _, x := range s.Intercepts {
		add(x.Owner)
	}
	return colours, order
}

// areaColourKey is what colours an area: its system, else its owner.
func areaColourKey(a scene.Area) string {
	if a.System != "" {
		return a.System
	}
	return a.Owner
}

// claimDash strokes a ring drawn for a disputed claim, apart from the
// catalog band's rings.
const claimDash = "1 3"

func colourOf(colours map[string]string, owner string) string {
	if c, ok := colours[owner]; ok {
		return c
	}
	return noOwnerColour
}

// siteKinds, trackKinds and areaKinds fix the legend order and wording.
var (
	siteKinds = []struct{ kind, label string }{
		{scene.SiteLaunch, "launch area"}, {scene.SiteDefense, "defense site"},
		{scene.SiteAsset, "asset"}, {scene.SiteAim, "aim point"},
		{scene.SiteAirbase, "air base"}, {scene.SitePlace, "place"},
	}
	trackKinds = []struct{ kind, label string }{
		{scene.TrackBallistic, "ballistic missile"}, {scene.TrackCruise, "cruise missile"},
		{scene.TrackInterceptor, "interceptor"}, {scene.TrackAircraft, "aircraft"},
	}
	areaKinds = []struct{ kind, label string }{
		{scene.AreaRadar, "radar coverage"}, {scene.AreaRangeRing, "missile reach"},
		{scene.AreaBattleSpace, "battle space"}, {scene.AreaSector, "defended sector"},
	}
)

// trackStyle returns the stroke width and dash pattern of a track kind.
func trackStyle(kind string) (width, dash string) {
	switch kind {
	case scene.TrackCruise:
		return "1.6", "6 3"
	case scene.TrackInterceptor:
		return "1.2", "2 2"
	case scene.TrackAircraft:
		return "1.4", "8 3 2 3"
	default:
		return "1.8", ""
	}
}

// areaStyle returns the dash pattern and fill opacity of an area kind.
func areaStyle(kind string) (dash, fillOpacity string) {
	switch kind {
	case scene.AreaRangeRing:
		return "6 4", "0.06"
	case scene.AreaBattleSpace:
		return "2 3", "0.12"
	case scene.AreaSector:
		return "12 4", "0.08"
	default:
		return "", "0.08"
	}
}

// siteMarker draws the marker of a site kind centred at (x, y).
func siteMarker(s *svgWriter, kind string, x, y float64, fill string) {
	const r = 5.0
	stroke := []string{"fill", fill, "stroke", "#ffffff", "stroke-width", "1.2"}
	poly := func(pts ...float64) {
		var b strings.Builder
		for i := 0; i+1 < len(pts); i += 2 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num(x+pts[i]) + "," + num(y+pts[i+1]))
		}
		s.leaf("polygon", append([]string{"points", b.String()}, stroke...)...)
	}
	switch kind {
	case scene.SiteLaunch:
		poly(0, -r*1.2, r*1.1, r*0.8, -r*1.1, r*0.8)
	case scene.SiteDefense:
		s.leaf("rect", append([]string{"x", num(x - r*0.9), "y", num(y - r*0.9), "width", num(r * 1.8), "height", num(r * 1.8)}, stroke...)...)
	case scene.SiteAim:
		s.leaf("path", "d", "M"+num(x-r)+" "+num(y)+"h"+num(2*r)+"M"+num(x)+" "+num(y-r)+"v"+num(2*r),
			"stroke", fill, "stroke-width", "2.2", "fill", "none")
	case scene.SiteAirbase:
		poly(0, -r*1.2, r*1.2, 0, 0, r*1.2, -r*1.2, 0)
	case scene.SitePlace:
		s.leaf("circle", append([]string{"cx", num(x), "cy", num(y), "r", "3"}, stroke...)...)
	default: // asset
		s.leaf("circle", append([]string{"cx", num(x), "cy", num(y), "r", num(r)}, stroke...)...)
	}
}

// interceptMarker draws a filled star (scene.Intercept.Filled: a kill, an
// engageable intercept, the quickest interception) or an open circle.
func interceptMarker(s *svgWriter, filled bool, x, y float64) {
	if !filled {
		s.leaf("circle", "cx", num(x), "cy", num(y), "r", "4.5", "fill", "#ffffff", "fill-opacity", "0.6", "stroke", "#222222", "stroke-width", "1.3")
		return
	}
	var b strings.Builder
	for i := range 10 {
		r := 6.5
		if i%2 == 1 {
			r = 2.8
		}
		a := float64(i) * math.Pi / 5
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(x+r*math.Sin(a)) + "," + num(y-r*math.Cos(a)))
	}
	s.leaf("polygon", "points", b.String(), "fill", "#222222", "stroke", "#ffffff", "stroke-width", "1")
}
