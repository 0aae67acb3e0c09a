package ui

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"singlecam/core/media/mediatest"
	"singlecam/core/paths"
	"singlecam/core/secrets"
	"singlecam/core/ugcsim"
)

// uiQueue holds work for the UI goroutine, which in these tests is the
// test's own: background goroutines queue, the test runs.
type uiQueue chan func()

// theQueue is installed once for the whole test binary: work a finished
// test's goroutines queue late still runs on a test goroutine, never beside
// one.
var theQueue = make(uiQueue, 10_000)

func TestMain(m *testing.M) {
	onMain = func(f func()) {
		select {
		case theQueue <- f:
		default: // nobody is draining: drop rather than block
		}
	}
	os.Exit(m.Run())
}

func useQueue(*testing.T) uiQueue { return theQueue }

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
// against, a mocked keyring and folders of the test's own.
type testEnv struct {
	ui  *UI
	sim *ugcsim.Simulator
	q   uiQueue
	dir string
}

const simKey = "ui-test-key-0123456789"

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	keyring.MockInit()
	sim, err := ugcsim.New(ugcsim.Config{Key: simKey, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: 20 * time.Millisecond, Processing: 100 * time.Millisecond, OutputURLs: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	t.Setenv(secrets.KeyEnv, "")
	t.Setenv("MOVE_UGC_ENDPOINT_URL", srv.URL+ugcsim.GraphQLPath)
	t.Setenv(paths.DataDirEnv, t.TempDir())
	e := &testEnv{sim: sim, q: useQueue(t), dir: t.TempDir()}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefDownloadDir, filepath.Join(e.dir, "downloads"))
	e.ui = New(a, Options{})
	e.ui.win.Resize(fyne.NewSize(1100, 720))
	t.Cleanup(func() {
		if e.ui.session != nil {
			e.ui.session.close()
		}
	})
	return e
}

// signedIn starts the app with the key saved, at the main screen.
func (e *testEnv) signedIn(t *testing.T) *MainScreen {
	t.Helper()
	if err := secrets.Save(simKey); err != nil {
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
