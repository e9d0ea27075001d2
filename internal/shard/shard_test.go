package shard

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/rampart-sim/rampart/internal/sim"
)

func TestParseSpec(t *testing.T) {
	if s, err := ParseSpec(" 2/4 "); err != nil || s != (Spec{2, 4}) {
		t.Errorf("ParseSpec(2/4) = %v, %v", s, err)
	}
	for _, bad := range []string{"", "2", "0/4", "5/4", "1/0", "a/b", "1/100001", "-1/3", "1/3/4"} {
		if _, err := ParseSpec(bad); err == nil {
			t.Errorf("ParseSpec(%q) accepted", bad)
		}
	}
}

// TestRangeCoversTrialsOnce: the shards' ranges, in order, are the trials
// 0 … T−1 each once, for T below, equal to and above n.
func TestRangeCoversTrialsOnce(t *testing.T) {
	for _, trials := range []int{1, 2, 7, 30, 1000, 999983} {
		for _, n := range []int{1, 2, 3, 7, 64} {
			next := 0
			for i := 1; i <= n; i++ {
				f, e := Spec{i, n}.Range(trials)
				if f != next || e < f {
					t.Fatalf("%d trials, shard %d/%d = %d–%d after %d", trials, i, n, f, e, next)
				}
				next = e
			}
			if next != trials {
				t.Errorf("%d trials in %d shards end at %d", trials, n, next)
			}
		}
	}
}

// TestFileRoundTrip: outcomes, NaN times and maps included, come back as
// written; a truncated or overlong file is refused.
func TestFileRoundTrip(t *testing.T) {
	h := Header{RampartVersion: "v", ScenarioSHA256: "abc", ScenarioFile: "f.yaml", Scenario: []byte("name: x\n"),
		Seed: 3, Trials: 4, Shard: 2, Shards: 2, First: 2, End: 4, Passes: 1}
	outs := []*sim.Outcome{
		{Sensing: []sim.Sensing{{FirstDetection: math.NaN(), FirmByOwner: map[string]float64{"us": 12.5}}}, Leaked: []bool{true},
			Interceptors: []int{2}, Engagers: []int{1}, SectorBarred: []bool{false}, AssetLost: []bool{false, true},
			Shots: []sim.Shot{{Command: "c", Flight: -1, PkPlanned: 0.7}}, PeakFirmTracks: map[string]int{"us": 1}},
		{Leaked: []bool{false}},
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, h)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if err := w.Add(o); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Add(outs[0]); err == nil {
		t.Error("a third outcome in a shard of two was accepted")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Header.Seed != 3 || string(r.Header.Scenario) != "name: x\n" {
		t.Errorf("header = %+v", r.Header)
	}
	o, err := r.Next()
	if err != nil || !math.IsNaN(o.Sensing[0].FirstDetection) || o.Sensing[0].FirmByOwner["us"] != 12.5 || o.Shots[0].PkPlanned != 0.7 || !o.AssetLost[1] {
		t.Errorf("outcome 1 = %+v, %v", o, err)
	}
	if _, err := r.Next(); err != nil {
		t.Error(err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("after the last outcome: %v, want io.EOF", err)
	}
	data := buf.Bytes()
	r, err = NewReader(bytes.NewReader(data[:len(data)-30]))
	if err == nil {
		_, err = r.Next()
		if err == nil {
			_, err = r.Next()
		}
	}
	if err == nil {
		t.Error("a truncated shard was read whole")
	}
	if _, err := NewReader(strings.NewReader("RAMPART-SHARD 1\n{\"format\":1,\"trials\":4,\"shard\":1,\"shards\":2,\"first\":0,\"end\":3,\"passes\":1}\n")); err == nil || !strings.Contains(err.Error(), "covers trials 0–1") {
		t.Errorf("a range that is not Range(i, n, trials): %v", err)
	}
}

// FuzzReader: no input makes the reader panic or loop; it ends in an
// error or io.EOF within the outcomes its header allows.
func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, Header{Trials: 1, Shard: 1, Shards: 1, End: 1, Passes: 1})
	w.Add(&sim.Outcome{Leaked: []bool{true}})
	w.Close()
	f.Add(buf.Bytes())
	f.Add([]byte(Magic + "{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		limit := r.Header.Passes*(r.Header.End-r.Header.First) + 1
		for k := 0; k <= limit; k++ {
			if _, err := r.Next(); err != nil {
				return
			}
		}
		t.Fatalf("more than %d outcomes read", limit)
	})
}

func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{"1/1", "2/4", "0/3", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		s, err := ParseSpec(v)
		if err == nil && (s.I < 1 || s.I > s.N || s.N > MaxShards) {
			t.Fatalf("ParseSpec(%q) = %v", v, s)
		}
	})
}
