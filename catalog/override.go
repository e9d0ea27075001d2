package catalog

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Overrides set catalog parameters to one value for one run, without
// touching the shared catalog: a sweep point or a sensitivity run looks its
// entries up through them. Keys are canonical entry names, then parameter
// names as ParamKeys lists them, or "stageN.field" (N from 1; field one of
// StageFields) for a stage value. An overridden value is a point value
// (Low = Central = High), so every pick reads it.
type Overrides map[string]map[string]float64

// StageFields are the names of a stage's values, as in the data files.
var StageFields = []string{"thrust_kn", "burn_time_s", "propellant_kg", "dry_kg"}

// Set records entry.key = x.
func (o Overrides) Set(entry, key string, x float64) {
	if o[entry] == nil {
		o[entry] = map[string]float64{}
	}
	o[entry][key] = x
}

// Lookup is catalog.Lookup with the overrides applied to the entry found.
func (o Overrides) Lookup(name string) (Entry, error) {
	e, err := Lookup(name)
	if err != nil || len(o) == 0 {
		return e, err
	}
	return o.Apply(e), nil
}

// Apply returns e with its overridden values set; e itself (and the shared
// catalog) is left as it was.
func (o Overrides) Apply(e Entry) Entry {
	set := o[e.Name]
	if len(set) == 0 {
		return e
	}
	out := e.clone()
	for k, x := range set {
		if n, field, ok := splitStageKey(k); ok && n <= len(out.Stages) {
			if p := out.Stages[n-1].field(field); p != nil {
				*p = overridden(*p, x)
			}
			continue
		}
		if v, ok := out.Params[k]; ok {
			out.Params[k] = overridden(v, x)
		}
	}
	return out
}

// overridden is v set to the point value x, its source saying so.
func overridden(v Value, x float64) Value {
	was := v.String()
	v.Low, v.Central, v.High = x, x, x
	v.Note = strings.TrimPrefix(v.Note+"; ", "; ") + "set by a sweep or sensitivity run (catalog: " + was + ")"
	return v
}

// field returns a pointer to the stage value called name, or nil.
func (s *Stage) field(name string) *Value {
	switch name {
	case "thrust_kn":
		return &s.ThrustKN
	case "burn_time_s":
		return &s.BurnTimeS
	case "propellant_kg":
		return &s.PropellantKg
	case "dry_kg":
		return &s.DryKg
	}
	return nil
}

// splitStageKey splits "stage2.thrust_kn" into 2 and "thrust_kn".
func splitStageKey(k string) (int, string, bool) {
	head, field, ok := strings.Cut(k, ".")
	if !ok || !strings.HasPrefix(head, "stage") {
		return 0, "", false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(head, "stage"))
	if err != nil || n < 1 {
		return 0, "", false
	}
	return n, field, true
}

// Value returns the catalog value of e called key: a parameter, or a stage
// value "stageN.field".
func (e Entry) Value(key string) (Value, bool) {
	if n, field, ok := splitStageKey(key); ok {
		if n > len(e.Stages) {
			return Value{}, false
		}
		s := e.Stages[n-1]
		if p := s.field(field); p != nil {
			return *p, true
		}
		return Value{}, false
	}
	v, ok := e.Params[key]
	return v, ok
}

// ValueKeys lists every value of e that Value accepts: the parameters
// (sorted), then the stage values in stage order.
func (e Entry) ValueKeys() []string {
	keys := e.ParamKeys()
	for i := range e.Stages {
		for _, f := range StageFields {
			keys = append(keys, fmt.Sprintf("stage%d.%s", i+1, f))
		}
	}
	return keys
}

// Bounds returns the physical range a value of that unit may take when
// set by hand (a sweep): [0, 1] for a probability or fraction, angles
// within -180 to 360 degrees, decibels within -200 to 200 dB, and anything
// else non-negative. It is a bound on meaning, not the catalog's sourced
// band (Value.Low to Value.High), which a sweep may leave on purpose.
func Bounds(unit string) (lo, hi float64, what string) {
	switch {
	case unit == "1":
		return 0, 1, "a probability or fraction"
	case unit == "deg":
		return -180, 360, "an angle"
	case unit == "dB":
		return -200, 200, "a level in decibels"
	}
	return 0, math.Inf(1), "a non-negative " + unit + " value"
}

// Names returns the sorted entry and parameter names of o, for messages
// and reports: "ENTRY.key".
func (o Overrides) Names() []string {
	var out []string
	for e, set := range o {
		for k := range set {
			out = append(out, e+"."+k)
		}
	}
	sort.Strings(out)
	return out
}
