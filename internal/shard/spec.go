package shard

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxShards is the most shards a run may be split into.
const MaxShards = 100000

// Spec is one shard of n: I in 1 … N.
type Spec struct{ I, N int }

func (s Spec) String() string { return fmt.Sprintf("%d/%d", s.I, s.N) }

// ParseSpec reads "i/n" (shard i of n, 1 ≤ i ≤ n ≤ MaxShards).
func ParseSpec(v string) (Spec, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(v), "/")
	if !ok {
		return Spec{}, fmt.Errorf("%q is not i/n (shard i of n, e.g. 2/4)", v)
	}
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return Spec{}, fmt.Errorf("%q is not i/n with whole numbers (e.g. 2/4)", v)
	}
	if n < 1 || n > MaxShards {
		return Spec{}, fmt.Errorf("%q: n is %d; allowed: 1 to %d", v, n, MaxShards)
	}
	if i < 1 || i > n {
		return Spec{}, fmt.Errorf("%q: i is %d; allowed: 1 to n (%d); shards are numbered from 1", v, i, n)
	}
	return Spec{I: i, N: n}, nil
}

// Range returns the trials [first, end) of shard s of a run of trials.
func (s Spec) Range(trials int) (first, end int) {
	return int(int64(s.I-1) * int64(trials) / int64(s.N)), int(int64(s.I) * int64(trials) / int64(s.N))
}
