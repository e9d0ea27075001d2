package report

import (
	"flag"
	"math"
	"os"
	"testing"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scene"
)

var samplePath = flag.String("sample", "", "write the sample report to this file (e.g. /tmp/report-sample.html)")

// TestWriteSample writes a report with every kind of block, to look at.
func TestWriteSample(t *testing.T) {
	if *samplePath == "" {
		t.Skip("no -sample path")
	}
	f, err := os.Create(*samplePath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Write(f, sampleDocument(DefaultMapWidth, true)); err != nil {
		t.Fatal(err)
	}
}

// destination returns the point at distance dKm and azimuth az (degrees)
// from p on the mean-radius sphere.
func destination(p LatLon, az, dKm float64) LatLon {
	d := dKm * 1e3 / earthRadiusM
	s1, c1 := math.Sincos(p.Lat * deg)
	sd, cd := math.Sincos(d)
	sa, ca := math.Sincos(az * deg)
	lat := math.Asin(s1*cd + c1*sd*ca)
	lon := p.Lon*deg + math.Atan2(sa*sd*c1, cd-s1*math.Sin(lat))
	return LatLon{lat / deg, wrapPi(lon) / deg}
}

// ringAround returns a closed scene ring of radius rKm about p.
func ringAround(p LatLon, rKm float64) [][2]float64 {
	var r [][2]float64
	for az := 0.0; az < 360; az += 5 {
		q := destination(p, az, rKm)
		r = append(r, [2]float64{q.Lat, q.Lon})
	}
	return append(r, r[0])
}

// sectorAround returns a closed ring: a sector of radius rKm from az0 to
// az1 (degrees) about p.
func sectorAround(p LatLon, az0, az1, rKm float64) [][2]float64 {
	r := [][2]float64{{p.Lat, p.Lon}}
	for az := az0; az <= az1+1e-9; az += 5 {
		q := destination(p, az, rKm)
		r = append(r, [2]float64{q.Lat, q.Lon})
	}
	return append(r, r[0])
}

// flight returns a track along the great circle from a to b with a
// parabolic altitude profile peaking at apogeeKm, over dur seconds.
func flight(name, kind, owner string, a, b LatLon, apogeeKm, dur float64, n int) scene.Track {
	ua, ub := unit(a), unit(b)
	om := angle(ua, ub)
	tr := scene.Track{Name: name, Kind: kind, Owner: owner}
	for i := 0; i <= n; i++ {
		f := float64(i) / float64(n)
		p := ua.scale(math.Sin((1-f)*om) / math.Sin(om)).add(ub.scale(math.Sin(f*om) / math.Sin(om))).latLon()
		tr.Points = append(tr.Points, scene.Sample{T: f * dur, LatDeg: p.Lat, LonDeg: p.Lon, AltM: 4 * apogeeKm * 1e3 * f * (1 - f)})
	}
	return tr
}

// Places of the sample scenes.
var (
	kaliningrad = LatLon{54.71, 20.51}
	redzikowo   = LatLon{54.48, 17.10}
	warsaw      = LatLon{52.23, 21.01}
	vilnius     = LatLon{54.69, 25.28}
	berlin      = LatLon{52.52, 13.40}
	kozelsk     = LatLon{54.03, 35.80}
	washington  = LatLon{38.90, -77.04}
	ottawa      = LatLon{45.42, -75.70}
	pulaski     = LatLon{37.64, -75.60} // a Virginia coast aim point
)

func site(name, kind, owner string, p LatLon, note string) scene.Site {
	return scene.Site{Name: name, Kind: kind, Owner: owner, LatDeg: p.Lat, LonDeg: p.Lon, Note: note}
}

// balticScene is a small Kaliningrad scene: sites, reach rings, radar
// coverage, a ballistic and a cruise track and an intercept.
func balticScene() *scene.Scene {
	s := &scene.Scene{Version: scene.Version, Name: "kaliningrad", Epoch: scene.DefaultEpoch,
		Question: "What do Iskander and 9M729 reach from Kaliningrad?"}
	s.Sites = []scene.Site{
		site("Kaliningrad", scene.SiteLaunch, "Russia", kaliningrad, "Iskander-M brigade"),
		site("Redzikowo", scene.SiteDefense, "NATO", redzikowo, "Aegis Ashore: SPY-1D(V), SM-3"),
		site("Warsaw", scene.SiteAsset, "Poland", warsaw, ""),
		site("Vilnius", scene.SiteAsset, "Lithuania", vilnius, ""),
		site("Berlin", scene.SiteAim, "", berlin, "aim point"),
	}
	s.Areas = []scene.Area{
		{Name: "Iskander-M 500 km", Kind: scene.AreaRangeRing, Owner: "Russia", Ring: ringAround(kaliningrad, 500)},
		{Name: "SPY-1 coverage", Kind: scene.AreaRadar, Owner: "NATO", AltM: 100e3, Ring: sectorAround(redzikowo, 20, 140, 600)},
	}
	s.Tracks = []scene.Track{
		flight("Iskander to Warsaw", scene.TrackBallistic, "Russia", kaliningrad, warsaw, 50, 200, 40),
		flight("9M729 to Berlin", scene.TrackCruise, "Russia", kaliningrad, berlin, 0.05, 1700, 40),
		flight("SM-3 from Redzikowo", scene.TrackInterceptor, "NATO", redzikowo, LatLon{53.4, 20.9}, 40, 90, 20),
	}
	s.Intercepts = []scene.Intercept{
		{Threat: "Iskander to Warsaw", Interceptor: "SM-3 IB", Site: "Redzikowo", Owner: "NATO", T: 150, LatDeg: 53.4, LonDeg: 20.9, AltM: 40e3, Outcome: scene.OutcomeKill},
		{Threat: "Iskander to Warsaw", Interceptor: "SM-3 IB", Site: "Redzikowo", Owner: "NATO", T: 140, LatDeg: 53.7, LonDeg: 20.8, AltM: 48e3, Outcome: scene.OutcomeMiss},
	}
	return s
}

// icbmScene is a polar scene: ICBM tracks from Russia to North America,
// crossing high latitudes.
func icbmScene() *scene.Scene {
	s := &scene.Scene{Version: scene.Version, Name: "redzikowo-icbm", Epoch: scene.DefaultEpoch}
	s.Sites = []scene.Site{
		site("Kozelsk", scene.SiteLaunch, "Russia", kozelsk, "RS-24 field"),
		site("Redzikowo", scene.SiteDefense, "NATO", redzikowo, ""),
		site("Washington", scene.SiteAsset, "USA", washington, ""),
		site("Ottawa", scene.SitePlace, "", ottawa, ""),
	}
	s.Tracks = []scene.Track{
		flight("RS-24 to Washington", scene.TrackBallistic, "Russia", kozelsk, washington, 1200, 1850, 80),
		flight("RS-24 to Virginia coast", scene.TrackBallistic, "Russia", kozelsk, pulaski, 1200, 1850, 80),
	}
	s.Areas = []scene.Area{{Name: "SM-3 IIA reach", Kind: scene.AreaBattleSpace, Owner: "NATO", Ring: ringAround(redzikowo, 1200)}}
	return s
}

// sampleDocument is a document with every kind of block. Narrow maps keep
// the golden file small.
func sampleDocument(mapWidth int, full bool) *Document {
	baltic := balticScene()
	alt := LinePlot{Caption: "Altitude against time.", X: Axis{Label: "Time after launch", Unit: "s"},
		Y: Axis{Label: "Altitude", Unit: "km", Zero: true}}
	for _, tr := range baltic.Tracks {
		sr := Series{Name: tr.Name}
		for _, p := range tr.Points {
			sr.X, sr.Y = append(sr.X, p.T), append(sr.Y, p.AltM/1e3)
		}
		alt.Series = append(alt.Series, sr)
	}
	exchange := LinePlot{Caption: "Expected surviving warheads against interceptors, 1,550 warheads.",
		X: Axis{Label: "Interceptors", Unit: "count", Zero: true}, Y: Axis{Label: "Surviving warheads", Unit: "count", Zero: true}}
	for _, pk := range []float64{0.5, 0.7, 0.9} {
		sr := Series{Name: "SSPK " + trimFloat(pk, 1) + ", shoot-look-shoot", Markers: pk == 0.9}
		for n := 0.0; n <= 3000; n += 250 {
			sr.X, sr.Y = append(sr.X, n), append(sr.Y, 1550-math.Min(1550, n/2)*(1-(1-pk)*(1-pk)))
		}
		exchange.Series = append(exchange.Series, sr)
	}
	months := []Tick{{0, "Jan"}, {31, "Feb"}, {59, "Mar"}, {90, "Apr"}, {120, "May"}, {151, "Jun"}, {181, "Jul"},
		{212, "Aug"}, {243, "Sep"}, {273, "Oct"}, {304, "Nov"}, {334, "Dec"}, {365, ""}}
	rotation := Timeline{Caption: "Patriot coverage of Vilnius in 2026, by rotation.", Axis: Axis{Label: "Day of year", Unit: "d", Min: 0, Max: 365},
		Ticks: months, MarkGaps: true, Rows: []TimelineRow{
			{Label: "Vilnius", Spans: []Span{{Start: 0, End: 88, Group: "Germany", Label: "GER"}, {Start: 95, End: 180, Group: "Netherlands", Label: "NLD"}, {Start: 182, End: 270, Group: "Spain", Label: "ESP"}, {Start: 281, End: 365, Group: "Germany", Label: "GER"}}},
			{Label: "Kaunas", Spans: []Span{{Start: 10, End: 150, Group: "Netherlands", Label: ""}, {Start: 150, End: 300, Group: "Spain", Label: ""}}},
		}}
	bars := BarChart{Caption: "Interceptors spent per architecture.", Categories: []string{"joint, sectoral", "separate, in contact"},
		X:      Axis{Label: "Interceptors", Unit: "count"},
		Series: []BarSeries{{Name: "NATO", Values: []float64{24, 31}}, {Name: "Russia", Values: []float64{20, 27}}}}
	reach := Table{Caption: "Flight times from Kaliningrad.",
		Columns: []Column{{Heading: "Missile"}, {Heading: "Target"}, {Heading: "Range", Unit: "km", Numeric: true}, {Heading: "Flight time", Unit: "min", Numeric: true}},
		Rows: [][]string{
			{"Iskander-M", "Warsaw", FormatNumber(282), FormatNumber(3.4)},
			{"9M729 <cruise>", "Berlin & beyond", FormatNumber(527), FormatNumber(28.3)},
		},
		Notes: []string{"Great-circle ranges on WGS-84."}}
	iskander := catalog.Value{Low: 400, Central: 500, High: 500, Unit: "km", Source: "CSIS Missile Threat, Iskander", Date: "2022"}
	d := &Document{
		Title: "Kaliningrad: reach and flight times", Scenario: "kaliningrad", Question: baltic.Question,
		Headline:    Headline{Answer: "Warsaw is 3.4 minutes from Kaliningrad by Iskander-M; Berlin is within the 9M729's reach by either claim.", Value: "3.4", Unit: "min"},
		Assumptions: []string{"Minimum-energy trajectories on a rotating WGS-84 Earth.", "Ranges per the catalog's central values."},
		Sections: []Section{
			{Heading: "Geometry", Text: []string{"Kaliningrad lies 280 km from Warsaw & 530 km from Berlin."},
				Blocks: []Block{Map{Scene: baltic, Caption: "Reach from Kaliningrad.", Options: MapOptions{Width: mapWidth}}, reach}},
			{Heading: "Flights", Blocks: []Block{&alt, exchange}},
			{Heading: "Coverage and cost", Blocks: []Block{rotation, bars}},
		},
		Parameters: []Parameter{
			ParameterFrom("Iskander-M", "range_km", iskander, 500),
			{System: "9M729", Name: "range_km", Low: 480, Central: 2500, High: 2500, Unit: "km", Used: 2500,
				Source: "US DNI statement; Russian MoD briefing (480 km)", Date: "2019-01", Note: "disputed"},
			{System: "SPY-1D(V)", Name: "peak_power_kw", Low: 4000, Central: 6000, High: 8000, Unit: "kW", Used: 9000,
				Source: "assumption: scaled from SPY-1D array size", Date: "2026"},
		},
		Inputs: Inputs{ScenarioFile: "kaliningrad", ScenarioText: "name: kaliningrad\nseed: 42\n# <threats> & more\n",
			Seed: 42, Version: "v0.0.0-test", Command: "rampart run kaliningrad --out out/", Settings: []Setting{{"pick", "central"}}},
	}
	if full {
		d.Sections[0].Blocks = append(d.Sections[0].Blocks,
			Map{Scene: icbmScene(), Caption: "ICBM ground tracks from Kozelsk to the United States."})
	}
	return d
}
