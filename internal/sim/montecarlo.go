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

	InterceptorsMean float64 // interceptors fired per trial
	// UnattributedMean is the interceptors per trial whose planned
	// intercept point lay farther than 100 km (attributionM) from every
	// missile: fired at tracks that followed no missile.
	UnattributedMean      float64
	LeakersMean           float64 // missiles reaching their impact point per trial
	DoubleEngagementsMean float64 // missiles fired at by two or more commands per trial
	SectorLeakersMean     float64 // leakers that another command could have engaged but its sector barred
	SurvivingValueMean    float64 // Σ value of surviving assets, per trial
	// InterceptorsCI95, LeakersCI95 and SurvivingValueCI95 are the
	// normal 95 % intervals of those three means (MeanCI95).
	InterceptorsCI95, LeakersCI95, SurvivingValueCI95 [2]float64
	TotalValue                                        float64 // Σ value of all assets
	// TracksPerMissileMean is the most firm tracks a picture held at once
	// per missile of the raid, averaged over the pictures and the trials:
	// 1 when each picture holds one track per missile and no duplicates.
	TracksPerMissileMean float64

	// SurvivingValue holds each trial's surviving value, in trial order,
	// for paired comparisons (CompareSharing).
	SurvivingValue []float64
	// First is trial 0's outcome (nil with no trials), for the geometry
	// of a report; MonteCarlo's observe sees every trial's.
	First *Outcome
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
// does not depend on workers. progress is passed to TrialsInOrder. observe,
// if not nil, sees each trial's outcome in trial order, never concurrently;
// outcomes are then dropped (only trial 0's is kept, as Summary.First), so
// memory grows with trials by 8 bytes a trial (Summary.SurvivingValue).
func (w *World) MonteCarlo(ctx context.Context, seed int64, trials, workers int, progress func(done int), observe func(trial int, o *Outcome)) (*Summary, error) {
	t := w.newTally(seed, trials)
	err := TrialsInOrder(ctx, trials, workers, func(i int) (*Outcome, error) {
		return w.Engage(TrialRand(seed, i))
	}, func(i int, o *Outcome) {
		t.add(o)
		if observe != nil {
			observe(i, o)
		}
	}, progress)
	if err != nil {
		return nil, err
	}
	return t.summary(), nil
}

// tally folds outcomes, in trial order, into a Summary.
type tally struct {
	w       *World
	s       *Summary
	sums    [][4]float64
	counts  [][4]int
	sensors []map[string]int
	owners  []map[string]int
	// sum2 are the sums of squares of each trial's interceptors, leakers
	// and surviving value, for the intervals of their means.
	sum2 [3]float64
}

func (w *World) newTally(seed int64, trials int) *tally {
	s := &Summary{Seed: seed, SurvivingValue: make([]float64, 0, trials)}
	for _, a := range w.Assets {
		s.Assets = append(s.Assets, AssetStat{Name: a.Name, Owner: a.Owner, Value: a.Value})
		s.TotalValue += a.Value
	}
	s.Threats = make([]ThreatStat, len(w.Flights))
	t := &tally{w: w, s: s, sums: make([][4]float64, len(w.Flights)), counts: make([][4]int, len(w.Flights)),
		sensors: make([]map[string]int, len(w.Flights)), owners: make([]map[string]int, len(w.Flights))}
	for i := range w.Flights {
		t.sensors[i], t.owners[i] = map[string]int{}, map[string]int{}
	}
	return t
}

// add folds the next trial's outcome.
func (t *tally) add(r *Outcome) {
	w, s := t.w, t.s
	if s.Trials == 0 {
		s.First = r
	}
	s.Trials++
	value := 0.0
	for a := range w.Assets {
		if !r.AssetLost[a] {
			s.Assets[a].Survived++
			value += w.Assets[a].Value
		}
	}
	s.SurvivingValue = append(s.SurvivingValue, value)
	s.SurvivingValueMean += value
	fired, leaked := 0, 0
	for i := range w.Flights {
		fired += r.Interceptors[i]
		if r.Leaked[i] {
			leaked++
		}
	}
	t.sum2[0] += float64(fired * fired)
	t.sum2[1] += float64(leaked * leaked)
	t.sum2[2] += value * value
	for k := range r.Shots {
		if r.Shots[k].Flight < 0 {
			s.UnattributedMean++
		}
	}
	if missiles := len(w.Flights); missiles > 0 && len(r.PeakFirmTracks) > 0 {
		held := 0
		for _, k := range r.PeakFirmTracks {
			held += k
		}
		s.TracksPerMissileMean += float64(held) / float64(missiles*len(r.PeakFirmTracks))
	}
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
				t.sums[i][k] += v - l
				t.counts[i][k]++
			}
		}
		if !math.IsNaN(sn.FirstDetection) {
			t.sensors[i][sn.FirstDetectionSensor]++
		}
		if !math.IsNaN(sn.FireControl) {
			t.owners[i][sn.FireControlOwner]++
		}
	}
}

// summary turns the sums into means, proportions and intervals.
func (t *tally) summary() *Summary {
	s, n := t.s, t.s.Trials
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
			if t.counts[i][k] == 0 {
				return math.NaN()
			}
			return t.sums[i][k] / float64(t.counts[i][k])
		}
		ts.FirstDetection, ts.SpaceWarning, ts.FirmTrack, ts.FireControl = mean(0), mean(1), mean(2), mean(3)
		ts.Detected, ts.FireControlled = t.counts[i][0], t.counts[i][3]
		ts.FirstDetectionSensor, ts.FireControlOwner = mode(t.sensors[i]), mode(t.owners[i])
	}
	s.InterceptorsCI95 = MeanCI95(n, s.InterceptorsMean, t.sum2[0])
	s.LeakersCI95 = MeanCI95(n, s.LeakersMean, t.sum2[1])
	s.SurvivingValueCI95 = MeanCI95(n, s.SurvivingValueMean, t.sum2[2])
	s.InterceptorsMean /= nf
	s.UnattributedMean /= nf
	s.LeakersMean /= nf
	s.DoubleEngagementsMean /= nf
	s.SectorLeakersMean /= nf
	s.SurvivingValueMean /= nf
	s.TracksPerMissileMean /= nf
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
	v.DiffMean = sum / float64(n)
	v.DiffCI95 = MeanCI95(n, sum, sum2)
	return v
}
