package transfer

import (
	"context"
	"errors"
	"sync/atomic"
	"time"
)

// errStalled ends an attempt during which no byte moved for too long: a
// dropped Wi-Fi link can leave a TCP connection hanging for many minutes.
var errStalled = errors.New("no data moved for too long")

// watchStall returns a context that is cancelled with errStalled when alive
// has not been called for timeout, and the alive func to call on progress.
// Call stop when the attempt ends.
func watchStall(ctx context.Context, timeout time.Duration) (attempt context.Context, alive func(), stop func()) {
	attempt, cancel := context.WithCancelCause(ctx)
	var last atomic.Int64
	last.Store(time.Now().UnixNano())
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(max(timeout/4, time.Millisecond))
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-attempt.Done():
				return
			case now := <-tick.C:
				if now.Sub(time.Unix(0, last.Load())) > timeout {
					cancel(errStalled)
					return
				}
			}
		}
	}()
	alive = func() { last.Store(time.Now().UnixNano()) }
	stop = func() {
		close(done)
		cancel(nil)
	}
	return attempt, alive, stop
}
