package store

import (
	"encoding/json"
	"math"
)

// JSON: NaN and infinities, which encoding/json refuses, are written as
// null, and an interval with one of them as null.

// finite is x, or nil for NaN and infinities.
func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func finiteCI(ci *[2]float64) *[2]float64 {
	if ci == nil || finite(ci[0]) == nil || finite(ci[1]) == nil {
		return nil
	}
	return ci
}

type statisticJSON struct {
	Name   string      `json:"name"`
	Label  string      `json:"label"`
	Kind   string      `json:"kind"`
	Value  *float64    `json:"value"`
	CI95   *[2]float64 `json:"ci95"`
	Unit   string      `json:"unit,omitempty"`
	Trials int         `json:"trials,omitempty"`
}

// MarshalJSON writes the run with its statistics' NaNs as null.
func (r Run) MarshalJSON() ([]byte, error) {
	type plain Run // without this method
	v := struct {
		plain
		Statistics []statisticJSON `json:"statistics,omitempty"`
	}{plain: plain(r)}
	for _, s := range r.Statistics {
		v.Statistics = append(v.Statistics, statisticJSON{Name: s.Name, Label: s.Label, Kind: string(s.Kind),
			Value: finite(s.Value), CI95: finiteCI(s.CI95), Unit: s.Unit, Trials: s.Trials})
	}
	return json.Marshal(v)
}

// MarshalJSON writes the difference with NaNs as null.
func (d Difference) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name       string      `json:"name"`
		Label      string      `json:"label"`
		Kind       string      `json:"kind"`
		Unit       string      `json:"unit,omitempty"`
		A          *float64    `json:"a"`
		ACI95      *[2]float64 `json:"a_ci95"`
		B          *float64    `json:"b"`
		BCI95      *[2]float64 `json:"b_ci95"`
		Difference *float64    `json:"difference"`
		CI95       *[2]float64 `json:"difference_ci95"`
		Method     Method      `json:"method"`
	}{d.Name, d.Label, string(d.Kind), d.Unit, finite(d.A), finiteCI(d.ACI95), finite(d.B), finiteCI(d.BCI95),
		finite(d.Difference), finiteCI(d.CI95), d.Method})
}

// MarshalJSON writes the comparison with both runs' records (without
// their statistics, which the differences carry).
func (c Comparison) MarshalJSON() ([]byte, error) {
	a, b := c.A, c.B
	a.Statistics, b.Statistics = nil, nil
	return json.Marshal(struct {
		A           Run          `json:"a"`
		B           Run          `json:"b"`
		Differences []Difference `json:"differences"`
		Notes       []string     `json:"notes"`
	}{a, b, c.Differences, c.Notes})
}
