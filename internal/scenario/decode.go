package scenario

import (
	"reflect"
	"slices"
	"strings"

	"github.com/rampart-sim/rampart/internal/strict"
)

// Input limits. A scenario is a few kilobytes; the limits are far above any
// real file and keep hostile input (huge files, deep nesting, alias bombs)
// from exhausting memory, stack or time.
const (
	// MaxFileSize is the largest scenario file accepted, in bytes.
	MaxFileSize = 1 << 20
	// maxNesting bounds how deeply collections may nest. The format itself
	// nests six levels (sites, platforms, parts).
	maxNesting = 100
	// maxNodes bounds the nodes of the document, counting each use of an
	// alias again. It defeats "billion laughs" alias expansion.
	maxNodes = 250_000
)

var limits = strict.Limits{MaxBytes: MaxFileSize, MaxNesting: maxNesting, MaxNodes: maxNodes}

// extensionPrefix starts the names of top-level fields the format ignores:
// a place for anchors that other fields merge or alias.
const extensionPrefix = "x-"

// Defaults for fields a file may leave out.
const (
	DefaultSeed      = 1
	DefaultTrials    = 1
	DefaultDurationS = 3600
)

// fieldNames returns the names a file may write in a mapping of type T, in
// the order the reference documents them (the struct's).
func fieldNames[T any]() []string {
	names, _ := strict.Fields(reflect.TypeFor[T]())
	return names
}

// The field lists of mappings whose allowed fields a message names.
var (
	scenarioFields = fieldNames[Scenario]()
	radarFields    = []string{"kind", "type", "azimuth_deg"}
	launcherFields = []string{"kind", "interceptor", "rounds"}
)

// parse decodes data strictly: unknown fields, duplicate fields and values
// of the wrong type are problems, and decoding goes on after each so that
// one pass finds every problem. It returns the (possibly partial)
// scenario and the problems found; it never panics.
func parse(filename string, data []byte) (*Scenario, *problems) {
	ps := &problems{}
	s := &Scenario{File: filename, pos: map[string]Pos{}, bad: map[string]bool{}}
	root := strict.Parse(filename, data, limits, strict.Want{Value: "a mapping with fields " + strings.Join(scenarioFields, ", "), Noun: "scenario"}, ps)
	if root == nil {
		return s, ps
	}
	d := strict.NewDecoder(filename, ps)
	d.Pos, d.Bad = s.pos, s.bad
	if root.Kind != strict.Map {
		ps.Fatal = true // not a mapping: nothing to validate
		d.Fail(root, "", "want a mapping of fields, got %s", root.Describe())
		return s, ps
	}
	// Top-level fields named x-... are extensions the format ignores.
	body := *root
	body.Fields = slices.DeleteFunc(slices.Clone(root.Fields), func(f strict.Field) bool {
		return strings.HasPrefix(f.Key, extensionPrefix)
	})
	s.Run = Run{Seed: DefaultSeed, Trials: DefaultTrials, DurationS: DefaultDurationS, Architecture: Integrated}
	hooks(d)
	d.Decode(&body, s, "")
	return s, ps
}

// hooks registers the types whose decoding is more than field by field.
func hooks(d *strict.Decoder) {
	strict.On(d, func(d *strict.Decoder, n *strict.Node, o *Owner, path string) {
		*o = Owner{Doctrine: DefaultDoctrine()}
		d.Struct(n, reflect.ValueOf(o).Elem(), path, strict.StructOptions{})
	})
	strict.On(d, func(d *strict.Decoder, n *strict.Node, t *Threat, path string) {
		*t = Threat{Profile: MinEnergy, Count: 1}
		d.Struct(n, reflect.ValueOf(t).Elem(), path, strict.StructOptions{})
	})
	strict.On(d, func(d *strict.Decoder, n *strict.Node, p *Point, path string) {
		if n.IsString() {
			d.Fail(n, path, "want a mapping; write {place: %s} for a catalog site, or {lat_deg: LAT, lon_deg: LON}", quote(n.Text))
			return
		}
		if d.Struct(n, reflect.ValueOf(p).Elem(), path, strict.StructOptions{}) {
			checkPoint(d, path)
		}
	})
	strict.On(d, func(d *strict.Decoder, n *strict.Node, st *Site, path string) {
		if d.Struct(n, reflect.ValueOf(st).Elem(), path, strict.StructOptions{}) {
			checkPoint(d, path)
		}
	})
	strict.On(d, func(d *strict.Decoder, n *strict.Node, a *Asset, path string) {
		if d.Struct(n, reflect.ValueOf(a).Elem(), path, strict.StructOptions{}) {
			checkPoint(d, path)
		}
	})
	strict.On(d, decodePart)
	strict.On(d, decodeAnalysis)
}

// decodePart decodes a platform part, whose kind decides which other
// fields are allowed.
func decodePart(d *strict.Decoder, n *strict.Node, pt *Part, path string) {
	o := strict.StructOptions{What: "a part"}
	if k := n.Field("kind"); k.IsString() {
		switch PartKind(k.Text) {
		case Radar:
			o = strict.StructOptions{Allowed: radarFields, What: "a radar part"}
		case Launcher:
			o = strict.StructOptions{Allowed: launcherFields, What: "a launcher part"}
		}
	}
	d.Struct(n, reflect.ValueOf(pt).Elem(), path, o)
}

// checkPoint reports a point that gives both a place and coordinates, or
// only one coordinate. These depend on which fields the file wrote, so the
// decoder checks them; Validate checks the values.
func checkPoint(d *strict.Decoder, path string) {
	_, place := d.Pos[joinPath(path, "place")]
	lp, lat := d.Pos[joinPath(path, "lat_deg")]
	op, lon := d.Pos[joinPath(path, "lon_deg")]
	ap, alt := d.Pos[joinPath(path, "alt_m")]
	switch {
	case place && alt && !lat && !lon:
		d.Bad[joinPath(path, "alt_m")] = true
		d.Problemf(ap, joinPath(path, "alt_m"), "give either place (which takes the catalog site's height) or lat_deg, lon_deg and alt_m, not both")
	case place && (lat || lon):
		at, f := lp, "lat_deg"
		if !lat {
			at, f = op, "lon_deg"
		}
		d.Bad[joinPath(path, "place")] = true
		d.Problemf(at, joinPath(path, f), "give either place or lat_deg and lon_deg, not both")
	case lat && !lon:
		d.Bad[joinPath(path, "lon_deg")] = true
		d.Problemf(d.PosOf(path), joinPath(path, "lon_deg"), "missing; lat_deg needs lon_deg")
	case lon && !lat:
		d.Bad[joinPath(path, "lat_deg")] = true
		d.Problemf(d.PosOf(path), joinPath(path, "lat_deg"), "missing; lon_deg needs lat_deg")
	case !place && !lat && !lon && !d.Bad[path]:
		d.Bad[joinPath(path, "place")] = true
		d.Problemf(d.PosOf(path), joinPath(path, "place"), "missing; give place (a catalog site) or lat_deg and lon_deg")
	}
}
