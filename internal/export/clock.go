package export

import (
	"math"
	"time"

	"github.com/rampart-sim/rampart/internal/scene"
)

// clockTailS is added after the last time of a scene to the end of the CZML
// clock, so that the last intercepts and track ends stay in view for a
// moment before the clock loops.
const clockTailS = 30

// clock is the time span of a scene, in seconds after its epoch.
type clock struct {
	epoch       time.Time
	start, stop float64
}

// sceneClock spans the epoch, every sample and every intercept, plus the tail.
func sceneClock(s *scene.Scene) clock {
	epoch, _ := scene.ParseEpoch(s.Epoch) // valid: checked by the writers
	c := clock{epoch: epoch}
	last := 0.0
	for _, t := range s.Tracks {
		c.start = math.Min(c.start, t.Points[0].T)
		last = math.Max(last, t.Points[len(t.Points)-1].T)
	}
	for _, x := range s.Intercepts {
		c.start = math.Min(c.start, x.T)
		last = math.Max(last, x.T)
	}
	c.stop = last + clockTailS
	return c
}

// instant is the calendar time t seconds after the epoch, in RFC 3339 UTC
// with as many decimals of the second as needed (to the nanosecond).
func (c clock) instant(t float64) string {
	return c.epoch.Add(time.Duration(math.Round(t * 1e9))).Format(time.RFC3339Nano)
}

// interval is the ISO 8601 interval from t0 to t1.
func (c clock) interval(t0, t1 float64) string {
	return c.instant(t0) + "/" + c.instant(t1)
}
