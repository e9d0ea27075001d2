package store

import (
	"bytes"
	"fmt"

	"github.com/rampart-sim/rampart/internal/export"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/study"
)

// SpecOf is the spec of running study st of scenario s with options o,
// as study.Run would run it.
func SpecOf(s *scenario.Scenario, st study.Study, o study.Options) Spec {
	sp := Spec{Scenario: s.Name, ScenarioSHA256: s.SHA256, Kind: study.EngineKind, RampartVersion: provenance.Version(),
		Seed: o.Seed, Trials: o.Trials, PickThreat: o.Sim.ThreatPick.String(), PickDefense: o.Sim.DefensePick.String(),
		Reproduce: study.ReproduceCommand(s, o)}
	if _, engine := st.(*study.Engine); engine {
		if f, err := study.EngineFidelity(s, o); err == nil {
			sp.Fidelity = f.String()
		}
	} else if s.Analysis != nil {
		sp.Kind = s.Analysis.Kind
	}
	if !study.KindUses(s).MonteCarlo {
		sp.Trials = 0
	}
	return sp
}

// Media types of the stored files.
var mediaTypes = map[string]string{
	study.ReportFile:                      "text/html; charset=utf-8",
	study.EventsFile:                      "text/csv; charset=utf-8",
	study.EventsParquetFile:               "application/vnd.apache.parquet",
	study.SummaryParquetFile:              "application/vnd.apache.parquet",
	scene.FileName:                        "application/json",
	"export" + export.Ext(export.CZML):    "application/json",
	"export" + export.Ext(export.KML):     "application/vnd.google-earth.kml+xml",
	"export" + export.Ext(export.GeoJSON): "application/geo+json",
}

// OutcomeOf is what a finished study result adds to its run: headline,
// statistics (study.Statistics), results.json, and the files of its
// report directory (study.Files) with its exports (export.czml,
// export.kml, export.geojson), all built before anything is written.
func OutcomeOf(res *study.Result) (Outcome, error) {
	files, err := study.Files(res)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{Headline: res.Headline.Answer, Statistics: study.Statistics(res), Results: res.Document}
	for _, n := range study.ReportFiles() {
		if _, ok := files[n]; !ok || n == study.ResultsFile {
			continue // not a file of this kind of run, or kept as Results
		}
		out.Files = append(out.Files, File{Name: n, MediaType: mediaTypes[n], Data: files[n]})
	}
	for _, f := range export.Formats {
		var buf bytes.Buffer
		if err := export.Write(&buf, res.Scene, f); err != nil {
			return Outcome{}, fmt.Errorf("export %s: %w", f, err)
		}
		n := "export" + export.Ext(f)
		out.Files = append(out.Files, File{Name: n, MediaType: mediaTypes[n], Data: buf.Bytes()})
	}
	return out, nil
}
