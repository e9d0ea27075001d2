package shard

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/rampart-sim/rampart/internal/sim"
)

// Source is one shard to merge: a name for messages (its file) and how to
// open it, as often as the merge needs (once a pass).
type Source struct {
	Name string
	Open func() (io.ReadCloser, error)
}

// Set is a complete set of shards of one run, in shard order.
type Set struct {
	Header  Header // shard 1's; the run's fields are the same in every shard
	sources []Source

	// The shard being read, for Outcome.
	cur      *Reader
	curClose io.Closer
	curShard int
	pass     int
	next     int // next trial expected
}

// Open reads every source's header and checks that they are the n shards
// of one run, each once. The error names the files.
func Open(srcs []Source) (*Set, error) {
	if len(srcs) == 0 {
		return nil, fmt.Errorf("no shard files given")
	}
	headers := make([]Header, len(srcs))
	for k, src := range srcs {
		rc, err := src.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Name, err)
		}
		r, err := NewReader(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Name, err)
		}
		headers[k] = r.Header
	}
	order := make([]int, len(srcs))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return headers[a].Shard - headers[b].Shard })
	first := headers[order[0]]
	name0 := srcs[order[0]].Name
	byShard := map[int]string{}
	for _, k := range order {
		h, name := headers[k], srcs[k].Name
		if err := sameRun(first, h); err != nil {
			return nil, fmt.Errorf("%s and %s are not shards of one run: %w", name0, name, err)
		}
		if other, dup := byShard[h.Shard]; dup {
			return nil, fmt.Errorf("%s and %s are both shard %d/%d", other, name, h.Shard, h.Shards)
		}
		byShard[h.Shard] = name
	}
	var missing []int
	for i := 1; i <= first.Shards; i++ {
		if _, ok := byShard[i]; !ok {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("shards missing from the %d of the run: %s (have %d of %d)", first.Shards, listInts(missing, first.Shards), len(byShard), first.Shards)
	}
	s := &Set{Header: first, curShard: -1}
	for _, k := range order {
		s.sources = append(s.sources, srcs[k])
	}
	return s, nil
}

// sameRun says how b is not a shard of a's run, or nil.
func sameRun(a, b Header) error {
	switch {
	case a.RampartVersion != b.RampartVersion:
		return fmt.Errorf("rampart version %s against %s", a.RampartVersion, b.RampartVersion)
	case a.RunID != b.RunID:
		return fmt.Errorf("run id %q against %q", a.RunID, b.RunID)
	case a.ScenarioSHA256 != b.ScenarioSHA256:
		return fmt.Errorf("scenario SHA-256 %s against %s", a.ScenarioSHA256, b.ScenarioSHA256)
	case a.Seed != b.Seed:
		return fmt.Errorf("seed %d against %d", a.Seed, b.Seed)
	case a.Trials != b.Trials:
		return fmt.Errorf("trials %d against %d", a.Trials, b.Trials)
	case a.Shards != b.Shards:
		return fmt.Errorf("split into %d shards against %d", a.Shards, b.Shards)
	case !slices.Equal(a.Args, b.Args):
		return fmt.Errorf("flags %q against %q", a.Args, b.Args)
	case a.Passes != b.Passes:
		return fmt.Errorf("%d passes against %d (--warning-value)", a.Passes, b.Passes)
	case a.ScenarioFile != b.ScenarioFile || a.ScenarioLibrary != b.ScenarioLibrary:
		return fmt.Errorf("scenario %s against %s", a.ScenarioFile, b.ScenarioFile)
	}
	return nil
}

// listInts lists up to ten numbers of n.
func listInts(v []int, n int) string {
	out := ""
	for k, x := range v {
		if k == 10 {
			return out + fmt.Sprintf(", … (%d in all)", len(v))
		}
		if k > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%d/%d", x, n)
	}
	return out
}

// FileError is a shard file that cannot be read or does not hold what its
// header says: bad input to a merge.
type FileError struct {
	Name string
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Outcome returns trial t of pass p. The merge asks in order, pass 0's
// trials 0 … T−1 then pass 1's; any other order is refused.
func (s *Set) Outcome(pass, trial int) (*sim.Outcome, error) {
	if pass != s.pass {
		if pass != s.pass+1 || s.next != s.Header.Trials || pass >= s.Header.Passes {
			return nil, fmt.Errorf("shard merge: pass %d asked out of order", pass)
		}
		s.close()
		s.pass, s.next, s.curShard = pass, 0, -1
	}
	if trial != s.next {
		return nil, fmt.Errorf("shard merge: trial %d asked, %d expected (the merge reads in trial order)", trial, s.next)
	}
	for s.cur == nil || trial >= s.cur.Header.End {
		if err := s.openShard(s.curShard + 1); err != nil {
			return nil, err
		}
	}
	o, err := s.cur.Next()
	if err != nil {
		return nil, &FileError{s.sources[s.curShard].Name, err}
	}
	s.next++
	if s.next == s.cur.Header.End && pass == s.Header.Passes-1 {
		// The shard's last outcome: check that nothing follows it.
		if _, err := s.cur.Next(); !errors.Is(err, io.EOF) {
			return nil, &FileError{s.sources[s.curShard].Name, err}
		}
	}
	return o, nil
}

// openShard opens shard k (0-based) and skips the passes before s.pass.
func (s *Set) openShard(k int) error {
	s.close()
	if k >= len(s.sources) {
		return fmt.Errorf("shard merge: no shard holds trial %d", s.next)
	}
	src := s.sources[k]
	rc, err := src.Open()
	if err != nil {
		return &FileError{src.Name, err}
	}
	r, err := NewReader(rc)
	if err != nil {
		rc.Close()
		return &FileError{src.Name, err}
	}
	if err := sameRun(s.Header, r.Header); err != nil || r.Header.Shard != k+1 {
		rc.Close()
		return &FileError{src.Name, fmt.Errorf("changed while it was merged")}
	}
	for range s.pass * (r.Header.End - r.Header.First) {
		if _, err := r.Next(); err != nil {
			rc.Close()
			return &FileError{src.Name, err}
		}
	}
	s.cur, s.curClose, s.curShard = r, rc, k
	return nil
}

// close closes the shard being read, its error left (it was read whole
// or is given up).
func (s *Set) close() { _ = s.Close() }

// Close closes the shard being read.
func (s *Set) Close() error {
	var err error
	if s.curClose != nil {
		err = s.curClose.Close()
	}
	s.cur, s.curClose = nil, nil
	return err
}
