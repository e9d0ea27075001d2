package report

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
)

// bordersData is Natural Earth's 1:50m Admin 0 countries in rampart's
// compact topology format (see data/README.md and decodeBorders).
//
//go:embed data/borders-50m.bin
var bordersData []byte

// Borders is a set of country polygons and the lines (coasts and land
// borders) that bound them, each line stored once.
type Borders struct {
	Header    string // the data file's first line: format, source, edition
	Countries []Country
	Lines     []BorderLine
}

// Country is one Natural Earth Admin 0 country.
type Country struct {
	ID       string // ISO 3166-1 numeric code; "" where there is none (e.g. Kosovo)
	Name     string
	Polygons []Polygon
	bounds   []bcap // one per polygon: a cap holding its outer ring
}

// Polygon is an outer ring followed by its holes.
type Polygon []Ring

// Ring is a closed ring of positions: the first is repeated last.
// Natural Earth rings are planar in (lon, lat) and split at ±180°.
type Ring []LatLon

// BorderLine is a polyline shared by the rings on either side of it.
type BorderLine struct {
	Points []LatLon
	Coast  bool // bounds one country only: a coast (or a cut at ±180°)
	bound  bcap
}

// bcap is a spherical cap that holds a set of points: angle(c, p) ≤ r.
type bcap struct {
	c vec3
	r float64 // radians
}

// bordersMagic starts the header line of a borders file.
const bordersMagic = "rampart-borders 1 "

// LoadBorders returns the embedded Natural Earth borders, decoded once.
var LoadBorders = sync.OnceValues(func() (*Borders, error) {
	b, err := decodeBorders(bordersData)
	if err != nil {
		return nil, fmt.Errorf("report: embedded borders: %w", err)
	}
	return b, nil
})

// Country returns the country with the given name (as Natural Earth spells
// it, case-insensitive).
func (b *Borders) Country(name string) (*Country, bool) {
	for i := range b.Countries {
		if strings.EqualFold(b.Countries[i].Name, name) {
			return &b.Countries[i], true
		}
	}
	return nil, false
}

// Contains reports whether p lies inside the country, by the even–odd rule
// on its rings taken as planar in (lon, lat), as Natural Earth defines them.
func (c *Country) Contains(p LatLon) bool {
	for _, poly := range c.Polygons {
		if poly.Contains(p) {
			return true
		}
	}
	return false
}

// Contains reports whether p lies inside the outer ring and outside the
// holes (the even–odd rule, planar in (lon, lat)).
func (poly Polygon) Contains(p LatLon) bool {
	in := false
	for _, r := range poly {
		for i := 1; i < len(r); i++ {
			a, b := r[i-1], r[i]
			if (a.Lat > p.Lat) != (b.Lat > p.Lat) &&
				p.Lon < a.Lon+(p.Lat-a.Lat)*(b.Lon-a.Lon)/(b.Lat-a.Lat) {
				in = !in
			}
		}
	}
	return in
}

// errBorders marks a malformed borders file.
var errBorders = errors.New("malformed borders data")

