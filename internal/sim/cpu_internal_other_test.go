//go:build !unix

package sim

// cpuNow is zero where getrusage is not available.
func cpuNow() int64 { return 0 }
