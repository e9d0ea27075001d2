package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/rampart-sim/rampart/internal/scene"
)

// Export formats, as named on the command line.
const (
	CZML    = "czml"
	KML     = "kml"
	GeoJSON = "geojson"
)

// Formats are the export formats, in documented order.
var Formats = []string{CZML, KML, GeoJSON}

// writers maps a format to its writer.
var writers = map[string]func(io.Writer, *scene.Scene) error{
	CZML:    WriteCZML,
	KML:     WriteKML,
	GeoJSON: WriteGeoJSON,
}

// Write writes s in format, one of Formats.
func Write(w io.Writer, s *scene.Scene, format string) error {
	write, ok := writers[format]
	if !ok {
		return fmt.Errorf("export: format %q is not known; allowed: %s", format, strings.Join(Formats, ", "))
	}
	return write(w, s)
}

// Ext is the usual file extension of format, with its dot.
func Ext(format string) string {
	return map[string]string{CZML: ".czml", KML: ".kml", GeoJSON: ".geojson"}[format]
}

// ids of the objects of a scene, the same in every format.
func siteID(i int) string      { return fmt.Sprintf("site-%d", i) }
func trackID(i int) string     { return fmt.Sprintf("track-%d", i) }
func areaID(i int) string      { return fmt.Sprintf("area-%d", i) }
func interceptID(i int) string { return fmt.Sprintf("intercept-%d", i) }

// checked validates s before a writer uses it.
func checked(s *scene.Scene) error {
	if s == nil {
		return fmt.Errorf("export: no scene")
	}
	if err := s.Validate("scene"); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
