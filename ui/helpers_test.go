package ui

import (
	"context"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"singlecam/core/engine"
	"singlecam/core/media/mediatest"
	"singlecam/core/secrets"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

// uiThread stands for the one UI goroutine a real app has. Fyne keeps
// process-wide caches (font metrics, renderers, images) that only that
// goroutine may touch, so tests that run in parallel take turns on it: a
// test holds it from newTestEnv to its end, and lets go only while it waits
// for the app's goroutines (in until and settle). Tests overlap in their
// waiting, never in touching widgets.
var uiThread sync.Mutex

// uiQueue holds work for the UI goroutine, which in these tests is the
// test's own: background goroutines queue, the test runs. Each test has its
// own; work a finished test's goroutines queue late is never run.
type uiQueue struct {
	work chan func()
	app  fyne.App // made current again whenever the test takes the UI thread back
}

func newQueue() *uiQueue { return &uiQueue{work: make(chan func(), 10_000)} }

// post queues f; it stands in for fyne.Do.
func (q *uiQueue) post(f func()) {
	select {
	case q.work <- f:
	default: // nobody is draining: drop rather than block
	}
}

// enter takes the UI thread, with this test's app as Fyne's current one
// (each test app replaces the process-wide current app when it is made).
func (q *uiQueue) enter() {
	uiThread.Lock()
	if q.app != nil {
		fyne.SetCurrentApp(q.app)
	}
}

// next runs one piece of queued work, waiting up to wait for it with the UI
// thread let go; it reports whether there was any.
func (q *uiQueue) next(wait time.Duration) bool {
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

// until runs queued UI work until cond holds. It is no timed assertion: on
// a loaded machine one event can take the UI goroutine most of a second
// under the race detector, so it waits as long as the test binary may run
// (go test's -timeout) and fails, naming what it waited for, only just
// before that: a hang, not slowness.
func (q *uiQueue) until(t *testing.T, what string, cond func() bool) {
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

// settle runs the UI work queued so far and what it queues in the next
// moments.
func (q *uiQueue) settle() {
	for quiet := 0; quiet < 20; {
		if q.next(10 * time.Millisecond) {
			quiet = 0
		} else {
			quiet++
		}
	}
}

// testEnv is a test app and window, a simulator the app's key works
// against, a keyring and folders of the test's own: nothing is shared, so
// the tests run in parallel.
type testEnv struct {
	ui       *UI
	sim      *ugcsim.Simulator
	q        *uiQueue
	dir      string
	dataDir  string // the journal's folder is dataDir/submissions
	endpoint string // the simulator's GraphQL URL
	keys     *fakeKeyring
	// holdUploads makes every upload hang until the client gives up.
	holdUploads atomic.Bool
}

const simKey = "ui-test-key-0123456789"

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	q := newQueue()
	q.enter()
	t.Cleanup(uiThread.Unlock) // the first cleanup runs last: after the app and its windows close
	sim, err := ugcsim.New(ugcsim.Config{Key: simKey, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: 20 * time.Millisecond, Processing: 100 * time.Millisecond, OutputURLs: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	e := &testEnv{sim: sim, q: q, dir: t.TempDir(), dataDir: t.TempDir(), keys: &fakeKeyring{}}
	inner := sim.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && e.holdUploads.Load() {
			io.Copy(io.Discard, r.Body) // then the server notices when the client leaves
			<-r.Context().Done()        // an upload that never ends, until the client stops it
			return
		}
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.endpoint = srv.URL + ugcsim.GraphQLPath
	a := test.NewTempApp(t)
	q.app = a
	a.Preferences().SetString(prefDownloadDir, filepath.Join(e.dir, "downloads"))
	a.Preferences().SetString(prefEndpoint, e.endpoint)
	e.ui = New(a, Options{})
	e.ui.onMain = e.q.post
	e.ui.lookupKey, e.ui.saveKey, e.ui.forgetKey = e.keys.lookup, e.keys.save, e.keys.forget
	e.ui.checkKey = func(ctx context.Context, key string) (ugc.Account, error) {
		return engine.CheckKey(ctx, key, e.endpoint)
	}
	e.ui.dataDir = func() (string, error) { return e.dataDir, nil }
	e.ui.notificationsAvailable = func() bool { return true }
	e.ui.after = func(time.Duration, func()) {} // messages stay until a test runs their timers
	e.ui.win.Resize(fyne.NewSize(1100, 720))
	t.Cleanup(func() {
		if s := e.ui.session; s != nil {
			s.cancel()
			s.shutdown()
		}
	})
	return e
}

// fakeKeyring is one test's OS keyring.
type fakeKeyring struct {
	mu  sync.Mutex
	key string
}

func (k *fakeKeyring) lookup() (string, secrets.Source, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.key == "" {
		return "", secrets.FromNowhere, secrets.ErrNoKey
	}
	return k.key, secrets.FromKeyring, nil
}

func (k *fakeKeyring) save(key string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.key = key
	return nil
}

func (k *fakeKeyring) forget() error { return k.save("") }

// signedIn starts the app with the key saved, at the main screen.
func (e *testEnv) signedIn(t *testing.T) *MainScreen {
	t.Helper()
	if err := e.keys.save(simKey); err != nil {
		t.Fatal(err)
	}
	e.ui.Start()
	e.q.until(t, "the main screen", func() bool { return e.ui.main != nil && e.ui.win.Content() == e.ui.main.content })
	e.q.settle()
	return e.ui.main
}

// video writes a real MP4 named name into the test's folder.
func (e *testEnv) video(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(e.dir, name)
	if err := mediatest.WriteMP4(path, 30_000+int64(crc32.ChecksumIEEE([]byte(name))%4096)); err != nil { // each name its own video
		t.Fatal(err)
	}
	return path
}

func (e *testEnv) file(t *testing.T, name string, size int) string {
	t.Helper()
	path := filepath.Join(e.dir, name)
	if err := os.WriteFile(path, make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// labelTexts lists the label texts inside o, in order.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		out = append(out, x.Text)
	case *PathLabel:
		out = append(out, x.Full)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, labelTexts(c)...)
		}
	}
	return out
}
