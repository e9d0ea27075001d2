//go:build unix

package sim

import "syscall"

// cpuNow returns the CPU time (user and system) the process has used so
// far, ns, for the micro-benchmarks of package sim (see processCPU in
// package sim_test).
func cpuNow() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
