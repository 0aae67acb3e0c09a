package ugc

import (
	"context"
	"math/rand/v2"
	"time"
)

// backoff is the wait before retry number attempt (1 = the first retry):
// exponential, capped, with full jitter so that many clients hit by one
// outage do not all come back at the same instant.
func backoff(r Retry, attempt int) time.Duration {
	ceiling := r.BaseDelay << min(attempt-1, 30)
	if ceiling <= 0 || ceiling > r.MaxDelay {
		ceiling = r.MaxDelay
	}
	if ceiling <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}

// sleep waits for d or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
