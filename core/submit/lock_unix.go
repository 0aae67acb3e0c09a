//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package submit

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on f; with wait false it gives
// up at once when another holder has it. The OS drops the lock when the
// process ends, a crash included, so a lock is never left stale.
func lockFile(f *os.File, wait bool) (bool, error) {
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	for {
		err := syscall.Flock(int(f.Fd()), how)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		}
		return false, err
	}
}
