package catalog

import (
	"math"
	"testing"
)

// TestOverrides: an override sets a parameter or a stage value to a
// point value in the copy returned, and leaves the shared catalog as it
// was.
func TestOverrides(t *testing.T) {
	before, err := Lookup("SM-3 IIA")
	if err != nil {
		t.Fatal(err)
	}
	ov := Overrides{}
	ov.Set("SM-3 IIA", "pk", 0.9)
	ov.Set("SM-3 IIA", "stage1.thrust_kn", 123)
	e, err := ov.Lookup("sm3 iia")
	if err != nil {
		t.Fatal(err)
	}
	if v := e.Params["pk"]; v.Low != 0.9 || v.Central != 0.9 || v.High != 0.9 || v.Source != before.Params["pk"].Source {
		t.Errorf("overridden pk %+v", v)
	}
	if v, _ := e.Value("stage1.thrust_kn"); v.At(PickLow) != 123 {
		t.Errorf("overridden stage1.thrust_kn %+v", v)
	}
	after, _ := Lookup("SM-3 IIA")
	if after.Params["pk"] != before.Params["pk"] || after.Stages[0] != before.Stages[0] {
		t.Error("the override changed the shared catalog")
	}
	if _, ok := e.Value("stage9.thrust_kn"); ok {
		t.Error("a stage the entry lacks was found")
	}
	if n := len(e.ValueKeys()); n != len(e.Params)+4*len(e.Stages) {
		t.Errorf("ValueKeys: %d keys", n)
	}
}

func TestBounds(t *testing.T) {
	for _, c := range []struct {
		key, unit string
		lo, hi    float64
	}{{"pk", "1", 0, 1}, {"min_elevation_deg", "deg", -180, 360}, {"gain_db", "dB", -200, 200}, {"range_km", "km", 0, math.Inf(1)}} {
		if lo, hi, _ := Bounds(c.unit); lo != c.lo || hi != c.hi {
			t.Errorf("Bounds(%s) = %g, %g; want %g, %g", c.key, lo, hi, c.lo, c.hi)
		}
	}
}
