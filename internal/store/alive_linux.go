package store

import (
	"os"
	"strconv"
	"strings"
)

// procStat returns the state and the start time (clock ticks after boot)
// of process pid from /proc/PID/stat (proc(5): fields 3 and 22), or ok
// false if there is no such process.
func procStat(pid int) (state, start string, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", "", false
	}
	// The command name, field 2, is in parentheses and may hold spaces
	// and parentheses: the fields after it start after the last ')'.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return "", "", false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 20 {
		return "", "", false
	}
	return f[0], f[19], true
}

// processStart is the start time of process pid, to tell it from a later
// process given the same pid.
func processStart(pid int) string {
	_, start, _ := procStat(pid)
	return start
}

// processAlive reports whether process pid, started at start (if known),
// still runs on this machine: it exists, is not a zombie (killed but not
// yet reaped by its parent) and is not another process that reused the
// pid.
func processAlive(pid int, start string) bool {
	if pid <= 0 {
		return false
	}
	state, s, ok := procStat(pid)
	switch {
	case !ok, state == "Z", state == "X":
		return false
	case start != "" && s != start:
		return false
	}
	return true
}
