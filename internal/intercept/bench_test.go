package intercept

import (
	"testing"

	"github.com/rampart-sim/rampart/catalog"
)

func BenchmarkEnvelopeBuild(b *testing.B) {
	for _, name := range testInterceptors {
		b.Run(name, func(b *testing.B) {
			ic := interceptor(b, name, catalog.PickCentral)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := BuildEnvelope(ic); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEnvelopeAt(b *testing.B) {
	env := envelope(b, interceptor(b, "SM-3 IIA", catalog.PickCentral))
	b.ReportAllocs()
	g, h := 0.0, 0.0
	for b.Loop() {
		g += 7.3e3
		h += 3.1e3
		if g > 1500e3 {
			g = 0
		}
		if h > 900e3 {
			h = 0
		}
		env.At(g, h)
	}
}

func BenchmarkCachedEnvelope(b *testing.B) {
	ic := interceptor(b, "SM-3 IIA", catalog.PickCentral)
	envelope(b, ic)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ic.Envelope(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWindow(b *testing.B) {
	for _, c := range engagementCases {
		b.Run(c.name, func(b *testing.B) {
			path, tr := c.s.path(b)
			ic := interceptor(b, c.ic, catalog.PickCentral)
			site := c.s.siteLLA(b)
			envelope(b, ic)
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := Window(site, ic, path.At, tr.LaunchTime, tr.ImpactTime, tr.LaunchTime+60); !ok {
					b.Fatal("no window")
				}
			}
		})
	}
}

// BenchmarkWindowTruth uses flight.Trajectory.At directly (no Path).
func BenchmarkWindowTruth(b *testing.B) {
	_, tr := mrbm.path(b)
	ic := interceptor(b, "SM-3 IIA", catalog.PickCentral)
	site := mrbm.siteLLA(b)
	envelope(b, ic)
	th := truth(tr)
	b.ReportAllocs()
	for b.Loop() {
		Window(site, ic, th, tr.LaunchTime, tr.ImpactTime, tr.LaunchTime+60)
	}
}

func BenchmarkPIP(b *testing.B) {
	path, tr := mrbm.path(b)
	ic := interceptor(b, "SM-3 IIA", catalog.PickCentral)
	site := mrbm.siteLLA(b)
	envelope(b, ic)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := PIP(site, ic, path.At, tr.LaunchTime+200, tr.ImpactTime); !ok {
			b.Fatal("no PIP")
		}
	}
}

func BenchmarkSamplePath(b *testing.B) {
	_, tr := mrbm.path(b)
	th := truth(tr)
	b.ReportAllocs()
	for b.Loop() {
		Sample(th, tr.LaunchTime, tr.ImpactTime, 2)
	}
}

// BenchmarkSweepEnvelopeBuild builds the envelope of a burnout-speed
// sweep's interceptor (SM-3 IIA flown by WithBurnout at 4.5 km/s): the
// unit of work of the question-2 sweeps, about 300 per redzikowo-icbm run.
func BenchmarkSweepEnvelopeBuild(b *testing.B) {
	ic := interceptor(b, "SM-3 IIA", catalog.PickCentral).WithBurnout(4500)
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := BuildEnvelope(ic); err != nil {
			b.Fatal(err)
		}
	}
	if b.N > 0 {
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/envelope")
	}
}
