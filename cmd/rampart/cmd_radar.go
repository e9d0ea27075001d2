package main

import (
	"fmt"
	"math"

	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/study"

	"github.com/spf13/cobra"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/geo"
	"github.com/rampart-sim/rampart/radar"
)

// Defaults of rampart radar: a generic S-band surveillance radar.
const (
	radarDefFreqGHz   = 3.0
	radarDefPeakKW    = 1000.0
	radarDefPulseUs   = 1.0
	radarDefGainDB    = 40.0
	radarDefRCS       = 1.0
	radarDefNoiseK    = 500.0
	radarDefLossDB    = 6.0
	radarDefPfa       = 1e-6
	radarDefPd        = 0.9
	radarDefSwerling  = 1
	radarDefPulses    = 1
	radarDefHeightM   = 0.0
	radarDefTargetAlt = 0.0
)

// Ranges of rampart radar's physical flags. Each is far beyond any real
// radar or target; they exist so that the radar equation and the horizon
// stay finite (with 1e308 or 1e-300 they overflowed to ±Inf, which JSON
// cannot carry) and so that a typo is caught.
const (
	// radarMinFreqGHz, radarMaxFreqGHz: 1 MHz (below HF over-the-horizon
	// radars) to 1 THz (above any millimetre-wave radar).
	radarMinFreqGHz, radarMaxFreqGHz = 0.001, 1000.0
	// The minimums keep the SNR from underflowing to 0 (-Inf dB) with all
	// of them at once. radarMinPeakKW, radarMaxPeakKW: 1 mW to 1 TW, a
	// thousand times the largest radar transmitters.
	radarMinPeakKW, radarMaxPeakKW = 1e-6, 1e9
	// radarMinPulseUs, radarMaxPulseUs: 1 ps to 1 s (longer is no longer
	// a pulse).
	radarMinPulseUs, radarMaxPulseUs = 1e-6, 1e6
	// radarMinRCSm2, radarMaxRCSm2: 1 mm² (below an insect) to 1 km²,
	// beyond the largest ship seen broadside.
	radarMinRCSm2, radarMaxRCSm2 = 1e-6, 1e6
	// radarMinNoiseK, radarMaxNoiseK: 1 K (below the coldest cryogenic
	// receivers) to 1,000,000 K.
	radarMinNoiseK, radarMaxNoiseK = 1.0, 1e6
	// radarMinRangeKm, radarMaxRangeKm: 1 m to 50,000 km, beyond
	// geostationary orbit.
	radarMinRangeKm, radarMaxRangeKm = 0.001, 50_000.0
	// radarMaxHeightM is 100 km, the edge of space, for an antenna.
	radarMaxHeightM = 100_000.0
	// radarMaxTargetAltKm is 5,000 km, above the apogee of any ICBM
	// trajectory of interest: scenario.MaxApogeeKm.
	radarMaxTargetAltKm = float64(scenario.MaxApogeeKm)
	// radarMaxDB bounds gains, losses and the required SNR, dB (10^30).
	radarMaxDB = 300.0
)

type radarFlags struct {
	name, pick                 string
	freqGHz, peakKW, pulseUs   float64
	gainDB, txGainDB, rxGainDB float64
	rcs, noiseK, lossDB        float64
	pulses                     int
	coherent                   bool
	rangeKm, reqSNRdB, pd, pfa float64
	swerling                   int
	heightM, targetAltKm       float64
	asJSON                     bool
}

