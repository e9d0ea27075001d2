package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/internal/scene"
)

// kmlNamespace is the OGC KML 2.2 namespace (OGC 07-147r2 §6.1).
const kmlNamespace = "http://www.opengis.net/kml/2.2"

// KML display settings.
const (
	kmlLineWidth  = 2
	kmlLabelScale = 0.8 // site labels a little smaller than the default
)

// WriteKML writes s as a KML 2.2 document: shared styles, then the Folders
// Sites, Tracks, Areas and Intercepts.
func WriteKML(w io.Writer, s *scene.Scene) error {
	if err := checked(s); err != nil {
		return err
	}
	c := sceneClock(s)
	k := &kmlWriter{w: bufio.NewWriter(w)}
	k.raw(`<?xml version="1.0" encoding="UTF-8"?>`)
	k.open(`kml xmlns="` + kmlNamespace + `"`)
	k.open(`Document id="document"`)
	k.leaf("name", s.Name)
	k.leaf("open", "1")
	k.leaf("description", s.Question)
	kmlStyles(k, s)
	// The run's provenance, after the styles as KML's Feature element
	// order wants (ExtendedData follows StyleSelector).
	k.data("rampart_version", s.RampartVersion, "scenario_sha256", s.ScenarioSHA256, "seed", strconv.FormatInt(s.Seed, 10))

	k.folder("sites", "Sites")
	for i, x := range s.Sites {
		k.open(`Placemark id="` + siteID(i) + `"`)
		k.leaf("name", x.Name)
		k.styleURL("site-" + x.Kind)
		k.data("kind", x.Kind, "owner", x.Owner, "note", x.Note)
		k.open("Point")
		k.leaf("coordinates", kmlCoord(x.LonDeg, x.LatDeg, x.AltM))
		k.close("Point")
		k.close("Placemark")
	}
	k.close("Folder")

	k.folder("tracks", "Tracks")
	for i, t := range s.Tracks {
		first, last := t.Points[0].T, t.Points[len(t.Points)-1].T
		k.open(`Placemark id="` + trackID(i) + `"`)
		k.leaf("name", t.Name)
		k.open("TimeSpan")
		k.leaf("begin", c.instant(first))
		k.leaf("end", c.instant(last))
		k.close("TimeSpan")
		k.styleURL("track-" + t.Kind)
		k.data("kind", t.Kind, "owner", t.Owner)
		k.open("LineString")
		k.leaf("altitudeMode", "absolute")
		coords := make([]string, len(t.Points))
		for j, p := range t.Points {
			coords[j] = kmlCoord(p.LonDeg, p.LatDeg, p.AltM)
		}
		k.coordinates(coords)
		k.close("LineString")
		k.close("Placemark")
	}
	k.close("Folder")

	k.folder("areas", "Areas")
	for i, a := range s.Areas {
		k.open(`Placemark id="` + areaID(i) + `"`)
		k.leaf("name", a.Name)
		k.styleURL("area-" + a.Kind)
		k.data("kind", a.Kind, "owner", a.Owner, "alt_m", num(a.AltM, heightDecimals), "note", a.Note)
		k.open("Polygon")
		if a.AltM == 0 {
			k.leaf("tessellate", "1") // drape on the ground
		} else {
			k.leaf("altitudeMode", "absolute")
		}
		k.open("outerBoundaryIs")
		k.open("LinearRing")
		ring := ccwRing(a)
		coords := make([]string, len(ring))
		for j, p := range ring {
			coords[j] = kmlCoord(p[1], p[0], a.AltM)
		}
		k.coordinates(coords)
		k.close("LinearRing")
		k.close("outerBoundaryIs")
		k.close("Polygon")
		k.close("Placemark")
	}
	k.close("Folder")

	k.folder("intercepts", "Intercepts")
	for i, x := range s.Intercepts {
		k.open(`Placemark id="` + interceptID(i) + `"`)
		k.leaf("name", fmt.Sprintf("%s × %s (%s)", x.Interceptor, x.Threat, scene.OutcomeLabel(x.Outcome)))
		k.open("TimeStamp")
		k.leaf("when", c.instant(x.T))
		k.close("TimeStamp")
		k.styleURL("intercept-" + x.Outcome)
		k.data("threat", x.Threat, "interceptor", x.Interceptor, "site", x.Site, "owner", x.Owner, "outcome", scene.OutcomeLabel(x.Outcome))
		k.open("Point")
		k.leaf("altitudeMode", "absolute")
		k.leaf("coordinates", kmlCoord(x.LonDeg, x.LatDeg, x.AltM))
		k.close("Point")
		k.close("Placemark")
	}
	k.close("Folder")

	k.close("Document")
	k.close("kml")
	if err := k.w.Flush(); err != nil {
		return fmt.Errorf("export kml: %w", err)
	}
	return nil
}

