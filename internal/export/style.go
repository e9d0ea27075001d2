package export

import (
	"fmt"

	"github.com/rampart-sim/rampart/internal/scene"
)

// rgba is a colour with alpha, 0–255 each.
type rgba struct{ R, G, B, A uint8 }

// czml is the colour as a CZML rgba list.
func (c rgba) czml() []int { return []int{int(c.R), int(c.G), int(c.B), int(c.A)} }

// kml is the colour as KML's aabbggrr hexadecimal.
func (c rgba) kml() string { return fmt.Sprintf("%02x%02x%02x%02x", c.A, c.B, c.G, c.R) }

// withAlpha is c with another alpha.
func (c rgba) withAlpha(a uint8) rgba { c.A = a; return c }

// areaFillAlpha keeps area fills translucent, so that what lies under them
// (and under other areas) shows through.
const areaFillAlpha = 64

// Colours by kind: the threat side warm, the defense side cool.
var (
	siteColours = map[string]rgba{
		scene.SiteLaunch:  {220, 40, 40, 255},
		scene.SiteDefense: {40, 110, 230, 255},
		scene.SiteAsset:   {40, 180, 80, 255},
		scene.SiteAim:     {240, 150, 30, 255},
		scene.SiteAirbase: {60, 200, 220, 255},
		scene.SitePlace:   {170, 170, 170, 255},
	}
	trackColours = map[string]rgba{
		scene.TrackBallistic:   {230, 50, 40, 255},
		scene.TrackCruise:      {245, 160, 30, 255},
		scene.TrackInterceptor: {60, 140, 255, 255},
		scene.TrackAircraft:    {235, 235, 235, 255},
	}
	areaColours = map[string]rgba{
		scene.AreaRadar:       {60, 140, 255, 255},
		scene.AreaRangeRing:   {230, 50, 40, 255},
		scene.AreaBattleSpace: {160, 80, 220, 255},
		scene.AreaSector:      {40, 180, 80, 255},
	}
	killColour = rgba{60, 220, 60, 255}
	missColour = rgba{255, 210, 0, 255}
)

// interceptColour is green for a filled outcome (a kill, an engageable
// intercept, the quickest interception), yellow for the others.
func interceptColour(x scene.Intercept) rgba {
	if x.Filled() {
		return killColour
	}
	return missColour
}
