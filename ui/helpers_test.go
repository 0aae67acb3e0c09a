package ui

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"singlecam/core/engine"
	"singlecam/core/media/mediatest"
	"singlecam/core/secrets"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

// uiQueue holds work for the UI goroutine, which in these tests is the
// test's own: background goroutines queue, the test runs. Each test has its
// own (see newTestEnv); work a finished test's goroutines queue late is never
// run.
type uiQueue chan func()

func newQueue() uiQueue { return make(uiQueue, 10_000) }

// post queues f; it stands in for fyne.Do.
func (q uiQueue) post(f func()) {
	select {
	case q <- f:
	default: // nobody is draining: drop rather than block
	}
}

// until runs queued UI work until cond holds, or fails after a while.
func (q uiQueue) until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// settle runs the UI work queued so far and what it queues in the next
// moments.
func (q uiQueue) settle() {
	for quiet := 0; quiet < 20; {
		select {
		case f := <-q:
			f()
			quiet = 0
		case <-time.After(10 * time.Millisecond):
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
	q        uiQueue
	dir      string
	dataDir  string // the journal's folder is dataDir/submissions
	endpoint string // the simulator's GraphQL URL
	keys     *fakeKeyring
}

const simKey = "ui-test-key-0123456789"

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	sim, err := ugcsim.New(ugcsim.Config{Key: simKey, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: 20 * time.Millisecond, Processing: 100 * time.Millisecond, OutputURLs: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	e := &testEnv{sim: sim, q: newQueue(), dir: t.TempDir(), dataDir: t.TempDir(),
		endpoint: srv.URL + ugcsim.GraphQLPath, keys: &fakeKeyring{}}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefDownloadDir, filepath.Join(e.dir, "downloads"))
	a.Preferences().SetString(prefEndpoint, e.endpoint)
	e.ui = New(a, Options{})
	e.ui.onMain = e.q.post
	e.ui.lookupKey, e.ui.saveKey, e.ui.forgetKey = e.keys.lookup, e.keys.save, e.keys.forget
	e.ui.checkKey = func(ctx context.Context, key string) (ugc.Account, error) {
		return engine.CheckKey(ctx, key, e.endpoint)
	}
	e.ui.dataDir = func() (string, error) { return e.dataDir, nil }
	e.ui.win.Resize(fyne.NewSize(1100, 720))
	t.Cleanup(func() {
		if e.ui.session != nil {
			e.ui.session.close()
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
	if err := mediatest.WriteMP4(path, 30_000); err != nil {
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
