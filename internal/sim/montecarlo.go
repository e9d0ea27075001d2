package sim

import (
	"context"
	"math"
	"slices"
)

// Summary is what a Monte Carlo run of the whole loop found.
type Summary struct {
	Seed   int64
	Trials int

	Assets  []AssetStat
	Threats []ThreatStat // one per flight, in World.Flights order

	InterceptorsMean      float64 // interceptors fired per trial
	LeakersMean           float64 // missiles reaching their impact point per trial
	DoubleEngagementsMean float64 // missiles fired at by two or more commands per trial
	SectorLeakersMean     float64 // leakers that another command could have engaged but its sector barred
	SurvivingValueMean    float64 // Σ value of surviving assets, per trial
	TotalValue            float64 // Σ value of all assets

	// SurvivingValue holds each trial's surviving value, in trial order,
	// for paired comparisons (CompareSharing).
	SurvivingValue []float64
	// Outcomes holds every trial's outcome, in trial order, for reports
	// and event logs.
	Outcomes []*Outcome
}

// AssetStat is one asset's survival over the trials.
type AssetStat struct {
	Name     string
	Owner    string
	Value    float64
	Survived int
	PSurvive float64
	CI95     [2]float64 // Wilson score interval
}

// ThreatStat is one missile's fate over the trials. Times are seconds after
// its launch, averaged over the trials that reached them (NaN if none).
type ThreatStat struct {
	Leaked           int
	PLeak            float64
	CI95             [2]float64
	InterceptorsMean float64

	Detected, FireControlled int // trials in which it was detected / held at fire control
	FirstDetection           float64
	SpaceWarning             float64
	FirmTrack                float64
	FireControl              float64
	FirstDetectionSensor     string // most frequent
	FireControlOwner         string // most frequent
}

// MonteCarlo runs trials of the whole loop on up to workers goroutines,
// trial i drawing from TrialRand(seed, i), and summarises them. The summary
// does not depend on workers. progress is passed to Trials.
func (w *World) MonteCarlo(ctx context.Context, seed int64, trials, workers int, progress func(done int)) (*Summary, error) {
	outs, err := Trials(ctx, trials, workers, func(i int) (*Outcome, error) {
		return w.Engage(TrialRand(seed, i))
	}, progress)
	if err != nil {
		return nil, err
	}
	return w.summarise(seed, outs), nil
}

func (w *World) summarise(seed int64, outs []*Outcome) *Summary {
	n := len(outs)
	s := &Summary{Seed: seed, Trials: n, SurvivingValue: make([]float64, n), Outcomes: outs}
	for _, a := range w.Assets {
		s.Assets = append(s.Assets, AssetStat{Name: a.Name, Owner: a.Owner, Value: a.Value})
		s.TotalValue += a.Value
	}
	s.Threats = make([]ThreatStat, len(w.Flights))
	sums := make([][4]float64, len(w.Flights))
	counts := make([][4]int, len(w.Flights))
	sensors := make([]map[string]int, len(w.Flights))
	owners := make([]map[string]int, len(w.Flights))
	for i := range w.Flights {
		sensors[i], owners[i] = map[string]int{}, map[string]int{}
	}
	for t, r := range outs {
		value := 0.0
		for a := range w.Assets {
			if !r.AssetLost[a] {
				s.Assets[a].Survived++
				value += w.Assets[a].Value
			}
		}
		s.SurvivingValue[t] = value
		s.SurvivingValueMean += value
		for i := range w.Flights {
			ts := &s.Threats[i]
			if r.Leaked[i] {
				ts.Leaked++
				s.LeakersMean++
				if r.SectorBarred[i] {
					s.SectorLeakersMean++
				}
			}
			ts.InterceptorsMean += float64(r.Interceptors[i])
			s.InterceptorsMean += float64(r.Interceptors[i])
			if r.Engagers[i] >= 2 {
				s.DoubleEngagementsMean++
			}
			sn := r.Sensing[i]
			l := w.Flights[i].LaunchTime
			for k, v := range [4]float64{sn.FirstDetection, sn.SpaceWarning, sn.FirmTrack, sn.FireControl} {
				if !math.IsNaN(v) {
					sums[i][k] += v - l
					counts[i][k]++
				}
			}
			if !math.IsNaN(sn.FirstDetection) {
				sensors[i][sn.FirstDetectionSensor]++
			}
			if !math.IsNaN(sn.FireControl) {
				owners[i][sn.FireControlOwner]++
			}
		}
	}
	if n == 0 {
		return s
	}
	nf := float64(n)
	for a := range s.Assets {
		as := &s.Assets[a]
		as.PSurvive = float64(as.Survived) / nf
		as.CI95[0], as.CI95[1] = Wilson(as.Survived, n, Z95)
	}
	for i := range s.Threats {
		ts := &s.Threats[i]
		ts.PLeak = float64(ts.Leaked) / nf
		ts.CI95[0], ts.CI95[1] = Wilson(ts.Leaked, n, Z95)
		ts.InterceptorsMean /= nf
		mean := func(k int) float64 {
			if counts[i][k] == 0 {
				return math.NaN()
			}
			return sums[i][k] / float64(counts[i][k])
		}
		ts.FirstDetection, ts.SpaceWarning, ts.FirmTrack, ts.FireControl = mean(0), mean(1), mean(2), mean(3)
		ts.Detected, ts.FireControlled = counts[i][0], counts[i][3]
		ts.FirstDetectionSensor, ts.FireControlOwner = mode(sensors[i]), mode(owners[i])
	}
	s.InterceptorsMean /= nf
	s.LeakersMean /= nf
	s.DoubleEngagementsMean /= nf
	s.SectorLeakersMean /= nf
	s.SurvivingValueMean /= nf
	return s
}

// mode returns the most frequent key, the first in sort order on ties.
func mode(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	best := ""
	for _, k := range keys {
		if best == "" || m[k] > m[best] {
			best = k
		}
	}
	return best
}

// SharingValue is the value of shared early warning: the surviving asset
// value with the scenario's sharing (links, joint picture, space warning to
// all) minus that without (each owner alone), over the same trial streams.
type SharingValue struct {
	WithMean, WithoutMean float64
	DiffMean              float64
	DiffCI95              [2]float64 // normal interval of the paired mean difference
}

// CompareSharing pairs two summaries run on the same seeds and trials.
func CompareSharing(with, without *Summary) SharingValue {
	n := min(len(with.SurvivingValue), len(without.SurvivingValue))
	v := SharingValue{WithMean: with.SurvivingValueMean, WithoutMean: without.SurvivingValueMean}
	if n == 0 {
		return v
	}
	var sum, sum2 float64
	for i := range n {
		d := with.SurvivingValue[i] - without.SurvivingValue[i]
		sum += d
		sum2 += d * d
	}
	mean := sum / float64(n)
	v.DiffMean = mean
	half := 0.0
	if n > 1 {
		sd := math.Sqrt(math.Max(0, (sum2-float64(n)*mean*mean)/float64(n-1)))
		half = Z95 * sd / math.Sqrt(float64(n))
	}
	v.DiffCI95 = [2]float64{mean - half, mean + half}
	return v
}