func newRadarCmd() *cobra.Command {
	var f radarFlags
	cmd := &cobra.Command{
		Use:   "radar [flags]",
		Short: "Radar range equation, detection probability and horizon calculator",
		Long: `Evaluate the monostatic radar range equation in its pulse-energy form

  SNR = Pt·τ·Gt·Gr·λ²·σ / ((4π)³·k·Ts·L·R⁴)

and the detection probability of a square-law detector (Swerling cases 0 to 4,
exact, with --pulses integrated non-coherently or, with --coherent, coherently).
SNRs are per pulse: integration over --pulses enters pd and required_snr_db.

It prints whatever the inputs determine:
  snr_db            the SNR at --range-km, and pd, the detection probability at it
  required_snr_db   the SNR per pulse needed for --pd (with --pfa, --swerling)
  max_range_km      the range at which the SNR equals --required-snr-db, or the
                    SNR required for --pd
  horizon_km        the 4/3-Earth radar horizon (slant range to a target at
                    --target-alt-km, grazing a sphere of 4/3 × 6371 km) for an
                    antenna at --height-m
With none of --range-km, --required-snr-db, --pd, --height-m and --target-alt-km,
it prints required_snr_db and max_range_km for Pd 0.9.

Defaults describe a generic S-band surveillance radar. With --radar NAME the
catalog radar's central values (average power × dwell time as the energy per
dwell, see 'rampart catalog NAME') replace the defaults, its antenna_height_m
(an airborne radar's station altitude) is the default --height-m; flags given
explicitly still win.`,
		Example: `  rampart radar --range-km 100
  rampart radar --pd 0.9 --pfa 1e-6 --swerling 0 --json
  rampart radar --freq-ghz 5.6 --peak-power-kw 1500 --gain-db 45 --pulse-us 0.2 --rcs-m2 0.1 --required-snr-db 20
  rampart radar --radar AN/TPY-2 --rcs-m2 0.01 --pd 0.9
  rampart radar --height-m 30 --target-alt-km 0.1
  rampart radar --radar AN/APY-2 --target-alt-km 0.03`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRadar(cmd, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.name, "radar", "", "start from a catalog radar's parameters (see 'rampart catalog --kind radar')")
	fl.StringVar(&f.pick, "pick", "central", "with --radar: catalog values at the low (pessimistic), central or high end of their bands")
	fl.Float64Var(&f.freqGHz, "freq-ghz", radarDefFreqGHz, "carrier frequency, GHz")
	fl.Float64Var(&f.peakKW, "peak-power-kw", radarDefPeakKW, "peak transmit power, kW")
	fl.Float64Var(&f.pulseUs, "pulse-us", radarDefPulseUs, "pulse width, µs (energy per pulse = peak power × pulse width)")
	fl.Float64Var(&f.gainDB, "gain-db", radarDefGainDB, "antenna gain for transmit and receive, dB")
	fl.Float64Var(&f.txGainDB, "tx-gain-db", radarDefGainDB, "transmit gain, dB (with --rx-gain-db, instead of --gain-db)")
	fl.Float64Var(&f.rxGainDB, "rx-gain-db", radarDefGainDB, "receive gain, dB (with --tx-gain-db, instead of --gain-db)")
	fl.Float64Var(&f.rcs, "rcs-m2", radarDefRCS, "target radar cross section, m²")
	fl.Float64Var(&f.noiseK, "noise-temp-k", radarDefNoiseK, "system noise temperature, K")
	fl.Float64Var(&f.lossDB, "loss-db", radarDefLossDB, "total system losses, dB (≥ 0)")
	fl.IntVar(&f.pulses, "pulses", radarDefPulses, "pulses integrated per dwell (≥ 1)")
	fl.BoolVar(&f.coherent, "coherent", false, "integrate the pulses coherently (default: non-coherently)")
	fl.Float64Var(&f.rangeKm, "range-km", 0, "target range, km: prints snr_db and pd there")
	fl.Float64Var(&f.reqSNRdB, "required-snr-db", 0, "required SNR per pulse, dB: prints max_range_km")
	fl.Float64Var(&f.pd, "pd", radarDefPd, "detection probability in (pfa, 1): prints required_snr_db and max_range_km")
	fl.Float64Var(&f.pfa, "pfa", radarDefPfa, "false-alarm probability in (0, 1)")
	fl.IntVar(&f.swerling, "swerling", radarDefSwerling, "Swerling case 0 (steady) to 4")
	fl.Float64Var(&f.heightM, "height-m", radarDefHeightM, "antenna height above the surface, m: prints horizon_km")
	fl.Float64Var(&f.targetAltKm, "target-alt-km", radarDefTargetAlt, "target altitude, km: prints horizon_km")
	fl.BoolVar(&f.asJSON, "json", false, "print one JSON document to stdout and nothing else")
	return cmd
}

func runRadar(cmd *cobra.Command, f *radarFlags) error {
	changed := cmd.Flags().Changed
	gainSet := changed("gain-db")
	txrxSet := changed("tx-gain-db") || changed("rx-gain-db")
	if gainSet && txrxSet {
		return badInput("radar: give --gain-db or --tx-gain-db/--rx-gain-db, not both")
	}
	if changed("required-snr-db") && changed("pd") {
		return badInput("radar: give --required-snr-db or --pd, not both")
	}
	if changed("pick") && f.name == "" {
		// Accepted and ignored before (issue 12).
		return badInput("radar: --pick chooses the catalog values of --radar; without --radar there are none to choose; give --radar NAME")
	}
	in := study.RadarInputsJSON{Radar: f.name}
	eq := radar.Equation{}
	pulses, coherent := f.pulses, f.coherent
	if f.name != "" {
		e, err := catalog.Lookup(f.name)
		if err != nil {
			return inputError{fmt.Errorf("radar: --radar: %w", err)}
		}
		pick, err := parsePick("pick", f.pick)
		if err != nil {
			return err
		}
		r, err := radar.FromCatalog(e, pick, geo.LLA{}, 0)
		if err != nil {
			return inputError{fmt.Errorf("radar: --radar %s: %w", f.name, err)}
		}
		in.Radar = e.Name
		eq = r.Equation
		if !changed("height-m") {
			f.heightM = r.Site.Alt // the catalog antenna_height_m (an airborne radar's station)
		}
		if !changed("pulses") {
			pulses = r.Detector.Pulses
		}
		if !changed("coherent") {
			coherent = r.Detector.Coherent
		}
	} else {
		eq = radar.Equation{
			PeakPower: radarDefPeakKW * 1e3, PulseWidth: radarDefPulseUs * 1e-6, Frequency: radarDefFreqGHz * 1e9,
			TxGain: radar.FromDB(radarDefGainDB), RxGain: radar.FromDB(radarDefGainDB),
			NoiseTemp: radarDefNoiseK, Loss: radar.FromDB(radarDefLossDB),
		}
	}
	rcs := radarDefRCS
	// Explicit flags override defaults and catalog values.
	// Each physical flag has a documented range; values outside it (1e308,
	// 1e-300) made the radar equation overflow to ±Inf after the flags
	// were accepted (issue 11). NaN and ±Inf fail every range.
	type boundedFlag struct {
		name, unit string
		v          float64
		min, max   float64
		apply      func(float64)
	}
	setGains := func(v float64) { eq.TxGain, eq.RxGain = radar.FromDB(v), radar.FromDB(v) }
	for _, p := range []boundedFlag{
		{"freq-ghz", "GHz", f.freqGHz, radarMinFreqGHz, radarMaxFreqGHz, func(v float64) { eq.Frequency = v * 1e9 }},
		{"peak-power-kw", "kW", f.peakKW, radarMinPeakKW, radarMaxPeakKW, func(v float64) { eq.PeakPower = v * 1e3 }},
		{"pulse-us", "µs", f.pulseUs, radarMinPulseUs, radarMaxPulseUs, func(v float64) { eq.PulseWidth = v * 1e-6 }},
		{"rcs-m2", "m²", f.rcs, radarMinRCSm2, radarMaxRCSm2, func(v float64) { rcs = v }},
		{"noise-temp-k", "K", f.noiseK, radarMinNoiseK, radarMaxNoiseK, func(v float64) { eq.NoiseTemp = v }},
		{"range-km", "km", f.rangeKm, radarMinRangeKm, radarMaxRangeKm, nil},
		{"loss-db", "dB", f.lossDB, 0, radarMaxDB, func(v float64) { eq.Loss = radar.FromDB(v) }},
		{"height-m", "m", f.heightM, 0, radarMaxHeightM, nil},
		{"target-alt-km", "km", f.targetAltKm, 0, radarMaxTargetAltKm, nil},
		{"gain-db", "dB", f.gainDB, -radarMaxDB, radarMaxDB, setGains},
		{"tx-gain-db", "dB", f.txGainDB, -radarMaxDB, radarMaxDB, func(v float64) { eq.TxGain = radar.FromDB(v) }},
		{"rx-gain-db", "dB", f.rxGainDB, -radarMaxDB, radarMaxDB, func(v float64) { eq.RxGain = radar.FromDB(v) }},
		{"required-snr-db", "dB", f.reqSNRdB, -radarMaxDB, radarMaxDB, nil},
	} {
		if !changed(p.name) {
			continue
		}
		if !(p.v >= p.min && p.v <= p.max) {
			return badInput("radar: --%s %g is out of range; allowed: %g to %g %s", p.name, p.v, p.min, p.max, p.unit)
		}
		if p.apply != nil {
			p.apply(p.v)
		}
	}
	if !(f.pfa > 0 && f.pfa < 1) {
		return badInput("radar: --pfa %g must lie in (0, 1)", f.pfa)
	}
	if !(f.pd > 0 && f.pd < 1) {
		return badInput("radar: --pd %g must lie in (0, 1)", f.pd)
	}
	if f.pd <= f.pfa {
		return badInput("radar: --pd %g must exceed --pfa %g", f.pd, f.pfa)
	}
	if f.swerling < 0 || f.swerling > 4 {
		return badInput("radar: --swerling %d is not allowed; allowed: 0, 1, 2, 3, 4", f.swerling)
	}
	if pulses < 1 || pulses > radar.MaxPulses {
		return badInput("radar: --pulses %d is out of range; allowed: 1 to %d", pulses, radar.MaxPulses)
	}
	if changed("coherent") && coherent && pulses == 1 {
		// One pulse integrates the same either way (issue 12).
		return badInput("radar: --coherent integrates several pulses; with one pulse it changes nothing; give --pulses N, N > 1")
	}
	det, err := radar.NewDetector(f.pfa, pulses, radar.Swerling(f.swerling), coherent)
	if err != nil {
		return inputError{fmt.Errorf("radar: %w", err)}
	}
	if err := eq.Validate(); err != nil {
		return inputError{fmt.Errorf("radar: %w", err)}
	}

	in.RCSm2 = rcs
	in.Pulses, in.Coherent, in.Pfa, in.Swerling = pulses, coherent, f.pfa, f.swerling
	ask := study.RadarAsk{Pd: f.pd, RequiredSNRdB: math.NaN(), RangeKm: math.NaN(), HeightM: math.NaN(), TargetAltKm: math.NaN()}
	if changed("range-km") {
		ask.RangeKm = f.rangeKm
	}
	if changed("height-m") || changed("target-alt-km") {
		ask.HeightM, ask.TargetAltKm = f.heightM, f.targetAltKm
	}
	if changed("required-snr-db") {
		ask.RequiredSNRdB = f.reqSNRdB
	}
	ask.PdGiven = changed("pd")
	doc, err := study.RadarDocument(eq, det, in, ask)
	if err != nil {
		return inputError{fmt.Errorf("radar: %w", err)}
	}
	if f.asJSON {
		return jsonout.Write(cmd.OutOrStdout(), doc)
	}
	study.WriteRadarText(cmd.OutOrStdout(), doc)
	return nil
}
