//go:build !unix

package study_test

// processCPU is not measured on this system: the cpu-ns/op metric reads 0.
func processCPU() int64 { return 0 }