// decodeBorders reads the format written by encodeBorders (borders_gen_test.go):
//
//	header line: "rampart-borders 1 scale=SX,SY translate=TX,TY <provenance>\n"
//	uvarint nLines; per line: uvarint nPoints, then nPoints (x, y) pairs of
//	    zigzag varints, delta-coded as in TopoJSON (the first pair absolute);
//	    lon = TX + SX·x, lat = TY + SY·y
//	uvarint nCountries; per country: string ID, string name, uvarint
//	    nPolygons; per polygon uvarint nRings; per ring uvarint nArcs, then
//	    nArcs zigzag varints: line i, or ^i for line i reversed
//
// Strings are a uvarint length and UTF-8 bytes. A ring joins its lines,
// dropping each line's first point after the first (TopoJSON arcs).
func decodeBorders(data []byte) (*Borders, error) {
	head, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok || !bytes.HasPrefix(head, []byte(bordersMagic)) {
		return nil, fmt.Errorf("%w: no %q header", errBorders, strings.TrimSpace(bordersMagic))
	}
	b := &Borders{Header: string(head)}
	var sx, sy, tx, ty float64
	for _, f := range strings.Fields(string(head)) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "scale":
			if _, err := fmt.Sscanf(v, "%g,%g", &sx, &sy); err != nil {
				return nil, fmt.Errorf("%w: scale %q: %w", errBorders, v, err)
			}
		case "translate":
			if _, err := fmt.Sscanf(v, "%g,%g", &tx, &ty); err != nil {
				return nil, fmt.Errorf("%w: translate %q: %w", errBorders, v, err)
			}
		}
	}
	if sx == 0 || sy == 0 {
		return nil, fmt.Errorf("%w: no scale in header", errBorders)
	}
	r := &varintReader{b: body}
	nl := r.count()
	b.Lines = make([]BorderLine, nl)
	for i := range b.Lines {
		n := r.count()
		pts := make([]LatLon, n)
		var x, y int64
		for j := range pts {
			x += r.varint()
			y += r.varint()
			pts[j] = LatLon{Lat: ty + sy*float64(y), Lon: tx + sx*float64(x)}
		}
		b.Lines[i].Points = pts
	}
	uses := make([]int, nl)
	nc := r.count()
	b.Countries = make([]Country, nc)
	for i := range b.Countries {
		c := &b.Countries[i]
		c.ID, c.Name = r.str(), r.str()
		c.Polygons = make([]Polygon, r.count())
		for p := range c.Polygons {
			c.Polygons[p] = make(Polygon, r.count())
			for k := range c.Polygons[p] {
				var ring Ring
				for range r.count() {
					a := r.varint()
					idx := int(a)
					if a < 0 {
						idx = int(^a)
					}
					if r.err != nil {
						return nil, r.err
					}
					if idx >= nl {
						return nil, fmt.Errorf("%w: %s: line %d of %d", errBorders, c.Name, idx, nl)
					}
					uses[idx]++
					pts := b.Lines[idx].Points
					start := len(ring)
					if len(ring) > 0 {
						ring = ring[:len(ring)-1] // shared joint
						start = len(ring)
					}
					ring = append(ring, pts...)
					if a < 0 {
						seg := ring[start:]
						for l, m := 0, len(seg)-1; l < m; l, m = l+1, m-1 {
							seg[l], seg[m] = seg[m], seg[l]
						}
					}
				}
				if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
					return nil, fmt.Errorf("%w: %s: ring %d of polygon %d is not closed", errBorders, c.Name, k, p)
				}
				c.Polygons[p][k] = ring
			}
			c.bounds = append(c.bounds, boundingCap(c.Polygons[p][0]))
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", errBorders, len(r.b))
	}
	for i := range b.Lines {
		b.Lines[i].Coast = uses[i] < 2
		b.Lines[i].bound = boundingCap(b.Lines[i].Points)
	}
	return b, nil
}

// boundingCap returns a cap about the mean direction of pts that holds them.
func boundingCap(pts []LatLon) bcap {
	var s vec3
	for _, p := range pts {
		s = s.add(unit(p))
	}
	c := s.normalize()
	if c.norm() == 0 {
		return bcap{c: vec3{0, 0, 1}, r: math.Pi}
	}
	var r float64
	for _, p := range pts {
		r = math.Max(r, angle(c, unit(p)))
	}
	return bcap{c: c, r: r}
}

// varintReader reads the body of a borders file, keeping the first error.
type varintReader struct {
	b   []byte
	err error
}

// maxBorderCount bounds any count in a borders file, so that corrupt data
// cannot ask for a huge allocation: the 1:10m data have under 10⁶ points.
const maxBorderCount = 1 << 22

func (r *varintReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = fmt.Errorf("%w: truncated at %d bytes from the end", errBorders, len(r.b))
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *varintReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1) // zigzag
}

func (r *varintReader) count() int {
	v := r.uvarint()
	if v > maxBorderCount {
		r.err = fmt.Errorf("%w: count %d too large", errBorders, v)
		return 0
	}
	return int(v)
}

func (r *varintReader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	if n > len(r.b) {
		r.err = fmt.Errorf("%w: string of %d bytes, %d left", errBorders, n, len(r.b))
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
