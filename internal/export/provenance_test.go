package export

import (
	"encoding/json"
	"strconv"
	"testing"
)

// TestExportsCarryProvenance: each format carries the scene's rampart
// version, scenario SHA-256 and seed where its readers keep them: CZML in
// the document packet's custom properties, KML in the Document's
// ExtendedData, GeoJSON as foreign members of the FeatureCollection
// (RFC 7946, section 6.1).
func TestExportsCarryProvenance(t *testing.T) {
	s := testScene(t)
	if s.RampartVersion == "" || s.ScenarioSHA256 == "" || s.Seed == 0 {
		t.Fatalf("testdata/scene.json lacks its provenance: %q %q %d", s.RampartVersion, s.ScenarioSHA256, s.Seed)
	}
	type stamp struct {
		Version string `json:"rampart_version"`
		SHA     string `json:"scenario_sha256"`
		Seed    int64  `json:"seed"`
	}
	want := stamp{s.RampartVersion, s.ScenarioSHA256, s.Seed}

	var packets []struct {
		ID         string `json:"id"`
		Properties *stamp `json:"properties"`
	}
	if err := json.Unmarshal(export(t, s, CZML), &packets); err != nil {
		t.Fatal(err)
	}
	if len(packets) == 0 || packets[0].ID != "document" || packets[0].Properties == nil || *packets[0].Properties != want {
		t.Errorf("CZML document packet = %+v, want properties %+v", packets[0], want)
	}

	var fc stamp
	if err := json.Unmarshal(export(t, s, GeoJSON), &fc); err != nil {
		t.Fatal(err)
	}
	if fc != want {
		t.Errorf("GeoJSON foreign members = %+v, want %+v", fc, want)
	}

	doc := child(parseKML(t, export(t, s, KML)), "Document")
	got := map[string]string{}
	if ed := child(doc, "ExtendedData"); ed != nil {
		for _, d := range ed.Children {
			got[d.Attr["name"]] = childText(d, "value")
		}
	}
	if got["rampart_version"] != want.Version || got["scenario_sha256"] != want.SHA || got["seed"] != strconv.FormatInt(want.Seed, 10) {
		t.Errorf("KML Document ExtendedData = %v, want %+v", got, want)
	}
}
