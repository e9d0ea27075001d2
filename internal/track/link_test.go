package track

import "testing"

// remoteReport is a firm track of owner's at the origin, reported at t.
func remoteReport(owner string, id int, origin Provenance, t, period float64) Report {
	e := Estimate{T: t, P: ident6()}
	for i := range 6 {
		e.P[i][i] = 100
	}
	e.X = Vec6{6.4e6, 0, 0, 0, 1000, 0}
	return Report{Owner: owner, TrackID: id, Status: Firm, Estimate: e, Updates: 10, Sent: t, Origin: origin, Period: period}
}

// TestLinkNeverReturnsAReport: a track started from the receiver's report
// and never updated by the sender's own sensors is not sent back; once its
// sensors have updated it, it is, with the receiver's track as its origin.
func TestLinkNeverReturnsAReport(t *testing.T) {
	l := Link{To: "blue"}
	echo := Track{ID: 4, Status: Firm, Origin: Provenance{Owner: "blue", TrackID: 1}}
	own := Track{ID: 5, Status: Firm, Own: 3}
	l.Send(0, "red", []Track{echo, own})
	got := l.Deliver(0)
	if len(got) != 1 || got[0].TrackID != 5 || got[0].Origin != (Provenance{Owner: "red", TrackID: 5}) {
		t.Fatalf("Send(report-born track, own track) delivered %+v, want only track 5 with origin red/5", got)
	}
	echo.Own = 1
	l.Send(1, "red", []Track{echo})
	got = l.Deliver(1)
	if len(got) != 1 || got[0].Origin != (Provenance{Owner: "blue", TrackID: 1}) {
		t.Fatalf("Send(report-born track updated by red's sensors) delivered %+v, want it with origin blue/1", got)
	}
}

// TestFuseEchoStartsNoTrack: a report whose origin is the receiver's own
// track is fused into that track and never starts a second one, even when
// the track it came from is gone.
func TestFuseEchoStartsNoTrack(t *testing.T) {
	tr, err := NewTracker("blue", Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Fuse(0, []Report{remoteReport("red", 7, Provenance{}, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	if n := len(tr.Tracks()); n != 1 {
		t.Fatalf("after red's report: %d tracks, want 1", n)
	}
	mine := tr.Tracks()[0]
	// red's track 9 was started from blue's track (mine.ID) and reported
	// back far from it: the echo of blue's own.
	far := remoteReport("red", 9, Provenance{Owner: "blue", TrackID: mine.ID}, 0, 0)
	far.Estimate.X[0] += 1e6
	near := remoteReport("red", 9, Provenance{Owner: "blue", TrackID: mine.ID}, 0, 0)
	if err := tr.Fuse(0, []Report{far, near}); err != nil {
		t.Fatal(err)
	}
	got := tr.Tracks()
	if len(got) != 1 || got[0].Remote != 2 {
		t.Fatalf("after two echoes of blue's track: %d tracks (remote reports %d), want 1 track with 2", len(got), got[0].Remote)
	}
	// A second report of red's track 7 goes to the same local track, even
	// though the first echo was dropped.
	if err := tr.Fuse(0, []Report{remoteReport("red", 7, Provenance{}, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	if got := tr.Tracks(); len(got) != 1 || got[0].Remote != 3 {
		t.Errorf("after red's track 7 again: %d tracks, want 1 with 3 remote reports", len(got))
	}
}

// TestReportedTrackHeldForPeriod: a track fed only by reports every 12 s
// is not deleted between reports (3 missed scans would drop it), and is
// deleted once the reports stop.
func TestReportedTrackHeldForPeriod(t *testing.T) {
	const period = 12.0
	tr, err := NewTracker("blue", Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Fuse(0, []Report{remoteReport("red", 7, Provenance{}, 0, period)}); err != nil {
		t.Fatal(err)
	}
	for s := 1.0; s <= period; s++ {
		if err := tr.Scan(s, nil); err != nil {
			t.Fatal(err)
		}
		if k := tr.Tracks(); len(k) != 1 || k[0].Status != Firm {
			t.Fatalf("scan at %v s, %v s after the report (period %v s): track %+v, want firm", s, s, period, k)
		}
	}
	for s := period + 1; s <= period+3; s++ {
		if err := tr.Scan(s, nil); err != nil {
			t.Fatal(err)
		}
	}
	if k := tr.Tracks(); len(k) != 1 || k[0].Status != Deleted {
		t.Errorf("3 scans after the report was due: track %+v, want deleted", k)
	}
}
