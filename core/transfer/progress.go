// Package transfer moves files between disk and presigned URLs: a streaming
// upload with an exact Content-Length (memory stays flat whatever the size)
// and a download into a .part file that resumes with Range requests. Both
// retry transient failures, fetch a fresh URL when one expires, give up on a
// stalled connection, and report progress.
package transfer

import (
	"io"
	"sync"
	"time"
)

// Progress reports done bytes of total; total is -1 when unknown.
type Progress func(done, total int64)

// Throttle returns a Progress that passes calls on to p at most once per
// interval, always passing the first and the one that completes the total.
// It is safe for concurrent use.
func Throttle(p Progress, interval time.Duration) Progress {
	if p == nil {
		return func(int64, int64) {}
	}
	var mu sync.Mutex
	var last time.Time
	return func(done, total int64) {
		mu.Lock()
		now := time.Now()
		pass := last.IsZero() || now.Sub(last) >= interval || done == total
		if pass {
			last = now
		}
		mu.Unlock()
		if pass {
			p(done, total)
		}
	}
}

// countingReader reports progress and activity as bytes are read.
type countingReader struct {
	r        io.Reader
	done     int64
	total    int64
	progress Progress
	alive    func()
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.done += int64(n)
		c.alive()
		c.progress(c.done, c.total)
	}
	return n, err
}
