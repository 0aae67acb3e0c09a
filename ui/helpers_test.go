package ui

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"singlecam/core/engine"
	"singlecam/core/secrets"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
	"singlecam/ui/internal/uitest"
	"singlecam/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// testEnv is a test app and window, a simulator the app's key works
// against, a keyring and folders of the test's own: nothing is shared, so
// the tests run in parallel.
type testEnv struct {
	ui       *UI
	sim      *ugcsim.Simulator
	q        *uitest.Queue
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
	q := uitest.Enter(t)
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
	q.SetApp(a)
	a.Preferences().SetString(kit.PrefDownloadDir, filepath.Join(e.dir, "downloads"))
	a.Preferences().SetString(kit.PrefEndpoint, e.endpoint)
	e.ui = New(a, Options{})
	e.ui.onMain = e.q.Post
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
	e.q.Until(t, "the main screen", func() bool { return e.ui.main != nil && e.ui.win.Content() == e.ui.main.content })
	e.q.Settle()
	return e.ui.main
}

// video writes a real MP4 named name into the test's folder.
func (e *testEnv) video(t *testing.T, name string) string { return uitest.Video(t, e.dir, name) }

func (e *testEnv) file(t *testing.T, name string, size int) string {
	return uitest.File(t, e.dir, name, size)
}

// labelTexts lists the label texts inside o, in order.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		out = append(out, x.Text)
	case *kit.PathLabel:
		out = append(out, x.Full)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, labelTexts(c)...)
		}
	}
	return out
}
