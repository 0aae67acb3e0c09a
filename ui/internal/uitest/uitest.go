// Package uitest is what the GUI's tests share: one UI goroutine that
// parallel tests take turns on, the queue that stands in for fyne.Do, and
// the videos and files they drop. Only tests import it.
package uitest

import (
	"hash/crc32"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"singlecam/core/media/mediatest"
)

// uiThread stands for the one UI goroutine a real app has. Fyne keeps
// process-wide caches (font metrics, renderers, images) that only that
// goroutine may touch, so tests that run in parallel take turns on it: a
// test holds it from Enter to its end, and lets go only while it waits
// for the app's goroutines (in Until and Settle). Tests overlap in their
// waiting, never in touching widgets.
var uiThread sync.Mutex

// Queue holds work for the UI goroutine, which in these tests is the
// test's own: background goroutines queue, the test runs. Each test has its
// own; work a finished test's goroutines queue late is never run.
type Queue struct {
	work chan func()
	app  fyne.App // made current again whenever the test takes the UI thread back
}

// Enter makes the test's queue and takes the UI thread until the test
// ends (after the app and its windows close: the first cleanup runs last).
func Enter(t *testing.T) *Queue {
	q := &Queue{work: make(chan func(), 10_000)}
	q.enter()
	t.Cleanup(uiThread.Unlock)
	return q
}

// SetApp is the test's app, made Fyne's current one whenever the test
// takes the UI thread back (each test app replaces the process-wide current
// app when it is made).
func (q *Queue) SetApp(a fyne.App) { q.app = a }

// Post queues f; it stands in for fyne.Do.
func (q *Queue) Post(f func()) {
	select {
	case q.work <- f:
	default: // nobody is draining: drop rather than block
	}
}

func (q *Queue) enter() {
	uiThread.Lock()
	if q.app != nil {
		fyne.SetCurrentApp(q.app)
	}
}

// next runs one piece of queued work, waiting up to wait for it with the UI
// thread let go; it reports whether there was any.
func (q *Queue) next(wait time.Duration) bool {
	var f func()
	select {
	case f = <-q.work:
	default:
		uiThread.Unlock()
		select {
		case f = <-q.work:
		case <-time.After(wait):
		}
		q.enter()
	}
	if f == nil {
		return false
	}
	f()
	return true
}

// Until runs queued UI work until cond holds. It is no timed assertion: on
// a loaded machine one event can take the UI goroutine most of a second
// under the race detector, so it waits as long as the test binary may run
// (go test's -timeout) and fails, naming what it waited for, only just
// before that: a hang, not slowness.
func (q *Queue) Until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Minute)
	if d, ok := t.Deadline(); ok {
		deadline = d.Add(-30 * time.Second)
	}
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never saw %s", what)
		}
		q.next(10 * time.Millisecond)
	}
}

// Settle runs the UI work queued so far and what it queues in the next
// moments.
func (q *Queue) Settle() {
	for quiet := 0; quiet < 20; {
		if q.next(10 * time.Millisecond) {
			quiet = 0
		} else {
			quiet++
		}
	}
}

// Video writes a real MP4 named name into dir; each name makes a video of
// its own.
func Video(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := mediatest.WriteMP4(path, 30_000+int64(crc32.ChecksumIEEE([]byte(name))%4096)); err != nil {
		t.Fatal(err)
	}
	return path
}

// File writes size zero bytes into dir as name.
func File(t *testing.T, dir, name string, size int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
