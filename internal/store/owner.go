package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// owner is the identity of the process that claims its runs.
type owner struct {
	// host names the machine and its boot, so that a pid is only
	// checked on the machine, and in the boot, that issued it.
	host string
	pid  int
	// start is the process's start time (processStart), to tell it from
	// a later process that reuses its pid; "" where unknown.
	start string
	// id is host, pid and a random nonce: unique to this Store.
	id string
}

func newOwner() owner {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown-host"
	}
	if b, err := os.ReadFile("/proc/sys/kernel/random/boot_id"); err == nil {
		if boot := strings.TrimSpace(string(b)); len(boot) >= 8 {
			host += "/boot-" + boot[:8]
		}
	}
	var nonce [6]byte
	_, _ = rand.Read(nonce[:])
	pid := os.Getpid()
	return owner{host: host, pid: pid, start: processStart(pid), id: fmt.Sprintf("%s/pid-%d/%s", host, pid, hex.EncodeToString(nonce[:]))}
}
