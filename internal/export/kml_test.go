package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/scene"
)

// kmlElement is a parsed element: name, attributes, text and children.
type kmlElement struct {
	Space, Name string
	Attr        map[string]string
	Text        string
	Children    []*kmlElement
}

// parseKML checks that data is well-formed XML (encoding/xml in strict
// mode: one root, matched tags, defined entities, legal characters) and
// returns its tree.
func parseKML(t *testing.T, data []byte) *kmlElement {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []*kmlElement
	var root *kmlElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("KML is not well-formed XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			e := &kmlElement{Space: x.Name.Space, Name: x.Name.Local, Attr: map[string]string{}}
			for _, a := range x.Attr {
				e.Attr[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, e)
			} else if root != nil {
				t.Fatalf("KML has a second root element %s", e.Name)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(x)
			}
		}
	}
	if root == nil {
		t.Fatal("KML has no root element")
	}
	return root
}

// kmlChildOrder is, for each element the writer uses, its children in the
// order of their xs:sequence in the OGC KML 2.2 schema (ogckml22.xsd; the
// Feature elements of AbstractFeatureType, then the type's own). A child
// may repeat only where the schema allows (Style, Folder, Placemark, Data).
var kmlChildOrder = map[string][]string{
	"kml":             {"Document"},
	"Document":        {"name", "open", "description", "Style", "ExtendedData", "Folder"},
	"Folder":          {"name", "Placemark"},
	"Placemark":       {"name", "TimeSpan", "TimeStamp", "styleUrl", "ExtendedData", "Point", "LineString", "Polygon"},
	"Style":           {"IconStyle", "LabelStyle", "LineStyle", "PolyStyle"},
	"IconStyle":       {"color", "scale"},
	"LabelStyle":      {"color", "scale"},
	"LineStyle":       {"color", "width"},
	"PolyStyle":       {"color", "fill", "outline"},
	"TimeSpan":        {"begin", "end"},
	"TimeStamp":       {"when"},
	"ExtendedData":    {"Data"},
	"Data":            {"value"},
	"Point":           {"altitudeMode", "coordinates"},
	"LineString":      {"tessellate", "altitudeMode", "coordinates"},
	"Polygon":         {"tessellate", "altitudeMode", "outerBoundaryIs"},
	"outerBoundaryIs": {"LinearRing"},
	"LinearRing":      {"coordinates"},
}

var kmlRepeatable = map[string]bool{"Style": true, "Folder": true, "Placemark": true, "Data": true}

