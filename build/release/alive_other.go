//go:build !unix

package release

// processAlive cannot ask about a process here, so it says every holder
// of a lock is alive: a stale lock is then removed by hand.
func processAlive(pid int) bool { return true }
