package jobs

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"singlecam/core/engine"
	"singlecam/ui/internal/uitest"
)

// newTestView is a jobs list on a test app with no session: what it shows
// comes from its model, which the test fills. The app's tests
// (ui/jobs_*_test.go) follow jobs through a session against the simulator.
func newTestView(t *testing.T) *View {
	t.Helper()
	q := uitest.Enter(t)
	a := test.NewTempApp(t)
	q.SetApp(a)
	return New(Host{App: a, Win: test.NewTempWindow(t, nil), OnMain: q.Post,
		Say: func(string) {}, Engine: func() *engine.Engine { return nil }, Demo: func() bool { return false },
		OpenPath: func(string, string) {}, OpenMotion: func(string, string, string) {},
		ApplyToCharacter: func(string, string) {}, ExportMotion: func([]string, string) {},
	})
}