// Patterns of KML simple types (ogckml22.xsd).
var (
	kmlColorPattern = regexp.MustCompile(`^[0-9a-f]{8}$`)                                                    // kml:colorType, aabbggrr
	kmlTuple        = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?,-?[0-9]+(\.[0-9]+)?(,-?[0-9]+(\.[0-9]+)?)?$`) // lon,lat[,alt]
	kmlIDPattern    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)                                       // xs:ID, an NCName
)

// checkKMLStructure walks the tree checking children against the schema
// order and the simple types of the leaves.
func checkKMLStructure(t *testing.T, e *kmlElement, path string) {
	t.Helper()
	if e.Space != kmlNamespace {
		t.Errorf("%s is in namespace %q, want %q", path, e.Space, kmlNamespace)
	}
	if id, ok := e.Attr["id"]; ok && !kmlIDPattern.MatchString(id) {
		t.Errorf("%s id %q is not an NCName", path, id)
	}
	order, known := kmlChildOrder[e.Name]
	if !known && len(e.Children) > 0 {
		t.Errorf("%s has children but is a leaf in the writer's schema table", path)
	}
	prev := -1 // the schema index of the previous child
	for _, c := range e.Children {
		i := slices.Index(order, c.Name)
		switch {
		case i < 0:
			t.Errorf("%s has child %s, not allowed there", path, c.Name)
		case i < prev:
			t.Errorf("%s has child %s out of the schema's order %v", path, c.Name, order)
		case i == prev && !kmlRepeatable[c.Name]:
			t.Errorf("%s has child %s twice", path, c.Name)
		}
		prev = max(prev, i)
		checkKMLStructure(t, c, path+"/"+c.Name)
	}
	text := strings.TrimSpace(e.Text)
	switch e.Name {
	case "color":
		if !kmlColorPattern.MatchString(text) {
			t.Errorf("%s = %q, want aabbggrr hex", path, text)
		}
	case "altitudeMode":
		if !slices.Contains([]string{"clampToGround", "relativeToGround", "absolute"}, text) {
			t.Errorf("%s = %q, want a kml:altitudeModeEnumType", path, text)
		}
	case "begin", "end", "when":
		if _, err := time.Parse(time.RFC3339Nano, text); err != nil {
			t.Errorf("%s = %q, want an xs:dateTime: %v", path, text, err)
		}
	case "coordinates":
		for _, tuple := range strings.Fields(text) {
			if !kmlTuple.MatchString(tuple) {
				t.Errorf("%s tuple %q, want lon,lat[,alt]", path, tuple)
			}
		}
	case "open", "tessellate":
		if text != "0" && text != "1" {
			t.Errorf("%s = %q, want a boolean 0 or 1", path, text)
		}
	}
}

func child(e *kmlElement, name string) *kmlElement {
	for _, c := range e.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func childText(e *kmlElement, path ...string) string {
	for _, name := range path {
		if e = child(e, name); e == nil {
			return ""
		}
	}
	return strings.TrimSpace(e.Text)
}

func TestKMLStructure(t *testing.T) {
	s := testScene(t)
	root := parseKML(t, export(t, s, KML))
	if root.Name != "kml" {
		t.Fatalf("KML root = %s, want kml", root.Name)
	}
	checkKMLStructure(t, root, "/kml")
	doc := child(root, "Document")
	if doc == nil {
		t.Fatal("KML has no Document")
	}
	if got := childText(doc, "description"); got != s.Question {
		t.Errorf("Document description = %q, want %q (escaped and read back)", got, s.Question)
	}
	styles := map[string]bool{}
	var folders []*kmlElement
	for _, c := range doc.Children {
		switch c.Name {
		case "Style":
			styles["#"+c.Attr["id"]] = true
		case "Folder":
			folders = append(folders, c)
		}
	}
	wantFolders := []struct {
		name, geometry, altitudeMode, time string
		n                                  int
	}{
		{"Sites", "Point", "", "", len(s.Sites)},
		{"Tracks", "LineString", "absolute", "TimeSpan", len(s.Tracks)},
		{"Areas", "Polygon", "", "", len(s.Areas)},
		{"Intercepts", "Point", "absolute", "TimeStamp", len(s.Intercepts)},
	}
	if len(folders) != len(wantFolders) {
		t.Fatalf("KML has %d Folders, want %d", len(folders), len(wantFolders))
	}
	for i, w := range wantFolders {
		f := folders[i]
		var marks []*kmlElement
		for _, c := range f.Children {
			if c.Name == "Placemark" {
				marks = append(marks, c)
			}
		}
		if got := childText(f, "name"); got != w.name || len(marks) != w.n {
			t.Errorf("Folder %d = %q with %d Placemarks, want %q with %d", i, got, len(marks), w.name, w.n)
			continue
		}
		for _, m := range marks {
			if !styles[childText(m, "styleUrl")] {
				t.Errorf("%s Placemark %s styleUrl %q names no Style", w.name, m.Attr["id"], childText(m, "styleUrl"))
			}
			g := child(m, w.geometry)
			if g == nil {
				t.Errorf("%s Placemark %s has no %s", w.name, m.Attr["id"], w.geometry)
				continue
			}
			if w.altitudeMode != "" && childText(g, "altitudeMode") != w.altitudeMode {
				t.Errorf("%s Placemark %s altitudeMode = %q, want %q", w.name, m.Attr["id"], childText(g, "altitudeMode"), w.altitudeMode)
			}
			if w.time != "" && child(m, w.time) == nil {
				t.Errorf("%s Placemark %s has no %s", w.name, m.Attr["id"], w.time)
			}
		}
		switch w.name {
		case "Sites":
			for j, m := range marks {
				if got := childText(m, "name"); got != s.Sites[j].Name {
					t.Errorf("site %d name = %q, want %q (escaped and read back)", j, got, s.Sites[j].Name)
				}
			}
		case "Tracks":
			tr := s.Tracks[0]
			if got, want := childText(marks[0], "TimeSpan", "begin"), "2026-01-01T00:00:00Z"; got != want {
				t.Errorf("track 0 TimeSpan begin = %s, want %s", got, want)
			}
			if got, want := childText(marks[0], "TimeSpan", "end"), "2026-01-01T00:10:40Z"; got != want {
				t.Errorf("track 0 TimeSpan end = %s, want %s (t = %g s)", got, want, tr.Points[len(tr.Points)-1].T)
			}
			if n := len(strings.Fields(childText(marks[0], "LineString", "coordinates"))); n != len(tr.Points) {
				t.Errorf("track 0 LineString has %d tuples, want %d", n, len(tr.Points))
			}
		case "Areas":
			for j, m := range marks {
				checkKMLRing(t, j, childText(m, "Polygon", "outerBoundaryIs", "LinearRing", "coordinates"), s.Areas[j])
			}
		case "Intercepts":
			if got, want := childText(marks[0], "TimeStamp", "when"), "2026-01-01T00:08:20.25Z"; got != want {
				t.Errorf("intercept 0 TimeStamp when = %s, want %s", got, want)
			}
		}
	}
}

// checkKMLRing checks that an outer ring is closed, as long as the scene's,
// and counterclockwise (unwrapped) unless it goes round a pole.
func checkKMLRing(t *testing.T, i int, coords string, a scene.Area) {
	t.Helper()
	tuples := strings.Fields(coords)
	if len(tuples) != len(a.Ring) || tuples[0] != tuples[len(tuples)-1] {
		t.Errorf("area %d ring = %d tuples, first %s last %s; want %d, closed", i, len(tuples), tuples[0], tuples[len(tuples)-1], len(a.Ring))
		return
	}
	if scene.PoleWinding(a.Ring) != 0 {
		return
	}
	ring := make([][2]float64, len(tuples))
	for j, tu := range tuples {
		f := strings.Split(tu, ",")
		lon, _ := strconv.ParseFloat(f[0], 64)
		lat, _ := strconv.ParseFloat(f[1], 64)
		ring[j] = [2]float64{lat, lon}
	}
	if signedArea(unwrapped(ring, 0)) <= 0 {
		t.Errorf("area %d outer ring %s is not counterclockwise", i, coords)
	}
}

// TestKMLEscapes: markup and characters XML forbids in names come through
// as text in a well-formed document.
func TestKMLEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`R&D <b>"x"</b> 'y'`, `R&D <b>"x"</b> 'y'`},
		{"]]> & </name>", "]]> & </name>"},
		{"bell\x07 nul\x00 bad\xff utf8", "bell\uFFFD nul\uFFFD bad\uFFFD utf8"},
		{"tab\tnewline\ncr\rend", "tab\tnewline\ncr\rend"},
		{"\uFFFE\U0001F680", "\uFFFD\U0001F680"},
	} {
		s := &scene.Scene{Version: scene.Version, Epoch: scene.DefaultEpoch, Name: c.in,
			Sites: []scene.Site{{Name: c.in, Kind: scene.SitePlace, Note: c.in}}}
		root := parseKML(t, export(t, s, KML))
		doc := child(root, "Document")
		if got := child(doc, "name").Text; got != c.want {
			t.Errorf("WriteKML(name %q) reads back %q, want %q", c.in, got, c.want)
		}
		site := child(child(doc, "Folder"), "Placemark")
		if got := child(site, "name").Text; got != c.want {
			t.Errorf("WriteKML(site name %q) reads back %q, want %q", c.in, got, c.want)
		}
	}
}
