package study

import (
	"fmt"
	"io"
	"math"

	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/provenance"
	"github.com/rampart-sim/rampart/radar"
)

// RadarJSON is the JSON document of rampart radar. Results appear only
// when the inputs determine them. rampart radar reads no scenario file and
// draws no random numbers (its inputs are the flags, echoed in Inputs), so
// ScenarioSHA256 and Seed are null.
type RadarJSON struct {
	RampartVersion string          `json:"rampart_version"`
	ScenarioSHA256 *string         `json:"scenario_sha256"`
	Seed           *int64          `json:"seed"`
	Inputs         RadarInputsJSON `json:"inputs"`
	SNRdB          *float64        `json:"snr_db,omitempty"`
	Pd             *float64        `json:"pd,omitempty"`
	RequiredSNRdB  *float64        `json:"required_snr_db,omitempty"`
	MaxRangeKm     *float64        `json:"max_range_km,omitempty"`
	HorizonKm      *float64        `json:"horizon_km,omitempty"`
}

// RadarInputsJSON echoes the inputs of a radar calculation, in the
// units of the command line.
type RadarInputsJSON struct {
	Radar         string   `json:"radar,omitempty"`
	FreqGHz       float64  `json:"freq_ghz"`
	WavelengthM   float64  `json:"wavelength_m"`
	PeakPowerKW   float64  `json:"peak_power_kw"`
	PulseUs       float64  `json:"pulse_us"`
	TxGainDB      float64  `json:"tx_gain_db"`
	RxGainDB      float64  `json:"rx_gain_db"`
	RCSm2         float64  `json:"rcs_m2"`
	NoiseTempK    float64  `json:"noise_temp_k"`
	LossDB        float64  `json:"loss_db"`
	Pulses        int      `json:"pulses"`
	Coherent      bool     `json:"coherent"`
	Pfa           float64  `json:"pfa"`
	Swerling      int      `json:"swerling"`
	RangeKm       *float64 `json:"range_km,omitempty"`
	Pd            *float64 `json:"pd,omitempty"`
	RequiredSNRdB *float64 `json:"required_snr_db,omitempty"`
	HeightM       *float64 `json:"height_m,omitempty"`
	TargetAltKm   *float64 `json:"target_alt_km,omitempty"`
}

// RadarAsk is what a radar calculation asks for; NaN leaves a question out.
type RadarAsk struct {
	RangeKm              float64 // SNR and Pd of a target at this range
	HeightM, TargetAltKm float64 // horizon range of an antenna at HeightM to a target at TargetAltKm
	RequiredSNRdB        float64 // maximum range at this SNR
	Pd                   float64 // maximum range at this Pd
	PdGiven              bool    // Pd was asked for (else it is asked only when nothing else is)
}

// RadarDocument computes what ask asks of the radar equation eq with the
// detector det, and echoes in (with eq's parameters filled in).
func RadarDocument(eq radar.Equation, det radar.Detector, in RadarInputsJSON, ask RadarAsk) (RadarJSON, error) {
	rcs := in.RCSm2
	in.FreqGHz = eq.Frequency / 1e9
	in.WavelengthM = eq.Wavelength()
	in.PeakPowerKW = eq.PeakPower / 1e3
	in.PulseUs = eq.PulseWidth * 1e6
	in.TxGainDB = radar.DB(eq.TxGain)
	in.RxGainDB = radar.DB(eq.RxGain)
	in.NoiseTempK = eq.NoiseTemp
	in.LossDB = radar.DB(eq.Loss)
	doc := RadarJSON{RampartVersion: provenance.Version()}
	anyTarget := false
	if !math.IsNaN(ask.RangeKm) {
		anyTarget = true
		r := ask.RangeKm
		in.RangeKm = &r
		snr := eq.SNR(rcs, r*1e3)
		doc.SNRdB = nullable(radar.DB(snr))
		doc.Pd = nullable(det.Pd(snr))
	}
	if !math.IsNaN(ask.HeightM) {
		anyTarget = true
		h, a := ask.HeightM, ask.TargetAltKm
		in.HeightM, in.TargetAltKm = &h, &a
		re := radar.RefractionK * radar.EarthRadius
		doc.HorizonKm = nullable(radar.HorizonRange(h, a*1e3, re) / 1e3)
	}
	switch {
	case !math.IsNaN(ask.RequiredSNRdB):
		q := ask.RequiredSNRdB
		in.RequiredSNRdB = &q
		doc.MaxRangeKm = nullable(eq.MaxRange(rcs, radar.FromDB(q)) / 1e3)
	case ask.PdGiven || !anyTarget:
		pd := ask.Pd
		in.Pd = &pd
		req, err := det.RequiredSNR(pd)
		if err != nil { // only ErrInput: pd out of reach
			return RadarJSON{}, err
		}
		doc.RequiredSNRdB = nullable(radar.DB(req))
		doc.MaxRangeKm = nullable(eq.MaxRange(rcs, req) / 1e3)
	}
	doc.Inputs = in
	return doc, nil
}