// kmlStyles writes a shared Style for each kind the scene uses, in the
// order of the kind lists.
func kmlStyles(k *kmlWriter, s *scene.Scene) {
	for _, kind := range scene.SiteKinds {
		if slices.ContainsFunc(s.Sites, func(x scene.Site) bool { return x.Kind == kind }) {
			k.iconStyle("site-"+kind, siteColours[kind], true)
		}
	}
	for _, kind := range scene.TrackKinds {
		if slices.ContainsFunc(s.Tracks, func(x scene.Track) bool { return x.Kind == kind }) {
			k.open(`Style id="track-` + kind + `"`)
			k.lineStyle(trackColours[kind])
			k.close("Style")
		}
	}
	for _, kind := range scene.AreaKinds {
		if slices.ContainsFunc(s.Areas, func(x scene.Area) bool { return x.Kind == kind }) {
			k.open(`Style id="area-` + kind + `"`)
			k.lineStyle(areaColours[kind])
			k.open("PolyStyle")
			k.leaf("color", areaColours[kind].withAlpha(areaFillAlpha).kml())
			k.close("PolyStyle")
			k.close("Style")
		}
	}
	for _, o := range scene.Outcomes {
		if slices.ContainsFunc(s.Intercepts, func(x scene.Intercept) bool { return x.Outcome == o }) {
			k.iconStyle("intercept-"+o, interceptColour(scene.Intercept{Outcome: o}), false)
		}
	}
}

// kmlCoord is one KML coordinate tuple, lon,lat,alt.
func kmlCoord(lon, lat, alt float64) string {
	return num(lon, degreeDecimals) + "," + num(lat, degreeDecimals) + "," + num(alt, heightDecimals)
}

// kmlWriter writes indented KML, one element a line.
type kmlWriter struct {
	w     *bufio.Writer
	depth int
}

func (k *kmlWriter) raw(line string) {
	k.w.WriteString(strings.Repeat(" ", k.depth))
	k.w.WriteString(line)
	k.w.WriteByte('\n')
}

// open starts an element; tag may carry attributes, already escaped.
func (k *kmlWriter) open(tag string) { k.raw("<" + tag + ">"); k.depth++ }

func (k *kmlWriter) close(name string) { k.depth--; k.raw("</" + name + ">") }

// leaf writes an element holding text, escaped.
func (k *kmlWriter) leaf(name, text string) {
	k.raw("<" + name + ">" + escapeXML(text) + "</" + name + ">")
}

func (k *kmlWriter) folder(id, name string) {
	k.open(`Folder id="` + id + `"`)
	k.leaf("name", name)
}

func (k *kmlWriter) styleURL(id string) { k.leaf("styleUrl", "#"+id) }

// data writes ExtendedData from name, value pairs, leaving out empty values.
func (k *kmlWriter) data(pairs ...string) {
	k.open("ExtendedData")
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			continue
		}
		k.open(`Data name="` + escapeXML(pairs[i]) + `"`)
		k.leaf("value", pairs[i+1])
		k.close("Data")
	}
	k.close("ExtendedData")
}

// coordinates writes a list of tuples, one a line.
func (k *kmlWriter) coordinates(tuples []string) {
	k.open("coordinates")
	for _, t := range tuples {
		k.raw(t)
	}
	k.depth--
	k.raw("</coordinates>")
}

func (k *kmlWriter) iconStyle(id string, c rgba, label bool) {
	k.open(`Style id="` + id + `"`)
	k.open("IconStyle")
	k.leaf("color", c.kml())
	k.close("IconStyle")
	if label {
		k.open("LabelStyle")
		k.leaf("scale", fmt.Sprint(kmlLabelScale))
		k.close("LabelStyle")
	}
	k.close("Style")
}

func (k *kmlWriter) lineStyle(c rgba) {
	k.open("LineStyle")
	k.leaf("color", c.kml())
	k.leaf("width", fmt.Sprint(kmlLineWidth))
	k.close("LineStyle")
}

// escapeXML escapes text for XML content and attribute values: the five
// predefined entities, carriage return as a reference (so it survives
// line-end normalisation), and U+FFFD for what XML 1.0 forbids (control
// characters, surrogates, U+FFFE, U+FFFF, invalid UTF-8).
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s { // invalid UTF-8 ranges as U+FFFD
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\t' || r == '\n' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000:
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
