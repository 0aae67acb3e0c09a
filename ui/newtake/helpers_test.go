package newtake

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/submit"
	"singlecam/ui/internal/uitest"
)

// testEnv is a test app and window with the panel in it, and a folder of
// the test's own for its videos: nothing is shared, so tests run in
// parallel.
type testEnv struct {
	q   *uitest.Queue
	app fyne.App
	win fyne.Window
	dir string
	// started holds what Start sent, batch by batch.
	started [][]submit.Request
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	e := &testEnv{q: uitest.Enter(t), dir: t.TempDir()}
	e.app = test.NewTempApp(t)
	e.q.SetApp(e.app)
	e.win = test.NewTempWindow(t, nil)
	e.win.Resize(fyne.NewSize(1100, 720))
	return e
}

// panel puts a new-take panel in the window, as the main screen does.
func (e *testEnv) panel(t *testing.T) *Panel {
	t.Helper()
	p := New(nil, e.app.Preferences(), e.win, func(reqs []submit.Request) { e.started = append(e.started, reqs) }, e.q.Post)
	e.win.SetContent(p.Content())
	e.q.Settle()
	return p
}

func (e *testEnv) video(t *testing.T, name string) string { return uitest.Video(t, e.dir, name) }

func (e *testEnv) file(t *testing.T, name string, size int) string {
	return uitest.File(t, e.dir, name, size)
}