// nullable returns nil for NaN (JSON null), else &x.
func nullable(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	return &x
}

// WriteRadarText writes the radar calculation, its numbers to 6
// significant digits as in its JSON document.
func WriteRadarText(w io.Writer, d RadarJSON) {
	r := func(x float64) float64 { return jsonout.RoundSignificant(x, jsonout.SignificantDigits) }
	in := d.Inputs
	in.FreqGHz, in.WavelengthM, in.PeakPowerKW, in.PulseUs = r(in.FreqGHz), r(in.WavelengthM), r(in.PeakPowerKW), r(in.PulseUs)
	in.TxGainDB, in.RxGainDB, in.NoiseTempK, in.LossDB = r(in.TxGainDB), r(in.RxGainDB), r(in.NoiseTempK), r(in.LossDB)
	name := in.Radar
	if name == "" {
		name = "radar"
	}
	integ := "non-coherent"
	if in.Coherent {
		integ = "coherent"
	}
	if in.Radar == "" {
		fmt.Fprintf(w, "%s: %g GHz (λ %.4g m), peak %g kW, pulse %g µs, gain %g/%g dB, Ts %g K, loss %g dB\n",
			name, in.FreqGHz, in.WavelengthM, in.PeakPowerKW, in.PulseUs, in.TxGainDB, in.RxGainDB, in.NoiseTempK, in.LossDB)
	} else {
		// A catalog radar's look is its dwell: the average power of a face
		// over the dwell time, entered in the equation as one pulse
		// (peak_power_kw × pulse_us), which is no real peak power.
		fmt.Fprintf(w, "%s: %g GHz (λ %.4g m), dwell energy %.4g J a look (a face's average power over its dwell, entered as one %g kW pulse of %g µs), gain %g/%g dB, Ts %g K, loss %g dB\n",
			name, in.FreqGHz, in.WavelengthM, r(in.PeakPowerKW*in.PulseUs*1e-3), in.PeakPowerKW, in.PulseUs, in.TxGainDB, in.RxGainDB, in.NoiseTempK, in.LossDB)
	}
	fmt.Fprintf(w, "target %g m², %d pulse(s) %s, Pfa %g, Swerling %d\n", in.RCSm2, in.Pulses, integ, in.Pfa, in.Swerling)
	if d.SNRdB != nil {
		fmt.Fprintf(w, "  SNR at %g km        %.2f dB per pulse\n", *in.RangeKm, *d.SNRdB)
		fmt.Fprintf(w, "  Pd there            %.4f\n", *d.Pd)
	}
	if d.RequiredSNRdB != nil {
		fmt.Fprintf(w, "  required SNR        %.2f dB per pulse for Pd %g\n", *d.RequiredSNRdB, *in.Pd)
	}
	if d.MaxRangeKm != nil {
		fmt.Fprintf(w, "  max range           %.1f km\n", *d.MaxRangeKm)
	}
	if d.HorizonKm != nil {
		fmt.Fprintf(w, "  radar horizon       %.1f km (antenna %g m, target %g km, 4/3 Earth)\n", *d.HorizonKm, *in.HeightM, *in.TargetAltKm)
	}
}
