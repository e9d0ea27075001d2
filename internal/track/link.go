package track

import "slices"

// Report is a track as sent over a data link: the sender's estimate at its
// own time, and the time the message was sent.
type Report struct {
	Owner    string // sender
	TrackID  int    // the sender's track ID
	Status   Status
	Estimate Estimate
	Updates  int     // detections the sender's track has used
	Sent     float64 // s
	// Origin is the owner and track ID the sender's track started from:
	// the sender's own track, or the origin of the remote report it was
	// started from. The zero value means (Owner, TrackID).
	Origin Provenance
	// Period is the sender's reporting period for the track, s: the
	// receiver holds a track fed only by reports for that long after each
	// one before it counts missed scans.
	Period float64
	// Manoeuvring reports that the sender's track used its manoeuvre
	// filter (Config.Manoeuvre): the receiver predicts the report with its
	// own manoeuvre filter, as a quiescent prediction over the latency and
	// the reporting period would leave a boosting missile's report far
	// outside every gate.
	Manoeuvring bool
}

// origin returns the report's origin, (Owner, TrackID) when it names none.
func (r *Report) origin() Provenance {
	if r.Origin.IsZero() {
		return Provenance{Owner: r.Owner, TrackID: r.TrackID}
	}
	return r.Origin
}

// sender returns the sender's track.
func (r *Report) sender() Provenance { return Provenance{Owner: r.Owner, TrackID: r.TrackID} }

// Link carries track reports from one owner to another with a fixed
// latency, sending each track at most once per Period.
//
// A track that the sender started from a report of the receiver (its
// Origin owner is To) and that none of the sender's own sensors has
// updated holds nothing the receiver lacks: it is never sent back. Once the
// sender's sensors have updated it, it is sent with its Origin, and the
// receiver's Fuse recognises it as the echo of its own track.
type Link struct {
	To      string  // receiving owner
	Latency float64 // s from sending to delivery
	Period  float64 // s between reports of one track; 0 sends every call

	queue    []Report
	lastSent map[int]float64
}

// Send queues, at time now, reports of the firm tracks in tracks that are
// due under the link's period.
func (l *Link) Send(now float64, owner string, tracks []Track) {
	if l.lastSent == nil {
		l.lastSent = make(map[int]float64)
	}
	for i := range tracks {
		k := &tracks[i]
		if k.Status != Firm {
			continue
		}
		if l.To != "" && k.Origin.Owner == l.To && k.Own == 0 {
			continue // the receiver's own report, not to be returned
		}
		if last, ok := l.lastSent[k.ID]; ok && now-last < l.Period {
			continue
		}
		l.lastSent[k.ID] = now
		l.queue = append(l.queue, Report{Owner: owner, TrackID: k.ID, Status: k.Status, Estimate: k.Estimate,
			Updates: k.Quality.Updates, Sent: now, Origin: OriginOf(owner, k), Period: l.Period, Manoeuvring: k.Manoeuvring})
	}
}

// Deliver removes and returns, in sending order, the reports that have
// arrived by time now (Sent + Latency ≤ now).
func (l *Link) Deliver(now float64) []Report {
	var out []Report
	l.queue = slices.DeleteFunc(l.queue, func(r Report) bool {
		if r.Sent+l.Latency <= now {
			out = append(out, r)
			return true
		}
		return false
	})
	return out
}
