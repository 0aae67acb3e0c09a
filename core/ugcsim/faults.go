package ugcsim

import (
	"sync"
	"time"
)

// Faults are switchable failures, for tests and for `singlecam simulate`
// flags. Counted faults hit the next N requests of their kind and then stop.
// The zero value injects nothing; every method is safe for concurrent use.
type Faults struct {
	mu sync.Mutex
	faultState
}

type faultState struct {
	failCalls        int // GraphQL calls answered 500
	throttleCalls    int // GraphQL calls answered 429
	failTransfers    int // uploads and downloads answered 503
	latency          time.Duration
	cutUploads       int
	cutUploadAfter   int64
	cutDownloads     int
	cutDownloadAfter int64
	expireURLs       bool
	failJobs         int
}

// FailCalls makes the next n GraphQL calls answer HTTP 500.
func (f *Faults) FailCalls(n int) { f.set(func() { f.failCalls = n }) }

// Throttle makes the next n GraphQL calls answer HTTP 429 with Retry-After.
func (f *Faults) Throttle(n int) { f.set(func() { f.throttleCalls = n }) }

// FailTransfers makes the next n uploads or downloads answer HTTP 503.
func (f *Faults) FailTransfers(n int) { f.set(func() { f.failTransfers = n }) }

// SetLatency delays every request, GraphQL and transfer alike, by d.
func (f *Faults) SetLatency(d time.Duration) { f.set(func() { f.latency = d }) }

// CutUploads drops the connection of the next n uploads after reading
// afterBytes of the body.
func (f *Faults) CutUploads(n int, afterBytes int64) {
	f.set(func() { f.cutUploads, f.cutUploadAfter = n, afterBytes })
}

// CutDownloads drops the connection of the next n downloads after sending
// afterBytes of the body.
func (f *Faults) CutDownloads(n int, afterBytes int64) {
	f.set(func() { f.cutDownloads, f.cutDownloadAfter = n, afterBytes })
}

// ExpireURLs makes every presigned URL issued while on already expired.
func (f *Faults) ExpireURLs(on bool) { f.set(func() { f.expireURLs = on }) }

// FailJobs makes the next n jobs created end FAILED halfway through.
func (f *Faults) FailJobs(n int) { f.set(func() { f.failJobs = n }) }

// Reset switches every fault off.
func (f *Faults) Reset() {
	f.set(func() { f.faultState = faultState{} })
}

func (f *Faults) set(change func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	change()
}

// take consumes one use of a counted fault and reports whether it applied.
func (f *Faults) take(counter *int) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if *counter <= 0 {
		return false
	}
	*counter--
	return true
}

func (f *Faults) delay() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.latency
}

// takeCut reports whether the next transfer of one direction is cut, and after
// how many bytes.
func (f *Faults) takeCut(counter *int, after *int64) (int64, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if *counter <= 0 {
		return 0, false
	}
	*counter--
	return *after, true
}

func (f *Faults) urlsExpired() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.expireURLs
}
