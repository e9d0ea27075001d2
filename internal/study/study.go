package study

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/report"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/scene"
	"github.com/rampart-sim/rampart/internal/sim"
)

// Headline is the answer to a scenario's question: a sentence and a number.
type Headline struct {
	Question string  `json:"question"`
	Answer   string  `json:"answer"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
}

// Options are the settings of a run that do not come from the analysis
// section: physics, seed and trials (for the analyses that draw), workers
// and a progress callback.
type Options struct {
	Context  context.Context
	Sim      sim.Options
	Seed     int64
	Trials   int
	Workers  int
	Progress func(label string, done, total int)
}

// Result is what a study produces.
type Result struct {
	Kind     string
	Headline Headline
	// Results is the kind's own results, written into the JSON document
	// after the common fields; a struct whose fields have json tags.
	Results any
	// Scene is the geometry for the report's maps and for rampart export;
	// never nil (empty for an analysis without geography).
	Scene *scene.Scene
	// Sections are the report's sections after the headline.
	Sections []report.Section
	// Systems are the catalog entries whose parameters the report lists.
	Systems []string
	// Events are the rows of events.csv, header first.
	Events [][]string
}

// Study is a decoded analysis section, ready to run.
type Study interface {
	scenario.Validator
	Run(s *scenario.Scenario, o Options) (*Result, error)
}

// newStudy returns an empty input of the analysis kind.
func newStudy(kind string) Study {
	switch kind {
	case "battlespace":
		return &Battlespace{}
	case "reach":
		return &Reach{}
	case "rotation":
		return &Rotation{}
	case "salvo":
		return &Salvo{}
	case "radar":
		return &Radar{}
	case "air-policing":
		return &AirPolicing{}
	case "architecture":
		return &Architecture{}
	}
	return nil
}

// Decode returns the study of s's analysis section, or nil if it has none.
// Bad input gives a *scenario.Errors with file positions.
func Decode(s *scenario.Scenario) (Study, error) {
	if s.Analysis == nil {
		return nil, nil
	}
	st := newStudy(s.Analysis.Kind)
	if st == nil {
		return nil, fmt.Errorf("analysis kind %q has no study", s.Analysis.Kind)
	}
	if a, ok := st.(*Architecture); ok {
		a.scenario = s
	}
	if err := s.DecodeAnalysis(st); err != nil {
		return nil, err
	}
	return st, nil
}

// Load is scenario.Load followed by Decode.
func Load(nameOrPath string) (*scenario.Scenario, Study, error) {
	s, err := scenario.Load(nameOrPath)
	if err != nil {
		return nil, nil, err
	}
	st, err := Decode(s)
	if err != nil {
		return nil, nil, err
	}
	return s, st, nil
}

// Document is the --json document of an analysis scenario: the common
// fields, then the kind's results.
type Document struct {
	Scenario    string   `json:"scenario"`
	File        string   `json:"file"`
	Question    string   `json:"question"`
	Kind        string   `json:"kind"`
	Seed        int64    `json:"seed"`
	Headline    Headline `json:"headline"`
	Assumptions []string `json:"assumptions"`
	Physics     any      `json:"physics"`
}

// MarshalDocument writes the document and the results as one JSON object,
// indented: the document's fields first, then the results' fields.
func MarshalDocument(d Document, results any) ([]byte, error) {
	if d.Assumptions == nil {
		d.Assumptions = []string{}
	}
	head, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(results)
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' {
		return nil, fmt.Errorf("study results must be a JSON object")
	}
	var flat []byte
	flat = append(flat, head[:len(head)-1]...)
	if len(body) > 2 {
		flat = append(flat, ',')
		flat = append(flat, body[1:]...)
	} else {
		flat = append(flat, '}')
	}
	var out bytes.Buffer
	if err := json.Indent(&out, flat, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// Parameters lists every catalog value of the named systems at pick.
func Parameters(systems []string, pick catalog.Pick) []report.Parameter {
	var out []report.Parameter
	var seen []string
	for _, n := range systems {
		e, err := catalog.Lookup(n)
		if err != nil || slices.Contains(seen, e.Name) {
			continue
		}
		seen = append(seen, e.Name)
		for _, k := range e.ParamKeys() {
			v, _ := e.Param(k)
			out = append(out, report.ParameterFrom(e.Name, k, v, e.At(k, pick)))
		}
	}
	return out
}

// addSystem appends name to list unless it is there.
func addSystem(list []string, names ...string) []string {
	for _, n := range names {
		if n != "" && !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	return list
}

// newScene returns an empty scene for s.
func newScene(s *scenario.Scenario) *scene.Scene {
	return &scene.Scene{Version: scene.Version, Name: s.Name, Question: s.Question, Epoch: scene.DefaultEpoch,
		Sites: []scene.Site{}, Tracks: []scene.Track{}, Areas: []scene.Area{}, Intercepts: []scene.Intercept{}}
}

// addSite adds st to sc unless a site of that kind and name is there.
func addSite(sc *scene.Scene, st scene.Site) {
	for _, o := range sc.Sites {
		if o.Kind == st.Kind && o.Name == st.Name {
			return
		}
	}
	st.LatDeg, st.LonDeg, st.AltM = r6(st.LatDeg), r6(st.LonDeg), r1(st.AltM)
	sc.Sites = append(sc.Sites, st)
}

func r6(x float64) float64 { return roundTo(x, 6) }
func r1(x float64) float64 { return roundTo(x, 1) }
