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
	expireNextURLs   int
	failJobs         int
	retryAfter       string // the Retry-After of throttled calls; empty: "1"
	errorPages       int    // GraphQL calls answered 502 with a big HTML page
	errorPageSize    int64
	missingFiles     int  // downloads answered 404 NoSuchKey
	revokedKey       bool // every GraphQL call answered 401
	withheldURLs     bool // finished jobs' outputs keep presignedUrl null
	nullProgress     bool // running jobs report percentageComplete null
	truncateOp       string
	truncateAnswers  int
}

// FailCalls makes the next n GraphQL calls answer HTTP 500.
func (f *Faults) FailCalls(n int) { f.set(func() { f.failCalls = n }) }

// Throttle makes the next n GraphQL calls answer HTTP 429 with Retry-After.
func (f *Faults) Throttle(n int) { f.set(func() { f.throttleCalls = n }) }

// ThrottleWith makes the next n GraphQL calls answer HTTP 429 with the given
// Retry-After header: seconds ("2") or an HTTP date.
func (f *Faults) ThrottleWith(n int, retryAfter string) {
	f.set(func() { f.throttleCalls, f.retryAfter = n, retryAfter })
}

// ErrorPages makes the next n GraphQL calls answer HTTP 502 with an HTML
// error page of size bytes, as a proxy in front of the service may. The page
// is streamed, never held in memory.
func (f *Faults) ErrorPages(n int, size int64) {
	f.set(func() { f.errorPages, f.errorPageSize = n, size })
}

// MissingFiles makes the next n downloads answer HTTP 404 NoSuchKey, as
// storage does for a file that is gone.
func (f *Faults) MissingFiles(n int) { f.set(func() { f.missingFiles = n }) }

// RevokeKey makes every GraphQL call answer HTTP 401 while on, as after the
// account's owner revoked or rotated the key.
func (f *Faults) RevokeKey(on bool) { f.set(func() { f.revokedKey = on }) }

// WithholdOutputURLs keeps finished jobs' outputs without download URLs
// while on (the service can take a while to publish them; the client must
// not wait forever).
func (f *Faults) WithholdOutputURLs(on bool) { f.set(func() { f.withheldURLs = on }) }

// NullProgress makes running jobs report percentageComplete null while on
// (the schema allows it).
func (f *Faults) NullProgress(on bool) { f.set(func() { f.nullProgress = on }) }

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

// ExpireNextURLs makes the next n presigned URLs issued already expired,
// and the ones after them good again: a fault that ends on its own, at a
// point a test can count on rather than after a sleep.
func (f *Faults) ExpireNextURLs(n int) { f.set(func() { f.expireNextURLs = n }) }

// TruncateAnswers makes the next n calls of the GraphQL operation op do
// their work and then answer HTTP 200 with only the first half of the JSON:
// an answer lost on the way, after the service acted on the call.
func (f *Faults) TruncateAnswers(op string, n int) {
	f.set(func() { f.truncateOp, f.truncateAnswers = op, n })
}

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

// urlsExpired reports whether the URL being issued now is to be expired.
func (f *Faults) urlsExpired() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.expireNextURLs > 0 {
		f.expireNextURLs--
		return true
	}
	return f.expireURLs
}

// flag reads a switch under the lock.
func (f *Faults) flag(b *bool) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return *b
}

// throttleHeader is the Retry-After a throttled call carries.
func (f *Faults) throttleHeader() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.retryAfter == "" {
		return "1"
	}
	return f.retryAfter
}

// takeErrorPage reports whether the next GraphQL call gets an error page,
// and its size.
func (f *Faults) takeErrorPage() (int64, bool) {
	return f.takeCut(&f.errorPages, &f.errorPageSize)
}

// truncates consumes one truncated answer if op is the operation hit.
func (f *Faults) truncates(op string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.truncateAnswers <= 0 || op != f.truncateOp {
		return false
	}
	f.truncateAnswers--
	return true
}
