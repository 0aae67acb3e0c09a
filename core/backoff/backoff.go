// Package backoff is the retry policy shared by the API client and the file
// transfers: exponential waits, capped, with full jitter, that end early when
// the caller's context does.
package backoff

import (
	"context"
	"math/rand/v2"
	"time"
)

// Policy is how often and how patiently to retry.
type Policy struct {
	Attempts  int           // tries in all, the first included
	BaseDelay time.Duration // the first wait's ceiling; it doubles on each retry
	MaxDelay  time.Duration // the cap on one wait
}

// Delay is the wait before retry number attempt (1 = the first retry):
// random up to an exponential ceiling, so that many clients hit by one
// outage do not all come back at the same instant.
func (p Policy) Delay(attempt int) time.Duration {
	ceiling := p.BaseDelay << min(max(attempt-1, 0), 30)
	if ceiling <= 0 || ceiling > p.MaxDelay {
		ceiling = p.MaxDelay
	}
	if ceiling <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}

// Sleep waits for d or until ctx ends, whichever comes first.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// NetworkWait paces work that waits for the network to come back (a laptop
// asleep, Wi-Fi gone): from a few seconds up to five minutes between tries,
// never giving up on its own.
var NetworkWait = Policy{BaseDelay: 5 * time.Second, MaxDelay: 5 * time.Minute}
