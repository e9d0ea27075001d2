package store

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

// TestProcessAlive: this process is alive at its start time and not at
// another (a reused pid); a killed child not yet reaped (a zombie) is
// not alive, nor is a pid that no process has.
func TestProcessAlive(t *testing.T) {
	self := os.Getpid()
	start := processStart(self)
	if start == "" || !processAlive(self, start) || !processAlive(self, "") {
		t.Errorf("processAlive(self, %q) = false", start)
	}
	if processAlive(self, start+"0") {
		t.Error("processAlive(self, another start time) = true, want false: the pid was reused")
	}
	cmd := exec.Command("sleep", "30")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	pid, cstart := cmd.Process.Pid, processStart(cmd.Process.Pid)
	if !processAlive(pid, cstart) {
		t.Error("processAlive(running child) = false")
	}
	_ = cmd.Process.Kill()
	deadline := time.Now().Add(5 * time.Second)
	for processAlive(pid, cstart) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if processAlive(pid, cstart) {
		t.Error("processAlive(killed, unreaped child) = true, want false")
	}
	_ = cmd.Wait()
	if processAlive(pid, cstart) {
		t.Error("processAlive(reaped child) = true")
	}
}
