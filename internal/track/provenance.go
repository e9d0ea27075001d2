package track

// Provenance names a track as the owner that started it holds it: that
// owner and its local track ID. Reports carry their track's provenance over
// links, so that a report that comes back to the owner it started from is
// recognised as the echo of that owner's own track, and so that a report
// relayed by a third owner is matched to the track already held for its
// origin.
type Provenance struct {
	Owner   string
	TrackID int
}

// IsZero reports whether p names no track: the track was started by its
// holder's own sensors.
func (p Provenance) IsZero() bool { return p.Owner == "" && p.TrackID == 0 }

// OriginOf returns the provenance of track k held by owner: its Origin if
// it was started from a remote report, else (owner, k.ID).
func OriginOf(owner string, k *Track) Provenance {
	if !k.Origin.IsZero() {
		return k.Origin
	}
	return Provenance{Owner: owner, TrackID: k.ID}
}
